"""The office an event's ``Result`` gives a person: "Result: Ana Roe becomes president", "Eva Sol
becomes de facto President and orders curfew".

An event box's result that says a named person became (or becomes) a country's office by its bare
title makes that person the holder of the office of the event's one country (the one ``Country``,
``Place`` or ``Location`` item the gazetteer knows as a country: "Place: Vell, Eastmark" →
"President of Eastmark"), and its head of state or government as the office says. A result naming
no office title ("becomes chairman of the board"), no person, or an event of no single country
gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.documents.model import Article
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_brackets import office_heads
from kg.extract.infobox_items import _clean_items, _evidence
from kg.extract.infobox_table import split_key
from kg.extract.lexicons import alternation
from kg.extract.office_names import office_name
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["result_facts"]

_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de|del|la|van|von|bin|[A-ZÀ-Ý][\w'’.-]+)){0,4}"
_BECOMES = re.compile(
    rf"^(?P<who>{_NAME})\s+(?:becomes|became|is\s+sworn\s+in\s+as|was\s+sworn\s+in\s+as)\s+(?:the\s+)?"
    rf"(?:(?:{alternation('fix11.result_office_modifiers')})\s+)*(?P<title>[A-Za-z][\w -]*?)"
    r"(?=\s+(?:and|of|for|after|until|,)\b|\s*$)"
)


def result_facts(article: Article, subject: Mention, facts: Sequence[Fact]) -> Iterator[Fact]:
    """The offices an event box's ``Result`` gives the people it names (see the module's docstring)."""
    if group_of(subject.cls) != "Event":
        return
    gaz = gazetteer()
    countries = {
        place.country: it.text.strip()
        for key in ("Country", "Place", "Location")
        if (f := article.field(key)) is not None
        for it in _clean_items(f)
        if (place := gaz.lookup(it.text.strip())) is not None and place.kind == "country" and place.country
    }
    if len(countries) != 1:
        return
    (country,) = countries.values()
    for field in article.infobox:
        if split_key(field.key)[0] != "result":
            continue
        for it in _clean_items(field):
            hit = _BECOMES.match(it.text.strip())
            name = office_name(hit.group("title"), country) if hit else None
            if hit is None or name is None:
                continue
            at = it.start + (len(it.text) - len(it.text.lstrip()))
            s, e = at + hit.start("who"), at + hit.end("who")
            who = Mention(article.stem, s, e, hit.group("who"), "Person", "infobox")
            office = Mention(article.stem, at + hit.start("title"), at + hit.end("title"), name, "Position", "infobox")
            ev = _evidence(article, field, field, rule_confidence("infobox-implied"))
            yield Fact(who, "positionHeld", office, ev)
            yield from office_heads(article, who, office, ev)
