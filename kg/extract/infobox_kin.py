"""The kinship a bracket after a relative's name states (issue 14's fact-check): "Children: Ana Roe
(his niece)" is a niece, no child; "Relatives: Ivo Roe (cousin of Eva Sol)", "Ana Roe (Oren's
daughter)" are someone else's kin, not the subject's; "Relatives: Ana Roe (sister)" is a sister.

>>> bracket_kin("his niece", "child"), bracket_kin("sister", "relative"), bracket_kin("cousin of Eva Sol", "relative")
('relative', 'sibling', None)
>>> bracket_kin("Oren's daughter", "relative"), bracket_kin(None, "child"), bracket_kin("1990–2001", "spouse")
(None, 'child', 'spouse')
"""

from __future__ import annotations

import re

__all__ = ["KIN_RELATIONS", "bracket_kin"]

KIN_RELATIONS = frozenset({"child", "father", "mother", "sibling", "spouse", "relative"})
_OWNER = re.compile(r"^(?:his|her|their|its)\s+", re.I)
_SOMEONE_ELSES = re.compile(r"\s+of\s+[A-Z]|^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*['’]s?\s+\w")


def bracket_kin(bracket: str | None, relation: str) -> str | None:
    """The relation the subject has to the one named, given the key's ``relation`` and the bracket
    after the name: the bracket's kinship when it names one, None when it names another person's
    kinship, else the key's relation."""
    from kg.extract.relations.kinship import kinship_nouns

    text = (bracket or "").strip()
    if not text:
        return relation
    word = _OWNER.sub("", text).casefold().split(" of ")[0].strip()
    nouns = kinship_nouns()
    kin = (nouns.get(word, "") or nouns.get(word.rsplit(" ", 1)[-1], "")) if _SOMEONE_ELSES.search(text) else ""
    if kin:
        return None  # "cousin of Eva Sol", "Oren's daughter": her kin, not the subject's
    kin = nouns.get(word, "")
    if kin in KIN_RELATIONS:
        return kin
    if kin:
        return "relative"  # "^child" and the like: a kinship the key's relation does not say
    return relation
