from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import Dataset

from kg.graph import KnowledgeGraph
from kg.pipeline import build_graph

from .conftest import DATA, SEEDS


def test_seed_entities_typed_and_labelled(seed_graph: KnowledgeGraph):
    rows = seed_graph.rows("""SELECT DISTINCT ?e ?l ?t WHERE { GRAPH ?g { ?e rdfs:label ?l ; a ?t }
        FILTER(CONTAINS(STR(?e), "/resource/")) }""")
    assert len({r["e"] for r in rows}) >= 35
    assert all(r["l"] and str(r["t"]).startswith("https://kg.example.org/ontology#") for r in rows)


def test_every_fact_has_provenance(seed_graph: KnowledgeGraph):
    missing = seed_graph.rows("""SELECT ?st WHERE { ?st a kg:Statement .
        FILTER NOT EXISTS { ?st prov:wasDerivedFrom ?a ; kg:sentence ?s ; kg:startOffset ?b ; kg:endOffset ?e ;
                            kg:extractor ?x ; kg:confidence ?c ; kg:section ?sec } }""")
    assert missing == []
    bad = seed_graph.rows("SELECT ?c WHERE { ?st kg:confidence ?c FILTER(?c < 0 || ?c > 1) }")
    assert bad == []


def test_a_fact_node_is_a_kg_statement_and_so_an_rdf_statement(seed_graph: KnowledgeGraph):
    """kg/rdf.py's contract: a fact's reification node is typed kg:Statement, a subclass of
    rdf:Statement in the ontology the store holds; an alias's node is a plain rdf:Statement."""
    count = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {} }}"
    facts = int(seed_graph.rows(count.format("?st a kg:Statement"))[0]["n"])
    aliases = int(seed_graph.rows(count.format("?st a rdf:Statement ; kg:aliasSource ?how"))[0]["n"])
    every = int(seed_graph.rows(count.format("?st a/rdfs:subClassOf* rdf:Statement"))[0]["n"])
    reified = int(seed_graph.rows(count.format("?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o"))[0]["n"])
    assert facts > 50 and aliases > 5
    assert every == reified == facts + aliases
    assert seed_graph.rows("SELECT ?st WHERE { ?st a kg:Statement ; kg:aliasSource ?how }") == []


def test_offsets_point_at_the_evidence(seed_graph: KnowledgeGraph):
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    rows = seed_graph.rows("SELECT ?s ?b ?e WHERE { ?st kg:sentence ?s ; kg:startOffset ?b ; kg:endOffset ?e }")
    assert rows
    for r in rows:
        assert text[int(r["b"]) : int(r["e"])] == r["s"]


def test_membership_with_qualifiers_and_source_line(seed_graph: KnowledgeGraph):
    rows = seed_graph.rows("""SELECT ?member ?status ?line WHERE {
        ?st rdf:predicate kg:memberOf ; rdf:subject ?m ; kg:status ?status ; kg:sentence ?line ;
            kg:extractor "infobox:Membership" . ?m rdfs:label ?member }""")
    statuses = {r["status"] for r in rows}
    assert statuses == {"Current", "Historical"}
    assert len(rows) == 4
    assert all(r["line"].startswith("- Membership:") for r in rows)


def test_leader_and_founder_from_infobox(seed_graph: KnowledgeGraph):
    rows = seed_graph.rows("""SELECT ?p WHERE { ?o kg:leader ?x . ?o kg:foundedBy ?y .
        ?x rdfs:label ?p }""")
    assert len(rows) == 1


def test_relations_map_to_wikidata():
    from kg.ontology import RELATIONS

    mapped = [r for r in RELATIONS.values() if r.wikidata]
    assert len(mapped) >= 30
    for pid in [
        "P112",
        "P488",
        "P159",
        "P17",
        "P131",
        "P276",
        "P463",
        "P102",
        "P1142",
        "P40",
        "P22",
        "P25",
        "P3373",
        "P26",
        "P710",
        "P1344",
        "P585",
        "P580",
        "P582",
        "P571",
        "P576",
        "P737",
        "P138",
        "P462",
        "P361",
        "P527",
        "P108",
        "P39",
        "P569",
        "P19",
        "P570",
        "P27",
        "P607",
        "P69",
        "P241",
        "P1365",
        "P1366",
    ]:
        assert any(r.wikidata == pid for r in mapped), pid


