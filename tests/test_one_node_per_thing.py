"""Issue 14: one node per thing — names an article gives one thing in two forms (invented articles).

A link's shown text beside its target in one infobox list, an infobox's short party name that the
prose gives in full with "of …", a division named with and without its noun, a country's islands
and the infobox's country under its monarchy's name; and the cases that must stay apart.
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
    assert tavel["Farmers' Union"] == tavel["Farmers' Union of Honduras"]
    league = _keys(g, "league")
    assert league["Kestrel"] == league["Kestrel theory"]
    assert league["Kingdom of Laos"] == league["Laos"] == "Laos"
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
    assert why["Farmers' Union"] == "the short name of the one longer name of the article"
    assert why["Kingdom of Laos"] == "the infobox's country under its monarchy's name"


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


def test_a_short_form_spelt_inside_one_persons_surname_is_that_person():
    from kg.resolve import resolve_mentions

    full = _m(10, "Chidi Azoruwa", "Person")
    short = _m(60, "Zoru", "Person")  # "Zoru, an Igbo journalist, …"
    two = [_m(100, "John Murray", "Person"), _m(130, "Ann Raymond", "Person")]
    ray = _m(160, "Ray", "Person")  # in "Murray" and in "Raymond": whose it is, is unknown
    place = _m(190, "Azor", "City", "gazetteer")  # a town, not a short form
    res = resolve_mentions([full, short, *two, ray, place], [])
    assert res.entity_of(short) == res.entity_of(full)
    assert res.entity_of(ray) not in {res.entity_of(m) for m in two}
    assert res.entity_of(place) != res.entity_of(full)
