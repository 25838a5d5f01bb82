"""What is not text in a pasted article: footnote markers, maintenance tags, template debris.

:func:`blank_debris` replaces each of them by spaces of the same length (line breaks are
kept), so the cleaned text has the file's offsets: every offset into it is an offset into
the file. What spaCy and the name rules read is that cleaned text.

>>> blank_debris("Regionalism[2] and Ecology.[citation needed]")
'Regionalism    and Ecology.                 '
>>> blank_debris("Peace[23]:45, bread{{efn|a note}}.")
'Peace       , bread              .'
"""

from __future__ import annotations

import re

__all__ = ["REFERENCE_SECTIONS", "blank_debris", "blank_markdown", "is_reference_section"]

# sections that list sources, not prose
REFERENCE_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "citations",
        "footnotes",
        "sources",
        "bibliography",
        "external links",
        "further reading",
        "notes and references",
        "references and notes",
        "works cited",
        "general references",
        "explanatory notes",
        "sources and further reading",
    }
)

_REFERENCE_CORE = {"references", "notes", "citations", "footnotes", "endnotes", "sources", "bibliography", "links"}
_REFERENCE_WORDS = _REFERENCE_CORE | {"external", "further", "reading", "and", "general", "explanatory", "other"}
# [1], [23], [a], [note 3], [nb 2], [lower-alpha 1], [ii], with an optional page ":45" or ": 45–47"
# (one letter only: "grappl[es] with" is an editor's bracket, not a note)
_FOOTNOTE = r"\[(?:\d{1,4}|[a-z]|[ivx]{2,6}|(?:note|nb|n|lower-alpha|upper-alpha|lower-roman|fn)\s*\d{1,3})\](?![a-z])"
_PAGE = r"(?::\s?(?:p{1,2}\.\s?)?\d[\d\u2013\u2014\-–, ]*\d|:\s?\d)?"
# [citation needed], [when?], [clarification needed], [better source needed], [dubious – discuss], [edit]
_TAG = (
    r"\[(?:[a-z][a-z'’ ()/\-–—]{0,45}?(?:needed|\?|discuss|verification|verify|dubious|disputed|vague|"
    r"specify|dead link|failed|unbalanced|sic|original research|inconsistent|unreliable source|self-published"
    r"|neutrality|promotional|irrelevant|improper synthesis|why)[a-z ?]{0,20}|edit|change(?: \| change source)?"
    r"|update|clarify)\]"
)
# a template call whose braces were stripped: "Combatant factionefn|Known by …" runs to the line's end
_BARE_TEMPLATE = r"(?:efn(?:-[a-z]{1,3})?|refn|sfnp?|sfnm|harvnb|harvp|harvtxt|rp|NoteTag|notetag|cref)\|[^\n]*"
# template parameters left in a value: "class=nowrap", "border=darkgray"
_PARAM = r"(?<![\w=])(?:class|style|border|width|size|align|valign|bgcolor|list_style|item_style|nowrap)=[^\s,|]*"
_HTML = (
    r"<ref[^<>\n]{0,200}/>|<ref[^<>\n]{0,200}>[^\n]{0,2000}?</ref>"
    r"|</?(?:br|small|sup|sub|span|div|nowiki|ref)\b[^<>\n]{0,200}/?>"
)
_QUOTES = r"'{2,}"
_DEBRIS = re.compile("|".join(f"(?:{p})" for p in (_FOOTNOTE + _PAGE, _TAG, _BARE_TEMPLATE, _PARAM, _HTML, _QUOTES)))
_MAYBE = re.compile(r"[\[{}<|]|''|\w=")  # a character no debris can do without
# a wiki link: "[[Target|shown]]" keeps "shown", "[[Shown]]" keeps "Shown"
_LINK = re.compile(r"\[\[(?:[^\[\]|\n]{0,200}\|)?([^\[\]|\n]{1,200})\]\]")
# Markdown: **bold**, __bold__, `code`, [text](url), a heading's or a list's marker is structure, not debris
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,500}\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _blank_templates(text: str, chars: list[str]) -> None:
    """Blank every ``{{ … }}`` call (nested ones with it) and any brace pair left unmatched; linear."""
    depth = 0
    opened = -1
    i = 0
    n = len(text)
    while i < n - 1:
        pair = text[i : i + 2]
        if pair == "{{":
            if depth == 0:
                opened = i
            depth += 1
            i += 2
            continue
        if pair == "}}":
            if depth > 0:
                depth -= 1
                if depth == 0:
                    _blank(chars, opened, i + 2)
            else:
                _blank(chars, i, i + 2)
            i += 2
            continue
        if text[i] == "\n" and depth > 0 and text[i + 1] == "\n":
            _blank(chars, opened, opened + 2)  # a call left open at a paragraph break: only its braces go
            depth = 0
        i += 1
    if depth > 0:
        _blank(chars, opened, opened + 2)


def blank_debris(text: str) -> str:
    """``text`` with footnote markers, maintenance tags and template debris blanked, same length.

    >>> blank_debris("- Ideology: class=nowrap, Communism")
    '- Ideology:             , Communism'
    >>> blank_debris("led by [[Juan Pérez|Pérez]] in [[Lima]]")
    'led by              Pérez   in   Lima  '
    """
    if not _MAYBE.search(text):
        return text
    chars: list[str] | None = None
    if "{{" in text or "}}" in text:
        chars = list(text)
        _blank_templates(text, chars)
        text = "".join(chars)
    spans = [(m.start(), m.start(1)) for m in _LINK.finditer(text)]
    spans += [(m.end(1), m.end()) for m in _LINK.finditer(text)]
    spans += [m.span() for m in _DEBRIS.finditer(text)]
    if not spans:
        return text
    chars = chars or list(text)
    for start, end in spans:
        _blank(chars, start, end)
    return "".join(chars)


def blank_markdown(text: str) -> str:
    """``text`` with Markdown's inline marks blanked (emphasis, code ticks, a link's target), same length.

    >>> blank_markdown("**Ana Roe** founded the [Weavers' League](https://example.org).")
    "  Ana Roe   founded the  Weavers' League                      ."
    """
    chars = list(text)
    for m in _MD_LINK.finditer(text):
        _blank(chars, m.start(), m.start(1))
        _blank(chars, m.end(1), m.end())
    for m in _MD_EMPHASIS.finditer(text):
        _blank(chars, m.start(), m.end())
    return "".join(chars)


def is_reference_section(title: str) -> bool:
    """True for a heading whose section lists sources, not prose.

    >>> is_reference_section("External links"), is_reference_section("History")
    (True, False)
    >>> is_reference_section("References and further reading"), is_reference_section("Notes on the name")
    (True, False)
    """
    low = title.strip().rstrip(":").casefold()
    if low in REFERENCE_SECTIONS:
        return True
    words = set(re.findall(r"[^\W\d_]+", low))  # "References and further reading", "Notes & sources"
    return bool(words) and words <= _REFERENCE_WORDS and bool(words & _REFERENCE_CORE)
