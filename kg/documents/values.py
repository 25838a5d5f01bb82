"""Infobox values and name lines split into clean items, each with its exact offsets.

A flattened value (``A, B (until 1991), * C``) is split at the commas that are not inside
brackets; each piece loses list bullets, an interlanguage prefix (``:es:``), a military
template's status marker glued to the name (``PérezPOW``, ``Gómez†``, ``(executed)``)
and a trailing bracket that qualifies rather than names (``(until 1991)``,
``(2010–2012)``, ``(defunct)``), which the item keeps apart.

>>> [(i.text, i.status, i.bracket) for i in split_items("* Ana RuizPOW, :es:Luis Ramos (until 1991), , **", 0)]
[('Ana Ruiz', 'POW', None), ('Luis Ramos', None, 'until 1991')]
>>> [i.text for i in split_items("MEX Mexican government (Former), ETA (1995–2000)", 0)]
['Mexican government', 'ETA']
>>> [(i.text, i.qualifier) for i in split_items("Tesk Action Committee Supported by:, Orvania", 0)]
[('Tesk Action Committee', None), ('Orvania', 'Supported by')]
>>> [(i.text, i.qualifier) for i in split_items("Ruritania Supported by: Northland, Orvania", 0)]
[('Ruritania', None), ('Northland', 'Supported by'), ('Orvania', 'Supported by')]
"""

from __future__ import annotations

import re
from functools import cache

from kg.documents.model import InfoboxItem, Name

__all__ = ["clean_item", "split_items", "split_names"]

_BULLETS = "*•·\u2022\u25aa\u2013 \t"
_FLAG_CODE = re.compile(r"([A-Z]{3}) (?=[A-Z])")  # "MEX Mexican government": a flag template's country code
_INTERLANGUAGE = re.compile(r":[a-z]{2,3}(?:-[a-z]{2,8})?:(?=\S)")
_STATUS_WORDS = {
    "pow": "POW",
    "kia": "KIA",
    "wia": "WIA",
    "mia": "MIA",
    "dow": "DOW",
    "executed": "executed",
    "captured": "POW",
    "prisoner": "POW",
    "killed": "KIA",
    "killed in action": "KIA",
    "wounded": "WIA",
    "assassinated": "executed",
    "died in captivity": "POW",
}
_STATUS_ALTERNATIVES = "|".join(sorted(_STATUS_WORDS, key=len, reverse=True))
_STATUS_BRACKET = re.compile(r"\s*\(\s*(" + _STATUS_ALTERNATIVES + r")\s*\)\s*$", re.I)
_STATUS_GLUED = re.compile(r"(?<=[a-zà-ÿ0-9.)\s])\s*(POW|KIA|WIA|MIA|DOW)\s*$")
_DAGGER = re.compile(r"\s*[†‡✝]\s*$")
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_BRACKET_WORDS = {"former", "current", "formerly", "defunct", "official", "unofficial", "acting", "interim", "disputed"}
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9&.\-]{1,11})\)$")
# a sub-label glued to the name before it ("MPLA Committee Supported by:,"): a participle and "by"/"with"
# ("Ruritania Supported by: Northland": the label between two items of one piece)
_GLUED_LABEL = re.compile(r"\s+(?P<label>[A-Z][a-z]+(?:ed|ing)\s+(?:by|with|from))\s*:\s*,?\s*(?=\S|$)")
_CONJUNCTIONS = {"and", "y", "e", "et", "und", "i", "og", "och", "en", "ve", "&", "и", "u"}


def _pieces(text: str, start: int, end: int, brackets: bool = True) -> list[tuple[int, int]]:
    """[s, e) of the pieces of text[start:end] between ", " separators outside brackets (any depth);
    a bracket left open makes every comma a separator again."""
    out = []
    depth = 0
    pos = start
    i = start
    while i < end:
        c = text[i]
        if brackets and c in "([{":
            depth += 1
        elif brackets and c in ")]}":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and i + 1 < end and text[i + 1].isspace():
            out.append((pos, i))
            i += 1
            while i < end and text[i].isspace():
                i += 1
            pos = i
            continue
        i += 1
    out.append((pos, end))
    if depth > 0:
        return _pieces(text, start, end, brackets=False)
    return out


