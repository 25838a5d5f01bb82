"""The build: read → annotate → extract → resolve → assemble → store → dump."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.annotate import Progress, Settle, _extract_chunk, _extract_parallel, _same, article_digest
from kg.atomic import is_disk_full
from kg.build_write import write_articles
from kg.constraints import ConstraintReport, enforce_constraints
from kg.documents import DEFAULT_MAX_BYTES, Article, read_article
from kg.documents.paths import collect_paths
from kg.errors import BuildError, ReadError
from kg.export.dumps import dump_store
from kg.extract import Extraction
from kg.gazetteer import gazetteer
from kg.model import DateValue, Mention
from kg.rdf import DEFAULT_BASE, Iris, ResolvedFact, check_base, statement_id
from kg.rdf_summary import write_summary
from kg.resolve import Resolution, resolve_mentions
from kg.store import (
    clear_build_mark,
    drop_graph,
    interrupted_build,
    mark_build_started,
    open_store,
    write_graph,
)
from kg.store_tally import Tally, store_totals

if TYPE_CHECKING:

    from kg.cache import ExtractionCache
    from kg.distributed import Cluster
    from kg.score.model import Scorer

__all__ = ["BuildReport", "build_graph", "collect_paths", "extract_to_cache", "resolve_facts", "store_totals"]

# Quads written between two flushes of the store: Oxigraph (RocksDB) holds every write in memory
# until a flush, ≈ 1 KB a quad, so a build's memory grew with the corpus (benchmarks/stage_memory.py)
FLUSH_QUADS = 100_000

@dataclass
class BuildReport:
    """What a build did: counts for the summary and every problem met."""

    store: str
    articles: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    entities_by_type: Counter[str] = field(default_factory=Counter)
    facts_by_relation: Counter[str] = field(default_factory=Counter)
    unmapped_keys: Counter[str] = field(default_factory=Counter)
    skipped_sections: Counter[str] = field(default_factory=Counter)  # References, Notes, …: not prose
    warnings: list[str] = field(default_factory=list)
    quads: int = 0
    outputs: list[str] = field(default_factory=list)
    reused: int = 0
    interrupted: list[str] | None = None  # the articles of an earlier build that did not finish, if any
    cache_rejected: int = 0  # cache entries ignored as corrupt, tampered or foreign (and recomputed)
    pruned: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage: read, extract, resolve, ...
    constraints: ConstraintReport = field(default_factory=ConstraintReport)  # facts dropped, entities retyped
    store_totals: dict[str, int] = field(default_factory=dict)  # the whole store after the build: articles, ...
    kept: list[str] = field(default_factory=list)  # stored articles not in this build, left as they were

    @property
    def ok(self) -> bool:
        """True when every article built."""
        return not self.failures


def resolve_facts(extractions: Sequence[Extraction], res: Resolution) -> list[ResolvedFact]:
    """Facts keyed by entity, self-loops and dropped mentions removed, duplicates merged."""
    out: dict[tuple[object, ...], ResolvedFact] = {}
    for ex in extractions:
        for f in ex.facts:
            s = res.of.get(f.subject)
            if s is None:
                continue
            o: object
            if isinstance(f.object, Mention):
                o = res.of.get(f.object)
                if o is None or o == s:
                    continue
            else:
                o = f.object
            rf = ResolvedFact(s, f.relation, o, f.evidence, f.qualifiers, f.inferred_by)
            key = (s, f.relation, o, f.evidence.article, f.evidence.start, f.evidence.extractor, f.qualifiers)
            prev = out.get(key)
            if prev is None or prev.evidence.confidence < f.evidence.confidence:
                out[key] = rf
    facts = _one_life_date(_sharpen_dates(out.values()))
    return sorted(facts, key=lambda r: (r.evidence.article, r.evidence.start, statement_id(r)))


def _sharpen_dates(facts: Iterable[ResolvedFact]) -> list[ResolvedFact]:
    """A date that a more precise date of the same subject and relation refines ("1994" and
    "1994-03-12") becomes that date: one value, with both sentences as its evidence."""
    facts = list(facts)
    # the finest date under each coarser one ("1994" → "1994-03-12"), found by prefix in one pass
    # (comparing every date of a subject and relation with every other was quadratic)
    finest: dict[tuple[str, str, str], DateValue] = {}
    for f in facts:
        if isinstance(f.object, DateValue):
            iso = f.object.iso
            for k in range(1, len(iso)):
                if iso[k] == "-":
                    key = (f.subject, f.relation, iso[:k])
                    best = finest.get(key)
                    if best is None or (len(best.iso), best.iso) < (len(iso), iso):
                        finest[key] = f.object
    out = []
    for f in facts:
        if isinstance(f.object, DateValue):
            finer = finest.get((f.subject, f.relation, f.object.iso))
            if finer is not None:
                f = replace(f, object=finer)
        out.append(f)
    return out


_ONE_VALUE = ("birthDate", "deathDate")  # a person is born once and dies once


def _one_life_date(facts: Iterable[ResolvedFact]) -> list[ResolvedFact]:
    """One birth date and one death date per person: when the infobox and the lead (or two articles)
    give different dates ("Birth Date: 2 May 1920", "(3 May 1921 – …)"), the infobox's is kept, else
    the more precise, else the surer; the facts giving that date stay, those giving another go."""
    facts = list(facts)
    best: dict[tuple[object, str], tuple[tuple[bool, int, float, str], str]] = {}
    for f in facts:
        if f.relation in _ONE_VALUE and isinstance(f.object, DateValue) and not f.inferred_by:
            rank = (f.evidence.extractor.startswith("infobox"), len(f.object.iso), f.evidence.confidence, f.object.iso)
            prev = best.get((f.subject, f.relation))
            if prev is None or rank > prev[0]:
                best[(f.subject, f.relation)] = (rank, f.object.iso)
    return [
        f
        for f in facts
        if not (f.relation in _ONE_VALUE and isinstance(f.object, DateValue))
        or (chosen := best.get((f.subject, f.relation))) is None
        or chosen[1] == f.object.iso
    ]


def build_graph(
    paths: Iterable[str | Path],
    store: str | Path,
    outputs: Sequence[str | Path] = (),
    base: str = DEFAULT_BASE,
    jobs: int = 1,
    inference: bool = True,
    min_confidence: float = 0.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    prune: bool = False,
    use_cache: bool = True,
    dask: str | None = None,
    dask_batch: int | None = None,
    scorer: Scorer | None = None,
) -> BuildReport:
    """Build the graph of ``paths`` into ``store`` and write each dump in ``outputs``.

    The store is opened (and locked against other writers) before anything else; each
    article's named graph is replaced in one transaction. Articles whose text and kg's rules
    are unchanged reuse their cached extraction (no NLP). ``prune`` removes the graphs of
    articles that are in the store but not among ``paths``. ``dask`` (``tcp://host:8786`` or
    ``local:N``) annotates and extracts on a Dask cluster instead (:mod:`kg.distributed`). With a
    ``scorer`` (the learned model, :mod:`kg.score`) the model chooses and scores the facts;
    without one the rules do.
    """
    from kg.cache import ExtractionCache

    check_base(base)  # a bad --base is refused before the store is touched
    report = BuildReport(str(store))
    ox_store = open_store(store, create=True)
    clock = _Clock(report.timings)
    before = interrupted_build(store)
    if before is not None:
        report.interrupted = before
        report.warnings.append(
            f"the previous build into {store} was interrupted before it finished"
            + (f" ({len(before)} article(s))" if before else "")
            + "; this build completes it"
        )
    cluster: Cluster | None = None
    try:
        if dask is not None:  # connected before the articles are read: local workers load spaCy meanwhile
            from kg.distributed import open_cluster

            cluster = open_cluster(dask)
            clock.lap("cluster")
        articles, hashes = _read_all(paths, max_bytes, report, progress)
        clock.lap("read")
        cache = ExtractionCache(store) if use_cache else None
        settle = Settle(scorer)
        extractions = _extract_all(
            articles, hashes, cache, jobs, report, progress, cluster, dask_batch, settle, settle.candidates
        )
        stems = [a.stem for a in articles]
        del articles  # the texts: each extraction keeps only its article's names (see Settle)
        clock.lap("extract")
        gazetteer()
        mentions = [m for ex in extractions for m in ex.mentions]
        same_as = [p for ex in extractions for p in ex.same_as]
        res = resolve_mentions(mentions, same_as, settle.contexts)
        del mentions, same_as
        facts = [f for f in resolve_facts(extractions, res) if f.evidence.confidence >= min_confidence]
        facts, res = enforce_constraints(facts, res, report.constraints)  # domain/range: retype or drop
        clock.lap("resolve")
        if inference:
            from kg.infer import infer_facts

            inferred = [f for f in infer_facts(facts, res.entities) if f.evidence.confidence >= min_confidence]
            facts = facts + enforce_constraints(inferred, res, report.constraints, retype=False)[0]
        clock.lap("infer")
        full = None
        if not stems:  # nothing could be read: the store is left as it was (and never pruned empty)
            report.store_totals = store_totals(ox_store)
            report.kept = _stored_stems(ox_store, base)
            return report
        tally = None
        try:
            mark_build_started(store, sorted({*(before or ()), *stems}))
            tally = Tally(store)  # the store's counts, kept as its graphs are written (kg/store_tally.py)
            tally.reconcile(ox_store, str(Iris(base).doc), (str(Iris(base).article(st)) for st in before or ()))
            write_articles(report, ox_store, base, extractions, res, facts, hashes, progress, tally,
                           write_graph, FLUSH_QUADS)  # kg/build_write.py; names read here, for the tests
            if prune:
                report.pruned = _prune(ox_store, base, set(stems), tally)
            clock.lap("write")
            write_summary(ox_store, base, tally)  # from the tally's counts of the whole store
            clock.lap("summary")
            built = set(stems)
            report.kept = [st for st in _stored_stems(ox_store, base) if st not in built]
            report.store_totals = {**tally.totals(), "quads": len(ox_store)}
            tally.close()
            for out in outputs:
                dump_store(ox_store, out)
                report.outputs.append(str(out))
            ox_store.flush()
            clear_build_mark(store)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            full = (
                f"no space left on device, store at {Path(store).resolve()}; "
                f"the articles written so far are {_listing(report.articles)} "
                "(the store is marked unfinished: free some space and run the same 'kg build' again)"
            )
        finally:
            if tally is not None:
                tally.close()
        if full is not None:  # raised outside the handler, so no traceback keeps the store (and its lock) open
            raise BuildError(full)
        clock.lap("dump")
    finally:
        if cluster is not None:  # closed once its extractions were back; here if the build failed before
            cluster.close()
        del ox_store
    return report


def _listing(stems: Sequence[str], shown: int = 20) -> str:
    """``a, b, c`` — at most ``shown`` names, then how many more."""
    if not stems:
        return "none"
    more = len(stems) - shown
    return ", ".join(stems[:shown]) + (f" and {more} more" if more > 0 else "")


def extract_to_cache(
    paths: Iterable[str | Path],
    store: str | Path,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    candidates: bool = False,
) -> BuildReport:
    """Read and extract ``paths`` into the extraction cache of ``store`` without touching the
    store: no lock, so many processes (or machines sharing the folder) can each extract a shard
    at once; a later ``build_graph`` over the whole corpus then reuses every extraction and
    only resolves, infers and writes. ``report.reused`` counts the articles already cached.
    ``candidates``: with the learned scorer's candidates, for a build with the scorer (which
    extracts again an article cached without them)."""
    from kg.cache import ExtractionCache

    report = BuildReport(str(store))
    clock = _Clock(report.timings)
    articles, hashes = _read_all(paths, max_bytes, report, progress)
    clock.lap("read")
    _extract_all(articles, hashes, ExtractionCache(store), jobs, report, progress, candidates=candidates)
    report.articles = [a.stem for a in articles]
    clock.lap("extract")
    return report


class _Clock:
    """Seconds per build stage, into ``BuildReport.timings``."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into = into
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.into[stage] = round(now - self.t, 3)
        self.t = now


