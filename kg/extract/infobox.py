"""Facts from infobox fields, driven by the key table ``kg/data/infobox.json``.

Each row maps a key (lower case) to a relation, the class of its object and a
value parser. Keys not in the table are kept as ``kg:infoboxValue`` literals
qualified by their key, so nothing is dropped; the build summary counts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from kg.dates import parse_date, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.entities import clean_span, typed_name
from kg.extract.relations.kinship import kinship_nouns
from kg.extract.tables import check_class, check_relation, load_json
from kg.model import DateValue, Evidence, Fact, Mention, TextValue
from kg.ontology import group_of

__all__ = ["INFOBOX_CONFIDENCE", "InfoboxRule", "infobox_facts", "infobox_rules"]

INFOBOX_CONFIDENCE = 0.95
UNMAPPED_CONFIDENCE = 0.9
PARSERS = ("entities", "place", "date", "event_date", "born", "colours", "literal", "alias")
_COLOURS = [
    "red",
    "black",
    "white",
    "blue",
    "green",
    "yellow",
    "orange",
    "purple",
    "violet",
    "brown",
    "grey",
    "gray",
    "pink",
    "gold",
    "golden",
    "silver",
    "crimson",
    "maroon",
    "navy",
    "azure",
    "turquoise",
    "teal",
    "cyan",
    "magenta",
    "beige",
    "khaki",
    "olive",
    "scarlet",
]
_NUMERIC = re.compile(r"^[\d.,\s]+(\(\d{4}\))?$|^\d[\d,.]*\s*(\(.*\))?\s*$")


@dataclass(frozen=True)
class InfoboxRule:
    """One row of the infobox key table."""

    key: str
    relation: str | None
    object: str | None
    parser: str
    inverse: bool = False


@cache
def infobox_rules() -> dict[str, InfoboxRule]:
    """The key table, checked against the ontology and the parser names."""
    raw = load_json("infobox.json")["keys"]
    rules = {}
    for key, spec in raw.items():
        where = f"kg/data/infobox.json, key {key!r}"
        parser = spec.get("parser")
        if parser not in PARSERS:
            raise ValueError(f"{where}: unknown parser {parser!r}")
        rel = spec.get("relation")
        obj = spec.get("object")
        rules[key] = InfoboxRule(
            key,
            check_relation(rel, where) if rel else None,
            check_class(obj, where) if obj else None,
            parser,
            bool(spec.get("inverse", False)),
        )
    return rules


def _key(key: str) -> str:
    return re.sub(r"\s+", " ", key.strip().casefold())


def infobox_facts(article: Article, subject: Mention) -> tuple[list[Fact], list[Mention], list[str]]:
    """(facts, alias mentions of the subject, unmapped keys) of the article's infobox."""
    facts: list[Fact] = []
    aliases: list[Mention] = []
    unmapped: list[str] = []
    rules = infobox_rules()
    for field in article.infobox:
        line = article.text[field.line_start : field.end]
        ev = Evidence(
            article.stem, "Infobox", line, field.line_start, field.end, f"infobox:{field.key}", INFOBOX_CONFIDENCE
        )
        rule = rules.get(_key(field.key))
        if rule is None:
            unmapped.append(field.key)
            facts.append(
                Fact(
                    subject, "infoboxValue", TextValue(field.raw), _with(ev, UNMAPPED_CONFIDENCE), (("key", field.key),)
                )
            )
            continue
        if rule.parser == "alias":
            aliases.extend(
                Mention(article.stem, it.start, it.end, it.text, subject.cls, "infobox-alias") for it in field.items
            )
            continue
        produced = list(_PARSE[rule.parser](article, field, rule, subject, ev))
        if not produced:
            facts.append(
                Fact(
                    subject, "infoboxValue", TextValue(field.raw), _with(ev, UNMAPPED_CONFIDENCE), (("key", field.key),)
                )
            )
        facts.extend(produced)
    return facts, aliases, unmapped


def _with(ev: Evidence, confidence: float) -> Evidence:
    return Evidence(ev.article, ev.section, ev.sentence, ev.start, ev.end, ev.extractor, confidence)


_REFINE = {"Organization": "ORG", "Place": "GPE", "Other": "MISC", "Event": "EVENT", "Person": "PERSON"}


