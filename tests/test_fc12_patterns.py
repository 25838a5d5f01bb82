"""The blind fact-check's wrong patterns on session 18's first integrated build, on invented articles:
"Predecessor: Himself", a bare office as a leader, two parents on one line, a predecessor of another
title, a hyphened war's name, a citizenship from the country an article names most when the lead
gives another nationality."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

_PERSON = """= Omar Tavesh =
Omar Tavesh

- Name: Omar Tavesh
- Office: President of the People's Republic of Lindora
- Predecessor: Sultan Idris bin Harun
- Successor: Position abolished
- Office2: Chairman of the Lindora Unity Party
- Predecessor2: Himself
- Parents: Yusuf Tavesh (father) Amina Kassim (mother)

""" + (
    "Omar Tavesh (born 1921) was a Malayan guerrilla leader. He fought in the 1962 Sino-Indian War as a "
    "volunteer. In 1950 Britain revoked his OBE. Britain later banned his books.\n"
)

_PARTY = """= Lindora Unity Party =
Lindora Unity Party

- Name: Lindora Unity Party
- Leader: President
- Founder: Omar Tavesh

The Lindora Unity Party is a political party.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("fc12"), {"omar_tavesh.txt": _PERSON, "lindora_unity_party.txt": _PARTY})



def test_himself_and_an_office_s_end_are_nobody(graph: KnowledgeGraph):
    for name in ("Himself", "Position abolished"):
        with pytest.raises(KgError):
            graph.entity(name)
    assert not any(o in ("Himself", "Position abolished") for _, o in facts_of(graph, "Omar Tavesh"))


def test_a_bare_office_is_no_leader(graph: KnowledgeGraph):
    assert not any(r == "leader" and o == "President" for r, o in facts_of(graph, "Lindora Unity Party"))


def test_two_parents_on_one_line_are_two_people(graph: KnowledgeGraph):
    facts = facts_of(graph, "Omar Tavesh")
    assert ("father", "Yusuf Tavesh") in facts
    assert ("mother", "Amina Kassim") in facts


def test_a_predecessor_with_a_ruler_s_title_held_another_office(graph: KnowledgeGraph):
    sultan = next(o for r, o in facts_of(graph, "Omar Tavesh") if r == "replaces")
    assert "Idris bin Harun" in sultan
    assert not any(r == "positionHeld" and "President" in o for r, o in facts_of(graph, sultan))


def test_a_hyphened_war_is_one_conflict(graph: KnowledgeGraph):
    war = graph.entity("1962 Sino-Indian War")
    assert war["type"] == "Conflict"
    with pytest.raises(KgError):
        graph.entity("Indian War")


def test_the_lead_s_nationality_outweighs_the_country_named_most(graph: KnowledgeGraph):
    assert not any(r == "citizenship" for r, _ in facts_of(graph, "Omar Tavesh"))
