"""Two neighbouring mentions and the words between them (``kg/data/pairs.json``): "Jane Roe of the
University of Tesk" → employer, "Roe was a lecturer at the Tesk Institute" → employer.

A row names the classes of the first mention (its subject) and of the next one (its object), a
regular expression the text between them must match whole, and the relation; or, for a row whose
expression captures a ``word``, a word table (``role_nouns.tsv``) that gives the relation for that
word. A row may read its object where the text after the first mention matches ``between``
(``object_after_match``: "the Civic Party (PC) of Ana Roe", where "PC" is a mention too), may
take a list of objects (``more``: the text between one and the next, "… of Ana Roe and Luis
Vidal") and may count an object by its name's shape (``object_by_shape``: a name NER typed
otherwise that reads as a person's is that person). The first row that matches a pair
decides it. Rows are checked when the table loads
(relations against the ontology, classes, the expression); each carries examples that
``tests/test_table_examples.py`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Any

from kg.extract.confidences import row_confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, keyword_class, load_json, load_tsv
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
    more: re.Pattern[str] | None = None  # between one object of a list and the next
    by_shape: bool = False  # a name that reads as a person's counts as a Person object
    after_match: bool = False  # the object starts where between's match ends (mentions inside it passed over)

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


def _pattern(r: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    if r.get(key) is None:
        return None
    try:
        return re.compile(r[key])
    except (re.error, TypeError) as exc:
        raise ValueError(f"{where}: {key} is no regular expression ({exc})") from None


def _flag(r: dict[str, Any], key: str, where: str) -> bool:
    v = r.get(key, False)
    if not isinstance(v, bool):
        raise ValueError(f"{where}: {key} is true or false")
    return v


def _row(r: Any) -> PairRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("between"):
        raise ValueError(f"{where}: a row needs a name, classes, between and a relation or relation_by_word")
    between = _pattern(r, "between", where)
    assert between is not None
    if bool(r.get("relation")) == bool(r.get("relation_by_word")):
        raise ValueError(f"{where}: give a relation or relation_by_word, one of them")
    if r.get("relation_by_word") and "word" not in between.groupindex:
        raise ValueError(f"{where}: relation_by_word needs a (?P<word>…) group in between")
    by_shape = _flag(r, "object_by_shape", where)
    if by_shape and r.get("object_class") != ["Person"]:
        raise ValueError(f"{where}: object_by_shape is true only with object_class [\"Person\"]")
    return PairRule(
        name=r["name"],
        subject_class=_classes(r.get("subject_class"), where),
        object_class=_classes(r.get("object_class"), where),
        between=between,
        relation=check_relation(r["relation"], where) if r.get("relation") else None,
        by_word=_word_table(r["relation_by_word"], where) if r.get("relation_by_word") else (),
        same_sentence=bool(r.get("same_sentence")),
        confidence=row_confidence(r, where),
        more=_pattern(r, "more", where),
        by_shape=by_shape,
        after_match=_flag(r, "object_after_match", where),
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


_PARTICLES = lexicon("short_name_particles")


def _reads_as_person(m: Mention) -> bool:
    """A person's mention, or a name NER typed as something else that reads as a person's: two to
    five capitalised words (particles allowed), no keyword of an organisation or place."""
    words = m.text.split()
    if group_of(m.cls) == "Person":
        return True
    if group_of(m.cls) == "Place" or not 2 <= len(words) <= 5 or keyword_class(m.text) is not None:
        return False
    return words[0][:1].isupper() and words[-1][:1].isupper() and all(w[:1].isupper() or w in _PARTICLES for w in words)


def _object_fits(row: PairRule, m: Mention) -> bool:
    return _reads_as_person(m) if row.by_shape else _fits(row.object_class, m)


def _typed(row: PairRule, m: Mention) -> Mention:
    """The object as the row reads it: a name counted by its shape becomes a Person."""
    return replace(m, cls="Person", source="context") if row.by_shape and group_of(m.cls) != "Person" else m


def pair_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from each pair of neighbouring mentions of the block (and the list that continues the
    pair, for a row with ``more``): the first row that matches decides."""
    text = ctx.article.text
    starts = {m.start: m for m in ctx.mentions}
    for a, following in pairwise(ctx.mentions):
        for row in pair_rules():
            b: Mention | None = following
            if row.after_match:
                found = row.between.match(text, a.end)
                b = starts.get(found.end()) if found else None
            if b is None or not (_fits(row.subject_class, a) and _object_fits(row, b)):
                continue
            if not row.after_match:
                found = row.between.fullmatch(text[a.end : b.start])
            if found is None:
                continue
            rel = row.relation_for(found)
            span = ctx.span(a.start, a.end)
            if rel is not None and span is not None:
                end = span.sent.end_char + ctx.block.start
                obj: Mention | None = b
                while obj is not None and (not row.same_sentence or end >= obj.end) and _object_fits(row, obj):
                    yield Fact(a, rel, _typed(row, obj), ctx.evidence(span.sent, row.name, row.confidence))
                    more = row.more.match(text, obj.end) if row.more else None
                    obj = starts.get(more.end()) if more else None
            break
