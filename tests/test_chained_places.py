"""A place the text puts in a country by a chain of names ("Town, City, Country") is in that country,
whatever other country the gazetteer has a town of that name in (invented article)."""

from __future__ import annotations

from tests.extracted import fact_triples

_ARTICLE = (
    "= Kofi Ansa Mensur =\n\n"
    "Kofi Ansa Mensur\n"
    "- Birth Date: 3 March 1920\n"
    "- Resting Place: Mensur Mausoleum , Springfield, Accra, Ghana\n\n"
    "Kofi Ansa Mensur (3 March 1920 – 1980) was a Ghanaian officer who studied in the United States.\n"
)


def test_a_chain_s_country_decides_the_town_s_record() -> None:
    facts = fact_triples(_ARTICLE)
    assert not any(s == "Springfield" and o == "United States" for s, _, o in facts)
    assert ("Springfield", "country", "Ghana") in facts
