"""Two neighbouring mentions and the words between them (``kg/data/pairs.json``): "Jane Roe of the
University of Tesk" → employer, "Roe was a lecturer at the Tesk Institute" → employer.

A row names the classes of the first mention (its subject) and of the next one (its object), a
regular expression the text between them must match whole, and the relation; or, for a row whose
expression captures a ``word``, a word table (``role_nouns.tsv``) that gives the relation for that
word. The first row that matches a pair decides it. Rows are checked when the table loads
(relations against the ontology, classes, the expression); each carries examples that
``tests/test_table_examples.py`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_json, load_tsv
from kg.model import Fact, Mention
from kg.ontology import CLASSES, group_of

__all__ = ["PairRule", "pair_facts", "pair_relations", "pair_rules"]

_FILE = "kg/data/pairs.json"


@dataclass(frozen=True)
class PairRule:
    """One row of ``pairs.json``."""

    name: str
    subject_class: frozenset[str]
    object_class: frozenset[str]
    between: re.Pattern[str]
    relation: str | None  # None: by_word gives it
    by_word: tuple[tuple[str, str], ...]  # the captured word → relation
    same_sentence: bool
    confidence: float

    def relation_for(self, found: re.Match[str]) -> str | None:
        """The relation a match gives: the row's, or its word's."""
        return self.relation or dict(self.by_word).get(found.group("word").lower())


def _classes(raw: Any, where: str) -> frozenset[str]:
    out = frozenset(raw or [])
    if not out or not out <= set(CLASSES):
        raise ValueError(f"{where}: classes must be a list of kg/ontology.ttl classes, not {sorted(out)}")
    return out


def _word_table(name: str, where: str) -> tuple[tuple[str, str], ...]:
    return tuple((k.strip(), check_relation(v.strip(), f"kg/data/{name}")) for k, v in load_tsv(name))


def _row(r: Any) -> PairRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("between"):
        raise ValueError(f"{where}: a row needs a name, classes, between and a relation or relation_by_word")
    try:
        between = re.compile(r["between"])
    except re.error as exc:
        raise ValueError(f"{where}: between is no regular expression ({exc})") from None
    if bool(r.get("relation")) == bool(r.get("relation_by_word")):
        raise ValueError(f"{where}: give a relation or relation_by_word, one of them")
    if r.get("relation_by_word") and "word" not in between.groupindex:
        raise ValueError(f"{where}: relation_by_word needs a (?P<word>…) group in between")
    confidence = r.get("confidence")
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise ValueError(f"{where}: confidence must be a number in (0, 1]")
    return PairRule(
        name=r["name"],
        subject_class=_classes(r.get("subject_class"), where),
        object_class=_classes(r.get("object_class"), where),
        between=between,
        relation=check_relation(r["relation"], where) if r.get("relation") else None,
        by_word=_word_table(r["relation_by_word"], where) if r.get("relation_by_word") else (),
        same_sentence=bool(r.get("same_sentence")),
        confidence=float(confidence),
    )


@cache
def pair_rules() -> tuple[PairRule, ...]:
    """The pair table, checked."""
    return tuple(_row(r) for r in load_json("pairs.json")["rules"])


def pair_relations() -> set[str]:
    """Every relation the pair table may give."""
    return {rel for r in pair_rules() for rel in ([r.relation] if r.relation else dict(r.by_word).values())}


def _fits(classes: frozenset[str], m: Mention) -> bool:
    return group_of(m.cls) in classes or m.cls in classes


def pair_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from each pair of neighbouring mentions of the block: the first row that matches decides."""
    text = ctx.article.text
    for a, b in pairwise(ctx.mentions):
        for row in pair_rules():
            if not (_fits(row.subject_class, a) and _fits(row.object_class, b)):
                continue
            found = row.between.fullmatch(text[a.end : b.start])
            if found is None:
                continue
            rel = row.relation_for(found)
            span = ctx.span(a.start, a.end)
            if (
                rel is not None
                and span is not None
                and (not row.same_sentence or span.sent.end_char + ctx.block.start >= b.end)
            ):
                yield Fact(a, rel, b, ctx.evidence(span.sent, row.name, row.confidence))
            break
