"""A country's office by its usual name, from a bare title and the country it belongs to.

An infobox or a sentence often gives an office without its country: an election's ``Title: Prime
Minister`` beside ``Country: Kingdom of Eastmark``, an officeholder's ``Primeminister: Ana Roe`` under
``Office: President of Eastmark``, "the Eastmarkish prime minister Ana Roe". The office is the
country's, and its name is the title with the country's short name: "Prime Minister of Eastmark".
The short name drops a state's form ("Kingdom of Eastmark", "the Eastmarkish Republic" → Eastmark)
when the gazetteer knows the rest as a country, and takes "the" where the name needs it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.documents.model import Article
from kg.extract.lexicons import alternation, lexicon
from kg.gazetteer import gazetteer
from kg.model import Mention

__all__ = [
    "article_country",
    "cabinet_country",
    "complete_office",
    "country_short_name",
    "office_country",
    "office_name",
    "office_title",
    "other_title",
]

_THE_FIRST = lexicon("rec_country_the_first_words")
_THE_NAMES = lexicon("rec_country_the_names")
_STATE_FORMS = lexicon("shape10_state_form_nouns")
# "Kingdom of Eastmark", "the Republic of Eastmark": the state's form before its country's name
_FORMS = alternation("shape10_state_form_nouns")
_FORM_OF = re.compile(rf"^(?:the\s+)?(?:People's\s+)?(?:{_FORMS})\s+of\s+(?:the\s+)?(?P<x>.+)$", re.I)
# "the Eastmarkish Republic", "Eastmarkish Empire": a people's adjective before the state's form
_ADJ_FORM = re.compile(rf"^(?:the\s+)?(?P<adj>[A-Z][\w'’-]+)\s+(?:{_FORMS})$", re.I)
# the titles a country's office opens with: head of state or government, deputies, monarchs
_TITLE = re.compile(
    rf"^(?:(?:{alternation('deputy_prefixes')})[- ]?)?(?:{alternation('country_office_nouns')})$"
    rf"|^(?:{alternation('rec_title_monarch_nouns')})$",
    re.I,
)
# debris around an election box's title: "Elected Prime Minister", "Prime Minister after election"
_TITLE_DEBRIS = re.compile(r"^(?:elected|designated|incumbent)\s+|\s+(?:after|before)\s+(?:the\s+)?election$", re.I)


def country_short_name(name: str) -> str | None:
    """The name a country's office takes after "of": the gazetteer's country without the state's
    form, or None when the name is no country the gazetteer knows.

    >>> country_short_name("Kingdom of Romania"), country_short_name("Argentine Republic")
    ('Romania', 'Argentina')
    >>> country_short_name("Greece"), country_short_name("Italian"), country_short_name("Dominican Republic")
    ('Greece', 'Italy', 'the Dominican Republic')
    >>> country_short_name("Ruritania") is None
    True
    """
    gaz = gazetteer()
    name = re.sub(r"\s+", " ", name.strip())
    out: str | None = None
    code = gaz.demonym(name)
    if code is not None and code in gaz.countries:
        out = gaz.countries[code].name  # "Italian": Italy
    elif (form := _FORM_OF.match(name)) is not None and _is_country(form.group("x")):
        out = form.group("x")  # "Kingdom of Romania": Romania
    elif (adj := _ADJ_FORM.match(name)) is not None and (code := gaz.demonym(adj.group("adj"))) in gaz.countries:
        out = gaz.countries[code].name  # "the Ethiopian Empire": Ethiopia
    elif _is_country(name):
        out = name
        place = gaz.lookup(name)
        if place is not None and name.split()[-1].casefold() in _STATE_FORMS:
            out = place.name  # "Argentine Republic": Argentina
    if out is None:
        return None
    out = re.sub(r"^the\s+", "", out, flags=re.I)
    if out.split()[0] in _THE_FIRST or out in _THE_NAMES:
        out = f"the {out}"
    return out


def _is_country(name: str) -> bool:
    place = gazetteer().lookup(name)
    return place is not None and place.kind == "country"


def office_title(text: str) -> str | None:
    """A bare title of a country's office in its usual case ("prime minister" → "Prime Minister"),
    without an election box's debris ("Elected Prime Minister"); None for anything else.

    >>> office_title("Elected Prime Minister"), office_title("vice-president"), office_title("Head of government")
    ('Prime Minister', 'Vice-President', None)
    """
    title = _TITLE_DEBRIS.sub("", re.sub(r"\s+", " ", text.strip()))
    if not _TITLE.match(title):
        return None
    return re.sub(r"(?<![\w'])(\w)", lambda m: m.group(1).upper(), title.lower())


def office_name(title: str, country: str) -> str | None:
    """The office a bare title names in a country: "Prime Minister of Romania" for ("Prime
    Minister", "Kingdom of Romania"); None when either is not what it should be.

    >>> office_name("president", "Argentine Republic"), office_name("King", "Kingdom of Tesk")
    ('President of Argentina', None)
    """
    t = office_title(title)
    c = country_short_name(country)
    return f"{t} of {c}" if t and c else None


_FIRST_SENTENCE = re.compile(r"^(?P<s>.+?[a-z)\]]\.)(?:\s|$)", re.S)


def article_country(article: Article) -> str | None:
    """The one country an article's box (``Country``, ``Nationality``) or its lead's first sentence
    ("Ana Roe is a Valdoran politician") names by a people's adjective or a name; None for none or two."""
    gaz = gazetteer()
    for key in ("Country", "Nationality"):
        f = article.field(key)
        if f is not None and len(f.items) == 1 and country_short_name(f.items[0].text.strip()):
            return f.items[0].text.strip()
    if not article.blocks:
        return None
    first = _FIRST_SENTENCE.match(article.blocks[0].text)
    words = re.findall(r"\b[A-Z][\w'’-]+", first.group("s") if first else "")
    codes = {code for w in words if (code := gaz.demonym(w)) is not None and code in gaz.countries}
    return gaz.countries[codes.pop()].name if len(codes) == 1 else None


def complete_office(article: Article, office: Mention) -> Mention:
    """An officeholder box's bare office ("Office: President") as the article's country's ("President
    of Valdora"), at the office's own place; any other office as it is."""
    if re.search(r"\sof\s", office.text) or office_title(office.text) is None:
        return office
    country = article_country(article)
    name = office_name(office.text, country) if country is not None else None
    return replace(office, text=name) if name is not None else office


def cabinet_country(article: Article, office: str) -> str | None:
    """The country whose head a cabinet minister's box names beside the office ("Office: Minister
    without Portfolio", "Primeminister: Ana Roe"): the article's one country, by its short name."""
    if not re.search(r"\bMinister\b", office) or re.search(r"\bPrime\s+Minister\b", office, re.I):
        return None
    country = article_country(article)
    return country_short_name(country) if country is not None else None


_OF_COUNTRY = re.compile(r"\bof\s+(?P<of>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})$")


def office_country(office: str) -> str | None:
    """The country an office of a country's ends in ("Military Leader of Tesk": Tesk), as the office
    writes it; None when its "of" names no country the gazetteer knows ("Governor of Tesk Province",
    "Ambassador of Tesk to Varnia").

    >>> office_country("Military Leader of Panama"), office_country("Ambassador of Panama to Chile")
    ('Panama', None)
    """
    m = _OF_COUNTRY.search(office)
    if m is None:
        return None
    place = gazetteer().lookup(re.sub(r"^the\s+", "", m.group("of")))
    return m.group("of") if place is not None and place.kind == "country" else None


def other_title(name: str, office: str) -> bool:
    """True when a predecessor's or successor's name opens with a ruler's title the office does not
    hold ("Sultan Omar" before the "President of Zanvar"): he held another office, not this one.

    >>> other_title("Sultan Omar bin Said", "President of Tesk"), other_title("King Tavo", "King of Tesk")
    (True, False)
    >>> other_title("Ana Roe", "President of Tesk")
    False
    """
    first = name.split(" ", 1)[0]
    if first not in _RULER_TITLES:
        return False
    return first.casefold() not in office.casefold().split()


_RULER_TITLES = lexicon("royal_titles")
