"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store (standard library HTTP).

- ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded or ``application/sparql-query``);
- results as SPARQL JSON, XML, CSV or TSV by ``Accept`` (or ``?format=json|xml|csv|tsv``);
  CONSTRUCT/DESCRIBE as Turtle or N-Triples;
- read-only: an UPDATE gets 403; ``SERVICE`` (federated queries to other hosts) gets 403;
- a query time limit and a result cap (both settable); a request body cap;
- ``/`` is a small page with a query box and the example queries of ``queries/``.

Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from kg.query import queries_dir
from kg.store import PREFIXES, open_store

__all__ = ["ServeOptions", "make_server", "serve"]

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I
)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class ServeOptions:
    """Limits of the endpoint."""

    timeout: float = 10.0
    max_results: int = 10_000
    max_body: int = 100_000


class _Endpoint:
    def __init__(self, store: ox.Store, options: ServeOptions) -> None:
        self.store = store
        self.options = options
        self.pool = ThreadPoolExecutor(max_workers=4)

    def run(self, query: str) -> tuple[Any, bool]:
        """(result, truncated) of a read query, within the time limit."""

        def work() -> tuple[Any, bool]:
            res = self.store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
            if isinstance(res, ox.QuerySolutions):
                rows: list[ox.QuerySolution] = []
                for n, sol in enumerate(res):
                    if n >= self.options.max_results:
                        return (res.variables, rows), True
                    rows.append(sol)
                return (res.variables, rows), False
            if isinstance(res, ox.QueryTriples):
                triples: list[ox.Triple] = []
                for n, t in enumerate(res):
                    if n >= self.options.max_results:
                        return triples, True
                    triples.append(t)
                return triples, False
            return bool(res), False  # ASK

        return self.pool.submit(work).result(timeout=self.options.timeout)


