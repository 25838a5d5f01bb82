""""born in the village of X, Y, to A and B": X is the birthplace (a town noun's "of" phrase, even where NER
took X for a person), placed in Y, and A and B are the parents. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples

_VASHEK = (
    "= Teodor Vashek =\n\nTeodor Vashek (1888 – 1961) was a Velderian schoolteacher and trade unionist. Vashek was "
    "born in the village of Mara Oskel, Velderia, to Grete Selvik and Vashek Arro. He later taught in the "
    "district of Quarrow.\n"
)


def test_the_village_is_the_birthplace_and_placed():
    # NER reads "Mara Oskel" as a woman's name: "the village of" makes it the town
    got = fact_triples(_VASHEK)
    assert ("Vashek", "birthPlace", "Mara Oskel") in got, got
    assert ("Mara Oskel", "locatedIn", "Velderia") in got, got


def test_born_to_names_the_parents():
    got = fact_triples(_VASHEK)
    assert ("Grete Selvik", "child", "Vashek") in got, got
    assert ("Vashek Arro", "child", "Vashek") in got, got


def test_the_capital_of_a_country_is_no_town_of_that_name():
    got = fact_triples(
        "= Mira Solvang =\n\nMira Solvang (1902 – 1977) was a Velderian journalist. She was born in the capital "
        "of Norway and raised by an aunt.\n"
    )
    assert ("Mira Solvang", "birthPlace", "Norway") not in got, got
