"""Domain and range: no fact whose subject or object class its relation forbids.

Every relation of ``kg/ontology.ttl`` declares ``rdfs:domain`` and ``rdfs:range``. Where a
relation connects one of several classes (a founder is a person; a leader leads an
organisation or an event), ``rdfs:domain``/``rdfs:range`` name the nearest common class and
``schema:domainIncludes``/``schema:rangeIncludes`` list the classes allowed (schema.org's
own way of saying "one of these", without the blank nodes an ``owl:unionOf`` list would put
in every dump). A class fits when it is one of them or a subclass (``rdfs:subClassOf``).

:func:`enforce_constraints` runs once on the resolved facts and once on the inferred ones.
On the first pass an entity whose class a fact contradicts is **retyped** when the evidence
for the fact's class is stronger than the evidence for its own:

- an entity named by a gazetteer record of its class, or the subject of its article as its
  title typed it, keeps its class (that is the strongest evidence there is);
- otherwise the evidence for a class is the sum of the confidences of the entity's facts
  that this class allows and the other forbids, plus the resolver's weights of the mentions
  typed as that class (and not the other) and, when the gazetteer knows one of its names
  ("Filipino" is a nationality, "Beijing" a city), the gazetteer's weight: an entity typed by
  several facts against one NER tag is retyped; a party with one stray birth date is not;
- the winning class must beat every other candidate (an unknown thing that "leads" could be an
  organisation or an event: nothing decides, nothing is retyped), and becomes the subclass
  the mentions or the gazetteer give ("Place" → "City").

A fact that still does not fit is **dropped**. Both are recorded in a
:class:`ConstraintReport`: each with its article, sentence, relation and classes.

>>> sorted(constraint("birthDate").domain), sorted(constraint("birthDate").range)
(['Person'], ['date', 'gYear', 'gYearMonth'])
>>> fits("City", constraint("country").domain), fits("PoliticalParty", constraint("birthDate").domain)
(True, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from rdflib import RDFS, XSD, URIRef

from kg.gazetteer import gazetteer
from kg.model import DateValue, Entity, Mention, TextValue
from kg.ontology import KG_NS, RELATIONS, SCHEMA, class_parents, ontology_graph
from kg.rdf import ResolvedFact, date_literal
from kg.resolve import _WEIGHT as SOURCE_WEIGHTS  # the resolver's own vote weights per mention source
from kg.resolve import Resolution

__all__ = [
    "SHAPES_MARKER",
    "Constraint",
    "ConstraintReport",
    "Decision",
    "constraint",
    "constraints",
    "enforce_constraints",
    "fits",
    "shapes_turtle",
    "write_shapes",
]

_XSD = str(XSD)
_LOCKING_SOURCES = frozenset({"gazetteer", "title"})
_NO_EVIDENCE = frozenset({"Other", "Entity"})  # a mention typed only "a thing" says nothing


@dataclass(frozen=True)
class Constraint:
    """What a relation connects: kg class names (any subclass fits) or, for a literal-valued
    relation, the xsd datatypes its value may have (``literal`` True)."""

    relation: str
    domain: frozenset[str]
    range: frozenset[str]
    literal: bool


@dataclass(frozen=True, order=True)
class Decision:
    """One fact the constraints acted on: ``dropped``, or kept by ``retyped`` its entity."""

    article: str
    start: int
    relation: str
    action: str
    subject: str
    subject_class: str
    object: str
    object_class: str
    reason: str
    rule: str = field(compare=False)
    sentence: str = field(compare=False)


@dataclass
class ConstraintReport:
    """Every fact dropped and every entity retyped by :func:`enforce_constraints`."""

    dropped: list[Decision] = field(default_factory=list)
    retyped: list[Decision] = field(default_factory=list)
    entities_retyped: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (old, new)


def _local(node: object, ns: str) -> str | None:
    s = str(node)
    return s[len(ns) :] if isinstance(node, URIRef) and s.startswith(ns) else None


def _ends(prop: URIRef, main: URIRef, includes: URIRef) -> tuple[frozenset[str], bool]:
    """Class (or xsd datatype) names one end allows, and whether they are datatypes."""
    g = ontology_graph()
    listed = sorted(g.objects(prop, includes), key=str) or sorted(g.objects(prop, main), key=str)
    names: set[str] = set()
    literal = False
    for node in listed:
        if (name := _local(node, KG_NS)) is not None:
            names.add(name)
        elif (name := _local(node, _XSD)) is not None:
            names.add(name)
            literal = True
        elif node == RDFS.Literal:
            names.add("Literal")
            literal = True
        else:
            raise ValueError(f"ontology.ttl: {prop} has an end {node} that is no kg class or xsd datatype")
    return frozenset(names), literal


@cache
def constraints() -> dict[str, Constraint]:
    """Domain and range of every relation, read from the ontology; a relation missing either raises."""
    g = ontology_graph()
    out: dict[str, Constraint] = {}
    for name, rel in RELATIONS.items():
        if g.value(rel.iri, RDFS.domain) is None or g.value(rel.iri, RDFS.range) is None:
            raise ValueError(f"ontology.ttl: kg:{name} declares no rdfs:domain or no rdfs:range")
        domain, _ = _ends(rel.iri, RDFS.domain, SCHEMA.domainIncludes)
        rng, literal = _ends(rel.iri, RDFS.range, SCHEMA.rangeIncludes)
        if literal != (rel.kind != "object"):
            raise ValueError(f"ontology.ttl: kg:{name} is of kind {rel.kind} but its range is {sorted(rng)}")
        out[name] = Constraint(name, domain, rng, literal)
    return out


def constraint(relation: str) -> Constraint:
    """The constraint of one relation."""
    return constraints()[relation]


def fits(cls: str, allowed: Iterable[str]) -> bool:
    """True when ``cls`` is one of ``allowed`` or a subclass of one of them."""
    return bool(set(class_parents(cls)) & set(allowed))


def _compatible(a: str, b: str) -> bool:
    """Two classes on one branch of the hierarchy (one is the other or an ancestor of it)."""
    return a in class_parents(b) or b in class_parents(a)


def _value_fits(f: ResolvedFact, c: Constraint) -> bool:
    if isinstance(f.object, DateValue):
        dt = date_literal(f.object).datatype
        return c.literal and (_local(dt, _XSD) in c.range or "Literal" in c.range)
    if isinstance(f.object, TextValue):
        return c.literal and bool({"string", "Literal"} & c.range)
    return not c.literal


def _mention_weight(ms: Sequence[Mention], cls: str, other: str) -> float:
    """Weight of the mentions typed compatibly with ``cls`` and not with ``other``."""
    return sum(
        SOURCE_WEIGHTS.get(m.source, 1.0)
        for m in ms
        if m.cls not in _NO_EVIDENCE and _compatible(m.cls, cls) and not _compatible(m.cls, other)
    )


_GAZ_CLASSES = {"country": "Country", "region": "AdministrativeRegion", "city": "City", "continent": "Place"}


def _gazetteer_class(e: Entity) -> str | None:
    """The class the gazetteer gives one of the entity's names: a nationality adjective's country
    ("Filipino" → Country), else the most likely place of the label."""
    gaz = gazetteer()
    names = [e.label, *(a for a, _ in e.aliases)]
    if any(gaz.nationality(n) is not None for n in names):
        return "Country"
    place = gaz.lookup(e.label)
    return _GAZ_CLASSES.get(place.kind) if place is not None else None


def _gazetteer_weight(e: Entity, cls: str, other: str) -> float:
    """A gazetteer match's weight for ``cls`` (when it does not also fit ``other``)."""
    found = _gazetteer_class(e)
    if found is None or not _compatible(found, cls) or _compatible(found, other):
        return 0.0
    return SOURCE_WEIGHTS.get("gazetteer", 3.0)


