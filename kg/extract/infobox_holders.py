"""An election's office holders before and after it: Infobox election's ``Title``, ``Posttitle``,
``Before Election``, ``Before Party``, ``After Election`` and ``After Party``.

``Title`` names the office the election decides ("Prime Minister"), ``Before Election`` its holder
when the election was called, ``After Election`` its holder after it, the two ``… Party`` fields
their parties. One group of fields gives: each holder held the office and heads the country's
government or state as the office says; the office is the one the article names with the infobox's
country ("Prime Minister of Eastmark"), the title itself when it is such a name already, else the
title completed with the box's country (``Country: Kingdom of Eastmark`` → "Prime Minister of
Eastmark", :mod:`kg.extract.office_names`). A title that names what its holders head and no office
("Head of government") makes each holder the country's head of government, and ``Posttitle``
("Prime Minister") the office of the holder after the election. Each holder is a member of the
party beside him; a new holder replaces the one before, who then holds the office no longer
(``status`` Historical). A title with no holder is kept as
``kg:infoboxValue``, as is a holder field when the box names no person in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from kg.documents.model import Article, InfoboxField
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_items import _clean_items, _evidence, _item_mention, _kept, _with
from kg.extract.infobox_table import InfoboxRule
from kg.extract.lexicons import head_of
from kg.extract.office_names import country_short_name, office_name
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention

__all__ = ["holder_facts"]

_SIDES = (("before", "before_party"), ("after", "after_party"))
# the heads of a country's office (kg.extract.infobox passes its own: a country's head of state or government)
Heads = Callable[[Article, Mention, Mention, Evidence, tuple[tuple[str, str], ...]], Iterator[Fact]]


def holder_facts(
    article: Article,
    subject: Mention,
    parts: Mapping[str, Sequence[tuple[InfoboxField, InfoboxRule]]],
    heads: Heads,
) -> Iterator[Fact]:
    """The facts of one election's holder fields (see the module's docstring); ``heads`` gives the
    country's head-of-state or -government fact of an office's holder."""
    holders: dict[str, list[tuple[InfoboxField, Mention]]] = {}
    for side, _ in _SIDES:
        for field, _rule in parts.get(side, []):
            people = [m for it in _clean_items(field) if (m := _item_mention(article, it, "Person")) is not None]
            people = [m for m in people if m.cls == "Person"]
            if not people:
                yield _kept(subject, field, _evidence(article, field, field))
            holders.setdefault(side, []).extend((field, m) for m in people)
    for side, party_part in _SIDES:
        for party_field, _rule in parts.get(party_part, []) if holders.get(side) else ():
            for it in _clean_items(party_field):
                party = _item_mention(article, it, "PoliticalParty")
                if party is None:
                    continue
                for field, person in holders[side]:
                    yield Fact(person, "memberOfParty", party, _evidence(article, field, party_field))
        if not holders.get(side):
            for party_field, _rule in parts.get(party_part, []):
                yield _kept(subject, party_field, _evidence(article, party_field, party_field))
    before, after = holders.get("before", []), holders.get("after", [])
    for a_field, new in after:
        for b_field, old in before:
            if new.text != old.text:
                ev = _evidence(article, b_field, a_field, rule_confidence("infobox-implied"))
                yield Fact(new, "replaces", old, ev)
    titles = parts.get("office", [])
    posts = parts.get("posttitle", [])
    # "Title: Head of government" names no office but what its holders head; "Posttitle: Prime
    # Minister" then names the office of the holder after the election
    role = _head_role(titles[0][0].raw) if titles else None
    office = _office(article, titles[0][0]) if titles and (before or after) and role is None else None
    later = office or (_office(article, posts[0][0]) if posts and after and role else None)
    if office is None:
        for field, _rule in titles if role is None or not (before or after) else ():
            yield _kept(subject, field, _evidence(article, field, field))
    for field, _rule in posts if later is None or office is not None else ():
        yield _kept(subject, field, _evidence(article, field, field))
    seen: set[tuple[str, str]] = set()
    kept = {p.text for _, p in after}
    for side, held in (("before", office), ("after", later)):
        for field, person in holders.get(side, []):
            # the holder before the election whom another replaced after it holds the office no longer
            when = (("status", "Historical"),) if side == "before" and kept and person.text not in kept else ()
            if (person.text, held.text if held is not None else "") in seen:
                continue
            seen.add((person.text, held.text if held is not None else ""))
            if held is not None:
                where = titles[0][0] if held is office else posts[0][0]
                lo = min(field.line_start, where.line_start, article.text.rfind("\n", 0, held.start) + 1)
                hi = max(field.end, where.end, held.end)
                sure = rule_confidence("infobox")
                ev = Evidence(article.stem, "Infobox", article.text[lo:hi], lo, hi, f"infobox:{field.key}", sure)
                yield Fact(person, "positionHeld", held, ev, when)
                implied = _with(ev, rule_confidence("infobox-implied"))
                if article.text[held.start : held.end] == held.text:
                    yield from heads(article, person, held, implied, when)
                else:  # an office named for the box's country: that country's head
                    yield from _country_heads(article, person, held, None, implied, when)
            elif role is not None:
                ev = _evidence(article, titles[0][0], field, rule_confidence("infobox-implied"))
                yield from _country_heads(article, person, None, role, ev, when)


_HEAD_ROLE = re.compile(r"^\s*head\s+of\s+(?P<what>state|government)\s*$", re.I)


def _head_role(title: str) -> str | None:
    """The relation a ``Title`` that names no office gives its holders: "Head of government"."""
    m = _HEAD_ROLE.match(title)
    if m is None:
        return None
    return "headOfState" if m.group("what").casefold() == "state" else "headOfGovernment"


def _box_country(article: Article) -> Mention | None:
    """The infobox's one country (``Country`` or ``Location``), as the box names it."""
    for key in ("Country", "Location"):
        f = article.field(key)
        items = _clean_items(f) if f is not None else []
        m = _item_mention(article, items[0], "Country") if len(items) == 1 else None
        if m is not None and country_short_name(m.text) is not None:
            return replace(m, cls="Country")
    return None


