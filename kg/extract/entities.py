"""Named-entity mentions from spaCy's NER, cleaned and typed into the ontology.

Cleaning trims what the small model drags into a name (``the``, a possessive
``'s``, a dangling bracket); typing starts from the NER label, then a name's
own words (``… Party`` → PoliticalParty, table ``class_keywords.tsv``), then
the offline gazetteer (a country named by any label is a Country).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.tables import (
    FAITH_CLASSES,
    head_nouns,
    keyword_class,
    not_person_words,
    party_word,
    person_titles,
    religion_first_words,
    religion_of,
)
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NER_CLASSES",
    "class_of_name",
    "clean_span",
    "context_class",
    "extra_mentions",
    "is_noise",
    "mentions_in_doc",
    "party_of_person",
    "proper_noun_runs",
    "retype_family_names",
    "split_party_of_person",
    "title_case_quotes",
    "typed_name",
]

NER_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Facility",
    "EVENT": "Event",
    "WORK_OF_ART": "CreativeWork",
    "LANGUAGE": "Language",
    "NORP": "EthnicGroup",
    "LAW": "Other",
    "PRODUCT": "Other",
    "MISC": "Other",
}
_LEAD = re.compile(r"^(?:the|The|THE|a|an|An|A)\s+")
_TAIL = re.compile(r"(?:\s*['’]s?|\s*[(\[{,;:.\-–—'\"“”‘’]+|\s+party|\s+(?:of|and|the|in))$")
_PLACE_CLASSES = frozenset({"Landform", "Facility", "AdministrativeRegion", "Country", "City"})
_GAZ_KINDS = {"country": "Country", "region": "AdministrativeRegion", "city": "City", "continent": "Place"}
_PARTY_ROLES = frozenset(
    {"leader", "candidate", "member", "members", "politician", "senator", "congressman", "congresswoman"}
    | {"representative", "mp", "minister", "nominee", "nomination", "primary", "ticket", "delegate", "caucus"}
    | {"councillor", "councilor", "governor", "president", "premier", "mayor", "government", "majority"}
)
_RELIGION_LABELS = frozenset({"NORP", "ORG", "GPE", "LOC"})  # not PERSON: "Christian" is also a given name


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a name inside ``text[start:end]`` with leading articles and trailing junk removed.

    >>> s = "the Union for Valdora party"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Union for Valdora'
    >>> s = "Evo Morales's"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Evo Morales'
    >>> s = "Free Land Movement (Movimiento Tierra Libre"
    >>> a, b = clean_span(s, 0, len(s)); s[a:b]
    'Free Land Movement'
    """
    while True:
        seg = text[start:end]
        if seg.count("(") > seg.count(")") and seg.index("(") > 0:
            end = start + seg.index("(")  # "Free Land Movement (Movimiento Tierra Libre": the name ends
            continue
        m = _LEAD.match(seg)
        if m and len(seg) > m.end():
            start += m.end()
            continue
        m = _TAIL.search(seg)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        stripped = seg.strip(" \t\"“”'‘’()[]")
        if stripped != seg and stripped:
            start += seg.index(stripped)
            end = start + len(stripped)
            continue
        return start, end


_WORD = re.compile(r"[^\s]+\s+")


