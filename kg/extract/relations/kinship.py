"""Relations through a possessed noun: "his sons A and B" → two child facts and a sibling fact;
"the movement's newspaper, X" → house publication (table ``possessive_nouns.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_tsv
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["kinship_facts", "kinship_nouns"]

_PERSON_RELATIONS = {"child", "father", "mother", "sibling", "spouse", "relative"}


@cache
def kinship_nouns() -> dict[str, str]:
    """Possessed noun → relation from the possessor to the one named."""
    out = {}
    for k, v in load_tsv("possessive_nouns.tsv"):
        check_relation(v.lstrip("^"), "kg/data/possessive_nouns.tsv")
        out[k.strip()] = v
    return out


_SIBLING_PLURALS = lexicon("sibling_plurals")
_SIBLING_TEXT = re.compile(r"\b(?:" + "|".join(sorted(_SIBLING_PLURALS)) + r")\b", re.IGNORECASE)


def _named_siblings(ctx: Sentences) -> Iterator[Fact]:
    """ "founded by the brothers Ana Roe and Eva Roe": no possessor, the names themselves are siblings."""
    if not _SIBLING_TEXT.search(ctx.block.text):
        return
    for tok in ctx.doc:
        if tok.lower_ not in _SIBLING_PLURALS or any(c.dep_ == "poss" for c in tok.children):
            continue
        named = [n for c in tok.children if c.dep_ == "appos" for n in (c, *c.conjuncts)]
        people = [m for n in named if (m := ctx.mention(n)) is not None and group_of(m.cls) == "Person"]
        ev = ctx.evidence(tok.sent, f"kinship:{tok.lower_}", confidence("kinship"))
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


def kinship_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from a kinship noun with a possessor ("his", "X's") and named relatives."""
    yield from _named_siblings(ctx)
    table = kinship_nouns()
    for tok in ctx.doc:
        rel = table.get(tok.lower_)
        if rel is None or tok.pos_ != "NOUN":
            continue
        backwards = rel.startswith("^")
        rel = rel.lstrip("^")
        relatives: list[Mention] = []
        of_owner = any(p.dep_ == "prep" and p.lower_ == "of" for p in tok.children)
        co_owners: list[Token] = []
        for child in tok.children:
            if child.dep_ == "conj" and of_owner and tok.dep_ == "attr":
                co_owners.append(child)  # "is son of A and B" parsed as "son … and B": B is a parent too
            elif child.dep_ in ("appos", "compound", "npadvmod") or (child.dep_ == "conj"):
                relatives.extend(m for m in ctx.mentions_of(child) if group_of(m.cls) == "Person")
        nxt = tok.nbor(1) if tok.i + 1 < len(ctx.doc) else None
        if not relatives and nxt is not None:
            relatives = [m for m in ctx.mentions_of(nxt) if group_of(m.cls) == "Person"]
        if not relatives and rel not in _PERSON_RELATIONS:
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
            if not relatives and group_of(getattr(ctx.mention(tok.head), "cls", "Place")) != "Person":
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
        if poss[0].lower_ == "their" and rel in _PERSON_RELATIONS:
            yield from _their_relatives(ctx, tok, rel, backwards, relatives)
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
        if poss[0].dep_ == "pobj" and not backwards and rel == "child" and (poss[0].conjuncts or co_owners or named):
            # "the son of Ana Roe and Tomas Vial": each parent has the child
            ev2 = ctx.evidence(tok.sent, f"kinship:{tok.lower_}", confidence("kinship"))
            others = [m for t in [*poss[0].conjuncts, *co_owners] for m in ctx.mentions_of(t)] + named[1:]
            for parent in others:
                if group_of(parent.cls) == "Person":
                    for r in relatives:
                        if r != parent:
                            yield Fact(parent, rel, r, ev2)
        if backwards:
            if group_of(owner.cls) not in ("Person", "Organization"):
                continue
        elif (rel in _PERSON_RELATIONS) != (group_of(owner.cls) == "Person"):
            continue
        ev = ctx.evidence(
            tok.sent, f"{'kinship' if rel in _PERSON_RELATIONS else 'possessive'}:{tok.lower_}", confidence("kinship")
        )
        for r in relatives:
            if r != owner:
                yield Fact(r, rel, owner, ev) if backwards else Fact(owner, rel, r, ev)
        if rel == "child" and len(relatives) > 1:
            for a, b in combinations(relatives, 2):
                yield Fact(a, "sibling", b, ev)


def _their_relatives(ctx: Sentences, tok: Token, rel: str, backwards: bool, relatives: list[Mention]) -> Iterator[Fact]:
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
                yield Fact(r, rel, owner, ev) if backwards else Fact(owner, rel, r, ev)
    if rel == "child":  # "Their sons, A and B": brothers
        for a, b in combinations(relatives, 2):
            yield Fact(a, "sibling", b, ev)
