"""Infobox items: a list item's cleaned text, its bracket of years or qualifiers, and its mention."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.dates import parse_date, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.entities import clean_span, typed_name
from kg.model import Evidence, Mention
from kg.ontology import group_of

__all__: list[str] = []  # helpers of kg.extract.infobox and kg.extract.infobox_values


_NUMERIC = re.compile(r"^[\d.,\s]+(\(\d{4}\))?$|^\d[\d,.]*\s*(\(.*\))?\s*$")


_DEBRIS = re.compile(r"^[\w-]+\s*=|^\W+$")  # "class=nowrap", "style=...", a lone "*" or "–"


_BRACKET = re.compile(r"\s*\((?P<in>[^()]*)\)\s*$")


_UNTIL = re.compile(r"^(?:until|till|to|ended|dissolved|left(?: in)?)\s+(?P<d>.+)$", re.I)


_SINCE = re.compile(r"^(?:since|from|after|joined(?: in)?)\s+(?P<d>.+)$", re.I)


_PRESENT = re.compile(r"^(?:present|current|incumbent|today|now)$", re.I)


_RANGE_SPLIT = re.compile(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d)")
_PEERAGE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:Viscount|Earl|Baron|Baroness|Duke|Duchess|Marquess|Marquis|Count|Countess|Baronet)\b"
)


def _with(ev: Evidence, confidence: float) -> Evidence:
    return Evidence(ev.article, ev.section, ev.sentence, ev.start, ev.end, ev.extractor, confidence)


def _clean_items(field: InfoboxField) -> list[InfoboxItem]:
    """The field's items without template debris (``class=nowrap``, lone bullets); items that a comma
    inside a bracket cut apart ("X (allies, 1995–2003)") are joined again."""
    out: list[InfoboxItem] = []
    for it in field.items:
        prev = out[-1] if out else None
        cut = prev is not None and prev.text.count("(") > prev.text.count(")")
        peerage = prev is not None and _PEERAGE.match(it.text) is not None  # "Ivor Guest, 1st Viscount Wimborne"
        if prev is not None and (cut or peerage) and prev.qualifier == it.qualifier:
            joined = field.raw[prev.start - field.start : it.end - field.start]
            out[-1] = replace(prev, text=joined, end=it.end)
            continue
        if it.text.strip() and not _DEBRIS.match(it.text.strip()):
            out.append(it)
    return out


def _range_of(text: str) -> tuple[str | None, str | None]:
    """(start, end) ISO strings of ``A – B``; an open end ("– present") gives no end.

    >>> _range_of("28 July 2011 – 28 July 2016"), _range_of("2004 – present"), _range_of("1993–1999")
    (('2011-07-28', '2016-07-28'), ('2004', None), ('1993', '1999'))
    >>> _range_of("until 1991"), _range_of("since 2005")
    ((None, '1991'), ('2005', None))
    """
    text = text.strip()
    if m := _UNTIL.match(text):
        d = parse_date(m.group("d"))
        return None, d.iso if d else None
    if m := _SINCE.match(text):
        d = parse_date(m.group("d"))
        return d.iso if d else None, None
    parts = [p.strip() for p in _RANGE_SPLIT.split(text) if p.strip()]
    if len(parts) == 2:
        last = parse_date(parts[1])
        year = int(last.iso[:4]) if last is not None else None
        first = parse_date(parts[0], default_year=year)
        if first is not None and (last is not None or _PRESENT.match(parts[1])):
            return first.iso, last.iso if last else None
    rng = parse_range(text)
    if rng is not None:
        return rng[0].iso, rng[1].iso
    return None, None


_PLACEHOLDER = re.compile(
    r"^(?:(?:office|post|position|seat|constituency|party)\s+(?:established|abolished|created|vacant|dissolved)|"
    r"none|vacant|n/?a|new (?:office|post|seat|party)|position established|inaugural holder)$",
    re.I,
)


_TEMPLATE_WORD = re.compile(
    r"^(?:ubl|plainlist|flatlist|hlist|unbulleted list|bulleted list|collapsible list|nowrap|small|efn|br|"
    r"endplainlist|startplainlist|sfn|refn|lang|nbsp)$",
    re.I,
)


_FRAGMENT = re.compile(r"^(?:and|or|with|the|of|in|by|for|to|from|at|on|including|see|also|etc|mostly)\b")


_PX = re.compile(r"\d+\s*px\s+")


_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+)?[A-Z][^,]*$")


_REFINE = {"Organization": "ORG", "Place": "GPE", "Other": "MISC", "Event": "EVENT", "Person": "PERSON"}


def _bracket(article: Article, item: InfoboxItem) -> tuple[int, str | None]:
    """(end of the name, text inside a trailing bracket or None): the reader's ``bracket`` when it gives
    one, else a bracket left at the end of the item's text ("National Front (2010–2012)")."""
    given = getattr(item, "bracket", None)
    if isinstance(given, str):
        return item.end, given.strip("() ")
    m = _BRACKET.search(article.text, item.start, item.end)
    if m is not None and m.start() > item.start:
        return m.start(), m.group("in")
    cut = article.text.find(" (", item.start, item.end)
    return (cut if cut > item.start else item.end), None


