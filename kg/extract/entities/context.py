"""Context typing: the class a sentence gives a name (an apposition, a preposition, a title, a head noun)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract.entities.classes import _GAZ_KINDS, _PLACE_CLASSES
from kg.extract.lexicons import alternation, lexicon
from kg.extract.tables import head_nouns, keyword_class, load_tsv, party_word
from kg.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["context_class"]


_BRACKET_WORDS = frozenset(lexicon("dup12.bracket_place_words"))


def _bracketed_after_place(ent: Span) -> bool:
    """A place's name in a bracket right after another place's name, alone or after a word of
    ``dup12.bracket_place_words`` ("in Namibia (formerly South West Africa)", "Sri Lanka (then
    Ceylon)"): the parser hangs it on the sentence's noun as an apposition, but it names the place before
    it, whatever that noun is (``dup12``)."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in _BRACKET_WORDS:
        i -= 1
    if i < 1 or doc[i].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
        return False
    return doc[i - 1].ent_type_ in ("GPE", "LOC")


def context_class(ent: Span, ents: list[Span] | None = None) -> str | None:
    """A class the sentence gives a name: an apposition ("Tarsk Herald, the newspaper"), a place
    preposition before a name the gazetteer knows ("in Nancy"), a title before it ("lawyer Jane
    Roe"), or a head noun after it ("the Green party")."""
    table = head_nouns()
    root = ent.root
    # "born in Vigan, Ilocos Sur, the daughter of …": the province is not her
    place_like = ent.label_ in ("GPE", "LOC", "FAC") or gazetteer().lookup(ent.text) is not None
    if place_like and _bracketed_after_place(ent):
        return None  # "a movement in Namibia (formerly South West Africa)": the place's other name, not the movement
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        near = ent.doc[ent.start - 1] if ent.start > 0 else None
        if near is not None and near.pos_ == "NOUN" and near.i != root.head.i:
            # "the leader of the terrorist organization Red Brigades": the noun right before the name
            # is its class, not the farther noun the parser hung it on
            cls = table.get(near.lemma_.casefold())
            if cls and not (place_like and cls == "Person") and (ent.label_ != "PERSON" or cls == "Person"):
                return cls  # (a person's name after "the party" is not the party: "the party Ana Roe led")
        cls = table.get(root.head.lemma_.casefold())
        if cls and not (place_like and cls == "Person"):
            return cls
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not (ent.start <= child.i < ent.end):
            cls = table.get(child.lemma_.casefold())
            if cls and not (place_like and cls == "Person"):
                return cls
    doc = ent.doc
    of = doc[ent.start - 1] if ent.start > 0 else None
    if of is not None and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < of.i:
        cls = table.get(of.head.lemma_.casefold())
        if cls in ("City", "AdministrativeRegion") and ent.label_ != "PERSON":
            return cls  # "the town of Moyale", "the province of Cuenca"
    possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS"  # "in Smith's view"
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent.label_ == "PERSON" and before in ("in", "near", "to", "from", "at") and not possessive:
        place = gazetteer().lookup(ent.text)
        if place is not None:
            return _GAZ_KINDS[place.kind]  # "born in Nancy", "travels to Lyon": the town, not the given name
    if ent.label_ == "PERSON" and before in ("in", "near") and not possessive:
        cls = keyword_class(ent.text)
        if cls in _PLACE_CLASSES:
            return cls  # "near Rice Lake"
        if len(ent) == 1 and doc[ent.start - 1].head.pos_ in ("VERB", "AUX") and doc[ent.start - 1].head.i < ent.start:
            return "Place"  # "founded in Brennick": a town the gazetteer does not know, not a given name
    if ent.label_ == "PERSON" and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        outer = next((e for e in (ents if ents is not None else doc.ents) if e.start == ent.end + 1), None)
        wider = gazetteer().lookup(outer.text) if outer is not None and outer.label_ == "GPE" else None
        owned = outer is not None and outer.end < len(doc) and doc[outer.end].tag_ == "POS"  # "Smith, Canada's envoy"
        place = gazetteer().lookup(ent.text)
        if wider is not None and wider.kind in ("country", "region") and not owned and place is not None:
            return _GAZ_KINDS[place.kind] if place.kind != "country" else None  # "Tobolsk, Russia"
    if _played_for(root) and (
        ent.label_ in ("GPE", "ORG", "LOC", "FAC", "NORP") or keyword_class(ent.text) == "SportsTeam"
    ):
        return "SportsTeam"  # "he played for the 76ers, San Antonio Spurs and Orlando Magic"
    if _named_to_office(ent) or _ruler_of(ent) or _kin_of(ent) or _holds_office(ent):
        return "Person"
    if ent.start > 0:
        prev = doc[ent.start - 1]
        if (prev.pos_ in ("NOUN", "PROPN") and prev.is_lower is False) or prev.pos_ == "NOUN":
            cls = table.get(prev.lemma_.casefold())
            if cls == "Person":
                return cls
    if ent.end < len(doc):
        nxt = doc[ent.end]
        if nxt.pos_ == "NOUN" and nxt.is_lower and root.head.i == nxt.i:
            cls = table.get(nxt.lemma_.casefold())
            if cls and ent.label_ == "NORP" and cls in _PLACE_CLASSES:
                return None  # "the Kurdish region", "a Tamil village": a people's adjective, no place's name
            named = ent.end + 2 < len(doc) and doc[ent.end + 1].lower_ == "of" and doc[ent.end + 2].text[:1].isupper()
            village = nxt.lemma_.casefold() in _SETTLEMENT_NOUNS and gazetteer().lookup(ent.text) is None
            if cls in _PLACE_CLASSES and named and village:
                return None  # "the Zanu village of Kwandile": the village is Kwandile, the name before it its people
            if cls and cls != "Person":
                return cls
    for conj in [*root.conjuncts]:
        other = next(
            (e for e in (ents if ents is not None else doc.ents) if e.start <= conj.i < e.end and e != ent), None
        )
        if (
            other is not None
            and other.label_ == "PERSON"
            and ent.label_ in ("ORG", "PERSON", "PRODUCT")
            and keyword_class(ent.text) is None
            and keyword_class(other.text) is None  # "Kazan Governorate and Perm Governorate": no people
        ):
            return "Person"
    return None


