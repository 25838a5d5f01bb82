"""kg.nlp_fast: the sped-up pipeline annotates exactly as spaCy's own does."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English

from kg.documents import read_article
from kg.nlp import load_model, load_nlp
from kg.nlp_fast import AttributeMatch, Lemmas, speed_up

DATA = Path(__file__).parent / "data"
# the model's rarer patterns: two-token ones ("gonna", "let's", "y'all", "ain't"), pronouns by their
# dependency, "there is", auxiliaries, "but" as an adverb, runs of whitespace
HARD = (
    "I'm gonna go, y'all. You gotta see it. Let's c'm on! He ain't here, but there is hope.  \n\n"
    "Did you? I did. It saw you and I saw it. They have done what they had to do.\t\tThat was that."
)


def _texts() -> list[str]:
    files = sorted(DATA.glob("*.txt"))[:60]
    return [HARD, *(b.text for f in files for b in read_article(f).blocks)]


def _annotations(nlp: object, texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [
        [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)  # type: ignore[attr-defined]
    ]


def test_kgs_pipeline_is_sped_up_and_annotates_every_token_as_spacys_own() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler").match, AttributeMatch)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for _, words in index.items())
    texts = _texts()
    assert len(texts) > 50
    assert _annotations(nlp, texts) == _annotations(load_model(), texts)


def test_the_matches_are_the_rulers_own_in_its_order() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = AttributeMatch(ruler)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(_texts()[:20]))
    found = 0
    for doc in docs:
        mine = fast(doc)
        assert mine == type(ruler).match(ruler, doc)
        found += len(mine)
    assert found > 100
    # the two-token patterns matched too ("gonna" gives the lemmas "go" and "to")
    assert [t.lemma_ for t in load_nlp()("I'm gonna go.")][2:4] == ["go", "to"]


def _ruler_nlp(patterns: list[dict[str, object]]) -> English:
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a", "OP": "+"}],  # a quantifier
        [{"LENGTH": {">=": 3}}],  # a predicate it does not know
        [{"IS_ALPHA": True}],  # an attribute it does not read
    ],
)
def test_a_pattern_it_cannot_match_exactly_keeps_spacys_matcher(pattern: list[dict[str, object]]) -> None:
    nlp = _ruler_nlp([{"patterns": [[{"LOWER": "x"}]], "attrs": {"LEMMA": "ex"}},
                      {"patterns": [pattern], "attrs": {"LEMMA": "y"}}])
    stock = nlp("aaa x b")
    speed_up(nlp)
    assert "match" not in vars(nlp.get_pipe("attribute_ruler"))
    assert [t.lemma_ for t in nlp("aaa x b")] == [t.lemma_ for t in stock]


def test_later_patterns_win_and_operators_match_as_spacys() -> None:
    patterns = [
        {"patterns": [[{"LOWER": "x"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": {"IN": ["x", "y"]}}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["x", "y", "z"]}}]], "attrs": {"LEMMA": "other"}},
        {"patterns": [[{"LOWER": {"REGEX": "^z+$"}}, {"IS_SPACE": False}]], "attrs": {"LEMMA": "zed"}, "index": -1},
    ]
    text = "x y zz q x zzz"
    want = [t.lemma_ for t in _ruler_nlp(patterns)(text)]
    nlp = speed_up(_ruler_nlp(patterns))
    assert isinstance(nlp.get_pipe("attribute_ruler").match, AttributeMatch)
    assert [t.lemma_ for t in nlp(text)] == want == ["second", "second", "other", "zed", "second", "other"]


def test_lemmas_are_remembered_by_text_part_of_speech_and_morphology() -> None:
    nlp = load_nlp()
    lemmas = nlp.get_pipe("lemmatizer").lemmatize
    assert isinstance(lemmas, Lemmas)
    doc = nlp("The parties led. The party leads the parties.")
    # the same word with another part of speech or morphology is lemmatised on its own
    assert [t.lemma_ for t in doc] == ["the", "party", "lead", ".", "the", "party", "lead", "the", "party", "."]
    calls = []
    memo = Lemmas(lambda token: calls.append(token.text) or [token.text.lower()], size=2)
    for token in load_model()("Bob Bob bob"):
        memo(token)
    assert calls == ["Bob", "bob"]  # "Bob" twice, with one part of speech and morphology: worked out once
