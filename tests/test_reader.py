from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import read_article, read_text
from kg.errors import KgError, ReadError
from kg.pipeline import collect_paths

from .conftest import DATA, SEEDS, offsets_hold

SEED = next(SEEDS.glob("*.txt"))


def test_seed_structure():
    a = read_article(SEED)
    assert a.title
    keys = [f.key for f in a.infobox]
    assert "Leader" in keys and "Membership" in keys
    membership = a.field("membership")
    assert membership is not None
    quals = {it.qualifier for it in membership.items}
    assert quals == {"Current", "Historical"}
    assert len(a.see_also) == 10
    assert any(s.level == 3 and len(s.path) == 2 for s in a.sections)
    offsets_hold(a)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_invented_articles_offsets(name: str):
    offsets_hold(read_article(DATA / name))


def test_person_infobox_items():
    a = read_article(DATA / "person_oyelaran.txt")
    born = a.field("Born")
    assert born is not None
    assert [it.text for it in born.items] == ["3 June 1961", "Curitiba", "Brazil"]


def test_sub_labels_become_qualifiers():
    a = read_text("= P =\n- Membership: Current:, A, B, Historical:, C\n\nText.\n")
    f = a.infobox[0]
    assert [(i.text, i.qualifier) for i in f.items] == [("A", "Current"), ("B", "Current"), ("C", "Historical")]


def test_plain_prose_without_infobox():
    a = read_article(DATA / "plain_prose.txt")
    assert a.infobox == () and len(a.blocks) == 1 and a.sections[0].title == "Lead"


def test_bom_and_crlf(tmp_path: Path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\xef\xbb\xbf= Title Here =\r\n- Leader: Jo Doe\r\n\r\nA paragraph.\r\nSecond line.\r\n")
    a = read_article(p)
    assert a.title == "Title Here"
    assert a.infobox[0].raw == "Jo Doe"
    assert a.blocks[0].text == "A paragraph.\r\nSecond line."
    offsets_hold(a)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (b"= T =\n\x00\x01\x02", "binary file (NUL byte at offset 6)"),
        (b"= T =\nna\xefve", "not UTF-8 text (invalid byte 0xef at offset 8)"),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path: Path, data: bytes, reason: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_article(p)
    assert str(p) in str(err.value) and reason in str(err.value)


def test_too_large(tmp_path: Path):
    p = tmp_path / "big.txt"
    p.write_text("= Big =\n\n" + "word " * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="too large"):
        read_article(p, max_bytes=50)


# --- real articles: the names after the title, clean text with the file's offsets ----------------------


def test_name_line_is_names_and_the_infobox_after_it_is_read():
    a = read_text(
        "= Movement for Equality =\n\nMovement for Equality, Movimiento por la Igualdad, MPI\n"
        "- Leader: Rosa Quintero\n- Founded: 1998\n\nThe Movement for Equality is a party.\n",
        "mpi.txt",
    )
    assert [n.text for n in a.names] == ["Movement for Equality", "Movimiento por la Igualdad", "MPI"]
    assert [f.key for f in a.infobox] == ["Leader", "Founded"]
    assert [b.text for b in a.blocks] == ["The Movement for Equality is a party."]
    for n in a.names:
        assert a.text[n.start : n.end] == n.text


def test_a_line_that_is_only_a_native_name():
    a = read_text("= Liga Obrera =\nLiga Obrera del Sur\n- Founded: 1931\n\nThe league was a union.\n", "x.txt")
    assert [n.text for n in a.names] == ["Liga Obrera del Sur"] and a.infobox[0].key == "Founded"


def test_a_name_that_ends_in_an_exclamation_mark_is_a_name_line():
    a = read_text("= Napred =\n\nForward!\n- Founded: 1998\n- Leader: Ana Roe\n\nNapred was a movement.\n", "x.txt")
    assert [n.text for n in a.names] == ["Forward!"]
    assert [f.key for f in a.infobox] == ["Founded", "Leader"]
    assert [b.text for b in a.blocks] == ["Napred was a movement."]


def test_an_exclaimed_sentence_before_the_infobox_is_not_a_name():
    a = read_text("= Liga =\nThe Liga struck at dawn and the city stopped!\n- Founded: 1931\n", "x.txt")
    assert a.names == ()


def test_a_prose_line_before_the_infobox_is_not_a_name():
    a = read_text("= Liga =\nThe Liga was a union. It struck.\n- Founded: 1931\n", "x.txt")
    assert a.names == () and a.blocks[0].text == "The Liga was a union. It struck."


def test_a_short_first_line_with_no_infobox_after_it_stays_prose():
    a = read_text("= Liga =\n\nLiga Obrera del Sur\n", "x.txt")
    assert a.names == () and a.blocks[0].text == "Liga Obrera del Sur"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Frente Unido de Obreros, Pescadores, Maestros y Artesanos",
            ["Frente Unido de Obreros, Pescadores, Maestros y Artesanos"],
        ),
        (
            "United Front, Frente Unido de Obreros, Pescadores, Maestros y Artesanos, FUOPMA",
            ["United Front", "Frente Unido de Obreros, Pescadores, Maestros y Artesanos", "FUOPMA"],
        ),
        ("Union of Farmers, Workers and Students", ["Union of Farmers", "Workers and Students"]),  # two pieces
        ("Shining Dawn, Aurora Brillante, AB", ["Shining Dawn", "Aurora Brillante", "AB"]),  # no "y X" closing
        ("Party of Order, Partido del Orden (PO)", ["Party of Order", "Partido del Orden", "PO"]),
        ("Communist Party of Nepal (Maoist)", ["Communist Party of Nepal (Maoist)"]),
    ],
)
def test_commas_inside_a_native_name_do_not_cut_it(line: str, names: list[str]):
    a = read_text(f"= X =\n{line}\n- Founded: 1990\n\nText.\n", "x.txt")
    assert [n.text for n in a.names] == names


