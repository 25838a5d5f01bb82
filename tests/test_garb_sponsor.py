"""An event's country is where it took place, never its sponsor (branch garb): a coup backed by another
country ("Combatant1: …, supported by Latvia", "sponsored by the junta of Latvia", "a Latvian-backed
coup") does not get that country from the article-wide count of countries. Invented events."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracted import facts_of, graph_of


def _coup(box: str, lead: str) -> str:
    return f"= 1971 Tesk coup =\n\n1971 Tesk coup\n- Date: 3 May 1971\n{box}\n\n{lead}\n"


def _countries(tmp_path: Path, text: str) -> set[str]:
    g = graph_of(tmp_path, {"coup.txt": text})
    return {o for r, o in facts_of(g, "1971 Tesk coup") if r == "country"}


_LATER = "\n\n== Background ==\nThe plotters met Latvian officers in Riga.\n"


@pytest.mark.parametrize(
    ("box", "lead"),
    [
        (
            "- Place: Tallinn\n- Combatant1: National Guard, supported by Latvia\n- Combatant2: Army",
            "The 1971 Tesk coup was a military coup d'état that overthrew the government. Latvia denied any role."
            + _LATER,
        ),
        ("- Place: Tallinn", "The 1971 Tesk coup was a coup d'état sponsored by the junta of Latvia." + _LATER),
        ("- Place: Tallinn", "The 1971 Tesk coup was a Latvian-backed coup d'état." + _LATER),
    ],
)
def test_a_sponsor_is_not_the_events_country(tmp_path: Path, box: str, lead: str) -> None:
    assert "Latvia" not in _countries(tmp_path, _coup(box, lead))


def test_twin_a_country_named_as_the_place_stays(tmp_path: Path) -> None:
    text = _coup("- Place: Tallinn", "The 1971 Tesk coup was a coup d'état that took place in Latvia." + _LATER)
    assert "Latvia" in _countries(tmp_path, text)


def test_twin_a_side_that_is_the_country_itself_stays(tmp_path: Path) -> None:
    box = "- Combatant1: National Guard\n- Combatant2: Latvia"
    text = _coup(box, "The 1971 Tesk coup was a military coup d'état. Latvia declared a state of emergency." + _LATER)
    assert "Latvia" in _countries(tmp_path, text)
