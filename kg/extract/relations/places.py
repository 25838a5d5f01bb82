"""Where places are: "Ghent, Flanders" chains and the gazetteer's country of a place."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from kg.documents.model import Article
from kg.extract.relations.base import Sentences
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention
from kg.ontology import group_of

__all__ = ["gazetteer_country_facts", "place_chain_facts"]

CHAIN_CONFIDENCE = 0.8
GAZETTEER_CONFIDENCE = 0.75


def place_chain_facts(ctx: Sentences) -> Iterator[Fact]:
    """``A, B, C`` where each is a place: A is located in B; a country at the end is everyone's country."""
    places = [m for m in ctx.mentions if group_of(m.cls) == "Place"]
    text = ctx.article.text
    chains: list[list[Mention]] = []
    for m in places:
        if chains and re.fullmatch(r",\s*", text[chains[-1][-1].end : m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    for chain in chains:
        if len(chain) < 2:
            continue
        span = ctx.doc.char_span(
            chain[0].start - ctx.block.start, chain[-1].end - ctx.block.start, alignment_mode="expand"
        )
        if span is None:
            continue
        ev = ctx.evidence(span.sent, "place-chain", CHAIN_CONFIDENCE)
        last = chain[-1]
        for inner, outer in pairwise(chain):
            if inner.cls == "Country":
                break
            yield Fact(inner, "country" if outer.cls == "Country" else "locatedIn", outer, ev)
        if last.cls == "Country":
            for inner in chain[:-2]:
                if inner.cls != "Country":
                    yield Fact(inner, "country", last, ev)


def gazetteer_country_facts(article: Article, mentions: Sequence[Mention]) -> Iterator[Fact]:
    """A city or region the gazetteer places in a country the article names: that is its country."""
    gaz = gazetteer()
    countries: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "Country":
            place = gaz.lookup(m.text)
            code = place.country if place is not None else gaz.demonym(m.text)
            if code and code not in countries and not gaz.demonym(m.text):
                countries[code] = m
    if not countries:
        return
    seen = set()
    for m in mentions:
        if m.cls not in ("City", "AdministrativeRegion") or m.text in seen:
            continue
        seen.add(m.text)
        place = gaz.lookup(m.text, frozenset(countries))
        if place is None or place.country not in countries or place.kind not in ("city", "region"):
            continue
        line_start = article.text.rfind("\n", 0, m.start) + 1
        line_end = article.text.find("\n", m.end)
        line_end = len(article.text) if line_end < 0 else line_end
        ev = Evidence(
            article.stem,
            "Gazetteer",
            article.text[line_start:line_end].rstrip("\r"),
            line_start,
            line_start + len(article.text[line_start:line_end].rstrip("\r")),
            "gazetteer:country",
            GAZETTEER_CONFIDENCE,
        )
        yield Fact(m, "country", countries[place.country], ev)