def _country_heads(
    article: Article,
    person: Mention,
    office: Mention | None,
    role: str | None,
    ev: Evidence,
    when: tuple[tuple[str, str], ...] = (),
) -> Iterator[Fact]:
    """The box's country's head of state or government: the holder of an office completed with the
    box's country ("Prime Minister" in Eastmark's box), or of a title that says so ("Head of state")."""
    country = _box_country(article)
    if country is None:
        return
    if office is not None:
        head = head_of(office.text)
        if head is None:
            return
        role = head[0]
    if role is not None:
        yield Fact(country, role, person, ev, when)


def _office(article: Article, title: InfoboxField) -> Mention | None:
    """The office a ``Title`` names: the title itself when it says whose office it is ("Prime Minister
    of Eastmark"), else the one office of that title the article names for the infobox's ``Country``
    (or ``Location``) ("- Country: Eastmark", or "Kingdom of Eastmark", and "… became Prime Minister
    of Eastmark"); None when the article names none for that country (a Prime Minister of Westmark
    the prose meets is another country's office), or the box names no country."""
    items = _clean_items(title)
    if len(items) != 1:
        return None
    own = _item_mention(article, items[0], "Position")
    if own is None:
        return None
    if re.search(r"\sof\s", own.text):
        return own
    gaz = gazetteer()
    box = [it.text.strip() for key in ("Country", "Location") if (f := article.field(key)) for it in _clean_items(f)]
    boxed = {place.country for it in box if (place := gaz.lookup(it)) is not None and place.country}
    found: dict[str, Mention] = {}
    pattern = re.escape(own.text) + r"\s+of\s+(?:the\s+)?(?P<x>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    for hit in re.finditer(pattern, article.text):
        country = gaz.lookup(hit.group("x"))
        if country is None or country.kind != "country" or not country.country:
            continue
        # the box's own country, or the state it names after "of" ("- Country: Kingdom of Eastmark")
        if country.country in boxed or any(it.endswith(" of " + hit.group("x")) for it in box):
            s, e = hit.start(), hit.end("x")
            found.setdefault(country.country, Mention(article.stem, s, e, article.text[s:e], "Position", "infobox"))
    if len(found) == 1:
        return next(iter(found.values()))
    boxed_country = _box_country(article) if not found else None
    name = office_name(own.text, boxed_country.text) if boxed_country is not None else None
    # no such office in the prose: the title is the box's country's ("Title: Prime Minister" in
    # Eastmark's box is "Prime Minister of Eastmark"), at the title's own place
    return replace(own, text=name) if name is not None else None

