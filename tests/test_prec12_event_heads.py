"""A name the tagger calls a facility or a place but whose last word names an event ("the Great
Lyon Lockout", "the Tesk Crisis") is that event: it took place in the town its name holds
(location), not a building located in it."""

from __future__ import annotations

import pytest

from kg.extract.entities.classes import class_of_name
from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

_ARTICLE = (
    "= Varnish Citizen Guard =\n\n"
    "The Varnish Citizen Guard was a paramilitary group first formed in Lyon to defend the picket lines of "
    "the Varnish Dockers' Union against the police during the Great Lyon Lockout of 1911. It met at the "
    "Lyon Union Hall.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("event_heads"), {"varnish_citizen_guard.txt": _ARTICLE})


def test_a_lockout_is_an_event_in_its_town(graph: KnowledgeGraph):
    assert graph.entity("Great Lyon Lockout")["type"] == "Event"
    facts = facts_of(graph, "Great Lyon Lockout")
    assert ("location", "Lyon") in facts
    assert ("locatedIn", "Lyon") not in facts


def test_an_event_word_at_the_end_outweighs_a_facility_label():
    assert class_of_name("Tesk Crisis", "FAC") == "Conflict"
    assert class_of_name("Great Varno Lockout", "FAC") == "Event"


def test_a_facility_named_after_an_event_stays_a_facility():
    assert class_of_name("Revolution Square", "FAC") == "Facility"
    assert class_of_name("Varno Strike Memorial", "FAC") == "Facility"


_ELECTION = (
    "= 1931 Zambian general election =\n"
    "- Election Name: 1931 Zambian general election\n"
    "- Country: Zambia\n"
    "- Party1: Zambian Congress\n"
    "- Party2: Tesk Workers' Party\n\n"
    "General elections were held in Zambia in 1931. The result was a victory for the Zambian Congress, winning "
    "40 of the 60 seats. The Zambian Assembly met in March.\n"
)


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("congress_party"), {"1931_zambian_general_election.txt": _ELECTION})


def test_a_congress_the_infobox_lists_as_a_party_governs_nothing(election: KnowledgeGraph):
    facts = facts_of(election, "Zambian Congress")
    assert election.entity("Zambian Congress")["type"] == "PoliticalParty"
    assert ("country", "Zambia") in facts
    assert ("jurisdiction", "Zambia") not in facts


def test_an_assembly_of_the_country_still_governs_it(election: KnowledgeGraph):
    assert ("jurisdiction", "Zambia") in facts_of(election, "Zambian Assembly")
