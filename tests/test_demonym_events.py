"""A conflict named by its people's adjective lies in their country when the article names that country
too ("the Guatemalan Civil War", "- Battles: Mexican drug war"), rule ``demonym-event``
(kg/extract/relations/event_country.py); invented organisations in real countries."""

from __future__ import annotations

from tests.extracted import fact_triples

ARTICLE = """= Tarija Liberation Front =

Infobox
- Country: Bolivia
- Battles: Bolivian drug war, Bolivian invasion of the Chaco

The Tarija Liberation Front is a guerrilla group in Bolivia. It laid down its arms in 1996, after the
peace process which ended the Bolivian Civil War. Its leaders had fought in the Chilean Civil War.
"""


def test_a_conflict_named_by_a_demonym_lies_in_the_country_the_article_names():
    got = fact_triples(ARTICLE)
    assert ("Bolivian Civil War", "country", "Bolivia") in got
    assert ("Bolivian drug war", "country", "Bolivia") in got


def test_no_country_for_an_invasion_or_a_country_the_article_does_not_name():
    got = fact_triples(ARTICLE)
    placed = {s for s, r, _ in got if r == "country"}
    assert not placed & {"Chilean Civil War", "Bolivian invasion of the Chaco"}
