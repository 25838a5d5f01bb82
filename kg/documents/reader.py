"""Read an article file in kg's input format into an :class:`Article`.

The format: ``= Title =`` on the first line; up to three lines naming the subject
(``Movement for Socialism, Movimiento al Socialismo``: ``Article.names``) when
infobox lines follow them; ``- Key: Value`` infobox lines before the first
paragraph; ``== Section ==`` headings, paragraphs, ``- item`` lists, and a
``See also`` list. References, Notes, External links, … are not prose
(``Article.skipped_sections``). Plain prose under a title is valid too, and so are
Markdown (``# Title``, ``## Section``, ``-``/``*`` lists) and text with no title line
(the title comes from the file name). Debris is blanked first (:mod:`kg.documents.clean`).

>>> a = read_text("= Example Party =\\n- Founded: 1990\\n\\nThe party was founded in 1990.\\n", "x.txt")
>>> a.title, a.infobox[0].key, a.blocks[0].text
('Example Party', 'Founded', 'The party was founded in 1990.')
>>> a = read_text("= Example Party =\\nExample Party, Partido Ejemplo\\n- Founded: 1990\\n", "x.txt")
>>> [n.text for n in a.names], len(a.infobox)
(['Example Party', 'Partido Ejemplo'], 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from kg.documents.clean import blank_debris, blank_markdown, is_reference_section
from kg.documents.model import Article, Block, InfoboxField, Section
from kg.documents.values import split_items, split_names
from kg.errors import ReadError

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "decode_bytes", "find_articles", "read_article", "read_text"]

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
_TITLE = re.compile(r"^\s*=\s*(?P<t>[^=].*?)\s*=\s*$")
_HEADING = re.compile(r"^\s*(?P<eq>={2,6})\s*(?P<t>.*?)\s*(?P=eq)\s*$")
_FIELD = re.compile(r"^-\s*(?P<key>[^:\n]{1,60}?)\s*:\s?(?P<val>.*)$")
_ITEM = re.compile(r"^-\s+(?P<t>.*\S)\s*$")
_SEE_ALSO = {"see also", "related articles"}
_MARKDOWN = {".md", ".markdown"}
_MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<t>.*?)\s*#*\s*$")
_MD_FIELD = re.compile(r"^[*+]\s*(?P<key>[^:\n]{1,60}?)\s*:\s?(?P<val>.*)$")
_MD_ITEM = re.compile(r"^(?:[*+]|\d{1,3}[.)])\s+(?P<t>.*\S)\s*$")
_SENTENCE_END = re.compile(r"[.!?](?:\s+[A-Z\"“]|\s*$)")
_SMALL_WORDS = {"a", "an", "and", "de", "del", "des", "du", "el", "for", "in", "la", "le", "of", "on", "the", "y"}


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


def find_articles(folder: Path) -> tuple[list[Path], str | None]:
    """The article files under ``folder`` (``*.txt``, ``*.md``; recursively, sorted), and one line
    naming the other files skipped for their extension, or None. Hidden files and folders
    (``.git``, ``.DS_Store``) are not articles and not reported."""
    found: list[Path] = []
    others: list[Path] = []
    for q in sorted(folder.rglob("*")):
        if not q.is_file() or any(part.startswith(".") for part in q.relative_to(folder).parts):
            continue
        (found if q.suffix.casefold() in ARTICLE_SUFFIXES else others).append(q)
    if not others:
        return found, None
    shown = ", ".join(str(q.relative_to(folder)) for q in others[:5]) + (", …" if len(others) > 5 else "")
    return found, f"{folder}: {len(others)} file(s) skipped, not *.txt or *.md: {shown}"


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


def _heading(line: str, markdown: bool) -> tuple[int, str] | None:
    """(level, title) of a heading line: ``== X ==`` (level 2), or ``## X`` in Markdown."""
    h = _HEADING.match(line)
    if h:
        return len(h.group("eq")), h.group("t").strip()
    if markdown:
        m = _MD_HEADING.match(line)
        if m:
            return max(2, len(m.group("hashes"))), m.group("t").strip()
    return None


def _title_line(lines: list[tuple[int, str]], markdown: bool) -> tuple[int, str, int]:
    """(line index, title, offset of the title) of the first line when it is a title, else (-1, "", -1)."""
    for i, (off, line) in enumerate(lines):
        bare = line.lstrip("\ufeff\u200b")
        if not bare.strip():
            continue
        m = _TITLE.match(bare)
        if m and not _HEADING.match(bare):
            return i, m.group("t").strip(), off + len(line) - len(bare) + bare.index(m.group("t").strip())
        md = _MD_HEADING.match(bare)
        if md and (markdown or len(md.group("hashes")) == 1):
            return i, md.group("t").strip(), off + len(line) - len(bare) + md.start("t")
        break
    return -1, "", -1


def _file_title(path: str, text: str) -> tuple[str, int]:
    """A title from the file name ("ana_roe.md" → "Ana Roe"), spelled as the text spells it when it
    names it; with its offset in the text, or -1."""
    words = re.split(r"[_\-\s]+", Path(path).stem.strip("_- "))
    name = " ".join(w if not w.islower() or (n and w in _SMALL_WORDS) else w.capitalize() for n, w in enumerate(words))
    if not name:
        return "", -1
    hit = re.search(r"(?<!\w)" + r"[\s_\-]+".join(re.escape(w) for w in words) + r"(?!\w)", text, re.I)
    if hit:
        return hit.group(), hit.start()
    return name, -1


def _looks_like_names(line: str) -> bool:
    """A line of names: short, no sentence in it (the period of an initial or of a title's
    abbreviation ends none: "Gen. A. B. Roe")."""
    bare = line.strip()
    return 0 < len(bare) <= 300 and len(bare.split()) <= 40 and not any(
        not _abbreviation(bare, m.start()) and not _exclaimed(bare, m.start()) for m in _SENTENCE_END.finditer(bare)
    )


