"""RDF dumps of the whole store (N-Quads, N-Triples, TriG, Turtle, JSON-LD): sorted and deterministic."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.atomic import atomic_write, is_disk_full
from kg.errors import ExportError
from kg.ontology import PREFIXES

__all__ = ["DUMP_FORMATS", "dump_store"]

DUMP_FORMATS = {".nq": "nquads", ".nt": "nt", ".trig": "trig", ".ttl": "turtle", ".jsonld": "json-ld"}


def _sorted_nquads(store: ox.Store) -> str:
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    assert data is not None
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return "\n".join(lines) + ("\n" if lines else "")


def dump_store(store: ox.Store, path: str | Path) -> None:
    """Write the whole store to ``path`` in the format its extension names, atomically and sorted."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in DUMP_FORMATS:
        raise ExportError(f"{p}: unknown dump format {suffix or '(none)'}; use one of {', '.join(DUMP_FORMATS)}")
    nq = _sorted_nquads(store)
    if suffix == ".nq":
        text = nq
    elif suffix == ".nt":
        triples = sorted({line.rsplit(" ", 2)[0] + " ." for line in nq.splitlines()})
        text = "\n".join(triples) + "\n"
    else:
        text = _rdflib_dump(nq, DUMP_FORMATS[suffix])
    try:
        atomic_write(p, text)
    except OSError as exc:
        if is_disk_full(exc):
            raise
        raise ExportError(f"{p}: cannot write ({exc.strerror or exc})") from None


def _graph() -> Graph:
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _rdflib_dump(nq: str, fmt: str) -> str:
    from rdflib import Dataset

    if fmt == "json-ld":
        from kg.export.jsonld import jsonld_text

        return jsonld_text(nq)

    ds = Dataset()
    ds.parse(data=nq, format="nquads")
    if fmt == "turtle":
        g = _graph()
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
        return str(g.serialize(format="turtle"))
    header = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    parts = [header]
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if len(ctx) == 0:
            continue
        g = _graph()
        for t in ctx:
            g.add(t)
        body = str(g.serialize(format="turtle"))
        body = "\n".join("    " + line for line in body.splitlines() if line and not line.startswith("@prefix"))
        parts.append(f"\n<{ctx.identifier}> {{\n{body}\n}}\n")
    return "".join(parts)
