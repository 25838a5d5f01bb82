"""`kg serve` under bounded load: 50 concurrent clients for at most 30 s on 127.0.0.1.

    python benchmarks/endpoint_load.py [--store DIR] [--seconds 30] [--clients 50] [--hostile 10]

Starts `kg serve` (a subprocess, a free loopback port, --timeout 2) over ``--store`` or over a
synthetic store it writes (20,000 triples in 40 named graphs). ``clients - hostile`` clients loop
on normal queries (a count per graph, a lookup, an ASK); the ``hostile`` ones loop on pathological
requests in turn: a five-way cross join (stopped at the time limit), a string doubled past the byte
cap, a SERVICE to a loopback port (refused), a body shorter than its Content-Length (408) and a
slow-loris header. Prints the normal queries answered, their latency (median, p95, max), what the
hostile requests got, and the CPU the server's processes use in the two seconds after the load.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

EX = "http://example.org/"
NORMAL = [
    "SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
    "SELECT ?p ?o WHERE {{ <{ex}s{i}> ?p ?o }}",
    "ASK {{ <{ex}s{i}> <{ex}p{j}> ?o }}",
    "SELECT ?s WHERE {{ ?s <{ex}p{j}> ?o }} LIMIT 20",
]
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
DOUBLING = (
    'SELECT ?s22 WHERE { BIND("0123456789" AS ?s0) '
    + " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(22))
    + " }"
)


def synthetic_store(path: Path, n: int = 20_000) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(path))
    store.extend(
        ox.Quad(
            ox.NamedNode(f"{EX}s{i}"),
            ox.NamedNode(f"{EX}p{i % 7}"),
            ox.Literal(f"value {i}"),
            ox.NamedNode(f"{EX}g{i % 40}"),
        )
        for i in range(n)
    )


def tree(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for e in os.listdir("/proc"):
        if e.isdigit():
            try:
                with open(f"/proc/{e}/stat", encoding="ascii", errors="replace") as f:
                    parents[int(e)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    out, todo = [pid], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out += kids
        todo += kids
    return out


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def rss_mb(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total / 1024


def post(port: int, query: str, timeout: float = 60) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            "POST",
            "/sparql",
            body=query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        r = conn.getresponse()
        r.read()
        return r.status
    except OSError as exc:
        return -1 if not isinstance(exc, TimeoutError) else -2
    finally:
        conn.close()


def raw(port: int, data: bytes, timeout: float = 30) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        try:
            head = s.recv(12)
        except TimeoutError:
            return -2
        return int(head[9:12]) if head.startswith(b"HTTP/1.1 ") else -1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=None)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--hostile", type=int, default=10)
    ap.add_argument("--workers", type=int, default=4)
    a = ap.parse_args()
    seconds = min(a.seconds, 30.0)
    tmp = tempfile.TemporaryDirectory()
    store = a.store
    if store is None:
        store = Path(tmp.name) / "store"
        synthetic_store(store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            "--store",
            str(store),
            "--port",
            str(port),
            "--timeout",
            "2",
            "--workers",
            str(a.workers),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and "SPARQL endpoint on" in proc.stdout.readline()
    host = f"Host: 127.0.0.1:{port}\r\n"
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    hostile_kinds = ["cross-join", "doubling", "service", "short-body", "slow-loris"]
    normal: list[tuple[float, int]] = []
    hostile: Counter[tuple[str, int]] = Counter()
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def normal_client(k: int) -> None:
        rnd = random.Random(k)
        while time.monotonic() < end:
            q = rnd.choice(NORMAL).format(ex=EX, i=rnd.randrange(20_000), j=rnd.randrange(7))
            t0 = time.perf_counter()
            status = post(port, q)
            with lock:
                normal.append((time.perf_counter() - t0, status))

    def hostile_client(k: int) -> None:
        n = k
        while time.monotonic() < end:
            kind = hostile_kinds[n % len(hostile_kinds)]
            n += 1
            if kind == "cross-join":
                status = post(port, CROSS)
            elif kind == "doubling":
                status = post(port, DOUBLING)
            elif kind == "service":
                status = post(port, service)
            elif kind == "short-body":
                status = raw(
                    port,
                    f"POST /sparql HTTP/1.1\r\n{host}Content-Type: application/sparql-query\r\n"
                    "Content-Length: 999\r\n\r\nASK {}".encode(),
                )
            else:
                status = raw(port, f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n{host}X-Slow: ".encode())
            with lock:
                hostile[(kind, status)] += 1

    threads = [threading.Thread(target=hostile_client, args=(k,)) for k in range(a.hostile)]
    threads += [threading.Thread(target=normal_client, args=(k,)) for k in range(a.clients - a.hostile)]
    peak = 0.0
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        peak = max(peak, rss_mb(tree(proc.pid)))
        time.sleep(0.5)
    loaded = time.monotonic()
    time.sleep(1.0)
    pids = tree(proc.pid)
    c0 = cpu_seconds(pids)
    time.sleep(2.0)
    idle = (cpu_seconds(tree(proc.pid)) - c0) / 2.0
    settle = time.monotonic() - loaded
    ok = sorted(t for t, s in normal if s == 200)
    print(
        f"store {store}; {a.clients} clients ({a.hostile} hostile) for {seconds:g} s, {a.workers} workers, timeout 2 s"
    )
    print(
        f"normal queries: {len(ok)} of {len(normal)} answered 200 ({len(ok) / seconds:.1f}/s); "
        f"statuses {dict(Counter(s for _, s in normal))}"
    )
    if ok:
        p95 = ok[min(len(ok) - 1, int(0.95 * len(ok)))]
        print(
            f"normal latency: median {statistics.median(ok) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {ok[-1] * 1000:.0f} ms"
        )
    for (kind, status), count in sorted(hostile.items()):
        print(f"hostile {kind}: {count} x {status}")
    print(
        f"server processes: peak RSS {peak:.0f} MB; CPU {idle * 100:.1f}% of a core in the 2 s starting "
        f"{settle - 2:.1f} s after the load ended"
    )
    err = proc.stderr
    proc.terminate()
    proc.wait(10)
    tail = err.read() if err else ""
    print("server stderr:", "empty" if not tail.strip() else tail.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
