"""Pilot (issue 17, session 11): do en_core_web_sm's own token vectors (``doc.tensor``, the
tok2vec output every build computes, 96 dims a token) lift the learned scorer?

    OMP_NUM_THREADS=1 python benchmarks/tensor_pilot.py extract [--work /tmp/score6]
    OMP_NUM_THREADS=1 python benchmarks/tensor_pilot.py train [--work /tmp/score6] [--fold 0] [--dims 8]

``extract`` parses the Re-DocRED dev articles as ``make train`` does (its DocBin cache under
``WORK/store-docs``; the tensors, which a DocBin does not keep, beside it as npz), extracts and
labels their candidates with ``benchmarks/train_scorer.py``'s code (same rows, sampling and
codes), and saves the matrix plus, per candidate, four 96-dim vectors: the mean tensor of the
subject's and of the object's closest mention in the candidate's evidence, of the words between
them, and the element-wise product of the two ends. ``train`` fits the existing model on the
training documents of one fold (``scorer_cv.py``'s folds, by document) with and without a
PCA of each vector to ``--dims`` dimensions (fitted on the training fold's candidates only),
and scores the held-out fold's rows at candidate level (distinct statements against the
fold's gold facts, as ``make train`` counts them): F1, P, R at the groups' thresholds, the best
F1 where precision ≥ 0.65, ECE. Nothing here is used by a build.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_scorer as ts

from kg.model import DateValue, Mention

DIM = 96
PARTS = ("s", "o", "between", "product")


def parse_with_tensors(articles, hashes, docs_dir: Path, tensors: Path) -> None:  # type: ignore[no-untyped-def]
    """:func:`train_scorer.parse_into`, also keeping each block doc's ``tensor`` (npz, float16)."""
    _annotate = ts._annotator()
    todo = [a for a in articles if not (tensors / f"{hashes[a.stem][:32]}.npz").exists()]
    docs_dir.mkdir(parents=True, exist_ok=True)
    tensors.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    lost = 0
    for n, (a, (blocks, lead)) in enumerate(zip(todo, _annotate(todo, 1), strict=True), 1):
        ts._doc_file(docs_dir, hashes[a.stem]).write_bytes(ts.encode_docs(blocks, lead))
        arrays = {}
        for i, d in enumerate(blocks):
            t = d.tensor
            if t is None or len(t.shape) != 2 or t.shape[0] != len(d):  # a doc rebuilt from a compacted parse
                lost += 1
                continue
            arrays[f"b{i}"] = np.asarray(t, dtype=np.float16)
        np.savez(tensors / f"{hashes[a.stem][:32]}.npz", **arrays)
        if n % 50 == 0:
            print(f"  parsed {n}/{len(todo)} ({time.perf_counter() - t0:.0f} s, {lost} blocks without tensor)",
                  flush=True)  # fmt: skip
    print(f"parsed {len(todo)} articles, {lost} blocks without a tensor ({time.perf_counter() - t0:.0f} s)")


def _span_tokens(doc, start: int, end: int) -> list[int]:  # type: ignore[no-untyped-def]
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.i for t in span] if span is not None else []


def _end_tokens(node, ex, i, doc, base, a, b, key):  # type: ignore[no-untyped-def]
    """Token indices of ``node``'s closest mention within [a, b) (article offsets) of block ``i``."""
    if isinstance(node, Mention):
        if a <= node.start and node.end <= b and node.article == ex.article.stem:
            return _span_tokens(doc, node.start - base, node.end - base)
        k = key(node.text)
        for m in ex.mentions:
            if a <= m.start and m.end <= b and (key(m.text) == k or (node.subject and m.subject)):
                return _span_tokens(doc, m.start - base, m.end - base)
        return []
    if isinstance(node, DateValue):
        lo, hi = a - base, b - base
        return [t.i for t in doc if lo <= t.idx < hi and t.ent_type_ == "DATE" and node.iso[:4] in t.text] or [
            t.i for t in doc if lo <= t.idx < hi and t.ent_type_ == "DATE"
        ][:4]
    return []


