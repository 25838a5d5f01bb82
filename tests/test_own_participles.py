"""Two coordinated bodies, each with its own participle: "the A Party, founded by X in 1930, and the B
Party, founded by Y in 1945" gives each party its own founder and year, never both (invented article)."""

from __future__ import annotations

from tests.extracted import fact_triples

_ARTICLE = (
    "= Tesk Democratic Party =\n\nTesk Democratic Party\n- Founded: 7 January 1946\n\n"
    "The Tesk Democratic Party was a political party in Estonia. Earlier opposition parties had been "
    "short-lived: the Liberal Republican Party, founded by Ivo Sand in 1930, and the National Development "
    "Party, founded by Eda Saar in 1945. The Unity League, founded by Mira Tolland in 1950, and the "
    "Farmers' League merged later.\n"
)


def test_each_coordinated_body_keeps_its_own_founder_and_year() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("National Development Party", "foundedBy", "Eda Saar") in facts
    assert ("National Development Party", "inception", "1945") in facts
    assert not any(s == "National Development Party" and o in ("Ivo Sand", "1930") for s, _, o in facts)
    assert not any(s == "Liberal Republican Party" and o in ("Eda Saar", "1945") for s, _, o in facts)


def test_a_participle_of_one_body_stays_its_own() -> None:
    facts = fact_triples(_ARTICLE)
    assert ("Unity League", "foundedBy", "Mira Tolland") in facts
