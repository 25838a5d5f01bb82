"""Retyping: a name typed weakly (NER, a town of the gazetteer) that is a person of the article's surname,
and a name NER took for a person that the text calls a town ("born in the village of X")."""

from __future__ import annotations

import re
import unicodedata

from kg.extract.lexicons import alternation, lexicon
from kg.model import Mention

__all__ = ["retype_family_names", "retype_named_towns"]

_PLACE_PREPOSITION = re.compile(rf"\b(?:{alternation('place_prepositions')})\s+(?:the\s+)?$", re.IGNORECASE)


def _fold(word: str) -> str:
    """A name without its accents, "Mac" and "Mc" one spelling: "Enríquez" and "Enriquez", "MacTavish" and
    "McTavish" are one surname."""
    if word.isascii():  # nothing to decompose: the common case, read for every token of an article
        folded = word
    else:
        folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return _MAC.sub("Mc", folded) if "Mac" in folded else folded


_MAC = re.compile(r"\bMac(?=[B-DF-HJ-NP-TV-Z])")
_TOWN_OF = re.compile(rf"\b(?:{alternation('town_nouns')})\s+of\s+$", re.IGNORECASE)
# "Marlow, Eastmark": a town the text itself places in a region
_PLACED = re.compile(r",\s+(?:the\s+)?[A-Z][\w'’-]+")


def retype_family_names(mentions: list[Mention], text: str | None = None) -> list[Mention]:
    """A weakly typed multi-word name ending in the surname of a person of the article is a person.

    With the article's ``text``, a town the gazetteer matched that is the first word of a person's
    two-word name, not after a place preposition, is that person too ("Liang founded the group"
    after "Liang Congjie": the family name comes first in Chinese names; "Victoria" after
    "Victoria Benedictsson").

    >>> ms = [Mention("d", 0, 9, "Ann Smith", "Person"), Mention("d", 20, 29, "Bob Smith", "Organization")]
    >>> [m.cls for m in retype_family_names(ms)]
    ['Person', 'Person']
    >>> ms = [Mention("d", 0, 11, "Dara Kestel", "Person"), Mention("d", 30, 36, "Kestel", "City"),
    ...       Mention("d", 50, 61, "1968 Kestel", "Organization")]
    >>> [(m.text, m.cls) for m in retype_family_names(ms)]
    [('Dara Kestel', 'Person'), ('Kestel', 'Person'), ('Kestel', 'Person')]
    """
    surnames = {_fold(m.text.split()[-1]) for m in mentions if m.cls == "Person" and " " in m.text}
    # "Ana María Roe Vidal": two family names, the father's first
    surnames |= {
        _fold(w[-2]) for m in mentions if m.cls == "Person" and len(w := m.text.split()) >= 3 and w[-2][:1].isupper()
    }
    firsts = {m.text.split()[0] for m in mentions if m.cls == "Person" and len(m.text.split()) == 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            text is not None
            and len(words) == 1
            and m.cls == "City"
            and m.source in ("ner", "gazetteer", "pattern")
            and _fold(m.text) in surnames
            and (placed := _PLACED.match(text, m.end)) is not None
            and _fold(placed.group().split()[-1]) not in surnames  # "Halden, MacTavish and Roe": three men
        ):
            # a surname of the article the text places as a town ("born in Marlow, Eastmark"): a town
            m = Mention(m.article, m.start, m.end, m.text, m.cls, "placed", m.subject)
        elif (
            text is not None
            and len(words) == 1
            and m.cls in ("City", "Place")
            and m.source == "context"
            and _fold(m.text) in surnames
            and not _TOWN_OF.search(text, max(0, m.start - 40), m.start)
            and not _PLACED.match(text, m.end)
        ):
            # "loyal to Marlow" after "Tomas Marlow": the preposition made a town of his surname
            m = Mention(m.article, m.start, m.end, m.text, "Person", "context", m.subject)
        elif (
            m.source == "ner" and len(words) == 2 and re.fullmatch(r"\d{3,4}", words[0]) and _fold(words[1]) in surnames
        ):
            # "In 1968 Brandt founded ...": NER glued the year to the surname
            start = m.end - len(words[1])
            m = Mention(m.article, start, m.end, words[1], "Person", "context", m.subject)
        elif (
            (
                m.source == "ner"
                and m.cls in ("Organization", "Other")
                and len(words) in (2, 3)
                and _fold(words[-1]) in surnames
                and all(w[:1].isupper() for w in words)
            )
            or (
                # a surname alone, which NER or a same-named town took for something else
                m.source in ("ner", "gazetteer", "pattern")
                and len(words) == 1
                and _fold(m.text) in surnames
                and m.cls not in ("Person", "Country", "AdministrativeRegion")
            )
            or (
                # the first word of a two-word name, which the gazetteer took for a town
                text is not None
                and m.source in ("gazetteer", "pattern")
                and m.cls == "City"
                and m.text in firsts
                and not _PLACE_PREPOSITION.search(text, max(0, m.start - 12), m.start)
            )
        ):
            m = Mention(m.article, m.start, m.end, m.text, "Person", "context", m.subject)
        out.append(m)
    return out


_DIVISIONS = lexicon("region_of_nouns")
_TOWN_NOUN_OF = re.compile(rf"\b(?:the\s+)?({alternation('town_nouns')})\s+of\s+$", re.IGNORECASE)


def retype_named_towns(mentions: list[Mention], text: str) -> list[Mention]:
    """A name NER typed a person or left vague right after "the village of", "the town of", "the
    district of" (lexicon ``town_nouns``) is that place: a City, or an AdministrativeRegion after
    a region noun (``region_of_nouns``). "the capital of X" is left alone (X is the country).

    >>> text = "She grew up in the village of Tolme Arrin, Velderia."
    >>> ms = [Mention("d", 30, 41, "Tolme Arrin", "Person")]
    >>> [(m.text, m.cls) for m in retype_named_towns(ms, text)]
    [('Tolme Arrin', 'City')]
    """
    out = []
    for m in mentions:
        hit = _TOWN_NOUN_OF.search(text, max(0, m.start - 30), m.start) if m.cls in ("Person", "Other") else None
        noun = hit.group(1).casefold() if hit is not None else ""
        if hit is not None and m.source == "ner" and noun != "capital":
            cls = "AdministrativeRegion" if noun in _DIVISIONS else "City"
            m = Mention(m.article, m.start, m.end, m.text, cls, "context", m.subject)
        out.append(m)
    return out
