"""The blind fact-check's patterns on be9bee7: "the Zanu village of Kwandile" is Kwandile (the name
before the place noun is its people's, no birthplace), and a number with its lower-case words
("94,971 union representatives") is a count, no member."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.extract.junk import junk_name
from kg.graph import KnowledgeGraph
from tests.extracted import graph_of

_ARTICLE = (
    "= Sipho Ndaba =\n\n"
    "- Name: Sipho Ndaba\n"
    "- Birth Date: 4 May 1931\n\n"
    "Sipho Ndaba (4 May 1931 – 2 June 1999) was a trade unionist. He was born in the Zanu village of "
    "Kwandile, and later moved to Durban.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("fc13"), {"sipho_ndaba.txt": _ARTICLE})


def test_the_people_before_a_village_of_a_name_is_no_place(graph: KnowledgeGraph):
    places = {str(f["object"]) for f in graph.facts(subject="Sipho Ndaba", relation="birthPlace")}
    assert "Kwandile" in places
    assert "Zanu" not in places
    try:
        zanu = graph.entity("Zanu")
    except KgError:
        return
    assert zanu["type"] not in ("City", "Place", "AdministrativeRegion")


@pytest.mark.parametrize(
    ("name", "junk"),
    [("94,971 union representatives", True), ("~300 armed fighters", True), ("1 May Movement", False),
     ("17 November", False), ("30 September Movement", False)],
)
def test_a_number_and_its_lower_case_words_is_a_count(name: str, junk: bool):
    assert junk_name(name) is junk
