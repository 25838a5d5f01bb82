"""Patterns of real articles that kg got wrong or missed (branch fix11): a box neighbour named in
another capacity ("(as Prime Minister)"), a reflexive pronoun for the box's subject, a surname the
tokenizer glued to the full stop ("Tam Sen."), a romanisation's label in the subject's bracket, and
a state's body named by its people's adjective. Invented people and bodies; each positive case has a
negative twin."""

from __future__ import annotations

import pytest

from tests.extracted import extract_text, fact_triples


def _officer(rows: str, lead: str = "Ivo Brandt (born 2 May 1950) is an Estonian general.") -> str:
    return f"= Ivo Brandt =\n\nIvo Brandt\n{rows}\n\n{lead}\n"


_ACTING = "- Office: Acting Prime Minister of Estonia\n- Term Start: 1 May 2006\n- Term End: 1 June 2006\n"


def test_neighbour_in_another_capacity_held_that_office() -> None:
    facts = fact_triples(_officer(_ACTING + "- Predecessor: Jaan Kivi (as Prime Minister)"))
    assert ("Jaan Kivi", "positionHeld", "Prime Minister of Estonia") in facts
    assert ("Jaan Kivi", "positionHeld", "Acting Prime Minister of Estonia") not in facts


def test_neighbour_capacity_in_words_with_its_own_country() -> None:
    rows = "- Office: Minister of Economy and Finance\n- Term Start: 1 May 1993\n"
    facts = fact_triples(_officer(rows + "- Predecessor: Jaan Kivi as Minister of Finance"))
    assert ("Jaan Kivi", "positionHeld", "Minister of Finance") in facts
    assert ("Jaan Kivi", "positionHeld", "Minister of Economy and Finance") not in facts


def test_neighbour_without_capacity_held_the_row_office() -> None:
    facts = fact_triples(_officer(_ACTING + "- Predecessor: Jaan Kivi"))
    assert ("Jaan Kivi", "positionHeld", "Acting Prime Minister of Estonia") in facts


@pytest.mark.parametrize("word", ["Himself", "herself"])
def test_reflexive_neighbour_is_no_person(word: str) -> None:
    rows = "- Office2: President of the Tesk Security Council\n- Term Start2: 1 October 2006\n"
    facts = fact_triples(_officer(rows + f"- Predecessor2: {word} (as Head of the Tesk Reform Council)"))
    assert not any(word in (s, o) for s, _, o in facts)
    assert ("Ivo Brandt", "positionHeld", "President of the Tesk Security Council") in facts


def test_reflexive_twin_a_named_predecessor_stays() -> None:
    rows = "- Office2: President of the Tesk Security Council\n- Term Start2: 1 October 2006\n"
    facts = fact_triples(_officer(rows + "- Predecessor2: Jaan Kivi"))
    assert ("Ivo Brandt", "replaces", "Jaan Kivi") in facts


def _party(lead: str) -> str:
    return f"= Tesk Rescue Party =\n\n{lead}\n"


def _names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.cls) for m in extract_text(text).mentions}


def test_surname_glued_to_the_full_stop() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. Its leader was arrested in 2017 for a "
        "plot to overthrow Prime Minister Tam Sen. The case was heard by the Supreme Court."
    )
    names = _names(text)
    assert ("Tam Sen", "Person") in names
    assert ("Tam", "Person") not in names


def test_surname_twin_a_name_inside_the_sentence_is_not_extended() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. Its leader Tam Rith was arrested in 2017 "
        "for a plot. The case was heard by the Supreme Court."
    )
    names = _names(text)
    assert ("Tam Rith", "Person") in names
    assert not any(n.startswith("Tam Rith ") for n, _ in names)


def test_romanisation_label_is_no_entity_and_it_is_the_party() -> None:
    text = _party(
        "The Tesk Rescue Party (TRP; ALA-LC: /km/) was a major political party in Cambodia. It was founded "
        "in 2012 as a merger between the Valdo Party and the Human Dignity Party."
    )
    assert not any(n == "ALA-LC" for n, _ in _names(text))
    facts = fact_triples(text)
    assert ("Tesk Rescue Party", "inception", "2012") in facts


