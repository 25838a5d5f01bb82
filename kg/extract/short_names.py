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
from itertools import pairwise

from kg.extract.lexicons import alternation, lexicon
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["link_text_pairs", "short_name_pairs", "styled_name_pairs"]


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


_TARGET_HEADS = lexicon("link_target_heads")


def link_text_pairs(text: str, box: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """ "Ideology: Kestrel, Kestrel theory": two neighbouring items of one infobox line, the second the
    first with a generic head word after it (``link_target_heads``), are a link's shown text and its
    target, one thing. A person or a place is never merged so ("Kestrel, Kestrel City" are two), and
    items with another word between them ("Kestrel, Neo-Kestrel theory") stay apart.

    >>> text = "- Ideology: Kestrel, Kestrel theory, Socialism"
    >>> box = [Mention("d", 12, 19, "Kestrel", "Ideology", "infobox"),
    ...        Mention("d", 21, 35, "Kestrel theory", "Ideology", "infobox"),
    ...        Mention("d", 37, 46, "Socialism", "Ideology", "infobox")]
    >>> [(a.text, b.text, why) for a, b, why in link_text_pairs(text, box)]
    [('Kestrel theory', 'Kestrel', "a link's text beside its target in one infobox list")]
    """
    out = []
    items = sorted(dict.fromkeys(m for m in box if group_of(m.cls) not in ("Person", "Place")))
    for a, b in pairwise(items):
        if a.cls != b.cls or not re.fullmatch(r",\s*", text[a.end : b.start]):
            continue
        short, long = (a, b) if len(a.text) < len(b.text) else (b, a)
        rest = long.text[len(short.text) :] if long.text.startswith(short.text + " ") else ""
        if rest.strip().lower() in _TARGET_HEADS:
            out.append((long, short, "a link's text beside its target in one infobox list"))
    return out
