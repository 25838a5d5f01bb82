"""The summary graph each build writes (kg/rdf_summary.py): its counts against a direct count of
the statements, in Python, on the seed and tests/data stores; and it follows the whole store, not
only the articles of the last build."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.ontology import PREFIXES
from kg.pipeline import build_graph
from kg.query import load_query
from kg.rdf import DEFAULT_BASE
from kg.rdf_summary import RANKED, summary_graph

DATA = Path(__file__).resolve().parent / "data"
KG = "https://kg.example.org/ontology#"
SUMMARY = str(summary_graph(DEFAULT_BASE))


def _statements(g: KnowledgeGraph) -> list[dict[str, str | None]]:
    return g.rows("""SELECT ?g ?st ?s ?p ?o ?inferred ?oiri WHERE { GRAPH ?g {
        ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        OPTIONAL { ?st kg:inferred ?inferred } } BIND(isIRI(?o) AS ?oiri) }""")


def _direct_connections(g: KnowledgeGraph) -> dict[str, int]:
    """Distinct entities each entity is linked to, either direction, seeAlso aside, counted here."""
    linked: dict[str, set[str]] = defaultdict(set)
    for r in _statements(g):
        if r["p"] == KG + "seeAlso" or r["oiri"] != "true":
            continue
        linked[str(r["s"])].add(str(r["o"]))
        linked[str(r["o"])].add(str(r["s"]))
    return {e: len(others) for e, others in linked.items()}


def _summary(g: KnowledgeGraph, predicate: str) -> dict[str, str]:
    rows = g.rows(f"SELECT ?e ?v WHERE {{ GRAPH <{SUMMARY}> {{ ?e kg:{predicate} ?v }} }}")
    return {str(r["e"]): str(r["v"]) for r in rows}


@pytest.mark.parametrize("which", ["seed_graph", "data_graph"])
def test_connections_are_a_direct_count(which: str, request: pytest.FixtureRequest):
    g = request.getfixturevalue(which)
    direct = _direct_connections(g)
    assert direct and {e: int(n) for e, n in _summary(g, "connections").items()} == direct
    ranks = {e: int(r) for e, r in _summary(g, "connectionRank").items()}
    want = sorted(direct, key=lambda e: (-direct[e], e))[:RANKED]
    assert sorted(ranks, key=ranks.__getitem__) == want and sorted(ranks.values()) == list(range(1, len(want) + 1))
    top = want[0]
    labels = g.rows("SELECT DISTINCT ?l WHERE { ?e rdfs:label ?l }", e=ox.NamedNode(top))
    assert _summary(g, "summaryLabel")[top] in {r["l"] for r in labels}


@pytest.mark.parametrize("which", ["seed_graph", "data_graph"])
def test_multi_source_rows_are_a_direct_count(which: str, request: pytest.FixtureRequest):
    g = request.getfixturevalue(which)
    articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in _statements(g):
        if r["inferred"] is None:
            articles[(str(r["s"]), str(r["p"]), str(r["o"]))].add(str(r["g"]))
    direct = {k: len(v) for k, v in articles.items() if len(v) > 1}
    rows = g.rows(f"""SELECT ?s ?p ?o ?n ?rank WHERE {{ GRAPH <{SUMMARY}> {{ ?m kg:factSubject ?s ;
                      kg:factPredicate ?p ; kg:factObject ?o ; kg:articleCount ?n ; kg:multiSourceRank ?rank }} }}""")
    assert {(str(r["s"]), str(r["p"]), str(r["o"])): int(r["n"]) for r in rows} == direct
    assert direct or which == "seed_graph"  # one article states nothing twice; tests/data does
    assert sorted(int(r["rank"]) for r in rows) == list(range(1, len(rows) + 1))
    shown = g.rows(load_query("multi_source"))
    assert [int(r["articles"]) for r in shown] == sorted((int(r["n"]) for r in rows), reverse=True)


def test_the_summary_counts_the_articles_kept_and_drops_the_pruned(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ["green_union.txt", "harlan_voss.txt", "valdora_front.txt", "valdoran_general_election_2014.txt"]
    for n in names:
        shutil.copy(DATA / n, corpus / n)
    whole, part = tmp_path / "whole", tmp_path / "part"
    build_graph([corpus], whole)
    build_graph([corpus], part)
    build_graph([corpus / names[0]], part)  # one article rebuilt, three kept from the first build
    for store in (whole, part):
        g = KnowledgeGraph.open(store)
        assert {e: int(n) for e, n in _summary(g, "connections").items()} == _direct_connections(g)
        del g
    a, b = KnowledgeGraph.open(whole), KnowledgeGraph.open(part)
    assert _summary(a, "connections") == _summary(b, "connections")
    before = _summary(b, "connections")
    del a, b
    build_graph([corpus / names[0]], part, prune=True)  # only one article left
    g = KnowledgeGraph.open(part)
    after = {e: int(n) for e, n in _summary(g, "connections").items()}
    assert after == _direct_connections(g) and len(after) < len(before)
    # the summary is not an article: the store counts one
    assert g.rows("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a kg:Article } }")[0]["n"] == "1"


# --- kg path chooses its side by the summary's links ---


def _hub_store(spokes: int) -> KnowledgeGraph:
    """One article: a hub party every spoke person is a member of, a and b members too, c a member
    of b's party only (a - hub - b - b's party - c); a second hub with rims, which spoke 0 joins."""
    r, st = "https://kg.example.org/resource/", "https://kg.example.org/statement/"
    g = "<https://kg.example.org/doc/hubs>"
    lines = []

    def entity(key: str, cls: str) -> None:
        name = key.replace("_", " ")
        lines.append(f'<{r}{key}> a kg:{cls} ; rdfs:label "{name}" ; kg:nameKey "{name.lower()}" .')

    def fact(s: str, p: str, o: str) -> None:
        lines.append(f"<{r}{s}> kg:{p} <{r}{o}> .")
        lines.append(f"<{st}{s}-{o}> a kg:Statement ; rdf:subject <{r}{s}> ; rdf:predicate kg:{p} ; "
                     f'rdf:object <{r}{o}> ; kg:sentence "{s} {p} {o}" ; kg:confidence 0.9 .')

    entity("Hub_Party", "PoliticalParty")
    entity("B_Party", "PoliticalParty")
    for who in ("Ann_A", "Ben_B", "Cy_C", *(f"Spoke_{i}" for i in range(spokes))):
        entity(who, "Person")
    for who in ("Ann_A", "Ben_B", *(f"Spoke_{i}" for i in range(spokes))):
        fact(who, "memberOf", "Hub_Party")
    fact("Ben_B", "memberOf", "B_Party")
    fact("Cy_C", "memberOf", "B_Party")
    entity("Hub_Two", "PoliticalParty")  # a second hub, and one spoke of each hub in both
    for i in range(spokes):
        entity(f"Rim_{i}", "Person")
        fact(f"Rim_{i}", "memberOf", "Hub_Two")
    fact("Spoke_0", "memberOf", "Hub_Two")
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    store = ox.Store()
    store.load((prefixes + g + " {\n" + "\n".join(lines) + "\n}\n").encode(), format=ox.RdfFormat.TRIG)
    from kg.rdf_summary import write_summary

    write_summary(store, DEFAULT_BASE)
    return KnowledgeGraph(store, ":memory:")


def test_path_never_expands_a_hub_the_other_side_reaches(monkeypatch: pytest.MonkeyPatch):
    import kg.query_path as qp

    g = _hub_store(60)
    expanded: list[list[str]] = []
    real = qp.neighbours
    monkeypatch.setattr(qp, "neighbours", lambda kg, frontier: expanded.append(frontier) or real(kg, frontier))
    hops = g.shortest_path("ann a", "cy c")
    assert [(h[0], h[2]) for h in hops] == [("Ann A", "Hub Party"), ("Hub Party", "Ben B"), ("Ben B", "B Party"),
                                            ("B Party", "Cy C")]
    hub = "https://kg.example.org/resource/Hub_Party"
    assert expanded and all(hub not in f for f in expanded)
    # bounded: a search whose cheaper side has more links than allowed stops with one clear line
    with pytest.raises(KgError, match="within 10 links a level"):
        qp.meet(g, g.resolve("spoke 1"), g.resolve("rim 1"), "no path", max_links=10)
    assert len(qp.meet(g, g.resolve("spoke 1"), g.resolve("rim 1"), "no path")) == 5  # both hubs, then Spoke 0
    # without the summary it still finds the path, counting entities (a store built before it)
    plain = ox.Store()
    plain.extend(q for q in g.store if q.graph_name != ox.NamedNode(SUMMARY))
    expanded.clear()
    assert len(KnowledgeGraph(plain, ":memory:").shortest_path("ann a", "cy c")) == 4
    assert any(hub in f for f in expanded)  # counting entities, the hub's frontier looked as cheap as b's
