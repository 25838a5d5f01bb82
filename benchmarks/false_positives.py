"""The facts a graph states that its gold files do not: the list a fact-checker reads.

    python benchmarks/false_positives.py GRAPH.nq --gold DIR [--inverse] [--doc STEM]

Each fact of a document's graph is scored on its own with the shared scorer
(``../shared/eval/kgscore.py``, ``score_doc`` on that one triple); the ones that match no gold
fact are printed with the rule, confidence and sentence of their statements, grouped by rule,
so a reader can tell a wrong fact from a true one the gold left out.
"""

from __future__ import annotations

import sys
from collections import Counter

# the shared scorer as a module, and the listers' arguments and gold walk (benchmarks/ is on sys.path)
from precision_by_rule import gold_docs, graph_and_gold_args, load_scorer
from rdflib import RDF, Namespace

KG = Namespace("https://kg.example.org/ontology#")


def main() -> int:
    a = graph_and_gold_args(__doc__).parse_args()
    ks = load_scorer()
    pred = ks.Predicted([a.graph], [])
    union = pred.union
    by_rule: Counter[str] = Counter()
    for stem, gold in gold_docs(a.gold, a.doc):
        triples = [t for t in pred.doc_triples(stem, single=False) if pred.prop_map.get(t[1])]
        wrong = [t for t in triples if ks.score_doc(pred, gold, {t}, a.inverse)["tp"] == 0]
        if not wrong:
            continue
        print(f"== {stem}: {len(wrong)} of {len(triples)} facts match no gold fact")
        def label(n: object) -> str:
            names = sorted(pred.labels.get(n, ()))
            return names[0] if names else str(n).rsplit("/", 1)[-1]

        for s, p, o in sorted(wrong):
            rules = []
            for st in union.subjects(RDF.subject, s):
                if union.value(st, RDF.predicate) == p and union.value(st, RDF.object) == o and stem in str(
                    union.value(st, Namespace("http://www.w3.org/ns/prov#").wasDerivedFrom)
                ):
                    rule = str(union.value(st, KG.extractor))
                    rules.append((rule, str(union.value(st, KG.confidence)), str(union.value(st, KG.sentence))[:110]))
                    by_rule[rule] += 1
            print(f"  {label(s)} --{str(p).rsplit('#', 1)[-1]}--> {label(o)}")
            for rule, conf, sent in sorted(set(rules))[:2]:
                print(f"      [{rule} {conf}] {sent}")
    print("\nunmatched statements by rule:", ", ".join(f"{r} {n}" for r, n in by_rule.most_common(25)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
