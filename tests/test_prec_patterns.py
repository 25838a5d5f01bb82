"""Precision patterns a blind fact-check of real articles found (issue 14), each on an invented article:
a bracket note read as a successor, a hedged attack stated as fact, a degree read as a school, a
treaty's parties read as its members, a language read as a country."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from tests.extracted import fact_triples

LEAGUE = """= Harbour Workers' League =
- Name: Harbour Workers' League
- Founded: 1949
- Merged: Coastal Labour Front, (Great Renewal (Velmaria), 1975)
- Attacks: Dock Bombing of 1970, Rail Strike Attack (suspected)

The Harbour Workers' League is a Velmarian political party. It was founded in 1949 in Port Arlen.
"""

TREATY = """= Tarsi Accord =
- Name: Tarsi Accord
- Type: Peace treaty
- Signed: 2 July 1972
- Parties: Republic of Velmaria, Kingdom of Ostrel
- Languages: Velmarian, English, Spanish

The Tarsi Accord was a peace treaty signed by Velmaria and Ostrel in 1972.
"""

ACTIVIST = """= Marta Quillen =
- Name: Marta Quillen
- Born: 3 March 1941, Dorrow, Ireland
- Education: Bachelor of Arts in Political Economy and History, University of Galway

Marta Quillen (born 3 March 1941) is an Irish activist.
"""


def test_a_bracket_note_after_a_merger_is_no_successor():
    # "Merged: X, (Programme Y (Country), 1975)": the bracket is the programme under which it merged
    facts = fact_triples(LEAGUE)
    assert ("Harbour Workers' League", "replacedBy", "Coastal Labour Front") in facts
    assert not any(o.startswith("Great Renewal") for _, _, o in facts)


def test_a_suspected_attack_is_no_fact():
    facts = fact_triples(LEAGUE)
    assert ("Harbour Workers' League", "participantIn", "Dock Bombing of 1970") in facts
    assert not any("Rail Strike" in o for _, _, o in facts)


def test_a_degree_is_no_school():
    facts = fact_triples(ACTIVIST)
    assert ("Marta Quillen", "educatedAt", "University of Galway") in facts
    assert not any(r == "educatedAt" and "Bachelor" in o for _, r, o in facts)


@pytest.fixture(scope="module")
def treaty_graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    from kg.pipeline import build_graph

    d = tmp_path_factory.mktemp("prec")
    (d / "articles").mkdir()
    (d / "articles" / "tarsi_accord.txt").write_text(TREATY, encoding="utf-8")
    build_graph([Path(d / "articles")], d / "store", [])
    return KnowledgeGraph.open(d / "store")


def _facts(g: KnowledgeGraph, subject: str) -> set[tuple[str, str]]:
    return {(f["relation"], str(f["object"])) for f in g.facts(subject=subject)}


def test_a_treatys_parties_are_its_participants_not_members(treaty_graph: KnowledgeGraph):
    facts = _facts(treaty_graph, "Tarsi Accord")
    assert ("participant", "Republic of Velmaria") in facts
    assert ("participant", "Kingdom of Ostrel") in facts
    assert not _facts(treaty_graph, "Republic of Velmaria") & {("memberOf", "Tarsi Accord")}


def test_a_language_is_no_country(treaty_graph: KnowledgeGraph):
    facts = _facts(treaty_graph, "Tarsi Accord")
    assert ("officialLanguage", "English") in facts
    assert ("officialLanguage", "Spanish") in facts
    assert not any(o in ("England", "Spain") for _, o in facts)
    assert treaty_graph.entity("English")["type"] == "Language"


def _person(body: str) -> set[tuple[str, str, str]]:
    lead = "Dara Quillen (3 March 1941 – 5 May 1990) was an Irish engineer."
    return fact_triples(f"= Dara Quillen =\n- Name: Dara Quillen\n\n{lead}\n{body}\n")


def test_an_organisation_the_tagger_took_for_a_person_has_no_citizenship():
    # "the Italian far-left terrorist organization Red Legions": NER tags the group a person
    facts = fact_triples(
        "= Dara Quillen =\n- Name: Dara Quillen\n\nDara Quillen (born 3 March 1941) is the former leader of the "
        "Irish far-left terrorist organization Red Legions (Legioni Rossi), responsible for the kidnapping and "
        "murder of the former Irish prime minister Sean Verra.\n"
    )
    assert not any(s == "Red Legions" and r == "citizenship" for s, r, _ in facts)
    assert ("Sean Verra", "citizenship", "Irish") in facts


def test_a_siblings_bracket_is_the_name_before_it_alone():
    facts = _person(
        "Born of an affair between Tomas Quillen (brother of film director Seamus Quillen) and Aine Rourke, "
        "Quillen was born at Ballina."
    )
    siblings = {frozenset((s, o)) for s, r, o in facts if r == "sibling"}
    assert frozenset(("Tomas Quillen", "Seamus Quillen")) in siblings
    assert siblings == {frozenset(("Tomas Quillen", "Seamus Quillen"))}


def test_a_province_after_the_town_is_no_birthplace():
    born_at = _person("Quillen was born at Tuam, in the province of Galway, on 3 March 1941.")
    assert not any(r == "birthPlace" and o == "Galway" for _, r, o in born_at)
    born_in = _person("He was born in Ballina, in the province of Mayo, Ireland.")
    assert ("Dara Quillen", "birthPlace", "Ballina") in born_in
    assert ("Ballina", "locatedIn", "Mayo") in born_in
    assert not any(r == "birthPlace" and o == "Mayo" for _, r, o in born_in)


def test_a_street_keeps_its_head_word():
    # "Rua do Desterro": the street, never the town "Desterro" (an old name of a Brazilian city);
    # "the Baixa do Sapateiro neighbourhood": the neighbourhood, not "Sapateiro"
    lead = "Dara Quillen (3 March 1941 – 5 May 1990) was a Brazilian engineer."
    body = (
        "He spent his young life at a house in Rua do Desterro, at the Baixa do Sapateiro neighbourhood, "
        "where he would graduate from primary school."
    )
    facts = fact_triples(f"= Dara Quillen =\n- Name: Dara Quillen\n\n{lead}\n{body}\n")
    names = {x for f in facts for x in (f[0], f[2])}
    assert "Desterro" not in names and "Sapateiro" not in names
    assert ("Rua do Desterro", "country", "Brazilian") in facts


def test_a_place_name_with_a_joiner_is_one_name():
    # "Ícolo e Bengo" tagged as two places: one province, not "Bengo"
    facts = _person("He was born at Caxicane, in Ícolo e Bengo, a province of Portuguese Angola, on 17 May 1922.")
    assert ("Dara Quillen", "birthPlace", "Ícolo e Bengo") in facts
    assert not any(o == "Bengo" for _, _, o in facts)


REGIME = """= Liberating Renewal (Velmaria) =
- Conflict: 1955 Velmarian coup d'état
- Partof: the Cold War
- Date: 16–23 September 1955
- Place: Velmaria

