"""Build throughput against plain spaCy, peak memory, and incremental rebuild time.

    python benchmarks/throughput.py [--data DIR] [--limit N] [--runs R] [--jobs J]

For the same articles and the same model in one run: words per second of plain
``nlp.pipe`` over the article blocks, and of ``kg build`` (read, NLP, extraction,
resolution, inference, store, no dump); the ratio between them; the peak resident memory of
the build (``resource.getrusage``); and the time of a rebuild with every article unchanged
(the extraction cache). Medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"

_CHILD = r"""
import json, sys, time, resource
from pathlib import Path
mode, data, store, limit, jobs = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
files = sorted(data.glob("*.txt"))[: limit or None]
t0 = time.perf_counter()
if mode == "spacy":
    from kg.documents import read_article
    from kg.nlp import load_nlp
    nlp = load_nlp()
    t0 = time.perf_counter()
    texts = [b.text for f in files for b in read_article(f).blocks]
    for _ in nlp.pipe(texts, batch_size=64, n_process=jobs):
        pass
else:
    from kg.pipeline import build_graph
    from kg.nlp import load_nlp
    load_nlp()
    t0 = time.perf_counter()
    build_graph(files, store, [], jobs=jobs, use_cache=(mode == "rebuild"))
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(mode: str, data: Path, store: str, limit: int, jobs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(data), store, str(limit), str(jobs)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    from kg.documents import read_article

    files = sorted(a.data.glob("*.txt"))[: a.limit or None]
    words = sum(len(b.text.split()) for f in files for b in read_article(f).blocks)
    spacy_s, build_s, rebuild_s, peak = [], [], [], []
    for _ in range(a.runs):
        with tempfile.TemporaryDirectory() as tmp:
            spacy_s.append(_run("spacy", a.data, tmp + "/s0", a.limit, a.jobs)["seconds"])
            r = _run("build", a.data, tmp + "/s1", a.limit, a.jobs)
            build_s.append(r["seconds"])
            peak.append(r["peak_mb"])
            _run("rebuild", a.data, tmp + "/s1", a.limit, a.jobs)  # fills the cache
            rebuild_s.append(_run("rebuild", a.data, tmp + "/s1", a.limit, a.jobs)["seconds"])
    sp, bd, rb = statistics.median(spacy_s), statistics.median(build_s), statistics.median(rebuild_s)
    print(f"articles {len(files)}, words {words}, jobs {a.jobs}, runs {a.runs} (medians)")
    print(f"plain spaCy nlp.pipe : {words / sp:8.0f} words/s ({sp:.1f} s)")
    print(f"kg build             : {words / bd:8.0f} words/s ({bd:.1f} s)  ratio {sp / bd:.2f}")
    print(f"kg rebuild unchanged : {rb:.1f} s")
    print(f"peak memory of build : {max(peak):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
