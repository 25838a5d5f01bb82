"""Duplicate nodes: which gold entity got several of kg's nodes, and those nodes' labels.

    python benchmarks/name_clusters.py GRAPH.nq --gold DIR     # a dump kept by quality.py --keep
    python benchmarks/name_clusters.py --data DIR              # build DIR first, then list

It counts exactly as the shared scorer's "duplicates" figure does (``../shared/eval/kgscore.py``):
per document, the named and typed nodes of that document's facts, each mapped to the gold entity
whose names its labels hit most; a gold entity with two or more such nodes is a cluster. For each
cluster it prints the gold label and every node's IRI and labels, so one can see why they were not
merged.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _build(folder: Path, tmp: Path) -> Path:
    src = tmp / "articles"
    src.mkdir()
    for t in sorted(folder.glob("*.txt")):
        shutil.copy(t, src / t.name)
    dump = tmp / "graph.nq"
    subprocess.run([sys.executable, "-m", "kg", "build", str(src), "--store", str(tmp / "store"), "-o", str(dump)],
                   check=False, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONHASHSEED": "0"})
    return dump


def clusters(graph: Path, gold_dir: Path) -> list[dict[str, Any]]:
    """One row per (document, gold entity) with two or more of kg's nodes."""
    sys.path.insert(0, str(EVAL))
    import kgscore  # type: ignore[import-not-found]
    from rdflib import Literal

    pred = kgscore.Predicted([str(graph)], [])
    out: list[dict[str, Any]] = []
    for gpath in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        stem = Path(gold["doc"]).stem if "doc" in gold else gpath.name.removesuffix(".gold.json")
        ents = {e["id"]: e for e in gold["entities"]}
        by_alias: dict[str, set[str]] = defaultdict(set)
        for e in gold["entities"]:
            for a in [e["label"], *e.get("aliases", [])]:
                by_alias[kgscore.norm(a)].add(e["id"])
        triples = pred.doc_triples(stem, single=False)
        nodes = {n for t in triples for n in (t[0], t[2])
                 if not isinstance(n, Literal) and (pred.coarse.get(n) or n in pred.entities)}
        per_gold: dict[str, list[Any]] = defaultdict(list)
        for n in nodes:
            hits = Counter(g for lab in pred.labels.get(n, ()) for g in by_alias.get(lab, ()))
            if hits:
                per_gold[max(hits, key=lambda g: (hits[g], -len(ents[g]["label"])))].append(n)
        for gid, ns in sorted(per_gold.items()):
            if len(ns) < 2:
                continue
            rows = []
            for n in sorted(ns):
                labels = sorted({str(o) for lp in kgscore.LABELS for o in pred.union.objects(n, lp)})
                rows.append({"iri": str(n), "labels": labels, "types": sorted(pred.coarse.get(n, set()))})
            out.append({"doc": stem, "gold": ents[gid]["label"], "type": ents[gid]["type"], "nodes": rows})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", nargs="?", type=Path, help="an N-Quads dump (quality.py --keep)")
    ap.add_argument("--gold", type=Path, help="folder of gold files (default: --data)")
    ap.add_argument("--data", type=Path, help="article folder to build first")
    ap.add_argument("--json", action="store_true", help="print JSON rather than text")
    a = ap.parse_args()
    if a.graph is None and a.data is None:
        ap.error("give a GRAPH or --data DIR")
    with tempfile.TemporaryDirectory() as tmp:
        graph = a.graph if a.graph is not None else _build(a.data, Path(tmp))
        rows = clusters(graph, a.gold or a.data)
    if a.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['doc']}: {r['gold']} [{r['type']}] — {len(r['nodes'])} nodes")
        for n in r["nodes"]:
            print(f"    {n['iri']}  {n['labels']}  {','.join(n['types'])}")
    print(f"duplicates: {sum(len(r['nodes']) - 1 for r in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
