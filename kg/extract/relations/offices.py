"""Offices the prose gives a person: "Ana Roe was the second Prime Minister of Valdora", "Roe
became the 22nd President of Valdora", "Ana Roe, president of Valdora from 1970 to 1973," →
positionHeld(Ana Roe, Prime Minister of Valdora): the office of a country, as one position node."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicons import alternation, head_of, lexicon
from kg.extract.relations.base import Sentences
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["office_facts"]

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
    r"(?:\s+as)?|was\s+appointed(?:\s+as)?|was\s+sworn\s+in\s+as)|,)"
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


def _named_before_who(ctx: Sentences, before: list[Mention], who_at: int) -> Mention | None:
    """The name "who" follows right after ("… of Luís Roe, who was …"): whom the clause speaks of."""
    gap = ctx.article.text[: who_at]
    end = len(gap.rstrip(" ,"))
    return next((m for m in reversed(before) if m.end == end), None)


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
        lead = text[sent_start - base : at - base]
        if holder is None and (who := _WHO.search(lead)) is not None and _modifiers_ok(who.group("mods")):
            # "Ana Roe (1914–1996) was a Chilean politician who was the 46th president of Chile"
            first = before[0] if before else None
            named = _named_before_who(ctx, before, sent_start + who.start())
            if named is not None and named is not first:
                # "… half-brother of Luís Roe who was the 1st President of Tesk": Luís Roe's office
                holder = named if group_of(named.cls) == "Person" else None
            elif first is not None and group_of(first.cls) == "Person" and first.start - sent_start < 3:
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
