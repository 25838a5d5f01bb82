"""Who took part in an election, from the verbs of winning, losing and contesting.

- a party or a person that wins, loses, contests or holds something in an election named in the
  clause: "At the 2008 election, the party lost its majority", "The party won the 2013 election",
  "Roe and Sol were re-elected in the 2009 elections" → participant(election, …);
- a candidate for an election: "Roe was a candidate for the presidential election of 2009";
- in the article about an election, a party that contests seats: "The Unity Party contested 108
  constituencies" → participant(the election, Unity Party), also each party of a row of such
  clauses ("…, the Farmers League contested 40 seats and the Tesk Party contested 30"), and one
  that receives votes or seats in any clause: "Although Ana Roe received the most votes, …" →
  participant(the election, Ana Roe);
- in the article about an election, the one a result is "a victory for" ("The result was a victory for
  the Unity Party"), and both the winner and the beaten of a verb of defeat ("Roe defeated incumbent
  president Sol", and Sol's party in "… Sol of the Unity Party") → participant(the election, …)
  (lexicons ``election_victory_nouns``, ``election_defeat_verbs``), and the one a body elects
  ("Congress elected Ana Roe").

The verbs and nouns are lexicons (``election_participation_verbs``, ``election_nouns``); a boycott, a negated
verb or a call for an election is no participation.
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

__all__ = ["election_participant_facts"]

_VERBS = lexicon("election_participation_verbs")
_NOUNS = lexicon("election_nouns")
_CONTEST_VERBS = lexicon("election_contest_verbs")
_VOTE_VERBS = lexicon("election_vote_verbs")
_VOTE_NOUNS = lexicon("election_vote_nouns")
_VICTORY_NOUNS = lexicon("election_victory_nouns")
_DEFEAT_VERBS = lexicon("election_defeat_verbs")
# the lemmas a fact of this rule hangs on (tested first: most tokens are none of them)
_TRIGGERS = _VERBS | _VOTE_VERBS | _VICTORY_NOUNS | _DEFEAT_VERBS | {"candidate"}


def _takes_votes(verb: Token) -> bool:
    """"received the most votes", "won 74 of the 109 seats": votes or seats as the verb's object."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for o in objs if o.lemma_ not in _VOTE_NOUNS for p in o.children if p.dep_ == "prep" for g in p.children]
    return any(o.lemma_ in _VOTE_NOUNS or o.lower_ in _VOTE_NOUNS for o in objs)


def _elects_plainly(verb: Token) -> bool:
    """An active "elected X" with no office or body after it ("elected X as speaker", "elected X to
    the senate" is another vote)."""
    return not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
        c.dep_ in ("prep", "oprd", "xcomp") and c.lower_ != "on" for c in verb.children
    )


def _is_election(m: Mention) -> bool:
    return group_of(m.cls) in ("Event", "Other") and bool(_NOUNS & set(m.text.casefold().split()))


def _elections_of(ctx: Sentences, verb: Token) -> list[Mention]:
    """The elections named as the verb's object or in its "in"/"at"/"for" phrase."""
    toks = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # "elected vice president as the running mate of X in the 2005 elections": the parser hangs "in" lower
    preps += [p for c in preps if c.lower_ == "as" for o in c.children for p in o.children if p.dep_ == "prep"]
    toks += [o for c in preps if c.lower_ in ("in", "at", "for") for o in c.children]
    found = [m for t in toks if t.dep_ in ("dobj", "attr", "pobj") for m in ctx.mentions_of(t)]
    return [m for m in dict.fromkeys(found) if _is_election(m)]


def _takers(ctx: Sentences, verb: Token) -> list[Mention]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ in ("conj", "acomp", "xcomp", "advcl"):  # "A and B were both re-elected in …"
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [m for t in subj for m in ctx.mentions_of(t)]
    return [m for m in dict.fromkeys(found) if group_of(m.cls) in ("Person", "Organization")]


_CANDIDATE_CLASSES = ("Person", "PoliticalParty", "PoliticalMovement")  # who can defeat whom in a vote


def _main_clause(verb: Token) -> bool:
    """The verb is the sentence's main one or one of a row of its like: "A contested 108 seats, B
    contested 86 and C contested 47" (the parser hangs the first below the second, the last on it)."""
    while verb.dep_ in ("conj", "ccomp") and verb.head.lemma_ == verb.lemma_:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _named_before(ctx: Sentences, verb: Token) -> list[Mention]:
    """The party or person named right before a verb the parser left with no subject ("… and the
    Tesk Party of Orvania contested 47 seats", its name hung on the object before it)."""
    start = ctx.block.start + verb.idx
    before = [m for m in ctx.mentions if m.end <= start and not ctx.article.text[m.end : start].strip()]
    return [m for m in before if _takes_part(m)]


