"""Issue 14 (session 18, dup11): one node per thing — another name after a name with a place inside it,
a list of former names, a name that opens with another name's initials, the name an organisation was
founded under and renamed to; and the names that must stay apart (invented articles and names)."""

from __future__ import annotations

import pytest

from kg.graph import KnowledgeGraph

from .test_one_node_per_thing import _keys
from .test_relations import _build

_COUP = """= 1977 Orlanian coup d'état =

Infobox
- Place: Sarvo, Orlan

The 1977 Orlanian coup d'état, also known as La Noche de los Varnos, was a coup d'état that took place on \
2 May 1977 in Sarvo, Orlan, led by General Tomas Rivkin against the regime of Ana Tesk. The Orlanian Army, \
the Tesk Guard and the Varn Militia fought in the streets.
"""

_REGION = """= Kestrel Freedom Movement =

Infobox
- Area: West Kestrel

The Kestrel Freedom Movement is a separatist movement that aims to separate West Kestrel from Orlan. The \
territory is divided into the provinces of Central Kestrel, Kestrel, South Kestrel and West Kestrel, also \
formerly known as Kestrel, Dalmora Jaya and West Dalmora. The movement was allied with the Varn League, also \
known as the Red League, the Tesk Party and the Blue Union.

The movement fought the TKN Defence Force and the Tesk Kestrel Navy Defence Force.
"""

_PARTY = """= Varnu Party =

Varnu Party
- Abbreviation: VP
- Founder: Tomas Rivkin
- Country: Orlan

The Varnu Party is a socialist political party in Orlan.

==History==
The party was founded on 17 August 1961 by Tomas Rivkin as the Orlan Cultural Association, renamed later \
that same year as the Orlan National Party. In 1967, it was renamed the Varnu Party. The party was founded \
by members of the Kestrel Union, which was renamed the Kestrel Labour League in 1970. Rivkin had founded a \
newspaper, the Sarvo Herald. In 1972, it was renamed the Sarvo Times. The party's youth were founded as the \
Varnu Youth Front. It was refounded as the Orlan People's Party in 1989.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _build(tmp_path_factory.mktemp("dup11"), coup=_COUP, region=_REGION, party=_PARTY)


def test_another_name_after_a_name_with_a_place_inside_it(graph: KnowledgeGraph):
    keys = _keys(graph, "coup")
    subject = keys["1977 Orlanian coup d'état"]
    assert keys["La Noche de los Varnos"] == subject  # "Orlanian" inside the coup's name stands between none
    assert keys.get("Orlanian Army", "") != subject


def test_a_list_of_former_names_but_not_another_place_nor_a_list_of_allies(graph: KnowledgeGraph):
    keys = _keys(graph, "region")
    west = keys["West Kestrel"]
    assert keys["Dalmora Jaya"] == west
    assert keys["West Dalmora"] == west
    assert keys["Kestrel"] != west  # the place without "West" is another province
    # "also known as" without a word of former names: the allies after it are other organisations
    assert keys["Red League"] == keys["Varn League"]
    assert keys.get("Tesk Party", "") != keys["Varn League"]
    assert keys.get("Blue Union", "") != keys["Varn League"]


def test_a_name_that_opens_with_another_names_initials(graph: KnowledgeGraph):
    keys = _keys(graph, "region")
    assert keys["TKN Defence Force"] == keys["Tesk Kestrel Navy Defence Force"]


def test_initials_of_two_longer_names_or_of_a_person_link_to_none():
    from kg.model import Mention
    from kg.resolve import resolve_mentions

    def ms(*names: tuple[str, str]) -> list[Mention]:
        out, at = [], 0
        for text, cls in names:
            out.append(Mention("d", at, at + len(text), text, cls))
            at += len(text) + 5
        return out

    two = ms(("TNG Rifles", "Organization"), ("Tesk National Guard Rifles", "Organization"),
             ("Tesk New Garrison Rifles", "Organization"))
    r = resolve_mentions(two, [])
    assert len({r.entity_of(m).key for m in two}) == 3  # type: ignore[union-attr]
    one = ms(("TNG Rifles", "Organization"), ("Tesk National Guard Rifles", "Organization"))
    r = resolve_mentions(one, [])
    assert len({r.entity_of(m).key for m in one}) == 1  # type: ignore[union-attr]
    # another broad class: a place's initials before an organisation's words
    kinds = ms(("TN Rifles", "Organization"), ("Tesk Nord Rifles", "Place"))
    r = resolve_mentions(kinds, [])
    assert len({r.entity_of(m).key for m in kinds}) == 2  # type: ignore[union-attr]


def test_the_name_an_organisation_was_founded_under_and_renamed_to(graph: KnowledgeGraph):
    keys = _keys(graph, "party")
    subject = keys["Varnu Party"]
    assert keys["Orlan Cultural Association"] == subject
    assert keys["Orlan National Party"] == subject
    # founded by members of another body; another body renamed; a newspaper "it" renamed; a wing; a refounding
    assert keys.get("Kestrel Union", "") != subject
    assert keys.get("Kestrel Labour League", "") != subject
    assert keys.get("Sarvo Times", "") != subject
    assert keys.get("Varnu Youth Front", "") != subject
    assert keys.get("Orlan People's Party", "") != subject


def test_former_names_need_an_organisations_article():
    from kg.extract.former_names import former_name_pairs
    from kg.model import Mention

    text = "It was founded in 1950 as the Tesk Union."
    union = Mention("d", 30, 40, "Tesk Union", "Organization")
    event = Mention("d", 0, 0, "Tesk Rising", "Uprising", "title", True)
    party = Mention("d", 0, 0, "Tesk Party", "PoliticalParty", "title", True)
    assert former_name_pairs(text, [union], event, []) == []
    assert [b.text for _, b, _ in former_name_pairs(text, [union], party, [])] == ["Tesk Union"]


_RESCUE = """= Tesk Rescue Party =

