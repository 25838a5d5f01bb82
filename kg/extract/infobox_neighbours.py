"""When an officeholder box's neighbours held their office, and what they held in another capacity.

A box row's predecessor held the office until the subject took it, and its successor from when the
subject left it: "Office: President of Tesk", "Term Start: 4 March 1965", "Predecessor: Ana Roe" gives
Ana Roe the office until 4 March 1965; "Term End: 9 June 1970", "Successor: Ivo Lamm" gives Ivo Lamm the
office from 9 June 1970. A predecessor the box dates no term for held the office before the subject did:
his tenure is historical (``status`` Historical), never current. A successor of an undated term is
left undated (he may hold the office still). A neighbour named in another capacity ("Predecessor: Omar
Tamm (as Sultan of Tesk)") held that office, with the same end or start, or the years its bracket gives
("(as Sultan of Tesk; 1950–1965)"); an "as" bracket whose office cannot be read gives him no office.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.documents.model import Article, InfoboxItem
from kg.extract.infobox_as_role import head_role, office_of_state, role_office
from kg.extract.infobox_brackets import office_heads
from kg.extract.infobox_items import _OFFICE_HEAD, _bracket, _range_of
from kg.extract.lexicons import lexicon
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention

__all__ = ["as_period", "as_role", "capacity_facts", "neighbour_period"]

# an "as" bracket in any case ("(As Emir of Tesk)", "(as sultan)"), and where its office's name ends
_AS_OPEN = re.compile(r"^as\s+(?:the\s+)?(?P<role>.*)$", re.I)
_ROLE_END = re.compile(r"\s*(?:[;,(]|\b(?:until|since|from|to|in|between|during)\b|\d).*$", re.I)
_OWN = re.compile(r"\s\((?P<in>[^()]*)\)\s*$")
_AFTER = re.compile(r"\s*,\s*\((?P<in>[^()]*)\)")  # "Ana Roe, (as Regent)"
_AS_IN_TEXT = re.compile(r"\s+as\s+(?:the\s+)?(?P<role>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’.-]*))*)\s*$")


Quals = tuple[tuple[str, str], ...]


def neighbour_period(part: str, start: str | None, end: str | None) -> Quals:
    """The qualifiers of a box neighbour's tenure of the row's office (see the module's docstring).

    >>> neighbour_period("predecessor", "1965-03-04", None), neighbour_period("predecessor", None, "1970")
    ((('end', '1965-03-04'),), (('status', 'Historical'),))
    >>> neighbour_period("successor", "1965", "1970"), neighbour_period("successor", "1965", None)
    ((('start', '1970'),), ())
    """
    if part == "predecessor":
        return (("end", start),) if start else (("status", "Historical"),)
    return (("start", end),) if end else ()


def capacity_facts(
    article: Article, other: Mention, role: str, office: Mention, ev: Evidence, quals: Quals
) -> Iterator[Fact]:
    """A box neighbour's facts when the box names the capacity he came before or after in: that office
    and its country's head ("(as Prime Minister)"), that head alone ("(as Head of State)"), or nothing
    for a capacity that names no office to read ("")."""
    if not role:
        return
    head = head_role(role)
    if head is None:
        held = role_office(article, role, office)
        yield Fact(other, "positionHeld", held, ev, quals)
        yield from office_heads(article, other, held, ev, quals)
        return
    country = re.search(r"\sof\s+(?P<x>[A-Z].*)$", office.text)
    if country is not None and any(p.kind == "country" for p in gazetteer().candidates(country.group("x"))):
        named = Mention(article.stem, office.start, office.end, country.group("x"), "Country", "infobox")
        yield Fact(named, head, other, ev, quals)


def as_role(item: InfoboxItem, article: Article | None = None) -> str | None:
    """The capacity an item names its person in: its bracket "(as Prime Minister)" (any case, "(as
    sultan)"; also a bracket after a comma, "Ana Roe, (as Regent)", and a bracket that is an office's
    name, "Ana Roe (Sultan of Tesk)") or its own words "Ana Roe as Minister of Finance"; None for none.
    An "as" bracket whose office cannot be read ("(as the 3rd)") gives "": another capacity, no office."""
    bracket = _inside(item, article)
    if bracket is not None:
        m = _AS_OPEN.match(bracket)
        if m is not None:
            role = _ROLE_END.sub("", m.group("role")).strip()
            if role.casefold() in lexicon("fix11.head_office_modifiers"):
                return None  # "(as acting)": the row's office, held for a while
            return _titled(_whole(role) or "") if role[:1].isalpha() else ""
        named = bracket[:1].isupper() and (_OFFICE_HEAD.match(bracket) is not None or office_of_state(bracket))
        if article is not None and named and not re.search(r"\d", bracket):
            return _whole(_ROLE_END.sub("", bracket).strip())
    m = _AS_IN_TEXT.search(item.text.strip())
    return _whole(m.group("role").strip()) if m is not None else None


def as_period(item: InfoboxItem, article: Article | None = None) -> tuple[tuple[str, str], ...]:
    """The years an "as" bracket gives its capacity ("(as Sultan of Tesk; 1950–1965)", "(as Regent
    until 1971)") as start and end qualifiers; none when it gives none."""
    bracket = _inside(item, article)
    if bracket is None or _AS_OPEN.match(bracket) is None or not re.search(r"\d{3}", bracket):
        return ()
    start, end = _range_of(re.sub(r"^[^;,\d]*?(?=\b(?:until|since|from)\b|\d)", "", bracket))
    return tuple((k, v) for k, v in (("start", start), ("end", end)) if v)


def _inside(item: InfoboxItem, article: Article | None) -> str | None:
    """The text inside the item's trailing bracket, or of a bracket after a comma ("Ana Roe, (as …)")."""
    given = getattr(item, "bracket", None)
    if isinstance(given, str):
        return given.strip("() ").strip()
    if article is None:
        return None
    inside = _bracket(article, item)[1]
    if inside is not None:
        return inside.strip()
    own = _OWN.search(item.text)  # "Ana Roe (Sultan of Tesk)" left whole in the item
    if own is not None:
        return own.group("in").strip()
    line_end = article.text.find("\n", item.end)
    m = _AFTER.match(article.text, item.end, line_end if line_end >= 0 else len(article.text))
    return m.group("in").strip() if m is not None else None


def _titled(role: str) -> str:
    """A capacity written in lower case ("sultan", "prime minister") in the case of an office's name."""
    if not role or role[:1].isupper():
        return role
    return " ".join(w if w in ("of", "for", "and", "the") else w[:1].upper() + w[1:] for w in role.split())


def _whole(role: str) -> str | None:
    """A capacity cut short ("as Chairman of the", the rest lost to markup) names no office."""
    if not role:
        return None
    return None if role.rsplit(None, 1)[-1] in ("of", "for", "and", "the") else role
