"""Every row of the pattern tables (the verb table kg/data/triggers.json, the noun table
kg/data/nouns.json, the pair table kg/data/pairs.json, the possessive table
kg/data/possessives.json, the lead tables kg/data/lead.json and kg/data/lead_events.json) carries
examples: an invented article, and the facts the row must give on it. One parametrised test runs
them all."""

from __future__ import annotations

from typing import Any

import pytest

from kg.datafiles import load_json
from kg.extract.relations.kinship import possessive_rules
from kg.extract.relations.lead_events import _rules as event_rules
from kg.extract.relations.lead_table import _rules as lead_rules
from kg.extract.relations.nouns import noun_rules
from kg.extract.relations.pairs import pair_rules
from kg.extract.relations.verbs import verb_rules


def _possessive(row: dict[str, Any]) -> frozenset[str]:
    family = "kinship" if row.get("kin") else "possessive"
    return frozenset(f"{family}:{noun}" for noun in row["nouns"])


# each table, and the rule names its rows' facts carry as their extractor
TABLES = {
    "triggers.json": lambda row: frozenset({f"verb:{row['name']}"}),
    "nouns.json": lambda row: frozenset({row["name"]}),
    "pairs.json": lambda row: frozenset({row["name"]}),
    "possessives.json": _possessive,  # kinship:son, possessive:newspaper: the noun that fired
    "lead.json": lambda row: frozenset({row["name"]}),
    "lead_events.json": lambda row: frozenset({row["name"]}),
}


def _examples() -> list[Any]:
    return [
        pytest.param(extractors(row), ex, id=f"{row['name']}-{k}")
        for table, extractors in TABLES.items()
        for row in load_json(table)["rules"]
        for k, ex in enumerate(row.get("examples", []))
    ]


def _value(obj: Any) -> str:
    return str(getattr(obj, "text", None) or getattr(obj, "iso", None))


@pytest.mark.parametrize(
    ("table", "loaded", "least"),
    [
        ("triggers.json", verb_rules, 40),
        ("nouns.json", noun_rules, 1),
        ("pairs.json", pair_rules, 1),
        ("possessives.json", possessive_rules, 10),
        ("lead.json", lambda: tuple(lead_rules().values()), 2),
        ("lead_events.json", event_rules, 1),
    ],
)
def test_every_row_has_an_example_with_facts(table: str, loaded: Any, least: int):
    rows = load_json(table)["rules"]
    assert len(rows) == len(loaded()) >= least
    assert len({row["name"] for row in rows}) == len(rows), f"kg/data/{table}: a rule name given twice"
    for row in rows:
        examples = row.get("examples", [])
        assert examples, f"kg/data/{table}: rule {row['name']!r} has no example"
        for ex in examples:
            assert ex["title"] and ex["text"] and ex["facts"], row["name"]
            assert all(len(f) == 3 for f in ex["facts"]), row["name"]


@pytest.mark.parametrize(("extractors", "example"), _examples())
def test_the_rule_gives_its_examples_facts(extractors: frozenset[str], example: dict[str, Any]):
    from kg.annotate import _annotate
    from kg.documents.reader import read_text
    from kg.extract import extract_article

    article = read_text(f"= {example['title']} =\n\n{example['text']}\n", "example.txt")
    blocks, lead = next(_annotate([article], 1))
    ex = extract_article(article, blocks, lead)
    given = {(f.subject.text, f.relation, _value(f.object)) for f in ex.facts if f.evidence.extractor in extractors}
    for subject, relation, obj in example["facts"]:
        assert (subject, relation, obj) in given, (sorted(extractors), example["text"], sorted(given))


