"""Writing query answers within a row cap and a byte cap (the worker processes call these).

Each writer stops at the first row that would take the answer past ``max_bytes`` or past
``max_rows`` and says which cap it hit, so the query's iterator is not read further.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.query import json_term

__all__ = ["Written", "write_boolean", "write_graph", "write_solutions"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@dataclass
class Written:
    """A serialised answer: its bytes and the cap it was cut at (``None`` if complete)."""

    body: bytes
    truncated: str | None = None


class _Sink:
    def __init__(self, head: bytes, tail: bytes, max_rows: int, max_bytes: int) -> None:
        self.parts = [head]
        self.tail = tail
        self.size = len(head) + len(tail)
        self.rows = 0
        self.max_rows, self.max_bytes = max_rows, max_bytes
        self.truncated: str | None = None

    def add(self, part: bytes) -> bool:
        """Append one row; False (and the reason recorded) when a cap stops the answer here."""
        if self.rows >= self.max_rows:
            self.truncated = "max-results"
            return False
        if self.size + len(part) > self.max_bytes:
            self.truncated = "max-response-bytes"
            return False
        self.parts.append(part)
        self.size += len(part)
        self.rows += 1
        return True

    def done(self) -> Written:
        return Written(b"".join([*self.parts, self.tail]), self.truncated)


def _xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}</predicate>"
            f"<object>{_xml_term(t.object)}</object></triple>"
        )
    if t.language:
        attr = f" xml:lang={quoteattr(t.language)}"
    elif t.datatype.value != _XSD_STRING:
        attr = f" datatype={quoteattr(t.datatype.value)}"
    else:
        attr = ""
    return f"<literal{attr}>{escape(t.value)}</literal>"


def _csv_cell(t: Any) -> str:
    if t is None:
        return ""
    v = str(t.value) if not isinstance(t, ox.Triple) else str(t)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v


def write_solutions(
    variables: list[ox.Variable], rows: Iterable[ox.QuerySolution], mime: str, max_rows: int, max_bytes: int
) -> Written:
    """SELECT solutions as SPARQL results JSON, XML, CSV or TSV."""
    names = [v.value for v in variables]
    if mime == "application/sparql-results+json":
        head = ('{"head":{"vars":' + json.dumps(names, ensure_ascii=False) + '},"results":{"bindings":[').encode()
        sink = _Sink(head, b"]}}", max_rows, max_bytes)
        for s in rows:
            row = {n: json_term(s[n]) for n in names if s[n] is not None}
            if not sink.add(("," if sink.rows else "").encode() + json.dumps(row, ensure_ascii=False).encode()):
                break
        return sink.done()
    if mime == "application/sparql-results+xml":
        vs = "".join(f"<variable name={quoteattr(n)}/>" for n in names)
        xml_head = f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{_RESULTS_NS}"><head>{vs}</head><results>'
        sink = _Sink(xml_head.encode(), b"</results></sparql>\n", max_rows, max_bytes)
        for s in rows:
            cells = "".join(
                f"<binding name={quoteattr(n)}>{_xml_term(s[n])}</binding>" for n in names if s[n] is not None
            )
            if not sink.add(f"<result>{cells}</result>".encode()):
                break
        return sink.done()
    tsv = mime == "text/tab-separated-values"
    header = "\t".join(f"?{n}" for n in names) if tsv else ",".join(names)
    sink = _Sink((header + "\r\n").encode(), b"", max_rows, max_bytes)
    for s in rows:
        if tsv:
            line = "\t".join("" if s[n] is None else str(s[n]) for n in names)
        else:
            line = ",".join(_csv_cell(s[n]) for n in names)
        if not sink.add((line + "\r\n").encode()):
            break
    return sink.done()


def write_boolean(value: bool, mime: str) -> bytes:
    """An ASK answer."""
    if mime == "application/sparql-results+json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if mime == "application/sparql-results+xml":
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{_RESULTS_NS}"><head/>'
            f"<boolean>{str(value).lower()}</boolean></sparql>\n"
        ).encode()
    return (str(value).lower() + "\r\n").encode()  # CSV/TSV only when asked for by name


_GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def _batches(triples: Iterator[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    batch: list[ox.Triple] = []
    for t in triples:
        batch.append(t)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_graph(triples: Iterable[ox.Triple], mime: str, max_rows: int, max_bytes: int) -> Written:
    """CONSTRUCT/DESCRIBE triples as Turtle, N-Triples (line by line, so cut at any triple),
    JSON-LD or RDF/XML (whole documents: the triples that fit are written as one document)."""
    fmt = _GRAPH_FORMATS[mime]
    it = iter(triples)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        sink = _Sink(b"", b"", max_rows, max_bytes)
        for batch in _batches(it, 1):
            if not sink.add(ox.serialize(batch, format=fmt) or b""):
                break
        return sink.done()
    kept: list[ox.Triple] = []
    estimate, truncated = 0, None
    for t in it:
        if len(kept) >= max_rows:
            truncated = "max-results"
            break
        estimate += 2 * len(str(t)) + 8
        if estimate > max_bytes:
            truncated = "max-response-bytes"
            break
        kept.append(t)
    while True:
        body = ox.serialize(kept, format=fmt) or b""
        if len(body) <= max_bytes or not kept:
            return Written(body, truncated)
        kept = kept[: len(kept) // 2]
        truncated = "max-response-bytes"
