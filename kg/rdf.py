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
    import pyoxigraph as ox

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


def _object(iris: Iris, o: str | DateValue | TextValue) -> Node:
    if isinstance(o, DateValue):
        return date_literal(o)
    if isinstance(o, TextValue):
        return Literal(o.text)
    return iris.entity(o)


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


def _dec(x: float) -> Literal:
    return Literal(Decimal(f"{min(max(x, 0.0), 1.0):.3f}"), datatype=XSD.decimal)


def article_quads(
    iris: Iris,
    stem: str,
    meta: dict[str, str],
    entities: list[Entity],
    facts: list[ResolvedFact],
    gazetteer_ids: dict[str, str],
) -> Iterator[Quad]:
    """Every quad of one article's named graph."""
    g = iris.article(stem)
    yield g, RDF.type, KG.Article, g
    for k, v in sorted(meta.items()):
        if k == "about":
            yield g, SCHEMA.about, iris.entity(v), g
            continue
        pred = {"title": DCTERMS.title, "file": KG.sourceFile, "hash": KG.contentHash}[k]
        yield g, pred, Literal(v), g
    for e in entities:
        s = iris.entity(e.key)
        yield s, RDF.type, KG[e.cls], g
        yield s, RDFS.label, Literal(e.label), g
        # the folded names, so a name lookup is one index probe instead of a scan of every label
        for key in sorted({name_key(n) for n in (e.label, *(a for a, _ in e.aliases))} - {""}):
            yield s, KG.nameKey, Literal(key), g
        for alias, how in e.aliases:
            yield s, SKOS.altLabel, Literal(alias), g
            node = iris.statement[hashlib.sha1(f"{stem}|{e.key}|{alias}".encode()).hexdigest()[:20]]
            yield node, RDF.type, RDF.Statement, g
            yield node, RDF.subject, s, g
            yield node, RDF.predicate, SKOS.altLabel, g
            yield node, RDF.object, Literal(alias), g
            yield node, KG.aliasSource, Literal(how), g
            yield node, PROV.wasDerivedFrom, g, g
        if e.key in gazetteer_ids:
            yield s, KG.gazetteerMatch, URIRef(gazetteer_ids[e.key]), g
    for f in facts:
        rel = RELATIONS[f.relation]
        s, o = iris.entity(f.subject), _object(iris, f.object)
        yield s, rel.iri, o, g
        node = iris.statement[statement_id(f)]
        ev = f.evidence
        yield node, RDF.type, KG.Statement, g
        yield node, RDF.subject, s, g
        yield node, RDF.predicate, rel.iri, g
        yield node, RDF.object, o, g
        yield node, PROV.wasDerivedFrom, g, g
        yield node, KG.section, Literal(ev.section), g
        yield node, KG.sentence, Literal(ev.sentence), g
        yield node, KG.startOffset, Literal(ev.start, datatype=XSD.nonNegativeInteger), g
        yield node, KG.endOffset, Literal(ev.end, datatype=XSD.nonNegativeInteger), g
        yield node, KG.extractor, Literal(ev.extractor), g
        yield node, KG.confidence, _dec(ev.confidence), g
        for qk, qv in f.qualifiers:
            if qk == "status":
                yield node, KG.status, Literal(qv), g
            elif qk == "key":
                yield node, KG.infoboxKey, Literal(qv), g
            elif qk in ("start", "end"):
                when = date_literal(DateValue(qv)) if _ISO.fullmatch(qv) else Literal(qv)
                yield node, KG.validFrom if qk == "start" else KG.validUntil, when, g
            elif qk == "side":
                yield node, KG.side, Literal(int(qv), datatype=XSD.integer), g
            elif qk in ("role", "predecessor", "successor"):
                yield node, KG[qk], Literal(qv), g
        if f.inferred_by:
            yield node, KG.inferred, Literal(True), g
            yield node, KG.rule, Literal(f.inferred_by), g
            for p in f.premises:
                yield node, KG.premise, iris.statement[p], g
