"""Places named side by side that are siblings, not a containment chain (issue 14's fact-check):
"he lived in Arezzo, Grosseto and Livorno" names three towns (provinces) of one rank, so Arezzo is
not in Grosseto; "Nairobi, Kenya and Kampala, Uganda" is two chains, each a town in its country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from kg.gazetteer import gazetteer
from kg.model import Mention

__all__ = ["chained_countries", "sibling_places", "sibling_regions"]

_AND_NEXT = re.compile(r",?\s+(?:and|or|&)\s+$")


def _kinds(name: str) -> frozenset[str]:
    return frozenset(p.kind for p in gazetteer().candidates(name))


def sibling_regions(inner: str, outer: str) -> bool:
    """Two regions of one country at one level (the same enclosing region, or both top-level): one
    is not in the other ("Arezzo, Grosseto": two provinces of Tuscany; "Molise, Abruzzo": two regions).

    >>> sibling_regions("Arezzo", "Grosseto"), sibling_regions("Molise", "Abruzzo"), sibling_regions("Arezzo", "Italy")
    (True, True, False)
    """
    gaz = gazetteer()
    a = [p for p in gaz.candidates(inner) if p.kind == "region"]
    b = [p for p in gaz.candidates(outer) if p.kind == "region"]
    wide = ("country", "continent")
    if not a or not b or any(p.kind in wide for p in (*gaz.candidates(inner), *gaz.candidates(outer))):
        return False
    if any(p.parent == q.code for p in a for q in b):
        return False
    return all(p.country == q.country and p.parent == q.parent for p in a for q in b)


def sibling_places(text: str, chain: Sequence[Mention], places: Sequence[Mention]) -> bool:
    """The chain's last two names and the place joined after them by "and" are all of one kind the
    gazetteer allows (town, region or country): an enumeration of siblings ("A, B and C")."""
    if len(chain) < 2:
        return False
    if any(sibling_regions(a.text, b.text) for a, b in pairwise(chain)):
        return True
    last = chain[-1]
    nxt = next((m for m in places if m.start >= last.end), None)
    if nxt is None or not _AND_NEXT.fullmatch(text[last.end : nxt.start]):
        return False
    shared = _kinds(chain[-2].text) & _kinds(last.text) & _kinds(nxt.text)
    return bool(shared - {"continent"})


_CHAIN_GAP = re.compile(r"(?:,\s*[A-Z][\w .'’-]{0,40}?)*,\s*")


def chained_countries(text: str, m: Mention, mentions: Sequence[Mention]) -> frozenset[str]:
    """The country a chain of names right after the place ends in: "Amador, Panama City, Panama"
    puts Amador in Panama, whatever other country has a town of that name."""
    gaz = gazetteer()
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    return frozenset(
        place.country
        for c in mentions
        if c.cls == "Country" and m.end < c.start <= line_end and _CHAIN_GAP.fullmatch(text, m.end, c.start)
        and (place := gaz.lookup(c.text)) is not None and place.country
    )
