"""A box list's sub-labels (invented party): "1978–1986:" dates the items under it; "Factions:" stays
the items' status."""

from __future__ import annotations

from tests.extracted import extract_text

_PARTY = (
    "= Tesk Unity Party =\n\n"
    "Tesk Unity Party\n"
    "- Ideology: , Tesk nationalism, Factions:, Libertarianism, 1978–1986:, Authoritarianism, Keynesianism\n\n"
    "The Tesk Unity Party is a political party in Ghana.\n"
)


def test_a_period_label_dates_its_items_and_other_labels_stay_a_status() -> None:
    got = {
        str(f.object.text): dict(f.qualifiers)
        for f in extract_text(_PARTY).facts
        if f.relation == "ideology" and f.subject.text == "Tesk Unity Party"
    }
    assert got["Authoritarianism"] == {"start": "1978", "end": "1986"}
    assert got["Keynesianism"] == {"start": "1978", "end": "1986"}
    assert got["Tesk nationalism"] == {}
    assert got["Libertarianism"] == {"status": "Factions"}
