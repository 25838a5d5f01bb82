"""Extraction quality: build Re-DocRED dev (or any folder of articles + gold files) and score it.

    python benchmarks/quality.py [--data DIR] [--limit N] [--inverse]

Builds the articles with ``kg build`` into a temporary store, dumps N-Quads and runs the
shared scorer (``../shared/eval/kgscore.py``); prints the build time and the scorer's summary.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=EVAL / "redocred-dev")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--inverse", action="store_true", help="accept Wikidata inverse properties")
    ap.add_argument("--json", type=Path, help="write the scorer's per-document report here")
    ap.add_argument("--keep", type=Path, help="keep the built N-Quads dump at this path")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        texts = sorted(a.data.glob("*.txt"))
        if a.limit:
            texts = texts[: a.limit]
        for t in texts:
            shutil.copy(t, src / t.name)
            gold = t.with_name(t.stem + ".gold.json")
            if gold.exists():
                shutil.copy(gold, src / gold.name)
        dump = a.keep if a.keep else Path(tmp) / "graph.nq"
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(src), "--store", str(Path(tmp) / "store"), "-o", str(dump)],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        built = time.perf_counter() - t0
        print(f"built {len(texts)} articles in {built:.1f} s")
        cmd = [sys.executable, str(EVAL / "kgscore.py"), str(dump), "--gold", str(src)]
        if a.inverse:
            cmd.append("--inverse")
        if a.json:
            cmd += ["--json", str(a.json)]
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
