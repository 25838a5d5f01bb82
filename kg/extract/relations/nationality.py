"""Nationality from the defining sentence: "X is a Brazilian politician" → citizenship Brazil."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.relations.base import Sentences
from kg.extract.tables import religion_of
from kg.gazetteer import gazetteer
from kg.model import Fact
from kg.ontology import group_of

__all__ = ["nationality_facts"]

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


