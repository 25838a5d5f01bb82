"""Offices and parties the prose gives in shapes real articles use (invented articles): "X, the
governor-general of C", "overthrew X as President of C", and a plain name the tagger took for a body
right before "of the" and a party."""

from __future__ import annotations

from tests.extracted import fact_triples

_ARTICLE = (
    "= Tesk crisis =\n\n"
    "The Tesk crisis culminated with the dismissal of the prime minister, Ivo Sand of the Tesk Labour Party "
    "(TLP), by Sir Ana Roe, the governor-general of Estonia, on 11 November 1975. A coup d'état overthrew Eda "
    "Saar as President of Estonia on 24 March 1976. The Youth Wing of the Tesk Labour Party protested.\n"
)


def test_an_apposition_gives_a_viceregal_office() -> None:
    facts = {(s, r, o.casefold()) for s, r, o in fact_triples(_ARTICLE)}
    assert ("Ana Roe", "positionHeld", "governor-general of estonia") in facts
    assert not any(r in ("headOfState", "headOfGovernment") and o == "ana roe" for _, r, o in facts)


def test_overthrown_as_president_held_the_office() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("Eda Saar", "positionHeld", "President of Estonia") in facts
    assert ("Estonia", "headOfState", "Eda Saar") in facts


def test_a_plain_name_of_the_party_is_a_member() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("Ivo Sand", "memberOfParty", "Tesk Labour Party") in facts
    assert not any(s == "Youth Wing" and r == "memberOfParty" for s, r, _ in facts)
