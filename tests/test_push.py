"""kg push round-trips the seed graph through a real SPARQL server (Oxigraph's, on loopback)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from kg.pipeline import build_graph
from kg.store import PREFIXES
from tests.clients import need

from .conftest import DATA


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """An Oxigraph server (the `oxigraph` package's CLI) on a free loopback port; yields its base URL."""
    exe = need(str(Path(sys.executable).parent / "oxigraph"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def _remote(base: str, query: str) -> list[dict[str, str]]:
    req = urllib.request.Request(
        f"{base}/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        rows = json.load(r)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def test_push_round_trips_the_seed_graph(seed_build, server: str):
    _, store, _ = seed_build
    r = _kg("push", "--endpoint", f"{server}/query", "--graph-store", f"{server}/store", "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "Verified through" in r.stdout
    local = KnowledgeGraph.open(store)
    # The same questions get the same answers from the server as from the local store.
    q = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    theirs = {tuple(row[k] for k in "spog") for row in _remote(server, q)}
    ours = {tuple(str(row[k].value) for k in "spog") for row in local.store.query(q)}
    assert theirs == ours and len(ours) > 1000
    # A query of the library, sent over HTTP with our prefixes declared, answers as locally.
    leaders = (Path(__file__).resolve().parent.parent / "queries" / "leaders.rq").read_text(encoding="utf-8")
    header = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    remote_rows = {tuple(sorted(r.items())) for r in _remote(server, header + leaders)}
    local_rows = {tuple(sorted((k, str(v)) for k, v in r.items())) for r in local.rows(leaders)}
    assert remote_rows == local_rows and len(local_rows) > 3


def test_push_replaces_one_article_and_prunes(tmp_path: Path, server: str):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("plain_prose.txt", "harbour_revolt.txt"):
        (src / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "st"
    build_graph([src], store, [])
    # A graph of someone else's on the same server must survive every push.
    other = "<urn:other:graph>"
    urllib.request.urlopen(
        urllib.request.Request(
            f"{server}/store?graph=urn:other:graph",
            data=b"<urn:a> <urn:b> <urn:c> .\n",
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        ),
        timeout=10,
    ).close()
    args = ("push", "--endpoint", f"{server}/query", "--graph-store", f"{server}/store", "--store", str(store))
    assert _kg(*args).returncode == 0
    (src / "plain_prose.txt").write_text(
        (DATA / "plain_prose.txt").read_text(encoding="utf-8") + "\nIt was disbanded in 1939.\n", encoding="utf-8"
    )
    (src / "harbour_revolt.txt").unlink()
    build_graph([src], store, [], prune=True)
    r = _kg(*args, "--prune")
    assert r.returncode == 0, r.stderr
    assert "Deleted https://kg.example.org/doc/harbour_revolt" in r.stdout
    graphs = {row["g"] for row in _remote(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {"https://kg.example.org/doc/plain_prose", "https://kg.example.org/ontology", other.strip("<>")}
    years = _remote(server, "SELECT ?y WHERE { GRAPH ?g { ?s <https://kg.example.org/ontology#dissolved> ?y } }")
    assert "1939" in {row["y"] for row in years}


def test_push_to_a_dead_server_is_one_clear_line(seed_build):
    _, store, _ = seed_build
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = _kg("push", "--graph-store", f"http://127.0.0.1:{port}/store", "--store", str(store))
    assert r.returncode == 1
    assert "cannot reach the server" in r.stderr and "Traceback" not in r.stderr
    assert _kg("push", "--store", str(store)).returncode == 2
