"""One name written with another word of the same sense, within an article (a rule of entity resolution).

"The Popular Movement for the Liberation of Tesk" and "the People's Movement for the Liberation of
Tesk" are one movement: two names of one broad class, not people, that differ in exactly one word,
the two words renderings of one word of the name (``dup10.name_word_variants``: "popular" and
"people's", "labour" and "labor"), the rest of three words or more the same. Another word ("the
Democratic Movement for …"), another place ("… of Varn") or a person's name keeps them apart.
"""

from __future__ import annotations

from collections import defaultdict

from kg.extract.lexicons import lexicon
from kg.model import Mention
from kg.ontology import group_of
from kg.resolve_links import _Union, _vote

__all__ = ["link_word_variants"]


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
