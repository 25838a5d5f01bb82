"""Nationality from the defining sentence: "X is a Brazilian politician" → citizenship Brazil."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.dates import parse_date
from kg.extract.relations.base import Sentences
from kg.gazetteer import gazetteer
from kg.model import Fact
from kg.ontology import group_of

__all__ = ["event_span_facts", "life_facts", "location_facts", "nationality_facts"]

CONFIDENCE = 0.8


def nationality_facts(ctx: Sentences) -> Iterator[Fact]:
    """Citizenship (a person) or country (an organisation) from a demonym before the predicate noun."""
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    group = group_of(ctx.subject.cls)
    relation = {"Person": "citizenship", "Organization": "country", "CreativeWork": "countryOfOrigin"}.get(group)
    if relation is None:
        return
    gaz = gazetteer()
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        for mod in tok.children:
            if mod.dep_ in ("amod", "compound") and gaz.demonym(mod.text):
                m = ctx.mention(mod)
                if m is None:
                    continue
                ev = ctx.evidence(sent, "lead-demonym", CONFIDENCE)
                yield Fact(ctx.subject, relation, m, ev)
                return


_WATER = re.compile(r"\b(River|Lake|Sea|Ocean|Bay|Gulf|Creek|Canal|Strait|Reservoir|Lagoon|Fjord)\b")
_BORN = re.compile(r"\(\s*(?:born|b\.)\s+(?P<rest>[^()]*)\)")
_LIFE = re.compile(r"\((?P<a>[^()]*?\d{3,4})\s*[–—-]\s*(?P<b>[^()]*?\d{3,4})\s*\)")


def life_facts(ctx: Sentences) -> Iterator[Fact]:
    """Birth and death from the lead's bracket: "(born 3 June 1961 in Curitiba)", "(1901 – 1975)"."""
    if group_of(ctx.subject.cls) != "Person":
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    text = sent.text
    ev = ctx.evidence(sent, "lead-life-dates", CONFIDENCE)
    born = _BORN.search(text)
    if born:
        d = parse_date(born.group("rest"))
        if d is not None:
            yield Fact(ctx.subject, "birthDate", d, ev)
        rest_start = sent.start_char + born.start("rest")
        rest_end = sent.start_char + born.end("rest")
        m_in = re.search(r"\bin\s", born.group("rest"))
        if m_in:
            places = [
                m
                for m in ctx.mentions
                if group_of(m.cls) == "Place" and rest_start + m_in.end() <= m.start - ctx.block.start < rest_end
            ]
            if places:
                yield Fact(ctx.subject, "birthPlace", places[0], ev)
        return
    life = _LIFE.search(text)
    if life:
        a, b = parse_date(life.group("a")), parse_date(life.group("b"))
        if a is not None and b is not None and a.iso[:4] < b.iso[:4]:
            yield Fact(ctx.subject, "birthDate", a, ev)
            yield Fact(ctx.subject, "deathDate", b, ev)


def location_facts(ctx: Sentences) -> Iterator[Fact]:
    """ "X is a town in Y": the subject is located in the first place after "in" (its country if a country)."""
    if group_of(ctx.subject.cls) not in ("Place", "Organization", "Event"):
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        for prep in tok.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("on", "along", "beside")
                and group_of(ctx.subject.cls) == "Place"
            ):
                water = [
                    m
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for m in ctx.mentions_of(p)
                    if m.cls == "Landform" and _WATER.search(m.text)
                ]
                if water:
                    yield Fact(ctx.subject, "nextToWater", water[0], ctx.evidence(sent, "lead-location", 0.75))
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    places = [m for m in ctx.mentions_of(pobj) if group_of(m.cls) == "Place"]
                    if places:
                        ev = ctx.evidence(sent, "lead-location", 0.75)
                        p = places[0]
                        rel = (
                            "country"
                            if p.cls == "Country"
                            else ("locatedIn" if group_of(ctx.subject.cls) == "Place" else "location")
                        )
                        if group_of(ctx.subject.cls) == "Organization":
                            rel = "country" if p.cls == "Country" else "headquarters"
                        yield Fact(ctx.subject, rel, p, ev)
                        return
        return


_SPAN = re.compile(
    r"\b(?:from|between)\s+(?P<a>[^.;]{1,40}?)\s+(?:to|until|and|till)\s+(?P<b>[^.;]{1,40}?\d{4})\b"
    r"|\b(?:lasted|took place|ran|was fought|was held)\s+(?:from\s+)?(?P<c>\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
    r"\s*[–-]\s*(?P<d>[^.;]{1,30}?\d{4})\b"
)


def event_span_facts(ctx: Sentences) -> Iterator[Fact]:
    """When the lead's first sentence dates an event: "… that lasted from 12 June to 30 July 1958",
    "between March and May 1921" → start and end; the first date takes the second's year when it
    names none."""
    if group_of(ctx.subject.cls) != "Event":
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    m = _SPAN.search(sents[0].text)
    if m is None:
        return
    first, second = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    end = parse_date(second)
    if end is None:
        return
    start = parse_date(first) or parse_date(first, int(end.iso[:4]))
    if start is None or start.iso > end.iso:
        return
    ev = ctx.evidence(sents[0], "lead-event-span", CONFIDENCE)
    yield Fact(ctx.subject, "startTime", start, ev)
    yield Fact(ctx.subject, "endTime", end, ev)