def _locked(ms: Sequence[Mention], cls: str) -> bool:
    return any(m.source in _LOCKING_SOURCES and m.cls not in _NO_EVIDENCE and _compatible(m.cls, cls) for m in ms)


def _retype(facts: Sequence[ResolvedFact], res: Resolution, report: ConstraintReport) -> dict[str, Entity]:
    cons = constraints()
    ents = dict(res.entities)
    needs: dict[str, list[tuple[frozenset[str], ResolvedFact]]] = defaultdict(list)
    for f in facts:
        c = cons[f.relation]
        needs[f.subject].append((c.domain, f))
        if isinstance(f.object, str) and not c.literal:
            needs[f.object].append((c.range, f))
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m, key in res.of.items():
        mentions[key].append(m)
    for key in sorted(needs):
        e = ents.get(key)
        if e is None:
            continue
        reqs = needs[key]
        bad = [allowed for allowed, _ in reqs if not fits(e.cls, allowed)]
        ms = mentions[key]
        if not bad or _locked(ms, e.cls):
            continue
        margins: dict[str, float] = {}
        for cand in sorted({c for allowed in bad for c in allowed} - {"Entity"}):
            new = sum(f.evidence.confidence for a, f in reqs if fits(cand, a) and not fits(e.cls, a))
            old = sum(f.evidence.confidence for a, f in reqs if fits(e.cls, a) and not fits(cand, a))
            new += _mention_weight(ms, cand, e.cls) + _gazetteer_weight(e, cand, e.cls)
            old += _mention_weight(ms, e.cls, cand) + _gazetteer_weight(e, e.cls, cand)
            margins[cand] = round(new - old, 6)  # rounded: the order of a sum never decides a tie
        ranked = sorted(margins.items(), key=lambda kv: (-kv[1], kv[0]))
        # the best class must win against the entity's own and be the only one that does that well
        if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            cls = _sharpest(e, ms, ranked[0][0])
            ents[key] = replace(e, cls=cls)
            report.entities_retyped[key] = (e.cls, cls)
    return ents


def _sharpest(e: Entity, ms: Sequence[Mention], cls: str) -> str:
    """``cls``, or the subclass of it the entity's mentions give the most weight ("Place" → "City")."""
    votes: dict[str, float] = defaultdict(float)
    for m in ms:
        if m.cls != cls and cls in class_parents(m.cls):
            votes[m.cls] += SOURCE_WEIGHTS.get(m.source, 1.0)
    found = _gazetteer_class(e)
    if found is not None and found != cls and cls in class_parents(found):
        votes[found] += SOURCE_WEIGHTS.get("gazetteer", 3.0)
    return max(sorted(votes), key=lambda c: votes[c]) if votes else cls


