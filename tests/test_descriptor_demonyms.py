"""A demonym gives a name's country or citizenship only where it describes the thing named: not the first of
two peoples in a war's name ("the French and Indian War"), not a word that describes a common noun ("a French
former Alpine skier"), not a name called a surname. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def test_two_peoples_in_a_wars_name_give_it_no_country():
    got = fact_triples(
        "= Fort Tesk =\n\nFort Tesk is a fort in Ohio. The fort was used during both the French and Indian War and "
        "the American Revolutionary War.\n"
    )
    assert not any(s.endswith("Indian War") and r == "country" for s, r, _ in got), got


def test_a_word_before_a_common_noun_is_no_citizen():
    got = fact_triples(
        "= Lukas Varga =\n\nLukas Varga (born 17 September 1965) is a French former Alpine skier. Varga is a "
        "Hungarian surname.\n"
    )
    assert ("Lukas Varga", "citizenship", "French") in got, got
    assert not any(s in ("Alpine", "Varga") and r in ("citizenship", "country") for s, r, _ in got), got


def test_a_demonym_before_a_persons_descriptor_still_counts():
    got = fact_triples(
        "= Lukas Varga =\n\nLukas Varga (born 1965) is a French writer. He married the Hungarian painter Ilse Kovacs.\n"
    )
    assert ("Ilse Kovacs", "citizenship", "Hungarian") in got, got
