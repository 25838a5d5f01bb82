"""The endpoint's pool of query worker processes (see :mod:`kg.serve.worker`).

A query waits for an idle worker, runs there, and is stopped by killing the worker when it passes
its time limit (the worker is replaced at once, so the pool keeps its size). A worker that dies
(its memory cap hit) is replaced too. When the store's files change, workers are replaced by ones
that open the new graph; while a writer still holds the store's lock, answers say they come from
the snapshot the workers opened (``stale``).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.serve import worker as worker_module
from kg.store import store_generation, writer_active

__all__ = ["Limits", "Pool", "PoolError", "Reply"]


class PoolError(Exception):
    """The workers cannot open the store."""


@dataclass(frozen=True)
class Limits:
    workers: int = 4
    timeout: float = 10.0
    max_results: int = 10_000
    max_response_bytes: int = 50_000_000
    max_query_memory: int = 1_000_000_000
    queue_timeout: float = 30.0
    demote_after: float = 0.5


@dataclass
class Reply:
    status: int
    media_type: str
    body: bytes
    truncated: str | None = None
    stale: bool = False


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode())


class _Worker:
    def __init__(self, store: Path, limits: Limits, generation: int) -> None:
        # forkserver: workers fork from a clean process that has imported the worker module once,
        # so a replacement starts in milliseconds and never inherits the server's threads
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kg.serve._preload"])
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=worker_module.main,
            args=(child, str(store), limits.max_results, limits.max_response_bytes, limits.max_query_memory),
            daemon=True,
        )
        self.proc.start()
        child.close()
        self.generation = generation
        self.demoted = False

    def demote(self) -> None:
        """Lower this worker's CPU priority (nice 19) while it runs a long query, so short queries
        in the other workers get the CPU first; a demoted worker is replaced once its query ends."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.proc.pid or 0, 19)
            self.demoted = True
        except (OSError, ValueError):
            pass

    def ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise PoolError("a query worker did not start in time")
        try:
            hello = json.loads(self.conn.recv_bytes())
        except EOFError:
            hello = {"ready": False, "error": "the worker exited"}
        if not hello.get("ready"):
            self.kill()
            raise PoolError(f"cannot open the store: {hello.get('error')}")

    def roundtrip(self, job: bytes, timeout: float) -> tuple[dict[str, Any], bytes]:
        self.conn.send_bytes(job)
        if not self.conn.poll(timeout):
            raise TimeoutError
        header = json.loads(self.conn.recv_bytes())
        return header, self.conn.recv_bytes()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Pool:
    """A fixed number of workers over the store at ``store``."""

    def __init__(self, store: Path, limits: Limits) -> None:
        self.store, self.limits = store, limits
        self.generation = 0
        self.seen = store_generation(store)
        self.stale = False
        self.idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self.everyone: set[_Worker] = set()
        self.threads = ThreadPoolExecutor(max_workers=2 * limits.workers + 4, thread_name_prefix="kg-query")
        self.closed = False
        self._stopping = asyncio.Event()
        self._last_check = time.monotonic()

    def _spawn(self) -> _Worker:
        w = _Worker(self.store, self.limits, self.generation)
        self.everyone.add(w)
        try:
            w.ready()
        except PoolError:
            self.everyone.discard(w)
            raise
        return w

    def start(self) -> None:
        """Start every worker (before the server listens): a store they cannot open stops here."""
        workers = [_Worker(self.store, self.limits, self.generation) for _ in range(self.limits.workers)]
        self.everyone.update(workers)
        for w in workers:
            w.ready()
            self.idle.put_nowait(w)

    def _replace(self, old: _Worker | None) -> None:
        """Kill ``old`` (if any) and start a new worker in the background."""
        if self.closed:
            if old is not None:
                old.proc.kill()
            return
        loop = asyncio.get_running_loop()

        def work() -> None:
            if old is not None:
                old.kill()
                self.everyone.discard(old)
            for attempt in range(30):
                if self.closed:
                    return
                try:
                    w = self._spawn()
                except PoolError as exc:
                    if self.closed:
                        return
                    if attempt == 0:
                        print(f"kg serve: {exc}; retrying", file=sys.stderr)
                    time.sleep(1.0)
                    continue
                if self.closed:
                    w.kill()
                    return
                loop.call_soon_threadsafe(self.idle.put_nowait, w)
                return

        loop.run_in_executor(self.threads, work)

    def check_store(self) -> None:
        """Notice a changed store: once no writer holds it, new workers open the new graph."""
        now = time.monotonic()
        if now - self._last_check < 0.5:
            return
        self._last_check = now
        gen = store_generation(self.store)
        if gen == self.seen:
            self.stale = False
            return
        if writer_active(self.store):
            self.stale = True  # a build is writing: keep answering from the snapshot, and say so
            return
        self.seen, self.stale = gen, False
        self.generation += 1

    async def _take(self) -> _Worker | None:
        """An idle worker, or None if none frees up within the queue timeout or the pool closes."""
        get = asyncio.ensure_future(self.idle.get())
        stop = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait({get, stop}, timeout=self.limits.queue_timeout, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if get.done() and not get.cancelled():
            if self.closed:
                self._replace(get.result())
                return None
            return get.result()
        get.cancel()
        return None

    async def run(self, job: dict[str, Any]) -> Reply:
        """Answer one query job within the time limit."""
        self.check_store()
        w = await self._take()
        while w is not None and w.generation != self.generation:  # opened before the store changed
            self._replace(w)
            w = await self._take()
        if w is None:
            if self.closed:
                return _text(503, "the server is stopping")
            return _text(503, f"every query worker stayed busy for {self.limits.queue_timeout:g} s; retry later")
        stale = self.stale
        loop = asyncio.get_running_loop()
        data = json.dumps(job).encode()
        demote = loop.call_later(self.limits.demote_after, w.demote)
        try:
            header, body = await loop.run_in_executor(self.threads, w.roundtrip, data, self.limits.timeout)
        except TimeoutError:
            self._replace(w)
            return _text(503, f"query took longer than {self.limits.timeout:g} s and was stopped")
        except (EOFError, OSError):
            self._replace(w)
            mb = self.limits.max_query_memory / 1e6
            if self.closed:
                return _text(503, "the server is stopping")
            return _text(503, f"query stopped: it needed more memory than the {mb:g} MB a query may use")
        except asyncio.CancelledError:  # the client went away or the server stops: the worker may be mid-query
            self._replace(w)
            raise
        finally:
            demote.cancel()
        if w.demoted:
            self._replace(w)
        else:
            self.idle.put_nowait(w)
        return Reply(header["status"], header["type"], body, header.get("truncated"), stale)

    def close(self) -> None:
        self.closed = True
        self._stopping.set()
        for w in list(self.everyone):
            w.proc.kill()
        for w in list(self.everyone):
            w.proc.join(2)
        self.threads.shutdown(wait=False, cancel_futures=True)
