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


def test_two_dated_milestones_are_an_event_s_start_and_end() -> None:
    crisis = (
        "= 1981 Tarsk crisis =\n\nInfobox\n"
        "- Date: 16 October 1981 (deferral of supply), 11 November 1981 (dismissal of Ivo Sand)\n"
        "- Place: Ghana\n\nThe 1981 Tarsk crisis was a crisis in Ghana.\n"
    )
    got = {(f.relation, str(f.object.iso)) for f in extract_text(crisis).facts if hasattr(f.object, "iso")}
    assert {("startTime", "1981-10-16"), ("endTime", "1981-11-11")} <= got
    assert not any(r == "pointInTime" for r, _ in got)