@pytest.mark.parametrize(
    ("roles", "problem"),
    [
        ("nsubj|subject", "unknown role 'subject'"),
        ("pobj", "role 'pobj' needs a word"),
        ("agent:by", "role 'agent' takes no word"),
        ("pobj:in?", "only a role noun's role"),
    ],
)
def test_a_bad_role_in_a_row_fails_when_the_table_loads(roles: str, problem: str):
    from kg.extract.relations.verbs import check_roles

    with pytest.raises(ValueError, match=r"kg/data/triggers\.json, rule 'x'") as exc:
        check_roles(roles, "kg/data/triggers.json, rule 'x'")
    assert problem in str(exc.value)
    assert check_roles("as-of:leader?|nsubj", "here") == ("as-of:leader?", "nsubj")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"doc": "d", "word": False, "paths": ["agent>pobj["]}, "bad step 'pobj['"),
        ({"doc": "d", "word": False, "paths": ["dobj[lemma@no_such_lexicon]"]}, "no lexicon 'no_such_lexicon'"),
        ({"doc": "d", "word": False, "paths": ["prep[lower={word}]>pobj"]}, "takes none"),
        ({"doc": "d", "paths": ["agent>pobj"]}, "needs a doc, word"),
    ],
)
def test_a_bad_role_path_fails_when_the_table_loads(raw: dict[str, Any], problem: str):
    from kg.extract.relations.paths import _role

    with pytest.raises(ValueError) as exc:
        _role("x", raw)
    assert problem in str(exc.value)


def test_a_role_is_a_path_of_the_table():
    """A role written as a path finds its tokens with no code of its own: the object of "for"
    under the verb's "as" noun, the way the table's pobj role reads "worked as a welder at X"."""
    from kg.extract.relations.paths import _role, role_tokens
    from kg.nlp import load_nlp

    doc = load_nlp()("She worked as a reporter for the Valdora Times.")
    verb = next(t for t in doc if t.lemma_ == "work")
    role = _role("as-for", {"doc": "d", "word": True, "paths": ["prep[lower=as]>pobj>prep[lower={word}]>pobj"]})
    assert [t.text for t in role_tokens(verb, role, "for")] == ["Times"]
    assert role_tokens(verb, role, "at") == []


_NOUN = {"name": "x", "noun": {"lemma": "seat"}, "subject": {"path": "poss"}, "confidence": 0.5}
_PAIR = {"name": "x", "subject_class": ["Person"], "object_class": ["Company"], "confidence": 0.5}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**_NOUN, "facts": [{"relation": "headquarter", "path": "pobj"}]}, "headquarter"),
        ({**_NOUN, "facts": [{"relation": "headquarters", "path": "prep[lemma@no_such]"}]}, "no lexicon 'no_such'"),
        ({**_NOUN, "facts": [{"relation": "headquarters", "path": "pobj", "date": True}]}, "give one of path"),
        ({**_NOUN, "facts": [{"relation": "headquarters", "path": "pobj", "class": ["Plaice"]}]}, "Plaice"),
        ({**_NOUN, "facts": [{"relation": "headquarters", "roles": "subj"}]}, "unknown role 'subj'"),
        ({**_NOUN, "facts": [{"relation": "headquarters", "path": "pobj", "take": "last"}]}, "take must be"),
        ({**_NOUN, "noun": {"lemma": "@no_such"}, "facts": [{"relation": "headquarters", "path": "pobj"}]}, "no_such"),
        ({**_NOUN, "confidence": True, "facts": [{"relation": "headquarters", "path": "pobj"}]}, "confidence must be"),
    ],
)
def test_a_bad_noun_row_fails_when_the_table_loads(row: dict[str, Any], problem: str):
    from kg.extract.relations.nouns import _row

    with pytest.raises(ValueError) as exc:
        _row(row)
    assert problem in str(exc.value)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**_PAIR, "between": r"\s+of\s+", "relation": "employr"}, "employr"),
        ({**_PAIR, "between": r"\s+of(\s+", "relation": "employer"}, "no regular expression"),
        ({**_PAIR, "between": r"\s+of\s+", "relation_by_word": "role_nouns.tsv"}, "(?P<word>"),
        ({**_PAIR, "between": r"\s+of\s+"}, "a relation or relation_by_word"),
        ({**_PAIR, "between": r"\s+of\s+", "relation": "employer", "confidence": 1.2}, "confidence must be"),
        ({**_PAIR, "object_class": ["Compny"], "between": r"\s+of\s+", "relation": "employer"}, "Compny"),
        ({**_PAIR, "between": r"\s+of\s+", "relation": "employer", "more": r"(and"}, "more is no regular"),
        ({**_PAIR, "between": r"\s+of\s+", "relation": "employer", "object_by_shape": True}, "object_by_shape"),
        ({**_PAIR, "between": r"\s+of\s+", "relation": "employer", "object_after_match": 1}, "true or false"),
    ],
)
def test_a_bad_pair_row_fails_when_the_table_loads(row: dict[str, Any], problem: str):
    from kg.extract.relations.pairs import _row

    with pytest.raises(ValueError, match=r"kg/data/pairs\.json, rule 'x'") as exc:
        _row(row)
    assert problem in str(exc.value)


