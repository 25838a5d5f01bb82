"""Issue dup12 (session 19): names the small model cuts or leaves untagged, so that neither the thing nor
its name is found — a coup named by its people ("the 1976 Ghanaian coup d'état"); invented articles."""

from __future__ import annotations

from .extracted import extract_text

_FRONT = """= Orlan Left Front =

The Orlan Left Front is a militant group in Orlan. After the Brazilian coup d'état in 1964, the military \
repressed the group. The front fought during the Resistance to the 1973 Chilean coup d'etat, the group \
states. Its leader was arrested after the 1976 Ghanaian coup d'état. The Tesk coup d'état of 1980 ended \
the Tesk republic.
"""


def _mentions(text: str) -> dict[str, str]:
    return {m.text: m.cls for m in extract_text(text, "front.txt").mentions}


def test_a_coup_named_by_its_people_is_one_event_with_its_french_words():
    found = _mentions(_FRONT)
    assert found.get("Brazilian coup d'état") == "Uprising"
    assert found.get("1973 Chilean coup d'etat") == "Uprising"
    assert found.get("1976 Ghanaian coup d'état") == "Uprising"
    assert "Brazilian coup" not in found


def test_a_word_no_people_nor_country_makes_no_coup():
    found = _mentions(_FRONT)
    assert not any(name.startswith("Tesk coup") for name in found)  # the gazetteer knows no "Tesk"


_UNION = """= Kestrel People's Union =

The Kestrel People's Union, officially known as the KPU Party of Ghana, is a political party and former \
independence movement in Ghana (formerly North West Africa). Founded in 1960, it has been the governing party \
in Ghana since 1990. The union fought in North West Africa against the Tesk Defence Force.
"""


def test_a_places_former_name_in_a_bracket_is_a_place_not_the_party_the_sentence_is_about():
    named = [m for m in extract_text(_UNION, "union.txt").mentions if m.text == "North West Africa"]
    assert named and all(m.cls != "PoliticalParty" for m in named)


def test_a_places_former_name_in_a_bracket_is_that_place(tmp_path):
    from .test_one_node_per_thing import _keys
    from .test_relations import _build

    keys = _keys(_build(tmp_path, union=_UNION), "union")
    assert keys["North West Africa"] == keys["Ghana"]
    assert keys["North West Africa"] != keys["Kestrel People's Union"]


_FRENTE = """= Kallari Revolutionary Front =

Kallari Revolutionary Front
- Native name: Frente Revolucionario Tupa Kallari
- Abbreviation: FRTK
- Founded: 1982

The Kallari Revolutionary Front (Spanish: Frente Revolucionario Tupa Kallari, FRTK) was a Marxist guerrilla group \
in Orlan. It was named after the rebel Tupa Kallari. The FRTK fought the government of Orlan. The Frente \
Revolucionario Tupa Kallari was dissolved in 1997.
"""


def test_a_person_an_organisation_is_named_after_is_not_the_organisation(tmp_path):
    from .test_one_node_per_thing import _keys
    from .test_relations import _build

    keys = _keys(_build(tmp_path, frente=_FRENTE), "frente")
    front = keys["Kallari Revolutionary Front"]
    assert keys["FRTK"] == front and keys["Frente Revolucionario Tupa Kallari"] == front
    assert "Tupa Kallari" in keys and keys["Tupa Kallari"] != front
