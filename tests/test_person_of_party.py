"""A person named with the party or movement she stands for ("Peeter Kallasvee of the Liberal Renewal
Movement (LRM)"), rule ``person-of-party`` (kg/extract/relations/affiliation.py); invented people."""

from __future__ import annotations

from tests.extracted import fact_triples

ELECTION = """= 1991 Estonian general election =

Infobox
- Country: Estonia

General elections were held in Estonia on 14 July 1991. Although Jaan Tamberg of Nationalist Civic
Action (NCA) received the most public votes, Congress elected Peeter Kallasvee of the
Liberal Renewal Movement (LRM). Toomas Ilves-Kask of the University of Tartu backed him.
"""

UNION = """= Tartu Workers' Union =

The Tartu Workers' Union was a trade union in Estonia. In 1990 Peeter Kallasvee of the
Liberal Renewal Movement (LRM) spoke at its congress. Toomas Kaljulaid of the Estonian National Bank
(ENB) and Mart Saarsalu of the Baltic Forum were also there.
"""


def test_a_person_of_a_movement_named_with_its_acronym_is_its_member():
    assert ("Peeter Kallasvee", "memberOf", "Liberal Renewal Movement") in fact_triples(ELECTION)
    assert ("Peeter Kallasvee", "memberOf", "Liberal Renewal Movement") in fact_triples(UNION)


def test_a_person_of_a_bank_a_university_or_an_unnamed_body_is_no_member():
    got = fact_triples(ELECTION) | fact_triples(UNION)
    members = {(s, o) for s, r, o in got if r in ("memberOf", "memberOfParty")}
    assert not any(s in ("Toomas Ilves-Kask", "Toomas Kaljulaid", "Mart Saarsalu") for s, _ in members), members


def test_the_one_a_body_elects_in_an_elections_article_took_part_in_it():
    got = fact_triples(ELECTION)
    assert ("1991 Estonian general election", "participant", "Peeter Kallasvee") in got
