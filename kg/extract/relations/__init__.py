"""Relations stated in prose: one module per family of relations, patterns as data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.model import Fact, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["prose_facts"]


def prose_facts(
    article: Article,
    docs: Sequence[Doc],
    mentions: Sequence[Sequence[Mention]],
    subject: Mention,
    aliases: Sequence[Mention],
) -> list[Fact]:
    """Facts stated in the article's sentences (``mentions`` align with ``docs``)."""
    return []
