"""Wrong-fact patterns a blind fact-check of held-out real articles found (issue 14, session 18),
each on an invented article: infobox placeholders, image debris, counts and job titles made into
entities; a form of rule as a party; a sub-label glued to a name; "the A and the B" and "Urdu and
Hindi" as one thing; period-qualified values stated as current; islands placed in the article's one
region; a country named only as where someone went, taken as the country of everything else."""

from __future__ import annotations

from kg.extract.junk import junk_name
from tests.extracted import extract_text, fact_triples

FRONT = """= Tarvel People's Front =
- Name: Tarvel People's Front
- Logo: Tarvel_front_flag.svg
- Leader: Unknown
- Spokesperson: Dara Molvek
- Foundation: 1968
- Headquarters: Mobile units
- Area: Various
- Opponents: TBD, Velmarian Army
- Allies: N/A
- Country: Velmaria

The Tarvel People's Front (TPF) is an armed group in Velmaria. It was founded in 1968 by Oren Kask.
"""

ELECTION = """= 1968 Velmarian general election =
- Election Name: 1968 Velmarian general election
- Country: Velmaria
- Title: Prime Minister
- Before Election: Ivo Brenn
- Before Party: Martial law
- After Election: Lira Pent
- After Party: Velmarian Workers' Party

General elections were held in Velmaria on 3 May 1968, the first after six years of military rule.
"""

COUP = """= 1979 Orvan coup attempt =
- Conflict: 1979 Orvan coup attempt
- Date: 4 June 1979
- Place: Orvania
- Combatant1: Orvan Republican Army
- Combatant2: Orvan Action Committee Supported by:, Tesk Legion
- Partof: the Orvan junta and the Cold War

The 1979 Orvan coup attempt was a failed attempt by the Orvan Action Committee to overthrow the government.
"""

PARTY = """= Orvan Workers' Union =
- Name: Orvan Workers' Union
- Founded: 1958
- Position: Left-wing, 1960–1990:, Far-left
- Ideology: Agrarian socialism (1960s–1980s), Social democracy (since 1990)
- Languages: Urdu and Hindi

The Orvan Workers' Union is a political party in Orvania.
"""

ISLANDS = """= Velo Rising =
- Name: Velo Rising
- Date: 1921

The Velo Rising was a revolt of farmers in Umbria in 1921. It spread from the Velo River valley to the
Tesk Islands, where the rebels held out for a month.
"""

FOUNDER = """= Dara Molvek =
- Name: Dara Molvek
- Birth Date: 4 May 1931

Dara Molvek (4 May 1931 – 1990) was a politician.
After he came back from France, he founded the Velmarian Workers' Party. He led the party until 1980.
"""


def _names(text: str) -> set[str]:
    return {m.text for m in extract_text(text).mentions}


def test_placeholders_and_debris_make_no_entity():
    names = _names(FRONT)
    for junk in ("Unknown", "Mobile units", "Various", "TBD", "N/A"):
        assert junk not in names, junk
    facts = fact_triples(FRONT)
    assert not any(o in ("Unknown", "Mobile units", "Various", "TBD") for _, _, o in facts)
    assert ("Tarvel People's Front", "opposed", "Velmarian Army") in facts  # the real item beside TBD stays
    assert ("Tarvel People's Front", "foundedBy", "Oren Kask") in facts


def test_counts_claims_files_and_job_titles_are_no_names():
    for junk in ("~5,000", "300 fighters", "5,000+ members", "Government claim", "Rebel claims", "Tesk_flag.svg"):
        assert junk_name(junk), junk
    for role in ("spokesperson", "chief executive", "press officer"):
        assert junk_name(role, "Person"), role
    for name in ("30 September Movement", "Mobile Brigade", "Unknown Soldier Party", "Chief Obi"):
        assert not junk_name(name, "Organization"), name


def test_a_form_of_rule_is_no_party():
    facts = fact_triples(ELECTION)
    assert not any(r == "memberOfParty" and o == "Martial law" for _, r, o in facts)
    assert ("Lira Pent", "memberOfParty", "Velmarian Workers' Party") in facts
    assert "Martial law" not in _names(ELECTION)


