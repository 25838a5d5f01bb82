"""Exports by format name, one small module per family: RDF dumps (through the store; JSON-LD in
schema.org terms, :mod:`kg.export.jsonld`), GEXF and GraphML (through NetworkX), CSV for spreadsheets
and Gephi's importer, and a self-contained interactive page (:mod:`kg.export.html`)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import ExportError
from kg.export.dumps import DUMP_FORMATS, dump_store
from kg.export.graphview import ExportFilter, analysed_view
from kg.export.xmlgraph import EVIDENCE_SEPARATOR, gexf_tree, graphml_tree, write_xml

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["EXPORT_FORMATS", "ExportFilter", "check_output", "export_graph"]

EXPORT_FORMATS = ("gexf", "graphml", "csv", "html", "nq", "nt", "trig", "ttl", "jsonld")
# The file name endings of each format; an output ending in another format's is refused.
SUFFIXES = {f: (f".{f}",) for f in EXPORT_FORMATS} | {"html": (".html", ".htm"), "csv": ("", ".csv")}
_KNOWN = {s: f for f, ss in SUFFIXES.items() for s in ss if s} | {".json": "jsonld"}


def check_output(fmt: str, path: str | Path) -> None:
    """Refuse an output whose name says another format (``kg export gexf -o g.graphml``).

    >>> check_output("gexf", "g.graphml")
    Traceback (most recent call last):
    kg.errors.ExportError: g.graphml: the name ends in .graphml, but the format is gexf (use g.gexf)
    """
    p = Path(path)
    suffix = p.suffix.lower()
    other = _KNOWN.get(suffix)
    if other is not None and other != fmt:
        raise ExportError(
            f"{p}: the name ends in {suffix}, but the format is {fmt} (use {p.with_suffix(SUFFIXES[fmt][0] or '')})"
        )


def export_graph(kg: KnowledgeGraph, fmt: str, path: str | Path, flt: ExportFilter | None = None) -> None:
    """Write ``kg`` to ``path`` as ``fmt`` (filters apply to the graph formats)."""
    fmt = fmt.lower().lstrip(".")
    p = Path(path)
    if fmt in EXPORT_FORMATS:
        check_output(fmt, p)
    try:
        if "." + fmt in DUMP_FORMATS:
            if p.suffix.lower() != "." + fmt:
                raise ExportError(f"{p}: the file name must end in .{fmt} for this format")
            dump_store(kg.store, p)
        elif fmt == "gexf":
            write_gexf(analysed_view(kg, flt), p)
        elif fmt == "graphml":
            write_graphml(analysed_view(kg, flt), p)
        elif fmt == "csv":
            write_csv(analysed_view(kg, flt), p)
        elif fmt == "html":
            from kg.export.html import write_html

            if p.suffix.lower() not in (".html", ".htm"):
                raise ExportError(f"{p}: the file name must end in .html for this format")
            write_html(kg, analysed_view(kg, flt), p)
        else:
            raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    except OSError as exc:
        raise ExportError(f"{p}: cannot write ({exc.strerror or exc})") from None


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.3 for Gephi 0.10: colours and sizes (viz), typed attributes, start/end for the timeline,
    one edge per relation with its own id, ``label`` and ``kind`` (see :mod:`kg.export.xmlgraph`)."""
    write_xml(gexf_tree(g), path)


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML with typed keys (yEd, Gephi, igraph, Cytoscape)."""
    write_xml(graphml_tree(g), path)


def write_csv(g: nx.MultiDiGraph, folder: Path) -> None:
    """``nodes.csv`` and ``edges.csv`` with the columns Gephi's spreadsheet import expects."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "nodes.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["Id", "Label", "Type", "Aliases", "Articles", "Degree", "PageRank", "Community", "Color", "Start", "End"]
        )
        for n, d in sorted(g.nodes(data=True)):
            w.writerow(
                [
                    n,
                    d["label"],
                    d["type"],
                    "|".join(d.get("aliases", [])),
                    d["articles"],
                    d["degree"],
                    d["pagerank"],
                    d["community"],
                    d["colour"],
                    d.get("start", ""),
                    d.get("end", ""),
                ]
            )
    with (folder / "edges.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Source", "Target", "Type", "Label", "Weight", "Sources", "Evidence"])
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
            evidence = EVIDENCE_SEPARATOR.join(d.get("evidence") or [d.get("sentence", "")])
            w.writerow([a, b, "Directed", d["relation"], d["confidence"], d["sources"], evidence])
