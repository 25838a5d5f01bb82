"""Features of one candidate, from the article's spaCy docs, its mentions and the gazetteer.

Categorical features are short strings (the model maps each to a category code learned in
training, an unseen one to "missing"); numeric features are floats. Nothing here loads a
model or reads anything the build does not already hold.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.model import DateValue, Evidence, Mention, TextValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.documents.model import Article

__all__ = ["CATEGORICAL", "NUMERIC", "Context", "pair_features", "relation_features", "rule_name"]

CATEGORICAL = (
    "rel", "s_cls", "o_cls", "s_src", "o_src", "s_ner", "o_ner", "rule", "rule2", "rule_family", "section",
    "path", "path_labels", "trigger", "s_trigger", "between", "first_between",
)  # fmt: skip
NUMERIC = (
    "n_rules", "max_conf", "sum_conf", "path_len", "tok_dist", "sent_dist", "s_first", "s_is_subject",
    "o_is_subject", "s_count", "o_count", "same_country", "o_contains_s", "s_contains_o", "lead",
    "box", "sent_mentions", "sent_index", "block_index", "s_in_sent", "o_in_sent", "o_cls_keys", "o_cls_rank",
    "s_cls_keys", "doc_box", "doc_blocks",
)  # fmt: skip
_MAX_PATH = 6
_MAX_BETWEEN = 3


@dataclass
class Context:
    """What the features of one article's candidates look up."""

    article: Article
    docs: Sequence[Doc]
    per_block: Sequence[Sequence[Mention]]
    starts: list[int]
    counts: Counter[str]
    key: Callable[[str], str]
    subject_keys: frozenset[str]
    ranks: dict[str, tuple[int, int]]  # name key → (rank among its class's names by first mention, of how many)
    _sents: dict[int, tuple[list[int], list[Span], dict[int, int]]]

    @classmethod
    def of(
        cls,
        article: Article,
        docs: Sequence[Doc],
        per_block: Sequence[Sequence[Mention]],
        subject: Mention,
        key: Callable[[str], str],
    ) -> Context:
        counts = Counter(key(m.text) for ms in per_block for m in ms)
        subj = {key(subject.text)} | {key(m.text) for ms in per_block for m in ms if m.subject}
        by_cls: dict[str, list[str]] = {}
        seen: set[str] = set()
        for ms in per_block:
            for m in ms:
                k = key(m.text)
                if k not in seen:
                    seen.add(k)
                    by_cls.setdefault(m.cls, []).append(k)
        ranks = {k: (n, len(ks)) for ks in by_cls.values() for n, k in enumerate(ks, 1)}
        starts = [b.start for b in article.blocks]
        return cls(article, docs, per_block, starts, counts, key, frozenset(subj), ranks, {})

    def _sentences(self, i: int) -> tuple[list[int], list[Span], dict[int, int]]:
        found = self._sents.get(i)
        if found is None:
            spans = list(self.docs[i].sents)
            found = self._sents[i] = ([x.start for x in spans], spans, {x.start: n for n, x in enumerate(spans)})
        return found

    def sentence_index(self, i: int) -> dict[int, int]:
        """Block ``i``'s sentences: the token where each starts → its number (computed once)."""
        return self._sentences(i)[2]

    def sentence_of(self, i: int, token: Token) -> tuple[int, Span]:
        """The number in block ``i``'s doc and the span of ``token``'s sentence (``token.sent``),
        by bisection over the doc's sentence starts, found once per doc (``token.sent`` walks
        the sentence on every call, for every candidate)."""
        starts, spans, _ = self._sentences(i)
        k = bisect.bisect_right(starts, token.i) - 1
        return k, spans[k]

    def block_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset > self.article.blocks[i].end:
            return None
        return i


def _cls(node: Mention | DateValue | TextValue) -> str:
    if isinstance(node, Mention):
        return node.cls
    return "date" if isinstance(node, DateValue) else "text"


