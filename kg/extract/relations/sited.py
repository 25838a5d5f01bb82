"""A school, building or street named with the town it stands in: "night school at Orvan
University in Tesk", "the Tesk Institute in Brennick", "the University of Orvan, in Orvan City",
"a hotel on the Rue Vell in Brennick", "educated at X in the town of Y".

The place-chain rule reads a place in a region or country ("Brennick in Tesk County"); this rule
reads the institution or structure before "in" that the chain leaves out: a mention of an
educational institution or a facility (or a name that ends in a noun of ``rec10_site_head_nouns``,
"Institute", "Barracks"), followed by "in" (", in"; "in the town of") and a town or region (or a
country: then country, not locatedIn). Only the two names side by side: "X in Y" where the words
between are exactly those, so "studied at X in 1990" or "X, where in Y" give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from kg.extract.confidences import confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["division_facts", "quarter_facts", "site_facts"]

_SITE_CLASSES = lexicon("rec10_site_classes")
_HEADS = lexicon("rec10_site_head_nouns")
_TOWN_CLASSES = lexicon("rec10_town_classes")
_COUNTRY_SITES = frozenset({"EducationalInstitution"})  # a class whose name says what it is before a country
_GAP = re.compile(rf",?\s+in\s+(?:the\s+(?:{alternation('rec10_settlement_kind_nouns')})\s+of\s+)?")


def _headed(m: Mention) -> bool:
    """A name that ends in an institution's or structure's noun ("Ferrin Institute")."""
    words = m.text.split()
    return group_of(m.cls) in ("Organization", "Place", "Other") and len(words) > 1 and words[-1].lower() in _HEADS


def _site(m: Mention) -> bool:
    """An institution or structure: its class, or the last word of its name."""
    return m.cls in _SITE_CLASSES or _headed(m)


def site_facts(ctx: Sentences) -> Iterator[Fact]:
    """locatedIn(site, town) (country(site, country)) for "site in town"."""
    text = ctx.article.text
    ordered = sorted({(m.start, m.end): m for m in ctx.mentions}.values(), key=lambda m: (m.start, -m.end))
    for inner, outer in pairwise(ordered):
        if not _site(inner) or outer.cls not in _TOWN_CLASSES or inner.text == outer.text:
            continue
        if not _GAP.fullmatch(text[inner.end : outer.start]):
            continue
        span = ctx.span(inner.start, outer.end)
        if span is None or span[0].sent != span[-1].sent:
            continue
        if outer.cls == "Country" and inner.cls not in _COUNTRY_SITES and not _headed(inner):
            continue  # "their Greatest Hits Tour in Sweden": a thing the tagger called a facility, in a country
        rel = "country" if outer.cls == "Country" else "locatedIn"
        yield Fact(inner, rel, outer, ctx.evidence(span.sent, "rec10-site-in", confidence("rec10-site-in")))


_OF_DIVISION = re.compile(rf"\s+(?:{alternation('division_nouns')})\s+of\s+(?:the\s+)?", re.IGNORECASE)


def division_facts(ctx: Sentences) -> Iterator[Fact]:
    """country(region, country) from "the Valdoran province of Tesk": a people's adjective, a
    division noun (``division_nouns``) and "of", then the division's name (a region or town)."""
    text = ctx.article.text
    gaz = gazetteer()
    # the name a division noun announces is a division whatever its tagger's class (a person's is not)
    starts = {
        m.start: m for m in ctx.mentions if group_of(m.cls) in ("Place", "Organization", "Other") and m.cls != "Country"
    }
    for c in ctx.mentions:
        if c.cls != "Country" or gaz.demonym(c.text) is None:
            continue
        gap = _OF_DIVISION.match(text, c.end)
        region = starts.get(gap.end()) if gap else None
        span = ctx.span(c.start, region.end) if region is not None else None
        if region is None or span is None or span[0].sent != span[-1].sent:
            continue
        yield Fact(
            region,
            "country",
            c,
            ctx.evidence(span.sent, "rec10-demonym-division", confidence("rec10-demonym-division")),
        )


_QUARTER = alternation("rec10_quarter_nouns")
# "the working class district of X in Y": the noun that makes X a part of a town, before X
_QUARTER_BEFORE = re.compile(rf"\b(?:{_QUARTER})\s+of\s+$", re.IGNORECASE)
# "X, which is now an affluent suburb of Y" / "X, a suburb of Y": the noun between them
_QUARTER_BETWEEN = re.compile(
    r",\s+(?:(?:which|that)\s+(?:[^,.;()]{0,40}?\s+)?(?:is|was)\s+(?:now\s+)?)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
    rf"(?:{_QUARTER})\s+of\s+(?:the\s+)?"
)


def quarter_facts(ctx: Sentences) -> Iterator[Fact]:
    """locatedIn(quarter, town) for "the district of X in Y" and "X, (which is now) a suburb of Y":
    a part of a town named as such, beside the town (both places, the outer one no country)."""
    text = ctx.article.text
    places = sorted(
        {(m.start, m.end): m for m in ctx.mentions if group_of(m.cls) == "Place" and m.cls != "Country"}.values(),
        key=lambda m: m.start,
    )
    for inner, outer in pairwise(places):
        if inner.text == outer.text or outer.cls not in _TOWN_CLASSES:
            continue
        gap = text[inner.end : outer.start]
        before = text[max(0, inner.start - 60) : inner.start]
        quarter = (_QUARTER_BEFORE.search(before) and re.fullmatch(r"\s+in\s+", gap)) or _QUARTER_BETWEEN.fullmatch(gap)
        span = ctx.span(inner.start, outer.end) if quarter else None
        if span is None or span[0].sent != span[-1].sent:
            continue
        yield Fact(
            inner, "locatedIn", outer, ctx.evidence(span.sent, "rec10-quarter-of", confidence("rec10-quarter-of"))
        )
