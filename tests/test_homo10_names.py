"""A party whose name has a word of its own is one thing in every article that names it; only a
name every country can have ("Socialist Party") is keyed by the country an article gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.homonyms import _generic_name
from tests.extracted import graph_of

_KENYA = """= Odhiambo Wekesa =

Odhiambo Wekesa (born 3 March 1931) is a Kenyan politician.

== Career ==
Wekesa was born in Kisumu. He joined the Afro-Ndaleni Party in 1958 and the Socialist Party in 1960.
"""

_FRANCE = """= Paulette Giraud =

Paulette Giraud (born 12 May 1940) is a French politician.

== Career ==
Giraud was born in Lyon. She joined the Afro-Ndaleni Party in 1962 and the Socialist Party in 1971.
"""


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Socialist Party", True),
        ("National Assembly", True),
        ("Revolutionary Left Movement", True),
        ("Afro-Ndaleni Party", False),  # "Ndaleni": a word no generic name is made of
        ("Mbeleko People's Party", False),
        ("Kenya African National Union", False),
    ],
)
def test_a_generic_name_is_made_of_common_words_only(name: str, generic: bool):
    assert _generic_name(name) is generic


def test_a_party_with_a_word_of_its_own_is_one_node_across_countries(tmp_path: Path):
    g = graph_of(tmp_path, {"odhiambo_wekesa.txt": _KENYA, "paulette_giraud.txt": _FRANCE})
    party = g.entity("Afro-Ndaleni Party")
    assert party["label"] == "Afro-Ndaleni Party"  # never "Afro-Ndaleni Party (France)"
    members = {str(f["subject"]) for f in g.facts(relation="memberOfParty") if str(f["object"]) == party["label"]}
    assert members == {"Odhiambo Wekesa", "Paulette Giraud"}
    # the namesake still splits by country
    assert g.entity("Socialist Party (Kenya)")["label"] != g.entity("Socialist Party (France)")["label"]
    with pytest.raises(KgError):
        g.entity("Afro-Ndaleni Party (Kenya)")