def test_romanisation_twin_a_code_before_a_semicolon_stays() -> None:
    text = _party(
        "The Tesk Rescue Party (TRP; ALA-LC: /km/) was a major political party in Cambodia. It was founded "
        "in 2012."
    )
    assert any(n == "TRP" for n, _ in _names(text))


def test_state_body_named_by_its_people_is_in_that_state() -> None:
    text = _party(
        "The Tesk Rescue Party is an Estonian political party. In 2009 the Estonian Supreme Court banned the party."
    )
    facts = fact_triples(text)  # the object is the adjective's mention, which resolves to the country
    assert ("Estonian Supreme Court", "country", "Estonian") in facts


def test_state_body_twin_a_town_council_governs_only_its_town() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Tallinn. In 2009 the Tallinn City Council banned the party."
    )
    facts = fact_triples(text)
    assert ("Tallinn City Council", "jurisdiction", "Tallinn") in facts
    assert not any(s == "Tallinn City Council" and r == "country" for s, r, _ in facts)


def _referendum(lead: str, rows: str = "") -> str:
    return f"= 1994 Estonian constitutional referendum =\n\nInfobox\n- Country: Estonia\n{rows}\n{lead}\n"


def test_another_vote_of_the_lead_gives_the_referendum_no_date() -> None:
    facts = fact_triples(
        _referendum(
            "A constitutional referendum was held in Estonia on 5 October 1994. The reform was approved. "
            "Democratic elections were held in 1995, leading to a new government."
        )
    )
    assert ("1994 Estonian constitutional referendum", "pointInTime", "1994-10-05") in facts
    assert ("1994 Estonian constitutional referendum", "pointInTime", "1995") not in facts


def test_neighbour_elections_share_the_box_country() -> None:
    rows = (
        "- Previous Election: 1990 Estonian constitutional referendum\n"
        "- Next Election: 1998 Estonian constitutional referendum\n"
    )
    facts = fact_triples(_referendum("A constitutional referendum was held in Estonia in 1994.", rows))
    assert ("1990 Estonian constitutional referendum", "country", "Estonia") in facts
    assert ("1998 Estonian constitutional referendum", "country", "Estonia") in facts


def test_neighbour_elections_twin_a_box_without_country() -> None:
    text = (
        "= 1994 Tesk constitutional referendum =\n\nInfobox\n- Previous Election: 1990 Tesk constitutional "
        "referendum\n\nA constitutional referendum was held in 1994.\n"
    )
    facts = fact_triples(text)
    assert not any(s == "1990 Tesk constitutional referendum" and r == "country" for s, r, _ in facts)


def test_monarch_beside_a_country_office_is_its_head_of_state() -> None:
    rows = _ACTING + "- Monarch: Karl Lemberg\n"
    facts = fact_triples(_officer(rows))
    assert ("Estonia", "headOfState", "Karl Lemberg") in facts


def test_monarch_twin_no_country_office() -> None:
    rows = "- Office: President of the Tesk Security Council\n- Term Start: 1 May 2006\n- Monarch: Karl Lemberg\n"
    facts = fact_triples(_officer(rows))
    assert not any(r == "headOfState" and o == "Karl Lemberg" for _, r, o in facts)


@pytest.mark.parametrize("adverb", ["ethnically ", "historically ", ""])
def test_claim_in_some_respect_is_no_part_of_fact(adverb: str) -> None:
    lead = f"The Valdoran Farmers League is {adverb}part of the Green Union of Valdora."
    text = f"= Valdoran Farmers League =\n\n{lead}\n"
    fact = ("Valdoran Farmers League", "partOf", "Green Union of Valdora")
    assert (fact in fact_triples(text)) == (not adverb)  # the bare claim is the twin that must hold


def test_political_strength_of_a_side_took_part() -> None:
    text = (
        "= 1990 Tesk coup =\n\nInfobox\n- Conflict: 1990 Tesk coup\n- Combatant1: Government of Tesk\n"
        "- Polstrength1: Loyalist Reds\n- Polstrength2: Rebel Greens\n\nThe 1990 Tesk coup was a coup.\n"
    )
    facts = fact_triples(text)
    assert ("1990 Tesk coup", "participant", "Loyalist Reds") in facts
    assert ("1990 Tesk coup", "participant", "Rebel Greens") in facts


