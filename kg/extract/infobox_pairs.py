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
from functools import cache

__all__ = ["two_things"]

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
