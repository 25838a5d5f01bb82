"""Trigger verbs and their arguments: "X was founded by Y in 1994", "Y led X"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.dates import parse_date
from kg.extract.confidences import row_confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.paths import role_paths, role_tokens
from kg.extract.tables import check_relation, load_json
from kg.model import Fact, Mention
from kg.ontology import CLASSES, group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["VerbRule", "check_roles", "tenure", "verb_facts", "verb_rules"]


@dataclass(frozen=True)
class VerbRule:
    """One row of ``triggers.json``."""

    name: str
    lemmas: frozenset[str]
    voice: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    relation: str | None
    subject_class: frozenset[str]
    object_class: frozenset[str]
    date_relation: str | None
    date_on: str
    confidence: float
    by_object_class: tuple[tuple[str, str | None], ...] = ()
    tenure: str | None = None  # "span": from/since/until/between dates; "starts": the clause's date too
    role: str | None = None  # the position a fact is about ("succeeded X as leader"): a kg:role qualifier
    own_names: bool = False  # the object is named itself: "members of X formed Y" is no act of X's

    def relation_for(self, obj: Mention) -> str | None:
        """The relation for this object: a class-specific one from the table, else the rule's."""
        for cls, rel in self.by_object_class:
            if obj.cls == cls:
                return rel
        return self.relation


# The roles a row may name: the grammatical subject and object (read in _arg_tokens, with the
# parser's participles, relative clauses and conjuncts) and the paths of kg/data/roles.json
# (whether each takes a word: "pobj:in"). Only a role noun's role ("as-of", "attr-of") may end
# in "?": it then falls back to the article's subject (_has_role_noun).
_CORE_ROLES = ("nsubj", "nsubjpass", "dobj")


def check_roles(text: str, where: str) -> tuple[str, ...]:
    """The roles of a row's ``subject`` or ``object`` ("nsubj|pobj:with"), each checked.

    >>> check_roles("nsubj|pobj:with", "here")
    ('nsubj', 'pobj:with')
    """
    kinds = {k: False for k in _CORE_ROLES} | {k: r.word for k, r in role_paths().items()}
    roles = tuple(text.split("|"))
    for role in roles:
        kind, _, word = role.partition(":")
        if kind not in kinds:
            raise ValueError(f"{where}: unknown role {role!r} (roles: {', '.join(sorted(kinds))})")
        if kinds[kind] and not word.rstrip("?"):
            raise ValueError(f"{where}: role {kind!r} needs a word ('{kind}:<word>')")
        if not kinds[kind] and word:
            raise ValueError(f"{where}: role {kind!r} takes no word")
        if word.endswith("?") and kind not in ("as-of", "attr-of"):
            raise ValueError(f"{where}: only a role noun's role (as-of, attr-of) may fall back ('?')")
    return roles


@cache
def verb_rules() -> tuple[VerbRule, ...]:
    """The trigger table, checked against the ontology."""
    out = []
    for r in load_json("triggers.json")["rules"]:
        where = f"kg/data/triggers.json, rule {r.get('name')!r}"
        for key in ("relation", "date_relation"):
            if r.get(key):
                check_relation(r[key], where)
        for rel in r.get("relation_by_object_class", {}).values():
            if rel:
                check_relation(rel, where)
        for c in [*r.get("subject_class", []), *r.get("object_class", []), *r.get("relation_by_object_class", {})]:
            if c not in CLASSES:
                raise ValueError(f"{where}: unknown class {c!r}")
        if r["voice"] not in ("active", "passive", "any"):
            raise ValueError(f"{where}: voice must be active, passive or any")
        if r.get("tenure") not in (None, "span", "starts"):
            raise ValueError(f"{where}: tenure must be span or starts")
        out.append(
            VerbRule(
                name=r["name"],
                lemmas=frozenset(r["lemmas"]),
                voice=r["voice"],
                subject=check_roles(r["subject"], where),
                object=check_roles(r["object"], where) if r.get("object") else (),
                relation=r.get("relation"),
                subject_class=frozenset(r.get("subject_class", [])),
                object_class=frozenset(r.get("object_class", [])),
                date_relation=r.get("date_relation"),
                date_on=r.get("date_on", "subject"),
                confidence=row_confidence(r, where),
                by_object_class=tuple(sorted(r.get("relation_by_object_class", {}).items())),
                tenure=r.get("tenure"),
                role=r.get("role"),
                own_names=bool(r.get("own_names")),
            )
        )
    return tuple(out)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _shares_passive(verb: Token) -> bool:
    """ "was banned in 1987 and dissolved in 1990": a participle joined to a passive verb, with no
    subject of its own, may share its voice. Only passive rules read it so: in "was born in Lima
    and converted to Islam" the second verb is active."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children)
        and _is_passive(verb.head)
    )


_HELP_VERBS = lexicon("help_verbs")
_NOT_THE_GROUP = lexicon("rec12.not_the_group_nouns")


def _helped(verb: Token) -> bool:
    """ "he helped found X": a bare verb after "help", which the tagger often reads as a participle."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in _HELP_VERBS and not _is_passive(verb)