def _item_mention(article: Article, item: InfoboxItem, cls: str) -> Mention | None:
    """The entity an infobox item names; a generic class from the table is refined by the name's words."""
    end = item.end
    bracket = article.text.find(" (", item.start, item.end)
    if bracket > item.start:
        end = bracket
    s, e = clean_span(article.text, item.start, end)
    name = article.text[s:e]
    if not name or _NUMERIC.match(name) or not any(c.isalpha() for c in name):
        return None
    if cls in _REFINE and cls != "Person":
        typed = typed_name(name, _REFINE[cls])
        if typed is not None and typed[1] != "ner" and group_of(typed[0]) == group_of(cls):
            cls = typed[0]
    return Mention(article.stem, s, e, name, cls, "infobox")


def _qual(item: InfoboxItem) -> tuple[tuple[str, str], ...]:
    return (("status", item.qualifier),) if item.qualifier else ()


def _entities(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    for item in field.items:
        m = _item_mention(article, item, rule.object or "Other")
        if m is None:
            continue
        if rule.relation == "relative":  # "Ana Oyelaran (sister)": the bracket names the kinship
            word = (item.bracket or article.text[m.end : item.end].strip(" ()")).casefold()
            kin = kinship_nouns().get(word, "")
            if kin in ("child", "father", "mother", "sibling", "spouse"):
                yield Fact(subject, kin, m, ev, _qual(item))
                continue
        if rule.inverse:
            yield Fact(m, rule.relation, subject, ev, _qual(item))
        else:
            yield Fact(subject, rule.relation, m, ev, _qual(item))


def _place(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``City, Region, Country``: the first item is the place; each is located in the next."""
    assert rule.relation is not None
    chain = [m for it in field.items if (m := _item_mention(article, it, "Place")) is not None]
    if not chain:
        return
    yield Fact(subject, rule.relation, chain[0], ev)
    yield from _chain(chain, ev)


def _chain(chain: list[Mention], ev: Evidence) -> Iterator[Fact]:
    """Each place is in the next: its country when the next is one, else the territory it is located in."""
    for inner, outer in pairwise(chain):
        rel = "country" if outer.cls == "Country" else "locatedIn"
        yield Fact(inner, rel, outer, _with(ev, 0.85), inferred_by=None)


def _date(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    assert rule.relation is not None
    d = parse_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)


def _event_date(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    """A single date → point in time; ``A – B`` or ``1879-1883`` → start and end."""
    dates = _all_dates(field.raw)
    rng = parse_range(field.raw)
    if len(dates) >= 2:
        yield Fact(subject, "startTime", dates[0], ev)
        yield Fact(subject, "endTime", dates[-1], ev)
    elif rng is not None:
        yield Fact(subject, "startTime", rng[0], ev)
        yield Fact(subject, "endTime", rng[1], ev)
    elif dates:
        yield Fact(subject, "pointInTime", dates[0], ev)


def _all_dates(text: str) -> list[DateValue]:
    """Dates on either side of a range dash; a first part with no year takes the second's year.

    >>> _all_dates("29 October – 16 December 2000")
    [DateValue(iso='2000-10-29'), DateValue(iso='2000-12-16')]
    """
    parts = [p for p in re.split(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+", text) if p.strip()]
    last = parse_date(parts[-1]) if parts else None
    year = int(last.iso[:4]) if last is not None else None
    return [d for p in parts if (d := parse_date(p, default_year=year)) is not None]


def _born(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``13 March 1963, Mediaș, Romania``: a date, then the place and its enclosing places."""
    assert rule.relation is not None
    d = parse_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)
    place_rel = "birthPlace" if rule.relation == "birthDate" else "deathPlace"
    chain = []
    for item in field.items:
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
    for w in dict.fromkeys(found):
        yield Fact(subject, rule.relation, TextValue(w.casefold()), ev)


def _literal(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    yield Fact(subject, rule.relation, TextValue(field.raw), ev)


_Parser = Callable[[Article, InfoboxField, InfoboxRule, Mention, Evidence], Iterator[Fact]]
_PARSE: dict[str, _Parser] = {
    "entities": _entities,
    "place": _place,
    "date": _date,
    "event_date": _event_date,
    "born": _born,
    "colours": _colours,
    "literal": _literal,
}
