"""The analysed, filtered NetworkX view every graph export starts from.

Each node gets its type, colour (``kg/data/palette.tsv``), aliases, article count, degree,
PageRank, community (Louvain, seeded) and, for events and dated things, start/end; each edge
its relation, confidence (the weight) and the number of statements supporting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import networkx as nx

from kg.datafiles import load_tsv
from kg.netx import communities, pagerank
from kg.ontology import PREFIXES, class_parents

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["ExportFilter", "analysed_view", "colour_of", "palette", "palette_class"]

ONTO = PREFIXES["kg"]


@dataclass(frozen=True)
class ExportFilter:
    """What to keep: node types (with subclasses), relations, a confidence floor, one article,
    and the neighbourhood of one entity."""

    types: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    min_confidence: float = 0.0
    article: str | None = None
    around: str | None = None
    depth: int = 1


@cache
def palette() -> dict[str, str]:
    """Class → hex colour."""
    return {k.strip(): v.strip() for k, v in load_tsv("palette.tsv")}


def palette_class(cls: str) -> str:
    """The class whose colour ``cls`` wears: itself, or its nearest ancestor with a palette row.

    >>> palette_class("City"), palette_class("PoliticalParty")
    ('Place', 'PoliticalParty')
    """
    return next((c for c in class_parents(cls) if c in palette()), "Entity")


def colour_of(cls: str) -> str:
    """The colour of a class: its own, or its nearest ancestor's.

    >>> colour_of("City") == palette()["Place"]
    True
    """
    return palette()[palette_class(cls)]


def _rgb(hexcolour: str) -> dict[str, int]:
    h = hexcolour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16)}


def _day(iso: str, first: bool) -> str:
    """A full date for Gephi's timeline: "2011" → 2011-01-01 (start) or 2011-12-31 (end).

    >>> _day("2000-02", first=False)
    '2000-02-29'
    """
    import calendar

    parts = iso.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01" if first else f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{iso}-01" if first else f"{iso}-{last:02d}"
    return iso


def analysed_view(kg: KnowledgeGraph, flt: ExportFilter | None = None) -> nx.MultiDiGraph:
    """The entity graph with analysis attributes, filtered."""
    flt = flt or ExportFilter()
    g = kg.to_networkx()
    if flt.article is not None:
        keep = {
            r["e"]
            for r in kg.rows(
                "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rdfs:label ?l } "
                "FILTER(STRENDS(STR(?g), CONCAT('/doc/', ?a))) }",
                a=flt.article,
            )
        }
        g = g.subgraph(keep).copy()
    if flt.types:
        g = g.subgraph([n for n, d in g.nodes(data=True) if set(class_parents(d["type"])) & flt.types]).copy()
    drop = [
        (a, b, k)
        for a, b, k, d in g.edges(keys=True, data=True)
        if d["confidence"] < flt.min_confidence or (flt.relations and d["relation"] not in flt.relations)
    ]
    g.remove_edges_from(drop)
    if flt.around is not None:
        center = kg.resolve(flt.around)
        if center in g:
            g = nx.MultiDiGraph(nx.ego_graph(g, center, radius=flt.depth, undirected=True))
        else:
            g = nx.MultiDiGraph()
    articles = {
        r["e"]: int(r["n"])
        for r in kg.rows("SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?l } } GROUP BY ?e")
    }
    pr = pagerank(g)
    community = {n: i for i, c in enumerate(communities(g)) for n in c}
    dates = {
        r["e"]: (r["s"], r["t"])
        for r in kg.rows(
            """SELECT ?e (MIN(?a) AS ?s) (MAX(?b) AS ?t) WHERE {
             { ?e kg:startTime ?a } UNION { ?e kg:pointInTime ?a } UNION { ?e kg:inception ?a }
             OPTIONAL { { ?e kg:endTime ?b } UNION { ?e kg:dissolved ?b } } } GROUP BY ?e"""
        )
    }
    top = max(pr.values(), default=1.0) or 1.0
    for n, d in g.nodes(data=True):
        d["colour"] = colour_of(d["type"])
        d["articles"] = articles.get(n, 1)
        d["degree"] = g.degree(n)
        d["pagerank"] = round(pr.get(n, 0.0), 6)
        d["community"] = community.get(n, -1)
        d["viz"] = {"color": {**_rgb(d["colour"]), "a": 1.0}, "size": round(5 + 25 * pr.get(n, 0.0) / top, 2)}
        start, end = dates.get(n, (None, None))
        if start:
            d["start"] = _day(str(start), first=True)
            d["end"] = _day(str(end or start), first=False)
    evidence = _evidence(kg) if g.number_of_edges() else {}
    for a, b, d in g.edges(data=True):
        d["weight"] = d["confidence"]
        d["label"] = d["relation"]
        d["evidence"] = evidence.get((a, d["relation"], b), [d["sentence"]])
    return g


def _evidence(kg: KnowledgeGraph) -> dict[tuple[str, str, str], list[str]]:
    """Every distinct sentence stating each (subject, relation, object), in a stable order."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for r in kg.rows(
        "SELECT DISTINCT ?s ?p ?o ?sent WHERE { GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; "
        "rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sent } FILTER(isIRI(?o)) }"
    ):
        rel = str(r["p"]).replace(ONTO, "")  # as kg.netx names the edge
        out.setdefault((r["s"], rel, r["o"]), set()).add(str(r["sent"]))
    return {k: sorted(v) for k, v in out.items()}
