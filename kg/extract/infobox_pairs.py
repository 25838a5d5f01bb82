"""An infobox item "A and B" that is two things, whatever the words are: "the A and the B" (each with
its own article: "Partof: the Tesk junta and the Cold War") and two languages ("Languages: Urdu and
Hindi"). Used by :func:`kg.extract.infobox_items._and_parts`.

>>> two_things("the Tesk junta and the Cold War", ["the Tesk junta", "the Cold War"])
True
>>> two_things("Urdu and Hindi", ["Urdu", "Hindi"])
True
>>> two_things("Party of Labour and Progress", ["Party of Labour", "Progress"])
False
>>> two_things("the Movement for Peace and the Environment", ["the Movement for Peace", "the Environment"])
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from kg.documents.model import InfoboxItem
from kg.gazetteer import gazetteer

__all__ = ["flag_codes", "lone_code", "shown_once", "shown_start", "two_things"]

_THE = re.compile(r"^the\s+[A-Z]")


@cache
def _language_names() -> frozenset[str]:
    import pycountry

    return frozenset(n.casefold() for lang in pycountry.languages for n in (getattr(lang, "name", ""),) if n)


def two_things(whole: str, texts: list[str]) -> bool:
    """The pieces of ``whole`` (cut at "and") are separate things: every piece opens with a lower-case
    "the" and a capital, the whole included ("the A and the B": two names, each with its own article;
    "the Movement for Peace and the Environment" has a piece that is no name of its own — "the
    Environment" is one word — and stays one), or every piece is a language's name."""
    pieces = [t.strip() for t in texts]
    if len(pieces) > 1 and all(_THE.match(t) and len(t.split()) > 2 for t in pieces):
        return True
    return len(pieces) > 1 and all(p.casefold() in _language_names() for p in pieces)


@cache
def _flag_countries() -> dict[str, tuple[str, ...]]:
    import pycountry

    return {
        c.alpha_3: tuple(n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n)
        for c in pycountry.countries
    }


def flag_codes() -> frozenset[str]:
    """The three-letter country codes a flag icon leaves before a name ("MEX Mexican government")."""
    return frozenset(_flag_countries())


def lone_code(text: str, name: str) -> bool:
    """A flag code alone as an item ("Allegiance: MEX") of a country the article names: the icon's
    debris beside a name the article gives in full. A code of a country the article never names is
    more likely an acronym ("Otherparty: PAK (1968–1974)": a party, not Pakistan).

    >>> lone_code("- Allegiance: MEX; he served Mexico.", "MEX"), lone_code("- Side1: PAK, students", "PAK")
    (True, False)
    """
    return name in _flag_countries() and any(re.search(rf"\b{re.escape(n)}\b", text) for n in _flag_countries()[name])


def shown_once(items: Iterable[InfoboxItem]) -> Iterator[InfoboxItem]:
    """The items of a list, less one that is the end of the item before it after a place's name: a
    link's target and then the words it showed ("Republic of Fiji Defence Forces, Defence Forces",
    "Ghana National Police, National Police") name one thing once.

    >>> [i.text for i in shown_once([InfoboxItem("Ghana Home Guard", 0, 16), InfoboxItem("Home Guard", 18, 28),
    ...                               InfoboxItem("Leftwing Home Guard", 30, 49), InfoboxItem("Home Guard", 51, 61)])]
    ['Ghana Home Guard', 'Leftwing Home Guard', 'Home Guard']
    """
    before = ""
    for item in items:
        shown, before = before, item.text.strip()
        head = shown[: -len(before) - 1] if " " in before and shown.endswith(" " + before) else ""
        if not head or gazetteer().lookup(head.removeprefix("the ")) is None:
            yield item  # "Leftwing Tesk Front, Tesk Front": two bodies; only a place's name before is the link's


# "List of heads of state of TeskHead of State of Tesk": a link's target glued to its shown words at a place
_GLUED = re.compile(r"^(?:\S+\s+){2,}of\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[A-Z][a-z]+\s)")


def shown_start(name: str) -> int:
    """Where the shown words start in a link's target glued to them, or 0: the glue follows a place's name.

    >>> n = "List of heads of state of EstoniaHead of State of Estonia"; n[shown_start(n):]
    'Head of State of Estonia'
    >>> shown_start("Ana McDonald"), shown_start("Party of GhanaLabour")
    (0, 0)
    """
    glue = _GLUED.search(name)
    return glue.end("place") if glue is not None and gazetteer().lookup(glue.group("place")) is not None else 0