The Liberating Renewal was the civic-military dictatorship that ruled Velmaria after the 1955 coup d'état that
overthrew President Ana Roe. It lasted until 1958.
"""


def test_a_coups_dates_are_not_the_regimes_it_installed():
    facts = fact_triples(REGIME)
    assert not any(r in ("startTime", "endTime", "pointInTime") for _, r, _ in facts)
    assert ("Liberating Renewal", "partOf", "Cold War") in facts
    # a coup's own box keeps its dates
    coup = REGIME.replace("= Liberating Renewal (Velmaria) =", "= 1955 Velmarian coup d'état =")
    assert ("1955 Velmarian coup d'état", "endTime", "1955-09-23") in fact_triples(coup)


def test_a_former_name_is_no_place_of_its_own():
    facts = _person("He was born in Harare (formerly Salisbury), Zimbabwe.")
    assert ("Harare", "country", "Zimbabwe") in facts
    assert not any(s == "Salisbury" for s, _, _ in facts)


def test_an_alleged_leader_is_no_leader():
    hedged = _person("Sean Verra, an alleged leader of the Irish People's Brigade, was killed in 1980.")
    assert not any(r == "leader" for _, r, _ in hedged)
    plain = _person("Sean Verra, the leader of the Irish People's Brigade, was killed in 1980.")
    assert ("Irish People's Brigade", "leader", "Sean Verra") in plain
