"""Box neighbours written with their period (branch garb): an officeholder box's predecessor held the
office until the subject took it, its successor from when he left it, a predecessor of an undated term
is historical, never current; a neighbour named in another capacity ("(as Sultan of Moldova)") held
that office, never the row's. Invented people; real countries so that the head-of-state facts exist."""

from __future__ import annotations

import pytest

from kg.extract import Extraction
from tests.extracted import extract_text


def _box(rows: str) -> str:
    return f"= Ivo Brandt =\n\nIvo Brandt\n{rows}\n\nIvo Brandt (born 2 May 1920) is a Moldovan politician.\n"


_TERM = "- Office: President of Moldova\n- Term Start: 4 March 1965\n- Term End: 9 June 1970\n"


def _quals(ex: Extraction, subject: str, relation: str, obj: str) -> list[tuple[tuple[str, str], ...]]:
    """The qualifiers of every fact (subject, relation, object-by-text)."""
    return [
        f.qualifiers
        for f in ex.facts
        if f.subject.text == subject and f.relation == relation and getattr(f.object, "text", None) == obj
    ]


def test_predecessor_held_the_office_until_the_subject_took_it() -> None:
    ex = extract_text(_box(_TERM + "- Predecessor: Omar Tamm\n- Successor: Jaan Kivi"))
    assert _quals(ex, "Omar Tamm", "positionHeld", "President of Moldova") == [(("end", "1965-03-04"),)]
    assert _quals(ex, "Moldova", "headOfState", "Omar Tamm") == [(("end", "1965-03-04"),)]
    assert _quals(ex, "Jaan Kivi", "positionHeld", "President of Moldova") == [(("start", "1970-06-09"),)]
    assert _quals(ex, "Moldova", "headOfState", "Jaan Kivi") == [(("start", "1970-06-09"),)]


def test_predecessor_of_an_undated_term_is_historical() -> None:
    ex = extract_text(_box("- Office: Leader of the Moldovan Unity Party\n- Predecessor: Karl Roe"))
    assert _quals(ex, "Karl Roe", "positionHeld", "Leader of the Moldovan Unity Party") == [
        (("status", "Historical"),)
    ]
    assert _quals(ex, "Moldovan Unity Party", "leader", "Karl Roe") == [(("status", "Historical"),)]


def test_successor_of_an_open_term_is_left_undated() -> None:
    ex = extract_text(_box("- Office: President of Moldova\n- Term Start: 4 March 1965\n- Successor: Jaan Kivi"))
    assert _quals(ex, "Jaan Kivi", "positionHeld", "President of Moldova") == [()]


def test_subject_led_the_party_for_the_term_of_its_office() -> None:
    rows = "- Office: Leader of the Moldovan Unity Party\n- Term Start: 1981\n- Term End: 1990\n"
    ex = extract_text(_box(rows))
    assert _quals(ex, "Moldovan Unity Party", "leader", "Ivo Brandt") == [(("start", "1981"), ("end", "1990"))]


@pytest.mark.parametrize(
    "item",
    [
        "Omar Tamm (as Sultan of Moldova)",
        "Omar Tamm (as sultan)",
        "Omar Tamm, (as Sultan of Moldova)",
        "Omar Tamm (Sultan of Moldova)",
        "Omar Tamm (as Sultan of Moldova until 1965)",
    ],
)
def test_neighbour_in_another_capacity_never_gets_the_row_office(item: str) -> None:
    ex = extract_text(_box(_TERM + f"- Predecessor: {item}"))
    held = {o for s, r, o in _triples(ex) if s == "Omar Tamm" and r == "positionHeld"}
    assert held == {"Sultan of Moldova"}


@pytest.mark.parametrize("item", ["Omar Tamm (As Emir of the 3rd Council)", "Omar Tamm (as the)"])
def test_neighbour_in_an_unreadable_capacity_gets_no_office(item: str) -> None:
    ex = extract_text(_box(_TERM + f"- Predecessor: {item}"))
    assert not {o for s, r, o in _triples(ex) if s == "Omar Tamm" and r == "positionHeld"}
    assert ("Moldova", "headOfState", "Omar Tamm") not in _triples(ex)


def test_capacity_years_in_the_bracket_date_that_office() -> None:
    ex = extract_text(_box(_TERM + "- Predecessor: Omar Tamm (as Sultan of Moldova; 1950–1965)"))
    assert _quals(ex, "Omar Tamm", "positionHeld", "Sultan of Moldova") == [(("start", "1950"), ("end", "1965"))]


def test_earlier_colleagues_of_an_ended_term_are_historical() -> None:
    rows = "- Office: Minister of Finance of Moldova\n- Term Start: 1961\n- Term End: 1969\n"
    ex = extract_text(_box(rows + "- Primeminister: Ana Roe, Eva Sol"))
    roe = _quals(ex, "Ana Roe", "positionHeld", "Prime Minister of Moldova")
    assert roe == [(("status", "Historical"),)]
    assert _quals(ex, "Eva Sol", "positionHeld", "Prime Minister of Moldova") == [()]


def _triples(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(f.subject.text, f.relation, str(getattr(f.object, "text", None))) for f in ex.facts}


def _election(after: str) -> str:
    rows = (
        "- Country: Moldova\n- Title: Prime Minister of Moldova\n- Before Election: Ana Roe\n"
        f"- After Election: {after}\n"
    )
    return f"= 1974 Moldovan election =\n\n1974 Moldovan election\n{rows}\nThe 1974 Moldovan election was held.\n"


def test_election_holder_replaced_after_it_is_historical() -> None:
    ex = extract_text(_election("Eva Sol"))
    assert _quals(ex, "Ana Roe", "positionHeld", "Prime Minister of Moldova") == [(("status", "Historical"),)]
    assert _quals(ex, "Moldova", "headOfGovernment", "Ana Roe") == [(("status", "Historical"),)]
    assert _quals(ex, "Eva Sol", "positionHeld", "Prime Minister of Moldova") == [()]


def test_election_holder_kept_after_it_is_left_undated() -> None:
    ex = extract_text(_election("Ana Roe"))
    assert _quals(ex, "Ana Roe", "positionHeld", "Prime Minister of Moldova") == [()]


def _party(title: str) -> str:
    rows = f"- Leader1 Title: {title}\n- Leader1 Name: Karl Roe\n"
    lead = "The Moldovan Unity Party was a party in Moldova."
    return f"= Moldovan Unity Party =\n\nMoldovan Unity Party\n{rows}\n{lead}\n"


@pytest.mark.parametrize("title", ["Last leader", "Historical leaders", "Former chairman"])
def test_a_leader_title_that_says_past_makes_the_leader_historical(title: str) -> None:
    (quals,) = _quals(extract_text(_party(title)), "Moldovan Unity Party", "leader", "Karl Roe")
    assert ("status", "Historical") in quals


@pytest.mark.parametrize("title", ["First Secretary", "Chairman"])
def test_twin_a_plain_leader_title_gives_no_status(title: str) -> None:
    for quals in _quals(extract_text(_party(title)), "Moldovan Unity Party", "leader", "Karl Roe"):
        assert not any(k == "status" for k, _ in quals)


def test_an_acting_capacity_is_the_row_office() -> None:
    ex = extract_text(_box(_TERM + "- Predecessor: Omar Tamm (as acting)"))
    held = {o for s, r, o in _triples(ex) if s == "Omar Tamm" and r == "positionHeld"}
    assert held == {"President of Moldova"}
