"""Prose patterns of the lead and first sections that the older rules missed (branch rec10): a
person's founder or leader noun hidden in the copula's other words. Invented people and bodies;
each case has a negative twin that must give nothing."""

from __future__ import annotations

import pytest

from tests.extracted import extract_text, fact_triples


def _party(text: str) -> str:
    return f"= Tesk Workers Party =\n\nThe Tesk Workers Party is a political party in Estonia. {text}\n"


def _person(name: str, text: str) -> str:
    return f"= {name} =\n\n{text}\n"


@pytest.mark.parametrize(
    ("article", "fact"),
    [
        (  # a founder noun conjoined to the predicate noun
            _person(
                "Ivo Brandt",
                "Ivo Brandt (1 May 1931 – 2 June 1980) was a physician and a founder of the Valdora "
                "Liberation Front (VLF), founded in 1965.",
            ),
            ("Valdora Liberation Front", "foundedBy", "Ivo Brandt"),
        ),
        (  # two role nouns share one "of" phrase: both hold
            _person(
                "Mara Velt",
                "Mara Velt (born 28 September 1945) is an Estonian activist, writer, and the founder "
                "and leader of the militant group Tesk Red Army (TRA).",
            ),
            ("Tesk Red Army", "foundedBy", "Mara Velt"),
        ),
        (
            _person(
                "Mara Velt",
                "Mara Velt (born 28 September 1945) is an Estonian activist, writer, and the founder "
                "and leader of the militant group Tesk Red Army (TRA).",
            ),
            ("Tesk Red Army", "leader", "Mara Velt"),
        ),
        (  # "one of the founders of", in a relative clause on the person's predicate noun
            _person(
                "Jon Hald",
                "Jon Hald (23 June 1936 – 8 November 1976) was an Estonian professor, writer and "
                "revolutionary who was one of the founders of the Tesk National Liberation Front (TNLF).",
            ),
            ("Tesk National Liberation Front", "foundedBy", "Jon Hald"),
        ),
        (  # a capitalised title of the leader, "the party" being the article's party
            _party("Tomas Rivkin was the General Secretary of the party from 1967 until his death in 1974."),
            ("Tesk Workers Party", "leader", "Tomas Rivkin"),
        ),
        (  # "became"
            _party("Tomas Rivkin later became President of the Valdoran Farmers League."),
            ("Valdoran Farmers League", "leader", "Tomas Rivkin"),
        ),
    ],
)
def test_a_role_noun_the_person_is_said_to_be(article: str, fact: tuple[str, str, str]):
    assert fact in fact_triples(article)


@pytest.mark.parametrize(
    ("article", "relation", "organisation"),
    [
        # a country's president is an office, not the leader of a body
        (_party("Tomas Rivkin later became President of Estonia in 1990."), "leader", "Estonia"),
        # a plain secretary leads nothing
        (_party("Tomas Rivkin was a secretary of the Valdoran Farmers League."), "leader", "Valdoran Farmers League"),
        # a hedged founder is a claim, not a fact
        (
            _person(
                "Ivo Brandt",
                "Ivo Brandt is an Estonian physician and an alleged founder of the Valdora Liberation Front.",
            ),
            "foundedBy",
            "Valdora Liberation Front",
        ),
        # a denied copula
        (
            _party("Tomas Rivkin, an Estonian lawyer, never became President of the Valdoran Farmers League."),
            "leader",
            "Valdoran Farmers League",
        ),
        # a founder of one body and a member of another: the member's body is not founded by her
        (
            _person(
                "Mara Velt",
                "Mara Velt is an Estonian activist, a member of the Tesk Green Union and a founder "
                "of the Valdora Liberation Front.",
            ),
            "foundedBy",
            "Tesk Green Union",
        ),
    ],
)
def test_no_role_where_the_sentence_gives_none(article: str, relation: str, organisation: str):
    assert not any(r == relation and s == organisation for s, r, _ in fact_triples(article))


def _bio(text: str) -> str:
    return _person("Ivo Brandt", f"Ivo Brandt (1 May 1931 – 2 June 1980) was an Estonian teacher. {text}")


