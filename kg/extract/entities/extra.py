"""Extra mentions: what NER missed (quoted titles, proper-noun runs, untagged party and faith words)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract.entities.classes import _GAZ_KINDS
from kg.extract.entities.spans import clean_span
from kg.extract.lexicons import lexicon
from kg.extract.tables import keyword_class, load_tsv, party_word, religion_first_words, religion_of
from kg.gazetteer import gazetteer
from kg.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["election_spans", "extra_mentions", "proper_noun_runs", "title_case_quotes"]


_PARTY_ROLES = lexicon("party_context_words")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")
_SMALL = lexicon("title_small_words")


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


@cache
def _name_titles() -> frozenset[str]:
    """Honorifics and offices written before a name ("Chief", "Mr", "Senator"), not the military ranks or
    "Doctor" that open other names too ("General Motors", "Major League", "Doctor Who")."""
    rows = load_tsv("person_titles.tsv")
    return frozenset(w.strip() for w, kind in rows if kind.strip() in ("honorific", "office")) - _NOT_NAME_TITLES


_NOT_NAME_TITLES = {"Doctor", "Legendary"}


def _titled_person(words: list[str]) -> str | None:
    """For a title and one or two capitalised words NER left untagged ("Chief Bakare", "Senator Ana
    Roe"): the person's name ("" when it is one word: the title stays with it), else None. A keyword
    or a country's or region's name after the title ("President Hotel", "Chief Justice") is not a person's.

    >>> _titled_person(["Chief", "Bakare"]), _titled_person(["Senator", "Ana", "Roe"])
    ('', 'Ana Roe')
    >>> _titled_person(["Chief", "Justice"]) is None
    True
    """
    titles = _name_titles()
    if not 2 <= len(words) <= 3 or words[0].rstrip(".") not in titles:
        return None
    rest = words[1:]
    if any(w in titles or not w[:1].isupper() or not w.replace("-", "").isalpha() for w in rest):
        return None
    name = " ".join(rest)
    place = gazetteer().lookup(name)  # a town's name is often a surname ("Chief Molde"), a country's not
    if keyword_class(" ".join(words)) is not None or keyword_class(name) is not None:
        return None
    if place is not None and place.kind in ("country", "region", "continent"):
        return None
    return name if len(rest) > 1 else ""


_RUN_JOINERS = lexicon("prec_place_joiners")  # "Rua do Desterro", "Baixa do Sapateiro": one name


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
                        (doc[j].lower_ in ("of", "the", "de", "and") or doc[j].text in _RUN_JOINERS)
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


def _portfolio(doc: Doc, i: int) -> bool:
    """True when the party word at ``i`` follows "of": "Minister of Labour" is a portfolio, not the party."""
    return i > 0 and doc[i - 1].lower_ == "of"


def _adjective_phrase(doc: Doc, i: int) -> bool:
    """True when the party word at ``i`` sits between a people's adjective and a common noun that
    is no party role: "the Valdoran Republican insurrection" speaks of republicans, not of a party."""
    if i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return (
        gazetteer().demonym(before.text) is not None
        and after.is_lower
        and after.pos_ == "NOUN"
        and after.lower_ not in _PARTY_ROLES
    )


def _byname(doc: Doc, i: int) -> bool:
    """True when the token at ``i`` follows "Name the": "John the Baptist" is a man, not a church."""
    return i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].pos_ == "PROPN"


_ELECTION_NOUNS = lexicon("election_span_nouns")
_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d$")


def election_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of elections NER leaves untagged, named by their year: "the 2008 parliamentary
    election", "the 2013 election", "the presidential election of 2009" (not "an election", "elections
    were held").

    >>> from kg.nlp import load_nlp
    >>> d = load_nlp()("The party won the 1997 general election and lost the presidential election of 2002.")
    >>> [d.text[a:b] for a, b in election_spans(d)]
    ['1997 general election', 'presidential election of 2002']
    """
    out = []
    for tok in doc:
        if tok.lower_ not in _ELECTION_NOUNS or tok.pos_ != "NOUN":
            continue
        left = [c for c in tok.lefts if c.dep_ in ("nummod", "amod", "compound", "nmod")]
        year = next((c for c in left if _YEAR.match(c.text)), None)
        of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
        of_year = [o for p in of for o in p.children if o.dep_ == "pobj" and _YEAR.match(o.text)]
        if year is not None:
            start = year
        elif of_year and left:
            start = min(left, key=lambda c: c.i)
        else:
            continue
        if any(t.ent_type_ and t.ent_type_ != "DATE" for t in doc[start.i : tok.i + 1]):
            continue  # a name NER has: "the 1959 Nepalese general election" is taken already
        end = of_year[0] if year is None else tok
        out.append((start.idx, end.idx + len(end.text)))
    return out


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
        elif (titled := _titled_person(words)) is not None:
            cls = "Person"  # "including Chief Orun and Chief Bakare", missed by NER
            if titled:
                a += len(name) - len(titled)  # "Professor Ana Roe": the name without its title
                name = titled
        elif " " in name:
            cls = keyword_class(name)
            if cls is None and len(words) in (2, 3) and _PARTY_BEFORE.search(text, max(0, a - 40), a):
                cls = "Person"  # "the Progress Party of Kofi Busia", the name left untagged
        if cls is not None:
            out.append(Mention(article, base + a, base + b, name, cls, "pattern"))
            spans.append((a, b))
    for a, b in election_spans(doc):
        if free(a, b):
            out.append(Mention(article, base + a, base + b, text[a:b], "Election", "pattern"))
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
        if party_word(tok.text) and _adjective_phrase(doc, tok.i):
            continue
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
