"""Span cleaning: what the small model drags into a name (``the``, a possessive ``'s``, a dangling
bracket, a title, a nationality word), and the NER spans it cut in two, joined again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.dates import MONTH_NAMES
from kg.extract.entities.bounds import (
    with_possessive_tail,
    without_creed_adjective,
    without_date_tail,
    without_year_head,
)
from kg.extract.entities.classes import _PLACE_CLASSES
from kg.extract.entities.native_heads import with_native_tail
from kg.extract.lexicons import lexicon
from kg.extract.tables import given_name_titles, head_nouns, keyword_class, person_titles
from kg.gazetteer import gazetteer
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["clean_span", "strip_person_prefix"]


_LEAD = re.compile(r"^(?:the|The|THE|a|an|An|A)\s+")
_TAIL = re.compile(r"(?:\s*['’]s?|\s*[(\[{,;:.\-–—'\"“”‘’]+|\s+(?:party|group)|\s+(?:of|and|the|in|or))$")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a name inside ``text[start:end]`` with leading articles and trailing junk removed.

    >>> s = "the Union for Valdora party"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Union for Valdora'
    >>> s = "Evo Morales's"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Evo Morales'
    >>> s = "Free Land Movement (Movimiento Tierra Libre"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Free Land Movement'
    """
    while True:
        seg = text[start:end]
        if seg.count("(") > seg.count(")") and seg.index("(") > 0:
            end = start + seg.index("(")  # "Free Land Movement (Movimiento Tierra Libre": the name ends
            continue
        m = _LEAD.match(seg)
        if m and len(seg) > m.end():
            start += m.end()
            continue
        m = _TAIL.search(seg)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        stripped = seg.strip(" \t\"“”'‘’()[]")
        if seg.endswith(")") and seg.count("(") == seg.count(")") and not seg.startswith("("):
            stripped = seg.strip(" \t\"“”'‘’([]").rstrip(" \t")  # "Party of Orvania (Maoist)": a name's own bracket
        if stripped != seg and stripped:
            start += seg.index(stripped)
            end = start + len(stripped)
            continue
        return start, end


_WORD = re.compile(r"[^\s]+\s+")


def strip_person_prefix(text: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Start of a person's name past the titles and the nationality NER kept in front of it, and the
    span of that nationality word, if any. At least one word stays, and not a question word.

    >>> t = "Vice-President Joe Biden"
    >>> t[strip_person_prefix(t, 0, len(t))[0]:]
    'Joe Biden'
    >>> t = "Jamaican Roger Mais"
    >>> s, people = strip_person_prefix(t, 0, len(t)); t[s:], t[people[0]:people[1]]
    ('Roger Mais', 'Jamaican')
    >>> t = "Admiral Mike Mullen"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Mike Mullen'
    >>> t = "King Prajadhipok"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Prajadhipok'
    >>> t = "Doctor Who"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Doctor Who'
    >>> t = "Jordan Peterson"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Jordan Peterson'
    >>> t = "Minnesotan Peter Ostroushko"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Peter Ostroushko'
    >>> t = "Comandante Ana Roe"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Ana Roe'
    >>> [t[strip_person_prefix(t, 0, len(t))[0]:] for t in ("Don Tomas Roe", "Don Halden")]
    ['Tomas Roe', 'Don Halden']
    >>> [t[strip_person_prefix(t, 0, len(t))[0]:] for t in ("Lt.-Col. Ana Roe", "Master Sergeant Ana Roe")]
    ['Ana Roe', 'Ana Roe']
    """
    titles, given = person_titles(), given_name_titles()
    people: tuple[int, int] | None = None
    while True:
        m = _WORD.match(text, start, end)
        rest = text[m.end() : end] if m is not None else ""
        if m is None or not rest[:1].isupper() or rest.casefold() in ("who", "what", "no"):
            return start, people
        word = m.group().strip()
        parts = [p for p in re.split(r"[.-]", word) if p]  # "Lt.-Col.", "Maj.-Gen.": a compound rank
        if parts and all(p in titles for p in parts) and (word not in given or len(rest.split()) >= 2):
            start = m.end()
        elif people is None and gazetteer().demonym(word):
            # "Jamaican Roger Mais"; not a country's name, which is often a given name ("Jordan", "Chad")
            people = (start, start + len(word))
            start = m.end()
        elif word.endswith("an") and len(rest.split()) >= 2 and _region_of_demonym(word):
            start = m.end()  # "Minnesotan Peter Ostroushko": a region's people, not a given name
        else:
            return start, people


def _region_of_demonym(word: str) -> bool:
    """ "Minnesotan", "Californian", "Bavarian": the word names the people of a region the gazetteer knows.

    >>> _region_of_demonym("Minnesotan"), _region_of_demonym("Morgan")
    (True, False)
    """
    for base in (word[:-1], word[:-3] + "a" if word.endswith("ian") else ""):
        place = gazetteer().lookup(base) if base else None
        if place is not None and place.kind == "region":
            return True
    return False


def _join_plural_possessives(ents: list[Span]) -> list[Span]:
    """NER cuts "the Bolivian Workers' Vanguard" at the apostrophe and "the Federation of Mine Workers
    of Oruro" before its place: join the two spans into one organisation."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        doc, i = ent.doc, ent.start
        if ent.label_ == "ORG" and i >= 2 and doc[i - 1].text in ("'", "’") and doc[i - 2].text[-1:] == "s":
            # "the Bolivian Miners' Vanguard" tagged "Vanguard": take back the capitalised owner words
            j = i - 1
            while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                j -= 1
            if j < i - 1 and not doc[j].is_sent_start:
                while out and out[-1].end > j:
                    out.pop()
                ent = Span(doc, j, ent.end, label="ORG")
        if ent.label_ == "ORG" and _dated_name(doc, i):
            # "the 4 June Movement" tagged "Movement" (and "4" a number): the date is the name's
            while out and out[-1].end > i - 2:
                out.pop()
            ent = Span(doc, i - 2, ent.end, label="ORG")
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "ORG"
            and ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "GPE")
            and prev.end == ent.start
            and (prev[-1].text in ("'", "’") or (prev[-1].lower_ in ("of", "for") and ent.label_ != "PRODUCT"))
        ):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
        elif (
            prev is not None
            and prev.label_ in ("ORG", "FAC")
            and ent.label_ == "PERSON"
            and prev.end == ent.start
            and any(t.lower_ in ("of", "de", "del") for t in prev)
            and prev[-1].pos_ == "PROPN"
        ):
            out[-1] = Span(ent.doc, prev.start, ent.end, label=prev.label_)  # "University of Santo" + "Tomas"
        else:
            if out and ent.start < out[-1].end:
                continue  # inside a name the one before took in: "(Marxist–Leninist)" after a party
            ent = _with_place_head(_without_common_head(ent), out)
            ent = with_native_tail(without_date_tail(with_possessive_tail(without_year_head(ent))))
            out.append(without_creed_adjective(_with_creed(_with_of_tail(_with_hyphen_tail(_with_name_particle(ent))))))
    return out


