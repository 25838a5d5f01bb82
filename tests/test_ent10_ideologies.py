"""Doctrines named in prose (kg/extract/entities/ideologies.py) and the facts they take part in:
influenced by, embraced, a doctrine's adjective right before an organisation's name."""

from __future__ import annotations

import pytest

from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

_ARTICLE = (
    "= Ana Vero =\n\n"
    "Ana Vero (born 1930) was a guerrilla leader and journalist. She later joined the socialist Tesk "
    "Workers' League. She was deeply influenced by Marxism and embraced Maoism in 1965. "
    "Journalism was her first trade. Terrorism rose in the 1970s, and the revival of anarchism followed. "
    "She wrote on Arab nationalism and on the Marxism–Leninism of the league.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(tmp_path_factory.mktemp("ideologies"), {"ana_vero.txt": _ARTICLE})



def test_a_doctrine_named_in_prose_is_an_ideology(graph: KnowledgeGraph):
    facts = facts_of(graph, "Ana Vero")
    assert ("influencedBy", "Marxism") in facts
    assert ("ideology", "Maoism") in facts
    assert graph.entity("Marxism")["type"] == "Ideology"


def test_words_in_ism_that_name_no_doctrine_are_none(graph: KnowledgeGraph):
    labels = {r["l"] for r in graph.rows("SELECT ?l WHERE { ?e a kg:Ideology ; rdfs:label ?l }")}
    assert not {"Journalism", "Terrorism"} & labels


def test_an_adjective_right_before_a_party_s_name_is_its_doctrine(graph: KnowledgeGraph):
    assert ("ideology", "Socialism") in facts_of(graph, "Tesk Workers' League")


def test_the_ideology_mentions_of_a_sentence():
    from kg.extract.entities.ideologies import ideology_mentions
    from kg.nlp import load_nlp

    text = "Terrorism rose. He wrote on Arab nationalism, anarchism and Pan-Arabism. Marxism spread. The Criticism"
    doc = load_nlp()(text)
    names = [m.text for m in ideology_mentions("x", doc, 0, [], text)]
    assert names == ["Arab nationalism", "Anarchism", "Pan-Arabism", "Marxism"]
