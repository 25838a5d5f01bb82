"""Link resolved place entities to their gazetteer record (``kg:gazetteerMatch``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.gazetteer import gazetteer
from kg.homonyms import country_code
from kg.model import Entity, Mention
from kg.ontology import group_of
from kg.rdf import ResolvedFact

__all__ = ["link_places"]


def link_places(entities: dict[str, Entity], facts: Sequence[ResolvedFact] = ()) -> dict[str, str]:
    """Entity key → gazetteer IRI for every place the gazetteer can name without doubt.

    A name with records in several countries ("London": England and Ontario) is linked to the
    record in the country the graph places it in, else in a country its articles name, else to
    the one record that dwarfs the others, else to none (:meth:`Gazetteer.resolve`): one node
    never carries two countries' records.
    """
    gaz = gazetteer()
    code_of: dict[str, str] = {}
    for key, e in entities.items():
        # a country, or a region or town of one country only ("England", "Toronto"), says which
        # country the article speaks of
        if group_of(e.cls) == "Place":
            code = country_code(Mention(e.articles[0] if e.articles else "", 0, 0, e.label, e.cls))
            if code:
                code_of[key] = code
    stated: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.relation in ("country", "locatedIn") and isinstance(f.object, str) and f.object in code_of:
            stated[f.subject].add(code_of[f.object])
    named: dict[str, set[str]] = defaultdict(set)
    for key, code in code_of.items():
        for a in entities[key].articles:
            named[a].add(code)
    out = {}
    for key, e in entities.items():
        if group_of(e.cls) != "Place":
            continue
        context = frozenset(c for a in e.articles for c in named.get(a, ()))
        place = gaz.resolve(e.label, frozenset(stated.get(key, ())), context)
        if place is not None and place.iri is not None:
            out[key] = place.iri
    return out
