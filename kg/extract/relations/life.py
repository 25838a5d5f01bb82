"""Life events: birth and death from a bracket after a person's name ("(born 3 June 1961 in
Curitiba)", "(1901 – 1975)"). The death a possessive names ("until his death in 2006") is a row of
the noun table (``kg/data/nouns.json``, ``death-noun``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.dates import parse_date
from kg.extract.confidences import confidence
from kg.extract.lexicons import alternation
from kg.extract.relations.base import Sentences
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["life_facts"]


_BORN = re.compile(r"\(\s*(?:[^()]*?;\s*)?(?:born|b\.)\s+(?P<rest>[^()]*)\)")  # "(/es/; born 19 May 1962)"


_PLACE_AFTER = re.compile(rf"\b(?:{alternation('life_place_preps')})\s")  # "born 1931 in Lyon"
_DIED = re.compile(r"[,;]?\s*(?:died|d\.)\s+")


# "(1901 – 1975)", "(18 December 1931 in Mladá Boleslav – 10 November 1991 in Prague)",
# "(1782 Havana, Cuba – 15 August 1836 Madrid)": a dated part on each side of the dash
_LIFE = re.compile(
    r"\((?:[^()]*?;\s*)?(?P<a>[^()–—;]*?\d{3,4}[^()–—;]*?)(?:\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d))"
    r"(?P<b>[^()–—]*?\d{3,4}[^()]*?)\)"
)


_SHORTEST_LIFE = 16  # years: a shorter bracket after a name, with no "born", is a term or a spell


def _bracket_life(ctx: Sentences, person: Mention, sent: Span, open_at: int, rule: str) -> Iterator[Fact]:
    """Birth and death dates and places in the bracket that opens at ``open_at`` (block offset)."""
    text = ctx.block.text
    close = text.find(")", open_at)
    if close < 0 or close - open_at > 200:
        return
    bracket = text[open_at : close + 1]
    ev = ctx.evidence(sent, rule, confidence("life-dates"))

    def place_in(a: int, b: int) -> Mention | None:
        found = [
            m
            for m in ctx.mentions
            if group_of(m.cls) == "Place" and open_at + a <= m.start - ctx.block.start < open_at + b
        ]
        return found[0] if found else None

    born = _BORN.fullmatch(bracket)
    if born:
        rest = born.group("rest")
        died = _DIED.search(rest)
        birth_part = rest[: died.start()] if died else rest
        d = parse_date(birth_part)
        if d is not None:
            yield Fact(person, "birthDate", d, ev)
        m_in = _PLACE_AFTER.search(birth_part)
        if m_in:
            p = place_in(born.start("rest") + m_in.end(), born.start("rest") + len(birth_part))
            if p is not None:
                yield Fact(person, "birthPlace", p, ev)
        if died:
            death_part = rest[died.end() :]
            d2 = parse_date(death_part)
            if d2 is not None and (d is None or d.iso[:4] <= d2.iso[:4]):
                yield Fact(person, "deathDate", d2, ev)
            m_in = _PLACE_AFTER.search(death_part)
            if m_in:
                p = place_in(born.start("rest") + died.end() + m_in.end(), born.end("rest"))
                if p is not None:
                    yield Fact(person, "deathPlace", p, ev)
        return
    life = _LIFE.fullmatch(bracket)
    if life is None:
        return
    a, b = parse_date(life.group("a")), parse_date(life.group("b"))
    if a is None or b is None or a.iso[:4] >= b.iso[:4]:
        return
    if rule == "life-bracket" and int(b.iso[:4]) - int(a.iso[:4]) < _SHORTEST_LIFE:
        return  # "led by Ana Roe (1977–1981)": a term of office, not a life
    yield Fact(person, "birthDate", a, ev)
    yield Fact(person, "deathDate", b, ev)
    for group, rel in (("a", "birthPlace"), ("b", "deathPlace")):
        p = place_in(life.start(group), life.end(group))
        if p is not None:
            yield Fact(person, rel, p, ev)


def life_facts(ctx: Sentences) -> Iterator[Fact]:
    """Birth and death from a bracket after a person's name: the article's subject in the lead
    ("(born 3 June 1961 in Curitiba)", "(1901 – 1975)", "(18 December 1931 in Brno – 10 November
    1991 in Prague)"), and anyone named with such a bracket ("Jean Roe (1744 – 1829) and …")."""
    sents = list(ctx.doc.sents)
    if not sents:
        return
    done: set[Mention] = set()
    if group_of(ctx.subject.cls) == "Person" and ctx.block is ctx.article.blocks[0]:
        sent = sents[0]
        open_at = ctx.block.text.find("(", sent.start_char, sent.end_char)
        while open_at >= 0 and ctx.subject not in done:  # "(Amharic: …) (1901 – 1975)": the dated one
            facts = list(_bracket_life(ctx, ctx.subject, sent, open_at, "lead-life-dates"))
            yield from facts
            if facts:
                done.add(ctx.subject)
            open_at = ctx.block.text.find("(", open_at + 1, sent.end_char)
    text = ctx.block.text
    for m in ctx.mentions:
        if group_of(m.cls) != "Person" or m.subject or m in done or (done and m.text == ctx.subject.text):
            continue
        after = m.end - ctx.block.start
        gap = re.match(r"\s*\(", text[after : after + 3])
        if gap is None:
            continue
        span = ctx.doc.char_span(m.start - ctx.block.start, after, alignment_mode="expand")
        if span is not None:
            yield from _bracket_life(ctx, m, span.sent, after + gap.end() - 1, "life-bracket")
