"""Dependency paths: the verb table's argument roles as data (``kg/data/roles.json``).

A path is steps down the parse from the trigger verb, separated by ``>``: a dependency label,
optionally with a test on the token, ``[lower=with]`` (its lower-cased text), ``[lemma=member]``
(its lemma) or ``[lemma@alliance_nouns]`` (its lemma is in a lexicon of ``lexicons.json``).
``{word}`` is the role's word ("pobj:in" gives "in"). A role's tokens are its paths' tokens in
turn; ``when`` is a path that must find a token first. Paths are checked when the table loads.

>>> parse_path("prep[lower=as]>pobj[lemma={word}]", "here")
(Step(dep='prep', attr='lower', op='=', value='as'), Step(dep='pobj', attr='lemma', op='=', value='{word}'))
>>> sorted(role_paths())
['agent', 'alliance-with', 'as-of', 'attr-of', 'pobj']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.extract.lexicons import lexicon
from kg.extract.tables import load_json

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RolePaths", "Step", "parse_path", "role_paths", "role_tokens"]

_FILE = "kg/data/roles.json"
_STEP = re.compile(r"(?P<dep>[a-z]+)(?:\[(?P<attr>lower|lemma)(?P<op>[=@])(?P<value>\{word\}|[\w-]+)\])?")


@dataclass(frozen=True)
class Step:
    """One step of a path: a child with this dependency label (and, if given, this text or lemma)."""

    dep: str
    attr: str | None = None
    op: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class RolePaths:
    """One role of ``roles.json``: whether it takes a word, its paths and its guard."""

    name: str
    word: bool
    paths: tuple[tuple[Step, ...], ...]
    when: tuple[Step, ...] = ()


def parse_path(text: str, where: str) -> tuple[Step, ...]:
    """The steps of a path; a ValueError naming ``where`` on a malformed step or unknown lexicon."""
    steps = []
    for part in text.split(">"):
        m = _STEP.fullmatch(part.strip())
        if m is None:
            raise ValueError(
                f"{where}: bad step {part!r} in {text!r} (dep, dep[lower=x], dep[lemma=x], dep[lemma@lexicon])"
            )
        if m["op"] == "@":
            lexicon(m["value"])  # an unknown lexicon fails here
        steps.append(Step(m["dep"], m["attr"], m["op"], m["value"]))
    return tuple(steps)


def _role(name: str, raw: Any) -> RolePaths:
    where = f"{_FILE}, role {name!r}"
    if not isinstance(raw, dict) or not raw.get("doc") or not isinstance(raw.get("word"), bool) or not raw.get("paths"):
        raise ValueError(f"{where}: needs a doc, word (true or false) and paths")
    paths = tuple(parse_path(p, where) for p in raw["paths"])
    if not raw["word"] and any(s.value == "{word}" for p in paths for s in p):
        raise ValueError(f"{where}: a path says {{word}} but the role takes none")
    when = parse_path(raw["when"], where) if raw.get("when") else ()
    return RolePaths(name, raw["word"], paths, when)


@cache
def role_paths() -> dict[str, RolePaths]:
    """Every role of the table, checked."""
    return {k: _role(k, v) for k, v in load_json("roles.json").items() if not k.startswith("_")}


def _fits(tok: Token, step: Step, word: str) -> bool:
    if tok.dep_ != step.dep:
        return False
    if step.attr is None or step.value is None:
        return True
    have = tok.lower_ if step.attr == "lower" else tok.lemma_
    value = word if step.value == "{word}" else step.value
    return have in lexicon(value) if step.op == "@" else have == value


def _walk(verb: Token, steps: tuple[Step, ...], word: str) -> list[Token]:
    toks = [verb]
    for step in steps:
        toks = [c for t in toks for c in t.children if _fits(c, step, word)]
    return toks


def role_tokens(verb: Token, role: RolePaths, word: str) -> list[Token]:
    """The tokens ``role`` (with its ``word``) finds from ``verb``."""
    if role.when and not _walk(verb, role.when, word):
        return []
    return [t for p in role.paths for t in _walk(verb, p, word)]
