"""An event box's Result gives offices in more shapes than "X becomes president" (invented coups): a
second sentence after the overthrow, a title with its own "of Country" when the box's place is a
palace in a city, "Y resigns as Prime Minister" (Y held it), a title followed by "following …"."""

from __future__ import annotations

from tests.extracted import fact_triples


def _coup(rows: str, place: str = "Estonia") -> str:
    lead = "The 2009 Tesk coup was a coup."
    return f"= 2009 Tesk coup =\n\nInfobox\n- Title: 2009 Tesk coup\n- Place: {place}\n{rows}\n\n{lead}\n"


def test_a_second_sentence_with_the_office_s_country_in_its_title() -> None:
    rows = "- Result: Overthrow of Eda Saar. Jaan Kivi becomes President of Estonia."
    facts = fact_triples(_coup(rows, place="Kadriorg Palace, Tallinn"))
    assert ("Jaan Kivi", "positionHeld", "President of Estonia") in facts
    assert ("Estonia", "headOfState", "Jaan Kivi") in facts


def test_resigns_as_and_becomes_following() -> None:
    rows = (
        "- Result: Coup leaders charged, Eda Saar resigns as Prime Minister, with Ott Tamm replacing him, "
        "Jaan Kivi becomes Prime Minister following a victory at the 2010 election"
    )
    facts = fact_triples(_coup(rows))
    assert ("Eda Saar", "positionHeld", "Prime Minister of Estonia") in facts
    assert ("Jaan Kivi", "positionHeld", "Prime Minister of Estonia") in facts
    assert not any(s == "Ott Tamm" and r == "positionHeld" for s, r, _ in facts)


def test_an_office_of_no_country_gives_nothing() -> None:
    facts = fact_triples(_coup("- Result: Jaan Kivi becomes President of the Senate", place="Tallinn"))
    assert not any(s == "Jaan Kivi" and r == "positionHeld" for s, r, _ in facts)