def test_a_sub_label_glued_to_a_name_is_cut_off():
    facts = fact_triples(COUP)
    assert ("1979 Orvan coup attempt", "participant", "Orvan Action Committee") in facts
    assert not any("Supported" in o for _, _, o in facts)


def test_the_a_and_the_b_is_two_things():
    facts = fact_triples(COUP)
    assert ("1979 Orvan coup attempt", "partOf", "Cold War") in facts
    assert not any(" and the " in o for _, _, o in facts)


def test_two_languages_joined_by_and():
    facts = fact_triples(PARTY)
    assert ("Orvan Workers' Union", "officialLanguage", "Urdu") in facts
    assert ("Orvan Workers' Union", "officialLanguage", "Hindi") in facts


def test_period_qualified_values_keep_their_periods():
    ex = extract_text(PARTY)
    quals = {
        (f.relation, getattr(f.object, "text", "")): dict(f.qualifiers)
        for f in ex.facts
        if f.relation in ("politicalAlignment", "ideology")
    }
    assert quals[("politicalAlignment", "Far-left")] == {"start": "1960", "end": "1990"}
    assert quals[("politicalAlignment", "Left-wing")] == {}
    assert ("politicalAlignment", "Left-wing, 1960–1990:, Far-left") not in quals
    assert quals[("ideology", "Agrarian socialism")] == {"start": "1960", "end": "1989"}
    assert quals[("ideology", "Social democracy")] == {"start": "1990"}


def test_islands_are_not_placed_in_the_articles_one_region():
    facts = fact_triples(ISLANDS)
    assert not any(s == "Tesk Islands" and r == "locatedIn" for s, r, _ in facts)


def test_a_country_someone_came_back_from_places_nothing():
    facts = fact_triples(FOUNDER)
    assert ("Velmarian Workers' Party", "foundedBy", "Dara Molvek") in facts
    assert not any(r in ("country", "locatedIn") and o == "France" for _, r, o in facts)


MEMBER = """= Ivo Brenn =
- Name: Ivo Brenn

Ivo Brenn (born 1950) is a politician. He was a member of the Socialist Party of the Netherlands. In 1970 he joined
the Communist Party of the Maldives. He was a member of the Workers' Front of the Bahamas.
"""


def test_an_organisation_named_after_a_place_is_not_cut_to_its_head_or_its_place():
    facts = fact_triples(MEMBER)
    assert ("Ivo Brenn", "memberOfParty", "Socialist Party of the Netherlands") in facts
    assert ("Ivo Brenn", "memberOfParty", "Communist Party of the Maldives") in facts
    assert ("Ivo Brenn", "memberOf", "Workers' Front of the Bahamas") in facts
    cut = ("Socialist Party", "Communist Party", "Netherlands", "Maldives", "Bahamas")
    assert not any(o in cut for _, _, o in facts)


JOINED = """= Tesk Workers' Party =
- Name: Tesk Workers' Party

The Tesk Workers' Party is a party in Velmaria.

In 1990 the Tesk Workers' Party joined the Left Alliance, whose member parties are:
- Ulm Party
- Korsk Labour Party

The Orvan Labour Party, of which the Tesk Workers' Party is a member, was founded in 1950.
"""


def test_a_list_of_members_belongs_to_the_body_it_is_announced_for():
    facts = fact_triples(JOINED)
    assert ("Left Alliance", "hasPart", "Ulm Party") in facts
    assert not any(s == "Tesk Workers' Party" and r == "hasPart" for s, r, _ in facts)


FRONT_MEMBER = """= Tesk Popular Front =
- Name: Tesk Popular Front

The Tesk Popular Front is a coalition in Velmaria. The Korsk Labour Party, of which the Tesk Popular Front
is a member, was founded in 1950.
"""


