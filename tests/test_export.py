"""Exports open in real clients: networkx and igraph read them back with colours and typed attributes."""

from __future__ import annotations

import csv
import json
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


def test_gexf_colours_sizes_types_and_timeline(exports: Path, seed_graph: KnowledgeGraph):
    g = nx.read_gexf(exports / "g.gexf")
    view = seed_graph.to_networkx()
    assert g.number_of_nodes() == view.number_of_nodes()
    people = [d for _, d in g.nodes(data=True) if d["type"] == "Person"]
    assert people and all(d["viz"]["color"]["b"] == int(colour_of("Person")[5:7], 16) for d in people)
    assert all(d["viz"]["size"] >= 5 for _, d in g.nodes(data=True))
    assert {"pagerank", "community", "degree", "articles"} <= set(people[0])
    root = ET.parse(exports / "g.gexf").getroot()
    graph = root.find("{http://www.gexf.net/1.2draft}graph")
    assert graph is not None and graph.get("mode") == "dynamic"
    dated = [n for n in graph.iter("{http://www.gexf.net/1.2draft}node") if n.get("start")]
    assert dated and all(len(n.get("start")) == 10 for n in dated)


def test_graphml_with_networkx_and_igraph(exports: Path):
    import igraph

    g = nx.read_graphml(exports / "g.graphml")
    ig = igraph.Graph.Read_GraphML(str(exports / "g.graphml"))
    assert ig.vcount() == g.number_of_nodes() and ig.ecount() == g.number_of_edges()
    assert isinstance(ig.vs[0]["pagerank"], float) and isinstance(ig.vs[0]["degree"], float | int)
    assert "confidence" in ig.es.attributes()


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
    from kg.export import write_gexf, write_graphml

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
    ET.parse(d / "x.gexf")
    ET.parse(d / "x.graphml")


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
