"""The blind fact-check's patterns on 8ceb82d, in invented articles: a people's name before "village",
"people", "family" is no place; "in A, B, C and D" is a list, no chain of places; a name cut by NER at its
particle ("Fatima bint Abdallah") is one person; a country's navy is not located in the country its name
holds; a combatant's supporters are no participants; three children run together in one item are three."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from tests.extracted import graph_of

_PEOPLE = (
    "= Lindiwe Sora =\n\n"
    "- Name: Lindiwe Sora\n"
    "- Birth Date: 4 May 1931\n\n"
    "Lindiwe Sora (4 May 1931 – 2 June 1999) was a Kenyan trade unionist. Sora was born in a Kikuyu village "
    "in central Kenya in 1931.\n\n"
    "== Early life ==\n"
    "Sora was born in a small Hausa village. Her father was a teacher in an Igbo town near Enugu. She grew up "
    "in a Tamil village in Jaffna. The Tarn Front was active in the Hausa people's region of the north. She "
    "later lived among an Igbo community in Lagos.\n"
)

_LIST = (
    "= Vesk Workers League =\n\n"
    "- Name: Vesk Workers League\n\n"
    "The Vesk Workers League is a political party in Spain. It has branches in Orvania, Varnia, Madrid and "
    "Valencia. It campaigned in Tarsela, Vendra, Oskom, and Pellin. It has offices in Brosk, Varnia and "
    "Madrid. Its founder was born in Ghent, Flanders, "
    "Belgium.\n"
)

_PARTICLES = (
    "= Karim ben Salah =\n\n"
    "- Name: Karim ben Salah\n"
    "- Father: Mahmoud ben Youssef\n\n"
    "Karim ben Salah (4 May 1931 – 2 June 1999) was a Tunisian politician. He was the son of Mahmoud ben "
    "Youssef and Aicha bint Ali. His brother Omar ibn Hassan was a poet. He married Fatima bint Abdallah in "
    "1960. He was succeeded by Ahmed ould Daddah. He studied under Jose dos Santos.\n"
)

_COUP = (
    "= Operation Dawnfall =\n\n"
    "- Name: Operation Dawnfall\n"
    "- Date: 4 May 1971\n"
    "- Combatant1: Ghana Supported by: Togo, Benin\n"
    "- Combatant2: Volta rebels\n"
    "- Units1: Ghanaian Navy, Ghana Sixth Fleet\n\n"
    "Operation Dawnfall was a military coup in Ghana on 4 May 1971. The Ghanaian Navy shelled the coast. The "
    "Ghana Sixth Fleet blockaded the port.\n"
)

_CHILDREN = (
    "= Pedro Ruiz Vela =\n\n"
    "- Name: Pedro Ruiz Vela\n"
    "- Children: 3, including Ana Ruiz Tomas Ruiz Ines Ruiz\n\n"
    "Pedro Ruiz Vela (4 May 1931 – 2 June 1999) was a Spanish politician.\n"
)

_GLUED = (
    "= Rosa Mena Lago =\n\n"
    "- Name: Rosa Mena Lago\n"
    "- Children: Julia MenaCarlos Mena\n\n"
    "Rosa Mena Lago (4 May 1931 – 2 June 1999) was a Spanish politician.\n"
)

_ARTICLES = {
    "lindiwe_sora.txt": _PEOPLE,
    "vesk_workers_league.txt": _LIST,
    "karim_ben_salah.txt": _PARTICLES,
    "operation_dawnfall.txt": _COUP,
    "pedro_ruiz_vela.txt": _CHILDREN,
    "rosa_mena_lago.txt": _GLUED,
}
_PLACE_CLASSES = ("City", "Place", "AdministrativeRegion", "Country")


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("fcpat"), _ARTICLES)


@pytest.mark.parametrize("people", ["Kikuyu", "Hausa", "Igbo", "Tamil"])
def test_a_people_before_village_people_or_town_is_no_place(graph: KnowledgeGraph, people: str):
    for relation in ("birthPlace", "locatedIn", "residence"):
        assert people not in {str(f["object"]) for f in graph.facts(relation=relation)}
    try:
        entity = graph.entity(people)
    except KgError:
        return
    assert entity["type"] not in _PLACE_CLASSES


def test_a_list_of_places_after_a_name_and_its_comma_is_no_chain(graph: KnowledgeGraph):
    located = {(str(f["subject"]), str(f["object"])) for f in graph.facts(relation="locatedIn")}
    for inner, outer in [("Varnia", "Madrid"), ("Orvania", "Varnia"), ("Madrid", "Valencia"),
                         ("Vendra", "Oskom"), ("Tarsela", "Vendra"), ("Brosk", "Varnia")]:
        assert (inner, outer) not in located
    assert ("Ghent", "Flanders") in located  # a chain with nothing listed before it stays one


@pytest.mark.parametrize(
    ("relation", "name"),
    [("father", "Mahmoud ben Youssef"), ("sibling", "Omar ibn Hassan"), ("spouse", "Fatima bint Abdallah"),
     ("replacedBy", "Ahmed ould Daddah")],
)
def test_a_name_particle_keeps_the_name_whole(graph: KnowledgeGraph, relation: str, name: str):
    objects = {str(f["object"]) for f in graph.facts(subject="Karim ben Salah", relation=relation)}
    assert name in objects
    assert not objects & {"Mahmoud", "Hassan", "Abdallah", "Fatima", "Ahmed", "Daddah"}


def test_a_parent_after_and_is_the_whole_name(graph: KnowledgeGraph):
    parents = {str(f["subject"]) for f in graph.facts(relation="child", object="Karim ben Salah")}
    assert "Ali" not in parents
    assert "Aicha bint Ali" in parents


def test_a_country_s_unit_is_that_country_s_not_located_in_it(graph: KnowledgeGraph):
    for unit in ("Ghanaian Navy", "Ghana Sixth Fleet"):
        assert not graph.facts(subject=unit, relation="locatedIn")
    assert ("country", "Ghana") in {(f["relation"], str(f["object"])) for f in graph.facts(subject="Ghanaian Navy")}


def test_a_supporter_of_a_side_is_no_participant(graph: KnowledgeGraph):
    participants = {str(f["object"]) for f in graph.facts(subject="Operation Dawnfall", relation="participant")}
    assert "Ghana" in participants
    assert not participants & {"Togo", "Benin", "Ghana Supported by: Togo"}


@pytest.mark.parametrize(
    ("parent", "children"),
    [("Pedro Ruiz Vela", {"Ana Ruiz", "Tomas Ruiz", "Ines Ruiz"}), ("Rosa Mena Lago", {"Julia Mena", "Carlos Mena"})],
)
def test_children_run_together_are_each_a_child(graph: KnowledgeGraph, parent: str, children: set[str]):
    assert {str(f["object"]) for f in graph.facts(subject=parent, relation="child")} == children
