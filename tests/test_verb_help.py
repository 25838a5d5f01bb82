""""he helped found X" founded X (the tagger reads the bare "found" as a participle of "find"), and the
clause's year dates the founding; a passive verb joined to an active one takes its subject. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def test_helped_found_founds_and_dates():
    got = fact_triples(
        "= Juan Roe =\n\nJuan Roe (1909 – 2001) was a Dominican politician. In 1939, he helped found the Dominican "
        "Labour Party (PDL) and returned to the Dominican Republic months after the war. In 1950 he helped "
        "establish the Roe Foundation.\n"
    )
    assert ("Dominican Labour Party", "foundedBy", "Juan Roe") in got, got
    assert ("Dominican Labour Party", "inception", "1939") in got, got
    assert ("Roe Foundation", "foundedBy", "Juan Roe") in got, got


def test_help_with_no_founding_verb_founds_nothing():
    got = fact_triples(
        "= Juan Roe =\n\nJuan Roe (1909 – 2001) was a Dominican politician. In 1939, he helped the Dominican Labour "
        "Party win the election.\n"
    )
    assert not any(r in ("foundedBy", "inception") for _, r, _ in got), got


def test_a_passive_verb_joined_to_an_active_one_takes_its_subject():
    """"The party began taking shape … and was founded in November 1918": the party was founded."""
    got = fact_triples(
        "= Tesk Party =\n\nThe Tesk Party was a political party in Egypt. The actual party began taking shape during "
        "World War I and was founded in November 1918.\n"
    )
    assert ("Tesk Party", "inception", "1918-11") in got, got