def test_of_which_x_is_a_member_makes_x_the_member():
    facts = fact_triples(FRONT_MEMBER)
    assert ("Tesk Popular Front", "memberOfParty", "Korsk Labour Party") in facts
    assert not any(s == "Korsk Labour Party" and r in ("memberOf", "memberOfParty") for s, r, _ in facts)
    # parsed the other way round ("Y, of which X' Party is …"), the sentence gives no membership of Y's
    facts = fact_triples(JOINED)
    assert not any(s == "Orvan Labour Party" and r in ("memberOf", "memberOfParty") for s, r, _ in facts)


ACTIVIST = """= Lira Pent =
- Name: Lira Pent
- Birth Date: 1940
- Birth Place: March 1940, Korsk
- Death Date: 1977 (disappeared)

Lira Pent (1940 – disappeared 1977) was an activist. She was born in Korsk, a town in the Kurdish region.
"""

GROUP = """= Tesk Front =
- Name: Tesk Front
- Area: Kurdish areas, Tamil regions, Velmaria

The Tesk Front is a militant group founded in 1978.
"""


def test_a_month_is_no_birthplace():
    facts = fact_triples(ACTIVIST)
    assert ("Lira Pent", "birthPlace", "Korsk") in facts
    assert not any(o.startswith("March") for _, r, o in facts if r in ("birthPlace", "locatedIn"))


def test_a_disappearance_is_not_a_death():
    facts = fact_triples(ACTIVIST)
    assert ("Lira Pent", "birthDate", "1940") in facts
    assert not any(r == "deathDate" for _, r, _ in facts)


def test_a_peoples_adjective_is_no_place():
    ex = extract_text(ACTIVIST)
    assert not any(m.text == "Kurdish" and m.cls in ("AdministrativeRegion", "Place", "City") for m in ex.mentions)
    facts = fact_triples(GROUP)
    assert ("Tesk Front", "location", "Velmaria") in facts
    assert not any(o in ("Kurdish areas", "Tamil regions") for _, _, o in facts)


KIN = """= Lira Pent =
- Name: Lira Pent
- Relatives: Ivo Pent (cousin of Tomas Vek), Ana Pent (Oren's daughter), Eli Pent (sister)
- Children: Mira Pent (his niece), Tom Pent

Lira Pent (born 1940) was an activist.
"""


def test_kinship_in_brackets_is_read():
    facts = fact_triples(KIN)
    assert ("Lira Pent", "sibling", "Eli Pent") in facts
    assert ("Lira Pent", "child", "Tom Pent") in facts
    assert ("Lira Pent", "relative", "Mira Pent") in facts  # a niece, no child
    assert ("Lira Pent", "child", "Mira Pent") not in facts
    # someone else's cousin and someone else's daughter are no kin the box gives her
    assert not any(o in ("Ivo Pent", "Ana Pent") for _, r, o in facts if r != "infoboxValue")


SIBLINGS = """= Vell Rising =
- Conflict: Vell Rising
- Date: 1921
- Place: Molise, Abruzzo

The Vell Rising was a revolt of farmers in 1921. Its leader Ivo Vell lived in Arezzo, Grosseto and Livorno, Tuscany.
"""


def test_a_comma_list_of_sibling_places_is_no_chain():
    facts = fact_triples(SIBLINGS)
    assert ("Vell Rising", "location", "Molise") in facts and ("Vell Rising", "location", "Abruzzo") in facts
    assert ("Molise", "locatedIn", "Abruzzo") not in facts
    assert ("Arezzo", "locatedIn", "Grosseto") not in facts


ABROAD_TWICE = """= Tesk Workers' Front =
- Name: Tesk Workers' Front
- Founded: 1950

The Tesk Workers' Front is a political party. It was founded in 1950 by Ivo Brenn after he came back from
France. Brenn had studied in France for six years.
"""


def test_a_country_named_twice_where_someone_studied_is_not_the_partys():
    facts = fact_triples(ABROAD_TWICE.replace("from\nFrance", "from France"))
    assert ("Tesk Workers' Front", "inception", "1950") in facts
    assert not any(r in ("country", "locatedIn") and o == "France" for _, r, o in facts)


