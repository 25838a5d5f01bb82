"""An election's office holders before and after it: Infobox election's ``Title``, ``Before Election``,
``Before Party``, ``After Election`` and ``After Party``.

``Title`` names the office the election decides ("Prime Minister"), ``Before Election`` its holder
when the election was called, ``After Election`` its holder after it, the two ``… Party`` fields
their parties. One group of fields gives: each holder held the office (when the article names it
with the infobox's country, "Prime Minister of Eastmark", or the title is such a name already) and
heads the country's government or state as the office says; each holder is a member of the party beside him;
a new holder replaces the one before. A title with no holder is kept as ``kg:infoboxValue``, as is
a holder field when the box names no person in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from kg.documents.model import Article, InfoboxField
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.infobox_items import _clean_items, _evidence, _item_mention, _kept, _with
from kg.extract.infobox_table import InfoboxRule
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention

__all__ = ["holder_facts"]

_SIDES = (("before", "before_party"), ("after", "after_party"))
# the heads of a country's office (kg.extract.infobox passes its own: a country's head of state or government)
Heads = Callable[[Article, Mention, Mention, Evidence], Iterator[Fact]]


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
    office = _office(article, titles[0][0]) if titles and (before or after) else None
    if office is None:
        for field, _rule in titles:
            yield _kept(subject, field, _evidence(article, field, field))
        return
    seen: set[str] = set()
    for field, person in [*before, *after]:
        if person.text in seen:
            continue
        seen.add(person.text)
        lo = min(field.line_start, titles[0][0].line_start, article.text.rfind("\n", 0, office.start) + 1)
        hi = max(field.end, titles[0][0].end, office.end)
        ev = Evidence(
            article.stem, "Infobox", article.text[lo:hi], lo, hi, f"infobox:{field.key}", rule_confidence("infobox")
        )
        yield Fact(person, "positionHeld", office, ev)
        yield from heads(article, person, office, _with(ev, rule_confidence("infobox-implied")))


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
    return next(iter(found.values())) if len(found) == 1 else None

