"""The rule registry of prose extraction: each rule declares its name, scope, relations and needs.

A rule registers with :func:`rule` (see :mod:`kg.extract.relations.rules`, where the order of
the declarations is the order the rules run in)::

    @rule("kinship", "block", relations=..., produces=("siblings",))
    def _kinship(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
        ...

- ``scope``: ``block`` (every paragraph or item), ``lead`` (the first block only) or ``article``
  (once, after the block rules; it may also give same-as pairs);
- ``relations``: what it may emit, checked against :data:`kg.ontology.RELATIONS` when it registers,
  so a typo fails at import; a rule that reads its relations from a table gives a function of
  no arguments instead (the table is checked against the ontology when it is loaded);
- ``needs``: what it reads besides its block: the article's ``places``, ``faiths``,
  ``sentences`` or ``box_countries``, the ``facts`` of the rules before it (article rules only),
  or what an earlier rule ``produces`` (``siblings``: the sibling pairs kinship found).

:func:`run_rules` runs the registry: rules read only their :class:`Inputs` (frozen) and return
their facts; nothing is shared or mutated between them. Consecutive block and lead rules run
block by block; a rule that needs what a rule of that sweep produces starts a new sweep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, cast

from kg.documents.model import Article
from kg.errors import KgError
from kg.extract.relations.base import Sentences
from kg.model import Evidence, Fact, Mention
from kg.ontology import RELATIONS
from kg.vocab import RelationName

__all__ = ["RULES", "Inputs", "Rule", "RuleError", "SameAs", "rule", "run_rules"]

Scope = Literal["block", "lead", "article"]
SameAs = tuple[Mention, Mention, str]
SCOPES: tuple[Scope, ...] = ("block", "lead", "article")
GIVEN = frozenset({"places", "faiths", "sentences", "box_countries", "facts"})  # what the runner gives


class RuleError(KgError):
    """A rule's declaration is wrong (unknown relation, scope or need, a name given twice)."""


@dataclass(frozen=True)
class Inputs:
    """Everything a rule may read: the article's annotated blocks and what earlier rules produced."""

    article: Article
    subject: Mention
    mentions: tuple[Mention, ...]  # every block's, in order
    ctxs: tuple[Sentences, ...]  # one per block
    places: Mapping[str, Mention]  # name key → a place mention of the article
    faiths: Mapping[str, Mention]  # religion name → a mention of it
    box_countries: tuple[Mention, ...]  # the places the infobox names (its countries and towns)
    sentences: tuple[Evidence, ...]  # the article's sentences in text order
    siblings: tuple[frozenset[Mention], ...] = ()  # produced by kinship
    box_parties: frozenset[str] = frozenset()  # the names the infobox types a political party
    facts: tuple[Fact, ...] = ()  # the facts of the rules before (for rules that need "facts")


BlockRun = Callable[[Sentences, Inputs], Iterable[Fact]]
ArticleRun = Callable[[Inputs], Iterable[Fact | SameAs]]


@dataclass(frozen=True)
class Rule:
    """One registered rule."""

    name: str
    scope: Scope
    declared: frozenset[str] | Callable[[], Iterable[str]]
    needs: tuple[str, ...]
    produces: Mapping[str, Callable[[Iterable[Fact]], Any]]
    run: Callable[..., Iterable[Fact | SameAs]]

    @property
    def relations(self) -> frozenset[str]:
        """The relations the rule may emit (a table-driven rule's read from its table)."""
        return self.declared if isinstance(self.declared, frozenset) else frozenset(self.declared())

    @property
    def doc(self) -> str:
        """The rule's docstring: what it reads, and an example sentence with the facts it gives."""
        return " ".join((self.run.__doc__ or "").split())


RULES: list[Rule] = []