def test_footnotes_tags_and_debris_are_blanked_at_the_same_offsets():
    src = (
        "= Green Dawn =\n- Ideology: class=nowrap, Regionalism[2], Ecology{{efn|a note}}\n\n"
        "Green Dawn[1] was founded by Bohdan Kovalchuk[a][23]:45 in 1990.[citation needed] "
        "It grew.[when?][note 3] Its paper is {{lang|es|Aurora}} ''Dawn''.\n"
    )
    a = read_text(src, "x.txt")
    assert a.source == src and len(a.text) == len(src)
    for i, (c, o) in enumerate(zip(a.text, src, strict=True)):
        assert c == o or c == " ", i
    para = a.blocks[0].text
    for debris in ("[", "]", "{", "}", "efn", "''", "citation"):
        assert debris not in para
    assert "Bohdan Kovalchuk " in para and "It grew." in para
    assert [i.text for i in a.infobox[0].items] == ["Regionalism", "Ecology"]
    offsets_hold(a)
    for b in a.blocks:  # the file's own text at the block's offsets
        assert src[b.start : b.end].startswith("Green Dawn[1]")


@pytest.mark.parametrize("title", ["References", "Notes", "Citations", "Footnotes", "Sources", "Bibliography",
                                   "External links", "Further reading"])
def test_reference_sections_are_not_prose(title: str):
    a = read_text(
        f"= X =\n\nX is a party.\n\n== History ==\nIt grew.\n\n== {title} ==\n- Ana Roe (1999). A Book.\n"
        "Juan Soto wrote it.\n\n=== More ===\nMore text.\n\n== Legacy ==\nIt lasted.\n",
        "x.txt",
    )
    assert [b.text for b in a.blocks] == ["X is a party.", "It grew.", "It lasted."]
    assert a.skipped_sections == (title,)
    assert [s.title for s in a.sections] == ["Lead", "History", "Legacy"]


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("* Armed Forces, ** Joint Command, , *", [("Armed Forces", None, None), ("Joint Command", None, None)]),
        (":es:Luis Ramos, :fr:Jean Roy", [("Luis Ramos", None, None), ("Jean Roy", None, None)]),
        ("Juan PérezPOW, María GómezKIA, Ana Ruiz WIA", [("Juan Pérez", "POW", None), ("María Gómez", "KIA", None),
                                                        ("Ana Ruiz", "WIA", None)]),
        ("Pedro Luna †, Eva Sol (executed)", [("Pedro Luna", "died", None), ("Eva Sol", "executed", None)]),
        ("National Front (2010–2012), Green Bloc (until 1991)", [("National Front", None, "2010–2012"),
                                                                 ("Green Bloc", None, "until 1991")]),
        ("Communist Party of Nepal (Maoist), Ana Roe (KIA)", [("Communist Party of Nepal (Maoist)", None, None),
                                                              ("Ana Roe", "KIA", None)]),
        ("ETA (mutual supporters, 1995–2000), Red Army", [("ETA", None, "mutual supporters, 1995–2000"),
                                                          ("Red Army", None, None)]),
        ("Jo Doe (until 1991) †", [("Jo Doe", "died", "until 1991")]),
    ],
)
def test_infobox_items_are_clean_names_with_exact_offsets(value: str, items: list[tuple[str, str | None, str | None]]):
    a = read_text(f"= X =\n- Commander1: {value}\n\nText.\n", "x.txt")
    got = a.infobox[0].items
    assert [(i.text, i.status, i.bracket) for i in got] == items
    offsets_hold(a)


