"""``kg validate``: check a store against the graph contract (``kg/shapes.ttl``) with pyshacl.

Each violation names the shape, the relation it is about, the entity (IRI and label) and the
articles whose graphs state the offending triple, so it can be traced to a sentence.
Validation runs without RDFS inference: ``sh:class`` follows the ``rdfs:subClassOf`` of the
ontology graph in the store, and inferring types from ``rdfs:domain``/``rdfs:range`` would
make every domain and range shape hold by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kg.store import open_store

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["Violation", "data_graph", "shapes_graph", "validate_store", "violations"]

_SH = "http://www.w3.org/ns/shacl#"
_SHX = "https://kg.example.org/shapes#"
_DOC = "/doc/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the shape, the relation, the entity, its articles and the message."""

    focus: str
    path: str
    message: str
    shape: str
    relation: str = ""
    label: str = ""
    articles: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for a person: shape, relation, entity, articles, message."""
        shape = self.shape.replace(_SHX, "shx:")
        rel = self.relation.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or "-"
        who = f"{self.focus} ({self.label})" if self.label else self.focus
        where = ", ".join(self.articles) or "no article"
        return f"{shape}  {rel}  {who}  in {where}: {self.message}"


@cache
def shapes_graph() -> Graph:
    """The shapes of ``kg/shapes.ttl`` (parsed once): its hand-written part, and the domain and range
    shapes made from the ontology now (``kg.constraints.shapes_turtle``), so a relation just added to
    ``kg/ontology.ttl`` is checked before the file's generated part is rewritten."""
    from rdflib import Graph

    from kg.constraints import SHAPES_MARKER, shapes_turtle

    text = resources.files("kg").joinpath("shapes.ttl").read_text(encoding="utf-8")
    text = text.split(SHAPES_MARKER, 1)[0] + SHAPES_MARKER + shapes_turtle()
    return Graph().parse(data=text, format="turtle")


def _owner(shapes: Graph, shape: Node | None) -> tuple[str, str, str]:
    """(node shape IRI, relation IRI, "subject"/"object") of a result's source shape."""
    from rdflib import BNode, Namespace

    sh = Namespace(_SH)
    node = shape
    if isinstance(node, BNode):
        node = shapes.value(None, sh.property, node) or node
    for pred, end in ((sh.targetSubjectsOf, "subject"), (sh.targetObjectsOf, "object")):
        rels = sorted(str(r) for r in shapes.objects(node, pred))
        if len(rels) == 1:
            return str(node), rels[0], end
    return str(node), "", "subject"


def _plain_iri(iri: str) -> bool:
    """An http(s) IRI that can go between ``<`` and ``>`` in a query as it is."""
    return iri.startswith(("http://", "https://")) and not any(c in iri for c in '<>"{}|^`\\ \n\t')


def _articles(ox_store: ox.Store, focus: str, relation: str, end: str) -> tuple[str, ...]:
    """The article graphs that hold ``focus`` with ``relation`` (or, lacking one, at all)."""
    import pyoxigraph as ox

    if not all(_plain_iri(i) for i in (focus, relation or "http://x")):
        return ()
    f = f"<{focus}>"
    pattern = f"{f} ?p ?x"
    if relation:
        pattern = f"{f} <{relation}> ?x" if end == "subject" else f"?x <{relation}> {f}"
    rows = ox_store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {pattern} }} }} LIMIT 50")
    assert isinstance(rows, ox.QuerySolutions)
    out = []
    for row in rows:
        g = row["g"]
        iri = g.value if isinstance(g, ox.NamedNode) else ""
        if _DOC in iri:
            out.append(iri.rsplit(_DOC, 1)[-1])
    return tuple(sorted(out))


def data_graph(ox_store: ox.Store) -> Graph:
    """Every triple of the store's graphs (the default graph and each named graph) as one rdflib
    graph, each term converted once (what parsing the store's N-Quads dump as N-Triples gives, in
    half the time)."""
    import pyoxigraph as ox
    from rdflib import BNode, Graph, Literal, URIRef

    terms: dict[object, Node] = {}

    def term(t: object) -> Node:
        got = terms.get(t)
        if got is None:
            if isinstance(t, ox.NamedNode):
                got = URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                got = BNode(t.value)
            elif isinstance(t, ox.Literal):
                dt = t.datatype.value
                got = Literal(t.value, lang=t.language) if t.language else Literal(
                    t.value, datatype=None if dt == _XSD_STRING else URIRef(dt)
                )
            else:  # an RDF-star triple term: kg writes none, and SHACL has no shape for one
                raise ValueError(f"cannot validate a {type(t).__name__} term")
            terms[t] = got
        return got

    data = Graph()
    add = data.add
    for q in ox_store:
        add((term(q.subject), term(q.predicate), term(q.object)))
    return data


def validate_store(store: str | Path) -> list[Violation]:
    """Every violation of the shapes in the store (all named graphs together, with the ontology)."""
    ox_store = open_store(store, read_only=True)
    return violations(data_graph(ox_store), ox_store)


def violations(data: Graph, ox_store: ox.Store) -> list[Violation]:
    """The violations of the shapes in ``data``, the triples of ``ox_store`` (which names their articles)."""
    import pyshacl
    from rdflib import RDFS, Namespace
    from rdflib.namespace import RDF

    shapes = shapes_graph()
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    sh = Namespace(_SH)
    out = []
    for r in report.subjects(RDF.type, sh.ValidationResult):
        focus = report.value(r, sh.focusNode)
        path = str(report.value(r, sh.resultPath) or "")
        shape, relation, end = _owner(shapes, report.value(r, sh.sourceShape))
        relation = relation or path
        out.append(
            Violation(
                focus=str(focus),
                path=path,
                message=str(report.value(r, sh.resultMessage) or ""),
                shape=shape,
                relation=relation,
                label=str(data.value(focus, RDFS.label) or ""),
                articles=_articles(ox_store, str(focus), relation, end),
            )
        )
    return sorted(set(out))