@pytest.mark.parametrize(
    ("article", "fact"),
    [
        (_bio("He attended night school at Orvan University in Tartu."), ("Orvan University", "locatedIn", "Tartu")),
        (
            _bio("He enrolled at the University of Kessel, in Tartu, in 1950."),
            ("University of Kessel", "locatedIn", "Tartu"),
        ),
        (
            _bio("He was educated at Saint Vell Secondary School in the town of Tartu, Estonia."),
            ("Saint Vell Secondary School", "locatedIn", "Tartu"),
        ),
        (  # an organisation whose name ends in an institution's noun
            _bio("He taught at the Brandvik Institute in Tartu."),
            ("Brandvik Institute", "locatedIn", "Tartu"),
        ),
        (_bio("In 1950 he enrolled at Orvan University."), ("Ivo Brandt", "educatedAt", "Orvan University")),
    ],
)
def test_an_institution_in_its_town(article: str, fact: tuple[str, str, str]):
    assert fact in fact_triples(article)


@pytest.mark.parametrize(
    ("article", "subject", "relation"),
    [
        # a year, not a town, after "in"
        (_bio("He studied at Orvan University in 1950."), "Orvan University", "locatedIn"),
        # a party is no building: the place-chain and lead rules decide where it is
        (_bio("He joined the Tesk Workers League in Tartu."), "Tesk Workers League", "locatedIn"),
        # other words between the names
        (_bio("He left Orvan University and settled in Tartu."), "Orvan University", "locatedIn"),
        # enrolling in an army is no schooling
        (_bio("In 1950 he enrolled in the Estonian Army."), "Ivo Brandt", "educatedAt"),
    ],
)
def test_no_site_where_the_names_are_not_side_by_side(article: str, subject: str, relation: str):
    assert not any(s == subject and r == relation for s, r, _ in fact_triples(article))


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Shimla Vell is the capital of the Indian state of Orvan Pradesh.", ("Orvan Pradesh", "country", "Indian")),
        ("He worked in the Colombian department of Santa Vellora.", ("Santa Vellora", "country", "Colombian")),
        (  # a people's adjective makes a lower-case title the country's office
            "He was tried for the murder of the former Italian prime minister Paolo Vendi.",
            ("Paolo Vendi", "positionHeld", "Prime Minister of Italy"),
        ),
    ],
)
def test_a_country_from_its_peoples_adjective(text: str, fact: tuple[str, str, str]):
    assert fact in fact_triples(_bio(text))


@pytest.mark.parametrize(
    "text",
    [
        "He worked in the Colombian capital of Santa Vellora.",  # a capital is no division noun
        "He visited the Indian state and the Orvan Pradesh region.",  # no "of"
        "He met the president Paolo Vendi in 1971.",  # a bare lower-case title is no office
        "He met the Italian senate president Paolo Vendi in 1971.",  # another office
    ],
)
def test_no_country_or_office_without_the_construction(text: str):
    facts = fact_triples(_bio(text))
    assert not any(
        r in ("country", "positionHeld") and s in ("Orvan Pradesh", "Santa Vellora", "Paolo Vendi") for s, r, _ in facts
    )


def test_a_founding_noun_dates_only_the_body_its_of_phrase_names():
    """ "the formation of X in 1955" dates X (the founding-noun row of nouns.json); a date the verb
    carries, or a founding of something unnamed, dates nothing."""
    head = "The Korr Pass Uprising was a revolt in Valdora in 1958. "
    dated = fact_triples(
        _title_article(head + "Unrest grew after the formation of the Valdoran Farmers League in 1955.")
    )
    assert ("Valdoran Farmers League", "inception", "1955") in dated
    later = head + "In 1957 unrest grew after the formation of the Valdoran Farmers League."
    assert not any(r == "inception" for _, r, _ in fact_triples(_title_article(later)))
    unnamed = head + "The formation of a new government in 1955 calmed the Valdoran Farmers League."
    assert not any(r == "inception" for _, r, _ in fact_triples(_title_article(unnamed)))


def _title_article(text: str) -> str:
    return f"= Korr Pass Uprising =\n\n{text}\n"


