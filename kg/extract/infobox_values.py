"""Infobox value parsers, one per value kind of the key table (entities, places, dates, colours, literals)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import groupby, pairwise

from kg.dates import parse_date, parse_day_range, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_address import is_address_chain, is_street_address, towns_of_address
from kg.extract.infobox_brackets import died_in_bracket as _died
from kg.extract.infobox_brackets import office_heads
from kg.extract.infobox_brackets import office_in_bracket as _office
from kg.extract.infobox_events import event_facts
from kg.extract.infobox_item_split import entity_items, label_quals
from kg.extract.infobox_items import (
    IMAGE_OPTIONS,
    _bracket,
    _bracket_quals,
    _clean_items,
    _item_mention,
    _range_of,
    _with,
)
from kg.extract.infobox_kin import KIN_RELATIONS, bracket_kin
from kg.extract.infobox_notes import (
    _COLONIAL,
    _addresses,
    _believer,
    _disputed,
    _movement,
    _not_leader,
    _people,
    _prose,
    _role,
    participant_person,
)
from kg.extract.infobox_periods import period_values
from kg.extract.infobox_table import InfoboxRule, rule_for
from kg.extract.lexicons import lexicon
from kg.extract.relations.siblings import sibling_regions
from kg.gazetteer import gazetteer
from kg.model import DateValue, Evidence, Fact, Mention, TextValue

__all__ = ["founding_date"]  # and the value parsers by name (_PARSE) for kg.extract.infobox


_COLOURS = lexicon("colour_words")


_TEMPLATE_ARGS = re.compile(
    r"(?:[,|]?\s*\b|(?<=\.(?:png|svg|jpg|gif))|(?<=\.jpeg))(?:class|style|upright|alt|link|border|width|height)\s*=\s*[^,|]*",
    re.I,
)  # "Emblem.svg, class=skin-invert"; "Logo.pngclass=skin-invert": the copy lost the separator


_DEGREES = frozenset(w.casefold() for w in lexicon("prec_degree_words"))


def _degree(name: str) -> bool:
    """A degree, not a school: "Bachelor of Arts in History", "PhD in Law", "a degree in law".

    >>> _degree("Bachelor of Arts in History"), _degree("B.A. (Hons)"), _degree("University of Tesk")
    (True, True, False)
    """
    words = name.split()
    if words and words[0].casefold().strip(",") in _DEGREES:
        return True
    return re.search(r"(?i)\bdegree\b", name) is not None


def _qual(rule: InfoboxRule, article: Article, item: InfoboxItem) -> tuple[tuple[str, str], ...]:
    from_bracket = _bracket_quals(article, item)
    status, period = label_quals(item.qualifier or rule.status)  # "1978–1986:" a period, "Former:" a status
    if any(k == "status" for k, _ in from_bracket):
        status = None
    return ((("status", status),) if status else ()) + (from_bracket or period)


def _entities(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    for item in entity_items(_clean_items(field), rule.relation, rule.object):
        if rule.parser == "places" and any(c.isdigit() for c in article.text[item.start : _bracket(article, item)[0]]):
            continue  # "1,285 km2": a size, not a place
        m = _item_mention(article, item, rule.object or "Other")
        if m is None or _disputed(article, item):
            continue  # "Tesk Army (denied by the KLF)": a claim the box disputes, not a fact
        m = participant_person(article, rule.relation, m)  # "Participants: Ana Veltri", "under Veltri"
        if rule.object == "Ideology" and _people(m.text):
            continue  # "Ideology: …, Varesh people": an ethnic group (the link of "Varesh interests"), no ideology
        if rule.relation == "occupation" and _believer(m.text):
            continue  # "Occupation: Communist Marxist–Leninist": what he believed, not his work
        if rule.relation == "opposed" and m.cls == "Country" and _COLONIAL.search(_prose(article)):
            continue  # "Opponents: Malawi," against "colonial rule in Malawi": the colony, not the state
        if rule.relation == "educatedAt" and _degree(m.text):
            continue  # "Education: Bachelor of Arts in History": a degree, no school
        if rule.object == "CreativeWork" and _role(m.text):
            continue  # "Known for: Leader of the Tesk Army": a role he held, no work of his
        if rule.relation in KIN_RELATIONS:  # "Ana Oyelaran (sister)", "(his niece)", "(cousin of Eva Sol)"
            kin = bracket_kin(_bracket(article, item)[1], rule.relation)
            if kin is None:
                continue  # the bracket names someone else's kin
            if kin != rule.relation:
                yield Fact(subject, kin, m, ev, _qual(rule, article, item))
                continue
        if rule.object == "CreativeWork" and _movement(m.text):
            continue  # "Known for: Tarskism": a movement is no work of the person
        if rule.relation == "leader" and (role := _not_leader(article, item)) is not None:
            yield Fact(m, "memberOf", subject, ev, (("role", role),))  # "Eli Sand (spokesperson)": no leader
            continue
        if rule.inverse:
            yield Fact(m, rule.relation, subject, ev, _qual(rule, article, item))
        else:
            yield Fact(subject, rule.relation, m, ev, _qual(rule, article, item))
        if m.cls == "Person" and (died := _died(article, item)) is not None:
            yield Fact(m, "deathDate", died, ev)  # "Spouse: Ana Roe (d. 1938)": her death
        if m.cls == "Person" and (office := _office(article, field, item)) is not None:
            yield Fact(m, "positionHeld", office, _with(ev, rule_confidence("infobox-item-office")))
            yield from office_heads(article, m, office, _with(ev, rule_confidence("infobox-item-office")))


_SQUARE = re.compile(r"(?:plaza|square)\b|\S.*\bsquare$", re.I)
_STREET = re.compile(
    r"\b(?:avenue|av\.|avenida|street|st\.|road|rd\.|calle|rue|lane|boulevard|blvd|mawatha|strasse|straße|"
    r"plaza|square|carrera|jirón|jr\.|via|viale|ulica|ul\.|floor|building no|p\.?o\.? box)\b",
    re.I,
)


_LEADING_WORDS = re.compile(
    r"^(?:(?i:mostly|mainly|chiefly|primarily|largely|partly|then|later|also)\b\s*|[a-z][\w'’-]*\s+)+"
)


_NUMBERS = re.compile(r"^[\d\s.,/–-]+|[\s,]+\d[\d\s.,/–-]*$")


_GAZ_RANK = {"city": 1, "region": 2, "country": 3, "continent": 4}


def _place_parts(article: Article, field: InfoboxField) -> tuple[list[InfoboxItem], bool]:
    """The places a ``place`` value names, as items with their own offsets: "A and B" is two, "; "
    separates like a comma, an address's street, house number and postal code are not places
    ("Chania Avenue, off Ring Road, Kilimani, Nairobi": Kilimani, Nairobi; "23 - 28004 Madrid":
    Madrid), and a lead-in in lowercase is not part of a name ("skirmishes in counties Meath").
    The flag says the value is a list, not a chain: it joins places with "and" or ";"."""
    out: list[InfoboxItem] = []
    listed = False
    prev_end = field.start
    for it in _clean_items(field):
        listed = listed or re.search(r"\s(?:and|&)\s|;", article.text[prev_end : it.start]) is not None
        prev_end = it.end
        end, _ = _bracket(article, it)
        whole = article.text[it.start : end]
        # "Madrid and Valencia" is two places, "Trinidad and Tobago" one
        pieces = [whole] if gazetteer().candidates(whole) else re.split(r"\s*;\s*|\s+and\s+|\s+&\s+", whole)
        listed = listed or len(pieces) > 1
        pos = it.start
        for piece in pieces:
            at = article.text.find(piece, pos, end) if piece else -1
            if at < 0:
                continue
            pos = at + len(piece)
            if _STREET.search(piece) and not (_SQUARE.match(piece) and not re.search(r"\d", piece)):
                continue  # a named square with no number is a place ("Resting Place: Plaza de la Paz, …")
            trailing_number = re.search(r"\s\d+[a-zA-Z]?$", piece) is not None
            lead = _LEADING_WORDS.match(piece)
            s = at + (lead.end() if lead else 0)
            text = article.text[s : at + len(piece)]
            num = _NUMBERS.search(text)
            while num is not None and text:
                text = (text[: num.start()] + text[num.end() :]) if num.start() > 0 else text[num.end() :]
                if num.start() == 0:
                    s += num.end()
                num = _NUMBERS.search(text)
            text = text.strip(" ,.")
            if not text or not text[:1].isupper():
                continue
            if trailing_number and not gazetteer().candidates(text):
                continue  # "Nicolás Acosta 574": a street and its number; "Colombo 10" is Colombo
            s = article.text.find(text, s, at + len(piece))
            if s >= 0:
                out.append(InfoboxItem(text, s, s + len(text), it.qualifier))
    return out, listed


def _rank(m: Mention) -> int:
    """How wide a place is by the gazetteer (city 1, region 2, country 3, continent 4), 0 unknown."""
    if m.cls == "Country":
        return 3
    return max((_GAZ_RANK.get(p.kind, 0) for p in gazetteer().candidates(m.text)), default=0)


def _is_town(m: Mention) -> bool:
    return m.cls == "City" or any(p.kind == "city" for p in gazetteer().candidates(m.text))


def _is_chain(places: list[Mention]) -> bool:
    """ "Talcahuano, Biobío Region, Chile" is a chain, each in the next; "Meath, Galway, Louth, Wexford"
    (3+ of one width), "Madrid, Valencia" (two towns), "Tesk House, Varn Hall, The Lodge" are lists."""
    if any(sibling_regions(a.text, b.text) for a, b in pairwise(places)) or (
        len(places) >= 3 and not any(_rank(m) for m in places[1:])
    ):
        return False  # "Arezzo, Grosseto": two provinces of one region, neither in the other
    known = [r for m in places if (r := _rank(m))]
    if any(b < a for a, b in pairwise(known)) or any(len(list(g)) >= 3 for _, g in groupby(known)):
        return False
    return not any(a == b == 1 for a, b in pairwise(known))


def _place(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``City, Region, Country``: the first item is the place, each is located in the next; a
    building's address also names its town ("Liberty Hall, Dublin": both are the headquarters).
    A list of places of one width ("Dublin; Meath, Galway, Louth") gives each, in the country
    that ends it. Two addresses in one field ("… (first), … (last)") are read one by one; a former
    seat's place is the subject's with the status ``Former``, and its country is not the subject's."""
    for address, former in _addresses(article, field):
        for f in _one_place(article, address, rule, subject, ev):
            if former and f.subject is subject:
                if f.relation == "country":
                    continue
                f = replace(f, qualifiers=(*f.qualifiers, ("status", "Former")))
            yield f


