"""Shared fixtures: the spaCy model loads once per session, the seed graph builds once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import Article
from kg.graph import KnowledgeGraph
from kg.pipeline import BuildReport, build_graph

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


def offsets_hold(a: Article) -> None:
    """Every piece of a read article points at its own text."""
    for f in a.infobox:
        assert a.text[f.start : f.end] == f.raw
        for it in f.items:
            assert a.text[it.start : it.end] == it.text
    for b in (*a.blocks, *a.see_also):
        assert a.text[b.start : b.end] == b.text


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path, Path]:
    """(report, store, trig dump) of the seed build."""
    d = tmp_path_factory.mktemp("seed")
    store, dump = d / "store", d / "seed.trig"
    report = build_graph([SEEDS], store, [dump])
    return report, store, dump


@pytest.fixture(scope="session")
def seed_graph(seed_build: tuple[BuildReport, Path, Path]) -> KnowledgeGraph:
    return KnowledgeGraph.open(seed_build[1])


@pytest.fixture(scope="session")
def data_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path]:
    """The invented articles of tests/data, built together."""
    d = tmp_path_factory.mktemp("data")
    report = build_graph([DATA], d / "store", [d / "data.nq"])
    return report, d / "store"


@pytest.fixture(scope="session")
def data_graph(data_build: tuple[BuildReport, Path]) -> KnowledgeGraph:
    return KnowledgeGraph.open(data_build[1])
