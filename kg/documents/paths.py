"""The article files a build reads: folders searched, duplicates dropped, bad paths named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.documents.reader import find_articles

__all__ = ["collect_paths"]


def collect_paths(paths: Iterable[str | Path], skipped: list[str] | None = None) -> tuple[list[Path], list[str]]:
    """Files to read (folders searched recursively for ``*.txt`` and ``*.md``, sorted) and problems
    with the paths; a line per folder naming the files skipped for their extension goes to ``skipped``."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, other = find_articles(p)
            problems.extend(
                _not_regular(q)
                for q in sorted(p.rglob("*"))
                if q.suffix.casefold() in (".txt", ".md") and not q.is_file() and not q.is_dir()
            )
            if not found:
                problems.append(f"{p}: folder holds no *.txt or *.md articles")
            if other and skipped is not None:
                skipped.append(other)
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists() or p.is_symlink():
            problems.append(_not_regular(p))
        else:
            problems.append(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, problems


def _not_regular(p: Path) -> str:
    """The problem with a path that exists but is not a regular file (reading a FIFO would hang)."""
    import stat

    try:
        mode = p.stat().st_mode
    except OSError:
        return f"{p}: a broken link, skipped"
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    return f"{p}: {kind}, not a regular file; skipped"
