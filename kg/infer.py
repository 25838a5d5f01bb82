"""Inference: materialise what the ontology implies, with rule and premises kept.

Inverse pairs and symmetric relations come from the ontology (``owl:inverseOf``,
``owl:SymmetricProperty``); ``kg/data/inference.json`` adds the classes an inverse may join,
one-way inverses, implications, and two-step chains (a place's country through the region it is
in, a party's country through its headquarters). An inferred fact sits in the
named graph of its premises' article (two articles implying one fact each hold
it), says which rule made it and which statements it came from, and is never
more confident than its weakest premise.
A chain joins two facts of the same article only: across articles, two places
that share a name ("London", "Dublin") are too often two places, and a town
placed through another article's "Dublin" would land in the wrong country.
Chains are joined through dictionaries, so the cost grows with the number of
facts, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from kg.datafiles import check_relation, load_json
from kg.model import Entity, Evidence
from kg.ontology import RELATIONS, class_parents, ontology_inverses
from kg.rdf import ResolvedFact, statement_id

__all__ = ["InferenceRules", "infer_facts", "inference_rules"]

MAX_ROUNDS = 4


@dataclass(frozen=True)
class _Step:
    name: str
    source: str
    result: str
    reverse: bool  # result runs object → subject
    factor: float
    subject_class: frozenset[str] = frozenset()
    object_class: frozenset[str] = frozenset()
    # not where the same article places the subject in one of these classes by one of these relations
    unless_within: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # not from a premise these rules wrote about a subject of these classes ("the Tesk Navy" is Tesk's by its
    # name, not located there)
    unless_rules: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


@dataclass(frozen=True)
class _Chain:
    name: str
    first: str
    second: str
    result: str
    factor: float


@dataclass(frozen=True)
class InferenceRules:
    """Single-premise steps (inverse, symmetric) and two-premise chains."""

    steps: tuple[_Step, ...]
    chains: tuple[_Chain, ...]


@cache
def inference_rules() -> InferenceRules:
    """The rule table, checked against the ontology."""
    raw = load_json("inference.json")
    where = "kg/data/inference.json"
    steps: list[_Step] = []

    def step(kind: str, source: str, result: str, reverse: bool, r: dict[str, Any], subj: str, obj: str) -> None:
        steps.append(
            _Step(
                f"{kind}:{result}",
                check_relation(source, where),
                check_relation(result, where),
                reverse,
                float(r.get("factor", 1.0)),
                frozenset(r.get(subj, [])),
                frozenset(r.get(obj, [])),
                (
                    frozenset(check_relation(x, where) for x in r.get("unless_within", {}).get("relations", [])),
                    frozenset(r.get("unless_within", {}).get("object_class", [])),
                ),
                (
                    frozenset(r.get("unless_rules", {}).get("rules", [])),
                    frozenset(r.get("unless_rules", {}).get("subject_class", [])),
                ),
            )
        )

    skip = {check_relation(r, where) for r in raw.get("inverse_not_inferred", [])}
    ends = raw.get("inverse_ends", {})
    for a, b in ontology_inverses():
        for source, result in ((a, b), (b, a)):
            if result in skip:
                continue
            if result in ends:  # the classes the inferred fact may join
                step("inverse", source, result, True, ends[result], "subject_class", "object_class")
            else:  # the inverse of a restricted relation: the same classes, swapped
                step("inverse", source, result, True, ends.get(source, {}), "object_class", "subject_class")
    for r in raw.get("inverse_only", []):
        step("inverse", r["from"], r["to"], True, r, "subject_class", "object_class")
    for r in raw.get("implies", []):
        step("implies", r["from"], r["to"], False, r, "subject_class", "object_class")
    for rel in sorted(r.name for r in RELATIONS.values() if r.symmetric):
        steps.append(_Step(f"symmetric:{rel}", rel, rel, True, 1.0))
    chains = tuple(
        _Chain(
            c["name"],
            check_relation(c["first"], where),
            check_relation(c["second"], where),
            check_relation(c["result"], where),
            float(c.get("factor", 1.0)),
        )
        for c in raw["chains"]
    )
    return InferenceRules(tuple(steps), chains)


def _fits(entities: dict[str, Entity], key: str, classes: frozenset[str]) -> bool:
    if not classes:
        return True
    e = entities.get(key)
    return e is not None and bool(set(class_parents(e.cls)) & classes)


_Within = tuple[str, str, tuple[frozenset[str], frozenset[str]]]


def _within(facts: Sequence[ResolvedFact], entities: dict[str, Entity], rules: InferenceRules) -> set[_Within]:
    """(subject, article, condition) for each step's ``unless_within`` that the article's stated facts meet:
    a town the text puts in its province ("Talcahuano, Biobío Region, Chile"), a party whose seat is a
    city, has a finer container than its country, so its country is not also what it is located in."""
    conds = {st.unless_within for st in rules.steps if st.unless_within[0]}
    out: set[_Within] = set()
    for f in facts:
        for rels, classes in conds:
            if f.relation in rels and isinstance(f.object, str) and _fits(entities, f.object, classes):
                out.add((f.subject, f.evidence.article, (rels, classes)))
    return out


_CARRIED = frozenset({"start", "end", "status", "role"})  # what a one-premise step keeps of its premise


def _make(rule: str, s: str, rel: str, o: str, premises: Sequence[ResolvedFact], factor: float) -> ResolvedFact:
    """The inferred fact; from one premise it keeps the premise's term (start, end), status and role:
    a leader from 1994 until 2009 was a member over that span, not a current one."""
    first = premises[0].evidence
    conf = min(p.evidence.confidence for p in premises) * factor
    ev = Evidence(first.article, first.section, first.sentence, first.start, first.end, f"infer:{rule}", round(conf, 3))
    quals = tuple(q for q in premises[0].qualifiers if q[0] in _CARRIED) if len(premises) == 1 else ()
    return ResolvedFact(s, rel, o, ev, quals, rule, tuple(statement_id(p) for p in premises))


_Key = tuple[str, str, str, str]


def _former(f: ResolvedFact) -> bool:
    """A premise the text marks as no longer so ("Headquarters: … (first)"): chains do not join it."""
    return any(k == "status" and v in ("Former", "Historical") for k, v in f.qualifiers)


def _key(f: ResolvedFact) -> _Key:
    return (f.subject, f.relation, str(f.object), f.evidence.article)


def _add(known: set[_Key], best: dict[_Key, ResolvedFact], new: list[ResolvedFact], f: ResolvedFact) -> None:
    """Keep ``f`` unless its article states it; of two derivations in one article keep the more confident."""
    key = _key(f)
    if key in known or f.subject == f.object:
        return
    prev = best.get(key)
    if prev is None:
        new.append(f)
    if prev is None or prev.evidence.confidence < f.evidence.confidence:
        best[key] = f


def infer_facts(facts: Sequence[ResolvedFact], entities: dict[str, Entity]) -> list[ResolvedFact]:
    """Facts implied by ``facts`` that their article does not state, once per article (the most
    confident derivation): each article's graph holds what its own statements imply."""
    rules = inference_rules()
    known: set[_Key] = {_key(f) for f in facts}
    best: dict[_Key, ResolvedFact] = {}
    frontier = [f for f in facts if isinstance(f.object, str)]
    by_subject: dict[str, dict[str, list[ResolvedFact]]] = defaultdict(lambda: defaultdict(list))
    by_object: dict[str, dict[str, list[ResolvedFact]]] = defaultdict(lambda: defaultdict(list))

    def index(fs: Sequence[ResolvedFact]) -> None:
        for f in fs:
            by_subject[f.relation][f.subject].append(f)
            by_object[f.relation][str(f.object)].append(f)

    index(frontier)
    within = _within(facts, entities, rules)
    for _ in range(MAX_ROUNDS):
        new: list[ResolvedFact] = []
        add = partial(_add, known, best, new)
        for f in frontier:
            o = str(f.object)
            for st in rules.steps:
                if st.source != f.relation:
                    continue
                s2, o2 = (o, f.subject) if st.reverse else (f.subject, o)
                unless, classes = st.unless_rules
                if f.evidence.extractor in unless and _fits(entities, s2, classes):
                    continue  # "the Tesk Navy" is Tesk's by its name: no place it is located in
                if (
                    _fits(entities, s2, st.subject_class)
                    and _fits(entities, o2, st.object_class)
                    and (s2, f.evidence.article, st.unless_within) not in within
                ):
                    add(_make(st.name, s2, st.result, o2, [f], st.factor))
            for ch in rules.chains:  # both premises from one article (see the module's docstring)
                art = f.evidence.article
                if _former(f):
                    continue  # a former seat's country is not the party's now (nor was it, always)
                if ch.first == f.relation:
                    for g in by_subject[ch.second].get(o, ()):
                        if g.evidence.article == art and not _former(g):
                            add(_make(ch.name, f.subject, ch.result, str(g.object), [f, g], ch.factor))
                if ch.second == f.relation:
                    for g in by_object[ch.first].get(f.subject, ()):
                        if g.evidence.article == art and not _former(g):
                            add(_make(ch.name, g.subject, ch.result, o, [g, f], ch.factor))
        if not new:
            break
        index(new)
        frontier = new
    return sorted(best.values(), key=lambda r: (r.evidence.article, r.evidence.start, statement_id(r)))
