"""The store's summary graph: the counts that whole-graph questions would otherwise read every
statement for, written by each build after the article graphs (``<BASE>summary``).

Two library queries ask about the whole graph: ``most_connected`` (the entities linked to the most
others) and ``multi_source`` (the facts more than one article states). Asked of the article graphs
they must read every statement before their first row (seconds on a million facts, and more as the
store grows), so the build counts them once, over the whole store (the articles of this build and
those kept from earlier ones), and the queries read the counts:

- every entity that a statement links to another entity (``seeAlso`` aside): ``e kg:connections N``,
  the number of distinct entities it is linked to, in either direction, in any article — the count
  ``most_connected`` used to make, and the degree ``kg path`` chooses its side by;
- the ``RANKED`` best-connected entities: ``e kg:connectionRank R`` (1 = most connections; ties by
  IRI) with ``kg:summaryLabel`` and ``kg:typeLabel`` (each label the articles give it, and the
  ontology's label of each class they give it);
- every fact that more than one article states (inferred statements aside): a node with its
  ``kg:factSubject``/``kg:factPredicate``/``kg:factObject``, ``kg:articleCount`` (how many
  articles), the labels the answer shows (``kg:summaryLabel``, ``kg:relationLabel``,
  ``kg:objectLabel``) and ``kg:multiSourceRank``, its place in the answer's order (most articles
  first, then by subject, relation and object).

A build takes the counts from the store's running tally (:class:`kg.store_tally.Tally`, kept as
each article graph is written, so nothing here reads the whole store); without one (a store made
some other way, and the tests' direct counts) they are two aggregations over the store, linear in
its statements but holding every distinct pair they count. Then a label look-up per ranked entity
and per counted fact; the graph is replaced in one transaction, so a reader sees the old summary
or the new one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDFS, XSD, Literal, URIRef

from kg.ontology import KG, KG_NS
from kg.rdf import Iris, Quad
from kg.store import ox_quads, write_graph

if TYPE_CHECKING:
    from kg.store_tally import Tally

__all__ = ["RANKED", "connections", "multi_source", "summary_graph", "summary_quads", "write_summary"]

RANKED = 100  # entities ranked by connections (most_connected shows the first 20)

_PROLOGUE = f"""PREFIX kg: <{KG_NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# what most_connected counted: distinct other entities per entity, over every article's statements
_CONNECTIONS = (
    _PROLOGUE
    + """SELECT ?e (COUNT(DISTINCT ?other) AS ?n) WHERE {
  { GRAPH ?g { ?st a kg:Statement ; rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?other } }
  UNION
  { GRAPH ?g { ?st a kg:Statement ; rdf:subject ?other ; rdf:predicate ?p ; rdf:object ?e } }
  FILTER(isIRI(?e) && isIRI(?other) && ?p != kg:seeAlso)
} GROUP BY ?e"""
)

# what multi_source counted: the facts stated (not inferred) in more than one article
_MULTI = (
    _PROLOGUE
    + """SELECT ?s ?p ?o (COUNT(DISTINCT ?article) AS ?n) WHERE {
  GRAPH ?article { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                   FILTER NOT EXISTS { ?st kg:inferred true } }
} GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?article) > 1)"""
)

_LABEL = ox.NamedNode(str(RDFS.label))
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def summary_graph(base: str) -> URIRef:
    """The summary's named graph under ``base``."""
    return URIRef(Iris(base).base + "summary")


def connections(store: ox.Store) -> dict[str, int]:
    """IRI -> the number of distinct entities it is linked to (either direction, ``seeAlso`` aside)."""
    return {r["e"].value: int(r["n"].value) for r in store.query(_CONNECTIONS)}  # type: ignore[union-attr]


def multi_source(store: ox.Store) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal, int]]:
    """(subject, relation, object, articles) of every fact more than one article states."""
    return [(r["s"], r["p"], r["o"], int(r["n"].value)) for r in store.query(_MULTI)]  # type: ignore[union-attr]


def _labels(store: ox.Store, node: ox.NamedNode, graphs: list[ox.NamedNode] | None = None) -> list[str]:
    """Every distinct label of ``node`` in the article graphs (or in ``graphs``), sorted."""
    found = {str(q.object.value) for q in store.quads_for_pattern(node, _LABEL, None, None)
             if isinstance(q.object, ox.Literal) and (graphs is None or q.graph_name in graphs)}
    return sorted(found)


