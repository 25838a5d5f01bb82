"""Names the prose gives the article's subject in a sentence of its own.

- "It sometimes called itself the Tesk Front": a name an organisation gave itself (in an event's
  article "it" is some body of the event);
- "The group was also variously known as the Varn Brigade (VB), the Holy Brigade, and the Red
  Front": every name of the list is one of the subject's, when the sentence's subject is the
  subject (one of its names, or "The group" in an organisation's article: "It" may stand for another
  thing the sentence before named);
- "His birth certificate identified him as "Faramundo Roe"": the quoted name of a person's record,
  when it shares a word with the subject's name.

The sentence must be about the subject: its own name or a pronoun that stands for it in its own
article; a name the list gives after another verb ("It was allied with the Tesk Front") is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.lexicons import alternation
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["self_name_pairs"]

_ADVERBS = rf"(?:(?:{alternation('alias_adverbs')}|sometimes|often|also)\s+)*"
_ITSELF = re.compile(
    rf"(?:^|[.!?;]\s+|,\s+)(?:it|they)\s+{_ADVERBS}(?:called|named|styled|renamed|described)\s+"
    r"(?:itself|themselves)\s+(?:as\s+)?",
    re.IGNORECASE,
)
_KNOWN_AS = (
    rf"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+{_ADVERBS}"
    r"(?:(?:known|referred\s+to)\s+as|called|named)\s+"
)
_RECORD = re.compile(
    r"\b(?:identified|registered|recorded|listed|named|christened|bapti[sz]ed)\s+(?:him|her)\s+as\s+[\"“]$"
)


def _fits(m: Mention, subject: Mention) -> bool:
    """A name the words give the subject: not a place the gazetteer knows, and of the subject's broad
    class unless only NER typed it (a group's other name may look like a person's to it)."""
    place = gazetteer().lookup(m.text) if group_of(m.cls) == "Place" else None
    same = group_of(m.cls) == group_of(subject.cls) or m.source == "ner"
    return place is None and same and not m.subject


_ITEM = re.compile(r"(?:the\s+)?([A-Z][\w'’\-]*(?:\s+(?:(?:of|for|the|de|del|la|al)\s+)*[A-Z][\w'’\-]*)*)")
_ITEM_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&\-]{1,11})\)")
_LIST_SEP = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_END = re.compile(r"\s*(?:[.;]|,\s+(?:which|who|and\s+it|but)\b|$)")


def _listed(text: str, at: int, found: Sequence[Mention], subject: Mention) -> list[Mention]:
    """The names of the list that starts at ``at`` ("the Varn Brigade (VB), the Holy Brigade, and the Red
    Front."): each a mention that starts there or, where none does, the capitalised words as a new
    one; an acronym in brackets after one a name too. Nothing unless the list runs to its sentence's end."""
    starts = {m.start: m for m in sorted(found, key=lambda m: m.end - m.start)}
    out: list[Mention] = []
    pos = at
    while True:
        lead = re.match(r"the\s+", text[pos : pos + 4]) if text.startswith(("the ", "the\n"), pos) else None
        first = pos + (lead.end() if lead else 0)
        if first in starts and not text.startswith(" and ", starts[first].end):
            item = starts[first]
        else:
            hit = _ITEM.match(text, pos)
            if hit is None:
                return []
            s, e = hit.span(1)
            same = starts.get(s)
            new = Mention(subject.article, s, e, text[s:e], subject.cls, "pattern")
            item = same if same is not None and same.end == e else new
        out.append(item)
        pos = item.end
        acr = _ITEM_ACRONYM.match(text, pos)
        if acr is not None:
            s, e = acr.span(1)
            out.append(starts.get(s) or Mention(subject.article, s, e, acr.group(1), subject.cls, "acronym"))
            pos = acr.end()
        sep = _LIST_SEP.match(text, pos)
        if sep is None:
            return out if _LIST_END.match(text, pos) else []
        pos = sep.end()


def self_name_pairs(
    text: str, found: Sequence[Mention], subject: Mention, names: Sequence[str], span: tuple[int, int] = (0, -1)
) -> list[tuple[Mention, Mention, str]]:
    """Same-as pairs (subject, another name of it) from the sentences of one block (``span``: its start and
    end in ``text``); a name of a list that no mention covered is a new mention (source ``pattern``, the
    subject's class).

    >>> t = "It grew. It sometimes called itself the Red Front. The group was also known as the Blue League, and Tesk."
    >>> subject = Mention("d", 0, 0, "Varn Brigade", "Organization", "title", True)
    >>> ms = [Mention("d", 40, 49, "Red Front", "Organization"), Mention("d", 83, 94, "Blue League", "Organization")]
    >>> [(b.text, b.source) for _, b, _ in self_name_pairs(t, ms, subject, ["Varn Brigade"])]
    [('Blue League', 'ner'), ('Tesk', 'pattern'), ('Red Front', 'ner')]
    """
    ordered = sorted(found, key=lambda m: (m.start, m.end))
    out: list[tuple[Mention, Mention, str]] = []
    own = "|".join(re.escape(n) for n in sorted({*names, subject.text}, key=len, reverse=True) if n.strip())
    if not own:
        return out
    nouns = alternation("organisation_nouns")
    # "The group was known as …" in an organisation's article; the subject's own name in any article ("It was
    # known as …" may be about the newspaper the sentence before named)
    group = group_of(subject.cls) == "Organization"
    opener = rf"(?:The\s+(?:{nouns})|(?:The\s+)?(?:{own}))" if group else rf"(?:The\s+)?(?:{own})"
    known = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){opener}{_KNOWN_AS}")
    end = len(text) if span[1] < 0 else span[1]
    for hit in known.finditer(text, span[0], end):
        for c in _listed(text, hit.end(), found, subject):
            if _fits(c, subject):
                out.append((subject, c, "another name: 'known as' in a sentence on the subject"))
    for hit in _ITSELF.finditer(text, span[0], end) if group else ():  # an event calls itself nothing
        for c in _listed(text, hit.end(), found, subject):
            if _fits(c, subject):
                out.append((subject, c, "another name: 'called itself'"))
    for m in ordered:
        window = text[max(0, m.start - 160) : m.start]
        if group_of(subject.cls) == "Person" and _RECORD.search(window) and text[m.end : m.end + 1] in "\"”":
            shared = {w.casefold() for w in m.text.split()} & {w.casefold() for n in names for w in n.split()}
            if shared and group_of(m.cls) != "Place":
                out.append((subject, m, "another name: the name on the person's record"))
    return out
