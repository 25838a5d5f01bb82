"""The endpoint cannot be turned against its host (issue 15): SERVICE refused on the parse tree,
Host and Origin checked, queries stopped at their time limit and memory cap, answers capped in bytes,
hostile requests bounded, and a build while it serves noticed."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.serve import ServeOptions, Server
from tests.serve_helpers import CountingServer, free_port, kg_serve, request, small_store, tree_cpu

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
JSON = {"Accept": "application/sparql-results+json"}


def _doubling(steps: int, select: str) -> str:
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(steps))
    return f'SELECT {select} WHERE {{ BIND("0123456789" AS ?s0) {binds} }}'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_store(tmp_path_factory.mktemp("hardening") / "store")


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    opts = ServeOptions(
        timeout=3,
        max_results=1000,
        max_response_bytes=20_000,
        workers=2,
        cors=("http://allowed.example",),
        header_timeout=2,
    )
    s = Server(store, "127.0.0.1", 0, opts).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def remote() -> Iterator[CountingServer]:
    r = CountingServer()
    yield r
    r.close()


def _post(url: str, query: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return request(
        url,
        "POST",
        body=query.encode(),
        headers={"Content-Type": "application/sparql-query", **JSON, **(headers or {})},
    )


# ---- 1. SERVICE, decided on the parse tree -------------------------------------------------------

GLUED = [  # Oxigraph reads each of these as a SERVICE; a text match on \bSERVICE\b does not
    "SELECT ?a WHERE {{ ?s ?p trueSERVICE <{r}> {{ ?a ?b ?c }} }} LIMIT 1",
    "SELECT ?a WHERE {{ ?s ?p falseSERVICE <{r}> {{ ?a ?b ?c }} }} LIMIT 1",
    "SELECT ?a WHERE {{ ?s ?p 1SERVICE <{r}> {{ ?a ?b ?c }} }} LIMIT 1",
    'SELECT ?a WHERE {{ ?s ?p "x"SERVICE <{r}> {{ ?a ?b ?c }} }} LIMIT 1',
    "SELECT ?a WHERE {{ FILTER(true)SERVICE <{r}> {{ ?a ?b ?c }} }} LIMIT 1",
    "SELECT ?a WHERE {{ SERVICE\f<{r}> {{ ?a ?b ?c }} }}",  # a form feed is not SPARQL white space
]
SPELLED = [
    "SELECT ?a WHERE {{ service <{r}> {{ ?a ?b ?c }} }}",
    "SELECT ?a WHERE {{ {{ SELECT ?a WHERE {{ SeRvIcE SILENT <{r}> {{ ?a ?b ?c }} }} }} }}",
    "SELECT ?a WHERE {{ #comment\n\tSERVICE#x\n <{r}>{{?a ?b ?c}} }}",
    "ASK {{ OPTIONAL {{ SERVICE\r\n<{r}> {{ ?a ?b ?c }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{r}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{r}> {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE <{r}> {{ ?a ?b ?c }} }}",
]


@pytest.mark.parametrize("template", GLUED + SPELLED)
def test_service_never_reaches_the_network(server: Server, remote: CountingServer, template: str):
    before = remote.hits
    status, _, body = _post(server.url, template.format(r=remote.url))
    assert remote.hits == before, body
    assert status == 403 if template in SPELLED else status in (400, 403), (status, body)


def test_service_in_a_string_is_not_refused(server: Server):
    status, _, body = _post(server.url, 'SELECT ?o WHERE { ?s ?p ?o FILTER(?o != "Secret Service SERVICE <x>") }')
    assert status == 200 and json.loads(body)["results"]["bindings"]


_CONTEXTS = st.sampled_from(
    [
        "true",
        "false",
        "1",
        "1.5e3",
        '"x"',
        "'''y'''",
        ")",
        "}",
        ".",
        ";",
        " ",
        "\t",
        "\n",
        "#c\n",
        "?s ?p ?o",
        "?s ?p ?o .",
        "FILTER(true)",
        "<urn:x>",
        "_:b",
    ]
)
_WRAPS = st.sampled_from(
    [
        "{}",
        "{{ {} }}",
        "OPTIONAL {{ {} }}",
        "{{ SELECT * WHERE {{ {} }} }}",
        "MINUS {{ {} }}",
        "FILTER EXISTS {{ {} }}",
        "GRAPH ?g {{ {} }}",
        "{{ ?s ?p ?o }} UNION {{ {} }}",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=_CONTEXTS,
    case=st.sampled_from(["SERVICE", "service", "Service", "sErViCe"]),
    silent=st.booleans(),
    space=st.sampled_from([" ", "\n", "\t", "#c\n", ""]),
    wrap=_WRAPS,
    form=st.sampled_from(["SELECT * WHERE", "ASK", "CONSTRUCT WHERE"]),
    target=st.sampled_from(["iri", "var"]),
)
def test_fuzzed_service_never_reaches_the_network(
    server: Server,
    remote: CountingServer,
    before: str,
    case: str,
    silent: bool,
    space: str,
    wrap: str,
    form: str,
    target: str,
):
    where = f"<{remote.url}>" if target == "iri" else "?svc"
    bind = f'BIND(IRI("{remote.url}") AS ?svc) ' if target == "var" else ""
    service = f"{before}{case}{space}{'SILENT ' if silent else ''}{where} {{ ?s ?p ?o }}"
    query = f"{form} {{ {bind}{wrap.format(service)} }}"
    hits = remote.hits
    status, _, _ = _post(server.url, query)
    assert remote.hits == hits
    assert status != 200


# ---- 1. Host and Origin --------------------------------------------------------------------------


def test_host_header_must_name_the_bound_address(server: Server):
    port = server.port
    assert request(server.url, query="ASK {}", headers={"Host": f"127.0.0.1:{port}"})[0] == 200
    assert request(server.url, query="ASK {}", headers={"Host": f"localhost:{port}"})[0] == 200
    assert request(server.url, query="ASK {}", headers={"Host": f"attacker.example:{port}"})[0] == 421


def test_cors_only_for_allowed_origins(server: Server):
    status, headers, _ = _post(server.url, "ASK {}", {"Origin": "http://allowed.example"})
    assert status == 200 and headers["access-control-allow-origin"] == "http://allowed.example"
    status, headers, _ = _post(server.url, "ASK {}", {"Origin": "http://evil.example"})
    assert status == 403 and "access-control-allow-origin" not in headers
    pre = {"Origin": "http://allowed.example", "Access-Control-Request-Method": "POST"}
    status, headers, _ = request(server.url, "OPTIONS", headers=pre)
    assert status == 204 and "POST" in headers["access-control-allow-methods"]
    status, headers, _ = request(server.url, "OPTIONS", headers={**pre, "Origin": "http://evil.example"})
    assert status == 403 and "access-control-allow-origin" not in headers


# ---- 4. time limits that stop the query, a memory cap -------------------------------------------


def test_timeout_stops_the_query_and_cpu_returns_to_idle(store: Path):
    with kg_serve(store, "--timeout", "1", "--workers", "2") as (proc, url):
        time.sleep(1.0)
        start = time.monotonic()
        status, _, body = _post(url, CROSS)
        assert status == 503 and b"stopped" in body
        assert time.monotonic() - start < 3
        time.sleep(1.0)
        cpu = tree_cpu(proc.pid)
        time.sleep(1.0)
        assert tree_cpu(proc.pid) - cpu < 0.15  # idle: the query's process was killed
        assert _post(url, "ASK { ?s ?p ?o }")[0] == 200


def test_a_normal_query_answers_while_ten_slow_ones_time_out(server: Server):
    with ThreadPoolExecutor(11) as pool:
        slow = [pool.submit(_post, server.url, CROSS) for _ in range(10)]
        time.sleep(0.3)
        normal = pool.submit(_post, server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        status, _, body = normal.result(timeout=60)
        assert status == 200
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "60"
        assert [f.result(timeout=60)[0] for f in slow] == [503] * 10


def test_query_memory_is_capped(store: Path):
    with kg_serve(store, "--max-query-memory", "200", "--timeout", "30") as (_, url):
        status, _, body = _post(url, _doubling(25, "(STRLEN(?s25) AS ?n)"))
        assert status == 503 and b"memory" in body
        assert _post(url, "ASK { ?s ?p ?o }")[0] == 200


# ---- 5. the response cap -------------------------------------------------------------------------


def test_response_bytes_are_capped_and_say_so(server: Server):
    status, headers, body = _post(server.url, _doubling(12, "?s12"))  # one 40 KB value
    assert status == 200 and len(body) <= 20_000
    assert headers["x-kg-truncated"] == "true" and headers["x-kg-truncated-by"] == "max-response-bytes"
    assert json.loads(body)["results"]["bindings"] == []
    status, headers, body = _post(server.url, "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }", {"Accept": "text/csv"})
    assert status == 200 and len(body) <= 20_000 and headers["x-kg-truncated-by"] == "max-response-bytes"
    assert body.endswith(b"\r\n")


# ---- 6. requests ---------------------------------------------------------------------------------


def _raw(server: Server, data: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        s.sendall(data)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def test_bad_content_length_is_refused(server: Server):
    head = f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/sparql-query\r\n"
    assert _raw(server, (head + "Content-Length: -1\r\n\r\nASK {}").encode()).startswith(b"HTTP/1.1 400")
    start = time.monotonic()
    answer = _raw(server, (head + "Content-Length: 500\r\n\r\nASK {}").encode())
    assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - start < 6


def test_slow_loris_is_cut_and_others_are_served(server: Server):
    socks = []
    for _ in range(60):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x")
        socks.append(s)
    assert request(server.url, query="ASK {}")[0] == 200
    time.sleep(4)  # past the header timeout (2 s): the server closed them
    closed = 0
    for s in socks:
        s.settimeout(0.5)
        try:
            closed += s.recv(10) == b""
        except TimeoutError:
            pass  # still held open
        except OSError:
            closed += 1  # reset by the server
        s.close()
    assert closed == len(socks)


def test_fifty_clients_queue_in_the_backlog(store: Path):
    """50 clients connect while the server is frozen: all must wait in the listen backlog (the old
    backlog of 5 dropped the rest), and all get answers once it runs again."""
    with kg_serve(store) as (proc, url):
        port = int(url.rsplit(":", 1)[1])
        req = f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        proc.send_signal(signal.SIGSTOP)
        try:
            socks = [socket.create_connection(("127.0.0.1", port), timeout=2) for _ in range(50)]
            for s in socks:
                s.sendall(req.encode())
        finally:
            proc.send_signal(signal.SIGCONT)
        answers = []
        for s in socks:
            s.settimeout(30)
            answers.append(s.recv(12))
            s.close()
        assert answers == [b"HTTP/1.1 200"] * 50


def test_head_is_get_without_a_body(server: Server):
    g = request(server.url, query="SELECT * WHERE { ?s ?p ?o } LIMIT 2", headers=JSON)
    h = request(server.url, "HEAD", query="SELECT * WHERE { ?s ?p ?o } LIMIT 2", headers=JSON)
    assert h[0] == 200 and h[2] == b"" and h[1]["content-length"] == str(len(g[2])) and g[2]


def test_port_in_use_and_ipv6_are_one_line_and_exit_2(store: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for args in (["--port", str(port)], ["--host", "::1", "--port", str(free_port())]):
            r = subprocess.run(
                [sys.executable, "-m", "kg", "serve", "--store", str(store), *args],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert r.returncode == 2 and r.stdout == "", (r.stdout, r.stderr)
            assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_a_missing_store_is_one_line(tmp_path: Path):
    r = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "none"), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and r.stdout == "" and "no store here" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_ctrl_c_stops_at_once_and_disconnects_are_quiet(store: Path):
    with kg_serve(store, "--timeout", "5") as (proc, url):
        port = int(url.rsplit(":", 1)[1])
        for _ in range(5):  # clients that hang up before the answer
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(
                f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
                f"Content-Length: {len(CROSS)}\r\n\r\n{CROSS}".encode()
            )
            s.close()
        time.sleep(0.5)
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.wait(5)
        assert time.monotonic() - start < 5
        err = proc.stderr.read() if proc.stderr else ""
        assert "Traceback" not in err and proc.returncode in (0, 130, -2), err


# ---- 7. a build while the server reads the store -------------------------------------------------

_WRITER = """
import sys, time, pyoxigraph as ox
s = ox.Store(sys.argv[1])
s.add(ox.Quad(ox.NamedNode("http://example.org/new"), ox.NamedNode("http://example.org/p"), ox.Literal("n"),
              ox.NamedNode("http://example.org/g9")))
s.flush()
print("written", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_build_while_serving_is_noticed(tmp_path: Path):
    store = small_store(tmp_path / "store", 10)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with kg_serve(store) as (_, url):

        def n() -> tuple[str, dict[str, str]]:
            status, headers, body = _post(url, count)
            assert status == 200
            return json.loads(body)["results"]["bindings"][0]["n"]["value"], headers

        assert n()[0] == "10"
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(store), "3"], stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
        time.sleep(0.7)
        value, headers = n()  # the writer still holds the store: the old snapshot, marked stale
        assert value == "10" and "x-kg-stale" in headers
        writer.wait(30)
        deadline = time.monotonic() + 10
        while n()[0] != "11" and time.monotonic() < deadline:
            time.sleep(0.3)
        value, headers = n()
        assert value == "11" and "x-kg-stale" not in headers


def test_answers_are_thread_safe_under_mixed_load(server: Server):
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            q = "ASK { ?s ?p ?o }" if i % 2 else "SELECT * WHERE { ?s ?p ?o } LIMIT 3"
            assert _post(server.url, q)[0] == 200
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
