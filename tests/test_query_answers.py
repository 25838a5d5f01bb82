"""The query library made for big stores answers as the library before it did, pages stably, and
its entity-centred questions start from the entity (issue 19, item 4).

``tests/data/queries_before/`` is the library as it was before the big-store rewrite (main at
c3e9d4f): every query of ``queries/`` must give the same rows on the seed and tests/data stores.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.graph import KnowledgeGraph, name_key
from kg.query import load_query, queries_dir
from tests.answers import Difference, compare_library, order_keys

BEFORE = Path(__file__).resolve().parent / "data" / "queries_before"
QUERIES = sorted(p.stem for p in queries_dir().glob("*.rq"))


def _best_connected(g: KnowledgeGraph) -> str:
    """The label of the store's best-connected entity (the parameter of the entity question)."""
    top = g.rows(load_query("most_connected"))[0]
    return str(top["entity"])


def _params(g: KnowledgeGraph) -> dict[str, dict[str, str]]:
    return {"entity": {"name": _best_connected(g)}}


@pytest.mark.parametrize("which", ["seed_graph", "data_graph"])
def test_every_query_answers_as_before(which: str, request: pytest.FixtureRequest):
    g = request.getfixturevalue(which)
    compared = compare_library(g, BEFORE, queries_dir(), _params(g))
    assert set(compared) == set(QUERIES)
    assert sum(rows for rows, _ in compared.values()) > 0


