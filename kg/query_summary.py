"""Library queries that read the store's summary graph (:mod:`kg.rdf_summary`), on a store that has
none: a store built before kg wrote the summary. Such a query names, in its ``# Fallback:`` line,
the query that counts the statements directly (``queries/direct/``): the same rows, read from the
whole graph instead (seconds on a big store). ``kg query`` runs it with one note saying why and
how to add the summary; ``kg serve`` offers it on its query page with the same note at start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.ontology import KG_NS
from kg.query import QuerySpec, _header, queries_dir

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["fallback_spec", "has_summary", "missing_summary_note", "summary_fallback"]

# one row of the summary is enough to know it is there; a store with no statement linking two
# entities, nor any fact two articles state, has an empty summary, and then the direct count is
# just as empty (and fast), so the fallback is harmless there
_HAS_SUMMARY = (
    f"PREFIX kg: <{KG_NS}>\n"
    "ASK { { ?e kg:connections ?n } UNION { ?m kg:multiSourceRank ?r } }"
)


def has_summary(store: ox.Store) -> bool:
    """Whether ``store`` holds a summary graph with at least one row."""
    return bool(store.query(_HAS_SUMMARY, use_default_graph_as_union=True))


def missing_summary_note(store_path: str | Path, names: list[str]) -> str:
    """The one line that says a store has no summary graph, what that changes, and what adds it."""
    which = ", ".join(names)
    return (
        f"store {store_path} has no summary graph (built before kg wrote one): {which} count every "
        f"statement instead, slow on a big store; any 'kg build' into it adds the summary "
        f"(e.g. 'kg build CORPUS --store {store_path}', which reuses the extraction cache)"
    )


def fallback_spec(spec: QuerySpec) -> QuerySpec:
    """The direct query that ``spec``'s ``# Fallback:`` line names, under the library's folder."""
    root = queries_dir().resolve()
    path = (root / spec.fallback).resolve()
    if root not in path.parents or path.suffix != ".rq" or not path.is_file():
        raise QueryError(f"query {spec.name}: its fallback {spec.fallback!r} is not a query of the library")
    return _header(path.read_text(encoding="utf-8"), spec.name)


def summary_fallback(
    store: ox.Store, store_path: str | Path, spec: QuerySpec, note: Callable[[str], object]
) -> QuerySpec:
    """``spec``, or, when it reads a summary graph that ``store`` lacks, its direct fallback (and
    ``note`` is given the line that says so)."""
    if not spec.fallback or has_summary(store):
        return spec
    note(missing_summary_note(store_path, [spec.name]))
    return fallback_spec(spec)
