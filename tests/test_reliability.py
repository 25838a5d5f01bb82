"""Never lose the graph: a second writer is refused, rebuilds reuse work, a killed build leaves a consistent store."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.graph import KnowledgeGraph
from kg.pipeline import build_graph

from .conftest import DATA, SEEDS


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def test_second_writer_is_refused_at_once(tmp_path: Path):
    store = tmp_path / "st"
    holder = ox.Store(str(store))  # another writer holds the store
    try:
        t0 = time.perf_counter()
        r = _kg("build", str(DATA / "plain_prose.txt"), "--store", str(store))
        assert r.returncode == 1
        assert "another process is writing to this store" in r.stderr
        assert "Traceback" not in r.stderr
        assert time.perf_counter() - t0 < 30  # refused before any NLP work
    finally:
        del holder


def test_rebuild_reuses_unchanged_articles_and_prunes(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("plain_prose.txt", "harbour_revolt.txt"):
        shutil.copy(DATA / name, src / name)
    first = build_graph([src], tmp_path / "st", [tmp_path / "a.nq"])
    assert first.reused == 0
    second = build_graph([src], tmp_path / "st", [tmp_path / "b.nq"])
    assert second.reused == 2
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()
    (src / "plain_prose.txt").write_text(
        (DATA / "plain_prose.txt").read_text(encoding="utf-8") + "\nIt was disbanded in 1939.\n", encoding="utf-8"
    )
    third = build_graph([src], tmp_path / "st", [])
    assert third.reused == 1
    g = KnowledgeGraph.open(tmp_path / "st")
    assert ("dissolved", "1939") in {(f["relation"], f["object"]) for f in g.facts(subject="Lorentz Brigade")}
    del g
    (src / "plain_prose.txt").unlink()
    fourth = build_graph([src], tmp_path / "st", [], prune=True)
    assert fourth.pruned == ["plain_prose"]
    g = KnowledgeGraph.open(tmp_path / "st")
    assert g.rows("SELECT ?x WHERE { GRAPH <https://kg.example.org/doc/plain_prose> { ?x ?p ?o } } LIMIT 1") == []


def test_killed_build_leaves_a_consistent_store(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for p in [*DATA.glob("*.txt"), *SEEDS.glob("*.txt")]:
        shutil.copy(p, src / p.name)
    store = tmp_path / "st"
    build_graph([DATA / "plain_prose.txt"], store, [], use_cache=False)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(src), "--store", str(store), "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    g = KnowledgeGraph.open(store)  # still opens
    # every article graph present is whole: each statement's triple is there too
    broken = g.rows("""SELECT ?st WHERE { GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
        rdf:object ?o . FILTER NOT EXISTS { ?s ?p ?o } } }""")
    assert broken == []
    assert g.rows("SELECT ?a WHERE { GRAPH ?a { ?a a kg:Article } }")


def test_validate_passes_on_seed_and_catches_a_planted_violation(tmp_path: Path, seed_build):
    _, store, _ = seed_build
    r = _kg("validate", "--store", str(store))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "conforms" in r.stdout
    bad = tmp_path / "bad"
    shutil.copytree(store, bad)
    s = ox.Store(str(bad))
    s.update("""PREFIX kg: <https://kg.example.org/ontology#>
        INSERT DATA { GRAPH <https://kg.example.org/doc/planted> {
          <https://kg.example.org/statement/planted> a kg:Statement ;
              <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://kg.example.org/resource/X> ;
              kg:confidence 1.5 .
          <https://kg.example.org/resource/X> kg:child <https://kg.example.org/resource/Lima> . } }""")
    del s
    r = _kg("validate", "--store", str(bad))
    assert r.returncode == 1
    assert "confidence must be a decimal in [0, 1]" in r.stdout
    assert "kg:Person" in r.stdout  # a child relation from something that is no person


def test_odd_but_valid_text_builds(tmp_path: Path):
    """Emoji, bidi marks, zero-width characters, a 100,000-character line, empty sections, headings
    with no text and stray dashes all build, and the facts around them still come out."""
    long_line = " ".join(["The council met again and argued about the harbour tolls."] * 1750)
    assert len(long_line) >= 100_000
    text = (
        "= Merovan Guild =\n\n"
        "Merovan Guild\n- Founder: Tarsa Velimir\n-\n- \n\n"
        "The Merovan Guild 🛶 is a trade union in Keldan founded by Tarsa Velimir in 1921.\u200b\n"
        "Its motto is \u202bשלום\u202c and \u2066«onward»\u2069.\n\n"
        "== History ==\n\n== Early years ==\n\n-\n---\n\n"
        f"{long_line}\n\n"
        "==  ==\n\n"
        "In 1950 the Merovan Guild was banned.\ufeff\n"
    )
    src = tmp_path / "src"
    src.mkdir()
    (src / "merovan_guild.txt").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    report = build_graph([src], tmp_path / "st", [tmp_path / "out.nq"])
    assert report.failures == [] and report.articles == ["merovan_guild"]
    assert time.perf_counter() - t0 < 120  # no quadratic blow-up on the long line
    g = KnowledgeGraph.open(tmp_path / "st")
    facts = {(f["relation"], str(f["object"])) for f in g.facts(subject="Merovan Guild")}
    assert ("foundedBy", "Tarsa Velimir") in facts
    assert ("banned", "1950") in facts
    for f in g.facts():
        assert text[f["start"] : f["end"]] == f["sentence"]


def test_shards_extracted_in_parallel_then_built_match_a_direct_build(tmp_path: Path):
    """The fan-out of docs/scaling.md: `kg extract` on shards at once (no lock), then one
    `kg build` that reuses every extraction and writes the same graph as a direct build."""
    shards = [tmp_path / "a", tmp_path / "b"]
    for d in shards:
        d.mkdir()
    from kg.documents.reader import find_articles

    articles, _ = find_articles(DATA)  # every article a folder build of DATA reads (subfolders too)
    for i, f in enumerate(articles):
        shutil.copy(f, shards[i % 2] / f.name)
    store = tmp_path / "st"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "extract", str(d), "--store", str(store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in shards
    ]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "Extracted" in out
    assert not store.exists()  # extraction never touches the store
    n = len(articles)
    report = build_graph(shards, store, [tmp_path / "sharded.nq"])
    assert report.reused == n and report.failures == []
    direct = build_graph([DATA], tmp_path / "direct", [tmp_path / "direct.nq"], use_cache=False)
    assert direct.reused == 0
    assert (tmp_path / "sharded.nq").read_bytes() == (tmp_path / "direct.nq").read_bytes()


def _build_articles(tmp_path: Path, articles: dict[str, str]) -> KnowledgeGraph:
    """Build invented articles ({file stem: text}) into a fresh store; every one must build."""
    src = tmp_path / "src"
    src.mkdir()
    for stem, text in articles.items():
        (src / f"{stem}.txt").write_text(text, encoding="utf-8")
    report = build_graph([src], tmp_path / "st", [tmp_path / "out.nq"])
    assert report.failures == [] and sorted(report.articles) == sorted(articles)
    return KnowledgeGraph.open(tmp_path / "st")


def _relation_objects(g: KnowledgeGraph, subject: str) -> set[tuple[str, str]]:
    return {(f["relation"], str(f["object"])) for f in g.facts(subject=subject)}


def test_infobox_banned_is_a_ban_not_an_end(tmp_path: Path):
    """Infobox "Banned" gives the year a party was outlawed (kg:banned), never its dissolution: a
    banned party may go on underground and end later ("Dissolved")."""
    g = _build_articles(tmp_path, {
        "orvan_league": "= Orvan League =\n\nOrvan League\n- Founded: 1931\n- Banned: 1948\n- Dissolved: 1961\n\n"
        "The Orvan League was a political party in Keldan.\n",
    })
    facts = _relation_objects(g, "Orvan League")
    assert ("banned", "1948") in facts
    assert ("dissolved", "1961") in facts
    assert ("dissolved", "1948") not in facts


def test_an_elections_symbol_is_no_logo_of_the_election(tmp_path: Path):
    """In an election infobox, Symbol1..n is the ballot symbol of each side's party, not a logo of the
    election: it is kept as an infobox value. A party's own Symbol is still its logo."""
    g = _build_articles(tmp_path, {
        "1978_keldan_general_election": "= 1978 Keldan general election =\n\n1978 Keldan general election\n"
        "- Election Name: 1978 Keldan general election\n- Election Date: 4 May 1978\n"
        "- Party1: Orvan League\n- Symbol1: Boat\n- Popular Vote1: 120,000\n"
        "- Party2: Keldan Farmers' Union\n- Symbol2: Plough\n- Popular Vote2: 90,000\n\n"
        "The 1978 Keldan general election was held in Keldan on 4 May 1978.\n",
        "orvan_league": "= Orvan League =\n\nOrvan League\n- Founded: 1931\n- Symbol: Rose\n\n"
        "The Orvan League is a political party in Keldan.\n",
    })
    assert not [f for f in _relation_objects(g, "1978 Keldan general election") if f[0] == "logo"]
    assert ("logo", "Rose") in _relation_objects(g, "Orvan League")