def _term(key: str) -> ox.NamedNode | ox.Literal:
    """A term as the tally keeps it (an IRI's text, a literal's N-Triples form) back as a term."""
    if not key.startswith('"'):
        return ox.NamedNode(key)
    (q,) = ox.parse(f"<x:s> <x:p> {key} .", format=ox.RdfFormat.N_TRIPLES)
    assert isinstance(q.object, ox.Literal)
    return q.object


_Fact = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal, int]


def _counts(store: ox.Store, tally: Tally | None) -> tuple[Iterable[tuple[str, int]], list[str], Iterable[_Fact]]:
    """Every linked entity's connections, the ``RANKED`` best-connected, and the facts several
    articles state: from ``tally`` if there is one, else counted over ``store``."""
    if tally is not None:
        multi = ((ox.NamedNode(s), ox.NamedNode(p), _term(o), n) for s, p, o, n in tally.multi_source())
        return tally.connections(), [iri for iri, _ in tally.best_connected(RANKED)], multi
    counts = connections(store)
    return counts.items(), sorted(counts, key=lambda iri: (-counts[iri], iri))[:RANKED], multi_source(store)


def summary_quads(store: ox.Store, base: str, tally: Tally | None = None) -> Iterator[Quad]:
    """Every quad of the summary graph of ``store`` (built under ``base``), with the counts of
    its ``tally`` when there is one."""
    g = summary_graph(base)
    onto = [ox.NamedNode(Iris(base).ontology_graph)]
    linked, ranked, multi = _counts(store, tally)
    for iri, n in linked:
        yield URIRef(iri), KG.connections, Literal(n, datatype=XSD.integer), g
    for rank, iri in enumerate(ranked, 1):
        node = ox.NamedNode(iri)
        e = URIRef(iri)
        yield e, KG.connectionRank, Literal(rank, datatype=XSD.integer), g
        for label in _labels(store, node):
            yield e, KG.summaryLabel, Literal(label), g
        typed = store.quads_for_pattern(node, _TYPE, None, None)
        classes = {q.object for q in typed if isinstance(q.object, ox.NamedNode)}
        for name in sorted({label for cls in classes for label in _labels(store, cls, onto)}):
            yield e, KG.typeLabel, Literal(name), g  # a literal: the summary links no entity to a class
    rows = []
    seen: dict[str, str | None] = {}

    def first_label(node: ox.NamedNode | ox.Literal) -> str | None:
        """The label the answer shows for an entity (its smallest), or None for a literal."""
        if not isinstance(node, ox.NamedNode):
            return None
        if node.value not in seen:
            labels = _labels(store, node)
            seen[node.value] = labels[0] if labels else None
        return seen[node.value]

    relation_labels: dict[str, list[str]] = defaultdict(list)
    for s, p, o, n in multi:
        subject = first_label(s)
        if subject is None:
            continue  # a subject no article labels (the contract says none): the answer never showed it
        if p.value not in relation_labels:
            relation_labels[p.value] = _labels(store, p, onto)
        obj = first_label(o)
        for relation in relation_labels[p.value]:
            rows.append((-n, subject, relation, obj if obj is not None else o.value, s, p, o))
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3], str(r[4]), str(r[5]), str(r[6])))
    for rank, (neg, subject, relation, obj, s, p, o) in enumerate(rows, 1):
        key = f"{s}|{p}|{o}|{relation}".encode()
        m = URIRef(f"{g}/{hashlib.sha1(key).hexdigest()[:20]}")
        yield m, KG.multiSourceRank, Literal(rank, datatype=XSD.integer), g
        yield m, KG.articleCount, Literal(-neg, datatype=XSD.integer), g
        yield m, KG.factSubject, URIRef(s.value), g
        yield m, KG.factPredicate, URIRef(p.value), g
        yield m, KG.factObject, URIRef(o.value) if isinstance(o, ox.NamedNode) else _literal(o), g
        yield m, KG.summaryLabel, Literal(subject), g
        yield m, KG.relationLabel, Literal(relation), g
        yield m, KG.objectLabel, Literal(obj), g


def _literal(o: ox.Literal) -> Literal:
    if o.language:
        return Literal(o.value, lang=o.language)
    return Literal(o.value, datatype=URIRef(o.datatype.value))


def write_summary(store: ox.Store, base: str, tally: Tally | None = None) -> int:
    """Replace the summary graph of ``store`` (from its ``tally``'s counts, or counted over the
    store without one); returns the summary's quad count."""
    store.flush()  # the articles just written leave Oxigraph's write buffer before the labels are read
    quads = list(summary_quads(store, base, tally))
    return write_graph(store, summary_graph(base), ox_quads(quads))