_POSS = {"name": "x", "nouns": ["son"], "confidence": 0.5}


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([{**_POSS, "relation": "chld"}], "unknown ontology relation 'chld'"),
        ([{**_POSS, "nouns": ["Son"], "relation": "child"}], "lower-cased words"),
        ([{**_POSS, "relation": "child", "kin": "yes"}], "true or false"),
        ([{**_POSS, "relation": "child", "siblings": True}], "siblings needs a kin row"),
        ([{**_POSS, "relation": "child", "confidence": 1.5}], "confidence must be"),
        ([{**_POSS, "relation": "child"}, {**_POSS, "name": "y", "relation": "relative"}], "'son' is in rule 'x' too"),
        ([{"name": "x", "relation": "child", "confidence": 0.5}], "needs a name, nouns and a relation"),
    ],
)
def test_a_bad_possessive_row_fails_when_the_table_loads(rows: list[Any], problem: str):
    from kg.extract.relations.kinship import _checked

    with pytest.raises(ValueError, match=r"kg/data/possessives\.json, rule '[xy]'") as exc:
        _checked(rows)
    assert problem in str(exc.value)


_LEAD = {"name": "x", "confidence": 0.5}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**_LEAD, "relation_by_subject": {"Person": "citizenshp"}}, "unknown ontology relation 'citizenshp'"),
        ({**_LEAD, "relation_by_subject": {"Persn": "citizenship"}}, "unknown ontology class 'Persn'"),
        ({**_LEAD, "relation_by_subject": {"City": "locatedIn"}}, "broad classes"),
        ({**_LEAD, "relation_by_subject": {"Place": "locatedIn"}, "relation_for_country": "cuntry"}, "'cuntry'"),
        ({**_LEAD, "relation_by_subject": {"Place": "locatedIn"}, "confidence": 0}, "confidence must be"),
        ({"name": "x", "confidence": 0.5}, "needs a name and relation_by_subject"),
    ],
)
def test_a_bad_lead_row_fails_when_the_table_loads(row: dict[str, Any], problem: str):
    from kg.extract.relations.lead_table import _row

    with pytest.raises(ValueError, match=r"kg/data/lead\.json, rule 'x'") as exc:
        _row(row)
    assert problem in str(exc.value)


_TOKEN = {"name": "x", "rule": "event-lead", "kind": "token", "subject_class": ["Event"], "confidence": 0.5}
_LED = {"lower": ["led"]}
_ANY = {"relation": "participant", "path": "*"}
_BY_LEMMA = {"relation_by_lemma": {"@event_end_verbs": "endTime"}}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**_TOKEN, "trigger": _LED, "facts": [{"relation": "participnt", "path": "agent>*"}]}, "'participnt'"),
        ({**_TOKEN, "trigger": {**_LED, "guard": "its-subject"}, "facts": [_ANY]}, "guard must be one of"),
        ({**_TOKEN, "trigger": {"lemma": ["@no_such"]}, "facts": [_ANY]}, "no_such"),
        ({**_TOKEN, "trigger": _LED, "facts": [{"relation": "participant", "path": "agent>["}]}, "bad step"),
        ({**_TOKEN, "trigger": _LED, "facts": [{**_ANY, "class": ["Persn"]}]}, "Persn"),
        ({**_TOKEN, "trigger": _LED, "facts": [{**_ANY, "date": "prep"}]}, "path or a date"),
        (
            {**_TOKEN, "trigger": _LED, "facts": [{"relation": "startTime", **_BY_LEMMA, "date": "x"}]},
            "relation or relation_by_lemma",
        ),
        ({**_TOKEN, "trigger": _LED, "facts": []}, "a trigger and facts"),
        ({**_TOKEN, "trigger": _LED, "facts": [{"relation": "partOf", "path": "*", "not_last_word": "nope"}]}, "nope"),
    ],
)
def test_a_bad_lead_event_token_row_fails_when_the_table_loads(row: dict[str, Any], problem: str):
    from kg.extract.relations.lead_events import _row

    with pytest.raises(ValueError, match=r"kg/data/lead_events\.json, rule 'x'") as exc:
        _row(row)
    assert problem in str(exc.value)