@pytest.mark.parametrize(
    ("article", "fact"),
    [
        (
            _party("Marta Olsen, the party's leader, was arrested in 2005."),
            ("Tesk Workers Party", "leader", "Marta Olsen"),
        ),
        (
            _party("In 1999 Tomas Rivkin, its founder, left the party."),
            ("Tesk Workers Party", "foundedBy", "Tomas Rivkin"),
        ),
        (
            _person(
                "Marta Olsen",
                "Marta Olsen is an Estonian politician. She was elected president of the Tesk Workers Party in 1999.",
            ),
            ("Tesk Workers Party", "leader", "Marta Olsen"),
        ),
    ],
)
def test_a_role_in_apposition_or_by_election(article: str, fact: tuple[str, str, str]):
    assert fact in fact_triples(article)


@pytest.mark.parametrize(
    ("article", "wrong"),
    [
        # "the union" is not the party the article is about
        (
            _party("Marta Olsen, the union's president, met Tomas Rivkin."),
            ("Tesk Workers Party", "leader", "Marta Olsen"),
        ),
        # the one who appoints is not the one appointed
        (
            _party("In 1999 Marta Olsen appointed Tomas Rivkin chairman of the Valdoran Farmers League."),
            ("Valdoran Farmers League", "leader", "Marta Olsen"),
        ),
    ],
)
def test_no_role_for_another_body_or_the_one_who_names(article: str, wrong: tuple[str, str, str]):
    assert wrong not in fact_triples(article)


@pytest.mark.parametrize(
    "text",
    [
        "The Korr Pass Uprising was a revolt of miners. The Brennick riots occurred on 3 May 1870.",  # another event
        "The Korr Pass Uprising was a revolt of miners. It took place while Ivo Brandt was abroad.",  # no date
    ],
)
def test_no_date_for_another_event_or_an_undated_clause(text: str):
    assert not any(r == "pointInTime" for _, r, _ in fact_triples(_title_article(text)))


def test_a_commander_in_apposition_leads_the_force():
    text = (
        "The Korr Pass Uprising was a revolt in Valdora. It was staged by Ivo Brandt, the commander of the Tesk Army."
    )
    assert ("Tesk Army", "leader", "Ivo Brandt") in fact_triples(_title_article(text))


_RIVKIN = "Tomas Rivkin (1920–1990) was an Estonian politician"


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            f"{_RIVKIN} and a leading member of the Tesk Workers Party.",
            ("Tomas Rivkin", "memberOf", "Tesk Workers Party"),
        ),
        (
            f"{_RIVKIN}. He served as chairman of the Tesk Green Union from 1962 to 1970.",
            ("Tesk Green Union", "leader", "Tomas Rivkin"),
        ),
        (
            f"{_RIVKIN}. He joined the Valdoran Farmers League in 1950 and became its general secretary in 1960.",
            ("Valdoran Farmers League", "leader", "Tomas Rivkin"),
        ),
        (
            f"{_RIVKIN}. Marta Olsen was a founding member of the Tesk Green Union.",
            ("Tesk Green Union", "foundedBy", "Marta Olsen"),
        ),
    ],
)
def test_member_served_as_and_its_role(text: str, fact: tuple[str, str, str]):
    got = {(s, "memberOf" if r == "memberOfParty" else r, o) for s, r, o in fact_triples(_person("Tomas Rivkin", text))}
    assert fact in got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a team's player is no member the ontology records
        (f"{_RIVKIN} and a member of Tartu FC.", ("Tomas Rivkin", "memberOf", "Tartu FC")),
        # serving in a body as something else leads nothing
        (f"{_RIVKIN}. He served in the Tesk Green Union as a clerk.", ("Tesk Green Union", "leader", "Tomas Rivkin")),
        # a plain member founded nothing
        (
            f"{_RIVKIN}. Marta Olsen was a member of the Tesk Green Union.",
            ("Tesk Green Union", "foundedBy", "Marta Olsen"),
        ),
    ],
)
def test_no_membership_or_role_the_words_do_not_give(text: str, wrong: tuple[str, str, str]):
    assert wrong not in fact_triples(_person("Tomas Rivkin", text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The police found his house in the working class district of San Miguel in Santiago.", True),
        ("It was based in Rivonia, which was rural at that time but is now an affluent suburb of Johannesburg.", True),
        ("It was based in Rivonia, a suburb of Johannesburg.", True),
        ("He moved from Rivonia to Johannesburg.", False),  # two towns, no part of one
        ("He was born in Rivonia, a town near Johannesburg.", False),  # a town near another is not in it
    ],
)
def test_a_part_of_a_town_is_in_the_town(text: str, expected: bool):
    facts = fact_triples(_bio(text))
    inner = "San Miguel" if "San Miguel" in text else "Rivonia"
    outer = "Santiago" if "Santiago" in text else "Johannesburg"
    assert ((inner, "locatedIn", outer) in facts) is expected


