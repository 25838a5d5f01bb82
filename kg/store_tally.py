"""The store's running counts, kept as its graphs are written: its totals (articles, entities,
facts, quads) and what the summary graph reports (every entity's connections, every fact several
articles state), without counting the whole store again at the end of a build.

Counted over the whole store, those are ``COUNT(DISTINCT …)`` aggregations that read every
statement and hold a set of everything they count: at 10,000 articles the end of a build peaked at
638 MB, growing ≈ 43 MB per 1,000 articles (``benchmarks/README.md``). Here each article graph, as
it is written, gives what it contributes — the entities it labels and types, its statements, the
pairs of entities its statements link (``seeAlso`` aside), the facts it states (inferred ones
aside) — and each is a row in an on-disk table (SQLite, in the store's folder: ``kg-tally.sqlite``)
with, beside it, how many articles contribute it. A graph written again replaces its rows: what
it no longer contributes is subtracted, what it adds is added; a dropped graph subtracts all of
its rows. A count crossing 0 moves the totals (an entity no article names any more is no entity
of the store), a pair crossing 0 moves both entities' connections, a fact crossing 2 enters or
leaves the multi-source list. So the work per article is its own rows, and memory is SQLite's
page cache, whatever the store's size.

The tally follows the store: the build marks the articles it writes before it writes any
(:func:`kg.store.mark_build_started`), so a build that was interrupted between a graph and its
tally is completed by the next one, which reads the graphs of the marked articles back from the
store; so are the articles the tally and the store disagree on, and the whole store when the tally
is missing (a store written before it existed). Terms are kept once each (``term``) and the rows
hold their integer ids; an IRI is its text, a literal its N-Triples form.
"""

from __future__ import annotations

import errno
import functools
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kg.ontology import KG_NS

__all__ = ["TALLY_FILE", "Contribution", "Tally", "contribution", "quad_triples", "store_totals", "store_triples"]

