"""Candidate facts and their features, computed while the spaCy docs of an article exist.

A candidate is a (subject, relation, object) the model may accept: every fact a rule, the
infobox mapping or the gazetteer proposes (with the rules' names and confidences), every
ordered pair of mentions in one sentence, (article subject, mention) for each sentence
that mentions something and every ordered pair of mentions at most three sentences apart
in one block (the facts a document states across sentences), each for every relation the
ontology allows between their classes (domain and range, :mod:`kg.constraints`). Features
are plain data (categorical strings and numbers) drawn only from what the build already
computes, so the extraction cache keeps them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import DateValue, Evidence, Fact, Mention, TextValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.documents.model import Article

__all__ = ["PAIR_RULE", "Candidate", "Candidates", "allowed_relations", "candidates", "feature_fingerprint"]

PAIR_RULE = "pair"  # the "rule" of a candidate no rule proposed: two mentions in one sentence
MAX_PAIR_CHARS = 400  # mentions farther apart than this within one sentence are no pair
MAX_SENT_MENTIONS = 12  # a sentence listing more names pairs only its first ones (linear work)
MAX_SENT_DATES = 4  # dates of one sentence that pair
MAX_SENT_GAP = 3  # mentions of one block this many sentences apart still pair (document-level facts)
_ANY = frozenset({"Entity"})  # "followed by", "named after": any two things; only rules propose them


@dataclass(frozen=True, order=True)
class Candidate:
    """An ordered pair of ends the model may connect, where it stands and what is known about it.

    ``relations`` are the relations it may be, each with the (rule name, confidence) of every
    rule that proposed it (none for a relation only the ontology allows) and its qualifiers;
    ``evidence`` indexes :attr:`Candidates.evidence`; ``cats`` and ``nums`` are the features
    the relations share (the relation's own are added when it is scored).
    """

    subject: Mention
    object: Mention | DateValue | TextValue
    evidence: int
    relations: tuple[tuple[str, tuple[tuple[str, float], ...], tuple[tuple[str, str], ...]], ...]
    cats: tuple[tuple[str, str], ...]
    nums: tuple[tuple[str, float], ...]


@dataclass(frozen=True, order=True)
class Candidates:
    """An article's candidates and the sentences (evidence) they point at, each stored once."""

    evidence: tuple[Evidence, ...] = ()
    items: tuple[Candidate, ...] = ()


@cache
def feature_fingerprint() -> str:
    """Hash of the feature code (this package's feature modules): an artefact trained on other
    features does not fit."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("candidates.py", "features.py"):
        h.update(name.encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


@cache
def _object_relations() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    from kg.constraints import constraints
    from kg.ontology import RELATIONS

    return tuple(
        (name, c.domain, c.range)
        for name, c in sorted(constraints().items())
        if not c.literal and RELATIONS[name].wikidata is not None and (c.domain, c.range) != (_ANY, _ANY)
    )


@cache
def _date_relations() -> tuple[tuple[str, frozenset[str]], ...]:
    from kg.constraints import constraints
    from kg.ontology import RELATIONS

    return tuple(
        (name, c.domain)
        for name, c in sorted(constraints().items())
        if c.literal and "date" in c.range and RELATIONS[name].wikidata is not None
    )


@cache
def allowed_date_relations(s_cls: str) -> tuple[str, ...]:
    """Date-valued relations (with a Wikidata property) whose domain admits ``s_cls``.

    >>> "birthDate" in allowed_date_relations("Person"), "birthDate" in allowed_date_relations("City")
    (True, False)
    """
    from kg.constraints import fits

    return tuple(r for r, dom in _date_relations() if fits(s_cls, dom))


@cache
def allowed_relations(s_cls: str, o_cls: str) -> tuple[str, ...]:
    """Object relations (with a Wikidata property, not between any two things) whose domain
    admits ``s_cls`` and range ``o_cls``.

    >>> "birthPlace" in allowed_relations("Person", "City"), "birthPlace" in allowed_relations("City", "Person")
    (True, False)
    """
    from kg.constraints import fits

    return tuple(r for r, dom, rng in _object_relations() if fits(s_cls, dom) and fits(o_cls, rng))


def candidates(
    article: Article,
    docs: Sequence[Doc],
    per_block: Sequence[Sequence[Mention]],
    subject: Mention,
    facts: Sequence[Fact],
) -> Candidates:
    """Every candidate of one article, in a fixed order (the rules' facts first, then pairs)."""
    from kg.resolve import name_key
    from kg.score.features import Context, pair_features

    ctx = Context.of(article, docs, per_block, subject, name_key)
    evidence: dict[Evidence, int] = {}
    pairs: dict[tuple[object, object], tuple[Mention, Mention | DateValue | TextValue, Evidence]] = {}
    rels: dict[tuple[object, object], dict[str, tuple[list[tuple[str, float]], tuple[tuple[str, str], ...]]]] = {}
    for f in facts:
        key = (_end_key(f.subject, name_key), _end_key(f.object, name_key))
        if key not in pairs or f.evidence.confidence > pairs[key][2].confidence:
            pairs[key] = (
                (pairs[key][0], pairs[key][1], f.evidence) if key in pairs else (f.subject, f.object, f.evidence)
            )
        entry = rels.setdefault(key, {}).setdefault(f.relation, ([], f.qualifiers))
        entry[0].append((f.evidence.extractor, f.evidence.confidence))
    for s, o, ev in _pairs(article, docs, per_block, subject):
        key = (_end_key(s, name_key), _end_key(o, name_key))
        if key[0] == key[1]:
            continue
        allowed = allowed_date_relations(s.cls) if isinstance(o, DateValue) else allowed_relations(s.cls, o.cls)
        if not allowed and key not in pairs:
            continue
        if key not in pairs:
            pairs[key] = (s, o, ev)
        for rel in allowed:
            rels.setdefault(key, {}).setdefault(rel, ([], ()))
    out = []
    for key, (subj, obj, best) in pairs.items():
        idx = evidence.setdefault(best, len(evidence))
        cats, nums = pair_features(ctx, subj, obj, best)
        relations = tuple((rel, tuple(sorted(set(rules))), quals) for rel, (rules, quals) in sorted(rels[key].items()))
        out.append(Candidate(subj, obj, idx, relations, cats, nums))
    return Candidates(tuple(evidence), tuple(out))


def _end_key(node: Mention | DateValue | TextValue, name_key: object) -> object:
    if isinstance(node, Mention):
        return ("m", name_key(node.text))  # type: ignore[operator]
    return node


def _pairs(
    article: Article, docs: Sequence[Doc], per_block: Sequence[Sequence[Mention]], subject: Mention
) -> list[tuple[Mention, Mention | DateValue, Evidence]]:
    """Ordered pairs of mentions of one sentence, and (subject, mention) per sentence; then the
    pairs of mentions in nearby sentences of one block (at most :data:`MAX_SENT_GAP` apart,
    nearest first), their evidence the passage from the first sentence to the last."""
    from kg.dates import parse_date

    out: list[tuple[Mention, Mention | DateValue, Evidence]] = []
    near: list[list[tuple[Mention, Mention | DateValue, Evidence]]] = [[] for _ in range(MAX_SENT_GAP)]
    for block, doc, ms in zip(article.blocks, docs, per_block, strict=True):
        if not ms:
            continue
        by_sent: dict[int, list[Mention]] = {}
        sents: dict[int, Span] = {}
        for m in ms:
            tok = _token_at(doc, m.start - block.start)
            if tok is None:
                continue
            sent = tok.sent
            by_sent.setdefault(sent.start, []).append(m)
            sents[sent.start] = sent
        dates: dict[int, list[DateValue]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE" and len(dates.get(ent.sent.start, ())) < MAX_SENT_DATES:
                value = parse_date(ent.text)
                if value is not None:
                    dates.setdefault(ent.sent.start, []).append(value)
                    sents.setdefault(ent.sent.start, ent.sent)
        order = sorted(by_sent)
        index = {s.start: n for n, s in enumerate(doc.sents)}
        for k in sorted({*by_sent, *dates}):
            sent = sents[k]
            start = block.start + sent.start_char
            text = sent.text.rstrip()
            ev = Evidence(article.stem, block.section_title, text, start, start + len(text), PAIR_RULE, 0.0)
            group = by_sent.get(k, [])[:MAX_SENT_MENTIONS]
            for d in dates.get(k, ()):  # a date: of the subject, or of a name in its sentence
                out.append((subject, d, ev))
                out.extend((a, d, ev) for a in group if not a.subject)
            for a in group:
                if not a.subject:
                    out.append((subject, a, ev))
                for b in group:
                    if a is not b and a.text != b.text and abs(a.start - b.start) <= MAX_PAIR_CHARS:
                        out.append((a, b, ev))
        for x, kx in enumerate(order):
            for ky in order[x + 1 :]:
                gap = index.get(ky, 0) - index.get(kx, 0)
                if not 0 < gap <= MAX_SENT_GAP:
                    break
                first, last = sents[kx], sents[ky]
                start = block.start + first.start_char
                text = doc.text[first.start_char : last.end_char].rstrip()
                ev = Evidence(article.stem, block.section_title, text, start, start + len(text), PAIR_RULE, 0.0)
                for a in by_sent[kx][:MAX_SENT_MENTIONS]:
                    for b in by_sent[ky][:MAX_SENT_MENTIONS]:
                        if a.text != b.text and not a.subject and not b.subject:
                            near[gap - 1].extend(((a, b, ev), (b, a, ev)))
    return out + [p for ps in near for p in ps]


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