def _one_place(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    parts, listed = _place_parts(article, field)
    places = [m for it in parts if (m := _item_mention(article, it, "Place")) is not None]
    if not places:
        return
    addressed = not listed and is_street_address(field.raw, _STREET) and is_address_chain([_rank(m) for m in places])
    if len(places) == 1 or (not listed and _is_chain(places)) or addressed:
        yield Fact(subject, rule.relation, places[0], ev)
        for district_town in towns_of_address(places, [_rank(m) for m in places])[1:] if addressed else ():
            yield Fact(subject, rule.relation, district_town, _with(ev, rule_confidence("infobox-place-chain")))
        if rule.relation == "headquarters" and not _is_town(places[0]) and _rank(places[0]) < 2:
            town = next((m for m in reversed(places[1:]) if _is_town(m)), None)
            if town is not None:
                yield Fact(subject, rule.relation, town, _with(ev, rule_confidence("infobox-place-chain")))
        yield from _chain(places, ev)
        return
    country = places[-1] if places[-1].cls == "Country" and len(places) > 1 else None
    for m in places:
        if m is country:
            continue
        yield Fact(subject, rule.relation, m, ev)
        if country is not None:
            yield Fact(m, "country", country, _with(ev, rule_confidence("infobox-place-chain")), inferred_by=None)
    if country is not None:
        yield Fact(subject, "country", country, _with(ev, rule_confidence("infobox-place-chain")))


def _chain(chain: list[Mention], ev: Evidence) -> Iterator[Fact]:
    """Each place is in the next: its country when the next is one, else the territory it is located in."""
    for inner, outer in pairwise(chain):
        rel = "country" if outer.cls == "Country" else "locatedIn"
        yield Fact(inner, rel, outer, _with(ev, rule_confidence("infobox-place-chain")), inferred_by=None)


_AGO = re.compile(r";?\s*\d+\s+years?\s+ago\b.*$", re.I)


def founding_date(raw: str) -> DateValue | None:
    """The one date of a value such as ``22 July 1997; 26 years ago (1997-07-22)``.

    >>> founding_date("22 July 1997; 26 years ago (1997-07-22)"), founding_date("1994 (as the League)")
    (DateValue(iso='1997-07-22'), DateValue(iso='1994'))
    """
    return parse_date(_AGO.sub("", raw.split(";")[0])) or parse_date(raw)


def _date(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    assert rule.relation is not None
    d = founding_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)


def _event_date(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    """A single date → point in time; ``A – B`` or ``1879-1883`` → start and end."""
    raw = _lost_dash(field.raw)
    dates = _all_dates(raw)
    rng = parse_range(raw)
    days = parse_day_range(raw)  # "14–17 November 1973": one month's days
    if days is not None and len(dates) < 2:
        dates = list(days)
    if len(dates) >= 2:
        yield Fact(subject, "startTime", dates[0], ev)
        yield Fact(subject, "endTime", dates[-1], ev)
    elif rng is not None:
        yield Fact(subject, "startTime", rng[0], ev)
        yield Fact(subject, "endTime", rng[1], ev)
    elif dates:
        yield Fact(subject, "pointInTime", dates[0], ev)


def _lost_dash(raw: str) -> str:
    """ "197727 March 2014": a year glued to the next date, the range's dash lost in the copy.

    >>> _lost_dash("197727 March 2014 (Ceasefire)"), _lost_dash("27 March 2014")
    ('1977 – 27 March 2014 (Ceasefire)', '27 March 2014')
    """
    return re.sub(r"^\s*((?:1[6-9]|20)\d\d)(?=[0-3]?\d\s+[A-Z][a-z]+\s+\d{4})", r"\1 – ", raw)


_PERIOD_SPLIT = re.compile(r",\s*(?![^()]*\))")  # commas outside brackets
_FOUNDED_IN = re.compile(
    r"\b(?:formed|founded|established|created)\s+in\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<y>1[5-9]\d\d|20\d\d)s?\b",
    re.I,
)
_LATER_DEED = re.compile(
    r"\bIn\s+(?P<y>1[5-9]\d\d|20\d\d),?\s+(?:the\s+(?:group|organi[sz]ation|movement|party|front|army|guerrill\w*)|it)\s+"
    r"(?:was|were|joined|became|took|won|signed|formed|entered|merged|founded|created)\b"
)


def _active(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """Dates of operation of a group (``1980–1992``, ``1984–present``): founded and dissolved. A dash the
    copy lost ("197727 March 2014") is put back; an end whose bracket names another event ("(Permanent
    ceasefire)") is no dissolution. Several periods ("1961–1964 (as "The Circle"), 1964–1979") are one
    life under two names: founded at the first start, dissolved at the last end, never at a renaming.
    An activity period is not the founding when the article dates the founding itself (a Founded field,
    "formed in the early 1960s" before the period starts), nor its end a dissolution when the prose
    has the group act after it ("In 1989, the group joined …")."""
    raw = _AGO.sub("", field.raw.split(";")[0])
    raw = _lost_dash(raw)
    periods: list[tuple[tuple[str | None, str | None], str]] = []
    for piece in _PERIOD_SPLIT.split(raw):
        note = re.search(r"\(([^()]*)\)\s*$", piece)
        rng = _range_of(piece[: note.start()] if note else piece)
        if rng != (None, None):
            periods.append((rng, note.group(1).strip() if note else ""))
    if not periods:
        return
    start, end = periods[0][0][0], periods[-1][0][1]
    last_note = periods[-1][1]
    renamed = last_note.startswith("as ")  # "(as "The Circle")": a name it bore, no event that ended it
    if last_note and not renamed and not re.search(r"dissol|disband|defunct|merged|banned", last_note, re.I):
        end = None
    prose = _prose(article)
    if start is not None and not _dated_founding(article, subject, prose, start):
        yield Fact(subject, "inception", DateValue(start), ev)
    if end is not None and not any(int(m.group("y")) > int(end[:4]) for m in _LATER_DEED.finditer(prose)):
        yield Fact(subject, "dissolved", DateValue(end), ev)


def _dated_founding(article: Article, subject: Mention, prose: str, start: str) -> bool:
    """The article dates the subject's founding apart from its activity period: an infobox field of the
    founding date, or the prose's "formed in …" earlier than the period's start."""
    for f in article.infobox:
        r, _ = rule_for(f.key, subject.cls)
        if r is not None and r.relation == "inception" and founding_date(f.raw) is not None:
            return True
    return any(int(m.group("y")) < int(start[:4]) for m in _FOUNDED_IN.finditer(prose))


def _all_dates(text: str) -> list[DateValue]:
    """Dates around a range dash or of two milestones ("A (x), B (y)"); a yearless first takes the second's year.

    >>> _all_dates("29 October – 16 December 2000")
    [DateValue(iso='2000-10-29'), DateValue(iso='2000-12-16')]
    >>> _all_dates("2 – 7 September 1932")
    [DateValue(iso='1932-09-02'), DateValue(iso='1932-09-07')]
    """
    parts = [p for p in re.split(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+|\)\s*,\s*", text) if p.strip()]
    last = parse_date(parts[-1]) if parts else None
    year = int(last.iso[:4]) if last is not None else None
    out = []
    for p in parts:
        d = parse_date(p, default_year=year)
        if d is None and last is not None and len(last.iso) == 10 and p.strip().isdigit() and 0 < int(p) <= 31:
            d = DateValue(f"{last.iso[:8]}{int(p):02d}")  # "2 – 7 September 1932": the day takes the month
        if d is not None:
            out.append(d)
    return out


def _born(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``13 March 1963, Mediaș, Romania``: a date, then the place and its enclosing places."""
    assert rule.relation is not None
    d = founding_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)
    place_rel = "birthPlace" if rule.relation == "birthDate" else "deathPlace"
    chain = []
    for item in _clean_items(field):
        if parse_date(item.text) is not None or re.search(r"\d", item.text) or item.text.startswith("("):
            continue
        m = _item_mention(article, item, "Place")
        if m is not None:
            chain.append(m)
    if chain:
        yield Fact(subject, place_rel, chain[0], ev)
        yield from _chain(chain, ev)


def _colours(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    words = re.findall(r"[A-Za-z]+", field.raw)
    found = [w for w in words if w.casefold() in _COLOURS]
    for w in dict.fromkeys(w.casefold() for w in found):
        yield Fact(subject, rule.relation, TextValue(w), ev)


def _literal(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    items = _clean_items(field)
    if items and all(it.qualifier for it in items):  # "Current:, Centre-right, Historical:, Centre-left"
        for it in items:
            yield Fact(subject, rule.relation, TextValue(it.text), ev, (("status", str(it.qualifier)),))
        return
    if (dated := period_values(items, _range_of)) is not None:  # "Left-wing (1971–1990), Centre-left (since 1990)"
        for text, quals in dated:
            yield Fact(subject, rule.relation, TextValue(text), ev, quals)
        return
    value = _TEMPLATE_ARGS.sub("", field.raw).strip(" ,;|")  # "Emblem.svg, class=skin-invert": the file
    value = re.sub(r"(?:(?<=\sto)|(?<=\sand))\s*,\s+", " ", value)  # "Centre to, centre-right": a line break
    if value and not IMAGE_OPTIONS.fullmatch(value):  # "Logo: 265px", "Flag: frameless": layout, not a file
        yield Fact(subject, rule.relation, TextValue(value), ev)


_Parser = Callable[[Article, InfoboxField, InfoboxRule, Mention, Evidence], Iterator[Fact]]


_PARSE: dict[str, _Parser] = {
    "entities": _entities,
    "places": _entities,
    "place": _place,
    "date": _date,
    "event_date": _event_date,
    "active": _active,
    "born": _born,
    "colours": _colours,
    "literal": _literal,
    "events": event_facts,
}