_MARRIED = re.compile(r"^\s*m\.\s*(?P<s>[^;]+?)\s*(?:;\s*(?:div|d|died|sep)\.?\s*(?P<e>.+?))?\s*$", re.I)


_STATUS_WORDS = {"former": "Former", "current": "Current", "historical": "Historical", "defunct": "Former"}


def _bracket_quals(article: Article, item: InfoboxItem) -> tuple[tuple[str, str], ...]:
    """Start and end qualifiers from the years in an item's trailing bracket (never the dates of its entity);
    a bracket that is only a status word ("(Former)") is the item's status.

    >>> from kg.documents.model import InfoboxItem as I
    >>> a = Article("x", "x", "T", "National Front (2010–2012), Ana Ruiz (until 1991)", (), (), (), ())
    >>> _bracket_quals(a, I("National Front (2010–2012)", 0, 26)), _bracket_quals(a, I("Ana Ruiz (until 1991)", 28, 49))
    ((('start', '2010'), ('end', '2012')), (('end', '1991'),))
    >>> b = Article("x", "x", "T", "Tesk Army (Former)", (), (), (), ())
    >>> _bracket_quals(b, I(b.text, 0, len(b.text)))
    (('status', 'Former'),)
    >>> c = Article("x", "x", "T", "Ana Ruiz (m. 1990; div. 2001), Eva Sol (m. 2004)", (), (), (), ())
    >>> _bracket_quals(c, I("Ana Ruiz (m. 1990; div. 2001)", 0, 29)), _bracket_quals(c, I("Eva Sol (m. 2004)", 31, 48))
    ((('start', '1990'), ('end', '2001')), (('start', '2004'),))
    """
    _, inside = _bracket(article, item)
    if inside and not item.qualifier and inside.strip().casefold() in _STATUS_WORDS:
        return (("status", _STATUS_WORDS[inside.strip().casefold()]),)
    if not inside or not any(c.isdigit() for c in inside):
        return ()
    if m := _MARRIED.match(inside):  # a spouse's "(m. 1990; div. 2001)"
        start_d, end_d = parse_date(m.group("s")), parse_date(m.group("e") or "")
        return tuple((k, d.iso) for k, d in (("start", start_d), ("end", end_d)) if d is not None)
    start, end = _range_of(inside.rsplit(",", 1)[-1])  # "(mutual supporters, 1995–2003)": the dates
    return tuple((k, v) for k, v in (("start", start), ("end", end)) if v)


@cache
def _flag_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


_FLAG = re.compile(r"([A-Z]{3})\s+(?=[A-Z])")


def _name_start(article: Article, item: InfoboxItem) -> int:
    """Where the name starts: after a flag icon's country code ("MEX Mexican government")."""
    m = _FLAG.match(article.text, item.start, item.end)
    return m.end() if m is not None and m.group(1) in _flag_codes() else item.start


def _item_mention(article: Article, item: InfoboxItem, cls: str) -> Mention | None:
    """The entity an infobox item names; a generic class from the table is refined by the name's words
    (a combatant that is a country stays a country).

    >>> from kg.documents.model import InfoboxItem as I
    >>> a = Article("x", "x", "T", "MEX Mexican government (Former)", (), (), (), ())
    >>> _item_mention(a, I(a.text, 0, len(a.text)), "Organization").text
    'Mexican government'
    """
    if _DEBRIS.match(item.text.strip()):
        return None
    end, _ = _bracket(article, item)
    start = _name_start(article, item)
    px = _PX.match(article.text, start, end)  # an icon's size before a name: "25px Government of Ghana"
    if px is not None:
        start = px.end()
    role = _AS_ROLE.search(article.text, start, end)  # "Houari Boumédiène as Chairman of the …"
    if role is not None and role.start() > start:
        end = role.start()
    s, e = clean_span(article.text, start, end)
    name = article.text[s:e]
    if not name or _NUMERIC.match(name) or not any(c.isalpha() for c in name):
        return None
    if _PLACEHOLDER.match(name) or _TEMPLATE_WORD.match(name) or _FRAGMENT.match(name):
        return None  # "Office abolished", a template's name ("ubl"), a fragment ("and Empire")
    if cls in _REFINE and cls != "Person":
        typed = typed_name(name, _REFINE[cls])
        same_group = typed is not None and group_of(typed[0]) == group_of(cls)
        if typed is not None and typed[1] != "ner" and (same_group or (cls, typed[0]) == ("Organization", "Country")):
            cls = typed[0]
    return Mention(article.stem, s, e, name, cls, "infobox")
