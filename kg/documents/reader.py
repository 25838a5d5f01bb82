"""Read an article file in kg's input format into an :class:`Article`.

The format: ``= Title =`` on the first line (the title may repeat on its own
line), ``- Key: Value`` infobox lines before the first paragraph,
``== Section ==`` headings, paragraphs, ``- item`` lists, and a ``See also``
list. Plain prose under a title is valid too.

>>> a = read_text("= Example Party =\\n- Founded: 1990\\n\\nThe party was founded in 1990.\\n", "x.txt")
>>> a.title, a.infobox[0].key, a.blocks[0].text
('Example Party', 'Founded', 'The party was founded in 1990.')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.documents.model import Article, Block, InfoboxField, InfoboxItem, Section
from kg.errors import ReadError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "read_article", "read_text"]

DEFAULT_MAX_BYTES = 5_000_000
_TITLE = re.compile(r"^\s*=\s*(?P<t>[^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^\s*(?P<eq>={2,6})\s*(?P<t>.*?)\s*(?P=eq)\s*$")
_FIELD = re.compile(r"^-\s*(?P<key>[^:\n]{1,60}?)\s*:\s?(?P<val>.*)$")
_ITEM = re.compile(r"^-\s+(?P<t>.*\S)\s*$")
_SEE_ALSO = {"see also", "related articles"}
_ITEM_SEP = re.compile(r"\s*,\s+")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes as UTF-8 or raise :class:`ReadError` saying why.

    >>> decode_bytes(b"\\xef\\xbb\\xbf= T =", "a.txt")
    '\\ufeff= T ='
    >>> decode_bytes(b"\\xff= T =", "b.txt")
    Traceback (most recent call last):
    ...
    kg.errors.ReadError: b.txt: not UTF-8 text (invalid byte 0xff at offset 0)
    """
    if not data.strip():
        raise ReadError(path, "file is empty")
    if b"\x00" in data:
        raise ReadError(path, f"binary file (NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_article(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file; raise :class:`ReadError` naming it when it is unusable."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(p, f"file is too large ({size} bytes; the limit is {max_bytes}, see --max-bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(p, f"cannot read file ({exc.strerror or exc})") from None
    return read_text(decode_bytes(data, str(p)), str(p))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its end-of-line) for every line of text."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        yield pos, raw.rstrip("\r\n")
        pos += len(raw)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it holds no leading/trailing whitespace (BOM included)."""
    while start < end and (text[start].isspace() or text[start] in "\ufeff\u200b"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\ufeff\u200b"):
        end -= 1
    return start, end


def _split_items(text: str, start: int, end: int) -> tuple[InfoboxItem, ...]:
    """Split a flattened list value into items, carrying ``Label:`` sub-labels as qualifiers."""
    items: list[InfoboxItem] = []
    qualifier: str | None = None
    pos = start
    value = text[start:end]
    pieces = [*_ITEM_SEP.finditer(value), None]
    for sep in pieces:
        piece_end = start + sep.start() if sep is not None else end
        s, e = _strip_span(text, pos, piece_end)
        piece = text[s:e]
        if piece.endswith(":") and len(piece) > 1:
            qualifier = piece[:-1].strip()
        elif piece:
            items.append(InfoboxItem(piece, s, e, qualifier))
        if sep is not None:
            pos = start + sep.end()
    return tuple(items)


def read_text(text: str, path: str = "<text>") -> Article:
    """Parse decoded article text into an :class:`Article` (offsets index ``text``)."""
    lines = list(_lines(text))
    title = ""
    title_line = -1
    for i, (_, line) in enumerate(lines):
        if not line.strip("\ufeff\u200b \t"):
            continue
        m = _TITLE.match(line.lstrip("\ufeff\u200b"))
        if m and not _HEADING.match(line.lstrip("\ufeff\u200b")):
            title, title_line = m.group("t").strip(), i
        break
    if not title:
        raise ReadError(path, "no title (the first line must be '= Title =')")

    infobox: list[InfoboxField] = []
    blocks: list[Block] = []
    see_also: list[Block] = []
    heads: list[tuple[int, int, str, int]] = []  # (line index, level, title, offset)
    in_infobox = True
    stack: list[tuple[int, str]] = []
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if para:
            s, e = _strip_span(text, para[0][0], para[-1][0] + len(para[-1][1]))
            if e > s:
                blocks.append(Block("paragraph", text[s:e], s, e, tuple(t for _, t in stack)))
            para.clear()

    for i, (off, line) in enumerate(lines[title_line + 1 :], start=title_line + 1):
        bare = line.strip()
        if in_infobox and (not bare or bare == title):
            continue
        h = _HEADING.match(line)
        if h:
            flush()
            in_infobox = False
            level = len(h.group("eq"))
            name = h.group("t").strip()
            while stack and stack[-1][0] >= level:
                stack.pop()
            if name:
                stack.append((level, name))
            heads.append((i, level, name, off))
            continue
        if in_infobox:
            f = _FIELD.match(line)
            if f and not _HEADING.match(line):
                vs, ve = _strip_span(text, off + f.start("val"), off + f.end("val"))
                infobox.append(
                    InfoboxField(f.group("key").strip(), text[vs:ve], vs, ve, off, _split_items(text, vs, ve))
                )
                continue
            in_infobox = False
        if not bare:
            flush()
            continue
        it = _ITEM.match(bare)
        if it:
            flush()
            s, e = _strip_span(text, off + line.index("-") + 1, off + len(line))
            if e <= s:
                continue
            block = Block("item", text[s:e], s, e, tuple(t for _, t in stack))
            if stack and stack[-1][1].casefold() in _SEE_ALSO:
                see_also.append(block)
            else:
                blocks.append(block)
            continue
        if bare.strip("-") == "":
            flush()
            continue
        para.append((off, line))
    flush()
    return Article(
        path=path,
        stem=Path(path).stem,
        title=title,
        text=text,
        infobox=tuple(infobox),
        sections=_sections(heads, len(text)),
        blocks=tuple(blocks),
        see_also=tuple(see_also),
    )


def _sections(heads: list[tuple[int, int, str, int]], size: int) -> tuple[Section, ...]:
    """Sections with their span: each runs to the next heading of the same or higher level."""
    out = [Section("Lead", 1, (), 0, heads[0][3] if heads else size)]
    stack: list[tuple[int, str]] = []
    for n, (_, level, name, off) in enumerate(heads):
        while stack and stack[-1][0] >= level:
            stack.pop()
        if name:
            stack.append((level, name))
        end = next((h[3] for h in heads[n + 1 :] if h[1] <= level), size)
        if name:
            out.append(Section(name, level, tuple(t for _, t in stack), off, end))
    return tuple(out)
