"""The typed records of :class:`kg.graph.KnowledgeGraph`'s API (plain dicts at run time)."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["EntityRecord", "FactRecord"]


class EntityRecord(TypedDict):
    """What :meth:`KnowledgeGraph.entity` gives: the entity's IRI, label, class, aliases, articles."""

    iri: str
    label: str
    type: str | None
    aliases: list[str]
    articles: list[str]


class FactRecord(TypedDict):
    """One fact of :meth:`KnowledgeGraph.facts` with its evidence: subject and object labels (the
    object's value if it is a literal), relation name, sentence, offsets, extractor, confidence
    and the article's graph."""

    subject: str
    relation: str
    object: Any
    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float
    article: str
