"""The extraction cache and the learned scorer's candidates: a build by the rules computes none
(they cost about as much as the rules and nothing reads them), its cache entries say so, and a
build with the scorer never takes such an entry for one with candidates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg.extract
from kg.annotate import article_digest
from kg.cache import ExtractionCache
from kg.documents import read_article
from kg.pipeline import build_graph, extract_to_cache
from kg.score import model as sm
from kg.score.candidates import feature_fingerprint
from kg.score.features import CATEGORICAL, NUMERIC

DATA = Path(__file__).parent / "data"
ARTICLES = ("velliros.txt", "marta_quellen.txt", "river_town.txt")


def _corpus(into: Path) -> Path:
    into.mkdir()
    for n in ARTICLES:
        src = DATA / "score" / n if (DATA / "score" / n).exists() else DATA / n
        (into / n).write_bytes(src.read_bytes())
    return into


def _scorer(tmp_path: Path) -> sm.Scorer:
    """A hand-made model (no training, no shipped artefact): every relation with a short
    dependency path is accepted, so a build by it depends on the candidates' features."""
    cols = [*CATEGORICAL, *NUMERIC]
    plen = cols.index("path_len")
    tree = [[plen, 3.0, False, 1, 2, False, 0.0, []], [0, 0.0, False, 0, 0, True, 2.0, []],
            [0, 0.0, False, 0, 0, True, -2.0, []]]  # fmt: skip
    body = {"format": sm.FORMAT, "name": "tiny", "feature_fingerprint": feature_fingerprint(), "commit": "0" * 40,
            "data": {}, "threshold": 0.5, "columns": cols, "codes": {}, "baseline": 0.0, "trees": [tree],
            "calibration": {"x": [0.0, 1.0], "y": [0.1, 0.9]}}  # fmt: skip
    p = tmp_path / "scorer.json"
    p.write_text(json.dumps(sm.seal(body)), encoding="utf-8")
    return sm.read_scorer(p)


def _entries(store: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ExtractionCache(store).dir.glob("*.json"))]


def test_a_build_by_the_rules_computes_no_candidates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    corpus = _corpus(tmp_path / "src")
    calls: list[str] = []
    real = kg.extract.candidates

    def counted(article, *rest):  # type: ignore[no-untyped-def]
        calls.append(article.stem)
        return real(article, *rest)

    monkeypatch.setattr(kg.extract, "candidates", counted)
    report = build_graph([corpus], tmp_path / "st", [tmp_path / "a.nq"])
    assert report.ok and len(report.articles) == len(ARTICLES)
    assert calls == []
    entries = _entries(tmp_path / "st")
    assert len(entries) == len(ARTICLES) and all(e["candidates"] is False for e in entries)
    assert all('"Candidate"' not in e["payload"] for e in entries)
    # a build with the scorer into the same store extracts every article again, with candidates
    scored = build_graph([corpus], tmp_path / "st", [tmp_path / "b.nq"], scorer=_scorer(tmp_path))
    assert scored.reused == 0 and scored.cache_rejected == 0 and sorted(calls) == sorted(report.articles)
    entries = _entries(tmp_path / "st")
    assert all(e["candidates"] is True for e in entries) and any('"Candidate"' in e["payload"] for e in entries)
    # and a build by the rules reuses those entries (without reading their candidates): same graph
    again = build_graph([corpus], tmp_path / "st", [tmp_path / "c.nq"])
    assert again.reused == len(ARTICLES) and len(calls) == len(ARTICLES)
    assert (tmp_path / "c.nq").read_bytes() == (tmp_path / "a.nq").read_bytes()


def test_a_scorer_build_after_a_rules_build_is_the_cold_scorer_build(tmp_path: Path):
    corpus = _corpus(tmp_path / "src")
    scorer = _scorer(tmp_path)
    cold = build_graph([corpus], tmp_path / "cold", [tmp_path / "cold.nq"], use_cache=False, scorer=scorer)
    rules = build_graph([corpus], tmp_path / "st", [tmp_path / "rules.nq"])
    warm = build_graph([corpus], tmp_path / "st", [tmp_path / "warm.nq"], scorer=scorer)
    assert cold.ok and rules.ok and warm.ok
    assert (tmp_path / "warm.nq").read_bytes() == (tmp_path / "cold.nq").read_bytes()
    assert b"tiny:" in (tmp_path / "cold.nq").read_bytes()  # the model's facts, so the candidates mattered
    assert (tmp_path / "rules.nq").read_bytes() != (tmp_path / "cold.nq").read_bytes()
    again = build_graph([corpus], tmp_path / "st", [tmp_path / "again.nq"], scorer=scorer)
    assert again.reused == len(ARTICLES)  # the entries now carry candidates
    assert (tmp_path / "again.nq").read_bytes() == (tmp_path / "cold.nq").read_bytes()


def test_kg_extract_keeps_candidates_only_for_the_scorer(tmp_path: Path):
    corpus = _corpus(tmp_path / "src")
    rules = extract_to_cache([corpus], tmp_path / "st")
    assert rules.ok and all(e["candidates"] is False for e in _entries(tmp_path / "st"))
    model = extract_to_cache([corpus], tmp_path / "st", candidates=True)
    assert model.reused == 0 and all(e["candidates"] is True for e in _entries(tmp_path / "st"))
    assert extract_to_cache([corpus], tmp_path / "st").reused == len(ARTICLES)


def test_an_entry_without_candidates_is_a_miss_for_the_scorer_and_its_mark_is_checked(tmp_path: Path):
    corpus = _corpus(tmp_path / "src")
    build_graph([corpus], tmp_path / "st", [])
    cache = ExtractionCache(tmp_path / "st")
    a = read_article(corpus / "velliros.txt")
    assert cache.get(a, article_digest(a), candidates=False) is not None
    assert cache.get(a, article_digest(a), candidates=True) is None and cache.rejected == []
    # an entry claiming candidates it was not made with fails its checksum (and is counted)
    p = cache.path(a.stem, article_digest(a))
    p.write_text(p.read_text(encoding="utf-8").replace('"candidates":false', '"candidates":true'), encoding="utf-8")
    assert cache.get(a, article_digest(a), candidates=True) is None and len(cache.rejected) == 1
    assert cache.get(a, article_digest(a), candidates=False) is None and len(cache.rejected) == 2
