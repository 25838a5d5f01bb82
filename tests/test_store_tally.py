"""The store's running tally (kg/store_tally.py): the totals a build reports and the summary graph
it writes come from counts kept as each article graph is written, and they equal a direct count of
the whole store after a build, after a rebuild with one article changed, after one is removed,
and on a store whose tally is missing (written before it) or behind (a build killed between a
graph and its tally)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.pipeline import build_graph
from kg.rdf import DEFAULT_BASE, Iris
from kg.rdf_summary import summary_graph, summary_quads
from kg.store import open_store
from kg.store_tally import TALLY_FILE, Tally, contribution, store_totals, store_triples

DATA = Path(__file__).resolve().parent / "data"
NAMES = ["green_union.txt", "harlan_voss.txt", "valdora_front.txt", "valdoran_general_election_2014.txt"]


def _direct(store: Path) -> tuple[dict[str, int], set[ox.Quad], set[ox.Quad]]:
    """(totals counted over the whole store, the summary graph as stored, the summary counted over
    the whole store without the tally)."""
    s = open_store(store, read_only=True)
    g = ox.NamedNode(str(summary_graph(DEFAULT_BASE)))
    stored = set(s.quads_for_pattern(None, None, None, g))
    from kg.store import to_ox

    direct = {
        ox.Quad(to_ox(a), to_ox(b), to_ox(c), g)  # type: ignore[arg-type]
        for a, b, c, _ in summary_quads(s, DEFAULT_BASE)
    }
    totals = store_totals(s)
    del s
    return totals, stored, direct


def _check(store: Path, reported: dict[str, int]) -> dict[str, int]:
    totals, stored, direct = _direct(store)
    assert reported == totals
    assert stored == direct and stored
    return totals


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in NAMES:
        shutil.copy(DATA / n, folder / n)
    return folder


def test_totals_and_summary_follow_builds_rebuilds_and_removals(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    first = _check(store, build_graph([corpus], store).store_totals)
    assert first["articles"] == len(NAMES) and first["facts"] > 0
    # one article changed: a new sentence links two entities it did not link, and states a fact
    # another article states too; the rebuilt graph replaces its old counts
    changed = corpus / NAMES[1]
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nIn 2019 Harlan Voss joined the Green Union. Harlan Voss was born in Marlow.\n",
        encoding="utf-8",
    )
    second = _check(store, build_graph([corpus], store).store_totals)
    assert second != first
    # only one article rebuilt, the others kept: still the whole store's counts
    third = _check(store, build_graph([changed], store).store_totals)
    assert third == second
    # one article removed (pruned), then another one's text emptied of facts
    (corpus / NAMES[0]).unlink()
    fourth = _check(store, build_graph([corpus], store, prune=True).store_totals)
    assert fourth["articles"] == len(NAMES) - 1 and fourth["facts"] < second["facts"]


def test_a_store_without_its_tally_is_counted_again(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    build_graph([corpus], store)
    for extra in ("", "-wal", "-shm"):
        Path(str(store / TALLY_FILE) + extra).unlink(missing_ok=True)
    # a partial build: three articles are only in the store, and the tally learns them from it
    _check(store, build_graph([corpus / NAMES[2]], store).store_totals)


def test_a_tally_behind_the_store_is_completed_by_the_next_build(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    want = build_graph([corpus], store).store_totals
    # as if the build had been killed after writing an article's graph and before its tally:
    # the tally lost that article's rows, and the store is marked unfinished for that article
    iri = str(Iris(DEFAULT_BASE).article(Path(NAMES[3]).stem))
    t = Tally(store)
    t.remove(iri)
    t.close()
    from kg.store import mark_build_started

    mark_build_started(store, [Path(NAMES[3]).stem])
    got = _check(store, build_graph([corpus / NAMES[0]], store).store_totals)
    assert got == want


def test_a_foreign_or_damaged_tally_is_rebuilt_not_trusted(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    want = build_graph([corpus], store).store_totals
    db = sqlite3.connect(store / TALLY_FILE)
    db.execute("UPDATE meta SET value = 'other' WHERE key = 'version'")
    db.commit()
    db.close()
    assert _check(store, build_graph([corpus / NAMES[1]], store).store_totals) == want


def test_contribution_counts_what_the_direct_queries_count(tmp_path: Path):
    """One graph's contribution: typed and labelled entities, statements, linked pairs both ways
    (seeAlso and literal objects aside), facts (inferred ones aside)."""
    kg, r, st = "https://kg.example.org/ontology#", "https://ex.org/r/", "https://ex.org/s/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    year = '"1990"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    true = '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    triples = [
        (r + "a", rdf + "type", kg + "Person"), (r + "a", label, '"A"'),
        (r + "b", rdf + "type", kg + "Party"), (r + "b", label, '"B"'),
        (r + "c", label, '"C, labelled but not typed"'),
        (st + "1", rdf + "type", kg + "Statement"), (st + "1", rdf + "subject", r + "a"),
        (st + "1", rdf + "predicate", kg + "memberOf"), (st + "1", rdf + "object", r + "b"),
        (st + "2", rdf + "type", kg + "Statement"), (st + "2", rdf + "subject", r + "a"),
        (st + "2", rdf + "predicate", kg + "seeAlso"), (st + "2", rdf + "object", r + "c"),
        (st + "3", rdf + "type", kg + "Statement"), (st + "3", rdf + "subject", r + "a"),
        (st + "3", rdf + "predicate", kg + "birthDate"), (st + "3", rdf + "object", year),
        (st + "4", rdf + "type", kg + "Statement"), (st + "4", rdf + "subject", r + "b"),
        (st + "4", rdf + "predicate", kg + "hasMember"), (st + "4", rdf + "object", r + "a"),
        (st + "4", kg + "inferred", true),
        (st + "4", kg + "inferred", true),  # a repeated triple counts once
    ]  # fmt: skip
    c = contribution(triples)
    assert c.entities == {r + "a", r + "b"} and c.statements == 4 and not c.empty
    assert c.pairs == {(r + "a", r + "b"), (r + "b", r + "a")}
    assert c.facts == {(r + "a", kg + "memberOf", r + "b"), (r + "a", kg + "seeAlso", r + "c"),
                       (r + "a", kg + "birthDate", year)}  # fmt: skip


def test_store_triples_read_back_what_was_written(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    build_graph([corpus / NAMES[0]], store)
    s = open_store(store, read_only=True)
    iri = str(Iris(DEFAULT_BASE).article(Path(NAMES[0]).stem))
    c = contribution(store_triples(s, iri))
    assert c.statements == store_totals(s)["facts"] and len(c.entities) == store_totals(s)["entities"]
