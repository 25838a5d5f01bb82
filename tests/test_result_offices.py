"""An event box's Result gives offices in more shapes than "X becomes president" (invented coups): a
second sentence after the overthrow, a title with its own "of Country" when the box's place is a
palace in a city, "Y resigns as Prime Minister" (Y held it), a title followed by "following …"."""

from __future__ import annotations

from pathlib import Path

from tests.extracted import extract_text, fact_triples, facts_of, graph_of


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
    # the one "replacing him" took the office Eda Saar left (off15: it was asserted absent before)
    assert ("Ott Tamm", "positionHeld", "Prime Minister of Estonia") in facts


def test_an_office_of_no_country_gives_nothing() -> None:
    facts = fact_triples(_coup("- Result: Jaan Kivi becomes President of the Senate", place="Tallinn"))
    assert not any(s == "Jaan Kivi" and r == "positionHeld" for s, r, _ in facts)


_CRISIS = """= 1981 Tarsk budget crisis =

Infobox
- Date: 11 November 1981
- Place: Tarsk House, Varn Hall, The Lodge
- Participants: Sir Alan Brecken, Oskar Velde, Mira Tolland, Black Hands
- Outcome: Velde dismissed as prime minister by Brecken, Tolland commissioned as prime minister

The 1981 Tarsk budget crisis was the greatest crisis in Estonian history. In 1980 Velde advised the governor to call
an election; the Hands rioted. Tolland then formed a government.
"""


def test_an_outcome_gives_offices_of_the_lead_s_country_to_surnames() -> None:
    facts = fact_triples(_CRISIS)
    assert ("Velde", "positionHeld", "Prime Minister of Estonia") in facts
    assert ("Tolland", "positionHeld", "Prime Minister of Estonia") in facts


def test_three_places_no_gazetteer_knows_are_a_list_not_a_chain() -> None:
    facts = fact_triples(_CRISIS)
    assert ("1981 Tarsk budget crisis", "location", "Varn Hall") in facts
    assert not any(r == "locatedIn" and s in ("Tarsk House", "Varn Hall") for s, r, _ in facts)


def test_participants_the_text_calls_by_surname_are_people(tmp_path: Path) -> None:
    g = graph_of(tmp_path, {"crisis.txt": _CRISIS})  # the resolved graph: a surname joins the box's full name
    assert g.entity("Oskar Velde")["type"] == "Person"
    assert g.entity("Velde")["iri"] == g.entity("Oskar Velde")["iri"]
    assert ("positionHeld", "Prime Minister of Estonia") in facts_of(g, "Oskar Velde")
    assert g.entity("Black Hands")["type"] != "Person"


def test_a_result_s_office_begins_or_ends_on_the_event_s_date() -> None:
    rows = (
        "- Date: 19 May 2000 – 1 March 2001\n"
        "- Result: Eda Saar resigns as Prime Minister, Jaan Kivi becomes Prime Minister following a victory"
    )
    quals = {
        (f.subject.text, f.relation): dict(f.qualifiers)
        for f in extract_text(_coup(rows)).facts
        if f.relation in ("positionHeld", "headOfGovernment")
    }
    assert quals[("Eda Saar", "positionHeld")] == {"end": "2000"}  # a span: the year is sure, not the day
    assert quals[("Jaan Kivi", "positionHeld")] == {"start": "2000"}
    assert quals[("Estonia", "headOfGovernment")] in ({"start": "2000"}, {"end": "2000"})
    one_day = extract_text(_coup("- Date: 19 May 2000\n- Result: Jaan Kivi becomes president")).facts
    assert any(f.subject.text == "Jaan Kivi" and dict(f.qualifiers) == {"start": "2000-05-19"} for f in one_day)
