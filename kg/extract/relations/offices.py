"""Offices the prose gives a person: "Ana Roe was the second Prime Minister of Valdora", "Roe
became the 22nd President of Valdora", "Ana Roe, president of Valdora from 1970 to 1973," →
positionHeld(Ana Roe, Prime Minister of Valdora): the office of a country, as one position node."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract.lexicons import alternation, head_of, lexicon
from kg.extract.relations.base import Sentences
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["office_facts", "plain_name"]

# the office right before "of <country>": a head of state's or government's and their deputies'
_OFFICE = re.compile(
    rf"\b(?P<office>(?:(?:{alternation('deputy_prefixes')})[- ]?)?(?:{alternation('country_office_nouns')}))"
    r"\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# between the person and the office: a verb of being or serving, or an apposition
_LINK = re.compile(
    r"(?:\s*\([^()]{0,80}\))?"
    rf"(?:,?\s+(?:(?:{alternation('office_link_words')})\s+)*(?:was|is|became|has\s+been|had\s+been|served\s+as|was\s+elected"
    r"(?:\s+as)?|was\s+appointed(?:\s+as)?|was\s+sworn\s+in\s+as|as)|,)"
    rf"\s+(?:(?:{alternation('office_article_words')})\s+)?(?P<mods>(?:[\w-]+\s+){{0,5}}?)$",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(r"^\s*(?:He|She)\b")


_WHO = re.compile(
    rf"\bwho\s+(?:(?:{alternation('office_link_adverbs')})\s+)*(?:was|is|became|served\s+as)\s+(?:(?:the|a|an)\s+)?"
    r"(?P<mods>(?:[\w-]+\s+){0,5}?)$"
)


def _opens_with_subject(ctx: Sentences, lead: str) -> bool:
    """The sentence begins with the article subject's name, or with one of its words (a surname)."""
    first = lead.lstrip().split(" ", 1)[0].strip(",")
    return bool(first) and (lead.lstrip().startswith(ctx.subject.text) or first in ctx.subject.text.split())


_FOREIGN = lexicon("office_foreign_words")


_TO_HOLD = re.compile(r"\bto\s+(?:be(?:come)?|serve\s+as)(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)


def _modifiers_ok(words: str) -> bool:
    """ "first democratically elected and 22nd", "38th", "second": no names between person and office,
    and no word that makes the office someone else's ("wife of the", "an adviser to the"); "the first
    woman to be", "the youngest person to serve as" still hold it."""
    words = _TO_HOLD.sub("", words)
    return all(
        (w.islower() or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)) and w.lower() not in _FOREIGN for w in words.split()
    )


def _named_before(before: list[Mention], at: int) -> bool:
    """A name ends right before "who" (a comma between at most): "who" is that one's, not the
    sentence's subject's, even when the recogniser gave the name another class."""
    return bool(before) and not before[-1].subject and 0 <= at - before[-1].end <= 3


def plain_name(m: Mention) -> bool:
    """Two to four capitalised words with no keyword of a body or place: a person's name."""
    from kg.extract.entities import typed_name
    from kg.extract.tables import keyword_class

    words = m.text.split()
    if m.source != "ner" or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    typed = typed_name(m.text, "PERSON")
    return typed is not None and typed[0] == "Person" and keyword_class(m.text) is None


def _party_of(text: str, base: int, person: Mention, party: Mention) -> bool:
    """A person named with his party right after him: "Jon Hald of the Unity Party"."""
    gap = text[person.end - base : party.start - base]
    return group_of(person.cls) == "Person" and party.cls == "PoliticalParty" and gap in (" of the ", " of ")


def office_facts(ctx: Sentences) -> Iterator[Fact]:
    """positionHeld from "<person> was/became/served as the … <office> of <country>"."""
    text, base = ctx.block.text, ctx.block.start
    for c in ctx.mentions:
        if c.cls != "Country":
            continue
        office = _OFFICE.search(text, max(0, c.start - base - 40), c.start - base)
        if office is None:
            continue
        at = office.start("office") + base
        span = ctx.span(c.start, c.end)
        if span is None:
            continue
        sent = span.sent
        sent_start = sent.start_char + base
        before = [m for m in ctx.mentions if sent_start <= m.start and m.end <= at]
        holder: Mention | None = None
        if before and group_of(before[-1].cls) == "Person":
            link = _LINK.fullmatch(text, before[-1].end - base, at - base)
            if link is not None and _modifiers_ok(link.group("mods")):
                holder = before[-1]
        elif len(before) > 1 and _party_of(text, base, before[-2], before[-1]):
            # "Jon Hald of the Unity Party was elected Prime Minister of X": the man, not his party
            link = _LINK.fullmatch(text, before[-1].end - base, at - base)
            if link is not None and _modifiers_ok(link.group("mods")):
                holder = before[-2]
        lead = text[sent_start - base : at - base]
        who = _WHO.search(lead) if holder is None else None
        if who is not None and _named_before(before, sent_start + who.start()):
            # "half-brother of Eli Roe, who was the first President of Valdora": Eli Roe was (a
            # plain name the recogniser took for an organisation's too: no body is a president)
            if _modifiers_ok(who.group("mods")) and plain_name(before[-1]):
                holder = replace(before[-1], cls="Person")
            who = None
        if who is not None and _modifiers_ok(who.group("mods")):
            # "Ana Roe (1914–1996) was a Chilean politician who was the 46th president of Chile"
            first = before[0] if before else None
            if first is not None and group_of(first.cls) == "Person" and first.start - sent_start < 3:
                holder = first
            elif group_of(ctx.subject.cls) == "Person" and _opens_with_subject(ctx, lead):
                holder = ctx.subject
        if holder is None and not before and group_of(ctx.subject.cls) == "Person":
            pronoun = _SUBJECT_PRONOUN.match(lead)
            link = _LINK.fullmatch(lead, pronoun.end()) if pronoun else None
            if link is not None and _modifiers_ok(link.group("mods")):
                holder = ctx.subject  # "He also served as the 27th vice president of Valdora"
        if holder is None:
            continue
        name = text[office.start("office") : c.end - base]
        position = Mention(ctx.article.stem, at, c.end, name, "Position", "pattern")
        ev = ctx.evidence(sent, "office-of-country")
        yield Fact(holder, "positionHeld", position, ev)
        head = head_of(name)
        if head is not None:  # "the 22nd President of Valdora": Valdora's head of state
            yield Fact(c, head[0], holder, ev)
