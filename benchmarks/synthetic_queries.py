"""The queries/ library on a store of 1,000,000 facts shaped like ours, and Oxigraph against rdflib.

    python benchmarks/synthetic_queries.py [--facts 1000000] [--runs 3] [--source DIR]

Shape: the store a real build makes. The 500 articles of ``../shared/eval/redocred-dev`` are
built (or ``--source`` names a built store), and its N-Quads are copied until the store holds
``--facts`` statements: each copy renames every entity, article and statement IRI and every
label (so copies are distinct people, places and articles) except countries, which all copies
share, as real articles do. Relation mix, provenance (sentence, offsets, rule, confidence),
aliases and inferred facts are those of the real build.

Prints: bulk-load time through Oxigraph's own parser; each query's latency on the big store
(``--big-runs``, one by default; a query still running after ``--timeout`` is reported so);
then, on the 500-article store itself (rdflib's in-memory store cannot hold the big one in
reasonable time), the load time and each query's median latency in Oxigraph and in rdflib's
``Dataset`` (union default graph), as a ratio. A query rdflib has not finished in
``--rdflib-timeout`` seconds is reported as such (run in a child process, so the benchmark
always ends).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.graph import KnowledgeGraph, bind_values
from kg.ontology import PREFIXES
from kg.query import load_query, queries_dir

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


def median_ms(run: Any, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 1), rows


def suite(source: KnowledgeGraph) -> dict[str, str]:
    """Each query of the library, with its parameter bound to the source store's best-connected
    entity (whose name copy 0 of the synthetic store keeps)."""
    top = source.rows(load_query("most_connected"))[0]
    label = next(v for k, v in top.items() if isinstance(v, str) and not v.startswith("http"))
    out = {}
    for p in sorted(queries_dir().glob("*.rq")):
        text = load_query(p.stem)
        out[p.stem] = bind_values(text, {"name": label}) if re.search(r"\?name\b", text) else text
    return out


def _ox_child(store: str, text: str, runs: int, conn: Any) -> None:
    kg = KnowledgeGraph.open(store)
    conn.send(median_ms(lambda: sum(1 for _ in kg.query(text)), runs))


def run_suite(store: Path, queries: dict[str, str], runs: int, timeout: float) -> dict[str, float | None]:
    """Median ms of each query on ``store``, each in a child process stopped after ``timeout`` s."""
    out: dict[str, float | None] = {}
    for name, text in queries.items():
        parent, child = mp.Pipe()
        proc = mp.get_context("fork").Process(target=_ox_child, args=(str(store), text, runs, child))
        proc.start()
        if parent.poll(timeout):
            ms, rows = parent.recv()
            out[name] = ms
            print(f"  {name:18} {ms:10.1f} ms  ({rows} rows)", flush=True)
        else:
            out[name] = None
            print(f"  {name:18} did not finish in {timeout:.0f} s", flush=True)
        proc.kill()
        proc.join()
    return out


def _rdflib_child(nq: str, queries: dict[str, str], runs: int, conn: Any) -> None:
    from rdflib import Dataset

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    conn.send(("load", round(time.perf_counter() - t0, 2)))
    for name, text in queries.items():
        try:
            ms, _ = median_ms(lambda text=text: len(list(ds.query(text, initNs=PREFIXES))), runs)
        except Exception as exc:  # rdflib's own failures (e.g. an unbound variable in GROUP_CONCAT)
            conn.send((name, f"error: {type(exc).__name__}"))
            continue
        conn.send((name, ms))


def rdflib_times(nq: Path, queries: dict[str, str], runs: int, timeout: float) -> dict[str, Any]:
    parent, child = mp.Pipe()
    proc = mp.get_context("fork").Process(target=_rdflib_child, args=(str(nq), queries, runs, child))
    proc.start()
    out: dict[str, Any] = {}
    for name in ["load", *queries]:
        if not parent.poll(timeout):
            out[name] = None
            break
        key, value = parent.recv()
        out[key] = value
    proc.kill()
    proc.join()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--source", type=Path, default=None, help="A built store to copy instead of building one.")
    ap.add_argument("--rdflib-timeout", type=float, default=300.0)
    ap.add_argument("--timeout", type=float, default=600.0, help="Seconds a query may take on the big store.")
    ap.add_argument("--big-runs", type=int, default=1, help="Runs per query on the big store (median).")
    ap.add_argument("--big", type=Path, default=None, help="Reuse (or keep) the synthetic store in this folder.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = KnowledgeGraph.open(source_store(args, tmp))
        nquads = src.store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
        src_nq = tmp / "source.nq"
        src_nq.write_text("\n".join(nquads) + "\n", encoding="utf-8")
        shared = {r["e"] for r in src.rows("SELECT DISTINCT ?e WHERE { ?e a kg:Country }")}
        statements = int(src.rows("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }")[0]["n"])
        print(f"source: {len(nquads)} quads, {statements} statements", flush=True)

        big_dir = args.big or tmp / "big"
        results: dict[str, Any] = {"big": {}, "source": {}}
        if not (big_dir / "CURRENT").exists():
            big_nq = tmp / "big.nq"
            t0 = time.perf_counter()
            n_facts, n_quads = replicate(nquads, shared, args.facts, big_nq)
            print(f"synthetic: {n_facts} statements, {n_quads} quads written in {time.perf_counter() - t0:.1f} s")
            big = ox.Store(str(big_dir))
            t0 = time.perf_counter()
            big.bulk_load(path=str(big_nq), format=ox.RdfFormat.N_QUADS)
            big.flush()
            print(f"oxigraph bulk load: {time.perf_counter() - t0:.1f} s", flush=True)
            results.update(statements=n_facts, quads=n_quads, load_s=round(time.perf_counter() - t0, 1))
            del big
            big_nq.unlink()
        results["big"] = run_suite(big_dir, suite(src), args.big_runs, args.timeout)

        print("500-article store: Oxigraph vs rdflib (in memory)", flush=True)
        queries = suite(src)
        t0 = time.perf_counter()
        mem = ox.Store()
        mem.bulk_load(path=str(src_nq), format=ox.RdfFormat.N_QUADS)
        ox_load = time.perf_counter() - t0
        rd = rdflib_times(src_nq, queries, args.runs, args.rdflib_timeout)
        print(f"  load: oxigraph {ox_load:.2f} s, rdflib {rd.get('load')} s", flush=True)
        for name, text in queries.items():
            ms, _ = median_ms(lambda text=text: sum(1 for _ in src.query(text)), args.runs)
            theirs = rd.get(name)
            if isinstance(theirs, str):
                ratio, theirs = f"rdflib {theirs}", None
            else:
                ratio = f"{theirs / ms:.0f}x" if theirs else "rdflib did not finish"
            results["source"][name] = {"oxigraph_ms": ms, "rdflib_ms": theirs}
            shown = theirs if theirs else "-"
            print(f"  {name:18} oxigraph {ms:8.1f} ms   rdflib {shown:>10} ms   {ratio}", flush=True)
        results["load"] = {"oxigraph_s": round(ox_load, 2), "rdflib_s": rd.get("load")}
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
