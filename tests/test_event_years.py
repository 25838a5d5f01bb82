"""The year of an event named in prose ("the 2005 presidential election", "the Brudhavn uprising in 1887"):
its point in time, unless a verb of beginning or ending governs the event or the event is a war, whose
name's year is when it began; a year or span that dates a person's deed in the event ("wounded in
the … War in 1951", "served in the … War from 1966 to 1968") dates nothing of the event. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples

_FRONT = (
    "= Quarrow Hill League =\n\nThe Quarrow Hill League (QHL) was an armed movement of Velderian hill farmers. "
    "Its riders began what is still called the Brudhavn uprising in 1887. Several founders had served "
    "in the Gellmarn War of 1874. One of them won a seat in the 1895 general election. Another had taken up "
    "the plough after the Ullsk dock strike of 1869.\n"
)


def test_a_verb_of_beginning_dates_the_events_start():
    got = fact_triples(_FRONT)
    assert ("Brudhavn uprising", "startTime", "1887") in got, got
    assert ("Brudhavn uprising", "pointInTime", "1887") not in got


def test_a_wars_name_year_is_its_start():
    got = fact_triples(_FRONT)
    assert ("Gellmarn War", "startTime", "1874") in got or ("Gellmarn War of 1874", "startTime", "1874") in got, got
    assert not any(s.startswith("Gellmarn War") and r == "pointInTime" for s, r, _ in got)


def test_other_events_keep_their_point_in_time():
    got = fact_triples(_FRONT)
    assert ("1895 general election", "pointInTime", "1895") in got, got
    # "had taken up the plough after the … strike": the verb is the man's, not the strike's
    assert not any(s.startswith("Ullsk dock strike") and r == "startTime" for s, r, _ in got), got


def test_a_verb_of_ending_dates_the_events_end():
    got = fact_triples(
        "= Tarn Workers League =\n\nThe Tarn Workers League was a trade union in Chile. The Tarn uprising was a "
        "revolt of miners. The army ended the Tarn uprising in 1931.\n"
    )
    assert ("Tarn uprising", "endTime", "1931") in got, got


def test_a_span_after_the_events_name_gives_its_start_and_end():
    got = fact_triples(
        "= Sorrel Coast Union =\n\nThe Sorrel Coast Union was a league of armed fishermen that raided the salt "
        "works of Velderia during the Brudhavn rebellion from 1884 to 1891. Its boats afterwards sailed with the "
        "Gellmarn uprising, which lasted from 1893 to 1895. The Ullsk War from 1840 to 1846 had emptied the coast.\n"
    )
    assert {("Brudhavn rebellion", "startTime", "1884"), ("Brudhavn rebellion", "endTime", "1891")} <= got, got
    assert {("Gellmarn uprising", "startTime", "1893"), ("Gellmarn uprising", "endTime", "1895")} <= got, got
    assert {("Ullsk War", "startTime", "1840"), ("Ullsk War", "endTime", "1846")} <= got, got


_VETERAN = (
    "= Ilse Marrow =\n\nIlse Marrow (1925 – 2003) was a Velderian army nurse and writer. She was wounded in the "
    "Quarrow War in 1951. Her brother served in the Gellmarn War from 1966 to 1968, and her husband took part in "
    "the Brudhavn revolt from 1971 to 1972. Her first book was about the 1939 Ullsk War.\n"
)


def test_a_year_after_in_dates_no_war():
    """"wounded in the Quarrow War in 1951": the year is the wound's; the war may have begun long before."""
    got = fact_triples(_VETERAN)
    assert not any(s.startswith("Quarrow War") and r in ("startTime", "endTime", "pointInTime") for s, r, _ in got), got


def test_a_span_after_a_persons_verb_dates_the_deed_not_the_event():
    """"served in the Gellmarn War from 1966 to 1968": the years of his service, not of the war."""
    got = fact_triples(_VETERAN)
    for event in ("Gellmarn War", "Brudhavn revolt"):
        assert not any(s.startswith(event) and r in ("startTime", "endTime") for s, r, _ in got), got


def test_a_year_in_a_wars_name_still_dates_its_start():
    got = fact_triples(_VETERAN)
    assert ("1939 Ullsk War", "startTime", "1939") in got, got
