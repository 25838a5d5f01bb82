"""Box debris real coup and officeholder pages hold (invented articles): ranks before commanders'
names ("Lt.-Col. Ana Roe"), a bare rank in an empty slot, two placeholders joined by ";", "(none)
military" for a party, a count of a body's people, a link's target glued to its shown words."""

from __future__ import annotations

from tests.extracted import fact_triples

_COUP = (
    "= 1975 Tesk coup attempt =\n\nInfobox\n- Date: 10 July 1975\n- Place: Kumasi, Ghana\n"
    "- Combatant1: Tesk Armed Forces\n- Combatant2: Rebel cadets\n"
    "- Commander1: Col. Kwame Osei, Gen. Yaw Mensah, Lt.-Col. Kofi Adjei, Maj.-Gen\n"
    "- Commander2: Lt.-Col. Ato Quaye, Maj. Kojo Badu, Master Sergeant Ebo Taylor, Gen\n"
    "- Casualties1: 12 officers of the Tesk Navy\n\n"
    "The 1975 Tesk coup attempt was a failed coup in Ghana led by Ato Quaye.\n"
)

_OFFICER = (
    "= Kofi Ansa Mensur =\n\nKofi Ansa Mensur\n"
    "- Office: List of heads of state of EstoniaHead of State of Estonia\n"
    "- Term Start: 13 January 1972\n- Term End: 5 July 1978\n"
    "- Predecessor: Position established; Himself\n- Successor: Ama Boateng\n"
    "- Party: (none) military\n- Birth Date: 23 September 1931\n\n"
    "Kofi Ansa Mensur (23 September 1931 – 16 June 1979) was an Estonian military officer.\n"
)


def test_ranks_leave_the_commanders_names_and_a_bare_rank_names_nobody() -> None:
    people = {o for s, r, o in fact_triples(_COUP) if r == "participant"}
    assert {"Kwame Osei", "Yaw Mensah", "Kofi Adjei", "Ato Quaye", "Kojo Badu", "Ebo Taylor"} <= people
    assert not any(p.startswith(("Col", "Gen", "Lt", "Maj", "Master")) for p in people), people
    assert not any("officers" in o for _, r, o in fact_triples(_COUP) if r != "infoboxValue")


def test_an_officeholder_box_s_debris_names_nothing() -> None:
    facts = fact_triples(_OFFICER)
    assert ("Kofi Ansa Mensur", "positionHeld", "Head of State of Estonia") in facts
    assert not any("List of" in o or "EstoniaHead" in o for _, _, o in facts)
    assert not any("Himself" in o or "established" in o for _, _, o in facts)
    assert not any(r == "memberOfParty" for _, r, _ in facts)
