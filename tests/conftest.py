"""Shared fixtures: the spaCy model loads once per session, the seed graph builds once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from kg.pipeline import BuildReport, build_graph

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


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