# --- Markdown and plain text ----------------------------------------------------------------------------


def test_markdown_article(tmp_path: Path):
    p = tmp_path / "weavers.md"
    p.write_text(
        "# Weavers' League\n\n- Founded: 1921\n- Leader: Ana Roe\n\n"
        "The **Weavers' League** is a [union](https://example.org) in Tarnow.\n\n"
        "## History\n\nIt struck in 1923.\n\n* first strike\n* second strike\n\n### Later\n\nIt merged.\n\n"
        "## References\n\n1. A. Book (1990).\n",
        encoding="utf-8",
    )
    a = read_article(p)
    assert a.title == "Weavers' League" and a.text[a.title_start : a.title_end] == a.title
    assert [f.key for f in a.infobox] == ["Founded", "Leader"]
    texts = [b.text for b in a.blocks]
    assert texts[0].split() == ["The", "Weavers'", "League", "is", "a", "union", "in", "Tarnow."]
    assert "first strike" in texts and "It merged." in texts and not any("Book" in t for t in texts)
    assert [(s.title, s.level) for s in a.sections] == [("Lead", 1), ("History", 2), ("Later", 3)]
    assert a.skipped_sections == ("References",)
    offsets_hold(a)


def test_plain_text_without_a_title_line_takes_the_file_name(tmp_path: Path):
    p = tmp_path / "ana_roe.txt"
    p.write_text("Ana Roe (born 1950) is a weaver. She lives in Tarnow.\n", encoding="utf-8")
    a = read_article(p)
    assert a.title == "Ana Roe" and (a.title_start, a.title_end) == (0, 7)
    assert a.blocks[0].text.startswith("Ana Roe")
    q = tmp_path / "red_harbour.txt"
    q.write_text("The strike began at dawn.\n", encoding="utf-8")
    b = read_article(q)
    assert b.title == "Red Harbour" and b.title_start == -1 and b.blocks[0].text == "The strike began at dawn."


def test_plain_text_whose_first_line_is_a_markdown_heading(tmp_path: Path):
    p = tmp_path / "x.txt"
    p.write_text("# Tarnow Strike\n\nThe strike began at dawn.\n", encoding="utf-8")
    a = read_article(p)
    assert a.title == "Tarnow Strike" and a.blocks[0].text == "The strike began at dawn."


def test_folder_build_reads_markdown_and_reports_skipped_files(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("= Ana Roe =\n\nAna Roe is a weaver.\n", encoding="utf-8")
    (d / "b.md").write_text("# Tarnow League\n\nThe Tarnow League is a union.\n", encoding="utf-8")
    (d / "c.json").write_text("{}", encoding="utf-8")
    (d / ".hidden.txt").write_text("= H =\n\nHidden.\n", encoding="utf-8")
    skipped: list[str] = []
    files, problems = collect_paths([d], skipped)
    assert [f.name for f in files] == ["a.txt", "b.md"] and problems == []
    assert len(skipped) == 1 and "c.json" in skipped[0] and str(d) in skipped[0] and "1 file(s)" in skipped[0]


# --- through a build: real articles and an invented one with every kind of debris ---------------------

_DEBRIS_ARTICLE = """= Green Dawn Movement =

Green Dawn Movement, Movimiento Aurora Verde, MAV
- Leader: Bohdan Kovalchuk[1]
- Founder: * Ilse Marten, ** Joon Park
- Founded: 12 May 1990
- Ideology: class=nowrap, Regionalism[2], Ecology
- Allies: Red Harbour League (2001–2005)

The Green Dawn Movement (Movimiento Aurora Verde, MAV) is a regionalist party in Norway.[3] \
It was founded by Ilse Marten[a] in Bergen in 1990.[citation needed] Bohdan Kovalchuk[4]:12 \
became its leader in 2002.[when?]

== History ==
The party won two seats in 1997.[5][6] Ilse Marten[note 1] left the party in 2004.

== References ==
- Harald Brekke (2001). The New Regionalists. Oslo: Nordic Press.
- Kari Lunde. "Green Dawn and Its Founders". Bergen Review.

== External links ==
- Official site of Green Dawn
"""


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory):
    from kg.graph import KnowledgeGraph
    from kg.pipeline import build_graph

    d = tmp_path_factory.mktemp("real")
    src = d / "in"
    src.mkdir()
    for p in DATA.glob("real_*.txt"):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "green_dawn.txt").write_text(_DEBRIS_ARTICLE, encoding="utf-8")
    report = build_graph([src], d / "store")
    return report, KnowledgeGraph.open(d / "store"), src


