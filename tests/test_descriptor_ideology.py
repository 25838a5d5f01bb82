"""A party's doctrine from the adjective of the noun that describes it ("a social democratic party"),
rule ``descriptor-ideology`` (kg/extract/relations/descriptors.py); invented parties."""

from __future__ import annotations

from tests.extracted import fact_triples

ARTICLE = """= Civic Renewal (Estonia) =

Civic Renewal (Kodanike Uuendus, KU) is an Estonian social democratic and centre-left political party
established in 1941. In 1990 it faced Jaan Tamberg and his newly formed conservative party, the
Tartu Union. The Baltic Forum was an anti-communist group founded in 1988.
"""


def test_the_adjective_of_a_partys_descriptor_is_its_ideology():
    got = fact_triples(ARTICLE)
    assert ("Civic Renewal", "ideology", "Social democracy") in got


def test_an_anti_word_or_a_position_is_no_ideology():
    got = fact_triples(ARTICLE)
    ideologies = {(s, o) for s, r, o in got if r == "ideology"}
    assert not any(s == "Baltic Forum" for s, _ in ideologies), ideologies
    assert not any("centre" in o.casefold() for _, o in ideologies), ideologies
