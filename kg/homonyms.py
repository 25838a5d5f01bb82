"""Which country a name stands in, so that namesakes of two articles stay two entities.

Political corpora are full of shared names: a Socialist Party in Chile and one in France, a
Congress in every republic, two José Garcías, San José in Costa Rica and in California.
Across articles kg merges two clusters of the same name and broad class only when their
contexts agree (:func:`kg.resolve.resolve_mentions`); this module gives each mention its
context: the countries (ISO 3166 codes) the text ties it to.

Organisations are placed only when their name is one every country can have ("Socialist Party",
"National Assembly": a political word, no place or people in it); a name of one thing ("Kenya
African National Union", "Catholic Church") is one entity wherever it is named.

- Stated: a fact of the article makes the thing's country plain (``country``,
  ``citizenship``, ``locatedIn``, ``headquarters``, ``foundingLocation`` with a country, or a
  town the gazetteer places in one country).
- Else, for organisations and places (not people): the article's own country, when the
  article is about one (the subject's stated country, else the one country it names). A
  Chilean politician's article that says he "joined the Socialist Party" ties that party to
  Chile. People carry only what is stated of them: a foreign politician named in an article
  is not of the article's country.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.lexicons import lexicon
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from kg.extract import Extraction

__all__ = ["HOMONYM_GROUPS", "country_code", "homonym_contexts"]

HOMONYM_GROUPS = frozenset({"Organization", "Person", "Place"})
_TIES = frozenset({"country", "citizenship", "locatedIn", "headquarters", "foundingLocation"})


def country_code(m: Mention) -> str | None:
    """The ISO code of the country a mention names, or of the one country a town or region of
    that name lies in; None when the gazetteer cannot say."""
    gaz = gazetteer()
    if gaz.spelled_in_capitals(m.text):
        return None
    if m.cls == "Country":
        place = gaz.lookup(m.text)
        if place is not None and place.kind in ("country", "region"):
            return place.country  # "England" is the United Kingdom's
        return gaz.demonym(m.text)
    if group_of(m.cls) == "Place":
        codes = {p.country for p in gaz.candidates(m.text) if p.kind in ("city", "region")}
        return codes.pop() if len(codes) == 1 else None
    return None


_GENERIC_HEADS = frozenset(
    {
        "party",
        "congress",
        "assembly",
        "senate",
        "parliament",
        "court",
        "council",
        "ministry",
        "front",
        "union",
        "army",
        "police",
        "league",
        "alliance",
        "movement",
        "federation",
        "guard",
        "chamber",
        "cabinet",
        "government",
        "convention",
        "coalition",
        "bloc",
        "commission",
    }
)


_GENERIC_WORDS = lexicon("homonyms.generic_name_words")


def _generic_name(text: str) -> bool:
    """ "Socialist Party", "National Liberation Army", "the Congress": a name every country can
    have (a political word, every capitalised word a common one of such names, and no place,
    people or person in it). "Communist Party of Chile" and
    "United Nations" are names of one thing each."""
    gaz = gazetteer()
    words = [w for w in text.replace("-", " ").replace("\u2019", "'").split() if w[:1].isupper()]
    if not words or not any(w.casefold() in _GENERIC_HEADS for w in words):
        return False
    if not all(w.casefold() in _GENERIC_WORDS for w in words):
        return False  # "Afro-Ndaleni Party": a word of its own makes it the name of one thing
    return not any(gaz.demonym(w) or gaz.candidates(w) or gaz.adjective_place(w) for w in words)


def _continent(text: str) -> bool:
    """A continent's name or adjective to the gazetteer ("Africa", "European"): one thing wherever it is
    named."""
    gaz = gazetteer()
    place = gaz.lookup(text) or gaz.adjective_place(text)
    return place is not None and place.kind == "continent"


def homonym_contexts(extractions: Sequence[Extraction]) -> dict[Mention, frozenset[str]]:
    """Mention → the countries its article ties it to (absent: nothing known)."""
    gaz = gazetteer()
    out: dict[Mention, frozenset[str]] = {}
    for ex in extractions:
        stated: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        for f in ex.facts:
            if f.relation in _TIES and isinstance(f.object, Mention):
                code = country_code(f.object)
                if code:
                    stated[(f.subject.start, f.subject.end, f.subject.text)].add(code)
        named = frozenset(c for m in ex.mentions if m.cls == "Country" and (c := country_code(m)))
        subj = stated.get((ex.subject.start, ex.subject.end, ex.subject.text), set())
        home = frozenset(subj) if subj else named if len(named) == 1 else frozenset()
        for m in ex.mentions:
            group = group_of(m.cls)
            if group not in HOMONYM_GROUPS or m.cls in ("Country", "Continent") or m.subject:
                continue
            if group == "Place" and _continent(m.text):
                continue  # "Africa", "African": one continent in every article, never "Africa (Kenya)"
            own = stated.get((m.start, m.end, m.text))
            if group == "Organization" and not _generic_name(m.text):
                continue  # "Kenya African National Union", "Catholic Church": one thing wherever named
            if own:
                out[m] = frozenset(own)
            elif group == "Place":  # the record the gazetteer picks in this article's countries
                place = gaz.resolve(m.text, context=named)
                if place is not None and place.country:
                    out[m] = frozenset({place.country})
                elif home and not gaz.candidates(m.text):
                    out[m] = home
            elif group == "Organization" and home:
                out[m] = home
    return out
