"""A country's head office in an officeholder's box or in prose: its holder is the country's head of
state or of government; ``Order`` that names the office (not an ordinal) is the office; a body that
succeeded to the office replaced the person but held no office of a person. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {t for t in fact_triples(text) if t[1] != "infoboxValue"}


_BOX = """= Lenart Osk =

Lenart Osk
- Order: President of Estonia
- Term Start: 2 March 1971
- Term End: 9 May 1975
- Vicepresident: Mira Dunhal
- Predecessor: Oskar Veln
- Successor: Provisional Government Junta

Lenart Osk (1 January 1920 – 3 March 1990) was an Estonian politician and the Vice President of Estonia's
deputy before 1971.
"""


def test_order_naming_an_office_is_the_office_and_its_holder_heads_the_state():
    got = _facts(_BOX)
    assert ("Lenart Osk", "positionHeld", "President of Estonia") in got
    assert ("Estonia", "headOfState", "Lenart Osk") in got
    assert ("Oskar Veln", "positionHeld", "President of Estonia") in got  # the predecessor held it
    # and so headed the state, undated like his positionHeld (the box does not say when)
    assert ("Estonia", "headOfState", "Oskar Veln") in got
    assert ("Lenart Osk", "replaces", "Oskar Veln") in got
    # a deputy's office heads nothing
    assert ("Mira Dunhal", "positionHeld", "Vice President of Estonia") in got
    assert ("Estonia", "headOfState", "Mira Dunhal") not in got
    # the junta that followed replaced him, and is no holder of a person's office
    assert ("Lenart Osk", "replacedBy", "Provisional Government Junta") in got
    assert ("Provisional Government Junta", "positionHeld", "President of Estonia") not in got


def test_an_ordinal_under_order_is_kept_not_an_office():
    got = _facts(
        "= Petra Ulm =\n\nPetra Ulm\n- Order: 12th\n- Office: Prime Minister of Estonia\n"
        "- Term Start: 9 May 1975\n\nPetra Ulm (born 1931) is an Estonian politician.\n"
    )
    assert ("Petra Ulm", "positionHeld", "Prime Minister of Estonia") in got
    assert ("Estonia", "headOfGovernment", "Petra Ulm") in got
    assert not any(o == "12th" for _, r, o in got if r == "positionHeld")


def test_prose_office_of_a_country_gives_its_head():
    got = _facts(
        "= Oskar Veln =\n\nOskar Veln (1901–1977) was an Estonian lawyer. In 1950 Oskar Veln became the Prime "
        "Minister of Estonia. In 1960 Karl Tammsaar was the second President of Estonia. Anna Kreek served as "
        "Vice President of Estonia.\n"
    )
    assert ("Estonia", "headOfGovernment", "Oskar Veln") in got
    assert ("Estonia", "headOfState", "Karl Tammsaar") in got
    assert ("Estonia", "headOfState", "Anna Kreek") not in got
    assert ("Anna Kreek", "positionHeld", "Vice President of Estonia") in got


def test_the_holders_before_and_after_an_office_that_heads_a_party_led_it():
    got = _facts(
        "= Lenart Osk =\n\nLenart Osk\n- Office: Secretary-General of the Estonian Workers Party\n- Term Start: 1961\n"
        "- Term End: 1992\n- Predecessor: Oskar Veln\n- Successor: Petra Ulm\n\n"
        "Lenart Osk (1913–2005) was an Estonian politician.\n"
    )
    for who in ("Lenart Osk", "Oskar Veln", "Petra Ulm"):
        assert ("Estonian Workers Party", "leader", who) in got
    # a state's office leads no organisation, before or after
    got = _facts(_BOX)
    assert not any(r == "leader" for _, r, _ in got)


def test_an_office_that_is_someone_elses_is_held_by_nobody_here():
    """'the wife of the President', 'an adviser to the President': the office is another's."""
    for who in ("Ana Roe", "She"):
        for words in ("was the wife of the", "was an adviser to the", "was a candidate for"):
            got = _facts(
                f"= Ana Roe =\n\nAna Roe (born 1950) is an Estonian lawyer. {who} {words} President of Estonia.\n"
            )
            held = [f for f in got if f[1] in ("positionHeld", "headOfState") and "Ana Roe" in (f[0], f[2])]
            assert not held, (who, words, held)


def test_a_queen_is_no_head_of_state_by_her_title_alone():
    """'Queen of X' is also a consort's title: the box's office gives the position, not the headship."""
    got = _facts("= Ana Roe =\n\nAna Roe\n- Office: Queen of Sweden\n\nAna Roe (born 1950) is a Swedish royal.\n")
    assert ("Sweden", "headOfState", "Ana Roe") not in got


def test_the_first_woman_to_be_president_held_the_office():
    got = _facts(
        "= Ana Roe =\n\nAna Roe (born 1950) is an Estonian lawyer. She was the first woman to be "
        "President of Estonia.\n"
    )
    assert ("Ana Roe", "positionHeld", "President of Estonia") in got
