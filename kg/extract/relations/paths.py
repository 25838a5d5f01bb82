"""Dependency paths: the verb table's argument roles as data (``kg/data/roles.json``).

A path is steps down the parse from the trigger verb, separated by ``>``: a dependency label
(``attr|oprd``: one of several; ``*``: any child; ``^``: the token's head, up instead of down),
optionally with a test on the token, ``[lower=with]`` (its lower-cased text; ``[lower=in|at]``:
one of these), ``[lemma=member]`` (its lemma), ``[lemma@alliance_nouns]`` (its lemma is in a
lexicon of ``lexicons.json``), ``[dep=attr]`` or ``[pos=VERB]`` (its dependency label or part of
speech: a test for the head a ``^`` step reaches). ``{word}`` is the role's word ("pobj:in" gives "in"). A role's
tokens are its paths' tokens in turn; ``when`` is a path that must find a token first. Paths are
checked when the table loads. The noun table (``nouns.json``) writes its paths the same way.

>>> parse_path("prep[lower=as]>pobj[lemma={word}]", "here")
(Step(dep='prep', attr='lower', op='=', value='as'), Step(dep='pobj', attr='lemma', op='=', value='{word}'))
>>> parse_path("^[dep=attr]", "here")
(Step(dep='^', attr='dep', op='=', value='attr'),)
>>> parse_path("^>prep[lower=in|at]>pobj", "here")[:2]
(Step(dep='^', attr=None, op=None, value=None), Step(dep='prep', attr='lower', op='=', value='in|at'))
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

__all__ = ["RolePaths", "Step", "parse_path", "path_tokens", "role_paths", "role_tokens"]

_FILE = "kg/data/roles.json"
_STEP = re.compile(
    r"(?P<dep>[a-z]+(?:\|[a-z]+)*|\*|\^)"
    r"(?:\[(?P<attr>lower|lemma|dep|pos)(?P<op>[=@])(?P<value>\{word\}|[\w-]+(?:\|[\w-]+)*)\])?"
)


@dataclass(frozen=True)
class Step:
    """One step of a path: a child with this dependency label (``*`` any, ``^`` the head), and, if
    given, this text or lemma."""

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
                f"{where}: bad step {part!r} in {text!r} "
                "(dep, dep[lower=x], dep[lemma=x], dep[lemma@lexicon], ^[dep=x], ^[pos=X])"
            )
        if m["op"] == "@":
            lexicon(m["value"])  # an unknown lexicon fails here
        if m["op"] == "@" and "|" in m["value"]:
            raise ValueError(f"{where}: a lexicon test names one lexicon, not {m['value']!r}")
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
    if step.dep not in ("*", "^") and tok.dep_ not in step.dep.split("|"):
        return False
    if step.attr is None or step.value is None:
        return True
    attr = step.attr
    have = tok.lower_ if attr == "lower" else tok.lemma_ if attr == "lemma" else tok.dep_ if attr == "dep" else tok.pos_
    value = word if step.value == "{word}" else step.value
    return have in lexicon(value) if step.op == "@" else have in value.split("|")


def path_tokens(start: Token, steps: tuple[Step, ...], word: str = "") -> list[Token]:
    """The tokens a path finds from ``start``, in the parse's order."""
    toks = [start]
    for step in steps:
        if step.dep == "^":
            toks = [t.head for t in toks if t.head is not t and _fits(t.head, step, word)]
        else:
            toks = [c for t in toks for c in t.children if _fits(c, step, word)]
    return toks


def role_tokens(verb: Token, role: RolePaths, word: str) -> list[Token]:
    """The tokens ``role`` (with its ``word``) finds from ``verb``."""
    if role.when and not path_tokens(verb, role.when, word):
        return []
    return [t for p in role.paths for t in path_tokens(verb, p, word)]
