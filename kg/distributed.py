"""Extraction on a ``dask.distributed`` cluster: ``kg build PATHS --dask ADDRESS``.

The client (the ``kg build`` process) reads the articles, looks each one up in the extraction
cache and sends the others to the cluster in batches of parsed articles (so the workers need no
shared file system), the longest articles first (:func:`plan_batches`); each worker loads spaCy and
the gazetteers once (:func:`worker_plugin`; the workers of ``local:N`` are forked from the client
once it has built the gazetteers, and load spaCy while it reads: :func:`open_cluster`),
annotates and extracts a batch, and returns its extractions. The client takes the batches as
they finish, caches each extraction at once (the cache lives beside the store, on the client),
drives the progress line with them, and keeps at most a few batches per worker in flight so
memory stays bounded. Resolution, inference and writing then run on the client as in a local
build, so the graph is the same, byte for byte.

``ADDRESS`` is a scheduler (``tcp://host:8786``) or ``local:N`` for a ``LocalCluster`` of ``N``
worker processes started for the build. Dask and distributed are an optional extra
(``pip install kg[dask]``). A worker that dies mid-task is retried by Dask; a batch that fails
on an article is retried article by article on the worker, and the article that fails is
reported as one line naming its file; a scheduler that is not there, or goes away, is one line
naming its address (nothing has been written to the store by then).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from kg.errors import BuildError, KgError

if TYPE_CHECKING:
    from kg.cache import ExtractionCache
    from kg.documents import Article
    from kg.extract import Extraction

__all__ = [
    "LOCAL_CLUSTER_CONFIG",
    "MAX_BATCH",
    "TASKS_PER_WORKER",
    "Cluster",
    "auto_batch",
    "check_address",
    "extract_batch",
    "extract_for_client",
    "extract_on_cluster",
    "local_cluster",
    "open_cluster",
    "plan_batches",
    "require",
    "worker_plugin",
]

# Articles per task when --dask-batch is not given (:func:`auto_batch`), measured by
# benchmarks/dask_speed.py (benchmarks/README.md): on 500 Re-DocRED dev articles and 2 workers,
# batches of 32 gave 1.49x a --jobs 1 build (median of 5 runs) and batches of 8 1.41x (fewer round
# trips, less client work per article); on 100 articles batches of 32 cost more CPU than 2 or 8
# (47.5 against 43 s: 4 tasks for 2 workers leave one idle at the end). So at most MAX_BATCH articles
# a task, and at least TASKS_PER_WORKER tasks for each worker, so a small corpus still spreads.
MAX_BATCH = 32
TASKS_PER_WORKER = 4
IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: keeps workers busy, bounds client memory
CONNECT_TIMEOUT = 5.0  # seconds to reach a scheduler before giving up

# What the processes of a LocalCluster that kg starts itself do besides the tasks, turned down
# (benchmarks/README.md, `dask_speed.py`): distributed's statistical profiler samples the stack of
# every running task every 10 ms (spaCy's stacks are deep), the system monitor polls psutil every
# 0.5 s and the memory monitor every 0.1 s in each process, the event loop checks its own health
# every 20 ms, and the nannies start each worker with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands
# memory back to the kernel at every free past 64 KB (spaCy allocates and frees arrays per
# sentence). A cluster given by its address keeps its own settings: start its workers with
# DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False (docs/scaling.md).
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "500ms",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set (glibc's own)
}

_LOCAL = re.compile(r"local:([1-9][0-9]{0,2})")
_REMOTE = re.compile(r"(tcp|tls|ws|wss|inproc)://[^\s/]+")

Progress = Callable[[str, int, int], None]


def check_address(address: str) -> str:
    """The address as given if it is ``local:N`` or a scheduler URL, else a one-line error.

    >>> check_address("local:2"), check_address("tcp://10.0.0.5:8786")
    ('local:2', 'tcp://10.0.0.5:8786')
    >>> check_address("10.0.0.5")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: --dask '10.0.0.5': give a scheduler address (tcp://host:8786) or local:N (N worker processes)
    """
    if _LOCAL.fullmatch(address) or _REMOTE.fullmatch(address):
        return address
    raise KgError(f"--dask {address!r}: give a scheduler address (tcp://host:8786) or local:N (N worker processes)")


def require(address: str) -> None:
    """Fail early, in one line, if ``address`` is malformed or Dask is not installed."""
    check_address(address)
    _import_distributed()


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise KgError(
            "--dask needs Dask: install kg with its dask extra (pip install 'kg[dask]')"
        ) from None
    return distributed


def _load_models() -> None:
    """What a worker needs before its first task: spaCy and the gazetteers."""
    _worker_nlp()
    from kg.gazetteer import gazetteer

    gazetteer()


def worker_plugin() -> Any:
    """A ``WorkerPlugin`` that loads spaCy and the gazetteers once per worker, when it starts or joins."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class KgWorkerPlugin(WorkerPlugin):
        name = "kg-nlp"

        def setup(self, worker: Any) -> None:
            _load_models()

    return KgWorkerPlugin()


_NLP: list[Any] = []


def _worker_nlp() -> Any:
    """This process's spaCy pipeline, loaded on first use and kept."""
    if not _NLP:
        from kg.nlp import load_nlp

        _NLP.append(load_nlp())
    return _NLP[0]


def extract_batch(articles: Sequence[Article], candidates: bool = True) -> list[Extraction | str]:
    """A task: annotate and extract ``articles`` on this worker (``candidates``: with the learned
    scorer's candidates). An article whose extraction raises comes back as the one-line problem
    naming its file (the rest of the batch is kept)."""
    from kg.annotate import _extract_chunk

    nlp = _worker_nlp()
    try:
        return list(_extract_chunk(articles, nlp=nlp, candidates=candidates))
    except Exception:
        out: list[Extraction | str] = []
        for a in articles:
            try:
                out.extend(_extract_chunk([a], nlp=nlp, candidates=candidates))
            except Exception as exc:
                out.append(f"{a.path}: extraction failed on a Dask worker ({type(exc).__name__}: {exc})")
        return out


def extract_for_client(
    articles: Sequence[Article], candidates: bool = True, encode: bool = False
) -> list[tuple[Extraction, str | None] | str]:
    """A task: :func:`extract_batch`, with the work the client would otherwise do one article at a
    time done here, on the worker, in parallel: each extraction's cache payload encoded
    (``encode``, :func:`kg.cache.encode_extraction`; the client only writes it) and, when the
    client has no use for them (no learned scorer: ``candidates=False``), the scorer's
    candidates not computed at all (most of an extraction, and most of the time the client spent
    unpickling it; ``benchmarks/dask_speed.py``)."""
    from kg.cache import encode_extraction

    out: list[tuple[Extraction, str | None] | str] = []
    for r in extract_batch(articles, candidates):
        if isinstance(r, str):
            out.append(r)
            continue
        payload = None
        if encode:
            with contextlib.suppress(TypeError, ValueError):
                payload = encode_extraction(r)
        out.append((r, payload))
    return out


def _gone(address: str, exc: BaseException) -> BuildError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return BuildError(
        f"the Dask scheduler at {address} went away mid-build ({reason}); the store keeps what it had "
        "and the extractions already finished are cached: run the same 'kg build' again"
    )


class Cluster:
    """The Dask cluster of one build, connected (and for ``local:N`` started) by
    :func:`open_cluster`: its client, and the ``LocalCluster`` kg started, if it did. Closed
    once its extractions are back (:meth:`close`, idempotent)."""

    def __init__(self, address: str, client: Any, local: Any, loggers: list[tuple[logging.Logger, int]]) -> None:
        self.address = address
        self.client = client
        self.local = local
        self.loggers = loggers  # distributed's loggers and the levels to give them back at the end
        self.warming: list[Any] = []  # futures of the workers' model loads, held so they run
        self.lost = False  # the scheduler did not answer or went away: its client may still log

    def workers(self) -> int:
        """How many workers the scheduler has now."""
        return len(_worker_addresses(self.client))

    def close(self) -> None:
        for closing in (self.client, self.local):
            if closing is not None:
                with contextlib.suppress(Exception):
                    closing.close()
        self.client = self.local = None
        self.warming = []
        if not self.lost:  # after a lost scheduler its background reconnection still logs: left quiet
            for lg, lv in self.loggers:
                lg.setLevel(lv)


def _worker_addresses(client: Any) -> list[str]:
    """The addresses of the workers the scheduler of ``client`` has now."""
    return list(client.scheduler_info(n_workers=-1).get("workers", {}))


def open_cluster(address: str, timeout: float = CONNECT_TIMEOUT) -> Cluster:
    """Connect to the scheduler at ``address``, or for ``local:N`` start a ``LocalCluster``
    (:func:`local_cluster`) and have each worker load spaCy at once, in a task of its own, while
    this process goes on (reading the articles); a cluster given by address loads it in each
    worker before this returns (:func:`worker_plugin`: also in a worker that joins later). A
    scheduler that does not answer in ``timeout`` seconds raises :class:`~kg.errors.BuildError`
    naming the address."""
    check_address(address)
    distributed = _import_distributed()
    # distributed logs a lost scheduler with its traceback; the build says it in one line instead
    names = ("distributed", *logging.root.manager.loggerDict)
    loggers = [logging.getLogger(n) for n in names if n.startswith("distributed")]
    levels = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    cluster = Cluster(address, None, None, levels)
    try:
        if address.startswith("local:"):
            cluster.local = local_cluster(int(address.split(":", 1)[1]))
            cluster.client = distributed.Client(cluster.local, timeout=timeout)
            for w in _worker_addresses(cluster.client):
                cluster.warming.append(cluster.client.submit(_load_models, workers=[w], pure=False))
        else:
            cluster.client = distributed.Client(address, timeout=timeout)
            cluster.client.register_plugin(worker_plugin())
    except (OSError, TimeoutError) as exc:
        cluster.lost = True
        cluster.close()
        raise BuildError(f"no Dask scheduler answers at {address} ({_first_line(exc)})") from None
    except BaseException:
        cluster.close()
        raise
    return cluster


def extract_on_cluster(
    articles: Sequence[Article],
    address: str | Cluster,
    progress: Progress | None = None,
    cache: ExtractionCache | None = None,
    failures: list[str] | None = None,
    batch: int | None = None,
    timeout: float = CONNECT_TIMEOUT,
    settle: Callable[[Extraction], Extraction] | None = None,
    candidates: bool = True,
) -> dict[str, Extraction]:
    """Extractions of ``articles`` by stem, computed on the cluster at ``address`` (or the
    :class:`Cluster` :func:`open_cluster` gave, which is then closed here once they are back);
    each one is written to ``cache`` as soon as its batch is back, and what ``settle`` makes of
    it kept (``candidates=False``: the extractions come back without the scorer's candidates).
    ``batch``: articles per task, else :func:`auto_batch` for the workers the scheduler has.
    Articles that failed are left out and their problem appended to ``failures``. A scheduler that
    cannot be reached, or is lost, raises :class:`~kg.errors.BuildError` naming the address."""
    if isinstance(address, str):
        check_address(address)
    distributed = _import_distributed()
    if not articles:
        if isinstance(address, Cluster):
            address.close()
        return {}
    cluster = address if isinstance(address, Cluster) else open_cluster(address, timeout)
    try:
        if batch is None:
            batch = auto_batch(len(articles), cluster.workers())
        return _run(
            cluster.client, articles, cluster.address, progress, cache, failures, batch, distributed, settle, candidates
        )
    except (
        OSError,
        TimeoutError,
        distributed.client.FutureCancelledError,
        distributed.client.ClosedClientError,  # the next batch could not be sent: the client closed
    ) as exc:
        cluster.lost = True
        raise _gone(cluster.address, exc) from None
    finally:
        cluster.close()


def auto_batch(articles: int, workers: int) -> int:
    """Articles per task: :data:`MAX_BATCH` at most, and small enough that each of ``workers``
    (one when the scheduler has none yet) gets :data:`TASKS_PER_WORKER` tasks.

    >>> auto_batch(500, 2), auto_batch(100, 2), auto_batch(5, 2), auto_batch(1000, 0)
    (32, 13, 1, 32)
    """
    return max(1, min(MAX_BATCH, -(-articles // (TASKS_PER_WORKER * max(1, workers)))))


def plan_batches(articles: Sequence[Article], batch: int, workers: int) -> list[list[Article]]:
    """The tasks' batches: the longest articles first and ``batch`` of them a task, then, once
    what is left would fill fewer than two tasks a worker, smaller batches (down to a quarter
    of ``batch``), so that the workers run out of work together instead of one waiting on the
    other's last long batch.

    >>> from kg.documents import Article
    >>> arts = [Article(f"{n}.txt", str(n), "", "x" * n, (), (), (), ()) for n in range(1, 41)]
    >>> [len(b) for b in plan_batches(arts, 8, 2)]
    [8, 8, 6, 5, 4, 3, 2, 2, 2]
    >>> plan_batches(arts, 8, 2)[0][0].stem, plan_batches(arts, 8, 2)[-1][-1].stem
    ('40', '1')
    """
    order = sorted(articles, key=lambda a: len(a.text), reverse=True)  # stable: ties keep their order
    smallest = max(1, batch // 4)
    out: list[list[Article]] = []
    i = 0
    while i < len(order):
        size = max(smallest, min(batch, -(-(len(order) - i) // (2 * workers))))
        out.append(order[i : i + size])
        i += size
    return out


def local_cluster(workers: int) -> Any:
    """The ``LocalCluster`` of ``--dask local:N``: ``workers`` processes of one thread each, with
    distributed's background work turned down (:data:`LOCAL_CLUSTER_CONFIG`), forked from this
    process (on Linux) once it has loaded the gazetteers, so each worker starts
    with kg imported and the gazetteers built instead of a fresh interpreter importing them
    again (a worker the nanny restarts later is spawned; it loads what it needs itself)."""
    import sys

    import dask

    distributed = _import_distributed()
    settings = dict(LOCAL_CLUSTER_CONFIG)
    # Linux only: macOS can fork, but a forked child of a process with threads (distributed's
    # event loop runs in one) may crash in its system libraries, hence its default, spawn
    if sys.platform.startswith("linux"):
        from kg.gazetteer import gazetteer

        gazetteer()  # the client needs them anyway (resolution); spaCy it does not, the workers load it
        settings["distributed.worker.multiprocessing-method"] = "fork"
    with dask.config.set(settings):  # each nanny copies it into its worker's process
        return distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _run(
    client: Any,
    articles: Sequence[Article],
    address: str,
    progress: Progress | None,
    cache: ExtractionCache | None,
    failures: list[str] | None,
    batch: int,
    distributed: Any,
    settle: Callable[[Extraction], Extraction] | None = None,
    candidates: bool = True,
) -> dict[str, Extraction]:
    workers = max(1, len(_worker_addresses(client)))
    pending = iter(plan_batches(articles, batch, workers))
    sent: dict[str, list[Article]] = {}  # future key -> the articles of its batch
    queue = distributed.as_completed()

    def submit(n: int) -> None:
        for part in itertools.islice(pending, n):
            future = client.submit(
                extract_for_client, part, candidates, cache is not None, pure=False, retries=2
            )
            sent[future.key] = part
            queue.add(future)

    submit(workers * IN_FLIGHT_PER_WORKER)
    found: dict[str, Extraction] = {}
    done = 0
    for future in queue:
        try:
            results = future.result()
        except distributed.KilledWorker as exc:  # Dask's retries are spent: a worker died on each try
            raise BuildError(
                f"the Dask workers at {address} died on every try of a batch ({_first_line(exc)}); "
                "the store keeps what it had"
            ) from None
        part = sent.pop(future.key)
        for a, r in zip(part, results, strict=True):
            if isinstance(r, str):
                if failures is not None:
                    failures.append(r)
                continue
            ex, payload = r
            if cache is not None and payload is not None:
                digest = hashlib.sha256((a.source or a.text).encode("utf-8")).hexdigest()
                cache.put_payload(a.stem, digest, payload, candidates)
            found[a.stem] = settle(ex) if settle is not None else ex
        done += len(part)
        if progress:
            progress("extract", done, len(articles))
        submit(1)
    return found
