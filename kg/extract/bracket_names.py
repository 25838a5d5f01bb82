"""A bracket of other names right after a name in the prose: the native name, then the acronym.

"The Bloc of Tesk Parties (Blocul Partidelor Teske, BPT) won", "the Varn People's Union (UPV or
VNSZ)", "the National Front (Spanish: Frente Nacional, FN)": the parts of such a bracket are other
names of the name before it. Two forms count: acronyms joined by "or", and a native name then an
acronym of its initials (or of the name's), after a comma. "Tomas Roe (Labour, TL)" after a person,
"(Tesk, 1946)", "(Eastmark)" and the members of an alliance, "the Tesk Union (PSD, PNL)", name no
other name. A bare "(ACR)" is :func:`kg.extract._acronym_pairs`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["bracket_name_pairs"]

_BRACKET = re.compile(r"\s*\(([^()]{2,160})\)")
_PART = re.compile(r"\s*[,;]\s*|\s+or\s+")  # a comma (or semicolon) or "or" between two parts
_LANGUAGE = re.compile(r"(?:in\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?:\s+")
_ACRONYM = re.compile(r"[^\W\d_][\w&.\-]{1,11}")
_NAME = re.compile(r"[^\W\d_][^\W\d]*(?:[\s\-'’][^\W\d]+){0,7}")


def _is_acronym(part: str) -> bool:
    return _ACRONYM.fullmatch(part) is not None and part.upper() == part and sum(c.isupper() for c in part) >= 2


def _is_name(part: str) -> bool:
    return _NAME.fullmatch(part) is not None and part[0].isupper() and gazetteer().lookup(part) is None


def _initials_fit(acronym: str, name: str) -> bool:
    """The acronym's letters, in order, are initials of the name's words, the first the first word's
    ("BPT" of "Blocul Partidelor Teske", "UC-EL" of "Unión Camilista – Ejército de Liberación")."""
    letters = [c.casefold() for c in acronym if c.isalnum()]
    initials = [w[0].casefold() for w in re.findall(r"[^\W\d_][\w'’]*", name)]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    return all(c in it for c in letters)


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
        seps: list[str] = []
        pos = skip
        for sep in [*_PART.finditer(inner, skip), None]:
            end = sep.start() if sep is not None else len(inner)
            parts.append((base + pos, inner[pos:end]))
            if sep is not None:
                seps.append(sep.group().strip())
            pos = sep.end() if sep is not None else len(inner)
        texts = [p for _, p in parts]
        # "(UPM or MNSZ)": acronyms only, each another; "(Blocul Partidelor Teske, BPT)": a name, then its
        # acronym, of its initials or the English name's ("(PSD, PNL)" after an alliance lists its members)
        either = len(texts) >= 2 and all(x == "or" for x in seps) and all(_is_acronym(p) for p in texts)
        pair = sorted(texts, key=_is_acronym)  # the name, then the acronym, in either order
        native = (
            len(texts) == 2
            and seps in ([","], [";"])
            and _is_name(pair[0])
            and _is_acronym(pair[1])
            and any(_initials_fit(pair[1], n) for n in (pair[0], m.text))
        )
        if not (either or native):
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
