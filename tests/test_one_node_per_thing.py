"""Issue 14: one node per thing — names an article gives one thing in two forms (invented articles).

A link's shown text beside its target in one infobox list, an infobox's short name of the article's
subject that the subject's name continues with "of …", a division named with and without its noun and
a country's islands; and the cases that must stay apart (a short name in the prose, a kingdom beside
its country, a one-word name inside someone's surname).
"""

from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.model import Mention

from .test_relations import _build

_TAVEL = """= Rosa Tavel =

Infobox
- Birth Date: 3 May 1921
- Birth Place: Moroni, Comoro Islands
- Death Date: 9 June 1980
- Death Place: Sarvo, Olmo, Honduras
- Party: Farmers' Union (1950–1960)

Rosa Tavel (3 May 1921 – 9 June 1980) was a teacher and politician. She was born in Moroni and grew up \
in the Comoros. In 1950 she joined the Farmers' Union of Honduras, and she later led its branch in \
Tegucigalpa. She died in the Olmo Department, Honduras.
"""

_LEAGUE = """= League of Vandor Workers =

Infobox
- Name: League of Vandor Workers
- Country: Kingdom of Laos
- Ideology: Kestrel, Kestrel theory, Agrarianism, Socialism, Democratic socialism
- Founded: 1955

The League of Vandor Workers was a political party in Laos, founded in 1955. It drew on Kestrel theory \
and agrarianism.
"""

_COUP = """= Vientiane Night Coup =

Infobox
- Place: Laos
- Date: 1975

The Vientiane Night Coup was a coup in Laos in 1975 that ended with the overthrow of the Kingdom of \
Laos. Its leaders proclaimed a republic.
"""

_TWO_UNIONS = """= Marco Velde =

Infobox
- Party: Farmers' Union
- Birth Place: Olmo, Honduras

Marco Velde was a politician. He was a member of the Farmers' Union of Honduras and an adviser to the \
Farmers' Union of Paraguay. He lived near the Olmo River and in the Olmo Department.
"""


def _keys(g: KnowledgeGraph, article: str) -> dict[str, str]:
    """Every label and alias of the article's nodes → the node's label."""
    rows = g.query(
        "SELECT ?label ?name WHERE { GRAPH ?g { ?e rdfs:label ?label . "
        "OPTIONAL { ?e skos:altLabel ?name } } FILTER(STRENDS(STR(?g), ?art)) }",
        art="doc/" + article,
    )
    out: dict[str, str] = {}
    for r in rows:
        label = r["label"].value
        out[label] = label
        if r["name"] is not None:
            out[r["name"].value] = label
    return out


def test_two_forms_of_one_name_in_an_article_are_one_node(tmp_path: Path):
    g = _build(tmp_path, rosa_tavel=_TAVEL, league=_LEAGUE)
    tavel = _keys(g, "rosa_tavel")
    assert tavel["Comoro Islands"] == tavel["Comoros"] == "Comoros"  # the country's name stays the label
    assert tavel["Olmo"] == tavel["Olmo Department"]
    # the infobox's short name beside a longer name that is not the article's subject: maybe another body
    assert tavel["Farmers' Union"] != tavel["Farmers' Union of Honduras"]
    league = _keys(g, "league")
    assert league["Kestrel"] == league["Kestrel theory"]
    # a historical state is another thing than the modern country, even when the infobox names it
    assert league["Kingdom of Laos"] != league["Laos"]
    # another word before the shared one is another ideology
    assert league["Socialism"] != league["Democratic socialism"]
    why = {
        r["name"].value: r["why"].value
        for r in g.query(
            "SELECT ?name ?why WHERE { ?st rdf:predicate skos:altLabel ; rdf:object ?name ; kg:aliasSource ?why }"
        )
    }
    assert why["Kestrel"] == "a link's text beside its target in one infobox list"
    assert why["Comoro Islands"] == "the islands that name the country"
    assert why["Olmo"] == "the division's name without its noun"


def test_names_that_may_be_two_things_stay_apart(tmp_path: Path):
    g = _build(tmp_path, coup=_COUP, velde=_TWO_UNIONS)
    coup = _keys(g, "coup")
    # a kingdom the prose says was overthrown is not the country the infobox places the coup in
    assert coup["Kingdom of Laos"] != coup["Laos"]
    velde = _keys(g, "velde")
    # two longer names continue the short one: which union is meant is unknown
    assert velde["Farmers' Union"] not in (velde["Farmers' Union of Honduras"], velde["Farmers' Union of Paraguay"])
    # "Olmo" may be the river or the department
    assert velde.get("Olmo", "Olmo") not in (velde.get("Olmo River"), velde.get("Olmo Department"))


