"""Exports open in real clients: networkx and igraph read them back with colours and typed attributes."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export import ExportFilter
from kg.export.graphview import colour_of
from kg.graph import KnowledgeGraph
from tests.clients import NoRows


@pytest.fixture(scope="module")
def exports(seed_graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("exports")
    seed_graph.export("gexf", d / "g.gexf")
    seed_graph.export("graphml", d / "g.graphml")
    seed_graph.export("csv", d / "csv")
    return d


SPEC = Path(__file__).resolve().parent.parent.parent / "shared" / "spec"
GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def gexf_problems(path: Path) -> list[str]:
    """What the official GEXF 1.3 RELAX NG grammar (../shared/spec/gexf/1.3/gexf.rng) rejects in ``path``."""
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(SPEC / "gexf" / "1.3" / "gexf.rng")))
    if schema.validate(etree.parse(str(path))):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


_NMTOKEN = re.compile(r"[\w.:\-\u00b7\u0300-\u036f\u203f\u2040]+")
_GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
_DOMAINS = {"graph", "node", "edge", "hyperedge", "port", "endpoint", "all"}


def _typed(text: str, typ: str) -> bool:
    """Whether ``text`` is a value of the GraphML ``attr.type`` ``typ``."""
    if typ == "boolean":
        return text in ("true", "false")
    if typ in ("int", "long"):
        return re.fullmatch(r"[+-]?\d+", text.strip()) is not None
    if typ in ("float", "double"):
        try:
            float(text)
        except ValueError:
            return False
    return True


def graphml_problems(path: Path) -> list[str]:
    """The rules of the GraphML primer and structure schema, checked with lxml: the document is
    graphml > desc?, key*, (data | graph)*; each key has a unique NMTOKEN id, a domain (for) and an
    attr.type from the schema's list; every data element names a declared key whose domain is its
    parent's (or all) and holds a value of the key's type; a graph has edgedefault; node ids are
    required NMTOKENs unique in the document, edge ids unique when given; every edge joins two
    nodes of the document."""
    from lxml import etree

    out: list[str] = []
    root = etree.parse(str(path)).getroot()
    if root.tag != GRAPHML + "graphml":
        return [f"root is {root.tag}, not graphml"]
    order = [etree.QName(c).localname for c in root if isinstance(c.tag, str)]
    body = [t for t in order if t not in ("desc", "key")]
    if order[: len(order) - len(body)] != [t for t in order if t in ("desc", "key")] or order.count("desc") > 1:
        out.append(f"graphml children out of order: {order}")
    if any(t not in ("data", "graph") for t in body):
        out.append(f"unexpected graphml children: {body}")
    keys: dict[str, tuple[str, str]] = {}
    for k in root.iter(GRAPHML + "key"):
        kid, dom, typ = k.get("id"), k.get("for", "all"), k.get("attr.type", "string")
        if kid is None or not _NMTOKEN.fullmatch(kid) or kid in keys:
            out.append(f"key id {kid!r} missing, not an NMTOKEN or repeated")
            continue
        if dom not in _DOMAINS or typ not in _GRAPHML_TYPES:
            out.append(f"key {kid}: for={dom!r} attr.type={typ!r}")
        keys[kid] = (dom, typ)
    node_ids: set[str] = set()
    for n in root.iter(GRAPHML + "node"):
        nid = n.get("id")
        if nid is None or not _NMTOKEN.fullmatch(nid) or nid in node_ids:
            out.append(f"node id {nid!r} missing, not an NMTOKEN or repeated")
        node_ids.add(nid or "")
    edge_ids: set[str] = set()
    for g in root.iter(GRAPHML + "graph"):
        if g.get("edgedefault") not in ("directed", "undirected"):
            out.append(f"graph {g.get('id')!r} without edgedefault")
    for e in root.iter(GRAPHML + "edge"):
        eid = e.get("id")
        if eid is not None and (not _NMTOKEN.fullmatch(eid) or eid in edge_ids):
            out.append(f"edge id {eid!r} not an NMTOKEN or repeated")
        edge_ids.add(eid or "")
        if e.get("source") not in node_ids or e.get("target") not in node_ids:
            out.append(f"edge {eid}: {e.get('source')!r} -> {e.get('target')!r} is not between two nodes")
    for d in root.iter(GRAPHML + "data"):
        where = etree.QName(d.getparent()).localname
        kid = d.get("key")
        if kid not in keys:
            out.append(f"data in {where} names an undeclared key {kid!r}")
            continue
        dom, typ = keys[kid]
        if dom not in (where, "all"):
            out.append(f"data in {where} uses key {kid} declared for {dom}")
        if not _typed(d.text or "", typ):
            out.append(f"data {kid} in {where}: {d.text!r} is not a {typ}")
    return out


def test_gexf_colours_sizes_types_and_timeline(exports: Path, seed_graph: KnowledgeGraph):
    g = nx.read_gexf(exports / "g.gexf", version="1.3")
    view = seed_graph.to_networkx()
    assert g.number_of_nodes() == view.number_of_nodes()
    people = [d for _, d in g.nodes(data=True) if d["type"] == "Person"]
    assert people and all(d["viz"]["color"]["b"] == int(colour_of("Person")[5:7], 16) for d in people)
    assert all(d["viz"]["size"] >= 5 for _, d in g.nodes(data=True))
    assert {"pagerank", "community", "degree", "articles"} <= set(people[0])
    root = ET.parse(exports / "g.gexf").getroot()
    assert root.get("version") == "1.3"
    graph = root.find(GEXF + "graph")
    assert graph is not None and graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    dated = [n for n in graph.iter(GEXF + "node") if n.get("start")]
    assert dated and all(len(n.get("start")) == 10 for n in dated)


def test_every_gexf_export_validates_against_the_official_schema(seed_build, tmp_path: Path):
    """Whole graph, --types and --around, written by the real CLI, against gexf/1.3/gexf.rng."""
    from tests.test_cli import kg

    _, store, _ = seed_build
    runs = {"all": [], "types": ["--types", "Person,Place"], "around": ["--around", "isaac humala", "--depth", "2"]}
    for name, extra in runs.items():
        out = tmp_path / f"{name}.gexf"
        r = kg("export", "gexf", "-o", str(out), "--store", str(store), *extra)
        assert r.returncode == 0, r.stderr
        assert gexf_problems(out) == [], name
        assert len(ET.parse(out).getroot().findall(f"{GEXF}graph/{GEXF}nodes/{GEXF}node")) > 1, name


def test_the_schema_check_rejects_what_gexf_forbids(exports: Path, tmp_path: Path):
    """The validator is real: the old 1.2draft habits (graph/@name, networkx_key) fail it."""
    text = (exports / "g.gexf").read_text(encoding="utf-8")
    bad = tmp_path / "bad.gexf"
    bad.write_text(text.replace('mode="dynamic"', 'mode="dynamic" name=""', 1), encoding="utf-8")
    assert any("name" in p for p in gexf_problems(bad))
    bad.write_text(text.replace(' kind="', ' networkx_key="', 1), encoding="utf-8")
    assert gexf_problems(bad)


def test_parallel_edges_have_ids_labels_and_kinds(exports: Path, seed_graph: KnowledgeGraph):
    """Two relations between one pair stay two edges Gephi can tell apart; each edge carries its
    relation as label and kind, and all the sentences that state it."""
    root = ET.parse(exports / "g.gexf").getroot()
    edges = list(root.iter(GEXF + "edge"))
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids)) and None not in ids
    assert all(e.get("label") == e.get("kind") and e.get("kind") for e in edges)
    columns = {a.get("title") for a in root.iter(GEXF + "attribute")}
    assert "networkx_key" not in columns and {"relation", "evidence", "sources"} <= columns
    pairs: dict[tuple[str, str], list[str]] = {}
    for e in edges:
        pairs.setdefault((e.get("source"), e.get("target")), []).append(e.get("kind"))
    parallel = {p: k for p, k in pairs.items() if len(k) > 1}
    assert parallel, "the seed has parallel edges"
    assert all(len(k) == len(set(k)) for k in parallel.values())  # one edge per relation
    view = seed_graph.to_networkx()
    assert len(edges) == view.number_of_edges()


def test_one_relation_stated_twice_is_one_edge_with_both_sentences(tmp_path: Path):
    from kg.export.formats.gexf import write_gexf
    from kg.export.formats.graphml import write_graphml

    two = ["Ann Ode leads the Mill League.", "The Mill League is led by Ann Ode."]
    g = nx.MultiDiGraph()
    g.add_node("urn:a", label="Mill League", type="PoliticalParty")
    g.add_node("urn:b", label="Ann Ode", type="Person")
    g.add_edge("urn:a", "urn:b", key="leader", relation="leader", confidence=0.9, sources=2, sentence=two[0],
               evidence=two, weight=0.9, label="leader")
    g.add_edge("urn:a", "urn:b", key="foundedBy", relation="foundedBy", confidence=0.8, sources=1,
               sentence="Ann Ode founded it.", evidence=["Ann Ode founded it."], weight=0.8, label="foundedBy")
    write_gexf(g, tmp_path / "x.gexf")
    write_graphml(g, tmp_path / "x.graphml")
    assert gexf_problems(tmp_path / "x.gexf") == [] and graphml_problems(tmp_path / "x.graphml") == []
    edges = ET.parse(tmp_path / "x.gexf").getroot().findall(f"{GEXF}graph/{GEXF}edges/{GEXF}edge")
    assert sorted((e.get("id"), e.get("kind"), e.get("label"), e.get("weight")) for e in edges) == [
        ("e0", "foundedBy", "foundedBy", "0.8"),
        ("e1", "leader", "leader", "0.9"),
    ]
    back = nx.read_gexf(tmp_path / "x.gexf", version="1.3")
    assert sorted(d["evidence"] for _, _, d in back.edges(data=True)) == ["Ann Ode founded it.", " | ".join(two)]


def test_graphml_follows_the_graphml_structure(exports: Path, seed_build, tmp_path: Path):
    from tests.test_cli import kg

    assert graphml_problems(exports / "g.graphml") == []
    _, store, _ = seed_build
    out = tmp_path / "around.graphml"
    assert kg("export", "graphml", "-o", str(out), "--store", str(store), "--around", "Isaac Humala").returncode == 0
    assert graphml_problems(out) == []
    # and the check is real: a repeated edge id, an undeclared key and an IRI as node id fail it
    text = (exports / "g.graphml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.graphml"
    bad.write_text(text.replace('id="e1"', 'id="e0"', 1), encoding="utf-8")
    assert any("repeated" in p for p in graphml_problems(bad))
    bad.write_text(text.replace('<data key="d0">', '<data key="nope">', 1), encoding="utf-8")
    assert any("undeclared" in p for p in graphml_problems(bad))
    bad.write_text(text.replace('id="n0"', 'id="https://x.org/a b"', 1), encoding="utf-8")
    assert graphml_problems(bad)


def test_graphml_with_networkx_and_igraph(exports: Path):
    import igraph

    g = nx.read_graphml(exports / "g.graphml")
    ig = igraph.Graph.Read_GraphML(str(exports / "g.graphml"))
    assert ig.vcount() == g.number_of_nodes() and ig.ecount() == g.number_of_edges()
    assert isinstance(ig.vs[0]["pagerank"], float) and isinstance(ig.vs[0]["degree"], float | int)
    assert "confidence" in ig.es.attributes()
    assert all(d["iri"].startswith("http") for _, d in g.nodes(data=True))


def test_csv_for_gephi(exports: Path):
    nodes = list(csv.DictReader((exports / "csv" / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((exports / "csv" / "edges.csv").open(encoding="utf-8")))
    assert {"Id", "Label", "Type"} <= set(nodes[0]) and {"Source", "Target", "Type", "Weight"} <= set(edges[0])
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_filters(seed_graph: KnowledgeGraph, tmp_path: Path):
    seed_graph.export("csv", tmp_path / "p", ExportFilter(types=frozenset({"Person"})))
    types = {r["Type"] for r in csv.DictReader((tmp_path / "p" / "nodes.csv").open(encoding="utf-8"))}
    assert types == {"Person"}
    seed_graph.export("csv", tmp_path / "a", ExportFilter(around="Isaac Humala", depth=1))
    labels = {r["Label"] for r in csv.DictReader((tmp_path / "a" / "nodes.csv").open(encoding="utf-8"))}
    assert "Isaac Humala" in labels and "Antauro Humala" in labels and "Che Guevara" not in labels
    seed_graph.export("csv", tmp_path / "r", ExportFilter(relations=frozenset({"child"})))
    rels = {r["Label"] for r in csv.DictReader((tmp_path / "r" / "edges.csv").open(encoding="utf-8"))}
    assert rels == {"child"}


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_label_gives_well_formed_gexf_and_graphml(tmp_path_factory: pytest.TempPathFactory, label: str):
    from kg.export.formats.gexf import write_gexf
    from kg.export.formats.graphml import write_graphml
    from kg.export.xmlgraph import xml_text

    g = nx.MultiDiGraph()
    g.add_node(
        "a",
        label=label + "\u202e",  # any code point: emoji, bidi marks, controls, "<&>"
        type="Person",
        aliases=["<&>\"'"],
        viz={"color": {"r": 1, "g": 2, "b": 3, "a": 1.0}, "size": 5.0},
    )
    g.add_node("b", label="b", type="Place")
    g.add_edge("a", "b", key="r", relation="r", confidence=0.5, sources=1)
    d = tmp_path_factory.mktemp("fz")
    write_gexf(g, d / "x.gexf")
    write_graphml(g, d / "x.graphml")
    assert gexf_problems(d / "x.gexf") == []
    assert graphml_problems(d / "x.graphml") == []
    back = nx.read_gexf(d / "x.gexf", version="1.3")
    assert back.nodes["a"]["label"] == " ".join(xml_text(label + "\u202e").split())  # an xsd:token


class _PageParser(HTMLParser):
    """Collects the data block and every element the page declares (a well-formedness check)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.data_blocks: list[str] = []
        self.scripts = 0
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "input", "br", "link"):
            return
        self.stack.append(tag)
        if tag == "script":
            self.scripts += 1
            self._in = "data" if ("id", "kg-data") in attrs else "script"
            if self._in == "data":
                self.data_blocks.append("")
        elif tag == "title":
            self._in = "title"

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "data":
            self.data_blocks[-1] += data
        elif self._in == "title":
            self.title += data


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_label_gives_a_well_formed_page(label: str, sentence: str):
    """Whatever the text, the page has exactly its own elements and carries the text unchanged."""
    from kg.export.html import page_data, render_page

    hostile = label + "</script><script>alert(1)</script><!--{{DATA}}\u2028&amp;"
    g = nx.MultiDiGraph()
    g.add_node("urn:a", label=hostile, type="Person", aliases=[sentence + "</SCRIPT"], pagerank=0.2)
    g.add_node("urn:b", label="b", type="Place", aliases=[], pagerank=0.1)
    g.add_edge("urn:a", "urn:b", relation="birthPlace", confidence=0.5)
    data = page_data(NoRows(), g, title=hostile)  # type: ignore[arg-type]
    data["facts"]["urn:a"] = [{"relation": label, "sentence": sentence + "<!--", "value": hostile}]
    p = _PageParser()
    p.feed(render_page(data))
    p.close()
    assert p.stack == [] and p.scripts == 3 and len(p.data_blocks) == 1
    assert json.loads(p.data_blocks[0]) == json.loads(json.dumps(data))
    assert p.title == hostile
