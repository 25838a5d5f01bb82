"""The scoring stage of a build: each article's facts become the candidates the model accepts.

Runs as each extraction settles. A candidate whose calibrated probability reaches its
group's threshold (:func:`kg.score.model.group_of`; its relation's own in the group where the
artefact has one) becomes a fact with that probability as
its confidence, the sentence and offsets of its best candidate, and ``kg:extractor`` naming
the model and the rule(s) that proposed it (``pair`` when none did). Relations with no
Wikidata property (which no gold can score, so the model was not trained on them) keep the
rules' facts as they are. A rule fact the model would reject stands, at the rule's confidence,
when the model never saw any of its rules in training in this kind of document (an
encyclopedic article or a bare passage: no evidence against them there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extract import Extraction
from kg.model import Evidence, Fact
from kg.ontology import RELATIONS
from kg.score.candidates import PAIR_RULE
from kg.score.model import Scorer

__all__ = ["score_extractions", "score_facts"]


def score_extractions(extractions: Sequence[Extraction], scorer: Scorer) -> list[Extraction]:
    """The extractions with their facts chosen and scored by ``scorer``."""
    return [replace(ex, facts=score_facts(ex, scorer)) for ex in extractions]


def score_facts(ex: Extraction, scorer: Scorer) -> tuple[Fact, ...]:
    """The facts of one extraction under the model."""
    kept = [f for f in ex.facts if RELATIONS[f.relation].wikidata is None]
    for c in ex.candidates.items:
        for rel, rules, quals in c.relations:
            if RELATIONS[rel].wikidata is None:
                continue
            p = scorer.probability(c, rel, rules)
            group = scorer.group(c, rules)
            if p < scorer.threshold_of(group, rel):
                if not scorer.unseen(rules, group):
                    continue
                p = round(max(conf for _, conf in rules), 3)  # rules the model never saw: theirs stands
            names = "+".join(sorted({r for r, _ in rules})) or PAIR_RULE
            ev = ex.candidates.evidence[c.evidence]
            ev = Evidence(ev.article, ev.section, ev.sentence, ev.start, ev.end, f"{scorer.name}:{names}", p)
            kept.append(Fact(c.subject, rel, c.object, ev, quals))
    return tuple(kept)