def test_a_continent_is_one_node_whatever_country_its_articles_are_about(tmp_path: Path):
    g = _build(
        tmp_path,
        hn=(
            "= Coffee Growers' League =\n\nThe Coffee Growers' League is a farmers' organisation in Honduras, "
            "founded in 1961 in Tegucigalpa. It sold its coffee to European traders.\n"
        ),
        py=(
            "= Yerba Planters' Guild =\n\nThe Yerba Planters' Guild is a farmers' organisation in Paraguay, "
            "founded in 1958 in Asunción. Its members travelled to Europe in 1960 to find European buyers.\n"
        ),
    )
    labels = {r["l"] for r in g.rows("SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert "Europe" in labels
    assert not {label for label in labels if label.startswith("Europe (")}  # never "Europe (Paraguay)"


def _m(start: int, text: str, cls: str, source: str = "ner") -> Mention:
    return Mention("doc", start, start + len(text), text, cls, source, source == "title")


def test_an_acronym_of_the_native_name_is_the_subject():
    from kg.resolve import resolve_mentions

    subject = _m(0, "Tesk Workers' Party", "PoliticalParty", "title")
    native = _m(25, "Partido dos Trabalhadores Teskanos", "PoliticalParty", "lead")
    short = _m(90, "PTT", "Organization")
    other = _m(120, "Movimiento al Trabajo Teskano", "PoliticalParty", "keyword")
    its = _m(160, "MATT", "Organization")
    dashed = _m(200, "PTT–T", "Organization")  # letters the initials do not spell: stays apart
    res = resolve_mentions([subject, native, short, other, its, dashed], [(subject, native, "lead sentence")])
    assert res.entity_of(short) == res.entity_of(subject)  # capitalised words: P, T, T ("dos" left out)
    assert res.entity_of(its) == res.entity_of(other)  # every word but the stop words: M, A, S, T
    assert res.entity_of(dashed) not in (res.entity_of(subject), res.entity_of(other))


def test_pieces_ner_cut_from_the_subjects_lead_name_are_no_names():
    from kg.documents.reader import read_text
    from kg.extract import _lead_names_as_mentions

    text = (
        "= Tesk League =\n\nThe Tesk League (Liga Obrera Hoi Dong; Liga de Laos Hoi; also Varn Front and Orvan "
        "Union) was founded by Karim ibn Salim ibn Dawud in 1941.\n"
    )
    a = read_text(text, "tesk_league.txt")

    def at(name: str, cls: str, source: str = "ner") -> Mention:
        s = text.index(name)
        return Mention("tesk_league", s, s + len(name), name, cls, source)

    native = at("Liga Obrera Hoi Dong", "Organization", "lead")
    placed = at("Liga de Laos Hoi", "Organization", "lead")
    several = at("Varn Front and Orvan Union", "Organization", "lead")
    person = at("Karim ibn Salim ibn Dawud", "Person", "lead")
    pieces = [at("Liga Obrera", "Organization"), at("Hoi Dong", "Person"), at("Liga de", "Other")]
    pieces.append(at("Laos", "Country"))
    named = [at("Varn Front", "Organization"), at("Orvan Union", "Organization")]
    fathers = [at("Karim ibn Salim", "Person"), at("Dawud", "Person")]
    per_block = [sorted([*pieces, *named, *fathers], key=lambda m: (m.start, m.end))]
    _lead_names_as_mentions(a, per_block, [native, placed, several, person])
    kept = {m.text for m in per_block[0]}
    assert not {"Liga Obrera", "Hoi Dong", "Liga de"} & kept  # pieces of one name
    assert "Liga Obrera Hoi Dong" in kept and "Laos" in kept  # the name in their place; a place inside one stays
    assert {"Varn Front", "Orvan Union"} <= kept  # "A and B": two names, not pieces of one
    assert "Dawud" in kept and "Karim ibn Salim" not in kept  # a forefather named after "ibn" is a person


def test_a_one_word_name_inside_a_persons_surname_is_not_that_person():
    from kg.resolve import resolve_mentions

    # "Andy Murray met Ray in Tarsk.": Ray is nobody's short form because "Murray" holds his letters
    full = _m(0, "Andy Murray", "Person")
    ray = _m(16, "Ray", "Person")
    res = resolve_mentions([full, ray], [])
    assert res.entity_of(ray) != res.entity_of(full)
    # nor is "Ali" "Jan Kalinowski"
    full, ali = _m(0, "Jan Kalinowski", "Person"), _m(30, "Ali", "Person")
    res = resolve_mentions([full, ali], [])
    assert res.entity_of(ali) != res.entity_of(full)


def test_only_the_infoboxs_short_name_of_the_subject_joins_it():
    from kg.resolve import resolve_mentions

    # the article on the "Workers' Front of Tesk", whose infobox gives it as "Workers' Front"
    subject = _m(2, "Workers' Front of Tesk", "PoliticalParty", "title")
    boxed = _m(40, "Workers' Front", "PoliticalParty", "infobox")
    res = resolve_mentions([subject, boxed], [])
    assert res.entity_of(boxed) == res.entity_of(subject)
    # the infobox's "Party: Workers' Party" in the article on Ana Roe, whose prose names the "Workers'
    # Party of Tesk": the longer name is not the article's subject, the short one may be another body
    person = _m(2, "Ana Roe", "Person", "title")
    boxed = _m(30, "Workers' Party", "PoliticalParty", "infobox")
    long = _m(90, "Workers' Party of Tesk", "PoliticalParty")
    res = resolve_mentions([person, boxed, long], [])
    assert res.entity_of(boxed) != res.entity_of(long)


def test_a_kingdom_in_the_infobox_is_not_the_country_in_the_prose(tmp_path: Path):
    g = _build(
        tmp_path,
        guild=(
            "= Tesk Weavers' Guild =\n\nInfobox\n- Country: Kingdom of Laos\n- Founded: 1950\n\n"
            "The Tesk Weavers' Guild was a guild in Laos, founded in 1950.\n"
        ),
    )
    guild = _keys(g, "guild")
    assert guild["Kingdom of Laos"] != guild["Laos"]
