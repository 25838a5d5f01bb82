"""Find, bind and print SPARQL queries for ``kg query`` (no spaCy here)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError

__all__ = ["format_results", "load_query", "parse_params", "queries_dir"]


def queries_dir() -> Path:
    """The ``queries/`` folder of the project (next to the package)."""
    return Path(__file__).resolve().parent.parent / "queries"


def load_query(spec: str) -> str:
    """SPARQL text from a ``.rq`` path, a name in ``queries/``, or the inline text itself."""
    if "{" in spec:  # inline SPARQL (no file or query name holds a brace)
        return spec
    p = Path(spec)
    if spec.endswith(".rq"):
        if not p.is_file():
            raise QueryError(f"{spec}: no such query file")
        return p.read_text(encoding="utf-8")
    named = queries_dir() / f"{spec}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    if any(w in spec.upper() for w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        return spec
    names = sorted(q.stem for q in queries_dir().glob("*.rq"))
    raise QueryError(f"{spec!r} is not a query file, a known query ({', '.join(names)}) or SPARQL")


def parse_params(params: tuple[str, ...]) -> dict[str, Any]:
    """``name=value`` pairs → bindings (``<iri>`` values become IRIs)."""
    out: dict[str, Any] = {}
    for p in params:
        if "=" not in p:
            raise QueryError(f"--param {p!r}: expected NAME=VALUE")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = ox.NamedNode(v[1:-1]) if v.startswith("<") and v.endswith(">") else v
    return out


def _cell(term: Any) -> str:
    return "" if term is None else str(term.value)


def format_results(result: Any, fmt: str) -> str:
    """SELECT results as an aligned table, CSV, TSV or SPARQL 1.1 JSON; ASK as true/false."""
    if isinstance(result, bool | ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if fmt == "json":
        data = result.serialize(format=ox.QueryResultsFormat.JSON)
        return json.dumps(json.loads(data), indent=1, ensure_ascii=False) + "\n"
    names = [v.value for v in result.variables]
    rows = [[_cell(sol[n]) for n in names] for sol in result]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for r in rows:
        out.append("  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(r, widths, strict=True)))
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
