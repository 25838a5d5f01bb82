"""The people and chambers a kept infobox field names: entities with no fact.

A parameter the ontology has no relation for may still name someone or something ("Partner: Ana
Roe", an officeholder's "Vicepresident: Eva Sol" when the article never names the office, a party's
"Seats1 Title: Chamber of Deputies", an election's "Seats For Election: All 300 seats in the Tesk
Assembly"): its row keeps the value as ``kg:infoboxValue`` and, with an ``object`` class, makes each
item an entity of that class, so the graph knows what the box names without stating what the box
does not say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.documents.model import Article
from kg.extract.infobox_items import _clean_items, _item_mention
from kg.extract.infobox_table import rule_for, subject_class
from kg.extract.lexicons import alternation
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["kept_entities"]

_CHAMBER = re.compile(rf"\b(?:{alternation('chamber_nouns')})\b")
# "Seats For Election: All 300 seats in the Tesk Assembly": the chamber after "seats in"
_SEATS_IN = re.compile(r"^.*?\bseats\s+in\s+(?:the\s+)?(?=[A-Z])")


def kept_entities(article: Article, subject: Mention) -> list[Mention]:
    """The entities of the article's kept fields whose row names the items' class.

    >>> from kg.documents.reader import read_text
    >>> a = read_text("= Tom Vask =\\n- Partner: Ana Roe (1960–1965)\\n\\nTom Vask was a poet.\\n", "v.txt")
    >>> [(m.text, m.cls) for m in kept_entities(a, Mention("v", 2, 10, "Tom Vask", "Person", "title", True))]
    [('Ana Roe', 'Person')]
    """
    cls = subject_class(article, subject.cls)
    out: list[Mention] = []
    for field in article.infobox:
        rule, _ = rule_for(field.key, cls)
        if rule is None or rule.relation is not None or rule.parser != "keep" or rule.object is None:
            continue
        for it in _clean_items(field):
            seats = _SEATS_IN.match(it.text) if rule.object == "GovernmentBody" else None
            if seats is not None:  # the item from the chamber's name on
                it = replace(it, text=it.text[seats.end() :], start=it.start + seats.end())
            m = _item_mention(article, it, rule.object)
            if m is None or group_of(m.cls) != group_of(rule.object):
                continue
            if rule.object == "GovernmentBody" and not _CHAMBER.search(m.text):
                continue  # "Seats3 Title: District Mayors": offices, no chamber
            out.append(m)
    return out
