"""Build time as the corpus grows: 100, 200, 500 and 1,000 articles, stage by stage.

    python benchmarks/scaling.py [--data DIR] [--sizes 100,200,500,1000] [--runs R]

Past the data set's size the articles are repeated under renamed titles and file names, so
the same people and places recur across more articles (cross-article resolution gets more to
do, as in a real growing corpus). Each build is a fresh store without the extraction cache, in
its own process, one job, timed after the model and gazetteers are loaded. Prints, per size,
the median seconds of each stage (read, extract, resolve, infer, write) and of the whole, and
the milliseconds per article; the growth is linear when they stay flat.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"

_CHILD = r"""
import json, sys, time
from kg.gazetteer import gazetteer
from kg.nlp import load_nlp
from kg.pipeline import build_graph
load_nlp(), gazetteer()  # fixed costs, paid once whatever the corpus size
t0 = time.perf_counter()
report = build_graph([sys.argv[1]], sys.argv[2], use_cache=False)
total = time.perf_counter() - t0
print(json.dumps({"total": total, "articles": len(report.articles), "quads": report.quads, **report.timings}))
"""


def corpus(src: Path, n: int, into: Path) -> Path:
    """``n`` articles from ``src``; copies beyond its size get a renamed title and file name."""
    files = sorted(src.glob("*.txt"))
    into.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        f = files[i % len(files)]
        copy = i // len(files)
        text = f.read_text(encoding="utf-8")
        if copy:
            text = re.sub(r"\A(\ufeff?= )(.+?)( =)", rf"\g<1>\g<2> ({copy + 1})\g<3>", text, count=1)
        (into / f"{f.stem}_{copy}.txt").write_text(text, encoding="utf-8")
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", default="100,200,500,1000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            src = corpus(args.data, n, Path(tmp) / f"c{n}")
            runs = []
            for r in range(args.runs):
                out = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(src), str(Path(tmp) / f"s{n}_{r}")],
                    capture_output=True, text=True, check=True, cwd=ROOT,
                )
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            stages = [k for k in runs[0] if k not in ("articles", "quads")]
            med = {k: round(statistics.median(r[k] for r in runs), 2) for k in stages}
            row = {"articles": runs[0]["articles"], "quads": runs[0]["quads"], **med}
            row["ms_per_article"] = round(1000 * row["total"] / row["articles"], 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
    base = rows[0]
    for row in rows[1:]:
        growth = row["total"] / base["total"]
        size = row["articles"] / base["articles"]
        print(f"{row['articles']} articles: {size:.0f}x the articles, {growth:.2f}x the time "
              f"(resolve {row['resolve']:.2f} s, infer {row['infer']:.2f} s, write {row['write']:.2f} s)")


if __name__ == "__main__":
    main()
