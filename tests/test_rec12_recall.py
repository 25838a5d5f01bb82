"""Facts the real articles state that the older rules missed (branch rec12): an organisation that
founds another, the parties of an election named in a row of clauses or with their candidate.
Invented parties, bodies, people and elections; each case has a twin that must give nothing."""

from __future__ import annotations

import pytest

from tests.extracted import fact_triples


def _party(text: str) -> str:
    return f"= Tesk Labour Party =\n\nThe Tesk Labour Party is a political party in Valdora. {text}\n"


def _election(text: str) -> str:
    return (
        "= 1961 Valdoran general election =\n\nGeneral elections were held in Valdora on 3 March 1961 "
        f"to elect the 90 members of the National Assembly.\n\n{text}\n"
    )


@pytest.mark.parametrize(
    ("article", "fact"),
    [
        (  # a body founded by another, passive
            _party("The Tesk Workers Militia was founded by the Tesk Labour Party in 1942."),
            ("Tesk Workers Militia", "foundedBy", "Tesk Labour Party"),
        ),
        (  # active, the founder named as the article's subject
            _party("In 1944 the Tesk Labour Party created the Tesk National Council."),
            ("Tesk National Council", "foundedBy", "Tesk Labour Party"),
        ),
        (  # the last of a row of "contested" clauses, its party hung on the object before it by the parser
            _election(
                "The Unity Party contested 88 constituencies, the Farmers League contested 40 seats and "
                "the Tesk Communist Party contested 30 seats."
            ),
            ("1961 Valdoran general election", "participant", "Tesk Communist Party"),
        ),
        (  # the first of the row, which the parser hangs below the second
            _election(
                "The Unity Party contested 88 constituencies, the Farmers League contested 40 seats and "
                "the Tesk Communist Party contested 30 seats."
            ),
            ("1961 Valdoran general election", "participant", "Unity Party"),
        ),
        (  # the party of a beaten candidate stood too
            _election(
                "The result was a victory for the Civic Front, whose candidate Mara Olsen defeated "
                "incumbent president John Harding of the Valdoran Labour Party."
            ),
            ("1961 Valdoran general election", "participant", "Valdoran Labour Party"),
        ),
    ],
)
def test_stated_fact_is_found(article: str, fact: tuple[str, str, str]) -> None:
    assert fact in fact_triples(article)


@pytest.mark.parametrize(
    ("article", "subject", "relation", "obj"),
    [
        (  # members of a party are not the party: no founder named
            _party("The Tesk Workers Militia was founded by members of the Tesk Labour Party in 1942."),
            "Tesk Workers Militia",
            "foundedBy",
            "Tesk Labour Party",
        ),
        (  # the same, active
            _party("In 1950 members of the party formed the Tesk Youth League."),
            "Tesk Youth League",
            "foundedBy",
            "Tesk Labour Party",
        ),
        (  # a row of "contested" clauses of another verb's sort: no seats contested in an election
            _party("The Unity Party won the case, the Farmers League lost it and the Tesk Communist Party appealed."),
            "Tesk Labour Party",
            "participant",
            "Tesk Communist Party",
        ),
        (  # outside an election's article a defeat is no vote
            _party("In 1950 the army defeated general John Harding of the Valdoran Labour Party."),
            "Tesk Labour Party",
            "participant",
            "Valdoran Labour Party",
        ),
    ],
)
def test_twin_gives_nothing(article: str, subject: str, relation: str, obj: str) -> None:
    assert not {t for t in fact_triples(article) if t[1] == relation and t[2] == obj}, (subject, relation, obj)


def test_an_armed_conflict_named_by_a_demonym_lies_in_the_country() -> None:
    article = (
        "= Tarija Workers Front =\n\nInfobox\n- Country: Bolivia\n- Battles: Bolivian armed conflict, "
        "Chilean armed conflict\n\nThe Tarija Workers Front is a guerrilla group in Bolivia.\n"
    )
    got = fact_triples(article)
    assert ("Bolivian armed conflict", "country", "Bolivia") in got
    assert not {t for t in got if t[0] == "Chilean armed conflict" and t[1] == "country"}  # Chile not named
