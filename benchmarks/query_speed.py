"""Latency of the queries/ library and cold start of the CLI.

    python benchmarks/query_speed.py [--store DIR] [--runs R]

Per query: the median of R runs through ``KnowledgeGraph.query`` (in process, store already
open). Cold start: the median wall time of ``kg query leaders`` and ``kg --help`` as fresh
processes (no spaCy is imported on that path).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.query import load_query, queries_dir


def _wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path(".kg"))
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    g = KnowledgeGraph.open(a.store)
    print(f"store {a.store}: {len(g)} quads")
    # A query with a ?name parameter asks about the best-connected entity.
    top = g.rows(load_query("most_connected"))[0]
    name = next(v for v in top.values() if isinstance(v, str) and not v.startswith("http"))
    for p in sorted(queries_dir().glob("*.rq")):
        text = load_query(p.stem)
        params = {"name": name} if "?name" in text else {}
        times = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            res = g.query(text, **params)
            rows = sum(1 for _ in res)
            times.append(time.perf_counter() - t0)
        print(f"{p.stem:20} {statistics.median(times) * 1000:8.1f} ms  ({rows} rows)")
    del g
    kg = [sys.executable, "-m", "kg"]
    print(f"cold start: kg query leaders {_wall([*kg, 'query', 'leaders', '--store', str(a.store)], a.runs):.2f} s, "
          f"kg --help {_wall([*kg, '--help'], a.runs):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
