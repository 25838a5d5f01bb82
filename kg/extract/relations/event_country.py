"""The country of a conflict named by its people's adjective: "the Tesk Civil War", "the continuing
Valdoran conflict", "- Battles: Valdoran drug war" → country(conflict, Valdora), when the article
names Valdora (or its people) outside the conflict's name too.

Only the heads of a war inside one country (lexicons ``rec_demonym_event_heads``: civil war,
conflict, revolution, insurgency…, and ``rec12.demonym_event_heads``: armed conflict): "the
Valdoran invasion of Tesk", "the Valdoran War" (a war with another country) or "the Valdoran
crisis" name no place. Prose and infobox names alike (an infobox
item is no mention of the prose rules), so the rule runs on the article's mentions after them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.documents.model import Article
from kg.extract.confidences import confidence
from kg.extract.lexicons import alternation
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention
from kg.names import name_key
from kg.ontology import group_of

__all__ = ["demonym_event_facts"]

_NAME = re.compile(
    rf"^(?:the\s+)?(?:\d{{4}}\s+)?(?P<dem>[A-Z][\w'’]+)\s+"
    rf"(?:{alternation('rec_demonym_event_heads')}|{alternation('rec12.demonym_event_heads')})$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"'])|\n")


def _evidence(article: Article, m: Mention) -> Evidence:
    """The sentence (or infobox line) that names the conflict."""
    text = article.text
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start)), default=0)
    end_hit = _SENTENCE_END.search(text, m.end)
    end = end_hit.end() if end_hit else len(text)
    while start < end and text[start].isspace():
        start += 1
    sentence = text[start:end].rstrip()
    section = next((b.section_title for b in article.blocks if b.start <= m.start < b.end), "Infobox")
    conf = confidence("demonym-event")
    return Evidence(article.stem, section, sentence, start, start + len(sentence), "demonym-event", conf)


def demonym_event_facts(article: Article, mentions: Sequence[Mention], facts: Sequence[Fact]) -> Iterator[Fact]:
    """country(conflict, country) for each conflict named by a demonym the article's countries back."""
    gaz = gazetteer()
    placed = {
        name_key(f.subject.text)
        for f in facts
        if f.relation in ("country", "location") and isinstance(f.subject, Mention)
    }
    countries: dict[str, list[Mention]] = {}
    for c in mentions:
        if c.cls != "Country" or gaz.spelled_in_capitals(c.text):
            continue
        place = gaz.lookup(c.text)
        code = gaz.demonym(c.text) or (place.country if place is not None and place.kind == "country" else None)
        if code:
            countries.setdefault(code, []).append(c)
    seen: set[str] = set()
    for m in mentions:
        if group_of(m.cls) != "Event" or m.cls == "Election":
            continue
        key = name_key(m.text)
        hit = _NAME.match(m.text)
        if hit is None or key in seen or key in placed:
            continue
        code = gaz.demonym(hit.group("dem"))
        outside = [c for c in countries.get(code or "", []) if not (m.start <= c.start and c.end <= m.end)]
        if not outside:
            continue
        seen.add(key)
        country = next((c for c in outside if not gaz.demonym(c.text)), outside[0])
        yield Fact(m, "country", country, _evidence(article, m))
