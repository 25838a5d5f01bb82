"""Places an article names that say nothing of where its subject is (issue 14's fact-check): a
country named only as where someone went, came back from, studied or lived in exile ("after he came
back from France", "he studied in London"), a country named as an event's sponsor ("a coup sponsored by
the junta of Northland", "a Northland-backed coup"), and islands, which lie in no region by default.

>>> [island_name(n) for n in ("Cape Verde Islands", "Isle of Tesk", "Tesk Archipelago", "Iris Lake")]
[True, True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.documents.model import Article
from kg.extract.infobox_table import rule_for
from kg.extract.lexicons import alternation
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["backer_codes", "island_name", "only_abroad", "sponsor_named"]

_ISLAND = re.compile(r"\b(?:islands?|isles?|islets?|archipelago|atoll|cay|key)\b", re.I)
# the words right before a country that make it a place someone went to or came from, not the
# article's own: "came back from", "returned from", "fled to", "studied in", "exile in", "visited"
_ABROAD = re.compile(
    r"\b(?:(?:came|come|coming|went|go|going|returned?|returning|fled|flee|fleeing|escaped?|travell?ed|"
    r"travell?ing|moved|emigrated|deported|exiled|sent|arrived|back)\s+(?:back\s+)?(?:from|to|in)|"
    r"(?:studied|studying|study|trained|training|educated|exile|exiled|lived|living|stay(?:ed)?|"
    r"visit(?:ed|ing)?|asylum|refuge)\s+(?:in|at|to)?|visit(?:ed|ing)?|(?:trip|journey|visit|voyage)s?\s+to)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def island_name(name: str) -> bool:
    """A name that says it is an island or a group of islands."""
    return _ISLAND.search(name) is not None


def only_abroad(text: str, named: Sequence[Mention]) -> bool:
    """Every mention of a country stands where someone went to, came from or studied: the article is
    not about that country, and its other places and institutions are not placed in it.

    >>> t = "He founded the Tesk Party after he came back from France."
    >>> only_abroad(t, [Mention("a", 50, 56, "France", "Country")])
    True
    >>> only_abroad("The Tesk Party of France.", [Mention("a", 18, 24, "France", "Country")])
    False
    """
    return bool(named) and all(_ABROAD.search(text, max(0, m.start - 40), m.start) is not None for m in named)


_SPONSOR_BEFORE = re.compile(
    r"\b(?:(?:" + alternation("garb.sponsor_words") + r")\s+by|(?:" + alternation("garb.sponsor_nouns") + r")\s+"
    r"(?:of|from))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_SUPPORTED = re.compile(r"\b(?:" + alternation("garb.sponsor_words") + r")\s+by\b:?", re.I)
_SPONSOR_AFTER = re.compile(r"-(?:" + alternation("garb.sponsor_words") + r")\b", re.I)


def sponsor_named(text: str, m: Mention) -> bool:
    """A country named as who backed something, not where it was: "sponsored by the junta of
    Northland", "with the support of Northland", "a Northland-backed coup".

    >>> t = "The coup, sponsored by the junta of Northland, failed. A Northland-backed coup."
    >>> [sponsor_named(t, Mention("a", at, at + 9, "Northland", "Country")) for at in (36, 57)]
    [True, True]
    >>> sponsor_named("The coup in Northland.", Mention("a", 12, 21, "Northland", "Country"))
    False
    """
    line_start = text.rfind("\n", 0, m.start) + 1
    before = _SPONSOR_BEFORE.search(text, max(line_start, m.start - 60), m.start) is not None
    return before or _SPONSOR_AFTER.match(text, m.end) is not None


def backer_codes(article: Article, subject: Mention, named: Sequence[tuple[Mention, str | None]]) -> set[str]:
    """The countries (gazetteer codes of ``named``) an event's article names as its sides or sponsors:
    as a backer on a participant's infobox line ("Combatant1: National Guard, supported by Northland")
    or after a sponsor's words in the text; none for a subject that is no event."""
    if group_of(subject.cls) != "Event":
        return set()
    gaz = gazetteer()
    codes: set[str] = set()
    for field in article.infobox:  # "Combatant1: National Guard, supported by Northland": a side's country
        rule = rule_for(field.key, subject.cls)[0]
        for item in field.items if rule is not None and rule.relation == "participant" else ():
            # only a backer: "supported by Northland", "Supported by:, Northland, Southland" (a side's own
            # country, "Combatant2: Northland", may be where the war was fought)
            if _SUPPORTED.search(article.text, field.start, item.end) is None:
                continue
            name = _SUPPORTED.split(item.text)[-1].strip(" ,:")
            place = gaz.lookup(name)
            code = gaz.demonym(name) or (place.country if place is not None and place.kind == "country" else None)
            if code:
                codes.add(code)
    return codes | {code for m, code in named if code and sponsor_named(article.text, m)}
