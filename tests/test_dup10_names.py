"""Issue 14 (session 18, dup10): one node per thing — other names an article gives a thing in brackets,
in a sentence on the subject, with an Arabic article, as a nickname, as islands or with another word
of one sense; and the names that must stay apart (invented articles and names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from kg.model import Mention

from .test_one_node_per_thing import _keys
from .test_relations import _build

_ELECTION = """= 1951 Orlan general election =

Infobox
- Country: Orlan
- Party1: UDV

General elections were held in Orlan on 19 November 1951. The official results gave a victory to the \
Union of Varn Democrats (Uniunea Democraților Varni, UDV), together with its associates, the Varnish Farmers' \
Union (UFM or MFSZ). The opposition leader Tomas Rivkin (Varn Labour, VL) lost his seat in Kestrel.
"""

_BRIGADE = """= Kestrel Red Army =

Infobox
- Leader: Ana Tesk
- Area: Orlan

The Kestrel Red Army was a far-left militant organization active from 1971 to 2001. It was founded by \
Ana Tesk in February 1971. After the Harbour Airport massacre, it sometimes called itself the Arab-KRA. \
The group was also variously known as the Anti-Imperialist Solidarity Brigade (AISB), the Sacred War \
Brigade, and the Anti-War Democratic Front. It was allied with the Tesk Liberation Front.

The Kestrel Red Army, initially called the Orlan Liberation Force (OLF), was formed in 1971. It was \
initially funded by the Varn Workers' Party.
"""

_REVOLUTION = """= 1969 Orlan revolution =

Infobox
- Conflict: 1969 Orlan revolution
- Place: Orlan

The 1969 Orlan revolution, also known as the al-Sahra Revolution or 9 June Revolution, was a coup d'état \
carried out by the Free Officers of Orlan. It was followed by the al-Nour Uprising of 1970, which the \
officers crushed.
"""

_VARGA = """= Rolando Varga =

Infobox
- Born: 5 May 1893
- Birthplace: Sarvo, Orlan

Agustín Rolando Varga (5 May 1893 – 1 February 1932) was an Orlan revolutionary. Varga was born in Sarvo \
to Pedro Varga and Ana Ruiz. His birth certificate identified him as "Rolmundo Agustín Varga". The police \
identified him as "El Lobo". Varga was nicknamed "Tirofuerte" by his comrades. He joined the Popular \
Movement for the Liberation of Orlan (MPLO) in 1920 and later broke with the Democratic Movement for the \
Liberation of Orlan. He campaigned in Fiji and the Fiji Islands, and near \
Varna and the Varna Islands.
"""

_VARGA_BOX = _VARGA.replace(
    "- Birthplace: Sarvo, Orlan", "- Birthplace: Sarvo, Orlan\n- Party: People's Movement for the Liberation of Orlan"
)


_COE = """= Alan Brennick Coe =

Alan Brennick Coe
Gen. A. B. Coe

- Born: 3 May 1921
- Birth Place: Sarvo, Orlan
- Party: Orlan Workers' Front

Alan Brennick Coe (3 May 1921 – 9 June 1980) was a politician from Orlan. In 1950 Gen. A. B. Coe founded the \
Orlan Workers' Front. General Coe led the front until 1961. Alan Coe died in 1980. His rival Brian Coe survived him.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _build(
        tmp_path_factory.mktemp("dup10"),
        election=_ELECTION,
        brigade=_BRIGADE,
        revolution=_REVOLUTION,
        varga=_VARGA_BOX,
        coe=_COE,
    )


def test_a_bracket_of_a_native_name_and_an_acronym_names_the_name_before_it(graph: KnowledgeGraph):
    keys = _keys(graph, "election")
    assert keys["UDV"] == keys["Union of Varn Democrats"]
    assert keys["UFM"] == keys["MFSZ"] == keys["Varnish Farmers' Union"]
    # a person's bracket gives his party, not another name of him
    assert keys.get("VL") != keys["Tomas Rivkin"]
    assert keys.get("Varn Labour") != keys["Tomas Rivkin"]


def test_the_names_an_organisation_gave_itself_or_was_known_by(graph: KnowledgeGraph):
    keys = _keys(graph, "brigade")
    subject = keys["Kestrel Red Army"]
    for name in ("Arab-KRA", "Anti-Imperialist Solidarity Brigade", "AISB", "Sacred War Brigade",
                 "Anti-War Democratic Front", "Orlan Liberation Force", "OLF"):
        assert keys[name] == subject, name
    # an ally and a funder are other organisations
    assert keys["Tesk Liberation Front"] != subject
    assert keys.get("Varn Workers' Party", "") != subject


