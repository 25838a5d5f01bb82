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

from kg.documents.model import Article
from kg.extract.lexicons import alternation
from kg.extract.office_names import office_title
from kg.model import Mention

__all__ = ["head_role", "is_self", "office_of_state", "role_office"]

# "Himself", "herself (as …)": the subject of the box itself
_SELF = re.compile(r"^(?:" + alternation("fix11.self_pronouns") + r")$", re.I)
_OF = re.compile(r"\s+of\s+(?P<where>(?:the\s+)?[A-Z].*)$")


def is_self(name: str) -> bool:
    """Whether an item's name is a reflexive pronoun for the subject ("Himself")."""
    return _SELF.match(name.strip()) is not None


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