def _names(g, iri: str) -> set[str]:
    rows = g.rows("SELECT ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }", e=_node(iri))
    return {str(r["n"]) for r in rows}


def _node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_real_articles_build_with_their_infobox(real_build):
    report, g, _ = real_build
    assert report.ok, report.failures
    founders = {(f["subject"], f["object"]) for f in g.facts(relation="foundedBy")}
    assert ("Shining Path", "Abimael Guzmán") in founders
    assert ("Democratic Revolutionary Party", "Omar Torrijos") in founders
    ideologies = g.facts(subject="Democratic Revolutionary Party", relation="ideology")
    assert {"Social democracy", "Nationalism"} <= {f["object"] for f in ideologies}
    assert ("Green Dawn Movement", "Ilse Marten") in founders and ("Green Dawn Movement", "Joon Park") in founders
    assert {f["object"] for f in g.facts(subject="Green Dawn Movement", relation="leader")} >= {"Bohdan Kovalchuk"}
    assert report.skipped_sections == {"References": 1, "External links": 1}


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Shining Path", ["Communist Party of Peru"]),
        ("Green Dawn Movement", ["Movimiento Aurora Verde", "MAV"]),
    ],
)
def test_the_subject_is_one_node_with_the_names_after_the_title(real_build, title: str, names: list[str]):
    _, g, _ = real_build
    iri = g.resolve(title)
    for n in names:
        assert g.resolve(n) == iri
    assert set(names) <= _names(g, iri)


def test_no_name_carries_footnotes_or_debris(real_build):
    _, g, _ = real_build
    rows = g.rows("SELECT ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } }")
    for r in rows:
        n = str(r["n"])
        for bad in ("[", "]", "{", "}", "|", "=", "efn", "  ", "*", "nowrap"):
            assert bad not in n, n
        assert n == n.strip() and not n.endswith(("POW", "KIA")), n


def test_reference_sections_give_no_entities(real_build):
    _, g, _ = real_build
    for name in ("Harald Brekke", "Kari Lunde", "Nordic Press", "Bergen Review"):
        with pytest.raises(KgError):
            g.resolve(name)


def test_every_statement_points_at_its_sentence_in_the_file(real_build):
    """Sliced from the file as it is on disk (footnotes and all), a statement's offsets give its
    sentence, with only the blanked debris differing, and name the fact's subject or object."""
    _, g, src = real_build
    q = """SELECT ?g ?sentence ?start ?end ?s ?o ?inferred WHERE { GRAPH ?g {
             ?st a kg:Statement ; rdf:subject ?s ; rdf:object ?o ; kg:sentence ?sentence ;
                 kg:startOffset ?start ; kg:endOffset ?end . OPTIONAL { ?st kg:inferred ?inferred } } }"""
    rows = g.rows(q)
    assert len(rows) > 30
    texts = {p.stem: p.read_text(encoding="utf-8") for p in src.iterdir()}
    for r in rows:
        if r["inferred"] is not None:
            continue
        text = texts[str(r["g"]).rsplit("/", 1)[-1]]
        start, end, sentence = int(r["start"]), int(r["end"]), str(r["sentence"])
        piece = text[start:end]
        assert len(piece) == len(sentence), (piece, sentence)
        assert all(a == b or b == " " for a, b in zip(piece, sentence, strict=True)), (piece, sentence)
        names = _names(g, str(r["s"])) | (_names(g, str(r["o"])) if str(r["o"]).startswith("http") else {str(r["o"])})
        folded = piece.casefold()
        assert any(n.casefold() in folded for n in names) or str(r["o"])[:4].isdigit(), (piece, names)


