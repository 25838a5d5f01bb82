"""kg: encyclopedic articles → a provenance-rich RDF knowledge graph.

>>> import kg
>>> sorted(kg.__all__)
['KgError', 'KnowledgeGraph', 'build']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.errors import KgError
from kg.graph import KnowledgeGraph

__all__ = ["KgError", "KnowledgeGraph", "build"]
__version__ = "0.1.0"


def build(
    paths: Iterable[str | Path],
    store: str | Path | None = None,
    outputs: Sequence[str | Path] = (),
    base: str | None = None,
    jobs: int = 1,
    inference: bool = True,
    min_confidence: float = 0.0,
) -> KnowledgeGraph:
    """Build the graph of ``paths`` (files or folders) into ``store`` and open it.

    Raises :class:`KgError` listing every rejected article when any failed
    (the good ones are built and stored all the same).
    """
    from kg.pipeline import build_graph
    from kg.rdf import DEFAULT_BASE
    from kg.store import default_store_path

    where = Path(store) if store is not None else default_store_path()
    report = build_graph(paths, where, outputs, base or DEFAULT_BASE, jobs, inference, min_confidence)
    if report.failures:
        raise KgError("some articles were not built:\n" + "\n".join(report.failures))
    return KnowledgeGraph.open(where)
