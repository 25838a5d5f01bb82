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


# Module-level sets of lower-case strings in kg/extract that are labels the code itself uses, not
# words of the text: gazetteer kinds, dependency labels, a table's keywords, the rule scopes, the infobox
# table's group names.
_CODE_LABELS = {
    "_GAZ_KINDS",
    "_GAZ_RANK",
    "_RANK",
    "_OWN_CLAUSES",
    "_CORE_ROLES",
    "_TAKES",
    "SCOPES",
    "_TABLES",
    "_CLAUSE_DEPS",
    "GROUPS",
    "KIN_RELATIONS",
    "GUARDS",  # the names of lead_events.json's code guards (kg/extract/relations/lead_events.py)
}
_WORD = re.compile(r"^[a-z][a-z' -]*$")


def _word_sets(tree: ast.Module) -> list[str]:
    """The names of a module's top-level sets, lists, tuples or dict keys of three or more lower-case words."""
    out = []
    for node in tree.body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        value = node.value
        if isinstance(value, ast.Call) and ast.unparse(value.func) == "frozenset" and value.args:
            value = value.args[0]
        elts = value.keys if isinstance(value, ast.Dict) else getattr(value, "elts", None)
        words = [e.value for e in elts or [] if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(words) >= 3 and len(words) == len(elts or []) and all(_WORD.match(w) for w in words):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            out.append(ast.unparse(target))
    return out


def test_no_word_set_is_left_in_extraction_code():
    """The words the extraction compares are lexicons: a module-level word set in kg/extract fails here,
    unless it is one of the code's own labels above."""
    found = {}
    for p in (KG / "extract").rglob("*.py"):
        names = [n for n in _word_sets(ast.parse(p.read_text(encoding="utf-8"))) if n not in _CODE_LABELS]
        if names:
            found[str(p.relative_to(KG))] = names
    assert not found, found


def test_a_word_set_would_be_found():
    code = '_A = frozenset({"election", "by-election", "referendum"})\n_B = {"x": 1}\n_C = ("nsubj", "Dobj", "x")\n'
    assert _word_sets(ast.parse(code)) == ["_A"]


def test_every_json_table_has_each_key_once() -> None:
    """A key given twice in a kg/data JSON file (two branches adding one lexicon name) is refused
    when loaded, naming the file and the key, instead of JSON silently keeping the last."""
    import kg
    from kg.datafiles import _unique_keys

    tables = sorted(Path(kg.__file__).parent.joinpath("data").glob("*.json"))
    assert tables
    for path in tables:
        load_json(path.name)  # raises on a repeated key
    with pytest.raises(ValueError, match=r"kg/data/lexicons.json: the key 'town_nouns' is given twice"):
        json.loads('{"town_nouns": {"words": ["a"]}, "town_nouns": {"words": ["b"]}}',
                   object_pairs_hook=_unique_keys("lexicons.json"))
