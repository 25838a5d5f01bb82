"""Works and their makers from the defining sentence: "X is a song by Y", "… from the album Z"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_tsv
from kg.model import DateValue, Fact, Mention
from kg.ontology import group_of

__all__ = ["dated_work_facts", "lead_work_facts", "track_facts", "work_creators"]

CONFIDENCE = 0.8
_CONTAINERS = lexicon("work_containers")


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


_YEAR_AFTER = re.compile(r"[\"”]?\s*\((\d{4})(?:\s*[–-]\s*\d{2,4})?\)")


def dated_work_facts(ctx: Sentences) -> Iterator[Fact]:
    """A work's name followed by a year in brackets ("Cry for Help" (1991), "May to December (1989 –
    94)") or after "1989's" is its publication date; a name NER did not see as a work counts when
    the sentence is about works (album, film, novel …)."""
    text = ctx.article.text
    for m in ctx.mentions:
        if m.cls != "CreativeWork" and group_of(m.cls) not in ("Other", "Organization"):
            continue
        hit = _YEAR_AFTER.match(text, m.end)
        before = _YEAR_BEFORE.search(text, max(0, m.start - 8), m.start)
        if not hit and not before:
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        if m.cls != "CreativeWork" and not any(t.lemma_.casefold() in _WORKS for t in span.sent):
            continue  # "Acme (1969)" is a work's year only in a sentence about works
        year = hit.group(1) if hit else before.group(1) if before else ""
        yield Fact(m, "publicationDate", DateValue(year), ctx.evidence(span.sent, "work-year", 0.75))


_YEAR_BEFORE = re.compile(r"\b(\d{4})['’]s\s+$")
_WORKS = lexicon("work_nouns")
TRACK_CONFIDENCE = 0.65
_TRACK_WORDS = lexicon("track_nouns")
_MUSICIANS = lexicon("musician_nouns")


def track_facts(ctxs: Sequence[Sentences], known: Sequence[Fact]) -> Iterator[Fact]:
    """The songs an article lists as singles or tracks: in an album's article, they are the album's
    and its performer's ("Velocifero spawned three singles: "Ghosts", …"); in a singer's or band's
    article, a sentence with "his"/"her"/"their" singles makes them the subject's."""
    if not ctxs:
        return
    subject = ctxs[0].subject
    performers = [
        f.object for f in known if f.subject == subject and f.relation == "performer" and isinstance(f.object, Mention)
    ]
    group = group_of(subject.cls)
    noun = _lead_noun(ctxs[0])
    if noun not in _CONTAINERS:
        performers = []  # a song's article names other songs, often other people's
    musician = group in ("Person", "Organization") and noun in _MUSICIANS
    if not performers and not musician:
        return
    for ctx in ctxs:
        for sent in ctx.doc.sents:
            lemmas = {t.lemma_.casefold() for t in sent}
            if not lemmas & _TRACK_WORDS:
                continue
            if musician and not performers and not lemmas & {"his", "her", "their"}:
                continue
            lo, hi = ctx.block.start + sent.start_char, ctx.block.start + sent.end_char
            works = [
                m
                for m in ctx.mentions
                if lo <= m.start < hi and m.cls == "CreativeWork" and m.text.casefold() != subject.text.casefold()
            ]
            ev = ctx.evidence(sent, "listed-track", TRACK_CONFIDENCE)
            for w in works:
                if performers:
                    for p in performers:
                        yield Fact(w, "performer", p, ev)
                    yield Fact(w, "partOf", subject, ev)
                else:
                    yield Fact(w, "performer", subject, ev)


def _lead_noun(ctx: Sentences) -> str | None:
    """The predicate noun of the lead's first sentence ("… is an American rock band" → band)."""
    sents = list(ctx.doc.sents)
    for tok in sents[0] if sents else ():
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            return tok.lemma_.casefold()
    return None
