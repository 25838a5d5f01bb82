"""The tool tells the truth about its store (issue 18): the build summary gives the store's totals
and the articles it kept, a build of nothing does not claim success, progress shows only on a
terminal, and leadership and membership carry their terms. Every test drives the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TENURE = ROOT / "tests" / "data" / "tenure"

ONE = """= Amber Coast Union =

Amber Coast Union
- Founded: 1971
- Leader: Ruta Kalnin

The Amber Coast Union is a trade union in Norveth. It was founded by Ruta Kalnin in 1971.
"""

TWO = """= Ruta Kalnin =

Ruta Kalnin (born 1940) is a Norvethian trade unionist. She founded the Amber Coast Union in 1971.
"""


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def _store_line(out: str) -> dict[str, int]:
    m = re.search(r"now holds (\d+) article\(s\), (\d+) entities, (\d+) facts, (\d+) quads\.", out)
    assert m, out
    return dict(zip(("articles", "entities", "facts", "quads"), map(int, m.groups()), strict=True))


def _count(store: Path, sparql: str) -> int:
    r = kg("query", sparql, "--store", str(store), "--format", "json")
    assert r.returncode == 0, r.stderr
    return int(json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"])


def test_the_summary_gives_the_store_totals_and_the_articles_it_kept(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "amber_coast_union.txt").write_text(ONE, encoding="utf-8")
    (src / "ruta_kalnin.txt").write_text(TWO, encoding="utf-8")
    store = tmp_path / "store"
    first = kg("build", str(src), "--store", str(store))
    assert first.returncode == 0, first.stderr
    both = _store_line(first.stdout)
    assert both["articles"] == 2
    assert "not in this build" not in first.stdout

    (src / "ruta_kalnin.txt").unlink()
    second = kg("build", str(src), "--store", str(store))
    assert second.returncode == 0, second.stderr
    assert "Built 1 article(s)" in second.stdout
    assert "1 stored article(s) were not in this build: kept (use --prune to remove them): ruta_kalnin" in second.stdout
    kept = _store_line(second.stdout)
    # the store still holds both articles, and says so: the totals are the store's, not this build's
    assert kept == both
    assert kept["quads"] == _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    facts = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?st a kg:Statement } }"
    assert kept["facts"] == _count(store, facts)
    written = int(re.search(r"\((\d+) quads written", second.stdout).group(1))  # type: ignore[union-attr]
    assert written < kept["quads"]

    pruned = kg("build", str(src), "--store", str(store), "--prune")
    assert pruned.returncode == 0, pruned.stderr
    assert "Pruned 1 article(s) no longer given: ruta_kalnin" in pruned.stdout
    assert "not in this build" not in pruned.stdout
    after = _store_line(pruned.stdout)
    assert after["articles"] == 1 and after["quads"] < kept["quads"]


def test_a_build_of_nothing_does_not_claim_success(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "amber_coast_union.txt").write_text(ONE, encoding="utf-8")
    store = tmp_path / "store"
    assert kg("build", str(src), "--store", str(store)).returncode == 0
    before = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

    r = kg("build", str(tmp_path / "nope.txt"), "--store", str(store), "--prune")
    assert r.returncode == 1
    assert "Built" not in r.stdout + r.stderr
    assert "nope.txt: no such file or folder" in r.stderr
    assert "Nothing built" in r.stderr
    assert _store_line(r.stderr)["quads"] == before
    # nothing was pruned or rewritten: a build that read nothing leaves the store as it was
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == before


def _run_on_pty(args: list[str]) -> tuple[int, str, str]:
    """Run kg with stderr on a pseudo-terminal (stdout a pipe); returns (exit code, stdout, the terminal's text)."""
    import pty
    import select

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                data = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode() if proc.stdout else ""
    code = proc.wait(timeout=600)
    os.close(leader)
    return code, out, b"".join(chunks).decode("utf-8", "replace")


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"league_{i}.txt").write_text(
            f"= Harbour League {i} =\n\nThe Harbour League {i} is a union in Norveth. It was founded in {1950 + i}.\n",
            encoding="utf-8",
        )
    return folder


def test_progress_moves_per_article_on_a_terminal_only(tmp_path: Path):
    src = _corpus(tmp_path / "src", 12)
    code, out, tty = _run_on_pty(["build", str(src), "--store", str(tmp_path / "a"), "--no-validate"])
    assert code == 0, tty
    assert "Built 12 article(s)" in out  # the summary stays on stdout
    # every phase reports, up to its last article, with a rate and the time left
    for stage in ("read", "extract", "write"):
        assert re.search(rf"{stage}\s+12/12", tty), tty
    assert re.search(r"extract\s+\d+/12  [\d.]+ articles/s  \d+:\d\d left", tty), tty
    extract_counts = {int(n) for n in re.findall(r"extract\s+(\d+)/12", tty)}
    assert len(extract_counts) >= 2  # it moved, not only a final line

    code, out, tty = _run_on_pty(["build", str(src), "--store", str(tmp_path / "b"), "--no-validate", "--quiet"])
    assert code == 0 and "Built 12 article(s)" in out
    assert "/12" not in tty and "articles/s" not in tty

    piped = kg("build", str(src), "--store", str(tmp_path / "c"), "--no-validate")
    assert piped.returncode == 0
    assert "/12" not in piped.stderr and "articles/s" not in piped.stderr  # a log or pipe gets no progress


