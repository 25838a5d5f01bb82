"""Typed data of a read article: every piece knows its character offsets.

Offsets index the decoded text of the file. ``Article.text`` is that text with
footnote markers, maintenance tags and template debris blanked by spaces of the same
length (:mod:`kg.documents.clean`), so ``article.text[x.start:x.end] == x.text`` for every
piece and the same offsets index ``Article.source``, the file as read.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Article", "Block", "InfoboxField", "InfoboxItem", "Name", "Section"]


@dataclass(frozen=True)
class InfoboxItem:
    """One value of an infobox field, with the sub-label it sits under.

    ``qualifier`` is the sub-label (``"Current"``, ``"Historical"``) or None;
    ``status`` a military template's marker that was glued to the name (``"POW"``,
    ``"KIA"``, ``"WIA"``, ``"MIA"``, ``"executed"``, ``"died"`` for a †);
    ``bracket`` the inside of a trailing bracket split off the name (``"until 1991"``,
    ``"2010–2012"``, ``"defunct"``), left for the infobox rules to read. A bracket that
    is part of a name (``"Communist Party of Nepal (Maoist)"``) stays in ``text``.
    """

    text: str
    start: int
    end: int
    qualifier: str | None = None
    status: str | None = None
    bracket: str | None = None


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
class Name:
    """A name of the article's subject given on the lines between the title and the infobox."""

    text: str
    start: int
    end: int


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
    names: tuple[Name, ...] = ()  # the subject's names on the lines after the title
    source: str = ""  # the file's text as read (``text`` with its debris), same offsets
    skipped_sections: tuple[str, ...] = ()  # References, Notes, …: not read as prose
    title_start: int = -1  # where the title stands in the text (-1: taken from the file name)
    title_end: int = -1

    def field(self, key: str) -> InfoboxField | None:
        """The infobox field with this key (case-insensitive), or None."""
        low = key.casefold()
        for f in self.infobox:
            if f.key.casefold() == low:
                return f
        return None
