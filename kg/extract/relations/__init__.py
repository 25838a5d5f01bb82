"""Relations stated in prose, read from spaCy's dependency parse.

Families, one module each:
- ``verbs``: trigger verbs and their arguments (table ``kg/data/triggers.json``);
- ``kinship``: "his sons A and B" (table ``kg/data/kinship.tsv``);
- ``places``: "Ghent, Belgium" chains, and countries from the gazetteer;
- ``nationality``: "X is a Brazilian politician" → citizenship / country;
- ``descriptors``: "the German chancellor X", "University of Alberta" → citizenship, country, place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import descriptor_facts, name_place_facts
from kg.extract.relations.kinship import kinship_facts
from kg.extract.relations.nationality import life_facts, location_facts, nationality_facts
from kg.extract.relations.places import gazetteer_country_facts, place_chain_facts
from kg.extract.relations.verbs import verb_facts
from kg.extract.relations.works import lead_work_facts
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["prose_facts"]


def prose_facts(
    article: Article,
    docs: Sequence[Doc],
    mentions: Sequence[Sequence[Mention]],
    subject: Mention,
    aliases: Sequence[Mention],
) -> list[Fact]:
    """Facts stated in the article's sentences (``mentions`` align with ``docs``)."""
    from kg.resolve import name_key

    out: list[Fact] = []
    places = {name_key(m.text): m for ms in reversed(mentions) for m in reversed(ms) if group_of(m.cls) == "Place"}
    for block, doc, ms in zip(article.blocks, docs, mentions, strict=True):
        ctx = Sentences(article, block, doc, ms, subject)
        out.extend(descriptor_facts(ctx))
        out.extend(name_place_facts(ctx, places))
        out.extend(verb_facts(ctx))
        out.extend(kinship_facts(ctx))
        out.extend(place_chain_facts(ctx))
        if block is article.blocks[0]:
            out.extend(nationality_facts(ctx))
            out.extend(life_facts(ctx))
            out.extend(location_facts(ctx))
            out.extend(lead_work_facts(ctx))
    out.extend(gazetteer_country_facts(article, [m for ms in mentions for m in ms]))
    return out
