"""JSON-LD in schema.org's vocabulary.

The ``@context`` makes schema.org the default vocabulary, so where the ontology declares a kg class
or relation equivalent to a schema.org one (``owl:equivalentClass`` / ``owl:equivalentProperty``),
the document uses schema.org's IRI and a bare name (``"founder"``, ``"Person"``, ``"birthDate"``).
``rdfs:label`` becomes ``name`` and ``skos:altLabel`` ``alternateName``. A kg class that is only a
subclass of a schema.org class keeps its kg type and gains the schema.org one (``["kg:PoliticalParty",
"Organization"]``). Everything else keeps its ``kg:`` IRI, and each article stays a named graph with
its statements and their evidence, so mapping the equivalences back gives the store's quads exactly
(tested).
"""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDF, RDFS, SKOS, Dataset, URIRef
from rdflib.term import Node

from kg.ontology import KG_NS, PREFIXES, SCHEMA, ontology_graph

__all__ = ["CONTEXT", "from_schema", "jsonld_text", "schema_superclass", "to_schema"]

CONTEXT = {"@vocab": str(SCHEMA), **{k: v for k, v in PREFIXES.items() if k != "schema"}}


@cache
def to_schema() -> dict[Node, URIRef]:
    """kg (and rdfs/skos label) IRIs → their schema.org equivalents."""
    g = ontology_graph()
    out: dict[Node, URIRef] = {RDFS.label: SCHEMA.name, SKOS.altLabel: SCHEMA.alternateName}
    for pred in (OWL.equivalentClass, OWL.equivalentProperty):
        for s, o in g.subject_objects(pred):
            if str(s).startswith(KG_NS) and str(o).startswith(str(SCHEMA)):
                out[URIRef(str(s))] = URIRef(str(o))
    return out


@cache
def from_schema() -> dict[Node, Node]:
    """The inverse of :func:`to_schema`.

    >>> from_schema()[SCHEMA.founder]
    rdflib.term.URIRef('https://kg.example.org/ontology#foundedBy')
    """
    return {v: k for k, v in to_schema().items()}


@cache
def schema_superclass() -> dict[Node, URIRef]:
    g = ontology_graph()
    return {
        URIRef(str(s)): URIRef(str(o))
        for s, o in g.subject_objects(RDFS.subClassOf)
        if str(s).startswith(KG_NS) and str(o).startswith(str(SCHEMA))
    }


def jsonld_text(nquads: str) -> str:
    """The N-Quads of a store as a schema.org JSON-LD document (named graph per article)."""
    src = Dataset()
    src.parse(data=nquads, format="nquads")
    out = Dataset()
    to, sup = to_schema(), schema_superclass()
    for s, p, o, ctx in src.quads():
        g = out.graph(ctx)
        if p == RDF.type and o in sup:
            g.add((s, p, sup[o]))
        if p == RDF.type:
            o = to.get(o, o)
        g.add((s, to.get(p, p), o))
    text = out.serialize(format="json-ld", context=CONTEXT, sort_keys=True, indent=1, auto_compact=True)
    return str(text)
