"""Why gold entities are not found, and what the duplicate nodes are, with the scorer's matching.

    python benchmarks/entity_misses.py GRAPH.nq --gold DIR [--show KIND] [--limit N]

For every gold entity the scorer does not count as found (TIME and NUM left out, as the scorer
does), one of:

- ``untyped``: a node carries its name but has no person/organisation/place/event type (works,
  languages, ideologies: kg's ``CreativeWork``/``Other``…), so the scorer cannot count it;
- ``split``: a typed node carries its name but the scorer gives that node to another gold entity
  (the gold keeps "Japan" and "Japanese" apart where kg has one node, or two gold entities share
  a label);
- ``absent``: no node of the article carries the name.

Then the duplicates: gold entities matched by two or more typed nodes of one article, split by
whether the nodes share a word ("Yale" / "Yale College") and whether they share a type.
``--show untyped|split|absent|duplicates`` lists examples.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from precision_by_rule import load_scorer  # the sibling script: run as python benchmarks/…


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--show", choices=["untyped", "split", "absent", "duplicates"])
    ap.add_argument("--limit", type=int, default=40)
    a = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":  # the scorer's ties follow set order: one seed, one answer
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    k = load_scorer()
    pred = k.Predicted([str(a.graph)], [])
    kinds: Counter[tuple[str, str]] = Counter()
    dups: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for gf in sorted(a.gold.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        stem = gf.name[: -len(".gold.json")]
        triples = pred.doc_triples(stem, False)
        ents = {e["id"]: e for e in gold["entities"]}
        by_alias: dict[str, set[str]] = defaultdict(set)
        for e in gold["entities"]:
            for name in [e["label"], *e.get("aliases", [])]:
                by_alias[k.norm(name)].add(e["id"])

        def gold_id(node, by_alias=by_alias, ents=ents):  # type: ignore[no-untyped-def]
            hits = Counter(g for lab in pred.labels.get(node, ()) for g in by_alias.get(lab, ()))
            return max(hits, key=lambda g: (hits[g], -len(ents[g]["label"]))) if hits else None

        nodes = {n for t in triples for n in (t[0], t[2]) if not isinstance(n, k.Literal)}
        # the scorer's own node set: typed, or any node it reads as an entity (an Ideology, a work…)
        typed = {n for n in nodes if pred.coarse.get(n) or n in pred.entities}
        found: dict[str, list] = defaultdict(list)
        for n in typed:
            g = gold_id(n)
            if g is not None:
                found[g].append(n)
        for g, ns in found.items():
            if len(ns) > 1:
                words = [set(" ".join(pred.labels.get(n, ())).split()) for n in ns]
                share = "shared word" if words[0] & words[1] else "no shared word"
                same = "same type" if pred.coarse.get(ns[0]) == pred.coarse.get(ns[1]) else "other type"
                dups[(share, same)] += len(ns) - 1
                shown["duplicates"].append(f"{stem}: {ents[g]['label']!r} ← {[str(n).rsplit('/', 1)[-1] for n in ns]}")
        labelled = defaultdict(list)
        for n in nodes:
            for lab in pred.labels.get(n, ()):
                labelled[lab].append(n)
        for e in gold["entities"]:
            if e["type"] in ("TIME", "NUM") or e["id"] in found:
                continue
            carriers = [n for name in [e["label"], *e.get("aliases", [])] for n in labelled.get(k.norm(name), ())]
            kind = "absent" if not carriers else "split" if any(n in typed for n in carriers) else "untyped"
            kinds[(e["type"], kind)] += 1
            kg_types = sorted({str(c).rsplit("/", 1)[-1] for n in carriers for c in pred.union.objects(n, k.RDF.type)})
            shown[kind].append(
                f"{stem}: {e['label']!r} ({e['type']})" + (f" ← kg {', '.join(kg_types)}" if kg_types else "")
            )
    total = sum(kinds.values())
    print(f"gold entities not found: {total}")
    for kind in ("untyped", "split", "absent"):
        row = {t: n for (t, kd), n in kinds.items() if kd == kind}
        print(f"  {kind:8} {sum(row.values()):5}  " + "  ".join(f"{t} {n}" for t, n in sorted(row.items())))
    print(f"duplicate nodes: {sum(dups.values())}")
    for (share, same), n in sorted(dups.items()):
        print(f"  {share}, {same}: {n}")
    if a.show:
        print(f"\n{a.show}:")
        for line in shown[a.show][: a.limit]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
