"""An organisation's name that ends in a place, which NER cut in two (issue 14's fact-check): "the
Communist Party of the Philippines" tagged as "Communist Party" and "Philippines", or as
"Philippines" alone. The whole is one organisation; neither the bare head ("Communist Party", which
names other parties too) nor the place is what the sentence speaks of.

>>> t = "He was a member of the Labour Front of the Tesk Islands in 1970."
>>> ms = [Mention("a", 23, 35, "Labour Front", "Organization"), Mention("a", 43, 55, "Tesk Islands", "Place")]
>>> [(m.text, m.cls) for m in join_org_of_place(ms, t)]
[('Labour Front of the Tesk Islands', 'Organization')]
>>> ms = [Mention("a", 43, 55, "Tesk Islands", "Place")]
>>> [(m.text, m.cls) for m in join_org_of_place(ms, t)]
[('Labour Front of the Tesk Islands', 'Organization')]
>>> w = "He joined the Workers' Party of Tesk."
>>> [m.text for m in join_org_of_place([Mention("a", 23, 36, "Party of Tesk", "PoliticalParty", "pattern")], w)]
["Workers' Party of Tesk"]
>>> u = "He moved from the Labour Front to the Tesk Islands."
>>> ms = [Mention("a", 18, 30, "Labour Front", "Organization"), Mention("a", 38, 50, "Tesk Islands", "Place")]
>>> [m.text for m in join_org_of_place(ms, u)]
['Labour Front', 'Tesk Islands']
"""

from __future__ import annotations

import re

from kg.extract.tables import keyword_class
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["join_org_of_place"]

_OF = re.compile(r"\s+of(?:\s+the)?\s+$")
# the capitalised words of an organisation's name right before "of (the)": "Communist Party of the "
_HEAD = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s+of(?:\s+the)?\s+$")
# "Workers' ", "National Peasants' ", "People's ": capitalised words ending in a plural possessive
_POSSESSIVE = re.compile(
    r"(?:^|(?<=\s))((?:[A-Z][\w-]*\s+){0,3}(?:[A-Z][\w-]*s['’]|(?:People|Women|Men|Children)['’]s))\s+$"
)
_ARTICLE = re.compile(r"(?:The|A|An)\s+")
_ORG_GROUPS = ("Organization",)
_PLACE_GROUPS = ("Place",)


def _org_class(name: str) -> str | None:
    """The class of an organisation's name by its head keyword ("… Party", "… Front"), or None."""
    cls = keyword_class(name)
    return cls if cls is not None and group_of(cls) in _ORG_GROUPS else None


def _with_possessive(m: Mention, text: str, floor: int) -> Mention:
    """An organisation's name with the capitalised plural possessive NER left before it: "Party of
    Tesk" after "Workers' " is "Workers' Party of Tesk" ("Peasants' ", "People's ", "Women's ")."""
    lo = max(floor, m.start - 60)
    hit = _POSSESSIVE.search(text[lo : m.start])
    if hit is None:
        return m
    s = lo + hit.start(1)
    return Mention(m.article, s, m.end, text[s : m.end], m.cls, m.source)


def join_org_of_place(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` (one block's, in order) with an organisation's name and the place it ends in,
    "X of (the) Place", made one mention of the organisation's class; a place alone after "X of
    (the)" where X is an organisation's capitalised name no mention covers grows into the whole name."""
    out: list[Mention] = []
    for m in mentions:
        if group_of(m.cls) in _ORG_GROUPS and not m.subject and m.source not in ("infobox", "title", "lead"):
            m = _with_possessive(m, text, out[-1].end if out else 0)
        if group_of(m.cls) not in _PLACE_GROUPS or m.subject or m.source in ("infobox", "title", "lead"):
            out.append(m)
            continue
        prev = out[-1] if out else None
        if prev is not None and group_of(prev.cls) in _ORG_GROUPS and not prev.subject:
            between = text[prev.end : m.start]
            if _OF.fullmatch(" " + between.lstrip(" ")) and "\n" not in between and _org_class(prev.text):
                out[-1] = Mention(prev.article, prev.start, m.end, text[prev.start : m.end], prev.cls, prev.source)
                continue
        lo = max(0, m.start - 80, prev.end if prev is not None else 0)
        window = text[lo : m.start]
        head = _HEAD.search(window)
        if head is not None and "\n" not in window[head.start(1) :]:
            words = _ARTICLE.match(window, head.start(1))
            s = lo + (words.end() if words else head.start(1))
            cls = _org_class(text[s : lo + head.end(1)])
            if cls is not None:
                out.append(Mention(m.article, s, m.end, text[s : m.end], cls, "pattern"))
                continue
        out.append(m)
    return out