def candidate_vectors(ex, docs, tens) -> dict[int, np.ndarray]:  # type: ignore[no-untyped-def]
    """id(candidate) → the four vectors (4 × 96, NaN where an end has no token with a tensor)."""
    from kg.resolve import name_key

    starts = [bl.start for bl in ex.article.blocks]
    out = {}
    for c in ex.candidates.items:
        v = np.full((4, DIM), np.nan, dtype=np.float32)
        out[id(c)] = v
        ev = ex.candidates.evidence[c.evidence]
        i = bisect.bisect_right(starts, ev.start) - 1
        if i < 0 or i >= len(docs) or f"b{i}" not in tens or ev.end > ex.article.blocks[i].end + 1:
            continue
        doc, t = docs[i], tens[f"b{i}"].astype(np.float32)
        base = ex.article.blocks[i].start
        st = _end_tokens(c.subject, ex, i, doc, base, ev.start, ev.end, name_key)
        ot = _end_tokens(c.object, ex, i, doc, base, ev.start, ev.end, name_key)
        if st:
            v[0] = t[st].mean(axis=0)
        if ot:
            v[1] = t[ot].mean(axis=0)
        if st and ot:
            v[3] = v[0] * v[1]
            lo, hi = (max(st) + 1, min(ot)) if max(st) < min(ot) else (max(ot) + 1, min(st))
            mid = [j for j in range(lo, hi) if not doc[j].is_space]
            if mid:
                v[2] = t[mid].mean(axis=0)
    return out


def extract(work: Path, data: Path | None = None) -> None:
    from kg.cache import ExtractionCache
    from kg.nlp import load_nlp
    from kg.pipeline import BuildReport, _read_all

    store = work / "store"
    folders, gold_dir, inverse = ts.SETS["redocred-dev"]
    folders = (data,) if data is not None else folders
    paths = sorted(t for d in folders for t in d.glob("*.txt") if (t.parent / (t.stem + ".gold.json")).exists())
    articles, hashes = _read_all(paths, 5_000_000, BuildReport(str(store)), None)
    docs_dir = Path(str(store) + "-docs") / ts._docs_key()
    tensors = work / "tensors"
    cache = ExtractionCache(store)
    if any(cache.get(a, hashes[a.stem]) is None for a in articles):
        parse_with_tensors(articles, hashes, docs_dir, tensors)
    exs, res, gold = ts.extract(list(folders), 1, store, gold_dir)
    rs, _ = ts.label_rows(exs, res, gold, inverse)
    rows = [(f"redocred-dev/{d}", c, rel, rules, lab, f"redocred-dev/{k}", f"redocred-dev/{g}" if g else "")
            for d, c, rel, rules, lab, k, g in rs]  # fmt: skip
    # train_scorer.load's sampling and coding, for this one set
    rng = np.random.default_rng(0)
    keep = rng.random(len(rows)) * ts.NEGATIVE_SHARE < 1.0
    sampled = [not (r[4] or r[3]) for r in rows]
    rows = [r for r, k, smp in zip(rows, keep, sampled, strict=True) if k or not smp]
    n = np.array([float(ts.NEGATIVE_SHARE) if s else 1.0 for k, s in zip(keep, sampled, strict=True) if k or not s])
    codes = ts.codes_of(rows)
    x, y = ts.matrix(rows, codes)
    print(f"{len(rows)} rows, {int(y.sum())} true ({time.perf_counter() - ts.T0:.0f} s)", flush=True)
    vocab = load_nlp().vocab
    index: dict[int, int] = {}
    vecs: list[np.ndarray] = []
    for ex in exs:
        blocks, _ = ts.load_docs(ts._doc_file(docs_dir, hashes[ex.article.stem]), vocab)
        with np.load(tensors / f"{hashes[ex.article.stem][:32]}.npz") as z:
            tens = {k: z[k] for k in z.files}
        for cid, v in candidate_vectors(ex, blocks, tens).items():
            index[cid] = len(vecs)
            vecs.append(v.reshape(-1))
    cand = np.array([index[id(r[1])] for r in rows])
    v = np.stack(vecs).astype(np.float16)
    found = ~np.isnan(v[:, ::DIM].astype(np.float32))
    print(f"{len(vecs)} candidates; with a vector: " + ", ".join(f"{p} {found[:, j].mean():.3f}"
          for j, p in enumerate(PARTS)))  # fmt: skip
    n_gold = {f"redocred-dev/{d}": len(g["facts"]) for d, g in gold.items()}
    np.savez(work / "pilot.npz", x=x, y=y, w=n, n=n, doc=np.array([r[0] for r in rows]),
             fact=np.array([r[5] for r in rows]), gkey=np.array([r[6] for r in rows]), cand=cand, vec=v,
             meta=np.array(json.dumps({"codes": codes, "n_gold": n_gold})))  # fmt: skip
    print(f"saved {work / 'pilot.npz'} ({time.perf_counter() - ts.T0:.0f} s)")


