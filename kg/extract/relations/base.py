"""What every relation family needs: mentions by token, evidence by sentence, pronouns."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.dates import parse_date, relative_date, years_in
from kg.documents.model import Article, Block
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.lexicons import lexicon
from kg.extract.tables import head_nouns
from kg.model import DateValue, Evidence, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["MEMBER_NOUNS", "Sentences"]

_PERSON_PRONOUNS = lexicon("person_pronouns")
MEMBER_NOUNS = lexicon("member_nouns")
_FAMILY_NOUNS = lexicon("family_nouns")
_GROUP_WORDS = frozenset({"Religion", "ReligiousDenomination", "EthnicGroup", "PoliticalParty"})
_OWN_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl"})
_ORG_NOUNS = lexicon("organisation_nouns")
_ANY_ORG_NOUNS = lexicon("any_organisation_nouns")


def _on_verb(date: Token, verb: Token) -> bool:
    """Whether a date hangs on the verb itself ("established in 1969", "founded on 12 October"),
    not inside one of its other phrases ("following the massacre in 1968")."""
    if date.head == verb:
        return True
    return date.dep_ == "pobj" and date.head.dep_ == "prep" and date.head.head == verb


class Sentences:
    """One annotated block of an article, with its mentions indexed by token."""

    def __init__(
        self,
        article: Article,
        block: Block,
        doc: Doc,
        mentions: Sequence[Mention],
        subject: Mention,
        people: Sequence[Mention] = (),
    ) -> None:
        self.article = article
        self.block = block
        self.doc = doc
        self.ents = list(doc.ents)
        self.mentions = sorted(mentions)
        self.subject = subject
        self.people = people  # the article's person mentions, filtered once for all its blocks
        self.siblings: tuple[frozenset[Mention], ...] = ()  # see with_siblings
        self._by_token: dict[int, Mention] = {}
        for m in self.mentions:
            s, e = m.start - block.start, m.end - block.start
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self._by_token.setdefault(t.i, m)
        years = years_in(block.text)
        self.default_year = years[0] if years else None

    def with_siblings(self, siblings: tuple[frozenset[Mention], ...]) -> Sentences:
        """A copy of this block that resolves "the Roe brothers" with the sibling groups kinship found
        (this one is not changed)."""
        out = copy.copy(self)
        out.siblings = siblings
        return out

    def mention(self, tok: Token) -> Mention | None:
        """The mention a token belongs to, resolving pronouns and "the movement" to an antecedent."""
        m = self._by_token.get(tok.i)
        if m is not None:
            return m
        low = tok.lower_
        if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
            # "the son of Ian Roe and his wife Ana": after "and", "his" is the person just named
            if low in ("his", "her") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("and", ","):
                near = self._antecedent(tok, "Person")
                if near is not None and near is not self.subject:
                    return near
            # in an article about a person, "he"/"her" is that person (the topic of the page);
            # elsewhere the nearest earlier person of the sentence
            if group_of(self.subject.cls) == "Person":
                return self.subject
            found = self._antecedent(tok, "Person")
            if found is None and tok.i == tok.sent.start and low in ("he", "she", "his", "her"):
                # "Alcón led the movement until 2009. His son, …": the person the last sentence named
                found = self._antecedent(tok, "Person", previous_sentence=True)
            return found
        if tok.pos_ == "PRON" and low in ("its", "their") and tok.dep_ == "poss":
            return self._antecedent(tok, "Organization")
        if tok.pos_ == "PRON" and low == "it" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if group_of(self.subject.cls) == "Organization":
                return self._organisation_noun(tok, "group")
            return self.subject if group_of(self.subject.cls) not in ("Person",) else None
        named = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children)
        if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children) and not named:
            # "the journalist Ingrid Solheim" is Ingrid Solheim, not the article's journalist
            if head_nouns().get(tok.lemma_) == self.subject.cls and low not in _ORG_NOUNS:
                return self.subject  # "the song" in an article about a song
            if low in _ORG_NOUNS:
                return self._antecedent(tok, "Organization", low)
        return None

    def mentions_of(self, tok: Token) -> list[Mention]:
        """The mention at a token and at each of its conjuncts ("A and B"); for a common noun with a
        name in apposition ("the band Los Lobos"), the name."""
        out: list[Mention] = []
        todo = [tok, *tok.conjuncts]
        for t in todo:
            m = self._by_token.get(t.i)
            common = m is None and t.pos_ == "NOUN" and t.lemma_ not in _FAMILY_NOUNS
            if common:  # "the journalist Ingrid Solheim": the name in apposition
                name_tok = next((c for c in t.children if c.dep_ == "appos" and self._by_token.get(c.i)), None)
                if name_tok is not None:
                    m = self._by_token[name_tok.i]
                    # "the economist Ana Roe and the officer Tomas Vial": the second is the name's conjunct
                    todo.extend(c for c in name_tok.conjuncts if c not in todo)
            if common and m is None and t.i > 0 and t.doc[t.i - 1].dep_ == "compound":
                m = self._by_token.get(t.i - 1)  # "the Akers Verksted shipyard": the name before the noun
            if m is None:
                m = self.mention(t)
            if m is not None and m.cls in _GROUP_WORDS and t.dep_ in ("nsubj", "nsubjpass"):
                # "A Baptist, Caballero was born in …": the subject is the person in apposition
                m = next((x for c in t.children if c.dep_ == "appos" and (x := self.mention(c))), m)
            if m is None and t.pos_ == "NOUN" and t.lemma_ in _FAMILY_NOUNS:
                # "the Roe brothers", or "the brothers Ann Roe and Bob Roe" (names in apposition)
                appos = [n for c in t.children if c.dep_ == "appos" for n in (c, *c.conjuncts)]
                named = [x for n in appos if (x := self.mention(n))]
                out.extend(x for x in (named or self.family(t)) if x not in out)
                continue
            if m is None and t.pos_ == "NOUN":
                m = next((x for c in t.children if c.dep_ == "appos" and (x := self.mention(c))), None)
            if m is None and t.pos_ == "NOUN" and t.lemma_ in MEMBER_NOUNS:  # "members of X" act as X
                m = next(
                    (
                        x
                        for p in t.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj" and (x := self.mention(g))
                    ),
                    None,
                )
            if m is None and t.pos_ == "NOUN" and t.dep_ == "appos":  # "X, another party founded by …"
                m = self.mention(t.head)
            if m is None and t.pos_ == "NOUN" and t.dep_ == "attr" and t.head.lemma_ == "be":
                # "X is a band formed in 1984": the attribute noun stands for the copula's subject
                m = next((x for c in t.head.children if c.dep_ == "nsubj" and (x := self.mention(c))), None)
            if m is not None and m not in out:
                out.append(m)
        return out

    def family(self, tok: Token) -> list[Mention]:
        """ "the Roe brothers" → every person of the article whose name ends in Roe."""
        names = [c.text for c in tok.children if c.dep_ == "compound" and c.text[:1].isupper()]
        if not names:
            return []
        for group in self.siblings:  # known siblings of that name, when the text told us who they are
            if all(m.text.split()[-1] == names[-1] for m in group):
                return sorted(group)
        out: list[Mention] = []
        seen: set[str] = set()
        for m in self.people:
            if m.text.split()[-1] == names[-1] and " " in m.text and m.text not in seen:
                seen.add(m.text)
                out.append(m)
        return out

    def _antecedent(
        self, tok: Token, group: str, noun: str | None = None, previous_sentence: bool = False
    ) -> Mention | None:
        """The nearest earlier mention of the group in the sentence (for "the party": in the block;
        with ``previous_sentence``, in the sentence before, and only there), else the article's subject.

        For "the movement" / "the party", the subject is preferred when its class is named by
        that noun (the article is about a party, and "the party" is said).
        """
        if noun is not None and group == "Organization" and group_of(self.subject.cls) == "Organization":
            return self._organisation_noun(tok, noun)
        lo = self.block.start + (tok.sent.start_char if noun is None else 0)
        if previous_sentence:
            if tok.sent.start == 0:
                return None
            lo = self.block.start + tok.doc[tok.sent.start - 1].sent.start_char
        before = [
            m
            for m in self.mentions
            if lo <= m.start and m.end - self.block.start <= tok.idx and group_of(m.cls) == group and not m.subject
        ]
        named = [m for m in before if noun is not None and noun in m.text.casefold().split()]
        if named:  # "the union" after "the Kenya African Union" and "the Kaptumo Mission School"
            return named[-1]
        if before:
            return before[-1]
        if group_of(self.subject.cls) == group:
            return self.subject
        return None

    def _organisation_noun(self, tok: Token, noun: str) -> Mention:
        """ "The group", "the party" in an article about an organisation: the article's subject,
        unless the same sentence (before the noun) or the one before names another organisation of
        that kind as its grammatical subject ("The Red Dawn Brigade, a rival group, fought the front.
        The group was led by X": the brigade). An organisation named in passing ("clashed with the
        Y League") is not what the next sentence speaks of."""
        sent = tok.sent
        first = sent.start
        if first > 0:
            first = tok.doc[first - 1].sent.start
        rivals: list[Mention] = []
        for t in tok.doc[first : tok.i]:
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for m in self.mentions_of(t) if t.pos_ == "PROPN" else [self._by_token.get(t.i)]:
                if m is None or m.subject or group_of(m.cls) != "Organization" or m in rivals:
                    continue
                if not self._same_kind(m, noun):
                    continue
                rivals.append(m)
        if rivals:
            return rivals[-1]
        return self.subject

    @staticmethod
    def _same_kind(m: Mention, noun: str) -> bool:
        """Whether "the <noun>" can name m: "the party" a party, "the group"/"the organisation" any
        organisation, "the union" a name with that word."""
        if noun in _ANY_ORG_NOUNS:
            return True
        return noun in m.cls.casefold() or noun in m.text.casefold().split()

    def span(self, start: int, end: int) -> Span | None:
        """The tokens of the block between two article offsets (a mention's ``start``/``end``),
        widened to whole tokens."""
        return self.doc.char_span(start - self.block.start, end - self.block.start, alignment_mode="expand")

    def evidence(self, sent: Span, rule: str, confidence: float | None = None) -> Evidence:
        """Evidence pointing at one sentence of the block; without a ``confidence``, the one
        ``kg/data/confidences.json`` gives ``rule``."""
        start = self.block.start + sent.start_char
        text = sent.text.rstrip()
        sure = rule_confidence(rule) if confidence is None else confidence
        return Evidence(self.article.stem, self.block.section_title, text, start, start + len(text), rule, sure)

    def date_in_span(self, sent: Span) -> DateValue | None:
        """The first date a sentence names, relative dates resolved against the block's earlier dates."""
        return self.date_in(sent.root, whole=True)

    def date_in(self, tok: Token, whole: bool = False) -> DateValue | None:
        """A date named in the clause of ``tok`` (a DATE entity in its subtree), not in a clause of its
        own inside it: "born in Lima, and converted in 1934", "after graduating in 1950, he founded",
        "joined the party founded in 1990" give the verb no date. ``whole``: any date of the subtree."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        own = any(c.dep_ in ("prep", "dobj", "attr", "npadvmod") for c in tok.children)
        inner = [
            (d.left_edge.i, d.right_edge.i)
            for d in ([] if whole else tok.subtree)
            if d.i != tok.i
            and (
                d.dep_ in _OWN_CLAUSES or (d.dep_ == "conj" and d.head.i == tok.i and own and d.pos_ in ("VERB", "AUX"))
            )
        ]
        found: list[tuple[bool, DateValue]] = []
        for ent in self.ents:
            if ent.label_ == "DATE" and lo <= ent.start and ent.end - 1 <= hi:
                if any(a <= ent.start and ent.end - 1 <= b for a, b in inner):
                    continue
                d = parse_date(ent.text, self._year_before(ent.start_char))
                if d is None:
                    anchor = self._date_before(ent.start_char)
                    d = relative_date(ent.text, anchor) if anchor is not None else None
                if d is not None:
                    found.append((_on_verb(ent.root, tok), d))
        if whole or not found:
            return found[0][1] if found else None
        # "Following the massacre in 1968, the front was established in 1969": the verb's own date
        return next((d for direct, d in found if direct), found[0][1])

    def _date_before(self, char: int) -> DateValue | None:
        """The last full date named in the block before ``char`` (the anchor of "six days later")."""
        last = None
        for ent in self.ents:
            if ent.label_ == "DATE" and ent.end_char <= char:
                d = parse_date(ent.text, self._year_before(ent.start_char))
                if d is not None:
                    last = d
        return last

    def _year_before(self, char: int) -> int | None:
        """The year a bare "16 December" takes: the last year named before it in the block, else the first."""
        years = years_in(self.block.text[:char])
        return years[-1] if years else self.default_year
