"""Content negotiation for the endpoint: ``Accept`` with q-values (RFC 9110 §12.5.1).

>>> choose("application/sparql-results+xml;q=0.1, application/json", "solutions")
'application/sparql-results+json'
>>> choose("text/csv", "boolean") is None      # ASK has no CSV form unless asked for it by name ...
False
>>> choose("*/*", "boolean")                   # ... and never through a wildcard
'application/sparql-results+json'
>>> choose("text/html", "graph") is None
True
"""

from __future__ import annotations

__all__ = ["MEDIA", "SHORT", "choose"]

# Media types each kind of answer can be written in, the server's preference first, with the
# type written in the answer's Content-Type (aliases are accepted but answered with the canonical type).
MEDIA: dict[str, list[tuple[str, str]]] = {
    "solutions": [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/xml", "application/sparql-results+xml"),
        ("text/xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
    "boolean": [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/xml", "application/sparql-results+xml"),
        ("text/xml", "application/sparql-results+xml"),
        # named explicitly only: a wildcard never turns an ASK into CSV/TSV
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
    "graph": [
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("text/plain", "application/n-triples"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
    ],
}
_EXPLICIT_ONLY = {("boolean", "text/csv"), ("boolean", "text/tab-separated-values")}
SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def _ranges(accept: str) -> list[tuple[str, str, float]]:
    out = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        mtype, _, sub = fields[0].lower().partition("/")
        q = 1.0
        for f in fields[1:]:
            k, _, v = f.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = min(max(float(v.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        out.append((mtype, sub or "*", q))
    return out


def choose(accept: str, kind: str) -> str | None:
    """The media type to answer a ``kind`` result ("solutions", "boolean", "graph") in, or None (406)."""
    offers = MEDIA[kind]
    if not accept.strip():
        return offers[0][1]
    ranges = _ranges(accept)
    best: tuple[float, int, str] | None = None
    for rank, (offer, canonical) in enumerate(offers):
        otype, _, osub = offer.partition("/")
        q, spec = -1.0, -1
        for rtype, rsub, rq in ranges:
            if rtype == otype and rsub == osub:
                s = 2
            elif rtype == otype and rsub == "*":
                s = 1
            elif rtype == "*" and rsub == "*":
                s = 0
            else:
                continue
            if s > spec:
                q, spec = rq, s
        if spec < 0 or q <= 0 or ((kind, offer) in _EXPLICIT_ONLY and spec < 2):
            continue
        if best is None or q > best[0] or (q == best[0] and rank < best[1]):
            best = (q, rank, canonical)
    return best[2] if best else None
