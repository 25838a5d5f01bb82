"""Build time as the corpus grows: 100, 200, 500 and 1,000 articles, stage by stage.

    python benchmarks/scaling.py [--data DIR] [--sizes 100,200,500,1000] [--runs R]
    python benchmarks/scaling.py --cached [--sizes 1000,10000,50000] [--runs 1] [--seed-store DIR]

``--cached`` measures the corpus-wide stage past what extraction could do in a benchmark: the
data set's articles are extracted once (into a cache), then each size is made of those real
extractions replicated under renamed file names (the same text, so the same text hash; the cache
entry re-keyed to the new stem, its checksum recomputed), and the build reuses every one, so
read + cache decode ("extract"), resolve, infer and write are what is timed. The peak resident
memory and the CPU seconds of each stage are sampled every 20 ms in the build's process
(``/proc/self/status``, ``time.process_time``): on a loaded machine the CPU seconds are the measure.

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
import shutil
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


_CACHED_CHILD = r"""
import json, sys, threading, time
from kg.gazetteer import gazetteer
from kg.pipeline import build_graph
gazetteer()
samples = []
stop = threading.Event()
def rss():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0
def sample():
    while not stop.is_set():
        samples.append((time.perf_counter(), rss(), time.process_time()))
        time.sleep(0.02)
threading.Thread(target=sample, daemon=True).start()
import os
log = os.environ.get("KG_SCALING_LOG")
seen_stages = []
def progress(stage, n, total):  # each stage's start, with the time and memory so far, for a run cut short
    if log and (not seen_stages or seen_stages[-1] != stage or n % 5000 == 0):
        seen_stages.append(stage)
        peak = max((s[1] for s in samples), default=0)
        with open(log, "a") as fh:
            fh.write(json.dumps({"stage": stage, "n": n, "t": round(time.perf_counter() - t0, 1),
                                 "peak_rss_mb": round(peak / 2**20), "cpu": round(time.process_time(), 1)}) + "\n")
t0 = time.perf_counter()
report = build_graph([sys.argv[1]], sys.argv[2], [sys.argv[3]] if len(sys.argv) > 3 else [], progress=progress)
total = time.perf_counter() - t0
stop.set()
row = {"total": total, "articles": len(report.articles), "reused": report.reused, "quads": report.quads,
       **report.timings}
t = t0
for stage, secs in report.timings.items():
    inside = [s for s in samples if t <= s[0] <= t + secs] or [s for s in samples if s[0] <= t + secs][-1:]
    row[f"{stage}_rss_mb"] = round(max(s[1] for s in inside) / 2**20) if inside else None
    before = [s[2] for s in samples if s[0] <= t][-1:] or [inside[0][2] if inside else 0.0]
    after = [s[2] for s in samples if s[0] <= t + secs][-1:] or before
    row[f"{stage}_cpu"] = round(after[0] - before[0], 2)
    t += secs
row["peak_rss_mb"] = round(max(s[1] for s in samples) / 2**20)
row["cpu"] = round(time.process_time(), 2)
print(json.dumps(row))
"""


def seed_cache(src: Path, seeded: Path) -> None:
    """Extract the data set's articles into the cache of ``seeded`` (those already there are reused)."""
    from kg.pipeline import extract_to_cache

    rep = extract_to_cache([src], seeded, jobs=1)
    print(f"{len(rep.articles)} articles in the seed cache ({rep.reused} already there)", flush=True)


def _seed_entries(seeded: Path, fingerprint: str) -> Path:
    """The cache folder of ``seeded`` to copy from: this kg's, else the newest one (a seed store
    filled by an earlier commit: extraction is what the cache keys on, the corpus-wide stage is
    what is measured; the entries are re-stamped with this kg's fingerprint)."""
    root = Path(str(seeded).rstrip("/") + "-cache")
    own = root / fingerprint
    if own.is_dir() and any(own.iterdir()):
        return own
    dirs = sorted((d for d in root.iterdir() if d.is_dir()), key=lambda d: d.stat().st_mtime)
    return dirs[-1] if dirs else own