def _data(z, x: np.ndarray) -> ts.Data:  # type: ignore[no-untyped-def]
    meta = json.loads(str(z["meta"]))
    docs = {d: {} for d in meta["n_gold"]}
    return ts.Data([], x, z["y"], z["w"], z["n"], z["doc"], z["fact"], z["gkey"], meta["codes"], meta["n_gold"],
                   docs, {"redocred-dev": len(docs)})  # fmt: skip


def held_out(data: ts.Data, fitted: ts.Fitted, rows: np.ndarray, save: Path | None = None) -> dict:  # type: ignore[type-arg]
    """Candidate-level figures of ``fitted`` on ``rows`` (documents it never saw)."""
    raw = fitted.clf.predict_proba(data.x[rows])[:, 1]
    grp = ts.groups_of(data.x[rows])
    cal = fitted.iso.predict(raw)
    cut = np.full(len(rows), fitted.thr)
    for g, (m, t, _) in fitted.groups.items():
        sel = grp == g
        if m is not None:
            cal[sel] = m.predict(raw[sel])
        cut[sel] = t
    cal = np.round(cal, 3)
    y, n, fact, gkey = data.y[rows], data.n[rows], data.fact[rows], data.gkey[rows]
    gold = sum(data.n_gold[d] for d in set(data.doc[rows].tolist()))
    stated: dict[str, float] = {}
    acc = cal >= cut
    for i in np.flatnonzero(acc):
        stated.setdefault(fact[i], n[i])
    tp = len({gkey[i] for i in np.flatnonzero(acc & (y == 1)) if gkey[i]})
    k = sum(stated.values())
    p, r = tp / max(1e-9, k), tp / max(1, gold)
    bins = np.minimum(9, (cal * 10).astype(int))
    ece = sum(abs(np.average(y[bins == b], weights=n[bins == b]) - np.average(cal[bins == b], weights=n[bins == b]))
              * n[bins == b].sum() for b in set(bins.tolist())) / n.sum()  # fmt: skip
    pr = ts.pr_curve(cal, y, n, fact, gkey, gold)
    hi = cal >= 0.9
    if save is not None:  # for :func:`pool`
        np.savez(save, cal=cal, y=y, n=n, fact=fact, gkey=gkey, acc=acc, gold=np.array(gold))
    return {"f1": round(2 * p * r / max(1e-9, p + r), 4), "precision": round(p, 4), "recall": round(r, 4),
            "ece": round(float(ece), 4), "gold": gold, "statements": int(k),
            "precision_at_0.9": round(float(np.average(y[hi], weights=n[hi])), 4) if hi.any() else None,
            "best_f1_at_precision_0.65": pr["best_f1_at_precision_0.65"], "points": pr["points"]}  # fmt: skip


