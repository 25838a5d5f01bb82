"""Name keys and name shapes: when two spellings name the same thing (used by extraction and resolution).

>>> name_key("Peruvian") == name_key("Peru"), slugify("Ana Ruíz")
(True, 'Ana_Ruiz')
"""

from __future__ import annotations

import re
import unicodedata

from kg.extract.tables import party_word, religion_of
from kg.gazetteer import gazetteer, norm_name

__all__ = ["name_key", "slugify"]


_STOP = {"of", "for", "the", "and", "de", "del", "la", "el", "des", "du", "y", "et", "in", "on", "to", "a"}


def slugify(label: str) -> str:
    """An ASCII IRI segment for a label.

    >>> slugify("Andrés Avelino Cáceres")
    'Andres_Avelino_Caceres'
    >>> slugify("Harper's Magazine")
    'Harpers_Magazine'
    """
    t = unicodedata.normalize("NFKD", label)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"['’]", "", t)
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_")
    return t or "entity"


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.\-]{1,11}", text)) and len(text) <= 8


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w']+", name) if w.casefold() not in _STOP and w[0].isalpha()).upper()


def _transposed(a: str, b: str) -> bool:
    """True when b is a with two adjacent letters swapped (a common misspelling).

    >>> _transposed("marta oyelaran", "mrata oyelaran")
    True
    """
    if len(a) != len(b) or a == b or len(a) < 5:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def name_key(text: str) -> str:
    """The key under which names are the same: case-insensitive, except for all-capital acronyms;
    a nationality adjective keys as its country.

    >>> name_key("Peruvian") == name_key("Peru"), name_key("OYELARAN") == name_key("Oyelaran")
    (True, False)
    >>> name_key("U.S.") == name_key("United States") == name_key("America")
    True
    >>> name_key("Soviet") == name_key("Soviet Union") == name_key("USSR"), name_key("European") == name_key("Europe")
    (True, True)
    """
    faith = religion_of(text)
    if faith is not None:
        return norm_name(faith[0])  # "Catholics", "Catholicism": the Catholic Church
    party = party_word(text)
    if party is not None:
        return norm_name(party)  # "Democrat", "Democrats", "Democratic": one party
    gaz = gazetteer()
    if gaz.spelled_in_capitals(text):
        return "\x00" + norm_name(text).upper()  # a party abbreviated "CHILE" is not Chile
    code = gaz.demonym(text)
    if not code:
        adjective = gaz.adjective_place(text)
        if adjective is not None:  # "European" is Europe, "Soviet" the USSR
            return name_key(adjective.name)
        place = gaz.lookup(text)
        if place is not None and place.kind == "country":
            code = place.country
            if code is None:  # a former state: "Soviet Union", "USSR" are one
                return norm_name(place.name)
    if code and code in gaz.country_names:
        return norm_name(gaz.country_names[code])
    if _is_acronym(text) or (text.isupper() and len(text) > 1):
        return "\x00" + norm_name(text).upper()
    return norm_name(text)


def _word_fits(short: str, full: str) -> bool:
    return short == full or (len(short) == 1 and full.startswith(short))


def _fuller(short: list[str], full: list[str]) -> bool:
    """``short`` names the same person as ``full`` with middle names left out or cut to initials.

    >>> _fuller("john cantwell".split(), "john joseph cantwell".split())
    True
    >>> _fuller("n c wyeth".split(), "newell convers wyeth".split())
    True
    >>> _fuller("john cantwell".split(), "mary joseph cantwell".split())
    False

    A later given name alone is not enough ("Bunce Brewster" may be the mother's maiden name that
    the son "Chauncey Bunce Brewster" carries as a middle name):

    >>> _fuller("bunce brewster".split(), "sarah jane bunce brewster".split())
    False
    """
    if len(short) < 2 or short == full or short[-1] != full[-1] or not _word_fits(short[0], full[0]):
        return False
    rest = iter(full[1:-1])
    return all(any(_word_fits(w, f) for f in rest) for w in short[1:-1])
