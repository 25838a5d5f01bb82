"""Doctrines named in prose that NER leaves untagged: "deeply influenced by Marxism", "the revival of
anarchism", "a leading voice of Arab nationalism", "Marxism–Leninism", "Pan-Arabism".

A doctrine is an ``Ideology`` mention when its word is a capitalised "-ism" inside a sentence (at a
sentence's start only if the lexicon ``ent10.ideology_words`` knows it: "Terrorism rose" is none),
a word or phrase of that lexicon in any case ("anarchism", "social democracy"), or a people's or
region's capitalised name before a doctrine noun ("Arab nationalism", "Basque separatism"). Words
that end in "-ism" and name no doctrine ("Journalism", "Criticism", "Terrorism") are listed in
``ent10.not_ideology_isms``. The mention's name is capitalised ("anarchism" → "Anarchism", as
infoboxes write it); its offsets are the text's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.lexicons import alternation, lexicon
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ideology_mentions"]

_KNOWN = lexicon("ent10.ideology_words")
_NOT = lexicon("ent10.not_ideology_isms")
_DETERMINERS = lexicon("ent10.determiners")
_CAP_ISM = re.compile(
    r"(?<![\w‐-])(?:(?:Pan|Neo|Post|Anti|Ultra)-)?(?:[A-Z][a-z]+|[a-z]+)ism"
    r"(?:[–-](?:[A-Z][a-z]+|[a-z]+)ism)?(?![\w‐-])"
)
_KNOWN_RE = re.compile(rf"(?<![\w‐-])(?:{alternation('ent10.ideology_words')})(?![\w‐-])", re.IGNORECASE)
_PEOPLE_DOCTRINE = re.compile(
    rf"(?<![\w‐-])(?P<who>[A-Z][a-z]+) (?:{alternation('ent10.doctrine_nouns')})(?![\w‐-])"
)


def _sentence_start(doc: Doc, at: int) -> bool:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is None or bool(span[0].is_sent_start)


def ideology_mentions(article: str, doc: Doc, base: int, taken: list[Mention], text: str) -> list[Mention]:
    """Ideology mentions of one block (``text`` starting at ``base`` in the article) that no mention
    of ``taken`` overlaps."""
    spans = [(m.start - base, m.end - base) for m in taken]
    found: list[tuple[int, int]] = []
    for m in _PEOPLE_DOCTRINE.finditer(text):
        if m.group("who") not in _DETERMINERS:
            found.append((m.start(), m.end()))
    for m in _KNOWN_RE.finditer(text):
        found.append((m.start(), m.end()))
    for m in _CAP_ISM.finditer(text):
        word = m.group(0)
        if word.casefold() in _NOT or any(w.casefold() in _NOT for w in re.split(r"[–-]", word)):
            continue
        if word.casefold() in _KNOWN or (word[:1].isupper() and not _sentence_start(doc, m.start())):
            found.append((m.start(), m.end()))
    out: list[Mention] = []
    for a, b in sorted(found, key=lambda s: (s[0], -s[1])):
        if any(not (b <= s or a >= e) for s, e in spans):
            continue  # inside a name taken already ("Marxist–Leninist Party"), or found twice
        name = text[a:b]
        out.append(Mention(article, base + a, base + b, name[:1].upper() + name[1:], "Ideology", "pattern"))
        spans.append((a, b))
    return out
