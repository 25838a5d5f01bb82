"""A self-contained interactive page that works offline (:mod:`kg.export.html`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError
from kg.export.graphview import ExportFilter, analysed_view

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMATS", "export"]

FORMATS = {"html": (".html", ".htm")}


def export(kg: KnowledgeGraph, fmt: str, path: Path, flt: ExportFilter | None) -> None:
    from kg.export.html import write_html

    if path.suffix.lower() not in (".html", ".htm"):
        raise ExportError(f"{path}: the file name must end in .html for this format")
    write_html(kg, analysed_view(kg, flt), path)
