"""Facts kg used to write in another shape than the usual one, or not at all: a country's office given
without its country (an election box's ``Title: Prime Minister``, an officeholder's ``Primeminister``,
"the Estonian prime minister Ana Roe"), an uprising's sentence-case title, "the A and the B" in one
``Partof``, a "who was" that belongs to the name before it. Invented people and events, real countries."""

from __future__ import annotations

from kg.extract.office_names import country_short_name, office_name, office_title
from tests.extracted import fact_triples

ELECTION = """= 1931 Latvian general election =

Infobox
- Country: Kingdom of Latvia
- Election Date: 3 May 1931
- Leader1: Ivars Kelmanis
- Party1: Latvian Farmers' Union
- Title: Prime Minister
- Posttitle: Elected Prime Minister
- Before Election: Ivars Kelmanis
- After Election: Maris Ozols

General elections were held in Latvia on 3 May 1931. The Latvian Farmers' Union won most seats.
"""

HEAD_TITLE = """= 1966 Estonian general election =

Infobox
- Country: Estonia
- Election Date: 9 June 1966
- Title: Head of government
- Posttitle: Prime Minister
- Before Election: Lenart Osk
- After Election: Mira Dunhal

General elections were held in Estonia on 9 June 1966.
"""

NO_COUNTRY = """= 1966 Varn general election =

Infobox
- Election Date: 9 June 1966
- Title: Prime Minister
- Before Election: Lenart Osk
- After Election: Mira Dunhal

General elections were held on 9 June 1966 in the Varn provinces.
"""

OFFICEHOLDER = """= Tomas Varkel =

Infobox
- Office: President of Lithuania
- Term Start: 11 November 1975
- Term End: 10 September 1979
- Primeminister: Aron Pikk
- Office2: Prime Minister of Lithuania
- Term Start2: 1970
- Term End2: 1975
- Vicepresident2: Ivo Kask

Tomas Varkel (1922–1979) was a Lithuanian politician.
"""

PROSE = """= Ilse Marrow =

Ilse Marrow (born 1941) is a Finnish activist. She led the Red Cells, which kidnapped the former
Estonian prime minister Aron Pikk in 1978. She is the half-sister of Eli Marrow, who was the first
President of Latvia after 1991. The newspaper said the prime minister Ivo Kask would speak.
"""

UPRISING = """= Tallinn Polytechnic uprising =

Infobox
- Partof: the Estonian junta and the Cold War
- Date: 14-17 November 1973
- Side1: Tallinn Student Union
- Side2: Estonian junta
- Leadfigures1: Non-centralized leadership
- Leadfigures2: Lopo do Nascimento

The Tallinn Polytechnic uprising occurred in November 1973 as a student demonstration in Estonia.
"""


def test_the_office_name_is_the_title_with_the_countrys_short_name():
    assert office_name("Prime Minister", "Kingdom of Latvia") == "Prime Minister of Latvia"
    assert office_name("president", "the Argentine Republic") == "President of Argentina"
    assert office_name("vice president", "Dominican Republic") == "Vice President of the Dominican Republic"
    assert office_name("Prime Minister", "Varnland") is None  # no country the gazetteer knows
    assert office_name("Head of government", "Estonia") is None  # no office's title
    assert country_short_name("Estonian") == "Estonia"
    assert office_title("Prime Minister after election") == "Prime Minister"


def test_an_election_boxs_bare_title_is_the_office_of_the_boxs_country():
    got = fact_triples(ELECTION)
    assert ("Ivars Kelmanis", "positionHeld", "Prime Minister of Latvia") in got
    assert ("Maris Ozols", "positionHeld", "Prime Minister of Latvia") in got
    assert ("Kingdom of Latvia", "headOfGovernment", "Maris Ozols") in got
    assert ("Kingdom of Latvia", "headOfGovernment", "Ivars Kelmanis") in got


def test_a_head_of_government_title_heads_and_the_posttitle_is_the_new_holders_office():
    got = fact_triples(HEAD_TITLE)
    assert ("Estonia", "headOfGovernment", "Lenart Osk") in got
    assert ("Estonia", "headOfGovernment", "Mira Dunhal") in got
    assert ("Mira Dunhal", "positionHeld", "Prime Minister of Estonia") in got
    assert ("Lenart Osk", "positionHeld", "Prime Minister of Estonia") not in got
    assert not any(r == "positionHeld" and o == "Head of government" for _, r, o in got)


def test_a_bare_title_with_no_country_in_the_box_names_no_office():
    got = fact_triples(NO_COUNTRY)
    assert not any(r in ("positionHeld", "headOfGovernment") for _, r, _ in got)


