"""A doctrine's adjective before an acronym is a description, not part of the name: "the
Marxist–Leninist TPLA" is the TPLA, whose ideology is Marxism–Leninism; the -ist adjectives of the
doctrines ("Maoist", "nationalist") name them."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

_ARTICLE = (
    "= Ilan Varesh =\n\n"
    "Ilan Varesh (13 May 1930 – 26 March 2008) was a guerrilla leader. He led the Marxist–Leninist TPLA, a "
    "guerrilla army, from 1960. In 1960 he joined the Communist Party of Tesk. The Varesh Youth League was "
    "a nationalist organisation founded in 1934.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("creeds"), {"ilan_varesh.txt": _ARTICLE})



def test_a_creed_before_an_acronym_is_its_ideology(graph: KnowledgeGraph):
    army = graph.entity("TPLA")
    assert ("ideology", "Marxism–Leninism") in facts_of(graph, army["label"])
    with pytest.raises(KgError):
        graph.entity("Marxist–Leninist TPLA")


def test_a_party_keeps_the_creed_of_its_name(graph: KnowledgeGraph):
    assert graph.entity("Communist Party of Tesk")["type"] == "PoliticalParty"


def test_a_nationalist_organisation_has_nationalism(graph: KnowledgeGraph):
    assert ("ideology", "Nationalism") in facts_of(graph, "Varesh Youth League")
