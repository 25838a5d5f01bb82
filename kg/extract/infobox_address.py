"""A street address in an infobox place value: "Erf 12, Vell Street, Katu, Orvan, Orvan Region".

An address names one place from the narrowest out: after the house number and the street, the
district, its town, the town's region. Two towns in a row there are a district and its town, not a
list of two towns ("Madrid, Valencia"), and the headquarters lie in both.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.model import Mention

__all__ = ["is_address_chain", "is_street_address", "towns_of_address"]

_NUMBER_FIRST = re.compile(r"^\s*(?:[A-Z][a-z]{1,5}\.?\s+)?\d+[a-zA-Z]?\s*,")


def is_street_address(raw: str, street: re.Pattern[str]) -> bool:
    """The value opens with a house or plot number ("307, …", "Erf 2464, …") or names a street.

    >>> st = re.compile(r"\\b(?:street|road)\\b", re.I)
    >>> is_street_address("Erf 2464, Vell Street, Katu", st), is_street_address("Madrid, Valencia", st)
    (True, False)
    """
    return bool(_NUMBER_FIRST.match(raw) or street.search(raw))


def towns_of_address(places: list[Mention], ranks: list[int]) -> list[Mention]:
    """The towns an address names one after the other from its start (a district, then its town):
    the headquarters lie in each; none when the address opens with anything wider than a town."""
    out: list[Mention] = []
    for m, r in zip(places, ranks, strict=True):
        if r != 1:
            break
        out.append(m)
    return out


def is_address_chain(ranks: list[int]) -> bool:
    """Each place of an address is in the next: no place is followed by a narrower one."""
    known = [r for r in ranks if r]
    return not any(b < a for a, b in pairwise(known))
