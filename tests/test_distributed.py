"""kg build --dask: extraction on a LocalCluster and on a separate scheduler with two worker
processes (127.0.0.1, free ports), each byte-identical to a local build; a worker killed
mid-build; a scheduler that is not there or goes away; --dask without Dask installed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")  # the test extra pulls kg[dask]: CI runs these

from kg.pipeline import build_graph

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = [
    "cordillera_front.txt",
    "dario_fenn.txt",
    "green_union.txt",
    "harlan_voss.txt",
    "marta_quellen.txt",
    "mill_league.txt",
    "river_town.txt",
    "thames_dockers_union.txt",
]
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and some invented articles, in one folder."""
    d = tmp_path_factory.mktemp("corpus")
    for f in [*sorted((ROOT / "seeds").glob("*.txt")), *(DATA / n for n in ARTICLES)]:
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture(scope="module")
def local_nq(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    d = tmp_path_factory.mktemp("local")
    report = build_graph([corpus], d / "store", [d / "out.nq"], use_cache=False)
    assert report.ok and len(report.articles) == len(list(corpus.glob("*.txt")))
    return (d / "out.nq").read_bytes()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _kg(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, "the dask scheduler exited"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def _wait_workers(address: str, n: int, timeout: float = 120) -> None:
    from distributed import Client

    with Client(address, timeout=30) as c:
        c.wait_for_workers(n, timeout=timeout)


@contextlib.contextmanager
def _cluster(workers: int) -> Iterator[tuple[str, subprocess.Popen[bytes], list[subprocess.Popen[bytes]]]]:
    """A ``dask scheduler`` and ``workers`` ``dask worker`` processes on 127.0.0.1."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    sched = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet
    )
    procs: list[subprocess.Popen[bytes]] = []
    try:
        _wait_port(port, sched)
        for _ in range(workers):
            procs.append(
                subprocess.Popen(
                    [BIN / "dask", "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                     "--host", "127.0.0.1"],
                    **quiet,
                )
            )
        _wait_workers(address, workers)
        yield address, sched, procs
    finally:
        for p in [*procs, sched]:
            if p.poll() is None:
                p.terminate()
        for p in [*procs, sched]:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_local_cluster_build_is_byte_identical_and_fills_the_cache(
    corpus: Path, local_nq: bytes, tmp_path: Path
) -> None:
    n = len(list(corpus.glob("*.txt")))
    seen: list[int] = []
    report = build_graph(
        [corpus], tmp_path / "store", [tmp_path / "a.nq"], dask="local:2", dask_batch=3,
        progress=lambda stage, k, total: seen.append(k) if stage == "extract" else None,
    )
    assert report.ok, report.failures
    assert (tmp_path / "a.nq").read_bytes() == local_nq
    assert seen and seen[-1] == n and seen == sorted(seen)  # the progress line follows the batches back
    assert len(list((tmp_path / "store-cache").glob("*/*.json"))) == n  # filled as a local build does
    again = build_graph([corpus], tmp_path / "store", [tmp_path / "b.nq"], dask="local:1")
    assert again.reused == n  # the cache is reused: no task is sent
    assert (tmp_path / "b.nq").read_bytes() == local_nq


def _worker_settings() -> dict[str, object]:
    import dask

    return {
        "profile": dask.config.get("distributed.worker.profile.enabled"),
        "gil": dask.config.get("distributed.admin.system-monitor.gil.enabled"),
        "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
    }


def test_the_cluster_kg_starts_has_the_profiler_and_monitors_off() -> None:
    """A LocalCluster kg starts (``--dask local:N``) samples no task's stack, polls less, and
    leaves glibc's trim threshold alone (benchmarks/README.md: CPU of dask_speed.py)."""
    import distributed

    from kg.distributed import local_cluster

    before = _worker_settings()
    cluster = local_cluster(1)
    try:
        with distributed.Client(cluster) as client:
            got = list(client.run(_worker_settings).values())
    finally:
        cluster.close()
    assert got == [{"profile": False, "gil": False, "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_")}]
    assert _worker_settings() == before  # the client's own configuration is left as it was


def _worker_state() -> dict[str, object]:
    import sys

    import kg.distributed
    from kg.gazetteer import gazetteer

    return {
        "inherited": "kg.pipeline" in sys.modules,  # imported by this test module, not by a fresh worker
        "gazetteer": gazetteer.cache_info().currsize,
        "spacy": len(kg.distributed._NLP),
    }


def test_local_workers_are_forked_and_load_spacy_while_the_build_goes_on() -> None:
    """``local:N`` forks its workers from the build's process once the gazetteers are built (they
    start with kg imported and the gazetteers there) and gives each a task of its own that loads
    spaCy, without waiting for it: the build reads its articles meanwhile."""
    import distributed

    from kg.distributed import open_cluster

    cluster = open_cluster("local:2")
    try:
        assert len(cluster.warming) == 2 and cluster.workers() == 2
        distributed.wait(cluster.warming, timeout=120)
        got = list(cluster.client.run(_worker_state).values())
    finally:
        cluster.close()
    assert got == [{"inherited": True, "gazetteer": 1, "spacy": 1}] * 2
    assert cluster.client is None and cluster.local is None  # closed, and closing again is harmless
    cluster.close()


def test_batches_go_longest_first_and_shrink_at_the_end() -> None:
    from kg.distributed import plan_batches
    from kg.documents import read_article

    arts = [read_article(DATA / n) for n in ARTICLES] * 5
    batches = plan_batches(arts, 4, 2)
    flat = [a for b in batches for a in b]
    assert sorted(map(id, flat)) == sorted(map(id, arts))  # every article once
    assert [len(a.text) for a in flat] == sorted((len(a.text) for a in arts), reverse=True)
    sizes = [len(b) for b in batches]
    assert sizes[0] == 4 and sizes == sorted(sizes, reverse=True) and sizes[-1] < 4 and min(sizes) >= 1


def _wait_for_cache(where: Path, build: subprocess.Popen[str], at_least: int, timeout: float = 180) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if len(list(where.glob("*/*.json"))) >= at_least:
            return
        assert build.poll() is None, build.communicate()
        time.sleep(0.05)
    raise AssertionError("no extraction came back from the cluster")


def _problems(stderr: str) -> list[str]:
    """The lines of ``stderr`` that are not the progress line ("read     9/9")."""
    lines = [seg for line in stderr.splitlines() for seg in line.split("\r")]
    return [x for x in lines if x.strip() and not re.fullmatch(r"\w+ +\d+/\d+", x.strip())]


def _start_build(corpus: Path, store: Path, address: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--dask", address,
         "--dask-batch", "1", "--no-validate", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


def test_scheduler_and_two_workers_a_worker_killed_and_the_scheduler_lost(
    corpus: Path, local_nq: bytes, tmp_path: Path
) -> None:
    """One ``dask scheduler`` and two ``dask worker`` processes (started once: each loads spaCy):
    a build byte-identical to a local one; a build during which a worker is killed, still
    identical; a build during which the scheduler is killed, one line naming it."""
    n = len(list(corpus.glob("*.txt")))
    with _cluster(2) as (address, sched, workers):
        out = _kg("build", str(corpus), "--store", str(tmp_path / "s"), "-o", str(tmp_path / "d.nq"),
                  "--dask", address, "--dask-batch", "2", "--no-cache", "--no-validate")
        assert out.returncode == 0, out.stderr
        assert (tmp_path / "d.nq").read_bytes() == local_nq

        build = _start_build(corpus, tmp_path / "k", address, "-o", str(tmp_path / "k.nq"))
        _wait_for_cache(tmp_path / "k-cache", build, 2)
        os.kill(workers[0].pid, signal.SIGKILL)  # the worker process and whatever task it held
        assert len(list((tmp_path / "k-cache").glob("*/*.json"))) < n, "the build ended before the kill"
        _, err = build.communicate(timeout=240)
        assert build.returncode == 0, err
        assert (tmp_path / "k.nq").read_bytes() == local_nq

        # the scheduler lost mid-build, into a store that holds an earlier build: a corpus of
        # renamed copies, so the cluster is far from done when the first extraction is back
        big = tmp_path / "big"
        big.mkdir()
        for k in range(4):
            for f in sorted(corpus.glob("*.txt")):
                shutil.copy(f, big / f"{f.stem}_{k}.txt")
        first = _kg("build", str(DATA / "mill_league.txt"), "--store", str(tmp_path / "g"), "--no-cache",
                    "--no-validate", "-o", str(tmp_path / "g0.nq"))
        assert first.returncode == 0, first.stderr
        build = _start_build(big, tmp_path / "g", address)
        _wait_for_cache(tmp_path / "g-cache", build, 1)
        sched.kill()
        _, err = build.communicate(timeout=240)
    assert build.returncode == 1, err
    lines = _problems(err)
    assert len(lines) == 1 and address in lines[0] and "went away" in lines[0] and "Traceback" not in err, err
    assert len(list((tmp_path / "g-cache").glob("*/*.json"))) < 4 * n
    from kg.export.dumps import dump_store
    from kg.store import open_store

    st = open_store(tmp_path / "g")
    dump_store(st, tmp_path / "g1.nq")
    del st
    assert (tmp_path / "g1.nq").read_bytes() == (tmp_path / "g0.nq").read_bytes()  # the store keeps what it had


def test_no_scheduler_is_one_line_and_the_store_keeps_what_it_had(corpus: Path, tmp_path: Path) -> None:
    first = _kg("build", str(DATA / "mill_league.txt"), "--store", str(tmp_path / "s"), "-o", str(tmp_path / "a.nq"),
                "--no-validate")
    assert first.returncode == 0, first.stderr
    address = f"tcp://127.0.0.1:{_free_port()}"
    out = _kg("build", str(corpus), "--store", str(tmp_path / "s"), "--dask", address, "--no-cache")
    assert out.returncode == 1
    lines = _problems(out.stderr)
    assert len(lines) == 1 and address in lines[0] and "Traceback" not in out.stderr, out.stderr
    from kg.export.dumps import dump_store
    from kg.store import open_store

    st = open_store(tmp_path / "s")
    dump_store(st, tmp_path / "b.nq")
    del st
    assert (tmp_path / "b.nq").read_bytes() == (tmp_path / "a.nq").read_bytes()


def test_bad_address_and_missing_dask_are_one_line(tmp_path: Path) -> None:
    out = _kg("build", str(DATA / "mill_league.txt"), "--store", str(tmp_path / "s"), "--dask", "8786")
    assert out.returncode == 1 and out.stderr.strip().count("\n") == 0 and "local:N" in out.stderr
    assert not (tmp_path / "s").exists()
    blocked = (
        "import sys; sys.modules['distributed'] = None; sys.argv[0] = 'kg'; from kg.cli import main; main()"
    )
    out = subprocess.run(
        [sys.executable, "-c", blocked, "build", str(DATA / "mill_league.txt"), "--store", str(tmp_path / "s"),
         "--dask", "local:2"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert out.returncode == 1, out.stderr
    assert out.stderr.strip().count("\n") == 0 and "pip install 'kg[dask]'" in out.stderr
    assert not (tmp_path / "s").exists()


def test_an_article_that_fails_on_a_worker_is_one_line_naming_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.distributed import extract_batch
    from kg.documents import read_article

    arts = [read_article(corpus / n) for n in ARTICLES[:3]]
    import kg.annotate

    real = kg.annotate.extract_article

    def failing(a, *rest, **options):  # type: ignore[no-untyped-def]
        if a.stem == "dario_fenn":
            raise ValueError("boom")
        return real(a, *rest, **options)

    monkeypatch.setattr(kg.annotate, "extract_article", failing)
    out = extract_batch(arts)
    assert [type(r).__name__ for r in out] == ["Extraction", "str", "Extraction"]
    assert str(out[1]).startswith(f"{arts[1].path}: extraction failed on a Dask worker (ValueError: boom)")
    # and through a real (in-process) cluster: the article is reported, the others come back and are cached
    import distributed

    from kg.cache import ExtractionCache
    from kg.distributed import _run

    failures: list[str] = []
    cache = ExtractionCache(tmp_path / "s")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as client:
        found = _run(client, arts, "inproc", None, cache, failures, 2, distributed)
    assert sorted(found) == sorted(a.stem for a in arts if a.stem != "dario_fenn")
    assert len(failures) == 1 and failures[0].startswith(f"{arts[1].path}: extraction failed")
    assert len(list(cache.dir.glob("*.json"))) == 2


def test_a_closed_cluster_gives_distributed_its_log_levels_back_unless_the_scheduler_was_lost() -> None:
    """The build mutes distributed's loggers while its cluster is open (a lost scheduler is one line,
    not a traceback); a build stopped before extraction (Ctrl-C while reading) or one that finished
    gives the levels back; only after a lost scheduler, whose client still logs, do they stay muted."""
    import logging

    from kg.distributed import Cluster

    lg = logging.getLogger("distributed.kg-test")
    for lost, want in ((False, logging.INFO), (True, logging.CRITICAL + 1)):
        lg.setLevel(logging.CRITICAL + 1)
        cluster = Cluster("local:1", None, None, [(lg, logging.INFO)])
        cluster.lost = lost
        cluster.close()
        assert lg.level == want
    lg.setLevel(logging.NOTSET)
