"""People the small model types as bodies or keeps with a title: a title of another language before the
name ("Comandante Ana Roe"), a plain name after a relative's noun ("the son of Ana Roe Vidal"), and a
plain name the article also calls by its last word in a person's role ("Under Pepino the rebels grew"
after "Moses Pepino"); invented articles, with their negative twins."""

from __future__ import annotations

from tests.extracted import extract_text

TITLES = """= Tesk Liberation Front =

The Tesk Liberation Front was a guerrilla movement in Varnia. It was led by Comandante Néstor Vela and
Coronel Raúl Ibarrola. Néstor Vela was born in Marlow in 1941. Raúl Ibarrola was its first spokesman.
Its second leader was Don Tomas Orvell. Tomas Orvell died in 1999. Don Halden sang at its rallies.
"""

ROLES = """= Varnian crisis =

The Varnian crisis was a political crisis in Varnia. The crisis deepened when Moses Pepino of the Bougar
Front joined the rebels. Pepino said the talks had failed. Under Pepino the rebels grew.
Its founder was the son of Agustina Velde Úbeda, from
San Rafael del Norte, a peasant and cook.
The Black Hands were a street gang in the capital. In 1981 the Hands rioted and the Hands said nothing.
Under the Hands the gang grew. Marlow Telecom was the national telephone company. Telecom said it would
raise its prices.
"""


def _classes(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in extract_text(text).mentions:
        out.setdefault(m.text, set()).add(m.cls)
    return out


def test_a_title_of_another_language_is_stripped_from_the_name():
    names = _classes(TITLES)
    assert "Comandante Néstor Vela" not in names and "Coronel Raúl Ibarrola" not in names, names
    assert names.get("Néstor Vela") == {"Person"} and names.get("Raúl Ibarrola") == {"Person"}, names
    assert "Don Tomas Orvell" not in names and names.get("Tomas Orvell") == {"Person"}, names


def test_a_title_that_is_a_given_name_stays_before_one_word():
    assert "Halden" not in _classes(TITLES)


def test_a_plain_name_after_a_relatives_noun_is_a_person():
    assert _classes(ROLES).get("Agustina Velde Úbeda") == {"Person"}


def test_a_plain_name_the_article_calls_by_its_last_word_in_a_persons_role_is_a_person():
    names = _classes(ROLES)
    assert names.get("Moses Pepino") == {"Person"}, names


def test_a_body_the_article_calls_by_its_last_word_stays_a_body():
    names = _classes(ROLES)
    for name in ("Black Hands", "Hands", "Marlow Telecom", "Telecom"):
        assert "Person" not in names.get(name, set()), (name, names)



def _as_body(sentence: str, name: str) -> str | None:
    """The class the sentence gives ``name`` when the small model tags it an organisation."""
    from spacy.tokens import Span

    from kg.extract.entities import context_class
    from kg.nlp import load_nlp

    doc = load_nlp()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    ent = Span(doc, span.start, span.end, label="ORG")
    doc.ents = [ent]
    return context_class(ent, [ent])


def test_a_plain_name_before_an_office_only_a_person_holds_is_a_person():
    assert _as_body("Ernest Ikoru was vice president and H.O. Davids was the secretary.", "H.O. Davids") == "Person"
    assert _as_body("In 1943, Wiktor Gorsky became secretary of the Central Committee.", "Wiktor Gorsky") == "Person"


def test_a_body_before_an_office_noun_it_may_hold_stays_a_body():
    assert _as_body("Marlow Telecom was the sponsor of the league.", "Marlow Telecom") != "Person"
    assert _as_body("The Varnia Tram Company was the treasurer of the fund.", "Varnia Tram Company") != "Person"
