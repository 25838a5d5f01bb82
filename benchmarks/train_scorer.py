"""Train the learned scorer (``make train``): candidates of labelled articles → kg/data/scorer.json.

    python benchmarks/train_scorer.py [--data DIR]... [--out FILE] [--folds 5] [--jobs 2]

Extracts (or reuses the cached extractions of) the articles of each ``--data`` folder (gold
files ``NAME.gold.json`` beside them; default Re-DocRED dev), labels every candidate relation
true when the gold states it (Wikidata property through the ontology's
owl:equivalentProperty/inverseOf, names matched by the shared scorer's normalisation), trains
scikit-learn's HistGradientBoostingClassifier (one binary model, the relation a feature) in
``--folds``-fold cross-validation BY DOCUMENT, fits an isotonic calibration on the held-out
predictions, picks the threshold that maximises F1 on them, trains on everything and writes
the trees as JSON. Prints the held-out figures (candidate level: F1 counts every gold fact of
a kg relation, found or not, so recall is against the gold, not against the candidates).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"

from kg.model import DateValue, Mention  # noqa: E402
from kg.ontology import RELATIONS  # noqa: E402
from kg.score.candidates import feature_fingerprint  # noqa: E402
from kg.score.features import CATEGORICAL, NUMERIC  # noqa: E402
from kg.score.model import FORMAT, feature_row, read_scorer, seal  # noqa: E402

MAX_CATS = 250  # HistGradientBoosting's limit is 255 categories per feature


def _kgscore():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kgscore", EVAL / "kgscore.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


KS = _kgscore()


def extract(folders: list[Path], jobs: int, store: Path):  # type: ignore[no-untyped-def]
    """Extractions and resolution of every article with a gold file, and the gold by stem."""
    from kg.cache import ExtractionCache
    from kg.homonyms import homonym_contexts
    from kg.pipeline import BuildReport, _extract_all, _read_all
    from kg.resolve import resolve_mentions

    paths = sorted(t for d in folders for t in d.glob("*.txt") if (t.parent / (t.stem + ".gold.json")).exists())
    report = BuildReport(str(store))
    articles, hashes = _read_all(paths, 5_000_000, report, None)
    exs = _extract_all(articles, hashes, ExtractionCache(store), jobs, report, None)
    res = resolve_mentions([m for ex in exs for m in ex.mentions], [p for ex in exs for p in ex.same_as],
                           homonym_contexts(exs))  # fmt: skip
    gold = {}
    for p in paths:
        gold[p.stem] = json.loads((p.parent / (p.stem + ".gold.json")).read_text(encoding="utf-8"))
    return exs, res, gold


def _names(node, res) -> set[str]:  # type: ignore[no-untyped-def]
    out = {KS.norm(node.text)}
    ent = res.entity_of(node)
    if ent is not None:
        out.add(KS.norm(ent.label))
        out.update(KS.norm(a) for a, _ in ent.aliases)
    return out


def label_rows(exs, res, gold):  # type: ignore[no-untyped-def]
    """(doc, candidate, relation, rules, label) of every candidate relation with a Wikidata property."""
    rows = []
    n_gold = 0
    for ex in exs:
        g = gold[ex.article.stem]
        by_alias: dict[str, set[str]] = {}
        for e in g["entities"]:
            for a in [e["label"], *e.get("aliases", [])]:
                by_alias.setdefault(KS.norm(a), set()).add(e["id"])
        time_iso = {e["id"]: {KS.iso_of_text(a) for a in [e["label"], *e.get("aliases", [])]} - {None}
                    for e in g["entities"] if e["type"] == "TIME"}  # fmt: skip
        facts: set[tuple[str, str, str]] = set()
        for f in g["facts"]:
            for p in f["p"] if isinstance(f["p"], list) else [f["p"]]:
                facts.add((f["s"], p, str(f["o"])))
        n_gold += len(g["facts"])

        def ids(node, by_alias=by_alias, time_iso=time_iso):  # type: ignore[no-untyped-def]
            if isinstance(node, Mention):
                return {i for n in _names(node, res) for i in by_alias.get(n, ())}
            if isinstance(node, DateValue):
                return {i for i, isos in time_iso.items() if any(node.iso.startswith(x) for x in isos)} | {node.iso}
            return set()

        for c in ex.candidates.items:
            sids, oids = ids(c.subject), ids(c.object)
            for rel, rules, _ in c.relations:
                r = RELATIONS[rel]
                if r.wikidata is None:
                    continue
                a, b = (oids, sids) if r.inverse_of_wikidata else (sids, oids)
                ok = any((x, r.wikidata, y) in facts for x in a for y in b)
                if not ok and (r.symmetric or r.wikidata in KS.SYMMETRIC):
                    ok = any((y, r.wikidata, x) in facts for x in a for y in b)
                rows.append((ex.article.stem, c, rel, rules, int(ok)))
    return rows, n_gold


def codes_of(rows) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Category codes per categorical feature: the most frequent values seen (ties by name)."""
    from kg.score.features import relation_features

    counts: dict[str, Counter[str]] = {k: Counter() for k in CATEGORICAL}
    for _, c, rel, rules, _ in rows:
        cats = {**dict(c.cats), **relation_features(rel, rules)[0]}
        for k in CATEGORICAL:
            if k in cats:
                counts[k][cats[k]] += 1
    out = {}
    for k, cnt in counts.items():
        top = sorted((v for v in cnt if cnt[v] >= 3), key=lambda v: (-cnt[v], v))[:MAX_CATS]
        out[k] = {v: i for i, v in enumerate(sorted(top))}
    return out


