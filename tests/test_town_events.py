""""the Kessavel uprising": an event named after its town (a gazetteer place, "the" before it, a lower-case
event noun after it) is the event, and "one of the main leaders of" it took part in it. Invented article,
with its invented town added to the gazetteer for the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.gazetteer import Place, gazetteer, norm_name
from tests.extracted import extract_text, fact_triples

_MARROW = (
    "= Ilse Marrow =\n\nIlse Marrow (1911 – 1988) was a Velderian trade unionist. In 1934 she was one of the main "
    "leaders of the Kessavel uprising of the mill hands. After her release she settled in Kessavel, where the "
    "mills closed in 1952.\n"
)


@pytest.fixture(autouse=True)
def _a_town() -> Iterator[None]:
    """Kessavel, a small mill town of the gazetteer (here Sweden's, any country would do)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(gazetteer()._by_name, norm_name("Kessavel"), [Place("Kessavel", "city", "SE", "0", None, 4000)])
        yield


def test_an_event_named_after_its_town_is_the_event():
    ms = {(m.text, m.cls) for m in extract_text(_MARROW).mentions}
    assert ("Kessavel uprising", "Uprising") in ms, ms
    assert ("Kessavel", "City") in ms, ms  # the town itself, where no event noun follows


def test_the_leaders_of_the_uprising_took_part_in_it():
    assert ("Kessavel uprising", "participant", "Ilse Marrow") in fact_triples(_MARROW)
