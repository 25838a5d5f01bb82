"""A person's role noun of an organisation said as what the person is or became: "X was a physician
and a founder of the Y", "X is the founder and leader of the Y", "X, … who was one of the founders
of the Y", "X was the General Secretary of the party", "X later became President of the Y".

The possessive rule (``possessives.json``) reads the noun when it stands alone as the attribute or
in apposition ("X was the founder of Y", "X, the leader of Y,", "the party's leader, X"); this rule
reads what the copula's other words hide: a noun conjoined to the attribute ("a writer, and the
founder of Y"), two role nouns that share one "of" phrase ("the founder and main leader of Y":
both), "one of the founders of", a relative clause on the person's predicate noun ("a
revolutionary who was one of the founders of Y"), a capitalised title ("the General Secretary of
the party"), the verbs ``rec10_role_copulas`` ("became", "remained") and, in the passive only,
``rec10_role_naming_verbs`` ("she was elected president of the Y"); and a role noun with a
possessor in apposition after the name ("Ana Roe, the party's leader,"). The "of" phrase must
name an organisation (a country's president is an office, not a leader of a body: the office
rules read those); the person is the copula's subject. A hedged noun ("an alleged leader") or a
denied verb gives nothing. Nouns and their relations: ``rec10_founder_nouns`` (foundedBy),
``rec10_leader_nouns`` (leader; "secretary" only as "general secretary").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.kinship import kinship_nouns
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["role_of_facts"]

_FOUNDERS = lexicon("rec10_founder_nouns")
_LEADERS = lexicon("rec10_leader_nouns")
_SECRETARY = lexicon("rec10_secretary_modifiers")
_COPULAS = lexicon("rec10_role_copulas")
_NAMING = lexicon("rec10_role_naming_verbs")
_ANY_ORG = lexicon("rec10_any_organisation_nouns")
_PARTS = lexicon("rec10_part_of_words")
_MEMBERS = lexicon("rec10_member_nouns")
_SERVING = lexicon("rec10_serving_verbs")
_NO_MEMBERS = lexicon("rec10_no_member_classes")
_APPOSED_MEMBERS = lexicon("fix11.apposition_member_classes")
_FOUNDING = lexicon("rec10_founding_modifiers")
_HEDGES = lexicon("prec_hedge_adjectives")
_DEPUTY = lexicon("deputy_prefixes")
_RELATIVES = lexicon("rec10_relative_pronouns")


def _relation(tok: Token) -> str | None:
    """foundedBy or leader for a role noun, None for any other word."""
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if low in _FOUNDERS:
        return "foundedBy"
    if low in _LEADERS:
        return "leader"
    if low == "leaders" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _PARTS:
        return "leader"  # "one of the leaders of Y" (a leader among several: of an event, a participant)
    if low in _MEMBERS:
        return "memberOf"
    if low in ("secretary", "secretaries"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i}
        return "leader" if mods & _SECRETARY else None
    return None


def _hyphened_deputy(tok: Token) -> bool:
    """ "vice-chairman" split by the tokenizer: "vice", "-", "chairman"."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _DEPUTY


