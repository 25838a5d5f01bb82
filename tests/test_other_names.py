"""Other names a real page gives its subject and its infobox items are names of one node, on invented
articles (tests/names/): a lead bracket holding an abbreviation with digits, "also known as" and
"and unofficially as" (12 March Movement); a subject phrase of three names, each with its own bracket
of native name and acronym, one broken over two lines (Free Workers' Front); an infobox item followed
by its native name in a bracket of its own, and a term note in a bracket of its own (Lorvania)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph

ARTICLES = Path(__file__).parent / "names"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    from kg.pipeline import build_graph

    d = tmp_path_factory.mktemp("names")
    build_graph([ARTICLES], d / "store", [])
    return KnowledgeGraph.open(d / "store")


def _labels(g: KnowledgeGraph) -> set[str]:
    return {r["l"] for r in g.rows("SELECT ?l WHERE { ?e rdfs:label ?l }")}


def test_a_lead_bracket_of_abbreviation_and_other_names(graph: KnowledgeGraph):
    movement = graph.entity("12 March Movement")
    assert {"G12M", "Gemar", "Duabel", "Twelfth of March Movement"} <= set(movement["aliases"])
    assert not {"Gemar", "Duabel", "G12M"} & _labels(graph)  # no node of their own
    # the words that explain a name ("from Gerakan Maret") are no name, and a date is none
    assert not any(a.startswith(("from", "Gerakan 12")) for a in movement["aliases"])


def test_each_name_of_the_subject_phrase_brings_its_bracket(graph: KnowledgeGraph):
    front = graph.entity("Free Workers' Front")
    names = set(front["aliases"])
    assert {"UP-FOL", "FOL-UP", "FOL", "Unión Popular Frente Obrero Libre"} <= names
    assert all("\n" not in n and "  " not in n for n in (*names, front["label"]))  # one line each
    assert "FOL-UP" not in _labels(graph)


def test_an_infobox_items_native_name_in_its_own_bracket_is_no_second_item(graph: KnowledgeGraph):
    facts = {(f["relation"], str(f["object"])) for f in graph.facts(subject="Patriotic Front of Lorvania")}
    objects = {o for _, o in facts}
    assert "Anti-colonial League of Lorvania" in objects
    assert not any(o.startswith(("Liga", "La Antorcha", "until")) for o in objects)
    assert not {"Liga Anticolonial de Lorvania", "La Antorcha Lorvana"} & _labels(graph)
    # the leader's term note qualifies the leader: Mara Quell stays the leader
    assert ("leader", "Mara Quell") in facts


def test_other_names_in_a_language_after_or_simply_and_after_or(graph: KnowledgeGraph):
    # "The People's League, known in Lorvan as Sakdi Thamrong (…), or simply the Sakthom (…), was"
    league = graph.entity("Sakdi Thamrong")
    assert {"People's League", "Sakthom"} <= set(league["aliases"])
    assert not {"People's League", "Sakthom"} & _labels(graph)
    assert "Lorvan" not in league["aliases"]  # the language the name is given in
    # "also known as the Tessin Revolution or Tesshin Revolution": both, and no name ends in "or"
    revolution = graph.entity("1907 Orvan Revolution")
    assert {"Tessin Revolution", "Tesshin Revolution"} <= set(revolution["aliases"])
    assert not any(n.endswith(" or") for n in _labels(graph) | set(revolution["aliases"]))


def test_an_infobox_partys_short_name_is_the_prose_party(graph: KnowledgeGraph):
    # "- Party: Revolutionary (1939–73), Liberation (1973–2001), Independent": the links' short texts
    parties = {str(f["object"]) for f in graph.facts(subject="Ana Velis", relation="memberOfParty")}
    assert parties == {"Ostlandic Revolutionary Party", "Ostlandic Liberation Party"}
    assert not {"Revolutionary", "Liberation", "Independent"} & _labels(graph)


def test_a_princes_style_after_his_name_is_no_second_person(graph: KnowledgeGraph):
    assert "Ivo Senn, Prince Harl" in _labels(graph)
    assert "Prince Harl" not in _labels(graph)
    # "King Oren III, Prince Tavo Ilan": two men, each with his own title
    assert {"King Oren III", "Prince Tavo Ilan"} <= _labels(graph)
    # the name and the style are each a name of the one man
    assert {"Ivo Senn", "Prince Harl"} <= set(graph.entity("Ivo Senn, Prince Harl")["aliases"])


def test_a_name_with_a_dash_a_lead_bracket_after_the_title_and_dates_among_names(graph: KnowledgeGraph):
    # "The Popular Unity Movement – Velas (…, MUP-V)": the parser may cut the name at its dash
    velas = set(graph.entity("Velas")["aliases"])
    assert {"Popular Unity Movement – Velas", "MUP-V"} <= velas
    assert "Popular Unity Movement" not in velas
    # "The Harbour Army of Ostland (Ejército Portuario de Ostlandia, EPO), often referred to as …"
    assert {"Ejército Portuario de Ostlandia", "EPO"} <= set(graph.entity("Harbour Army of Ostland")["aliases"])
    # "(May 1911; Varn Devrimi)": the date is skipped, the name kept
    assert "Varn Devrimi" in graph.entity("8 May Revolution")["aliases"]
    assert "EPO" not in _labels(graph) and "Varn Devrimi" not in _labels(graph)


def test_a_second_subject_of_the_lead_keeps_its_own_bracket(graph: KnowledgeGraph):
    # "The Union of Ostland Workers (…, UTO) and its rival, the League of Varn Farmers (…, LCV), were":
    # LCV and the League are not the Union
    union = set(graph.entity("Union of Ostland Workers")["aliases"])
    assert "UTO" in union
    assert not {"LCV", "Liga de Campesinos de Varn"} & union
    # "The Varn Front (/vf/, ), officially the League for the Freedom of Varn (Liga …; Ligue …)": its names
    front = set(graph.entity("Varn Front")["aliases"])
    assert {"Liga por la Libertad de Varn", "Ligue pour la liberté de Varn"} <= front
