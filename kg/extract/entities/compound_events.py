"""Events named by a hyphened pair of peoples or places that the small model leaves untagged or
cuts at the hyphen: "the 1962 Sino-Indian War", "the Sino-Indian War of 1962", "the Indo-Pakistani
War of 1971", "the Franco-Prussian War", "the Soviet–Afghan War", "the Anglo-Irish Treaty".

A run of capitalised words joined by hyphens or dashes, then one of the event nouns of the lexicon
``fc12.compound_event_nouns``, with the year before it or "of" and a year after it when the text
has them, is one event: a ``Conflict`` for a war's noun, else an ``Event``. A mention that overlaps
one NER or an earlier rule made is replaced when it lies inside this name (the cut "Israeli War").

So is a coup named by its people or country ("the 1976 Ghanaian coup d'état", "after the Chilean coup
d'etat in 1973"), one of the nouns of ``dup12.coup_nouns``: the small model tags the year and the people
apart and cuts the French words off ("Brazilian coup"), so that neither the event nor its gold name is
found (``dup12``). The people's word must be a demonym or a country of the gazetteer.
"""

from __future__ import annotations

import re

from kg.extract.lexicons import alternation, lexicon
from kg.gazetteer import gazetteer
from kg.model import Mention

__all__ = ["compound_event_mentions"]

_CONFLICT_NOUNS = lexicon("fc12.compound_conflict_nouns")
_NAME = re.compile(
    rf"(?<![\w‐-])(?:(?P<year>\d{{4}})\s+)?(?P<pair>[A-Z][a-z]+(?:[-–][A-Z][a-z]+)+)\s+"
    rf"(?P<noun>{alternation('fc12.compound_event_nouns')})(?:\s+of\s+(?P<after>\d{{4}}))?(?![\w‐-])"
)

_COUP = re.compile(
    rf"(?<![\w‐-])(?:(?P<year>\d{{4}})\s+)?(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    rf"(?P<noun>{alternation('dup12.coup_nouns')})(?:\s+of\s+(?P<after>\d{{4}}))?(?![\w‐-])"
)


def _people_or_country(name: str) -> bool:
    gaz = gazetteer()
    place = gaz.lookup(name)
    return bool(gaz.demonym(name)) or (place is not None and place.kind == "country")


def compound_event_mentions(article: str, base: int, taken: list[Mention], text: str) -> tuple[list[Mention], set[int]]:
    """(new event mentions, indexes into ``taken`` of the mentions they replace)."""
    out: list[Mention] = []
    replaced: set[int] = set()
    found = [(m, "pair") for m in _NAME.finditer(text)]
    found += [(m, "coup") for m in _COUP.finditer(text) if _people_or_country(m.group("who"))]
    for m, kind in found:
        a, b = m.start(), m.end()
        inside = [i for i, t in enumerate(taken) if t.start - base < b and t.end - base > a]
        if any(not (a <= t.start - base and t.end - base <= b) for t in (taken[i] for i in inside)):
            continue  # a name reaching out of this one: leave both
        if any(taken[i].cls == "Conflict" and taken[i].start - base == a and taken[i].end - base == b for i in inside):
            continue  # tagged whole already
        whole = any(taken[i].start - base == a and taken[i].end - base == b for i in inside)
        if (kind == "coup" and whole) or any(a < o.end - base and o.start - base < b for o in out):
            continue  # the two patterns met one name
        conflict = m.group("noun").casefold() in _CONFLICT_NOUNS
        cls = "Uprising" if kind == "coup" else "Conflict" if conflict else "Event"
        replaced.update(inside)
        out.append(Mention(article, base + a, base + b, text[a:b], cls, "pattern"))
    return out, replaced
