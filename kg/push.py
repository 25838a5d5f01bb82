"""``kg push``: load the graph into any SPARQL 1.1 store over the Graph Store HTTP Protocol.

Each named graph of the store (one per article, and the ontology's) is sent with one
``PUT <graph-store>?graph=<graph IRI>`` (N-Triples), which replaces that graph on the server and
leaves every other graph alone. With ``prune``, the server's article graphs (graphs that declare
themselves a ``kg:Article``) under the same document base that the local store no longer has are
deleted (``DELETE ?graph=``). With an ``endpoint``, the server is then asked how many triples each
pushed graph holds, and any difference from the local store is reported.

Our queries read the union of the named graphs as the default graph: start Oxigraph's server with
``--union-default-graph`` (Fuseki: ``tdb2:unionDefaultGraph true``).

Oxigraph server: ``--endpoint http://host:7878/query --graph-store http://host:7878/store``;
Fuseki: ``--endpoint http://host:3030/ds/sparql --graph-store http://host:3030/ds/data``;
GraphDB: ``…/repositories/R`` and ``…/repositories/R/rdf-graphs/service``.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import PushError
from kg.ontology import KG_NS

__all__ = ["PushReport", "push_store", "remote_articles", "remote_counts"]


@dataclass
class PushReport:
    pushed: dict[str, int] = field(default_factory=dict)  # graph → triples sent
    deleted: list[str] = field(default_factory=list)
    mismatched: dict[str, tuple[int, int]] = field(default_factory=dict)  # graph → (local, remote)
    verified: bool = False


def _request(url: str, method: str, body: bytes | None, headers: dict[str, str], timeout: float) -> bytes:
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return bytes(r.read())
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace").strip()
        raise PushError(f"{method} {url}: HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"{method} {url}: cannot reach the server ({reason})") from None


def _graph_url(graph_store: str, graph: str) -> str:
    sep = "&" if "?" in graph_store else "?"
    return f"{graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"


ARTICLE_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Article> }} }}"


def _prefix(graph: str) -> str:
    return graph.rsplit("/", 1)[0] + "/"


def _select(endpoint: str, query: str, headers: dict[str, str], timeout: float) -> list[dict[str, str]]:
    body = urllib.parse.urlencode({"query": query}).encode()
    h = {**headers, "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    raw = _request(endpoint, "POST", body, h, timeout)
    try:
        return [{k: v["value"] for k, v in row.items()} for row in json.loads(raw)["results"]["bindings"]]
    except (ValueError, KeyError, AttributeError) as exc:
        raise PushError(f"{endpoint}: not a SPARQL JSON answer ({exc})") from None


def remote_counts(endpoint: str, graphs: list[str], headers: dict[str, str], timeout: float) -> dict[str, int]:
    """Triples in each of ``graphs`` on the server (absent graphs are left out)."""
    values = " ".join(f"<{g}>" for g in graphs)
    q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    return {r["g"]: int(r["n"]) for r in _select(endpoint, q, headers, timeout)}


def remote_articles(endpoint: str, prefixes: set[str], headers: dict[str, str], timeout: float) -> set[str]:
    """The server's article graphs whose IRI starts with one of ``prefixes``."""
    cond = " || ".join(f"STRSTARTS(STR(?g), {json.dumps(p)})" for p in sorted(prefixes)) or "false"
    q = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Article> }} FILTER({cond}) }}"
    return {r["g"] for r in _select(endpoint, q, headers, timeout)}


def push_store(
    store: ox.Store,
    graph_store: str,
    endpoint: str | None = None,
    prune: bool = False,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
) -> PushReport:
    """Send every named graph of ``store`` to ``graph_store``, each replacing its namesake."""
    if prune and endpoint is None:
        raise PushError("--prune needs --endpoint to list the server's graphs")
    headers = {"User-Agent": "kg-push"}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    articles = {str(r["g"].value) for r in store.query(ARTICLE_GRAPHS)}  # type: ignore[union-attr]
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))  # articles and ontology
    report = PushReport()
    for g in graphs:
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) or b""
        n = body.count(b"\n")
        _request(_graph_url(graph_store, g), "PUT", body, {**headers, "Content-Type": "application/n-triples"}, timeout)
        report.pushed[g] = n
    if endpoint is None:
        return report
    if prune:
        for g in sorted(remote_articles(endpoint, {_prefix(a) for a in articles}, headers, timeout) - articles):
            _request(_graph_url(graph_store, g), "DELETE", None, headers, timeout)
            report.deleted.append(g)
    remote = remote_counts(endpoint, graphs, headers, timeout) if graphs else {}
    report.mismatched = {g: (n, remote.get(g, 0)) for g, n in report.pushed.items() if remote.get(g, 0) != n}
    report.verified = True
    return report