def _after_comma_participle(verb: Token) -> bool:
    """A present participle after a comma that adds to its clause ("…, leading the Front"): its doer
    is the clause's subject."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


_RELATIVES = lexicon("prec10_relative_pronouns")
_OF_WHICH = frozenset({"which", "whom"})


def _of_which(verb: Token) -> bool:
    """A relative clause opened by "of which" / "of whom": its antecedent is what the clause's
    attribute noun is of ("the Tesk Front, of which the Ulm Party is a member")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in _OF_WHICH for o in c.children)
        for c in verb.children
    )


def _before_of_which(ctx: Sentences, verb: Token, m: Mention) -> bool:
    """The mention stands before an "of which" / "of whom" that comes before the verb: the verb's
    clause is a relative one about it, and its own subject is named after the pronoun."""
    for t in verb.sent:
        if t.i >= verb.i:
            break
        if t.lower_ in _OF_WHICH and t.i > 0 and t.doc[t.i - 1].lower_ == "of":
            return m.end <= ctx.block.start + t.doc[t.i - 1].idx
    return False


def _arg_tokens(verb: Token, role: str) -> list[Token]:
    if role == "nsubjpass" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        head = verb.head  # "the uprising led by ..." / "an alliance called ..."
        if head.dep_ == "pobj" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # "X is a movement in Bolivia, named after Y": after a comma the participle speaks of the
            # clause's subject, not of the place in the phrase before it
            clause = head
            while clause.dep_ not in ("ROOT", "ccomp", "advcl", "conj", "relcl") and clause.head is not clause:
                clause = clause.head
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:  # "X (abbreviated XB) was the wing of Y, founded by Z": X hangs on the bracket's verb
                subjects = [
                    s
                    for c in clause.children
                    if c.dep_ in ("ccomp", "parataxis") and c.i < clause.i
                    for s in c.children
                    if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i
                ]
            if subjects or clause.lemma_ == "be":
                return subjects  # no subject found: not the nearest organisation either
        if head.dep_ == "attr" and head.pos_ == "NOUN" and head.head.lemma_ == "be":
            # "X is a union founded by ...": the common noun stands for the copula's subject
            return [head, *(c for c in head.head.children if c.dep_ == "nsubj")]
        return [head]
    if role == "nsubj" and verb.dep_ == "relcl":
        own = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVES]
        return own if own and _of_which(verb) else [verb.head]  # "Y, of which X is a member": X
    if role == "nsubjpass" and verb.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children
    ):
        return [verb.head]  # "the Supreme Court, which is headed by Ana Roe": the court
    if role in ("nsubj", "nsubjpass", "dobj"):
        found = [c for c in verb.children if c.dep_ == role]
        if not found and role == "nsubjpass" and _shares_passive(verb):
            # "X was banned in 1987 and dissolved in 1990": the first verb's passive subject
            found = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        own_passive = verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children)
        if not found and role == "nsubjpass" and own_passive:
            # "The party began taking shape in 1917 and was founded in 1918": a passive verb of its own,
            # joined to an active one, with no subject of its own: the first verb's subject
            found = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not found and role == "nsubj" and verb.dep_ == "conj":
            # "he was born in X and died in Y": the first verb's subject, active or passive
            found = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not found and role == "nsubj" and verb.dep_ in ("xcomp", "advcl") and (verb.tag_ == "VB" or _helped(verb)):
            # "he left in 1910 to work for X": the one who left works; "he helped found X": he founded it
            found = _arg_tokens(verb.head, "nsubj")
        if not found and role == "nsubj" and _after_comma_participle(verb):
            # "Roe played a role in the war, leading the Tesk Front (TF), organizing …": Roe led it
            found = _arg_tokens(verb.head, "nsubj")
        return found
    kind, _, word = role.partition(":")  # the other roles are paths of kg/data/roles.json
    if kind == "attr-of" and verb.dep_ == "relcl" and _of_which(verb):
        nouns = _role_nouns(verb, kind, word.rstrip("?"), ("attr", "oprd"))
        return [verb.head] if nouns else []  # "the Tesk Front, of which X is a member": a member of the Tesk Front
    return role_tokens(verb, role_paths()[kind], word.rstrip("?"))


