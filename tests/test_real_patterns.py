"""Patterns real articles showed (issue: Real Wikipedia articles in), on invented articles of tests/data:
who "the group" is, headings that are not events, banned vs dissolved, namesakes in two countries,
a town name with records in two countries, gazetteer facts citing their sentence."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.gazetteer import gazetteer
from kg.graph import KnowledgeGraph


def _facts(g: KnowledgeGraph, subject: str, relation: str | None = None) -> set[tuple[str, str]]:
    return {(f["relation"], str(f["object"])) for f in g.facts(subject=subject, relation=relation)}


def test_the_group_is_the_subject_unless_another_group_is_the_sentence_subject(data_graph: KnowledgeGraph):
    # "The Red Dawn Brigade, a rival armed group, fought the front …. The group was led by Mauro Quilca."
    assert ("leader", "Mauro Quilca") in _facts(data_graph, "Red Dawn Brigade", "leader")
    front = _facts(data_graph, "Cordillera Workers' Front", "leader")
    assert ("leader", "Mauro Quilca") not in front
    # "The front also clashed with the Puna Peasant League …. The group was then led by Ramiro Cusi."
    assert ("leader", "Ramiro Cusi") in front
    assert not data_graph.facts(subject="Puna Peasant League", relation="leader")


def test_headings_without_an_event_are_not_events(data_graph: KnowledgeGraph):
    for heading in ("Formation", "Registration", "Imprisonment", "Rivals"):
        with pytest.raises(KgError):
            data_graph.entity(heading)
    siege = data_graph.entity("Siege of the Port")
    assert siege["type"] == "Conflict"
    with pytest.raises(KgError):  # "Siege of the Port" makes no town called Port
        data_graph.entity("Port")


def test_banned_and_dissolved_keep_their_own_dates(data_graph: KnowledgeGraph):
    facts = _facts(data_graph, "Cordillera Workers' Front")
    assert ("banned", "1987") in facts
    assert ("dissolved", "1990") in facts
    assert ("dissolved", "1987") not in facts


def test_namesake_parties_of_two_countries_stay_apart(data_graph: KnowledgeGraph):
    chile = data_graph.entity("Socialist Party (Chile)")
    france = data_graph.entity("Socialist Party (France)")
    assert chile["label"] != france["label"]
    assert "Socialist Party" in chile["aliases"] and "Socialist Party" in france["aliases"]
    assert ("memberOfParty", "Socialist Party (Chile)") in _facts(data_graph, "Tomás Errázuriz Vial")
    assert ("memberOfParty", "Socialist Party (France)") in _facts(data_graph, "Odile Marchand")
    assert ("memberOfParty", "Socialist Party (Chile)") not in _facts(data_graph, "Odile Marchand")
    with pytest.raises(KgError, match=r"(?i)ambiguous|candidates|several"):
        data_graph.entity("Socialist Party")


def test_a_town_with_records_in_two_countries_is_linked_by_the_article(data_graph: KnowledgeGraph):
    rows = data_graph.rows(
        "SELECT ?g WHERE { ?e rdfs:label 'London' ; kg:gazetteerMatch ?g }",
    )
    assert [str(r["g"]) for r in rows] == ["https://sws.geonames.org/2643743/"]  # London, England
    assert ("country", "Canada") not in _facts(data_graph, "London")


def test_gazetteer_facts_cite_the_sentence_not_the_paragraph(data_graph: KnowledgeGraph):
    (fact,) = [f for f in data_graph.facts(subject="Toronto", relation="country") if f["extractor"].startswith("gaz")]
    assert fact["sentence"].startswith("The union organised the docks")
    assert fact["sentence"].endswith("formed in 1903.")


def test_gazetteer_resolve_decides_or_abstains():
    g = gazetteer()
    assert g.resolve("London").country == "GB"  # one record dwarfs the other
    assert g.resolve("London", context=frozenset({"CA"})).country == "CA"
    assert g.resolve("London", stated=frozenset({"FR"})) is None  # no London in France
    assert g.resolve("Córdoba") is None  # Argentina and Spain: nothing decides
    assert g.resolve("Córdoba", context=frozenset({"AR", "ES"})) is None
    assert g.resolve("Córdoba", stated=frozenset({"ES"})).country == "ES"


def test_an_acronym_that_spells_a_country_does_not_swallow_it(data_graph: KnowledgeGraph):
    # a party abbreviated "CHILE": the country stays the country, the party keeps its acronym
    party = data_graph.entity("Civic Humanist Initiative for Liberty and Equality")
    assert "CHILE" in party["aliases"] and "Chile" not in party["aliases"]
    assert ("country", "Chile") in _facts(data_graph, "Civic Humanist Initiative for Liberty and Equality")
    assert ("country", "Chile") in _facts(data_graph, "Santiago")
    assert ("citizenship", "Chile") in _facts(data_graph, "Marta Godoy")
    assert not data_graph.facts(subject="Santiago", object="Civic Humanist Initiative for Liberty and Equality")


def test_a_peoples_name_of_two_adjectives_is_no_country():
    from kg.gazetteer import gazetteer

    g = gazetteer()
    assert g.demonym("Indian") == "IN" and g.demonym("American") == "US"


def test_a_demonym_inside_a_peoples_name_gives_no_country(data_graph: KnowledgeGraph):
    facts = _facts(data_graph, "Plains American Indian Movement")
    assert ("country", "United States") in facts
    assert not any(o == "India" for _, o in facts)


def test_a_verb_takes_its_own_date_not_one_of_an_earlier_phrase(tmp_path):
    from kg.pipeline import build_graph

    (tmp_path / "front.txt").write_text(
        "= Tesk Liberation Front =\n\nThe Tesk Liberation Front is an armed group. Following the Karsvik "
        "massacre in 1968, the Tesk Liberation Front was established clandestinely in 1969 by students.\n",
        encoding="utf-8",
    )
    build_graph([tmp_path / "front.txt"], tmp_path / "st", [])
    g = KnowledgeGraph.open(tmp_path / "st")
    assert _facts(g, "Tesk Liberation Front", "inception") == {("inception", "1969")}
