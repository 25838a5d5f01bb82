"""Pages of a whole-graph listing that start from their keys (issue 19, item 4).

A library query that groups the whole graph (``people``: one row per person's name, with every
role concatenated) cannot give its first row before it has grouped everything: on a million facts
that is seconds, however small the page. Such a query names, in its header, how ``kg query``
pages it, and then a page costs the rows it shows:

- ``# Page: ?person by keys/people.rq``: the key query (``queries/keys/``) streams the values of
  ``?person`` in the store's own order (a DISTINCT over one pattern, no sort), ``KEYS`` at a time;
  each batch is bound, as a VALUES block at the top of every WHERE clause of the query (so every
  WHERE clause of such a query names the key), and the rows come out batch by batch, each key's
  rows together, in key order, sorted by their values within a key. The batches are the same
  whatever ``--limit`` and ``--offset`` ask, so every page of every run is a slice of one sequence;
- ``# Page: ?e by keys/timeline.rq until ?s changes``: for a query that orders; its key query
  sorts the keys by ``?s`` (the query's first sort key, cheap to sort), each key is taken at its
  first row, a batch goes on past ``KEYS`` until ``?s`` changes, and the rows keep the query's
  own ORDER BY (rows that tie on it sorted by their values), so batch after batch is the order;
- ``# Page: ?rank by rank``: the query orders by ``?rank``, the numbers 1, 2, 3 … that the
  summary graph gives its rows (:mod:`kg.rdf_summary`), so a page binds the ranks it shows
  (``offset + 1`` … ``offset + limit``), each an index look-up, and sorts nothing else.

A query with parameters bound pages the plain way (the rows of the whole answer, sliced), and so
does a rank-paged query asked for all its rows or more than ``MAX_RANKS`` (its own ORDER BY on an
integer is then the cheaper way); on a store without the summary graph ``kg query`` runs the
query's direct fallback, which has no ``# Page:`` line. A key query is asked in windows
(``LIMIT``/``OFFSET``, doubling), since a server sends a whole answer before its first row.
The rows are those of the plain query, as multisets (``tests/test_query_page.py``); only their
order is the key's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query import QuerySpec, queries_dir

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["KEYS", "MAX_RANKS", "Page", "answer", "page", "page_plan"]

KEYS = 100  # keys bound per query: fixed, so a page's batches do not depend on the page asked
MAX_RANKS = 10_000  # ranks one page binds; a bigger page of a rank-paged query reads it plainly
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class Page:
    """The rows of one page: ``variables`` (as a SELECT result has them) and ``solutions``."""

    variables: list[ox.Variable]
    solutions: list[Any]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.solutions)


def page_plan(spec: QuerySpec) -> tuple[str, str, str | None] | None:
    """(key variable, ``rank`` or the key query's text, the order variable a batch never splits
    or None) of ``spec``'s ``# Page:`` line, or None.

    >>> page_plan(QuerySpec("SELECT ?r {}", page="?rank by rank"))
    ('rank', 'rank', None)
    """
    if not spec.page:
        return None
    m = re.fullmatch(r"\?(\w+)\s+by\s+(\S+)(?:\s+until\s+\?(\w+)\s+changes)?", spec.page.strip())
    if not m:
        raise QueryError(f"query {spec.name}: its '# Page:' line is not '?VAR by keys/X.rq [until ?V changes]'"
                         " or '?VAR by rank'")
    var, how, until = m.groups()
    if how == "rank":
        return var, how, until
    root = queries_dir().resolve()
    path = (root / how).resolve()
    if root not in path.parents or path.suffix != ".rq" or not path.is_file():
        raise QueryError(f"query {spec.name}: its key query {how!r} is not a query of the library")
    return var, path.read_text(encoding="utf-8"), until


class _Unbindable(Exception):
    """A key that a VALUES block cannot hold: the page is read from the plain query instead."""


def _bound(sparql: str, var: str, terms: list[Any]) -> str:
    """``sparql`` with ``?var`` bound to ``terms`` by a VALUES block at the top of every WHERE."""
    if any(isinstance(t, ox.BlankNode) for t in terms):
        raise _Unbindable
    values = f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}"
    return re.sub(r"\bWHERE\s*\{", lambda m: f"{m.group(0)}\n  {values}\n", sparql, flags=re.I)


def _cells(sol: Any, names: list[str]) -> tuple[str, ...]:
    return tuple("" if sol[n] is None else str(sol[n]) for n in names)


def _order_vars(sparql: str) -> list[str]:
    """The variables of the query's outermost ORDER BY (after its last closing brace)."""
    body = re.sub(r"#[^\n]*", "", sparql)
    m = re.search(r"\bORDER\s+BY\b(.*)", body[body.rfind("}") :], re.I | re.S)
    return re.findall(r"\?(\w+)", m.group(1)) if m else []