def _tok(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _find(ctx: Context, i: int, sent: Span, node: Mention | DateValue | TextValue, is_subject: bool) -> Token | None:
    """The token of ``node`` in the sentence: its own span, or a mention of it there."""
    base = ctx.article.blocks[i].start
    a, b = base + sent.start_char, base + sent.end_char
    if isinstance(node, Mention):
        if a <= node.start and node.end <= b and node.article == ctx.article.stem:
            return _tok(ctx.docs[i], node.start - base, node.end - base)
        k = ctx.key(node.text)
        for m in ctx.per_block[i]:
            if a <= m.start < b and (ctx.key(m.text) == k or (is_subject and m.subject)):
                return _tok(ctx.docs[i], m.start - base, m.end - base)
        return None
    if isinstance(node, DateValue):
        for t in sent:
            if t.ent_type_ == "DATE" and node.iso[:4] in t.text:
                return t
    return None


def _path(a: Token, b: Token) -> tuple[str, str, str, int]:
    """Dependency path a → b: lemmas and labels, labels only, the lowest common head's lemma, length."""
    up = [a, *a.ancestors]
    idx = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    node = b
    while node.i not in idx:
        down.append(node)
        if node.head.i == node.i:
            return "none", "none", "none", 99
        node = node.head
    top = node
    ups = up[: idx[top.i]]
    parts = [f"{t.dep_}^" for t in ups] + [top.lemma_.lower()] + [f"v{t.dep_}" for t in reversed(down)]
    labels = [f"{t.dep_}^" for t in ups] + [top.pos_] + [f"v{t.dep_}" for t in reversed(down)]
    n = len(ups) + len(down)
    if n > _MAX_PATH:
        return "long", "long", top.lemma_.lower(), n
    return " ".join(parts), " ".join(labels), top.lemma_.lower(), n


@cache
def rule_name(extractor: str) -> str:
    """A rule's name as the ``rule`` feature reads it: the extractor the registry gives
    (``phrase:influencedBy``, ``verb:<table row>``, ``lead-location``), an infobox key
    normalised as the key table matches it (``infobox:Term Start2`` → ``infobox:termstart``).

    >>> rule_name("infobox:Term_Start2"), rule_name("phrase:influencedBy")
    ('infobox:termstart', 'phrase:influencedby')
    """
    family, _, rest = extractor.partition(":")
    if family == "infobox" and rest:
        from kg.extract.infobox_table import split_key

        return f"infobox:{split_key(rest)[0]}"
    return extractor.casefold()


def relation_features(rel: str, rules: tuple[tuple[str, float], ...]) -> tuple[dict[str, str], dict[str, float]]:
    """The features of one relation of a candidate: the relation, and the rules that proposed it
    (the first rule by its name, :func:`rule_name`, and by its family, the back-off for a rule
    too rare to have a category of its own; the second by its family)."""
    ranked = sorted(rules, key=lambda r: (-r[1], r[0]))
    confs = [c for _, c in rules]
    cats = {
        "rel": rel,
        "rule": rule_name(ranked[0][0]) if ranked else "none",
        "rule2": ranked[1][0].split(":")[0] if len(ranked) > 1 else "none",
        "rule_family": ranked[0][0].split(":")[0] if ranked else "none",
    }
    nums = {"n_rules": float(len(rules)), "max_conf": max(confs, default=0.0), "sum_conf": sum(confs)}
    return cats, nums


def pair_features(
    ctx: Context, s: Mention, o: Mention | DateValue | TextValue, ev: Evidence
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, float], ...]]:
    """The categorical and numeric features an ordered pair's relations share."""
    from kg.gazetteer import gazetteer

    cats: dict[str, str] = {
        "s_cls": s.cls,
        "o_cls": _cls(o),
        "s_src": s.source,
        "o_src": o.source if isinstance(o, Mention) else "value",
        "section": ev.section if ev.section in ("Lead", "Infobox", "See also", "Gazetteer") else "body",
    }
    s_is = s.subject or ctx.key(s.text) in ctx.subject_keys
    o_is = isinstance(o, Mention) and (o.subject or ctx.key(o.text) in ctx.subject_keys)
    nums: dict[str, float] = {
        "s_is_subject": float(s_is),
        "o_is_subject": float(o_is),
        "s_count": ctx.counts.get(ctx.key(s.text), 0),
        "o_count": ctx.counts.get(ctx.key(o.text), 0) if isinstance(o, Mention) else 0,
        "lead": float(ev.section == "Lead"),
        "box": float(ev.section == "Infobox" or "infobox" in ev.extractor),
        "doc_box": float(bool(ctx.article.infobox)),
        "doc_blocks": float(len(ctx.article.blocks)),
    }
    if isinstance(o, Mention) and ctx.key(o.text) in ctx.ranks:
        nums["o_cls_rank"], nums["o_cls_keys"] = ctx.ranks[ctx.key(o.text)]
    if ctx.key(s.text) in ctx.ranks:
        nums["s_cls_keys"] = ctx.ranks[ctx.key(s.text)][1]
    if isinstance(o, Mention):
        gaz = gazetteer()
        ps, po = gaz.lookup(s.text), gaz.lookup(o.text)
        if ps is not None and po is not None:
            nums["same_country"] = float(ps.country == po.country and ps.country is not None)
            nums["o_contains_s"] = float(po.kind == "country" and ps.country == po.country and ps is not po)
            nums["s_contains_o"] = float(ps.kind == "country" and po.country == ps.country and ps is not po)
    i = ctx.block_of(ev.start)
    if i is not None and ctx.docs[i] is not None and len(ctx.docs[i]):
        _sentence_features(ctx, i, s, o, ev, (s_is, o_is), cats, nums)
    return tuple(sorted(cats.items())), tuple(sorted((k, float(v)) for k, v in nums.items()))