def train(work: Path, folds: list[int], dims: int) -> None:
    from sklearn.decomposition import PCA

    z = np.load(work / "pilot.npz", allow_pickle=False)
    x0, cand, vec = z["x"], z["cand"], z["vec"].astype(np.float32)
    doc = z["doc"]
    docs = sorted(json.loads(str(z["meta"]))["n_gold"])  # every document, as scorer_cv.py deals them
    fold_of = ts.fold_of(docs, 5)
    out = {}
    for k in folds:
        test = np.array([fold_of[d] == k for d in doc])
        train_rows, test_rows = np.flatnonzero(~test), np.flatnonzero(test)
        res = {}
        for name in ("without", "with"):
            x = x0
            if name == "with":
                seen = np.unique(cand[train_rows])
                extra = []
                for j in range(len(PARTS)):
                    part = vec[:, j * DIM : (j + 1) * DIM]
                    if not dims:  # the vectors as they are
                        extra.append(part[cand])
                        continue
                    fit_on = part[seen][~np.isnan(part[seen, 0])]
                    pca = PCA(n_components=dims, random_state=0).fit(fit_on)
                    red = np.full((len(part), dims), np.nan)
                    ok = ~np.isnan(part[:, 0])
                    red[ok] = pca.transform(part[ok])
                    extra.append(red[cand])
                    print(f"  fold {k} {PARTS[j]}: PCA {dims} dims keep "
                          f"{pca.explained_variance_ratio_.sum():.3f} of the variance", flush=True)  # fmt: skip
                x = np.hstack([x0, *extra])
            data = _data(z, x)
            t0 = time.process_time()
            fitted = ts.calibrated(data, train_rows, 3, split=True)
            res[name] = held_out(data, fitted, test_rows, work / f"preds-d{dims}-{name}-fold{k}.npz")
            res[name]["fit_cpu_s"] = round(time.process_time() - t0, 1)
            # how much the trees use the new columns: the share of their splits on them
            feats = [int(nd["feature_idx"]) for (p,) in fitted.clf._predictors for nd in p.nodes if not nd["is_leaf"]]
            res[name]["splits_on_vectors"] = round(sum(f >= x0.shape[1] for f in feats) / max(1, len(feats)), 4)
            r = res[name]
            print(f"fold {k} {name} tensor features: F1 {r['f1']} P {r['precision']} R {r['recall']} ECE {r['ece']} "
                  f"best F1 at P>=0.65 {r['best_f1_at_precision_0.65']} (cpu {r['fit_cpu_s']} s; "
                  f"splits on the vectors {r['splits_on_vectors']})", flush=True)  # fmt: skip
        out[f"fold{k}"] = res
        name = f"pilot-train-d{dims}-f{''.join(map(str, folds))}.json"
        (work / name).write_text(json.dumps(out, indent=1), encoding="utf-8")


def pool(work: Path, dims: int) -> None:
    """The held-out folds of ``train`` pooled: F1, P, R at each fold's own thresholds, the best
    F1 of one confidence cut where precision ≥ 0.65, ECE and precision at ≥ 0.9 (candidate level)."""
    for name in ("without", "with"):
        files = sorted(work.glob(f"preds-d{dims}-{name}-fold*.npz"))
        if not files:
            continue
        zs = [np.load(f, allow_pickle=False) for f in files]
        cal, y, n, acc = (np.concatenate([z[k] for z in zs]) for k in ("cal", "y", "n", "acc"))
        fact, gkey = (np.concatenate([z[k] for z in zs]) for k in ("fact", "gkey"))
        gold = int(sum(int(z["gold"]) for z in zs))
        stated: dict[str, float] = {}
        for i in np.flatnonzero(acc):
            stated.setdefault(fact[i], n[i])
        tp = len({gkey[i] for i in np.flatnonzero(acc & (y == 1)) if gkey[i]})
        p, r = tp / max(1e-9, sum(stated.values())), tp / max(1, gold)
        bins = np.minimum(9, (cal * 10).astype(int))
        ece = sum(abs(np.average(y[bins == b], weights=n[bins == b]) - np.average(cal[bins == b], weights=n[bins == b]))
                  * n[bins == b].sum() for b in set(bins.tolist())) / n.sum()  # fmt: skip
        pr = ts.pr_curve(cal, y, n, fact, gkey, gold)
        hi = cal >= 0.9
        print(f"d{dims} {name}, folds {[f.stem[-1] for f in files]} pooled: F1 {2 * p * r / max(1e-9, p + r):.4f} "
              f"P {p:.4f} R {r:.4f} ECE {ece:.4f} P at >=0.9 {np.average(y[hi], weights=n[hi]):.4f} "
              f"(n {int(hi.sum())}); best F1 at P>=0.65 {pr['best_f1_at_precision_0.65']}; "
              f"cuts {[(q['t'], q['precision'], q['recall'], q['f1']) for q in pr['points']]}")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=("extract", "train", "pool"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/score6"))
    ap.add_argument("--fold", type=int, action="append")
    ap.add_argument("--data", type=Path, help="articles (default: the Re-DocRED dev set)")
    ap.add_argument("--dims", type=int, default=8, help="PCA dimensions per vector (4 vectors); 0: all 96, no PCA")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    if a.step == "extract":
        extract(a.work, a.data)
    elif a.step == "train":
        train(a.work, a.fold or [0], a.dims)
    else:
        pool(a.work, a.dims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
