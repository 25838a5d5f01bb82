"""Entity resolution: other names the prose states, partial names, and the merges it must not make.

The invented article ``tests/data/mill_league.txt`` goes through the whole pipeline; the guards are
checked on hand-made mentions, so they do not depend on what the parser makes of a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.graph import KnowledgeGraph
from kg.model import Mention
from kg.resolve import resolve_mentions

from .test_relations import _build


def _aliases(g: KnowledgeGraph, name: str) -> list[str]:
    return g.entity(name)["aliases"]


def test_names_the_prose_gives_are_aliases(data_graph: KnowledgeGraph):
    assert "Old Hammer" in _aliases(data_graph, "Dario Quell")  # ", otherwise known as"
    assert "Dunmore Academy" in _aliases(data_graph, "Brennick Textile Institute")  # ", which was also called the"
    assert "Ostravel" in _aliases(data_graph, "Brennick")  # "(now Ostravel)"
    assert "Veland Workers' Union" in _aliases(data_graph, "Unión Obrera de Veland")  # a translation in brackets
    assert "NLC" in _aliases(data_graph, "National Labour Council")
    rows = data_graph.rows(
        "SELECT ?why WHERE { ?st kg:aliasSource ?why ; rdf:subject ?e ; rdf:object ?a }",
        e=ox.NamedNode(data_graph.resolve("Dario Quell")),
    )
    assert any("otherwise known as" in r["why"] for r in rows), "the merge says which words stated it"


def test_two_different_gazetteer_places_are_never_merged(data_graph: KnowledgeGraph):
    # "born in Königsberg, Germany (now Kaliningrad, Russia)": a country, then a town, in one bracket
    for a, b in (("Germany", "Kaliningrad"), ("Königsberg", "Kaliningrad"), ("Germany", "Russia")):
        assert data_graph.resolve(a) != data_graph.resolve(b)


def test_a_renamed_town_is_not_merged_into_a_team_named_after_it(data_graph: KnowledgeGraph):
    # "Ostravel" is Brennick's new name; "the Ostravel Lions" is a team: "Lions" is the team, "Ostravel" is not
    assert data_graph.resolve("Ostravel") != data_graph.resolve("Ostravel Lions")
    assert data_graph.resolve("Lions") == data_graph.resolve("Ostravel Lions")
    assert data_graph.resolve("Brennick") != data_graph.resolve("Brennick Textile Institute")


def test_teams_someone_played_for(data_graph: KnowledgeGraph):
    for team in ("Corran City Rovers", "Ostravel Lions", "Veland United"):
        assert data_graph.entity(team)["type"] == "SportsTeam", team


def test_a_university_is_not_its_own_law_school(data_graph: KnowledgeGraph):
    assert data_graph.resolve("Ardent University") != data_graph.resolve("Ardent University School of Law")


def test_a_family_name_that_is_also_a_town(data_graph: KnowledgeGraph):
    # "Gao Mingyu … Gao later wrote": the family name comes first; the gazetteer's town Gao is not meant
    assert "Gao" in _aliases(data_graph, "Gao Mingyu")
    assert data_graph.entity("Gao Mingyu")["type"] == "Person"


def test_a_first_word_of_a_place_subject_is_the_subject(tmp_path: Path):
    g = _build(
        tmp_path,
        keep=(
            "= Halvard Keep =\n\nHalvard Keep is a castle in Uppland, Sweden. Since Halvard was a favourite "
            "summer residence of the court, the castle was enlarged in 1770.\n"
        ),
    )
    e = g.entity("Halvard Keep")
    assert e["type"] == "Facility" and "Halvard" in e["aliases"]


def _m(start: int, text: str, cls: str, source: str = "ner") -> Mention:
    return Mention("doc", start, start + len(text), text, cls, source, source == "title")


def test_a_name_inside_a_works_title_stays_apart():
    title = _m(0, "Pippo and His Friends", "CreativeWork", "title")
    pippo = _m(40, "Pippo", "Organization")
    res = resolve_mentions([title, pippo], [])
    assert res.entity_of(pippo) is not None and res.entity_of(pippo) != res.entity_of(title)


def test_a_weakly_typed_full_name_takes_its_strongly_typed_surname():
    full = _m(10, "Rolf Dahlin", "Organization")  # NER's guess
    short = _m(60, "Dahlin", "Person", "context")  # "chose Dahlin, a jazz singer"
    res = resolve_mentions([full, short], [])
    assert res.entity_of(full) == res.entity_of(short)
    assert res.entity_of(full).cls == "Person"


def test_whole_institution_names_are_not_parts_of_longer_ones():
    school = _m(10, "Barry University School of Medicine", "EducationalInstitution", "keyword")
    uni = _m(80, "Barry University", "EducationalInstitution", "keyword")
    council = _m(120, "Legislative Council of Ceylon", "GovernmentBody", "keyword")
    short = _m(170, "Legislative Council", "GovernmentBody", "keyword")
    res = resolve_mentions([school, uni, council, short], [])
    assert res.entity_of(school) != res.entity_of(uni)
    assert res.entity_of(council) == res.entity_of(short)  # "of Ceylon" only says which council


def test_an_occupation_before_a_name_is_not_part_of_it(tmp_path: Path):
    g = _build(
        tmp_path,
        note=(
            "= Calder Reform Act =\n\nThe Calder Reform Act is a law of 1998. Historian Lena Marsh of the "
            "University of Calder called it a turning point.\n"
        ),
    )
    assert g.entity("Lena Marsh")["label"] == "Lena Marsh"
    assert ("employer", "University of Calder") in {(f["relation"], f["object"]) for f in g.facts(subject="Lena Marsh")}


def test_singular_and_plural_of_a_thing_are_one_but_a_family_is_not_its_member():
    games = _m(10, "Nordic Games", "Event")  # noise around the pair under test
    one = _m(40, "Olympiad", "Event")
    many = _m(80, "Olympiads", "Event")
    person = _m(120, "Tarvo", "Person")
    family = _m(160, "Tarvos", "Person")  # "the Tarvos": the family, not the man
    res = resolve_mentions([games, one, many, person, family], [])
    assert res.entity_of(one) == res.entity_of(many)
    assert res.entity_of(person) != res.entity_of(family)
