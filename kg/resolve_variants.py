"""One name written with another word of the same sense, or an event with and without its year, within an
article (rules of entity resolution).

"The Popular Movement for the Liberation of Tesk" and "the People's Movement for the Liberation of
Tesk" are one movement: two names of one broad class, not people, that differ in exactly one word,
the two words renderings of one word of the name (``dup10.name_word_variants``: "popular" and
"people's", "labour" and "labor"), the rest of three words or more the same. Another word ("the
Democratic Movement for …"), another place ("… of Varn") or a person's name keeps them apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kg.extract.lexicons import lexicon
from kg.model import Mention
from kg.ontology import group_of
from kg.resolve_links import _Union, _vote

__all__ = ["link_event_years", "link_word_variants", "untitled_names"]


def _variant_of() -> dict[str, str]:
    """Each word of a group → the group's first word (its key)."""
    out: dict[str, str] = {}
    for group in sorted(lexicon("dup10.name_word_variants")):
        words = group.split()
        for w in words:
            out[w] = words[0]
    return out


_VARIANT = _variant_of()


def link_word_variants(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """Union the names of one article that differ only in one word of a variant group."""
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, group in by_name.items():
        words = key.split()
        if key.startswith("\x00") or len(words) < 4:
            continue
        cls = group_of(_vote(group))
        if cls in ("Person", "Place"):
            continue
        at = [i for i, w in enumerate(words) if w in _VARIANT]
        if len(at) != 1:
            continue
        i = at[0]
        forms[(" ".join([*words[:i], "\x01" + _VARIANT[words[i]], *words[i + 1 :]]), cls)].append(key)
    for keys in forms.values():
        for other in sorted(keys)[1:]:
            uf.union(by_name[sorted(keys)[0]][0], by_name[other][0], "one name written with another word of its sense")


_YEAR = re.compile(r"\d{4}")
_EVENT_HEADS = lexicon("coup_head_synonyms") | lexicon("uprising_head_synonyms") | lexicon("dup10.event_year_heads")


def _event_core(key: str) -> tuple[str, str | None] | None:
    """An event name's words without its year and a "d'état" after "coup", and the year (or None);
    None when it is no such event name (no head noun of ``_EVENT_HEADS``, or nothing beside it)."""
    words = key.split()
    years = [w for w in words if _YEAR.fullmatch(w)]
    core = [
        w for i, w in enumerate(words) if not _YEAR.fullmatch(w) and not (w == "detat" and words[i - 1 : i] == ["coup"])
    ]
    if len(years) > 1 or len(core) < 2 or not _EVENT_HEADS & set(core):
        return None
    return " ".join(core), (years[0] if years else None)


def link_event_years(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """ "The 1973 Tesk coup d'état" and "the Tesk coup" in one article are one coup: event names
    (a coup, an uprising, a revolution) that differ only in a year and "d'état", when the article
    names that event with one year at most. Two years ("the 1973 Tesk coup", "the 1976 Tesk coup")
    leave the bare name to neither."""
    by_core: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for key, group in by_name.items():
        if key.startswith("\x00") or group_of(_vote(group)) != "Event":
            continue
        found = _event_core(key)
        if found is not None:
            by_core[found[0]].append((key, found[1]))
    for forms in by_core.values():
        if len(forms) < 2 or len({y for _, y in forms if y is not None}) > 1:
            continue
        keys = sorted(k for k, _ in forms)
        for other in keys[1:]:
            uf.union(by_name[keys[0]][0], by_name[other][0], "one event named with and without its year")


def untitled_names(names: Iterable[str]) -> list[str]:
    """The names that are not another of the names with a title before it ("Gen. Tomas Roe" beside
    "Tomas Roe": the title is no part of the label). All of them when every one has a title."""
    from kg.extract.tables import person_titles

    titles = person_titles()
    given = set(names)
    out = []
    for n in given:
        words = n.split()
        while len(words) > 1 and words[0].rstrip(".") in titles:
            words = words[1:]
        if len(words) == len(n.split()) or " ".join(words) not in given:
            out.append(n)
    return sorted(out) or sorted(given)
