"""Exports by format name, one module per format (family) under :mod:`kg.export.formats`: RDF dumps
(through the store; JSON-LD in schema.org terms, :mod:`kg.export.jsonld`), GEXF and GraphML (through
NetworkX), CSV for spreadsheets and Gephi's importer, and a self-contained interactive page
(:mod:`kg.export.html`). The registry finds the modules there: adding a format is adding a module
that names it in ``FORMATS`` and writes it with ``export(kg, fmt, path, flt)``.

>>> EXPORT_FORMATS
('csv', 'gexf', 'graphml', 'html', 'nq', 'nt', 'trig', 'ttl', 'jsonld')
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError
from kg.export import formats
from kg.export.graphview import ExportFilter

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["EXPORTERS", "EXPORT_FORMATS", "ExportFilter", "Exporter", "check_output", "export_graph"]


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, file endings (the first the usual one) and writer."""

    name: str
    suffixes: tuple[str, ...]
    write: Callable[[KnowledgeGraph, str, Path, ExportFilter | None], None]
    module: str


def _discover() -> dict[str, Exporter]:
    """Every format of every module under kg/export/formats/ (modules in name order)."""
    out: dict[str, Exporter] = {}
    for info in sorted(pkgutil.iter_modules(formats.__path__), key=lambda i: i.name):
        mod = importlib.import_module(f"{formats.__name__}.{info.name}")
        for name, suffixes in mod.FORMATS.items():
            if name in out:
                raise ExportError(f"export format {name!r} is written by {out[name].module} and {mod.__name__}")
            out[name] = Exporter(name, tuple(suffixes), mod.export, mod.__name__)
    return out


EXPORTERS = _discover()
EXPORT_FORMATS = tuple(EXPORTERS)
# The file name endings of each format; an output ending in another format's is refused.
SUFFIXES = {f: e.suffixes for f, e in EXPORTERS.items()}
_KNOWN = {s: f for f, ss in SUFFIXES.items() for s in ss if s}


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
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    check_output(fmt, p)
    try:
        exporter.write(kg, fmt, p, flt)
    except OSError as exc:
        raise ExportError(f"{p}: cannot write ({exc.strerror or exc})") from None
