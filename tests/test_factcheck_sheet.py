"""benchmarks/factcheck_sheet.py: the sheet a blind fact-checker reads holds every claim kg wrote."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.pipeline import BuildReport

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import factcheck_sheet

COUNT = """PREFIX kg: <https://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?st a kg:Statement ; rdf:predicate ?p . OPTIONAL { ?st kg:rule ?r } }
  FILTER (?p != kg:infoboxValue)
  BIND (BOUND(?r) && (STRSTARTS(?r, "inverse:") || STRSTARTS(?r, "symmetric:")) AS ?restated)
  FILTER (?restated = %s)
}"""


def _statement_count(dump: Path) -> tuple[int, int]:
    """(claims, restatements) in the dump, counted by SPARQL independently of the script."""
    store = ox.Store()
    with dump.open("rb") as handle:
        store.load(handle, format=ox.RdfFormat.N_QUADS)
    claims, restated = (int(next(iter(store.query(COUNT % flag)))["n"].value) for flag in ("false", "true"))
    return claims, restated


def test_the_sheet_has_one_row_per_claim_with_its_sentence(data_build: tuple[BuildReport, Path], tmp_path: Path):
    dump = data_build[1].parent / "data.nq"
    out = tmp_path / "sheet.tsv"
    assert factcheck_sheet.main([str(dump), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))
    claims, restated = _statement_count(dump)
    assert restated > 0  # the data set has inverse/symmetric restatements, and they are left out
    assert len(table) == claims
    assert all(row["sentence"] and row["subject"] and row["object"] for row in table)
    assert not any(row["rule"].startswith(("infer:inverse:", "infer:symmetric:")) for row in table)
    assert [int(r["id"]) for r in table] == list(range(1, len(table) + 1))


def test_a_blind_sheet_names_no_rule_and_a_sample_is_reproducible(data_build: tuple[BuildReport, Path], tmp_path: Path):
    dump = data_build[1].parent / "data.nq"
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    for out in (a, b):
        assert factcheck_sheet.main([str(dump), "--out", str(out), "--no-rule", "--sample", "5"]) == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    header = a.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == ["id", "article", "subject", "relation", "object", "sentence"]
    assert len(a.read_text(encoding="utf-8").splitlines()) == 6


def test_a_missing_graph_is_one_line(tmp_path: Path, capsys):
    assert factcheck_sheet.main([str(tmp_path / "none.nq"), "--out", str(tmp_path / "x.tsv")]) == 2
    assert "none.nq: no such file" in capsys.readouterr().err


def test_the_period_column_shows_a_fact_s_qualifiers(data_build: tuple[BuildReport, Path], tmp_path: Path):
    dump = data_build[1].parent / "data.nq"
    out = tmp_path / "p.tsv"
    assert factcheck_sheet.main([str(dump), "--out", str(out), "--no-rule", "--period"]) == 0
    with out.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))
    assert list(table[0])[:6] == ["id", "article", "subject", "relation", "object", "period"]
    dated = [r for r in table if r["period"]]
    assert dated and all(r["period"].startswith(("from ", "until ", "historical", "former")) for r in dated)
    assert any(r["relation"] == "positionHeld" for r in dated)  # a term's start and end


def test_a_period_of_a_fact_given_as_no_longer_so_says_historical():
    assert factcheck_sheet._period(None, None, "Historical") == "historical"
    assert factcheck_sheet._period(None, None, "Current") == ""
