"""Precision of each extractor (rule name or infobox key) against gold files.

    python benchmarks/precision_by_rule.py GRAPH.nq --gold DIR [--inverse] [--show RULE]

Scores every reified statement on its own with the shared scorer's matching,
then prints, per extractor: statements, correct, precision and the mean confidence its
statements carry (a rule whose confidence is far above its precision says too much), and
the same by confidence band (calibration). ``--inverse`` accepts Wikidata inverse properties,
as ``quality.py --inverse`` does. ``--show RULE`` lists that rule's wrong facts with their
sentence, to read what went wrong.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from rdflib import RDF, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "kgscore.py"
KG = Namespace("https://kg.example.org/ontology#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def load_scorer():  # type: ignore[no-untyped-def]
    """The shared scorer (``../shared/eval/kgscore.py``) as a module."""
    spec = importlib.util.spec_from_file_location("kgscore", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def graph_and_gold_args(doc: str) -> argparse.ArgumentParser:
    """The arguments of the listers beside this script: a graph, ``--gold DIR``, ``--inverse``, ``--doc``."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--inverse", action="store_true")
    ap.add_argument("--doc", help="only this document (file stem)")
    return ap


def gold_docs(gold_dir: Path, only: str | None = None) -> Iterator[tuple[str, dict]]:
    """Each gold file of ``gold_dir`` as (document stem, gold), sorted; only ``only`` if given."""
    for gpath in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        stem = Path(gold["doc"]).stem if "doc" in gold else gpath.name.removesuffix(".gold.json")
        if only is None or stem == only:
            yield stem, gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--show", default=None)
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--inverse", action="store_true", help="accept Wikidata inverse properties")
    a = ap.parse_args()
    ks = load_scorer()
    pred = ks.Predicted([str(a.graph)], [])
    golds = {p.name.replace(".gold.json", ""): p for p in a.gold.glob("*.gold.json")}
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    conf: Counter[str] = Counter()
    band_total: Counter[float] = Counter()
    band_right: Counter[float] = Counter()
    wrong: dict[str, list[str]] = defaultdict(list)
    for ctx in pred.ds.graphs():
        stem = str(ctx.identifier).rsplit("/", 1)[-1]
        if stem not in golds:
            continue
        gold = json.loads(golds[stem].read_text(encoding="utf-8"))
        for st in ctx.subjects(RDF.type, KG.Statement):
            s, p, o = ctx.value(st, RDF.subject), ctx.value(st, RDF.predicate), ctx.value(st, RDF.object)
            if not pred.prop_map.get(p):
                continue
            rule = (
                str(ctx.value(st, KG.extractor)).split(":")[0] + ":" + str(ctx.value(st, KG.extractor)).split(":")[-1]
                if ":" in str(ctx.value(st, KG.extractor))
                else str(ctx.value(st, KG.extractor))
            )
            r = ks.score_doc(pred, gold, {(s, p, o)}, a.inverse)
            c = float(ctx.value(st, KG.confidence) or 0)
            total[rule] += 1
            right[rule] += r["tp"]
            conf[rule] += c
            band = min(int(c * 10), 9) / 10
            band_total[band] += 1
            band_right[band] += r["tp"]
            if not r["tp"] and a.show and a.show in rule:
                lab = lambda n: n if isinstance(n, Literal) else pred.union.value(n, RDFS_LABEL)  # noqa: E731
                wrong[rule].append(
                    f"{stem}: {lab(s)} --{str(p).split('#')[-1]}--> {lab(o)}  | {str(ctx.value(st, KG.sentence))[:160]}"
                )
    print(f"{'extractor':40} {'facts':>6} {'right':>6} {'precision':>9} {'confidence':>10}")
    for rule, n in total.most_common():
        print(f"{rule:40} {n:6d} {right[rule]:6d} {right[rule] / n:9.2f} {conf[rule] / n:10.2f}")
    print(f"\n{'confidence band':40} {'facts':>6} {'right':>6} {'precision':>9}")
    for band in sorted(band_total):
        n = band_total[band]
        print(f"{f'[{band:.1f}, {band + 0.1:.1f})':40} {n:6d} {band_right[band]:6d} {band_right[band] / n:9.2f}")
    for rule, lines in wrong.items():
        print(f"\nwrong {rule}:")
        for line in lines[: a.limit]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