def test_an_arabic_article_before_another_name_of_the_subject(graph: KnowledgeGraph):
    keys = _keys(graph, "revolution")
    subject = keys["1969 Orlan revolution"]
    assert keys["Sahra Revolution"] == subject
    assert keys["9 June Revolution"] == subject
    # a later event with its own article prefix is another event
    assert keys.get("Nour Uprising", "") != subject


def test_a_persons_record_and_nickname_name_him_but_not_a_strangers_name(graph: KnowledgeGraph):
    keys = _keys(graph, "varga")
    subject = keys["Rolando Varga"]
    assert keys["Rolmundo Agustín Varga"] == subject  # the record's name shares his surname
    assert keys["Tirofuerte"] == subject
    assert keys.get("El Lobo", "") != subject  # no word of his name: the record may be another man's
    assert keys["Pedro Varga"] != subject  # his father


def test_one_name_with_another_word_of_its_sense_but_not_another_word(graph: KnowledgeGraph):
    keys = _keys(graph, "varga")
    popular = keys["Popular Movement for the Liberation of Orlan"]
    assert keys["People's Movement for the Liberation of Orlan"] == popular
    assert keys["Democratic Movement for the Liberation of Orlan"] != popular


def test_the_noun_right_before_a_name_types_it_not_a_farther_noun_the_parser_hung_it_on():
    from spacy.tokens import Doc, Span

    from kg.extract.entities.context import context_class
    from kg.nlp import load_nlp

    # "the former leader of the terrorist organization Red Lances": a parse that hangs the name on "leader"
    words = ["He", "was", "the", "former", "leader", "of", "the", "terrorist", "organization", "Red", "Lances", "."]
    heads = [1, 1, 4, 4, 1, 4, 8, 8, 5, 10, 4, 1]
    deps = ["nsubj", "ROOT", "det", "amod", "attr", "prep", "det", "amod", "pobj", "compound", "appos", "punct"]
    pos = ["PRON", "AUX", "DET", "ADJ", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["he", "be", "the", "former", "leader", "of", "the", "terrorist", "organization", "Red", "Lances", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    ent = Span(doc, 9, 11, label="ORG")
    assert context_class(ent, [ent]) == "Organization"
    # a name NER calls a person keeps the person's noun: "the party Ana Roe" is no party
    person = Span(doc, 9, 11, label="PERSON")
    assert context_class(person, [person]) == "Person"
    # the farther noun stands when no noun comes right before the name: "the leader, Ana Roe"
    words2 = ["He", "met", "the", "leader", ",", "Ana", "Roe", "."]
    doc2 = Doc(load_nlp().vocab, words=words2, heads=[1, 1, 3, 1, 3, 6, 3, 1],
               deps=["nsubj", "ROOT", "det", "dobj", "punct", "compound", "appos", "punct"],
               pos=["PRON", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"],
               lemmas=["he", "meet", "the", "leader", ",", "Ana", "Roe", "."])
    ent2 = Span(doc2, 5, 7, label="PERSON")
    assert context_class(ent2, [ent2]) == "Person"


def test_islands_that_name_a_country_are_the_country_but_not_a_towns_islands(graph: KnowledgeGraph):
    keys = _keys(graph, "varga")
    assert keys["Fiji Islands"] == keys["Fiji"] == "Fiji"
    assert keys.get("Varna Islands", "") != keys["Varna"]


def test_a_name_line_with_a_title_and_initials_is_a_name_line_and_names_the_person(graph: KnowledgeGraph):
    from kg.documents.reader import read_text

    article = read_text(_COE, "coe.txt")
    assert [n.text for n in article.names] == ["Gen. A. B. Coe"]
    assert article.infobox[0].key == "Born"  # the infobox after it is read as one
    keys = _keys(graph, "coe")
    subject = keys["Alan Brennick Coe"]
    assert keys["Gen. A. B. Coe"] == keys["A. B. Coe"] == keys["Alan Coe"] == subject
    assert keys["Brian Coe"] != subject  # another man of that surname
    # a sentence on the line after the title is no name line
    assert read_text("= Ana Roe =\nAna Roe was born. She died.\n- Born: 1900\n", "roe.txt").names == ()


def test_a_name_line_of_names_with_slashes_gives_each_name():
    from kg.documents.reader import read_text

    text = "= Orlan Workers' Party =\nPartido Obrero Orlanés / Parti ouvrier orlanais, OWP/POO\n- Founded: 1930\n"
    names = [n.text for n in read_text(text, "owp.txt").names]
    assert names == ["Partido Obrero Orlanés", "Parti ouvrier orlanais", "OWP/POO"]  # no space: one name


def _m(start: int, text: str, cls: str, source: str = "ner") -> Mention:
    return Mention("doc", start, start + len(text), text, cls, source)


def test_word_variants_in_resolution_only_one_word_and_not_people():
    from kg.resolve import resolve_mentions

    popular = _m(0, "Popular Front for the Liberation of Tesk", "PoliticalParty")
    peoples = _m(60, "People's Front for the Liberation of Tesk", "PoliticalParty")
    other = _m(120, "People's Front for the Liberation of Varn", "PoliticalParty")
    labour = _m(180, "Labour Party of Orlan Workers", "PoliticalParty")
    labor = _m(220, "Labor Party of Orlan Workers", "PoliticalParty")
    short_a, short_b = _m(260, "Popular Front", "PoliticalParty"), _m(280, "People's Front", "PoliticalParty")
    r = resolve_mentions([popular, peoples, other, labour, labor, short_a, short_b], [])
    assert r.of[popular] == r.of[peoples]
    assert r.of[other] != r.of[popular]  # another place as well
    assert r.of[labour] == r.of[labor]
    assert r.of[short_a] != r.of[short_b]  # two words are too short a name to tell


def test_bracket_pairs_need_an_acronym_and_names_only(tmp_path: Path):
    from kg.extract.bracket_names import bracket_name_pairs

    text = "The Varn Union (Orlan, 1946) and the Tesk League (Liga Teska) and the Kestrel Front (KF, 45 seats)."
    ms = [_m(4, "Varn Union", "Organization"), _m(37, "Tesk League", "Organization"),
          _m(70, "Kestrel Front", "Organization")]
    assert bracket_name_pairs(text, ms) == []
    # an alliance's members, and a native name whose initials the acronym is not
    text = "The Social Orlan Union (PSD, PNL) faced the Varn Front (Frente Varno, UDT)."
    ms = [_m(4, "Social Orlan Union", "Organization"), _m(44, "Varn Front", "Organization")]
    assert bracket_name_pairs(text, ms) == []
    text = "The Varn Front (Frente Varno, FV) won."
    assert [b.text for _, b, _ in bracket_name_pairs(text, [_m(4, "Varn Front", "Organization")])] == ["FV"]


def test_an_event_with_and_without_its_year_but_not_beside_another_year():
    from kg.resolve import resolve_mentions

    full = _m(0, "1973 Orlan coup d'état", "Event", "title")
    bare = _m(40, "Orlan coup", "Event", "context")
    r = resolve_mentions([full, bare], [])
    assert r.of[full] == r.of[bare]
    first, second = _m(0, "1973 Orlan coup", "Event", "title"), _m(30, "1976 Orlan coup", "Event")
    again = _m(60, "Orlan coup", "Event", "context")
    r = resolve_mentions([first, second, again], [])
    assert len({r.of[first], r.of[second]}) == 2
    assert r.of.get(again) not in (r.of[first], r.of[second])  # which coup is meant is unknown
    war, rising = _m(0, "1946 Orlan Civil War", "Event", "title"), _m(40, "Orlan Rising", "Event")
    r = resolve_mentions([war, rising], [])
    assert r.of[war] != r.of[rising]  # no year's difference: two names


def test_a_nickname_names_the_sentences_subject_only():
    from kg.extract.aliases import alias_pairs

    text = 'Roe was nicknamed "Tiro". His pact with Varn Labour was dubbed "Crescent" by the press.'
    roe, tiro = _m(0, "Roe", "Person"), _m(19, "Tiro", "CreativeWork", "pattern")
    labour, crescent = _m(40, "Varn Labour", "PoliticalParty"), _m(64, "Crescent", "CreativeWork")
    assert [(a.text, b.text) for a, b, _ in alias_pairs(text, [roe, tiro, labour, crescent])] == [("Roe", "Tiro")]


def test_known_as_after_it_or_in_an_events_article_names_no_other_name_of_the_subject():
    from kg.extract.self_names import self_name_pairs

    text = "The party founded a newspaper. It was called the Orlan Voice. The group was known as the Tesk Union."
    voice, union = _m(49, "Orlan Voice", "Organization"), _m(89, "Tesk Union", "Organization")
    party = Mention("doc", 0, 0, "Varn Front", "PoliticalParty", "title", True)
    assert [b.text for _, b, _ in self_name_pairs(text, [voice, union], party, [])] == ["Tesk Union"]
    event = Mention("doc", 0, 0, "Varn Rising", "Uprising", "title", True)
    assert self_name_pairs(text, [voice, union], event, []) == []  # the group is not the rising


def test_a_persons_label_leaves_out_the_title_another_name_of_him_goes_without():
    from kg.resolve import resolve_mentions

    boxed = _m(0, "Gen. Tomas Rivkin", "Person", "infobox")
    prose = _m(40, "Tomas Rivkin", "Person", "context")
    r = resolve_mentions([boxed, prose], [(boxed, prose, "test")])
    entity = r.entity_of(boxed)
    assert entity is not None and entity.label == "Tomas Rivkin"
    assert "Gen. Tomas Rivkin" in dict(entity.aliases)
    alone = _m(0, "Gen. Ana Tesk", "Person", "infobox")
    assert (e := resolve_mentions([alone], []).entity_of(alone)) is not None and e.label == "Gen. Ana Tesk"


def test_the_articles_own_organisation_name_is_no_kin_of_a_man_ner_saw_in_another_forces_name():
    from kg.documents.reader import read_text
    from kg.extract.entities import _family_names

    text = "= Tesk Bahini =\n\nThe Tesk Bahini merged with the Varn Rakkhi Bahini. Ana Roe led Dara Roe Union.\n"
    article = read_text(text, "tesk_bahini.txt")
    at = article.text.index
    own = Mention(article.stem, at("Tesk Bahini", 20), at("Tesk Bahini", 20) + 11, "Tesk Bahini", "Organization")
    man = Mention(article.stem, at("Varn Rakkhi"), at("Varn Rakkhi") + 17, "Varn Rakkhi Bahini", "Person")
    ana = Mention(article.stem, at("Ana Roe"), at("Ana Roe") + 7, "Ana Roe", "Person")
    union = Mention(article.stem, at("Dara Roe"), at("Dara Roe") + 14, "Dara Roe Union", "Organization")
    kin = Mention(article.stem, at("Dara Roe"), at("Dara Roe") + 8, "Dara Roe", "Organization")
    out = _family_names(article, [], [[own, man, ana, kin, union]])[0]
    assert out[0].cls == "Organization"  # the subject's name keeps NER's class
    assert out[3].cls == "Person"  # another name ending in a man's surname is still that kin


def test_a_sentence_case_event_title_is_an_event_by_its_last_word():
    from kg.extract.tables import keyword_class

    assert keyword_class("Orlan Polytechnic uprising") == "Uprising"  # not the polytechnic
    assert keyword_class("1969 Orlan revolution") == "Event"
    assert keyword_class("1973 Orlan coup d'état") == "Uprising"
    # a common noun phrase is no name, and the institution alone stays one
    assert keyword_class("the uprising") is None
    assert keyword_class("Orlan Polytechnic") == "EducationalInstitution"
    assert keyword_class("Orlan uprising leaders") is None


def test_an_ampersand_between_words_is_and_within_an_article():
    from kg.resolve import resolve_mentions

    amp = _m(0, "Committee of Varn & Progress", "Organization")
    word = _m(40, "Committee of Varn and Progress", "Organization")
    other = _m(80, "Committee of Varn Progress", "Organization")
    r = resolve_mentions([amp, word, other], [])
    assert r.of[amp] == r.of[word]
    assert r.of[other] != r.of[word]


def test_a_bracket_of_names_with_a_semicolon_or_the_acronym_first():
    from kg.extract.bracket_names import bracket_name_pairs

    text = "The Varn Front (Frente Varno; FV) and the Tesk League (TL, Liga Teska) met."
    front, league = _m(4, "Varn Front", "Organization"), _m(42, "Tesk League", "Organization")
    liga = _m(59, "Liga Teska", "Organization")
    got = [(a.text, b.text) for a, b, _ in bracket_name_pairs(text, [front, league, liga])]
    assert got == [("Varn Front", "FV"), ("Tesk League", "TL"), ("Tesk League", "Liga Teska")]


def test_called_itself_in_an_events_article_names_no_other_name_of_the_event():
    from kg.extract.self_names import self_name_pairs

    text = "The rebels formed a council. It called itself the Varn Government."
    government = _m(50, "Varn Government", "Organization")
    event = Mention("doc", 0, 0, "Varn Rising", "Uprising", "title", True)
    assert self_name_pairs(text, [government], event, []) == []
    party = Mention("doc", 0, 0, "Varn Front", "PoliticalParty", "title", True)
    assert [b.text for _, b, _ in self_name_pairs(text, [government], party, [])] == ["Varn Government"]
