"""What an infobox item's bracket says of the person it names ("Ana Roe (d. 1938)", "Ana Roe (Minister
of Labour)"), and the head of state or government that a country's head office implies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.dates import parse_date
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_items import _OFFICE_HEAD, _bracket, _with
from kg.extract.lexicons import head_of
from kg.gazetteer import gazetteer
from kg.model import DateValue, Evidence, Fact, Mention

__all__ = ["died_in_bracket", "office_heads", "office_in_bracket"]


def office_heads(
    article: Article, person: Mention, office: Mention, ev: Evidence, quals: tuple[tuple[str, str], ...] = ()
) -> Iterator[Fact]:
    """The holder of a country's head office ("President of X", "Prime Minister of X") is X's head of
    state or of government, X a country by the gazetteer; for the office's predecessors and
    successors too, with no dates (the box gives their office, not when they held it)."""
    head = head_of(office.text)
    if head is None:
        return
    rel, at = head
    name = office.text[at:].strip()
    if not any(p.kind == "country" for p in gazetteer().candidates(name)):
        return
    if article.text[office.start : office.end] == office.text:
        country = Mention(article.stem, office.start + at, office.start + at + len(name), name, "Country", "infobox")
    else:  # an office named for its country where the text does not spell it: the country at its place
        country = Mention(article.stem, office.start, office.end, name, "Country", "infobox")
    yield Fact(country, rel, person, _with(ev, rule_confidence("infobox-implied")), quals)


_DIED = re.compile(r"^(?:d\.|died)\s+(?P<date>[^;,()]+)$", re.IGNORECASE)


def died_in_bracket(article: Article, item: InfoboxItem) -> DateValue | None:
    """The death a person's bracket gives on its own ("Ana Roe (d. 1938)", "(died 2010)"); not a
    marriage's end ("(m. 1938; died 1975)": whose death ended it, the bracket does not say)."""
    _, inside = _bracket(article, item)
    hit = _DIED.match(inside.strip()) if inside else None
    return parse_date(hit.group("date")) if hit else None


def office_in_bracket(article: Article, field: InfoboxField, item: InfoboxItem) -> Mention | None:
    """The office a person's bracket names ("Ana Roe (Minister of Labour)", "Ana Roe, (Minister of
    Labour)"): the position she held, never another participant."""
    _, inside = _bracket(article, item)
    if not inside or not inside[:1].isupper() or not _OFFICE_HEAD.match(inside):
        return None
    at = article.text.find(inside, item.start, field.end)
    if at < 0:
        return None
    return Mention(article.stem, at, at + len(inside), inside, "Position", "infobox")
