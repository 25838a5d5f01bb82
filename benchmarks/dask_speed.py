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
process it started (the LocalCluster's workers included), and the speed-up over ``--jobs 1``;
for a Dask build also the CPU seconds of the client and of the workers, the wall seconds before
the workers could start on the first batch and after the last batch was back (the serial parts).
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

_START = time.monotonic()
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"


def run(args: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of one ``kg build`` (with its children), and from its timeline
    (:func:`timeline`): the CPU seconds of the build's process and of the processes it started
    (the workers), the wall seconds until the workers could start on the first batch (the
    cluster up, spaCy loaded in each worker, the first batch sent) and after the last batch came back."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--timeline", out.name, "--", *args], check=True, cwd=ROOT,
                       capture_output=True)
        wall = time.perf_counter() - t0
        line = json.loads(Path(out.name).read_text())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    got = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "cpu_client_s": line["cpu_client"],
           "cpu_workers_s": line["cpu_children"]}
    if "last_result" in line:
        ready = max(line["first_batch_sent"], line.get("workers_ready", 0.0))
        got.update({"before_first_task_s": round(ready, 2),
                    "after_last_result_s": round(line["exit"] - line["last_result"], 2)})
    return got


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timeline(out: str, args: list[str]) -> None:
    """``kg build ARGS`` in this process, its timeline (seconds since it started) written to
    ``out`` as JSON at exit: when the workers were ready (the plugin registered, or each one's
    spaCy-loading task done), the first batch sent, the last batch back, the exit; CPU seconds
    of this process and of its children."""
    import atexit

    sys.path.insert(0, str(ROOT))  # this checkout's kg, as `python -m kg` from ROOT would take
    import kg.cli
    import kg.distributed as kd

    t0 = time.time() - (time.monotonic() - _START)
    marks: dict[str, float] = {}

    def mark(k: str) -> None:
        marks[k] = round(time.time() - t0, 3)

    real_run, real_open = kd._run, getattr(kd, "open_cluster", None)

    def timed_run(client, *a, **k):  # type: ignore[no-untyped-def]
        mark("first_batch_sent")
        try:
            return real_run(client, *a, **k)
        finally:
            mark("last_result")

    kd._run = timed_run
    if real_open is not None:  # kg since session 12: the workers load spaCy in a task each

        def timed_open(*a, **k):  # type: ignore[no-untyped-def]
            cluster = real_open(*a, **k)
            for f in cluster.warming:
                f.add_done_callback(lambda _: mark("workers_ready"))
            return cluster

        kd.open_cluster = timed_open
    import distributed

    real_register = distributed.Client.register_plugin

    def timed_register(self, *a, **k):  # type: ignore[no-untyped-def]
        try:
            return real_register(self, *a, **k)
        finally:
            mark("workers_ready")

    distributed.Client.register_plugin = timed_register

    def write() -> None:
        mark("exit")
        c = resource.getrusage(resource.RUSAGE_CHILDREN)
        Path(out).write_text(json.dumps({**marks, "cpu_client": round(_cpu(), 2),
                                         "cpu_children": round(c.ru_utime + c.ru_stime, 2)}))

    atexit.register(write)
    sys.argv = ["kg", "build", *args]
    kg.cli.main()


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
    if len(sys.argv) > 3 and sys.argv[1] == "--timeline" and sys.argv[3] == "--":  # one build, timed (run)
        timeline(sys.argv[2], sys.argv[4:])
        return
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
