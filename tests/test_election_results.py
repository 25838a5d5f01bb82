"""In the article about an election, the one a result is "a victory for" and both sides of a verb of
defeat took part in it; "Tomas Sol of the Rural Labour Party" is a member of that party. Invented
articles (the country a real one so that the gazetteer types it)."""

from __future__ import annotations

from tests.extracted import fact_triples

_ELECTION = (
    "= 1994 Estonian general election =\n\nGeneral elections were held in Estonia on 3 March 1994. The result "
    "was a victory for the Civic Unity Party (CUP), whose presidential candidate Anna Kreek surprisingly defeated "
    "incumbent president Karl Tammsaar of the Rural Labour Party (RLP). The Tallinn Daily supported neither.\n"
)


def test_victory_for_and_defeat_give_the_elections_participants():
    got = fact_triples(_ELECTION)
    e = "1994 Estonian general election"
    assert (e, "participant", "Civic Unity Party") in got
    assert (e, "participant", "Anna Kreek") in got
    assert (e, "participant", "Karl Tammsaar") in got
    assert (e, "participant", "Tallinn Daily") not in got
    assert ("Karl Tammsaar", "memberOfParty", "Rural Labour Party") in got


def test_outside_an_election_article_a_defeat_is_no_participation():
    got = fact_triples(
        "= Anna Kreek =\n\nAnna Kreek (born 1950) is an Estonian politician. In 1994 she defeated Karl Tammsaar. "
        "It was a victory for the Civic Unity Party.\n"
    )
    assert not any(r == "participant" for _, r, _ in got)


def test_a_battle_in_an_election_article_is_no_participation():
    """Election articles tell of fighting too: an army that defeated a rebel front took no part in the vote."""
    got = fact_triples(
        "= 1994 Estonian general election =\n\nGeneral elections were held in Estonia on 3 March 1994. Two weeks "
        "before the vote, the Estonian Army defeated the Forest Brothers Liberation Front near Tartu.\n"
    )
    e = "1994 Estonian general election"
    assert not any(s == e and r == "participant" for s, r, _ in got), got
