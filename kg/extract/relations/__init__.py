"""Relations stated in prose, read from spaCy's dependency parse.

:func:`prose_facts` runs the rule registry (:mod:`.registry`; the rules and their order are in
:mod:`.rules`, ``kg rules`` lists them).

Families, one module each:
- ``verbs``: trigger verbs and their arguments (table ``kg/data/triggers.json``);
- ``nouns``: trigger nouns and what hangs on them: a seat, an alliance named, a death, a burial
  (table ``kg/data/nouns.json``);
- ``pairs``: neighbouring mentions and the words between them: "Jane Roe of the University of X"
  (table ``kg/data/pairs.json``);
- ``kinship``: "his sons A and B", "the party's newspaper, X" (table ``kg/data/possessives.json``);
- ``places``: "Ghent, Belgium" chains, and countries from the gazetteer;
- ``nationality``: "X is a Brazilian politician" → citizenship / country;
- ``events``: a section whose heading names an event → Event with dates, place, participants;
- ``phrases``: "draws on the ideas of A and B", "the name refers to C" (influences, name origin);
- ``descriptors``: "the German chancellor X", "University of Alberta" → citizenship, country, place;
- ``affiliation``: "the Lutheran pastor X", "X converted to Islam", "elected as a Whig" → religion, party.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.relations import rules as _rules  # noqa: F401  (registers the rules)
from kg.extract.relations.base import Sentences
from kg.extract.relations.places import sentence_index
from kg.extract.relations.registry import Inputs, run_rules
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
    box_parties: frozenset[str] = frozenset(),
) -> tuple[list[Fact], list[tuple[Mention, Mention, str]]]:
    """Facts stated in the article's sentences (``mentions`` align with ``docs``), and the
    same-as pairs the prose states (a name given to an event). ``box_places``: the places
    the infobox names: its countries place the prose's towns as the prose's own countries do, and
    its towns are placed like the prose's. ``box_parties``: the names the infobox types a party."""
    from kg.names import name_key

    flat = [m for ms in mentions for m in ms]
    places = {name_key(m.text): m for m in reversed(flat) if group_of(m.cls) == "Place"}
    faiths = {faith[0]: m for m in reversed(flat) if (faith := religion_of(m.text)) and m.cls in FAITH_CLASSES}
    people = [m for m in flat if group_of(m.cls) == "Person"]
    ctxs = tuple(
        Sentences(article, block, doc, ms, subject, people)
        for block, doc, ms in zip(article.blocks, docs, mentions, strict=True)
    )
    inputs = Inputs(
        article,
        subject,
        tuple(flat),
        ctxs,
        MappingProxyType(places),
        MappingProxyType(faiths),
        tuple(box_places),
        tuple(sentence_index(ctxs)),
        box_parties=box_parties,
    )
    return run_rules(inputs)
