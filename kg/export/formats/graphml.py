"""GraphML with typed keys (yEd, Gephi, igraph, Cytoscape), through the analysed NetworkX view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.export.graphview import ExportFilter, analysed_view
from kg.export.xmlgraph import graphml_tree, write_xml

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMATS", "export", "write_graphml"]

FORMATS = {"graphml": (".graphml",)}


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML with typed keys (yEd, Gephi, igraph, Cytoscape)."""
    write_xml(graphml_tree(g), path)


def export(kg: KnowledgeGraph, fmt: str, path: Path, flt: ExportFilter | None) -> None:
    write_graphml(analysed_view(kg, flt), path)
