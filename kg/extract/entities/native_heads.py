"""Names whose head comes first: "Frente de Libertação de Moçambique", "Ejército de Liberación
Nacional", "Central Única dos Trabalhadores", "Partai Komunis Indonesia".

The English keyword table (``class_keywords.tsv``) reads a name's class off its last keyword
before an "of" complement; in Spanish, Portuguese, French, Italian, Catalan or Indonesian names
the head is the first word, and the small English model often tags such a name as a place or a
facility, or cuts it before its particle ("Central Única" + "dos Trabalhadores"). A name of two
words or more that starts with a head of ``native_heads.tsv`` is of the head's class.

>>> native_class("Frente de Libertação de Moçambique"), native_class("the Ejército de Liberación Nacional")
('Organization', 'ArmedGroup')
>>> native_class("Central Única dos Trabalhadores"), native_class("Central Bank"), native_class("Frente")
('Organization', None, None)
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.datafiles import check_class, load_tsv
from kg.extract.lexicons import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["native_class", "with_native_tail"]

_PARTICLES = lexicon("entities.native_particles")


@cache
def _heads() -> tuple[tuple[str, str], ...]:
    rows = [(h, check_class(c, f"kg/data/native_heads.tsv: {h}")) for h, c in load_tsv("native_heads.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))  # "Central Única" before a bare "Central"


def native_class(name: str) -> str | None:
    """The class a name's first word(s) signal in a head-first language, or None (a one-word name,
    or no head of the table)."""
    text = re.sub(r"^(?:the|The)\s+", "", name.strip())
    for head, cls in _heads():
        if text.startswith(head + " ") and len(text) > len(head) + 1 and text[len(head) + 1 :].strip():
            return cls
    return None


def with_native_tail(ent: Span) -> Span:
    """ "Central Única" tagged a place before "dos Trabalhadores": a head-first name NER cut before
    its particle takes the particle and the capitalised words after it (up to three), and is an
    organisation.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "led the Central Única dos Trabalhadores from 1960".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O"])
    >>> with_native_tail(doc.ents[0]).text, with_native_tail(doc.ents[0]).label_
    ('Central Única dos Trabalhadores', 'ORG')
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ not in ("LOC", "GPE", "FAC", "ORG", "PERSON", "NORP") or len(ent) > 4:
        return ent
    k = j
    while k < len(doc) and k - j < 6 and (doc[k].text in _PARTICLES or doc[k].text[:1].isupper()):
        if doc[k].ent_type_ and doc[k].ent_type_ not in ("GPE", "LOC", "NORP"):
            break
        if not doc[k].text.isalpha():
            break
        k += 1
    while k > j and doc[k - 1].text in _PARTICLES:
        k -= 1  # never end on a particle
    if k == j or doc[j].text not in _PARTICLES:
        return ent
    joined = doc[ent.start : k].text
    if native_class(joined) is None:
        return ent
    return Span(doc, ent.start, k, label="ORG")
