"""Offices the prose gives a person as a title before the name: "the incumbent President Ana Roe",
"had taken President Roe under its protection", "the toppling of King Ivo III and the overthrow of
the Kingdom of Tesk" → positionHeld(Ana Roe, President of Valdora) and headOfState(Valdora, Ana Roe).

The title says which office, not whose: the country is the one a people's adjective or country name
right before the title gives ("Valdoran President Ana Roe"), else the one country the sentence
names (when it is the article's country, if the article is about one), else (a president's, prime
minister's or chancellor's title, not a monarch's) the one country the article is about (named at
least twice, two thirds of its countries) when the article is about its politics: an election, a
party, a movement, an armed group, an uprising or another event. A sentence, or any other
sentence about the same person, that names another country leaves the title alone: "President Roe
visited Tesk" says nothing of whose president she was. A title after another noun ("Senate
President Ana Roe", "party president Roe") is another office. A lower-case title counts only
after a word that makes it one ("incumbent president Ana Roe") or a people's adjective ("the former
Valdoran prime minister Ana Roe"), a conjunction or preposition ("When president Ana Roe died"), or
in the shapes of title_shapes.py ("the prime minister, Ana Roe,", "(then vice-president) Ana Roe",
"Roe succeeded Sol as Prime Minister"); "the leader of the opposition, Ana Roe" is an office of no
country's name."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.extract.lexicons import alternation, head_of, lexicon
from kg.extract.office_names import country_short_name
from kg.extract.relations.base import Sentences
from kg.extract.relations.title_shapes import (
    TITLES,
    Shape,
    national_title,
    shape_before,
    succession_shape,
)
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.names import name_key
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["title_office_facts"]

_MONARCHS = lexicon("rec_title_monarch_nouns")
_TITLES = TITLES
_TITLE = re.compile(rf"(?:(?P<pre>[\w.'’-]+)\s+)?(?P<title>{_TITLES})(?P<plural>s)?\s+$", re.IGNORECASE)
# between two names a plural title covers: "former presidents Ana Roe and Eva Sol"
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
_OWN_TITLE = re.compile(rf"^(?:{_TITLES})\s+(?=[A-Z])", re.IGNORECASE)
_MODIFIERS = lexicon("rec_title_modifiers") | lexicon("dup11.title_modifiers") | lexicon("fix11.creed_title_modifiers")
# a title set off after the name with a word of its time, closed: "Roe, then Prime Minister," (dup11)
_AFTER = re.compile(
    rf",\s+(?:the\s+)?(?P<pre>{alternation('rec_title_modifiers')}|{alternation('dup11.title_modifiers')})\s+"
    rf"(?P<title>{_TITLES})(?=\s*[,.;)]|\s+(?:and|who|when|until|from|in)\b)",
    re.IGNORECASE,
)
_DEPUTY = lexicon("deputy_prefixes")
# the articles whose subject is a country's own politics: there a bare "President Roe" is the country's
# (an article on a colonial commission names the metropole's president so: not there)
_NATIONAL_SUBJECTS = frozenset(
    {"Election", "PoliticalParty", "PoliticalMovement", "ArmedGroup", "Uprising", "Conflict", "Event"}
)
# the POS of a word before the title that makes the title part of a longer name or office
_NAMING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# a state's name in "X of Tesk" form: Tesk's code
_STATE_OF = re.compile(
    r"^(?:the\s+)?(?:Kingdom|Sultanate|Empire|Emirate|Principality|Republic|State|Dominion)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_THE_FIRST = lexicon("rec_country_the_first_words")
_THE_NAMES = lexicon("rec_country_the_names")
_REALMS = lexicon("rec_monarch_realm_nouns")
_REALM_OF = re.compile(rf"^(?:the\s+)?(?:{alternation('rec_monarch_realm_nouns')})\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _code(m: Mention) -> str:
    """The gazetteer's code of a country mention (its name when the gazetteer has none)."""
    gaz = gazetteer()
    for name in (m.text, _STATE_OF.sub("", m.text)):  # "the Kingdom of Tesk": Tesk's
        place = gaz.lookup(name)
        code = gaz.demonym(name) or (place.country if place is not None and place.kind == "country" else None)
        if code:
            return code
    short = country_short_name(m.text)  # "the Tesk Empire": Tesk's
    place = gaz.lookup(re.sub(r"^the\s+", "", short)) if short is not None else None
    if place is not None and place.country:
        return place.country
    return name_key(m.text)


def _countries(mentions: Sequence[Mention]) -> list[Mention]:
    gaz = gazetteer()
    return [m for m in mentions if m.cls == "Country" and not gaz.spelled_in_capitals(m.text)]


