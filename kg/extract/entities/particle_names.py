"""A person's name NER cut at its lower-case particle: "Mahmoud ben Youssef" tagged "Mahmoud" and "ben Youssef",
"Omar ibn" and "Hassan", "Fatima" and "Abdallah" round "bint", "Jose" and a place "Santos" round "dos"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicons import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["join_particle_names"]

_PARTICLES = lexicon("name_particles")
_NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "PRODUCT"})


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").replace("'", "").isalpha()


def _bridged(prev: Span, ent: Span) -> bool:
    """``prev`` and ``ent`` are one person's name: a particle ends the first, starts the second or stands
    between them alone, and one of the two is tagged a person."""
    if "PERSON" not in (prev.label_, ent.label_) or not {prev.label_, ent.label_} <= _NAME_LABELS:
        return False
    gap = prev.doc[prev.end : ent.start]
    if len(gap) > 2 or any(t.text not in _PARTICLES for t in gap) or any(t.is_sent_start for t in (*gap, ent[0])):
        return False
    if not gap and prev[-1].text not in _PARTICLES and ent[0].text not in _PARTICLES:
        return False
    return _name_word(prev[0].text) and _name_word(ent[-1].text)


def join_particle_names(ents: list[Span]) -> list[Span]:
    """The names NER tagged, those cut at a name particle joined into one person's name; a person tagged from
    its particle on ("ben Youssef") takes back the one or two capitalised untagged words before it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "the son of Mahmoud ben Youssef and Aicha bint Ali".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "O", "O", "B-PERSON", "B-PERSON", "I-PERSON", "O",
    ...           "B-PERSON", "O", "B-PERSON"])
    >>> [e.text for e in join_particle_names(list(doc.ents))]
    ['Mahmoud ben Youssef', 'Aicha bint Ali']
    """
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        doc = ent.doc
        if out and _bridged(out[-1], ent):
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if ent.label_ == "PERSON" and ent[0].text in _PARTICLES and len(ent) >= 2:
            i = ent.start
            while i > 0 and ent.start - i < 2 and _name_word(doc[i - 1].text) and not doc[i - 1].ent_type_:
                i -= 1
                if doc[i].is_sent_start:
                    break
            ent = Span(doc, i, ent.end, label="PERSON") if i < ent.start else ent
        out.append(ent)
    return out
