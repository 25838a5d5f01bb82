"""What kg extracts from one invented article given as text, for tests of the prose and infobox rules."""

from __future__ import annotations

from pathlib import Path

from kg.annotate import _annotate
from kg.documents.reader import read_text
from kg.extract import Extraction, extract_article
from kg.graph import KnowledgeGraph
from kg.pipeline import build_graph


def extract_text(text: str, name: str = "example.txt") -> Extraction:
    """``text`` read as the article file ``name``, annotated and extracted as a build does."""
    article = read_text(text, name)
    blocks, lead = next(_annotate([article], 1))
    return extract_article(article, blocks, lead)


def fact_triples(text: str) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of every fact, the object by its text (a date by its ISO form)."""
    return {
        (f.subject.text, f.relation, str(getattr(f.object, "text", None) or getattr(f.object, "iso", None)))
        for f in extract_text(text).facts
    }


def graph_of(folder: Path, articles: dict[str, str]) -> KnowledgeGraph:
    """The graph a build of invented articles makes (``articles``: file name → text), in ``folder``."""
    src = folder / "articles"
    src.mkdir()
    for name, text in articles.items():
        (src / name).write_text(text, encoding="utf-8")
    build_graph([src], folder / "store", [folder / "out.nq"])
    return KnowledgeGraph.open(folder / "store")


def facts_of(g: KnowledgeGraph, subject: str) -> set[tuple[str, str]]:
    """(relation, object label) of the facts about ``subject``."""
    return {(f["relation"], str(f["object"])) for f in g.facts(subject=subject)}
