from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import read_article, read_text
from kg.errors import ReadError

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
        (b"just text with no title line\n", "no title"),
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