_CREEDS = lexicon("creed_followers")


def _with_creed(ent: Span) -> Span:
    """ "the Communist Party of Tesk (Marxist-Leninist)" tagged without its bracket: a bracket right
    after an organisation's name that holds only a creed (lexicon ``creed_followers``, joined by
    hyphens or dashes) is part of the name, which is another party than the one without it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "founded the Communist Party of Tesk ( Marxist - Leninist ) in 1969".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"] + ["O"] * 7)
    >>> _with_creed(doc.ents[0]).text
    'the Communist Party of Tesk ( Marxist - Leninist )'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ != "ORG" or j + 2 >= len(doc) or doc[j].text != "(":
        return ent
    k = j + 1
    while k < len(doc) and k - j <= 6 and doc[k].text != ")":
        k += 1
    words = [t.text.casefold() for t in doc[j + 1 : k] if t.text not in ("-", "–", "—")]
    if k >= len(doc) or doc[k].text != ")" or not words or not all(w in _CREEDS for w in words):
        return ent
    return Span(doc, ent.start, k + 1, label="ORG")


def _without_common_head(ent: Span) -> Span:
    """ "the congress of the Tesk Farmers' Union" tagged as one organisation: the lower-case words
    before "of" are no part of the name that follows.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "at the congress of the Tesk Farmers Union .".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    >>> _without_common_head(doc.ents[0]).text
    'Tesk Farmers Union'
    """
    from spacy.tokens import Span

    words = [t.text for t in ent]
    i = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    j = i
    while j < len(words) and j - i < 3 and words[j].isalpha() and words[j].islower() and words[j] != "of":
        j += 1
    if ent.label_ != "ORG" or j == i or j >= len(words) - 1 or words[j] != "of":
        return ent
    k = j + 2 if words[j + 1].lower() == "the" else j + 1
    if k >= len(words) or not words[k][:1].isupper():
        return ent
    return Span(ent.doc, ent.start + k, ent.end, label="ORG")


def _dated_name(doc: Doc, i: int) -> bool:
    """ "the 4 June Movement": a day and a month between "the" and the name NER tagged at ``i``."""
    return (
        i >= 3
        and doc[i - 1].text.lower() in MONTH_NAMES
        and doc[i - 2].text.isdigit()
        and len(doc[i - 2].text) <= 2
        and doc[i - 3].text.lower() == "the"
        and doc[i - 1].whitespace_ != ""
    )


def _with_of_tail(ent: Span) -> Span:
    """ "the Liberation Front of Tesk Ardh" tagged as "the Liberation Front": "of" and one to three
    capitalised words no entity holds, right after an organisation's name of two words or more, end it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "opposed the Liberation Front of Tesk Ardh .".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"])
    >>> _with_of_tail(doc.ents[0]).text
    'the Liberation Front of Tesk Ardh'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ != "ORG" or len(ent) < 2 or j + 1 >= len(doc) or doc[j].text.lower() != "of":
        return ent
    k = j + 1
    while k < len(doc) and k - j <= 3 and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not doc[k].ent_type_:
        k += 1
    if k == j + 1 or k - j > 3 or (k < len(doc) and doc[k].text[:1].isupper()):
        return ent
    return Span(doc, ent.start, k, label="ORG")


