"""The prose rule registry: declarations checked at registration, the declared order, declared relations kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.extract.relations as relations
from kg.extract.relations.registry import RULES, Rule, RuleError, _sweeps, rule, run_rules
from kg.ontology import RELATIONS

DATA = Path(__file__).parent / "data"


def test_a_relation_typo_fails_when_the_rule_registers():
    before = list(RULES)
    with pytest.raises(RuleError, match="foundedby"):
        rule("typo", "block", {"foundedby"})  # type: ignore[arg-type]  (mypy catches it too)
    with pytest.raises(RuleError, match="needs 'brothers'"):
        rule("unknown-need", "block", {"foundedBy"}, needs=("brothers",))
    with pytest.raises(RuleError, match="only an article rule"):
        rule("block-reads-facts", "block", {"foundedBy"}, needs=("facts",))
    with pytest.raises(RuleError, match="registered twice"):
        rule("kinship", "block", {"sibling"})
    with pytest.raises(RuleError, match="scope"):
        rule("corpus-rule", "corpus", {"sibling"})  # type: ignore[arg-type]
    assert before == RULES


def test_rules_run_in_their_declared_order_with_a_documented_example():
    names = [r.name for r in RULES]
    assert names[0] == "kinship" and names[-1] == "section-events"
    assert len(names) == len(set(names)) >= 20
    for r in RULES:
        assert r.relations and r.relations <= set(RELATIONS), r.name
        assert "Example:" in r.doc, r.name
    scopes = [r.scope for r in RULES]
    assert scopes == sorted(scopes, key=["block", "lead", "article"].index)  # blocks, then lead, then article


def test_a_rule_that_needs_a_product_starts_a_new_sweep():
    def noop(*_: object) -> list[object]:
        return []

    a = Rule("a", "block", frozenset(), (), {"siblings": tuple}, noop)
    b = Rule("b", "block", frozenset(), (), {}, noop)
    c = Rule("c", "block", frozenset(), ("siblings",), {}, noop)
    d = Rule("d", "lead", frozenset(), (), {}, noop)
    e = Rule("e", "article", frozenset(), ("facts",), {}, noop)
    f = Rule("f", "article", frozenset(), (), {}, noop)
    assert [[r.name for r in s] for s in _sweeps([a, b, c, d, e, f])] == [["a", "b"], ["c", "d"], ["e"], ["f"]]


def test_every_fact_a_rule_gives_is_one_it_declares(tmp_path, monkeypatch):
    """Build tests/data with every prose fact traced to its rule; a rule states only its declared relations."""
    from kg.pipeline import build_graph

    seen: dict[str, set[str]] = {}

    def traced(inputs, rules=None, trace=None):  # type: ignore[no-untyped-def]
        return run_rules(inputs, rules, lambda r, f: seen.setdefault(r.name, set()).add(f.relation))

    monkeypatch.setattr(relations, "run_rules", traced)
    build_graph(sorted(DATA.glob("*.txt")), tmp_path / "st", [], use_cache=False)
    declared = {r.name: r.relations for r in RULES}
    assert len(seen) >= 15  # most rules fire on the invented articles
    for name, rels in seen.items():
        assert rels <= declared[name], (name, rels - declared[name])


def test_kg_rules_lists_every_rule():
    from kg.cli import cli

    out = CliRunner().invoke(cli, ["rules"]).output
    for r in RULES:
        assert f"{r.name} ({r.scope})" in out
    assert "relations: " in out and "Example:" in out
