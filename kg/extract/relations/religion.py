"""A person's or organisation's religion, from the words the prose uses for it.

- a religion word modifying the name or its descriptor: "the Lutheran pastor Ana Roe",
  "Roe is a Catholic nun", "Acme, a Methodist school";
- the religion as the predicate: "Roe was Jewish", "Roe, a devout Catholic,";
- a conversion: "Roe converted to Islam" (the faith taken, not the one left);
- an organisation whose name carries a religion the article also names on its own:
  "the Roman Catholic Diocese of Osijek" beside "Catholics in the town".

The religions and denominations, and the forms of their names, are the table
``kg/data/religions.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import descriptor_heads
from kg.extract.relations.verbs import _arg_tokens
from kg.extract.tables import religion_of
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["religion_facts"]

DESCRIPTOR_CONFIDENCE = 0.75
PREDICATE_CONFIDENCE = 0.8
CONVERSION_CONFIDENCE = 0.75
NAME_CONFIDENCE = 0.6
_FAITH_CLASSES = frozenset({"Religion", "ReligiousDenomination"})
_CONVERT = frozenset({"convert", "conversion"})
_BODY_WORDS = frozenset(
    {"church", "churches", "diocese", "archdiocese", "eparchy", "parish", "synod", "mission", "congregation"}
    | {"seminary", "abbey", "monastery", "convent", "priory", "order", "brotherhood", "sisterhood"}
)


def _faith(ctx: Sentences, tok: Token) -> Mention | None:
    """The religion named at the token itself (no antecedent: "the Baptist" is nobody's church)."""
    m = ctx.mention(tok)
    at = ctx.block.start + tok.idx
    return m if m is not None and m.cls in _FAITH_CLASSES and m.start <= at < m.end else None


def _holder(ctx: Sentences, faith: Token) -> tuple[Mention | None, str, float]:
    """Who holds the faith named at a token, when the sentence says it of its subject, a pronoun
    included: "She was Jewish", "He is a Catholic priest", "She converted to Islam"."""
    tok = faith
    if tok.dep_ in ("amod", "compound") and tok.head.dep_ == "attr":
        tok = tok.head  # "a Catholic priest"
    verb = tok.head
    if tok.dep_ in ("attr", "acomp") and verb.lemma_ == "be":
        rule, conf = "predicate-religion", PREDICATE_CONFIDENCE
    elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in _CONVERT:
        verb = tok.head.head
        rule, conf = "conversion-religion", CONVERSION_CONFIDENCE
    else:
        return None, "", 0.0
    # "Her brother Ivo Roe is a …": the name; "born in Osijek, and converted to Islam": the first verb's subject
    holders = [m for t in _arg_tokens(verb, "nsubj") for m in ctx.mentions_of(t)]
    return (holders[0] if len(holders) == 1 else None), rule, conf


def _modifiers(ctx: Sentences, head: Token, span: Span) -> Iterator[Mention]:
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod") and not span.start <= c.i < span.end:
            faith = _faith(ctx, c)
            if faith is not None:
                yield faith


def _appositions(ctx: Sentences, span: Span) -> Iterator[Mention]:
    """ "Roe, a devout Catholic,": the religion in apposition to the name."""
    for c in span.root.children:
        if c.dep_ == "appos":
            faith = _faith(ctx, c)
            if faith is not None:
                yield faith


def religion_facts(ctx: Sentences, faiths: dict[str, Mention]) -> Iterator[Fact]:
    """Religion facts of one block; ``faiths``: the religions the article names, by name."""
    seen: set[tuple[Mention, str]] = set()
    for m in ctx.mentions:
        if group_of(m.cls) not in ("Person", "Organization") or m.cls in _FAITH_CLASSES:
            continue
        span = ctx.doc.char_span(m.start - ctx.block.start, m.end - ctx.block.start, alignment_mode="expand")
        if span is None:
            continue
        found: list[tuple[Mention, str, float]] = []
        for h in descriptor_heads(ctx, span):
            found += [(f, "descriptor-religion", DESCRIPTOR_CONFIDENCE) for f in _modifiers(ctx, h, span)]
        found += [(f, "appos-religion", PREDICATE_CONFIDENCE) for f in _appositions(ctx, span)]
        if group_of(m.cls) == "Organization" and m.cls != "PoliticalParty":
            # not a party: "Christian Democratic Union" names an ideology, not a church
            found += [(f, "name-religion", NAME_CONFIDENCE) for f in _in_name(m, faiths)]
        for faith, rule, conf in found:
            yield from _fact(ctx, m, faith, rule, conf, span.sent, seen)
    for faith in ctx.mentions:
        if faith.cls not in _FAITH_CLASSES:
            continue
        fspan = ctx.doc.char_span(faith.start - ctx.block.start, faith.end - ctx.block.start, alignment_mode="expand")
        if fspan is None:
            continue
        holder, rule, conf = _holder(ctx, fspan.root)
        if (
            holder is not None
            and group_of(holder.cls) in ("Person", "Organization")
            and holder.cls not in _FAITH_CLASSES
        ):
            yield from _fact(ctx, holder, faith, rule, conf, fspan.sent, seen)


def _fact(
    ctx: Sentences, m: Mention, faith: Mention, rule: str, conf: float, sent: Span, seen: set[tuple[Mention, str]]
) -> Iterator[Fact]:
    key = religion_of(faith.text)
    if key is not None and (m, key[0]) not in seen:
        seen.add((m, key[0]))
        yield Fact(m, "religion", faith, ctx.evidence(sent, rule, conf))


def _in_name(m: Mention, faiths: dict[str, Mention]) -> Iterator[Mention]:
    """The religion word inside the name of a religious body ("Roman Catholic Diocese of Osijek": a
    church, diocese, parish…; not "the Central Jewish Office", an office about Jews) when the
    article names that religion on its own too."""
    words = m.text.split()
    if not any(w.casefold() in _BODY_WORDS for w in words):
        return
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            faith = religion_of(" ".join(words[i : i + n]))
            if faith is not None and faith[0] in faiths:
                yield faiths[faith[0]]
                return
