"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store.

- ``GET``/``HEAD``/``POST`` on ``/sparql`` (and ``/sparql/``): form-encoded or ``application/sparql-query``,
  the dataset parameters (``default-graph-uri``, ``named-graph-uri``) and the query's ``FROM``/``FROM NAMED``;
- answers as SPARQL JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML,
  by ``Accept`` with q-values (or ``?format=``);
- read-only: an UPDATE gets 403, and so does a query whose parse tree holds a ``SERVICE``;
- queries run in worker processes, killed at the time limit and capped in memory; answers are capped
  in rows and bytes (``X-KG-Truncated``); request bodies are capped in size and time;
- uvicorn serves it, with a header timeout, an idle timeout, a connection cap and a listen backlog;
- ``/`` is a small page with a query box and the example queries of ``queries/``.

Binds to 127.0.0.1 unless told otherwise and answers only requests whose ``Host`` names that address.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.errors import KgError, StoreError
from kg.serve.app import HttpLimits, host_checker, make_app, page
from kg.serve.pool import Limits, Pool, PoolError

__all__ = ["ServeError", "ServeOptions", "Server", "serve"]


class ServeError(KgError):
    """The endpoint cannot start (address in use, an IPv6 address, a store the workers cannot open)."""


@dataclass(frozen=True)
class ServeOptions:
    """Limits of the endpoint."""

    timeout: float = 10.0
    max_results: int = 10_000
    max_body: int = 100_000
    max_response_bytes: int = 50_000_000
    workers: int = 4
    max_query_memory: int = 1_000_000_000
    cors: tuple[str, ...] = field(default_factory=tuple)
    header_timeout: float = 10.0
    max_connections: int = 200


def _examples(store: Path) -> tuple[dict[str, str], list[str]]:
    """The library's queries for the page, by name, and the notes to print at start: on a store
    without the summary graph, the queries that read it are offered as their direct fallbacks."""
    from kg.query import library
    from kg.query_summary import fallback_spec, has_summary, missing_summary_note
    from kg.store import open_store

    specs = library()
    needs = [s.name for s in specs if s.fallback]
    if not needs or has_summary(open_store(store, read_only=True)):
        return {s.name: s.text for s in specs}, []
    examples = {s.name: (fallback_spec(s) if s.fallback else s).text for s in specs}
    return examples, [missing_summary_note(store, needs) + "; the query page offers those counts"]


_BACKLOG = 1024


def _bind(host: str, port: int) -> socket.socket:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            raise ServeError(f"--host {host}: give an IPv4 address (such as 127.0.0.1 or 0.0.0.0)") from None
        ip = ipaddress.ip_address("127.0.0.1")
    if ip.version == 6:
        raise ServeError(f"--host {host}: IPv6 addresses are not supported; give an IPv4 address such as 127.0.0.1")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((str(ip), port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {ip} is already in use; choose another with --port") from None
        raise ServeError(f"cannot listen on {ip}:{port} ({exc.strerror or exc})") from None
    sock.listen(_BACKLOG)  # connections queue from now on, before the event loop runs
    return sock


def _protocol(header_timeout: float) -> type[H11Protocol]:
    class Protocol(H11Protocol):
        """uvicorn's HTTP/1.1 protocol, closing a connection whose next request's headers do not
        arrive within ``header_timeout`` (slow-loris): uvicorn's own keep-alive timer is reset
        by every byte received."""

        def _arm(self) -> None:
            mark = self.cycle
            self.loop.call_later(header_timeout, lambda: self._expire(mark))

        def _expire(self, mark: Any) -> None:
            if self.cycle is mark and (mark is None or mark.response_complete) and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

    return Protocol


class _Uvicorn(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, pool: Pool) -> None:
        super().__init__(config)
        self.pool = pool

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.pool.close()  # running queries end now (their requests get 503), so nothing waits on them
        await super().shutdown(sockets)


class Server:
    """The endpoint: bound and with its workers started by the constructor, serving on :meth:`run`."""

    def __init__(
        self, store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, options: ServeOptions | None = None
    ) -> None:
        opts = options or ServeOptions()
        self.store = Path(store_path)
        if not self.store.is_dir():
            raise StoreError(f"{self.store}: no store here; build one first with 'kg build PATH --store {self.store}'")
        self.sock = _bind(host, port)
        self.host, self.port = self.sock.getsockname()[:2]
        self.pool = Pool(
            self.store,
            Limits(opts.workers, opts.timeout, opts.max_results, opts.max_response_bytes, opts.max_query_memory),
        )
        try:
            self.pool.start()
        except PoolError as exc:
            self.pool.close()
            self.sock.close()
            raise ServeError(f"{self.store}: {exc}") from None
        examples, self.notes = _examples(self.store)  # notes: said once at start (a store without the summary)
        app = make_app(
            self.pool,
            host_checker(self.host, self.port),
            HttpLimits(opts.max_body, opts.header_timeout, opts.cors),
            page(examples),
        )
        config = uvicorn.Config(
            app,
            http=_protocol(opts.header_timeout),
            lifespan="off",
            log_level="error",
            access_log=False,
            backlog=_BACKLOG,
            limit_concurrency=opts.max_connections,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=1,
            h11_max_incomplete_event_size=64 * 1024,
            server_header=False,
        )
        self.server = _Uvicorn(config, self.pool)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def run(self) -> None:
        """Serve until Ctrl-C (or :meth:`stop`); the workers are killed on the way out."""
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.pool.close()
            self.sock.close()

    def start(self) -> Server:
        """Serve from a background thread (for tests and benchmarks)."""
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        while not self.server.started and self._thread.is_alive():
            self._thread.join(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)


def serve(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    options: ServeOptions | None = None,
    announce: Any = None,
) -> None:
    """Serve until interrupted; ``announce(url)`` is called once the server is bound and its workers are up."""
    server = Server(store_path, host, port, options)
    for note in server.notes:
        print(f"note: {note}", file=sys.stderr)
    if announce is not None:
        announce(server.url)
    server.run()