@pytest.fixture(scope="module")
def tenure_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("tenure") / "store"
    r = kg("build", str(TENURE), "--store", str(store))
    assert r.returncode == 0, r.stderr
    return store


def _csv(r: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_leaders_carry_their_terms_and_a_past_leader_is_former(tenure_store: Path):
    rows = _csv(kg("query", "leaders", "--store", str(tenure_store), "--format", "csv"))
    got = {(r["person"], r["role"], r["from"], r["until"]) for r in rows if r["organisation"] == "Lantern League"}
    assert ("Tomas Verhoek", "former leader", "1994", "2009") in got  # "led the party from 1994 until 2009"
    assert ("Ilse Marrow", "leader", "2009", "") in got  # "succeeded … as leader of the party in 2009"
    assert ("Anna Ruusk", "leader", "2011", "") in got  # "became leader in 2011": the article's party
    assert not any(p == "Tomas Verhoek" and role == "leader" for p, role, _, _ in got)


def test_membership_carries_joining_and_leaving(tenure_store: Path):
    rows = _csv(kg("query", "membership", "--store", str(tenure_store), "--format", "csv"))
    got = {(r["member"], r["status"], r["from"], r["until"]) for r in rows if r["movement"] == "Lantern League"}
    assert ("Piet Kallas", "Historical", "1998", "2004") in got  # "joined … in 1998 and left it in 2004"
    assert ("Greta Holm", "", "2003", "") in got  # "has been a member … since 2003"
    # a leader is a member for the same term (inferred, with the premise's dates)
    assert ("Tomas Verhoek", "Historical", "1994", "2009") in got


def test_succession_gives_replaces_and_replaced_by(tenure_store: Path):
    q = (
        "SELECT ?a ?rel ?b ?role WHERE { GRAPH ?g { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ;"
        " rdf:object ?o . FILTER(?p IN (kg:replaces, kg:replacedBy)) OPTIONAL { ?st kg:role ?role }"
        " ?s rdfs:label ?a . ?o rdfs:label ?b } BIND(STRAFTER(STR(?p), '#') AS ?rel) }"
    )
    rows = _csv(kg("query", q, "--store", str(tenure_store), "--format", "csv"))
    got = {(r["a"], r["rel"], r["b"], r["role"]) for r in rows}
    assert ("Ilse Marrow", "replaces", "Tomas Verhoek", "leader") in got  # for that position
    assert ("Tomas Verhoek", "replacedBy", "Ilse Marrow", "leader") in got  # the inverse, inferred
    assert ("Ilse Marrow", "replacedBy", "Anna Ruusk", "") in got  # "Marrow was succeeded by Anna Ruusk"
    assert ("Anna Ruusk", "replaces", "Ilse Marrow", "") in got
    assert kg("validate", "--store", str(tenure_store)).returncode == 0  # nothing the ontology forbids


def _readme_block(command: str) -> list[str]:
    """The lines the README's tour shows under ``$ command``, up to the next command or the block's end."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"$ {command}") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(("$ ", "```")))
    return lines[start:end]


def test_the_readme_tour_build_summary_is_this_code_s_output(tmp_path: Path):
    """The README's ``kg build seeds`` block, regenerated: every line as printed (a line the README
    shortens with ", ..." must begin with what it shows), so the README's figures stay true."""
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    command = "kg build seeds -o out/seed.trig"
    r = subprocess.run(
        [sys.executable, "-m", "kg", *command.split()[1:]], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert r.returncode == 0, r.stderr
    real = r.stdout.splitlines()
    shown = _readme_block(command)
    assert len(shown) == len(real), "\n".join(real)
    for want, got in zip(shown, real, strict=True):
        if want.endswith(", ..."):
            assert got.startswith(want[: -len("...")]), f"README: {want}\nreal:   {got}"
        else:
            assert got == want, f"README: {want}\nreal:   {got}"


def test_headings_are_events_only_when_they_name_one(tmp_path: Path):
    store = tmp_path / "store"
    r = kg("build", str(ROOT / "tests" / "data" / "headings"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    q = (
        "SELECT ?label ?type WHERE { ?e rdfs:label ?label ; a ?t . ?t rdfs:subClassOf* kg:Event ."
        " BIND(STRAFTER(STR(?t), '#') AS ?type) }"
    )
    events = {row["label"]: row["type"] for row in _csv(kg("query", q, "--store", str(store), "--format", "csv"))}
    for heading in ("History", "Founding", "Formation", "Leadership of Dara Venn", "Ideology"):
        assert heading not in events, events
    assert events.get("Siege of the Granary") == "Conflict", events
    labels = {
        row["l"]
        for row in _csv(kg("query", "SELECT ?l WHERE { ?e rdfs:label ?l }", "--store", str(store), "--format", "csv"))
    }
    assert "Granary" not in labels  # "Siege of the Granary" makes no place called Granary
    assert not {"History", "Founding", "Formation", "Ideology"} & labels
