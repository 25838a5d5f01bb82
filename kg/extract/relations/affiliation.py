"""What a person or organisation belongs to, from the words the prose uses for it: a religion
(``religion``) and, for people, a political party (``memberOfParty``).

- the word modifying the name or its descriptor: "the Lutheran pastor Ana Roe", "Roe is a
  Catholic nun", "Acme, a Methodist school", "Labour leader Ana Roe", "fellow Democrat Ana Roe";
- the word as the predicate: "Roe was Jewish", "Roe, a devout Catholic,", "Roe is a Republican",
  "Roe was a politician for the Centre Party";
- a party named with its man: "the Unity Party of Ana Roe";
- a conversion: "Roe converted to Islam" (the faith taken, not the one left); an election:
  "Roe was elected as a Whig to the Congress";
- an organisation whose name carries a religion the article also names on its own:
  "the Roman Catholic Diocese of Osijek" beside "Catholics in the town".

The religions and their forms are the table ``kg/data/religions.tsv``; the party words
("Republican", "Labour") ``kg/data/party_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import descriptor_heads
from kg.extract.relations.offices import plain_name
from kg.extract.relations.verbs import _arg_tokens
from kg.extract.tables import religion_of
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["affiliation_facts", "person_of_party_facts"]

# the class of the word's mention → the relation and the short name rules carry
_RELATIONS = {
    "Religion": ("religion", "religion"),
    "ReligiousDenomination": ("religion", "religion"),
    "PoliticalParty": ("memberOfParty", "party"),
}
_VERBS = {"religion": lexicon("conversion_verbs"), "party": lexicon("election_verbs")}
_PARTY_ROLES = lexicon("party_role_nouns")
_VERB_PREP = {"religion": "to", "party": "as"}
_VERB_RULE = {"religion": "conversion", "party": "elected-as"}
_BODY_WORDS = lexicon("religious_body_nouns")


def _group(ctx: Sentences, tok: Token) -> Mention | None:
    """The religion or party named at the token itself (no antecedent: "the Baptist" is nobody's
    church, "the party" is left to the verb rules)."""
    m = ctx.mention(tok)
    at = ctx.block.start + tok.idx
    return m if m is not None and m.cls in _RELATIONS and m.start <= at < m.end else None


def _holder(ctx: Sentences, word: Token, kind: str) -> tuple[Mention | None, str, float]:
    """Who belongs, when the sentence says it of its subject, a pronoun included: "She was Jewish",
    "He is a Catholic priest", "She converted to Islam", "He was elected as a Whig"."""
    tok = word
    if tok.dep_ in ("amod", "compound") and tok.head.dep_ in ("attr", "pobj"):
        tok = tok.head  # "a Catholic priest", "elected as a Republican candidate"
    role = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") else None
    if kind == "party" and role is not None and role.lemma_ in _PARTY_ROLES and role.dep_ in ("attr", "appos"):
        # "Roe was a politician for the Centre Party", "Roe, a candidate of the Centre Party,"
        if role.dep_ == "appos":
            return _only(ctx.mentions_of(role.head)), f"role-{kind}", confidence("affiliation-predicate")
        tok = role
    verb = tok.head
    apposed = [c for c in word.children if c.dep_ == "appos"]
    if word.dep_ in ("nsubj", "nsubjpass") and apposed:
        # "A Baptist, Caballero was born in …"
        return _only(ctx.mentions_of(apposed[0])), f"appos-{kind}", confidence("affiliation-predicate")
    others = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
    if tok.dep_ in ("nsubj", "nsubjpass") and len(others) == 1 and tok.i < others[0].i:
        # "A Methodist, he was born in …": the parser makes the religion a second subject
        return _only(ctx.mentions_of(others[0])), f"appos-{kind}", confidence("affiliation-predicate")
    if tok.dep_ in ("attr", "acomp") and verb.lemma_ == "be":
        rule, conf = (f"role-{kind}" if tok is role else f"predicate-{kind}"), confidence("affiliation-predicate")
    elif tok.dep_ == "pobj" and tok.head.lower_ == _VERB_PREP[kind] and tok.head.head.lemma_ in _VERBS[kind]:
        verb = tok.head.head
        rule, conf = f"{_VERB_RULE[kind]}-{kind}", confidence("affiliation-verb")
    else:
        return None, "", 0.0
    # "Her brother Ivo Roe is a …": the name; "born in Osijek, and converted to Islam": the first
    # verb's subject; "was elected as": the passive subject
    args = [*_arg_tokens(verb, "nsubj"), *_arg_tokens(verb, "nsubjpass")]
    return _only([m for t in args for m in ctx.mentions_of(t)]), rule, conf


def _only(holders: list[Mention]) -> Mention | None:
    """The one holder the words name; none when they name several ("A and B were Catholics")."""
    return holders[0] if len(holders) == 1 else None


def _modifiers(ctx: Sentences, head: Token, span: Span) -> Iterator[Mention]:
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod") and not span.start <= c.i < span.end:
            found = _group(ctx, c)
            if found is not None:
                yield found


def _appositions(ctx: Sentences, span: Span) -> Iterator[Mention]:
    """ "Roe, a devout Catholic,": the religion in apposition to the name."""
    for c in span.root.children:
        if c.dep_ == "appos":
            found = _group(ctx, c)
            if found is not None:
                yield found


def _fits(holder: Mention, group: Mention) -> bool:
    g = group_of(holder.cls)
    if holder.cls in _RELATIONS or g not in ("Person", "Organization"):
        return False
    return g == "Person" or _RELATIONS[group.cls][0] == "religion"  # a party's members are people


def affiliation_facts(ctx: Sentences, faiths: dict[str, Mention]) -> Iterator[Fact]:
    """Religion and party facts of one block; ``faiths``: the religions the article names, by name."""
    seen: set[tuple[Mention, str, str]] = set()
    for m in ctx.mentions:
        if group_of(m.cls) not in ("Person", "Organization") or m.cls in _RELATIONS:
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        found: list[tuple[Mention, str, float]] = []
        for h in descriptor_heads(ctx, span):
            found += [(f, "descriptor", confidence("affiliation-descriptor")) for f in _modifiers(ctx, h, span)]
        found += [(f, "appos", confidence("affiliation-predicate")) for f in _appositions(ctx, span)]
        if group_of(m.cls) == "Organization" and m.cls != "PoliticalParty":
            # not a party: "Christian Democratic Union" names an ideology, not a church
            found += [(f, "name", confidence("affiliation-name")) for f in _in_name(m, faiths)]
        for group, how, conf in found:
            if _fits(m, group):
                yield from _fact(ctx, m, group, f"{how}-{_RELATIONS[group.cls][1]}", conf, span.sent, seen)
    text = ctx.article.text
    starts = {m.start: m for m in ctx.mentions if group_of(m.cls) == "Person"}
    for party in ctx.mentions:
        # "the Convention People's Party of Kwame Nkrumah": his party
        owner = starts.get(party.end + len(" of ")) if party.cls == "PoliticalParty" else None
        if owner is not None and text[party.end : owner.start] == " of ":
            pspan = ctx.span(party.start, owner.end)
            if pspan is not None:
                conf = confidence("affiliation-descriptor")
                yield from _fact(ctx, owner, party, "party-of-person", conf, pspan.sent, seen)
    for group in ctx.mentions:
        if group.cls not in _RELATIONS:
            continue
        gspan = ctx.span(group.start, group.end)
        if gspan is None:
            continue
        holder, rule, conf = _holder(ctx, gspan.root, _RELATIONS[group.cls][1])
        if holder is not None and _fits(holder, group):
            yield from _fact(ctx, holder, group, rule, conf, gspan.sent, seen)


def _fact(
    ctx: Sentences, m: Mention, group: Mention, rule: str, conf: float, sent: Span, seen: set[tuple[Mention, str, str]]
) -> Iterator[Fact]:
    from kg.names import name_key

    relation = _RELATIONS[group.cls][0]
    key = (m, relation, name_key(group.text))
    if key not in seen:
        seen.add(key)
        yield Fact(m, relation, group, ctx.evidence(sent, rule, conf))


def _in_name(m: Mention, faiths: dict[str, Mention]) -> Iterator[Mention]:
    """The religion word inside the name of a religious body ("Roman Catholic Diocese of Osijek": a
    church, diocese, parish…; not "the Central Jewish Office", an office about Jews) when the
    article names that religion on its own too."""
    words = m.text.split()
    if not any(w.casefold() in _BODY_WORDS for w in words):
        return
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            faith = religion_of(" ".join(words[i : i + n]))
            if faith is not None and faith[0] in faiths:
                yield faiths[faith[0]]
                return


# the organisations a person "of" them is a member of: a party, or a movement or front by its name
_PARTY_LIKE = frozenset({"PoliticalParty", "PoliticalMovement", "Organization", "ArmedGroup"})
_ORG_HEADS = lexicon("organisation_nouns")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<abbr>(?=(?:[^)]*[A-Z]){2})[A-Z][\w–-]{1,9})\)")  # "(LRM)", not "(Tartu)"


def person_of_party_facts(ctx: Sentences) -> Iterator[Fact]:
    """A person named with the party she stands for: "Ana Roe of the Civic Unity Front (CUF)",
    "Ivo Sand of the Liberal Party" → memberOfParty (memberOf for a movement or front the parser
    did not type a party). An organisation that is neither a party nor named as a party, movement,
    front or union is left alone ("Ana Roe of the Tesk Mining Company", "Roe of the University of
    Tesk"), and so is one without its acronym unless it is a party; in an election's article, an
    organisation given with its acronym is the candidate's party whatever its name ("Ana Roe of
    Nationalist Renewal (NR)")."""
    text = ctx.article.text
    orgs = {m.start: m for m in ctx.mentions if m.cls in _PARTY_LIKE}
    # a plain name NER took for a body, right before "of the" and a party: "Ivo Sand of the Unity Party"
    guessed = [
        replace(m, cls="Person")
        for m in ctx.mentions
        if m.cls == "Organization" and plain_name(m) and (link := _OF.match(ctx.article.text, m.end)) is not None
        and getattr(orgs.get(link.end()), "cls", None) == "PoliticalParty"
    ]
    people = [m for m in ctx.mentions if group_of(m.cls) == "Person"] + guessed
    election = ctx.subject.cls == "Election"
    for p in people:
        link = _OF.match(text, p.end)
        if link is None:
            continue
        org = orgs.get(link.end())
        if org is None:
            continue
        named = any(w.casefold() in _ORG_HEADS for w in org.text.split())
        acronym = _ACRONYM_AFTER.match(text[org.end : org.end + 14]) is not None
        if not (org.cls == "PoliticalParty" or (acronym and (named or election))):
            continue
        span = ctx.span(p.start, org.end)
        if span is None:
            continue
        relation = "memberOfParty" if org.cls == "PoliticalParty" else "memberOf"
        yield Fact(p, relation, org, ctx.evidence(span.sent, "person-of-party", confidence("affiliation-descriptor")))