TALLY_FILE = "kg-tally.sqlite"
_VERSION = "1"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = _RDF + "type", _RDF + "subject", _RDF + "predicate", _RDF + "object"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_STATEMENT, _INFERRED, _SEE_ALSO = KG_NS + "Statement", KG_NS + "inferred", KG_NS + "seeAlso"
_T = TypeVar("_T")
_TRUE = '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
_WANTED = frozenset({_TYPE, _LABEL, _SUBJECT, _PREDICATE, _OBJECT, _INFERRED})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS term (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS graph (id INTEGER PRIMARY KEY, facts INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS total (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS art_entity (g INTEGER, e INTEGER, PRIMARY KEY (g, e)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_refs (e INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS art_pair (g INTEGER, a INTEGER, b INTEGER, PRIMARY KEY (g, a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pair_refs (a INTEGER, b INTEGER, n INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS degree (e INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS degree_rank ON degree (n DESC);
CREATE TABLE IF NOT EXISTS art_fact (g INTEGER, s INTEGER, p INTEGER, o INTEGER,
                                     PRIMARY KEY (g, s, p, o)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fact_refs (s INTEGER, p INTEGER, o INTEGER, n INTEGER NOT NULL,
                                      PRIMARY KEY (s, p, o)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS multi ON fact_refs (s, p, o) WHERE n > 1;
"""


def _ox_key(t: object) -> str:
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return str(t)


def _is_iri(key: str) -> bool:
    return not key.startswith(('"', "_:"))


class Contribution:
    """What one article graph adds to the store's counts."""

    __slots__ = ("empty", "entities", "facts", "pairs", "statements")

    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.statements = 0
        self.pairs: set[tuple[str, str]] = set()  # (e, other), both ways
        self.facts: set[tuple[str, str, str]] = set()  # (s, p, o) of the facts it states, not inferred
        self.empty = True


def contribution(triples: Iterable[tuple[str, str, str]]) -> Contribution:
    """The contribution of one article graph, from its (subject, predicate, object) keys — what
    ``kg.pipeline.store_totals`` and :mod:`kg.rdf_summary`'s direct counts read in that graph."""
    typed: set[str] = set()
    labelled: set[str] = set()
    nodes: dict[str, tuple[set[str], set[str], set[str]]] = {}
    statements: set[str] = set()
    inferred: set[str] = set()
    seen: set[tuple[str, str, str]] = set()
    for s, p, o in triples:
        if (s, p, o) in seen:
            continue
        seen.add((s, p, o))
        if p == _TYPE:
            typed.add(s)
            if o == _STATEMENT:
                statements.add(s)
        elif p == _LABEL:
            labelled.add(s)
        elif p in (_SUBJECT, _PREDICATE, _OBJECT):
            parts = nodes.setdefault(s, (set(), set(), set()))
            parts[(_SUBJECT, _PREDICATE, _OBJECT).index(p)].add(o)
        elif p == _INFERRED and o == _TRUE:
            inferred.add(s)
    out = Contribution()
    out.empty = not seen
    out.entities = typed & labelled
    out.statements = len(statements)
    for st in statements:
        subjects, predicates, objects = nodes.get(st, (set(), set(), set()))
        for s in subjects:
            for p in predicates:
                for o in objects:
                    if st not in inferred:
                        out.facts.add((s, p, o))
                    if p != _SEE_ALSO and _is_iri(s) and _is_iri(o):
                        out.pairs.add((s, o))
                        out.pairs.add((o, s))
    return out


def quad_triples(quads: Iterable[ox.Quad]) -> Iterator[tuple[str, str, str]]:
    """The keys of the quads that the counts read (of a graph a build writes, or a stored one)."""
    for q in quads:
        p = q.predicate.value
        if p in _WANTED:
            yield _ox_key(q.subject), p, _ox_key(q.object)


def store_triples(store: ox.Store, graph: str) -> Iterator[tuple[str, str, str]]:
    """The keys of one stored graph's quads that the counts read."""
    return quad_triples(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def _disk_full_is_oserror(f: Callable[..., _T]) -> Callable[..., _T]:
    """SQLite's "database or disk is full" as the ``OSError`` (ENOSPC) the build reports as such."""

    @functools.wraps(f)
    def wrapped(self: Tally, *args: object, **kwargs: object) -> _T:
        try:
            return f(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            if "full" not in str(exc):
                raise
            raise OSError(errno.ENOSPC, f"{self.path}: {exc}") from None

    return wrapped


class Tally:
    """The counts of one store, in ``STORE/kg-tally.sqlite``."""

    def __init__(self, store_dir: str | Path) -> None:
        self.path = Path(store_dir) / TALLY_FILE
        self.fresh = not self.path.exists()
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        version = None
        if not self.fresh:
            try:
                row = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                version = row[0] if row else None
            except sqlite3.DatabaseError:
                version = None
        if version != _VERSION:  # missing, unreadable or of another layout: counted again from the store
            self.db.close()
            self.path.unlink(missing_ok=True)
            for extra in ("-wal", "-shm"):
                Path(str(self.path) + extra).unlink(missing_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.fresh = True
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('version', ?)", (_VERSION,))
        self.db.execute("BEGIN")
        self.closed = False

    # --- terms ---

    def _ids(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(set(keys))
        if not keys:
            return {}
        self.db.executemany("INSERT OR IGNORE INTO term (text) VALUES (?)", ((k,) for k in keys))
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            out.update(self.db.execute(f"SELECT text, id FROM term WHERE text IN ({marks})", part).fetchall())
        return out

    def _graph_id(self, graph: str, create: bool) -> int | None:
        row = self.db.execute("SELECT id FROM term WHERE text = ?", (graph,)).fetchone()
        if row is None and create:
            return self._ids([graph])[graph]
        return int(row[0]) if row else None

    # --- counting ---

    def _bump(self, name: str, delta: int) -> None:
        if delta:
            self.db.execute(
                "INSERT INTO total VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n", (name, delta)
            )

    def _refs(
        self, table: str, cols: tuple[str, ...], rows: Iterable[tuple[int, ...]], step: int
    ) -> list[tuple[int, ...]]:
        """Add ``step`` (1 or -1) to each row's article count; the rows whose count crossed the
        threshold (0 → 1, 1 → 0) are returned, and a row at 0 is deleted."""
        crossed = []
        names = ", ".join(cols)
        where = " AND ".join(f"{c} = ?" for c in cols)
        up = (
            f"INSERT INTO {table} ({names}, n) VALUES ({', '.join('?' * len(cols))}, 1) "
            f"ON CONFLICT({names}) DO UPDATE SET n = n + 1 RETURNING n"
        )
        down = f"UPDATE {table} SET n = n - 1 WHERE {where} RETURNING n"
        for row in rows:
            n = self.db.execute(up if step > 0 else down, row).fetchone()
            if step > 0 and n[0] == 1:
                crossed.append(row)
            elif step < 0 and n is not None and n[0] <= 0:
                self.db.execute(f"DELETE FROM {table} WHERE {where}", row)
                crossed.append(row)
        return crossed

    def _apply(self, g: int, entities: set[int], pairs: set[tuple[int, int]], facts: set[tuple[int, int, int]],
               step: int) -> None:  # fmt: skip
        self._bump("entities", step * len(self._refs("entity_refs", ("e",), ((e,) for e in entities), step)))
        degree: Counter[int] = Counter()
        for a, _ in self._refs("pair_refs", ("a", "b"), pairs, step):
            degree[a] += step
        up = "INSERT INTO degree VALUES (?, ?) ON CONFLICT(e) DO UPDATE SET n = n + excluded.n"
        self.db.executemany(up, degree.items())
        if step < 0 and degree:
            self.db.executemany("DELETE FROM degree WHERE e = ? AND n <= 0", ((e,) for e in degree))
        self._refs("fact_refs", ("s", "p", "o"), facts, step)
        if step > 0:
            self.db.executemany("INSERT INTO art_entity VALUES (?, ?)", ((g, e) for e in entities))
            self.db.executemany("INSERT INTO art_pair VALUES (?, ?, ?)", ((g, a, b) for a, b in pairs))
            self.db.executemany("INSERT INTO art_fact VALUES (?, ?, ?, ?)", ((g, *f) for f in facts))
        else:
            self.db.executemany("DELETE FROM art_entity WHERE g = ? AND e = ?", ((g, e) for e in entities))
            self.db.executemany("DELETE FROM art_pair WHERE g = ? AND a = ? AND b = ?", ((g, a, b) for a, b in pairs))
            self.db.executemany(
                "DELETE FROM art_fact WHERE g = ? AND s = ? AND p = ? AND o = ?", ((g, *f) for f in facts)
            )

    def _held(self, g: int) -> tuple[set[int], set[tuple[int, int]], set[tuple[int, int, int]]]:
        entities = {r[0] for r in self.db.execute("SELECT e FROM art_entity WHERE g = ?", (g,))}
        pairs = {(r[0], r[1]) for r in self.db.execute("SELECT a, b FROM art_pair WHERE g = ?", (g,))}
        facts = {(r[0], r[1], r[2]) for r in self.db.execute("SELECT s, p, o FROM art_fact WHERE g = ?", (g,))}
        return entities, pairs, facts

    @_disk_full_is_oserror
    def replace(self, graph: str, triples: Iterable[tuple[str, str, str]]) -> None:
        """The article graph ``graph`` now holds ``triples`` (their keys: :func:`quad_triples`,
        :func:`store_triples`): its old contribution is replaced by this one."""
        c = contribution(triples)
        if c.empty:  # an empty graph is no graph
            self.remove(graph)
            return
        g = self._graph_id(graph, create=True)
        assert g is not None
        old = self.db.execute("SELECT facts FROM graph WHERE id = ?", (g,)).fetchone()
        self._bump("articles", 0 if old else 1)
        self._bump("facts", c.statements - (old[0] if old else 0))
        self.db.execute("INSERT OR REPLACE INTO graph VALUES (?, ?)", (g, c.statements))
        ids = self._ids([*c.entities, *(k for pair in c.pairs for k in pair), *(k for f in c.facts for k in f)])
        entities = {ids[e] for e in c.entities}
        pairs = {(ids[a], ids[b]) for a, b in c.pairs}
        facts = {(ids[s], ids[p], ids[o]) for s, p, o in c.facts}
        held = self._held(g)
        self._apply(g, held[0] - entities, held[1] - pairs, held[2] - facts, -1)
        self._apply(g, entities - held[0], pairs - held[1], facts - held[2], 1)

    @_disk_full_is_oserror
    def remove(self, graph: str) -> None:
        """The article graph ``graph`` is gone from the store: everything it contributed is subtracted."""
        g = self._graph_id(graph, create=False)
        old = None if g is None else self.db.execute("SELECT facts FROM graph WHERE id = ?", (g,)).fetchone()
        if g is None or old is None:
            return
        self._bump("articles", -1)
        self._bump("facts", -old[0])
        self.db.execute("DELETE FROM graph WHERE id = ?", (g,))
        self._apply(g, *self._held(g), -1)

    @_disk_full_is_oserror
    def commit(self) -> None:
        """Make the counts so far durable (the next changes start a new transaction)."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    @_disk_full_is_oserror
    def close(self) -> None:
        """Commit and close (again: nothing)."""
        if self.closed:
            return
        self.closed = True
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()

    # --- reading ---

    def totals(self) -> dict[str, int]:
        """What :func:`store_totals` counts of the article graphs: ``articles``, ``entities``, ``facts``
        (``quads``, every graph's, is the store's own count: ``len(store)``)."""
        got = dict(self.db.execute("SELECT name, n FROM total").fetchall())
        return {k: int(got.get(k, 0)) for k in ("articles", "entities", "facts")}

    def graphs(self) -> set[str]:
        """The IRIs of the article graphs the tally counts."""
        return {r[0] for r in self.db.execute("SELECT t.text FROM graph g JOIN term t ON t.id = g.id")}

    def connections(self) -> Iterator[tuple[str, int]]:
        """(entity IRI, the distinct entities it is linked to), for every linked entity."""
        yield from self.db.execute("SELECT t.text, d.n FROM degree d JOIN term t ON t.id = d.e")

    def best_connected(self, n: int) -> list[tuple[str, int]]:
        """The ``n`` entities with the most connections (ties by IRI), with their counts."""
        rows = self.db.execute(
            "SELECT t.text, d.n FROM degree d JOIN term t ON t.id = d.e ORDER BY d.n DESC, t.text LIMIT ?", (n,)
        )
        return [(r[0], int(r[1])) for r in rows]

    def multi_source(self) -> Iterator[tuple[str, str, str, int]]:
        """(subject, relation, object keys, articles) of every fact more than one article states."""
        yield from self.db.execute(
            "SELECT ts.text, tp.text, tob.text, f.n FROM fact_refs f INDEXED BY multi "
            "JOIN term ts ON ts.id = f.s JOIN term tp ON tp.id = f.p JOIN term tob ON tob.id = f.o WHERE f.n > 1"
        )

    # --- following the store ---

    @_disk_full_is_oserror
    def reconcile(self, store: ox.Store, base_doc: str, suspect: Iterable[str] = ()) -> int:
        """Count again, from the store, the article graphs (IRIs under ``base_doc``) the tally may
        have wrong: every one when the tally is new, else those in ``suspect`` and those the tally
        and the store disagree on. Returns how many were counted again."""
        stored = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(base_doc)}
        counted = self.graphs()
        todo = stored | counted if self.fresh else (stored ^ counted) | (set(suspect) & (stored | counted))
        for g in sorted(todo):
            if g in stored:
                self.replace(g, store_triples(store, g))
            else:
                self.remove(g)
        self.fresh = False
        return len(todo)


_TOTALS = (
    f"PREFIX kg: <{KG_NS}>"
    + """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT
  (COUNT(DISTINCT ?g) AS ?articles)
  (COUNT(DISTINCT ?e) AS ?entities)
  (COUNT(DISTINCT ?st) AS ?facts)
WHERE {
  GRAPH ?g { ?g a kg:Article .
    OPTIONAL { { ?e a ?c ; rdfs:label ?l } UNION { ?st a kg:Statement } } }
}
"""
)


def store_totals(ox_store: ox.Store) -> dict[str, int]:
    """The whole store's counts, by reading it all (a build takes them from its :class:`Tally`):
    ``articles`` (named graphs of articles), ``entities`` (distinct labelled, typed resources in
    them), ``facts`` (fact statements, one per sentence stating a fact) and ``quads`` (everything,
    ontology included)."""
    row = next(iter(ox_store.query(_TOTALS)))  # type: ignore[arg-type]
    out = {k: int(row[k].value) for k in ("articles", "entities", "facts")}
    out["quads"] = len(ox_store)
    return out
