"""The kg vocabulary, read from ``kg/ontology.ttl``: no loose IRIs elsewhere.

``KG`` is a closed namespace holding exactly the terms the ontology defines,
so a typo raises instead of minting a new IRI:

>>> str(KG.Person)
'https://kg.example.org/ontology#Person'
>>> try:
...     KG.Persn
... except AttributeError:
...     print("typo caught")
typo caught
>>> RELATIONS["foundedBy"].wikidata, RELATIONS["foundedBy"].kind
('P112', 'object')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import ClosedNamespace

__all__ = [
    "CLASSES",
    "KG",
    "KG_NS",
    "PREFIXES",
    "PROV",
    "RELATIONS",
    "SCHEMA",
    "WDT",
    "Relation",
    "class_parents",
    "group_of",
    "ontology_graph",
    "ontology_inverses",
    "ontology_text",
]

KG_NS = "https://kg.example.org/ontology#"
SCHEMA = Namespace("http://schema.org/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
PROV = Namespace("http://www.w3.org/ns/prov#")
PREFIXES = {
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "wd": "http://www.wikidata.org/entity/",
    "dcterms": "http://purl.org/dc/terms/",
}  # the prefixes of every dump, query and export


@dataclass(frozen=True)
class Relation:
    """A relation of the ontology and what the pipeline needs to know about it."""

    name: str
    iri: URIRef
    label: str
    kind: str  # "object", "date" or "literal"
    wikidata: str | None
    inverse_of_wikidata: bool
    symmetric: bool


@cache
def ontology_text() -> str:
    """The Turtle source of the ontology, as shipped in the package."""
    return resources.files("kg").joinpath("ontology.ttl").read_text(encoding="utf-8")


@cache
def ontology_graph() -> Graph:
    """The ontology as an rdflib Graph (parsed once)."""
    return Graph().parse(data=ontology_text(), format="turtle")


def _terms() -> list[str]:
    g = ontology_graph()
    return sorted({str(s)[len(KG_NS) :] for s in g.subjects() if str(s).startswith(KG_NS)})


KG = ClosedNamespace(KG_NS, _terms())


def _relations() -> dict[str, Relation]:
    g = ontology_graph()
    out: dict[str, Relation] = {}
    for prop in g.subjects(KG.kind, None):
        name = str(prop)[len(KG_NS) :]
        kind = str(g.value(prop, KG.kind))
        if kind not in ("object", "date", "literal"):
            raise ValueError(f"ontology.ttl: kg:{name} has unknown kg:kind {kind!r}")
        wd, inverted = None, False
        for pred, flag in ((OWL.equivalentProperty, False), (OWL.inverseOf, True)):
            for o in g.objects(prop, pred):
                if str(o).startswith(str(WDT)):
                    wd, inverted = str(o)[len(str(WDT)) :], flag
        out[name] = Relation(
            name=name,
            iri=URIRef(str(prop)),
            label=str(g.value(prop, RDFS.label) or name),
            kind=kind,
            wikidata=wd,
            inverse_of_wikidata=inverted,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
        )
    return dict(sorted(out.items()))


RELATIONS: dict[str, Relation] = _relations()


def _classes() -> tuple[str, ...]:
    g = ontology_graph()
    return tuple(sorted(str(c)[len(KG_NS) :] for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(KG_NS)))


CLASSES: tuple[str, ...] = _classes()


@cache
def ontology_inverses() -> tuple[tuple[str, str], ...]:
    """The (a, b) pairs of kg relations the ontology declares ``owl:inverseOf``, sorted.

    >>> ("replaces", "replacedBy") in ontology_inverses()
    True
    """
    g = ontology_graph()
    pairs = {
        (str(a)[len(KG_NS) :], str(b)[len(KG_NS) :])
        for a, b in g.subject_objects(OWL.inverseOf)
        if str(a).startswith(KG_NS) and str(b).startswith(KG_NS)
    }
    return tuple(sorted(pairs))


@cache
def class_parents(name: str) -> tuple[str, ...]:
    """The kg superclasses of a class, nearest first (the class itself first).

    >>> class_parents("City")
    ('City', 'Place', 'Entity')
    """
    g = ontology_graph()
    chain = [name]
    node = URIRef(KG_NS + name)
    while True:
        parents = [p for p in g.objects(node, RDFS.subClassOf) if str(p).startswith(KG_NS)]
        if not parents:
            return tuple(chain)
        node = URIRef(str(parents[0]))
        chain.append(str(node)[len(KG_NS) :])


def group_of(cls: str) -> str:
    """The broad class right under Entity (``City`` → ``Place``).

    >>> group_of("Uprising"), group_of("PoliticalParty"), group_of("Person")
    ('Event', 'Organization', 'Person')
    """
    chain = class_parents(cls)
    return chain[-2] if len(chain) >= 2 else cls
