"""How much of the articles' infoboxes the key table maps: fields mapped to a relation, kept as a
known parameter with no relation, or unmapped (the keys kg:infoboxValue keeps and counts).

    python benchmarks/infobox_coverage.py tests/data benchmarks/gold/unseen4 [--top 20]

No model is loaded: the subject's class comes from the infobox's own keys (``subject_hints``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kg.documents import read_article
from kg.errors import ReadError
from kg.extract.infobox_table import rule_for, subject_class


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path, help="article files or folders (*.txt)")
    ap.add_argument("--top", type=int, default=15, help="how many unmapped keys to list")
    a = ap.parse_args()
    files = sorted(f for p in a.paths for f in (p.rglob("*.txt") if p.is_dir() else [p]))
    counts: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    for f in files:
        try:
            art = read_article(f)
        except ReadError as exc:
            print(exc, file=sys.stderr)
            continue
        cls = subject_class(art, "Other")
        for field in art.infobox:
            rule, _ = rule_for(field.key, cls)
            kind = (
                "unmapped"
                if rule is None
                else ("kept" if rule.relation is None and rule.parser == "keep" else "mapped")
            )
            counts[kind] += 1
            if rule is None:
                unmapped[field.key] += 1
    total = sum(counts.values()) or 1
    print(
        f"{len(files)} articles, {total} infobox fields: mapped {counts['mapped']} ({counts['mapped'] / total:.0%}), "
        f"kept {counts['kept']}, unmapped {counts['unmapped']} ({counts['unmapped'] / total:.0%})"
    )
    for key, n in unmapped.most_common(a.top):
        print(f"  {n:4}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