def _strip(text: str, s: int, e: int, chars: str = " \t\r\n\ufeff\u200b") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


@cache
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _qualifying(inner: str) -> bool:
    """A bracket that qualifies the name before it (years, "until 1991", "defunct", "Former"), not one
    that belongs to the name ("(Maoist)", "(Bolivia)")."""
    inner = inner.strip()
    if not inner:
        return True
    return any(c.isdigit() for c in inner) or inner[0].islower() or inner.casefold() in _BRACKET_WORDS


def clean_item(text: str, s: int, e: int) -> tuple[int, int, str | None, str | None]:
    """The clean name span of one piece, its status marker and its qualifying bracket.

    >>> t = "Comandante Ramona †"
    >>> clean_item(t, 0, len(t))
    (0, 17, 'died', None)
    """
    s, e = _strip(text, s, e, _BULLETS + "\r\n\ufeff\u200b")
    m = _INTERLANGUAGE.match(text, s, e)
    if m:
        s = m.end()
    m = _FLAG_CODE.match(text, s, e)
    if m and m.group(1) in _country_codes():
        s = m.end()
    status: str | None = None
    bracket: str | None = None
    for _ in range(3):  # "X (until 1991) †", "X KIA (1994)": markers in either order
        piece = text[s:e]
        hit = _DAGGER.search(piece)
        if hit and hit.start() > 0:
            status, e = status or "died", s + hit.start()
            continue
        hit = _STATUS_BRACKET.search(piece)
        if hit and hit.start() > 0:
            status, e = status or _STATUS_WORDS[hit.group(1).casefold()], s + hit.start()
            continue
        hit = _STATUS_GLUED.search(piece)
        if hit and hit.start() > 0 and piece[: hit.start()].strip():
            status, e = status or hit.group(1), s + hit.start()
            continue
        hit = _TRAILING_BRACKET.search(piece)
        if hit and hit.start() > 0 and bracket is None and _qualifying(hit.group(1)):
            bracket, e = hit.group(1).strip(), s + hit.start()
            continue
        break
    s, e = _strip(text, s, e, _BULLETS + "\r\n\ufeff\u200b")
    if not any(c.isalnum() for c in text[s:e]):
        return s, s, status, bracket
    return s, e, status, bracket


def _lone_word(piece: str) -> bool:
    return len(piece.split()) == 1 and piece[:1].isupper() and piece.replace("-", "").isalpha()


def _conjoined(piece: str) -> bool:
    words = piece.split()
    return 3 <= len(words) <= 6 and words[1].casefold() in _CONJUNCTIONS and words[0][:1].isupper()


