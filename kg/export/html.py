"""One self-contained interactive page: the filtered entity graph drawn by vis-network (inlined from
``kg/data/vis-network.min.js``, vis-network 10.1.5 from npm, Apache-2.0 OR MIT), with a legend that
filters by type, search by name and alias, a confidence slider, and a side panel listing each
node's facts with the sentences they come from. Nothing is fetched: a Content-Security-Policy of
``default-src 'none'`` forbids it.

The data travels as JSON inside ``<script type="application/json">``; every ``<``, ``>``, ``&`` and
line separator in it is written as a ``\\u`` escape, so no label can close the script element, and
the page builds its text with ``textContent`` only, so no label is ever parsed as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.export.graphview import colour_of, palette_class
from kg.ontology import RELATIONS
from kg.store import PREFIXES

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["VIS_NETWORK_VERSION", "legend_group", "page_data", "render_page", "script_json", "write_html"]

VIS_NETWORK_VERSION = "10.1.5"
ONTO = PREFIXES["kg"]
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    >>> script_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return "".join(_JSON_ESCAPES.get(c, c) for c in text)


@cache
def _asset(name: str) -> str:
    return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")


def _facts(kg: KnowledgeGraph, keep: set[str]) -> dict[str, list[dict[str, Any]]]:
    """For each kept node, its facts (both directions): the most confident statement's evidence and
    the number of statements behind the fact."""
    q = """SELECT ?s ?p ?o ?c ?sentence ?extractor ?g ?start WHERE {
        GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c ;
                   kg:sentence ?sentence ; kg:extractor ?extractor ; kg:startOffset ?start } }"""
    titles = {str(r["g"]): r["t"] for r in kg.rows("SELECT ?g ?t WHERE { GRAPH ?g { ?g dcterms:title ?t } }")}
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in sorted(kg.rows(q), key=lambda r: (str(r["g"]), int(r["start"]), str(r["extractor"]))):
        s, o = str(r["s"]), str(r["o"])
        if s not in keep and o not in keep:
            continue
        key = (s, str(r["p"]), o)
        f = best.get(key)
        if f is not None:
            f["sources"] += 1
            if float(r["c"]) <= f["confidence"]:
                continue
        best[key] = {
            "confidence": float(r["c"]),
            "sources": f["sources"] if f is not None else 1,
            "sentence": r["sentence"],
            "extractor": r["extractor"],
            "article": titles.get(str(r["g"]), str(r["g"]).rsplit("/", 1)[-1]),
            "inferred": str(r["extractor"]).startswith("infer"),
        }
    out: dict[str, list[dict[str, Any]]] = {n: [] for n in keep}
    for (s, p, o), f in best.items():
        rel = _label(p.replace(ONTO, ""))
        if s in keep:
            out[s].append({**f, "relation": rel, "dir": "out", "other": o if o in keep else None, "value": o})
        if o in keep and o != s:
            out[o].append({**f, "relation": rel, "dir": "in", "other": s if s in keep else None, "value": s})
    for facts in out.values():
        facts.sort(key=lambda f: (f["dir"], f["relation"], -f["confidence"], f["value"]))
    return out


OTHER = "Other"  # the legend's name for entities of no palette class, as ``kg stats`` calls them


def legend_group(cls: str) -> str:
    """The legend entry of a class: its palette class, or "Other" (as ``kg stats`` says) for a class
    with no colour of its own.

    >>> legend_group("City"), legend_group("Other"), legend_group("Entity")
    ('Place', 'Other', 'Other')
    """
    group = palette_class(cls)
    return OTHER if group == "Entity" else group


def _label(relation: str) -> str:
    return RELATIONS[relation].label if relation in RELATIONS else relation


def page_data(kg: KnowledgeGraph, g: nx.MultiDiGraph, title: str) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data."""
    nodes = [
        {
            "id": n,
            "label": d["label"],
            "type": d["type"],
            "group": legend_group(d["type"]),
            "colour": d.get("colour") or colour_of(d["type"]),
            "aliases": list(d.get("aliases", [])),
            "size": d.get("pagerank", 0.0),
            "degree": g.degree(n),
        }
        for n, d in sorted(g.nodes(data=True))
    ]
    edges = [
        {"from": a, "to": b, "relation": _label(d["relation"]), "confidence": d["confidence"]}
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"]))
    ]
    groups = Counter(n["group"] for n in nodes)
    legend = [
        {"group": t, "colour": colour_of("Entity" if t == OTHER else t), "count": c} for t, c in sorted(groups.items())
    ]
    return {"title": title, "nodes": nodes, "edges": edges, "legend": legend, "facts": _facts(kg, set(g.nodes))}


def render_page(data: dict[str, Any]) -> str:
    """The page for ``data`` (see :func:`page_data`), vis-network inlined."""
    parts = {
        "TITLE": html.escape(str(data["title"])),
        "DATA": script_json(data),
        "VIS_JS": _asset("vis-network.min.js").replace("</script", "<\\/script"),
    }
    # One pass, so text inside a part is never taken for a placeholder.
    return re.sub(r"\{\{(TITLE|DATA|VIS_JS)\}\}", lambda m: parts[m.group(1)], _asset("graph_page.html"))


def write_html(kg: KnowledgeGraph, g: nx.MultiDiGraph, path: Path, title: str | None = None) -> None:
    """Write the interactive page for the (analysed, filtered) view ``g`` to ``path``."""
    from kg.store import atomic_write

    atomic_write(path, render_page(page_data(kg, g, title or f"kg: {path.stem}")))