def _front(text: str) -> str:
    return f"= Tesk Liberation Front =\n\nThe Tesk Liberation Front (TLF) is a militant group in Estonia. {text}\n"


@pytest.mark.parametrize(
    ("text", "doctrine"),
    [
        ("The front advocated a composite ideology of Revolutionary Tesism, Orvanism and Vellism.", "Orvanism"),
        (
            "The front advocated a composite ideology of Revolutionary Tesism, Orvanism and Vellism.",
            "Revolutionary Tesism",
        ),
        ("The group espoused African nationalist and anti-colonial ideologies.", "African nationalism"),
    ],
)
def test_a_doctrine_the_holder_advocates(text: str, doctrine: str):
    assert ("Tesk Liberation Front", "ideology", doctrine) in fact_triples(_front(text))


@pytest.mark.parametrize(
    "text",
    [
        "The front never advocated an ideology of Orvanism.",  # denied
        "The front criticised the ideology of Orvanism.",  # not a verb of holding
        "The front advocated independence from Valdora.",  # no doctrine
    ],
)
def test_no_doctrine_the_verb_does_not_hold(text: str):
    assert not any(r == "ideology" and s == "Tesk Liberation Front" for s, r, _ in fact_triples(_front(text)))


def test_a_student_in_apposition_studied_there_but_a_member_did_not():
    head = "The Valdoran Farmers League is a political party in Valdora. "
    text = head + "It was founded by Ivo Brandt, then a medical student at the University of Tartu."
    assert ("Ivo Brandt", "educatedAt", "University of Tartu") in fact_triples(_league(text))
    other = head + "Tomas Rivkin, a member of the University of Tartu, left it."  # no role noun of the table
    assert not any(s == "Tomas Rivkin" and o == "University of Tartu" for s, _, o in fact_triples(_league(other)))


def _league(text: str) -> str:
    return f"= Valdoran Farmers League =\n\n{text}\n"


@pytest.mark.parametrize(
    "text",
    [
        "He joined the Valdoran Farmers League in 1950 and became its vice chairman in 1960.",
        "He was the deputy leader of the Valdoran Farmers League.",
        "He was vice-chairman of the Valdoran Farmers League.",
    ],
)
def test_a_deputy_leads_nothing(text: str):
    """The role-of rule's own facts (the possessive rule reads "the deputy leader of Y" on its own)."""
    ex = extract_text(_person("Tomas Rivkin", f"{_RIVKIN}. {text}"))
    assert not [f for f in ex.facts if f.evidence.extractor == "rec10-role-of" and f.relation == "leader"]


def test_a_school_in_a_country_has_that_country():
    assert ("Orvan University", "country", "Estonia") in fact_triples(
        _bio("He studied at Orvan University in Estonia.")
    )


def test_leaders_of_an_event_took_part_and_founding_leaders_founded():
    text = (
        f"{_RIVKIN}. In 1967, he was one of the main leaders of the Tartu uprising and in 1969 he was one of "
        "the founding leaders of the Tesk Workers Party (TWP)."
    )
    facts = fact_triples(_person("Tomas Rivkin", text))
    assert ("Tartu uprising", "participant", "Tomas Rivkin") in facts
    assert ("Tesk Workers Party", "foundedBy", "Tomas Rivkin") in facts
    assert ("Tartu uprising", "leader", "Tomas Rivkin") not in facts  # an event has no leader edge
