"""A party founded by a body ("founded in 1920 by the Dergan, … a committee of officers") has that
body as its founder, and the body is no person: it is no member of the party it founded."""

from __future__ import annotations

import pytest

from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

_ARTICLE = (
    "= Varnish Workers' Party =\n\n"
    "The Varnish Workers' Party was a communist party in Varnia from 1920 to 1931. It was founded in 1920 "
    "by the Dergan, the ruling junta of Varnia.\n\n"
    "== History ==\n"
    "In 1914, the Dergan, a committee of low-ranking officers in the Varnish Army, overthrew Emperor Tolo "
    "Masan. In 1925 the Drovna, a junta of colonels, joined the Dergan.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("founding_bodies"), {"varnish_workers_party.txt": _ARTICLE})


def test_a_ruling_committee_is_a_body_not_a_person(graph: KnowledgeGraph):
    assert graph.entity("Dergan")["type"] in ("Organization", "GovernmentBody")
    assert ("memberOfParty", "Varnish Workers' Party") not in facts_of(graph, "Dergan")


def test_a_body_can_found_a_party(graph: KnowledgeGraph):
    assert ("foundedBy", "Dergan") in facts_of(graph, "Varnish Workers' Party")


def test_a_junta_is_a_government_body(graph: KnowledgeGraph):
    assert graph.entity("Drovna")["type"] == "GovernmentBody"
