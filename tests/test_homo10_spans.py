"""Names NER cuts or runs on, in real articles' prose: head-first native names ("Frente de …",
"Central Única dos …"), a year run into a name ("the Party of the Poor in 1967"), a plural owner
cut from its name ("the Peasants' Brigade …")."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.extract.entities.classes import typed_name
from kg.extract.entities.native_heads import native_class
from kg.graph import KnowledgeGraph
from tests.extracted import graph_of

_ARTICLE = (
    "= Ilídio Mavume =\n\n"
    "Ilídio Mavume (4 May 1931 – 2 June 1999) was a trade unionist and guerrilla leader.\n\n"
    "== Career ==\n"
    "Mavume led the Central Única dos Operários from 1960. In 1967 Mavume founded the Party of the "
    "Dispossessed in 1967 with Lucas Ndlovu. The Frente de Libertação de Quelundo was founded in 1962.\n"
)


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Frente de Libertação de Quelundo", "Organization"),
        ("the Ejército de Liberación del Sur", "ArmedGroup"),
        ("Partido Obrero Quelundés", "PoliticalParty"),
        ("Universidade de Quelundo", "EducationalInstitution"),
        ("Central Única dos Operários", "Organization"),
        ("Central Bank", None),  # English: the head comes last
        ("Frente", None),  # one word: no name of a body
        ("Marta Frente", None),
    ],
)
def test_a_head_first_name_takes_its_first_words_class(name: str, cls: str | None):
    assert native_class(name) == cls


def test_a_head_first_name_tagged_a_place_is_the_head_s_class():
    assert typed_name("Frente de Libertação de Quelundo", "FAC") == ("Organization", "keyword")
    assert typed_name("Quelundo", "GPE") != ("Organization", "keyword")


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("spans"), {"ilidio_mavume.txt": _ARTICLE})


def test_a_native_name_cut_before_its_particle_is_whole(graph: KnowledgeGraph):
    union = graph.entity("Central Única dos Operários")
    assert union["type"] != "Place"
    with pytest.raises(KgError):
        graph.entity("Central Única")


def test_a_year_after_a_name_is_not_part_of_it(graph: KnowledgeGraph):
    party = graph.entity("Party of the Dispossessed")
    assert "1967" not in party["label"]
    with pytest.raises(KgError):
        graph.entity("Party of the Dispossessed in 1967")
