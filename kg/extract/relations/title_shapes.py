"""More shapes of a country's office given as a title beside a person's name, for
``titles.title_office_facts`` (which resolves the country): the title set off before the name by a
comma after "the" ("the dismissal of the prime minister, Ivo Sand, by the governor"), a bracketed
title ("succeeded by his wife (then vice-president) Eda Saar"), and the title both men of "Roe
succeeded Sand as Prime Minister" held. Each gives the title as the prose writes it, the word before
it (a people's adjective or a word of its time) and their article offsets; a lower-case title in
these shapes is one ("the prime minister, Ivo Sand" is the country's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.lexicons import alternation, lexicon
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["TITLES", "Shape", "national_title", "shape_before", "succession_shape"]

TITLES = (
    rf"(?:(?:{alternation('deputy_prefixes')})[- ]?)?(?:{alternation('country_office_nouns')})"
    rf"|{alternation('rec_title_monarch_nouns')}"
)
_NATIONAL = lexicon("off15.national_office_titles")
_PRE = r"(?:(?P<pre>[\w'’-]+)\s+)?"
# "the prime minister, Ivo Sand": the title right before the name, set off by a comma
_APPOSITION = re.compile(
    rf"\bthe\s+{_PRE}(?P<title>{TITLES}|{alternation('off15.national_office_titles')}),\s+$", re.IGNORECASE
)
# "his wife (then vice-president) Eda Saar"
_BRACKET = re.compile(rf"\(\s*{_PRE}(?P<title>{TITLES})\s*\)\s+$", re.IGNORECASE)
# "Roe succeeded Sand as Prime Minister": a title with no "of <country>" after it (offices.py reads that)
_AS_TITLE = re.compile(rf"\s+as\s+(?:the\s+)?{_PRE}(?P<title>{TITLES})\b(?![-\w]|\s+of\b)", re.IGNORECASE)
_SUCCEEDED = re.compile(rf"\s+(?:{alternation('off15.succession_verbs')})\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Shape:
    """A title beside a name: its text, the word before it, and their article offsets (-1: no word)."""

    title: str
    pre: str | None
    at: int
    pre_at: int


def _shape(m: re.Match[str], offset: int) -> Shape:
    pre = m.group("pre")
    return Shape(m.group("title"), pre, offset + m.start("title"), offset + m.start("pre") if pre else -1)


def national_title(title: str) -> bool:
    """An office of no one country's name ("Leader of the Opposition"): the office is named as it is."""
    return " ".join(title.casefold().split()) in _NATIONAL


def shape_before(lead: str, lead_at: int) -> Shape | None:
    """The comma-set or bracketed title that ends ``lead`` (the text before a name, at article offset
    ``lead_at``)."""
    m = _APPOSITION.search(lead) or _BRACKET.search(lead)
    return _shape(m, lead_at) if m is not None else None


def succession_shape(text: str, base: int, p: Mention, mentions: Sequence[Mention]) -> Shape | None:
    """The title "as <title>" gives after "<A> succeeded <B>" to ``p``, either of the two people."""
    people = [m for m in mentions if group_of(m.cls) == "Person" and m.source != "infobox"]
    after = next(
        (q for q in people if q.start > p.end and _SUCCEEDED.fullmatch(text, p.end - base, q.start - base)), None
    )
    if after is not None:  # p is A: the title follows B
        m = _AS_TITLE.match(text, after.end - base)
        return _shape(m, base) if m is not None else None
    before = next(
        (q for q in people if q.end < p.start and _SUCCEEDED.fullmatch(text, q.end - base, p.start - base)), None
    )
    if before is not None:  # p is B
        m = _AS_TITLE.match(text, p.end - base)
        return _shape(m, base) if m is not None else None
    return None
