"""Relations through a possessed noun: "his sons A and B" → two child facts and a sibling fact;
"the movement's newspaper, X" → house publication (table ``kg/data/possessives.json``).

A row of the table names its nouns, the relation from the possessor to the one named (or, with
``inverse``, back), whether it is kinship between people (``kin``) and whether the named are the
possessor's children (``siblings``); rows are checked when the table loads, and each carries
examples that ``tests/test_table_examples.py`` runs. This module reads the parse around the noun:
the possessor ("his", "X's", the "of" phrase), the ones named (apposition, compound, the next
name, the clause's subject) and "their" in a person's article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING, Any

from kg.extract.confidences import confidence, row_confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_json
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PossessiveRule", "kinship_facts", "kinship_nouns", "possessive_rules"]

_FILE = "kg/data/possessives.json"


@dataclass(frozen=True)
class PossessiveRule:
    """One row of ``possessives.json``."""

    name: str
    nouns: frozenset[str]
    relation: str
    inverse: bool  # the relation runs from the one named to the possessor
    kin: bool  # between people
    siblings: bool  # the named are the possessor's children
    confidence: float

    @property
    def extractor(self) -> str:
        """The family of the rule names its facts' evidence carries (``kinship:son``)."""
        return "kinship" if self.kin else "possessive"


def _row(r: Any) -> PossessiveRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("nouns") or not r.get("relation"):
        raise ValueError(f"{where}: a row needs a name, nouns and a relation")
    nouns = r["nouns"]
    if not isinstance(nouns, list) or not all(isinstance(n, str) and n == n.strip().lower() and n for n in nouns):
        raise ValueError(f"{where}: nouns must be a list of lower-cased words")
    flags = {k: r.get(k, False) for k in ("inverse", "kin", "siblings")}
    if not all(isinstance(v, bool) for v in flags.values()):
        raise ValueError(f"{where}: inverse, kin and siblings are true or false")
    if flags["siblings"] and (flags["inverse"] or not flags["kin"]):
        raise ValueError(f"{where}: siblings needs a kin row that is not inverse")
    return PossessiveRule(
        name=r["name"],
        nouns=frozenset(nouns),
        relation=check_relation(r["relation"], where),
        inverse=flags["inverse"],
        kin=flags["kin"],
        siblings=flags["siblings"],
        confidence=row_confidence(r, where),
    )


def _checked(raw: Any) -> tuple[PossessiveRule, ...]:
    rows = tuple(_row(r) for r in raw)
    seen: dict[str, str] = {}
    for row in rows:
        for noun in sorted(row.nouns):
            if noun in seen:
                raise ValueError(f"{_FILE}, rule {row.name!r}: noun {noun!r} is in rule {seen[noun]!r} too")
            seen[noun] = row.name
    return rows


@cache
def possessive_rules() -> tuple[PossessiveRule, ...]:
    """The possessive table, checked against the ontology."""
    return _checked(load_json("possessives.json")["rules"])


@cache
def _by_noun() -> dict[str, PossessiveRule]:
    return {noun: row for row in possessive_rules() for noun in row.nouns}


def kinship_nouns() -> dict[str, str]:
    """Possessed noun → relation from the possessor to the one named (``^relation``: the other way)."""
    return {noun: ("^" if row.inverse else "") + row.relation for noun, row in _by_noun().items()}


_SIBLING_PLURALS = lexicon("sibling_plurals")
_SIBLING_TEXT = re.compile(rf"\b(?:{alternation('sibling_plurals')})\b", re.IGNORECASE)


def _named_siblings(ctx: Sentences) -> Iterator[Fact]:
    """ "founded by the brothers Ana Roe and Eva Roe": no possessor, the names themselves are siblings."""
    if not _SIBLING_TEXT.search(ctx.block.text):
        return
    for tok in ctx.doc:
        if tok.lower_ not in _SIBLING_PLURALS or any(c.dep_ == "poss" for c in tok.children):
            continue
        named = [n for c in tok.children if c.dep_ == "appos" for n in (c, *c.conjuncts)]
        people = [m for n in named if (m := ctx.mention(n)) is not None and group_of(m.cls) == "Person"]
        ev = ctx.evidence(tok.sent, f"kinship:{tok.lower_}", confidence("kinship-named"))
        for a, b in combinations(dict.fromkeys(people), 2):
            yield Fact(a, "sibling", b, ev)


