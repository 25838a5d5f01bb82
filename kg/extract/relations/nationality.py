"""Nationality from the defining sentence: "X is a Brazilian politician" → citizenship Brazil."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.dates import parse_date
from kg.extract.relations.base import Sentences
from kg.extract.relations.verbs import _arg_tokens
from kg.extract.tables import religion_of
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "death_noun_facts",
    "event_lead_facts",
    "event_span_facts",
    "life_facts",
    "location_facts",
    "nationality_facts",
]

CONFIDENCE = 0.8


def nationality_facts(ctx: Sentences) -> Iterator[Fact]:
    """Citizenship (a person) or country (an organisation) from a demonym before the predicate noun."""
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    group = group_of(ctx.subject.cls)
    relation = {"Person": "citizenship", "Organization": "country", "CreativeWork": "countryOfOrigin"}.get(group)
    if relation is None:
        return
    gaz = gazetteer()
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        # "a Romanian Orthodox Christian nun": the demonym may modify the church before the noun
        mods = [*tok.children, *(g for c in tok.children if religion_of(c.text) for g in c.children)]
        for mod in mods:
            if mod.dep_ in ("amod", "compound") and (gaz.nationality(mod.text) or mod.ent_type_ == "NORP"):
                m = ctx.mention(mod)
                if m is None or gaz.nationality(m.text) is None:
                    continue  # "a South Korean actress": the whole name, "South Korean", is the demonym
                ev = ctx.evidence(sent, "lead-demonym", CONFIDENCE)
                yield Fact(ctx.subject, relation, m, ev)
                return


_WATER = re.compile(r"\b(River|Lake|Sea|Ocean|Bay|Gulf|Creek|Canal|Strait|Reservoir|Lagoon|Fjord)\b")
_BORN = re.compile(r"\(\s*(?:born|b\.)\s+(?P<rest>[^()]*)\)")
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
    ev = ctx.evidence(sent, rule, CONFIDENCE)

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
        m_in = re.search(r"\b(?:in|near|at)\s", birth_part)
        if m_in:
            p = place_in(born.start("rest") + m_in.end(), born.start("rest") + len(birth_part))
            if p is not None:
                yield Fact(person, "birthPlace", p, ev)
        if died:
            death_part = rest[died.end() :]
            d2 = parse_date(death_part)
            if d2 is not None and (d is None or d.iso[:4] <= d2.iso[:4]):
                yield Fact(person, "deathDate", d2, ev)
            m_in = re.search(r"\b(?:in|near|at)\s", death_part)
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


def location_facts(ctx: Sentences) -> Iterator[Fact]:
    """ "X is a town in Y": the subject is located in the first place after "in" (its country if a country)."""
    if group_of(ctx.subject.cls) not in ("Place", "Organization", "Event"):
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        for prep in tok.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("on", "along", "beside")
                and group_of(ctx.subject.cls) == "Place"
            ):
                water = [
                    m
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for m in ctx.mentions_of(p)
                    if m.cls == "Landform" and _WATER.search(m.text)
                ]
                if water:
                    yield Fact(ctx.subject, "nextToWater", water[0], ctx.evidence(sent, "lead-location", 0.75))
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    places = [m for m in ctx.mentions_of(pobj) if group_of(m.cls) == "Place"]
                    if not places and pobj.pos_ == "NOUN":  # "a siege of the town of Kapsabet"
                        places = [
                            m
                            for p in pobj.children
                            if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children
                            if o.dep_ == "pobj"
                            for m in ctx.mentions_of(o)
                            if group_of(m.cls) == "Place"
                        ]
                    if places:
                        ev = ctx.evidence(sent, "lead-location", 0.75)
                        p = places[0]
                        rel = (
                            "country"
                            if p.cls == "Country"
                            else ("locatedIn" if group_of(ctx.subject.cls) == "Place" else "location")
                        )
                        if group_of(ctx.subject.cls) == "Organization":
                            rel = "country" if p.cls == "Country" else "headquarters"
                        yield Fact(ctx.subject, rel, p, ev)
                        return
        return


_SPAN = re.compile(
    r"\b(?:from|between)\s+(?P<a>[^.;]{1,40}?)\s+(?:to|until|and|till)\s+(?P<b>[^.;]{1,40}?\d{4})\b"
    r"|\b(?:lasted|took place|ran|was fought|was held)\s+(?:from\s+)?(?P<c>\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
    r"\s*[–-]\s*(?P<d>[^.;]{1,30}?\d{4})\b"
)


def event_span_facts(ctx: Sentences) -> Iterator[Fact]:
    """When the lead's first sentence dates an event: "… that lasted from 12 June to 30 July 1958",
    "between March and May 1921" → start and end; the first date takes the second's year when it
    names none."""
    if group_of(ctx.subject.cls) != "Event":
        return
    sents = list(ctx.doc.sents)
    if not sents:
        return
    m = _SPAN.search(sents[0].text)
    if m is None:
        return
    first, second = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    end = parse_date(second)
    if end is None:
        return
    start = parse_date(first) or parse_date(first, int(end.iso[:4]))
    if start is None or start.iso > end.iso:
        return
    ev = ctx.evidence(sents[0], "lead-event-span", CONFIDENCE)
    yield Fact(ctx.subject, "startTime", start, ev)
    yield Fact(ctx.subject, "endTime", end, ev)


_BEGIN = {"begin", "start", "commence", "break"}
_END = {"end", "conclude", "finish"}
EVENT_LEAD_CONFIDENCE = 0.75


_TIME_SPAN_WORDS = frozenset({"week", "weekend", "month", "year", "season", "holidays", "fortnight"})


def _time_span_name(name: str) -> bool:
    """ "Harvest Week", "Holy Week", "the Festive Season": a stretch of the calendar, not an event to be part of."""
    return name.rsplit(None, 1)[-1].casefold() in _TIME_SPAN_WORDS


def event_lead_facts(ctx: Sentences) -> Iterator[Fact]:
    """An event's own lead paragraph: "… during the Mau Mau uprising" → part of that event; "It began
    on 2 April 1954 … and ended on 14 April" → start and end; "fighters led by X" → X took part."""
    if group_of(ctx.subject.cls) != "Event":
        return
    for sent in ctx.doc.sents:
        for tok in sent:
            head = tok.head
            if tok.dep_ == "prep" and tok.lower_ == "during" and (head.lemma_ == "be" or head.dep_ == "attr"):
                for o in tok.children:
                    for m in ctx.mentions_of(o):
                        if group_of(m.cls) == "Event" and m.text != ctx.subject.text and not _time_span_name(m.text):
                            yield Fact(
                                ctx.subject, "partOf", m, ctx.evidence(sent, "lead-during", EVENT_LEAD_CONFIDENCE)
                            )
            if tok.dep_ == "pobj" and head.lower_ == "in" and _in_lead_predicate(head):
                # "a general strike of railway workers in Argentina": the country it happened in
                for m in ctx.mentions_of(tok):
                    if m.cls == "Country":
                        yield Fact(
                            ctx.subject, "country", m, ctx.evidence(sent, "lead-event-in", EVENT_LEAD_CONFIDENCE)
                        )
            if tok.pos_ == "VERB" and tok.lemma_ in _BEGIN | _END and _is_subject(ctx, tok):
                rel = "startTime" if tok.lemma_ in _BEGIN else "endTime"
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in" and tok.lemma_ in _BEGIN:
                        # "began on 26 October in Rosario": where it began
                        for o in prep.children:
                            for m in ctx.mentions_of(o)[:1]:
                                if group_of(m.cls) == "Place" and m.cls != "Country":
                                    ev = ctx.evidence(sent, "lead-began-in", EVENT_LEAD_CONFIDENCE)
                                    yield Fact(ctx.subject, "location", m, ev)
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "in"):
                        date = ctx.date_in(prep)  # "ended on 14 April" takes the year named before it
                        if date is not None:
                            yield Fact(
                                ctx.subject, rel, date, ctx.evidence(sent, "lead-began-ended", EVENT_LEAD_CONFIDENCE)
                            )
                            break
            if tok.lower_ == "led" and tok.dep_ in ("acl", "relcl"):  # called on the lead paragraph only
                for agent in tok.children:
                    if agent.dep_ == "agent":
                        for o in agent.children:
                            for m in ctx.mentions_of(o):
                                if group_of(m.cls) == "Person":
                                    yield Fact(ctx.subject, "participant", m, ctx.evidence(sent, "lead-led-by", 0.7))


def _is_subject(ctx: Sentences, verb: Token) -> bool:
    """The verb's subject (or, for "… and ended on …", the first verb's) is "it" or the article's subject."""
    subjects = _arg_tokens(verb, "nsubj") + _arg_tokens(verb, "nsubjpass")
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl" and all(t.tag_ == "WDT" for t in subjects):
        return _is_subject(ctx, verb.head)  # "a strike that began on … and ended on …"
    return any(
        t.lower_ == "it" or _lead_subject(t) or any(m.text == ctx.subject.text for m in ctx.mentions_of(t))
        for t in subjects[:1]
    )


def _in_lead_predicate(prep: Token) -> bool:
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


DEATH_NOUN_CONFIDENCE = 0.7


def death_noun_facts(ctx: Sentences) -> Iterator[Fact]:
    """ "led the party until his death in 2006", "after Roe's death in Lyon": the date and place of
    the death a possessive names."""
    if "death" not in ctx.block.text:
        return  # most paragraphs: no need to walk the tokens
    for tok in ctx.doc:
        if tok.lemma_.casefold() != "death" or tok.pos_ != "NOUN":
            continue
        owner = next((ctx.mention(c) for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or group_of(owner.cls) != "Person":
            continue
        ev = ctx.evidence(tok.sent, "death-noun", DEATH_NOUN_CONFIDENCE)
        date = ctx.date_in(tok)
        if date is not None:
            yield Fact(owner, "deathDate", date, ev)
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for o in prep.children:
                    place = next((m for m in ctx.mentions_of(o) if group_of(m.cls) == "Place"), None)
                    if place is not None and place.cls != "Country":
                        yield Fact(owner, "deathPlace", place, ev)
