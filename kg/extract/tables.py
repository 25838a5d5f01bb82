"""Rule tables shipped as data under ``kg/data/``, validated when loaded."""

from __future__ import annotations

import re
from functools import cache, lru_cache

# the loaders live in kg.datafiles; re-exported for the rule modules that import them from here
from kg.datafiles import check_class, check_relation, load_json, load_rows, load_tsv

__all__ = [
    "FAITH_CLASSES",
    "check_class",
    "check_relation",
    "class_keywords",
    "given_name_titles",
    "head_nouns",
    "keyword_class",
    "load_json",
    "load_rows",
    "load_tsv",
    "not_person_words",
    "party_word",
    "person_titles",
    "religion_first_words",
    "religion_of",
]


@cache
def class_keywords() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, class) pairs: a name matching the pattern is of that class."""
    return tuple(
        (re.compile(p), check_class(c, "kg/data/class_keywords.tsv")) for p, c in load_tsv("class_keywords.tsv")
    )


_COMPLEMENT = re.compile(r"\s(?:of|for|in|on|at|de|du|des|del|di|da)\s")


@lru_cache(maxsize=100_000)
def keyword_class(name: str) -> str | None:
    """The class the name's head keyword signals: of the keywords ``class_keywords.tsv`` finds,
    the last one before an "of"/"for" complement (the last one at all when none comes before it),
    so "Tesk Valley Water Board" is a board and "University of the Valley" a university. A
    keyword found at the same place by two rows goes to the upper row.

    >>> keyword_class("Tesk Valley Water Board"), keyword_class("University of the Valley")
    ('GovernmentBody', 'EducationalInstitution')
    >>> keyword_class("Valley Forge Military Academy"), keyword_class("Lake Ostra"), keyword_class("Ana")
    ('EducationalInstitution', 'Landform', None)
    >>> keyword_class("Republic of Tesk Armed Forces"), keyword_class("Republic of Tesk")
    ('MilitaryUnit', 'Country')
    """
    found: list[tuple[int, int, str]] = []  # (end of the keyword, -row, class)
    for row, (pattern, cls) in enumerate(class_keywords()):
        for m in pattern.finditer(name):
            found.append((m.end(), -row, cls))
    if not found:
        return None
    comp = _COMPLEMENT.search(name)
    if comp is not None:
        head = [f for f in found if f[0] <= comp.start()]
        last = max(found)
        if head and max(head)[2] == "Country" and last[0] == len(name) and last[2] != "Country":
            return last[2]  # "Republic of Tesk Armed Forces": a state's name before the body's head word
        found = head or found
    return max(found)[2]


@cache
def not_person_words() -> tuple[re.Pattern[str], ...]:
    """Patterns that, in a name, outweigh a PERSON label from NER."""
    return tuple(re.compile(p) for p, _ in load_tsv("not_person_words.tsv"))


@cache
def person_titles() -> frozenset[str]:
    """Title words NER keeps in front of a name (``person_titles.tsv``)."""
    return frozenset(w.strip() for w, _ in load_tsv("person_titles.tsv"))


@cache
def given_name_titles() -> frozenset[str]:
    """The titles of ``person_titles.tsv`` that are given names too ("Don", "Emir"): a title only
    before two or more words of a name."""
    return frozenset(w.strip() for w, kind in load_tsv("person_titles.tsv") if kind.strip() == "given")


@cache
def head_nouns() -> dict[str, str]:
    """Predicate head noun of a defining sentence → class of its subject."""
    return {k.strip(): check_class(c, "kg/data/head_nouns.tsv") for k, c in load_tsv("head_nouns.tsv")}


FAITH_CLASSES = frozenset({"Religion", "ReligiousDenomination"})  # the classes religions.tsv gives


@cache
def _religions() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for name, cls, forms in load_rows("religions.tsv", 3):
        check_class(cls, "kg/data/religions.tsv")
        for form in (name, *forms.split(",")):
            out[" ".join(form.split()).casefold()] = (name, cls)
    return out


@cache
def religion_first_words() -> frozenset[str]:
    """The first words (case-folded) of every religion form: a cheap test before :func:`religion_of`."""
    return frozenset(form.split(" ", 1)[0] for form in _religions())


def religion_of(text: str) -> tuple[str, str] | None:
    """(name, class) of the religion or denomination a capitalised word names (``religions.tsv``).

    >>> religion_of("Catholics"), religion_of("Jewish"), religion_of("catholic"), religion_of("Catholic Party")
    (('Catholic Church', 'ReligiousDenomination'), ('Judaism', 'Religion'), None, None)
    """
    if not text[:1].isupper():
        return None  # "catholic tastes": the lower-case word is not the church
    return _religions().get(" ".join(text.replace("’", "'").split()).casefold())


@cache
def _party_words() -> dict[str, str]:
    return {w: key for w, key in load_tsv("party_words.tsv")}


def party_word(text: str) -> str | None:
    """The party a capitalised party word names, as the word all its forms key as (``party_words.tsv``).

    >>> party_word("Democrats"), party_word("Whig"), party_word("liberal"), party_word("Liberal Party")
    ('Democratic', 'Whig', None, None)
    """
    return _party_words().get(text.strip())
