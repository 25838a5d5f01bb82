"""The lead of an event as table rows (``kg/data/lead_events.json``): its span ("that lasted from 12
June to 30 July 1958"), the event it is part of ("during the Mau Mau uprising"), the country it
happened in, when and where it began and ended, who led it; checked when the table loads.

A ``span`` row names the broad classes of the article's subject it reads, one or more regular
expressions over the lead's first sentence, each with a ``(?P<start>…)`` and an ``(?P<end>…)``
group (``{@lexicon}`` is a lexicon of ``lexicons.json`` as an alternation), and the relations the
two dates give. The leftmost match of the row's expressions wins (the first expression on a tie);
the start takes the end's year when it names none, and a start after the end gives nothing. Each
row carries its confidence and examples (``tests/test_table_examples.py`` runs them).

A ``token`` row names a trigger token of the lead block (its lower-cased text or lemma, either a
word list or ``@lexicon``; its dependency labels and parts of speech; ``when``: paths of
``paths.py`` of which one must find a token, ``^[lemma=be]``; ``guard``: one of the tests of
the sentence that are code, ``GUARDS``) and its facts, each about the article's subject: an
object read down a path from the trigger (its mentions of the ``class``es, ``first_mention``:
only each token's first mention; ``not_class``; ``not_last_word``: a lexicon the name's last word
is not in) or a ``date`` (the first of the path's tokens whose clause names one); a relation, or
``relation_by_lemma`` (``@lexicon`` → relation). A fact whose object has the subject's name is
not given.

>>> [r.name for r in event_rules("event-span")]
['lead-event-span']
>>> sorted(event_rules("event-span")[0].relations())
['endTime', 'startTime']
>>> [r.name for r in event_rules("event-lead")][:2]
['lead-during', 'lead-event-in']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.dates import parse_date
from kg.extract.confidences import row_confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.paths import Step, parse_path, path_tokens
from kg.extract.relations.verbs import _arg_tokens
from kg.extract.tables import check_class, check_relation, load_json
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["GUARDS", "SpanRule", "TokenRule", "event_relations", "event_rules", "span_facts", "token_facts"]

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


@dataclass(frozen=True)
class Part:
    """A fact of a ``token`` row: its relation (or one per lexicon of the trigger's lemma) and
    where its object is read from the trigger."""

    relation: str | None
    by_lemma: tuple[tuple[frozenset[str], str], ...]
    path: tuple[Step, ...]
    date: bool
    classes: frozenset[str]
    drop: frozenset[str]
    first_mention: bool
    not_last_word: frozenset[str]

    def relation_for(self, lemma: str) -> str | None:
        return next((rel for words, rel in self.by_lemma if lemma in words), self.relation)


@dataclass(frozen=True)
class TokenRule:
    """A ``token`` row: a trigger token of the lead block and the facts about the article's subject."""

    name: str
    rule: str
    subject_class: frozenset[str]
    lower: frozenset[str]
    lemma: frozenset[str]
    deps: frozenset[str]
    pos: frozenset[str]
    when: tuple[tuple[Step, ...], ...]
    guard: str | None
    facts: tuple[Part, ...]
    confidence: float

    def relations(self) -> set[str]:
        return {r for p in self.facts for r in [p.relation, *(rel for _, rel in p.by_lemma)] if r}

    def fires(self, ctx: Sentences, tok: Token) -> bool:
        return (
            (not self.lower or tok.lower_ in self.lower)
            and (not self.lemma or tok.lemma_ in self.lemma)
            and (not self.deps or tok.dep_ in self.deps)
            and (not self.pos or tok.pos_ in self.pos)
            and (not self.when or any(path_tokens(tok, p) for p in self.when))
            and (self.guard is None or GUARDS[self.guard](ctx, tok))
        )


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


def _words(raw: Any, where: str) -> frozenset[str]:
    """A trigger's word list: words, or ``@lexicon`` for a lexicon's."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise ValueError(f"{where}: a word list is a list of words or @lexicon names")
    try:
        return frozenset().union(*(lexicon(w[1:]) if w.startswith("@") else {w} for w in raw))
    except ValueError as exc:  # an unknown lexicon
        raise ValueError(f"{where}: {exc}") from None


def _part(f: Any, where: str) -> Part:
    if not isinstance(f, dict) or bool(f.get("relation")) == bool(f.get("relation_by_lemma")):
        raise ValueError(f"{where}: a fact gives a relation or relation_by_lemma, one of them")
    path = f.get("path") or f.get("date")
    if bool(f.get("path")) == bool(f.get("date")) or not isinstance(path, str):
        raise ValueError(f"{where}: a fact reads a path or a date (a path), one of them")
    by_lemma = tuple(
        (_words([k], where), check_relation(v, where)) for k, v in (f.get("relation_by_lemma") or {}).items()
    )
    last = f.get("not_last_word")
    return Part(
        relation=check_relation(f["relation"], where) if f.get("relation") else None,
        by_lemma=by_lemma,
        path=parse_path(path, where),
        date=bool(f.get("date")),
        classes=frozenset(check_class(c, where) for c in f.get("class", [])),
        drop=frozenset(check_class(c, where) for c in f.get("not_class", [])),
        first_mention=f.get("first_mention", False) is True,
        not_last_word=_words([f"@{last}"], where) if last else frozenset(),
    )


def _token_row(r: dict[str, Any], where: str) -> TokenRule:
    trigger = r.get("trigger")
    if not isinstance(trigger, dict) or not isinstance(r.get("facts"), list) or not r["facts"]:
        raise ValueError(f"{where}: a token row needs a trigger and facts")
    if trigger.get("guard") is not None and trigger["guard"] not in GUARDS:
        raise ValueError(f"{where}: guard must be one of {', '.join(sorted(GUARDS))}")
    return TokenRule(
        name=r["name"],
        rule=r["rule"],
        subject_class=_classes(r.get("subject_class"), where),
        lower=_words(trigger.get("lower"), where),
        lemma=_words(trigger.get("lemma"), where),
        deps=frozenset(trigger.get("dep", [])),
        pos=frozenset(trigger.get("pos", [])),
        when=tuple(parse_path(p, where) for p in trigger.get("when", [])),
        guard=trigger.get("guard"),
        facts=tuple(_part(f, f"{where}, fact {k}") for k, f in enumerate(r["facts"])),
        confidence=row_confidence(r, where),
    )


def _row(r: Any) -> SpanRule | TokenRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not r.get("rule") or r.get("kind") not in ("span", "token"):
        raise ValueError(f"{where}: a row needs a name, the rule that reads it and kind 'span' or 'token'")
    if r["kind"] == "token":
        return _token_row(r, where)
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
def _rules() -> tuple[SpanRule | TokenRule, ...]:
    return tuple(_row(r) for r in load_json("lead_events.json")["rules"])


def event_rules(rule: str) -> tuple[SpanRule | TokenRule, ...]:
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
        if not isinstance(row, SpanRule) or group_of(ctx.subject.cls) not in row.subject_class:
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


def _objects(ctx: Sentences, trigger: Token, part: Part) -> list[Mention]:
    out = []
    for tok in path_tokens(trigger, part.path):
        found = ctx.mentions_of(tok)
        for m in found[:1] if part.first_mention else found:
            if part.classes and group_of(m.cls) not in part.classes and m.cls not in part.classes:
                continue
            if m.cls in part.drop or m.text.rsplit(None, 1)[-1].casefold() in part.not_last_word:
                continue
            out.append(m)
    return out


def token_facts(ctx: Sentences, rule: str) -> Iterator[Fact]:
    """The facts each ``token`` row of ``rule`` gives the article's subject, token by token of the block."""
    rows = [r for r in event_rules(rule) if isinstance(r, TokenRule) and group_of(ctx.subject.cls) in r.subject_class]
    if not rows:
        return
    for sent in ctx.doc.sents:
        for tok in sent:
            for row in rows:
                if not row.fires(ctx, tok):
                    continue
                ev = ctx.evidence(sent, row.name, row.confidence)
                for part in row.facts:
                    rel = part.relation_for(tok.lemma_)
                    if rel is None:
                        continue
                    if part.date:
                        date = next((d for p in path_tokens(tok, part.path) if (d := ctx.date_in(p)) is not None), None)
                        if date is not None:
                            yield Fact(ctx.subject, rel, date, ev)
                        continue
                    for m in _objects(ctx, tok, part):
                        if m.text != ctx.subject.text:
                            yield Fact(ctx.subject, rel, m, ev)


# The two tests of a trigger's sentence that no path can say: each climbs or recurses a number of
# steps the parse decides. A row names one by its key.


def _is_subject(ctx: Sentences, verb: Token) -> bool:
    """The verb's subject (or, for "… and ended on …", the first verb's) is "it" or the article's subject."""
    subjects = _arg_tokens(verb, "nsubj") + _arg_tokens(verb, "nsubjpass")
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl" and all(t.tag_ == "WDT" for t in subjects):
        return _is_subject(ctx, verb.head)  # "a strike that began on … and ended on …"
    return any(
        t.lower_ == "it" or _lead_subject(t) or any(m.text == ctx.subject.text for m in ctx.mentions_of(t))
        for t in subjects[:1]
    )


def _in_lead_predicate(ctx: Sentences, prep: Token) -> bool:
    """The preposition hangs in the first sentence's predicate noun phrase ("was a strike of workers
    in …"), not in a clause of its own inside it ("… that began in …")."""
    tok = prep.head
    while tok.dep_ not in ("attr", "ROOT") and tok.dep_ not in ("relcl", "acl", "advcl", "ccomp"):
        tok = tok.head
    return tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.sent.start == 0


def _lead_subject(tok: Token) -> bool:
    """The subject of the lead's first copula ("The X strike of 1959 was a general strike …"), which
    is the article's subject even where NER made no mention of it; "a general strike … that began"
    stands for it too."""
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        tok = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), tok)
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be" and tok.sent.start == 0


def _own_kind(ctx: Sentences, verb: Token) -> bool:
    """The verb's passive subject is an event of the article's own kind, its noun a word of the
    article's name ("General elections were held …" in "1994 Valdoran general election"), not
    another event the lead goes on to ("Democratic elections were held in 1989" in a referendum's)."""
    own = {w.casefold().rstrip("s") for w in re.findall(r"[A-Za-z]+", ctx.subject.text)}
    subjects = _arg_tokens(verb, "nsubjpass")
    return any(t.lemma_.casefold().rstrip("s") in own or t.lower_.rstrip("s") in own for t in subjects[:1])


GUARDS: dict[str, Callable[[Sentences, Token], bool]] = {
    "article-subject": _is_subject,  # the trigger verb's subject is the article's subject or "it"
    "own-kind": _own_kind,  # the passive subject's noun is a word of the article's name
    "in-lead-predicate": _in_lead_predicate,  # the trigger hangs in the lead's predicate noun phrase
}
