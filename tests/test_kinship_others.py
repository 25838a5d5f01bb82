"""Beside a kinship noun, only the relative it names: a conjoined role noun names someone else ("his wife,
A, and his chief minister B"), and a birth surname after "née" is the wife's own name. Invented articles."""

from __future__ import annotations

from tests.extracted import fact_triples


def test_a_conjoined_role_noun_names_no_spouse():
    got = fact_triples(
        "= Oskar Lind =\n\nOskar Lind (1680–1730) was a Tarnian nobleman. The war was a result of the ambitions "
        "of Oskar Lind, his wife, Ilse Varga, and his chief minister Paulo Brenn.\n"
    )
    assert ("Oskar Lind", "spouse", "Ilse Varga") in got, got
    assert not any("Paulo Brenn" in (s, o) and r == "spouse" for s, r, o in got), got


def test_a_birth_surname_is_no_second_wife():
    got = fact_triples(
        "= Jakob Holt =\n\nJakob Holt (27 December 1841 – 1 May 1900) was a Tarnian merchant. He was the third "
        "child of Meier Holt (1801-1870) and his wife Sarah, née Kaspar (1803-1880).\n"
    )
    assert ("Meier Holt", "spouse", "Sarah") in got, got
    assert not any("Kaspar" in (s, o) and r == "spouse" for s, r, o in got), got


def test_names_joined_to_the_kinship_noun_are_still_relatives():
    got = fact_triples(
        "= Ana Roe =\n\nAna Roe (1900–1980) was a Tarnian teacher. Her sons, Paulo Feld and Rui Feld, became "
        "doctors.\n"
    )
    assert ("Ana Roe", "child", "Paulo Feld") in got and ("Ana Roe", "child", "Rui Feld") in got, got
