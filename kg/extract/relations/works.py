"""Works and their makers from the defining sentence: "X is a song by Y", "… from the album Z"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_tsv
from kg.model import DateValue, Fact
from kg.ontology import group_of

__all__ = ["dated_work_facts", "lead_work_facts", "work_creators"]

CONFIDENCE = 0.8
_CONTAINERS = {"album", "ep", "mixtape", "soundtrack", "compilation", "collection", "anthology", "series"}


@cache
def work_creators() -> dict[str, str]:
    """Head noun of a work → relation from the work to the one named after "by"."""
    return {k.strip(): check_relation(v, "kg/data/work_creators.tsv") for k, v in load_tsv("work_creators.tsv")}


def lead_work_facts(ctx: Sentences) -> Iterator[Fact]:
    """Maker and containing work of an article's subject, from its first sentence."""
    if group_of(ctx.subject.cls) not in ("CreativeWork", "Other"):
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    table = work_creators()
    ev = ctx.evidence(sent, "lead-work", CONFIDENCE)
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        rel = table.get(tok.lemma_) or table.get(tok.text.casefold())
        for prep in tok.subtree:
            if prep.dep_ != "prep":
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ == "by" and rel and prep.head.i == tok.i:
                    for m in ctx.mentions_of(pobj):
                        if group_of(m.cls) in ("Person", "Organization"):
                            yield Fact(ctx.subject, rel, m, ev)
                elif prep.lower_ in ("from", "on", "off", "of") and pobj.lemma_.casefold() in _CONTAINERS:
                    for c in pobj.children:
                        if c.dep_ in ("appos", "compound", "npadvmod"):
                            for m in ctx.mentions_of(c):
                                if m != ctx.subject and group_of(m.cls) in ("CreativeWork", "Other"):
                                    yield Fact(ctx.subject, "partOf", m, ev)
        return


_YEAR_AFTER = re.compile(r"[\"”]?\s*\((\d{4})\)")


def dated_work_facts(ctx: Sentences) -> Iterator[Fact]:
    """A work's name followed by a year in brackets ("Cry for Help" (1991)) is its publication date."""
    text = ctx.article.text
    for m in ctx.mentions:
        if m.cls != "CreativeWork":
            continue
        hit = _YEAR_AFTER.match(text, m.end)
        if hit:
            span = ctx.doc.char_span(m.start - ctx.block.start, m.end - ctx.block.start, alignment_mode="expand")
            if span is not None:
                yield Fact(m, "publicationDate", DateValue(hit.group(1)), ctx.evidence(span.sent, "work-year", 0.75))
