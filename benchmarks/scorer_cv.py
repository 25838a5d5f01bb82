"""Honest figures for the learned scorer: 5-fold cross-validation BY DOCUMENT on Re-DocRED dev.

    OMP_NUM_THREADS=1 python benchmarks/scorer_cv.py [--folds 5] [--out benchmarks/scorer_cv.json]

Each fold trains the model (benchmarks/train_scorer.py's recipe) on the training documents
only, 4/5 of the dev articles (by default on 2/3 of them, with the isotonic calibration and
the threshold from the other 1/3: one fit per fold on the shared 2-core machine; ``--inner N``
calibrates on N inner folds and trains the fold's model on all its 4/5), builds the held-out
1/5 with it (``build_graph(scorer=…)``, extractions from the training cache) and with the
rules alone, and scores both dumps with the shared scorer (``../shared/eval/kgscore.py``) and
``../shared/eval/calibration.py``. Prints per-fold and pooled F1/P/R, per-relation recall,
ECE and precision at confidence ≥ 0.9, and draws the pooled reliability diagram
(``benchmarks/scorer_reliability.png``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_scorer as ts

from kg.pipeline import build_graph
from kg.score.candidates import feature_fingerprint
from kg.score.features import CATEGORICAL, NUMERIC
from kg.score.model import FORMAT, read_scorer, seal

ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def fit_artefact(rows, n_gold_of, docs, inner: int, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Train on ``rows`` (documents ``docs``). ``inner`` > 1: inner folds give the calibration
    and threshold, then one model on all; ``inner`` == 1 (cheaper: one fit per fold): the model
    trains on 2/3 of the documents and the calibration and threshold come from the other 1/3."""
    fold_of = {d: i % max(3, inner) for i, d in enumerate(sorted(docs))}
    oof = np.zeros(len(rows))
    clf = None
    for k in range(inner if inner > 1 else 1):
        tr = [i for i, r in enumerate(rows) if fold_of[r[0]] != k]
        te = [i for i, r in enumerate(rows) if fold_of[r[0]] == k]
        codes = ts.codes_of([rows[i] for i in tr])
        clf = ts.model().fit(*ts.matrix([rows[i] for i in tr], codes))
        oof[te] = clf.predict_proba(ts.matrix([rows[i] for i in te], codes)[0])[:, 1]
    if inner == 1:
        held = [i for i, r in enumerate(rows) if fold_of[r[0]] == 0]
        cal_docs = [d for d in docs if fold_of[d] == 0]
        y = np.array([rows[i][4] for i in held])
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof[held], y)
        thr = ts.best_threshold(iso.predict(oof[held]), y, sum(n_gold_of[d] for d in cal_docs))[0]
        codes = ts.codes_of([r for r in rows if fold_of[r[0]] != 0])
    else:
        y = np.array([r[4] for r in rows])
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
        thr = ts.best_threshold(iso.predict(oof), y, sum(n_gold_of[d] for d in docs))[0]
        codes = ts.codes_of(rows)
        clf = ts.model().fit(*ts.matrix(rows, codes))
    assert clf is not None
    baseline, trees = ts.export_trees(clf)
    body = {
        "format": FORMAT, "name": f"hgb-cv-{path.stem}", "feature_fingerprint": feature_fingerprint(),
        "commit": "", "data": {"articles": len(docs)}, "threshold": round(thr, 6),
        "columns": [*CATEGORICAL, *NUMERIC], "codes": codes, "baseline": baseline, "trees": trees,
        "calibration": {"x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]},
    }  # fmt: skip
    path.write_text(json.dumps(seal(body), sort_keys=True, separators=(",", ":")), encoding="utf-8")


def score(dump: Path, gold_dir: Path, tmp: Path) -> tuple[dict, dict]:  # type: ignore[type-arg]
    rep, cal = tmp / "score.json", tmp / "cal.json"
    subprocess.run([sys.executable, str(ts.EVAL / "kgscore.py"), str(dump), "--gold", str(gold_dir), "--json",
                    str(rep)], check=True, env=ENV, stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([sys.executable, str(ts.EVAL / "calibration.py"), str(dump), "--gold", str(gold_dir), "--json",
                    str(cal)], check=False, env=ENV, stdout=subprocess.DEVNULL)  # fmt: skip
    summary = json.loads(rep.read_text())["summary"]
    calib = json.loads(cal.read_text()) if cal.exists() else {"bins": [], "ece": None, "n": 0}
    return summary, calib


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=1, help="inner folds (1: one 2/3 + 1/3 split)")
    ap.add_argument("--store", type=Path, default=ts.ROOT / ".kg" / "train-store")
    ap.add_argument("--out", type=Path, default=ts.ROOT / "benchmarks" / "scorer_cv.json")
    ap.add_argument("--png", type=Path, default=ts.ROOT / "benchmarks" / "scorer_reliability.png")
    a = ap.parse_args()
    dev = ts.EVAL / "redocred-dev"
    exs, res, gold = ts.extract([dev], 2, a.store)
    rows, _ = ts.label_rows(exs, res, gold)
    n_gold_of = {d: len(g["facts"]) for d, g in gold.items()}
    docs = sorted(gold)
    fold_of = {d: i % a.folds for i, d in enumerate(docs)}
    results: dict[str, list] = {"model": [], "rules": []}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for k in range(a.folds):
            held = [d for d in docs if fold_of[d] == k]
            train_docs = [d for d in docs if fold_of[d] != k]
            artefact = tmp / f"fold{k}.json"
            fit_artefact([r for r in rows if fold_of[r[0]] != k], n_gold_of, train_docs, a.inner, artefact)
            scorer = read_scorer(artefact)
            gdir = tmp / f"gold{k}"
            gdir.mkdir()
            for d in held:
                shutil.copy(dev / f"{d}.gold.json", gdir)
            for name, sc in (("model", scorer), ("rules", None)):
                dump = tmp / f"{name}{k}.nq"
                build_graph([dev / f"{d}.txt" for d in held], a.store, [dump], jobs=1, prune=True, scorer=sc)
                summary, calib = score(dump, gdir, tmp)
                results[name].append({"fold": k, "summary": summary, "calibration": calib})
                s = summary
                print(f"fold {k} {name}: F1 {s.get('facts_f1')} P {s.get('facts_p')} "
                      f"R {s.get('facts_r')} ECE {calib.get('ece')}", flush=True)  # fmt: skip
    a.out.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    for name, folds in results.items():
        report(name, folds, a.png if name == "model" else None)
    return 0


def report(name: str, folds: list, png: Path | None) -> None:  # type: ignore[type-arg]
    tot = Counter()  # type: ignore[var-annotated]
    for f in folds:
        for key in ("tp", "pred", "gold"):
            tot[key] += f["summary"].get(f"facts_{key}", 0) or 0
    p, r = tot["tp"] / max(1, tot["pred"]), tot["tp"] / max(1, tot["gold"])
    print(f"{name} pooled: F1 {2 * p * r / max(1e-9, p + r):.3f} P {p:.3f} R {r:.3f} ({dict(tot)})")
    bins: dict[str, list[float]] = {}
    for f in folds:
        for b in f["calibration"]["bins"]:
            acc = bins.setdefault(b["bin"], [0.0, 0.0, 0.0])
            acc[0] += b["n"]
            acc[1] += b["n"] * b["mean_conf"]
            acc[2] += b["n"] * b["precision"]
    n = sum(v[0] for v in bins.values())
    ece = sum(abs(v[2] - v[1]) for v in bins.values()) / max(1, n)
    hi = [v for k, v in bins.items() if float(k.split("-")[0]) >= 0.9]
    p9 = sum(v[2] for v in hi) / max(1, sum(v[0] for v in hi))
    print(f"{name} pooled calibration: ECE {ece:.3f} over {int(n)} statements; precision at >= 0.9 {p9:.3f} "
          f"(n {int(sum(v[0] for v in hi))})")  # fmt: skip
    for k in sorted(bins):
        v = bins[k]
        print(f"  {k}: n {int(v[0])}, mean conf {v[1] / v[0]:.3f}, precision {v[2] / v[0]:.3f}")
    if png is not None and bins:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        xs = [bins[k][1] / bins[k][0] for k in sorted(bins)]
        ys = [bins[k][2] / bins[k][0] for k in sorted(bins)]
        fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
        ax.plot([0, 1], [0, 1], "k--", lw=1, label="perfect")
        ax.plot(xs, ys, "o-", label=f"model, held-out folds (ECE {ece:.3f})")
        ax.set_xlabel("mean confidence (bin)")
        ax.set_ylabel("precision (bin)")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        fig.savefig(png, metadata={"Software": None})
    rel = Counter()  # type: ignore[var-annotated]
    relg = Counter()  # type: ignore[var-annotated]
    for f in folds:
        for p_id, v in (f["summary"].get("per_relation_recall") or {}).items():
            hit, of = str(v).split("/")
            rel[p_id] += int(hit)
            relg[p_id] += int(of)
    if relg:
        top = sorted(relg, key=lambda x: -relg[x])[:15]
        print(f"{name} per-relation recall: " + ", ".join(f"{x} {rel[x]}/{relg[x]}" for x in top))


if __name__ == "__main__":
    sys.exit(main())