def matrix(rows, codes):  # type: ignore[no-untyped-def]
    cols = (*CATEGORICAL, *NUMERIC)
    x = np.array([feature_row(c, rel, rules, cols, codes) for _, c, rel, rules, _ in rows], dtype=np.float64)
    y = np.array([r[4] for r in rows], dtype=np.int64)
    return x, y


def model(seed: int = 0) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0,
        categorical_features=list(range(len(CATEGORICAL))), early_stopping=False, random_state=seed,
    )  # fmt: skip


def export_trees(clf: HistGradientBoostingClassifier) -> tuple[float, list[list[list[object]]]]:
    """The baseline and every tree as [feature, threshold, missing_left, left, right, leaf, value, cats]."""
    trees = []
    bitsets = None
    for (pred,) in clf._predictors:
        bitsets = pred.raw_left_cat_bitsets
        nodes = []
        for n in pred.nodes:
            cats: list[int] = []
            if n["is_categorical"] and not n["is_leaf"]:
                words = bitsets[n["bitset_idx"]]
                cats = [k for k in range(256) if (int(words[k // 32]) >> (k % 32)) & 1]
            thr = float(n["num_threshold"]) if not n["is_leaf"] and not n["is_categorical"] else 0.0
            thr = thr if np.isfinite(thr) else (1e300 if thr > 0 else -1e300)
            nodes.append([int(n["feature_idx"]), thr, bool(n["missing_go_to_left"]),
                          int(n["left"]), int(n["right"]), bool(n["is_leaf"]), float(n["value"]), cats])  # fmt: skip
        trees.append(nodes)
    return float(np.ravel(clf._baseline_prediction)[0]), trees


def best_threshold(p: np.ndarray, y: np.ndarray, n_gold: int) -> tuple[float, float, float, float]:
    """The threshold maximising F1 (recall against ``n_gold``), and its F1, precision, recall."""
    order = np.argsort(-p, kind="stable")
    tp = np.cumsum(y[order])
    k = np.arange(1, len(p) + 1)
    f1 = 2 * tp / (k + n_gold)
    i = int(np.argmax(f1))
    return float(p[order][i]), float(f1[i]), float(tp[i] / k[i]), float(tp[i] / n_gold)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, action="append")
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "scorer.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--store", type=Path, default=ROOT / ".kg" / "train-store")
    a = ap.parse_args()
    folders = a.data or [EVAL / "redocred-dev"]
    t0 = time.perf_counter()
    exs, res, gold = extract(folders, a.jobs, a.store)
    rows, n_gold = label_rows(exs, res, gold)
    print(f"{len(exs)} articles, {len(rows)} candidate relations, {sum(r[4] for r in rows)} true, "
          f"{n_gold} gold facts ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
    docs = sorted({r[0] for r in rows} | set(gold))
    fold_of = {d: i % a.folds for i, d in enumerate(docs)}
    oof = np.zeros(len(rows))
    gold_per_fold = Counter(fold_of[d] for d in gold for _ in gold[d]["facts"])
    for k in range(a.folds):
        tr = [i for i, r in enumerate(rows) if fold_of[r[0]] != k]
        te = [i for i, r in enumerate(rows) if fold_of[r[0]] == k]
        codes = codes_of([rows[i] for i in tr])
        xtr, ytr = matrix([rows[i] for i in tr], codes)
        xte, _ = matrix([rows[i] for i in te], codes)
        clf = model().fit(xtr, ytr)
        oof[te] = clf.predict_proba(xte)[:, 1]
        print(f"fold {k}: trained on {len(tr)}, scored {len(te)} ({time.perf_counter() - t0:.0f} s)")
    y = np.array([r[4] for r in rows])
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
    cal = iso.predict(oof)
    thr, f1, prec, rec = best_threshold(cal, y, n_gold)
    for k in range(a.folds):
        m = np.array([fold_of[r[0]] == k for r in rows])
        sel = m & (cal >= thr)
        tp = int(y[sel].sum())
        p_k, r_k = tp / max(1, int(sel.sum())), tp / max(1, gold_per_fold[k])
        print(f"fold {k} held out: P {p_k:.3f} R {r_k:.3f} F1 {2 * p_k * r_k / max(1e-9, p_k + r_k):.3f}")
    bins = np.minimum(9, (cal * 10).astype(int))
    ece = sum(
        abs(y[bins == b].mean() - cal[bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()
    )
    hi = cal >= 0.9
    print(f"held out (candidate level): threshold {thr:.3f} F1 {f1:.3f} P {prec:.3f} R {rec:.3f}; "
          f"ECE {ece / len(y):.3f}; precision at >= 0.9 {y[hi].mean() if hi.any() else float('nan'):.3f} "
          f"({hi.sum()})")  # fmt: skip
    codes = codes_of(rows)
    x, y = matrix(rows, codes)
    clf = model().fit(x, y)
    baseline, trees = export_trees(clf)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    data = {str(d.relative_to(ROOT.parent) if d.is_relative_to(ROOT.parent) else d): sum(1 for s in gold if
            (d / (s + ".txt")).exists()) for d in folders}  # fmt: skip
    digest = hashlib.sha256("".join(sorted(gold)).encode()).hexdigest()[:16]
    body = {
        "format": FORMAT,
        "name": f"hgb-{feature_fingerprint()[:8]}-{digest[:8]}",
        "feature_fingerprint": feature_fingerprint(),
        "commit": commit,
        "data": {"folders": data, "articles": len(gold), "documents_sha256": digest, "rows": len(rows)},
        "cv": {"folds": a.folds, "f1": round(f1, 4), "precision": round(prec, 4), "recall": round(rec, 4)},
        "threshold": round(thr, 6),
        "columns": [*CATEGORICAL, *NUMERIC],
        "codes": codes,
        "baseline": baseline,
        "trees": trees,
        "calibration": {"x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]},
    }
    a.out.write_text(json.dumps(seal(body), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    loaded = read_scorer(a.out)
    sample = range(0, len(rows), max(1, len(rows) // 2000))
    ours = np.array([loaded.uncalibrated(rows[i][1], rows[i][2], rows[i][3]) for i in sample])
    theirs = clf.predict_proba(x[list(sample)])[:, 1]
    worst = float(np.max(np.abs(ours - theirs)))
    print(f"wrote {a.out} ({a.out.stat().st_size} bytes); exported trees agree with scikit-learn to {worst:.2e}")
    print(f"total {time.perf_counter() - t0:.0f} s")
    return 0 if worst < 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
