"""A country's divisions listed after its people's adjective: "the territory is divided into six
Indonesian provinces of Central Papua, Highland Papua and West Papua" — each listed place lies in
that country.

The adjective must name a state (``Indonesian``), the noun be a division's plural (``provinces``,
``regions``, ``states``: lexicon ``division_nouns``), and the list follow "of" in the same sentence;
each name the list gives (up to the sentence's end or a semicolon) is such a division, in the
country. A list mostly of people or bodies, or a noun that is no division ("Indonesian leaders of
…"), gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["division_list_facts"]

# the plural of a division noun: "provinces", "counties"
_PLURALS = "|".join(
    sorted((w[:-1] + "ies" if w.endswith("y") else w + "s" for w in lexicon("division_nouns")), key=len, reverse=True)
)
_LISTED = re.compile(rf"\b(?P<adj>[A-Z][\w'’-]+)\s+(?:{_PLURALS})\s+of\s+(?:the\s+)?(?P<list>[^.;]+)")


def division_list_facts(ctx: Sentences) -> Iterator[Fact]:
    """locatedIn(place, country) for each place of a list of a country's divisions (module docstring)."""
    text, base = ctx.block.text, ctx.block.start
    gaz = gazetteer()
    for hit in _LISTED.finditer(text):
        code = gaz.demonym(hit.group("adj"))
        place = gaz.countries.get(code) if code else None
        span = ctx.span(base + hit.start("adj"), base + hit.end("adj"))
        if place is None or span is None:
            continue
        lo, hi = base + hit.start("list"), base + hit.end("list")
        inside = [m for m in ctx.mentions if lo <= m.start and m.end <= hi]
        places = [m for m in inside if group_of(m.cls) == "Place"]
        if len(places) < 2 or 2 * len(places) < len(inside):
            continue  # a list mostly of people or bodies is no list of divisions
        # the list says what each name is: "Highland Papua" the recogniser took for a person is a province
        listed = [m if m in places else replace(m, cls="AdministrativeRegion") for m in inside]
        country = Mention(
            ctx.article.stem, base + hit.start("adj"), base + hit.end("adj"), place.name, "Country", "pattern"
        )
        ev = ctx.evidence(span.sent, "division-list")
        for m in listed:
            if m.text != place.name:
                yield Fact(m, "locatedIn", country, ev)
