"""The office a box neighbour held when the box says it was another ("Predecessor: Ana Roe (as Prime
Minister)", "Predecessor: Ana Roe as Minister of Finance"), and the neighbour that is the subject itself
("Predecessor: Himself (as Head of the Council)").

An officeholder box's predecessor and successor held the office of their row, unless the item says in
what capacity they came before or after: then they held that office, named for the row's office's
country when it names none ("Prime Minister" beside "Acting Prime Minister of Eastmark" is "Prime
Minister of Eastmark"), and not the row's. A reflexive pronoun ("Himself", "Herself") names the box's
subject, never a person of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.documents.model import Article, InfoboxItem
from kg.extract.lexicons import alternation
from kg.model import Mention

__all__ = ["as_role", "is_self", "role_office"]

# "Himself", "herself (as …)": the subject of the box itself
_SELF = re.compile(r"^(?:" + alternation("fix11.self_pronouns") + r")$", re.I)
# the capacity: "as Prime Minister", "as the Minister of Finance"
_AS = re.compile(r"^as\s+(?:the\s+)?(?P<role>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’.-]*))*)\s*$")
_AS_IN_TEXT = re.compile(r"\s+as\s+(?:the\s+)?(?P<role>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’.-]*))*)\s*$")
_OF = re.compile(r"\s+of\s+(?P<where>(?:the\s+)?[A-Z].*)$")


def is_self(name: str) -> bool:
    """Whether an item's name is a reflexive pronoun for the subject ("Himself")."""
    return _SELF.match(name.strip()) is not None


def as_role(item: InfoboxItem) -> str | None:
    """The capacity an item names its person in: its bracket "(as Prime Minister)" or its own words
    "Ana Roe as Minister of Finance"; None for none."""
    bracket = getattr(item, "bracket", None)
    if isinstance(bracket, str):
        m = _AS.match(bracket.strip("() ").strip())
        if m is not None:
            return m.group("role").strip()
    m = _AS_IN_TEXT.search(item.text.strip())
    return m.group("role").strip() if m is not None else None


def role_office(article: Article, role: str, office: Mention) -> Mention:
    """The office a capacity names, beside the row's ``office``: the capacity as written when it says
    whose office it is ("Minister of Finance"), else with the row's office's "of …" ("Prime Minister"
    beside "Acting Prime Minister of Eastmark": "Prime Minister of Eastmark"), at the row's place."""
    if re.search(r"\s(?:of|for)\s", role):
        return replace(office, text=role)
    where = _OF.search(office.text)
    return replace(office, text=f"{role} of {where.group('where')}" if where else role)
