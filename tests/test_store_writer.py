"""The build's graph writer: graphs go in order, in a thread of their own, one write each; a failed
write stops it and is raised in the build; a build killed while it writes leaves each graph whole."""

from __future__ import annotations

import errno
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.pipeline import build_graph
from kg.store import write_graph
from kg.store_writer import GraphWriter

from .conftest import DATA


def _graph(name: str, n: int) -> tuple[ox.NamedNode, list[ox.Quad]]:
    g = ox.NamedNode(f"https://kg.example.org/doc/{name}")
    return g, [ox.Quad(g, ox.NamedNode("https://kg.example.org/p"), ox.Literal(str(i)), g) for i in range(n)]


def test_graphs_are_written_in_order_in_another_thread_each_with_one_write() -> None:
    store = ox.Store()
    seen: list[tuple[str, str]] = []
    done: list[tuple[str, int]] = []

    def write(st: ox.Store, graph: ox.NamedNode, quads: Sequence[ox.Quad]) -> int:
        seen.append((graph.value.rsplit("/", 1)[1], threading.current_thread().name))
        return write_graph(st, graph.value, quads)

    with GraphWriter(store, write, lambda key, n: done.append((key, n)), depth=2) as w:
        for k in range(6):
            w.put(f"a{k}", *_graph(f"a{k}", k + 1))
        w.drain()
        assert done == [(f"a{k}", k + 1) for k in range(6)]
    assert [name for name, _ in seen] == [f"a{k}" for k in range(6)]
    assert {thread for _, thread in seen} == {"kg-graph-writer"}
    assert len(store) == sum(range(1, 7))


def test_a_failed_write_stops_the_writer_and_is_raised_in_the_caller() -> None:
    store = ox.Store()
    calls: list[str] = []

    def write(st: ox.Store, graph: ox.NamedNode, quads: Sequence[ox.Quad]) -> int:
        calls.append(graph.value)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "no space left on device")
        return write_graph(st, graph.value, quads)

    w = GraphWriter(store, write, lambda key, n: None)
    with pytest.raises(OSError) as err:
        for k in range(4):
            w.put(k, *_graph(f"b{k}", 3))
        w.drain()
    assert err.value.errno == errno.ENOSPC
    w.drain()  # raised once; nothing after the failed graph was written
    w.close()
    assert len(calls) == 2 and len(store) == 3
    assert not any(t.name == "kg-graph-writer" for t in threading.enumerate())


_SLOW_BUILD = """
import sys, time
import kg.pipeline as p
real = p.write_graph
def slow(store, graph, quads):
    quads = list(quads)
    print("writing", graph, len(quads), flush=True)  # the parent kills on this line: during this write
    n = real(store, graph, quads)
    time.sleep(0.5)
    return n
p.write_graph = slow
p.build_graph([sys.argv[1]], sys.argv[2], [], use_cache=False)
"""


def test_a_build_killed_while_it_writes_leaves_each_article_graph_whole(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    names = ["plain_prose.txt", "harbour_revolt.txt", "harlan_voss.txt", "green_union.txt", "mill_league.txt"]
    for name in names:
        shutil.copy(DATA / name, src / name)
    build_graph([src], tmp_path / "full", [], use_cache=False)
    full = ox.Store.read_only(str(tmp_path / "full"))
    store = tmp_path / "st"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_BUILD, str(src), str(store)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    # the ontology and two articles are written; the kill lands 20 ms into the third article's write,
    # not between two writes (a writer that put a graph in by halves, a pause between them, leaves
    # half a graph here: checked by hand with such a writer swapped in)
    started = [proc.stdout.readline() for _ in range(4)]
    time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert all(line.startswith("writing") for line in started)
    killed = ox.Store.read_only(str(store))
    articles = [g for g in killed.named_graphs() if "/doc/" in g.value]
    assert 2 <= len(articles) <= 3 < len(names)
    for g in articles:  # each graph there is the whole graph of a finished build: new, never a part
        assert set(killed.quads_for_pattern(None, None, None, g)) == set(full.quads_for_pattern(None, None, None, g))
