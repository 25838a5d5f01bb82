"""One birth date and one death date per person (branch garb): when an invented person's infobox and
lead give different dates, the graph keeps the infobox's; a lead's more precise date refines the box's
year; two prose dates keep the more precise."""

from __future__ import annotations

from pathlib import Path

from tests.extracted import facts_of, graph_of

_BOX = """= Ivo Brandt =

Ivo Brandt
- Birth Date: 2 May 1920
- Death Date: 3 April 1990

Ivo Brandt (3 May 1921 – 4 April 1991) was a Moldovan politician.
"""


def _dates(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    g = graph_of(tmp_path, {"ivo_brandt.txt": text})
    return {(r, o) for r, o in facts_of(g, "Ivo Brandt") if r in ("birthDate", "deathDate")}


def test_infobox_and_lead_disagree_the_infobox_date_is_kept(tmp_path: Path) -> None:
    assert _dates(tmp_path, _BOX) == {("birthDate", "1920-05-02"), ("deathDate", "1990-04-03")}


def test_lead_refines_the_box_year(tmp_path: Path) -> None:
    text = _BOX.replace("2 May 1920", "1921").replace("3 April 1990", "1991")
    assert _dates(tmp_path, text) == {("birthDate", "1921-05-03"), ("deathDate", "1991-04-04")}


def test_agreeing_dates_stay_one(tmp_path: Path) -> None:
    text = _BOX.replace("(3 May 1921 – 4 April 1991)", "(2 May 1920 – 3 April 1990)")
    assert _dates(tmp_path, text) == {("birthDate", "1920-05-02"), ("deathDate", "1990-04-03")}
