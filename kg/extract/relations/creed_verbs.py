"""A doctrine a party or a person is said to hold with a verb: "The front advocated a composite
ideology of Revolutionary Tesism, Orvanism and Vellism", "The league espoused African nationalist
and anti-colonial ideologies", "The party embraced Marxism–Leninism".

The verb is one of ``rec10_ideology_verbs``; its subject is an organisation or a person; its
object is an ideology noun (``rec10_ideology_nouns``) whose "of" phrase names the doctrines (an
ideology's name, or a name that ends in "-ism") or whose adjectives do ("nationalist" →
nationalism, as the descriptor rule makes them: :func:`ideology_name`), or the object is itself an
ideology's name. A denied verb gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.descriptors import ideology_name
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["creed_verb_facts"]

_VERBS = lexicon("rec10_ideology_verbs")
_NOUNS = lexicon("rec10_ideology_nouns")
_ADJECTIVES = lexicon("rec_ideology_adjectives")
_JOINED = re.compile(r",|\band\b|\bor\b")


def _doctrine(ctx: Sentences, tok: Token) -> Mention | None:
    """An ideology's mention at the token, or one made from a name that ends in "-ism"."""
    m = ctx.mention(tok)
    if m is not None and m.cls == "Ideology" and not _JOINED.search(m.text):
        return m  # (a name that runs over "A and B" is two doctrines: each is made from its own word)
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.lower_.endswith("ism") or len(tok.text) < 6:
        return None
    first = tok
    while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head is tok:
        first = first.doc[first.i - 1]
    start = ctx.block.start + first.idx
    text = ctx.block.text[first.idx : tok.idx + len(tok.text)]
    return Mention(ctx.article.stem, start, start + len(text), text, "Ideology", "pattern")


def _adjective_doctrines(ctx: Sentences, noun: Token) -> Iterator[Mention]:
    """ "African nationalist and anti-colonial ideologies": each run of adjectives before the noun
    that ends in a doctrine's adjective ("-ist", or one of ``rec_ideology_adjectives``)."""
    run: list[Token] = []
    for t in ctx.doc[noun.left_edge.i : noun.i + 1]:
        if t.dep_ in ("amod", "compound", "conj") and t.pos_ in ("ADJ", "PROPN", "NOUN") and t.i < noun.i:
            run.append(t)
            continue
        if run:
            words = " ".join(x.text for x in run)
            last = run[-1].lower_
            if last.endswith("ist") or words.casefold() in {a.casefold() for a in _ADJECTIVES}:
                at = ctx.block.start + run[0].idx
                end = ctx.block.start + run[-1].idx + len(run[-1].text)
                yield Mention(ctx.article.stem, at, end, ideology_name(words), "Ideology", "pattern")
        run = []


def creed_verb_facts(ctx: Sentences) -> Iterator[Fact]:
    """ideology(holder, doctrine) from a verb of holding a doctrine."""
    for verb in ctx.doc:
        if verb.lemma_ not in _VERBS or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        holder = ctx.mention(subj) if subj is not None else None
        if obj is None or holder is None or group_of(holder.cls) not in ("Organization", "Person"):
            continue
        found: list[Mention] = []
        if obj.lemma_ in _NOUNS:
            of = [
                g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
            ]
            found += [m for o in of for t in (o, *o.conjuncts) if (m := _doctrine(ctx, t)) is not None]
            if not of:
                found += list(_adjective_doctrines(ctx, obj))
        else:
            found += [m for t in (obj, *obj.conjuncts) if (m := ctx.mention(t)) is not None and m.cls == "Ideology"]
        ev = ctx.evidence(verb.sent, "rec10-creed-verb", confidence("rec10-creed-verb"))
        seen: set[str] = set()
        for d in found:
            if d.text.casefold() not in seen and d.text != holder.text:
                seen.add(d.text.casefold())
                yield Fact(holder, "ideology", d, ev)
