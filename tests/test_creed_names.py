"""A party's name with its creed in brackets ("… (Maoist)") is another party than the one without:
NER leaves the bracket out, the name keeps it, and the build keeps the two apart. Invented article."""

from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from tests.extracted import fact_triples

_BRANDT = (
    "= Olev Brandt =\n\nOlev Brandt (1918 – 4 June 1977) was a Velderian dock organiser. He entered the Socialist "
    "Party of Velderia in 1936. In 1951 he was one of the founding leaders of Socialist Party of Velderia "
    "(Maoist) (SPV (M)), formed after a split over the harbour strike. Brandt died on 4 June 1977.\n"
)


def test_a_creed_bracket_is_part_of_the_partys_name():
    got = fact_triples(_BRANDT)
    assert ("Socialist Party of Velderia (Maoist)", "leader", "Olev Brandt") in got, got
    assert ("Socialist Party of Velderia", "leader", "Olev Brandt") not in got, got


def test_a_bracket_that_is_no_creed_stays_out_of_the_name():
    got = fact_triples(
        "= Mira Solvang =\n\nMira Solvang (1904 – 1979) was a Velderian printer. In 1948 she was one of the "
        "founding leaders of the Velderian Harbour Party (Dockers) in Quarrow.\n"
    )
    assert not any("(Dockers)" in s or "(Dockers)" in o for s, _, o in got), got


def test_the_two_parties_stay_two_nodes(tmp_path: Path):
    from kg.pipeline import build_graph

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "olev_brandt.txt").write_text(_BRANDT, encoding="utf-8")
    build_graph([tmp_path / "in"], tmp_path / "store", [])
    g = KnowledgeGraph.open(tmp_path / "store")
    creed = g.entity("Socialist Party of Velderia (Maoist)")
    plain = g.entity("Socialist Party of Velderia")
    assert creed is not None and plain is not None
    assert creed["iri"] != plain["iri"], (creed, plain)
