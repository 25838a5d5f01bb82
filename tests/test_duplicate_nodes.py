"""Issue 14 (session 15, dup8): one node per thing — the subject's names, ideologies, people's given names
and generic party names (invented articles)."""

from __future__ import annotations

from pathlib import Path

from kg.model import Mention

from .test_one_node_per_thing import _keys
from .test_relations import _build

_DASHED = """= National Liberation Movement – Varn =

The National Liberation Movement – Varn (Movimiento de Liberación Nacional – Varn, MLN-V) was an armed group \
in Uruguay, founded in 1963. The MLN-V was led by Tomas Rivkin.
"""


def test_a_dashed_lead_name_keeps_its_native_name_and_acronym(tmp_path: Path):
    g = _build(tmp_path, varn=_DASHED)
    varn = _keys(g, "varn")
    subject = "National Liberation Movement – Varn"
    # the parser cut the lead's name before its dash: the bracket after the whole name still names it
    assert varn["MLN-V"] == varn["Movimiento de Liberación Nacional – Varn"] == subject
    # the native name's first words are no name of their own
    assert "Movimiento de Liberación Nacional" not in varn


_VARGA = """= Tomás Ignacio Varga Ruiz =

Infobox
- Birth Date: 3 May 1921
- Birth Place: Sucre, Bolivia
- Party: Tesk Workers' Front
- Father: Ignacio Varga

Tomás Ignacio Varga Ruiz (3 May 1921 – 9 June 1980) was a Bolivian trade unionist and politician. In 1950 \
Tomás Varga founded the Tesk Workers' Front. He led the front until 1961, when Elena Roca replaced him.
"""


def test_one_given_name_and_the_first_surname_name_the_person(tmp_path: Path):
    g = _build(tmp_path, varga=_VARGA)
    varga = _keys(g, "varga")
    # the first given name and the first surname, the second surname left out
    assert varga["Tomás Varga"] == "Tomás Ignacio Varga Ruiz"
    # the infobox's father, whose given name the son carries, is another man
    assert varga["Ignacio Varga"] != "Tomás Ignacio Varga Ruiz"


def _m(start: int, text: str, cls: str = "Person", source: str = "ner") -> Mention:
    return Mention("doc", start, start + len(text), text, cls, source, source == "title")


def test_a_given_name_form_two_people_fit_is_nobodys():
    from kg.resolve import resolve_mentions

    full = _m(0, "Tomás Ignacio Varga Ruiz")
    second = _m(40, "Ignacio Varga")  # the second given name and the first surname
    res = resolve_mentions([full, second], [])
    assert res.entity_of(second) == res.entity_of(full)
    # "Ignacio Varga" beside "Tomás Ignacio Varga" and "Ignacio Manuel Varga": either of them
    a, b, short = _m(0, "Tomás Ignacio Varga"), _m(40, "Ignacio Manuel Varga"), _m(80, "Ignacio Varga")
    res = resolve_mentions([a, b, short], [])
    assert res.entity_of(a) != res.entity_of(b)
    assert res.entity_of(short) is None  # dropped, as a surname two people share


def test_an_ideologys_noun_and_adjective_are_one_ideology():
    from kg.resolve import resolve_mentions

    noun = _m(0, "Marxism–Leninism", "Ideology", "infobox")
    adjective = _m(30, "Marxist-Leninist", "Ideology", "infobox")
    socialism = _m(60, "Socialism", "Ideology", "infobox")
    socialist = _m(80, "socialist", "Ideology", "keyword")
    party = _m(100, "Nationalist", "PoliticalParty", "infobox")  # a party's name: another thing
    nationalism = _m(120, "Nationalism", "Ideology", "infobox")
    followers = _m(140, "Socialists", "EthnicGroup")  # the followers, not the ideology
    res = resolve_mentions([noun, adjective, socialism, socialist, party, nationalism, followers], [])
    assert res.entity_of(adjective) == res.entity_of(noun)
    assert res.entity_of(socialist) == res.entity_of(socialism)
    assert res.entity_of(socialism).label == "Socialism"
    assert res.entity_of(party) != res.entity_of(nationalism)
    assert res.entity_of(followers) != res.entity_of(socialism)
    # another word before the shared one is another ideology
    other = _m(160, "Revolutionary socialist", "Ideology", "infobox")
    res = resolve_mentions([socialism, other], [])
    assert res.entity_of(other) != res.entity_of(socialism)
    # NER's people or place for the lone adjective: the ideology's adjective
    varnism = _m(0, "Varnism", "Ideology", "infobox")
    guess = _m(40, "Varnist", "EthnicGroup")
    res = resolve_mentions([varnism, guess, followers], [])
    assert res.entity_of(guess) == res.entity_of(varnism)


def test_a_bare_party_name_is_the_one_party_of_x_only_where_the_article_is_about_x():
    from kg.resolve import resolve_mentions

    def article(*places: str) -> bool:
        person = _m(0, "Ana Roe", "Person", "title")
        bare = _m(30, "Workers' Party", "PoliticalParty")
        long = _m(60, "Workers' Party of Honduras", "PoliticalParty")
        named = [_m(100 + 20 * i, p, "Country", "gazetteer") for i, p in enumerate(places)]
        res = resolve_mentions([person, bare, long, *named], [])
        return res.entity_of(bare) == res.entity_of(long)

    assert not article("Paraguay", "Paraguay")  # a Paraguayan's "Workers' Party" is another party
    assert not article()  # the place only inside the longer name: nothing says which party
    assert not article("Honduras", "Paraguay", "Paraguay")  # another country named more often
    assert article("Honduras")  # the article is about Honduras: its short form
    # the party's own article: its short form
    subject = _m(2, "Workers' Party of Honduras", "PoliticalParty", "title")
    bare = _m(40, "Workers' Party", "PoliticalParty")
    res = resolve_mentions([subject, bare], [])
    assert res.entity_of(bare) == res.entity_of(subject)


def test_a_short_name_ner_took_for_a_body_is_the_one_person_it_fits():
    from kg.resolve import resolve_mentions

    person = _m(0, "Ana Roe", "Person", "title")
    full = _m(30, "Tomás Ignacio Varga", "Person", "infobox")
    short = _m(70, "Tomás Varga", "Organization")  # NER's guess
    union = _m(100, "Tesk Miners Union", "Organization")  # a body's name by its words
    res = resolve_mentions([person, full, short, union], [])
    assert res.entity_of(short) == res.entity_of(full)
    assert res.entity_of(full).cls == "Person"
    assert res.entity_of(union) != res.entity_of(full)
