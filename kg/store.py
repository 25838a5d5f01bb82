"""The persistent store: Oxigraph on disk (pyoxigraph), plus sorted, deterministic dumps.

rdflib terms are converted to pyoxigraph terms directly, and bulk loads
go through Oxigraph's own parsers.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import ExportError, StoreError

__all__ = [
    "DUMP_FORMATS",
    "atomic_target",
    "atomic_write",
    "build_marker",
    "clear_build_mark",
    "default_store_path",
    "drop_graph",
    "dump_store",
    "interrupted_build",
    "is_disk_full",
    "mark_build_started",
    "open_store",
    "store_generation",
    "to_ox",
    "write_graph",
    "writer_active",
]

DUMP_FORMATS = {".nq": "nquads", ".nt": "nt", ".trig": "trig", ".ttl": "turtle", ".jsonld": "json-ld"}
PREFIXES = {
    "kg": "https://kg.example.org/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "wd": "http://www.wikidata.org/entity/",
    "dcterms": "http://purl.org/dc/terms/",
}


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


def write_graph(store: ox.Store, graph: URIRef, quads: Iterable[tuple[Node, Node, Node, URIRef]]) -> int:
    """Replace one named graph with ``quads`` in a single transaction (readers see the old graph or
    the new one, never a mix, even if the process is killed); returns the quad count."""
    g = ox.NamedNode(str(graph))
    seen: dict[str, ox.NamedNode] = {}  # IRIs recur (predicates, subjects, the graph); literals are kept as written

    def conv(t: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
        if type(t) is not URIRef:
            return to_ox(t)
        found = seen.get(t)
        if found is None:
            found = seen[t] = ox.NamedNode(t)
        return found

    terms = {(conv(s), conv(p), conv(o)) for s, p, o, _ in quads}
    if terms and not store.contains_named_graph(g):
        # a new graph: one insert, itself a transaction, and several times faster than parsing an update
        store.extend(ox.Quad(s, p, o, g) for s, p, o in terms)  # type: ignore[arg-type]
        return len(terms)
    triples = sorted({str(ox.Triple(s, p, o)) for s, p, o in terms})  # type: ignore[arg-type]
    body = " .\n".join(triples)
    store.update(
        f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body} .\n}} }}"
        if triples
        else f"DROP SILENT GRAPH {g}"
    )
    return len(triples)


def drop_graph(store: ox.Store, graph: str) -> None:
    """Remove one named graph (in a transaction)."""
    store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")


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


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` only if the block succeeds,
    so readers see the old file or the new one, never half of one."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, p.stat().st_mode & 0o7777 if p.exists() else _file_mode())
        os.replace(tmp, p)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _file_mode() -> int:
    """The mode a new file gets under the current umask (mkstemp's own is 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through :func:`atomic_target`."""
    with atomic_target(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


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


BUILD_MARKER = "kg-build-incomplete.json"


def is_disk_full(exc: BaseException) -> bool:
    """Is this error the device running out of space (or quota)? Oxigraph's own errors carry no
    errno, only RocksDB's message."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, OSError) and "no space left on device" in str(exc).lower()


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
