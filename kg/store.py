"""The persistent store: Oxigraph on disk (pyoxigraph), and the mark of an unfinished build.

An article graph comes as pyoxigraph quads (:func:`kg.rdf.article_quads`); the ontology's and the
summary's rdflib quads are converted by :func:`ox_quads`, and bulk loads go through Oxigraph's own
parsers. The dumps are written by :mod:`kg.export.dumps`; files are written by :mod:`kg.atomic`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.atomic import atomic_target, atomic_write, is_disk_full
from kg.errors import StoreError
from kg.ontology import PREFIXES  # re-exported for the modules that still import it from here

__all__ = [
    "PREFIXES",
    "atomic_target",
    "atomic_write",
    "build_marker",
    "clear_build_mark",
    "default_store_path",
    "drop_graph",
    "interrupted_build",
    "is_disk_full",
    "mark_build_started",
    "open_store",
    "ox_quads",
    "store_generation",
    "to_ox",
    "write_graph",
    "writer_active",
]


def default_store_path() -> Path:
    """``$KG_STORE`` or ``./.kg``."""
    return Path(os.environ.get("KG_STORE") or ".kg")


def open_store(path: str | Path, create: bool = False, read_only: bool = False) -> ox.Store:
    """Open (or create) the Oxigraph store at ``path``."""
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"{p}: no store here; build one first with 'kg build PATH --store {p}'")
    try:
        if read_only:
            return ox.Store.read_only(str(p))
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{p}: another process is writing to this store (a 'kg build' running?); "
                "wait for it to finish, or use another --store"
            ) from None
        raise StoreError(f"{p}: cannot open the store ({exc})") from None


def store_generation(path: str | Path) -> tuple[tuple[str, int, int], ...]:
    """A marker that changes whenever a writer changes the store's files (names, sizes and
    modification times of its data files; RocksDB's own LOG files are left out): a reader compares
    two markers to learn that its snapshot is old."""
    out = []
    with os.scandir(path) as entries:
        for e in entries:
            if e.is_file() and not e.name.startswith("LOG"):
                st = e.stat()
                out.append((e.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


def writer_active(path: str | Path) -> bool:
    """Whether another process holds the store's write lock (a ``kg build`` running). It only asks
    the kernel (``F_GETLK``), so it never takes the lock itself nor races a writer that opens."""
    import fcntl
    import struct

    try:
        fd = os.open(Path(path) / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (Linux layout)
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return bool(struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK)
    except OSError:
        return False
    finally:
        os.close(fd)


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph twin of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(quads: Iterable[tuple[Node, Node, Node, URIRef]]) -> Iterator[ox.Quad]:
    """rdflib quads (the ontology's, the summary's) as pyoxigraph quads, for :func:`write_graph`."""
    seen: dict[str, ox.NamedNode] = {}  # IRIs recur (predicates, subjects, the graph); literals are kept as written

    def conv(t: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
        if type(t) is not URIRef:
            return to_ox(t)
        found = seen.get(t)
        if found is None:
            found = seen[t] = ox.NamedNode(t)
        return found

    for s, p, o, g in quads:
        yield ox.Quad(conv(s), conv(p), conv(o), conv(g))  # type: ignore[arg-type]


def write_graph(store: ox.Store, graph: str, quads: Iterable[ox.Quad]) -> int:
    """Replace the named graph ``graph`` with ``quads`` (all of that graph, each quad in it) in a single transaction
    (readers see the old graph or the new one, never a mix, even if the process is killed); returns
    the quad count."""
    g = ox.NamedNode(str(graph))
    written = set(quads)
    if written and not store.contains_named_graph(g):
        # a new graph: one insert, itself a transaction, and several times faster than parsing an update
        store.extend(written)
        return len(written)
    terms = {(q.subject, q.predicate, q.object) for q in written}
    if terms and _holds_exactly(store, g, terms):  # a rebuild of an unchanged article: nothing to replace
        return len(terms)
    triples = sorted({str(ox.Triple(s, p, o)) for s, p, o in terms})
    body = " .\n".join(triples)
    store.update(
        f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body} .\n}} }}"
        if triples
        else f"DROP SILENT GRAPH {g}"
    )
    return len(triples)


def _holds_exactly(store: ox.Store, g: ox.NamedNode, terms: Collection[tuple[object, object, object]]) -> bool:
    """Whether the graph ``g`` of ``store`` holds exactly the triples ``terms`` (read once, stopping
    at the first triple that is not among them): then replacing it would change nothing. A typed
    literal is compared in the form Oxigraph stores it ("12"^^xsd:nonNegativeInteger is kept as
    "12"^^xsd:integer, "0.900"^^xsd:decimal as "0.9")."""
    wanted = {(s, p, _as_stored(o)) for s, p, o in terms}
    n = 0
    for q in store.quads_for_pattern(None, None, None, g):
        if (q.subject, q.predicate, q.object) not in wanted:
            return False
        n += 1
    return n == len(wanted)


_STORED: dict[tuple[str, str], ox.Literal] = {}  # a typed literal -> its stored form, per process
_SCRATCH: list[ox.Store] = []  # an in-memory store that gives that form


def _as_stored(t: object) -> object:
    """``t`` as Oxigraph stores it: a typed literal in its canonical form (asked of an in-memory
    store once per distinct value), anything else as it is."""
    if not isinstance(t, ox.Literal) or t.datatype.value == _XSD_STRING:
        return t
    key = (t.value, t.datatype.value)
    got = _STORED.get(key)
    if got is None:
        if not _SCRATCH:
            _SCRATCH.append(ox.Store())
        if len(_STORED) >= 200_000:  # a bound on the memory it keeps
            _STORED.clear()
        scratch = _SCRATCH[0]
        quad = ox.Quad(_NODE, _NODE, t)
        scratch.add(quad)
        found = next(iter(scratch)).object
        scratch.clear()
        got = _STORED[key] = found if isinstance(found, ox.Literal) else t
    return got


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NODE = ox.NamedNode("https://kg.example.org/scratch")


def drop_graph(store: ox.Store, graph: str) -> None:
    """Remove one named graph (in a transaction)."""
    store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")


BUILD_MARKER = "kg-build-incomplete.json"


def build_marker(store: str | Path) -> Path:
    """The file inside the store that says a build started and has not finished."""
    return Path(store) / BUILD_MARKER


def mark_build_started(store: str | Path, stems: list[str]) -> None:
    """Record, before anything is written, that a build of these articles is under way."""
    body = json.dumps({"articles": stems}, ensure_ascii=False)
    atomic_write(build_marker(store), body)


def clear_build_mark(store: str | Path) -> None:
    """The build finished: remove the mark."""
    build_marker(store).unlink(missing_ok=True)


def interrupted_build(store: str | Path) -> list[str] | None:
    """The articles of an unfinished build of this store (an empty list if the mark is unreadable),
    or None when the last build finished."""
    p = build_marker(store)
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        articles = data.get("articles") if isinstance(data, dict) else None
        return [a for a in articles if isinstance(a, str)] if isinstance(articles, list) else []
    except (OSError, ValueError):
        return []
