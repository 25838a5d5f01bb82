"""The corpus-wide stage keeps only what it needs of each extraction, and writes the same graph
whether the store is flushed often or not (issue 19: memory bounded, output unchanged)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.pipeline
from kg.annotate import Settle, article_digest
from kg.cache import ExtractionCache
from kg.documents import read_article
from kg.homonyms import homonym_contexts
from kg.pipeline import build_graph, extract_to_cache
from kg.score import model as sm
from kg.score.stage import score_facts

DATA = Path(__file__).parent / "data"
ARTICLES = ["green_union.txt", "mill_league.txt", "harlan_voss.txt", "river_town.txt"]


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    """A folder of invented articles, built once (its cache filled) into a store, and the dump."""
    d = tmp_path_factory.mktemp("mem")
    corpus = d / "corpus"
    corpus.mkdir()
    for n in ARTICLES:
        (corpus / n).write_bytes((DATA / n).read_bytes())
    build_graph([corpus], d / "store", [d / "a.nq"])
    return corpus, d / "store", (d / "a.nq").read_bytes()


def test_a_settled_extraction_keeps_names_facts_and_contexts_but_no_text_or_candidates(
    cached: tuple[Path, Path, bytes],
) -> None:
    corpus, store, _ = cached
    a = read_article(corpus / "green_union.txt")
    assert ExtractionCache(store).get(a, article_digest(a)) is None, "a build by the rules makes no candidates"
    extract_to_cache([corpus], store, candidates=True)  # what a build with the scorer extracts
    full = ExtractionCache(store).get(a, article_digest(a))
    assert full is not None and full.candidates.items, "the cache keeps the candidates for a scorer"
    settle = Settle()
    kept = settle(full)
    assert kept.candidates.items == () and kept.article.text == kept.article.source == "" and not kept.article.blocks
    assert (kept.article.stem, kept.article.title, kept.article.path) == (a.stem, a.title, a.path)
    assert kept.mentions == full.mentions and kept.facts == full.facts and kept.same_as == full.same_as
    assert settle.contexts == homonym_contexts([full])
    # without a scorer the cache is read without the candidates at all
    light = ExtractionCache(store).get(a, article_digest(a), candidates=False)
    assert light is not None and light.candidates.items == () and light.facts == full.facts
    # with the learned scorer, the facts are the model's, chosen before the candidates go
    scorer = sm.load_scorer()
    scored = Settle(scorer)(full)
    assert scored.facts == score_facts(full, scorer) and scored.candidates.items == ()


def test_a_cached_rebuild_and_a_store_flushed_every_few_quads_write_the_same_graph(
    cached: tuple[Path, Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, store, first = cached
    again = build_graph([corpus], store, [tmp_path / "b.nq"])
    assert again.reused == len(ARTICLES)
    assert (tmp_path / "b.nq").read_bytes() == first
    monkeypatch.setattr(kg.pipeline, "FLUSH_QUADS", 50)
    fresh = build_graph([corpus], tmp_path / "s", [tmp_path / "c.nq"], use_cache=False)
    assert fresh.quads > 4 * 50  # so the store was flushed between articles, several times
    assert (tmp_path / "c.nq").read_bytes() == first


def test_a_decoded_entry_shares_its_repeated_values(cached: tuple[Path, Path, bytes]) -> None:
    """The cache decoder gives equal mentions, evidence and strings of one entry as one object (a
    fact's subject is the article's mention; the stem, class and rule names are interned), and the
    held records have no ``__dict__`` (slots): what resolution holds per article."""
    import sys

    corpus, store, _ = cached
    a = read_article(corpus / "harlan_voss.txt")
    ex = ExtractionCache(store).get(a, article_digest(a), candidates=False)
    assert ex is not None and ex.facts
    by_value = {m: m for m in ex.mentions}
    shared = [f for f in ex.facts if f.subject in by_value]
    assert shared and all(f.subject is by_value[f.subject] for f in shared)
    assert all(m.article is sys.intern(a.stem) for m in ex.mentions)
    assert len({id(f.evidence.extractor) for f in ex.facts}) == len({f.evidence.extractor for f in ex.facts})
    sentences = [f.evidence.sentence for f in ex.facts]
    assert len({id(s) for s in sentences}) == len(set(sentences))
    for held in (ex.mentions[0], ex.facts[0], ex.facts[0].evidence):
        assert not hasattr(held, "__dict__")