def test_a_lead_event_guard_and_a_calendar_stretch_keep_their_facts_out():
    """The row's guard and its not_last_word test decide: a strike whose subject is another body
    ("the union began …") gets no start, an event "during Harvest Week" is part of no event."""
    from kg.annotate import _annotate
    from kg.documents.reader import read_text
    from kg.extract import extract_article

    text = (
        "= Brennick Dock Strike =\n\nThe Brennick Dock Strike was a strike of dock workers during Harvest Week. "
        "The Valdora Dockers' Union began talks on 3 May 1961.\n"
    )
    article = read_text(text, "example.txt")
    blocks, lead = next(_annotate([article], 1))
    facts = extract_article(article, blocks, lead).facts
    assert not [f for f in facts if f.evidence.extractor in ("lead-during", "lead-began-ended")]


_SPAN = {"name": "x", "rule": "event-span", "kind": "span", "subject_class": ["Event"], "confidence": 0.5}
_SPAN_OK = {**_SPAN, "patterns": [r"from (?P<start>\w+) to (?P<end>\d{4})"], "start_relation": "startTime"}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**_SPAN_OK, "end_relation": "endTme"}, "unknown ontology relation 'endTme'"),
        ({**_SPAN_OK, "end_relation": "endTime", "patterns": ["from (?P<start>"]}, "no regular expression"),
        ({**_SPAN_OK, "end_relation": "endTime", "patterns": [r"from (?P<start>\w+)"]}, "(?P<end>"),
        ({**_SPAN_OK, "end_relation": "endTime", "patterns": [r"{@no_such} (?P<start>a)(?P<end>b)"]}, "no_such"),
        ({**_SPAN_OK, "end_relation": "endTime", "subject_class": ["Conflict"]}, "broad classes"),
        ({**_SPAN_OK, "end_relation": "endTime", "kind": "spam"}, "kind 'span'"),
        ({**_SPAN, "end_relation": "endTime", "start_relation": "startTime"}, "needs patterns"),
    ],
)
def test_a_bad_lead_event_row_fails_when_the_table_loads(row: dict[str, Any], problem: str):
    from kg.extract.relations.lead_events import _row

    with pytest.raises(ValueError, match=r"kg/data/lead_events\.json, rule 'x'") as exc:
        _row(row)
    assert problem in str(exc.value)


def test_kg_rules_shows_every_row_of_the_tables_with_its_example():
    import json

    from kg.extract.relations.rules import describe_rules

    text = describe_rules()
    listed = {r["name"]: r for r in json.loads(describe_rules(as_json=True))}
    for table in TABLES:
        shown = [t["name"] for r in listed.values() if r.get("table") == f"kg/data/{table}" for t in r["rows"]]
        rows = load_json(table)["rules"]
        assert shown == [r["name"] for r in rows], table
        for row in rows:
            first = row["examples"][0]
            assert f"{row['name']} ({row['confidence']}): {first['text']}" in text, row["name"]
    assert listed["noun"]["rows"][0]["example"].endswith("→ headquarters(Valdora Farmers' Union, Brennick)")