def _read_all(
    paths: Iterable[str | Path], max_bytes: int, report: BuildReport, progress: Progress | None
) -> tuple[list[Article], dict[str, str]]:
    files, problems = collect_paths(paths, report.warnings)
    report.failures.extend(problems)
    articles: list[Article] = []
    hashes: dict[str, str] = {}
    for n, f in enumerate(files, 1):
        if progress:
            progress("read", n, len(files))
        try:
            a = read_article(f, max_bytes=max_bytes)
        except ReadError as exc:
            report.failures.append(str(exc))
            continue
        if a.stem in hashes:
            report.failures.append(f"{f}: another article has the same file name {a.stem!r}; rename one")
            continue
        articles.append(a)
        report.skipped_sections.update(a.skipped_sections)
        hashes[a.stem] = article_digest(a)
    return articles, hashes


def _extract_all(
    articles: Sequence[Article],
    hashes: dict[str, str],
    cache: ExtractionCache | None,
    jobs: int,
    report: BuildReport,
    progress: Progress | None,
    dask: str | Cluster | None = None,
    dask_batch: int | None = None,
    settle: Callable[[Extraction], Extraction] | None = None,
    candidates: bool = True,
) -> list[Extraction]:
    """Extractions in article order: cached ones reused, the others annotated and extracted, each
    written to the cache as soon as it is done (a killed build keeps the work it finished), and
    each passed through ``settle`` (:class:`Settle`) as soon as it is there. ``candidates``: with
    the learned scorer's candidates (a cached entry without them is then extracted again)."""
    found: dict[str, Extraction] = {}
    keep = settle if settle is not None else _same
    if cache is not None:
        for a in articles:
            hit = cache.get(a, hashes[a.stem], candidates=candidates)
            if hit is not None:
                found[a.stem] = keep(hit)
        report.cache_rejected = len(cache.rejected)
    todo = [a for a in articles if a.stem not in found]
    report.reused = len(found)
    if dask is not None:  # on a cluster: an article that fails there is reported and left out
        from kg.distributed import extract_on_cluster

        found.update(
            extract_on_cluster(
                todo,
                dask,
                progress,
                cache,
                report.failures,
                dask_batch,
                settle=keep,
                candidates=candidates,
            )
        )
        return [found[a.stem] for a in articles if a.stem in found]
    if jobs > 1 and len(todo) > 2 * jobs:
        gazetteer()  # built once here, inherited by the forked workers
        fresh = _extract_parallel(todo, jobs, progress, cache, keep, candidates)
    else:
        fresh = _extract_chunk(todo, progress, cache, settle=keep, candidates=candidates)
    for a, ex in zip(todo, fresh, strict=True):
        found[a.stem] = ex
    return [found[a.stem] for a in articles]


def _stored_stems(ox_store: ox.Store, base: str) -> list[str]:
    """The stems of every article graph in the store, sorted."""
    iris = Iris(base)
    stems = []
    for g in ox_store.named_graphs():
        stem = iris.stem_of(g.value) if isinstance(g, ox.NamedNode) else None
        if stem is not None:
            stems.append(stem)
    return sorted(stems)


def _prune(ox_store: ox.Store, base: str, keep: set[str], tally: Tally) -> list[str]:
    """Drop the graphs of articles no longer built; returns their stems."""
    iris = Iris(base)
    gone = []
    for g in list(ox_store.named_graphs()):
        iri = g.value if isinstance(g, ox.NamedNode) else ""
        stem = iris.stem_of(iri)
        if stem is not None and stem not in keep:
            drop_graph(ox_store, iri)
            tally.remove(iri)
            gone.append(stem)
    return sorted(gone)
