"""'X was also a member' with no 'of' is a member of the article's subject only when that is an
organisation; 'was admitted into Y' makes a member of Y. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def test_a_bare_member_is_of_the_organisation_the_article_is_about():
    got = fact_triples(
        "= Civic Unity Movement =\n\nThe Civic Unity Movement is a guerrilla group in Estonia. Lenart Osk, who "
        "later became a judge, was also a member. In 1989 the movement was admitted into the Broad Left "
        "Coalition of Estonia.\n"
    )
    assert ("Lenart Osk", "memberOf", "Civic Unity Movement") in got
    assert ("Civic Unity Movement", "memberOf", "Broad Left Coalition of Estonia") in got


def test_a_bare_member_in_a_persons_article_is_of_nothing():
    got = fact_triples(
        "= Lenart Osk =\n\nLenart Osk (1920–1990) was an Estonian judge. Mira Dunhal was also a member. "
        "In 1950 he was admitted to the Tallinn City Hospital.\n"
    )
    assert not any(r in ("memberOf", "memberOfParty") for _, r, _ in got)
