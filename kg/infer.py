"""Inference: what the ontology implies, marked as inferred (filled in by issue 3)."""

from __future__ import annotations

from collections.abc import Sequence

from kg.model import Entity
from kg.rdf import ResolvedFact

__all__ = ["infer_facts"]


def infer_facts(facts: Sequence[ResolvedFact], entities: dict[str, Entity]) -> list[ResolvedFact]:
    """Facts implied by ``facts``."""
    return []
