"""Honest figures for the learned scorer: 5-fold cross-validation BY DOCUMENT on Re-DocRED dev,
and leave-set-out on our own gold and the real-article set.

    OMP_NUM_THREADS=1 python benchmarks/scorer_cv.py [--folds 5] [--out benchmarks/scorer_cv.json]
        [--part all|folds|sets|errors] [--fold K]... [--set own|real]... [--no-rules] [--work DIR]

Each Re-DocRED fold trains the model (benchmarks/train_scorer.py's recipe and feature matrix,
which ``make train`` leaves in ``.kg/train-store-matrix``) on every labelled row but the
fold's 100 articles (2/3 of the training documents fit it, the other 1/3 gives the isotonic
calibration and the threshold: one fit per fold), builds the held-out 100 with it
(``build_graph(scorer=…)``) and with the rules alone, and scores both dumps with the shared
scorer (``../shared/eval/kgscore.py``) and ``../shared/eval/calibration.py``. Then the own
gold (seeds/ and tests/data/) and the real set are each built with a model trained WITHOUT
that set, and with the rules, and scored with ``--inverse`` as ``quality.py`` does. Prints
per-fold and pooled F1/P/R, per-relation recall, ECE and precision at confidence ≥ 0.9, and
draws the pooled reliability diagram (``benchmarks/scorer_reliability.png``). Each fitted
artefact's trees are checked against scikit-learn on rows its fit did not see. ``--part
errors`` builds nothing: for each own set it reports what a model trained without the set does
to the set's candidates by group, and which rules' true facts it rejects.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_scorer as ts

from kg.pipeline import build_graph
from kg.score.model import read_scorer, seal

ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def fit_artefact(data: ts.Data, train: np.ndarray, path: Path, name: str) -> float:
    """A model of the rows ``train`` (2/3 of their documents fit it, 1/3 calibrates and sets the
    threshold: one fit), written to ``path``; the largest difference between its exported trees'
    probabilities and scikit-learn's on rows the fit did not see."""
    fitted = ts.calibrated(data, train, 3, split=True)
    print(f"  {name}: held-out third F1 {fitted.cv['f1']} P {fitted.cv['precision']} groups {fitted.cv['groups']}",
          flush=True)  # fmt: skip
    docs = sorted(set(data.doc[train].tolist()))
    body = ts.artefact(data, fitted, sorted({d.split("/")[0] for d in docs}), docs)
    body = seal({**{k: v for k, v in body.items() if k != "sha256"}, "name": f"hgb-cv-{name}"})
    ts.write(body, path)
    # the exported trees against scikit-learn, on rows the fit did not see (unseen categories)
    rest = np.setdiff1d(np.arange(len(data.y)), train)
    sample = (rest if len(rest) else train)[:: max(1, len(rest) // 2000)]
    scorer = read_scorer(path)
    x = ts.recode(data.x[sample], data.codes, body["codes"])
    ours = np.array([1 / (1 + np.exp(-scorer.raw(list(r)))) for r in x])
    worst = float(np.max(np.abs(ours - fitted.clf.predict_proba(data.x[sample])[:, 1])))
    print(f"  {name}: exported trees agree with scikit-learn to {worst:.2e} on {len(sample)} held-out rows", flush=True)
    if worst > 0.02:
        raise SystemExit(f"{path}: the exported trees disagree with scikit-learn ({worst:.2e})")
    return worst


def score(dump: Path, gold_dir: Path, tmp: Path, inverse: bool) -> tuple[dict, dict]:  # type: ignore[type-arg]
    rep, cal = tmp / "score.json", tmp / "cal.json"
    rep.unlink(missing_ok=True)
    cal.unlink(missing_ok=True)
    inv = ["--inverse"] if inverse else []
    subprocess.run([sys.executable, str(ts.EVAL / "kgscore.py"), str(dump), "--gold", str(gold_dir), "--json",
                    str(rep), *inv], check=True, env=ENV, stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([sys.executable, str(ts.EVAL / "calibration.py"), str(dump), "--gold", str(gold_dir), "--json",
                    str(cal), *inv], check=False, env=ENV, stdout=subprocess.DEVNULL)  # fmt: skip
    summary = json.loads(rep.read_text())["summary"]
    calib = json.loads(cal.read_text()) if cal.exists() else {"bins": [], "ece": None, "n": 0}
    return summary, calib


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--store", type=Path, default=ts.ROOT / ".kg" / "train-store")
    ap.add_argument("--out", type=Path, default=ts.ROOT / "benchmarks" / "scorer_cv.json")
    ap.add_argument("--png", type=Path, default=ts.ROOT / "benchmarks" / "scorer_reliability.png")
    ap.add_argument("--part", choices=("all", "folds", "sets", "errors"), default="all",
                    help="the Re-DocRED folds, the leave-set-out builds, or both; errors: what a model "
                         "trained without each own set does to that set's rule facts (no build)")  # fmt: skip
    ap.add_argument("--no-rules", action="store_true", help="do not build the Re-DocRED folds with the rules too")
    ap.add_argument("--build-store", type=Path, help="store the folds are built in (default --store)")
    ap.add_argument("--fold", type=int, action="append", help="only these Re-DocRED folds (default all)")
    ap.add_argument("--set", action="append", choices=("own", "real"), help="only these leave-set-out sets")
    ap.add_argument(
        "--work", type=Path, help="keep the artefacts, dumps and gold copies here (default: a temporary folder)"
    )
    a = ap.parse_args()
    build_store = a.build_store or a.store
    data = ts.load_matrix(list(ts.SETS), 2, a.store)
    dev = ts.EVAL / "redocred-dev"
    docs = sorted(d for d in data.gold if d.startswith("redocred-dev/"))
    fold_of = ts.fold_of(docs, a.folds)
    if a.part == "errors":
        errors(data)
        return 0
    results: dict[str, list] = {"model": [], "rules": []}  # type: ignore[type-arg]
    sets: dict[str, dict] = {}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as t:
        tmp = a.work or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        for k in (a.fold or range(a.folds)) if a.part != "sets" else ():
            held = [d.split("/", 1)[1] for d in docs if fold_of[d] == k]
            out = {f"redocred-dev/{d}" for d in held}
            artefact = tmp / f"fold{k}.json"
            agree = fit_artefact(data, np.flatnonzero(~np.isin(data.doc, list(out))), artefact, f"fold{k}")
            scorer = read_scorer(artefact)
            gdir = tmp / f"gold{k}"
            gdir.mkdir(exist_ok=True)
            for d in held:
                shutil.copy(dev / f"{d}.gold.json", gdir)
            for name, sc in (("model", scorer), ("rules", None))[: 1 if a.no_rules else 2]:
                dump = tmp / f"{name}{k}.nq"
                build_graph([dev / f"{d}.txt" for d in held], build_store, [dump], jobs=1, prune=True, scorer=sc)
                summary, calib = score(dump, gdir, tmp, False)
                results[name].append({"fold": k, "summary": summary, "calibration": calib, "trees_vs_sklearn": agree})
                a.out.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")  # so far
                s = summary
                print(f"fold {k} {name}: F1 {s.get('facts_f1')} P {s.get('facts_p')} "
                      f"R {s.get('facts_r')} ECE {calib.get('ece')}", flush=True)  # fmt: skip
        # leave-set-out: each set is scored by a model trained without it
        for set_name in (a.set or ("own", "real")) if a.part != "folds" else ():
            folders, gold_dir, inverse = ts.SETS[set_name]
            artefact = tmp / f"without-{set_name}.json"
            rest = np.flatnonzero(~np.char.startswith(data.doc.astype(str), set_name + "/"))
            agree = fit_artefact(data, rest, artefact, f"without-{set_name}")
            scorer = read_scorer(artefact)
            gdir = tmp / f"gold-{set_name}"
            gdir.mkdir(exist_ok=True)
            texts = sorted(p for d in folders for p in d.glob("*.txt"))
            for p in texts:
                g = (gold_dir or p.parent) / (p.stem + ".gold.json")
                if g.exists():
                    shutil.copy(g, gdir)
            sets[set_name] = {}
            for name, sc in (("model", scorer), ("rules", None)):
                dump = tmp / f"{set_name}-{name}.nq"
                build_graph(texts, build_store, [dump], jobs=1, prune=True, scorer=sc)
                summary, calib = score(dump, gdir, tmp, inverse)
                sets[set_name][name] = {"summary": summary, "calibration": calib, "trees_vs_sklearn": agree}
                s = summary
                print(f"{set_name} {name}: F1 {s.get('facts_f1')} P {s.get('facts_p')} R {s.get('facts_r')} "
                      f"ECE {calib.get('ece')}", flush=True)  # fmt: skip
    a.out.write_text(json.dumps({**results, "leave_set_out": sets}, indent=1, default=str), encoding="utf-8")
    for name, folds in results.items():
        if folds:
            report(name, folds, a.png if name == "model" else None)
    print(f"total {time.perf_counter() - ts.T0:.0f} s")
    return 0


def errors(data: ts.Data) -> None:
    """For each own set: a model trained without it (as ``--part sets`` fits it), applied to the
    set's candidate rows, with one global calibration and threshold (session 7's) and with its
    groups' own; which rules' true facts each rejects, and how the raw scores of true rule facts
    compare with Re-DocRED's."""
    cols = (*ts.CATEGORICAL, *ts.NUMERIC)
    rule_col = cols.index("rule")
    names = {v: k for k, v in data.codes["rule"].items()}
    doc = data.doc.astype(str)
    grp_all = ts.groups_of(data.x)
    for set_name in ("own", "real"):
        inside = np.char.startswith(doc, set_name + "/")
        fitted = ts.calibrated(data, np.flatnonzero(~inside), 3, split=True)
        rows = np.flatnonzero(inside)
        raw = fitted.clf.predict_proba(data.x[rows])[:, 1]
        y, grp = data.y[rows], grp_all[rows]
        # session 7's policy: one isotonic map and one threshold, taken on all held-out rows
        one = np.round(fitted.iso.predict(fitted.raw), 3)
        held_y, held_n = data.y[fitted.held], data.n[fitted.held]
        n_gold = sum(data.n_gold[d] for d in set(doc[fitted.held].tolist()))
        whole = ts.curve(one, held_y, held_n, data.fact[fitted.held], data.gkey[fitted.held])
        thr1 = ts.best_thresholds({"all": whole}, n_gold)[0]["all"]
        old = np.round(fitted.iso.predict(raw), 3) >= thr1
        new = np.zeros(len(rows), dtype=bool)
        for g, (m, t, _) in fitted.groups.items():
            sel = grp == g
            if not sel.any():
                continue
            new[sel] = np.round((m if m is not None else fitted.iso).predict(raw[sel]), 3) >= t
        sel_unknown = ~np.isin(grp, list(fitted.groups))
        if sel_unknown.any():
            new[sel_unknown] = np.round(fitted.iso.predict(raw[sel_unknown]), 3) >= fitted.thr
        print(f"== {set_name}: {len(rows)} candidate rows, {int(y.sum())} true; one threshold {thr1:.3f}, "
              f"groups {{{', '.join(f'{g}: {t:.3f}' for g, (_, t, _) in sorted(fitted.groups.items()))}}}")  # fmt: skip
        for g in ts.GROUP_ORDER:
            m = grp == g
            if not m.any():
                continue
            for label, acc in (("one threshold", old), ("per group", new)):
                a_ = acc & m
                print(f"  {g:13} {label:13}: rows {int(m.sum()):6} true {int(y[m].sum()):4} accepted {int(a_.sum()):5} "
                      f"of them true {int(y[a_].sum()):4} (P {y[a_].mean() if a_.any() else 0:.3f}, "
                      f"R {y[a_].sum() / max(1, y[m].sum()):.3f})")  # fmt: skip
        rule_rows = data.x[rows, rule_col]
        lost = Counter()  # type: ignore[var-annotated]
        lost_new = Counter()  # type: ignore[var-annotated]
        kept = Counter()  # type: ignore[var-annotated]
        for i in np.flatnonzero((y == 1) & (data.x[rows, cols.index("n_rules")] > 0)):
            r = names.get(int(rule_rows[i]), "?") if not np.isnan(rule_rows[i]) else "(unseen rule)"
            kept[r] += 1
            lost[r] += int(not old[i])
            lost_new[r] += int(not new[i])
        print("  true rule facts rejected, by first rule (one threshold / per group / of):")
        for r, k in sorted(kept.items(), key=lambda kv: -lost[kv[0]])[:12]:
            print(f"    {r:28} {lost[r]:4} / {lost_new[r]:4} / {k}")
        other = np.flatnonzero(~inside & (data.y == 1) & (data.x[:, cols.index("n_rules")] > 0))
        raw_other = fitted.clf.predict_proba(data.x[other[:: max(1, len(other) // 3000)]])[:, 1]
        true_rule = raw[(y == 1) & (data.x[rows, cols.index("n_rules")] > 0)]
        print(f"  raw score of true rule facts: this set median {np.median(true_rule):.3f} "
              f"(quartiles {np.quantile(true_rule, 0.25):.3f}-{np.quantile(true_rule, 0.75):.3f}); "
              f"the training sets' median {np.median(raw_other):.3f}")  # fmt: skip


def pr_from_bins(bins: dict[str, list[float]], gold: int) -> list[tuple[float, float, float, float]]:
    """(t, precision, recall, F1) of the statements at confidence >= t, for each bin's lower edge:
    the right statements of the bins at and above it (per-statement correctness, as
    calibration.py judges it) against the gold facts (kgscore.py's count)."""
    out = []
    for k in sorted(bins):
        t = float(k.split("-")[0])
        hi = [v for b, v in bins.items() if float(b.split("-")[0]) >= t]
        n, right = sum(v[0] for v in hi), sum(v[2] for v in hi)
        p, r = right / max(1e-9, n), right / max(1, gold)
        out.append((t, p, r, 2 * p * r / max(1e-9, p + r)))
    return out


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
    for t, pt, rt, ft in pr_from_bins(bins, tot["gold"]):
        print(f"  confidence >= {t:.1f}: precision {pt:.3f}, recall {rt:.3f}, F1 {ft:.3f} (from the bins)")
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
