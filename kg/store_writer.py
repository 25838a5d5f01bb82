"""Named graphs written to the store in a thread of their own, in order, each in its own transaction.

Oxigraph's transactional insert (``Store.extend``) lets go of Python's global lock while it
writes (pyoxigraph 0.5 releases it around the RocksDB transaction), so a build can make the next
article's quads and count them into its tally while the previous article goes into the store: on
a machine with a free core the two overlap. Nothing else changes: each graph is still written by
one call of the build's ``write`` (:func:`kg.store.write_graph`, one transaction, so a killed build
leaves every article graph old or new), the graphs go in the order they were given, and a write
that fails stops the writer (nothing after it is written) and is raised in the caller's thread.

>>> import pyoxigraph as ox
>>> from kg.store import write_graph
>>> store, g = ox.Store(), ox.NamedNode("https://kg.example.org/doc/a")
>>> done = []
>>> with GraphWriter(store, write_graph, lambda key, n: done.append((key, n))) as w:
...     w.put("a", g.value, [ox.Quad(g, g, ox.Literal("x"), g)])
...     w.drain()
>>> done, len(store)
([('a', 1)], 1)
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

import pyoxigraph as ox

__all__ = ["GraphWriter"]

Write = Callable[[ox.Store, Any, Sequence[ox.Quad]], int]


class GraphWriter:
    """Writes graphs with ``write(store, graph, quads)`` in one background thread, in the order
    they are put; after each, ``done(key, written)`` is called in that thread with what ``write``
    returned. At most ``depth`` graphs wait (the caller's :meth:`put` waits when that many do)."""

    def __init__(self, store: ox.Store, write: Write, done: Callable[[Any, int], None], depth: int = 32) -> None:
        self._store: ox.Store | None = store
        self._write = write
        self._done = done
        self._queue: queue.Queue[tuple[Any, Any, Sequence[ox.Quad]] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None  # the failed write's, until raised once
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="kg-graph-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if not self._failed:  # after a failed write nothing more is written
                    key, graph, quads = item
                    assert self._store is not None
                    self._done(key, self._write(self._store, graph, quads))
            except BaseException as exc:  # raised in the caller's thread by the next put or drain
                self._error, self._failed = exc, True
            finally:
                self._queue.task_done()

    def _raise(self) -> None:
        err, self._error = self._error, None  # not kept: its traceback holds this writer (and the store)
        if err is not None:
            try:
                raise err
            finally:
                del err  # no cycle through this frame: the store's lock goes with the exception

    def put(self, key: Any, graph: Any, quads: Sequence[ox.Quad]) -> None:
        """Queue ``quads`` as the whole of ``graph``; raises the error of an earlier write, if any."""
        self._raise()
        self._queue.put((key, graph, quads))

    def drain(self) -> None:
        """Wait until every graph put so far is written; raises the error of a write, if any."""
        self._queue.join()
        self._raise()

    def close(self) -> None:
        """Stop the thread once what is queued is written (or skipped after an error); again: nothing."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._store, self._error = None, None  # the store's lock goes with its last reference

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
