"""Founders, leaders and members named beside "be" (rule ``roster``): "founding leaders" founded and led
the organisation, "leaders" led it, "founding members" founded it. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples

_ROE = (
    "= Kanu Roe =\n\nKanu Roe (1932 – 2010) was a Tarnian politician. In 1967 he was one of the main leaders of "
    "the Osk Workers Front. In 1969 he was one of the founding leaders of the Tarnian Labour League.\n"
)


def test_founding_leaders_founded_and_led_it():
    got = fact_triples(_ROE)
    assert ("Tarnian Labour League", "foundedBy", "Kanu Roe") in got, got
    assert ("Tarnian Labour League", "leader", "Kanu Roe") in got, got


def test_leaders_without_founding_only_led_it():
    got = fact_triples(_ROE)
    assert ("Osk Workers Front", "leader", "Kanu Roe") in got, got
    assert ("Osk Workers Front", "foundedBy", "Kanu Roe") not in got, got


def test_the_year_of_the_founding_leaders_clause_dates_the_founding():
    got = fact_triples(_ROE)
    assert ("Tarnian Labour League", "inception", "1969") in got, got
    assert not any(s == "Osk Workers Front" and r == "inception" for s, r, _ in got), got


def test_the_leaders_of_an_uprising_took_part_in_it():
    got = fact_triples(_ROE.replace("the Osk Workers Front", "the Osk uprising"))
    assert ("Osk uprising", "participant", "Kanu Roe") in got, got
    assert not any(s == "Osk uprising" and r == "leader" for s, r, _ in got), got
