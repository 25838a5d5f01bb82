"""Other names of an article's subject that real leads give: the name it was founded under, a
translation gloss, a full name NER cuts, a person's name with middle names."""

from __future__ import annotations

from pathlib import Path

from tests.extracted import graph_of

_FOUNDED_AS = """= Tesk Guard =

Tesk Guard
- Leader: Mircea Varescu
- Ideology: Nationalism

The Tesk Guard (Garda Teskă) was a far-right movement active in the Kingdom of Tesk. Founded in 1927 by \
Mircea Varescu as the Legion of Saint Varn (Legiunea Sfântul Varn) or the Varnist Movement (Mișcarea \
Varnistă), the movement was strongly anti-democratic. In 1930, Varescu formed the Tesk Guard as a \
paramilitary branch of the Legion.
"""

_GLOSS = """= Nuova Alba =

Dawn Study Centre, Centro Studi Nuova Alba
- Founder: Marco Bellini
- Founded: 1956

Nuova Alba (Italian for "New Dawn", full name Centro Studi Nuova Alba, "Dawn Study Centre") was an \
Italian far-right organization founded by Marco Bellini in 1956. New Dawn was dissolved in 1973.
"""

_MIDDLE = """= Kwame Addo =

- Name: Sir Kwame Addo
- Office: Prime Minister of Tesk
- Term Start: 1974
- Born: 18 February 1922, Varn

Sir Kwame Nana Addo PC (18 February 1922 – 23 August 1997) was the first Prime Minister of Tesk, \
serving from 1974 until 1979.

== Early life ==
Kwame Nana Addo was the son of Kofi and Ama Addo, and was born in Varn. He attended the Varn School.
"""


def _names(folder: Path, name: str, text: str) -> dict[str, set[str]]:
    g = graph_of(folder, {name: text})
    rows = g.query(
        "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label>"
        "|<http://www.w3.org/2004/02/skos/core#altLabel> ?l "
        "FILTER(STRSTARTS(STR(?s), 'https://kg.example.org/resource/')) }"
    )
    out: dict[str, set[str]] = {}
    for s, label in rows:
        out.setdefault(s.value.rsplit("/", 1)[1], set()).add(label.value)
    return out


def test_founded_as_names_and_their_native_names_are_the_subjects(tmp_path: Path) -> None:
    names = _names(tmp_path, "tesk_guard.txt", _FOUNDED_AS)
    subject = names["Tesk_Guard"]
    assert {"Legion of Saint Varn", "Varnist Movement", "Mișcarea Varnistă"} <= subject
    assert not any("Varnist Movement" in labels for node, labels in names.items() if node != "Tesk_Guard")
    assert "Mircea_Varescu" in names and "Mircea Varescu" not in subject


def test_translation_gloss_and_full_name_are_clean_aliases(tmp_path: Path) -> None:
    names = _names(tmp_path, "nuova_alba.txt", _GLOSS)
    subject = names["Nuova_Alba"]
    assert {"New Dawn", "Centro Studi Nuova Alba", "Dawn Study Centre"} <= subject
    assert not any("for" in label or '"' in label for label in subject)
    assert "New_Dawn" not in names
    assert "Centro_Studi" not in names  # NER's cut of the full name is no body of its own


def test_name_with_middle_names_is_the_subject(tmp_path: Path) -> None:
    names = _names(tmp_path, "kwame_addo.txt", _MIDDLE)
    assert "Kwame Nana Addo" in names["Kwame_Addo"]
    assert "Kwame_Nana_Addo" not in names
    assert "Ama_Addo" in names  # his mother shares only his surname: a person of her own


_GLOSSED = """= 1994 Tesk coup =

- Date: 30 September 1994
- Location: Tesk

The 1994 Tesk coup took place on 30 September 1994. Popular movements such as Aristo's Lavanda ( 'Avalanche') \
continued to mobilize, leading to Varo's victory in the election. Lavanda later split.
"""


def test_quoted_gloss_in_brackets_is_another_name(tmp_path: Path) -> None:
    names = _names(tmp_path, "tesk_coup.txt", _GLOSSED)
    assert {"Lavanda", "Avalanche"} <= names["Lavanda"]
    assert "Avalanche" not in names
