"""An infobox list item followed at once by itself with one more lower-case word ("Foco, Foco theory")
is a link's text beside its target: one thing. Invented article."""

from __future__ import annotations

from kg.annotate import _annotate
from kg.documents.reader import read_text
from kg.extract import extract_article

_TEXT = """= Varno Armed Front =

Varno Armed Front
- Ideology: Agrarism, Agrarism theory, Marxism, Marxism–Leninism, Socialism, Socialism of the future

The Varno Armed Front is a guerrilla group in Estonia.
"""


def test_link_text_and_target_are_one_name_pair_and_others_stay_apart():
    article = read_text(_TEXT, "varno.txt")
    blocks, lead = next(_annotate([article], 1))
    ex = extract_article(article, blocks, lead)
    pairs = {(a.text, b.text) for a, b, why in ex.same_as if "link" in why}
    assert pairs == {("Agrarism theory", "Agrarism")}
