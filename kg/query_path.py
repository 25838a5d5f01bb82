"""``kg path``'s search: a breadth-first search from both ends at once over the direct triples, one
query per level, that expands the side with fewer links and stops at a bound.

The cost of expanding a side is the links of its frontier, not its size: a country every article
names has 10^5 neighbours, so a search that expands it reads them all. With the store's summary
(``kg:connections``, :mod:`kg.rdf_summary`) the search knows each frontier's links before it reads
them: it expands the cheaper side (the other side usually reaches the hub's far end first, so the
hub is never expanded) and gives up, with a clear message, before a level past ``max_links``. On a
store without the summary it counts entities, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["PATH_MAX_ENTITIES", "PATH_MAX_LINKS", "meet", "neighbours", "path_relations"]

PATH_MAX_ENTITIES = 200_000
PATH_MAX_LINKS = 250_000  # links one level of the search may read


def path_relations() -> list[str]:
    """The relations a path may follow: those between entities, ``seeAlso`` aside (as ``kg stats``)."""
    from kg.ontology import RELATIONS

    return [n for n, r in RELATIONS.items() if r.kind == "object" and n not in ("seeAlso", "infoboxValue")]


def neighbours(kg: KnowledgeGraph, frontier: list[str]) -> list[tuple[str, str]]:
    """(entity, neighbour) for every relation between entities touching the ``frontier``."""
    values = " ".join(str(ox.NamedNode(x)) for x in frontier)
    rels = ", ".join(f"kg:{r}" for r in path_relations())
    # the neighbour's label is asked for with EXISTS: a join would give one row per article naming it
    q = f"""SELECT DISTINCT ?a ?b WHERE {{ VALUES ?a {{ {values} }}
            {{ ?a ?p ?b }} UNION {{ ?b ?p ?a }} FILTER(isIRI(?b) && ?p IN ({rels}))
            FILTER EXISTS {{ ?b rdfs:label ?l }} }}"""
    return [(r["a"], r["b"]) for r in kg.rows(q)]


def _links(kg: KnowledgeGraph, frontier: list[str]) -> int:
    """The links of ``frontier`` by the summary (entities the summary does not name have none)."""
    total = 0
    for i in range(0, len(frontier), 5000):
        values = " ".join(str(ox.NamedNode(x)) for x in frontier[i : i + 5000])
        rows = kg.rows(f"SELECT (SUM(?n) AS ?links) WHERE {{ VALUES ?e {{ {values} }} ?e kg:connections ?n }}")
        total += int(rows[0]["links"] or 0) if rows else 0
    return total


def _has_summary(kg: KnowledgeGraph) -> bool:
    return bool(kg.query("ASK { ?e kg:connections ?n }"))


def meet(kg: KnowledgeGraph, a: str, b: str, missing: str, max_entities: int = PATH_MAX_ENTITIES,
         max_links: int = PATH_MAX_LINKS) -> list[str]:
    """The nodes of a shortest path from ``a`` to ``b``; a :class:`KgError` saying ``missing`` when
    there is none, or when the search stops at its bounds (``max_entities`` reached, or the
    cheaper side's next level past ``max_links`` links)."""
    if a == b:
        return [a]
    parent: tuple[dict[str, str | None], dict[str, str | None]] = ({a: None}, {b: None})
    frontier = ([a], [b])
    by_links = _has_summary(kg)
    while frontier[0] and frontier[1]:
        if by_links:
            cost = (_links(kg, frontier[0]), _links(kg, frontier[1]))
            side = 0 if cost[0] <= cost[1] else 1
            if cost[side] > max_links:
                raise KgError(f"{missing} within {max_links} links a level (the search stopped there)")
        else:
            side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        mine, other = parent[side], parent[1 - side]
        fresh: dict[str, str] = {}
        for x, y in sorted(neighbours(kg, frontier[side]), key=lambda p: (p[1], p[0])):
            if y not in mine and y not in fresh:
                fresh[y] = x
        met = sorted(y for y in fresh if y in other)
        mine.update(fresh)
        if met:
            def chain(n: str | None, links: dict[str, str | None]) -> list[str]:
                out = []
                while n is not None:
                    out.append(n)
                    n = links[n]
                return out

            best = min(met, key=lambda n: (len(chain(n, other)), n))
            half, rest = chain(best, mine)[::-1], chain(other[best], other) if other[best] else []
            nodes = [*half, *rest]
            return nodes if side == 0 else nodes[::-1]
        if len(parent[0]) + len(parent[1]) > max_entities:
            raise KgError(f"{missing} within {max_entities} entities (the search stopped there)")
        frontier = (sorted(fresh), frontier[1]) if side == 0 else (frontier[0], sorted(fresh))
    raise KgError(missing)
