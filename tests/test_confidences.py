"""The confidences of the prose rules written in code (kg/data/confidences.json): one table, each
key asked for by the code, each name the code asks for in the table, checked when loaded."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.datafiles import load_json
from kg.extract import confidences
from kg.extract.confidences import _checked, class_confidences, confidence

KG = Path(__file__).resolve().parent.parent / "kg"


def _asked_for() -> set[str]:
    """The rule names the code asks a confidence for: ``confidence("…")``, ``class_confidences("…")``
    and ``ctx.evidence(sent, "…")`` with no confidence of its own."""
    out = set()
    for p in (KG / "extract").rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in ("confidence", "class_confidences", "rule_confidence"):
                arg = node.args[0]
            elif name == "evidence" and len(node.args) == 2 and not node.keywords:
                arg = node.args[1]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.add(arg.value)
    return out


def test_every_confidence_is_asked_for_and_every_one_asked_for_is_there():
    table = {k for k in load_json("confidences.json") if not k.startswith("_")}
    asked = _asked_for()
    assert len(asked) >= 25  # the code really is read
    assert asked == table, (sorted(asked - table), sorted(table - asked))


def test_a_rule_takes_its_confidence_from_the_table(monkeypatch):
    """Change the table and the fact's evidence changes with it: no number is left in the code."""
    from kg.annotate import _annotate
    from kg.documents.reader import read_text
    from kg.extract import extract_article

    text = "= Orvan Dam =\n\nThe Orvan Dam is a dam. It was built near Ghent, Belgium, in 1961.\n"
    article = read_text(text, "example.txt")
    blocks, lead = next(_annotate([article], 1))

    def chain_confidences() -> set[float]:
        ex = extract_article(article, blocks, lead)
        return {f.evidence.confidence for f in ex.facts if f.evidence.extractor == "place-chain"}

    assert chain_confidences() == {confidence("place-chain")} == {0.8}
    table = {**confidences._table(), "place-chain": 0.31}
    monkeypatch.setattr(confidences, "_table", lambda: table)
    assert chain_confidences() == {0.31}


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda: _checked({"a": 1.5}), "rule 'a': a confidence must be a number in (0, 1]"),
        (lambda: _checked({"a": True}), "rule 'a': a confidence must be a number in (0, 1]"),
        (lambda: _checked({"a": {"Cty": 0.5}}), "rule 'a': unknown class(es) Cty"),
        (lambda: _checked({"a": {"City": 0}}), "rule 'a': a confidence must be a number in (0, 1]"),
        (lambda: confidence("place-chian"), "no confidence for rule 'place-chian'"),
        (lambda: confidence("article-single-country"), "has a confidence per class"),
        (lambda: class_confidences("place-chain"), "has one confidence"),
    ],
)
def test_a_bad_entry_or_an_unknown_rule_is_one_error_naming_it(call, problem):
    with pytest.raises(ValueError) as exc:
        call()
    assert str(exc.value).startswith("kg/data/confidences.json") and problem in str(exc.value)


def test_infobox_and_see_also_facts_take_their_confidence_from_the_table(monkeypatch):
    """A mapped infobox key, an unmapped one and a See also item: each fact's confidence is its
    table entry (``infobox``, ``infobox-unmapped``, ``see-also``), none a module constant."""
    from kg.annotate import _annotate
    from kg.documents.reader import read_text
    from kg.extract import extract_article

    text = (
        "= Orvan Labour Party =\n- Founder: Ana Roe\n- Flag colour scheme: green\n\n"
        "The Orvan Labour Party is a political party in Valdora.\n\n== See also ==\n- Tesk Labour Party\n"
    )
    article = read_text(text, "example.txt")
    blocks, lead = next(_annotate([article], 1))

    def by_relation() -> dict[str, set[float]]:
        out: dict[str, set[float]] = {}
        for f in extract_article(article, blocks, lead).facts:
            if f.relation in ("foundedBy", "infoboxValue", "seeAlso"):
                out.setdefault(f.relation, set()).add(f.evidence.confidence)
        return out

    assert by_relation() == {"foundedBy": {0.95}, "infoboxValue": {0.9}, "seeAlso": {0.9}}
    table = {**confidences._table(), "infobox": 0.41, "infobox-unmapped": 0.42, "see-also": 0.43}
    monkeypatch.setattr(confidences, "_table", lambda: table)
    assert by_relation() == {"foundedBy": {0.41}, "infoboxValue": {0.42}, "seeAlso": {0.43}}


def test_no_rule_keeps_a_confidence_as_a_module_constant():
    """A confidence is a row of a table or of confidences.json, never ``ROSTER_CONFIDENCE = 0.75``."""
    found = []
    for p in (KG / "extract").rglob("*.py"):
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                names = [t.id for t in node.targets if isinstance(t, ast.Name) and "CONFIDENCE" in t.id.upper()]
                found += [f"{p.name}: {n}" for n in names if isinstance(node.value.value, float)]
    assert not found, found
