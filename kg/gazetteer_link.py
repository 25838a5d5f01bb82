"""Link resolved place entities to their gazetteer record (``kg:gazetteerMatch``)."""

from __future__ import annotations

from kg.gazetteer import gazetteer
from kg.model import Entity
from kg.ontology import group_of

__all__ = ["link_places"]


def link_places(entities: dict[str, Entity]) -> dict[str, str]:
    """Entity key → gazetteer IRI for every place whose label the gazetteer knows."""
    gaz = gazetteer()
    out = {}
    for key, e in entities.items():
        if group_of(e.cls) != "Place":
            continue
        place = gaz.lookup(e.label)
        if place is not None and place.iri is not None:
            out[key] = place.iri
    return out
