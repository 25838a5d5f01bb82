"""A party's name with its creed in brackets ("… (Marxist-Leninist)") is another party than the one without:
NER leaves the bracket out, the name keeps it, and the build keeps the two apart. Invented article."""

from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from tests.extracted import fact_triples

_ROE = (
    "= Kanu Roe =\n\nKanu Roe (1932 – 23 March 2010) was a Tarnian communist politician. He joined the Communist "
    "Party of Tarnia in 1950. In 1969 he was one of the founding leaders of Communist Party of Tarnia "
    "(Marxist-Leninist) (CPT (ML)). Roe died on 23 March 2010.\n"
)


def test_a_creed_bracket_is_part_of_the_partys_name():
    got = fact_triples(_ROE)
    assert ("Communist Party of Tarnia (Marxist-Leninist)", "leader", "Kanu Roe") in got, got
    assert ("Communist Party of Tarnia", "leader", "Kanu Roe") not in got, got


def test_a_bracket_that_is_no_creed_stays_out_of_the_name():
    got = fact_triples(
        "= Ana Roe =\n\nAna Roe (1932 – 2010) was a Tarnian politician. In 1969 she was one of the founding leaders "
        "of the Tarnian Labour Party (Workers) in Osk.\n"
    )
    assert not any("(Workers)" in s or "(Workers)" in o for s, _, o in got), got


def test_the_two_parties_stay_two_nodes(tmp_path: Path):
    from kg.pipeline import build_graph

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kanu_roe.txt").write_text(_ROE, encoding="utf-8")
    build_graph([tmp_path / "in"], tmp_path / "store", [])
    g = KnowledgeGraph.open(tmp_path / "store")
    creed = g.entity("Communist Party of Tarnia (Marxist-Leninist)")
    plain = g.entity("Communist Party of Tarnia")
    assert creed is not None and plain is not None
    assert creed["iri"] != plain["iri"], (creed, plain)
