"""GEXF 1.3 for Gephi (through the analysed NetworkX view)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.export.graphview import ExportFilter, analysed_view
from kg.export.xmlgraph import gexf_tree, write_xml

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMATS", "export", "write_gexf"]

FORMATS = {"gexf": (".gexf",)}


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.3 for Gephi 0.10: colours and sizes (viz), typed attributes, start/end for the timeline,
    one edge per relation with its own id, ``label`` and ``kind`` (see :mod:`kg.export.xmlgraph`)."""
    write_xml(gexf_tree(g), path)


def export(kg: KnowledgeGraph, fmt: str, path: Path, flt: ExportFilter | None) -> None:
    write_gexf(analysed_view(kg, flt), path)