def test_neighbour_elections_twin_a_former_state() -> None:
    text = (
        "= 1939 Tesk general election =\n\nInfobox\n- Country: Kingdom of Tesk\n- Next Election: 1948 Tesk "
        "general election\n\nGeneral elections were held in 1939.\n"
    )
    facts = fact_triples(text)
    assert not any(s == "1948 Tesk general election" and r == "country" for s, r, _ in facts)


def test_capacity_cut_short_falls_back_to_the_row_office() -> None:
    facts = fact_triples(_officer(_ACTING + "- Successor: Jaan Kivi as Chairman of the"))
    assert not any(s == "Jaan Kivi" and o.startswith("Chairman") for s, _, o in facts)


def test_capacity_head_of_government_makes_him_the_country_head() -> None:
    facts = fact_triples(_officer(_ACTING + "- Predecessor: Jaan Kivi as Head of Government"))
    assert ("Estonia", "headOfGovernment", "Jaan Kivi") in facts
    assert not any(s == "Jaan Kivi" and r == "positionHeld" for s, r, _ in facts)


def _coup(rows: str, lead: str = "The 2009 Tesk coup was a coup in Estonia.") -> str:
    return f"= 2009 Tesk coup =\n\nInfobox\n- Title: 2009 Tesk coup\n- Place: Estonia\n{rows}\n\n{lead}\n"


def test_dashes_of_a_rule_split_two_names() -> None:
    facts = fact_triples(_coup("- Leadfigures1: Jaan Kivi ---- Karl Lemberg"))
    assert ("2009 Tesk coup", "participant", "Jaan Kivi") in facts
    assert ("2009 Tesk coup", "participant", "Karl Lemberg") in facts


def test_dash_twin_a_hyphenated_name_stays_whole() -> None:
    facts = fact_triples(_coup("- Leadfigures1: Jaan Kivi-Lemberg"))
    assert ("2009 Tesk coup", "participant", "Jaan Kivi-Lemberg") in facts


def test_an_office_of_a_state_on_a_side_is_no_state_and_no_participant() -> None:
    facts = fact_triples(_coup("- Side2: President of the Republic of Estonia, Kivi loyalists"))
    assert not any(o == "President of the Republic of Estonia" for _, _, o in facts)
    assert ("2009 Tesk coup", "participant", "Kivi loyalists") in facts


def test_an_office_twin_the_state_itself_on_a_side_takes_part() -> None:
    facts = fact_triples(_coup("- Side2: Republic of Estonia, Kivi loyalists"))
    assert ("2009 Tesk coup", "participant", "Republic of Estonia") in facts


def test_the_successor_of_a_numbered_holder_held_the_office_too() -> None:
    rows = "- Office1: 2nd President of Estonia\n- Term Start1: 1 May 1991\n- Successor1: Jaan Kivi\n"
    facts = fact_triples(_officer(rows))
    assert ("Ivo Brandt", "positionHeld", "President of Estonia") in facts
    assert ("Jaan Kivi", "positionHeld", "President of Estonia") in facts
    assert not any(o == "2nd President of Estonia" for _, _, o in facts)


def test_the_neighbours_of_a_head_office_headed_its_state() -> None:
    rows = "- Office1: Prime Minister of Estonia\n- Term Start1: 1 May 1991\n- Predecessor1: Jaan Kivi\n"
    facts = fact_triples(_officer(rows))
    assert ("Estonia", "headOfGovernment", "Jaan Kivi") in facts


def test_head_office_twin_a_party_office_heads_no_state() -> None:
    rows = "- Office1: Chairman of the Tesk Workers Party\n- Term Start1: 1 May 1991\n- Predecessor1: Jaan Kivi\n"
    facts = fact_triples(_officer(rows))
    assert not any(o == "Jaan Kivi" and r in ("headOfGovernment", "headOfState") for _, r, o in facts)


