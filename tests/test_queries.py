"""Every query of queries/ runs on the seed graph and gives the answer a reader of the article expects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import KgError, QueryError
from kg.graph import KnowledgeGraph
from kg.query import format_results, load_query, queries_dir

QUERIES = sorted(p.stem for p in queries_dir().glob("*.rq"))


def _rows(g: KnowledgeGraph, query_name: str, **params: str) -> list[dict]:
    return g.rows(load_query(query_name), **params)


def test_there_are_at_least_twelve_documented_queries():
    assert len(QUERIES) >= 12
    for name in QUERIES:
        head = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8").splitlines()[:3]
        assert head[0].startswith("# Title:") and head[1].startswith("# Question:")
        assert head[2].startswith("# Parameters:")


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_answers_on_the_seed(seed_graph: KnowledgeGraph, name: str):
    params = {"name": "Isaac Humala"} if name == "entity" else {}
    rows = _rows(seed_graph, name, **params)
    if name == "multi_source":  # one article: nothing is supported twice
        assert rows == []
    else:
        assert rows, name


def test_leaders_and_founders(seed_graph: KnowledgeGraph):
    pairs = {(r["role"], r["person"]) for r in _rows(seed_graph, "leaders") if r["organisation"] == "Ethnocacerism"}
    assert pairs == {("leader", "Antauro Humala"), ("founder", "Isaac Humala")}


def test_membership_current_and_historical(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "membership")
    by_status = {}
    for r in rows:
        by_status.setdefault(r["status"], set()).add(r["member"])
    # "ANTAURO, or National Alliance": one party under two names
    assert by_status["Current"] == {"National Alliance", "Union for Peru"}
    assert "ANTAURO" in seed_graph.entity("National Alliance")["aliases"]
    assert by_status["Historical"] == {"Go on Country", "Peruvian Nationalist Party"}


def test_family(seed_graph: KnowledgeGraph):
    ties = {(r["person"], r["tie"], r["relative"]) for r in _rows(seed_graph, "family")}
    assert ("Isaac Humala", "child", "Antauro Humala") in ties
    assert ("Isaac Humala", "child", "Ollanta Humala") in ties
    assert ("Antauro Humala", "sibling", "Ollanta Humala") in ties


def test_timeline_and_event_places(seed_graph: KnowledgeGraph):
    events = {r["event"]: r for r in _rows(seed_graph, "timeline")}
    assert len(events) == 3  # the two risings and "the 2021 election", dated by its name
    starts = sorted(r["start"] for r in events.values())
    assert starts == ["2000-10-29", "2005-01-01", "2021"]
    assert all("Antauro Humala" in r["participants"] for n, r in events.items() if n != "2021 election")
    places = _rows(seed_graph, "event_places")
    assert {r["country"] for r in places} == {"Peru"} and all(r["region"] for r in places)


def test_influences(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "influences")
    assert len([r for r in rows if r["relation"] == "influenced by"]) == 5
    assert [r["person"] for r in rows if r["relation"] == "named after"] == ["Andrés Avelino Cáceres"]


def test_period_parameters_filter(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "founded_dissolved", **{"from": "2011", "to": "2023"})
    years = {r["date"][:4] for r in rows}
    assert years and min(years) >= "2011" and max(years) <= "2023"
    assert len(_rows(seed_graph, "founded_dissolved")) > len(rows)


def test_entity_by_alias_any_case(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "entity", name="antuaro humala")  # the misspelling is an alias
    assert any(r["relation"] == "leader" and r["direction"] == "<-" for r in rows)


def test_aliases_explain_how(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "aliases")
    hows = {(r["alias"], r["how"]) for r in rows}
    assert ("Antuaro Humala", "transposed letters") in hows


def test_places_have_countries_and_gazetteer_ids(seed_graph: KnowledgeGraph):
    rows = _rows(seed_graph, "places")
    assert any(r["gazetteer"] and r["gazetteer"].startswith("https://sws.geonames.org/") for r in rows)


def test_most_connected_and_people(seed_graph: KnowledgeGraph):
    top = _rows(seed_graph, "most_connected")
    assert int(top[0]["connections"]) >= int(top[-1]["connections"])
    people = {r["person"]: r["roles"] for r in _rows(seed_graph, "people")}
    assert "leads Ethnocacerism" in people["Antauro Humala"]


def test_bindings_cannot_inject(seed_graph: KnowledgeGraph):
    # an entity parameter is resolved as a name (no entity has this one), never pasted into the text
    with pytest.raises(KgError, match="no entity is called"):
        _rows(seed_graph, "entity", name='x" } UNION { ?s ?p ?o } #')
    assert seed_graph.rows("SELECT ?e WHERE { ?e rdfs:label ?name }", name='x" } UNION { ?s ?p ?o } #') == []
    with pytest.raises(QueryError):
        seed_graph.rows("SELECT * WHERE { ?s ?p ?o }", **{"x) } #": "1"})


def test_formats(seed_graph: KnowledgeGraph):
    res = seed_graph.query(load_query("leaders"))
    table = format_results(res, "table")
    assert "organisation" in table.splitlines()[0] and table.rstrip().endswith("rows)")


def test_unknown_query_name_lists_known_ones(tmp_path: Path):
    with pytest.raises(QueryError, match="leaders"):
        load_query("no-such-query")


@pytest.mark.parametrize(("name", "root"), [("timeline", "Event"), ("places", "Place")])
def test_class_lists_in_queries_match_the_ontology(name: str, root: str):
    """timeline and places list a root class and its subclasses in VALUES (much faster than
    rdfs:subClassOf* on a big store); the lists must stay equal to the ontology's."""
    from rdflib import RDFS

    from kg.ontology import CLASSES, KG, class_parents, ontology_graph

    text = load_query(name)
    listed = dict(re.findall(r'\(kg:(\w+)\s+"([^"]+)"\)', text))
    onto = ontology_graph()
    expected = {c: str(onto.value(KG[c], RDFS.label)) for c in CLASSES if root in class_parents(c)}
    assert listed == expected


