"""An organisation's founders, leaders and members named in a list: "The seven founders were A, B
and C", "Its leaders were A and B", "A and B were founding members of the party", "A was one of
its early leaders", "A was one of the founding leaders of X" (founded and led it; "In 1969 …" dates the founding),
"Among the party's members were A, B and C".

The roster noun (``kg/data/lexicons.json``: ``roster_nouns``, with the relation each gives) is
one side of a copula, the people the other; its owner is what the noun's possessor or its "of"
names ("its", "the party's", "of the movement"), or the article's subject when the noun has
none and the subject is an organisation ("The seven founders were …"). Only people named in
the sentence count; a former or honorary member, a supporter or an ally is no member.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["roster_facts"]

_FOUNDERS = lexicon("roster_founder_nouns")
_LEADERS = lexicon("roster_leader_nouns")
_MEMBERS = lexicon("roster_member_nouns")
_NOT_MEMBERS = lexicon("roster_excluded_modifiers")
_SOME = lexicon("roster_part_words")
_SOME_OR_COUNTED = lexicon("roster_quantifiers")


def _relations(noun: Token) -> tuple[str, ...]:
    """What the roster noun makes the people named: "founding members" founded it, "founding
    leaders" founded and led it, "leaders" led it, "members" are members."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & _NOT_MEMBERS:
        return ()
    founding = bool(mods & {"founding", "founder"})
    if noun.lemma_ in _FOUNDERS or (noun.lemma_ in _MEMBERS and founding):
        return ("foundedBy",)
    if noun.lemma_ in _LEADERS:
        return ("foundedBy", "leader") if founding else ("leader",)
    if noun.lemma_ in _MEMBERS:
        return ("memberOf",)
    return ()


def _copula_side(noun: Token) -> tuple[Token, Token] | None:
    """(the copula, the token that stands for the noun in it): the noun itself as subject or
    attribute, "one of its leaders", "Among the party's members were …"."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _SOME_OR_COUNTED:
        tok = tok.head.head  # "one of its early leaders"
    elif tok.dep_ == "pobj" and tok.head.lower_ == "among":
        tok = tok.head  # "Among the party's members were …"
    if tok.dep_ in ("nsubj", "attr", "prep") and tok.head.lemma_ == "be":
        return tok.head, tok
    return None


def _owner(ctx: Sentences, noun: Token) -> Mention | None:
    """What the roster noun's people belong to: an organisation, or for leaders an event ("one of
    the main leaders of the Tesk uprising": they took part in it)."""
    kinds = ("Organization", "Event") if noun.lemma_ in _LEADERS else ("Organization",)
    for c in noun.children:
        if c.dep_ == "poss":
            m = ctx.mention(c)
            return m if m is not None and group_of(m.cls) in kinds else None
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            m = ctx.mention(objs[0]) if objs else None
            return m if m is not None and group_of(m.cls) in kinds else None
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if head is not None and head.lower_ in _SOME and head.head.lemma_ == "be":
        return None  # "one of the leaders" with no owner: of what is not said
    if group_of(ctx.subject.cls) == "Organization" and any(c.lower_ in ("the", "another") for c in noun.children):
        return ctx.subject  # "The seven founders were …" in an article about an organisation
    return None


def roster_facts(ctx: Sentences) -> Iterator[Fact]:
    """Founders, leaders and members of an organisation named as a list on one side of "be"."""
    for tok in ctx.doc:
        if tok.pos_ != "NOUN" or tok.lemma_ not in _FOUNDERS | _LEADERS | _MEMBERS:
            continue
        plural = tok.tag_ == "NNS"
        if not plural and not any(c.lower_ == "another" for c in tok.children) and tok.dep_ != "pobj":
            continue  # "he was a member": of what the sentence says elsewhere
        rels = _relations(tok)
        side = _copula_side(tok)
        if not rels or side is None:
            continue
        be, stand = side
        if any(c.dep_ == "neg" for c in be.children):
            continue
        owner = _owner(ctx, tok)
        if owner is None:
            continue
        others = [c for c in be.children if c.dep_ in ("nsubj", "attr") and c.i != stand.i]
        if not others and be.dep_ == "conj" and stand.dep_ == "attr":
            # "Ana Roe, the editor of …, launched it in 1926, was another founding member": the
            # copula shares the subject of the verb it is joined to
            others = [c for c in be.head.children if c.dep_ == "nsubj"]
        people = [m for o in others for m in ctx.mentions_of(o) if m.cls == "Person" and m is not owner]
        ev = ctx.evidence(tok.sent, "roster")
        if group_of(owner.cls) == "Event":
            # the leaders of an uprising or a war took part in it; what they led is not an organisation
            for p in dict.fromkeys(people):
                yield Fact(owner, "participant", p, ev)
            continue
        founded = ctx.date_in(be) if people and "foundedBy" in rels and tok.lemma_ not in _FOUNDERS else None
        if founded is not None:
            # "In 1969 he was one of the founding leaders of X": the founding members were so in 1969
            yield Fact(owner, "inception", founded, ev)
        for p in dict.fromkeys(people):
            for rel in rels:
                if rel == "memberOf":
                    yield Fact(p, "memberOfParty" if owner.cls == "PoliticalParty" else rel, owner, ev)
                else:
                    yield Fact(owner, rel, p, ev)