Infobox
- Country: Fiji

The Tesk Rescue Party was a political party in Fiji. Its leader was arrested in 2017, allegedly for being part \
of a plot to overthrow Prime Minister Varo Sen. The party was founded in Fiji in 2012, when the Socialist \
President Tomas Rivkin ruled Fiji. Senate President Ana Kolo opposed it. The party was begun in Fiji by \
future presidents Varo Kell and Ina Moss, and by the party presidents Eli Tamm and Ora Lind. It grew in Fiji \
under the leadership of Ivo Pell, then Prime Minister, and of Uma Rask, then President of the Tesk League.
"""


@pytest.fixture(scope="module")
def rescue(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _build(tmp_path_factory.mktemp("dup11r"), rescue=_RESCUE)


def test_a_name_whose_last_word_the_tokenizer_took_for_an_abbreviation(rescue: KnowledgeGraph):
    keys = _keys(rescue, "rescue")
    assert "Varo Sen" in keys
    held = {(f["subject"], f["object"]) for f in rescue.facts(relation="positionHeld")}
    assert ("Varo Sen", "Prime Minister of Fiji") in held


def test_a_party_adjective_before_a_title_but_not_another_body(rescue: KnowledgeGraph):
    held = {(f["subject"], f["object"]) for f in rescue.facts(relation="positionHeld")}
    assert ("Tomas Rivkin", "President of Fiji") in held
    assert not any(s == "Ana Kolo" and o == "President of Fiji" for s, o in held)


def test_a_future_holders_title_but_not_another_bodys(rescue: KnowledgeGraph):
    held = {(f["subject"], f["object"]) for f in rescue.facts(relation="positionHeld")}
    assert ("Varo Kell", "President of Fiji") in held
    assert ("Ina Moss", "President of Fiji") in held
    assert not any(s in ("Eli Tamm", "Ora Lind") and o == "President of Fiji" for s, o in held)


_BOXES = {
    "strike": """= 1977 Orlanian coup d'état =

- Place: Fiji
- Leadfigures1: Varo Kell ---- Ina Moss
- Leadfigures2: Eli Tamm, Ora Lind

The 1977 Orlanian coup d'état was a coup in Fiji.
""",
    "kell": """= Varo Kell =

- Born: 1 May 1920
- Children: 4, including Tomas Kell, Ina Kell

Varo Kell (1 May 1920 – 1990) was a politician from Fiji.
""",
}


def test_infobox_names_parted_by_a_rule_and_after_a_count(tmp_path_factory: pytest.TempPathFactory):
    g = _build(tmp_path_factory.mktemp("dup11b"), **_BOXES)
    took = {f["object"] for f in g.facts(subject="1977 Orlanian coup d'état", relation="participant")}
    assert {"Varo Kell", "Ina Moss", "Eli Tamm", "Ora Lind"} <= took
    assert not any("----" in t for t in took)
    children = {f["object"] for f in g.facts(subject="Varo Kell", relation="child")}
    assert children == {"Tomas Kell", "Ina Kell"}


def test_a_title_set_off_after_the_name_but_not_another_bodys(rescue: KnowledgeGraph):
    held = {(f["subject"], f["object"]) for f in rescue.facts(relation="positionHeld")}
    assert ("Ivo Pell", "Prime Minister of Fiji") in held
    assert not any(s == "Uma Rask" and o.endswith("of Fiji") for s, o in held)


def _doc(words: list[str], pos: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from kg.nlp import load_nlp

    spaces = [not (i + 1 < len(words) and words[i + 1] in (",", ".")) for i in range(len(words))]
    sent = [True] + [False] * (len(words) - 1)
    return Doc(load_nlp().vocab, words=words, spaces=spaces, pos=pos, ents=ents, sent_starts=sent)


def test_a_name_word_ner_left_out_beside_a_name_but_not_a_title_or_after_of():
    from kg.extract.entities.assemble import mentions_in_doc

    words = ["He", "had", "parents", ",", "Varo", "Ilse", "da", "Kolo", "Tamm", "and", "Ina", "Pell", "Vos", "."]
    pos = ["PRON", "VERB", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN",
           "PROPN", "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON",
            "I-PERSON", "O"]
    doc = _doc(words, pos, ents)
    people = {m.text for m in mentions_in_doc("d", doc, 0) if m.cls == "Person"}
    assert {"Varo Ilse da Kolo Tamm", "Ina Pell Vos"} <= people
    words2 = ["He", "named", "Chief", "of", "Staff", "Varo", "Tamm", "."]
    pos2 = ["PRON", "VERB", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents2 = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    people2 = {m.text for m in mentions_in_doc("d", _doc(words2, pos2, ents2), 0) if m.cls == "Person"}
    assert "Varo Tamm" in people2 and "Staff Varo Tamm" not in people2
