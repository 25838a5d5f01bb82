"""Names an organisation bore before, in its own article: the name it was founded under, and a renaming.

- "The party was founded on 1 May 1950 by Tomas Roe as the Tesk Cultural Union, …": the name after
  "founded … as" is the subject's first name;
- "In 1977, it was renamed the Varn Front.": the name after "was renamed" is a name of the subject.

The sentence must be about the subject: it opens (after a time phrase, "In 1977,") with the subject's
name, "The party" (``organisation_nouns``) or "It", and only in an organisation's article ("it" in an
event's article is some body of the event). The name must start right after the words and end the
phrase (a comma, a full stop, a preposition): "founded as the youth wing of the Tesk Party" and "founded
as the Tesk Party's youth wing" give none; "refounded as" is another party's founding, none either. A
name after "It" must be an organisation's to the rules (the sentence before may have named a newspaper).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.lexicons import alternation
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["former_name_pairs"]

_TIME = r"(?:(?:In|By|On)\s+[^.,;()]{1,30},?\s+|(?:Later|Then|Subsequently|Eventually),?\s+)?"
_FOUNDED = r"(?:originally\s+|first\s+|initially\s+)?(?:founded|formed|established|created|launched|set\s+up)\b"
_GAP = r"(?:(?!\b(?:who|which|that|whose)\b)[^.,;()]){0,90}?"
_RENAMED = (
    r"(?:later\s+|then\s+|subsequently\s+|eventually\s+|officially\s+)?renamed"
    r"(?:\s+(?:in\s+\d{4}|later(?:\s+that\s+(?:same\s+)?year)?|the\s+following\s+year))?\s+(?:as\s+|to\s+)?"
)
_END = re.compile(r"[,.;)]|\s+(?:in|on|by|and|with|under|after|before|at|until|from)\b|\s*$")


def _fits(m: Mention, subject: Mention, it: bool) -> bool:
    """A name of the subject's broad class (NER's guess passes after the subject's own words, not after
    "It"), no gazetteer place, not the subject's own mention."""
    if m.subject or (group_of(m.cls) == "Place" and gazetteer().lookup(m.text) is not None):
        return False
    return group_of(m.cls) == group_of(subject.cls) or (m.source == "ner" and not it)


def _other_before(text: str, at: int, found: Sequence[Mention], own: set[str]) -> bool:
    """The sentence before ``at`` names a thing "it" may stand for: a name neither a person's, a place's nor
    one of the subject's ("Roe founded a newspaper, the Tesk Herald. In 1972, it was renamed …")."""
    stop = max(text.rfind(". ", 0, max(0, at - 2)), text.rfind("\n", 0, max(0, at - 2)))
    return any(
        stop < m.start < at and m.text not in own and group_of(m.cls) not in ("Person", "Place") for m in found
    )


def former_name_pairs(
    text: str, found: Sequence[Mention], subject: Mention, names: Sequence[str], span: tuple[int, int] = (0, -1)
) -> list[tuple[Mention, Mention, str]]:
    """Same-as pairs (subject, a name it bore) from the sentences of one block (``span``).

    >>> t = "The party was founded in 1950 by Tomas Roe as the Tesk Union, renamed later. It grew."
    >>> subject = Mention("d", 0, 0, "Varn Front", "PoliticalParty", "title", True)
    >>> ms = [Mention("d", 33, 42, "Tomas Roe", "Person"), Mention("d", 50, 60, "Tesk Union", "Organization")]
    >>> [(b.text, why) for _, b, why in former_name_pairs(t, ms, subject, [])]
    [('Tesk Union', "a name it bore: 'was founded … as'")]
    """
    if group_of(subject.cls) != "Organization":
        return []
    own = "|".join(re.escape(n) for n in sorted({*names, subject.text}, key=len, reverse=True) if n.strip())
    own = rf"|(?:The\s+)?(?:{own})" if own else ""
    opener = rf"(?P<who>The\s+(?:{alternation('organisation_nouns')}){own}|[Ii]t)"
    said = re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_TIME}{opener}\s+(?:was|had\s+been)\s+"
        rf"(?:(?P<founded>{_FOUNDED}{_GAP}\s+as\s+)|(?P<renamed>{_RENAMED}))(?:the\s+)?"
    )
    starts = {m.start: m for m in sorted(found, key=lambda m: m.start - m.end)}  # the longest at a start
    end = len(text) if span[1] < 0 else span[1]
    out = []
    for hit in said.finditer(text, span[0], end):
        m = starts.get(hit.end())
        if m is None or not _END.match(text, m.end) or text.startswith(("'s", "’s"), m.end):
            continue
        it = hit.group("who").casefold() == "it"
        if it and _other_before(text, hit.start(), found, {*names, subject.text}):
            continue
        if _fits(m, subject, it):
            words = "was founded … as" if hit.group("founded") else "was renamed"
            out.append((subject, m, f"a name it bore: {words!r}"))
    return out