def _owner(ctx: Sentences, poss: Token) -> Mention | None:
    """The possessor's mention; in a person's article, a word of the person's own name ("Ilmar's
    daughter" in the article about Ilmar Dasko: NER leaves the one name untagged, or calls it an
    organisation) is the person."""
    m = ctx.mention(poss)
    lone = m is None or (group_of(m.cls) != "Person" and m.text == poss.text)
    own_name = poss.text in ctx.subject.text.split()
    if lone and own_name and poss.pos_ == "PROPN" and group_of(ctx.subject.cls) == "Person":
        return ctx.subject
    return m


_MAIDEN = lexicon("maiden_name_words")
_HEDGES = lexicon("prec_hedge_adjectives")


def _other_person(child: Token) -> bool:
    """A word beside a kinship noun that names no relative: a conjoined common noun with a role of
    its own ("his wife, Ilse Varga, and his chief minister Paulo Brenn": the minister is no wife),
    or a birth surname ("his wife Sarah, née Kaspar": Kaspar is Sarah's own name)."""
    if child.dep_ == "conj" and child.pos_ == "NOUN":
        return True
    return any(c.lower_ in _MAIDEN for c in child.children) or (
        child.i > 0 and child.doc[child.i - 1].lower_ in _MAIDEN
    )


def _bracketed(tok: Token) -> bool:
    """The kinship noun opens a bracket after the name it describes: "Tomas Roe (brother of Ana Roe)"."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "(" and tok.head.i < tok.i


def kinship_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from a kinship noun with a possessor ("his", "X's") and named relatives."""
    yield from _named_siblings(ctx)
    table = _by_noun()
    for tok in ctx.doc:
        row = table.get(tok.lower_)
        if row is None or tok.pos_ != "NOUN":
            continue
        if any(c.dep_ == "amod" and c.lower_ in _HEDGES for c in tok.children):
            continue  # "an alleged leader of the Tesk Front": a claim the sentence hedges, not a fact
        backwards, rel = row.inverse, row.relation
        relatives: list[Mention] = []
        of_owner = any(p.dep_ == "prep" and p.lower_ == "of" for p in tok.children)
        co_owners: list[Token] = []
        for child in tok.children:
            if child.dep_ == "conj" and of_owner and tok.dep_ == "attr":
                co_owners.append(child)  # "is son of A and B" parsed as "son … and B": B is a parent too
            elif _other_person(child):
                continue
            elif child.dep_ in ("appos", "compound", "npadvmod") or (child.dep_ == "conj"):
                relatives.extend(m for m in ctx.mentions_of(child) if group_of(m.cls) == "Person")
        nxt = tok.nbor(1) if tok.i + 1 < len(ctx.doc) else None
        if not relatives and nxt is not None:
            relatives = [m for m in ctx.mentions_of(nxt) if group_of(m.cls) == "Person"]
        if not relatives and not row.kin:
            relatives = [
                m
                for c in tok.children
                if c.dep_ in ("appos", "compound")
                for m in ctx.mentions_of(c)
                if group_of(m.cls) != "Person" or not backwards
            ]
        poss = [c for c in tok.children if c.dep_ == "poss"]
        # "A and B were the sons of C": the possessor is the "of" phrase, the relatives the subject
        poss += [
            g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        if not relatives and tok.dep_ == "attr":
            relatives = [
                m
                for s in tok.head.children
                if s.dep_ == "nsubj"
                for m in ctx.mentions_of(s)
                if group_of(m.cls) == "Person"
            ]
        if not relatives and tok.dep_ == "appos" and poss and poss[0].dep_ == "pobj":
            # "Hugh Roe, brother of Ann Roe": the name the noun stands beside
            relatives = [m for m in ctx.mentions_of(tok.head) if group_of(m.cls) == "Person"]
            if _bracketed(tok):  # "A (brother of C) and B": the bracket is A's alone, never B's
                relatives = [m for m in relatives if m == ctx.mention(tok.head)]
            # (a bracket, "Renato Roe (brother of Luigi Roe)", describes the name before it, whatever its
            # class: never the sentence's subject)
            of_name = _bracketed(tok) and ctx.mention(tok.head) is not None
            if not relatives and not of_name and group_of(getattr(ctx.mention(tok.head), "cls", "Place")) != "Person":
                # "He was born in Malolos, Bulacan, the son of A and B": the sentence's subject
                relatives = [
                    m
                    for c in tok.sent.root.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for m in ctx.mentions_of(c)
                    if group_of(m.cls) == "Person"
                ]
        if not relatives or not poss:
            continue
        if poss[0].lower_ == "their" and row.kin:
            yield from _their_relatives(ctx, tok, row, relatives)
            continue
        owner = _owner(ctx, poss[0])
        if any(c.lower_ == "other" for c in tok.children):
            # "Ana's son Ivo …, and his other son, Pau": the other son of the same parent, not Ivo's
            earlier = [
                p for t in tok.sent if t.i < tok.i and t.lemma_ == tok.lemma_ for p in t.children if p.dep_ == "poss"
            ]
            if earlier:
                owner = _owner(ctx, earlier[0])
        named: list[Mention] = []
        if owner is None and poss[0].pos_ == "NOUN":  # "the son of the carpenter Pedro Roe and Ana Lim"
            named = [m for m in ctx.mentions_of(poss[0]) if group_of(m.cls) == "Person"]
            owner = named[0] if named else None
        if owner is None:
            continue
        if poss[0].dep_ == "pobj" and row.siblings and (poss[0].conjuncts or co_owners or named):
            # "the son of Ana Roe and Tomas Vial": each parent has the child
            ev2 = ctx.evidence(tok.sent, f"kinship:{tok.lower_}", row.confidence)
            others = [m for t in [*poss[0].conjuncts, *co_owners] for m in ctx.mentions_of(t)] + named[1:]
            for parent in others:
                if group_of(parent.cls) == "Person":
                    for r in relatives:
                        if r != parent:
                            yield Fact(parent, rel, r, ev2)
        if backwards:
            if group_of(owner.cls) not in ("Person", "Organization"):
                continue
        elif row.kin != (group_of(owner.cls) == "Person"):
            continue
        ev = ctx.evidence(tok.sent, f"{row.extractor}:{tok.lower_}", row.confidence)
        for r in relatives:
            if r != owner:
                yield Fact(r, rel, owner, ev) if backwards else Fact(owner, rel, r, ev)
        if row.siblings and len(relatives) > 1:
            for a, b in combinations(relatives, 2):
                yield Fact(a, "sibling", b, ev)


def _their_relatives(ctx: Sentences, tok: Token, row: PossessiveRule, relatives: list[Mention]) -> Iterator[Fact]:
    """ "He married Ana Roe in 1956. Their daughter, Eva, …": in an article about a person, "their"
    is that person and the person named last before it in the paragraph."""
    if group_of(ctx.subject.cls) != "Person":
        return
    start = ctx.block.start + tok.idx
    before = [
        m
        for m in ctx.mentions
        if m.end <= start and group_of(m.cls) == "Person" and not m.subject and m not in relatives
    ]
    owners = [ctx.subject, *before[-1:]]
    ev = ctx.evidence(tok.sent, f"kinship:their-{tok.lower_}", confidence("kinship-their"))
    for owner in owners:
        for r in relatives:
            if r.text != owner.text:
                yield Fact(r, row.relation, owner, ev) if row.inverse else Fact(owner, row.relation, r, ev)
    if row.siblings:  # "Their sons, A and B": brothers
        for a, b in combinations(relatives, 2):
            yield Fact(a, "sibling", b, ev)
