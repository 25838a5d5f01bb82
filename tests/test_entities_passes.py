"""The mention passes of kg.extract.entities, on invented text (spaCy docs built by hand)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.documents.model import Article, Block
from kg.extract.entities import PASSES, add_lone_surnames, article_mentions
from kg.model import Mention


def _article(*paragraphs: str) -> Article:
    text, blocks, pos = "", [], 0
    for para in paragraphs:
        blocks.append(Block("paragraph", para, pos, pos + len(para), ()))
        text += para + "\n\n"
        pos = len(text)
    return Article("t.txt", "t", "T", text, (), (), tuple(blocks), ())


def _doc(words: list[str], pos: list[str], ents: list[str]) -> Doc:
    return Doc(Vocab(), words=words, pos=pos, ents=ents)


def test_passes_run_in_their_declared_order():
    names = [name for name, _ in PASSES]
    assert names == [
        "block_mentions",
        "org_of_place",
        "lone_surnames",
        "party_of_person",
        "named_towns",
        "named_by_role",
        "family_names",
    ]


def test_lone_surname_untagged_by_ner_is_the_person_and_input_is_not_changed():
    art = _article("Orvel Dastani painted .", "Later Dastani left .")
    docs = [
        _doc(
            ["Orvel", "Dastani", "painted", "."],
            ["PROPN", "PROPN", "VERB", "PUNCT"],
            ["B-PERSON", "I-PERSON", "O", "O"],
        ),
        _doc(["Later", "Dastani", "left", "."], ["ADV", "PROPN", "VERB", "PUNCT"], ["O", "O", "O", "O"]),
    ]
    before = [[Mention("t", 0, 13, "Orvel Dastani", "Person")], []]
    after = add_lone_surnames(art, docs, before)
    assert before[1] == []  # a pass returns new lists
    start = art.blocks[1].start + 6
    assert after[1] == [Mention("t", start, start + 7, "Dastani", "Person", "pattern")]


def test_article_mentions_cut_a_person_out_of_a_party_name():
    art = _article("She joined the Unity Party of Ana Roe .", "Roe led it .")
    docs = [
        _doc(
            ["She", "joined", "the", "Unity", "Party", "of", "Ana", "Roe", "."],
            ["PRON", "VERB", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PUNCT"],
            ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
        ),
        _doc(["Roe", "led", "it", "."], ["PROPN", "VERB", "PRON", "PUNCT"], ["B-PERSON", "O", "O", "O"]),
    ]
    got = [(m.text, m.cls) for ms in article_mentions(art, docs) for m in ms]
    assert ("Unity Party", "PoliticalParty") in got and ("Ana Roe", "Person") in got
    assert ("Unity Party of Ana Roe", "PoliticalParty") not in got
