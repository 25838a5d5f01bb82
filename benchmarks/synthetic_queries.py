"""The queries/ library on a store of 1,000,000 facts shaped like ours: pyoxigraph embedded, an
Oxigraph server and rdflib's memory store, in the same run, as ratios.

    python benchmarks/synthetic_queries.py [--facts 1000000] [--runs 5] [--source DIR] [--big DIR]

Shape: the store a real build makes. The 500 articles of ``../shared/eval/redocred-dev`` are
built (or ``--source`` names a built store), and its N-Quads are copied until the store holds
``--facts`` statements: each copy renames every entity, article and statement IRI and every
label, alias and name key (so copies are distinct people, places and articles) except
countries, which all copies share, as real articles do. Relation mix, provenance (sentence,
offsets, rule, confidence), aliases and inferred facts are those of the real build. ``--big``
keeps the synthetic store (built once, reused by later runs).

Measured, each the median of ``--runs``, on the big store and on the 500-article store:
- entity-centred questions, each with its parameter: a real entity of the source (copy 0 of the
  big store) picked by rule, never a country: ``entity`` (the best-connected entity), ``family``
  (the person with most family ties), ``leaders`` and ``evidence`` (the organisation with most
  facts), ``membership`` (the organisation with most members), ``event_places`` (the place with
  most events), ``kg path`` (that entity to the first entity three hops away), and resolving the
  name of the country most articles name (what ``--param name=…`` does first). The time
  includes resolving the name through the name index, as ``kg query --param`` does;
- the whole-graph library queries: the time to their first 100 rows (``kg query X --limit 100``).
Engines: ``KnowledgeGraph`` on the store (pyoxigraph embedded); the same calls through an
``oxigraph serve-read-only`` server on 127.0.0.1 (the PyPI ``oxigraph`` binary, union default
graph), every query an HTTP request; rdflib's in-memory ``Dataset`` (union default graph) on the
500-article store only (it cannot hold the big one in useful time). Every engine runs the same
code (``KnowledgeGraph`` with its query runner swapped), each case in a child process stopped
after ``--timeout`` seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import multiprocessing as mp
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.ontology import PREFIXES
from kg.query import _header, bind_params, queries_dir, query_spec
from kg.query_page import page
from kg.rdf import DEFAULT_BASE
from kg.rdf_summary import summary_graph, write_summary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"
KG = PREFIXES["kg"]
_NAMES = ("rdf-schema#label>", "core#altLabel>", "ontology#nameKey>")  # renamed per copy (keys as labels)
_IRI = re.compile(r"<(https://kg\.example\.org/(?:resource|doc|statement)/[^>]*)>")


def source_store(args: argparse.Namespace, tmp: Path) -> Path:
    if args.source is not None:
        return Path(args.source)
    from kg.pipeline import build_graph

    store = tmp / "source"
    t0 = time.perf_counter()
    build_graph([args.data], store, use_cache=False)
    print(f"built the 500-article source store in {time.perf_counter() - t0:.1f} s", flush=True)
    return store


def replicate(nquads: list[str], shared: set[str], facts: int, out: Path) -> tuple[int, int]:
    """Write copies of ``nquads`` to ``out`` until ``facts`` statements; returns (statements, quads)."""
    per_copy = sum(1 for q in nquads if f"<{KG}Statement>" in q and "22-rdf-syntax-ns#type" in q)
    copies = max(1, -(-facts // per_copy))
    quads = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            def rename(m: re.Match[str], k: int = k) -> str:
                iri = m.group(1)
                return m.group(0) if iri in shared or k == 0 else f"<{iri}__{k}>"

            for q in nquads:
                line = _IRI.sub(rename, q)
                head = _IRI.match(q)
                if k and any(p in q for p in _NAMES) and head and head.group(1) not in shared:
                    line = re.sub(r'"( <[^>]+> \.)$', rf' {k}"\1', line)
                fh.write(line + "\n")
                quads += 1
    return copies * per_copy, quads


def _median_ms(run: Any, runs: int) -> tuple[float, int, float]:
    """Median wall ms, rows, median CPU ms of this process (the query's own work when embedded,
    whatever the machine's load)."""
    times, cpu, rows = [], [], 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        rows = run()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return round(statistics.median(times) * 1000, 1), rows, round(statistics.median(cpu) * 1000, 1)


class ServerGraph(KnowledgeGraph):
    """A ``KnowledgeGraph`` whose queries go to a SPARQL endpoint over HTTP."""

    def __init__(self, url: str) -> None:
        super().__init__(ox.Store(), url)
        self.url = url
        self.prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

    def _run(self, sparql: str) -> Any:
        req = urllib.request.Request(
            self.url,
            data=(self.prologue + sparql).encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(req, timeout=600) as resp:
            return ox.parse_query_results(resp.read(), format=ox.QueryResultsFormat.JSON)


class RdflibGraph(KnowledgeGraph):
    """A ``KnowledgeGraph`` over rdflib's in-memory ``Dataset`` (union default graph)."""

    def __init__(self, nq: Path) -> None:
        from rdflib import Dataset

        super().__init__(ox.Store(), nq)
        self.ds = Dataset(default_union=True)
        self.ds.parse(str(nq), format="nquads")

    def _run(self, sparql: str) -> Any:
        res = self.ds.query(sparql, initNs=PREFIXES)
        return ox.parse_query_results(res.serialize(format="json"), format=ox.QueryResultsFormat.JSON)


def _top(g: KnowledgeGraph, where: str) -> str:
    """The label of the entity ``where`` counts most (ties: the smallest IRI), never a country."""
    q = f"""SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {where}
            FILTER NOT EXISTS {{ ?e a kg:Country }} }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 50"""
    for row in g.rows(q):  # the first whose label names it alone (a name the user can type)
        label = str(g.rows("SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 1", e=ox.NamedNode(row["e"]))[0]["l"])
        with contextlib.suppress(KgError):
            if g.resolve(label) == row["e"]:
                return label
    raise KgError(f"no entity fits {where}")


def questions(src: KnowledgeGraph) -> list[tuple[str, str, dict[str, str]]]:
    """(case, query name or 'path', parameters) of the entity-centred questions, by rule."""
    import networkx as nx

    orgs = "?e a ?t . ?t rdfs:subClassOf* kg:Organization ."
    best = _top(src, "?st a kg:Statement ; rdf:subject|rdf:object ?e . ?e rdfs:label ?l .")
    person = _top(src, "VALUES ?p { kg:child kg:father kg:mother kg:sibling kg:spouse kg:relative } "
                       "?st rdf:predicate ?p ; rdf:subject ?e .")
    org = _top(src, f"?st a kg:Statement ; rdf:subject ?e . {orgs}")
    led = _top(src, "VALUES ?p { kg:leader kg:foundedBy } ?st rdf:predicate ?p ; rdf:subject ?e .")
    movement = _top(src, "VALUES ?p { kg:memberOf kg:memberOfParty } ?st rdf:predicate ?p ; rdf:object ?e .")
    place = _top(src, "?st rdf:predicate kg:location ; rdf:object ?e .")
    nxg = src.to_networkx()
    simple = nx.Graph(nxg.to_undirected())
    start = src.resolve(best)
    far = sorted(n for n, d in nx.single_source_shortest_path_length(simple, start, cutoff=3).items() if d == 3)
    label = nx.get_node_attributes(nxg, "label")
    other = next(label[n] for n in far if src.resolve(label[n]) == n)
    widest = src.rows("""SELECT ?l (COUNT(DISTINCT ?g) AS ?n) WHERE { ?e a kg:Country . GRAPH ?g { ?e rdfs:label ?l } }
                         GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1""")
    return [
        ("the name of the country most articles name", "resolve", {"name": str(widest[0]["l"])}),
        ("entity", "entity", {"name": best}),
        ("family", "family", {"who": person}),
        ("leaders of one organisation", "leaders", {"org": led}),
        ("facts of one organisation", "evidence", {"s": org}),
        ("members of one movement", "membership", {"org": movement}),
        ("events in one place", "event_places", {"at": place}),
        ("kg path", "path", {"a": best, "b": other}),
    ]


def _ask(g: KnowledgeGraph, query: str, params: dict[str, str]) -> int:
    """One question as ``kg query --param`` / ``kg path`` asks it: names resolved, then the query."""
    if query == "path":
        return len(g.shortest_path(params["a"], params["b"]))
    if query == "resolve":
        return len({g.resolve(params["name"])})
    spec = query_spec(query)
    return sum(1 for _ in g.query(spec.text, **bind_params(g, spec, tuple(f"{k}={v}" for k, v in params.items()))))


def _first(g: KnowledgeGraph, query: str, n: int = 100) -> int:
    """The first ``n`` rows of a whole-graph query as ``kg query X --limit n`` gets them: from its
    keys when its header says how (:mod:`kg.query_page`), else with LIMIT (so a server stops there too)."""
    spec = query_spec(query) if "/" not in query else _header(Path(query).read_text(encoding="utf-8"), query)
    paged = page(g, spec, n)
    if paged is not None:
        return len(paged.solutions)
    return sum(1 for _ in itertools.islice(g.query(f"{spec.text}\nLIMIT {n}"), n))


def _child(make: Any, kind: str, query: str, params: dict[str, str], runs: int, conn: Any) -> None:
    g = make()
    try:
        conn.send(_median_ms(lambda: _ask(g, query, params) if kind == "q" else _first(g, query), runs))
    except Exception as exc:  # an engine's own failure (rdflib has no LATERAL), recorded and passed
        conn.send((f"error: {type(exc).__name__}", 0, 0.0))


def run_cases(make: Any, cases: list[tuple[str, str, str, dict[str, str]]], runs: int, timeout: float,
              engine: str) -> dict[str, Any]:
    """Median ms of each case with the graph ``make()`` gives, each in a child process."""
    out: dict[str, Any] = {}
    for case, kind, query, params in cases:
        parent, child = mp.Pipe()
        proc = mp.get_context("fork").Process(target=_child, args=(make, kind, query, params, runs, child))
        proc.start()
        if parent.poll(timeout):
            ms, rows, cpu = parent.recv()
            out[case] = ms
            shown = f"{ms:10.1f} ms  ({rows} rows, {cpu:.1f} ms CPU)" if isinstance(ms, float) else ms
        else:
            out[case] = None
            shown = f"did not finish in {timeout:.0f} s"
        print(f"  {engine:9} {case:30} {shown}", flush=True)
        proc.kill()
        proc.join()
    return out


@contextlib.contextmanager
def oxigraph_server(store: Path) -> Iterator[str]:
    """``oxigraph serve-read-only`` on ``store`` at a free 127.0.0.1 port; yields the query URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    binary = Path(sys.executable).parent / "oxigraph"
    cmd = [str(binary), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
           "--union-default-graph"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(600):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def ratio(a: Any, b: Any) -> str:
    return f"{a / b:.1f}x" if isinstance(a, float) and isinstance(b, float) and b else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--source", type=Path, default=None, help="A built store to copy instead of building one.")
    ap.add_argument("--timeout", type=float, default=120.0, help="Seconds a case may take (all its runs).")
    ap.add_argument("--big", type=Path, default=None, help="Reuse (or keep) the synthetic store in this folder.")
    ap.add_argument("--only", choices=["big", "source"], default=None, help="Measure one of the two stores.")
    ap.add_argument("--params", default=None, help="The parameters JSON an earlier run printed (skips picking).")
    ap.add_argument("--engines", default="embedded,server,rdflib", help="Comma-separated: embedded, server, rdflib.")
    ap.add_argument("--cases", default=None, help="Only the cases whose name matches this regular expression.")
    ap.add_argument("--before", type=Path, default=None,
                    help="An earlier library (a folder of .rq): its whole-graph listings, in the same run.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src_dir = source_store(args, tmp)
        src = KnowledgeGraph.open(src_dir)
        summary = f"<{summary_graph(DEFAULT_BASE)}> ."
        nquads = [q for q in src.store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
                  if not q.endswith(summary)]  # the copies get a summary of their own, counted after the load
        src_nq = tmp / "source.nq"
        src_nq.write_text("\n".join(nquads) + "\n", encoding="utf-8")
        shared = {r["e"] for r in src.rows("SELECT DISTINCT ?e WHERE { ?e a kg:Country }")}
        print(f"source: {len(nquads)} quads", flush=True)
        results: dict[str, Any] = {"load": {}}
        big_dir = args.big or tmp / "big"
        if args.only != "source" and not (big_dir / "CURRENT").exists():
            big_nq = tmp / "big.nq"
            t0 = time.perf_counter()
            n_facts, n_quads = replicate(nquads, shared, args.facts, big_nq)
            print(f"synthetic: {n_facts} statements, {n_quads} quads written in {time.perf_counter() - t0:.1f} s")
            big = ox.Store(str(big_dir))
            t0 = time.perf_counter()
            big.bulk_load(path=str(big_nq), format=ox.RdfFormat.N_QUADS)
            big.flush()
            print(f"oxigraph bulk load: {time.perf_counter() - t0:.1f} s", flush=True)
            results["load"].update(statements=n_facts, quads=n_quads, oxigraph_s=round(time.perf_counter() - t0, 1))
            t0 = time.perf_counter()
            written = write_summary(big, DEFAULT_BASE)  # what a build of this store would write last
            big.flush()
            print(f"summary: {written} quads in {time.perf_counter() - t0:.1f} s", flush=True)
            results["load"].update(summary_quads=written, summary_s=round(time.perf_counter() - t0, 1))
            del big
            big_nq.unlink()
        asked = [tuple(a) for a in json.loads(args.params)] if args.params else questions(src)
        print("parameters: " + json.dumps(asked), flush=True)
        listings = [q for q in sorted(p.stem for p in queries_dir().glob("*.rq")) if not query_spec(q).params
                    or all(not p.required for p in query_spec(q).params)]
        cases = [(c, "q", q, p) for c, q, p in asked] + [(f"{q} (first 100)", "l", q, {}) for q in listings]
        if args.before:
            cases += [(f"{q} (first 100, before)", "l", str(args.before / f"{q}.rq"), {}) for q in listings
                      if (args.before / f"{q}.rq").is_file()]
        if args.cases:
            cases = [c for c in cases if re.search(args.cases, c[0])]
        engines = set(args.engines.split(","))
        if not bool(src.query("ASK { ?e kg:connections ?n }")):  # a source built before the summary
            del src
            rw = ox.Store(str(src_dir))
            print(f"source: summary of {write_summary(rw, DEFAULT_BASE)} quads written", flush=True)
            rw.flush()
            del rw
            src = KnowledgeGraph.open(src_dir)
        src.store = ox.Store()  # the children open their own
        del src
        stores = [("big", big_dir), ("source", src_dir)]
        for label, where in stores:
            if args.only and args.only != label:
                continue
            print(f"{label} store {where}:", flush=True)
            part: dict[str, Any] = {}
            part["embedded"] = run_cases(lambda w=where: KnowledgeGraph.open(w), cases, args.runs, args.timeout,
                                         "embedded")
            part["server"] = {}
            if "server" in engines:
                with oxigraph_server(where) as url:
                    part["server"] = run_cases(lambda u=url: ServerGraph(u), cases, args.runs, args.timeout, "server")
            if label == "source" and "rdflib" in engines:
                t0 = time.perf_counter()
                rd = RdflibGraph(src_nq)  # loaded once; each case's child gets it by fork
                results["load"]["rdflib_500_s"] = round(time.perf_counter() - t0, 2)
                part["rdflib"] = run_cases(lambda rd=rd: rd, cases, args.runs, args.timeout, "rdflib")
            results[label] = part
            for case, *_ in cases:
                e, sv = part["embedded"].get(case), part["server"].get(case)
                rd = part.get("rdflib", {}).get(case)
                print(f"  {case:30} embedded {e} ms  server {sv} ms ({ratio(sv, e)})"
                      + (f"  rdflib {rd} ms ({ratio(rd, e)})" if label == "source" else ""), flush=True)
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
