"""Every row of the verb table (kg/data/triggers.json) carries examples: an invented article, and
the facts the row's rule must give on it. One parametrised test runs them all."""

from __future__ import annotations

from typing import Any

import pytest

from kg.datafiles import load_json
from kg.extract.relations.verbs import verb_rules


def _examples() -> list[Any]:
    return [
        pytest.param(row["name"], ex, id=f"{row['name']}-{k}")
        for row in load_json("triggers.json")["rules"]
        for k, ex in enumerate(row.get("examples", []))
    ]


def _value(obj: Any) -> str:
    return str(getattr(obj, "text", None) or getattr(obj, "iso", None))


def test_every_row_has_an_example_with_facts():
    rows = load_json("triggers.json")["rules"]
    assert len(rows) == len(verb_rules()) >= 40
    for row in rows:
        examples = row.get("examples", [])
        assert examples, f"kg/data/triggers.json: rule {row['name']!r} has no example"
        for ex in examples:
            assert ex["title"] and ex["text"] and ex["facts"], row["name"]
            assert all(len(f) == 3 for f in ex["facts"]), row["name"]


@pytest.mark.parametrize(("name", "example"), _examples())
def test_the_rule_gives_its_examples_facts(name: str, example: dict[str, Any]):
    from kg.annotate import _annotate
    from kg.documents.reader import read_text
    from kg.extract import extract_article

    article = read_text(f"= {example['title']} =\n\n{example['text']}\n", "example.txt")
    blocks, lead = next(_annotate([article], 1))
    ex = extract_article(article, blocks, lead)
    given = {(f.subject.text, f.relation, _value(f.object)) for f in ex.facts if f.evidence.extractor == f"verb:{name}"}
    for subject, relation, obj in example["facts"]:
        assert (subject, relation, obj) in given, (name, example["text"], sorted(given))


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
