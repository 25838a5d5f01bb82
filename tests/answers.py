"""Compare the answers of two versions of the query library on one store (used by
tests/test_query_answers.py on the seed and tests/data stores, and by
benchmarks/query_answers.py on the 500-article store).

A query's answer is its rows in projection order. Two answers are the same when they have the
same variables and the same rows as multisets, and, when both versions order their results
(a top-level ORDER BY), the same sequence of sort keys (rows that tie on every key may come
in any order). A GROUP_CONCAT cell is compared as the set
of its parts, since SPARQL leaves the order of concatenation open.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from kg.graph import KnowledgeGraph

__all__ = ["Difference", "compare_library", "concat_columns", "is_ordered", "order_keys"]

_CONCAT = re.compile(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", re.I)


def concat_columns(text: str) -> set[str]:
    """The variables a query builds with GROUP_CONCAT.

    >>> sorted(concat_columns('SELECT (GROUP_CONCAT(DISTINCT ?r; separator="; ") AS ?in) WHERE {}'))
    ['in']
    """
    return set(_CONCAT.findall(text))


def order_keys(text: str) -> list[str]:
    """The variables of the query's outermost ORDER BY (after its last closing brace), in order.

    >>> order_keys("SELECT ?a ?b WHERE { { SELECT ?x {} ORDER BY ?x } } ORDER BY DESC(?b) ?a")
    ['b', 'a']
    """
    body = re.sub(r"#[^\n]*", "", text)
    m = re.search(r"\bORDER\s+BY\b(.*)", body[body.rfind("}") :], re.I | re.S)
    return re.findall(r"\?(\w+)", m.group(1)) if m else []


def is_ordered(text: str) -> bool:
    """Whether the query's outermost level has an ORDER BY."""
    return bool(order_keys(text))


def _answer(g: KnowledgeGraph, text: str, binds: dict[str, Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    res = g.query(text, **binds)
    names = [v.value for v in res.variables]
    concat = concat_columns(text)
    rows = []
    for sol in res:
        row = []
        for n in names:
            v = None if sol[n] is None else str(sol[n].value)
            row.append(frozenset(v.split("; ")) if n in concat and v is not None else v)
        rows.append(tuple(row))
    return names, rows


class Difference(AssertionError):
    """Two versions of a query answer differently."""


def compare_library(
    g: KnowledgeGraph, before: Path, after: Path, params: dict[str, dict[str, Any]] | None = None
) -> dict[str, tuple[int, str]]:
    """Run every query of ``before`` and its namesake in ``after`` on ``g`` (with ``params[name]``
    bound), raise :class:`Difference` on the first that differs; returns name -> (rows, how compared)."""
    out: dict[str, tuple[int, str]] = {}
    for old in sorted(before.glob("*.rq")):
        new = after / old.name
        old_text, new_text = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
        binds = (params or {}).get(old.stem, {})
        names_old, rows_old = _answer(g, old_text, binds)
        names_new, rows_new = _answer(g, new_text, binds)
        if names_old != names_new:
            raise Difference(f"{old.stem}: variables {names_old} became {names_new}")
        ordered = is_ordered(old_text) and is_ordered(new_text)
        if ordered:  # the same sequence of sort keys (rows that tie may come in either order)
            at = [names_old.index(k) for k in order_keys(old_text)]
            keys_old = [tuple(r[i] for i in at) for r in rows_old]
            keys_new = [tuple(r[i] for i in at) for r in rows_new]
            if keys_old != keys_new:
                pairs = zip([*keys_old, None], [*keys_new, None], strict=False)
                at_row = next(i for i, (a, b) in enumerate(pairs) if a != b)
                shown = f"{keys_old[at_row : at_row + 2]} vs {keys_new[at_row : at_row + 2]}"
                raise Difference(f"{old.stem}: ordered differently from row {at_row}: {shown}")
        if Counter(rows_old) != Counter(rows_new):
            lost = list((Counter(rows_old) - Counter(rows_new)).elements())[:3]
            extra = list((Counter(rows_new) - Counter(rows_old)).elements())[:3]
            raise Difference(f"{old.stem}: {len(rows_old)} rows became {len(rows_new)}; lost {lost}, new {extra}")
        out[old.stem] = (len(rows_old), "ordered" if ordered else "as a multiset")
    return out
