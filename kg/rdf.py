"""Assemble resolved facts into RDF quads: the graph contract of DESIGN.md.

One named graph per article (``<BASE>doc/<stem>``) holds the entities it
mentions (type, label, aliases) and the facts it supports; each fact has a
reification node (``rdf:subject``, ``rdf:predicate``, ``rdf:object``) with its
provenance, typed ``kg:Statement``, which the ontology declares a subclass of
``rdf:Statement``. An alias's node (its ``kg:aliasSource``) is typed
``rdf:Statement`` itself, so ``?st a kg:Statement`` finds the facts and only
them, and ``?st a/rdfs:subClassOf* rdf:Statement`` (the store holds the
ontology) finds every reification node. IRIs are stable (entity slugs,
statement hashes), so the same input gives the same quads.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.errors import KgError
from kg.graph import name_key
from kg.model import DateValue, Entity, Evidence, TextValue
from kg.ontology import KG, PROV, RELATIONS, SCHEMA

__all__ = [
    "DEFAULT_BASE",
    "BaseIriError",
    "Iris",
    "Quad",
    "ResolvedFact",
    "article_quads",
    "check_base",
    "date_literal",
    "iri_segment",
    "statement_id",
]

DEFAULT_BASE = "https://kg.example.org/"
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # a qualifier's date: typed like every other date
Quad = tuple[Node, Node, Node, URIRef]


@dataclass(frozen=True, order=True, slots=True)
class ResolvedFact:
    """A fact after resolution: subject and object are entity keys (or a value)."""

    subject: str
    relation: str
    object: str | DateValue | TextValue
    evidence: Evidence
    qualifiers: tuple[tuple[str, str], ...] = ()
    inferred_by: str | None = None
    premises: tuple[str, ...] = ()  # statement ids


_IRI_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
_BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


class BaseIriError(KgError):
    """``--base`` is not an absolute IRI."""


def _iri_char(c: str) -> bool:
    """May ``c`` stand unencoded in an IRI path segment (RFC 3987 ipchar, bidi controls excepted)?"""
    if c in _IRI_ASCII:
        return True
    cp = ord(c)
    if cp < 0xA0 or cp in _BIDI:
        return False
    return (
        cp <= 0xD7FF
        or 0xF900 <= cp <= 0xFDCF
        or 0xFDF0 <= cp <= 0xFFEF
        or (0x10000 <= cp < 0xE0000 and cp & 0xFFFF <= 0xFFFD)
        or 0xE1000 <= cp <= 0xEFFFD
    )


def iri_segment(name: str) -> str:
    """``name`` as one IRI path segment: every character an IRI may not hold (space, tab, ``<>"{}|^`\\``,
    ``%``, ``/``, ``?``, ``#``, controls, bidi controls) percent-encoded as UTF-8, the rest kept readable.
    Encoding every ``%`` makes it reversible with :func:`urllib.parse.unquote`.

    >>> iri_segment("Año 100% <draft>")
    'Año%20100%25%20%3Cdraft%3E'
    """
    return "".join(
        c if _iri_char(c) else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in name
    )


def check_base(base: str) -> str:
    """``base`` if it is an absolute IRI minted IRIs can hang under, else :class:`BaseIriError`."""
    if not _SCHEME.match(base):
        raise BaseIriError(f"--base {base!r} is not an absolute IRI (it needs a scheme, as in https://example.org/)")
    try:
        ox.NamedNode(base)
    except ValueError as exc:
        raise BaseIriError(f"--base {base!r} is not a valid absolute IRI ({exc})") from None
    return base


class Iris:
    """IRI minting under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        check_base(base)
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.resource = Namespace(self.base + "resource/")
        self.doc = Namespace(self.base + "doc/")
        self.statement = Namespace(self.base + "statement/")
        self.ontology_graph = URIRef(self.base + "ontology")

    def entity(self, key: str) -> URIRef:
        """IRI of an entity key."""
        return self.resource[key]

    def article(self, stem: str) -> URIRef:
        """IRI of an article (also its named graph); the stem percent-encoded where an IRI needs it."""
        return self.doc[iri_segment(stem)]

    def stem_of(self, iri: str) -> str | None:
        """The file stem of an article IRI under this base, or None."""
        if not iri.startswith(str(self.doc)):
            return None
        return urllib.parse.unquote(iri[len(str(self.doc)) :], errors="surrogatepass")


def date_literal(d: DateValue) -> Literal:
    """A typed literal at the date's precision.

    >>> date_literal(DateValue("2000-10")).datatype == XSD.gYearMonth
    True
    """
    dt = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[d.precision]
    return Literal(d.iso, datatype=dt)


def statement_id(f: ResolvedFact) -> str:
    """Stable id of one (fact, evidence) pair."""
    o = f.object if isinstance(f.object, str) else repr(f.object)
    raw = "|".join(
        map(
            str,
            (
                f.evidence.article,
                f.subject,
                f.relation,
                o,
                f.evidence.extractor,
                f.evidence.start,
                f.evidence.end,
                f.qualifiers,
                f.inferred_by,
            ),
        )
    )
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _dec(x: float) -> str:
    """A confidence as the lexical form of its ``xsd:decimal``: three decimals, within [0, 1]."""
    return str(Decimal(f"{min(max(x, 0.0), 1.0):.3f}"))


def _ox(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


# the pyoxigraph twins of the rdflib IRIs an article graph uses, made once
_TYPE, _LABEL, _ALT, _ABOUT = _ox(RDF.type), _ox(RDFS.label), _ox(SKOS.altLabel), _ox(SCHEMA.about)
_SUBJECT, _PREDICATE, _OBJECT = _ox(RDF.subject), _ox(RDF.predicate), _ox(RDF.object)
_RDF_STATEMENT, _STATEMENT, _ARTICLE = _ox(RDF.Statement), _ox(KG.Statement), _ox(KG.Article)
_DERIVED, _NAME_KEY = _ox(PROV.wasDerivedFrom), _ox(KG.nameKey)
_META = {"title": _ox(DCTERMS.title), "file": _ox(KG.sourceFile), "hash": _ox(KG.contentHash)}
_ALIAS_SOURCE, _GAZ_MATCH = _ox(KG.aliasSource), _ox(KG.gazetteerMatch)
_SECTION, _SENTENCE, _START, _END = _ox(KG.section), _ox(KG.sentence), _ox(KG.startOffset), _ox(KG.endOffset)
_EXTRACTOR, _CONFIDENCE, _INFERRED, _RULE, _PREMISE = (
    _ox(KG.extractor), _ox(KG.confidence), _ox(KG.inferred), _ox(KG.rule), _ox(KG.premise)
)  # fmt: skip
_QUALIFIER = {
    "status": _ox(KG.status), "key": _ox(KG.infoboxKey), "start": _ox(KG.validFrom), "end": _ox(KG.validUntil),
    "side": _ox(KG.side), **{k: _ox(KG[k]) for k in ("role", "predecessor", "successor")},
}  # fmt: skip
_DATE_TYPE = {"day": _ox(XSD.date), "month": _ox(XSD.gYearMonth), "year": _ox(XSD.gYear)}
_NN_INT, _INT, _DECIMAL = _ox(XSD.nonNegativeInteger), _ox(XSD.integer), _ox(XSD.decimal)
_TRUE = ox.Literal("true", datatype=_ox(XSD.boolean))
_CLASS: dict[str, ox.NamedNode] = {}  # kg:City, …: made on first use
_RELATION: dict[str, ox.NamedNode] = {}


def _date(d: DateValue) -> ox.Literal:
    """:func:`date_literal` as a pyoxigraph term (the same lexical form and datatype)."""
    return ox.Literal(d.iso, datatype=_DATE_TYPE[d.precision])


def article_quads(
    iris: Iris,
    stem: str,
    meta: dict[str, str],
    entities: list[Entity],
    facts: list[ResolvedFact],
    gazetteer_ids: dict[str, str],
) -> Iterator[ox.Quad]:
    """Every quad of one article's named graph, as pyoxigraph terms (made directly: converting
    rdflib terms cost as much as writing them)."""
    g = _ox(iris.article(stem))
    resource, statement = str(iris.resource), str(iris.statement)
    made: dict[str, ox.NamedNode] = {}

    def entity(key: str) -> ox.NamedNode:
        node = made.get(key)
        if node is None:
            node = made[key] = ox.NamedNode(resource + key)
        return node

    Q = ox.Quad
    yield Q(g, _TYPE, _ARTICLE, g)
    for k, v in sorted(meta.items()):
        yield Q(g, _ABOUT, entity(v), g) if k == "about" else Q(g, _META[k], ox.Literal(v), g)
    for e in entities:
        s = entity(e.key)
        cls = _CLASS.get(e.cls) or _CLASS.setdefault(e.cls, _ox(KG[e.cls]))
        yield Q(s, _TYPE, cls, g)
        yield Q(s, _LABEL, ox.Literal(e.label), g)
        # the folded names, so a name lookup is one index probe instead of a scan of every label
        for key in sorted({name_key(n) for n in (e.label, *(a for a, _ in e.aliases))} - {""}):
            yield Q(s, _NAME_KEY, ox.Literal(key), g)
        for alias, how in e.aliases:
            name = ox.Literal(alias)
            yield Q(s, _ALT, name, g)
            node = ox.NamedNode(statement + hashlib.sha1(f"{stem}|{e.key}|{alias}".encode()).hexdigest()[:20])
            yield Q(node, _TYPE, _RDF_STATEMENT, g)
            yield Q(node, _SUBJECT, s, g)
            yield Q(node, _PREDICATE, _ALT, g)
            yield Q(node, _OBJECT, name, g)
            yield Q(node, _ALIAS_SOURCE, ox.Literal(how), g)
            yield Q(node, _DERIVED, g, g)
        if e.key in gazetteer_ids:
            yield Q(s, _GAZ_MATCH, ox.NamedNode(gazetteer_ids[e.key]), g)
    for f in facts:
        rel = _RELATION.get(f.relation) or _RELATION.setdefault(f.relation, _ox(RELATIONS[f.relation].iri))
        s, ob = entity(f.subject), f.object
        o = _date(ob) if isinstance(ob, DateValue) else ox.Literal(ob.text) if isinstance(ob, TextValue) else entity(ob)
        yield Q(s, rel, o, g)
        node = ox.NamedNode(statement + statement_id(f))
        ev = f.evidence
        yield Q(node, _TYPE, _STATEMENT, g)
        yield Q(node, _SUBJECT, s, g)
        yield Q(node, _PREDICATE, rel, g)
        yield Q(node, _OBJECT, o, g)
        yield Q(node, _DERIVED, g, g)
        yield Q(node, _SECTION, ox.Literal(ev.section), g)
        yield Q(node, _SENTENCE, ox.Literal(ev.sentence), g)
        yield Q(node, _START, ox.Literal(str(ev.start), datatype=_NN_INT), g)
        yield Q(node, _END, ox.Literal(str(ev.end), datatype=_NN_INT), g)
        yield Q(node, _EXTRACTOR, ox.Literal(ev.extractor), g)
        yield Q(node, _CONFIDENCE, ox.Literal(_dec(ev.confidence), datatype=_DECIMAL), g)
        for qk, qv in f.qualifiers:
            if qk in ("start", "end"):
                when = _date(DateValue(qv)) if _ISO.fullmatch(qv) else ox.Literal(qv)
                yield Q(node, _QUALIFIER[qk], when, g)
            elif qk == "side":
                yield Q(node, _QUALIFIER[qk], ox.Literal(str(int(qv)), datatype=_INT), g)
            elif qk in _QUALIFIER:
                yield Q(node, _QUALIFIER[qk], ox.Literal(qv), g)
        if f.inferred_by:
            yield Q(node, _INFERRED, _TRUE, g)
            yield Q(node, _RULE, ox.Literal(f.inferred_by), g)
            for p in f.premises:
                yield Q(node, _PREMISE, ox.NamedNode(statement + p), g)
