"""Property tests: arbitrary input never raises anything but our own error, and offsets never lie."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.dates import parse_date, parse_range, relative_date
from kg.documents import read_text
from kg.documents.reader import decode_bytes
from kg.errors import ReadError
from kg.extract.entities import clean_span
from kg.model import DateValue

from .conftest import offsets_hold

LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "= T =",
            "== S ==",
            "=== Sub ===",
            "- Key: a, b, Label:, c",
            "- item",
            "-",
            "",
            "See also",
            "== See also ==",
            "\ufeff= Bom =",
            "=  =",
            "==",
            "- : x",
            "\u200b",
            "\u202eRTL\u202c",
        ]
    ),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_reader_never_crashes_and_offsets_hold(lines: list[str], eol: str):
    text = eol.join(lines)
    try:
        a = read_text(text, "fuzz.txt")
    except ReadError as exc:
        assert "fuzz.txt" in str(exc)
        return
    offsets_hold(a)


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_decoding_raises_only_read_errors(data: bytes):
    try:
        text = decode_bytes(data, "f.txt")
    except ReadError as exc:
        assert str(exc).startswith("f.txt: ")
        return
    assert isinstance(text, str)


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_clean_span_stays_inside(text: str):
    a, b = clean_span(text, 0, len(text))
    assert 0 <= a <= b <= len(text)


@settings(max_examples=300)
@given(st.text(max_size=60), st.integers(min_value=1000, max_value=2100))
def test_dates_are_valid_iso_or_none(text: str, year: int):
    for d in (parse_date(text), parse_date(text, default_year=year)):
        assert d is None or len(d.iso) in (4, 7, 10)
    r = parse_range(text)
    assert r is None or r[0].iso <= r[1].iso
    rel = relative_date(text, DateValue(f"{year:04d}-06-15"))
    assert rel is None or len(rel.iso) in (4, 7, 10)  # months and years counted give a month, a year
