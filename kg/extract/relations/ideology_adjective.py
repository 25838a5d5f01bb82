"""A doctrine's adjective right before an organisation's name: "the Marxist–Leninist Tesk People's
Army", "the socialist and anti-colonial Varesh Front" → ideology(organisation, doctrine).

Only an adjective the lexicon ``rec_ideology_adjectives`` knows, after "the" (or "a", "its",
"their") and right before the name, with nothing else between: "the conservative newspaper X" is
the descriptor rule's, and "a socialist, X" no claim about X.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicons import alternation
from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import ideology_name
from kg.model import Fact, Mention

__all__ = ["adjective_ideology_facts"]

_ADJ = alternation("rec_ideology_adjectives")
_BEFORE = re.compile(
    rf"(?:^|\b)(?:the|a|an|its|their|The|A|An|Its|Their)\s+(?P<adj>{_ADJ})(?:\s+and\s+(?P<adj2>{_ADJ}))?\s+$",
    re.IGNORECASE,
)
_CLASSES = frozenset({"PoliticalParty", "PoliticalMovement", "Organization", "ArmedGroup", "MilitaryUnit"})


def adjective_ideology_facts(ctx: Sentences) -> Iterator[Fact]:
    text, base = ctx.block.text, ctx.block.start
    for m in ctx.mentions:
        if m.cls not in _CLASSES or (m.subject and m.start < base):
            continue
        rel = m.start - base
        if rel <= 0:
            continue
        hit = _BEFORE.search(text, max(0, rel - 80), rel)
        span = ctx.span(m.start, m.end)
        if hit is None or span is None:
            continue
        for group in ("adj", "adj2"):
            if hit.group(group) is None:
                continue
            at = base + hit.start(group)
            word = hit.group(group)
            doctrine = Mention(ctx.article.stem, at, at + len(word), ideology_name(word), "Ideology", "pattern")
            yield Fact(m, "ideology", doctrine, ctx.evidence(span.sent, "adjective-ideology"))