def cached_corpus(src: Path, n: int, into: Path, seeded: Path) -> tuple[Path, Path]:
    """``n`` articles: the files of ``src`` under stems ``<stem>_c<k>``, and a store whose cache
    holds the extraction of each, re-keyed from the one of ``seeded`` (built from ``src``)."""
    import hashlib

    from kg.cache import ExtractionCache, _checksum

    files = sorted(src.glob("*.txt"))
    corpus_dir = into / f"c{n}"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    store = into / f"s{n}"
    old = ExtractionCache(seeded)
    old.dir = _seed_entries(seeded, old.fingerprint)
    new = ExtractionCache(store)
    new.dir.mkdir(parents=True, exist_ok=True)
    entries = {}
    for f in files:
        text = f.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        raw = old.path(f.stem, digest)
        if raw.exists():
            entries[f.stem] = (text, digest, json.loads(raw.read_text(encoding="utf-8")))
    stems = sorted(entries)
    for i in range(n):
        stem = stems[i % len(stems)]
        text, digest, entry = entries[stem]
        name = f"{stem}_c{i // len(stems)}"
        (corpus_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        payload = entry["payload"].replace(json.dumps(stem), json.dumps(name))
        # the checksum the cache checks (kg.cache._checksum: the payload and whether it has
        # candidates); a plain SHA-256 of the payload made every entry fail, and the build extract
        # every article again instead of decoding it (the "decode" stage was extraction)
        e = {**entry, "stem": name, "payload": payload, "fingerprint": new.fingerprint,
             "sha256": _checksum(payload, bool(entry.get("candidates")))}
        new.path(name, digest).write_text(json.dumps(e, ensure_ascii=False, separators=(",", ":")),
                                          encoding="utf-8")
    return corpus_dir, store


def main_cached(args: argparse.Namespace) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        seeded = args.seed_store or Path(tmp) / "seed-store"
        if not args.seed_store or not any(Path(str(seeded) + "-cache").glob("*/*.json")):
            seed_cache(args.data, seeded)  # a --seed-store filled by an earlier run is reused
        for n in (int(x) for x in args.sizes.split(",")):
            runs = []
            for r in range(args.runs):
                src, store = cached_corpus(args.data, n, Path(tmp) / f"r{r}", seeded)
                out = subprocess.run(
                    [sys.executable, "-c", _CACHED_CHILD, str(src), str(store)],  # no dump: not corpus-wide work
                    capture_output=True, text=True, check=True, cwd=ROOT,
                )
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
                shutil.rmtree(Path(tmp) / f"r{r}")
                if runs[-1]["reused"] != runs[-1]["articles"]:
                    raise SystemExit(f"error: only {runs[-1]['reused']} of {n} articles came from the cache")
            row = {k: (round(statistics.median(x[k] for x in runs), 2) if isinstance(runs[0][k], float) else runs[0][k])
                   for k in runs[0]}
            row["ms_per_article"] = round(1000 * row["total"] / row["articles"], 2)
            rows.append(row)
            print(json.dumps(row), flush=True)
    base = rows[0]
    for row in rows[1:]:
        size = row["articles"] / base["articles"]
        per = row["ms_per_article"] / base["ms_per_article"]
        print(f"{row['articles']} articles: {size:.0f}x the articles, {per:.2f}x the time per article; "
              f"peak RSS resolve {row.get('resolve_rss_mb')} MB, infer {row.get('infer_rss_mb')} MB, "
              f"write {row.get('write_rss_mb')} MB")


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
    ap.add_argument("--cached", action="store_true", help="replicated cached extractions (see above)")
    ap.add_argument("--seed-store", type=Path, default=None, help="with --cached: keep the data set's extractions here")
    args = ap.parse_args()
    if args.cached:
        main_cached(args)
        return
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
