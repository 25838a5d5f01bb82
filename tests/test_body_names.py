"""Names of one body, one person or one party that a real article gives in several forms (invented
articles): a body with its country's demonym and "of" the country, a party's distinctive word alone, a
state's name before an armed force's head word, a link's target and its shown words in one box list,
"Sir" before a name in a box list, a lone flag code, and "Originally known as X, or simply Y, the group"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.tables import keyword_class
from kg.graph import KnowledgeGraph
from tests.extracted import facts_of, graph_of

ARTICLES = Path(__file__).parent / "bodies"  # invented articles


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return graph_of(
        tmp_path_factory.mktemp("bodies"),
        {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))},
    )


def _names(g: KnowledgeGraph, label: str) -> set[str]:
    e = g.entity(label)
    return {str(e["label"]), *map(str, e["aliases"])}


def _labels(g: KnowledgeGraph) -> set[str]:
    return {str(r["l"]) for r in g.rows("SELECT DISTINCT ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } }")}


def test_other_names_before_the_group_are_the_subjects(graph: KnowledgeGraph):
    names = _names(graph, "Stormriders Front")
    assert {"Stormriders Front Organization", "SFO", "Stormbringer"} <= names
    assert "Stormbringer" not in _labels(graph) - names


def test_a_party_s_word_alone_and_a_body_in_two_forms_are_one(graph: KnowledgeGraph):
    labels = _labels(graph)
    assert "Harvest" not in labels  # "Harvest won a majority": the Harvest Party
    party = _names(graph, "Harvest Party")
    assert "Harvest" in party or "HP" in party
    guards = {lab for lab in labels if "National Guard" in lab}
    assert len(guards) == 1, guards


def test_sir_before_a_box_name_is_a_person(graph: KnowledgeGraph):
    people = [lab for lab in _labels(graph) if lab.endswith("Brecken")]
    assert people == ["Alan Brecken"]
    assert graph.entity("Alan Brecken")["type"] == "Person"
    assert ("participant", "Alan Brecken") in facts_of(graph, "1981 Tarsk budget crisis")


def test_a_state_s_name_before_a_force_and_its_shown_words(graph: KnowledgeGraph):
    assert keyword_class("Republic of Fiji Defence Forces") == "MilitaryUnit"
    assert keyword_class("Republic of Fiji") == "Country"
    labels = _labels(graph)
    assert "Defence Forces" not in labels
    event = facts_of(graph, "1994 Ostran mutiny")
    assert any(o == "Republic of Fiji Defence Forces" for _, o in event)


def test_a_lone_flag_code_names_no_body(graph: KnowledgeGraph):
    assert "GHA" not in _labels(graph)
