"""What kg extracts from one invented article given as text, for tests of the prose and infobox rules."""

from __future__ import annotations

from kg.annotate import _annotate
from kg.documents.reader import read_text
from kg.extract import Extraction, extract_article


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
