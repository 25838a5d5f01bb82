"""Write the facts of a kg build as a sheet a fact-checker reads against the text.

    python benchmarks/factcheck_sheet.py GRAPH.nq --out SHEET.tsv [--sample N --seed S]

One row per statement kg wrote (``kg:Statement`` nodes): article, subject label, relation,
object label (or literal), the sentence it came from, its rule and confidence. Left out, as
in the blind fact-checks in ``benchmarks/factcheck/``: restatements inference makes of another
row (``inverse:`` and ``symmetric:`` rules: the same fact read backwards) and raw
``kg:infoboxValue`` literals (the infobox text kept as it is, not a claim). Other inferred
facts are kept, their sentence being the premises' sentences joined by " | ".

``--period`` adds the period a fact holds (its ``kg:validFrom``/``kg:validUntil`` qualifiers,
"from 1975 until 1986", or "historical" for a fact given as no longer so), so a reader can tell a dated
fact from one given as current.

The sheet holds no gold and no verdicts: give it to a reader with the articles, who writes a
judgements file (id, verdict, reason).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import pyoxigraph as ox

KG = "https://kg.example.org/ontology#"
QUERY = f"""
PREFIX kg: <{KG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?st ?s ?p ?o ?sentence ?extractor ?rule ?confidence ?from ?until ?status WHERE {{
  GRAPH ?g {{
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL {{ ?st kg:sentence ?sentence }}
    OPTIONAL {{ ?st kg:extractor ?extractor }}
    OPTIONAL {{ ?st kg:rule ?rule }}
    OPTIONAL {{ ?st kg:confidence ?confidence }}
    OPTIONAL {{ ?st kg:validFrom ?from }}
    OPTIONAL {{ ?st kg:validUntil ?until }}
    OPTIONAL {{ ?st kg:status ?status }}
  }}
}}
"""
RESTATEMENT = ("inverse:", "symmetric:")


def _labels(store: ox.Store) -> dict[object, str]:
    labels: dict[object, str] = {}
    for r in store.query("SELECT ?x ?l WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"):
        labels.setdefault(r["x"], str(r["l"].value))
    return labels


def _label(labels: dict[object, str], term: object) -> str:
    if isinstance(term, ox.Literal):
        return term.value
    return labels.get(term) or str(getattr(term, "value", term)).rsplit("/", 1)[-1]


def _premise_sentences(store: ox.Store) -> dict[object, str]:
    found: dict[object, set[str]] = {}
    for r in store.query(
        f"SELECT ?st ?s WHERE {{ GRAPH ?g {{ ?st <{KG}premise> ?p }} GRAPH ?h {{ ?p <{KG}sentence> ?s }} }}"
    ):
        found.setdefault(r["st"], set()).add(str(r["s"].value))
    return {st: " | ".join(sorted(s)) for st, s in found.items()}


def _period(start: object, end: object, status: object = None) -> str:
    """ "from 1970-05-14 until 1986-10-19", "from 1975", "until 1991", "historical" (a fact given as no
    longer so, its ``kg:status``), or "" (the statement's ``kg:validFrom`` / ``kg:validUntil`` qualifiers)."""
    parts = [f"{word} {t.value}" for word, t in (("from", start), ("until", end)) if t is not None]
    if not parts and status is not None and str(getattr(status, "value", status)) in ("Historical", "Former"):
        parts.append(str(getattr(status, "value", status)).lower())
    return " ".join(parts)


def rows(path: Path) -> list[dict[str, str]]:
    store = ox.Store()
    with path.open("rb") as handle:
        store.load(handle, format=ox.RdfFormat.N_QUADS)
    labels, premises = _labels(store), _premise_sentences(store)
    out = []
    for r in store.query(QUERY):
        rule = str(r["rule"].value) if r["rule"] else ""
        relation = str(r["p"].value)
        if rule.startswith(RESTATEMENT) or relation == KG + "infoboxValue":
            continue
        sentence = str(r["sentence"].value) if r["sentence"] else premises.get(r["st"], "")
        out.append(
            {
                "article": str(r["g"].value).rsplit("/", 1)[-1],
                "subject": _label(labels, r["s"]),
                "relation": relation.rsplit("#", 1)[-1],
                "object": _label(labels, r["o"]),
                "sentence": " ".join(sentence.split()),
                "rule": str(r["extractor"].value) if r["extractor"] else f"infer:{rule}",
                "confidence": str(r["confidence"].value) if r["confidence"] else "",
                "period": _period(r["from"], r["until"], r["status"]),
            }
        )
    out.sort(key=lambda x: (x["article"], x["subject"], x["relation"], x["object"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=0, help="keep N rows drawn at random (0: all)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--no-rule", action="store_true", help="leave rule and confidence out (a blind reader)")
    parser.add_argument("--period", action="store_true", help="add the period a fact holds (its from/until qualifiers)")
    args = parser.parse_args(argv)
    if not args.graph.is_file():
        print(f"error: {args.graph}: no such file", file=sys.stderr)
        return 2
    table = rows(args.graph)
    if args.sample and args.sample < len(table):
        table = random.Random(args.seed).sample(table, args.sample)
    fields = ["id", "article", "subject", "relation", "object", *(["period"] if args.period else []), "sentence"]
    if not args.no_rule:
        fields += ["rule", "confidence"]
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fields, delimiter="\t", extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for i, row in enumerate(table, 1):
            writer.writerow({"id": str(i), **row})
    print(f"{len(table)} facts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