@pytest.mark.parametrize("name", QUERIES)
def test_declared_parameters_are_typed_and_used(name: str):
    """Every library query declares its parameters with a known kind, and uses each of them."""
    from kg.query import KINDS, query_spec

    spec = query_spec(name)
    assert spec.declared
    head = spec.text.splitlines()[2]
    assert head.count("?") == len(spec.params)
    for p in spec.params:
        assert p.kind in KINDS and p.name in spec.variables, (name, p)
        assert f"?{p.name} ({p.kind}," in head


def test_the_packaged_library_is_the_source_one():
    root = Path(__file__).resolve().parent.parent
    assert sorted(p.name for p in queries_dir().glob("*.rq")) == sorted(p.name for p in (root / "queries").glob("*.rq"))
    assert queries_dir().resolve() == (root / "queries").resolve()


def test_bind_params_resolves_entities_and_iris(seed_graph: KnowledgeGraph):
    import pyoxigraph as ox

    from kg.query import bind_params, query_spec

    binds = bind_params(seed_graph, query_spec("evidence"), ("s=isaac HUMALA", "p=kg:child"))
    assert binds == {
        "s": ox.NamedNode(seed_graph.resolve("Isaac Humala")),
        "p": ox.NamedNode("https://kg.example.org/ontology#child"),
    }
    rows = seed_graph.rows(load_query("evidence"), **binds)
    assert rows and {r["relation"] for r in rows} == {"child"} and {r["subject"] for r in rows} == {"Isaac Humala"}
    iri = seed_graph.resolve("Isaac Humala")
    assert bind_params(seed_graph, query_spec("entity"), (f"name=<{iri}>",)) == {"name": ox.NamedNode(iri)}
    with pytest.raises(QueryError, match="not an IRI"):
        bind_params(seed_graph, query_spec("evidence"), ("p=not an iri",))