@pytest.mark.parametrize(
    "result", ["Jaan Kivi becomes president", "Jaan Kivi becomes de facto President and orders curfew"]
)
def test_a_result_that_makes_a_person_president(result: str) -> None:
    facts = fact_triples(_coup(f"- Result: Old regime removed, {result}"))
    assert ("Jaan Kivi", "positionHeld", "President of Estonia") in facts
    assert ("Estonia", "headOfState", "Jaan Kivi") in facts


def test_result_twin_no_office_title_gives_nothing() -> None:
    facts = fact_triples(_coup("- Result: Jaan Kivi becomes chairman of the board"))
    assert not any(s == "Jaan Kivi" and r == "positionHeld" for s, r, _ in facts)


def test_result_twin_an_event_of_two_countries_gives_nothing() -> None:
    text = _coup("- Result: Jaan Kivi becomes president").replace("- Place: Estonia", "- Place: Estonia, Latvia")
    facts = fact_triples(text)
    assert not any(s == "Jaan Kivi" and r == "positionHeld" for s, r, _ in facts)


def test_an_acting_head_office_heads_the_government() -> None:
    facts = fact_triples(_officer(_ACTING))
    assert ("Estonia", "headOfGovernment", "Ivo Brandt") in facts


def test_acting_twin_an_acting_deputy_heads_nothing() -> None:
    rows = "- Office: Acting Deputy Prime Minister of Estonia\n- Term Start: 1 May 2006\n"
    facts = fact_triples(_officer(rows))
    assert not any(r == "headOfGovernment" for _, r, _ in facts)


def _vote(lead: str) -> str:
    return f"= 1990 Estonian referendum =\n\nInfobox\n- Country: Estonia\n\n{lead}\n"


def test_a_creed_before_a_title_keeps_it_the_countrys_office() -> None:
    facts = fact_triples(
        _vote("A referendum was held in Estonia in 1990. The coup deposed the democratically elected Socialist "
              "President Jaan Kivi.")
    )
    assert ("Jaan Kivi", "positionHeld", "President of Estonia") in facts


def test_creed_twin_a_body_before_a_title_names_another_office() -> None:
    text = _vote("A referendum was held in Estonia in 1990. It was called by Senate President Jaan Kivi.")
    facts = fact_triples(text)
    assert ("Jaan Kivi", "positionHeld", "President of Estonia") not in facts


def test_an_event_on_a_span_of_days_took_place_on_the_first() -> None:
    lead = "The 1989 Tesk coup was a coup d'état that took place on 2–3 February 1989 in Estonia."
    text = f"= 1989 Tesk coup =\n\n{lead}\n"
    facts = fact_triples(text)
    assert ("1989 Tesk coup", "pointInTime", "1989-02-02") in facts
    assert ("1989 Tesk coup", "pointInTime", "1989-02-03") not in facts


def test_span_twin_one_day_is_that_day() -> None:
    lead = "The 1989 Tesk coup was a coup d'état that took place on 3 February 1989 in Estonia."
    text = f"= 1989 Tesk coup =\n\n{lead}\n"
    assert ("1989 Tesk coup", "pointInTime", "1989-02-03") in fact_triples(text)


def _group(lead: str) -> str:
    return f"= Tesk Army =\n\nThe Tesk Army was a secessionist group in Papua New Guinea. {lead}\n"


def test_a_person_of_a_party_elected_to_an_office() -> None:
    facts = fact_triples(_group("In 1997, Jon Hald of the Unity Party was elected Prime Minister of Papua New Guinea."))
    assert ("Jon Hald", "positionHeld", "Prime Minister of Papua New Guinea") in facts
    assert not any(s == "Unity Party" and r == "positionHeld" for s, r, _ in facts)


def test_person_of_party_twin_a_party_and_a_person_apart_give_no_office() -> None:
    facts = fact_triples(
        _group("In 1997, Jon Hald met the Unity Party, which was elected Prime Minister of Papua New Guinea.")
    )
    assert ("Jon Hald", "positionHeld", "Prime Minister of Papua New Guinea") not in facts


