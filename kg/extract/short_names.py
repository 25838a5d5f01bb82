"""An infobox item that is one word of a longer name the prose gives: the visible text of a piped link.

A real page's infobox often shows a link's short text, not the name: "Party: Revolutionary (1939–73),
Liberation (1973–2001)" links the Dominican-style "… Revolutionary Party" and "… Liberation Party"
the prose names in full. Such a one-word party item is the one party name of the prose that holds the word; when no
prose name, or more than one, holds it, or the prose also uses the word alone as a name, nothing is
merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.lexicons import alternation
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["short_name_pairs", "styled_name_pairs"]


def short_name_pairs(
    box: Sequence[Mention], per_block: Sequence[Sequence[Mention]], subject: Mention
) -> list[tuple[Mention, Mention, str]]:
    """Same-as pairs (prose name, infobox item) for one-word organisation items of the infobox.

    >>> box = [Mention("d", 0, 13, "Revolutionary", "PoliticalParty", "infobox")]
    >>> prose = [[Mention("d", 40, 69, "Dominican Revolutionary Party", "PoliticalParty", "keyword")]]
    >>> [(a.text, b.text, why) for a, b, why in short_name_pairs(box, prose, prose[0][0])]
    []
    >>> subject = Mention("d", 90, 98, "Ana Roe", "Person", "title", True)
    >>> [(a.text, b.text, why) for a, b, why in short_name_pairs(box, prose, subject)]
    [('Dominican Revolutionary Party', 'Revolutionary', "the infobox's short name")]
    """
    out = []
    alone = {p.text for ms in per_block for p in ms}
    for m in box:
        word = m.text
        if " " in word or not word[:1].isupper() or m.cls != "PoliticalParty" or word in alone:
            continue  # a party the prose also names by this one word is a name of its own ("Fatah")
        found = {
            p.text: p
            for ms in per_block
            for p in ms
            if p.cls == "PoliticalParty" and word in p.text.split() and len(p.text.split()) > 1
        }
        if len(found) == 1:
            full = next(iter(found.values()))
            if full.text != subject.text:
                out.append((full, m, "the infobox's short name"))
    return out


_STYLED = re.compile(
    r"(?P<name>[^,()]+?),\s+(?P<style>(?:\d+(?:st|nd|rd|th)\s+)?"
    rf"(?:{alternation('peerage_titles')}|{alternation('prince_titles')})\s+\S.*)"
)


def styled_name_pairs(box: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """ "Zaifeng, Prince Chun", "Ivor Guest, 1st Viscount Wimborne": a person's infobox item of name and
    style is also known by each part alone (both parts become names of the one node).

    >>> m = Mention("d", 10, 30, "Zaifeng, Prince Chun", "Person", "infobox")
    >>> [(b.text, b.start, b.end) for _, b, _ in styled_name_pairs([m])]
    [('Zaifeng', 10, 17), ('Prince Chun', 19, 30)]
    """
    out = []
    for m in dict.fromkeys(box):
        hit = _STYLED.fullmatch(m.text)
        if hit is None or group_of(m.cls) != "Person":
            continue
        for part in ("name", "style"):
            s, e = m.start + hit.start(part), m.start + hit.end(part)
            out.append((m, Mention(m.article, s, e, hit.group(part), m.cls, "infobox"), "a name and its style"))
    return out
