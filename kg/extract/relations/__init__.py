"""Relations stated in prose, read from spaCy's dependency parse.

Families, one module each:
- ``verbs``: trigger verbs and their arguments (table ``kg/data/triggers.json``);
- ``kinship``: "his sons A and B" (table ``kg/data/kinship.tsv``);
- ``places``: "Ghent, Belgium" chains, and countries from the gazetteer;
- ``nationality``: "X is a Brazilian politician" → citizenship / country;
- ``events``: a section whose heading names an event → Event with dates, place, participants;
- ``phrases``: "draws on the ideas of A and B", "the name refers to C" (influences, name origin);
- ``descriptors``: "the German chancellor X", "University of Alberta" → citizenship, country, place;
- ``affiliation``: "the Lutheran pastor X", "X converted to Islam", "elected as a Whig" → religion, party.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.relations.affiliation import affiliation_facts
from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import descriptor_facts, employer_facts, name_place_facts
from kg.extract.relations.events import armed_forces_in_conflicts, name_year_facts, section_events
from kg.extract.relations.kinship import kinship_facts
from kg.extract.relations.nationality import (
    death_noun_facts,
    event_lead_facts,
    event_span_facts,
    life_facts,
    location_facts,
    nationality_facts,
)
from kg.extract.relations.phrases import phrase_facts
from kg.extract.relations.places import (
    article_country_facts,
    gazetteer_country_facts,
    place_chain_facts,
    sentence_index,
    single_country_facts,
    single_region_facts,
)
from kg.extract.relations.verbs import coalition_facts, headquarters_facts, verb_facts
from kg.extract.relations.works import dated_work_facts, lead_work_facts, track_facts
from kg.extract.tables import FAITH_CLASSES, religion_of
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
    box_places: Sequence[Mention] = (),
) -> tuple[list[Fact], list[tuple[Mention, Mention, str]]]:
    """Facts stated in the article's sentences (``mentions`` align with ``docs``), and the
    same-as pairs the prose states (a name given to an event). ``box_places``: the places
    the infobox names: its countries place the prose's towns as the prose's own countries do, and
    its towns are placed like the prose's."""
    from kg.resolve import name_key

    out: list[Fact] = []
    flat = [m for ms in mentions for m in ms]
    places = {name_key(m.text): m for m in reversed(flat) if group_of(m.cls) == "Place"}
    faiths = {faith[0]: m for m in reversed(flat) if (faith := religion_of(m.text)) and m.cls in FAITH_CLASSES}
    people = [m for m in flat if group_of(m.cls) == "Person"]
    ctxs = [
        Sentences(article, block, doc, ms, subject, people)
        for block, doc, ms in zip(article.blocks, docs, mentions, strict=True)
    ]
    kin = [f for ctx in ctxs for f in kinship_facts(ctx)]
    siblings = [{f.subject, f.object} for f in kin if f.relation == "sibling" and isinstance(f.object, Mention)]
    out.extend(kin)
    for ctx in ctxs:
        ctx.siblings = siblings
        out.extend(descriptor_facts(ctx))
        out.extend(phrase_facts(ctx))
        out.extend(dated_work_facts(ctx))
        out.extend(employer_facts(ctx))
        out.extend(name_place_facts(ctx, places))
        out.extend(affiliation_facts(ctx, faiths))
        out.extend(verb_facts(ctx))
        out.extend(headquarters_facts(ctx))
        out.extend(coalition_facts(ctx))
        out.extend(armed_forces_in_conflicts(ctx))
        out.extend(name_year_facts(ctx))
        out.extend(life_facts(ctx))
        out.extend(death_noun_facts(ctx))
        out.extend(place_chain_facts(ctx))
        if ctx.block is article.blocks[0]:
            out.extend(nationality_facts(ctx))
            out.extend(event_span_facts(ctx))
            out.extend(event_lead_facts(ctx))
            out.extend(location_facts(ctx))
            out.extend(lead_work_facts(ctx))
    out.extend(track_facts(ctxs, out))
    sentences = sentence_index(ctxs)
    out.extend(gazetteer_country_facts(article, [*flat, *box_places], sentences))
    out.extend(single_country_facts(article, [*flat, *box_places], out, sentences))
    out.extend(single_region_facts(article, flat, out, sentences))
    if not any(f.subject == subject and f.relation in ("country", "citizenship") for f in out):
        out.extend(article_country_facts(article, subject, flat, sentences))
    events = section_events(article, ctxs)
    out.extend(events.facts)
    return out, list(events.same_as)