def _describe(f: ResolvedFact, ents: dict[str, Entity], action: str, reason: str) -> Decision:
    s = ents[f.subject]
    if isinstance(f.object, str):
        o = ents[f.object]
        obj, ocls = o.label, o.cls
    else:
        obj, ocls = (f.object.iso if isinstance(f.object, DateValue) else f.object.text), "literal"
    ev = f.evidence
    return Decision(
        ev.article, ev.start, f.relation, action, s.label, s.cls, obj, ocls, reason, ev.extractor, ev.sentence
    )


def _violation(f: ResolvedFact, ents: dict[str, Entity]) -> str | None:
    c = constraints()[f.relation]
    s = ents.get(f.subject)
    if s is None:
        return "unknown subject"
    if not fits(s.cls, c.domain):
        return f"subject is {s.cls}, domain is {'|'.join(sorted(c.domain))}"
    if not _value_fits(f, c):
        return f"object does not fit range {'|'.join(sorted(c.range))}"
    if isinstance(f.object, str):
        o = ents.get(f.object)
        if o is None:
            return "unknown object"
        if not fits(o.cls, c.range):
            return f"object is {o.cls}, range is {'|'.join(sorted(c.range))}"
    return None


def enforce_constraints(
    facts: Sequence[ResolvedFact], res: Resolution, report: ConstraintReport, retype: bool = True
) -> tuple[list[ResolvedFact], Resolution]:
    """The facts that fit their relation's domain and range, and the resolution with any
    retyped entities (``retype=False``: only drop, as for inferred facts)."""
    before = res.entities
    ents = _retype(facts, res, report) if retype else dict(res.entities)
    kept: list[ResolvedFact] = []
    for f in facts:
        why = _violation(f, ents)
        if why is not None:
            report.dropped.append(_describe(f, ents, "dropped", why))
            continue
        kept.append(f)
        ends = [k for k in (f.subject, f.object) if isinstance(k, str) and k in ents]
        changed = [k for k in ends if ents[k] is not before.get(k)]
        if changed and _violation(f, before) is not None:
            moves = ", ".join(f"{ents[k].label} {before[k].cls} -> {ents[k].cls}" for k in changed)
            report.retyped.append(_describe(f, ents, "retyped", moves))
    return kept, (Resolution(ents, res.of) if retype else res)


def _shape_ends(names: frozenset[str], literal: bool) -> str:
    if literal:
        terms = [f"[ sh:datatype xsd:{n} ]" if n != "Literal" else "[ sh:nodeKind sh:Literal ]" for n in sorted(names)]
    else:
        terms = [f"[ sh:class kg:{n} ]" for n in sorted(names)]
    return terms[0][2:-2] if len(terms) == 1 else f"sh:or ( {' '.join(terms)} )"


def _classes_text(names: frozenset[str], prefix: str = "kg:") -> str:
    terms = [("rdfs:Literal" if n == "Literal" else prefix + n) for n in sorted(names)]
    return f"a {terms[0]}" if len(terms) == 1 else "one of " + ", ".join(terms)


def shapes_turtle() -> str:
    """The domain and range shapes of every relation, as Turtle (the generated part of ``kg/shapes.ttl``)."""
    lines = []
    for name, c in constraints().items():
        dom = _classes_text(c.domain)
        lines.append(
            f"shx:{name}-domain a sh:NodeShape ; sh:targetSubjectsOf kg:{name} ;\n"
            f"    {_shape_ends(c.domain, False)} ;\n"
            f'    sh:message "the subject of kg:{name} must be {dom}" .\n'
        )
        rng = _classes_text(c.range, "xsd:" if c.literal else "kg:")
        if c.literal:
            lines.append(
                f"shx:{name}-range a sh:NodeShape ; sh:targetSubjectsOf kg:{name} ;\n"
                f"    sh:property [ sh:path kg:{name} ; {_shape_ends(c.range, True)} ;\n"
                f'        sh:message "the value of kg:{name} must be {rng}" ] .\n'
            )
        else:
            lines.append(
                f"shx:{name}-range a sh:NodeShape ; sh:targetObjectsOf kg:{name} ;\n"
                f"    {_shape_ends(c.range, False)} ;\n"
                f'    sh:message "the object of kg:{name} must be {rng}" .\n'
            )
    return "\n".join(lines)


SHAPES_MARKER = "# ---- generated: domain and range ----\n"


def write_shapes(path: str) -> None:
    """Replace the generated part of a shapes file (everything after :data:`SHAPES_MARKER`)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    head = text.split(SHAPES_MARKER, 1)[0]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head + SHAPES_MARKER + shapes_turtle())


if __name__ == "__main__":  # python -m kg.constraints: regenerate the domain and range shapes of kg/shapes.ttl
    import sys
    from pathlib import Path

    write_shapes(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("shapes.ttl")))
