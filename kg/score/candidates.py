"""Candidate facts and their features, computed while the spaCy docs of an article exist.

A candidate is a (subject, relation, object) the model may accept: every fact a rule, the
infobox mapping or the gazetteer proposes (with the rules' names and confidences), every
ordered pair of mentions in one sentence and (article subject, mention) for each sentence
that mentions something, each for every relation the ontology allows between their classes
(domain and range, :mod:`kg.constraints`). Features are plain data (categorical strings and
numbers) drawn only from what the build already computes, so the extraction cache keeps them.
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
    from kg.score.features import Context

__all__ = ["PAIR_RULE", "Candidate", "Candidates", "allowed_relations", "candidates", "feature_fingerprint"]

PAIR_RULE = "pair"  # the "rule" of a candidate no rule proposed: two mentions in one sentence
MAX_PAIR_CHARS = 400  # mentions farther apart than this within one sentence are no pair
MAX_SENT_MENTIONS = 12  # a sentence listing more names pairs only its first ones (linear work)
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
    for s, o, ev in _pairs(ctx, subject):
        key = (_end_key(s, name_key), _end_key(o, name_key))
        if key[0] == key[1]:
            continue
        allowed = allowed_relations(s.cls, o.cls)
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


def _pairs(ctx: Context, subject: Mention) -> list[tuple[Mention, Mention, Evidence]]:
    """Ordered pairs of mentions of one sentence, and (subject, mention) per sentence."""
    out: list[tuple[Mention, Mention, Evidence]] = []
    article = ctx.article
    for i, (block, doc, ms) in enumerate(zip(article.blocks, ctx.docs, ctx.per_block, strict=True)):
        if not ms:
            continue
        by_sent: dict[int, list[Mention]] = {}
        sents: dict[int, Span] = {}
        for m in ms:
            tok = _token_at(doc, m.start - block.start)
            if tok is None:
                continue
            sent = ctx.sentence_of(i, tok)[1]
            by_sent.setdefault(sent.start, []).append(m)
            sents[sent.start] = sent
        for k, group in by_sent.items():
            sent = sents[k]
            start = block.start + sent.start_char
            text = sent.text.rstrip()
            ev = Evidence(article.stem, block.section_title, text, start, start + len(text), PAIR_RULE, 0.0)
            group = group[:MAX_SENT_MENTIONS]
            for a in group:
                if not a.subject:
                    out.append((subject, a, ev))
                for b in group:
                    if a is not b and a.text != b.text and abs(a.start - b.start) <= MAX_PAIR_CHARS:
                        out.append((a, b, ev))
    return out


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
