"""RDF dumps of the whole store (:mod:`kg.export.dumps`): N-Quads, N-Triples, TriG, Turtle, and
JSON-LD in schema.org terms. Filters do not apply."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError
from kg.export.dumps import DUMP_FORMATS, dump_store
from kg.export.graphview import ExportFilter

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["FORMATS", "export"]

FORMATS = {s.lstrip("."): (s, ".json") if s == ".jsonld" else (s,) for s in DUMP_FORMATS}


def export(kg: KnowledgeGraph, fmt: str, path: Path, flt: ExportFilter | None) -> None:
    if path.suffix.lower() != "." + fmt:
        raise ExportError(f"{path}: the file name must end in .{fmt} for this format")
    dump_store(kg.store, path)
