"""Build throughput against plain spaCy, peak memory, incremental rebuild time, SHACL check.

    python benchmarks/throughput.py [--data DIR] [--limit N] [--runs R] [--jobs J] [--against REV]

For the same articles and the same model in one run: words per second of plain ``nlp.pipe`` over
the article blocks (the pipeline as its package loads it, ``kg.nlp.load_model``: its objects left
to the garbage collector, as ``spacy.load`` leaves them), of the same ``nlp.pipe`` with the pipeline
kg parses with (``kg.nlp.load_nlp``: the model frozen out of the collector's reach, and
``kg.nlp_fast``'s exact stand-ins for the attribute ruler's matching and the lemmatizer's look-ups),
and of ``kg build`` (read, NLP,
extraction, resolution, inference, store, no dump); the ratio between them; the peak resident
memory of the build (``resource.getrusage``); the time of a rebuild with every article unchanged
(the extraction cache); and the time of the SHACL validation that ``kg build`` runs after
building (``kg.validate.validate_store`` on the built store; its libraries imported before the
clock starts). Medians over ``--runs``. ``--against REV`` also times the build and the
validation of the code at git revision ``REV`` (exported with ``git archive`` into a temporary
folder, run with the same Python and packages), interleaved with the others in every run, so
before and after are measured under the same load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"

_CHILD = r"""
import json, sys, time, resource, types
from pathlib import Path
mode, data, store, limit, jobs = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
files = sorted(data.glob("*.txt"))[: limit or None]
def cpu():  # CPU seconds of this process and its workers
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(r.ru_utime + r.ru_stime for r in used)
stages = {}
t0 = time.perf_counter()
if mode in ("spacy", "parse"):
    from kg.documents import read_article
    from kg.nlp import load_model, load_nlp
    # plain spaCy as its package loads it; "parse": the pipeline kg parses with (kg.nlp_fast)
    nlp = load_model() if mode == "spacy" else load_nlp()
    t0 = time.perf_counter()
    c0 = cpu()
    texts = [b.text for f in files for b in read_article(f).blocks]
    for _ in nlp.pipe(texts, batch_size=64, n_process=jobs):
        pass
elif mode != "validate":
    import kg.pipeline
    from kg.nlp import load_nlp
    load_nlp()
    # the build's own stage clock reads CPU seconds (of every thread) instead of wall time
    kg.pipeline.time = types.SimpleNamespace(perf_counter=time.process_time)
    t0 = time.perf_counter()
    c0 = cpu()
    stages = kg.pipeline.build_graph(files, store, [], jobs=jobs, use_cache=(mode == "rebuild")).timings
if mode == "validate":
    import pyshacl, rdflib  # noqa: F401
    from kg.validate import validate_store
    t0 = time.perf_counter()
    c0 = cpu()
    validate_store(store)
elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "cpu": cpu() - c0, "stages": stages, "peak_mb": peak}))
"""


def _run(mode: str, data: Path, store: str, limit: int, jobs: int, code: Path = ROOT) -> dict[str, Any]:
    """One measurement in a fresh process running the kg of ``code`` (a checkout)."""
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(data), store, str(limit), str(jobs)],
                         capture_output=True, text=True, check=True, cwd=code)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _export(rev: str, into: Path) -> Path:
    """The tree of git revision ``rev`` of this repository, written under ``into``."""
    into.mkdir()
    tar = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=tar, check=True)
    return into


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--against", metavar="REV", help="also time the build and validation of this git revision")
    a = ap.parse_args()
    from kg.documents import read_article

    files = sorted(a.data.glob("*.txt"))[: a.limit or None]
    words = sum(len(b.text.split()) for f in files for b in read_article(f).blocks)
    keys = ("spacy", "parse", "build", "rebuild", "validate", "old", "old_validate")
    t: dict[str, list[float]] = {k: [] for k in keys}
    cpu: dict[str, list[float]] = {k: [] for k in keys}
    stages: dict[str, list[dict[str, float]]] = {"build": [], "old": [], "rebuild": []}
    peak = []

    def run(key: str, mode: str, store: str, code: Path = ROOT) -> dict[str, Any]:
        r = _run(mode, a.data, store, a.limit, a.jobs, code)
        t[key].append(r["seconds"])
        cpu[key].append(r["cpu"])
        if key in stages:
            stages[key].append(r["stages"])
        return r

    with tempfile.TemporaryDirectory() as keep:
        old = _export(a.against, Path(keep) / "old") if a.against else None
        for _ in range(a.runs):
            with tempfile.TemporaryDirectory() as tmp:
                run("spacy", "spacy", tmp + "/s0")
                run("parse", "parse", tmp + "/s0")
                peak.append(run("build", "build", tmp + "/s1")["peak_mb"])
                run("validate", "validate", tmp + "/s1")
                if old is not None:
                    run("old", "build", tmp + "/s2", old)
                    run("old_validate", "validate", tmp + "/s2", old)
                _run("rebuild", a.data, tmp + "/s1", a.limit, a.jobs)  # fills the cache
                run("rebuild", "rebuild", tmp + "/s1")
    m = {k: statistics.median(v) for k, v in t.items() if v}
    c = {k: statistics.median(v) for k, v in cpu.items() if v}
    sp, bd = m["spacy"], m["build"]
    print(f"articles {len(files)}, words {words}, jobs {a.jobs}, runs {a.runs} (medians; wall s, CPU s)")
    print(f"plain spaCy nlp.pipe : {words / sp:8.0f} words/s ({sp:.1f} s; CPU {c['spacy']:.1f} s)")
    kp = m["parse"]
    print(f"kg's parse alone     : {words / kp:8.0f} words/s ({kp:.1f} s; CPU {c['parse']:.1f} s)  ratio {sp / kp:.2f}"
          " (the same pipe with kg.nlp_fast's exact stand-ins)")
    print(f"kg build             : {words / bd:8.0f} words/s ({bd:.1f} s; CPU {c['build']:.1f} s)  ratio {sp / bd:.2f}"
          f" (CPU ratio {c['spacy'] / c['build']:.2f}; to kg's parse alone {kp / bd:.2f})")
    print(f"kg rebuild unchanged : {m['rebuild']:.1f} s (CPU {c['rebuild']:.1f} s)")
    v = m["validate"]
    print(f"SHACL check of build : {v:.1f} s (CPU {c['validate']:.1f} s; build + check {bd + v:.1f} s)")
    if old is not None:
        ob, ov = m["old"], m["old_validate"]
        print(f"kg build at {a.against:<9}: {words / ob:8.0f} words/s ({ob:.1f} s; CPU {c['old']:.1f} s)"
              f"  ratio {sp / ob:.2f} (CPU ratio {c['spacy'] / c['old']:.2f})")
        cv = c["old_validate"]
        print(f"SHACL check at {a.against:<6}: {ov:.1f} s (CPU {cv:.1f} s; build + check {ob + ov:.1f} s)")
    print(f"peak memory of build : {max(peak):.0f} MB")
    print("CPU seconds per stage of the build (medians):")
    for key, label in (("build", "this tree"), ("old", a.against), ("rebuild", "rebuild unchanged")):
        if stages[key]:
            names = list(stages[key][0])
            row = "  ".join(f"{n} {statistics.median(s.get(n, 0.0) for s in stages[key]):.2f}" for n in names)
            print(f"  {label:<18} {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
