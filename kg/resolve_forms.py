"""Resolution rules of one article's names (split from :mod:`kg.resolve`): an ideology's noun and
adjective, a person's fuller name or one given name and the surname, and whether a bare party name is
the one longer party name of the article."""

from __future__ import annotations

from kg.extract.lexicons import lexicon
from kg.extract.tables import keyword_class
from kg.model import Mention
from kg.names import _STOP, _fuller
from kg.ontology import group_of
from kg.resolve_links import _Union, _vote

_NAME_GROUPS = {"Person", "Organization", "Other"}  # NER confuses these; a place or an event it rarely mislabels
_STRONG = {"title", "lead", "infobox", "infobox-alias", "gazetteer"}
_WEAK = {"ner", "pattern", "keyword", "acronym", "see-also"}

_CREED_CLASSES = {"Ideology", "PoliticalMovement"}
_ADJECTIVE_GUESSES = {"EthnicGroup", "Other", "Place"}


def _link_creed_adjectives(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """ "Socialism" and "Socialist", "Marxism–Leninism" and "Marxist–Leninist", "nationalism" and
    "nationalist" in one article, both naming an ideology (its noun and its adjective: each word's
    -ism for -ist), are one ideology; so is the lone adjective NER took for a people or a place. A
    party or a person the adjective names is not ("Socialist" a party's name), nor its followers
    ("Marxist–Leninists")."""
    for key, group in by_name.items():
        words = key.split()
        if key.startswith("\x00") or not any(w.endswith("ism") for w in words) or _vote(group) not in _CREED_CLASSES:
            continue
        adjective = " ".join(w[:-3] + "ist" if w.endswith("ism") else w for w in words)
        other = by_name.get(adjective)
        if other is None:
            continue
        # or NER's guess at a lone adjective ("describes himself as a Nasserist": a people, a place)
        guessed = all(m.source == "ner" for m in other) and _vote(other) in _ADJECTIVE_GUESSES
        if _vote(other) in _CREED_CLASSES or guessed:
            uf.union(group[0], other[0], "an ideology's noun and its adjective")


def _link_fuller_names(by_name: dict[str, list[Mention]], multi: list[str], uf: _Union) -> dict[str, list[str]]:
    """ "John Cantwell" and "John Joseph Cantwell", "N. C. Wyeth" and "Newell Convers Wyeth",
    "Wálter Guevara" and "Wálter Guevara Arze" (a second surname left out): one person when
    exactly one person of the article has the fuller name. "Tomás Varga" or "Ignacio Varga" for
    "Tomás Ignacio Varga Ruiz" (one given name and the first surname, :func:`_given_name_form`) too,
    unless both names come from the title or the infobox only (a box's Father or Spouse row may name
    a parent whose name the subject carries). Returns the two-word names that two people of the
    article fit ("Ignacio Varga" beside "Tomás Ignacio Varga" and "Ignacio Manuel Varga"), with the
    names they fit: nobody's short form but the subject's, when the subject is one of them."""
    people = [k for k in multi if group_of(_vote(by_name[k])) == "Person"]
    # a short name NER alone found and took for an organisation or a thing ("José Pérez" beside the
    # person "José Antonio Pérez"), no body's name by its words
    guessed = [
        k
        for k in multi
        if k not in people
        and all(m.source in _WEAK for m in by_name[k])
        and group_of(_vote(by_name[k])) in _NAME_GROUPS
        and keyword_class(by_name[k][0].text) is None
    ]
    ambiguous: dict[str, list[str]] = {}
    for short in [*people, *guessed]:
        words = short.split()
        fuller = [
            k
            for k in people
            if k != short and (_fuller(words, k.split()) or (k.startswith(short + " ") and len(k.split()) <= 4))
        ]
        given = [k for k in people if k != short and k not in fuller and _given_name_form(words, k.split())]
        if len(words) == 2:
            ends = [k for k in people if k.endswith(" " + short) and k not in fuller + given]
            fits = [*fuller, *given, *ends]
            if any(not _one_person(a, b) for i, a in enumerate(fits) for b in fits[i + 1 :]):
                if short in people:
                    ambiguous[short] = fits
                continue
        if short not in people and not any(m.source in _STRONG for k in [*fuller, *given] for m in by_name[k]):
            continue  # NER's guess beside a name only NER gave too: which class wins is a coin toss
        if len(fuller) == 1:
            uf.union(by_name[fuller[0]][0], by_name[short][0], "same name with middle names")
        elif (
            not fuller
            and len(given) == 1
            and not all(m.source in _STRONG for m in [*by_name[short], *by_name[given[0]]])
        ):
            uf.union(by_name[given[0]][0], by_name[short][0], "one given name and the surname")
    return ambiguous


def _one_person(a: str, b: str) -> bool:
    """Two names of the article one of which is the other with more names: one person."""
    wa, wb = a.split(), b.split()
    return _fuller(wa, wb) or _fuller(wb, wa) or a.startswith(b + " ") or b.startswith(a + " ")


def _given_name_form(short: list[str], full: list[str]) -> bool:
    """``short`` is one given name of ``full`` and its first surname, not its last two words (those
    are :func:`_link_partial_names`'): "tomas varga" and "ignacio varga" of "tomas ignacio varga ruiz",
    with at most one more surname after it.

    >>> _given_name_form("ignacio varga".split(), "tomas ignacio varga ruiz".split())
    True
    >>> _given_name_form("ignacio varga".split(), "tomas ignacio varga".split())
    False
    >>> _given_name_form("ruiz varga".split(), "tomas ignacio varga ruiz".split())
    False
    """
    if len(short) != 2 or len(full) < 3 or short[1] not in full[1:] or full[-2:] == short or short[0] in _STOP:
        return False  # "de silva": a particle and the surname, no given name
    at = full.index(short[1], 1)
    return len(full) - at <= 2 and short[0] in full[:at]


def _party_of_elsewhere(
    short: str, long: str, by_name: dict[str, list[Mention]], subject: Mention | None, uf: _Union
) -> bool:
    """ "Workers' Party" in the prose, and the "Workers' Party of Tesk" the article names once: a bare
    party name many countries have is that party only when the context agrees, that is when the longer
    name is the article's subject (or one of its names), or when the place it is of ("Tesk") is named
    on its own in the article and no other country is named more often. Another body with such a
    name ("Legislative Council" of "… of Ceylon") is left to the older rule."""
    if not long.startswith(short + " ") or long[len(short) + 1 :].split()[0] not in _OF_WORDS:
        return False
    if "PoliticalParty" not in (_vote(by_name[short]), _vote(by_name[long])):
        return False
    if subject is not None and uf.find(by_name[long][0]) == uf.find(subject):
        return False
    place = long[len(short) + 1 :].split(" ", 1)[1] if " " in long[len(short) + 1 :] else ""
    place = place[4:] if place.startswith("the ") else place
    if place not in by_name or group_of(_vote(by_name[place])) != "Place":
        return True
    named = len(by_name[place])
    return any(
        len(g) > named and _vote(g) == "Country" for k, g in by_name.items() if k != place and not k.startswith("\x00")
    )


_OF_WORDS = lexicon("name_of_words")