def _article_country(mentions: Sequence[Mention]) -> Mention | None:
    """The country the article is about: named at least twice, two thirds of the countries named."""
    counts: dict[str, list[Mention]] = {}
    for m in _countries(mentions):
        counts.setdefault(_code(m), []).append(m)
    if not counts:
        return None
    total = sum(len(v) for v in counts.values())
    _, ms = max(sorted(counts.items()), key=lambda kv: len(kv[1]))
    if len(ms) < 2 or 3 * len(ms) < 2 * total:
        return None
    gaz = gazetteer()
    return next((m for m in ms if not gaz.demonym(m.text)), ms[0])


def _country_name(country: Mention, title: str) -> str | None:
    """The country's name as the office names it: "Tesk" for "Kingdom of Tesk" after "King", the
    gazetteer's name for a people's adjective, "the" before a name that takes it ("the United States")."""
    short = country_short_name(country.text)  # "Argentine Republic": Argentina
    if short is not None:
        return short
    gaz = gazetteer()
    name = country.text
    code = gaz.demonym(name)
    if code is not None:
        place = gaz.countries.get(code)
        if place is None:
            return None
        name = place.name
    if title.casefold() in _MONARCHS:
        name = _REALM_OF.sub("", name)
    if not name.casefold().startswith("the ") and (name.split()[0] in _THE_FIRST or name in _THE_NAMES):
        name = f"the {name}"
    return name


def _title_case(title: str) -> str:
    """ "prime minister" → "Prime Minister", "vice-president" → "Vice President", "leader of the
    opposition" → "Leader of the Opposition"."""
    words = re.split(r"\s+", _DEPUTY_HYPHEN.sub(r"\1 ", title.strip()))
    return " ".join(
        w.lower() if i and w.lower() in ("of", "the") else w[:1].upper() + w[1:].lower() for i, w in enumerate(words)
    )


_DEPUTY_HYPHEN = re.compile(rf"^({alternation('deputy_prefixes')})-(?=\w)", re.IGNORECASE)
_CLAUSE_POS = lexicon("off15.clause_title_pos")
_NOT_CLAUSE = lexicon("off15.clause_title_not_words")


def _clause_word(span: Span, pre: str | None, at: int) -> bool:
    """ "When president Juan Ruiz died", "the coup against president Roe": a bare lower-case title
    after a conjunction or preposition is one ("the president Roe", "ran for president" are not)."""
    if pre is None or pre.casefold() in _NOT_CLAUSE:
        return False
    tok = next((t for t in span.doc if t.idx == at), None)
    return tok is not None and tok.pos_ in _CLAUSE_POS


def _compound_people(pre: str, mentions: Sequence[Mention]) -> Mention | None:
    """The country a hyphened people's adjective ends in ("Indo-Tesk", "Greek-Cypriot"), as the
    article names it (none when it does not)."""
    head, _, last = pre.rpartition("-")
    code = gazetteer().demonym(last) if head and last[:1].isupper() else None
    if code is None:
        return None
    named = [m for m in _countries(mentions) if _code(m) == code]
    return next((m for m in named if not gazetteer().demonym(m.text)), named[0] if named else None)


def _succession(ctx: Sentences, p: Mention) -> Shape | None:
    return succession_shape(ctx.block.text, ctx.block.start, p, ctx.mentions)


def _national(ctx: Sentences, title: str, at: int) -> Mention:
    """The position node of an office of no country's name."""
    return Mention(ctx.article.stem, at, at + len(title), _title_case(title), "Position", "pattern")


