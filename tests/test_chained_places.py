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


def test_an_address_s_abbreviation_is_no_place_and_a_doubled_name_is_one() -> None:
    party = (
        "= Tesk Unity Party =\n\n"
        "Tesk Unity Party\n"
        "- Headquarters: 3rd Floor Mensah Bldg. West 4th, Brgy. West Ridge, Accra Accra\n\n"
        "The Tesk Unity Party is a political party in Ghana.\n"
    )
    facts = fact_triples(party)
    assert ("Tesk Unity Party", "headquarters", "Accra") in facts
    assert not any("Brgy" in (s + o) or "Bldg" in (s + o) or o == "Accra Accra" for s, _, o in facts)
