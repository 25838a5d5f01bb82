"""Each export opened by the real client it is made for: Chromium draws the page, graphology (Node)
reads the GEXF, jsonld.js expands the JSON-LD, raptor's rapper parses the RDF dumps."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Dataset, URIRef

from kg.export.html import page_data, render_page
from kg.export.jsonld import from_schema, schema_superclass
from kg.graph import KnowledgeGraph
from tests.clients import Browser, NoRows, need, need_node_modules

READY = "document.body.dataset.ready === '1'"
CANVAS_INK = """(() => {
  const c = document.querySelector('#graph canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
  return ink;
})()"""


@pytest.fixture(scope="module")
def exports(seed_graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("client-exports")
    for fmt in ("html", "gexf", "jsonld", "nq", "trig", "ttl", "nt"):
        seed_graph.export(fmt, d / f"seed.{fmt}")
    return d


def _quads(nquads: str) -> set[tuple[str, str, str, str]]:
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    return {(s.n3(), p.n3(), o.n3(), c.n3()) for s, p, o, c in ds.quads()}


def test_page_renders_offline_in_chromium(exports: Path, tmp_path: Path):
    with Browser() as b:
        b.open(exports / "seed.html", READY)
        page_nodes, page_edges = b.js("kgPage.nodes.length"), b.js("kgPage.edges.length")
        ink = b.js(CANVAS_INK)
        png = b.screenshot(tmp_path / "page.png")
        requests, errors = list(b.requests), list(b.errors)
    g = json.loads((exports / "seed.html").read_text().split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    linked = {e["from"] for e in g["edges"]} | {e["to"] for e in g["edges"]}
    # isolated nodes are hidden by default ("Show isolated nodes" shows them: tests/test_page_view.py)
    assert (page_nodes, page_edges) == (len(linked), len(g["edges"])) and page_nodes > 20
    assert ink > 5000, "the canvas is blank"
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    from PIL import Image

    with Image.open(tmp_path / "page.png") as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
    assert requests == [(exports / "seed.html").resolve().as_uri()], "the page made a network request"
    assert errors == []


def test_page_search_panel_and_filters(exports: Path, seed_graph: KnowledgeGraph):
    person = next(d for _, d in seed_graph.to_networkx().nodes(data=True) if d["type"] == "Person" and d["aliases"])
    alias = person["aliases"][0]
    with Browser() as b:
        b.open(exports / "seed.html", READY)
        b.js(
            f"(() => {{ const s = document.getElementById('search'); s.value = {json.dumps(alias)};"
            " s.dispatchEvent(new Event('input')); })()"
        )
        hits = b.js("[...document.querySelectorAll('#matches li')].map(l => l.textContent)")
        assert f"{person['label']} (Person)" in hits  # found by its alias
        b.js(
            f"[...document.querySelectorAll('#matches li')].find(l => l.textContent === "
            f"{json.dumps(person['label'] + ' (Person)')}).click()"
        )
        assert b.js("document.querySelector('#info h2').textContent") == person["label"]
        sentences = b.js("[...document.querySelectorAll('#info .evidence')].map(e => e.textContent)")
        facts = seed_graph.facts(subject=person["label"]) + seed_graph.facts(object=person["label"])
        assert sentences and set(sentences) <= {f["sentence"] for f in facts}
        # The confidence slider hides weaker relations; unticking a legend entry hides its nodes.
        total = b.js("kgPage.edges.length")
        b.js(
            "(() => { const c = document.getElementById('confidence'); c.value = '0.9';"
            " c.dispatchEvent(new Event('input')); })()"
        )
        strong = b.js("kgPage.edges.length")
        expected = sum(1 for *_, d in seed_graph.to_networkx().edges(data=True) if d["confidence"] >= 0.9)
        assert strong == expected < total
        people = b.js("kgPage.nodes.length")
        b.js("document.querySelector('#legend input[data-group=\"Person\"]').click()")
        assert b.js("kgPage.nodes.length") < people
        assert b.errors == []


def test_hostile_labels_stay_text_in_chromium(tmp_path: Path):
    evil = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>{{DATA}}'
    g = nx.MultiDiGraph()
    g.add_node("urn:a", label=evil, type="Person", aliases=[evil + "alias"], pagerank=0.5)
    g.add_node("urn:b", label="B & <b>", type="City", aliases=[], pagerank=0.5)
    g.add_edge("urn:a", "urn:b", relation="birthPlace", confidence=0.9)
    data = page_data(NoRows(), g, title=evil)  # type: ignore[arg-type]
    data["facts"]["urn:a"] = [
        {
            "relation": evil,
            "dir": "out",
            "other": "urn:b",
            "value": "urn:b",
            "confidence": 0.9,
            "sources": 1,
            "sentence": evil,
            "extractor": evil,
            "article": evil,
            "inferred": False,
        }
    ]
    page = tmp_path / "evil.html"
    page.write_text(render_page(data), encoding="utf-8")
    with Browser() as b:
        b.open(page, READY)
        b.js("kgPage.focusNode('urn:a')")
        assert b.js("document.querySelector('#info h2').textContent") == evil
        assert b.js("document.querySelector('#info .evidence').textContent") == evil
        assert b.js("document.title") == evil
        assert b.js("typeof window.pwned") == "undefined"
        assert b.js("document.querySelectorAll('img').length") == 0
        assert b.requests == [page.resolve().as_uri()]


def test_gexf_in_graphology(exports: Path):
    js = need_node_modules()
    out = subprocess.run(
        [need("node"), str(js / "gexf_summary.js"), str(exports / "seed.gexf")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    seen = json.loads(out.stdout)
    g = nx.read_gexf(exports / "seed.gexf", version="1.3")
    assert (seen["order"], seen["size"]) == (g.number_of_nodes(), g.number_of_edges())
    for n, d in g.nodes(data=True):
        c = d["viz"]["color"]
        assert seen["nodes"][n]["color"] == f"rgba({c['r']},{c['g']},{c['b']},{c['a']:.1f})"
        assert seen["nodes"][n]["label"] == d["label"] and seen["nodes"][n]["type"] == d["type"]
    assert {"relation", "confidence", "weight", "sentence", "sources"} <= set(seen["edgeAttributes"])


def test_jsonld_in_jsonld_js_gives_the_store_back(exports: Path, seed_graph: KnowledgeGraph):
    js = need_node_modules()
    out = subprocess.run(
        [need("node"), str(js / "jsonld_nquads.js"), str(exports / "seed.jsonld")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    back = from_schema()
    ds = Dataset()
    ds.parse(data=out.stdout, format="nquads")
    assert any(p == URIRef("http://schema.org/founder") for _, p, _, _ in ds.quads())
    mapped = {
        (s.n3(), back.get(p, p).n3(), (back.get(o, o) if p == RDF.type else o).n3(), c.n3())
        for s, p, o, c in ds.quads()
    }
    ours = _quads((exports / "seed.nq").read_text(encoding="utf-8"))
    assert ours <= mapped
    # The rest is the schema.org superclass written beside a kg class that has no exact equivalent.
    types = {(s, c): o for s, p, o, c in ours if p == RDF.type.n3()}
    sup = schema_superclass()
    for s, p, o, c in mapped - ours:
        cls = URIRef(types[(s, c)].strip("<>"))
        assert p == RDF.type.n3() and o == back.get(sup[cls], sup[cls]).n3(), (s, p, o)


@pytest.mark.parametrize(("fmt", "parser"), [("nq", "nquads"), ("trig", "trig"), ("ttl", "turtle"), ("nt", "ntriples")])
def test_rdf_dumps_in_rapper(exports: Path, fmt: str, parser: str):
    out = subprocess.run(
        [need("rapper"), "-q", "-i", parser, "-o", "nquads", str(exports / f"seed.{fmt}")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    theirs = _quads(out.stdout)
    ours = _quads((exports / "seed.nq").read_text(encoding="utf-8"))
    if fmt in ("nq", "trig"):
        assert theirs == ours
    else:  # one graph: the same triples
        assert {q[:3] for q in theirs} == {q[:3] for q in ours}