HALF_BROTHER = """= Amaro Velk =
- Name: Amaro Velk

Amaro Velk (1924–1973) was an Orvan agronomist, diplomat, and half-brother of Luís Varo who was the 1st President
of Lesotho.
"""


def test_an_office_in_a_who_clause_is_the_named_persons_not_the_subjects():
    facts = fact_triples(HALF_BROTHER.replace("President\nof", "President of"))
    assert not any(s == "Amaro Velk" and r == "positionHeld" for s, r, _ in facts)
    assert not any(r == "headOfState" and o == "Amaro Velk" for _, r, o in facts)


BRACKET_BROTHER = """= Ada Brenn =
- Name: Ada Brenn

Ada Brenn (born 1941) is a former activist.

==Early life==
Born of an extramarital affair between Orvo Zampa (brother of film director Ilmo Zampa) and Jolanda Brenn, Ada \
was born at Korsk. Her early years were difficult.
"""


def test_a_kinship_bracket_describes_the_name_before_it_not_the_sentences_subject():
    # NER takes "Orvo Zampa" for a place; the bracket is still his, never Ada's
    facts = fact_triples(BRACKET_BROTHER)
    assert not any(r == "sibling" and "Ilmo Zampa" in (s, o) for s, r, o in facts)


KEY_PEOPLE = """= Tesk Workers' Front =
- Name: Tesk Workers' Front
- Key People: Tomas Vek (chairman), Eli Sand (spokesperson)
- Founders: Unknown founders

The Tesk Workers' Front is a political party.
"""


def test_a_spokesperson_among_key_people_is_a_member_not_a_leader():
    facts = fact_triples(KEY_PEOPLE)
    assert ("Tesk Workers' Front", "leader", "Tomas Vek") in facts
    assert ("Tesk Workers' Front", "leader", "Eli Sand") not in facts
    assert ("Eli Sand", "memberOfParty", "Tesk Workers' Front") in facts or (
        "Eli Sand",
        "memberOf",
        "Tesk Workers' Front",
    ) in facts


def test_unknown_founders_are_nobody():
    facts = fact_triples(KEY_PEOPLE)
    assert not any("Unknown" in o for _, _, o in facts)


FORMERLY = """= Orvan Union =
- Name: Orvan Union
- Position: Far-left (formerly), Centre-left
- Ideology: Maoism (formerly), Social democracy

The Orvan Union is a party in Orvania.
"""


def test_a_value_marked_formerly_is_not_current():
    quals = {
        (f.relation, getattr(f.object, "text", "")): dict(f.qualifiers)
        for f in extract_text(FORMERLY).facts
        if f.relation in ("politicalAlignment", "ideology")
    }
    assert quals[("politicalAlignment", "Far-left")] == {"status": "Former"}
    assert quals[("politicalAlignment", "Centre-left")] == {}
    assert quals[("ideology", "Maoism")].get("status") == "Former"


MOBILE = """= Tesk Rebel Army =
- Name: Tesk Rebel Army
- Headquarters: Mobile
- Leader: Ivo Brenn

The Tesk Rebel Army is an armed group. Its leader Ivo Brenn was born in Mobile, Alabama.
"""


def test_mobile_headquarters_are_no_town_but_mobile_alabama_is():
    facts = fact_triples(MOBILE)
    assert not any(r == "headquarters" and o == "Mobile" for _, r, o in facts)
    assert ("Ivo Brenn", "birthPlace", "Mobile") in facts


FLAGS = """= 1979 Orvan coup =
- Conflict: 1979 Orvan coup
- Date: 1979
- Combatant1: Flag of Orvania.svg Orvan government, flag Orvan Army
- Combatant2: Tesk Legion
- Commander1: flagicon Ivo Brenn

The 1979 Orvan coup was a coup.
"""


def test_flag_and_image_debris_before_a_name_is_cut_off():
    facts = fact_triples(FLAGS)
    for name in ("Orvan government", "Orvan Army", "Ivo Brenn"):
        assert ("1979 Orvan coup", "participant", name) in facts, name
    assert not any("flag" in o.casefold() or ".svg" in o for _, _, o in facts)
