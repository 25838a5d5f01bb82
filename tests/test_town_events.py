""""the Nashik uprising": an event named after its town (a gazetteer place, "the" before it, a lower-case event
noun after it) is the event, and "one of the main leaders of" it took part in it. Invented article."""

from __future__ import annotations

from tests.extracted import extract_text, fact_triples

_ROE = (
    "= Ana Roe =\n\nAna Roe (1932 – 2010) was an Indian communist. In 1967, she was one of the main leaders of the "
    "Nashik uprising. Later she moved to Nashik, where riots broke out in 1970.\n"
)


def test_an_event_named_after_its_town_is_the_event():
    ms = {(m.text, m.cls) for m in extract_text(_ROE).mentions}
    assert ("Nashik uprising", "Uprising") in ms, ms
    assert ("Nashik", "City") in ms, ms  # the town itself, where no event noun follows


def test_the_leaders_of_the_uprising_took_part_in_it():
    assert ("Nashik uprising", "participant", "Ana Roe") in fact_triples(_ROE)