def _with_hyphen_tail(ent: Span) -> Span:
    """ "Moravian-Silesian Region" tagged as "Moravian": capitalised words joined by a hyphen right
    after a name belong to it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "a town in the Moravian - Silesian Region , Czechia".split()
    >>> doc = Doc(Vocab(), words=words, spaces=[True, True, True, True, False, False, True, False, True, False],
    ...           ents=["O", "O", "O", "O", "B-NORP", "O", "O", "O", "O", "B-GPE"])
    >>> _with_hyphen_tail(doc.ents[0]).text
    'Moravian-Silesian Region'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if j + 1 >= len(doc) or doc[j].text not in ("-", "–") or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return ent
    k = j + 1
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not doc[k].ent_type_:
        k += 1
    if k == j + 1:
        return ent
    cls = keyword_class(doc[ent.start : k].text)
    label = "GPE" if cls in _PLACE_CLASSES else "ORG" if cls is not None else ent.label_
    return Span(doc, ent.start, k, label=label)


_NAME_PARTICLES = lexicon("name_particles")
_PLACE_JOINERS = lexicon("prec_place_joiners")
_STREET_WORDS = lexicon("prec_street_words")


def _with_place_head(ent: Span, out: list[Span]) -> Span:
    """ "Rua do Desterro", "Baixa do Sapateiro", "Ícolo e Bengo" tagged as their last word (or as two
    names): the capitalised words and the joiner before a place are the place's own name, when one
    part is tagged a place or the gazetteer knows the last; a street's head word makes it a facility.
    A name the words before were tagged as is taken off ``out``.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "a house in Rua do Desterro where".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "O", "O", "O", "O", "B-GPE", "O"])
    >>> _with_place_head(doc.ents[0], []).text, _with_place_head(doc.ents[0], []).label_
    ('Rua do Desterro', 'FAC')
    """
    from spacy.tokens import Span

    doc, i = ent.doc, ent.start
    if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG") or i < 2 or doc[i - 1].text not in _PLACE_JOINERS:
        return ent
    before = out[-1] if out and out[-1].end == i - 1 and len(out[-1]) <= 2 else None
    if before is not None:
        j = before.start
    else:
        j = i - 1
        while j > 0 and i - 1 - j < 2 and doc[j - 1].text[:1].isupper() and doc[j - 1].text.isalpha():
            if doc[j - 1].ent_type_:
                return ent
            j -= 1
    if j == i - 1 or not all(t.text[:1].isupper() and t.text.isalpha() for t in doc[j : i - 1]):
        return ent
    street = doc[j].text in _STREET_WORDS
    labels = {ent.label_} | ({before.label_} if before is not None else set())
    nxt = doc[ent.end] if ent.end < len(doc) else None
    place_noun = nxt is not None and nxt.is_lower and group_of(head_nouns().get(nxt.lemma_, "Other")) == "Place"
    place = bool(labels & {"GPE", "LOC", "FAC"}) or place_noun  # "the Baixa do Sapateiro neighbourhood"
    place = place or any(p.kind != "country" for p in gazetteer().candidates(ent.text))
    if not (street or place) or (before is not None and before.label_ == "PERSON"):
        return ent  # "Maria da Silva": a person's name, whatever town its last word spells
    if before is not None and before.label_ == "ORG" and not (street or place_noun):
        return ent  # "Banco de Chile" tagged as two names: a body and its country, no place
    if before is not None:
        out.pop()
    return Span(doc, j, ent.end, label="FAC" if street else "GPE")


def _with_name_particle(ent: Span) -> Span:
    """ "Kiprono arap Sang", "Pieter van den Berg" tagged as "Kiprono" or "Pieter": a lowercase name
    particle and capitalised names right after a short name belong to it ("Banco de Chile" too).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "led by Kiprono arap Sang surrounded".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "O", "B-PERSON", "O", "O", "O"])
    >>> _with_name_particle(doc.ents[0]).text
    'Kiprono arap Sang'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE", "PRODUCT") or len(ent) > 3:
        return ent
    while j + 1 < len(doc) and doc[j].text in _NAME_PARTICLES:
        j += 1  # "van der"
    k = j
    while k < len(doc) and k - j < 2 and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not doc[k].ent_type_:
        k += 1
    if j == ent.end or k == j:
        return ent
    return Span(doc, ent.start, k, label="PERSON" if ent.label_ in ("PERSON", "NORP", "PRODUCT") else ent.label_)
