"""The one error root of kg and its children.

Every error a user can cause (bad input, a bad query, an unwritable path)
is a :class:`KgError` whose message names the culprit; the CLI prints the
message and never a traceback (unless ``--debug``).
"""

from __future__ import annotations

__all__ = ["BuildError", "ExportError", "KgError", "PushError", "QueryError", "ReadError", "StoreError"]


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class ReadError(KgError):
    """An article file cannot be read: names the file and the reason.

    >>> str(ReadError("a.txt", "file is empty"))
    'a.txt: file is empty'
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class BuildError(KgError):
    """A build could not finish (some articles were rejected, or writing failed)."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be found."""


class ExportError(KgError):
    """An export format is unknown or the output cannot be written."""


class StoreError(KgError):
    """The store is missing, locked by another writer, or unreadable."""


class PushError(KgError):
    """The server of ``kg push`` refused a request or could not be reached."""
