"""write_graph: a graph whose triples are unchanged is not rewritten; any change replaces it whole."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.store import open_store, ox_quads, write_graph

G = URIRef("https://kg.example.org/doc/Orlan_Vesk")
E = "https://kg.example.org/entity/"
XS = "http://www.w3.org/2001/XMLSchema#"


class _Recorder:
    """A store that counts the writes made through it."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.writes: list[str] = []

    def update(self, text: str) -> None:
        self.writes.append("update")
        self.store.update(text)

    def extend(self, quads: Any) -> None:
        self.writes.append("extend")
        self.store.extend(quads)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _quads(*labels: str) -> list[ox.Quad]:
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    return list(ox_quads((URIRef(E + str(n)), label, Literal(text), G) for n, text in enumerate(labels)))


def _typed() -> list[ox.Quad]:
    """Literals Oxigraph keeps in another form than written (an offset, a confidence), a date and a tag."""
    st = URIRef(E + "statement")
    return list(ox_quads([
        (st, URIRef(E + "start"), Literal(12, datatype=URIRef(XS + "nonNegativeInteger")), G),
        (st, URIRef(E + "confidence"), Literal(Decimal("0.900"), datatype=URIRef(XS + "decimal")), G),
        (st, URIRef(E + "when"), Literal("1994-03-02", datatype=URIRef(XS + "date")), G),
        (st, URIRef(E + "inferred"), Literal(True), G),
        (st, URIRef(E + "name"), Literal("Vesk", lang="en"), G),
    ]))


def _stored(store: ox.Store) -> set[str]:
    return {str(q.object.value) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(G)))}


def test_unchanged_graph_is_not_rewritten_and_a_changed_one_is_replaced(tmp_path: Path) -> None:
    store = _Recorder(open_store(tmp_path / "s", create=True))
    assert write_graph(store, G, _quads("Orlan Vesk", "Tamsa Ridge")) == 2
    assert store.writes == ["extend"]
    assert write_graph(store, G, _quads("Orlan Vesk", "Tamsa Ridge")) == 2
    assert store.writes == ["extend"]  # the same triples: nothing written
    assert write_graph(store, G, _quads("Orlan Vesk")) == 1
    assert store.writes == ["extend", "update"] and _stored(store.store) == {"Orlan Vesk"}
    # the stored graph a subset of the new one, then one triple different: each replaced
    assert write_graph(store, G, _quads("Orlan Vesk", "Tamsa Ridge")) == 2
    assert _stored(store.store) == {"Orlan Vesk", "Tamsa Ridge"}
    assert write_graph(store, G, _quads("Orlan Vesk", "Tamsa Hills")) == 2
    assert store.writes == ["extend", "update", "update", "update"]
    assert _stored(store.store) == {"Orlan Vesk", "Tamsa Hills"}
    assert write_graph(store, G, []) == 0
    assert _stored(store.store) == set()


def test_typed_literals_compare_in_their_stored_form(tmp_path: Path) -> None:
    store = _Recorder(open_store(tmp_path / "s", create=True))
    assert write_graph(store, G, _typed()) == 5
    assert write_graph(store, G, _typed()) == 5
    assert store.writes == ["extend"]
    confidence = Literal(Decimal("0.800"), datatype=URIRef(XS + "decimal"))
    changed = [*_typed()[:1], *ox_quads([(URIRef(E + "statement"), URIRef(E + "confidence"), confidence, G)])]
    assert write_graph(store, G, changed) == 2
    assert store.writes == ["extend", "update"]
    values = {str(q.object.value) for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(G)))}
    assert values == {"12", "0.8"}
