"""The lead of an event as table rows (``kg/data/lead_events.json``): its span ("that lasted from 12
June to 30 July 1958"), checked when the table loads.

A ``span`` row names the broad classes of the article's subject it reads, one or more regular
expressions over the lead's first sentence, each with a ``(?P<start>…)`` and an ``(?P<end>…)``
group (``{@lexicon}`` is a lexicon of ``lexicons.json`` as an alternation), and the relations the
two dates give. The leftmost match of the row's expressions wins (the first expression on a tie);
the start takes the end's year when it names none, and a start after the end gives nothing. Each
row carries its confidence and examples (``tests/test_table_examples.py`` runs them).

>>> [r.name for r in event_rules("event-span")]
['lead-event-span']
>>> event_rules("event-span")[0].relations()
{'startTime', 'endTime'}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.dates import parse_date
from kg.extract.confidences import row_confidence
from kg.extract.lexicons import alternation
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_class, check_relation, load_json
from kg.model import Fact
from kg.ontology import group_of

__all__ = ["SpanRule", "event_relations", "event_rules", "span_facts"]

_FILE = "kg/data/lead_events.json"
_LEXICON = re.compile(r"\{@(\w+)\}")


@dataclass(frozen=True)
class SpanRule:
    """A ``span`` row: the expressions that find a start and an end date in the lead's first sentence."""

    name: str
    rule: str
    subject_class: frozenset[str]  # broad classes of the article's subject
    patterns: tuple[re.Pattern[str], ...]
    start_relation: str
    end_relation: str
    confidence: float

    def relations(self) -> set[str]:
        return {self.start_relation, self.end_relation}


def _pattern(text: Any, where: str) -> re.Pattern[str]:
    if not isinstance(text, str) or not text:
        raise ValueError(f"{where}: a pattern is a regular expression")
    try:
        pattern = re.compile(_LEXICON.sub(lambda m: f"(?:{alternation(m[1])})", text))
    except ValueError as exc:  # an unknown lexicon
        raise ValueError(f"{where}: {exc}") from None
    except re.error as exc:
        raise ValueError(f"{where}: {text!r} is no regular expression ({exc})") from None
    if not {"start", "end"} <= set(pattern.groupindex):
        raise ValueError(f"{where}: a span pattern needs a (?P<start>…) and an (?P<end>…) group")
    return pattern


def _classes(raw: Any, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where}: subject_class is a list of broad classes (Event, Person, …)")
    out = frozenset(check_class(c, where) for c in raw)
    if any(group_of(c) != c for c in out):
        raise ValueError(f"{where}: subject_class names broad classes (Event, Person, Organization, …)")
    return out


def _row(r: Any) -> SpanRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("rule") or r.get("kind") != "span":
        raise ValueError(f"{where}: a row needs a name, the rule that reads it and kind 'span'")
    if not isinstance(r.get("patterns"), list) or not r["patterns"]:
        raise ValueError(f"{where}: a span row needs patterns (regular expressions)")
    return SpanRule(
        name=r["name"],
        rule=r["rule"],
        subject_class=_classes(r.get("subject_class"), where),
        patterns=tuple(_pattern(p, where) for p in r["patterns"]),
        start_relation=check_relation(r.get("start_relation", ""), where),
        end_relation=check_relation(r.get("end_relation", ""), where),
        confidence=row_confidence(r, where),
    )


@cache
def _rules() -> tuple[SpanRule, ...]:
    return tuple(_row(r) for r in load_json("lead_events.json")["rules"])


def event_rules(rule: str) -> tuple[SpanRule, ...]:
    """The rows the registered rule ``rule`` reads, in the table's order."""
    return tuple(r for r in _rules() if r.rule == rule)


def event_relations(rule: str) -> set[str]:
    """Every relation the rows of ``rule`` may give (for the rule registry)."""
    return {rel for r in event_rules(rule) for rel in r.relations()}


def span_facts(ctx: Sentences, rule: str) -> Iterator[Fact]:
    """The start and end an event's lead gives in its first sentence, by each span row of ``rule``."""
    sents = list(ctx.doc.sents)
    if not sents:
        return
    for row in event_rules(rule):
        if group_of(ctx.subject.cls) not in row.subject_class:
            continue
        found = [m for m in (p.search(sents[0].text) for p in row.patterns) if m is not None]
        if not found:
            continue
        m = min(found, key=lambda x: x.start())  # leftmost; min keeps the first pattern on a tie
        end = parse_date(m["end"])
        if end is None:
            continue
        start = parse_date(m["start"]) or parse_date(m["start"], int(end.iso[:4]))
        if start is None or start.iso > end.iso:
            continue
        ev = ctx.evidence(sents[0], row.name, row.confidence)
        yield Fact(ctx.subject, row.start_relation, start, ev)
        yield Fact(ctx.subject, row.end_relation, end, ev)
