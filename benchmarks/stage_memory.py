"""Where the corpus-wide stage's memory goes: a cached build of N articles, stage by stage.

    python benchmarks/stage_memory.py [--data DIR] [--sizes 1000,3000] [--seed-store DIR] [--trace]

The corpus is made as ``benchmarks/scaling.py --cached`` makes it (the data set's real
extractions replicated under renamed file names through the extraction cache), then one build in
its own process: the peak resident memory (``VmHWM`` of ``/proc/self/status``, reset before each
stage through ``/proc/self/clear_refs``) of each stage the build's progress names (``write`` is
the article graphs and a ``--prune``, ``summary`` the summary graph, ``end`` the store's totals
and the final flush), and, with
``--trace``, what Python itself holds at the end of each stage (``tracemalloc``, slower), so the
rest of the resident memory is native (Oxigraph's RocksDB, the allocator). After extraction the
child also sizes the parts of the extractions held (article texts, mentions, facts, scorer
candidates; every object counted once).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaling import DEFAULT, ROOT, cached_corpus, seed_cache

_CHILD = r"""
import gc, json, sys, time, tracemalloc
trace = sys.argv[3] == "1"

def status(key):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0

def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass

def deep(objs, seen):
    # bytes of every object reachable from objs, each counted once (strings, tuples, dataclasses)
    total = 0
    stack = list(objs)
    while stack:
        o = stack.pop()
        if id(o) in seen or o is None or isinstance(o, (bool, int, float)) and -5 <= o <= 256:
            continue
        seen.add(id(o))
        total += sys.getsizeof(o)
        if isinstance(o, (tuple, list, set, frozenset)):
            stack.extend(o)
        elif isinstance(o, dict):
            stack.extend(o.keys()); stack.extend(o.values())
        elif hasattr(o, "__dataclass_fields__"):
            stack.extend(getattr(o, f) for f in o.__dataclass_fields__)
        elif hasattr(o, "__dict__"):
            stack.append(o.__dict__)
    return total

from kg.gazetteer import gazetteer
import kg.pipeline as pl
gazetteer()
if trace:
    tracemalloc.start()
rows = {}
t = {"stage": "start", "t": time.perf_counter()}
def close(stage):
    now = time.perf_counter()
    rows[t["stage"]] = {"seconds": round(now - t["t"], 2), "peak_rss_mb": round(status("VmHWM") / 2**20),
                        "rss_mb": round(status("VmRSS") / 2**20),
                        **({"python_mb": round(tracemalloc.get_traced_memory()[0] / 2**20)} if trace else {})}
    reset_peak()
    t["stage"], t["t"] = stage, time.perf_counter()

orig_extract = pl._extract_all
def extract_all(*a, **k):
    close("decode")
    out = orig_extract(*a, **k)
    close("sizing")
    parts = {}
    seen = set()
    for name in ("mentions", "facts", "same_as", "candidates", "article"):
        parts[name] = round(deep([getattr(ex, name) for ex in out], seen) / 2**20, 1)
    del seen
    rows["held extractions (MB)"] = parts
    close("resolve")
    return out
pl._extract_all = extract_all
import kg.infer
orig_infer = kg.infer.infer_facts
def infer_facts(*a, **k):
    close("infer")
    return orig_infer(*a, **k)
kg.infer.infer_facts = infer_facts
def progress(stage, n, total):
    if stage == "write" and n == 1:
        close("write")
orig_summary = pl.write_summary
def write_summary(*a, **k):
    close("summary")
    out = orig_summary(*a, **k)
    close("end")
    return out
pl.write_summary = write_summary
reset_peak()
report = pl.build_graph([sys.argv[1]], sys.argv[2], progress=progress)
close("done")
rows["timings"] = report.timings
rows["articles"] = len(report.articles)
rows["reused"] = report.reused
rows["quads"] = report.quads
print(json.dumps(rows))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", default="1000,3000")
    ap.add_argument("--seed-store", type=Path, default=None)
    ap.add_argument("--trace", action="store_true", help="also what Python holds (tracemalloc; slower)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeded = args.seed_store or Path(tmp) / "seed-store"
        if not args.seed_store or not any(Path(str(seeded) + "-cache").glob("*/*.json")):
            seed_cache(args.data, seeded)  # a --seed-store filled by an earlier run (or commit) is reused
        for n in (int(x) for x in args.sizes.split(",")):
            src, store = cached_corpus(args.data, n, Path(tmp) / f"m{n}", seeded)
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(src), str(store), "1" if args.trace else "0"],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            print(json.dumps({"articles": n, **row}), flush=True)
            if row["reused"] != row["articles"]:
                raise SystemExit(f"error: only {row['reused']} of {n} articles came from the cache")
            import shutil

            shutil.rmtree(Path(tmp) / f"m{n}")


if __name__ == "__main__":
    main()