def _serialize_solutions(variables: list[ox.Variable], rows: list[ox.QuerySolution], mime: str) -> bytes:
    names = [v.value for v in variables]
    if mime == "application/sparql-results+json" or mime == "application/json":

        def term(t: Any) -> dict[str, str]:
            if isinstance(t, ox.NamedNode):
                return {"type": "uri", "value": t.value}
            if isinstance(t, ox.BlankNode):
                return {"type": "bnode", "value": t.value}
            out = {"type": "literal", "value": t.value}
            if t.language:
                out["xml:lang"] = t.language
            elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                out["datatype"] = t.datatype.value
            return out

        body = {
            "head": {"vars": names},
            "results": {"bindings": [{n: term(s[n]) for n in names if s[n] is not None} for s in rows]},
        }
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    if mime in ("application/sparql-results+xml", "application/xml"):
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f'<variable name="{html.escape(n)}"/>' for n in names]
        parts.append("</head><results>")
        for s in rows:
            parts.append("<result>")
            for n in names:
                t = s[n]
                if t is None:
                    continue
                if isinstance(t, ox.NamedNode):
                    inner = f"<uri>{html.escape(t.value)}</uri>"
                elif isinstance(t, ox.BlankNode):
                    inner = f"<bnode>{html.escape(t.value)}</bnode>"
                else:
                    attr = f' xml:lang="{t.language}"' if t.language else f' datatype="{html.escape(t.datatype.value)}"'
                    inner = f"<literal{attr}>{html.escape(t.value)}</literal>"
                parts.append(f'<binding name="{html.escape(n)}">{inner}</binding>')
            parts.append("</result>")
        parts.append("</results></sparql>")
        return "".join(parts).encode("utf-8")
    sep = "," if mime == "text/csv" else "\t"

    def cell(t: Any) -> str:
        if t is None:
            return ""
        if sep == "\t":
            return str(t)
        v = str(t.value)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v

    lines = [sep.join(names if sep == "," else [f"?{n}" for n in names])]
    lines += [sep.join(cell(s[n]) for n in names) for s in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _negotiate(accept: str, kind: str) -> str | None:
    table = _RESULT_TYPES if kind == "solutions" else _GRAPH_TYPES
    default = "application/sparql-results+json" if kind == "solutions" else "text/turtle"
    if not accept or ("*/*" in accept and not any(m in accept for m in table)):
        return default
    for part in accept.split(","):
        mime = part.split(";")[0].strip().lower()
        if mime in table:
            return mime
        if mime in ("*/*", "application/*", "text/*"):
            return default
    return None


def _page(examples: dict[str, str]) -> bytes:
    """The query page (``kg/data/query_page.html``) with the example queries in its menu."""
    from importlib import resources
    from string import Template

    opts = "".join(f'<option value="{html.escape(q)}">{html.escape(n)}</option>' for n, q in examples.items())
    first = html.escape(next(iter(examples.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    tmpl = Template(resources.files("kg").joinpath("data", "query_page.html").read_text(encoding="utf-8"))
    return tmpl.substitute(options=opts, first=first).encode("utf-8")


def _examples() -> dict[str, str]:
    out = {}
    for p in sorted(queries_dir().glob("*.rq")):
        out[p.stem] = p.read_text(encoding="utf-8")
    return out


def make_server(
    store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, options: ServeOptions | None = None
) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) over the store at ``store_path``."""
    endpoint = _Endpoint(open_store(store_path, read_only=True), options or ServeOptions())
    page = _page(_examples())

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/0.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet by default
            return

        def _send(
            self, status: int, body: bytes, mime: str = "text/plain; charset=utf-8", extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                self._send(200, page, "text/html; charset=utf-8")
                return
            if url.path != "/sparql":
                self._send(404, b"not found: use /sparql or /\n")
                return
            params = parse_qs(url.query)
            if "update" in params:
                self._send(403, b"this endpoint is read-only\n")
                return
            if "query" not in params:
                self._send(400, b"missing 'query' parameter\n")
                return
            self._answer(params["query"][0], params.get("format", [""])[0])

        def do_POST(self) -> None:
            url = urlparse(self.path)
            if url.path != "/sparql":
                self._send(404, b"not found\n")
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                self._send(400, b"bad Content-Length\n")
                return
            if length > endpoint.options.max_body:
                self._send(413, f"request body over {endpoint.options.max_body} bytes\n".encode())
                return
            body = self.rfile.read(length).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            fmt = parse_qs(url.query).get("format", [""])[0]
            if ctype == "application/sparql-update":
                self._send(403, b"this endpoint is read-only\n")
                return
            if ctype == "application/sparql-query":
                self._answer(body, fmt)
                return
            if ctype == "application/x-www-form-urlencoded":
                params = parse_qs(body)
                if "update" in params:
                    self._send(403, b"this endpoint is read-only\n")
                    return
                if "query" in params:
                    self._answer(params["query"][0], fmt)
                    return
            self._send(400, b"send a query as application/sparql-query or a form field 'query'\n")

        def _answer(self, query: str, fmt: str) -> None:
            if _UPDATE.search(query):
                self._send(403, b"this endpoint is read-only: SPARQL UPDATE is refused\n")
                return
            if _SERVICE.search(query):
                self._send(403, b"SERVICE (federated queries to other hosts) is not allowed here\n")
                return
            try:
                result, truncated = endpoint.run(query)
            except SyntaxError as exc:
                self._send(400, f"bad SPARQL: {exc}\n".encode())
                return
            except FutureTimeout:
                self._send(503, f"query took longer than {endpoint.options.timeout:g} s\n".encode())
                return
            except (RuntimeError, OSError, ValueError) as exc:
                self._send(400, f"query failed: {exc}\n".encode())
                return
            extra = {"X-KG-Truncated": "true"} if truncated else {}
            accept = _SHORT.get(fmt, "") or self.headers.get("Accept", "")
            if isinstance(result, bool):
                bmime = _negotiate(accept, "solutions") or "application/sparql-results+json"
                if bmime.endswith("json"):
                    body = json.dumps({"head": {}, "boolean": result}).encode()
                elif bmime.endswith("xml"):
                    body = (
                        f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                        f"<boolean>{str(result).lower()}</boolean></sparql>"
                    ).encode()
                else:
                    body = (str(result).lower() + "\n").encode()
                self._send(200, body, bmime)
                return
            if isinstance(result, tuple):
                smime = _negotiate(accept, "solutions")
                if smime is None:
                    self._send(406, b"acceptable: SPARQL JSON, XML, CSV, TSV\n")
                    return
                variables, rows = result
                self._send(200, _serialize_solutions(variables, rows, smime), smime + "; charset=utf-8", extra)
                return
            gmime = _negotiate(accept, "graph")
            if gmime is None:
                self._send(406, b"acceptable: text/turtle, application/n-triples\n")
                return
            out = ox.serialize(result, format=_GRAPH_TYPES[gmime]) or b""
            self._send(200, out, gmime + "; charset=utf-8", extra)

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


def serve(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    options: ServeOptions | None = None,
    ready: threading.Event | None = None,
) -> None:
    """Serve until interrupted."""
    server = make_server(store_path, host, port, options)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    finally:
        server.server_close()
