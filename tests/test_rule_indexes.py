"""The rules' look-up shortcuts choose exactly what the full scans chose: a verb's rules by its lemma,
in the table's order; a sentence passed over by the phrase rule only when no trigger matches it."""

from __future__ import annotations

import pytest

from kg.extract.relations.phrases import _any_trigger, phrase_triggers
from kg.extract.relations.verbs import _rules_by_lemma, verb_rules


def test_a_lemmas_rules_are_the_tables_rules_for_it_in_order() -> None:
    lemmas = {lemma for rule in verb_rules() for lemma in rule.lemmas}
    assert set(_rules_by_lemma()) == lemmas
    for lemma in lemmas:
        assert list(_rules_by_lemma()[lemma]) == [r for r in verb_rules() if lemma in r.lemmas]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Tesk Guild draws heavily on the ideas of Ana Roe and Ivo Marr.",
        "Its programme was influenced by Lena Vesk.",
        "The movement follows the teachings of Orlan Dace.",
        "The town is named after its founder, Piet Harl.",
        "The name of the league comes from a river.",
        "The front fought under the command of Tamsa Idris.",
        "The word refers to the harbour's old gate.",
        "The party was founded in 1921 in Velm.",
        "She drew a map of the coast.",
        "",
    ],
)
def test_the_combined_trigger_matches_where_one_of_the_triggers_does(sentence: str) -> None:
    assert bool(_any_trigger().search(sentence)) == any(p.search(sentence) for p, _ in phrase_triggers())
