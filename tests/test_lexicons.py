"""The named word lists of kg/data/lexicons.json: checked when loaded, each one used by a rule."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from kg.datafiles import load_json
from kg.extract.lexicons import _checked, lexicon, lexicon_docs

KG = Path(__file__).resolve().parent.parent / "kg"


def _named_in_code() -> set[str]:
    """The lexicon names the code asks for: every ``lexicon("...")`` or ``alternation("...")`` call's argument."""
    out = set()
    for p in KG.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("lexicon", "alternation")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                out.add(node.args[0].value)
    from kg.extract.relations.nouns import noun_rules
    from kg.extract.relations.paths import role_paths

    for role in role_paths().values():  # and the lexicons the role paths test a lemma against
        out.update(s.value for p in (*role.paths, role.when) for s in p if s.op == "@" and s.value)
    for row in load_json("nouns.json")["rules"]:  # and those of the noun table: its triggers and paths
        lemma = row["noun"]["lemma"]
        out.update([lemma[1:]] if lemma.startswith("@") else [])
    for noun in noun_rules():
        parts = [noun.subject, *(part for _, part in noun.facts)]
        out.update(s.value for part in parts for p in part.paths for s in p if s.op == "@" and s.value)
    for row in load_json("lead_events.json")["rules"]:  # and those the lead-event rows name: @name, {@name}
        text = json.dumps([row.get("trigger", {}), row.get("facts", []), row.get("patterns", [])])
        out.update(re.findall(r"@(\w+)", text))
        out.update(f["not_last_word"] for f in row.get("facts", []) if f.get("not_last_word"))
    return out


def test_every_lexicon_is_used_and_every_name_used_exists():
    used = _named_in_code()
    assert len(used) >= 15  # the code really is read
    raw = load_json("lexicons.json")
    included = {inc for name in used for inc in raw.get(name, {}).get("include", [])}  # a shared part
    assert used | included == set(lexicon_docs())
    for name in used:
        assert lexicon(name)


def test_an_including_lexicon_has_the_words_of_what_it_includes():
    raw = load_json("lexicons.json")
    for name, entry in raw.items():
        if name.startswith("_"):
            continue
        for inc in entry.get("include", []):
            assert lexicon(inc) <= lexicon(name), (name, inc)
    assert lexicon("coalition_nouns") == lexicon("alliance_nouns") | {"federation", "confederation"}


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"a": {"words": ["x"]}}, "needs a 'doc'"),
        ({"a": {"doc": "d", "words": ["x", "x"]}}, "repeats ['x']"),
        ({"a": {"doc": "d", "words": [" x"]}}, "stripped"),
        ({"a": {"doc": "d", "include": ["b"]}}, "unknown lexicon 'b'"),
        ({"a": {"doc": "d", "include": ["b"]}, "b": {"doc": "d", "include": ["a"]}}, "includes itself"),
    ],
)
def test_a_bad_lexicon_is_one_error_naming_it(table, problem):
    with pytest.raises(ValueError, match=r"kg/data/lexicons\.json: lexicon") as exc:
        _checked(table)
    assert problem in str(exc.value)


def test_an_unknown_name_fails_at_once():
    with pytest.raises(ValueError, match="no lexicon 'alliance_noun'"):
        lexicon("alliance_noun")
