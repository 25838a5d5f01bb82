"""GEXF 1.3 and GraphML writers for the analysed view, written element by element so that every file
follows its schema: GEXF against the official 1.3 RELAX NG grammar, GraphML against the GraphML
structure (declared keys with a domain and a type, unique NMTOKEN ids, edges between declared nodes).

One edge per (subject, relation, object): the statements behind it are aggregated into its weight
(the best confidence), ``sources`` (articles) and ``evidence`` (every distinct sentence). Parallel
edges of different relations between two nodes stay distinct: each has its own id, its relation as
``label`` and as GEXF ``kind``, which Gephi 0.10 keeps apart instead of merging them.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_target

__all__ = ["EVIDENCE_SEPARATOR", "GEXF_NS", "GRAPHML_NS", "VIZ_NS", "gexf_tree", "graphml_tree", "write_xml"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
EVIDENCE_SEPARATOR = " | "

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Node attributes that GEXF carries in its own XML attributes or viz elements, not as columns.
_NODE_RESERVED = {"label", "viz", "start", "end"}
_EDGE_RESERVED = {"label", "weight"}


def xml_text(v: object, sep: str = "|") -> str:
    """A value as XML text: lists joined with ``sep``, booleans in XML Schema form, and without the
    characters XML 1.0 cannot carry (markup characters are escaped by the serializer).

    >>> xml_text(["a", "b"]), xml_text(True), xml_text("a" + chr(0) + "b<c>")
    ('a|b', 'true', 'ab<c>')
    """
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | tuple):
        v = sep.join(map(str, v))
    return _NOT_XML.sub("", str(v))


def _value(name: str, v: object) -> str:
    """An attribute value: the sentences of ``evidence`` joined with `` | ``, other lists with ``|``."""
    return xml_text(v, EVIDENCE_SEPARATOR if name == "evidence" else "|")


def _token(v: object) -> str:
    """An ``xsd:token``: no leading, trailing or repeated whitespace.

    >>> _token("  a\\n\\tb  ")
    'a b'
    """
    return " ".join(xml_text(v).split())


def _kind(values: Iterable[object]) -> str:
    """The one type every value of a column has (bool, int, float), else string."""
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float) and math.isfinite(v):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def _columns(items: Iterable[dict[str, Any]], reserved: set[str]) -> dict[str, str]:
    """Column name → type over the attribute dicts of all nodes (or edges), in first-seen order."""
    seen: dict[str, list[object]] = {}
    for d in items:
        for k, v in d.items():
            if k in reserved or not isinstance(v, str | int | float | bool | list):
                continue
            seen.setdefault(k, []).append(v)
    return {k: _kind(vs) for k, vs in seen.items()}


def _edges(g: nx.MultiDiGraph) -> list[tuple[Any, Any, dict[str, Any]]]:
    """Edges in a stable order: by source, relation, target."""
    return sorted(
        ((a, b, d) for a, b, d in g.edges(data=True)),
        key=lambda e: (str(e[0]), str(e[2].get("relation", "")), str(e[1])),
    )


def gexf_tree(g: nx.MultiDiGraph) -> ET.ElementTree:
    """The view as a GEXF 1.3 document (dynamic, dates as ``xsd:date``), valid against ``gexf.rng``."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    q = f"{{{GEXF_NS}}}"
    v = f"{{{VIZ_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3"})
    meta = ET.SubElement(root, q + "meta")
    ET.SubElement(meta, q + "creator").text = "kg"
    ET.SubElement(meta, q + "description").text = (
        "Entities and the relations between them; one edge per (source, relation, target), "
        "its relation as label and kind, its statements aggregated into weight, sources and evidence"
    )
    graph = ET.SubElement(
        root, q + "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    )
    node_cols = _columns((d for _, d in g.nodes(data=True)), _NODE_RESERVED)
    edges = _edges(g)
    edge_cols = _columns((d for _, _, d in edges), _EDGE_RESERVED)
    for cls, cols in (("node", node_cols), ("edge", edge_cols)):
        attrs = ET.SubElement(graph, q + "attributes", {"class": cls})
        for name, kind in cols.items():
            ET.SubElement(
                attrs, q + "attribute", {"id": name, "title": name, "type": "integer" if kind == "long" else kind}
            )

    def attvalues(parent: ET.Element, d: dict[str, Any], cols: dict[str, str]) -> None:
        present = [k for k in cols if k in d]
        if present:
            av = ET.SubElement(parent, q + "attvalues")
            for k in present:
                ET.SubElement(av, q + "attvalue", {"for": k, "value": _value(k, d[k])})

    nodes = ET.SubElement(graph, q + "nodes", {"count": str(g.number_of_nodes())})
    for n, d in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        el = ET.SubElement(nodes, q + "node", {"id": xml_text(n), "label": _token(d.get("label", n))})
        start, end = d.get("start"), d.get("end")
        if isinstance(start, str) and _DATE.fullmatch(start):
            el.set("start", start)
            if isinstance(end, str) and _DATE.fullmatch(end) and end >= start:
                el.set("end", end)
        attvalues(el, d, node_cols)
        viz = d.get("viz") or {}
        colour = viz.get("color")
        if colour:
            ET.SubElement(
                el,
                v + "color",
                {c: str(int(colour[c])) for c in "rgb"} | {"a": str(float(colour.get("a", 1.0)))},
            )
        if "size" in viz:
            ET.SubElement(el, v + "size", {"value": str(max(0.0, float(viz["size"])))})
    es = ET.SubElement(graph, q + "edges", {"count": str(len(edges))})
    for i, (a, b, d) in enumerate(edges):
        rel = _token(d.get("relation", "related")) or "related"
        el = ET.SubElement(
            es,
            q + "edge",
            {"id": f"e{i}", "source": xml_text(a), "target": xml_text(b), "label": rel, "kind": rel},
        )
        weight = d.get("weight", d.get("confidence"))
        if isinstance(weight, int | float) and math.isfinite(weight):
            el.set("weight", repr(float(weight)))
        attvalues(el, d, edge_cols)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def graphml_tree(g: nx.MultiDiGraph) -> ET.ElementTree:
    """The view as GraphML: node ids ``n0``… (NMTOKENs, the IRI in the ``iri`` key), edge ids
    ``e0``…, every data element under a key declared for its domain with its type."""
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(q + "graphml")
    nodes = sorted(g.nodes(data=True), key=lambda x: str(x[0]))
    edges = _edges(g)
    node_cols = {"iri": "string"} | _columns((d for _, d in nodes), {"viz", "start", "end"})
    edge_cols = _columns((d for _, _, d in edges), set())
    keys: dict[tuple[str, str], str] = {}
    for dom, cols in (("node", node_cols), ("edge", edge_cols)):
        for name, kind in cols.items():
            kid = f"d{len(keys)}"
            keys[(dom, name)] = kid
            ET.SubElement(root, q + "key", {"id": kid, "for": dom, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, q + "graph", {"id": "G", "edgedefault": "directed"})

    def data(parent: ET.Element, dom: str, d: dict[str, Any], cols: dict[str, str]) -> None:
        for k in cols:
            if k in d:
                ET.SubElement(parent, q + "data", {"key": keys[(dom, k)]}).text = _value(k, d[k])

    ids = {}
    for i, (n, d) in enumerate(nodes):
        ids[n] = f"n{i}"
        el = ET.SubElement(graph, q + "node", {"id": ids[n]})
        data(el, "node", {"iri": n, **d}, node_cols)
    for i, (a, b, d) in enumerate(edges):
        el = ET.SubElement(graph, q + "edge", {"id": f"e{i}", "source": ids[a], "target": ids[b]})
        data(el, "edge", d, edge_cols)
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_xml(tree: ET.ElementTree, path: Path) -> None:
    """Write ``tree`` as UTF-8 XML to ``path`` atomically."""
    with atomic_target(path) as tmp:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
