"""On one built store: the library of this checkout against an earlier one (a folder of .rq),
and every listing that pages from its keys (``# Page:``) against its plain answer.

    python benchmarks/page_answers.py STORE BEFORE_DIR [--name-param LABEL]

(``BEFORE_DIR``: e.g. ``tests/data/queries_before``, the library before the big-store rewrite,
as ``tests/test_query_answers.py`` compares it.) Prints one line per query: rows, and how they were compared
(``tests/answers.py``: as multisets, GROUP_CONCAT cells as sets, the sort keys in order where
both sort); the paged answer read whole and in pages of 100 from offsets 0, 100 and 250.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.query import library, load_query, queries_dir  # noqa: E402
from kg.query_page import page  # noqa: E402
from tests.answers import compare_library, concat_columns  # noqa: E402


def _rows(text: str, solutions: object, names: list[str]) -> list[tuple[object, ...]]:
    concat = concat_columns(text)
    return [tuple(frozenset(str(s[n].value).split("; ")) if n in concat and s[n] is not None
                  else (None if s[n] is None else str(s[n].value)) for n in names) for s in solutions]  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("before", type=Path)
    args = ap.parse_args()
    g = KnowledgeGraph.open(args.store)
    top = str(g.rows(load_query("most_connected"))[0]["entity"])
    t0 = time.perf_counter()
    for name, (rows, how) in compare_library(g, args.before, queries_dir(), {"entity": {"name": top}}).items():
        print(f"{name:18} {rows:7} rows, the same as before ({how})")
    bad = 0
    for spec in library():
        if not spec.page:
            continue
        plain = g.query(spec.text)
        names = [v.value for v in plain.variables]
        want = _rows(spec.text, plain, names)
        whole = _rows(spec.text, page(g, spec, None) or page(g, spec, max(1, len(want))) or [], names)
        pages = {off: _rows(spec.text, page(g, spec, 100, off) or [], names) for off in (0, 100, 250)}
        same = Counter(whole) == Counter(want) and all(p == whole[o : o + 100] for o, p in pages.items())
        bad += not same
        print(f"{spec.name:18} {len(whole):7} rows paged ({spec.page}): "
              + ("the plain rows, pages slices of them" if same else "DIFFERENT"))
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