def _exclaimed(line: str, at: int) -> bool:
    """The "!" of a name that shouts ("Resistance!", "Forward, Tesk!"): a name's end, not a sentence's,
    when it closes the line or one of its comma-separated names of at most six words.

    >>> _looks_like_names("Resistance!"), _looks_like_names("Forward!, Napred!")
    (True, True)
    >>> _looks_like_names("The party won. It ruled.")
    False
    """
    if line[at] not in "!?":
        return False
    start = line.rfind(",", 0, at) + 1
    return len(line[start:at].split()) <= 6 and (at + 1 == len(line) or line[at + 1] == ",")


def _abbreviation(line: str, at: int) -> bool:
    """The period at ``at`` closes an initial ("A.") or a title's short form ("Gen.", "Dr.": the words of
    ``person_titles.tsv``)."""
    if line[at] != ".":
        return False
    word = re.search(r"(?:^|\s)([^\s.]+)$", line[:at])
    return word is not None and (re.fullmatch(r"[A-Z]", word.group(1)) is not None or word.group(1) in _short_titles())


@cache
def _short_titles() -> frozenset[str]:
    from kg.datafiles import load_tsv

    return frozenset(w.strip() for w, _ in load_tsv("person_titles.tsv") if w.strip()[:1].isupper())


def _name_lines(lines: list[tuple[int, str]], first: int, title: str, markdown: bool) -> list[int]:
    """Indices of the lines between the title and the first infobox field that name the subject
    (none when no field follows them, or when one of them reads as prose)."""
    found: list[int] = []
    for i in range(first, min(len(lines), first + 8)):
        bare = lines[i][1].strip()
        if not bare or bare == title:
            continue
        if _heading(lines[i][1], markdown):
            return []
        if _field(lines[i][1], markdown):
            return found
        if len(found) == 3 or not _looks_like_names(bare):
            return []
        found.append(i)
    return []


def _field(line: str, markdown: bool) -> re.Match[str] | None:
    f = _FIELD.match(line) or (_MD_FIELD.match(line) if markdown else None)
    return f if f and not _HEADING.match(line) else None


def read_text(text: str, path: str = "<text>") -> Article:
    """Parse decoded article text into an :class:`Article` (offsets index ``text``).

    The title is the ``= Title =`` line (``# Title`` in Markdown), else the file name.
    ``Article.text`` is ``text`` with its debris blanked (same length).
    """
    markdown = Path(path).suffix.casefold() in _MARKDOWN
    source = text
    text = blank_debris(text)
    if markdown:
        text = blank_markdown(text)
    lines = list(_lines(text))
    title_line, title, title_start = _title_line(lines, markdown)
    if not title:
        title, title_start = _file_title(path, text)
    if not title:
        raise ReadError(path, "no title (no '= Title =' or '# Title' line, and the file name gives none)")

    infobox: list[InfoboxField] = []
    blocks: list[Block] = []
    see_also: list[Block] = []
    heads: list[tuple[int, int, str, int]] = []  # (line index, level, title, offset)
    in_infobox = True
    stack: list[tuple[int, str]] = []
    para: list[tuple[int, str]] = []
    skipped: list[str] = []
    skip_level = 0  # inside a References/Notes/… section of this level (0: not)
    names_at = set(_name_lines(lines, title_line + 1, title, markdown))
    names = [n for i in sorted(names_at) for n in split_names(text, lines[i][0], lines[i][0] + len(lines[i][1]))]

    def flush() -> None:
        if para:
            s, e = _strip_span(text, para[0][0], para[-1][0] + len(para[-1][1]))
            if e > s:
                blocks.append(Block("paragraph", text[s:e], s, e, tuple(t for _, t in stack)))
            para.clear()

    for i, (off, line) in enumerate(lines[title_line + 1 :], start=title_line + 1):
        bare = line.strip()
        if i in names_at or (in_infobox and (not bare or bare == title)):
            continue
        h = _heading(line, markdown)
        if h:
            flush()
            in_infobox = False
            level, name = h
            if skip_level and level > skip_level:
                heads.append((i, level, name, off))
                continue
            skip_level = 0
            if is_reference_section(name):
                skip_level = level
                skipped.append(name)
            while stack and stack[-1][0] >= level:
                stack.pop()
            if name:
                stack.append((level, name))
            heads.append((i, level, name, off))
            continue
        if skip_level:
            continue
        if in_infobox:
            f = _field(line, markdown)
            if f:
                vs, ve = _strip_span(text, off + f.start("val"), off + f.end("val"))
                key = f.group("key").strip()
                items = split_items(text, vs, ve, names="name" in key.casefold())
                infobox.append(InfoboxField(key, text[vs:ve], vs, ve, off, items))
                continue
            in_infobox = False
        if not bare:
            flush()
            continue
        it = _ITEM.match(bare) or (_MD_ITEM.match(bare) if markdown else None)
        if it:
            flush()
            s, e = _strip_span(text, off + line.index(bare) + it.start("t"), off + len(line))
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
    sections = tuple(s for s in _sections(heads, len(text)) if not any(is_reference_section(t) for t in s.path))
    return Article(
        path=path,
        stem=Path(path).stem,
        title=title,
        text=text,
        infobox=tuple(infobox),
        sections=sections,
        blocks=tuple(blocks),
        see_also=tuple(see_also),
        names=tuple(names),
        source=source,
        skipped_sections=tuple(skipped),
        title_start=title_start,
        title_end=title_start + len(title) if title_start >= 0 else -1,
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
