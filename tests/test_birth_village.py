""""born in the village of X, Y, to A and B": X is the birthplace (a town noun's "of" phrase, even where NER
took X for a person), placed in Y, and A and B are the parents. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples

_DENGA = (
    "= Jaramo Denga =\n\nJaramo Denga (1911 – 1994) was a Kenyan politician. Denga was born in the village of "
    "Nyamira Kasa, Bondo, to Mama Atieno Nyando and Denga Oloo. He studied in the district of Siaya.\n"
)


def test_the_village_is_the_birthplace_and_placed():
    got = fact_triples(_DENGA)
    assert ("Denga", "birthPlace", "Nyamira Kasa") in got, got
    assert ("Nyamira Kasa", "locatedIn", "Bondo") in got, got


def test_born_to_names_the_parents():
    got = fact_triples(_DENGA)
    assert ("Mama Atieno Nyando", "child", "Denga") in got, got
    assert ("Denga Oloo", "child", "Denga") in got, got


def test_the_capital_of_a_country_is_no_town_of_that_name():
    got = fact_triples(
        "= Ana Roe =\n\nAna Roe (1911 – 1994) was a Kenyan politician. She was born in the capital of Kenya.\n"
    )
    assert ("Ana Roe", "birthPlace", "Kenya") not in got, got