def test_an_officeholders_colleague_holds_the_same_countrys_office_the_prose_never_names():
    got = fact_triples(OFFICEHOLDER)
    assert ("Aron Pikk", "positionHeld", "Prime Minister of Lithuania") in got
    assert ("Lithuania", "headOfGovernment", "Aron Pikk") in got
    # a Vicepresident under a Prime Minister is no Vice President of the country
    assert ("Ivo Kask", "positionHeld", "Vice President of Lithuania") not in got


def test_a_lower_case_title_after_a_peoples_adjective_and_who_after_a_name():
    got = fact_triples(PROSE)
    assert ("Aron Pikk", "positionHeld", "Prime Minister of Estonia") in got
    assert not any(s == "Ivo Kask" and r == "positionHeld" for s, r, _ in got)
    held = {(s, o) for s, r, o in got if r == "positionHeld"}
    assert not any(o == "President of Latvia" and s in ("Ilse Marrow", "Ilse") for s, o in held)
    assert ("Eli Marrow", "President of Latvia") in held


def test_a_sentence_case_uprising_title_and_a_partof_of_two_names():
    got = fact_triples(UPRISING)
    assert ("Tallinn Polytechnic uprising", "partOf", "Cold War") in got
    assert ("Tallinn Polytechnic uprising", "partOf", "Estonian junta") in got
    assert ("Tallinn Polytechnic uprising", "participant", "Tallinn Student Union") in got
    # a description under a people's key is nobody; a name's lower-case particle is still a name
    assert ("Tallinn Polytechnic uprising", "participant", "Lopo do Nascimento") in got
    assert not any(o == "Non-centralized leadership" and r != "infoboxValue" for _, r, o in got)


REALMS = """= Varn Ratsadon =

Varn Ratsadon was a group of military officers which staged a revolution on 24 June 1932.

In 1927, the Kingdom of Siam, the Rattanakosin Kingdom, was under the rule of King Tavorn (Rama VII).
In 1974, the Varn Committee overthrew Emperor Ilo Marrat and the government of the Ethiopian Empire.
"""


def test_a_monarchs_realm_by_its_other_name_or_its_peoples_adjective():
    got = fact_triples(REALMS)
    assert ("King Tavorn", "positionHeld", "King of Siam") in got
    assert ("Kingdom of Siam", "headOfState", "King Tavorn") in got
    assert ("Ilo Marrat", "positionHeld", "Emperor of Ethiopia") in got


def test_an_events_date_of_days_in_one_month_is_its_start_and_end():
    got = fact_triples(UPRISING)
    assert ("Tallinn Polytechnic uprising", "startTime", "1973-11-14") in got
    assert ("Tallinn Polytechnic uprising", "endTime", "1973-11-17") in got
    assert ("Tallinn Polytechnic uprising", "pointInTime", "1973-11-17") not in got


PLURAL = """= 1985 Latvian general election =

Infobox
- Country: Latvia

General elections were held in Latvia on 14 July 1985. Former presidents Aron Pikk and Ivo Kask stood
as candidates of the Latvian Farmers' Union. Latvia's economy grew in 1986. Ilse Marrow and Eli Sol
voted.
"""


def test_a_plural_title_covers_each_name_of_its_list():
    got = fact_triples(PLURAL)
    assert ("Aron Pikk", "positionHeld", "President of Latvia") in got
    assert ("Ivo Kask", "positionHeld", "President of Latvia") in got
    assert not any(s in ("Ilse Marrow", "Eli Sol") and r == "positionHeld" for s, r, _ in got)


CABINET = """= 1977 Latvian coup attempt =

Infobox
- Date: 27 May 1977
- Place: Latvia
- Combatant1: Latvian Army
- Combatant2: Riga Action Committee Supported by:,
- Commander2: Aron Pikk

The 1977 Latvian coup attempt was a failed attempt by the Latvian interior minister Aron Pikk to
overthrow the government. In March 1977, Andris Berzins, the Attorney General of Latvia, announced charges.
"""


def test_a_cabinet_office_and_a_combatants_glued_sub_label():
    got = fact_triples(CABINET)
    assert ("Aron Pikk", "positionHeld", "Interior Minister of Latvia") in got
    assert ("Andris Berzins", "positionHeld", "Attorney General of Latvia") in got
    assert not any(r in ("headOfState", "headOfGovernment") for _, r, _ in got)  # no head's office
    assert ("1977 Latvian coup attempt", "participant", "Riga Action Committee") in got


