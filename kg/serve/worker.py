"""A query worker: a child process of the endpoint that opens the store read-only and answers one
query at a time, so a query past its time limit is stopped by killing its process.

Each worker caps its own address space (``RLIMIT_AS``), reads the query's parse tree (rdflib's SPARQL
parser) to refuse SERVICE and updates before Oxigraph runs anything, and writes the answer within
the row and byte caps. Messages on the pipe are JSON headers and raw bytes, never pickles.
"""

from __future__ import annotations

import json
import os
import resource
import signal
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from kg.ontology import PREFIXES
from kg.serve.negotiate import choose
from kg.serve.results import Written, write_boolean, write_graph, write_solutions

__all__ = ["Analysis", "analyse", "main", "warm"]

_KINDS = {"SelectQuery": "solutions", "AskQuery": "boolean", "ConstructQuery": "graph", "DescribeQuery": "graph"}


class Analysis:
    """What the parse tree of a request says: its kind, and whether it federates or names a dataset."""

    def __init__(self, kind: str | None, service: bool, dataset: bool, update: bool, error: str | None) -> None:
        self.kind, self.service, self.dataset, self.update, self.error = kind, service, dataset, update, error


def _names(node: Any, out: set[str], depth: int = 0) -> None:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 2000:
        raise RecursionError("query nested too deeply")
    if isinstance(node, CompValue):
        out.add(node.name)
        for v in node.values():
            _names(v, out, depth + 1)
    elif isinstance(node, list | tuple | ParseResults):
        for v in node:
            _names(v, out, depth + 1)
    elif isinstance(node, dict):
        for v in node.values():
            _names(v, out, depth + 1)


def analyse(text: str) -> Analysis:
    """Parse ``text`` as a SPARQL query (or, failing that, an update) and read its structure.

    >>> a = analyse('SELECT * WHERE { ?s ?p "Secret Service" }')
    >>> (a.kind, a.service)
    ('solutions', False)
    >>> analyse("ASK { { SELECT * { sErViCe <http://x/> { ?s ?p ?o } } } }").service
    True
    >>> analyse("DELETE WHERE { ?s ?p ?o }").update
    True
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except Exception as exc:  # pyparsing's errors, RecursionError on absurd nesting
        try:
            parseUpdate(text)
        except Exception:
            return Analysis(None, False, False, False, " ".join(str(exc).split())[:300])
        return Analysis(None, False, False, True, None)
    names: set[str] = set()
    try:
        _names(tree, names)
    except RecursionError as exc:
        return Analysis(None, False, False, False, str(exc))
    kind = next((k for n, k in _KINDS.items() if n in names), None)
    return Analysis(kind, "ServiceGraphPattern" in names, "DatasetClause" in names, False, None)


def _vm_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _cap_memory(budget: int) -> None:
    """Let the address space grow ``budget`` bytes past what the opened store already maps."""
    if budget <= 0:
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker killed by its cap dumps no core
        limit = _vm_bytes() + budget
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError):
        pass  # not Linux: no cap, the time limit still holds


def _dataset(job: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    default, named = job.get("default"), job.get("named")
    if default is None and named is None:
        # no dataset in the request: the query's own FROM/FROM NAMED, else every graph as the default graph
        return {} if analysis.dataset else {"use_default_graph_as_union": True}
    return {
        "default_graph": [ox.NamedNode(g) for g in default] if default else [ox.DefaultGraph()],
        "named_graphs": [ox.NamedNode(g) for g in named or []],
    }


def answer(store: ox.Store, job: dict[str, Any], max_rows: int, max_bytes: int) -> tuple[dict[str, Any], bytes]:
    """(header, body) of one request: the header holds status, type, truncation and a message."""

    def fail(status: int, message: str) -> tuple[dict[str, Any], bytes]:
        return {"status": status, "type": "text/plain; charset=utf-8"}, (message.rstrip() + "\n").encode()

    analysis = analyse(job["query"])
    if analysis.update:
        return fail(403, "this endpoint is read-only: SPARQL UPDATE is refused")
    if analysis.error is not None or analysis.kind is None:
        return fail(400, f"bad SPARQL: {analysis.error or 'not a query'}")
    if analysis.service:
        return fail(403, "SERVICE (federated queries to other hosts) is not allowed here")
    mime = choose(job.get("accept") or "", analysis.kind)
    if mime is None:
        offers = {
            "solutions": "SPARQL JSON, XML, CSV, TSV",
            "boolean": "SPARQL JSON, XML",
            "graph": "Turtle, N-Triples, JSON-LD, RDF/XML",
        }
        return fail(406, f"acceptable answers to this query: {offers[analysis.kind]}")
    try:
        res = store.query(job["query"], base_iri=job.get("base"), prefixes=PREFIXES, **_dataset(job, analysis))
        if isinstance(res, ox.QuerySolutions):
            out = write_solutions(res.variables, res, mime, max_rows, max_bytes)
        elif isinstance(res, ox.QueryTriples):
            out = write_graph(res, mime, max_rows, max_bytes)
        else:
            out = Written(write_boolean(bool(res), mime))
    except SyntaxError as exc:
        return fail(400, f"bad SPARQL: {exc}")
    except (ValueError, TypeError) as exc:
        return fail(400, f"query failed: {exc}")
    except MemoryError:
        return fail(503, "the query needed more memory than this endpoint allows (--max-query-memory)")
    except OSError as exc:
        return fail(500, f"cannot read the store: {exc}")
    charset = "; charset=utf-8" if mime.startswith("text/") or "json" in mime or "xml" in mime else ""
    return {"status": 200, "type": mime + charset, "truncated": out.truncated}, out.body


def warm() -> None:
    """Build rdflib's parser now (about 0.4 s): the forkserver calls this once, so forked workers start warm."""
    analyse("ASK {}")


def main(conn: Connection, store_path: str, max_rows: int, max_bytes: int, memory: int) -> None:
    """The worker's loop: one JSON job in, a JSON header and a body out, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the endpoint's to handle; it kills us
    try:
        store = ox.Store.read_only(store_path)
        warm()  # a no-op when forked warm; before the memory cap and the first timed query
    except OSError as exc:
        conn.send_bytes(json.dumps({"ready": False, "error": str(exc)}).encode())
        return
    _cap_memory(memory)
    conn.send_bytes(json.dumps({"ready": True, "pid": os.getpid()}).encode())
    while True:
        try:
            job = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            header, body = answer(store, job, max_rows, max_bytes)
        except MemoryError:
            header, body = {"status": 503, "type": "text/plain; charset=utf-8"}, b"query over the memory cap\n"
        conn.send_bytes(json.dumps(header).encode())
        conn.send_bytes(body)
