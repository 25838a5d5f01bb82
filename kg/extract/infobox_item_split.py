"""The items of an infobox field that name entities: a side's supporters are none of its combatants
("Combatant1: Ruritania Supported by: Northland", sub-label ``fcpat.support_labels``), and several relatives
in one infobox item (the fact-check of 8ceb82d): "Children: 3, including Ana Ruiz Tomas
Ruiz Ines Ruiz" or names glued together ("Ana RuizTomas Ruiz") name three children, never one child called
all of it. An item is cut where a name's last word runs into the next name's first ("RuizTomas") and after
each repeat of the family name that ends it; a count's "including" before the names is no name's."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from kg.documents.model import InfoboxItem
from kg.extract.infobox_items import _range_of
from kg.extract.infobox_kin import KIN_RELATIONS
from kg.extract.infobox_pairs import shown_once
from kg.extract.lexicons import lexicon

__all__ = ["entity_items", "kin_items", "label_quals"]

_SUPPORT_LABELS = lexicon("fcpat.support_labels")


def label_quals(label: str | None) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """(status, period) of an item's sub-label: a span of years ("1978–1986:", "since 2004:") is when the
    item held, no status; any other label ("Current:", "Former:") is the status.

    >>> label_quals("1978–1986"), label_quals("Former"), label_quals(None)
    ((None, (('start', '1978'), ('end', '1986'))), ('Former', ()), (None, ()))
    """
    if not label or not any(c.isdigit() for c in label):
        return label, ()
    start, end = _range_of(label)
    return None, tuple((k, v) for k, v in (("start", start), ("end", end)) if v)

_INCLUDING = re.compile(r"^(?:\d+\s*,?\s*)?(?:including|incl\.|among them|among whom)\s+", re.I)
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")  # "RuizTomas"; "McDonald", "MacArthur" stay whole


def entity_items(items: list[InfoboxItem], relation: str | None, cls: str | None) -> list[InfoboxItem]:
    """The items of a field whose row gives ``relation`` to entities of class ``cls``: a participant's items
    without those under a supporters' sub-label, a relative's cut into one item a name (:func:`kin_items`)."""
    items = list(shown_once(items))  # "Republic of Fiji Defence Forces, Defence Forces": one thing
    if relation == "participant":
        return [it for it in items if (it.qualifier or "").casefold() not in _SUPPORT_LABELS]
    if relation in KIN_RELATIONS and cls == "Person":
        return [part for it in items for part in kin_items(it)]  # "3, including Ana Ruiz Tomas Ruiz"
    return items


def kin_items(item: InfoboxItem) -> list[InfoboxItem]:
    """The relatives' names in ``item``, each an item of its own.

    >>> [i.text for i in kin_items(InfoboxItem("including Ana Ruiz Tomas Ruiz Ines Ruiz", 0, 40))]
    ['Ana Ruiz', 'Tomas Ruiz', 'Ines Ruiz']
    >>> [i.text for i in kin_items(InfoboxItem("Ana RuizTomas Ruiz", 0, 18))]
    ['Ana Ruiz', 'Tomas Ruiz']
    >>> [i.text for i in kin_items(InfoboxItem("Ana María Ruiz", 0, 14))]
    ['Ana María Ruiz']
    """
    text, start = item.text, item.start
    lead = _INCLUDING.match(text)
    if lead is not None:
        text, start = text[lead.end() :], start + lead.end()
    cuts = [m.start() for m in _GLUE.finditer(text)]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if not cuts and len(words) >= 4:
        last = text[words[-1][0] : words[-1][1]]
        ends = [e for s, e in words[:-1] if text[s:e] == last and last[:1].isupper()]
        cuts = ends if ends and all(_words_between(words, a, b) >= 2 for a, b in pairwise([0, *ends])) else []
    if not cuts:
        return [item] if lead is None else [replace(item, text=text, start=start)]
    out = []
    for a, b in pairwise([0, *cuts, len(text)]):
        piece = text[a:b]
        s = a + len(piece) - len(piece.lstrip())
        e = a + len(piece.rstrip())
        if e > s:
            out.append(InfoboxItem(text[s:e], start + s, start + e, item.qualifier))
    return [*out[:-1], replace(item, text=out[-1].text, start=out[-1].start, end=out[-1].end)] if out else [item]


def _words_between(words: list[tuple[int, int]], a: int, b: int) -> int:
    return sum(1 for s, _ in words if a <= s < b)