def _sentence_features(
    ctx: Context,
    i: int,
    s: Mention,
    o: Mention | DateValue | TextValue,
    ev: Evidence,
    is_subject: tuple[bool, bool],
    cats: dict[str, str],
    nums: dict[str, float],
) -> None:
    doc = ctx.docs[i]
    base = ctx.article.blocks[i].start
    first = _tok(doc, ev.start - base, min(ev.start - base + 1, len(doc.text)))
    if first is None:
        return
    last = _tok(doc, max(ev.start, ev.end - 1) - base, ev.end - base) or first
    _, sent = ctx.sentence_of(i, first)
    span = doc[sent.start : max(sent.end, ctx.sentence_of(i, last)[1].end)]  # the sentence, or a cross pair's passage
    index = ctx.sentence_index(i)
    nums["block_index"] = i
    nums["sent_index"] = index.get(sent.start, 0)
    a0, b0 = base + span.start_char, base + span.end_char
    nums["sent_mentions"] = sum(1 for m in ctx.per_block[i] if a0 <= m.start < b0)
    ts = _find(ctx, i, span, s, is_subject[0])
    to = _find(ctx, i, span, o, is_subject[1])
    nums["s_in_sent"] = float(ts is not None)
    nums["o_in_sent"] = float(to is not None)
    for name, t in (("s_ner", ts), ("o_ner", to)):
        cats[name] = (t.ent_type_ or "-") if t is not None else "absent"
    # the subject unnamed in its sentence ("He was born …"): the clause's head stands for it
    if ts is None and is_subject[0]:
        ts = ctx.sentence_of(i, to)[1].root if to is not None else sent.root
    if to is None and is_subject[1]:
        to = ctx.sentence_of(i, ts)[1].root if ts is not None else sent.root
    if ts is None or to is None:
        return
    lo, hi = sorted((ts.i, to.i))
    nums["tok_dist"] = hi - lo
    nums["s_first"] = float(ts.i < to.i)
    k_s, s_sent = ctx.sentence_of(i, ts)
    k_o, o_sent = ctx.sentence_of(i, to)
    nums["sent_dist"] = float(abs(k_s - k_o))
    if s_sent.start != o_sent.start:  # two sentences: no dependency path joins them
        cats["path"] = cats["path_labels"] = cats["between"] = cats["first_between"] = "cross"
        cats["trigger"] = o_sent.root.lemma_.lower()
        cats["s_trigger"] = s_sent.root.lemma_.lower()
        return
    path, labels, trigger, n = _path(ts, to)
    cats["path"], cats["path_labels"], cats["trigger"] = path, labels, trigger
    cats["s_trigger"] = trigger
    nums["path_len"] = n
    between = [t.lemma_.lower() for t in doc[lo + 1 : hi] if not t.is_punct]
    cats["between"] = " ".join(between) if len(between) <= _MAX_BETWEEN else "long"
    cats["first_between"] = between[0] if between else "none"
