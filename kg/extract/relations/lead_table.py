"""The relations the lead-sentence rules give (``kg/data/lead.json``), checked when loaded.

A lead rule reads the article's first sentence in code ("X is a Brazilian politician", "X is a
town in Y"); which relation that gives depends on the class of the article's subject, and that is
a row of the table: its name (the rule name its facts carry), the relation for each broad class
of the subject, the relation when the object is a country or a water body, its confidence and
examples (``tests/test_table_examples.py`` runs them).

>>> lead_rule("lead-demonym").relation("PoliticalParty")
'country'
>>> lead_rule("lead-location").relation("City"), lead_rule("lead-location").for_country
('locatedIn', 'country')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.extract.confidences import row_confidence
from kg.extract.tables import check_class, check_relation, load_json
from kg.ontology import group_of

__all__ = ["LeadRule", "lead_relations", "lead_rule"]

_FILE = "kg/data/lead.json"


@dataclass(frozen=True)
class LeadRule:
    """One row of ``lead.json``."""

    name: str
    by_subject: tuple[tuple[str, str], ...]  # broad class of the article's subject → relation
    for_country: str | None  # the relation when the object is a country
    waterside: str | None  # the relation to a water body the subject lies on
    confidence: float

    def relation(self, subject_cls: str) -> str | None:
        """The relation for a subject of this class (by its broad class), None: the rule gives nothing."""
        return dict(self.by_subject).get(group_of(subject_cls))

    def relations(self) -> set[str]:
        """Every relation the row may give."""
        return {r for _, r in self.by_subject} | {r for r in (self.for_country, self.waterside) if r}


def _row(r: Any) -> LeadRule:
    where = f"{_FILE}, rule {r.get('name')!r}" if isinstance(r, dict) else _FILE
    if not isinstance(r, dict) or not r.get("name") or not isinstance(r.get("relation_by_subject"), dict):
        raise ValueError(f"{where}: a row needs a name and relation_by_subject (class -> relation)")
    by_subject = tuple(
        (check_class(c, where), check_relation(rel, where)) for c, rel in r["relation_by_subject"].items()
    )
    if not by_subject or any(group_of(c) != c for c, _ in by_subject):
        raise ValueError(f"{where}: relation_by_subject names broad classes (Person, Organization, Place, …)")
    keys = ("relation_for_country", "waterside_relation")
    extra = {k: check_relation(r[k], where) if r.get(k) else None for k in keys}
    sure = row_confidence(r, where)
    return LeadRule(r["name"], by_subject, extra["relation_for_country"], extra["waterside_relation"], sure)


@cache
def _rules() -> dict[str, LeadRule]:
    return {row.name: row for row in (_row(r) for r in load_json("lead.json")["rules"])}


def lead_rule(name: str) -> LeadRule:
    """The row ``name``; a ValueError naming the table when it has none."""
    rules = _rules()
    if name not in rules:
        raise ValueError(f"{_FILE}: no rule {name!r}")
    return rules[name]


def lead_relations(name: str) -> set[str]:
    """The relations of row ``name`` (for the rule registry)."""
    return lead_rule(name).relations()
