"""The office an event's ``Result`` gives a person: "Result: Ana Roe becomes president", "Eva Sol
becomes de facto President and orders curfew".

An event box's result that says a named person became (or becomes) a country's office by its bare
title makes that person the holder of the office of the event's one country (and one "Y resigns as" it
leaves to, "with Z replacing him", Z) (the one ``Country``,
``Place`` or ``Location`` item the gazetteer knows as a country: "Place: Vell, Eastmark" →
"President of Eastmark"), and its head of state or government as the office says. A result naming
no office title ("becomes chairman of the board"), no person, or an event of no single country
gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.dates import parse_date
from kg.documents.model import Article
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_brackets import office_heads
from kg.extract.infobox_items import _clean_items, _evidence
from kg.extract.infobox_table import split_key
from kg.extract.lexicons import alternation
from kg.extract.office_names import article_country, office_name
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["result_facts"]

_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de|del|la|van|von|bin|[A-ZÀ-Ý][\w'’.-]+)){0,4}"
_BECOMES = re.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=,\s))(?P<who>{_NAME})\s+(?P<verb>becomes|became|is\s+sworn\s+in\s+as|was\s+sworn\s+in\s+as"
    r"|(?:is\s+|was\s+)?(?:resigns|resigned|deposed|dismissed|ousted|removed|commissioned|appointed|installed|sworn\s+in)"
    r"\s+as)\s+(?:the\s+)?"
    rf"(?:(?:{alternation('fix11.result_office_modifiers')})\s+)*(?P<title>[A-Za-z][\w -]*?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))?"
    r"(?=\s+(?:and|by|for|after|until|following|with|when|on|in)\b|\s*[,.;]|\s*$)"
)

# "Y resigns as Prime Minister, with Z replacing him": Z held the office Y left
_REPLACING = re.compile(rf",?\s+with\s+(?P<who>{_NAME})\s+(?:{alternation('off15.replacing_verbs')})\s+(?:him|her)\b")


def _countries(article: Article) -> dict[str, str]:
    gaz = gazetteer()
    return {
        place.country: it.text.strip()
        for key in ("Country", "Place", "Location")
        if (f := article.field(key)) is not None
        for it in _clean_items(f)
        if (place := gaz.lookup(it.text.strip())) is not None and place.kind == "country" and place.country
    }


def result_facts(article: Article, subject: Mention, facts: Sequence[Fact]) -> Iterator[Fact]:
    """The offices an event box's ``Result`` gives the people it names (see the module's docstring):
    "X becomes President", "Overthrow of Y. X becomes President of Tesk.", "Y resigns as Prime Minister"
    (Y held it: no period is given). A title with its own "of Country" names its country itself."""
    if group_of(subject.cls) != "Event":
        return
    gaz = gazetteer()
    countries = _countries(article)
    if not countries and (named := article_country(article)) is not None:
        countries = {"": named}  # no country in the box's places: the one the lead's first sentence names
    for field in article.infobox:
        if split_key(field.key)[0] not in ("result", "outcome"):
            continue
        at, value = field.start, field.raw
        if article.text[at : at + len(value)] != value:
            continue
        # the whole value: its items may stop at a sentence's end ("Overthrow of X. Y becomes …")
        for hit in _BECOMES.finditer(value):
            named = hit.group("of")
            place = gaz.lookup(named) if named else None
            if named and (place is None or place.kind != "country"):
                continue  # "becomes President of the Senate": no country's office
            country = named if named else (next(iter(countries.values())) if len(countries) == 1 else None)
            name = office_name(hit.group("title"), country) if country else None
            if name is None:
                continue
            s, e = at + hit.start("who"), at + hit.end("who")
            who = Mention(article.stem, s, e, hit.group("who"), "Person", "pattern")  # a surname may be a fuller name
            end = at + (hit.end("of") if named else hit.end("title"))
            office = Mention(article.stem, at + hit.start("title"), end, name, "Position", "infobox")
            ev = _evidence(article, field, field, rule_confidence("infobox-implied"))
            quals = _period(article, hit.group("verb"))
            yield Fact(who, "positionHeld", office, ev, quals)
            yield from office_heads(article, who, office, ev, quals)
            left = _LEFT.match(hit.group("verb"))
            after = _REPLACING.match(value, hit.end()) if left else None
            if after is not None:  # "Y resigns as Prime Minister, with Z replacing him": Z held it from then
                s, e = at + after.start("who"), at + after.end("who")
                who = Mention(article.stem, s, e, after.group("who"), "Person", "pattern")
                took = tuple(("start", v) for _, v in quals)
                yield Fact(who, "positionHeld", office, ev, took)
                yield from office_heads(article, who, office, ev, took)


_LEFT = re.compile(r"(?:is\s+|was\s+)?(?:resigns|resigned|deposed|dismissed|ousted|removed)\b")


def _period(article: Article, verb: str) -> tuple[tuple[str, str], ...]:
    """When the result's office began or ended: the event's date, a start for "becomes", an end for
    "resigns as" / "dismissed as" (only the year when the box gives a span); none when it gives no date."""
    field = article.field("Date")
    day = parse_date(field.raw) if field is not None else None
    if field is None or day is None:
        return ()
    # a span or two dates ("19 May 2000 – 1 March 2001"): the change fell inside it, its year is sure
    spans = len(re.findall(r"\b\d{4}\b", field.raw)) > 1 or re.search(r"\d\s*[–-]\s*\d", field.raw)
    return (("end" if _LEFT.match(verb) else "start", day.iso[:4] if spans else day.iso),)