WAR_SPAN = """= Aron Pikk =

Aron Pikk (1922–1979) was a Latvian politician. He led the Latvian Front during the beginning of the
Kurzeme Civil War, which began in 1975 and lasted until 2002. He later fought in the Vidzeme War,
which began in 1981.
"""


def test_a_clause_of_beginning_right_after_an_events_name_dates_it():
    got = fact_triples(WAR_SPAN)
    assert ("Kurzeme Civil War", "startTime", "1975") in got
    assert ("Kurzeme Civil War", "endTime", "2002") in got
    assert ("Vidzeme War", "startTime", "1981") in got
    assert not any(s == "Vidzeme War" and r == "endTime" for s, r, _ in got)


FOUNDING = """= Varn Youth Movement =

The Varn Youth Movement (VYM) was the first nationalist organization of Varnia, founded in 1934.
Ernest Kolawe, the first editor of the Daily Times of Nigeria, launched in the month of June 1926, was
another founding member.
"""


def test_another_founding_member_after_a_joined_verb_founded_it():
    got = fact_triples(FOUNDING)
    assert ("Varn Youth Movement", "foundedBy", "Ernest Kolawe") in got


ADDRESS = """= Orvan People's Organisation =

Infobox
- Headquarters: Erf 2464, Vell Street, Katutura, Windhoek, Khomas Region
- Founded: 1960

The Orvan People's Organisation is a political party in Namibia.
"""

TWO_TOWNS = ADDRESS.replace("Erf 2464, Vell Street, Katutura, Windhoek, Khomas Region", "Windhoek, Rundu")


def test_a_street_address_is_a_chain_from_its_district_out():
    got = fact_triples(ADDRESS)
    assert ("Orvan People's Organisation", "headquarters", "Windhoek") in got
    assert ("Katutura", "locatedIn", "Windhoek") in got
    assert ("Windhoek", "locatedIn", "Khomas Region") in got
    assert ("Orvan People's Organisation", "headquarters", "Khomas Region") not in got
    # two towns with no address around them are a list, neither in the other
    assert ("Windhoek", "locatedIn", "Rundu") not in fact_triples(TWO_TOWNS)


LISTED = """= 1970 Latvian general election =

The elections were a fierce contest between two social democratic parties, the Riga Workers Party
(RWP) and the Latgale People's League. In the west, the RWP faced Islamist parties like the
Kurzeme Faith Party.
"""


def test_an_ideology_adjective_before_a_plural_names_each_party_of_its_list():
    got = fact_triples(LISTED)
    assert ("Riga Workers Party", "ideology", "Social democracy") in got
    assert ("Latgale People's League", "ideology", "Social democracy") in got
    assert ("Kurzeme Faith Party", "ideology", "Islamism") in got


BARE_OFFICE = """= Aron Pikk =

Infobox
- Office: President
- Term Start: 1 May 1990
- Term End: 2 June 1994
- Predecessor: Ivo Kask
- Office2: Minister of Finance
- Term Start2: 1985

Aron Pikk (1922–1999) was a Lithuanian politician who led the country in the 1990s.
"""

TWO_COUNTRIES = BARE_OFFICE.replace("was a Lithuanian politician", "was a Lithuanian and Latvian politician")


def test_an_officeholders_bare_office_is_the_country_of_the_lead():
    got = fact_triples(BARE_OFFICE)
    assert ("Aron Pikk", "positionHeld", "President of Lithuania") in got
    assert ("Ivo Kask", "positionHeld", "President of Lithuania") in got
    assert ("Aron Pikk", "positionHeld", "Minister of Finance") in got  # no title of a head's office: as it is
    other = fact_triples(TWO_COUNTRIES)
    assert ("Aron Pikk", "positionHeld", "President") in other  # two countries: whose, the lead does not say


MINISTER = """= Aron Pikk =

Infobox
- Office1: Minister without Portfolio
- Term Start1: 16 May 1974
- Primeminister1: Ivo Kask, Tomas Vell

Aron Pikk (1913–2005) was a Lithuanian communist revolutionary and politician.
"""


def test_a_ministers_prime_minister_is_the_articles_countrys():
    got = fact_triples(MINISTER)
    assert ("Ivo Kask", "positionHeld", "Prime Minister of Lithuania") in got
    assert ("Tomas Vell", "positionHeld", "Prime Minister of Lithuania") in got
    assert ("Lithuania", "headOfGovernment", "Tomas Vell") in got
    alone = fact_triples(MINISTER.replace("a Lithuanian communist", "a communist"))
    assert not any(r == "positionHeld" and o.startswith("Prime Minister") for _, r, o in alone)
