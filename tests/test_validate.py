"""``kg validate`` reads the store's triples straight into rdflib (no N-Quads text in between):
the same data graph as parsing the dump, so the same violations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.pipeline import BuildReport
from kg.store import open_store
from kg.validate import data_graph, validate_store, violations

PLANTED = """PREFIX kg: <https://kg.example.org/ontology#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
INSERT DATA {
  GRAPH <https://kg.example.org/doc/planted> {
    <https://kg.example.org/resource/P> a kg:PoliticalParty ; rdfs:label "P" ; kg:deathDate "2001"^^xsd:gYear ;
        kg:colour "red"@en .
    <https://kg.example.org/resource/Q> a kg:Person ; rdfs:label "Q one" .
    _:st a kg:Statement ; rdf:subject <https://kg.example.org/resource/Q> ; rdf:predicate kg:memberOf ;
        rdf:object <https://kg.example.org/resource/P> ; kg:sentence "Q is in P." ; kg:section "Lead" ;
        kg:startOffset "-3"^^xsd:integer ; kg:endOffset "7"^^xsd:string ; kg:extractor "x" ;
        kg:confidence "1.5"^^xsd:decimal ; <http://www.w3.org/ns/prov#wasDerivedFrom> "not an IRI" .
  }
  GRAPH <https://kg.example.org/doc/other> { <https://kg.example.org/resource/Q> rdfs:label "Q two"@en . }
}"""


def _parsed(store: Path) -> Graph:
    """The data graph as kg validate made it before: the N-Quads dump parsed as N-Triples."""
    nt = open_store(store, read_only=True).dump(format=ox.RdfFormat.N_QUADS)
    assert nt is not None
    triples = "\n".join(line.rsplit(" ", 2)[0] + " ." for line in nt.decode("utf-8").splitlines() if line)
    return Graph().parse(data=triples, format="nt")


def test_the_store_read_directly_is_the_parsed_dump_with_the_same_violations(
    tmp_path: Path, seed_build: tuple[BuildReport, Path, Path]
):
    bad = tmp_path / "bad"
    shutil.copytree(seed_build[1], bad)
    s = ox.Store(str(bad))
    s.update(PLANTED)
    del s
    direct = data_graph(open_store(bad, read_only=True))
    parsed = _parsed(bad)
    assert len(direct) == len(parsed) > 1000
    # the same triples, blank nodes aside (a parser names them afresh)
    ground = {t for t in direct if not any(type(x).__name__ == "BNode" for x in t)}
    assert ground == {t for t in parsed if not any(type(x).__name__ == "BNode" for x in t)}
    found = validate_store(bad)
    before = violations(parsed, open_store(bad, read_only=True))
    on_ground = [v for v in found if "/resource/" in v.focus]
    assert [v for v in before if "/resource/" in v.focus] == on_ground
    assert len(found) == len(before)
    shapes = {v.shape.rsplit("#", 1)[-1] for v in found}
    assert {"deathDate-domain", "colour-range", "Entity", "Statement"} <= shapes, shapes
    stmt = [v for v in found if v.shape.endswith("#Statement")]
    assert len(stmt) >= 4 and all(v.articles == () or v.articles == ("planted",) for v in stmt)
