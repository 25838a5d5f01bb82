"""A doctrine's adjective before an acronym is a description, not part of the name: "the
Marxist–Leninist TPLA" is the TPLA, whose ideology is Marxism–Leninism; the -ist adjectives of the
doctrines ("Maoist", "nationalist") name them."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.pipeline import build_graph

_ARTICLE = (
    "= Ilan Varesh =\n\n"
    "Ilan Varesh (13 May 1930 – 26 March 2008) was a guerrilla leader. He led the Marxist–Leninist TPLA, a "
    "guerrilla army, from 1960. In 1960 he joined the Communist Party of Tesk. The Varesh Youth League was "
    "a nationalist organisation founded in 1934.\n"
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    d = tmp_path_factory.mktemp("creeds")
    (d / "articles").mkdir()
    (d / "articles" / "ilan_varesh.txt").write_text(_ARTICLE, encoding="utf-8")
    build_graph([d / "articles"], d / "store", [d / "out.nq"])
    return KnowledgeGraph.open(d / "store")


def _facts(g: KnowledgeGraph, subject: str) -> set[tuple[str, str]]:
    return {(f["relation"], str(f["object"])) for f in g.facts(subject=subject)}


def test_a_creed_before_an_acronym_is_its_ideology(graph: KnowledgeGraph):
    army = graph.entity("TPLA")
    assert ("ideology", "Marxism–Leninism") in _facts(graph, army["label"])
    with pytest.raises(KgError):
        graph.entity("Marxist–Leninist TPLA")


def test_a_party_keeps_the_creed_of_its_name(graph: KnowledgeGraph):
    assert graph.entity("Communist Party of Tesk")["type"] == "PoliticalParty"


def test_a_nationalist_organisation_has_nationalism(graph: KnowledgeGraph):
    assert ("ideology", "Nationalism") in _facts(graph, "Varesh Youth League")
