"""``kg validate``: check a store against the graph contract (``kg/shapes.ttl``) with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.store import open_store

__all__ = ["Violation", "validate_store"]


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the shape, the node, the path and the message."""

    focus: str
    path: str
    message: str
    shape: str


def validate_store(store: str | Path) -> list[Violation]:
    """Every violation of the shapes in the store (all named graphs together, with the ontology)."""
    import pyshacl
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

    ox_store = open_store(store, read_only=True)
    data = Graph()
    nt = ox_store.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    assert nt is not None
    triples = "\n".join(line.rsplit(" ", 2)[0] + " ." for line in nt.decode("utf-8").splitlines() if line)
    data.parse(data=triples, format="nt")
    shapes = Graph().parse(
        data=resources.files("kg").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="rdfs", allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(RDF.type, sh.ValidationResult):
        out.append(
            Violation(
                focus=str(report.value(r, sh.focusNode)),
                path=str(report.value(r, sh.resultPath) or ""),
                message=str(report.value(r, sh.resultMessage) or ""),
                shape=str(report.value(r, sh.sourceShape) or ""),
            )
        )
    return sorted(out)
