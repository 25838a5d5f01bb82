"""Atomic file writing: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_target", "atomic_write", "is_disk_full"]


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` only if the block succeeds,
    so readers see the old file or the new one, never half of one."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, p.stat().st_mode & 0o7777 if p.exists() else _file_mode())
        os.replace(tmp, p)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _file_mode() -> int:
    """The mode a new file gets under the current umask (mkstemp's own is 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through :func:`atomic_target`."""
    with atomic_target(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def is_disk_full(exc: BaseException) -> bool:
    """Is this error the device running out of space (or quota)? Oxigraph's own errors carry no
    errno, only RocksDB's message."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, OSError) and "no space left on device" in str(exc).lower()