def strip_person_prefix(text: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Start of a person's name past the titles and the nationality NER kept in front of it, and the
    span of that nationality word, if any. At least one word stays, and not a question word.

    >>> t = "Vice-President Joe Biden"
    >>> t[strip_person_prefix(t, 0, len(t))[0]:]
    'Joe Biden'
    >>> t = "Jamaican Roger Mais"
    >>> s, people = strip_person_prefix(t, 0, len(t)); t[s:], t[people[0]:people[1]]
    ('Roger Mais', 'Jamaican')
    >>> t = "Admiral Mike Mullen"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Mike Mullen'
    >>> t = "King Prajadhipok"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Prajadhipok'
    >>> t = "Doctor Who"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Doctor Who'
    >>> t = "Jordan Peterson"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Jordan Peterson'
    >>> t = "Minnesotan Peter Ostroushko"; t[strip_person_prefix(t, 0, len(t))[0]:]
    'Peter Ostroushko'
    """
    titles = person_titles()
    people: tuple[int, int] | None = None
    while True:
        m = _WORD.match(text, start, end)
        rest = text[m.end() : end] if m is not None else ""
        if m is None or not rest[:1].isupper() or rest.casefold() in ("who", "what", "no"):
            return start, people
        word = m.group().strip()
        if word.rstrip(".") in titles:
            start = m.end()
        elif people is None and gazetteer().demonym(word):
            # "Jamaican Roger Mais"; not a country's name, which is often a given name ("Jordan", "Chad")
            people = (start, start + len(word))
            start = m.end()
        elif word.endswith("an") and len(rest.split()) >= 2 and _region_of_demonym(word):
            start = m.end()  # "Minnesotan Peter Ostroushko": a region's people, not a given name
        else:
            return start, people


def _region_of_demonym(word: str) -> bool:
    """ "Minnesotan", "Californian", "Bavarian": the word names the people of a region the gazetteer knows.

    >>> _region_of_demonym("Minnesotan"), _region_of_demonym("Morgan")
    (True, False)
    """
    for base in (word[:-1], word[:-3] + "a" if word.endswith("ian") else ""):
        place = gazetteer().lookup(base) if base else None
        if place is not None and place.kind == "region":
            return True
    return False


def class_of_name(name: str, ner_label: str, countries: frozenset[str] = frozenset()) -> str | None:
    """The ontology class of a named mention, or None when it is not worth an entity.

    >>> class_of_name("Union for Valdora", "ORG")
    'Organization'
    >>> class_of_name("Peruvian Nationalist Party", "ORG")
    'PoliticalParty'
    >>> class_of_name("Peru", "PERSON")
    'Country'
    >>> class_of_name("Salt Lake City", "GPE")
    'City'
    """
    found = typed_name(name, ner_label, countries)
    return found[0] if found else None


def typed_name(name: str, ner_label: str, countries: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(class, how) for a named mention; ``how`` is ``ner``, ``gazetteer`` or ``keyword``.

    >>> typed_name("Turkey", "GPE"), typed_name("West Germany", "GPE"), typed_name("Uzbek", "PERSON")
    (('Country', 'gazetteer'), ('Country', 'gazetteer'), None)
    >>> typed_name("Tesk Valley Water Board", "ORG")
    ('GovernmentBody', 'keyword')
    >>> typed_name("Presbyterians", "NORP"), typed_name("Christian", "PERSON")
    (('ReligiousDenomination', 'gazetteer'), ('Person', 'ner'))
    >>> typed_name("Scottish", "NORP"), typed_name("Soviet", "NORP"), typed_name("Sami", "NORP")
    (('AdministrativeRegion', 'gazetteer'), ('Country', 'gazetteer'), ('EthnicGroup', 'ner'))
    >>> typed_name("Democrat", "NORP")
    ('PoliticalParty', 'gazetteer')
    """
    base = NER_CLASSES.get(ner_label)
    if base is None:
        return None
    if not name or not (name[0].isupper() or name[0].isdigit()) or len(name) < 2:
        return None
    gaz = gazetteer()
    faith = religion_of(name) if ner_label in _RELIGION_LABELS else None
    if faith is not None:
        return faith[1], "gazetteer"  # "Catholics", "Lutheran": a church or faith, not a people
    if ner_label in ("NORP", "ORG") and party_word(name):
        return "PoliticalParty", "gazetteer"  # "a Republican member", "Labour leader Ana Roe"
    if ner_label == "NORP":
        if gaz.demonym(name):
            return "Country", "gazetteer"
        adjective = gaz.adjective_place(name)  # "European", "Scottish", "Soviet": the place itself
        return (_GAZ_KINDS[adjective.kind], "gazetteer") if adjective is not None else (base, "ner")
    if base == "Person" and gaz.demonym(name):
        return None  # "speak Tajik": a people's or language's name is nobody
    if ner_label in ("GPE", "LOC") and gaz.demonym(name):
        return "Country", "gazetteer"  # "a Slovak footballer" tagged as a place: the country
    place = None if gaz.spelled_in_capitals(name) else gaz.lookup(name, countries)  # "ICA" is no Ica
    if place is not None:
        kind = _GAZ_KINDS[place.kind]
        if ner_label in ("GPE", "LOC") or place.kind in ("country", "continent"):
            return kind, "gazetteer"
        if place.kind == "region" and " " in name and ner_label == "PERSON":
            return kind, "gazetteer"  # "Madhya Pradesh": a region's two-word name is nobody's
        if ner_label == "ORG" and " " not in name:
            return kind, "gazetteer"
    cls = keyword_class(name)
    if cls is None:
        return base, "ner"
    if base in ("Place", "Facility") and cls not in _PLACE_CLASSES:
        return base, "ner"
    if base == "Person" and cls != "Person" and not any(p.search(name) for p in not_person_words()):
        return base, "ner"
    return cls, "keyword"


def _span_offsets(span: Span, base: int) -> tuple[int, int]:
    return base + span.start_char, base + span.end_char


_NOISE_PREFIX = re.compile(r"^(?:Anti|Pro|Non|Neo|Post|Pre|Pan)-", re.I)
_ADJ_SUFFIX = re.compile(r"(?:ic|ist|ous|ical|ive)$")


def is_noise(name: str, ner_label: str) -> bool:
    """True for names the small model tags that name nothing (``Anti-Semitic``, ``Eurocentric``).

    >>> is_noise("Anti-Fujimori", "PRODUCT"), is_noise("Eurocentric", "PERSON"), is_noise("Lima", "GPE")
    (True, True, False)
    """
    if _NOISE_PREFIX.match(name):
        return True
    if " " not in name and _ADJ_SUFFIX.search(name) and ner_label != "GPE":
        return gazetteer().lookup(name) is None and religion_of(name) is None  # "Catholic", "Islamic"
    return False


def context_class(ent: Span, ents: list[Span] | None = None) -> str | None:
    """A class the sentence gives a name: an apposition ("Ollanta, the newspaper"), a place
    preposition before a name the gazetteer knows ("in Nancy"), a title before it ("lawyer Jane
    Roe"), or a head noun after it ("the Green party")."""
    table = head_nouns()
    root = ent.root
    # "born in Vigan, Ilocos Sur, the daughter of …": the province is not her
    place_like = ent.label_ in ("GPE", "LOC", "FAC") or gazetteer().lookup(ent.text) is not None
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        cls = table.get(root.head.lemma_.casefold())
        if cls and not (place_like and cls == "Person"):
            return cls
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not (ent.start <= child.i < ent.end):
            cls = table.get(child.lemma_.casefold())
            if cls and not (place_like and cls == "Person"):
                return cls
    doc = ent.doc
    of = doc[ent.start - 1] if ent.start > 0 else None
    if of is not None and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < of.i:
        cls = table.get(of.head.lemma_.casefold())
        if cls in ("City", "AdministrativeRegion") and ent.label_ != "PERSON":
            return cls  # "the town of Moyale", "the province of Cuenca"
    possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS"  # "in Smith's view"
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent.label_ == "PERSON" and before in ("in", "near", "to", "from", "at") and not possessive:
        place = gazetteer().lookup(ent.text)
        if place is not None:
            return _GAZ_KINDS[place.kind]  # "born in Nancy", "travels to Lyon": the town, not the given name
    if ent.label_ == "PERSON" and before in ("in", "near") and not possessive:
        cls = keyword_class(ent.text)
        if cls in _PLACE_CLASSES:
            return cls  # "near Rice Lake"
        if len(ent) == 1 and doc[ent.start - 1].head.pos_ in ("VERB", "AUX") and doc[ent.start - 1].head.i < ent.start:
            return "Place"  # "founded in Brennick": a town the gazetteer does not know, not a given name
    if ent.label_ == "PERSON" and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        outer = next((e for e in (ents if ents is not None else doc.ents) if e.start == ent.end + 1), None)
        wider = gazetteer().lookup(outer.text) if outer is not None and outer.label_ == "GPE" else None
        owned = outer is not None and outer.end < len(doc) and doc[outer.end].tag_ == "POS"  # "Smith, Canada's envoy"
        place = gazetteer().lookup(ent.text)
        if wider is not None and wider.kind in ("country", "region") and not owned and place is not None:
            return _GAZ_KINDS[place.kind] if place.kind != "country" else None  # "Tobolsk, Russia"
    if _played_for(root) and (
        ent.label_ in ("GPE", "ORG", "LOC", "FAC", "NORP") or keyword_class(ent.text) == "SportsTeam"
    ):
        return "SportsTeam"  # "he played for the 76ers, San Antonio Spurs and Orlando Magic"
    if ent.start > 0:
        prev = doc[ent.start - 1]
        if (prev.pos_ in ("NOUN", "PROPN") and prev.is_lower is False) or prev.pos_ == "NOUN":
            cls = table.get(prev.lemma_.casefold())
            if cls == "Person":
                return cls
    if ent.end < len(doc):
        nxt = doc[ent.end]
        if nxt.pos_ == "NOUN" and nxt.is_lower and root.head.i == nxt.i:
            cls = table.get(nxt.lemma_.casefold())
            if cls and cls != "Person":
                return cls
    for conj in [*root.conjuncts]:
        other = next(
            (e for e in (ents if ents is not None else doc.ents) if e.start <= conj.i < e.end and e != ent), None
        )
        if (
            other is not None
            and other.label_ == "PERSON"
            and ent.label_ in ("ORG", "PERSON", "PRODUCT")
            and keyword_class(ent.text) is None
            and keyword_class(other.text) is None  # "Kazan Governorate and Perm Governorate": no people
        ):
            return "Person"
    return None


def _played_for(root: Token) -> bool:
    """``root`` is what someone played for: the object of "for" after "play", or a conjunct of it."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    return first.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_ == "play"


_WORK_WORDS = frozenset(
    [
        "song",
        "single",
        "track",
        "album",
        "ep",
        "film",
        "movie",
        "novel",
        "book",
        "poem",
        "play",
        "series",
        "episode",
        "opera",
        "hit",
        "record",
    ]
)


def _quoted_work(text: str, start: int, end: int, ent: Span) -> bool:
    """A name in quotation marks in a sentence about songs, films or books is a work's title."""
    if start == 0 or end >= len(text) or text[start - 1] not in '"“' or text[end] not in '"”':
        return False
    return any(t.lemma_.casefold() in _WORK_WORDS for t in ent.sent)


def _join_plural_possessives(ents: list[Span]) -> list[Span]:
    """NER cuts "the Bolivian Workers' Vanguard" at the apostrophe and "the Federation of Mine Workers
    of Oruro" before its place: join the two spans into one organisation."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        doc, i = ent.doc, ent.start
        if ent.label_ == "ORG" and i >= 2 and doc[i - 1].text in ("'", "’") and doc[i - 2].text[-1:] == "s":
            # "the Bolivian Miners' Vanguard" tagged "Vanguard": take back the capitalised owner words
            j = i - 1
            while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                j -= 1
            if j < i - 1 and not doc[j].is_sent_start:
                while out and out[-1].end > j:
                    out.pop()
                ent = Span(doc, j, ent.end, label="ORG")
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "ORG"
            and ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "GPE")
            and prev.end == ent.start
            and (prev[-1].text in ("'", "’") or (prev[-1].lower_ in ("of", "for") and ent.label_ != "PRODUCT"))
        ):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
        elif (
            prev is not None
            and prev.label_ in ("ORG", "FAC")
            and ent.label_ == "PERSON"
            and prev.end == ent.start
            and any(t.lower_ in ("of", "de", "del") for t in prev)
            and prev[-1].pos_ == "PROPN"
        ):
            out[-1] = Span(ent.doc, prev.start, ent.end, label=prev.label_)  # "University of Santo" + "Tomas"
        else:
            out.append(_with_hyphen_tail(_with_name_particle(ent)))
    return out


def _with_hyphen_tail(ent: Span) -> Span:
    """ "Moravian-Silesian Region" tagged as "Moravian": capitalised words joined by a hyphen right
    after a name belong to it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "a town in the Moravian - Silesian Region , Czechia".split()
    >>> doc = Doc(Vocab(), words=words, spaces=[True, True, True, True, False, False, True, False, True, False],
    ...           ents=["O", "O", "O", "O", "B-NORP", "O", "O", "O", "O", "B-GPE"])
    >>> _with_hyphen_tail(doc.ents[0]).text
    'Moravian-Silesian Region'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if j + 1 >= len(doc) or doc[j].text not in ("-", "–") or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return ent
    k = j + 1
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not doc[k].ent_type_:
        k += 1
    if k == j + 1:
        return ent
    cls = keyword_class(doc[ent.start : k].text)
    label = "GPE" if cls in _PLACE_CLASSES else "ORG" if cls is not None else ent.label_
    return Span(doc, ent.start, k, label=label)


_NAME_PARTICLES = frozenset(
    {"arap", "bin", "binti", "ibn", "bint", "ben", "van", "von", "der", "den", "ter", "ten", "de", "da", "di"}
    | {"del", "della", "dos", "das", "du", "le", "la", "al", "el", "y", "zu", "af", "av"}
)


def _with_name_particle(ent: Span) -> Span:
    """ "Kiprono arap Sang", "Pieter van den Berg" tagged as "Kiprono" or "Pieter": a lowercase name
    particle and capitalised names right after a short name belong to it ("Banco de Chile" too).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> words = "led by Kiprono arap Sang surrounded".split()
    >>> doc = Doc(Vocab(), words=words, ents=["O", "O", "B-PERSON", "O", "O", "O"])
    >>> _with_name_particle(doc.ents[0]).text
    'Kiprono arap Sang'
    """
    from spacy.tokens import Span

    doc, j = ent.doc, ent.end
    if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE", "PRODUCT") or len(ent) > 3:
        return ent
    while j + 1 < len(doc) and doc[j].text in _NAME_PARTICLES:
        j += 1  # "van der"
    k = j
    while k < len(doc) and k - j < 2 and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not doc[k].ent_type_:
        k += 1
    if j == ent.end or k == j:
        return ent
    return Span(doc, ent.start, k, label="PERSON" if ent.label_ in ("PERSON", "NORP", "PRODUCT") else ent.label_)


def mentions_in_doc(
    article: str, doc: Doc, base: int, countries: frozenset[str] = frozenset(), text: str | None = None
) -> list[Mention]:
    """Typed mentions of one annotated block whose text starts at ``base`` in the article.

    ``text``: the block's text when the caller has it (``doc.text`` rebuilds it from the tokens
    on every access, a tenth of extraction time)."""
    out: list[Mention] = []
    text = doc.text if text is None else text
    ents = _join_plural_possessives(list(doc.ents))
    joined: set[int] = set()
    for k, ent in enumerate(ents):
        if k in joined:
            continue
        s, e = clean_span(text, ent.start_char, ent.end_char)
        prev = ents[k - 1] if k else None
        nxt_ent = ents[k + 1] if k + 1 < len(ents) else None
        if (
            ent.label_ == "ORG"
            and nxt_ent is not None
            and nxt_ent.label_ in ("GPE", "LOC", "ORG")
            and text[e : nxt_ent.start_char] == " of "
            and group_of(keyword_class(text[s:e]) or "Other") == "Organization"
            and getattr(gazetteer().lookup(nxt_ent.text), "kind", None) in ("country", "region")
        ):
            # "the Militarized Communist Party of Peru" cut in two by NER: one name
            e = clean_span(text, nxt_ent.start_char, nxt_ent.end_char)[1]
            joined.add(k + 1)
        if (
            ent.label_ in ("EVENT", "ORG", "WORK_OF_ART")
            and prev is not None
            and prev.label_ == "DATE"
            and prev.end == ent.start
            and re.fullmatch(r"(?:the\s+)?\d{4}", prev.text)
        ):
            s = prev.start_char + (4 if prev.text.startswith("the ") else 0)  # "2002 Winter Olympics"
        if ent.label_ == "PERSON":  # "Ilse Marenko" tagged as "Marenko": take back the given names
            first = ent.start
            while (
                first > 0
                and doc[first - 1].pos_ == "PROPN"
                and doc[first - 1].dep_ == "compound"
                and doc[first - 1].head.i in range(ent.start, ent.end)
                and doc[first - 1].text[:1].isupper()
                and not doc[first - 1].ent_type_
                and head_nouns().get(doc[first - 1].lower_) != "Person"  # "Anthropologist Norma Correa"
            ):
                first -= 1
            if first < ent.start:
                s = doc[first].idx
            s, people = strip_person_prefix(text, s, e)
            if people is not None:  # "Jamaican Roger Mais": the country is a mention of its own
                a, b = people
                out.append(Mention(article, base + a, base + b, text[a:b], "Country", "gazetteer"))
        label = ent.label_
        if (
            label in ("ORG", "GPE", "NORP", "PRODUCT")
            and len(ent) in (3, 4)
            and head_nouns().get(ent[0].lower_) == "Person"
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent[1:])
            and keyword_class(text[ent[1].idx : e]) is None
        ):
            s, label = ent[1].idx, "PERSON"  # "Historian Lena Marsh of …" tagged as one organisation
        name = text[s:e]
        before = doc[ent.start - 1] if ent.start else None
        if label == "NORP" and before is not None and not before.ent_type_ and religion_of(f"{before.text} {name}"):
            s, name = before.idx, text[before.idx : e]  # "Orthodox Christian", the first word untagged
        if label == "NORP" and " " in name:
            demonym, rest = name.split(" ", 1)
            if religion_of(rest) is not None and gazetteer().demonym(demonym):
                # "Croatian Catholic": a country, then a church
                out.append(Mention(article, base + s, base + s + len(demonym), demonym, "Country", "gazetteer"))
                s, name = e - len(rest), rest
        if not name or name.isdigit() or is_noise(name, label):
            continue
        typed = typed_name(name, label, countries)
        if typed is None or (typed[0] in FAITH_CLASSES and _byname(doc, ent.start)):
            continue
        if party_word(name) and _portfolio(doc, ent.start):
            typed = NER_CLASSES[label], "ner"
        cls, how = typed
        if how in ("ner", "keyword"):
            ctx = context_class(ent, ents)
            if ctx is not None:
                cls, how = ctx, "context"
                nxt = doc[ent.end] if ent.end < len(doc) else None
                event_noun = nxt is not None and nxt.is_lower and head_nouns().get(nxt.lemma_) == cls
                if nxt is not None and event_noun and group_of(cls) == "Event":
                    e = nxt.idx + len(nxt.text)  # "the Mau Mau uprising": the event's name has its noun
                    name = text[s:e]
        if cls == "Country" and text[e : e + 1] == ":" and gazetteer().demonym(name):
            cls, how = "Language", "context"  # "(Spanish: Frente …)": the language a name is given in
        if _quoted_work(text, s, e, ent):
            cls, how = "CreativeWork", "context"  # singles: "Vela" and "Marea Baja"
        out.append(Mention(article, base + s, base + e, name, cls, how))
    return out + extra_mentions(article, doc, base, out, text)


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")
_SMALL = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "and",
    "or",
    "to",
    "for",
    "at",
    "by",
    "with",
    "de",
    "la",
    "el",
    "is",
    "me",
    "my",
    "you",
    "your",
    "it",
    "no",
    "not",
    "from",
    "as",
    "up",
}