def _windows(kg: KnowledgeGraph, keys_text: str, first: int) -> Iterator[Any]:
    """The key query's rows, asked for in windows that double (``LIMIT``/``OFFSET``) from
    ``first``: a server sends a whole answer before its first row, so the keys of a page must be
    asked with a bound; each window runs the same query again, so a whole listing reads its keys
    about twice (a sorted key query sorts them all for each window: its first one is larger)."""
    offset, size = 0, first
    while True:
        rows = list(kg.query(f"{keys_text}\nLIMIT {size} OFFSET {offset}"))
        yield from rows
        if len(rows) < size:
            return
        offset, size = offset + size, 2 * size


def _batches(kg: KnowledgeGraph, keys_text: str, var: str, until: str | None) -> Iterator[list[Any]]:
    """The key query's keys, ``KEYS`` at a time (each key at its first row); with ``until``, a
    batch goes on past ``KEYS`` until the value of ``?until`` changes."""
    seen: set[Any] = set()
    batch: list[Any] = []
    last: Any = None
    for sol in _windows(kg, keys_text, KEYS if until is None else 100 * KEYS):
        key = sol[var]
        if key is None or key in seen:
            continue
        mark = sol[until] if until else None
        if len(batch) >= KEYS and (until is None or mark != last):
            yield batch
            batch = []
        seen.add(key)
        batch.append(key)
        last = mark
    if batch:
        yield batch


def _by_keys(kg: KnowledgeGraph, spec: QuerySpec, var: str, keys_text: str, until: str | None,
             stop: int | None) -> Iterator[tuple[Any, list[Any]]]:
    """The rows of ``spec`` key batch by key batch, until ``stop`` rows (None: all): each key's rows
    together in key order, or, for a query that orders (``until``), in its own order with the rows
    that tie on its sort keys sorted by their values."""
    given = 0
    for batch in _batches(kg, keys_text, var, until):
        if stop is not None and given >= stop:
            return
        at = {k: i for i, k in enumerate(batch)}
        res = kg.query(_bound(spec.text, var, batch))
        names = [v.value for v in res.variables]
        if until:
            order = _order_vars(spec.text)
            rows = [sol for _, run in itertools.groupby(res, key=lambda s: _cells(s, order))
                    for sol in sorted(run, key=lambda s: _cells(s, names))]
        else:
            rows = sorted(res, key=lambda s: (at.get(s[var], len(at)), _cells(s, names)))
        yield res.variables, rows
        given += len(rows)


def page(kg: KnowledgeGraph, spec: QuerySpec, limit: int | None, offset: int = 0,
         binds: dict[str, Any] | None = None) -> Page | None:
    """One page of ``spec`` (``limit`` rows after ``offset``) by its ``# Page:`` plan, or None when
    it has none (or has parameters bound): then the caller slices the plain answer."""
    plan = page_plan(spec)
    if plan is None or binds:
        return None
    var, how, until = plan
    if how == "rank":
        if limit is None or limit > MAX_RANKS:
            return None  # the query's own order, by an integer
        ranks = [ox.Literal(str(r), datatype=_INTEGER) for r in range(offset + 1, offset + limit + 1)]
        res = kg.query(_bound(spec.text, var, ranks))
        return Page(list(res.variables), list(res))
    variables: list[ox.Variable] | None = None
    out: list[Any] = []
    skip = offset  # rows before the page are counted, not kept
    try:
        for head, rows in _by_keys(kg, spec, var, how, until, None if limit is None else offset + limit):
            variables = head
            out.extend(rows[skip:])
            skip = max(0, skip - len(rows))
    except _Unbindable:  # a key no VALUES block can name (a blank node of data loaded from elsewhere)
        return None
    if variables is None:  # no key at all: the plain query gives its (empty) head
        res = kg.query(spec.text + "\nLIMIT 0")
        variables = list(res.variables)
        list(res)
    return Page(list(variables), out if limit is None else out[:limit])


def answer(kg: KnowledgeGraph, spec: QuerySpec, limit: int | None, offset: int,
           binds: dict[str, Any]) -> tuple[Any, int | None, int]:
    """What ``kg query`` formats: (result, limit, offset still to apply) — a page read from the
    keys (already cut), or the plain result and the page to cut from it."""
    paged = page(kg, spec, limit, offset, binds)
    return (paged, None, 0) if paged is not None else (kg.query(spec.text, **binds), limit, offset)
