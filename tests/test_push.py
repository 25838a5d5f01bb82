"""kg push round-trips the seed graph through a real SPARQL server (Oxigraph's, on loopback)."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import PushError
from kg.graph import KnowledgeGraph
from kg.ontology import PREFIXES
from kg.pipeline import build_graph
from kg.push import push_store
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
    # (an unbound variable, such as a term with no end, is absent from a SPARQL JSON row)
    local_rows = {tuple(sorted((k, str(v)) for k, v in r.items() if v is not None)) for r in local.rows(leaders)}
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
    # the article left, the ontology, the store's summary (replaced: it counts the article left) and theirs
    assert graphs == {"https://kg.example.org/doc/plain_prose", "https://kg.example.org/ontology",
                      "https://kg.example.org/summary", other.strip("<>")}
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://kg.example.org/summary> { ?s ?p ?o } }"
    assert _remote(server, count)[0]["n"] == str(len(list(KnowledgeGraph.open(store).store.quads_for_pattern(
        None, None, None, ox.NamedNode("https://kg.example.org/summary")))))
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


# --- issue 15, item 3: credentials stay with the origin given; the timeout bounds the whole request ---


class _Recorder:
    """A loopback HTTP server (its own origin) that records every request and answers with ``answer``."""

    def __init__(self, answer: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.seen: list[tuple[str, str, str | None]] = []  # (method, path, Authorization)
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                if n:
                    self.rfile.read(n)
                recorder.seen.append((self.command, self.path, self.headers.get("Authorization")))
                answer(self)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _reply(status: int, body: bytes = b"", headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return answer


@pytest.fixture
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("small")
    src = d / "src"
    src.mkdir()
    (src / "plain_prose.txt").write_text((DATA / "plain_prose.txt").read_text(encoding="utf-8"), encoding="utf-8")
    build_graph([src], d / "st", [])
    return d / "st"


def test_a_redirect_to_another_origin_is_refused_and_gets_no_credentials(small_store: Path):
    elsewhere = _Recorder(_reply(200, b'{"results": {"bindings": []}}', {"Content-Type": "application/json"}))
    given = _Recorder(lambda h: _reply(204)(h) if h.command == "PUT" else _reply(
        302, b"", {"Location": f"{elsewhere.url}/steal"})(h))
    try:
        r = subprocess.run(
            [sys.executable, "-m", "kg", "push", "--graph-store", f"{given.url}/store", "--endpoint",
             f"{given.url}/query", "--user", "alice", "--store", str(small_store)],
            capture_output=True, text=True, env={**os.environ, "KG_PUSH_PASSWORD": "hunter2-secret"}, timeout=120,
        )
    finally:
        given.close()
        elsewhere.close()
    assert r.returncode == 1
    assert elsewhere.seen == []  # not followed at all, so no credentials went there
    assert all(auth is not None for _, _, auth in given.seen)  # the origin given did get them
    assert f"another origin, http://127.0.0.1:{elsewhere.url.rsplit(':', 1)[1]}" in r.stderr
    assert "hunter2" not in r.stderr + r.stdout and "Traceback" not in r.stderr


def test_a_password_in_the_url_is_used_and_never_printed(small_store: Path):
    token = base64.b64encode(b"bob:s3cr3t-pw").decode()
    # the server refuses, and echoes what it was sent (the credentials among it) in its error
    server = _Recorder(lambda h: _reply(401, f"bad credentials {h.headers.get('Authorization')} s3cr3t-pw".encode())(h))
    url = server.url.replace("http://", "http://bob:s3cr3t-pw@") + "/store"
    try:
        r = _kg("push", "--graph-store", url, "--store", str(small_store))
    finally:
        server.close()
    assert r.returncode == 1, r.stdout
    assert "s3cr3t" not in r.stdout + r.stderr and token not in r.stdout + r.stderr
    assert "HTTP 401" in r.stderr and f"PUT {server.url}/store" in r.stderr
    assert server.seen and server.seen[0][2] == f"Basic {token}"


def test_the_timeout_bounds_the_whole_request(small_store: Path):
    def dribble(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "100")
        h.end_headers()
        for _ in range(100):  # one byte every 0.1 s: no single read waits long, the whole takes 10 s
            try:
                h.wfile.write(b"x")
                h.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    server = _Recorder(dribble)
    store = ox.Store.read_only(str(small_store))
    t = time.monotonic()
    try:
        with pytest.raises(PushError, match="no complete answer within 1 s"):
            push_store(store, f"{server.url}/store", timeout=1.0)
    finally:
        server.close()
    elapsed = time.monotonic() - t
    assert elapsed < 4, elapsed  # one request, cut at 1 s; the dribble alone takes 10 s
