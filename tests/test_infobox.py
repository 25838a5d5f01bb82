"""The infobox key table (kg/data/infobox.json) on invented articles: one test per family of rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.documents import read_article, read_text
from kg.documents.model import Article
from kg.extract import infobox as ib
from kg.extract import infobox_table as table
from kg.graph import KnowledgeGraph
from kg.model import DateValue, Fact, Mention, TextValue

from .conftest import DATA


def _subject(a: Article, cls: str) -> Mention:
    start = a.text.index(a.title)
    return Mention(a.stem, start, start + len(a.title), a.title, cls, "title", True)


def _facts(text: str, cls: str) -> tuple[list[Fact], list[Mention], list[str], Article]:
    a = read_text(text, "box.txt")
    facts, aliases, unmapped = ib.infobox_facts(a, _subject(a, cls))
    return facts, aliases, unmapped, a


def _file(name: str, cls: str) -> tuple[list[Fact], list[Mention], list[str], Article]:
    a = read_article(DATA / name)
    facts, aliases, unmapped = ib.infobox_facts(a, _subject(a, cls))
    return facts, aliases, unmapped, a


def _obj(f: Fact) -> str:
    return f.object.text if isinstance(f.object, (Mention, TextValue)) else f.object.iso


def _rel(facts: list[Fact], relation: str) -> list[tuple[str, str, dict[str, str]]]:
    return [(f.subject.text, _obj(f), dict(f.qualifiers)) for f in facts if f.relation == relation]


# --- the table itself ---


def test_every_relation_and_class_in_the_table_exists():
    from kg.ontology import CLASSES, RELATIONS

    rules = ib.infobox_rules()
    assert len(rules) > 300
    for alts in rules.values():
        for r in alts:
            assert r.relation is None or r.relation in RELATIONS
            assert r.object is None or r.object in CLASSES
            assert all(rel in RELATIONS for _, rel in r.labels)


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"combatant": {"relation": "particpant", "object": "Organization", "parser": "entities"}}, "particpant"),
        ({"combatant": {"relation": "participant", "object": "Organisation", "parser": "entities"}}, "Organisation"),
        ({"combatant": {"relation": "participant", "parser": "entitys"}}, "entitys"),
        (
            {"Term Start": {"relation": None, "parser": "keep"}, "term_start": {"relation": None, "parser": "keep"}},
            "same",
        ),
    ],
)
def test_a_typo_in_the_table_fails_when_it_loads(monkeypatch: pytest.MonkeyPatch, patch: dict, message: str):
    monkeypatch.setattr(table, "load_json", lambda name: {"keys": patch})
    ib.infobox_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            ib.infobox_rules()
    finally:
        monkeypatch.undo()
        ib.infobox_rules.cache_clear()


@pytest.mark.parametrize("key", ["Term Start2", "term_start2", "TERM START 2", "term-start2", "Term_Start_2"])
def test_keys_match_whatever_their_case_spaces_and_underscores(key: str):
    rule, n = ib.rule_for(key, "Person")
    assert rule is not None and (rule.group, rule.part, n) == ("term", "start", 2)


def test_the_table_was_written_from_the_templates_parameters():
    # a few parameters of each template named in the issue: each has a row
    for key in [
        "Combatant1",
        "Commander3",
        "Milstrength1",
        "Casualties2",
        "Partof",
        "Place",
        "Result",  # military conflict
        "Side1",
        "Leadfigures2",
        "Howmany1",  # civil conflict
        "Office",
        "Term End",
        "Predecessor",
        "Successor",
        "In office",  # officeholder
        "Birth Name",
        "Spouse",
        "Children",
        "Parents",
        "Relatives",
        "Alma Mater",  # person
        "Allegiance",
        "Branch",
        "Battles",
        "Unit",
        "Rank",  # military person
        "Leaders",
        "Founders",
        "Leader1 Name",
        "Leader1 Title",
        "Foundation",
        "Split",
        "Merged",
        "Wing1",
        "Youth wing",
        "Newspaper",
        "Seats1 Title",
        "National affiliation",
        "Regional affiliation",
        "International",
        "Position",
        "Ideology",  # political party
        "Dates of operation",
        "Area",
        "Allies",
        "Opponents",
        "Motives",  # militant organisation
        "Party1",
        "Leader2",
        "Popular Vote1",
        "Previous Election",
        "Next Election",
        "Election Date",  # election
        "Capital",
        "Official Languages",
        "Legislature",
        "Leader Title1",
        "Leader Name1",
        "P1",
        "S1",  # country
        "Subdivision Type1",
        "Subdivision Name1",
        "Established Date",  # settlement
        "Owner",
        "Publisher",
        "Ceased publication",
        "Political",  # newspaper
        "Office Location",
        "Affiliation",
        "Key People",  # trade union
        "Preceding1",
        "Superseding",
        "Jurisdiction",
        "Chief1 Name",
        "Chief1 Position",
        "Parent Department",
    ]:
        assert ib.rule_for(key, "Organization")[0] is not None or ib.rule_for(key, "Person")[0] is not None, key


# --- numbered offices: one positionHeld each, with its term and neighbours ---


def test_numbered_offices_give_one_position_held_each_with_qualifiers():
    facts, _, unmapped, _ = _file("marta_quellen.txt", "Person")
    held = {o: q for s, o, q in _rel(facts, "positionHeld") if s == "Marta Quellen"}
    assert held == {
        "Minister of Agriculture of Valdora": {
            "start": "1998-03-03",
            "end": "2001-01-12",
            "predecessor": "Julián Ferro",
            "successor": "Paula Ibarra",
        },
        "Mayor of Porto Irena": {
            "start": "2005-01-01",
            "end": "2012-12-31",
            "predecessor": "Hugo Salmerón",
            "successor": "Clara Vidal",
        },
    }
    # the people before and after held the office too
    others = {(s, o) for s, o, _ in _rel(facts, "positionHeld") if s != "Marta Quellen"}
    assert ("Julián Ferro", "Minister of Agriculture of Valdora") in others
    assert ("Clara Vidal", "Mayor of Porto Irena") in others
    assert {o for _, o, _ in _rel(facts, "replaces")} == {"Julián Ferro", "Hugo Salmerón"}
    assert {o for _, o, _ in _rel(facts, "replacedBy")} == {"Paula Ibarra", "Clara Vidal"}
    assert not unmapped
    # the term's lines became qualifiers; they are not kept a second time as loose values
    assert not [q for _, _, q in _rel(facts, "infoboxValue") if q["key"].startswith(("Term", "Office", "Pre", "Suc"))]


def test_a_position_fact_cites_every_line_of_its_group():
    facts, _, _, a = _file("marta_quellen.txt", "Person")
    f = next(f for f in facts if f.relation == "positionHeld" and _obj(f) == "Mayor of Porto Irena")
    assert a.text[f.evidence.start : f.evidence.end] == f.evidence.sentence
    for piece in ("Office2:", "Term Start2:", "Term End2:", "Predecessor2: Hugo Salmerón", "Successor2: Clara Vidal"):
        assert piece in f.evidence.sentence


def test_unnumbered_offices_group_with_the_lines_after_them():
    text = (
        "= Ana Roe =\n- Office: Governor of Tesk\n- In office: 2001 – 2005\n- Preceded by: Jo Lind\n"
        "- Office: Senator for Tesk\n- In office: 2008 – present\n- Succeeded by: Eli Marr\n\nShe is a politician.\n"
    )
    facts, _, _, _ = _facts(text, "Person")
    held = {o: q for s, o, q in _rel(facts, "positionHeld") if s == "Ana Roe"}
    assert held == {
        "Governor of Tesk": {"start": "2001", "end": "2005", "predecessor": "Jo Lind"},
        "Senator for Tesk": {"start": "2008", "successor": "Eli Marr"},
    }


def test_an_organisations_predecessor_is_not_a_position():
    text = "= Tesk Union =\n- Founded: 1990\n- Predecessor: Tesk League\n- Successor: Tesk Front\n\nIt is a union.\n"
    facts, _, _, _ = _facts(text, "PoliticalParty")
    assert _rel(facts, "replaces") == [("Tesk Union", "Tesk League", {})]
    assert _rel(facts, "replacedBy") == [("Tesk Union", "Tesk Front", {})]
    assert not _rel(facts, "positionHeld")


# --- conflicts: sides ---


def test_combatants_and_commanders_are_participants_on_their_side():
    facts, _, unmapped, _ = _file("battle_of_orvan_ridge.txt", "Conflict")
    sides = {(o, q.get("side")) for _, o, q in _rel(facts, "participant")}
    assert sides == {
        ("Northern Coalition", "1"),
        ("Free Tesk Militia", "1"),
        ("Republic of Korvia", "2"),
        ("Anselm Dorff", "1"),
        ("Pietro Calland", "1"),
        ("Viktor Haldane", "2"),
        ("3rd Mountain Brigade", "1"),
    }
    # a commander listed under a side is not said to be its member or leader
    assert not [f for f in facts if f.relation in ("memberOf", "leader")]
    assert {(o, q.get("side")) for _, o, q in _rel(facts, "infoboxValue") if q["key"].startswith("Milstrength")} == {
        ("4,200", "1"),
        ("6,000", "2"),
    }
    assert not unmapped


def test_a_combatant_that_is_a_country_stays_a_country():
    facts, _, _, _ = _facts(
        "= Siege of Tesk =\n- Combatant1: Bolivia\n- Combatant2: Tesk Rebels\n\nA siege.\n", "Conflict"
    )
    cls = {f.object.text: f.object.cls for f in facts if isinstance(f.object, Mention)}
    assert cls["Bolivia"] == "Country"


def test_conflict_dates_part_of_and_place():
    facts, _, _, _ = _file("battle_of_orvan_ridge.txt", "Conflict")
    assert _rel(facts, "partOf") == [("Battle of Orvan Ridge", "Orvan War", {})]
    assert [_obj(f) for f in facts if f.relation in ("startTime", "endTime")] == ["1932-09-02", "1932-09-07"]
    assert _rel(facts, "location")[0][1] == "Orvan Ridge"


# --- elections ---


def test_election_parties_and_leaders_by_number():
    facts, _, _, a = _file("valdoran_general_election_2014.txt", "Other")  # no class from its prose: the keys decide
    assert ib.subject_class(a, "Other") == "Election"
    sides = {(o, q.get("side")) for _, o, q in _rel(facts, "participant")}
    assert sides == {
        ("Valdoran Labour Party", "1"),
        ("Marta Quellen", "1"),
        ("Civic Renewal Alliance", "2"),
        ("Osvaldo Ferrán", "2"),
    }
    assert {(s, o) for s, o, _ in _rel(facts, "leader")} == {
        ("Valdoran Labour Party", "Marta Quellen"),
        ("Civic Renewal Alliance", "Osvaldo Ferrán"),
    }
    assert _rel(facts, "follows")[0][1] == "2009 Valdoran general election"
    assert _rel(facts, "followedBy")[0][1] == "2019 Valdoran general election"
    assert not _rel(facts, "memberOfParty")


# --- brackets, names, dates, debris ---


def test_a_trailing_bracket_gives_start_and_end_of_the_fact_never_a_lifespan():
    facts, _, _, _ = _file("sierra_liberation_front.txt", "ArmedGroup")
    allies = {o: q for _, o, q in _rel(facts, "alliedWith")}
    assert allies == {"National Front": {"start": "1988", "end": "1992"}, "Mountain Peasants League": {}}
    leaders = {(o, q.get("start"), q.get("end")) for _, o, q in _rel(facts, "leader") if "role" not in q}
    assert leaders == {("Tomás Varela", "1981", "1990"), ("Rubén Ochoa", None, "1996")}
    assert not [f for f in facts if f.relation in ("birthDate", "deathDate")]


def test_a_historical_party_in_brackets():
    facts, _, _, _ = _file("marta_quellen.txt", "Person")
    parties = {o: q for _, o, q in _rel(facts, "memberOfParty")}
    assert parties["Green Union of Valdora"] == {"status": "Historical", "start": "1990", "end": "1996"}
    assert parties["Valdoran Labour Party"] == {}


def test_birth_name_is_a_name_of_the_subject_never_a_place():
    facts, aliases, _, _ = _file("marta_quellen.txt", "Person")
    assert [m.text for m in aliases] == ["Marta Elena Quellen Ríos"]
    assert [o for _, o, _ in _rel(facts, "birthPlace")] == ["Porto Irena"]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("22 July 1997; 26 years ago (1997-07-22)", "1997-07-22"),
        ("14 May 1981; 44 years ago", "1981-05-14"),
        ("1994", "1994"),
        ("March 2003 (as the Tesk League)", "2003-03"),
    ],
)
def test_a_founding_date_is_given_once(value: str, iso: str):
    facts, _, _, _ = _facts(f"= Tesk League =\n- Founded: {value}\n\nA league.\n", "Organization")
    assert [_obj(f) for f in facts if f.relation == "inception"] == [iso]


def test_dates_of_operation_give_founding_and_dissolution():
    facts, _, _, _ = _facts("= Tesk Front =\n- Dates of operation: 1984–present\n\nA group.\n", "ArmedGroup")
    assert [(f.relation, _obj(f)) for f in facts if isinstance(f.object, DateValue)] == [("inception", "1984")]


def test_template_debris_and_sizes_are_not_entities():
    facts, _, _, _ = _file("sierra_liberation_front.txt", "ArmedGroup")
    names = {f.object.text for f in facts if isinstance(f.object, Mention)}
    assert "class=nowrap" not in names and not any("km2" in n for n in names)
    assert _rel(facts, "location") == [("Sierra Liberation Front", "Andean highlands", {})]


# --- titled names: leaders with titles, subdivisions with types ---


def test_a_leader_with_a_title_keeps_the_title_as_its_role():
    facts, _, _, _ = _file("sierra_liberation_front.txt", "ArmedGroup")
    assert ("Sierra Liberation Front", "Tomás Varela", {"role": "Commander-in-chief"}) in _rel(facts, "leader")


def test_a_countrys_leader_title_picks_head_of_state_or_government():
    text = (
        "= Republic of Korvia =\n- Capital: Orvan\n- Leader Title1: President\n- Leader Name1: Ivo Brandt\n"
        "- Leader Title2: Prime Minister\n- Leader Name2: Lena Sorn\n- Leader Title3: Speaker\n"
        "- Leader Name3: Otto Vell\n\nKorvia was a state.\n"
    )
    facts, _, unmapped, _ = _facts(text, "Country")
    assert [o for _, o, _ in _rel(facts, "headOfState")] == ["Ivo Brandt"]
    assert [o for _, o, _ in _rel(facts, "headOfGovernment")] == ["Lena Sorn"]
    assert not _rel(facts, "leader")  # a speaker is not the country's leader: the value is kept
    assert "Otto Vell" in {o for _, o, _ in _rel(facts, "infoboxValue")}
    assert not unmapped


def test_a_settlements_subdivisions_by_their_type():
    text = (
        "= Orvan =\n- Subdivision Type: Country\n- Subdivision Name: Bolivia\n- Subdivision Type1: Department\n"
        "- Subdivision Name1: Tesk Department\n\nOrvan is a town.\n"
    )
    facts, _, _, _ = _facts(text, "City")
    assert _rel(facts, "country") == [("Orvan", "Bolivia", {})]
    assert _rel(facts, "locatedIn") == [("Orvan", "Tesk Department", {})]


# --- the same key, different templates ---


def test_office_is_a_place_for_a_union_and_a_position_for_a_person():
    union, _, _, _ = _facts("= Tesk Dockers =\n- Office: Orvan, Bolivia\n\nA union.\n", "Organization")
    person, _, _, _ = _facts("= Ana Roe =\n- Office: Governor of Tesk\n\nA politician.\n", "Person")
    assert [o for _, o, _ in _rel(union, "headquarters")] == ["Orvan"]
    assert [o for _, o, _ in _rel(person, "positionHeld")] == ["Governor of Tesk"]


# --- unknown keys ---


def test_unknown_keys_are_kept_and_counted_known_ones_without_a_relation_are_kept_only():
    text = "= Tesk Front =\n- Flag Bearer: Ana Roe\n- Motives: Land reform\n- Founded: 1990\n\nA group.\n"
    facts, _, unmapped, _ = _facts(text, "ArmedGroup")
    assert unmapped == ["Flag Bearer"]
    kept = {q["key"]: o for _, o, q in _rel(facts, "infoboxValue")}
    assert kept == {"Flag Bearer": "Ana Roe", "Motives": "Land reform"}


# --- end to end: the qualifiers reach SPARQL ---


def test_qualifiers_are_reachable_by_sparql(data_graph: KnowledgeGraph):
    rows = data_graph.rows("""SELECT ?office ?from ?until ?before ?after WHERE {
        ?st rdf:predicate kg:positionHeld ; rdf:subject ?p ; rdf:object ?o ; kg:validFrom ?from ;
            kg:validUntil ?until ; kg:predecessor ?before ; kg:successor ?after .
        ?p rdfs:label "Marta Quellen" . ?o rdfs:label ?office }""")
    got = {(r["office"], str(r["from"]), str(r["until"]), r["before"], r["after"]) for r in rows}
    assert ("Mayor of Porto Irena", "2005-01-01", "2012-12-31", "Hugo Salmerón", "Clara Vidal") in got
    typed = data_graph.rows("""SELECT (DATATYPE(?from) AS ?t) WHERE {
        ?st rdf:predicate kg:memberOfParty ; kg:validFrom ?from ; kg:status "Historical" }""")
    assert {str(r["t"]).rsplit("#", 1)[-1] for r in typed} == {"gYear"}  # "(1990–1996)": typed years
    sides = data_graph.rows("""SELECT ?name ?side WHERE {
        ?st rdf:predicate kg:participant ; rdf:subject ?e ; rdf:object ?x ; kg:side ?side .
        ?e rdfs:label "Battle of Orvan Ridge" . ?x rdfs:label ?name }""")
    assert {(r["name"], int(r["side"])) for r in sides} >= {("Viktor Haldane", 2), ("Anselm Dorff", 1)}


def test_the_table_file_is_valid_json_with_a_comment():
    raw = json.loads((Path(ib.__file__).parent.parent / "data" / "infobox.json").read_text(encoding="utf-8"))
    assert raw["_comment"] and raw["keys"]


def test_the_layout_of_real_militant_group_pages():
    # the shape of a stored Wikipedia page: flag-icon country codes, status words and dates in brackets,
    # an ISO founding date, a period of activity, template debris inside a list, sub-labels
    text = (
        "= Tesk Popular Army =\n- Logo: 265px\n- Other Name: Teskistas\n- Foundation: 1983-11-17\n"
        "- Dates: 1994–present\n- Predecessor: Tesk Liberation Forces\n- Area: Orvan\n"
        "- Ideology: class=nowrap, Agrarian socialism, Faction:, Maoism\n"
        "- Allies: Orvan Workers Front (mutual supporters, 1995–2003)\n"
        "- Opponents: MEX Mexican government (Former), Orvan Cartel\n\nThe Tesk Popular Army is a group.\n"
    )
    facts, aliases, unmapped, _ = _facts(text, "ArmedGroup")
    assert [m.text for m in aliases] == ["Teskistas"]
    # the Foundation field dates the founding; "Dates: 1994–present" is when it fought, no second founding
    assert sorted((f.relation, _obj(f)) for f in facts if isinstance(f.object, DateValue)) == [
        ("inception", "1983-11-17"),
    ]
    assert not _rel(facts, "dissolved")  # "– present": still active
    assert _rel(facts, "replaces") == [("Tesk Popular Army", "Tesk Liberation Forces", {})]
    assert {(o, q.get("status")) for _, o, q in _rel(facts, "ideology")} == {
        ("Agrarian socialism", None),
        ("Maoism", "Faction"),
    }
    assert _rel(facts, "alliedWith") == [("Tesk Popular Army", "Orvan Workers Front", {"start": "1995", "end": "2003"})]
    assert {(o, q.get("status")) for _, o, q in _rel(facts, "opposed")} == {
        ("Mexican government", "Former"),
        ("Orvan Cartel", None),
    }
    assert not _rel(facts, "logo") and not unmapped


def test_a_bracket_the_reader_already_split_off_is_used():
    from kg.documents.model import InfoboxField, InfoboxItem

    text = "= Tesk Front =\n- Allies: Orvan League (2001–2004)\n\nA group.\n"
    a = read_text(text, "box.txt")
    f = a.infobox[0]
    start = text.index("Orvan League")
    item = InfoboxItem("Orvan League", start, start + len("Orvan League"), None, bracket="(2001–2004)")
    a = Article(
        a.path,
        a.stem,
        a.title,
        a.text,
        (InfoboxField(f.key, f.raw, f.start, f.end, f.line_start, (item,)),),
        a.sections,
        a.blocks,
        a.see_also,
    )
    facts, _, _ = ib.infobox_facts(a, _subject(a, "ArmedGroup"))
    assert _rel(facts, "alliedWith") == [("Tesk Front", "Orvan League", {"start": "2001", "end": "2004"})]


def test_a_native_name_with_commas_is_one_name_and_other_names_a_list():
    text = (
        "= Tesk Workers Alliance =\n- Native Name: Alianza de Obreros, Campesinos y Estudiantes de Tesk\n"
        "- Other Names: Tesk Alliance, La Alianza\n\nIt is a party.\n"
    )
    _, aliases, _, _ = _facts(text, "PoliticalParty")
    assert [m.text for m in aliases] == [
        "Alianza de Obreros, Campesinos y Estudiantes de Tesk",
        "Tesk Alliance",
        "La Alianza",
    ]


def test_a_persons_predecessor_without_an_office_is_kept_not_an_organisation():
    facts, _, unmapped, _ = _facts("= Ana Roe =\n- Born: 1950\n- Predecessor: Jo Lind\n\nShe was born.\n", "Person")
    assert not _rel(facts, "replaces") and not unmapped
    assert ("Ana Roe", "Jo Lind", {"key": "Predecessor"}) in _rel(facts, "infoboxValue")


def test_a_military_persons_service_and_marriages():
    text = (
        "= Anselm Dorff =\n- Birth Date: 3 May 1890\n- Allegiance: Bolivia, Northern Coalition\n"
        "- Branch: Bolivian Army\n- Unit: 3rd Mountain Brigade\n- Battles: Battle of Orvan Ridge\n"
        "- Rank: General\n- Spouse: Ana Ruiz (m. 1915; div. 1921), Eva Sol (m. 1924)\n"
        "- Resting Place: Orvan Cemetery\n\nHe was a soldier.\n"
    )
    facts, _, unmapped, _ = _facts(text, "Person")
    cls = {f.object.text: f.object.cls for f in facts if isinstance(f.object, Mention)}
    assert {o for _, o, _ in _rel(facts, "allegiance")} == {"Bolivia", "Northern Coalition"}
    assert cls["Bolivia"] == "Country" and cls["Northern Coalition"] != "Country"
    assert [o for _, o, _ in _rel(facts, "militaryUnit")] == ["3rd Mountain Brigade"]
    assert [o for _, o, _ in _rel(facts, "conflict")] == ["Battle of Orvan Ridge"]
    assert {o: q for _, o, q in _rel(facts, "spouse")} == {
        "Ana Ruiz": {"start": "1915", "end": "1921"},
        "Eva Sol": {"start": "1924"},
    }
    assert [o for _, o, _ in _rel(facts, "burialPlace")] == ["Orvan Cemetery"] and not _rel(facts, "deathPlace")
    assert not unmapped


def test_the_new_articles_build_with_no_ontology_violation(tmp_path: Path):
    from kg.pipeline import build_graph
    from kg.validate import validate_store

    names = [
        "sierra_liberation_front.txt",
        "marta_quellen.txt",
        "battle_of_orvan_ridge.txt",
        "valdoran_general_election_2014.txt",
    ]
    report = build_graph([DATA / n for n in names], tmp_path / "store", [])
    assert report.ok and not report.unmapped_keys
    assert validate_store(tmp_path / "store") == []


def test_only_the_first_establishment_event_is_the_founding():
    text = (
        "= Republic of Korvia =\n- Established Event1: Independence\n- Established Date1: 4 June 1921\n"
        "- Established Event2: Constitution\n- Established Date2: 1 May 1930\n- Influenced: Tesk Front\n"
        "- Full Name: Federal Republic of Korvia, the Isles and the Marches\n\nKorvia was a state.\n"
    )
    facts, aliases, unmapped, _ = _facts(text, "Country")
    assert [_obj(f) for f in facts if f.relation == "inception"] == ["1921-06-04"]
    assert ("Republic of Korvia", "1 May 1930", {"key": "Established Date2"}) in _rel(facts, "infoboxValue")
    assert _rel(facts, "influencedBy") == [("Tesk Front", "Republic of Korvia", {})]
    assert [m.text for m in aliases] == ["Federal Republic of Korvia, the Isles and the Marches"]
    assert not unmapped


def _examples() -> list[dict]:
    raw = json.loads((Path(ib.__file__).parent.parent / "data" / "infobox.json").read_text(encoding="utf-8"))
    return raw["examples"]


@pytest.mark.parametrize("example", _examples(), ids=lambda e: e["infobox"][0].split(":")[0])
def test_every_example_of_the_table_gives_its_facts(example: dict):
    from kg.ontology import CLASSES, RELATIONS

    assert example["subject"] in CLASSES
    text = "= Example Subject =\n" + "".join(f"- {line}\n" for line in example["infobox"]) + "\nProse.\n"
    facts, aliases, unmapped, _ = _facts(text, example["subject"])
    got = {(f.relation, _obj(f), tuple(sorted(f.qualifiers)), f.subject.text) for f in facts}
    got |= {("alias", m.text, (), "Example Subject") for m in aliases}
    for want in example["facts"]:
        relation, obj, quals = want[0], want[1], want[2]
        subject = want[3] if len(want) > 3 else "Example Subject"
        assert relation == "alias" or relation in RELATIONS
        assert (relation, obj, tuple(sorted(quals.items())), subject) in got, want
    assert not unmapped


# --- the layout of real pages (benchmarks/gold/real), on invented values ---


def test_place_lists_addresses_and_a_buildings_town():
    text = (
        "= Tesk Rising =\n- Place: Mostly Orvana; skirmishes in counties Meath, Galway, Louth, Cork\n\nA rising.\n"
    )
    facts, _, _, _ = _facts(text, "Event")
    assert {o for _, o, _ in _rel(facts, "location")} == {"Orvana", "Meath", "Galway", "Louth", "Cork"}
    assert not _rel(facts, "locatedIn")  # a list of counties is no chain
    text = "= Tesk Party =\n- Headquarters: Tesk Union House, Calle Mayor 574, San Pedro, La Paz\n\nA party.\n"
    facts, _, _, _ = _facts(text, "PoliticalParty")
    assert {o for _, o, _ in _rel(facts, "headquarters")} == {"Tesk Union House", "La Paz"}
    assert not any("Calle" in o or "574" in o for _, o, _ in _rel(facts, "locatedIn"))
    text = "= Tesk Coup =\n- Place: Madrid and Valencia, Spain\n\nA coup.\n"
    facts, _, _, _ = _facts(text, "Event")
    assert {o for _, o, _ in _rel(facts, "location")} == {"Madrid", "Valencia"}
    assert ("Valencia", "Spain", {}) in _rel(facts, "country")
    text = "= Tesk Union =\n- Headquarters: Port of Spain, Trinidad and Tobago\n\nA union.\n"
    facts, _, _, _ = _facts(text, "Organization")
    assert {o for _, o, _ in _rel(facts, "headquarters")} == {"Port of Spain"}
    assert [o for _, o, _ in _rel(facts, "country")] == ["Trinidad and Tobago"]


def test_debris_placeholders_and_titles_are_not_names():
    text = (
        "= Tesk War =\n- Combatant1: 25px Government of Tesk\n- Combatant2: and Empire\n"
        "- Commander2: Ana Roe, Ivor Lund, 1st Viscount Orvan, ubl, Eli Marr\n\nA war.\n"
    )
    facts, _, _, _ = _facts(text, "Event")
    people = {o for _, o, _ in _rel(facts, "participant")}
    assert "Government of Tesk" in people and "Ivor Lund, 1st Viscount Orvan" in people
    assert not {"and Empire", "ubl", "1st Viscount Orvan"} & people
    text = (
        "= Ana Roe =\n- Office: 1st Chair of the Tesk League\n- Predecessor: Office established\n"
        "- Successor: Eli Marr as Chair of the\n- Partner: Ivo Lund\n\nShe is a politician.\n"
    )
    facts, _, _, _ = _facts(text, "Person")
    # "1st Chair of X": she held the office "Chair of X", as its first holder
    assert ("Ana Roe", "Chair of the Tesk League", {"successor": "Eli Marr"}) in _rel(facts, "positionHeld")
    assert [o for _, o, _ in _rel(facts, "replacedBy")] == ["Eli Marr"]
    assert not _rel(facts, "replaces")  # "Office established" is nobody
    # the number is hers ("1st"), the office is not: her successor held "Chair of the Tesk League" too
    assert {s for s, o, _ in _rel(facts, "positionHeld") if o == "Chair of the Tesk League"} == {"Ana Roe", "Eli Marr"}
    assert not _rel(facts, "spouse")  # a partner is not a spouse


def test_a_deputy_is_a_member_and_a_logo_is_its_file():
    text = (
        "= Tesk Union =\n- Leader1 Title: Second Secretary\n- Leader1 Name: Eli Marr\n"
        "- Logo: Tesk emblem.svg, class=skin-invert\n\nA party.\n"
    )
    facts, _, _, _ = _facts(text, "PoliticalParty")
    assert not _rel(facts, "leader")
    assert [(s, o) for s, o, _ in _rel(facts, "memberOf")] == [("Eli Marr", "Tesk Union")]
    assert [o for _, o, _ in _rel(facts, "logo")] == ["Tesk emblem.svg"]


def test_an_elections_holders_before_and_after_it():
    # Infobox election: the office the election decides, its holder before and after, their parties
    text = (
        "= 1961 Varnian general election =\n- Country: Laos\n- Title: Prime Minister\n"
        "- Before Election: Eva Sol\n- Before Party: Tesk Party\n- After Election: Eva Sol\n"
        "- After Party: Tesk Party\n\nGeneral elections were held in Laos in 1961. Eva Sol remained "
        "Prime Minister of Laos.\n"
    )
    facts, _, _, _ = _facts(text, "Election")
    held = {(f.subject.text, _obj(f)) for f in _rel_facts(facts, "positionHeld")}
    assert ("Eva Sol", "Prime Minister of Laos") in held
    assert ("Eva Sol", "Tesk Party") in {(f.subject.text, _obj(f)) for f in _rel_facts(facts, "memberOfParty")}
    assert not _rel_facts(facts, "replaces")  # she held it before and after: nobody replaced
    kept = {f.evidence.extractor for f in _rel_facts(facts, "infoboxValue")}
    assert "infobox:Before Election" not in kept and "infobox:Title" not in kept
    # the office named for two countries in the prose: the one of the infobox's country is meant
    two = text.replace("Eva Sol remained", "Eva Sol, not the Prime Minister of Thailand, remained")
    facts, _, _, _ = _facts(two, "Election")
    assert {_obj(f) for f in _rel_facts(facts, "positionHeld")} == {"Prime Minister of Laos"}


def test_an_elections_office_is_the_infobox_countrys_only():
    # the prose names the office of another country only: not that office, but the box's country's
    text = (
        "= 1961 Varnian general election =\n- Country: Laos\n- Title: Prime Minister\n"
        "- Before Election: Eva Sol\n- After Election: Ida Marn\n\nGeneral elections were held in Laos "
        "in 1961. Sol later met the Prime Minister of Thailand in Bangkok.\n"
    )
    facts, _, _, _ = _facts(text, "Election")
    assert {_obj(f) for f in _rel_facts(facts, "positionHeld")} == {"Prime Minister of Laos"}
    assert {_obj(f) for f in _rel_facts(facts, "headOfGovernment")} == {"Eva Sol", "Ida Marn"}
    assert {f.subject.text for f in _rel_facts(facts, "headOfGovernment")} == {"Laos"}
    # a box whose country the gazetteer does not know: no office, the title kept
    unknown = text.replace("- Country: Laos", "- Country: Varnia")
    facts, _, _, _ = _facts(unknown, "Election")
    assert not _rel_facts(facts, "positionHeld")
    assert "infobox:Title" in {f.evidence.extractor for f in _rel_facts(facts, "infoboxValue")}
    # the box's Location names the country as well
    located = text.replace("- Country: Laos", "- Location: Vientiane, Laos").replace(
        "Sol later met the Prime Minister of Thailand in Bangkok", "Ida Marn became Prime Minister of Laos"
    )
    facts, _, _, _ = _facts(located, "Election")
    assert {_obj(f) for f in _rel_facts(facts, "positionHeld")} == {"Prime Minister of Laos"}
    # a box that names the country's state "Kingdom of Laos": the prose's Prime Minister of Laos
    facts, _, _, _ = _facts(located.replace("- Location: Vientiane, Laos", "- Country: Kingdom of Laos"), "Election")
    assert {_obj(f) for f in _rel_facts(facts, "positionHeld")} == {"Prime Minister of Laos"}


def _rel_facts(facts: list, relation: str) -> list:
    return [f for f in facts if f.relation == relation]


def test_people_under_a_kept_key_are_entities_with_no_fact():
    from tests.extracted import extract_text

    ex = extract_text(
        "= Tomas Vask =\n- Office: Governor of the Tesk Province\n- Vicepresident: Eva Sol, Ida Marn\n"
        "- Partner: Ana Roe (1960–1965)\n- Birth Date: 3 May 1921\n\nTomas Vask (born 3 May 1921) is a poet.\n",
        "tomas_vask.txt",
    )
    people = {m.text for m in ex.mentions if m.cls == "Person"}
    assert {"Eva Sol", "Ida Marn", "Ana Roe"} <= people
    named = {getattr(n, "text", None) for f in ex.facts for n in (f.subject, f.object)}
    assert not {"Eva Sol", "Ida Marn", "Ana Roe"} & named  # no relation says what a partner is
    kept = {f.evidence.extractor for f in ex.facts if f.relation == "infoboxValue"}
    assert "infobox:Partner" in kept  # the value is still kept as the box gives it


def test_an_armed_groups_attacks_are_events_as_written():
    facts, _, _, _ = _facts(
        "= Tesk Front =\n- Attacks: Kidnapping and execution of Ana Roe, raids on farms, * Operation Lantern\n\n"
        "The Tesk Front was a guerrilla group.\n",
        "ArmedGroup",
    )
    events = {_obj(f) for f in _rel_facts(facts, "participantIn")}
    assert events == {"Kidnapping and execution of Ana Roe", "Operation Lantern"}  # not cut at "and"
    # a person's "Attacks" (no such parameter of a person's template) stays a kept value
    facts, _, _, _ = _facts("= Ana Roe =\n- Attacks: Operation Lantern\n\nAna Roe was a poet.\n", "Person")
    assert not _rel_facts(facts, "participantIn") and _rel_facts(facts, "infoboxValue")


def test_a_named_square_is_a_place_but_a_numbered_address_is_not():
    facts, _, _, _ = _facts(
        "= Ana Roe =\n- Resting Place: Plaza Orvana, Tegucigalpa, Honduras\n\nAna Roe was a poet.\n", "Person"
    )
    assert {_obj(f) for f in _rel_facts(facts, "burialPlace")} == {"Plaza Orvana"}
    assert ("Plaza Orvana", "Tegucigalpa") in {(f.subject.text, _obj(f)) for f in _rel_facts(facts, "locatedIn")}
    facts, _, _, _ = _facts(
        "= Tesk Party =\n- Headquarters: Plaza Orvana 12, Tegucigalpa, Honduras\n\nA party.\n", "PoliticalParty"
    )
    assert "Plaza Orvana 12" not in {_obj(f) for f in facts} and "Plaza Orvana" not in {_obj(f) for f in facts}


def test_elements_of_a_body_name_the_body():
    facts, _, _, _ = _facts(
        "= Tesk Rising =\n- Combatant1: Tesk Front, * 19px Elements of the Tesk Air Force\n"
        "- Combatant2: Government of Varn\n\nThe Tesk Rising was a revolt.\n",
        "Conflict",
    )
    assert {_obj(f) for f in _rel_facts(facts, "participant")} == {"Tesk Front", "Tesk Air Force", "Government of Varn"}


def test_a_partys_seats_title_names_the_chamber():
    from tests.extracted import extract_text

    ex = extract_text(
        "= Tesk Party =\n- Founded: 1941\n- Seats1 Title: Chamber of Deputies\n- Seats1: 12 / 130\n\n"
        "The Tesk Party is a political party in Laos.\n",
        "tesk_party.txt",
    )
    assert ("Chamber of Deputies", "GovernmentBody") in {(m.text, m.cls) for m in ex.mentions}
    assert not [f for f in ex.facts if isinstance(f.object, Mention) and f.object.text == "Chamber of Deputies"]
    ex = extract_text("= Tesk Party =\n- Seats3 Title: District Mayors\n\nA party in Laos.\n", "tesk_party.txt")
    assert "District Mayors" not in {m.text for m in ex.mentions}  # offices, no chamber
    ex = extract_text(
        "= 1961 Varnian general election =\n- Seats For Election: All 300 seats in the Tesk Assembly , 151 seats "
        "needed for a majority\n\nGeneral elections were held in Laos in 1961.\n",
        "varnian_election.txt",
    )
    assert ("Tesk Assembly", "GovernmentBody") in {(m.text, m.cls) for m in ex.mentions}