def merge_enumerations(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join the pieces of a name that holds an enumeration: a longer name, then lone capitalised
    words, then a piece "W and W" / "W y W" ("Alianza … de Trabajadores, Agricultores, …,
    Reservistas y Camioneros") is one name; two pieces, or lone words with no such closing
    piece, stay apart.

    >>> t = "Alianza de Obreros, Mineros, Maestros y Pescadores, AOMP"
    >>> [t[s:e] for s, e in merge_enumerations([(0, 18), (20, 27), (29, 50), (52, 56)], t)]
    ['Alianza de Obreros, Mineros, Maestros y Pescadores', 'AOMP']
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and _lone_word(text[spans[j][0] : spans[j][1]]):
            j += 1
        first = text[spans[i][0] : spans[i][1]]
        if j > i + 1 and j < len(spans) and len(first.split()) >= 2 and _conjoined(text[spans[j][0] : spans[j][1]]):
            out.append((spans[i][0], spans[j][1]))
            i = j + 1
            continue
        out.append(spans[i])
        i += 1
    return out


# a short bracket after a name, then another name with no comma between: "Ana Roe (father) Eva Sol
# (mother)", "Ana Roe (m. 1950) Eva Sol (m. 1961)": two items (the bracket a role, a marriage or years)
_NEXT_NAME = re.compile(r"\((?:[a-z][a-z'’ .-]{0,30}|m\.\s*\d{4}[^()]{0,12}|\d{4}\s*[–-]\s*\d{0,4})\)\s+(?=[A-Z])")


def _after_brackets(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) cut after each short bracket that another capitalised name follows.

    >>> t = "Ana Roe (father) Eva Sol (mother)"
    >>> [t[a:b] for a, b in _after_brackets(t, 0, len(t))]
    ['Ana Roe (father)', 'Eva Sol (mother)']
    >>> u = "Ana Roe (politician), Eva Sol"
    >>> [u[a:b] for a, b in _after_brackets(u, 0, 20)]
    ['Ana Roe (politician)']
    """
    out = []
    pos = s
    for m in _NEXT_NAME.finditer(text, s, e):
        out.append((pos, m.start() + m.group(0).index(")") + 1))
        pos = m.end()
    out.append((pos, e))
    return out


def split_items(text: str, start: int, end: int | None = None, names: bool = False) -> tuple[InfoboxItem, ...]:
    """Split a flattened list value into clean items, carrying ``Label:`` sub-labels as qualifiers.

    ``names``: the value lists names of one thing (a ``Native Name``), so an enumeration
    inside a name is not cut (:func:`merge_enumerations`).
    """
    end = len(text) if end is None else end
    items: list[InfoboxItem] = []
    qualifier: str | None = None
    spans = [_strip(text, s, e) for s, e in _pieces(text, start, end)]
    spans = [part for s, e in spans for part in _after_brackets(text, s, e)]
    if names:
        spans = merge_enumerations([sp for sp in spans if sp[1] > sp[0]], text)
    for s, e in spans:
        piece = text[s:e]
        glued = _GLUED_LABEL.search(piece)
        if glued is not None and glued.start() > 0:  # "Tesk Front Supported by:": a name, then a sub-label
            cs, ce, status, bracket = clean_item(text, s, s + glued.start())
            if ce > cs:
                items.append(InfoboxItem(text[cs:ce], cs, ce, qualifier, status, bracket))
            qualifier = glued.group("label")
            if glued.end() == len(piece):
                continue
            s = s + glued.end()  # "… Supported by: Northland": the item after the label is under it
            piece = text[s:e]
        if piece.endswith(":") and len(piece) > 1 and len(piece) < 60 and ":" not in piece[:-1]:
            qualifier = piece[:-1].strip(_BULLETS) or None
            continue
        cs, ce, status, bracket = clean_item(text, s, e)
        if ce > cs:
            items.append(InfoboxItem(text[cs:ce], cs, ce, qualifier, status, bracket))
    return tuple(items)


def split_names(text: str, start: int, end: int) -> list[Name]:
    """The names on a line after the title ("Movement for Socialism, Movimiento al Socialismo").

    >>> t = "Frente Amplio, Frente Amplio de Obreros, Campesinos, Estudiantes y Maestros"
    >>> [n.text for n in split_names(t, 0, len(t))]
    ['Frente Amplio', 'Frente Amplio de Obreros, Campesinos, Estudiantes y Maestros']
    >>> [n.text for n in split_names("Party of Order, Partido del Orden (PO)", 0, 38)]
    ['Party of Order', 'Partido del Orden', 'PO']
    >>> [n.text for n in split_names("Partido Obrero / Parti ouvrier", 0, 30)]
    ['Partido Obrero', 'Parti ouvrier']
    """
    out = []
    for it in split_items(text, start, end, names=True):
        for part in _SLASHED.split(it.text):  # "Partido Obrero / Parti ouvrier": two names of the line
            out.extend(_line_names(text, part, it.start))
    return out


_SLASHED = re.compile(r"\s+/\s+")


def _line_names(text: str, raw: str, at: int) -> list[Name]:
    """One name of a name line at or after ``at``, or two when an acronym in brackets follows it."""
    name = raw.strip(" \"“”'‘’")
    if not name:
        return []
    s = text.index(name, at)
    acronym = _ACRONYM_AFTER.search(name)
    if acronym and acronym.start() > 0:  # "Partido del Orden (PO)": two names
        return [Name(name[: acronym.start()], s, s + acronym.start()),
                Name(acronym.group(1), s + acronym.start(1), s + acronym.end(1))]
    return [Name(name, s, s + len(name))]