# --- bad input: builds, or one line naming the file; never a traceback ---------------------------------

_BAD = {
    "long_list.txt": "= Long List Party =\n- Ideology: "
    + ", ".join(f"* Idea {i}[{i}] (until {1900 + i % 100})" for i in range(2000))
    + "\n\nThe Long List Party is a party.\n",
    "empty_value.txt": "= Empty Value League =\n- Leader:\n- Founded: \n- :\n- Ideology: ,, ,\n\n"
    "The league is a union.\n",
    "nested.txt": "= Nested Front =\n- Allies: Red League (formerly (until 1991) Blue League ((x))), Green Front (\n"
    "- Leader: ((Ana Roe)), Jo Doe ]]\n\nThe Nested Front ((or (NF) is a party [[in [[Tarnow]] {{a {{b}} c.\n",
    "native_title.txt": "= Movimiento Obrero del Sur =\n\nMovimiento Obrero del Sur\n- Founded: 1950\n\n"
    "El Movimiento Obrero del Sur es un partido.\n",
    "no_prose.txt": "= Boxed Only =\nBoxed Only, Solo Caja\n- Leader: Jo Doe\n- Founded: 1990\n",
    "only_names.txt": "= Name Only =\nName Only, Solo Nombre\n",
}


def test_bad_input_builds_or_names_the_file(tmp_path: Path):
    import time

    from kg.pipeline import build_graph

    d = tmp_path / "in"
    d.mkdir()
    for name, text in _BAD.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "good.txt").write_text("= Good Party =\n- Leader: Jo Doe\n\nThe Good Party is a party.\n", encoding="utf-8")
    t0 = time.perf_counter()
    report = build_graph([d], tmp_path / "store")
    assert time.perf_counter() - t0 < 120
    assert "good" in report.articles
    for failure in report.failures:
        assert failure.count("\n") == 0 and any(name in failure for name in _BAD)
    assert set(report.articles) | {f.split(":")[0].rsplit("/", 1)[-1][:-4] for f in report.failures} >= {
        n[:-4] for n in _BAD
    }
    ideology = read_article(d / "long_list.txt").field("Ideology")
    assert ideology is not None and len(ideology.items) == 2000 and ideology.items[7].text == "Idea 7"
    assert [f.items for f in read_article(d / "empty_value.txt").infobox[:2]] == [(), ()]
    assert read_article(d / "no_prose.txt").blocks == ()


def test_a_2000_item_list_with_debris_reads_in_linear_time():
    import time

    value = ", ".join(f"* :es:Ana Roe{i}POW (until {1900 + i % 100})" for i in range(2000))
    text = f"= Long =\n- Members: {value}\n\nText.\n"
    t0 = time.perf_counter()
    members = read_text(text, "long.txt").field("Members")
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    read_text(text.replace(value, ", ".join([value] * 10)), "long.txt")
    assert time.perf_counter() - t0 < 30 * max(small, 0.01)
    assert members is not None and len(members.items) == 2000
    it = members.items[7]
    assert (it.text, it.status, it.bracket) == ("Ana Roe7", "POW", "until 1907")


def test_blanked_text_parses_as_the_clean_text_at_its_own_offsets():
    from kg.nlp import load_nlp, pipe_texts

    nlp = load_nlp()
    clean = "Ilse Marten founded the Green Dawn Movement in Bergen in 1990, and Joon Park led it."
    src = (
        "Ilse Marten[1] founded the Green Dawn Movement[a] in Bergen[23]:45 in 1990,[citation needed] "
        "and Joon Park led it.[2]"
    )
    a = read_text(f"= X =\n\n{src}\n", "x.txt")
    block = a.blocks[0]
    ref = nlp(clean)
    doc, as_is = pipe_texts(nlp, [block.text, block.text], as_is={1})
    assert doc.text == block.text and as_is.text == block.text
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in ref.ents]
    got = [(t.text, t.dep_, t.head.text) for t in doc if not t.is_space]
    assert got == [(t.text, t.dep_, t.head.text) for t in ref]
    for e in doc.ents:  # offsets are the file's
        assert a.source[block.start + e.start_char : block.start + e.end_char] == e.text
