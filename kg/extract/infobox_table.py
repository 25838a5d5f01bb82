"""The infobox key table ``kg/data/infobox.json``, loaded and checked against the ontology.

A row maps a Wikipedia template parameter to a relation, the class of its object and a value
parser; a row may hold alternatives for subjects of different broad classes. Keys match case-,
space-, underscore- and hyphen-insensitively, and a numbered key uses the row of its base key.

>>> split_key("Term Start2"), split_key("leader1_name"), split_key("Combatant1a"), split_key("Date")
(('termstart', 2), ('leadername', 1), ('combatant', 1), ('date', None))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rdflib import OWL, RDFS, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.documents.model import Article
from kg.extract.tables import check_class, check_relation, load_json
from kg.ontology import KG_NS, SCHEMA, class_parents, group_of, ontology_graph

__all__ = [
    "GROUPS",
    "PARSERS",
    "SUBJECT_GROUPS",
    "InfoboxRule",
    "admits",
    "compact_key",
    "infobox_rules",
    "rule_for",
    "split_key",
    "subject_class",
]

PARSERS = (
    "entities",
    "places",
    "place",
    "date",
    "event_date",
    "active",
    "born",
    "colours",
    "literal",
    "events",
    "alias",
    "name",
    "keep",
)
GROUPS = {
    "term": ("office", "start", "end", "range", "predecessor", "successor", "colleague"),
    "titled": ("name", "title"),
    "holder": ("office", "before", "after", "before_party", "after_party", "posttitle"),
}
SUBJECT_GROUPS = ("Person", "Organization", "Place", "Event")
_NUMBERED = re.compile(r"^(?P<a>\D*?\D)\s?(?P<n>\d{1,2})(?:[a-z](?![a-z]))?(?P<b>(?:\s.*)?)$")
_FIELD_KEY = re.compile(r"[\s_\-]+")


def compact_key(key: str) -> str:
    """A key as the table matches it: case-folded, without spaces, underscores and hyphens."""
    return _FIELD_KEY.sub("", key.casefold())


def split_key(key: str) -> tuple[str, int | None]:
    """(compact key without its number, the number or None) of an infobox key."""
    low = " ".join(key.casefold().replace("_", " ").split())
    m = _NUMBERED.match(low)
    if m is None:
        return compact_key(low), None
    return compact_key(m.group("a") + m.group("b")), int(m.group("n"))


@dataclass(frozen=True)
class InfoboxRule:
    """One row (or one alternative of a row) of the infobox key table."""

    key: str
    relation: str | None
    object: str | None
    parser: str
    inverse: bool = False
    subject: str | None = None  # the broad class the article's subject must have for this alternative
    side: bool = False
    leads_side: bool = False
    status: str | None = None
    group: str | None = None
    part: str | None = None
    labels: tuple[tuple[re.Pattern[str], str], ...] = ()
    role: bool = False
    only_first: bool = False
    holds: str | None = None
    not_ordinal: bool = False  # the value is used only when it is not an ordinal ("46th": kept)


def _rule(key: str, spec: dict[str, object]) -> InfoboxRule:
    where = f"kg/data/infobox.json, key {key!r}"
    known = {"relation", "object", "parser", "inverse", "subject", "side", "leads_side", "status", "group", "part"}
    known |= {"only_first", "holds", "not_ordinal"}
    unknown = set(spec) - known - {"labels", "role"}
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    parser = spec.get("parser")
    if parser not in PARSERS:
        raise ValueError(f"{where}: unknown parser {parser!r}")
    rel, obj, subj = spec.get("relation"), spec.get("object"), spec.get("subject")
    if subj is not None and subj not in SUBJECT_GROUPS:
        raise ValueError(f"{where}: 'subject' must be one of {', '.join(SUBJECT_GROUPS)}")
    group, part = spec.get("group"), spec.get("part")
    if group is not None and (group not in GROUPS or part not in GROUPS[str(group)]):
        raise ValueError(f"{where}: unknown group/part {group!r}/{part!r}")
    raw_labels = spec.get("labels", [])
    assert isinstance(raw_labels, list)
    labels = tuple((re.compile(str(p), re.I), check_relation(str(r), where)) for p, r in raw_labels)
    return InfoboxRule(
        key,
        check_relation(str(rel), where) if rel else None,
        check_class(str(obj), where) if obj else None,
        str(parser),
        bool(spec.get("inverse", False)),
        str(subj) if subj else None,
        bool(spec.get("side", False)),
        bool(spec.get("leads_side", False)),
        str(spec["status"]) if spec.get("status") else None,
        str(group) if group else None,
        str(part) if part else None,
        labels,
        bool(spec.get("role", False)),
        bool(spec.get("only_first", False)),
        str(spec["holds"]) if spec.get("holds") else None,
        bool(spec.get("not_ordinal", False)),
    )


@cache
def infobox_rules() -> dict[str, tuple[InfoboxRule, ...]]:
    """The key table by compact key, each row's alternatives in order, checked against the ontology:
    a relation or class the ontology does not define, an unknown parser or two rows for one key fail here."""
    rules: dict[str, tuple[InfoboxRule, ...]] = {}
    for key, spec in load_json("infobox.json")["keys"].items():
        ck = compact_key(key)
        if ck in rules:
            raise ValueError(f"kg/data/infobox.json, key {key!r}: another row has the same key ({rules[ck][0].key!r})")
        alts = spec if isinstance(spec, list) else [spec]
        rules[ck] = tuple(_rule(key, a) for a in alts)
        if any(r.subject is None for r in rules[ck][:-1]) or not rules[ck]:
            raise ValueError(f"kg/data/infobox.json, key {key!r}: only the last alternative may omit 'subject'")
    return rules


@cache
def _subject_hints() -> dict[str, frozenset[str]]:
    raw = load_json("infobox.json").get("subject_hints", {})
    return {
        check_class(cls, "kg/data/infobox.json, subject_hints"): frozenset(compact_key(k) for k in keys)
        for cls, keys in raw.items()
    }


def subject_class(article: Article, cls: str) -> str:
    """The subject's class for choosing rows: its own when it has a broad one, else the class whose
    template keys (``subject_hints``) the infobox uses most ("Party1", "Popular Vote1": an election)."""
    if group_of(cls) in SUBJECT_GROUPS:
        return cls
    keys = {k for f in article.infobox for k in (compact_key(f.key), split_key(f.key)[0])}
    scores = sorted(((len(keys & hint), c) for c, hint in _subject_hints().items()), reverse=True)
    return scores[0][1] if scores and scores[0][0] >= 2 else cls


def rule_for(key: str, subject_cls: str) -> tuple[InfoboxRule | None, int | None]:
    """The table row for an infobox key and a subject of class ``subject_cls``, and the key's number.

    >>> rule_for("Term Start2", "Person")[0].part, rule_for("Party", "Election")[0].relation
    ('start', 'participant')
    >>> rule_for("party", "Person")[0].relation, rule_for("Flag Title", "PoliticalParty")
    ('memberOfParty', (None, None))
    """
    rules = infobox_rules()
    ck, n = compact_key(key), None
    alts = rules.get(ck)
    if alts is None:
        base, n = split_key(key)
        alts = rules.get(base) if n is not None else None
    if alts is None:
        return None, None
    broad = group_of(subject_cls)
    for r in alts:
        if r.subject is None or r.subject == broad:
            if r.only_first and n is not None and n > 1:
                return InfoboxRule(r.key, None, None, "keep"), n
            return r, n
    return None, None


@cache
def _declared(relation: str, which: URIRef) -> tuple[str, ...]:
    """The kg classes the ontology allows as a relation's domain or range, or () when it says nothing:
    its ``schema:domainIncludes``/``schema:rangeIncludes`` classes when it lists some, else its
    ``rdfs:domain``/``rdfs:range`` (a union's members where the class is an ``owl:unionOf``)."""
    g = ontology_graph()
    prop = URIRef(KG_NS + relation)
    includes = SCHEMA.domainIncludes if which == RDFS.domain else SCHEMA.rangeIncludes
    nodes: list[Node] = list(g.objects(prop, includes)) or list(g.objects(prop, which))
    out: list[str] = []
    for node in nodes:
        union = g.value(node, OWL.unionOf)
        members: list[Node] = list(Collection(g, union)) if union is not None else [node]
        out.extend(str(m)[len(KG_NS) :] for m in members if str(m).startswith(KG_NS))
    return tuple(out)


def admits(relation: str, subject_cls: str, object_cls: str) -> bool:
    """Whether the ontology lets ``relation`` join things of these classes (true where it declares nothing).

    >>> admits("militaryUnit", "Person", "MilitaryUnit"), admits("militaryUnit", "PoliticalParty", "MilitaryUnit")
    (True, False)
    """
    for cls, which in ((subject_cls, RDFS.domain), (object_cls, RDFS.range)):
        allowed = _declared(relation, which)
        if allowed and not set(allowed) & set(class_parents(cls)):
            return False
    return True
