"""The lead sentence of a place, an organisation or an event: where it lies ("X is a town in Y").
An event's own lead (its span, the event it is part of, when it began and ended, who led it) is
rows of ``kg/data/lead_events.json``, read by ``lead_events.py``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.lead_table import lead_rule
from kg.model import Fact
from kg.ontology import group_of

__all__ = ["location_facts"]


_WATER = re.compile(rf"\b(?:{alternation('water_name_words')})\b")
_WATERSIDE = lexicon("waterside_preps")


def location_facts(ctx: Sentences) -> Iterator[Fact]:
    """ "X is a town in Y": the subject is located in the first place after "in" (its country if a
    country; the relation for each class of subject: row ``lead-location`` of ``kg/data/lead.json``)."""
    row = lead_rule("lead-location")
    relation = row.relation(ctx.subject.cls)
    if relation is None:
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
                and prep.lower_ in _WATERSIDE
                and group_of(ctx.subject.cls) == "Place"
            ):
                water = [
                    m
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for m in ctx.mentions_of(p)
                    if m.cls == "Landform" and _WATER.search(m.text)
                ]
                if water and row.waterside:
                    yield Fact(ctx.subject, row.waterside, water[0], ctx.evidence(sent, row.name, row.confidence))
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    places = [m for m in ctx.mentions_of(pobj) if group_of(m.cls) == "Place"]
                    if not places and pobj.pos_ == "NOUN":  # "a siege of the town of Kapsabet"
                        places = [
                            m
                            for p in pobj.children
                            if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children
                            if o.dep_ == "pobj"
                            for m in ctx.mentions_of(o)
                            if group_of(m.cls) == "Place"
                        ]
                    if places:
                        ev = ctx.evidence(sent, row.name, row.confidence)
                        p = places[0]
                        rel = row.for_country if p.cls == "Country" and row.for_country else relation
                        yield Fact(ctx.subject, rel, p, ev)
                        return
        return
