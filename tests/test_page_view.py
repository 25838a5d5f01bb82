"""The page's view controls on a small graph, in headless Chromium (issue 18, item 9): isolated nodes
hidden by default with a toggle, the largest component only, node size by PageRank or degree, a type
filter that lays out what is left again, and a focus mode (an entity and its neighbours to depth N)
reachable from the page and from its address."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import page_data, render_page
from tests.clients import Browser, NoRows

READY = "document.body.dataset.ready === '1'"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six people and places: a chain of four (a-b-c-d), a pair (e-f), one isolated node (z)."""
    g = nx.MultiDiGraph()
    kinds = {"a": "Person", "b": "City", "c": "Person", "d": "Person", "e": "Person", "f": "City", "z": "Other"}
    pagerank = {"a": 0.3, "b": 0.25, "c": 0.1, "d": 0.05, "e": 0.1, "f": 0.1, "z": 0.1}
    for k, t in kinds.items():
        g.add_node(f"urn:{k}", label=f"Node {k.upper()}", type=t, aliases=[], pagerank=pagerank[k])
    for a, b in (("a", "b"), ("c", "b"), ("c", "d"), ("e", "f")):
        g.add_edge(f"urn:{a}", f"urn:{b}", relation="birthPlace" if kinds[b] == "City" else "sibling", confidence=0.9)
    out = tmp_path_factory.mktemp("view") / "view.html"
    out.write_text(render_page(page_data(NoRows(), g, "view")), encoding="utf-8")  # type: ignore[arg-type]
    return out


def _shown(b: Browser) -> list[str]:
    return sorted(b.js("kgPage.nodes.getIds()"))


def _click(b: Browser, selector: str) -> None:
    b.js(f"document.querySelector({json.dumps(selector)}).click()")


def _choose(b: Browser, select: str, value: str) -> None:
    b.js(
        f"(() => {{ const s = document.getElementById({json.dumps(select)}); s.value = {json.dumps(value)};"
        " s.dispatchEvent(new Event('change')); })()"
    )


def _wait(b: Browser) -> None:
    import time

    for _ in range(150):
        if b.js(f"Boolean({READY})"):
            return
        time.sleep(0.1)
    raise TimeoutError("the layout never settled")


def test_isolated_nodes_are_hidden_until_asked_for(page: Path):
    with Browser() as b:
        b.open(page, READY)
        assert "urn:z" not in _shown(b) and len(_shown(b)) == 6
        assert b.js("document.getElementById('counts').textContent").startswith("6 of 7 entities")
        _click(b, "#show-isolated")
        _wait(b)
        assert "urn:z" in _shown(b)
        # the legend names the class-less group as kg stats does
        assert "Other (1)" in b.js("document.getElementById('legend').textContent")
        assert b.errors == []


def test_largest_component_only(page: Path):
    with Browser() as b:
        b.open(page, READY)
        _click(b, "#largest")
        _wait(b)
        assert _shown(b) == ["urn:a", "urn:b", "urn:c", "urn:d"]
        assert b.js("kgPage.edges.length") == 3
        _click(b, "#largest")
        _wait(b)
        assert len(_shown(b)) == 6


def test_size_by_pagerank_or_degree(page: Path):
    with Browser() as b:
        b.open(page, READY)
        assert b.js("kgPage.nodes.get('urn:a').value") == pytest.approx(0.3)
        _choose(b, "size-by", "degree")
        assert b.js("kgPage.nodes.get('urn:b').value") == 2 and b.js("kgPage.nodes.get('urn:a').value") == 1


def test_a_type_filter_lays_out_what_is_left(page: Path):
    with Browser() as b:
        b.open(page, READY)
        assert b.js("document.body.dataset.layouts") is None
        _click(b, '#legend input[data-group="Place"]')
        # with the cities gone, a, e and f have no relation left: hidden as isolated; c-d remain
        assert _shown(b) == ["urn:c", "urn:d"]
        _wait(b)
        assert b.js("document.body.dataset.layouts") == "1"  # the layout ran again on what is left
        box = b.js(
            "(() => { const p = kgPage.network.getPositions(kgPage.nodes.getIds());"
            " return Object.values(p).map(q => kgPage.network.canvasToDOM(q)); })()"
        )
        width, height = b.js("['clientWidth', 'clientHeight'].map(k => document.getElementById('graph')[k])")
        assert all(0 <= q["x"] <= width and 0 <= q["y"] <= height for q in box)  # fitted to the screen


def test_focus_on_an_entity_to_a_depth(page: Path):
    with Browser() as b:
        b.open(page, READY)
        assert b.js("document.getElementById('focus').disabled") is True
        b.js("kgPage.focusNode('urn:a')")
        b.js("(() => { const d = document.getElementById('depth'); d.value = '1'; })()")
        _click(b, "#focus")
        _wait(b)
        assert _shown(b) == ["urn:a", "urn:b"]
        _choose(b, "depth", "2")
        _wait(b)
        assert _shown(b) == ["urn:a", "urn:b", "urn:c"]
        assert "focus=urn%3Aa&depth=2" in b.js("location.hash")
        assert b.js("document.getElementById('unfocus').hidden") is False
        _click(b, "#unfocus")
        _wait(b)
        assert len(_shown(b)) == 6


def test_focus_from_the_address(page: Path):
    with Browser() as b:
        b.open(page, READY, fragment="focus=node%20c&depth=1")  # a label, case ignored
        assert _shown(b) == ["urn:b", "urn:c", "urn:d"]
        assert b.js("document.querySelector('#info h2').textContent") == "Node C"