def title_office_facts(ctx: Sentences, article_mentions: Sequence[Mention]) -> Iterator[Fact]:
    """positionHeld (and headOfState/headOfGovernment) from a title before a person's name."""
    text, base = ctx.block.text, ctx.block.start
    about = None
    computed = False
    plural: tuple[int, tuple[str, str | None, int, int]] | None = None  # a plural title's last name
    for p in ctx.mentions:
        loose = False
        if group_of(p.cls) != "Person" or p.source == "infobox":
            continue
        span = ctx.span(p.start, p.end)
        if span is None:
            continue
        sent = span.sent
        sent_start = sent.start_char + base
        own = _OWN_TITLE.match(p.text)  # "King Ivo III": NER kept the title in the name
        anchor = p.start + (own.end() if own else 0)
        lead = text[max(sent_start - base, p.start - base - 60) : anchor - base]
        m = _TITLE.search(lead)
        if m is None and plural is not None and _LIST_GAP.match(text[plural[0] - base : p.start - base]):
            title, pre, at, pre_at = plural[1]  # "presidents Ana Roe and Eva Sol": Sol's title too
            plural = (p.end, plural[1])
        elif m is None and (after := _AFTER.match(text, p.end - base)) is not None and not own:
            # "under the leadership of Roe, then Prime Minister,": the title set off after the name
            title, pre = after.group("title"), after.group("pre")
            at, pre_at = base + after.start("title"), base + after.start("pre")
            plural = None
        elif m is None and (shape := shape_before(lead, anchor - len(lead)) or _succession(ctx, p)) is not None:
            # "the prime minister, Ivo Sand,", "(then vice-president) Eda Saar", "Roe succeeded Sand as
            # Prime Minister": a title in these shapes is one even in lower case
            title, pre, at, pre_at, loose = shape.title, shape.pre, shape.at, shape.pre_at, True
            plural = None
        elif m is None:
            continue
        else:
            title, pre = m.group("title"), m.group("pre")
            if pre is not None and pre.casefold() in _DEPUTY:
                title, pre = f"{pre} {title}", None
            at = anchor - len(lead) + m.start("title")  # article offset of the title
            pre_at = anchor - len(lead) + m.start("pre") if pre is not None else -1
            plural = (p.end, (title, pre, at, pre_at)) if m.group("plural") else None
        country: Mention | None = None
        in_sent = [
            c
            for c in _countries(ctx.mentions)
            if sent_start <= c.start and c.end <= sent.end_char + base and not _inside_name(c, ctx.mentions)
        ]
        before = [c for c in in_sent if pre is not None and c.start <= pre_at < c.end]
        if not before and pre is not None and (named := _compound_people(pre, article_mentions)) is not None:
            before = [named]  # "Indo-Tesk Prime Minister Ivo Sand": Tesk's
        if before:
            country = before[0]  # "Valdoran President Ana Roe"
        elif pre is not None and pre.casefold() not in _MODIFIERS and not _side(pre, title):
            tok = next((t for t in span.doc if t.idx == pre_at - base), None)
            if tok is None or tok.pos_ in _NAMING_POS:
                continue  # "Senate President Ana Roe", "party president Roe"
        if national_title(title):  # "the leader of the opposition, Eda Saar": no country's name
            yield Fact(p, "positionHeld", _national(ctx, title, at), ctx.evidence(sent, "title-office"))
            continue
        loose = loose or _clause_word(span, pre, pre_at - base)
        if title[:1].islower() and not before and not loose and (pre is None or pre.casefold() not in _MODIFIERS):
            continue  # "the president Roe spoke of": no title; "the Valdoran president Roe" is one
        codes = {_code(c) for c in in_sent}
        if title.casefold() in _MONARCHS and codes & _known_codes():
            codes &= _known_codes()  # "the Kingdom of Siam, the Rattanakosin Kingdom": a realm's other name
        if country is None:
            if not computed:
                about, computed = _article_country(article_mentions), True
            if len(codes) > 1 or (codes and about is not None and codes != {_code(about)}):
                continue  # "President Roe visited Tesk" in an article about Valdora: whose president?
            if codes:  # the realm a monarch's title names if the sentence names it: "the Kingdom of Tesk"
                monarch = title.casefold() in _MONARCHS
                country = next((c for c in in_sent if monarch and _REALMS & set(c.text.casefold().split())), in_sent[0])
            elif title.casefold() not in _MONARCHS and ctx.subject.cls in _NATIONAL_SUBJECTS:
                country = about
        realm = title.casefold() in _MONARCHS
        if country is None or not _only_country(ctx, p, _code(country), article_mentions, realm):
            continue
        name = _country_name(country, title)
        if name is None:
            continue
        office = f"{_title_case(title)} of {name}"
        position = Mention(ctx.article.stem, at, at + len(title), office, "Position", "pattern")
        ev = ctx.evidence(sent, "title-office")
        yield Fact(p, "positionHeld", position, ev)
        head = head_of(office)
        if head is not None:
            yield Fact(country, head[0], p, ev)


_SIDES = lexicon("dup11.party_title_adjectives")


def _side(pre: str, title: str) -> bool:
    """ "Socialist President Ana Roe": a capitalised party adjective before a capitalised title."""
    return pre[:1].isupper() and title[:1].isupper() and pre.casefold() in _SIDES


def _known_codes() -> frozenset[str]:
    return frozenset(gazetteer().countries)


def _inside_name(c: Mention, mentions: Sequence[Mention]) -> bool:
    """A people's adjective inside another name ("the Tesk Commission") names no country of the sentence."""
    return any(m.start <= c.start and c.end <= m.end and (m.start, m.end) != (c.start, c.end) for m in mentions)


def _only_country(ctx: Sentences, person: Mention, code: str, mentions: Sequence[Mention], realm: bool = False) -> bool:
    """No sentence that names the person (by the same name or surname) names another country (for a
    monarch's known realm, another the gazetteer knows: "the Rattanakosin Kingdom" is its other name)."""
    known = _known_codes() if realm and code in _known_codes() else None
    surname = person.text.split()[-1]
    for m in mentions:
        if group_of(m.cls) != "Person" or not (m.text == person.text or m.text.split()[-1] == surname):
            continue
        for c in _countries(mentions):
            other = _code(c)
            if _same_sentence(ctx, m, c) and other != code and (known is None or other in known):
                return False
    return True


def _same_sentence(ctx: Sentences, a: Mention, b: Mention) -> bool:
    """Whether two mentions lie in one sentence of the article (by the article's sentence index)."""
    text = ctx.article.text
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    if hi - lo > 400:
        return False
    between = text[lo:hi]
    return not re.search(r"[.!?]\s+[A-Z\"']|\n", between)
