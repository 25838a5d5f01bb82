"""Places an article names that say nothing of where its subject is (issue 14's fact-check): a
country named only as where someone went, came back from, studied or lived in exile ("after he came
back from France", "he studied in London"), and islands, which lie in no region by default.

>>> [island_name(n) for n in ("Cape Verde Islands", "Isle of Tesk", "Tesk Archipelago", "Iris Lake")]
[True, True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import Mention

__all__ = ["island_name", "only_abroad"]

_ISLAND = re.compile(r"\b(?:islands?|isles?|islets?|archipelago|atoll|cay|key)\b", re.I)
# the words right before a country that make it a place someone went to or came from, not the
# article's own: "came back from", "returned from", "fled to", "studied in", "exile in", "visited"
_ABROAD = re.compile(
    r"\b(?:(?:came|come|coming|went|go|going|returned?|returning|fled|flee|fleeing|escaped?|travell?ed|"
    r"travell?ing|moved|emigrated|deported|exiled|sent|arrived|back)\s+(?:back\s+)?(?:from|to|in)|"
    r"(?:studied|studying|study|trained|training|educated|exile|exiled|lived|living|stay(?:ed)?|"
    r"visit(?:ed|ing)?|asylum|refuge)\s+(?:in|at|to)?|visit(?:ed|ing)?|(?:trip|journey|visit|voyage)s?\s+to)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def island_name(name: str) -> bool:
    """A name that says it is an island or a group of islands."""
    return _ISLAND.search(name) is not None


def only_abroad(text: str, named: Sequence[Mention]) -> bool:
    """Every mention of a country stands where someone went to, came from or studied: the article is
    not about that country, and its other places and institutions are not placed in it.

    >>> t = "He founded the Tesk Party after he came back from France."
    >>> only_abroad(t, [Mention("a", 50, 56, "France", "Country")])
    True
    >>> only_abroad("The Tesk Party of France.", [Mention("a", 18, 24, "France", "Country")])
    False
    """
    return bool(named) and all(_ABROAD.search(text, max(0, m.start - 40), m.start) is not None for m in named)
