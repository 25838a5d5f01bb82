"""Typing a name into an ontology class: the NER label, the gazetteer, a name's own keywords.

Typing starts from the NER label, then a name's own words (``… Party`` → PoliticalParty, table
``class_keywords.tsv``), then the offline gazetteer (a country named by any label is a Country).
"""

from __future__ import annotations

import re

from kg.extract.entities.native_heads import native_class
from kg.extract.lexicons import alternation
from kg.extract.tables import keyword_class, not_person_words, party_word, religion_of
from kg.gazetteer import gazetteer
from kg.ontology import group_of

__all__ = ["NER_CLASSES", "class_of_name", "is_noise", "typed_name"]

NER_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Facility",
    "EVENT": "Event",
    "WORK_OF_ART": "CreativeWork",
    "LANGUAGE": "Language",
    "NORP": "EthnicGroup",
    "LAW": "Other",
    "PRODUCT": "Other",
    "MISC": "Other",
}
_PLACE_CLASSES = frozenset({"Landform", "Facility", "AdministrativeRegion", "Country", "City"})
_GAZ_KINDS = {"country": "Country", "region": "AdministrativeRegion", "city": "City", "continent": "Place"}
_RELIGION_LABELS = frozenset({"NORP", "ORG", "GPE", "LOC"})  # not PERSON: "Christian" is also a given name


def class_of_name(name: str, ner_label: str, countries: frozenset[str] = frozenset()) -> str | None:
    """The ontology class of a named mention, or None when it is not worth an entity.

    >>> class_of_name("Union for Valdora", "ORG")
    'Organization'
    >>> class_of_name("Valdoran Nationalist Party", "ORG")
    'PoliticalParty'
    >>> class_of_name("Peru", "PERSON")
    'Country'
    >>> class_of_name("Salt Lake City", "GPE")
    'City'
    """
    found = typed_name(name, ner_label, countries)
    return found[0] if found else None


def typed_name(name: str, ner_label: str, countries: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(class, how) for a named mention; ``how`` is ``ner``, ``gazetteer`` or ``keyword``.

    >>> typed_name("Turkey", "GPE"), typed_name("West Germany", "GPE"), typed_name("Uzbek", "PERSON")
    (('Country', 'gazetteer'), ('Country', 'gazetteer'), None)
    >>> typed_name("Tesk Valley Water Board", "ORG")
    ('GovernmentBody', 'keyword')
    >>> typed_name("Presbyterians", "NORP"), typed_name("Christian", "PERSON")
    (('ReligiousDenomination', 'gazetteer'), ('Person', 'ner'))
    >>> typed_name("Scottish", "NORP"), typed_name("Soviet", "NORP"), typed_name("Sami", "NORP")
    (('AdministrativeRegion', 'gazetteer'), ('Country', 'gazetteer'), ('EthnicGroup', 'ner'))
    >>> typed_name("Democrat", "NORP")
    ('PoliticalParty', 'gazetteer')
    """
    base = NER_CLASSES.get(ner_label)
    if base is None:
        return None
    if not name or not (name[0].isupper() or name[0].isdigit()) or len(name) < 2:
        return None
    native = native_class(name)
    if native is not None:
        return native, "keyword"  # "Frente de Libertação de Moçambique", tagged a facility
    gaz = gazetteer()
    faith = religion_of(name) if ner_label in _RELIGION_LABELS else None
    if faith is not None:
        return faith[1], "gazetteer"  # "Catholics", "Lutheran": a church or faith, not a people
    if ner_label in ("NORP", "ORG") and party_word(name):
        return "PoliticalParty", "gazetteer"  # "a Republican member", "Labour leader Ana Roe"
    if ner_label == "NORP":
        if gaz.demonym(name):
            return "Country", "gazetteer"
        adjective = gaz.adjective_place(name)  # "European", "Scottish", "Soviet": the place itself
        return (_GAZ_KINDS[adjective.kind], "gazetteer") if adjective is not None else (base, "ner")
    if base == "Person" and gaz.demonym(name):
        return None  # "speak Tajik": a people's or language's name is nobody
    if ner_label in ("GPE", "LOC") and gaz.demonym(name):
        return "Country", "gazetteer"  # "a Slovak footballer" tagged as a place: the country
    place = None if gaz.spelled_in_capitals(name) else gaz.lookup(name, countries)  # "ICA" is no Ica
    if place is not None:
        kind = _GAZ_KINDS[place.kind]
        if ner_label in ("GPE", "LOC") or place.kind in ("country", "continent"):
            return kind, "gazetteer"
        if place.kind == "region" and " " in name and ner_label == "PERSON":
            return kind, "gazetteer"  # "Madhya Pradesh": a region's two-word name is nobody's
        if ner_label == "ORG" and " " not in name:
            return kind, "gazetteer"
    cls = keyword_class(name)
    if cls is None:
        if base == "Organization" and _ROYAL_NAME.fullmatch(name):
            return "Person", "keyword"  # "King Tavo", "Sultan Ibrahim II": a ruler, though NER said ORG
        return base, "ner"
    if base in ("Place", "Facility") and cls not in _PLACE_CLASSES:
        if group_of(cls) == "Event" and keyword_class(name.split()[-1]) == cls:
            return cls, "keyword"  # "the Great Tesk Lockout", tagged a facility: an event its last word names
        return base, "ner"
    if base == "Person" and cls != "Person" and not any(p.search(name) for p in not_person_words()):
        return base, "ner"
    return cls, "keyword"


_ROYAL_NAME = re.compile(rf"(?:{alternation('royal_titles')})(?:\s+[A-Z][\w'-]+){{1,3}}(?:\s+[IVX]+)?")
_NOISE_PREFIX = re.compile(r"^(?:Anti|Pro|Non|Neo|Post|Pre|Pan)-", re.I)
_ADJ_SUFFIX = re.compile(r"(?:ic|ist|ous|ical|ive)$")


def is_noise(name: str, ner_label: str) -> bool:
    """True for names the small model tags that name nothing (``Anti-Semitic``, ``Eurocentric``).

    >>> is_noise("Anti-Fujimori", "PRODUCT"), is_noise("Eurocentric", "PERSON"), is_noise("Lima", "GPE")
    (True, True, False)
    """
    if _NOISE_PREFIX.match(name):
        return True
    if " " not in name and _ADJ_SUFFIX.search(name) and ner_label != "GPE":
        return gazetteer().lookup(name) is None and religion_of(name) is None  # "Catholic", "Islamic"
    return False
