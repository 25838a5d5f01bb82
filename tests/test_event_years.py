"""The year of an event named in prose ("the 2005 presidential election", "the Marsh uprising in 1952"):
its point in time, unless a verb of beginning or ending governs the event or the event is a war, whose
name's year is when it began. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples

_FRONT = (
    "= Marsh Land Front =\n\nThe Marsh Land Front (MLF) was an insurgent group in Kenya. The MLF began what is "
    "now called the Marsh uprising in 1952. Its founders had fought in the Tarn War of 1939. Its leader was "
    "later elected in the 1963 general election. He began his career after the Ostrava strike of 1931.\n"
)


def test_a_verb_of_beginning_dates_the_events_start():
    got = fact_triples(_FRONT)
    assert ("Marsh uprising", "startTime", "1952") in got, got
    assert ("Marsh uprising", "pointInTime", "1952") not in got


def test_a_wars_name_year_is_its_start():
    got = fact_triples(_FRONT)
    assert ("Tarn War", "startTime", "1939") in got or ("Tarn War of 1939", "startTime", "1939") in got, got
    assert not any(s.startswith("Tarn War") and r == "pointInTime" for s, r, _ in got)


def test_other_events_keep_their_point_in_time():
    got = fact_triples(_FRONT)
    assert ("1963 general election", "pointInTime", "1963") in got, got
    # "began his career after the … strike": the verb begins the career, not the strike
    assert not any(s.startswith("Ostrava strike") and r == "startTime" for s, r, _ in got), got


def test_a_verb_of_ending_dates_the_events_end():
    got = fact_triples(
        "= Tarn Workers League =\n\nThe Tarn Workers League was a trade union in Chile. The Tarn uprising was a "
        "revolt of miners. The army ended the Tarn uprising in 1931.\n"
    )
    assert ("Tarn uprising", "endTime", "1931") in got, got


def test_a_span_after_the_events_name_gives_its_start_and_end():
    got = fact_triples(
        "= Marsh Land Front =\n\nThe Marsh Land Front (MLF) was an insurgent group which fought against colonial "
        "rule in Kenya during the Marsh rebellion from 1952 to 1960. The front later joined the Tarn uprising, "
        "which lasted from 1961 to 1964.\n"
    )
    assert {("Marsh rebellion", "startTime", "1952"), ("Marsh rebellion", "endTime", "1960")} <= got, got
    assert {("Tarn uprising", "startTime", "1961"), ("Tarn uprising", "endTime", "1964")} <= got, got
