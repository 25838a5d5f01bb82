"""Typed data of a read article: every piece knows its character offsets.

Offsets index the decoded text of the file (``Article.text``), so
``article.text[x.start:x.end] == x.text`` for every piece.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Article", "Block", "InfoboxField", "InfoboxItem", "Section"]


@dataclass(frozen=True)
class InfoboxItem:
    """One value of an infobox field, with the sub-label it sits under.

    ``qualifier`` is the sub-label (``"Current"``, ``"Historical"``) or None.
    """

    text: str
    start: int
    end: int
    qualifier: str | None = None


@dataclass(frozen=True)
class InfoboxField:
    """A ``- Key: Value`` line of the infobox."""

    key: str
    raw: str
    start: int
    end: int
    line_start: int
    items: tuple[InfoboxItem, ...]


@dataclass(frozen=True)
class Section:
    """A heading and the span of text it governs.

    ``path`` is the chain of headings from the top (``("History", "Origins")``);
    the lead (text before the first heading) is the section with ``level`` 1
    and an empty path.
    """

    title: str
    level: int
    path: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item, in the section whose path it carries."""

    kind: str  # "paragraph" or "item"
    text: str
    start: int
    end: int
    section: tuple[str, ...]

    @property
    def section_title(self) -> str:
        """The innermost heading, or ``"Lead"`` for text before any heading."""
        return self.section[-1] if self.section else "Lead"


@dataclass(frozen=True)
class Article:
    """One article file, read and split into its parts."""

    path: str
    stem: str
    title: str
    text: str
    infobox: tuple[InfoboxField, ...]
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    see_also: tuple[Block, ...]

    def field(self, key: str) -> InfoboxField | None:
        """The infobox field with this key (case-insensitive), or None."""
        low = key.casefold()
        for f in self.infobox:
            if f.key.casefold() == low:
                return f
        return None
