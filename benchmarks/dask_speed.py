"""`kg build --dask local:N` against `kg build --jobs 1`, and the Dask batch size.

    python benchmarks/dask_speed.py [--data DIR] [--articles 100] [--workers 2] [--batches auto]
    python benchmarks/dask_speed.py --costs [--articles 40]

``--costs`` measures what each extraction costs the client once a worker has made it (no
cluster): its pickled size and the milliseconds to pickle and unpickle it, with and without the
scorer's candidates, and the milliseconds to encode its cache entry (what the client did for
every article until the workers took it over).

Each build is `kg build` in its own process on the first ``--articles`` files of the data set
(Re-DocRED dev by default), into a fresh store without the extraction cache (``--no-cache``,
``--no-validate``). Prints per build the wall time and the CPU seconds of the build and every
process it started (the LocalCluster's workers included), and the speed-up over ``--jobs 1``.
On a machine other sessions load the wall times move with their load: compare the CPU times too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"


def run(args: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of one ``kg build`` (with its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", *args], check=True, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}


def costs(data: Path, n: int) -> None:
    """Per-article transfer and cache-encoding costs of real extractions (see the docstring)."""
    import pickle
    from dataclasses import replace

    from kg.annotate import _extract_chunk
    from kg.cache import encode_extraction
    from kg.documents import read_article
    from kg.score.candidates import Candidates

    arts = [read_article(f) for f in sorted(data.glob("*.txt"))[:n]]
    exs = _extract_chunk(arts)
    for name, xs in (("with candidates", exs), ("without", [replace(e, candidates=Candidates()) for e in exs])):
        t0 = time.process_time()
        blobs = [pickle.dumps(e) for e in xs]
        t1 = time.process_time()
        for b in blobs:
            pickle.loads(b)
        t2 = time.process_time()
        print(json.dumps({"extraction": name, "kb_per_article": round(sum(map(len, blobs)) / len(xs) / 1024, 1),
                          "pickle_ms": round(1000 * (t1 - t0) / len(xs), 2),
                          "unpickle_ms": round(1000 * (t2 - t1) / len(xs), 2)}), flush=True)
    t0 = time.process_time()
    for e in exs:
        encode_extraction(e)
    print(json.dumps({"cache_encode_ms": round(1000 * (time.process_time() - t0) / len(exs), 2)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batches", default="auto",
                    help="batch sizes to compare, e.g. 2,8,32,auto (auto: kg's default, kg.distributed.auto_batch); "
                         "a size may repeat, each build has a fresh store")
    ap.add_argument("--costs", action="store_true", help="per-article transfer and encoding costs, no cluster")
    args = ap.parse_args()
    if args.costs:
        costs(args.data, args.articles)
        return
    print(f"load average before: {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        src.mkdir()
        for f in sorted(args.data.glob("*.txt"))[: args.articles]:
            shutil.copy(f, src / f.name)
        from kg.distributed import auto_batch

        common = [str(src), "--no-cache", "--no-validate"]
        base = run([*common, "--store", f"{tmp}/s1", "-o", f"{tmp}/jobs1.nq", "--jobs", "1"])
        print(json.dumps({"build": "--jobs 1", **base}), flush=True)
        for i, b in enumerate(x.strip() for x in args.batches.split(",")):
            out = f"{tmp}/dask{i}.nq"
            size = [] if b == "auto" else ["--dask-batch", str(int(b))]
            r = run([*common, "--store", f"{tmp}/d{i}", "-o", out, "--dask", f"local:{args.workers}", *size])
            same = Path(out).read_bytes() == Path(f"{tmp}/jobs1.nq").read_bytes()
            label = " ".join(size) or f"(auto: {auto_batch(args.articles, args.workers)} a task)"
            print(json.dumps({"build": f"--dask local:{args.workers} {label}", **r,
                              "speedup": round(base["wall_s"] / r["wall_s"], 2), "same_nquads": same}), flush=True)
    print(f"load average after: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
