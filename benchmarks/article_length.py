"""Build time as one article grows: 1,000, 2,000, 4,000, 8,000 and 16,000 paragraphs.

    python benchmarks/article_length.py [--sizes 1000,2000,4000,8000,16000] [--infobox 0]

The article is invented: three sentences (an uprising, a birth, a sentencing, with people, places,
organisations and dates) repeated in turn, one per paragraph, so every paragraph gives the
extractors the same work and any growth of the time per paragraph is the pipeline's own. Each size
is built in its own process into a fresh store without the extraction cache, timed after the
model and gazetteers are loaded. Prints, per size, the seconds of each stage, the whole build's
wall-clock and CPU seconds, and the milliseconds per paragraph (CPU) against the smallest size;
the build is linear when that ratio stays within ±30%. ``--infobox N`` adds N distinct
``- Key: Value`` lines (unmapped keys) to the article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_SENTENCES = (
    "The Harbour Revolt of Santa Irena was an uprising of dock workers in Santa Irena, Chile, in May 1921, "
    "led by Ramón Iturra.",
    "Iturra was born in Valparaíso in 1890 and joined the Dockworkers' Federation in 1912.",
    "The Chilean Army suppressed the revolt on 9 May 1921, and Iturra was sentenced to ten years in prison.",
)

_CHILD = r"""
import json, sys, time
from kg.gazetteer import gazetteer
from kg.nlp import load_nlp
from kg.pipeline import build_graph
load_nlp(), gazetteer()
t0, c0 = time.perf_counter(), time.process_time()
report = build_graph([sys.argv[1]], sys.argv[2], use_cache=False)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
assert report.ok, report.failures
print(json.dumps({"wall": wall, "cpu": cpu, "quads": report.quads, **report.timings}))
"""


def article(paragraphs: int, infobox: int = 0) -> str:
    """The invented article of ``paragraphs`` paragraphs (and ``infobox`` unmapped infobox lines)."""
    box = "".join(f"- Field {i}: value {i}\n" for i in range(infobox))
    title = "Harbour Revolt of Santa Irena"
    head = f"= {title} =\n\n{title}\n{box}\n" if box else f"= {title} =\n\n"
    return head + "\n\n".join(_SENTENCES[i % len(_SENTENCES)] for i in range(paragraphs)) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000")
    ap.add_argument("--infobox", type=int, default=0)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            src = Path(tmp) / f"article_{n}.txt"
            src.write_text(article(n, args.infobox), encoding="utf-8")
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(src), str(Path(tmp) / f"store_{n}")],
                capture_output=True, text=True, check=True,
            )
            row = {"paragraphs": n, **json.loads(out.stdout.strip().splitlines()[-1])}
            rows.append(row)
            first = rows[0]["cpu"] / rows[0]["paragraphs"]
            per = row["cpu"] / n
            stages = " ".join(f"{k} {row[k]:.1f}" for k in ("read", "extract", "resolve", "infer", "write", "dump"))
            print(
                f"{n:6d} paragraphs: {row['wall']:7.1f} s wall, {row['cpu']:7.1f} s CPU, "
                f"{1000 * per:5.2f} ms/paragraph (x{per / first:.2f}); {stages}; {row['quads']} quads",
                flush=True,
            )
    ratios = [r["cpu"] / r["paragraphs"] / (rows[0]["cpu"] / rows[0]["paragraphs"]) for r in rows]
    verdict = "linear" if all(0.7 <= x <= 1.3 for x in ratios) else "NOT linear"
    print(f"CPU time per paragraph from x{min(ratios):.2f} to x{max(ratios):.2f} of the smallest: {verdict} (±30%)")


if __name__ == "__main__":
    main()