def test_the_comparison_sees_a_changed_answer(seed_graph: KnowledgeGraph, tmp_path: Path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    text = (BEFORE / "family.rq").read_text(encoding="utf-8")
    (before / "family.rq").write_text(text, encoding="utf-8")
    (after / "family.rq").write_text(text.replace('(kg:sibling "sibling")', ""), encoding="utf-8")
    with pytest.raises(Difference, match="family"):
        compare_library(seed_graph, before, after)
    ordered = (BEFORE / "entity.rq").read_text(encoding="utf-8")
    (before / "entity.rq").write_text(ordered, encoding="utf-8")
    (after / "entity.rq").write_text(ordered.replace("ORDER BY ?relation ?other", "ORDER BY DESC(?relation) ?other"))
    (after / "family.rq").write_text(text, encoding="utf-8")
    with pytest.raises(Difference, match="entity: ordered differently"):
        compare_library(seed_graph, before, after, _params(seed_graph))


def _cli(*args: str) -> list[list[str]]:
    res = CliRunner().invoke(cli, ["query", *args, "--format", "csv"])
    assert res.exit_code == 0, res.output
    return list(csv.reader(io.StringIO(res.output)))


@pytest.mark.parametrize("name", QUERIES)
def test_page_one_and_page_two_are_the_first_two_pages(data_build, data_graph: KnowledgeGraph, name: str):
    store = str(data_build[1])
    extra = ["--param", f"name={_best_connected(data_graph)}"] if name == "entity" else []
    everything = _cli(name, "--store", store, *extra)
    n = max(1, (len(everything) - 1) // 3)  # three pages or so, whatever the query's size
    first = _cli(name, "--store", store, *extra, "--limit", str(n))
    second = _cli(name, "--store", store, *extra, "--limit", str(n), "--offset", str(n))
    both = _cli(name, "--store", store, *extra, "--limit", str(2 * n))
    assert first[0] == second[0] == both[0] == everything[0]  # the header
    assert len(first) - 1 == min(n, len(everything) - 1)
    assert first[1:] + second[1:] == both[1:] == everything[1 : 2 * n + 1]


def test_pages_are_stable_across_processes(data_build):
    """Each page is its own run of kg: the store's order is the same in every process."""
    store = str(data_build[1])

    def run(*args: str) -> list[str]:
        cmd = [sys.executable, "-m", "kg", "query", "aliases", "--store", store, "--format", "tsv", *args]
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[1:]

    whole = run()
    assert len(whole) >= 6
    n = len(whole) // 3
    assert run("--limit", str(n)) + run("--limit", str(n), "--offset", str(n)) == whole[: 2 * n]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "0"], "'--limit': 0 is not in the range 1<=x<=1000000"),
        (["--limit", "-3"], "'--limit': -3 is not in the range 1<=x<=1000000"),
        (["--limit", "1000001"], "'--limit': 1000001 is not in the range 1<=x<=1000000"),
        (["--offset", "-1"], "'--offset': -1 is not in the range 0<=x<=1000000000"),
        (["--limit", "ten"], "'ten' is not a valid integer"),
    ],
)
def test_bad_page_options_are_one_clear_line(seed_build, args: list[str], message: str):
    res = CliRunner().invoke(cli, ["query", "leaders", "--store", str(seed_build[1]), *args])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def test_a_page_in_json_keeps_the_terms_kinds(seed_build):
    args = ["query", "evidence", "--store", str(seed_build[1]), "--format", "json", "--limit", "2"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    import json

    data = json.loads(res.output)
    assert len(data["results"]["bindings"]) == 2
    row = data["results"]["bindings"][0]
    assert row["article"]["type"] == "uri"
    assert row["start"]["datatype"].endswith("#integer") or row["start"]["datatype"].endswith("nonNegativeInteger")
    assert "datatype" not in row["sentence"]


# --- entity-centred questions: the parameter narrows the whole-graph answer to one entity ---

CENTRED = [
    # (query, parameter, the label column the parameter names, the IRI pattern variable)
    ("leaders", "org", "organisation"),
    ("membership", "org", "movement"),
    ("family", "who", "person"),
    ("event_places", "at", "place"),
    ("evidence", "s", "subject"),
]


@pytest.mark.parametrize(("name", "param", "column"), CENTRED)
def test_an_entity_parameter_keeps_that_entity_s_rows(data_graph: KnowledgeGraph, name: str, param: str, column: str):
    text = load_query(name)
    rows = data_graph.rows(text)
    if not rows:
        pytest.skip(f"tests/data has no {name} rows")  # pragma: no cover - the fixture set has them all
    label = sorted({str(r[column]) for r in rows})[0]
    iri = ox.NamedNode(data_graph.resolve(label))
    narrowed = data_graph.rows(text, **{param: iri})
    key = lambda r: tuple(sorted((k, str(v)) for k, v in r.items()))  # noqa: E731
    assert narrowed and sorted(narrowed, key=key) == sorted((r for r in rows if r[column] == label), key=key)
    # by name, any case, as kg query takes it
    res = CliRunner().invoke(
        cli, ["query", name, "--store", str(data_graph.path), "--param", f"{param}={label.upper()}", "--format", "csv"]
    )
    assert res.exit_code == 0, res.output
    assert len(list(csv.reader(io.StringIO(res.output)))) - 1 == len(narrowed)


def test_the_entity_question_takes_a_name_from_python_too(seed_graph: KnowledgeGraph):
    by_iri = seed_graph.rows(load_query("entity"), name=ox.NamedNode(seed_graph.resolve("Isaac Humala")))
    by_name = seed_graph.rows(load_query("entity"), name="isaac HUMALA")
    assert by_iri and by_iri == by_name
    with pytest.raises(KgError, match="no entity is called"):
        seed_graph.rows(load_query("entity"), name="Nobody At All")


def test_the_library_orders_only_what_stays_small():
    """A query over the whole graph streams in the store's order (a sort reads every row first);
    one about one entity, or a top 20, may sort."""
    for name in QUERIES:
        text = load_query(name)
        if order_keys(text):
            assert name in ("entity", "most_connected", "multi_source", "timeline"), name
        else:
            assert "# Order: the store's own" in text, name


# --- the name index ---


def test_every_label_and_alias_has_its_name_key(data_graph: KnowledgeGraph):
    names = data_graph.rows("""SELECT ?g ?e ?n WHERE { GRAPH ?g { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }
                                FILTER(CONTAINS(STR(?e), "/resource/")) }""")
    stored = data_graph.rows("SELECT ?g ?e ?k WHERE { GRAPH ?g { ?e kg:nameKey ?k } }")
    keys = {(r["g"], r["e"], r["k"]) for r in stored}
    assert names and all((r["g"], r["e"], name_key(r["n"])) in keys for r in names)
    assert len(keys) == len({(r["g"], r["e"], name_key(r["n"])) for r in names})


def test_resolution_reads_every_name_on_a_store_without_the_index(data_build, tmp_path: Path):
    g = KnowledgeGraph.open(data_build[1])
    label = str(g.rows("SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l } LIMIT 1")[0]["l"])
    copy = ox.Store()
    copy.extend(q for q in g.store if q.predicate.value != "https://kg.example.org/ontology#nameKey")
    old = KnowledgeGraph(copy, tmp_path)
    assert old.resolve(label.upper()) == g.resolve(label.upper())


# --- kg path ---


def test_shortest_path_is_as_short_as_networkx_s(data_graph: KnowledgeGraph):
    import networkx as nx

    nxg = data_graph.to_networkx()
    simple = nx.Graph(nxg.to_undirected())
    label = nx.get_node_attributes(nxg, "label")
    def named(n: str) -> bool:  # the label names this entity alone (no other entity's alias)
        try:
            return data_graph.resolve(label[n]) == n
        except KgError:
            return False

    pairs = 0
    for comp in sorted(nx.connected_components(simple), key=len, reverse=True)[:3]:
        members = sorted(n for n in comp if named(n))
        for a, b in zip(members, members[len(members) // 2 :], strict=False):
            if a == b:
                continue
            want = nx.shortest_path_length(simple, a, b)
            hops = data_graph.shortest_path(label[a], label[b])
            assert len(hops) == want, (label[a], label[b])
            assert hops[0][0] == label[a] and hops[-1][2] == label[b]
            for _frm, _rel, _to, _direction, sentence in hops:
                assert sentence
            pairs += 1
    assert pairs >= 3


def test_path_with_nothing_between_is_one_clear_line(data_build):
    g = KnowledgeGraph.open(data_build[1])
    import networkx as nx

    nxg = g.to_networkx()
    comps = sorted(nx.connected_components(nx.Graph(nxg.to_undirected())), key=len, reverse=True)
    label = nx.get_node_attributes(nxg, "label")

    def named(n: str) -> bool:
        try:
            return g.resolve(label[n]) == n
        except KgError:
            return False

    a = next(label[n] for n in sorted(comps[0]) if named(n))
    b = next(label[n] for c in comps[1:] for n in sorted(c) if named(n))
    res = subprocess.run(
        [sys.executable, "-m", "kg", "path", a, b, "--store", str(data_build[1])], capture_output=True, text=True
    )
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [f"error: no path links {a!r} and {b!r}"]
