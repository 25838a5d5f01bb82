"""``KnowledgeGraph``: the Python door to a built store (no spaCy import here).

>>> import tempfile, kg
>>> art = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
>>> _ = art.write("= Green Union =\\n- Leader: Jane Roe\\n- Founded: 1990\\n\\nThe Green Union is a party.\\n")
>>> art.close()
>>> g = kg.build([art.name], store=tempfile.mkdtemp())
>>> g.entity("green union")["label"]
'Green Union'
>>> [(f["relation"], f["object"]) for f in g.facts(subject="Green Union", relation="leader")]
[('leader', 'Jane Roe')]
>>> ("out", "leader", "Jane Roe") in g.neighbors("Green Union")
True
>>> nxg = g.to_networkx()
>>> sorted(nxg.nodes[n]["label"] for n in nxg)
['Green Union', 'Jane Roe']
>>> g.rows("SELECT ?d WHERE { ?x kg:inception ?d }")
[{'d': '1990'}]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.ontology import PREFIXES
from kg.query import fold as _fold
from kg.query_path import PATH_MAX_ENTITIES, meet, path_relations
from kg.records import EntityRecord, FactRecord
from kg.store import open_store

__all__ = ["EntityRecord", "FactRecord", "KnowledgeGraph", "bind_values", "example_graph", "name_key"]

ONTO = PREFIXES["kg"]
AMBIGUOUS_SHOWN = 10  # entities an ambiguous name lists (by IRI), with how many there are in all


def name_key(text: str) -> str:
    """``text`` as a name lookup compares it (:func:`kg.query.fold`: accents removed, case folded,
    outer spaces stripped); a build writes it beside each label and alias as ``kg:nameKey``.

    >>> name_key(" ÁNA Ruíz ")
    'ana ruiz'
    """
    return _fold(text)


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return term.value
    return term.value


def bind_values(sparql: str, bindings: dict[str, Any]) -> str:
    """``sparql`` with ``bindings`` pre-bound by a VALUES block at the top of each WHERE clause
    (subqueries too, whose variables are otherwise out of reach), so every pattern and FILTER
    sees them; terms are written in their escaped N-Triples form, never pasted text. Strings
    bind as literals, ``ox.NamedNode`` values as IRIs.

    >>> print(bind_values("SELECT ?x WHERE { ?x rdfs:label ?name }", {"name": 'say "hi"'}))
    SELECT ?x WHERE {
      VALUES (?name) { ("say \\"hi\\"") }
     ?x rdfs:label ?name }
    """
    bad = [k for k in bindings if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k)]
    if bad:
        raise QueryError(f"not a variable name: {', '.join(map(repr, bad))}")
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(
        str(v if isinstance(v, ox.NamedNode | ox.Literal) else ox.Literal(str(v))) for v in bindings.values()
    )
    values = f"VALUES ({names}) {{ ({terms}) }}"
    if not re.search(r"\bWHERE\s*\{", sparql, re.I):
        return f"{sparql}\n{values}"
    # Into every WHERE clause, subqueries included: a parameter means the same thing everywhere.
    return re.sub(r"\bWHERE\s*\{", lambda m: f"{m.group(0)}\n  {values}\n", sparql, flags=re.I)


_EXAMPLE = """@prefix kg: <https://kg.example.org/ontology#> .
@prefix r: <https://kg.example.org/resource/> .
@prefix st: <https://kg.example.org/statement/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://kg.example.org/doc/green_union> {
  <https://kg.example.org/doc/green_union> a kg:Article .
  r:Green_Union a kg:PoliticalParty ; rdfs:label "Green Union" ; skos:altLabel "GU" ; kg:leader r:Jane_Roe ;
    kg:nameKey "green union", "gu" .
  r:Jane_Roe a kg:Person ; rdfs:label "Jane Roe" ; kg:nameKey "jane roe" .
  st:s1 a kg:Statement ; rdf:subject r:Green_Union ; rdf:predicate kg:leader ; rdf:object r:Jane_Roe ;
    prov:wasDerivedFrom <https://kg.example.org/doc/green_union> ; kg:sentence "- Leader: Jane Roe" ;
    kg:startOffset "18"^^xsd:nonNegativeInteger ; kg:endOffset "36"^^xsd:nonNegativeInteger ;
    kg:extractor "infobox:Leader" ; kg:confidence 0.95 ; kg:validFrom "2011"^^xsd:gYear .
}
"""


def example_graph() -> KnowledgeGraph:
    """A two-entity graph in memory (a party and its leader since 2011, one statement), the shape
    every built store has: for trying the API without building anything.

    >>> len(example_graph()) > 10
    True
    """
    store = ox.Store()
    store.load(_EXAMPLE.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return KnowledgeGraph(store, ":memory:")


class KnowledgeGraph:
    """A built knowledge graph in an Oxigraph store.

    >>> g = example_graph()
    >>> g.rows("SELECT ?l WHERE { ?p kg:leader ?x . ?x rdfs:label ?l }")
    [{'l': 'Jane Roe'}]
    """

    def __init__(self, store: ox.Store, path: str | Path) -> None:
        self.store = store
        self.path = Path(path)

    @classmethod
    def open(cls, path: str | Path) -> KnowledgeGraph:
        """Open the store at ``path`` for reading (a missing store is a :class:`KgError`).

        >>> KnowledgeGraph.open("/nonexistent/store")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.StoreError: /nonexistent/store: no store here; build one first with 'kg build ...'
        """
        return cls(open_store(path, read_only=True), path)

    def query(self, sparql: str, **bindings: Any) -> Any:
        """Run SPARQL over the union of all graphs; ``bindings`` pre-bind variables safely.

        Strings bind as literals, ``ox.NamedNode`` values as IRIs. Common
        prefixes (kg, rdfs, skos, prov, schema, wdt, xsd...) are predeclared.

        Not the same shape as :meth:`rows`, on purpose: this returns pyoxigraph's own result,
        whatever the query form (SELECT solutions with ``.variables`` and RDF terms, an ASK's
        bool, a CONSTRUCT's triples), which ``kg query`` formats as SPARQL results (JSON, CSV,
        TSV) keeping each term's kind (IRI, literal, datatype, language). :meth:`rows` is for
        SELECT only and turns each solution into a dict of plain Python strings.

        >>> g = example_graph()
        >>> res = g.query("SELECT ?x WHERE { ?x rdfs:label ?name }", name="Jane Roe")
        >>> [v.value for v in res.variables], [str(s["x"]) for s in res]
        (['x'], ['<https://kg.example.org/resource/Jane_Roe>'])
        >>> bool(g.query("ASK { ?p kg:leader ?x }"))
        True
        """
        if any(isinstance(v, str) for v in bindings.values()):
            bindings = self._entities(sparql, bindings)
        try:
            return self._run(bind_values(sparql, bindings) if bindings else sparql)
        except SyntaxError as exc:
            from kg.query import describe_syntax_error

            message = str(exc)
            # report the position in the text the user wrote, not in the bound one (parsed on an
            # empty store, never with a SERVICE clause that could reach out)
            if bindings and "SERVICE" not in sparql.upper():
                try:
                    ox.Store().query(sparql, prefixes=PREFIXES)
                except SyntaxError as own:
                    message = str(own)
            raise QueryError(describe_syntax_error(sparql, message, PREFIXES)) from None

    def _entities(self, sparql: str, bindings: dict[str, Any]) -> dict[str, Any]:
        """``bindings`` with each name bound to a parameter the query declares an entity
        (``# Parameters: ?name (entity, ...)``) resolved to that entity's IRI, as ``kg query`` does."""
        from kg.query import query_spec

        kinds = {p.name: p.kind for p in query_spec(sparql).params} if "{" in sparql else {}
        return {
            k: ox.NamedNode(self.resolve(v)) if isinstance(v, str) and kinds.get(k) == "entity" else v
            for k, v in bindings.items()
        }

    def _run(self, sparql: str) -> Any:
        try:
            return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except (RuntimeError, OSError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def rows(self, sparql: str, **bindings: Any) -> list[dict[str, Any]]:
        """A SELECT query's solutions as plain dicts of Python values (IRIs and literals as their
        strings, an unbound variable as None); see :meth:`query` for why it differs from it.

        >>> example_graph().rows("SELECT ?x ?since WHERE { ?st rdf:object ?x ; kg:validFrom ?since }")
        [{'x': 'https://kg.example.org/resource/Jane_Roe', 'since': '2011'}]
        """
        res = self.query(sparql, **bindings)
        names = [v.value for v in res.variables]
        return [{n: _py(sol[n]) for n in names} for sol in res]

    def resolve(self, name: str) -> str:
        """IRI of the entity whose label or alias is ``name`` (case- and accent-insensitive).

        >>> example_graph().resolve("gu")
        'https://kg.example.org/resource/Green_Union'
        """
        found: dict[str, str] = {}
        key = _fold(name)
        # the index a build writes beside every label and alias (kg:nameKey): one probe for the
        # distinct entities (a country named by 10^4 articles has as many key triples; any filter
        # or join in the same query ran once per triple, 5x the probe), then the first SHOWN + 1
        # by IRI checked for a type; no label is read unless the name is ambiguous (each label of
        # such a country is another 10^4 rows)
        keyed = sorted(str(r["e"]) for r in self.rows("SELECT DISTINCT ?e WHERE { ?e kg:nameKey ?k }", k=key)
                       if "/resource/" in str(r["e"]))
        hits: list[str] = []
        for i in range(0, len(keyed), 50):
            if len(hits) > AMBIGUOUS_SHOWN:
                break
            values = " ".join(str(ox.NamedNode(e)) for e in keyed[i : i + 50])
            typed = {str(r["e"]) for r in self.rows(
                f"SELECT ?e WHERE {{ VALUES ?e {{ {values} }} FILTER EXISTS {{ ?e a ?t }} }}")}
            hits += [e for e in keyed[i : i + 50] if e in typed]
        hits = hits[: AMBIGUOUS_SHOWN + 1]
        if len(hits) == 1:
            return str(hits[0])
        if hits:
            self._ambiguous(name, key, hits)
        if not found:  # a store written before the index, or no such name: read every name
            q = """SELECT DISTINCT ?e ?l ?n WHERE { ?e rdfs:label ?l ; a ?t .
                   { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n }
                   FILTER(CONTAINS(STR(?e), "/resource/")) }"""
            names = self.rows(q)
            for row in names:
                if _fold(str(row["n"])) == key:
                    found[row["e"]] = row["l"]
        if not found:
            from kg.query import closest

            label_of = {str(r["n"]): str(r["l"]) for r in names}
            near = list(dict.fromkeys(label_of[n] for n in closest(name, sorted(label_of), n=5)))[:3]
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise KgError(f"no entity is called {name!r}{hint}")
        if len(found) > 1:
            options = ", ".join(f"{label} <{iri}>" for iri, label in sorted(found.items())[:AMBIGUOUS_SHOWN])
            more = len(found) - AMBIGUOUS_SHOWN
            raise KgError(f"{name!r} is ambiguous: {options}" + (f" and {more} more ({len(found)} entities)"
                                                                  if more > 0 else ""))
        return next(iter(found))

    def _ambiguous(self, name: str, key: str, hits: list[str]) -> NoReturn:
        """The :class:`KgError` for a name the index gives several entities: the first
        ``AMBIGUOUS_SHOWN`` by IRI with their smallest label, and how many there are in all."""
        shown = hits[:AMBIGUOUS_SHOWN]
        values = " ".join(str(ox.NamedNode(e)) for e in shown)
        label = {r["e"]: r["label"] for r in self.rows(
            f"SELECT ?e (MIN(?l) AS ?label) WHERE {{ VALUES ?e {{ {values} }} ?e rdfs:label ?l }} GROUP BY ?e")}
        options = ", ".join(f"{label.get(e, e)} <{e}>" for e in shown)
        if len(hits) <= AMBIGUOUS_SHOWN:
            raise KgError(f"{name!r} is ambiguous: {options}")
        count = self.rows("""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:nameKey ?k
                             FILTER(CONTAINS(STR(?e), "/resource/")) FILTER EXISTS { ?e a ?t } }""", k=key)
        total = int(count[0]["n"])
        raise KgError(f"{name!r} is ambiguous: {options} and {total - len(shown)} more ({total} entities)")

    def entity(self, name: str) -> EntityRecord:
        """Label, class, aliases and articles of the entity called ``name``.

        >>> e = example_graph().entity("green union")
        >>> e["label"], e["type"], e["aliases"]
        ('Green Union', 'PoliticalParty', ['GU'])
        """
        iri = self.resolve(name)
        node = ox.NamedNode(iri)
        rows = self.rows("SELECT DISTINCT ?e ?l ?t WHERE { GRAPH ?g { ?e rdfs:label ?l ; a ?t } }", e=node)
        aliases = sorted({r["a"] for r in self.rows("SELECT ?e ?a WHERE { ?e skos:altLabel ?a }", e=node)})
        arts = sorted({r["g"] for r in self.rows("SELECT ?e ?g WHERE { GRAPH ?g { ?e rdfs:label ?l } }", e=node)})
        return {
            "iri": iri,
            "label": rows[0]["l"] if rows else name,
            "type": sorted({str(r["t"]).replace(ONTO, "") for r in rows})[0] if rows else None,
            "aliases": aliases,
            "articles": arts,
        }

    def facts(
        self, subject: str | None = None, relation: str | None = None, object: str | None = None
    ) -> list[FactRecord]:
        """Facts with their evidence, filtered by subject name, relation name and object name.

        >>> [(f["relation"], f["object"], f["sentence"]) for f in example_graph().facts(subject="GU")]
        [('leader', 'Jane Roe', '- Leader: Jane Roe')]
        """
        binds: dict[str, Any] = {}
        if subject is not None:
            binds["s"] = ox.NamedNode(self.resolve(subject))
        if object is not None:
            binds["o"] = ox.NamedNode(self.resolve(object))
        if relation is not None:
            binds["p"] = ox.NamedNode(ONTO + relation)
        q = """SELECT ?s ?sl ?p ?o ?ol ?sentence ?start ?end ?extractor ?confidence ?g WHERE {
          GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                     kg:sentence ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ;
                     kg:extractor ?extractor ; kg:confidence ?confidence . }
          ?s rdfs:label ?sl . OPTIONAL { ?o rdfs:label ?ol } } ORDER BY ?g ?start ?p"""
        out: list[FactRecord] = []
        seen = set()
        for r in self.rows(q, **binds):
            key = (r["s"], r["p"], r["o"], r["g"], r["start"], r["extractor"])
            if key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "subject": r["sl"],
                    "relation": str(r["p"]).replace(ONTO, ""),
                    "object": r["ol"] if r["ol"] is not None else r["o"],
                    "sentence": r["sentence"],
                    "start": int(r["start"]),
                    "end": int(r["end"]),
                    "extractor": r["extractor"],
                    "confidence": float(r["confidence"]),
                    "article": r["g"],
                }
            )
        return out

    def neighbors(self, name: str) -> list[tuple[str, str, str]]:
        """(direction, relation, label) of every entity linked to ``name``.

        >>> example_graph().neighbors("Jane Roe")
        [('in', 'leader', 'Green Union')]
        """
        node = ox.NamedNode(self.resolve(name))
        out = set()
        # inside each article graph (its statements' ends are labelled there): through the union, a
        # neighbour named by n articles gave n * n rows
        out_q = "SELECT DISTINCT ?e ?p ?l WHERE { GRAPH ?g { ?e ?p ?o . ?o rdfs:label ?l . ?o a ?t } }"
        in_q = "SELECT DISTINCT ?e ?p ?l WHERE { GRAPH ?g { ?s ?p ?e . ?s rdfs:label ?l . ?s a ?t } }"
        for r in self.rows(out_q, e=node):
            if str(r["p"]).startswith(ONTO):
                out.add(("out", str(r["p"]).replace(ONTO, ""), r["l"]))
        for r in self.rows(in_q, e=node):
            if str(r["p"]).startswith(ONTO):
                out.add(("in", str(r["p"]).replace(ONTO, ""), r["l"]))
        return sorted(out)

    def shortest_path(self, source: str, target: str, max_entities: int = PATH_MAX_ENTITIES) -> list[tuple[str, ...]]:
        """The shortest path between the entities called ``source`` and ``target`` over the relations
        between entities (``seeAlso`` aside, either direction), each hop as (from, relation, to,
        direction, evidence sentence): the hop's statement of highest confidence.

        A breadth-first search from both ends at once over the direct triples, one query per level,
        the side with fewer links first (by the store's summary; :mod:`kg.query_path`), so it reads
        the neighbourhoods it needs and never the whole graph; it gives up (a :class:`KgError`)
        after reaching ``max_entities`` entities or before a level of more than ``PATH_MAX_LINKS`` links. Among paths of
        the same length it takes the one through the smallest IRIs, so it is the same every run.

        >>> example_graph().shortest_path("Jane Roe", "GU")
        [('Jane Roe', 'leader', 'Green Union', '<-', '- Leader: Jane Roe')]
        """
        a, b = self.resolve(source), self.resolve(target)
        nodes = meet(self, a, b, f"no path links {source!r} and {target!r}", max_entities)
        return [self._hop(x, y) for x, y in itertools.pairwise(nodes)]

    def _hop(self, x: str, y: str) -> tuple[str, ...]:
        rels = ", ".join(f"kg:{r}" for r in path_relations())
        # Oxigraph starts from the first pattern: from the end with fewer links (the summary's
        # kg:connections), never from a country every article names (10^5 statements to read)
        links = {r["e"]: int(r["n"]) for r in self.rows(
            f"SELECT ?e ?n WHERE {{ VALUES ?e {{ {ox.NamedNode(x)} {ox.NamedNode(y)} }} ?e kg:connections ?n }}")}
        ends = {"s": "rdf:subject ?s", "o": "rdf:object ?o"}

        def ask(s: str, o: str) -> str:
            first, then = ("o", "s") if links.get(o, 0) < links.get(s, 0) else ("s", "o")
            return f"""SELECT ?p ?sent WHERE {{ ?st {ends[first]} ; {ends[then]} .
                ?st a kg:Statement ; rdf:predicate ?p ; kg:confidence ?c ; kg:sentence ?sent .
                FILTER(?p IN ({rels})) }} ORDER BY DESC(?c) ?p ?sent LIMIT 1"""

        label = {}
        for n in (x, y):
            found = self.rows("SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 1", e=ox.NamedNode(n))
            label[n] = found[0]["l"] if found else n
        for s, o, arrow in ((x, y, "->"), (y, x, "<-")):
            rows = self.rows(ask(s, o), s=ox.NamedNode(s), o=ox.NamedNode(o))
            if rows:
                return (label[x], str(rows[0]["p"]).replace(ONTO, ""), label[y], arrow, rows[0]["sent"])
        raise KgError(f"no statement links <{x}> and <{y}>")  # a direct triple without its statement

    def to_networkx(self) -> Any:
        """A ``networkx.MultiDiGraph`` of entities (label, type, aliases) and relations
        (relation, confidence, sources); literals stay node attributes.

        >>> nxg = example_graph().to_networkx()
        >>> [(nxg.nodes[a]["label"], d["relation"], nxg.nodes[b]["label"]) for a, b, d in nxg.edges(data=True)]
        [('Green Union', 'leader', 'Jane Roe')]
        """
        from kg.netx import to_networkx

        return to_networkx(self)

    def export(self, fmt: str, path: str | Path, flt: Any = None) -> None:
        """Write the graph as ``fmt`` (``gexf``, ``graphml``, ``csv``, ``nq``, ``trig``, ``ttl``, ``nt``,
        ``jsonld``, ``html``); ``flt`` is an optional :class:`kg.export.ExportFilter`.

        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
        >>> example_graph().export("gexf", out)
        >>> "Jane Roe" in out.read_text(encoding="utf-8")
        True
        """
        from kg.export import export_graph

        export_graph(self, fmt, path, flt)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)
