"""Named word lists of the extraction rules (``kg/data/lexicons.json``), checked when loaded.

A lexicon is a name, what it is for (``doc``), its words and the lexicons it includes (so a list
that extends another names it instead of repeating it). Rules take their words by name at import,
so a misspelt name fails when the module is imported, not silently at build time.

>>> "coalition" in lexicon("alliance_nouns"), lexicon("alliance_nouns") <= lexicon("coalition_nouns")
(True, True)
>>> alternation("sibling_plurals")
'brothers|siblings|sisters|twins'
>>> lexicon("no_such_list")
Traceback (most recent call last):
...
ValueError: kg/data/lexicons.json: no lexicon 'no_such_list'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from kg.datafiles import load_json

__all__ = ["alternation", "head_of", "lexicon", "lexicon_docs"]

_FILE = "kg/data/lexicons.json"


def _checked(raw: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """Every lexicon with its includes expanded; a ValueError naming the lexicon on a bad entry."""
    entries = {k: v for k, v in raw.items() if not k.startswith("_")}
    for name, e in entries.items():
        if not isinstance(e, dict) or not isinstance(e.get("doc"), str) or not e["doc"].strip():
            raise ValueError(f"{_FILE}: lexicon {name!r} needs a 'doc' saying what it is for")
        words = e.get("words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w and w == w.strip() for w in words):
            raise ValueError(f"{_FILE}: lexicon {name!r}: 'words' must be a list of non-empty, stripped strings")
        if len(set(words)) != len(words):
            dup = sorted({w for w in words if words.count(w) > 1})
            raise ValueError(f"{_FILE}: lexicon {name!r} repeats {dup}")
        for inc in e.get("include", []):
            if inc not in entries:
                raise ValueError(f"{_FILE}: lexicon {name!r} includes unknown lexicon {inc!r}")
    out: dict[str, frozenset[str]] = {}

    def expand(name: str, path: tuple[str, ...]) -> frozenset[str]:
        if name in path:
            raise ValueError(f"{_FILE}: lexicon {name!r} includes itself ({' -> '.join([*path, name])})")
        if name not in out:
            e = entries[name]
            words = frozenset(e.get("words", []))
            for inc in e.get("include", []):
                words |= expand(inc, (*path, name))
            out[name] = words
        return out[name]

    for name in entries:
        expand(name, ())
    return out


@cache
def _lexicons() -> dict[str, frozenset[str]]:
    return _checked(load_json("lexicons.json"))


def lexicon(name: str) -> frozenset[str]:
    """The words of lexicon ``name`` (its includes added)."""
    table = _lexicons()
    if name not in table:
        raise ValueError(f"{_FILE}: no lexicon {name!r}")
    return table[name]


def alternation(name: str) -> str:
    """The words of lexicon ``name`` as a regular-expression alternation (no group), longest first,
    each escaped, a space inside a word matching any white space."""
    words = sorted(lexicon(name), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def lexicon_docs() -> dict[str, str]:
    """Each lexicon's name and what it is for."""
    return {k: v["doc"] for k, v in load_json("lexicons.json").items() if not k.startswith("_")}


@cache
def _head_office() -> re.Pattern[str]:
    state, government = alternation("head_of_state_office_nouns"), alternation("head_of_government_office_nouns")
    acting = alternation("fix11.head_office_modifiers")  # "Acting Prime Minister of X" heads X's government
    return re.compile(
        rf"^(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:{acting})\s+)?(?:(?P<state>{state})|(?P<government>{government}))"
        r"\s+of\s+(?:the\s+)?(?P<of>[A-Z].*)$",
        re.IGNORECASE,
    )


def head_of(office: str) -> tuple[str, int] | None:
    """(headOfState or headOfGovernment, where the country's name starts) of an office that heads a
    country, or None ("Vice President of Valdora", "Leader of the Opposition": none).

    >>> head_of("President of the Valdoran Republic"), head_of("27th Prime Minister of Valdora")
    (('headOfState', 17), ('headOfGovernment', 23))
    >>> head_of("Vice President of Valdora") is None, head_of("Acting Prime Minister of Valdora")
    (True, ('headOfGovernment', 25))
    """
    m = _head_office().match(office)
    if m is None:
        return None
    return ("headOfState" if m.group("state") else "headOfGovernment"), m.start("of")
