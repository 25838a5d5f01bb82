"""How the ``country → locatedIn`` implication fares against a gold: its statements by the subject's
class and by whether the article states a finer container for the subject.

    python benchmarks/implied_located_in.py GRAPH.nq --gold DIR [--inverse] [--stated RULES]

Each ``infer:implies:locatedIn`` statement implied from a ``country`` fact is scored on its own with the
shared scorer; "finer" means the same article states the subject ``locatedIn`` a region or city, or its
``headquarters`` in one. Then by the extractor of its premise (the ``country`` fact it was implied from),
and the whole set scored under four variants of the rule, on a graph built with the unconditional
implication (a graph built with a narrower rule gives (a) as built and the others below it):
(a) every implied statement kept; (b) only those whose premise's extractor reads the country from the
text (``--stated``, ``infobox:`` a prefix: "Harare, Zimbabwe", an infobox value) or whose subject is a
first-level division of the country by the gazetteer (``Gazetteer.first_level_division``); (c) none;
(d) all but those whose subject is in a finer container (kg's rule: ``unless_within`` in
``kg/data/inference.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from precision_by_rule import load_scorer  # the shared scorer as a module (benchmarks/ is on sys.path)
from rdflib import RDF, RDFS, Namespace

from kg.gazetteer import gazetteer

KG = Namespace("https://kg.example.org/ontology#")
RULE = "infer:implies:locatedIn"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--inverse", action="store_true")
    ap.add_argument("--stated", default="place-chain,infobox:,lead-location", help="variant (b)'s premise rules")
    a = ap.parse_args()
    stated = tuple(r for r in a.stated.split(",") if r)
    gaz = gazetteer()
    ks = load_scorer()
    pred = ks.Predicted([a.graph], [])
    golds = {p.name.removesuffix(".gold.json"): p for p in a.gold.glob("*.gold.json")}
    union = pred.union

    def cls(node: object) -> str:
        names = sorted(str(t).rsplit("#", 1)[-1] for t in union.objects(node, RDF.type) if "ontology#" in str(t))
        return names[0] if names else "?"

    by_class: Counter[tuple[str, str, bool]] = Counter()
    by_finer: Counter[tuple[bool, bool]] = Counter()
    by_premise: Counter[tuple[str, bool]] = Counter()
    totals = {v: Counter() for v in "abcd"}  # type: ignore[var-annotated]

    def name(node: object) -> str:
        names = sorted(str(x) for x in union.objects(node, RDFS.label) if x) or sorted(pred.labels.get(node, ()))
        return names[0] if names else ""

    def from_country(st: object) -> bool:  # the country → locatedIn row, not headquarters → locatedIn
        return str(union.value(union.value(st, KG.premise), RDF.predicate)).endswith("#country")

    def kept_b(st: object, s: object, o: object) -> bool:
        rule = str(union.value(union.value(st, KG.premise), KG.extractor))
        if any(rule == r or (r.endswith(":") and rule.startswith(r)) for r in stated):
            return True
        return cls(s) == "AdministrativeRegion" and gaz.first_level_division(name(s), name(o))

    for ctx in pred.ds.graphs():
        stem = str(ctx.identifier).rsplit("/", 1)[-1]
        if stem not in golds:
            continue
        gold = json.loads(golds[stem].read_text(encoding="utf-8"))
        finer = set()
        stmts = list(ctx.subjects(RDF.type, KG.Statement))
        for st in stmts:
            located = str(ctx.value(st, RDF.predicate)).rsplit("#", 1)[-1] in ("locatedIn", "headquarters")
            implied_here = str(ctx.value(st, KG.extractor)).startswith("infer:")
            if located and not implied_here and cls(ctx.value(st, RDF.object)) in ("AdministrativeRegion", "City"):
                finer.add(ctx.value(st, RDF.subject))
        for st in stmts:
            if str(ctx.value(st, KG.extractor)) != RULE or not from_country(st):
                continue
            s, p, o = ctx.value(st, RDF.subject), ctx.value(st, RDF.predicate), ctx.value(st, RDF.object)
            right = bool(ks.score_doc(pred, gold, {(s, p, o)}, a.inverse)["tp"])
            by_class[(cls(s), cls(o), right)] += 1
            by_finer[(s in finer, right)] += 1
            premise = str(union.value(ctx.value(st, KG.premise), KG.extractor))
            by_premise[(premise.split(":")[0] + ":" if premise.startswith("infobox:") else premise, right)] += 1
        # the variants: a triple goes when every statement of it in this article is a dropped implication
        implied: dict[tuple[object, object, object], list[bool]] = {}
        other = set()
        for st in stmts:
            t = (ctx.value(st, RDF.subject), ctx.value(st, RDF.predicate), ctx.value(st, RDF.object))
            if str(ctx.value(st, KG.extractor)) == RULE and from_country(st):
                implied.setdefault(t, []).append(kept_b(st, t[0], t[2]))
            else:
                other.add(t)
        triples = {t for t in pred.doc_triples(stem, single=False) if pred.prop_map.get(t[1])}
        for v in "abcd":
            drop = {
                t
                for t, ks_ in implied.items()
                if t not in other and (v == "c" or (v == "b" and not any(ks_)) or (v == "d" and t[0] in finer))
            }
            r = ks.score_doc(pred, gold, triples - drop, a.inverse)
            totals[v].update(tp=r["tp"], pred=r["pred"], gold=r["gold"])
    print(f"{'subject class':24} {'object class':14} {'right':>6} {'wrong':>6}")
    for sc, oc in sorted({(k[0], k[1]) for k in by_class}, key=lambda k: -by_class[(*k, True)] - by_class[(*k, False)]):
        print(f"{sc:24} {oc:14} {by_class[(sc, oc, True)]:6d} {by_class[(sc, oc, False)]:6d}")
    for f in (True, False):
        label = "a finer container stated" if f else "no finer container"
        print(f"{label:39} {by_finer[(f, True)]:6d} {by_finer[(f, False)]:6d}")
    print(f"{'premise extractor':39} {'right':>6} {'wrong':>6}")
    for rule in sorted({k[0] for k in by_premise}, key=lambda r: -by_premise[(r, True)] - by_premise[(r, False)]):
        print(f"{rule:39} {by_premise[(rule, True)]:6d} {by_premise[(rule, False)]:6d}")
    names = {
        "a": "(a) as built",
        "b": f"(b) stated ({','.join(stated)}) or first-level",
        "c": "(c) never",
        "d": "(d) unless a finer container is stated",
    }
    for v in "abcd":
        t = totals[v]
        p = t["tp"] / t["pred"] if t["pred"] else 0.0
        rec = t["tp"] / t["gold"] if t["gold"] else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        print(f"{names[v]}: F1 {f1:.3f} P {p:.3f} R {rec:.3f} (tp {t['tp']}, predicted {t['pred']}, gold {t['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