def _args(
    ctx: Sentences, verb: Token, roles: tuple[str, ...], classes: frozenset[str], own: bool = False
) -> list[Mention]:
    out: list[Mention] = []
    for role in roles:
        for tok in _arg_tokens(verb, role):
            if own and tok.lemma_ in _NOT_THE_GROUP:
                continue
            found = ctx.mentions_of(tok)  # "A, founded by X in 1930, and B, founded by Y": each its own founder
            if verb.dep_ == "acl" and tok.i == verb.head.i and any(
                c.dep_ == "acl" and c.lemma_ == verb.lemma_ for j in tok.conjuncts for c in j.children
            ):
                found = found[:1]
            for m in found:
                if (not classes or group_of(m.cls) in classes or m.cls in classes) and m not in out:
                    out.append(m)
        if not out and role.endswith("?") and _has_role_noun(verb, role):
            # "became leader in 2011", "succeeded him as leader": of no named body, so of the
            # article's subject when it is of the class the rule wants (a party's page)
            subj = ctx.subject
            if not classes or group_of(subj.cls) in classes or subj.cls in classes:
                out.append(subj)
    return out


def _role_nouns(verb: Token, kind: str, noun: str, attr_deps: tuple[str, ...]) -> list[Token]:
    """The verb's attribute noun ``noun`` ("is part of", "became leader"; ``kind`` "attr-of") or its
    "as" noun ("elected as a member", "as leader"; ``kind`` "as-of")."""
    if kind == "attr-of":
        return [c for c in verb.children if c.dep_ in attr_deps and c.lemma_ == noun]
    return [
        n
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for n in c.children
        if n.dep_ == "pobj" and n.lemma_ == noun
    ]


def _has_role_noun(verb: Token, role: str) -> bool:
    """Does the verb have the attribute ("became leader") or "as" noun ("as leader") of ``role``,
    with no "of" phrase naming what it is the leader of?"""
    kind, noun = role.rstrip("?").split(":", 1)
    nouns = _role_nouns(verb, kind, noun, ("attr", "oprd"))
    return any(not any(p.dep_ == "prep" and p.lower_ == "of" for p in n.children) for n in nouns)


def _as_noun(verb: Token) -> str | None:
    """The noun of the verb's "as" phrase ("succeeded him as leader" → "leader"), if any."""
    nouns = (n for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for n in c.children)
    return next((str(n.lemma_).casefold() for n in nouns if n.dep_ == "pobj" and n.pos_ == "NOUN"), None)


_START_PREPS = lexicon("tenure_start_preps")
_END_PREPS = lexicon("tenure_end_preps")
_LEAVE_LEMMAS = lexicon("leave_verbs")


def _date_of(ctx: Sentences, tok: Token) -> str | None:
    """The date a preposition's object names ("1994", "March 1994"), conjuncts left out."""
    skip = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    idx = [t.i for t in tok.subtree if t.i not in skip]
    d = parse_date(tok.doc[min(idx) : max(idx) + 1].text, ctx.default_year)
    return d.iso if d is not None else None


def _prep_dates(ctx: Sentences, verb: Token) -> Iterator[tuple[str, str]]:
    """(preposition, date) for each dated preposition of the verb: "from 1994", "until 2009", and
    "between 2001 and 2005" as ("from", 2001), ("until", 2005)."""
    for p in verb.children:
        if p.dep_ != "prep":
            continue
        word = p.lower_
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            d = _date_of(ctx, o)
            if d is None:
                continue
            if word == "between":
                yield "from", d
                end = next((c for c in o.children if c.dep_ == "conj"), None)
                e = _date_of(ctx, end) if end is not None else None
                if e is not None:
                    yield "until", e
            else:
                yield word, d
            # "from 1994 until 2009" parsed with "until 2009" under "1994"
            for q in o.children:
                if q.dep_ == "prep" and q.lower_ in _END_PREPS:
                    for qo in q.children:
                        e = _date_of(ctx, qo) if qo.dep_ == "pobj" else None
                        if e is not None:
                            yield "until", e


