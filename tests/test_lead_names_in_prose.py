"""The subject's names in the lead sentence are mentions of it for the prose rules: a native name NER
took for a person is the subject's name, not a person with a citizenship. Invented article."""

from __future__ import annotations

from tests.extracted import extract_text

_TEXT = (
    "= Democratic Renewal (Estonia) =\n\nDemocratic Renewal (Fuerza Renovadora, FR) is an Estonian social "
    "democratic and centre-left political party established in 1941.\n"
)


def test_a_native_name_in_the_lead_is_the_subjects_not_a_persons():
    ex = extract_text(_TEXT, "renewal.txt")
    got = {(f.subject.text, f.subject.cls, f.relation) for f in ex.facts}
    assert ("Democratic Renewal", "PoliticalParty", "inception") in got
    assert not any(s == "Fuerza Renovadora" and cls == "Person" for s, cls, _ in got)
    assert not any(r == "citizenship" for _, _, r in got)