def title_case_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted title-case phrases ("Set in Stone", “This Train”): titles of works.

    >>> text = 'the single "Set in Stone" and "not a title" and “This Train”'
    >>> [text[a:b] for a, b in title_case_quotes(text)]
    ['Set in Stone', 'This Train']
    """
    out = []
    for m in _QUOTED.finditer(text):
        words = m.group(1).split()
        if not 1 <= len(words) <= 8 or m.group(1).strip() != m.group(1):
            continue
        if not words[0][:1].isupper() or m.group(1).endswith((".", ",", "!", "?", ":")):
            continue
        if all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL for w in words):
            out.append((m.start(1), m.end(1)))
    return out


def proper_noun_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of capitalised proper-noun runs (``of``/``the`` allowed inside) that NER left out."""
    covered = {t.i for e in doc.ents if e.label_ not in ("DATE", "CARDINAL") for t in e}
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in covered:
            j = i + 1
            while (
                j < len(doc)
                and doc[j].i not in covered
                and (
                    (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                    or (
                        doc[j].lower_ in ("of", "the", "de", "and")
                        and j + 1 < len(doc)
                        and doc[j + 1].pos_ == "PROPN"
                        and doc[j + 1].text[:1].isupper()
                    )
                )
            ):
                j += 1
            start = i
            if i > 0 and re.fullmatch(r"\d{4}", doc[i - 1].text):  # "2002 Winter Olympics"
                start = i - 1
            runs.append((start, j))
            i = j
        else:
            i += 1
    return runs


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_PARTY_BEFORE = re.compile(r"\b(?:Party|Movement|Front|League) of $")
_PARTY_OF = re.compile(
    r"^.+\b(?:Party|Movement|Front|League|Alliance|Union|Congress|Convention) of "
    r"(?P<who>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})$"
)


def split_party_of_person(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions with each "X Party of Ana Roe" that :func:`party_of_person` recognises cut into the
    party and the person (``text``: the article's)."""
    out: list[Mention] = []
    for m in mentions:
        who = party_of_person(m.text, text, m.start) if group_of(m.cls) == "Organization" else None
        if who is None:
            out.append(m)
            continue
        cut = m.end - len(who) - len(" of ")
        out.append(Mention(m.article, m.start, cut, m.text[: cut - m.start], m.cls, m.source, m.subject))
        out.append(Mention(m.article, m.end - len(who), m.end, who, "Person", "pattern"))
    return out


def party_of_person(name: str, text: str, start: int) -> str | None:
    """The person's name NER ran into a party's ("the Convention People's Party of Kwame Nkrumah"):
    two or three capitalised words after "of" that name no place and no organisation, whose last
    word the article uses again on its own ("broke with Nkrumah"). ``start``: the name's offset in
    ``text``.

    >>> t = "He joined the Unity Party of Ana Roe. Roe led it."
    >>> party_of_person("Unity Party of Ana Roe", t, 14), party_of_person("Labour Party of New Zealand", t, 14)
    ('Ana Roe', None)
    """
    m = _PARTY_OF.match(name)
    if m is None:
        return None
    who = m.group("who")
    if gazetteer().lookup(who) is not None or keyword_class(who) is not None or party_word(who.split()[0]):
        return None
    last = re.escape(who.split()[-1])
    end = start + len(name)
    elsewhere = [x for x in re.finditer(rf"\b{last}\b", text) if not start <= x.start() < end]
    return who if elsewhere else None


def _portfolio(doc: Doc, i: int) -> bool:
    """True when the party word at ``i`` follows "of": "Minister of Labour" is a portfolio, not the party."""
    return i > 0 and doc[i - 1].lower_ == "of"


def _byname(doc: Doc, i: int) -> bool:
    """True when the token at ``i`` follows "Name the": "John the Baptist" is a man, not a church."""
    return i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].pos_ == "PROPN"


def extra_mentions(article: str, doc: Doc, base: int, taken: list[Mention], text: str | None = None) -> list[Mention]:
    """Mentions NER missed: quoted titles (works), and proper-noun runs the gazetteer, a name keyword
    or the surname of a person named nearby types."""
    spans = [(m.start - base, m.end - base) for m in taken]
    text = doc.text if text is None else text  # spaCy joins the tokens on every access: once

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    out = []
    for a, b in title_case_quotes(text):
        if free(a, b):
            out.append(Mention(article, base + a, base + b, text[a:b], "CreativeWork", "pattern"))
            spans.append((a, b))
    gaz = gazetteer()
    surnames = {m.text.split()[-1] for m in taken if m.cls == "Person" and " " in m.text}
    for i, j in proper_noun_runs(doc):
        span = doc[i:j]
        a, b = clean_span(text, span.start_char, span.end_char)
        while " " in text[a:b] and text[a:b].rsplit(" ", 1)[1] in _SMALL:
            b = a + text[a:b].rstrip().rindex(" ")  # "Siege of" before a place taken already: not a name
        name = text[a:b]
        if not name or not free(a, b) or len(name) < 3 or (name.isupper() and len(name) < 4):
            continue
        place = gaz.lookup(name)
        cls = None
        words = name.split()
        if len(words) in (2, 3) and words[-1] in surnames and all(w[:1].isupper() for w in words):
            cls = "Person"  # "Vera Marenko" beside "Anton Marenko", missed by NER
        elif len(words) == 1 and name in surnames:
            cls = "Person"  # "Alger died in 1992" after "Ross Alger": the man, not the town
        elif place is not None and (place.kind != "city" or place.population >= 100_000):
            cls = _GAZ_KINDS[place.kind]
        elif " " in name:
            cls = keyword_class(name)
            if cls is None and len(words) in (2, 3) and _PARTY_BEFORE.search(text, max(0, a - 40), a):
                cls = "Person"  # "the Progress Party of Kofi Busia", the name left untagged
        if cls is not None:
            out.append(Mention(article, base + a, base + b, name, cls, "pattern"))
            spans.append((a, b))
    firsts = religion_first_words()
    for word in _CAPITALISED.finditer(text):
        # most capitalised words are neither a party's nor a faith's: only those become tokens
        if word.group().casefold().replace("’", "'") not in firsts and party_word(word.group()) is None:
            continue
        found = doc.char_span(word.start(), word.end())
        if found is None or len(found) != 1 or found[0].ent_type_:
            continue
        tok = found[0]
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        role = after is not None and after.lower_ in _PARTY_ROLES  # "Conservative leader", not "… estimates"
        name_part = after is not None and after.pos_ == "PROPN"  # "Liberal Arts College": a name of its own
        if party_word(tok.text) and (role or not tok.is_sent_start) and not _portfolio(doc, tok.i) and not name_part:
            a, b = tok.idx, tok.idx + len(tok.text)  # "a Whig member", "fellow Democrat": untagged
            if free(a, b):
                out.append(Mention(article, base + a, base + b, tok.text, "PoliticalParty", "gazetteer"))
                spans.append((a, b))
            continue
        # "a Lutheran pastor", "Roman Catholic parishes": the small model leaves these untagged
        two = doc[tok.i : tok.i + 2] if tok.i + 1 < len(doc) else None
        span = two if two is not None and not two[1].ent_type_ and religion_of(two.text) else doc[tok.i : tok.i + 1]
        faith = religion_of(span.text)
        if faith is None or not free(span.start_char, span.end_char):
            continue
        if _byname(doc, tok.i):
            continue
        out.append(Mention(article, base + span.start_char, base + span.end_char, span.text, faith[1], "gazetteer"))
        spans.append((span.start_char, span.end_char))
    return out


_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|to|of|into|outside|around)\s+(?:the\s+)?$", re.IGNORECASE)


def retype_family_names(mentions: list[Mention], text: str | None = None) -> list[Mention]:
    """A weakly typed multi-word name ending in the surname of a person of the article is a person.

    With the article's ``text``, a town the gazetteer matched that is the first word of a person's
    two-word name, not after a place preposition, is that person too ("Liang founded the group"
    after "Liang Congjie": the family name comes first in Chinese names; "Victoria" after
    "Victoria Benedictsson").

    >>> ms = [Mention("d", 0, 9, "Ann Smith", "Person"), Mention("d", 20, 29, "Bob Smith", "Organization")]
    >>> [m.cls for m in retype_family_names(ms)]
    ['Person', 'Person']
    >>> ms = [Mention("d", 0, 11, "Dara Kestel", "Person"), Mention("d", 30, 36, "Kestel", "City"),
    ...       Mention("d", 50, 61, "1968 Kestel", "Organization")]
    >>> [(m.text, m.cls) for m in retype_family_names(ms)]
    [('Dara Kestel', 'Person'), ('Kestel', 'Person'), ('Kestel', 'Person')]
    """
    surnames = {m.text.split()[-1] for m in mentions if m.cls == "Person" and " " in m.text}
    firsts = {m.text.split()[0] for m in mentions if m.cls == "Person" and len(m.text.split()) == 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.source == "ner" and len(words) == 2 and re.fullmatch(r"\d{3,4}", words[0]) and words[1] in surnames:
            # "In 1968 Brandt founded ...": NER glued the year to the surname
            start = m.end - len(words[1])
            m = Mention(m.article, start, m.end, words[1], "Person", "context", m.subject)
        elif (
            (
                m.source == "ner"
                and m.cls in ("Organization", "Other")
                and len(words) in (2, 3)
                and words[-1] in surnames
                and all(w[:1].isupper() for w in words)
            )
            or (
                # a surname alone, which NER or a same-named town took for something else
                m.source in ("ner", "gazetteer", "pattern")
                and len(words) == 1
                and m.text in surnames
                and m.cls not in ("Person", "Country", "AdministrativeRegion")
            )
            or (
                # the first word of a two-word name, which the gazetteer took for a town
                text is not None
                and m.source in ("gazetteer", "pattern")
                and m.cls == "City"
                and m.text in firsts
                and not _PLACE_PREPOSITION.search(text, max(0, m.start - 12), m.start)
            )
        ):
            m = Mention(m.article, m.start, m.end, m.text, "Person", "context", m.subject)
        out.append(m)
    return out
