"""How the ``country → locatedIn`` implication fares against a gold: its statements by the subject's
class and by whether the article states a finer container for the subject.

    python benchmarks/implied_located_in.py GRAPH.nq --gold DIR [--inverse]

Each ``infer:implies:locatedIn`` statement is scored on its own with the shared scorer; "finer" means
the same article has the subject ``locatedIn`` something that is not a country by another rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from precision_by_rule import load_scorer  # the shared scorer as a module (benchmarks/ is on sys.path)
from rdflib import RDF, Namespace

KG = Namespace("https://kg.example.org/ontology#")
RULE = "infer:implies:locatedIn"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--inverse", action="store_true")
    a = ap.parse_args()
    ks = load_scorer()
    pred = ks.Predicted([a.graph], [])
    golds = {p.name.removesuffix(".gold.json"): p for p in a.gold.glob("*.gold.json")}
    union = pred.union

    def cls(node: object) -> str:
        names = sorted(str(t).rsplit("#", 1)[-1] for t in union.objects(node, RDF.type) if "ontology#" in str(t))
        return names[0] if names else "?"

    by_class: Counter[tuple[str, str, bool]] = Counter()
    by_finer: Counter[tuple[bool, bool]] = Counter()
    for ctx in pred.ds.graphs():
        stem = str(ctx.identifier).rsplit("/", 1)[-1]
        if stem not in golds:
            continue
        gold = json.loads(golds[stem].read_text(encoding="utf-8"))
        finer = set()
        stmts = list(ctx.subjects(RDF.type, KG.Statement))
        for st in stmts:
            located = str(ctx.value(st, RDF.predicate)).endswith("#locatedIn")
            if located and str(ctx.value(st, KG.extractor)) != RULE and cls(ctx.value(st, RDF.object)) != "Country":
                finer.add(ctx.value(st, RDF.subject))
        for st in stmts:
            if str(ctx.value(st, KG.extractor)) != RULE:
                continue
            s, p, o = ctx.value(st, RDF.subject), ctx.value(st, RDF.predicate), ctx.value(st, RDF.object)
            right = bool(ks.score_doc(pred, gold, {(s, p, o)}, a.inverse)["tp"])
            by_class[(cls(s), cls(o), right)] += 1
            by_finer[(s in finer, right)] += 1
    print(f"{'subject class':24} {'object class':14} {'right':>6} {'wrong':>6}")
    for sc, oc in sorted({(k[0], k[1]) for k in by_class}, key=lambda k: -by_class[(*k, True)] - by_class[(*k, False)]):
        print(f"{sc:24} {oc:14} {by_class[(sc, oc, True)]:6d} {by_class[(sc, oc, False)]:6d}")
    for f in (True, False):
        label = "a finer container stated" if f else "no finer container"
        print(f"{label:39} {by_finer[(f, True)]:6d} {by_finer[(f, False)]:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
