"""The office a box neighbour held when the box says it was another ("Predecessor: Ana Roe (as Prime
Minister)", "Predecessor: Ana Roe as Minister of Finance"), and the neighbour that is the subject itself
("Predecessor: Himself (as Head of the Council)"). A capacity that names what its holder heads ("as Head
of Government") makes the neighbour that head of the row's office's country, and holds no office.

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
from kg.extract.office_names import office_title
from kg.model import Mention

__all__ = ["as_role", "head_role", "is_self", "office_of_state", "role_office"]

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
            return _whole(m.group("role").strip())
    m = _AS_IN_TEXT.search(item.text.strip())
    return _whole(m.group("role").strip()) if m is not None else None


def _whole(role: str) -> str | None:
    """A capacity cut short ("as Chairman of the", the rest lost to markup) names no office."""
    return None if role.rsplit(None, 1)[-1] in ("of", "for", "and", "the") else role


_HEAD = re.compile(r"^head\s+of\s+(?P<what>state|government)$", re.I)


def head_role(role: str) -> str | None:
    """The relation a capacity that names what its holder heads gives ("as Head of Government":
    headOfGovernment), else None; such a capacity is no office of its own."""
    m = _HEAD.match(role)
    if m is None:
        return None
    return "headOfState" if m.group("what").casefold() == "state" else "headOfGovernment"


def role_office(article: Article, role: str, office: Mention) -> Mention:
    """The office a capacity names, beside the row's ``office``: the capacity as written when it says
    whose office it is ("Minister of Finance"), else with the row's office's "of …" ("Prime Minister"
    beside "Acting Prime Minister of Eastmark": "Prime Minister of Eastmark"), at the row's place."""
    if re.search(r"\s(?:of|for)\s", role):
        return replace(office, text=role)
    where = _OF.search(office.text)
    return replace(office, text=f"{role} of {where.group('where')}" if where else role)


def office_of_state(name: str) -> bool:
    """A name that is a state's office, not the state ("President of the Republic of Tesk"): a bare
    office title, then "of"."""
    m = re.match(r"^(?P<title>.+?)\s+of\s+", name)
    return m is not None and office_title(m.group("title")) is not None
