"""The gold facts a graph misses: the list to read for recall, beside ``false_positives.py``.

    python benchmarks/false_negatives.py GRAPH.nq --gold DIR [--inverse] [--doc STEM]

Each document's facts are scored with the shared scorer (``../shared/eval/kgscore.py``); its gold
facts that no predicted fact matched are printed by document with their subject's and object's gold
labels and whether the article's graph holds a node of that name for each (a miss with both nodes is a
missing relation or, for a date or number, a missing value; one without is a missing entity first),
then counted by kind and by property.
"""

from __future__ import annotations

import sys
from collections import Counter

# the shared scorer as a module, and the listers' arguments and gold walk (benchmarks/ is on sys.path)
from precision_by_rule import gold_docs, graph_and_gold_args, load_scorer


def _name(ks: object, ents: dict, found: set[str], gid: object, literal: bool = False) -> tuple[str, bool]:
    """A gold entity's label, and whether the graph has a node under any of its names."""
    if literal or gid not in ents:
        return str(gid), True
    e = ents[gid]
    if e["type"] in ("TIME", "NUM"):  # a value: matched as a literal, never a node
        return e["label"], True
    names = [e["label"], *e.get("aliases", [])]
    return e["label"], any(ks.norm(n) in found for n in names)  # type: ignore[attr-defined]


def main() -> int:
    a = graph_and_gold_args(__doc__).parse_args()
    ks = load_scorer()
    pred = ks.Predicted([a.graph], [])
    by_prop: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for stem, gold in gold_docs(a.gold, a.doc):
        everything = pred.doc_triples(stem, single=False)
        triples = {t for t in everything if pred.prop_map.get(t[1])}
        missed = ks.score_doc(pred, gold, triples, a.inverse)["missed"]
        if not missed:
            continue
        ents = {e["id"]: e for e in gold["entities"]}
        found = {ks.norm(n) for node in {t[0] for t in everything} for n in pred.labels.get(node, ())}

        print(f"== {stem}: {len(missed)} of {len(gold['facts'])} gold facts missed")
        for f in missed:
            s, s_in = _name(ks, ents, found, f["s"])
            o, o_in = _name(ks, ents, found, f["o"], bool(f.get("literal")))
            value = f.get("literal") or ents.get(f["o"], {}).get("type") in ("TIME", "NUM")
            kind = ("value" if value else "relation") if s_in and o_in else "entity"
            by_kind[kind] += 1
            props = "/".join(sorted(f["p"]))
            by_prop[props] += 1
            absent = ", ".join(n for n, i in ((s, s_in), (o, o_in)) if not i)
            mark = f"  [no node: {absent}]" if absent else ""
            print(f"  {s} --{props}--> {o}{mark}")
    print("\nmissed by kind:", ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
    print("missed by property:", ", ".join(f"{p} {n}" for p, n in by_prop.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