def _party_of(ctx: Sentences, person: Mention) -> list[Mention]:
    """The party a candidate is named with: "incumbent president Tomas Sol of the Unity Party"."""
    span = ctx.span(person.start, person.end) if person.cls == "Person" else None
    if span is None:
        return []
    preps = [c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"]
    found = [m for p in preps for o in p.children if o.dep_ == "pobj" for m in ctx.mentions_of(o)]
    return [m for m in dict.fromkeys(found) if m.cls in ("PoliticalParty", "PoliticalMovement")]


def _takes_part(m: Mention) -> bool:
    return m.cls == "Person" or m.cls in ("PoliticalParty", "PoliticalMovement") or (
        group_of(m.cls) == "Organization" and m.cls not in ("GovernmentBody", "Company", "Publication")
    )


def election_participant_facts(ctx: Sentences) -> Iterator[Fact]:
    """participant(election, party or person) from a verb of an election or a candidacy."""
    subject_election = _is_election(ctx.subject) or ctx.subject.cls == "Election"
    for tok in ctx.doc:
        if tok.lemma_ not in _TRIGGERS or any(c.dep_ == "neg" for c in tok.children):
            continue
        if subject_election and tok.pos_ == "VERB" and tok.lemma_ == "elect" and _elects_plainly(tok):
            # "Congress elected Ana Roe of the Unity Party": the one the vote chose stood in it
            found = [m for c in tok.children if c.dep_ == "dobj" for m in ctx.mentions_of(c)]
            elections, takers = [ctx.subject], [m for m in dict.fromkeys(found) if m.cls == "Person"]
        elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_ in _VERBS or tok.lemma_ in _VOTE_VERBS):
            elections = _elections_of(ctx, tok)
            contests = (tok.lemma_ in _CONTEST_VERBS and _main_clause(tok)) or (
                tok.lemma_ in _VOTE_VERBS and _takes_votes(tok)
            )
            if not elections and subject_election and contests:
                elections = [ctx.subject]  # "The Unity Party contested 108 constituencies"
            takers = _takers(ctx, tok)
            own_subject = any(c.dep_ == "nsubj" for c in tok.children)
            if subject_election and contests and tok.dep_ == "conj" and not own_subject:
                # "A contested 40 seats and B contested 30": B, right before its verb, not A's subject
                takers = _named_before(ctx, tok) or takers
        elif subject_election and tok.pos_ == "NOUN" and tok.lemma_ in _VICTORY_NOUNS:
            # "The result was a victory for the Unity Party"
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
            found = [m for p in preps for o in p.children if o.dep_ == "pobj" for m in ctx.mentions_of(o)]
            elections, takers = [ctx.subject], [m for m in dict.fromkeys(found) if _takes_part(m)]
        elif subject_election and tok.pos_ == "VERB" and tok.lemma_ in _DEFEAT_VERBS:
            # "Ana Roe defeated incumbent president Tomas Sol": both stood. Only candidates and parties:
            # "the army defeated the rebels", in an election's article, is no result of the vote
            args = [c for c in tok.children if c.dep_ in ("nsubj", "dobj")]
            found = [m for a in args for m in ctx.mentions_of(a)]
            named = list(dict.fromkeys(found))
            sides = [m for m in named if m.cls in _CANDIDATE_CLASSES]
            sides += [p for m in sides for p in _party_of(ctx, m)]  # "… Sol of the Unity Party": it stood too
            elections, takers = [ctx.subject], (sides if len(named) == len({*sides} & {*named}) else [])
        elif tok.lemma_ == "candidate" and tok.dep_ == "attr" and tok.head.lemma_ == "be":
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "in")]
            found = [m for p in preps for o in p.children if o.dep_ == "pobj" for m in ctx.mentions_of(o)]
            elections = [m for m in dict.fromkeys(found) if _is_election(m)]
            takers = _takers(ctx, tok.head)
        else:
            continue
        if not elections or not takers:
            continue
        ev = ctx.evidence(tok.sent, "election-participant")
        for e in elections:
            for p in takers:
                if p is not e:
                    yield Fact(e, "participant", p, ev)