def _of_object(tok: Token) -> Token | None:
    """The object of the noun's own "of" phrase."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            return next((g for g in p.children if g.dep_ == "pobj"), None)
    return None


def _shared_of(tok: Token) -> Token | None:
    """The "of" object of the noun, or of the role noun it is conjoined with ("the founder and
    leader of Y": one "of" phrase for both)."""
    own = _of_object(tok)
    if own is not None:
        return own
    near = [tok.head] if tok.dep_ == "conj" else []
    near += [c for c in tok.children if c.dep_ == "conj"]
    for other in near:
        if _relation(other) is not None and (got := _of_object(other)) is not None:
            return got
    return None


def _predicate_head(tok: Token) -> Token:
    """The word that stands as the copula's attribute for the noun: up its conjuncts, and from
    "founders" to "one" in "one of the founders"."""
    seen = 0
    while seen < 12:
        seen += 1
        if tok.dep_ == "conj":
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _PARTS:
            tok = tok.head.head
        else:
            break
    return tok


def _person(ctx: Sentences, attr: Token, depth: int = 0) -> tuple[Mention | None, bool]:
    """The person the attribute is said of, and whether the copula's own subject named it: the
    subject, through a relative pronoun to the noun the clause describes and on to that noun's own
    copula; in the lead's first sentence of a person's article, a copula whose subject the parse lost
    ("X (born 1941) is the former leader of Y", the subject hung on "born") is about the article's person."""
    verb = attr.head
    if attr.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head  # "he served as chairman of Y", "she was elected as president of Y"
        if verb.lemma_ not in _SERVING | _NAMING:
            return None, False
    elif attr.dep_ not in ("attr", "oprd") or verb.lemma_ not in _COPULAS | _NAMING:
        return None, False
    if any(c.dep_ == "neg" for c in verb.children):
        return None, False
    # "she was elected president of Y": the one named is the passive's subject, never the electors
    deps = ("nsubjpass",) if verb.lemma_ in _NAMING else ("nsubj", "nsubjpass")
    subj = next((c for c in verb.children if c.dep_ in deps), None)
    if subj is None and verb.dep_ == "conj":  # "he joined Y in 1950 and became its secretary": the first verb's
        subj = next((c for c in verb.head.children if c.dep_ in deps), None)
    if subj is None and verb.lemma_ in _NAMING:
        return None, False
    if subj is None:
        first = ctx.block is ctx.article.blocks[0] and attr.sent.start == 0
        lost = first and group_of(ctx.subject.cls) == "Person" and not any(c.dep_ == "expl" for c in verb.children)
        return (ctx.subject if lost else None), False
    if subj.lower_ in _RELATIVES and verb.dep_ == "relcl" and depth == 0:
        described = verb.head
        m = ctx.mention(described)
        if m is not None and group_of(m.cls) == "Person":
            return m, False
        return _person(ctx, _predicate_head(described), depth + 1)[0], False
    m = ctx.mention(subj)
    return (m if m is not None and group_of(m.cls) == "Person" else None), True


def _organisation(ctx: Sentences, obj: Token) -> Mention | None:
    """The organisation the "of" phrase names ("the militant group Tesk Red Army": the name, in
    apposition or just after the noun; "the
    Valdoran Movement of the Revolutionary Left": a name that runs on through its own "of")."""
    found = [ctx.mention(obj), *ctx.mentions_of(obj)]
    if obj.pos_ == "PROPN":
        inner = _of_object(obj)
        if inner is not None and inner.pos_ == "PROPN":
            found += [ctx.mention(inner), *ctx.mentions_of(inner)]
    if obj.pos_ == "NOUN" and obj.i + 1 < len(obj.doc) and obj.nbor(1).pos_ == "PROPN":
        found.append(ctx.mention(obj.nbor(1)))  # "the terrorist organization Red Brigades", the name not in apposition
    # a name that starts before the "of" phrase is a tagger's span over the role noun itself ("the Chairman
    # and Co-Chief Executive Officer of Tesk Holdings" as one name): not the organisation
    lo, at = ctx.block.start + obj.left_edge.idx, ctx.block.start + obj.idx
    return next(
        (m for m in found if m is not None and group_of(m.cls) == "Organization" and not m.start < lo <= at < m.end),
        None,
    )


def _possessive_case(tok: Token) -> bool:
    """The noun alone as the attribute of "be", with its own "of" phrase: the possessive rule reads it."""
    return (
        tok.pos_ == "NOUN"
        and tok.lower_ in kinship_nouns()
        and _of_object(tok) is not None
        and tok.dep_ == "attr"
        and tok.head.lemma_ == "be"
    )


def _named_with_possessor(ctx: Sentences, tok: Token) -> tuple[Mention, Mention] | None:
    """ "Marta Olsen, the party's leader," / "Olsen, its founder," / "Amin, the commander of the Tesk
    Army,": the person the role noun stands in apposition to, and the organisation its possessor or
    its "of" phrase names (an "of" phrase after a noun of the possessive table is that rule's)."""
    if tok.dep_ != "appos":
        return None
    of = _of_object(tok)
    if of is not None and tok.lower_ in kinship_nouns():
        return None  # "X, the leader of Y,": the possessive rule's own case
    if of is not None and of.pos_ == "NOUN" and any(c.dep_ == "amod" for c in of.children):
        return None  # "X, a member of the ruling party": some party the words describe, not the article's
    poss = next((c for c in tok.children if c.dep_ == "poss"), None) if of is None else None
    person = ctx.mention(tok.head)
    owner = ctx.mention(poss) if poss is not None else (_organisation(ctx, of) if of is not None else None)
    if person is None or owner is None or group_of(person.cls) != "Person" or group_of(owner.cls) != "Organization":
        return None
    if poss is not None and poss.pos_ == "NOUN" and not _of_kind(owner, poss.lower_):
        return None  # "the union's president" in a party's article: some union, not the party
    return owner, person


def _of_kind(owner: Mention, noun: str) -> bool:
    """Whether "the <noun>" can be the organisation: its class or name says the noun, or the noun
    names any organisation ("the group")."""
    return noun in _ANY_ORG or noun in owner.cls.casefold() or noun in owner.text.casefold().split()


def role_of_facts(ctx: Sentences) -> Iterator[Fact]:
    """foundedBy(org, person) and leader(org, person) from a role noun the person is said to be."""
    for tok in ctx.doc:
        rel = _relation(tok)
        if rel is None or any(c.lower_ in _HEDGES for c in tok.children if c.dep_ == "amod"):
            continue
        if any(c.lower_ in _DEPUTY for c in tok.children if c.dep_ in ("amod", "compound")) or _hyphened_deputy(tok):
            continue  # "its vice chairman", "the deputy leader of Y": a deputy leads nothing
        ev = ctx.evidence(tok.sent, "rec10-role-of", confidence("rec10-role-of"))
        named = _named_with_possessor(ctx, tok)
        if named is not None and rel == "memberOf":  # "Ana Roe, a member of the Y": she is Y's member
            if named[0].cls in _APPOSED_MEMBERS:
                member = "memberOfParty" if named[0].cls == "PoliticalParty" else "memberOf"
                yield Fact(named[1], member, named[0], ev)
            continue
        if named is not None:
            yield Fact(named[0], rel, named[1], ev)
            continue
        obj = _shared_of(tok)
        attr = _predicate_head(tok)
        person, own_subject = _person(ctx, attr)
        if attr is tok and own_subject and _possessive_case(tok):
            continue  # "X was the founder of Y": the possessive rule's own case
        founding = any(c.lower_ in _FOUNDING for c in tok.children if c.dep_ in ("amod", "compound"))
        event = _event(ctx, obj) if obj is not None and rel == "leader" else None
        if person is not None and event is not None:
            yield Fact(event, "participant", person, ev)  # "one of the main leaders of the Tesk uprising"
            continue
        org = _organisation(ctx, obj) if obj is not None else _possessor(ctx, tok)
        if person is None or org is None or person == org:
            continue
        if rel == "leader" and founding:
            yield Fact(org, "foundedBy", person, ev)  # "one of the founding leaders of Y"
            continue
        if attr is tok and own_subject and _member_case(tok):
            if founding:  # "X was a founding member of Y": the verb table's member-of row gives the membership
                yield Fact(org, "foundedBy", person, ev)
            continue
        if rel != "memberOf":
            yield Fact(org, rel, person, ev)
            continue
        if org.cls in _NO_MEMBERS:
            continue
        yield Fact(person, "memberOfParty" if org.cls == "PoliticalParty" else "memberOf", org, ev)
        if founding:
            yield Fact(org, "foundedBy", person, ev)  # "a founding member of Y"


def _event(ctx: Sentences, obj: Token) -> Mention | None:
    """The event the "of" phrase names: its leaders took part in it."""
    return next(
        (m for m in [ctx.mention(obj), *ctx.mentions_of(obj)] if m is not None and group_of(m.cls) == "Event"), None
    )


def _possessor(ctx: Sentences, tok: Token) -> Mention | None:
    """The organisation a role noun's possessor names: "became its general secretary", "the
    party's chairman" (a common noun of the organisation's kind)."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    owner = ctx.mention(poss) if poss is not None else None
    if poss is None or owner is None or group_of(owner.cls) != "Organization":
        return None
    if poss.pos_ == "NOUN" and not _of_kind(owner, poss.lower_):
        return None
    return owner


def _member_case(tok: Token) -> bool:
    """ "X is a member of Y": the verb table's member-of row reads it."""
    return tok.lower_ in _MEMBERS and tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS
