"""The lead sentence of a place, an organisation or an event: where it lies ("X is a town in Y"),
the event it is part of, when it began and ended, who led it (an event's span, "lasted from 12
June to 30 July 1958", is a row of ``kg/data/lead_events.json``: ``lead_events.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.confidences import confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.relations.lead_table import lead_rule
from kg.extract.relations.verbs import _arg_tokens
from kg.model import Fact
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["event_lead_facts", "location_facts"]


_WATER = re.compile(rf"\b(?:{alternation('water_name_words')})\b")
_WATERSIDE = lexicon("waterside_preps")


def location_facts(ctx: Sentences) -> Iterator[Fact]:
    """ "X is a town in Y": the subject is located in the first place after "in" (its country if a
    country; the relation for each class of subject: row ``lead-location`` of ``kg/data/lead.json``)."""
    row = lead_rule("lead-location")
    relation = row.relation(ctx.subject.cls)
    if relation is None:
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
                and prep.lower_ in _WATERSIDE
                and group_of(ctx.subject.cls) == "Place"
            ):
                water = [
                    m
                    for p in prep.children
                    if p.dep_ == "pobj"
                    for m in ctx.mentions_of(p)
                    if m.cls == "Landform" and _WATER.search(m.text)
                ]
                if water and row.waterside:
                    yield Fact(ctx.subject, row.waterside, water[0], ctx.evidence(sent, row.name, row.confidence))
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
                        ev = ctx.evidence(sent, row.name, row.confidence)
                        p = places[0]
                        rel = row.for_country if p.cls == "Country" and row.for_country else relation
                        yield Fact(ctx.subject, rel, p, ev)
                        return
        return


_BEGIN = lexicon("event_begin_verbs")


_END = lexicon("event_end_verbs")


_TIME_SPAN_WORDS = lexicon("time_span_nouns")


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
                                ctx.subject, "partOf", m, ctx.evidence(sent, "lead-during", confidence("lead-event"))
                            )
            if tok.dep_ == "pobj" and head.lower_ == "in" and _in_lead_predicate(head):
                # "a general strike of railway workers in Argentina": the country it happened in
                for m in ctx.mentions_of(tok):
                    if m.cls == "Country":
                        yield Fact(
                            ctx.subject, "country", m, ctx.evidence(sent, "lead-event-in", confidence("lead-event"))
                        )
            if tok.pos_ == "VERB" and tok.lemma_ in _BEGIN | _END and _is_subject(ctx, tok):
                rel = "startTime" if tok.lemma_ in _BEGIN else "endTime"
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in" and tok.lemma_ in _BEGIN:
                        # "began on 26 October in Rosario": where it began
                        for o in prep.children:
                            for m in ctx.mentions_of(o)[:1]:
                                if group_of(m.cls) == "Place" and m.cls != "Country":
                                    ev = ctx.evidence(sent, "lead-began-in", confidence("lead-event"))
                                    yield Fact(ctx.subject, "location", m, ev)
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("on", "in"):
                        date = ctx.date_in(prep)  # "ended on 14 April" takes the year named before it
                        if date is not None:
                            yield Fact(
                                ctx.subject, rel, date, ctx.evidence(sent, "lead-began-ended", confidence("lead-event"))
                            )
                            break
            if tok.lower_ == "led" and tok.dep_ in ("acl", "relcl"):  # called on the lead paragraph only
                for agent in tok.children:
                    if agent.dep_ == "agent":
                        for o in agent.children:
                            for m in ctx.mentions_of(o):
                                if group_of(m.cls) == "Person":
                                    yield Fact(ctx.subject, "participant", m, ctx.evidence(sent, "lead-led-by"))


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