def tenure(ctx: Sentences, verb: Token, mode: str) -> tuple[tuple[str, str], ...]:
    """The start and end qualifiers a verb's clause gives a leadership or membership: "from 1994
    until 2009", "since 2011", "between 2001 and 2005"; with ``mode`` "starts" the clause's own date
    ("joined in 1998", "became leader in 2011") starts it, and a joined verb of leaving ("and left
    in 2004") ends it."""
    start: str | None = None
    end: str | None = None
    for word, d in _prep_dates(ctx, verb):
        if word in _START_PREPS and start is None:
            start = d
        elif word in _END_PREPS and end is None:
            end = d
        elif word in ("in", "on") and mode == "starts" and start is None:
            start = d
    if mode == "starts" and start is None:
        own = ctx.date_in(verb)
        start = own.iso if own is not None else None
    if mode == "starts" and end is None:
        for c in verb.children:
            if c.dep_ == "conj" and c.lemma_.casefold() in _LEAVE_LEMMAS:
                left = next((d for w, d in _prep_dates(ctx, c) if w in ("in", "on", "until")), None)
                end = left or end
    if start is not None and end is not None and end < start:
        return ()
    out: list[tuple[str, str]] = []
    if start is not None:
        out.append(("start", start))
    if end is not None:
        out.append(("end", end))
    return tuple(out)


@cache
def _rules_by_lemma() -> dict[str, tuple[VerbRule, ...]]:
    """Each trigger lemma's rules, in the table's order (a verb's rules without testing all 45)."""
    out: dict[str, list[VerbRule]] = {}
    for rule in verb_rules():
        for lemma in rule.lemmas:
            out.setdefault(lemma, []).append(rule)
    return {lemma: tuple(rules) for lemma, rules in out.items()}


def verb_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from every trigger verb of the block."""
    by_lemma = _rules_by_lemma()
    for tok in ctx.doc:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ != "VBN":
            continue
        # after "help" the verb is bare: "helped found X" founds (the tagger reads "found" as "find")
        lemma = tok.lower_ if _helped(tok) else tok.lemma_.casefold()
        rules = by_lemma.get(lemma)
        if rules is None:
            continue
        shared = _shares_passive(tok)
        for rule in rules:
            passive = _is_passive(tok)
            if (rule.voice == "active" and passive) or (rule.voice == "passive" and not passive and not shared):
                continue
            subjects = _args(ctx, tok, rule.subject, rule.subject_class)
            if not subjects or _in_some_respect(tok):
                continue
            ev = ctx.evidence(tok.sent, f"verb:{rule.name}", rule.confidence)
            objects = _args(ctx, tok, rule.object, rule.object_class, rule.own_names) if rule.object else []
            if rule.relation and rule.object and not objects:
                continue
            objects = _without_containers(ctx, objects)
            quals = tenure(ctx, tok, rule.tenure) if rule.tenure else ()
            role = _as_noun(tok) if rule.role == "as" else rule.role
            if role:
                quals = (*quals, ("role", role))
            for s in subjects:
                if rule.object and rule.object[0].startswith("attr-of") and _before_of_which(ctx, tok, s):
                    continue  # "Y, of which X is a member" parsed with Y as the subject: Y is not the member
                for o in objects:
                    rel = rule.relation_for(o)
                    if s != o and rel:
                        yield Fact(s, rel, o, ev, quals)
            if rule.date_relation:
                d = ctx.date_in(tok) or (ctx.date_in(tok.head) if _helped(tok) else None)
                if d is not None:
                    for s in subjects if rule.date_on == "subject" else objects:
                        yield Fact(s, rule.date_relation, d, ev)


_RESPECT = lexicon("fix11.respect_adverbs")


def _in_some_respect(verb: Token) -> bool:
    """The verb, or its attribute noun, says in what respect its claim holds ("is ethnically part of",
    "nominally part of"): no plain fact."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd"))]
    return any(c.dep_ == "advmod" and c.lower_ in _RESPECT for h in heads for c in h.children)


_DIVISION_OF = rf"(?:(?:{alternation('division_nouns')})\s+of\s+)?"
_CONTAINER_GAP = re.compile(rf",\s*(?:in\s+)?(?:the\s+)?{_DIVISION_OF}", re.I)
# "born at Vell, in the province of Tarsk": a division named after a comma, a name before it
_DIVISION_AFTER_NAME = re.compile(
    rf"[A-ZÀ-Ý][\w'’-]*,\s*(?:in\s+)?the\s+(?:{alternation('division_nouns')})\s+of\s+$", re.I
)


def _without_containers(ctx: Sentences, objects: list[Mention]) -> list[Mention]:
    """ "born in Malolos, Bulacan", "born in Kumasi, in the Ashanti Region", "born in Vell, in the
    province of Tarsk", "born at Vell, in the province of Tarsk": the town, not the province that
    only says where the town is."""
    text = ctx.article.text
    return [
        o
        for i, o in enumerate(objects)
        if not (
            i
            and group_of(o.cls) == "Place"
            and group_of(objects[i - 1].cls) == "Place"
            and _CONTAINER_GAP.fullmatch(text[objects[i - 1].end : o.start])
        )
        and not (group_of(o.cls) == "Place" and _DIVISION_AFTER_NAME.search(text[max(0, o.start - 80) : o.start]))
    ]
