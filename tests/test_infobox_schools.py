"""A town after a school in an education row is the school's place, never a school attended."""

from __future__ import annotations

from tests.extracted import fact_triples

_ARTICLE = """= Marta Velkova =

- Name: Marta Velkova
- Education: Lincoln Grammar School, Nottingham
- Alma Mater: University of Ghana, Accra Academy
- Occupation: Politician

Marta Velkova is a Ghanaian politician.
"""


def test_town_after_school_locates_the_school() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("Marta Velkova", "educatedAt", "Lincoln Grammar School") in facts
    assert ("Lincoln Grammar School", "locatedIn", "Nottingham") in facts
    assert ("Marta Velkova", "educatedAt", "Nottingham") not in facts


def test_school_named_after_a_place_stays_a_school() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("Marta Velkova", "educatedAt", "University of Ghana") in facts
    assert ("Marta Velkova", "educatedAt", "Accra Academy") in facts
    assert not any(s == "University of Ghana" and r == "locatedIn" for s, r, _ in facts)


def test_lone_town_is_no_school() -> None:
    text = _ARTICLE.replace("Lincoln Grammar School, Nottingham", "Nottingham")
    facts = fact_triples(text)
    assert not any(r == "educatedAt" and o == "Nottingham" for _, r, o in facts)
    assert not any(r == "locatedIn" and o == "Nottingham" for _, r, o in facts)