_BEFORE_OFFICE = lexicon("before_office_words")
_SETTLEMENT_NOUNS = lexicon("settlement_nouns")
_RULER_NOUNS = lexicon("ruler_nouns")


def _ruler_of(ent: Span) -> bool:
    """ "the dictatorial regime of Ana Roe", "the presidency of Ana Roe": a name right after "of" a
    ruler's noun (``ruler_nouns``) is a person's, whatever NER tagged it; "the regime of the Red Guard"
    (with "the") and a place or a keyword name ("the reign of Tesk Republic") are not."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4 or ent.start < 2 or keyword_class(ent.text) is not None:
        return False
    if not all(t.text[:1].isupper() for t in ent) or any(t.is_stop for t in ent):
        return False
    doc = ent.doc
    of, noun = doc[ent.start - 1], doc[ent.start - 2]
    if of.lower_ != "of" or noun.lemma_.casefold() not in _RULER_NOUNS or of.head.i != noun.i:
        return False
    return gazetteer().lookup(ent.text) is None


_KIN_NOUNS = lexicon("ppl15.kin_of_nouns")


def _kin_of(ent: Span) -> bool:
    """ "the son of Agustina Velde Ubeda", "the widow of Ivo Sand": a plain name of two to four capitalised
    words right after "of" a relative's noun (``ppl15.kin_of_nouns``) is a person's, whatever NER tagged
    it; not a keyword's, a party's or a place's name ("a sister of the Tesk Telecom Company")."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4 or ent.start < 2 or keyword_class(ent.text) is not None:
        return False
    if not all(t.text[:1].isupper() and t.text.replace(".", "").isalpha() for t in ent) or party_word(ent.text):
        return False
    doc = ent.doc
    of, noun = doc[ent.start - 1], doc[ent.start - 2]
    if of.lower_ != "of" or noun.lower_ not in _KIN_NOUNS or noun.pos_ != "NOUN":
        return False
    gaz = gazetteer()
    return gaz.lookup(ent.text) is None and not any(gaz.demonym(t.text) for t in ent)


_OFFICE_AFTER = re.compile(
    rf"\s+(?:was|became|is|becomes)\s+(?:the\s+|its\s+)?(?:{alternation('ppl15.person_office_nouns')})\b"
)


def _holds_office(ent: Span) -> bool:
    """ "H.K. Dapo was the secretary", "Wiktor Gorsky became secretary of …": a plain name right before
    "was (the)" or "became" and an office only a person holds (``ppl15.person_office_nouns``) is a
    person's, whatever NER tagged it; not a keyword's, a party's or a place's name."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4 or keyword_class(ent.text) is not None:
        return False
    if not all(t.text[:1].isupper() and t.text.replace(".", "").isalpha() for t in ent) or party_word(ent.text):
        return False
    after = ent.doc[ent.end : ent.end + 6].text  # the words after it (not the doc's whole text, rebuilt per call)
    if not _OFFICE_AFTER.match(" " + after):
        return False
    gaz = gazetteer()
    return gaz.lookup(ent.text) is None and not any(gaz.demonym(t.text) for t in ent)


def _named_to_office(ent: Span) -> bool:
    """ "swear in Ana Roe-Vidal as President of the Council", "the investiture of Ana Roe as Prime
    Minister": a name put into an office is a person's, whatever NER tagged it."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 4 or keyword_class(ent.text) is not None:
        return False
    if not all(t.text[:1].isupper() or t.text == "-" for t in ent) or any(t.is_stop for t in ent):
        return False
    if gazetteer().lookup(ent.text) is not None:
        return False
    doc, k = ent.doc, ent.end
    if k >= len(doc) or doc[k].lower_ != "as":
        return False
    k += 1
    while k < len(doc) and doc[k].lower_ in _BEFORE_OFFICE:
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper() and doc[k].text in _office_titles()


@cache
def _office_titles() -> frozenset[str]:
    return frozenset(w.strip() for w, kind in load_tsv("person_titles.tsv") if kind.strip() == "office")


def _played_for(root: Token) -> bool:
    """``root`` is what someone played for: the object of "for" after "play", or a conjunct of it."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    return first.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_ == "play"


_WORK_WORDS = lexicon("quoted_work_words")


def _quoted_work(text: str, start: int, end: int, ent: Span) -> bool:
    """A name in quotation marks in a sentence about songs, films or books is a work's title."""
    if start == 0 or end >= len(text) or text[start - 1] not in '"“' or text[end] not in '"”':
        return False
    return any(t.lemma_.casefold() in _WORK_WORDS for t in ent.sent)
