"""Nationality from the defining sentence: "X is a Brazilian politician" → citizenship Brazil."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.relations.base import Sentences
from kg.extract.relations.lead_table import lead_rule
from kg.extract.tables import religion_of
from kg.gazetteer import gazetteer
from kg.model import Fact

__all__ = ["nationality_facts"]


def nationality_facts(ctx: Sentences) -> Iterator[Fact]:
    """Citizenship (a person) or country (an organisation) from a demonym before the predicate noun
    (the relation for each class of subject: row ``lead-demonym`` of ``kg/data/lead.json``)."""
    sents = list(ctx.doc.sents)
    if not sents:
        return
    sent = sents[0]
    row = lead_rule("lead-demonym")
    relation = row.relation(ctx.subject.cls)
    if relation is None:
        return
    gaz = gazetteer()
    for tok in sent:
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        # "a Romanian Orthodox Christian nun": the demonym may modify the church before the noun
        mods = [*tok.children, *(g for c in tok.children if religion_of(c.text) for g in c.children)]
        for mod in mods:
            # "a Thai former general": the parser may hang the adjective as "nmod"
            if mod.dep_ in ("amod", "compound", "nmod") and (gaz.nationality(mod.text) or mod.ent_type_ == "NORP"):
                m = ctx.mention(mod)
                if m is None or gaz.nationality(m.text) is None:
                    continue  # "a South Korean actress": the whole name, "South Korean", is the demonym
                ev = ctx.evidence(sent, row.name, row.confidence)
                yield Fact(ctx.subject, relation, m, ev)
                return


