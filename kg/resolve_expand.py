"""A name that opens with another name's initials, within an article (a rule of entity resolution).

"The TNG Defence Force" and "the Tesk New Guinea Defence Force" are one force: a name whose first
word is an acronym (capitals only) and whose other words are the last words of exactly one longer
name of the article, the longer name's first words having those initials ("Tesk New Guinea": TNG),
both of one broad class and neither a person's. A longer name whose first words have other initials
("Tesk National Guard Defence Force" is TNG too: two owners) or another broad class keeps it apart.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kg.model import Mention
from kg.names import _initials
from kg.ontology import group_of
from kg.resolve_links import _Union, _vote

__all__ = ["link_acronym_heads"]

_HEAD = re.compile(r"(?P<acr>[A-Z][A-Z&]{1,7})\s+(?P<rest>\S.*)")


def _heads(text: str) -> set[str]:
    """The acronyms a run of words may have: its words' initials, the small words left out or not."""
    words = re.findall(r"[\w']+", text)
    return {_initials(text), "".join(w[0] for w in words if w[0].isupper()).upper()} - {""}


def link_acronym_heads(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """Union "ACR rest" with the one longer name "Long Words rest" whose first words spell ACR."""
    by_rest: dict[str, list[tuple[str, str]]] = defaultdict(list)  # the last words → (key, the words before)
    for key, group in by_name.items():
        if key.startswith("\x00"):
            continue
        words = group[0].text.split()
        for i in range(2, len(words)):
            by_rest[" ".join(words[i:]).casefold()].append((key, " ".join(words[:i])))
    for key, group in by_name.items():
        hit = _HEAD.fullmatch(group[0].text)
        if hit is None or key.startswith("\x00"):
            continue
        cls = group_of(_vote(group))
        if cls == "Person":
            continue
        owners = {
            k
            for k, first in by_rest.get(hit.group("rest").casefold(), ())
            if k != key and hit.group("acr").replace("&", "") in _heads(first)
        }
        if len(owners) != 1:
            continue
        owner = next(iter(owners))
        if group_of(_vote(by_name[owner])) == cls:
            uf.union(by_name[owner][0], group[0], "a name that opens with another name's initials")