def test_dates_are_typed(data_graph: KnowledgeGraph):
    rows = data_graph.rows('SELECT ?d WHERE { ?x rdfs:label "Green Union of Valdora" ; kg:inception ?d }')
    assert {str(r["d"]) for r in rows} == {"1994-03-12"}
    dt = data_graph.rows("SELECT (DATATYPE(?d) AS ?t) WHERE { ?x kg:dissolved ?d }")
    assert str(dt[0]["t"]).endswith("#gYear")


def test_event_infobox_gives_range_and_participants(data_graph: KnowledgeGraph):
    facts = data_graph.facts(subject="Harbour Revolt of Santa Irena")
    rels = {(f["relation"], str(f["object"])) for f in facts}
    assert ("startTime", "1921-05-04") in rels and ("endTime", "1921-05-09") in rels
    assert ("location", "Santa Irena") in rels
    assert {o for r, o in rels if r == "participant"} >= {"Dockworkers' Federation", "Chilean Army"}


def test_unmapped_keys_are_kept(data_build):
    report, store = data_build
    assert report.unmapped_keys["Ground"] == 1  # a key the table lacks: kept and counted
    assert "Seats" not in report.unmapped_keys  # a known parameter with no relation: kept, not counted
    g = KnowledgeGraph.open(store)
    for key, value in (("Ground", "Estadio Lacosta"), ("Seats", "4 / 120")):
        rows = g.rows(f'SELECT ?v WHERE {{ ?st kg:infoboxKey "{key}" ; rdf:object ?v }}')
        assert [r["v"] for r in rows] == [value]


def test_same_input_gives_identical_dumps(tmp_path: Path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"a{n}.trig"
        build_graph([SEEDS, DATA / "plain_prose.txt"], tmp_path / f"s{n}", [out, tmp_path / f"a{n}.nq"])
        outs.append(out)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert (tmp_path / "a1.nq").read_bytes() == (tmp_path / "a2.nq").read_bytes()
    ds = Dataset()
    ds.parse(outs[0], format="trig")
    assert len(ds) > 0 or sum(1 for _ in ds.quads()) > 0


def test_bad_articles_are_named_and_the_rest_builds(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((DATA / "plain_prose.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "latin1.txt").write_bytes("= Caf\xe9 =\n\nText.".encode("latin-1"))
    r = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(folder), "--store", str(tmp_path / "st")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    for name, why in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "not UTF-8")]:
        assert any(name in line and why in line for line in r.stderr.splitlines()), r.stderr
    assert "Built 1 article" in r.stdout
    g = KnowledgeGraph.open(tmp_path / "st")
    assert g.entity("Lorentz Brigade")["type"] in ("ArmedGroup", "MilitaryUnit")


def test_parallel_build_gives_identical_output(tmp_path: Path):
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    build_graph([DATA, SEEDS], tmp_path / "s1", [one], jobs=1, use_cache=False)
    build_graph([DATA, SEEDS], tmp_path / "s2", [two], jobs=2, use_cache=False)
    assert one.read_bytes() == two.read_bytes()


def test_each_article_graph_labels_what_its_statements_name(data_graph: KnowledgeGraph):
    """The contract the query library leans on: a statement's subject and (entity) object are
    labelled in the statement's own graph, so labels join inside GRAPH ?g, without the
    duplicates the union of thousands of article graphs would bring."""
    unlabelled = data_graph.rows(
        """SELECT ?g ?st ?x WHERE { GRAPH ?g {
             { ?st a kg:Statement ; rdf:subject ?x } UNION
             { ?st a kg:Statement ; rdf:object ?x FILTER(isIRI(?x) && CONTAINS(STR(?x), "/resource/")) }
             FILTER NOT EXISTS { ?x rdfs:label ?l } } }"""
    )
    assert unlabelled == []
    assert len(data_graph.rows("SELECT ?st WHERE { ?st a kg:Statement }")) > 50
