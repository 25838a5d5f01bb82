"""Faults of issue 15 in the build: a cache that cannot run code, a build that survives a full disk,
a kill, odd file names, FIFOs, giant paragraphs, and stays linear."""

from __future__ import annotations

import errno
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.annotate as annotate
import kg.pipeline as pipeline
from kg.cache import ExtractionCache
from kg.model import DateValue, Evidence
from kg.pipeline import build_graph
from kg.rdf import ResolvedFact

from .conftest import DATA

ARTICLES = ("harbour_revolt.txt", "pavel_orlik.txt", "plain_prose.txt", "green_union.txt")


def _corpus(into: Path, names: tuple[str, ...] = ARTICLES) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for name in names:
        (into / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    return into


def _kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout)


class _Boom:
    """A pickle that, if ever loaded, writes a file (stands for any code an attacker likes)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


# --- 2. the extraction cache is data, checked ---------------------------------------------------


def test_a_malicious_pickle_in_the_cache_never_runs(tmp_path: Path):
    src = _corpus(tmp_path / "src")
    store = tmp_path / "st"
    first = build_graph([src], store, [tmp_path / "a.nq"])
    cache_dir = ExtractionCache(store).dir
    entries = sorted(cache_dir.iterdir())
    assert len(entries) == len(ARTICLES)
    marker = tmp_path / "pwned"
    evil = pickle.dumps(_Boom(marker))
    for p in entries:  # every entry, under its own name and under the name a pickle cache would use
        p.write_bytes(evil)
        p.with_suffix(".pickle").write_bytes(evil)
    second = build_graph([src], store, [tmp_path / "b.nq"])
    assert not marker.exists()
    assert second.cache_rejected == len(ARTICLES) and second.reused == 0
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()
    assert first.quads == second.quads
    # the bad entries were recomputed and rewritten: the next build reuses them all
    third = build_graph([src], store, [])
    assert third.reused == len(ARTICLES) and third.cache_rejected == 0


def test_a_flipped_byte_changes_nothing_and_is_counted(tmp_path: Path):
    src = _corpus(tmp_path / "src")
    store = tmp_path / "st"
    build_graph([src], store, [tmp_path / "a.nq"])
    changed = 0
    for p in sorted(ExtractionCache(store).dir.iterdir()):
        raw = p.read_bytes()
        # a letter of a name inside the payload, which keeps the entry well-formed (a pickle too)
        i = raw.find(b"Irena") if b"Irena" in raw else raw.find(b"Orlik") if b"Orlik" in raw else -1
        if i < 0:
            i = len(raw) // 2
            while not chr(raw[i]).isalpha():
                i += 1
        p.write_bytes(raw[:i] + bytes([raw[i] ^ 0x01]) + raw[i + 1 :])
        changed += 1
    report = build_graph([src], store, [tmp_path / "b.nq"])
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()
    assert report.cache_rejected == changed == len(ARTICLES)
    r = _kg("build", str(src), "--store", str(tmp_path / "st2"))  # a clean build: no warning
    assert r.returncode == 0 and "cache entr" not in r.stderr
    for p in sorted(ExtractionCache(tmp_path / "st2").dir.iterdir()):
        p.write_bytes(p.read_bytes().replace(b'"digest":"', b'"digest":"0', 1))
    r = _kg("build", str(src), "--store", str(tmp_path / "st2"))
    assert r.returncode == 0
    assert f"warning: {len(ARTICLES)} cache entries were corrupt, tampered or foreign" in r.stderr


def test_an_entry_made_for_another_article_is_refused(tmp_path: Path):
    src = _corpus(tmp_path / "src", ("harbour_revolt.txt", "pavel_orlik.txt"))
    store = tmp_path / "st"
    build_graph([src], store, [tmp_path / "a.nq"])
    cache = ExtractionCache(store)
    a, b = sorted(cache.dir.iterdir())
    b.write_bytes(a.read_bytes())  # one article's (valid, checksummed) entry under the other's name
    report = build_graph([src], store, [tmp_path / "b.nq"])
    assert report.cache_rejected == 1 and report.reused == 1
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


# --- 13. a killed build keeps its finished extractions -------------------------------------------


def test_a_build_killed_midway_keeps_the_articles_it_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    src = _corpus(tmp_path / "src")
    store = tmp_path / "st"
    real = annotate.extract_article
    done: list[str] = []

    def dies_on_the_third(article, docs, lead=None, **options):  # type: ignore[no-untyped-def]
        if len(done) == 2:
            raise KeyboardInterrupt  # Ctrl-C (or a kill) in the middle of the extract stage
        done.append(article.stem)
        return real(article, docs, lead, **options)

    monkeypatch.setattr(annotate, "extract_article", dies_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        build_graph([src], store, [])
    monkeypatch.setattr(annotate, "extract_article", real)
    assert len(list(ExtractionCache(store).dir.glob("*.json"))) == 2
    report = build_graph([src], store, [])
    assert report.reused == 2 and sorted(report.articles) == sorted(Path(n).stem for n in ARTICLES)


def test_a_real_kill_keeps_the_articles_extracted_before_it(tmp_path: Path):
    src = _corpus(tmp_path / "src", tuple(sorted(p.name for p in DATA.glob("*.txt"))))
    store = tmp_path / "st"
    cache_dir = ExtractionCache(store).dir
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(src), "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    try:
        while not (cache_dir.is_dir() and len(list(cache_dir.glob("*.json"))) >= 2):
            assert proc.poll() is None, "the build finished before any article was cached on its own"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.kill()
    finally:
        proc.wait(timeout=30)
    kept = len(list(cache_dir.glob("*.json")))
    assert kept >= 2
    report = build_graph([src], store, [])
    assert report.reused >= kept - 1 and report.ok  # (the entry being renamed at the kill may be lost)


# --- 9. a paragraph longer than spaCy's limit --------------------------------------------------------


def test_a_paragraph_longer_than_spacys_limit_builds_with_exact_offsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from kg.documents import read_article
    from kg.nlp import load_nlp

    # spaCy's limit lowered to 3,000 characters stands for its 1,000,000 (which takes minutes to reach)
    monkeypatch.setattr(load_nlp(), "max_length", 3000)
    sentence = "Amara Duvel founded the Coastal Union in Port Velin in 1931, and Duvel led it until 1950. "
    long = (sentence * 120).strip()  # ~10,800 characters in one paragraph
    text = f"= Coastal Union =\n\nThe Coastal Union was a trade union in Port Velin.\n\n{long}\n"
    (tmp_path / "coastal_union.txt").write_text(text, encoding="utf-8")
    report = build_graph([tmp_path / "coastal_union.txt"], tmp_path / "st", [], use_cache=False)
    assert report.ok and report.articles == ["coastal_union"]
    article = read_article(tmp_path / "coastal_union.txt")
    docs = next(iter(annotate._annotate([article], 1)))[0]
    assert [d.text for d in docs] == [b.text for b in article.blocks]  # the pieces join back, char for char
    ex = annotate.extract_article(article, docs, None)
    for m in ex.mentions:
        assert article.text[m.start : m.end] == m.text
    late = [m for m in ex.mentions if m.start > len(text) - 2000 and m.text == "Port Velin"]
    assert late  # mentions far past the first piece, at their true offsets
    for f in ex.facts:
        assert article.text[f.evidence.start : f.evidence.end] == f.evidence.sentence


def test_split_text_cuts_at_sentence_and_line_ends():
    from kg.nlp import split_text

    text = ("One sentence here. " * 50) + "\n" + ("x" * 900)
    parts = split_text(text, 1001)
    assert "".join(parts) == text and all(len(p) <= 1000 for p in parts)
    assert all(p.endswith((". ", "\n")) for p in parts[:-1])
    assert "".join(split_text("y" * 2500, 1001)) == "y" * 2500  # no boundary at all: a hard cut


# --- 8. file names that are not IRI-safe -------------------------------------------------------------


@pytest.mark.parametrize(
    "stem",
    ["two words", "tab\there", "a<b>c", 'quote"d', "{braces}", "pipe|caret^back`tick", "back\\slash", "100%zz",
     "bidi\u202eevil", "Año nuevo"],
)
def test_unsafe_file_names_build_with_encoded_iris(tmp_path: Path, stem: str):
    import pyoxigraph as ox

    from kg.rdf import Iris

    src = tmp_path / "src"
    src.mkdir()
    (src / f"{stem}.txt").write_text((DATA / "plain_prose.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = build_graph([src], tmp_path / "st", [tmp_path / "out.nq"], use_cache=False)
    assert report.ok and report.articles == [stem]
    iri = str(Iris().article(stem))
    assert not any(c in iri for c in ' \t<>"{}|^`\\\u202e')
    assert Iris().stem_of(iri) == stem
    store = ox.Store.read_only(str(tmp_path / "st"))
    files = {str(q.object.value) for q in store.quads_for_pattern(
        ox.NamedNode(iri), ox.NamedNode("https://kg.example.org/ontology#sourceFile"), None)}
    assert files == {f"{stem}.txt"}  # the readable name, as a literal
    # a rebuild with --prune keeps it (the encoded IRI maps back to the stem)
    assert build_graph([src], tmp_path / "st", [], prune=True).pruned == []


def test_a_base_that_is_not_an_absolute_iri_is_one_line_and_exit_2(tmp_path: Path):
    src = _corpus(tmp_path / "src", ("plain_prose.txt",))
    for base in ("https://kg example.org/", "kg.example.org/", "not an iri"):
        r = _kg("build", str(src), "--store", str(tmp_path / "st"), "--base", base)
        assert r.returncode == 2, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "--base" in lines[0] and "absolute IRI" in lines[0]
        assert not (tmp_path / "st").exists()  # refused before the store is created
    assert _kg("build", str(src), "--store", str(tmp_path / "st"), "--base", "urn:x:kg/").returncode == 0


# --- 12. FIFOs and devices ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_and_devices_are_skipped_by_name(tmp_path: Path):
    src = _corpus(tmp_path / "src", ("plain_prose.txt",))
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "named.txt")
    r = _kg("build", str(src), str(tmp_path / "named.txt"), "--store", str(tmp_path / "st"), timeout=120)
    assert r.returncode == 1, r.stderr
    assert f"{tmp_path / 'named.txt'}: a named pipe (FIFO), not a regular file; skipped" in r.stderr
    assert f"{src / 'pipe.txt'}: a named pipe (FIFO)" in r.stderr
    assert f"{src / 'zero.txt'}: a device" in r.stderr
    assert "no such file" not in r.stderr
    assert "Built 1 article(s)" in r.stdout


# --- 11. a full disk ------------------------------------------------------------------------------


def test_a_full_disk_is_one_line_marks_the_store_and_the_next_build_completes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from kg import cli

    src = _corpus(tmp_path / "src")
    store = tmp_path / "st"
    real = pipeline.write_graph
    calls: list[int] = []

    def fills_up(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 3:  # the ontology and two articles fit, then the device is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "write_graph", fills_up)
    monkeypatch.setattr(sys, "argv", ["kg", "build", str(src), "--store", str(store)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len([line for line in err if line.startswith(("error", "internal"))]) == 1
    line = next(line for line in err if line.startswith("error"))
    written = sorted(Path(n).stem for n in ARTICLES)[:2]
    assert line.startswith(f"error: no space left on device, store at {store.resolve()}; the articles written so far")
    assert ", ".join(written) in line
    monkeypatch.setattr(pipeline, "write_graph", real)

    r = _kg("stats", "--store", str(store))
    assert "interrupted" in r.stderr
    r = _kg("build", str(src), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "interrupted" in r.stderr and "this build completes it" in r.stderr
    assert f"Built {len(ARTICLES)} article(s)" in r.stdout
    r = _kg("stats", "--store", str(store))
    assert r.returncode == 0 and "interrupted" not in r.stderr


# --- 10. linear work ---------------------------------------------------------------------------------


def test_sharpening_dates_is_linear_in_the_facts():
    facts = [
        ResolvedFact("x", "inception", DateValue(iso), Evidence("a", "Lead", "s", i, i + 1, "r", 0.9))
        for i, iso in enumerate(
            f"{1000 + i % 900}" if i % 3 == 0 else f"{1000 + i % 900}-0{1 + i % 9}-1{i % 10}" for i in range(30_000)
        )
    ]
    t = time.perf_counter()
    out = pipeline._sharpen_dates(facts)
    assert time.perf_counter() - t < 5  # comparing every pair: 9e8 comparisons, minutes
    assert len(out) == len(facts)
    coarse = [(f, o) for f, o in zip(facts, out, strict=True) if len(f.object.iso) == 4]  # type: ignore[union-attr]
    for f, o in coarse[:50]:
        y = f.object.iso  # type: ignore[union-attr]
        finer = sorted(g.object.iso for g in facts if g.object.iso.startswith(y + "-"))  # type: ignore[union-attr]
        assert o.object.iso == (max(finer, key=lambda d: (len(d), d)) if finer else y)  # type: ignore[union-attr]


def test_the_summary_names_a_few_dozen_unmapped_keys_then_counts_the_rest(tmp_path: Path):
    box = "".join(f"- Oddity {i}: value {i}\n" for i in range(200))
    text = f"= Quell Society =\n\nQuell Society\n{box}\nThe Quell Society was a club in Arden.\n"
    (tmp_path / "quell.txt").write_text(text, encoding="utf-8")
    r = _kg("build", str(tmp_path / "quell.txt"), "--store", str(tmp_path / "st"))
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if x.startswith("Unmapped infobox keys"))
    assert line.endswith(" and 170 more") and len(line) < 1000


@given(st.text(st.characters(blacklist_categories=()), max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_file_stem_gives_a_valid_iri_that_maps_back(stem: str):
    import pyoxigraph as ox

    from kg.rdf import Iris

    iri = Iris().article(stem)
    ox.NamedNode(str(iri))  # Oxigraph accepts it
    assert Iris().stem_of(str(iri)) == stem
