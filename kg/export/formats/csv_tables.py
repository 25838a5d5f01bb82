"""``nodes.csv`` and ``edges.csv`` in a folder, for spreadsheets and Gephi's spreadsheet import."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.export.graphview import ExportFilter, analysed_view
from kg.export.xmlgraph import EVIDENCE_SEPARATOR

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMATS", "export", "write_csv"]

FORMATS = {"csv": ("", ".csv")}  # a folder


def export(kg: KnowledgeGraph, fmt: str, path: Path, flt: ExportFilter | None) -> None:
    write_csv(analysed_view(kg, flt), path)


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