def rule(
    name: str,
    scope: Scope,
    relations: Iterable[RelationName] | Callable[[], Iterable[str]],
    needs: Iterable[str] = (),
    produces: Mapping[str, Callable[[Iterable[Fact]], Any]] | None = None,
) -> Callable[[Callable[..., Iterable[Fact | SameAs]]], Callable[..., Iterable[Fact | SameAs]]]:
    """Register the decorated function as the rule ``name`` (it runs after those registered before it)."""
    declared = relations if callable(relations) else frozenset(relations)
    if isinstance(declared, frozenset) and (unknown := sorted(declared - set(RELATIONS))):
        raise RuleError(f"rule {name!r}: relation(s) {', '.join(unknown)} not in kg/ontology.ttl")
    if scope not in SCOPES:
        raise RuleError(f"rule {name!r}: scope {scope!r} is not one of {', '.join(SCOPES)}")
    if any(r.name == name for r in RULES):
        raise RuleError(f"rule {name!r} is registered twice")
    produced = {p for r in RULES for p in r.produces}
    if extra := sorted(set(produces or ()) - {f.name for f in fields(Inputs)}):
        raise RuleError(f"rule {name!r} produces {', '.join(extra)}, which is no field of Inputs")
    for need in needs:
        if need not in GIVEN and need not in produced:
            raise RuleError(f"rule {name!r} needs {need!r}, which neither the runner nor an earlier rule gives")
        if need == "facts" and scope != "article":
            raise RuleError(f"rule {name!r}: only an article rule may read the facts of earlier rules")

    def register(fn: Callable[..., Iterable[Fact | SameAs]]) -> Callable[..., Iterable[Fact | SameAs]]:
        RULES.append(Rule(name, scope, declared, tuple(needs), dict(produces or {}), fn))
        return fn

    return register


def _sweeps(rules: list[Rule]) -> list[list[Rule]]:
    """The rules in runs: consecutive block/lead rules together, split where one needs what another produces."""
    out: list[list[Rule]] = []
    for r in rules:
        current = out[-1] if out else None
        joins = (
            current is not None
            and r.scope != "article"
            and current[0].scope != "article"
            and not any(need in c.produces for c in current for need in r.needs)
        )
        if joins and current is not None:
            current.append(r)
        else:
            out.append([r])
    return out


def _view(inputs: Inputs, with_siblings: Inputs, r: Rule, facts: list[Fact]) -> Inputs:
    """What rule ``r`` reads: its blocks resolve "the Roe brothers" with the siblings only if it needs them."""
    inputs = with_siblings if "siblings" in r.needs else replace(inputs, siblings=())
    return replace(inputs, facts=tuple(facts)) if "facts" in r.needs else inputs


def run_rules(
    inputs: Inputs,
    rules: list[Rule] | None = None,
    trace: Callable[[Rule, Fact], None] | None = None,
) -> tuple[list[Fact], list[SameAs]]:
    """Run ``rules`` (the registry) over the article in ``inputs``: the facts and same-as pairs they give.

    ``trace`` sees every fact with the rule that gave it (tests check a rule's declared relations)."""
    facts: list[Fact] = []
    same_as: list[SameAs] = []
    for sweep in _sweeps(RULES if rules is None else rules):
        with_siblings = replace(inputs, ctxs=tuple(c.with_siblings(inputs.siblings) for c in inputs.ctxs))
        views = [_view(inputs, with_siblings, r, facts) for r in sweep]
        by_rule: dict[str, list[Fact]] = {r.name: [] for r in sweep}
        if sweep[0].scope == "article":
            for item in sweep[0].run(views[0]):
                if isinstance(item, Fact):
                    by_rule[sweep[0].name].append(item)
                else:
                    same_as.append(item)
            facts.extend(by_rule[sweep[0].name])
        else:
            for i in range(len(inputs.ctxs)):
                for r, view in zip(sweep, views, strict=True):
                    if r.scope == "block" or i == 0:
                        got = cast("list[Fact]", list(r.run(view.ctxs[i], view)))
                        by_rule[r.name].extend(got)
                        facts.extend(got)
        for r in sweep:
            if trace is not None:
                for f in by_rule[r.name]:
                    trace(r, f)
            for product, make in r.produces.items():
                inputs = replace(inputs, **{product: make(by_rule[r.name])})
    return facts, same_as
