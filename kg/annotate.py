"""Annotate and extract articles: spaCy over every block and lead, then the extraction, in this
process or in worker processes (the same output either way), each article cached when done."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kg.documents import Article
from kg.extract import Extraction, extract_article
from kg.homonyms import homonym_contexts
from kg.model import Mention
from kg.score.candidates import Candidates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.cache import ExtractionCache
    from kg.score.model import Scorer

# and _annotate, _extract_chunk, _extract_parallel for kg.pipeline and kg.distributed
__all__ = ["Progress", "Settle", "article_digest"]

Progress = Callable[[str, int, int], None]


def article_digest(a: Article) -> str:
    """The SHA-256 of an article's file as read (its cache key and ``kg:contentHash``)."""
    return hashlib.sha256((a.source or a.text).encode("utf-8")).hexdigest()


class Settle:
    """What the corpus-wide stage keeps of each extraction, taken as soon as it is made or read
    from the cache, so memory grows with what resolution, inference and writing need and not
    with the articles' texts or the scorer's candidates (most of an extraction): its mentions'
    homonym contexts (:func:`kg.homonyms.homonym_contexts`, from the rules' facts), its facts as
    the learned ``scorer`` chooses them if there is one, and of its article only the names."""

    def __init__(self, scorer: Scorer | None = None) -> None:
        self.scorer = scorer
        self.contexts: dict[Mention, frozenset[str]] = {}

    @property
    def candidates(self) -> bool:
        """Whether extractions need their candidates (only for the scorer)."""
        return self.scorer is not None

    def __call__(self, ex: Extraction) -> Extraction:
        self.contexts.update(homonym_contexts([ex]))
        facts = ex.facts
        if self.scorer is not None:
            from kg.score.stage import score_facts

            facts = score_facts(ex, self.scorer)
        a = ex.article
        light = replace(a, text="", source="", infobox=(), sections=(), blocks=(), see_also=(), names=())
        return replace(ex, article=light, facts=facts, candidates=_NO_CANDIDATES)


_NO_CANDIDATES = Candidates()


def _annotate(
    articles: Sequence[Article], jobs: int, nlp: Language | None = None
) -> Iterator[tuple[list[Doc], Doc | None]]:
    """spaCy docs of every block, plus each article's lead paragraph with its brackets blanked,
    yielded article by article as the pipeline produces them (so each can be extracted, and
    cached, at once). A block longer than spaCy's limit is annotated in pieces cut at line or
    sentence ends and joined back into one doc of the same text, so offsets stay exact."""
    from kg.extract.subject import lead_sentence
    from kg.nlp import join_docs, load_nlp, pipe_stream, split_text

    nlp = nlp or load_nlp()  # a Dask worker passes the pipeline it loaded once
    plan: list[tuple[list[list[str]], list[str]]] = []  # per article: each block's pieces, the lead's pieces
    for a in articles:
        first = lead_sentence(a.blocks[0].text) if a.blocks else None
        pieces = [split_text(b.text, nlp.max_length) for b in a.blocks]
        plan.append((pieces, split_text(first, nlp.max_length) if first is not None else []))
    # blocks with their blanked debris closed up (kg.nlp.compact), their annotations carried back
    # to the file's offsets
    stream = ((piece, False) for split, _ in plan for parts in split for piece in parts)
    docs = pipe_stream(nlp, stream, batch_size=64, n_process=max(1, jobs))
    # the lead with its brackets blanked, parsed as it is in a stream of its own, without the entity
    # recogniser: find_subject reads only its parse (a third of the lead's cost); in this process,
    # whatever ``jobs`` (one sentence an article)
    lead_docs = nlp.pipe((piece for _, lead in plan for piece in lead), batch_size=64, disable=_LEAD_UNUSED)
    for split, lead in plan:
        blocks = [join_docs([next(docs) for _ in parts]) for parts in split]
        yield blocks, join_docs([next(lead_docs) for _ in lead]) if lead else (blocks[0] if blocks else None)


_LEAD_UNUSED = ["ner"]  # the components whose annotations the lead's doc need not have


def _extract_chunk(
    articles: Sequence[Article],
    progress: Progress | None = None,
    cache: ExtractionCache | None = None,
    nlp: Language | None = None,
    settle: Callable[[Extraction], Extraction] | None = None,
    candidates: bool = True,
) -> list[Extraction]:
    """Annotate and extract some articles in this process, caching each one as soon as it is done
    (and keeping what ``settle`` makes of it); ``candidates=False``: without the learned scorer's
    candidates (a build by the rules reads none), and the cache entry says so."""
    out = []
    docs = _annotate(articles, 1, nlp) if articles else iter(())
    for n, (a, d) in enumerate(zip(articles, docs, strict=True), 1):
        ex = extract_article(a, d[0], d[1], with_candidates=candidates)
        if cache is not None:
            cache.put(article_digest(a), ex, candidates)
        out.append(settle(ex) if settle is not None else ex)
        if progress:
            progress("extract", n, len(articles))
        if _DONE["counter"] is not None:  # a worker of _extract_parallel: one more article done
            with _DONE["counter"].get_lock():
                _DONE["counter"].value += 1
    return out


_DONE: dict[str, Any] = {"counter": None}  # in a worker process: the articles extracted by all workers


def _count_into(counter: Any) -> None:
    """Worker initialiser of _extract_parallel: count each article done into ``counter``."""
    _DONE["counter"] = counter


def _same(ex: Extraction) -> Extraction:
    return ex


def _extract_parallel(
    articles: Sequence[Article],
    jobs: int,
    progress: Progress | None,
    cache: ExtractionCache | None = None,
    settle: Callable[[Extraction], Extraction] = _same,
    candidates: bool = True,
) -> list[Extraction]:
    """Annotation and extraction in ``jobs`` worker processes, in article order (same output as one)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from functools import partial

    size = max(1, min(25, len(articles) // (jobs * 4) or 1))
    chunks = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    counter = (ctx or multiprocessing.get_context()).Value("i", 0)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_count_into, initargs=(counter,)) as pool:
        task = partial(_extract_chunk, progress=None, cache=cache, candidates=candidates)
        futures = {pool.submit(task, c): k for k, c in enumerate(chunks)}
        done: dict[int, list[Extraction]] = {}
        pending = set(futures)
        while pending:  # the progress moves per article, whichever worker finished it
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for f in finished:  # settled at once, the future (and its full extractions) let go
                done[futures.pop(f)] = [settle(ex) for ex in f.result()]
            if progress:
                progress("extract", min(counter.value, len(articles)), len(articles))
        return [ex for k in range(len(chunks)) for ex in done[k]]
