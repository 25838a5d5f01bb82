"""A country's office given as a title before a person's name ("the incumbent President Ana Roe"),
and the head of state an infobox bracket names ("Commander1: Ana Roe, (President of X)"); invented
people in real countries (rule ``title-office``, kg/extract/relations/titles.py)."""

from __future__ import annotations

from tests.extracted import fact_triples

ARTICLE = """= 1987 Estonian general election =

Infobox
- Country: Estonia

General elections were held in Estonia on 14 July 1987. The incumbent President Lenart Osk faced little
support from the Riigikogu. Prime Minister Mira Dunhal resigned in March. Senate President Ivo Kask
kept his seat. President Tomas Vell later visited Latvia. The newspaper said the president Aron Pikk
would speak. Estonia's economy grew in 1988.
"""

MONARCH = """= Tesk Revolution =

The Tesk Revolution was a coup that took place on 14 July 1958 in Iraq, resulting in the toppling of
King Ghazi Tamir II and the overthrow of the Kingdom of Iraq. In 1959 the rebels also arrested King
Aro Velesh's guards.
"""


BOX = """= 1979 Ugandan mutiny =

Infobox
- Conflict: 1979 Ugandan mutiny
- Place: Kampala, Uganda
- Commander1: Tomas Varkel, (President of Uganda), Ilse Marrow, (Minister of Internal Affairs)

The 1979 Ugandan mutiny was a revolt of army units in Kampala, Uganda.
"""


def test_a_title_before_a_name_is_the_office_of_the_articles_country():
    got = fact_triples(ARTICLE)
    assert ("Lenart Osk", "positionHeld", "President of Estonia") in got
    assert ("Estonia", "headOfState", "Lenart Osk") in got
    assert ("Mira Dunhal", "positionHeld", "Prime Minister of Estonia") in got
    assert ("Estonia", "headOfGovernment", "Mira Dunhal") in got


def test_a_title_of_another_body_or_country_or_no_title_gives_no_office():
    got = fact_triples(ARTICLE)
    held = {(s, o) for s, r, o in got if r in ("positionHeld", "headOfState", "headOfGovernment")}
    for name in ("Ivo Kask", "Tomas Vell", "Aron Pikk"):
        assert not any(name in (s, o) for s, o in held), name


def test_a_monarchs_title_needs_the_country_in_its_sentence():
    got = fact_triples(MONARCH)
    assert ("Ghazi Tamir II", "positionHeld", "King of Iraq") in got
    assert ("Kingdom of Iraq", "headOfState", "Ghazi Tamir II") in got
    assert not any(s == "Aro Velesh" and r == "positionHeld" for s, r, _ in got)


def test_an_infobox_bracket_office_makes_its_holder_the_head_of_state():
    got = fact_triples(BOX)
    assert ("Tomas Varkel", "positionHeld", "President of Uganda") in got
    assert ("Uganda", "headOfState", "Tomas Varkel") in got
    assert not any(r == "headOfState" and o == "Ilse Marrow" for _, r, o in got)


COMMISSION = """= Second Manila Commission =

The Second Manila Commission was a body of the Philippines appointed in 1900. It was first appointed by
President Harlan Vosk in 1900 under his executive authority. The Philippine Commission was later
appointed by President Aldo Prewitt in 1901. The Philippines became independent in 1946.
"""


def test_a_bare_title_in_an_article_on_a_body_or_beside_a_name_holding_a_demonym_gives_no_office():
    # a colonial commission's article names the metropole's president "President X": not the country's
    got = fact_triples(COMMISSION)
    assert not any(r in ("positionHeld", "headOfState") for _, r, _ in got), got
