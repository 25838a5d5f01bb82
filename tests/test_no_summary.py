"""A store built before the summary graph (made here by deleting it): the library queries that read
the summary say so in one line naming the store and the command that adds it, and answer from the
statements instead, the same rows; ``kg serve`` offers those direct counts and says so at start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import KnowledgeGraph
from kg.query import library, query_spec
from kg.query_summary import fallback_spec, has_summary
from kg.rdf import DEFAULT_BASE
from kg.rdf_summary import summary_graph
from kg.store import drop_graph

SUMMARY_QUERIES = ("most_connected", "multi_source")


@pytest.fixture(scope="module")
def without_summary(data_build, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the tests/data store, a copy of it whose summary graph was deleted)."""
    store = data_build[1]
    old = tmp_path_factory.mktemp("nosummary") / "store"
    shutil.copytree(store, old, ignore=shutil.ignore_patterns("LOCK"))
    s = ox.Store(str(old))
    assert has_summary(s)
    drop_graph(s, str(summary_graph(DEFAULT_BASE)))
    assert not has_summary(s)
    s.flush()
    del s
    return store, old


def _query(store: Path, name: str) -> tuple[str, str]:
    res = CliRunner().invoke(cli, ["query", name, "--store", str(store), "--format", "csv"])
    assert res.exit_code == 0, res.output
    return res.stdout, res.stderr


@pytest.mark.parametrize("name", SUMMARY_QUERIES)
def test_a_store_without_the_summary_says_so_and_answers_from_the_statements(without_summary, name: str):
    store, old = without_summary
    want, quiet = _query(store, name)
    assert quiet == ""  # the store with its summary: no note
    assert len(want.splitlines()) > 2  # tests/data has rows for both questions
    # the summary query itself, run as it is on the old store, answers nothing: what users saw before
    g = KnowledgeGraph.open(old)
    assert g.rows(query_spec(name).text) == []
    del g
    got, note = _query(old, name)
    assert got == want
    lines = note.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("note: ")
    assert f"store {old} has no summary graph" in lines[0] and name in lines[0] and "kg build" in lines[0]


def test_the_other_library_queries_need_no_summary(without_summary):
    _, old = without_summary
    for spec in library():
        if spec.name in SUMMARY_QUERIES:
            assert spec.fallback
            continue
        assert not spec.fallback
    _, note = _query(old, "places")
    assert note == ""


def test_every_fallback_is_a_library_query_without_a_fallback():
    for spec in library():
        if spec.fallback:
            direct = fallback_spec(spec)
            assert direct.name == spec.name and not direct.fallback and "connectionRank" not in direct.text
            assert "multiSourceRank" not in direct.text


def test_serve_offers_the_direct_counts_on_a_store_without_the_summary(without_summary):
    from kg.serve import _examples

    store, old = without_summary
    examples, notes = _examples(store)
    assert notes == [] and examples["most_connected"] == query_spec("most_connected").text
    examples, notes = _examples(old)
    assert len(notes) == 1 and str(old) in notes[0] and "most_connected, multi_source" in notes[0]
    for name in SUMMARY_QUERIES:
        assert examples[name] == fallback_spec(query_spec(name)).text
    assert examples["places"] == query_spec("places").text
