"""A people's name before a noun of its people or its settlement: "a Kikuyu family", "the Hausa people's region",
"born in a Zulu village" name a people, never a place, though NER tag the name GPE or the gazetteer know a
town so spelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicons import lexicon
from kg.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["people_name"]

_PEOPLE_NOUNS = lexicon("fcpat.people_nouns")
_SETTLEMENT_NOUNS = lexicon("fcpat.people_settlement_nouns")


def people_name(ent: Span) -> bool:
    """Whether the name ``ent`` is a people's by the words round it: a people noun right after it ("the Oru
    people", "a Vesk family", "Tamsi clans"), or a settlement noun after it with "a"/"an" before it (adjectives
    between allowed) when the gazetteer knows the name as no region or country ("a small Xosi village"; "a
    Texas town" stays the region)."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    if not nxt.is_lower:
        return False
    two = f"{nxt.lower_} {doc[ent.end + 1].lower_}" if ent.end + 1 < len(doc) else ""
    gaz = gazetteer()
    place = gaz.lookup(ent.text)
    if (place is not None and place.kind != "city") or gaz.demonym(ent.text) or gaz.adjective_place(ent.text):
        return False  # "the Cuban people", "a Texas town": the country's or region's own
    if nxt.lower_ in _PEOPLE_NOUNS or two in _PEOPLE_NOUNS:
        return True
    if nxt.lower_ not in _SETTLEMENT_NOUNS:
        return False
    k = ent.start - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1  # "a small Oru village"
    return k >= 0 and doc[k].lower_ in ("a", "an")
