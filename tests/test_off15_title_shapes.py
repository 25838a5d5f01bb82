"""More shapes of a country's office beside a person's name (kg/extract/relations/title_shapes.py,
titles.py, infobox_result.py): the title set off by a comma before the name, a bracketed title, a
bare lower-case title after a conjunction, both men of "A succeeded B as Prime Minister", the
Leader of the Opposition, and "with Z replacing him" in an event box's Result; each beside a twin
that gives nothing. Invented people in a real country."""

from __future__ import annotations

from tests.extracted import fact_triples

COUP = """= 1974 Fijian coup attempt =

Infobox
- Country: Fiji
- Result: Coup leaders charged, Ivo Sandel resigns as Prime Minister, with Tavo Rinku replacing him for a day

The 1974 Fijian coup attempt was a coup by an armed group in Fiji on 19 May 1974. When president Juan Ruizar \
died of natural causes on 1 July 1974, he was succeeded by his wife (then vice-president) Eda Saaren, also \
known as "Edita". The crisis began with the dismissal of the prime minister, Ivo Sandel, by the governor. \
The governor then commissioned the leader of the opposition, Mato Kerrin of the Unity Party, as prime \
minister. Mato Kerrin succeeded Ivo Sandel as Prime Minister in 1975. Fiji held an election in 1977. The \
army of Fiji was reformed.
"""

TWIN = """= 1974 Fijian coup attempt =

Infobox
- Country: Fiji
- Result: Coup leaders charged, Ivo Sandel becomes Prime Minister, with Tavo Rinku replacing him as mayor

The 1974 Fijian coup attempt was a coup by an armed group in Fiji on 19 May 1974. Before the president \
Juan Ruizar spoke, the club met. When president Aron Pikkel visited Samoa in 1973, the army waited. The \
bank's vice-president Eda Saaren (then chairman) Lenart Oskel resigned. The crisis began with the dismissal \
of the chairman, Ivo Kassel, by the board. Mato Kerrin succeeded Tomas Vellan as party president in 1975. \
Fiji held an election in 1977. The army of Fiji was reformed.
"""

OFFICES = ("positionHeld", "headOfState", "headOfGovernment")


def _offices(text: str) -> set[tuple[str, str, str]]:
    return {t for t in fact_triples(text) if t[1] in OFFICES}


def test_a_bare_lower_case_title_after_a_conjunction_and_a_bracketed_title_are_the_countrys_office():
    got = _offices(COUP)
    assert ("Juan Ruizar", "positionHeld", "President of Fiji") in got
    assert ("Fiji", "headOfState", "Juan Ruizar") in got
    assert ("Eda Saaren", "positionHeld", "Vice President of Fiji") in got
    assert not any(r == "headOfState" and o == "Eda Saaren" for _, r, o in got)


def test_a_title_set_off_before_the_name_and_a_succession_give_the_office():
    got = _offices(COUP)
    assert ("Ivo Sandel", "positionHeld", "Prime Minister of Fiji") in got
    assert ("Mato Kerrin", "positionHeld", "Leader of the Opposition") in got
    assert ("Mato Kerrin", "positionHeld", "Prime Minister of Fiji") in got
    assert ("Fiji", "headOfGovernment", "Mato Kerrin") in got


def test_the_one_who_replaces_a_resigning_holder_in_a_result_holds_the_office():
    got = _offices(COUP)
    assert ("Tavo Rinku", "positionHeld", "Prime Minister of Fiji") in got
    assert ("Fiji", "headOfGovernment", "Tavo Rinku") in got


def test_twins_a_determiner_another_country_another_body_or_no_resignation_give_no_office():
    got = _offices(TWIN)
    for name in (
        "Juan Ruizar",
        "Aron Pikkel",
        "Eda Saaren",
        "Lenart Oskel",
        "Ivo Kassel",
        "Tomas Vellan",
        "Tavo Rinku",
    ):
        assert not any(name in (s, o) for s, _, o in got), (name, got)
    assert not any(s == "Mato Kerrin" for s, _, _ in got), got


COMPOUND = """= 1974 Fijian coup attempt =

The 1974 Fijian coup attempt was a coup by an armed group against the elected government of Indo-Fijian \
Prime Minister Ivo Sandel, on 19 May 1974. Ivo Sandel resigned in 1975. Fiji held an election in 1977. The \
army of Fiji was reformed.
"""

ELSEWHERE = """= 1974 Samoan coup attempt =

The 1974 Samoan coup attempt was a coup in Samoa by an armed group against the elected government of \
Indo-Fijian Prime Minister Ivo Sandel, on 19 May 1974. Samoa held an election in 1977. The army of Samoa was \
reformed.
"""


def test_a_hyphened_peoples_adjective_before_a_title_gives_the_country_it_ends_in_if_the_article_names_it():
    got = _offices(COMPOUND)
    assert ("Ivo Sandel", "positionHeld", "Prime Minister of Fiji") in got
    assert ("Fiji", "headOfGovernment", "Ivo Sandel") in got
    assert not any("Ivo Sandel" in (s, o) for s, _, o in _offices(ELSEWHERE))


DISMISSAL = """= 1975 Fijian coup d'état =

The 1975 Fijian coup d'état was a coup in Fiji on 11 November 1975. It began with the dismissal of the prime \
minister, Ivo Sandel, by the governor. Earlier the chairman, Aron Pikkel, had resigned. Fiji held an election \
in 1977. The army of Fiji was reformed.
"""


def test_a_lower_case_title_set_off_by_a_comma_before_the_name_is_the_articles_countrys_office():
    got = _offices(DISMISSAL)
    assert ("Ivo Sandel", "positionHeld", "Prime Minister of Fiji") in got
    assert ("Fiji", "headOfGovernment", "Ivo Sandel") in got
    assert not any("Aron Pikkel" in (s, o) for s, _, o in got)


OFFICER = """= Tomas Verrel =

Tomas Verrel
- Office: Military Leader of Panama
- President: Aldo Pinzar (1968–1969), Demo Lakkar (1969–1978)
- Term Start: October 11, 1968
- Term End: July 31, 1981
- Birth Date: February 13, 1929

Tomas Verrel (February 13, 1929 - July 31, 1981) was a Panamanian military officer who was the military \
leader of Panama.
"""


def test_an_officeholder_boxs_president_under_an_office_of_a_country_held_that_countrys_presidency():
    got = _offices(OFFICER)
    assert ("Aldo Pinzar", "positionHeld", "President of Panama") in got
    assert ("Panama", "headOfState", "Demo Lakkar") in got
    # an office of no one country ("Ambassador of Panama to Chile") says nothing of whose president
    envoy = _offices(OFFICER.replace("Military Leader of Panama", "Ambassador of Panama to Chile"))
    assert not any("Aldo Pinzar" in (s, o) for s, _, o in envoy)
