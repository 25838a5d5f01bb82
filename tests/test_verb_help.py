""""he helped found X" founded X (the tagger reads the bare "found" as a participle of "find"), and the
clause's year dates the founding; a passive verb joined to an active one takes its subject. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def test_helped_found_founds_and_dates():
    got = fact_triples(
        "= Tobin Arvell =\n\nTobin Arvell (1871 – 1940) was a Velderian printer and organiser. In 1903, he helped "
        "found the Velderian Printers' Party (VPP) and went back to his workshop in Quarrow the next spring. "
        "In 1912 he helped establish the Arvell Reading Society.\n"
    )
    assert ("Velderian Printers' Party", "foundedBy", "Tobin Arvell") in got, got
    assert ("Velderian Printers' Party", "inception", "1903") in got, got
    assert ("Arvell Reading Society", "foundedBy", "Tobin Arvell") in got, got


def test_help_with_no_founding_verb_founds_nothing():
    got = fact_triples(
        "= Tobin Arvell =\n\nTobin Arvell (1871 – 1940) was a Velderian printer. In 1903, he helped the Velderian "
        "Printers' Party print its first paper.\n"
    )
    assert not any(r in ("foundedBy", "inception") for _, r, _ in got), got


def test_a_passive_verb_joined_to_an_active_one_takes_its_subject():
    """"The league started recruiting … and was founded in March 1889": the league was founded."""
    got = fact_triples(
        "= Ullsk Farmers League =\n\nThe Ullsk Farmers League was an agrarian party in Velderia. The league started "
        "recruiting among the hill farmers after the flood of 1887 and was founded in March 1889.\n"
    )
    assert ("Ullsk Farmers League", "inception", "1889-03") in got, got
