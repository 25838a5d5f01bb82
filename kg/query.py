"""Find, describe, bind and print SPARQL queries for ``kg query`` (no spaCy here).

The library ships inside the package (``kg/queries/``, the top-level ``queries/`` of the source tree
through a symlink), so an installed ``kg`` knows it from any directory. Each query opens with
``# Title:``, ``# Question:`` and ``# Parameters:`` lines; a parameter is written ``?name (kind,
required|optional ...)`` with kind ``entity`` (a name, resolved through labels and aliases,
case- and accent-insensitively), ``year``, ``iri`` or ``text``.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import KgError, QueryError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_QUERY_BYTES",
    "Param",
    "QuerySpec",
    "bind_params",
    "check_page",
    "closest",
    "describe_syntax_error",
    "fold",
    "format_results",
    "json_term",
    "library",
    "load_query",
    "parse_params",
    "queries_dir",
    "query_spec",
]

MAX_QUERY_BYTES = 1_000_000
KINDS = ("entity", "year", "iri", "text")


def queries_dir() -> Path:
    """The query library: ``kg/queries/`` inside the package (installed with it)."""
    return Path(__file__).resolve().parent / "queries"


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    kind: str = "text"
    required: bool = False

    def __str__(self) -> str:
        return f"?{self.name} ({self.kind}, {'required' if self.required else 'optional'})"


@dataclass(frozen=True)
class QuerySpec:
    """A query's text and what its header says: name, title, question and parameters
    (``declared`` is False for inline SPARQL or a file without a ``# Parameters:`` line)."""

    text: str
    name: str = "(inline)"
    title: str = ""
    question: str = ""
    params: tuple[Param, ...] = ()
    declared: bool = False
    variables: frozenset[str] = field(default_factory=frozenset)
    fallback: str = ""  # ``# Fallback: direct/X.rq``: the query for a store without the summary graph
    page: str = ""  # ``# Page: ?var by keys/X.rq`` or ``# Page: ?rank by rank``: how kg query pages it

    def describe_params(self) -> str:
        if self.declared:
            return ", ".join(map(str, self.params)) if self.params else "none"
        return ", ".join(f"?{v}" for v in sorted(self.variables)) or "none"


_PARAM = re.compile(r"\?(\w+)\s*(?:\(([^)]*)\))?")


def _header(text: str, name: str) -> QuerySpec:
    """The spec of ``text``: its header lines, its parameters and the variables it uses.

    >>> s = _header("# Title: T\\n# Parameters: ?from (year, optional), ?who (entity, required)\\n"
    ...             "SELECT ?x WHERE { ?x ?p ?who }", "q")
    >>> s.title, [str(p) for p in s.params]
    ('T', ['?from (year, optional)', '?who (entity, required)'])
    """
    heads: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"#\s*(Title|Question|Parameters|Fallback|Page):\s*(.*)", line.strip())
        if m:
            heads.setdefault(m.group(1).lower(), m.group(2).strip())
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    params = []
    declared = "parameters" in heads
    if declared and heads["parameters"].lower() != "none":
        for pname, detail in _PARAM.findall(heads["parameters"]):
            words = re.findall(r"[a-z]+", (detail or "").lower())
            kind = next((w for w in words if w in KINDS), "text")
            params.append(Param(pname, kind, "required" in words))
    body = re.sub(r"#[^\n]*", "", re.sub(r'"(?:[^"\\\n]|\\.)*"|<[^<>\s]*>', " ", text))
    variables = frozenset(re.findall(r"[?$](\w+)", body))
    fallback = heads.get("fallback", "").split(" ", 1)[0]
    return QuerySpec(
        text, name, heads.get("title", ""), heads.get("question", ""), tuple(params), declared, variables, fallback,
        heads.get("page", ""),
    )


def library() -> list[QuerySpec]:
    """Every query of the library, by name."""
    return [query_spec(p.stem) for p in sorted(queries_dir().glob("*.rq"))]


