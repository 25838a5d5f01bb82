"""Inference: inverse, symmetric and chained facts, marked with rule and premises."""

from __future__ import annotations

from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.infer import infer_facts
from kg.model import DateValue, Entity, Evidence
from kg.pipeline import build_graph
from kg.rdf import ResolvedFact, statement_id

from .conftest import DATA


def _fact(s: str, rel: str, o: str, conf: float = 0.9) -> ResolvedFact:
    return ResolvedFact(s, rel, o, Evidence("doc", "Lead", "s.", 0, 2, "test", conf))


def _ents(*pairs: tuple[str, str]) -> dict[str, Entity]:
    return {k: Entity(k, k, cls, (), ("doc",)) for k, cls in pairs}


def test_chain_reaches_the_country_with_weakest_confidence():
    ents = _ents(("Town", "City"), ("Shire", "AdministrativeRegion"), ("Land", "Country"))
    facts = [_fact("Town", "locatedIn", "Shire", 0.8), _fact("Shire", "country", "Land", 0.6)]
    out = {(f.subject, f.relation, f.object): f for f in infer_facts(facts, ents)}
    f = out[("Town", "country", "Land")]
    assert f.inferred_by == "country-via-location"
    assert f.evidence.confidence <= 0.6
    assert set(f.premises) == {statement_id(facts[0]), statement_id(facts[1])}


def test_chain_joins_facts_of_one_article_only():
    # "Dublin" placed in one article and put in a country by another may be two Dublins
    ents = _ents(("Bridge", "Facility"), ("Dublin", "City"), ("Land", "Country"))
    first = _fact("Bridge", "locatedIn", "Dublin")
    other = ResolvedFact("Dublin", "country", "Land", Evidence("other-doc", "Lead", "s.", 0, 2, "test", 0.9))
    assert not [f for f in infer_facts([first, other], ents) if f.relation == "country"]
    same = _fact("Dublin", "country", "Land")
    assert [f.object for f in infer_facts([first, same], ents) if f.relation == "country"] == ["Land"]


def test_each_article_holds_what_its_own_facts_imply():
    ents = _ents(("Town", "City"), ("Land", "Country"))
    a = _fact("Town", "country", "Land")
    b = ResolvedFact("Town", "country", "Land", Evidence("doc2", "Lead", "s.", 0, 2, "test", 0.7))
    got = sorted((f.evidence.article, f.evidence.confidence) for f in infer_facts([a, b], ents))
    assert got == [("doc", 0.855), ("doc2", 0.665)]  # locatedIn in both graphs, each from its own premise


def test_inverse_and_symmetric():
    ents = _ents(("A", "Person"), ("B", "Person"), ("Rally", "Event"))
    out = {
        (f.subject, f.relation, f.object)
        for f in infer_facts([_fact("A", "sibling", "B"), _fact("Rally", "participant", "A")], ents)
    }
    assert ("B", "sibling", "A") in out
    assert ("A", "participantIn", "Rally") in out


def test_containment_inverse_only_for_regions():
    ents = _ents(("Town", "City"), ("Shire", "AdministrativeRegion"), ("Land", "Country"))
    out = {
        (f.subject, f.relation, f.object)
        for f in infer_facts([_fact("Town", "locatedIn", "Shire"), _fact("Shire", "locatedIn", "Land")], ents)
    }
    assert ("Land", "containsTerritory", "Shire") in out
    assert ("Shire", "containsTerritory", "Town") not in out


def test_stated_facts_and_literals_are_not_reinferred():
    ents = _ents(("A", "Person"), ("B", "Person"))
    facts = [
        _fact("A", "spouse", "B"),
        _fact("B", "spouse", "A"),
        ResolvedFact("A", "birthDate", DateValue("1900"), Evidence("doc", "Lead", "s.", 0, 2, "t", 0.9)),
    ]
    assert infer_facts(facts, ents) == []


def test_inferred_facts_carry_provenance_and_can_be_turned_off(tmp_path: Path):
    build_graph([DATA / "person_oyelaran.txt"], tmp_path / "on", [])
    g = KnowledgeGraph.open(tmp_path / "on")
    rows = g.rows("""SELECT ?rule ?c ?pc WHERE { ?st kg:inferred true ; kg:rule ?rule ; kg:confidence ?c ;
                     kg:premise ?p . ?p kg:confidence ?pc }""")
    assert rows and all(float(r["c"]) <= float(r["pc"]) for r in rows)
    assert {r["rule"] for r in rows} >= {"symmetric:sibling"}
    build_graph([DATA / "person_oyelaran.txt"], tmp_path / "off", [], inference=False)
    assert KnowledgeGraph.open(tmp_path / "off").rows("SELECT ?st WHERE { ?st kg:inferred true }") == []


def test_inverse_and_symmetric_rules_come_from_the_ontology():
    from kg.datafiles import load_json
    from kg.infer import inference_rules
    from kg.ontology import RELATIONS, ontology_inverses

    table = load_json("inference.json")
    assert "inverse" not in table and "symmetric" not in table  # the table keeps chains and implications
    steps = {(s.source, s.result) for s in inference_rules().steps if s.name.startswith("inverse:")}
    skip = set(table["inverse_not_inferred"])
    for a, b in ontology_inverses():
        assert ((a, b) in steps) == (b not in skip) and ((b, a) in steps) == (a not in skip)
    symmetric = {s.source for s in inference_rules().steps if s.name.startswith("symmetric:")}
    assert symmetric == {r.name for r in RELATIONS.values() if r.symmetric} >= {"sibling", "spouse"}
