"""Trigger nouns and what hangs on them (``kg/data/nouns.json``): "Its headquarters are in Quito",
"until Roe's death in Lyon in 2006", "X formed an alliance with Y, called the Z".

A row names its trigger noun (a lemma or a lexicon, with the dependency labels and parts of
speech it may have), its subject and its facts. The subject is read from the noun by a path
(``poss``: the possessor; a list of paths is read in turn) or from the verb the noun hangs on by the verb table's roles
(``nsubj|alliance-with``); each fact's object is read from the noun by a path of
``kg/extract/relations/paths.py`` (``^>prep[lower=in|at]>pobj``) or is the date of the noun's
clause. Rows are checked against the ontology when the table loads; each carries examples
(``tests/test_table_examples.py`` runs them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.extract.confidences import row_confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.paths import Step, parse_path, path_tokens
from kg.extract.relations.verbs import _args, check_roles
from kg.extract.tables import check_relation, load_json
from kg.model import Fact, Mention
from kg.ontology import CLASSES, group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NounRule", "Part", "noun_facts", "noun_relations", "noun_rules"]

_FILE = "kg/data/nouns.json"
_TAKES = ("all", "first", "first-each")


@dataclass(frozen=True)
class Part:
    """A subject or object of a row: where to read it and which mentions count.

    ``take``: ``all`` the mentions found, the ``first`` of them, or the first of each token
    (``first-each``); ``token``: read only the first token's own mention (a pronoun resolved), not
    its conjuncts and appositions; ``drop``: classes left out after taking."""

    paths: tuple[tuple[Step, ...], ...] = ()  # read in turn
    roles: tuple[str, ...] = ()  # the verb table's roles, read from the noun's head
    date: bool = False  # the date of the noun's clause
    classes: frozenset[str] = frozenset()
    drop: frozenset[str] = frozenset()
    take: str = "all"
    token: bool = False


@dataclass(frozen=True)
class NounRule:
    """One row of ``nouns.json``."""

    name: str
    lemmas: frozenset[str]
    deps: frozenset[str]
    pos: frozenset[str]
    subject: Part
    facts: tuple[tuple[str, Part], ...]  # (relation, object)
    confidence: float


def _classes(raw: Any, where: str) -> frozenset[str]:
    out = frozenset(raw or [])
    if unknown := sorted(out - set(CLASSES)):
        raise ValueError(f"{where}: unknown class(es) {', '.join(unknown)}")
    return out


def _part(raw: Any, where: str) -> Part:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: needs an object with a path, roles or date")
    ways = [k for k in ("path", "roles", "date") if raw.get(k)]
    paths = [raw["path"]] if isinstance(raw.get("path"), str) else raw.get("path") or []
    if len(ways) != 1:
        raise ValueError(f"{where}: give one of path, roles or date (got {', '.join(ways) or 'none'})")
    take = raw.get("take", "all")
    if take not in _TAKES:
        raise ValueError(f"{where}: take must be one of {', '.join(_TAKES)}")
    return Part(
        paths=tuple(parse_path(p, where) for p in paths),
        roles=check_roles(raw["roles"], where) if raw.get("roles") else (),
        date=bool(raw.get("date")),
        classes=_classes(raw.get("class"), where),
        drop=_classes(raw.get("not_class"), where),
        take=take,
        token=bool(raw.get("token")),
    )


def _row(r: Any) -> NounRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("noun") or not r.get("facts"):
        raise ValueError(f"{where}: a row needs a name, a noun, a subject and facts")
    noun = r["noun"]
    lemma = noun.get("lemma", "")
    lemmas = lexicon(lemma[1:]) if lemma.startswith("@") else frozenset({lemma})
    facts = []
    for k, f in enumerate(r["facts"]):
        check_relation(f.get("relation", ""), f"{where}, fact {k}")
        facts.append((f["relation"], _part(f, f"{where}, fact {k}")))
    return NounRule(
        name=r["name"],
        lemmas=lemmas,
        deps=frozenset(noun.get("dep", [])),
        pos=frozenset(noun.get("pos", [])),
        subject=_part(r.get("subject"), f"{where}, subject"),
        facts=tuple(facts),
        confidence=row_confidence(r, where),
    )


@cache
def noun_rules() -> tuple[NounRule, ...]:
    """The noun table, checked against the ontology and the lexicons."""
    return tuple(_row(r) for r in load_json("nouns.json")["rules"])


def noun_relations() -> set[str]:
    """Every relation the noun table may give."""
    return {rel for r in noun_rules() for rel, _ in r.facts}


def _fits(part: Part, m: Mention) -> bool:
    return not part.classes or group_of(m.cls) in part.classes or m.cls in part.classes


def _read(ctx: Sentences, noun: Token, part: Part) -> list[Mention]:
    """The mentions ``part`` reads from a trigger noun."""
    if part.roles:
        return _args(ctx, noun.head, part.roles, part.classes)
    toks = [t for path in part.paths for t in path_tokens(noun, path)]
    if part.token:
        first = ctx.mention(toks[0]) if toks else None
        found = [first] if first is not None and _fits(part, first) else []
    elif part.take == "first-each":
        found = [m for t in toks for m in [next((x for x in ctx.mentions_of(t) if _fits(part, x)), None)] if m]
    else:
        found = [m for t in toks for m in ctx.mentions_of(t) if _fits(part, m)]
    if part.take == "first":
        found = found[:1]
    return [m for m in found if m.cls not in part.drop]


def _trigger(row: NounRule, tok: Token) -> bool:
    return (not row.deps or tok.dep_ in row.deps) and (not row.pos or tok.pos_ in row.pos)


def noun_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from every trigger noun of the block, row by row of the table."""
    lemmas = [t.lemma_.casefold() for t in ctx.doc]  # once for all rows
    for row in noun_rules():
        for tok in (ctx.doc[i] for i, lemma in enumerate(lemmas) if lemma in row.lemmas):
            if not _trigger(row, tok):
                continue
            subjects = _read(ctx, tok, row.subject)
            if not subjects:
                continue
            ev = ctx.evidence(tok.sent, row.name, row.confidence)
            for relation, part in row.facts:
                if part.date:
                    d = ctx.date_in(tok)
                    yield from (Fact(s, relation, d, ev) for s in subjects if d is not None)
                    continue
                for o in _read(ctx, tok, part):
                    yield from (Fact(s, relation, o, ev) for s in subjects if s.text != o.text)