def test_a_list_of_a_countrys_divisions_lies_in_it() -> None:
    text = _party(
        "The Tesk Rescue Party is a movement. Its land is divided into three Estonian counties of Harju, "
        "Tartu and Pärnu."
    )
    facts = fact_triples(text)
    assert {s for s, r, o in facts if r == "locatedIn" and o == "Estonia"} >= {"Tartu", "Pärnu"}


def test_division_list_twin_a_list_of_people_is_none() -> None:
    text = _party(
        "The Tesk Rescue Party is a movement. It was led by three Estonian districts of Jaan Kivi, Karl Lemberg "
        "and Ivo Brandt."
    )
    assert not any(r == "locatedIn" and o == "Estonia" for _, r, o in fact_triples(text))


def test_a_demonym_before_another_adjective_is_the_citizenship() -> None:
    lead = "Ivo Brandt (born 2 October 1946) is a Thai former general who was commander of the army."
    text = f"= Ivo Brandt =\n\n{lead}\n"
    facts = fact_triples(text)
    assert any(s == "Ivo Brandt" and r == "citizenship" for s, r, _ in facts)


def test_demonym_twin_no_demonym_no_citizenship() -> None:
    lead = "Ivo Brandt (born 2 October 1946) is a retired former general who was commander of the army."
    text = f"= Ivo Brandt =\n\n{lead}\n"
    assert not any(r == "citizenship" for _, r, _ in fact_triples(text))


def test_a_member_in_apposition_is_the_member_not_the_body() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. Its rival was led by Jon Hald, a member "
        "of the Valdo Unity Party."
    )
    facts = fact_triples(text)
    assert ("Jon Hald", "memberOfParty", "Valdo Unity Party") in facts
    assert not any(s == "Valdo Unity Party" and o == "Jon Hald" and r.startswith("member") for s, r, o in facts)


def test_member_twin_a_described_party_is_not_the_articles() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. The court was headed by Jon Hald, a member "
        "of the ruling party."
    )
    facts = fact_triples(text)
    assert not any("Jon Hald" in (s, o) and r.startswith("member") for s, r, o in facts)


def test_a_body_in_a_relative_clause_headed_by_a_person() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. The case was heard by the Supreme Court of "
        "Cambodia which is headed by Chief Justice Jon Hald."
    )
    assert ("Supreme Court of Cambodia", "leader", "Jon Hald") in fact_triples(text)


def test_relative_clause_twin_an_active_clause_names_no_leader() -> None:
    text = _party(
        "The Tesk Rescue Party is a political party in Cambodia. The case was heard by the Supreme Court of "
        "Cambodia which heard Jon Hald."
    )
    assert ("Supreme Court of Cambodia", "leader", "Jon Hald") not in fact_triples(text)


def test_months_before_a_day_give_a_month_not_that_day() -> None:
    from kg.dates import DateValue, relative_date

    assert relative_date("just six months earlier", DateValue("1958-07-14")) == DateValue("1958-01")
    assert relative_date("three years later", DateValue("1958-07-14")) == DateValue("1961")
    assert relative_date("two days later", DateValue("1958-07-14")) == DateValue("1958-07-16")  # days stay days


@pytest.mark.parametrize("places", ["Harju, Tartu and Pärnu", "the towns of Tallinn, Tartu and Narva"])
def test_the_last_two_of_a_list_of_places_are_no_chain(places: str) -> None:
    text = _party(f"The Tesk Rescue Party is a movement. It operates in {places}.")
    assert not any(r == "locatedIn" for _, r, _ in fact_triples(text))


def test_list_twin_a_town_and_its_country_before_another_stays_a_chain() -> None:
    text = _party("The Tesk Rescue Party is a movement. It operates in Kampala, Uganda and Nairobi, Kenya.")
    assert ("Kampala", "country", "Uganda") in fact_triples(text)


def test_a_named_declaration_is_an_event_like_a_treaty() -> None:
    text = _party("The Tesk Rescue Party is a movement. In January 1991, the Valdo Declaration was signed.")
    assert ("Valdo Declaration", "Event") in _names(text)


def test_declaration_twin_a_common_declaration_is_nothing() -> None:
    text = _party("The Tesk Rescue Party is a movement. In January 1991, a declaration was signed by both sides.")
    assert not any("eclaration" in n for n, _ in _names(text))
