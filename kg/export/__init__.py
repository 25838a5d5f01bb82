"""Exports by format name: RDF dumps through the store, graph formats through NetworkX."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError
from kg.store import DUMP_FORMATS, dump_store

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["EXPORT_FORMATS", "export_graph"]

EXPORT_FORMATS = ("nq", "nt", "trig", "ttl", "jsonld", "gexf", "graphml")


def export_graph(kg: KnowledgeGraph, fmt: str, path: str | Path) -> None:
    """Write ``kg`` to ``path`` as ``fmt``."""
    import networkx as nx

    fmt = fmt.lower().lstrip(".")
    p = Path(path)
    if "." + fmt in DUMP_FORMATS:
        if p.suffix.lower() != "." + fmt:
            raise ExportError(f"{p}: the file name must end in .{fmt} for this format")
        dump_store(kg.store, p)
        return
    if fmt not in ("gexf", "graphml"):
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    g = kg.to_networkx()
    flat = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        flat.add_node(n, **{k: "|".join(v) if isinstance(v, list) else v for k, v in d.items()})
    for a, b, k, d in g.edges(keys=True, data=True):
        flat.add_edge(a, b, key=k, **d)
    try:
        (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(flat, p)
    except OSError as exc:
        raise ExportError(f"{p}: cannot write ({exc.strerror or exc})") from None
