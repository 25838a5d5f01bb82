"""Span repairs of names NER cut or ran on: "the Party of the Poor in 1967" (a year the name does
not hold), "Peasants" + "' Brigade Against Injustice" (a plural owner cut from its name).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.dates import MONTH_NAMES
from kg.extract.lexicons import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = [
    "abbreviation_tail_end",
    "bracket_label",
    "with_possessive_tail",
    "without_creed_adjective",
    "without_date_tail",
    "without_year_head",
]

_DATE_PREPS = lexicon("entities.date_preps")
_CREED_ADJECTIVES = sorted(lexicon("rec_ideology_adjectives"), key=len, reverse=True)
_JOINERS = lexicon("entities.name_joiners")


def without_date_tail(ent: Span) -> Span:
    """ "the Party of the Poor in 1967" tagged as one organisation: a preposition and a year (or a
    day and month and year) at the end of a name are the sentence's, not the name's.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "founded the Party of the Poor in 1967 with".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    >>> without_date_tail(doc.ents[0]).text
    'the Party of the Poor'
    """
    from spacy.tokens import Span

    if ent.label_ not in ("ORG", "EVENT", "WORK_OF_ART", "FAC", "NORP") or len(ent) < 3:
        return ent
    words = [t.text for t in ent]
    k = len(words)
    while k > 0 and (words[k - 1].isdigit() or words[k - 1].lower() in MONTH_NAMES):
        k -= 1  # "1967", "June 1967", "5 June 1967"
    year = any(w.isdigit() and len(w) == 4 for w in words[k:])
    if not year or k < 3 or words[k - 1].lower() not in _DATE_PREPS:
        return ent
    return Span(ent.doc, ent.start, ent.start + k - 1, label=ent.label_)


def without_year_head(ent: Span) -> Span:
    """ "In 1980 Velde advised …" tagged "1980 Velde": a year before a person's name (or an
    organisation's right after "in") is the sentence's date, not the name's.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words="In 1980 Velde advised".split(), ents=["O", "B-PERSON", "I-PERSON", "O"])
    >>> without_year_head(doc.ents[0]).text
    'Velde'
    """
    from spacy.tokens import Span

    first = ent[0].text
    if len(ent) < 2 or not (first.isdigit() and len(first) == 4) or not ent[1].text[:1].isupper():
        return ent
    after_in = ent.start > 0 and ent.doc[ent.start - 1].lower_ in _DATE_PREPS
    if ent.label_ == "PERSON" or (ent.label_ == "ORG" and after_in):
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def with_possessive_tail(ent: Span) -> Span:
    """ "the Peasants' Brigade Against Injustice" tagged as "Peasants": a plural owner tagged alone,
    right before an apostrophe and capitalised words nothing tagged, is the start of one
    organisation's name.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["founded", "the", "Peasants", "'", "Brigade", "Against", "Injustice", "in", "1967"]
    >>> doc = Doc(Vocab(), words=words, spaces=[True, True, False, True, True, True, True, True, False],
    ...           ents=["O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"])
    >>> with_possessive_tail(doc.ents[0]).text
    "Peasants' Brigade Against Injustice"
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ not in ("ORG", "NORP") or len(ent) > 3 or not ent[-1].text.endswith("s") or j + 1 >= len(doc):
        return ent
    if doc[j].text not in ("'", "’") or ent[-1].whitespace_:
        return ent
    k = j + 1
    while k < len(doc) and k - j <= 6 and not doc[k].ent_type_:
        w = doc[k].text
        joiner = w.lower() in _JOINERS and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
        if not ((w[:1].isupper() and w.isalpha()) or joiner):
            break
        k += 1
    while k > j + 1 and doc[k - 1].text.lower() in _JOINERS:
        k -= 1
    if k == j + 1 or not doc[j + 1].text[:1].isupper():
        return ent
    return Span(doc, ent.start, k, label="ORG")


def without_creed_adjective(ent: Span) -> Span:
    """ "the Marxist–Leninist FARC-EP" tagged as one organisation: a doctrine's adjective
    (``rec_ideology_adjectives``) before an acronym is the sentence's description of it, not
    part of its name ("Communist Party" keeps its word: no acronym follows).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = ["of", "the", "Marxist", "–", "Leninist", "TPLA", "("]
    >>> doc = Doc(Vocab(), words=words, spaces=[True, True, False, False, True, True, False],
    ...           ents=["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    >>> without_creed_adjective(doc.ents[0]).text
    'TPLA'
    """
    from spacy.tokens import Span

    if ent.label_ not in ("ORG", "NORP", "PERSON", "GPE") or len(ent) < 2:
        return ent
    text = ent.text
    lead = 4 if text.lower().startswith("the ") else 0
    for adj in _CREED_ADJECTIVES:
        end = lead + len(adj)
        if text[lead:end].casefold() == adj.casefold() and text[end : end + 1] == " ":
            at = ent.start_char + end + 1
            rest = [t for t in ent if t.idx >= at]
            if rest and all((t.text.isupper() and len(t.text) >= 2) or t.text in ("-", "–") for t in rest):
                return Span(ent.doc, rest[0].i, ent.end, label="ORG")
            return ent
    return ent


# a capitalised word glued to the sentence's full stop by the tokenizer ("Sen.", "Gen.", "Rep.")
_GLUED_STOP = re.compile(r"^[A-Z][a-z]+\.$")


def abbreviation_tail_end(ent: Span) -> int | None:
    """ "Prime Minister Tam Sen." tagged as "Tam": the tokenizer read the last name and the sentence's
    full stop as an abbreviation ("Sen.", "Gen."), one token NER left out. A person's name right
    before such a token that ends its sentence runs on to it, the stop the sentence's: the name's
    new end (a character offset in the doc), else None.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["to", "overthrow", "Tam", "Sen.", "The", "case"], sent_starts=[1, 0, 0, 0, 1, 0],
    ...           ents=["O", "O", "B-PERSON", "O", "O", "O"])
    >>> doc.text[doc.ents[0].start_char : abbreviation_tail_end(doc.ents[0])]
    'Tam Sen'
    """
    if ent.label_ != "PERSON" or ent.end >= len(ent.doc):
        return None
    tail = ent.doc[ent.end]
    if tail.ent_type_ or not _GLUED_STOP.match(tail.text) or ent.doc[ent.end - 1].whitespace_ != " ":
        return None
    last = ent.end + 1 == len(ent.doc) or ent.doc[ent.end + 1].is_sent_start
    return tail.idx + len(tail.text) - 1 if last else None


# a code of capitals, digits and joiners: "ALA-LC", "UNGEGN", "BGN/PCGN"
_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:[-/–][A-Z0-9]+)*$")


def bracket_label(text: str, start: int, end: int) -> bool:
    """A code in a name's bracket right before a colon ("The Tesk Party (TP; ALA-LC: /tp/)"): the
    label of the romanisation or reading after it, never a thing the article is about. A bracket is
    open at the name when more "(" than ")" come before it in its line.

    >>> t = "The Tesk Party (TP; ALA-LC: /tp/) was founded."
    >>> bracket_label(t, t.index("ALA"), t.index(":")), bracket_label(t, t.index("TP"), t.index(";"))
    (True, False)
    >>> t = "The WTO: a history of trade."
    >>> bracket_label(t, t.index("WTO"), t.index(":"))
    False
    """
    if text[end : end + 1] != ":" or not _CODE.match(text[start:end]):
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.count("(") > line.count(")")
