"""NetworkX view of a built graph, and the analyses behind ``kg stats`` / ``kg path``."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.ontology import PREFIXES

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["communities", "explain_path", "graph_stats", "pagerank", "to_networkx"]

ONTO = PREFIXES["kg"]
_SKIP = {"seeAlso", "infoboxValue"}


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Entities as nodes, entity-to-entity relations as edges; literal facts as node attributes."""
    g = nx.MultiDiGraph()
    for r in kg.rows("""SELECT ?e ?l ?t (GROUP_CONCAT(DISTINCT ?a; separator="|") AS ?as) WHERE {
            ?e rdfs:label ?l ; a ?t . FILTER(STRSTARTS(STR(?t), STR(kg:))) OPTIONAL { ?e skos:altLabel ?a } }
            GROUP BY ?e ?l ?t"""):
        if str(r["t"]).replace(ONTO, "") in ("Article", "Statement"):
            continue
        g.add_node(
            r["e"],
            label=r["l"],
            type=str(r["t"]).replace(ONTO, ""),
            aliases=sorted(a for a in (r["as"] or "").split("|") if a),
        )
    q = """SELECT ?s ?p ?o (MAX(?c) AS ?conf) (COUNT(DISTINCT ?g) AS ?n) (SAMPLE(?sent) AS ?sentence) WHERE {
        GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c ;
        kg:sentence ?sent } } GROUP BY ?s ?p ?o"""
    for r in kg.rows(q):
        rel = str(r["p"]).replace(ONTO, "")
        s, o = r["s"], r["o"]
        if s not in g:
            continue
        if o in g:
            if rel in _SKIP:
                continue
            g.add_edge(
                s, o, key=rel, relation=rel, confidence=float(r["conf"]), sources=int(r["n"]), sentence=r["sentence"]
            )
        else:
            g.nodes[s].setdefault(rel, str(o))
    return g


def pagerank(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank of every node (edges as directed, parallel edges once)."""
    return nx.pagerank(nx.DiGraph(g)) if len(g) else {}


def communities(g: nx.MultiDiGraph) -> list[set[str]]:
    """Louvain communities of the undirected graph (seeded, reproducible), largest first."""
    simple = nx.Graph(g.to_undirected())
    found = nx.community.louvain_communities(simple, seed=42) if len(simple) else []
    return sorted(found, key=lambda c: (-len(c), sorted(c)))


def graph_stats(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Counts, components, central entities and communities (seeded, reproducible)."""
    from collections import Counter

    simple = nx.Graph(g.to_undirected())
    label = nx.get_node_attributes(g, "label")
    pr = pagerank(g)
    bc = nx.betweenness_centrality(simple) if len(g) else {}
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "types": Counter(nx.get_node_attributes(g, "type").values()).most_common(),
        "relations": Counter(d["relation"] for _, _, d in g.edges(data=True)).most_common(),
        "components": nx.number_connected_components(simple) if len(simple) else 0,
        "pagerank": [(label[n], round(v, 4)) for n, v in sorted(pr.items(), key=lambda x: (-x[1], label[x[0]]))[:top]],
        "betweenness": [
            (label[n], round(v, 4)) for n, v in sorted(bc.items(), key=lambda x: (-x[1], label[x[0]]))[:top]
        ],
        "communities": [sorted(label[n] for n in c) for c in communities(g) if len(c) > 1],
    }


def explain_path(g: nx.MultiDiGraph, source: str, target: str) -> list[tuple[str, str, str, str, str]]:
    """Shortest path between two nodes, each hop as (from, relation, to, direction, evidence sentence)."""
    simple = nx.Graph(g.to_undirected())
    nodes = nx.shortest_path(simple, source, target)
    label = nx.get_node_attributes(g, "label")
    hops = []
    for a, b in pairwise(nodes):
        if g.has_edge(a, b):
            data = min(g.get_edge_data(a, b).values(), key=lambda d: -d["confidence"])
            hops.append((label[a], data["relation"], label[b], "->", data["sentence"]))
        else:
            data = min(g.get_edge_data(b, a).values(), key=lambda d: -d["confidence"])
            hops.append((label[a], data["relation"], label[b], "<-", data["sentence"]))
    return hops