def query_spec(spec: str) -> QuerySpec:
    """The query ``spec`` names: ``-`` (standard input), a ``.rq`` path, a name in the library, or
    the inline text itself."""
    if spec == "-":
        data = sys.stdin.buffer.read(MAX_QUERY_BYTES + 1)
        if len(data) > MAX_QUERY_BYTES:
            raise QueryError(f"standard input: the query is longer than {MAX_QUERY_BYTES} bytes")
        try:
            return _header(data.decode("utf-8-sig"), "(stdin)")
        except UnicodeDecodeError:
            raise QueryError("standard input: the query is not UTF-8") from None
    if "{" in spec:  # inline SPARQL (no file or query name holds a brace)
        return _header(spec, "(inline)")
    p = Path(spec)
    if spec.endswith(".rq"):
        if not p.is_file():
            raise QueryError(f"{spec}: no such query file")
        return _header(p.read_text(encoding="utf-8"), p.stem)
    named = queries_dir() / f"{spec}.rq"
    if re.fullmatch(r"[\w-]+", spec) and named.is_file():
        return _header(named.read_text(encoding="utf-8"), spec)
    if any(w in spec.upper() for w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        return _header(spec, "(inline)")
    names = sorted(q.stem for q in queries_dir().glob("*.rq"))
    raise QueryError(f"{spec!r} is not a query file, a known query ({', '.join(names)}) or SPARQL")


def load_query(spec: str) -> str:
    """SPARQL text from ``-``, a ``.rq`` path, a name in the library, or the inline text itself."""
    return query_spec(spec).text


def parse_params(params: tuple[str, ...]) -> dict[str, Any]:
    """``name=value`` pairs → bindings (``<iri>`` values become IRIs)."""
    out: dict[str, Any] = {}
    for p in params:
        if "=" not in p:
            raise QueryError(f"--param {p!r}: expected NAME=VALUE")
        k, v = p.split("=", 1)
        out[k.strip().lstrip("?$")] = ox.NamedNode(v[1:-1]) if v.startswith("<") and v.endswith(">") else v
    return out


def bind_params(kg: KnowledgeGraph, spec: QuerySpec, params: tuple[str, ...]) -> dict[str, Any]:
    """Check ``--param`` values against the query's declared parameters and turn them into bindings:
    an unknown name, a missing required one or a value of the wrong kind is a :class:`QueryError`
    naming the query's parameters; an ``entity`` value is resolved to its IRI."""
    raw = parse_params(params)
    where = f"query {spec.name}: " if spec.name != "(inline)" else ""
    listing = f"its parameters: {spec.describe_params()}"
    if not spec.declared:  # inline SPARQL or an undocumented file: any variable it uses
        unknown = sorted(set(raw) - spec.variables)
        if unknown:
            raise QueryError(f"{where}unknown parameter {', '.join(unknown)}; {listing}")
        return raw
    declared = {p.name: p for p in spec.params}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        raise QueryError(f"{where}unknown parameter {', '.join(unknown)}; {listing}")
    missing = [p.name for p in spec.params if p.required and p.name not in raw]
    if missing:
        raise QueryError(f"{where}missing parameter {', '.join(missing)}; {listing}")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        kind = declared[name].kind
        text = value.value if isinstance(value, ox.NamedNode) else str(value)
        if kind == "year":
            if not re.fullmatch(r"-?\d{1,4}", text.strip()):
                raise QueryError(f"{where}--param {name}={text}: not a year; {listing}")
            out[name] = text.strip()
        elif kind == "iri":
            out[name] = _iri(text, f"{where}--param {name}={text}: not an IRI; {listing}")
        elif kind == "entity" and isinstance(value, ox.NamedNode):  # --param name=<iri>
            out[name] = value
        elif kind == "entity":
            try:
                out[name] = ox.NamedNode(kg.resolve(text))
            except KgError as exc:
                raise QueryError(f"{where}--param {name}: {exc}") from None
        else:
            out[name] = value
    return out


def _iri(text: str, problem: str) -> ox.NamedNode:
    """An absolute IRI, or a prefixed name with a predeclared prefix (``kg:leader``)."""
    from kg.ontology import PREFIXES

    prefix, _, local = text.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", text):
        raise QueryError(problem)
    return ox.NamedNode(text)


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_UNDEFINED = "Prefix not found"


def _found(text: str, line: int, col: int) -> str:
    """The token at (1-based) ``line``/``col`` of ``text``, or 'the end of the query'."""
    lines = text.split("\n")
    if line > len(lines):
        return "the end of the query"
    rest = lines[line - 1][col - 1 :]
    if not rest.strip():
        later = "\n".join(lines[line:]).strip()
        if not later:
            return "the end of the query"
        rest = later
    rest = rest.lstrip()
    m = re.match(r"[\w:?$.-]+|<[^>\s]*>?|\"[^\"]{0,20}\"?|\S", rest)
    return repr(m.group(0) if m else rest[:1])


def _expected(msg: str) -> str:
    """The parser's list of expected tokens without its character classes: literal tokens and
    keywords stay, a class becomes what it stands for (a name, a number)."""
    m = re.match(r"expected (?:one of )?(.*)", msg, re.S)
    if not m:
        return msg
    items = re.findall(r'\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[^,\s][^,]*', m.group(1))
    keep: list[str] = []
    extra: list[str] = []
    for it in items:
        it = it.strip()
        if it.startswith("["):
            what = "a number" if "'0'" in it and "'A'" not in it and "'a'" not in it else "a name"
            if it in ("[_]", "['_']"):
                continue
            if what not in extra:
                extra.append(what)
        elif it.startswith('"'):
            keep.append(repr(it[1:-1].encode().decode("unicode_escape")))
        elif it != _UNDEFINED:
            keep.append(it)
    words = keep + extra
    if not words:
        return "something else"
    return words[0] if len(words) == 1 else "one of " + ", ".join(words)


def _prefixes_used(text: str) -> list[str]:
    body = re.sub(r"#[^\n]*", " ", re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>', " ", text))
    return list(dict.fromkeys(re.findall(r"(?<![\w?$:])([A-Za-z][\w.-]*)?:(?=[\w%])", body)))


def describe_syntax_error(text: str, message: str, predeclared: dict[str, str]) -> str:
    """A SPARQL syntax error as a person reads it: line, column, the token found and what was
    expected, without the parser's Unicode ranges; an undefined prefix is named, with the declared ones.

    >>> print(describe_syntax_error("SELECT ?x WHERE { ?x ?y", 'error at 1:24: expected one of "(", ".", GRAPH', {}))
    bad SPARQL at line 1, column 24: found the end of the query, expected one of '(', '.', GRAPH
    >>> print(describe_syntax_error("SELECT * { ?x foo:b ?y }", "error at 1:20: expected Prefix not found", {"kg": ""}))
    bad SPARQL at line 1, column 20: undefined prefix 'foo:'; declared prefixes: kg:
    """
    m = _POSITION.match(message.strip())
    if not m:
        return f"bad SPARQL: {message.splitlines()[0] if message else 'syntax error'}"
    line, col, rest = int(m.group(1)), int(m.group(2)), m.group(3)
    where = f"bad SPARQL at line {line}, column {col}"
    local = dict.fromkeys(re.findall(r"(?i)PREFIX\s+([\w.-]*):", text))
    declared = sorted(set(predeclared) | set(local))
    undefined = [p for p in _prefixes_used(text) if p not in declared]
    if _UNDEFINED in rest or undefined:
        names = ", ".join(f"'{p}:'" for p in undefined) or "a prefix"
        return f"{where}: undefined prefix {names}; declared prefixes: {', '.join(d + ':' for d in declared)}"
    return f"{where}: found {_found(text, line, col)}, expected {_expected(rest)}"


def _cell(term: Any) -> str:
    return "" if term is None else str(term.value)


MAX_LIMIT = 1_000_000  # rows one page may hold
MAX_OFFSET = 1_000_000_000


def check_page(limit: int | None, offset: int) -> None:
    """A :class:`QueryError` unless ``limit`` is None or 1..MAX_LIMIT and ``offset`` is 0..MAX_OFFSET.

    >>> check_page(0, 0)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: --limit 0: give a number of rows from 1 to 1000000
    """
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"--limit {limit}: give a number of rows from 1 to {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"--offset {offset}: give a number of rows to skip from 0 to {MAX_OFFSET}")


def json_term(t: Any) -> dict[str, Any]:
    """One RDF term in SPARQL 1.1 results JSON (a quoted triple as SPARQL-star's ``triple``)."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": json_term(t.subject),
                "predicate": json_term(t.predicate),
                "object": json_term(t.object),
            },
        }
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def format_results(result: Any, fmt: str, limit: int | None = None, offset: int = 0) -> str:
    """SELECT results as an aligned table, CSV, TSV or SPARQL 1.1 JSON; ASK as true/false.

    ``limit`` and ``offset`` keep one page of the solutions, read from the result as it streams:
    a query that needs no full sort or grouping stops after ``offset + limit`` rows.
    """
    if isinstance(result, bool | ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    check_page(limit, offset)
    if fmt == "json" and limit is None and not offset and hasattr(result, "serialize"):
        data = result.serialize(format=ox.QueryResultsFormat.JSON)
        return json.dumps(json.loads(data), indent=1, ensure_ascii=False) + "\n"
    names = [v.value for v in result.variables]
    page = list(itertools.islice(result, offset, None if limit is None else offset + limit))
    if fmt == "json":
        bindings = [{n: json_term(sol[n]) for n in names if sol[n] is not None} for sol in page]
        body = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(body, indent=1, ensure_ascii=False) + "\n"
    rows = [[_cell(sol[n]) for n in names] for sol in page]
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


def fold(text: str) -> str:
    """``text`` with case and accents folded away, for comparing names.

    >>> fold(" Ana Ruíz ")
    'ana ruiz'
    """
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c)).casefold().strip()


def closest(name: str, labels: list[str], n: int = 3) -> list[str]:
    """The labels closest to ``name`` (case and accents aside), best first: those holding each of its
    words, then the most similar spellings.

    >>> closest("tomas vyal", ["Tomás Vial", "Chile", "Isabel Ruiz"])
    ['Tomás Vial']
    >>> closest("ruiz", ["Tomás Vial", "Isabel Ruiz", "Ana Ruíz"])
    ['Ana Ruíz', 'Isabel Ruiz']
    """
    folded: dict[str, str] = {}
    for lab in labels:
        folded.setdefault(fold(lab), lab)
    words = fold(name).split()
    holding = sorted(k for k in folded if words and all(w in k.split() for w in words))
    similar = difflib.get_close_matches(fold(name), list(folded), n=n, cutoff=0.6)
    return [folded[k] for k in dict.fromkeys([*holding, *similar])][:n]
