"""Infobox values that are events named as written: an armed group's ``Attacks``, ``Notable Attacks``.

An attack is named by a phrase, not a proper name alone: "Kidnapping and execution of Ana Roe",
"assassination of Eva Sol", "Operation Lantern". Each item is one event as the box writes it (not
cut at "and", its lower-case head kept); an item with no capitalised word after its first ("raids
on military barracks") names no particular event and gives nothing; an item the box hedges
("Flight 9 bombing (suspected)", "(alleged)") is no fact.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.documents.model import Article, InfoboxField
from kg.extract.entities import clean_span
from kg.extract.infobox_items import _DEBRIS, _bracket
from kg.extract.infobox_notes import _disputed
from kg.extract.infobox_table import InfoboxRule
from kg.model import Evidence, Fact, Mention

__all__ = ["event_facts"]


def event_facts(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    """One fact of the row's relation for each item that names a particular event.

    >>> from kg.documents.reader import read_text
    >>> from kg.extract.infobox_table import rule_for
    >>> box = "- Attacks: Kidnapping and execution of Ana Roe, raids on barracks"
    >>> a = read_text(f"= Tesk Front =\\n{box}\\n\\nA group.\\n", "t.txt")
    >>> rule, _ = rule_for("Attacks", "ArmedGroup")
    >>> s = Mention("t", 2, 12, "Tesk Front", "ArmedGroup", "title", True)
    >>> ev = Evidence("t", "Infobox", "", 0, 0, "infobox:Attacks", 0.9)
    >>> [(f.relation, f.object.text) for f in event_facts(a, a.infobox[0], rule, s, ev)]
    [('participantIn', 'Kidnapping and execution of Ana Roe')]
    """
    assert rule.relation is not None
    for item in field.items:
        end, _ = _bracket(article, item)
        s, e = clean_span(article.text, item.start, end)
        text = article.text[s:e]
        words = text.split()
        if not text or _DEBRIS.match(text) or not any(w[:1].isupper() for w in words[1:]):
            continue
        if _disputed(article, item):
            continue  # "Flight 9 bombing (suspected)": a claim the box hedges, not a fact
        yield Fact(subject, rule.relation, Mention(article.stem, s, e, text, rule.object or "Event", "infobox"), ev)
