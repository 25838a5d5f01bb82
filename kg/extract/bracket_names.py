"""A bracket of other names right after a name in the prose: the native name, then the acronym.

"The Bloc of Tesk Parties (Blocul Partidelor Teske, BPT) won", "the Varn People's Union (UPV or
VNSZ)", "the National Front (Spanish: Frente Nacional, FN)": every part of such a bracket is another
name of the name before it. The bracket counts only when each of its parts is a name (an acronym, or
capitalised words that are no place the gazetteer knows and hold no digit) and one part at least is
an acronym: "Tomas Roe (Labour, TL)" after a person, "(Tesk, 1946)" or "(Eastmark)" name no other
name. A bare "(ACR)" is :func:`kg.extract._acronym_pairs`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["bracket_name_pairs"]

_BRACKET = re.compile(r"\s*\(([^()]{2,160})\)")
_PART = re.compile(r"\s*,\s*|\s+or\s+")
_LANGUAGE = re.compile(r"(?:in\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?:\s+")
_ACRONYM = re.compile(r"[^\W\d_][\w&.\-]{1,11}")
_NAME = re.compile(r"[^\W\d_][^\W\d]*(?:[\s\-'’][^\W\d]+){0,7}")


def _is_acronym(part: str) -> bool:
    return _ACRONYM.fullmatch(part) is not None and part.upper() == part and sum(c.isupper() for c in part) >= 2


def _is_name(part: str) -> bool:
    return _NAME.fullmatch(part) is not None and part[0].isupper() and gazetteer().lookup(part) is None


def bracket_name_pairs(text: str, found: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """Same-as pairs (the name, another name of it) for the brackets of names after ``found``'s names;
    an acronym becomes a mention of its own (source ``acronym``), a native name only pairs when a
    mention already covers it.

    >>> t = "It went to the Bloc of Tesk Parties (Blocul Partidelor Teske, BPT) and the Varn Union (UV or VSZ)."
    >>> ms = [Mention("d", 15, 35, "Bloc of Tesk Parties", "Organization"),
    ...       Mention("d", 75, 85, "Varn Union", "Organization")]
    >>> [(a.text, b.text, b.source) for a, b, _ in bracket_name_pairs(t, ms)]
    [('Bloc of Tesk Parties', 'BPT', 'acronym'), ('Varn Union', 'UV', 'acronym'), ('Varn Union', 'VSZ', 'acronym')]
    """
    out: list[tuple[Mention, Mention, str]] = []
    at = {(m.start, m.end): m for m in found}
    for m in found:
        if group_of(m.cls) in ("Person", "Place"):
            continue
        hit = _BRACKET.match(text, m.end)
        if hit is None:
            continue
        inner, base = hit.group(1), hit.start(1)
        language = _LANGUAGE.match(inner)
        skip = language.end() if language else 0
        parts: list[tuple[int, str]] = []
        pos = skip
        for sep in [*_PART.finditer(inner, skip), None]:
            end = sep.start() if sep is not None else len(inner)
            parts.append((base + pos, inner[pos:end]))
            pos = sep.end() if sep is not None else len(inner)
        if len(parts) < 2 or not all(_is_acronym(p) or _is_name(p) for _, p in parts):
            continue
        if not any(_is_acronym(p) for _, p in parts):
            continue
        for start, part in parts:
            if part == m.text:
                continue
            if _is_acronym(part):
                acr = Mention(m.article, start, start + len(part), part, m.cls, "acronym")
                out.append((m, acr, "another name in the bracket of names after it"))
            elif (other := at.get((start, start + len(part)))) is not None:
                out.append((m, other, "another name in the bracket of names after it"))
    return out
