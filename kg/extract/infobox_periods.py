"""Infobox values qualified by a period: "Ideology: X (1960s–1980s), Y (since 1990)", "Position:
Left-wing (1971–1990), Centre-left (since 1990)", "Position: Left-wing, 1960–1990:, Far-left". Each
value keeps its own period as start / end qualifiers, so a past value is not stated as a current one.

>>> decade_range("1960s–1980s"), decade_range("1970s"), decade_range("since the 1990s"), decade_range("1991")
(('1960', '1989'), ('1970', '1979'), ('1990', None), None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.documents.model import InfoboxItem
from kg.extract.lexicons import lexicon

__all__ = ["decade_range", "period_values"]

_DECADE = r"(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(\d{3}0)s"
_DECADES = re.compile(rf"^{_DECADE}(?:\s*[–—-]\s*(?:{_DECADE}|(present|now)))?$", re.I)
_SINCE_DECADE = re.compile(rf"^(?:since|from)\s+{_DECADE}$", re.I)
_UNTIL_DECADE = re.compile(rf"^(?:until|till|to)\s+{_DECADE}$", re.I)


def decade_range(text: str) -> tuple[str | None, str | None] | None:
    """(start year, end year) of a period written in decades, or None when it is not one."""
    text = text.strip()
    if m := _SINCE_DECADE.match(text):
        return m.group(1), None
    if m := _UNTIL_DECADE.match(text):
        return None, str(int(m.group(1)) + 9)
    m = _DECADES.match(text)
    if m is None:
        return None
    if m.group(3):
        return m.group(1), None
    last = m.group(2) or m.group(1)
    return m.group(1), str(int(last) + 9)


def period_values(
    items: Sequence[InfoboxItem], range_of: Callable[[str], tuple[str | None, str | None]]
) -> list[tuple[str, tuple[tuple[str, str], ...]]] | None:
    """Each value of a literal list with the start / end of its period (its bracket, or a sub-label
    that is a period) or its status ("(formerly)"), when at least one of them has one; None otherwise
    (the value is one)."""
    out: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    dated = False
    former = lexicon("infobox_status_former")
    for it in items:
        period = next((p for p in (it.bracket, it.qualifier) if p and any(c.isdigit() for c in p)), None)
        start, end = range_of(period) if period else (None, None)
        quals = tuple((k, v) for k, v in (("start", start), ("end", end)) if v)
        if (it.bracket or "").strip().casefold() in former:  # "Far-left (formerly), Centre-left"
            quals = (("status", "Former"),)
        dated = dated or bool(quals)
        out.append((it.text, quals))
    return out if dated and len(out) > 1 else None
