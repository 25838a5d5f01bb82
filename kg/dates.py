"""Dates in prose and infobox values → :class:`~kg.model.DateValue` at the precision given.

>>> parse_date("29 October 2000")
DateValue(iso='2000-10-29')
>>> parse_date("October 29, 2000")
DateValue(iso='2000-10-29')
>>> parse_date("early August of 2022")
DateValue(iso='2022-08')
>>> parse_date("in 1987")
DateValue(iso='1987')
>>> parse_date("16 December", default_year=2000)
DateValue(iso='2000-12-16')
>>> parse_date("16 December") is None
True
>>> parse_range("1879-1883")
(DateValue(iso='1879'), DateValue(iso='1883'))
>>> relative_date("six days later", DateValue("2000-12-16"))
DateValue(iso='2000-12-22')
>>> relative_date("the following day", DateValue("2005-01-01"))
DateValue(iso='2005-01-02')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.model import DateValue

__all__ = ["MONTHS", "MONTH_NAMES", "parse_date", "parse_day_range", "parse_range", "relative_date", "years_in"]

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,\s*{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<mnum>[01][0-9])-(?P<day>[0-3][0-9])\b"),
    re.compile(rf"\b{_MONTH}\s*,?\s+(?:of\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}\b"),
]
_NO_YEAR = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)", re.I),
]
_RANGE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\s*(?:-|–|—|to|until)\s*(1[0-9]{3}|20[0-9]{2}|[0-9]{2})\b")


def _build(year: str, month: str | None, day: str | None) -> DateValue | None:
    if month is None:
        return DateValue(year)
    m = int(month) if month.isdigit() else MONTHS.get(month.casefold().rstrip("."))
    if m is None or not 1 <= m <= 12:
        return DateValue(year)
    if day is None:
        return DateValue(f"{year}-{m:02d}")
    d = int(day)
    if not 1 <= d <= 31:
        return DateValue(f"{year}-{m:02d}")
    return DateValue(f"{year}-{m:02d}-{d:02d}")


def parse_date(text: str, default_year: int | None = None) -> DateValue | None:
    """The first date named in ``text``, or None; a day and month with no year take ``default_year``;
    a span of days is its first ("2–3 February 1989": 2 February).

    >>> parse_date("2–3 February 1989").iso, parse_date("3 February 1989").iso
    ('1989-02-02', '1989-02-03')
    """
    days = parse_day_range(text)
    if days is not None:
        return days[0]
    best: tuple[int, DateValue] | None = None
    for pat in _PATTERNS:
        m = pat.search(text)
        if m:
            g = m.groupdict()
            value = _build(g["year"], g.get("month") or g.get("mnum"), g.get("day"))
            if value is not None:
                if best is None or (m.start() < best[0] and len(value.iso) >= len(best[1].iso)):
                    best = (m.start(), value)
                if len(value.iso) == 10:
                    break
    if best is not None:
        return best[1]
    if default_year is not None:
        for pat in _NO_YEAR:
            m = pat.search(text)
            if m:
                return _build(str(default_year), m.group("month"), m.group("day"))
    return None


def parse_range(text: str) -> tuple[DateValue, DateValue] | None:
    """A year range such as ``1879-1883`` or ``1997–98`` as (start, end), or None."""
    m = _RANGE.search(text)
    if not m:
        return None
    start, end = m.group(1), m.group(2)
    if len(end) == 2:
        end = start[:2] + end
    if int(end) < int(start):
        return None
    return DateValue(start), DateValue(end)


_MONTHS_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "14–17 November 1973", "30 September – 2 October 1965": days of one month, or of two, in one year
_DAY_RANGE = re.compile(
    rf"^\s*(?P<d1>[0-3]?\d)(?:\s+(?P<m1>{_MONTHS_ALT})\.?)?\s*[-–—]\s*(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTHS_ALT})\.?"
    rf",?\s+(?P<y>1[0-9]{{3}}|20[0-9]{{2}})\b",
    re.I,
)


def parse_day_range(text: str) -> tuple[DateValue, DateValue] | None:
    """The days a span of one year gives with one year ("14–17 November 1973", "30 September –
    2 October 1965") as (start, end), or None.

    >>> [d.iso for d in parse_day_range("14-17 November 1973")]
    ['1973-11-14', '1973-11-17']
    >>> [d.iso for d in parse_day_range("30 September – 2 October 1965")]
    ['1965-09-30', '1965-10-02']
    >>> parse_day_range("17 November 1973") is None, parse_day_range("20–14 May 1990") is None
    (True, True)
    """
    m = _DAY_RANGE.match(text)
    if m is None:
        return None
    m2 = MONTHS[m.group("m2").casefold()]
    m1 = MONTHS[m.group("m1").casefold()] if m.group("m1") else m2
    y, d1, d2 = m.group("y"), int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or (m1, d1) >= (m2, d2):
        return None
    return DateValue(f"{y}-{m1:02d}-{d1:02d}"), DateValue(f"{y}-{m2:02d}-{d2:02d}")


def years_in(text: str) -> list[int]:
    """Every four-digit year named in ``text``, in order."""
    return [int(y) for y in re.findall(r"\b(1[0-9]{3}|20[0-9]{2})\b", text)]


_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_REL = re.compile(
    r"\b(?:(?P<n>\d{1,2}|"
    + "|".join(_NUMBERS)
    + r"|a)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|after|afterwards|"
    r"earlier|before)|the\s+(?P<dir2>following|next|previous|preceding)\s+(?P<unit2>day|week|month|year))\b",
    re.I,
)


def relative_date(text: str, anchor: DateValue) -> DateValue | None:
    """A date given relative to ``anchor`` ("six days later", "the following day"), at the anchor's
    precision, or coarser: months give a month, years a year ("six months earlier" than 14 July is
    some day of January, not the 14th; "the following year" a year).

    Days and weeks need a day-precise anchor; months need at least a month; years any anchor.

    >>> relative_date("six months earlier", DateValue("1958-07-14")).iso
    '1958-01'
    >>> relative_date("the following day", DateValue("1958-07-14")).iso
    '1958-07-15'
    """
    m = _REL.search(text)
    if not m:
        return None
    if m.group("unit"):
        raw = m.group("n").casefold()
        n = 1 if raw == "a" else int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit, sign = m.group("unit").casefold(), -1 if m.group("dir").casefold() in ("earlier", "before") else 1
    else:
        n, unit = 1, m.group("unit2").casefold()
        sign = -1 if m.group("dir2").casefold() in ("previous", "preceding") else 1
    parts = [int(p) for p in anchor.iso.split("-")]
    if unit == "year":
        return DateValue(f"{parts[0] + sign * n:04d}")
    if unit == "month":
        if len(parts) < 2:
            return None
        total = parts[0] * 12 + parts[1] - 1 + sign * n
        return DateValue(f"{total // 12:04d}-{total % 12 + 1:02d}")
    if len(parts) < 3:
        return None
    d = date(*parts) + timedelta(days=sign * n * (7 if unit == "week" else 1))
    return DateValue(d.isoformat())
