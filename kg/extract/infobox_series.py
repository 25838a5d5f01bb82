"""What an infobox implies beyond its fields one by one: the elections before and after an election
of one country are that country's, and the monarch beside a country's office is its head of state.

An election box's ``Previous Election`` and ``Next Election`` are the same series' votes: a box whose
``Country`` names a state of today places them too (a former state may have ended between two
votes). An officeholder box's ``Monarch`` beside an office of one country ("Prime Minister of
Eastmark") is that country's head of state; a box whose offices name no country, or two, gives
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.documents.model import Article
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_items import _clean_items, _evidence, _item_mention, _with
from kg.extract.infobox_table import split_key
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention

__all__ = ["series_facts"]

_NEIGHBOURS = frozenset({"follows", "followedBy"})
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?(?P<x>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$")


def series_facts(article: Article, subject: Mention, facts: Sequence[Fact]) -> Iterator[Fact]:
    """The country of the box's neighbour elections, and the head of state its monarch is."""
    sure = rule_confidence("infobox-implied")
    countries = [f.object for f in facts if f.subject == subject and f.relation == "country"]
    names = {getattr(c, "text", "") for c in countries}
    # a state of today only: a former one ("Kingdom of Romania") may have ended between two votes
    state = len(names) == 1 and getattr(gazetteer().lookup(next(iter(names))), "kind", None) == "country"
    if subject.cls == "Election" and state:
        for f in facts:
            if f.subject == subject and f.relation in _NEIGHBOURS and getattr(f.object, "cls", None) == "Election":
                assert isinstance(f.object, Mention)
                yield Fact(f.object, "country", countries[0], _with(f.evidence, sure))
    yield from _monarchs(article, subject, facts)


def _monarchs(article: Article, subject: Mention, facts: Sequence[Fact]) -> Iterator[Fact]:
    gaz = gazetteer()
    states: dict[str, Mention] = {}
    for f in facts:
        if f.subject != subject or f.relation != "positionHeld" or not isinstance(f.object, Mention):
            continue
        hit = _OF_COUNTRY.search(f.object.text)
        place = gaz.lookup(hit.group("x")) if hit else None
        if hit is not None and place is not None and place.kind == "country" and place.country:
            at = Mention(article.stem, f.object.start, f.object.end, hit.group("x"), "Country", "infobox")
            states.setdefault(place.country, at)
    if len(states) != 1:
        return
    (country,) = states.values()
    seen: set[str] = set()
    for field in article.infobox:
        if split_key(field.key)[0].casefold() != "monarch":
            continue
        for it in _clean_items(field):
            m = _item_mention(article, it, "Person")
            if m is not None and m.cls == "Person" and m.text not in seen:
                seen.add(m.text)
                ev = _evidence(article, field, field, rule_confidence("infobox-implied"))
                yield Fact(country, "headOfState", m, ev)
