"""Where places are: "Ghent, Flanders" chains and the gazetteer's country of a place."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise

from kg.documents.model import Article
from kg.extract.confidences import class_confidences, confidence
from kg.extract.lexicons import alternation
from kg.extract.relations.abroad import backer_codes, island_name, only_abroad
from kg.extract.relations.base import Sentences
from kg.extract.relations.siblings import chained_countries, sibling_places
from kg.gazetteer import gazetteer, norm_name
from kg.model import Evidence, Fact, Mention
from kg.ontology import group_of

__all__ = [
    "article_country_facts",
    "gazetteer_country_facts",
    "place_chain_facts",
    "sentence_index",
    "single_country_facts",
    "single_region_facts",
]


_DIVISION_GAP = re.compile(rf",\s*(?:in\s+)?the\s+(?:{alternation('division_nouns')})\s+of\s+", re.I)


_FORMERLY = re.compile(rf"\b(?:{alternation('prec_former_name_leads')})\s+(?:the\s+)?$", re.I)


def former_name(text: str, m: Mention) -> bool:
    """The mention is a place's former name ("Harare (formerly Salisbury)", "Kinshasa, previously known
    as Léopoldville"): the same place under its old name, not a place of its own.

    >>> from kg.model import Mention
    >>> t = "born in Harare (formerly Salisbury), Zimbabwe"
    >>> old, new = Mention("x", 25, 34, "Salisbury", "City", "ner"), Mention("x", 8, 14, "Harare", "City", "ner")
    >>> former_name(t, old), former_name(t, new)
    (True, False)
    """
    return _FORMERLY.search(text, max(0, m.start - 40), m.start) is not None


def place_chain_facts(ctx: Sentences) -> Iterator[Fact]:
    """``A, B, C`` (or ``A, in the B``, or a town ``in`` a region or country) where each is a place:
    A is located in B; a country at the end is everyone's country."""
    places = [m for m in ctx.mentions if group_of(m.cls) == "Place"]
    text = ctx.article.text
    chains: list[list[Mention]] = []
    for m in places:
        between = text[chains[-1][-1].end : m.start] if chains else ""
        if chains and (
            re.fullmatch(r",\s*(?:in\s+(?:the\s+)?)?", between)
            or _DIVISION_GAP.fullmatch(between)  # "Vell, in the province of Tarsk"
            or (  # "the town of Kapsabet in Nandi County": a town in a region or country
                re.fullmatch(r"\s+in\s+(?:the\s+)?", between)
                and m.cls in ("AdministrativeRegion", "Country")
                and chains[-1][-1].cls in ("City", "Landform", "Facility", "AdministrativeRegion")
            )
        ):
            chains[-1].append(m)
        else:
            chains.append([m])
    for chain in chains:
        if len(chain) < 2 or _is_list(ctx, chain) or sibling_places(text, chain, places):
            continue  # "Arezzo, Grosseto and Livorno": siblings, not Arezzo in Grosseto
        span = ctx.span(chain[0].start, chain[-1].end)
        if span is None:
            continue
        ev = ctx.evidence(span.sent, "place-chain")
        last = chain[-1]
        for inner, outer in pairwise(chain):
            if inner.cls == "Country":
                break
            yield Fact(inner, "country" if outer.cls == "Country" else "locatedIn", outer, ev)
        if last.cls == "Country":
            for inner in chain[:-2]:
                if inner.cls != "Country":
                    yield Fact(inner, "country", last, ev)


_OPEN_END = alternation("open_list_words")
_RANK = {"city": 1, "region": 2, "country": 3, "continent": 4}


def _is_list(ctx: Sentences, chain: list[Mention]) -> bool:
    """True for an enumeration ("Havana, Miami, Bahamas and Madrid") rather than a containment chain.

    A chain is a list when, under every reading the gazetteer allows, some name is no wider
    than the one before it (a city in a city), when it names a continent, or when the names go
    on to ", X and Y" (three names or more in all).
    """
    gaz = gazetteer()
    ranks = [[_RANK.get(p.kind, 0) for p in gaz.candidates(m.text)] for m in chain]
    if any(4 in r and len(set(r)) == 1 for r in ranks):
        return True
    if any(a and b and max(b) <= min(a) for a, b in pairwise(ranks)):
        return True
    after = ctx.article.text[chain[-1].end : chain[-1].end + 200]
    more = r"(?:,\s*[A-Z][^,.;]{0,40}?)" + ("*" if len(chain) >= 3 else "+")
    open_end = rf"(?:,\s*[A-Z][^,.;]{{0,40}}?)*,?\s+(?:and|or|&)\s+(?:{_OPEN_END})\b"
    if re.match(open_end, after):
        return True  # an open end: "Concepción, Santiago, and other cities"
    if _and_one_more(ctx, chain[-1]):
        return True  # "Harju, Tartu and Pärnu": three of a kind; "Kampala, Uganda and Nairobi" stays a chain
    if _LIST_ITEM_BEFORE.search(ctx.article.text, max(0, chain[0].start - 80), chain[0].start) and re.match(
        r"(?:,\s*[A-Z][^,.;]{0,40}?)*,?\s+(?:and|or|&)\s+[A-Z]", after
    ):
        return True  # "in Orvania, Varnia, Madrid and Valencia": a name before the chain, "and" one after
    unknown = any(m.cls == "Place" and not r for m, r in zip(chain, ranks, strict=True))
    if unknown and re.match(r",?\s+(?:and|or|&)\s+[A-Z]", after):
        return True  # "in Orvania, Varnia and Madrid": a name the gazetteer does not know, then "and" one more
    return bool(re.match(more + r",?\s+(?:and|or|&)\s+[A-Z]", after))


# a capitalised name and its comma right before a chain: the list's earlier item ("Orvania, " of "in
# Orvania, Varnia, Madrid and Valencia"; "In 1990, " is no name)
_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|del|la|el))*,\s*$")


def _and_one_more(ctx: Sentences, last: Mention) -> bool:
    """The chain's last place is followed by "and" and a place of its own class: a list's last two."""
    text = ctx.article.text
    return any(
        m.start > last.end and m.cls == last.cls and re.fullmatch(r",?\s+(?:and|or|&)\s+", text[last.end : m.start])
        for m in ctx.mentions
    )


def gazetteer_country_facts(
    article: Article, mentions: Sequence[Mention], sentences: SentenceIndex = ()
) -> Iterator[Fact]:
    """What the gazetteer knows about places the article names together: a city's or region's
    country, a US city's state, a country's continent and capital."""
    gaz = gazetteer()
    countries: dict[str, Mention] = {}
    for m in mentions:  # each country by its name, or by its people's adjective when it goes unnamed
        if m.cls == "Country" and not gaz.spelled_in_capitals(m.text):
            place = gaz.lookup(m.text)
            code = place.country if place is not None else gaz.demonym(m.text)
            if code and (code not in countries or (gaz.demonym(countries[code].text) and not gaz.demonym(m.text))):
                countries[code] = m
    regions = {
        p.code: m
        for m in mentions
        if m.cls == "AdministrativeRegion"
        for p in gaz.candidates(m.text)
        if p.kind == "region"
    }
    if not countries:
        # no country named: a US city still lies in the state the article names ("Pittsburgh" and
        # "Pennsylvania"), when the state's country makes the city's name unambiguous
        states = frozenset(code.split("-")[0] for code in regions)
        seen_city: set[str] = set()
        for m in mentions:
            if m.cls != "City" or m.text in seen_city:
                continue
            seen_city.add(m.text)
            place = gaz.lookup(m.text, states)
            if place is not None and place.kind == "city" and place.parent in regions:
                yield Fact(
                    m,
                    "locatedIn",
                    regions[place.parent],
                    _line_evidence(article, m, "gazetteer:region", sentences=sentences),
                )
        return
    # the countries the article speaks of: those it names, and those of the regions it names ("a
    # London club" in an article that names England and Canada is not in Ontario)
    context = frozenset(countries) | frozenset(code.split("-")[0] for code in regions)
    by_name = {norm_name(m.text): m for m in reversed(mentions) if group_of(m.cls) == "Place"}
    siblings = _sibling_countries(article, mentions, context, sentences)
    seen = set()
    for m in mentions:
        if m.text in seen or former_name(article.text, m):
            continue  # "Harare (formerly Salisbury)": the old name is the same city, no other place
        seen.add(m.text)
        if m.cls == "Country" and m in countries.values():
            code = next(c for c, x in countries.items() if x == m)
            cont = by_name.get(norm_name(gaz.continent_of.get(code, "")))
            if cont is not None:
                yield Fact(m, "continent", cont, _line_evidence(article, m, "gazetteer:continent", sentences=sentences))
            continue
        if m.cls not in ("City", "AdministrativeRegion"):
            continue
        chained = chained_countries(article.text, m, mentions)
        place = gaz.resolve(m.text, stated=chained, context=context)
        near = siblings.get(m)
        if near is not None and not chained:  # "counties Kerrow, Dunmore": the country the list's others share
            place = gaz.resolve(m.text, stated=frozenset({near}), context=context)
        if place is None or place.country not in countries or place.kind not in ("city", "region"):
            continue
        yield Fact(
            m, "country", countries[place.country], _line_evidence(article, m, "gazetteer:country", sentences=sentences)
        )
        if place.kind == "city" and norm_name(gaz.capital_of.get(place.country, "")) == norm_name(place.name):
            # "Phnom Penh, the capital" beside "Cambodia": the gazetteer says which country's, when
            # the paragraph speaks of a capital at all (a city named in passing is only a city)
            ev = _line_evidence(article, m, "gazetteer:capital", sentences=sentences)
            if _CAPITAL.search(_line_evidence(article, m, "gazetteer:capital").sentence):
                yield Fact(countries[place.country], "capital", m, ev)
                yield Fact(m, "capitalOf", countries[place.country], ev)
        if place.kind == "city" and place.parent in regions:
            yield Fact(
                m,
                "locatedIn",
                regions[place.parent],
                _line_evidence(article, m, "gazetteer:region", sentences=sentences),
            )


_CAPITAL = re.compile(r"\bcapital\b", re.IGNORECASE)


def _sibling_countries(
    article: Article, mentions: Sequence[Mention], context: frozenset[str], sentences: SentenceIndex
) -> dict[Mention, str]:
    """The country that decides a place name with records in several of the article's countries:
    the one country that every other place of its sentence (or infobox line) lies in, when each of
    those has records in that country only."""
    gaz = gazetteer()
    places = [m for m in mentions if m.cls in ("City", "AdministrativeRegion")]
    where: dict[Mention, frozenset[str]] = {}
    by_line: dict[int, list[Mention]] = {}
    for m in places:
        where[m] = frozenset(p.country for p in gaz.candidates(m.text) if p.country in context and p.country)
        by_line.setdefault(_line_evidence(article, m, "", sentences=sentences).start, []).append(m)
    out: dict[Mention, str] = {}
    for group in by_line.values():
        known = {c for o in group if len(where[o]) == 1 for c in where[o]}
        if len(known) != 1:
            continue
        (code,) = known
        out.update((m, code) for m in group if len(where[m]) > 1 and code in where[m])
    return out


SentenceIndex = Sequence[Evidence]
"""Every sentence of an article's prose as evidence (start, end, text, section), in text order."""


def sentence_index(ctxs: Sequence[Sentences]) -> list[Evidence]:
    """The sentences of the article's blocks, in text order, for :func:`_line_evidence`."""
    out = [ctx.evidence(sent, "", 0.0) for ctx in ctxs for sent in ctx.doc.sents]
    return sorted(out, key=lambda e: e.start)


def _line_evidence(
    article: Article,
    m: Mention,
    rule: str,
    conf: float | None = None,
    sentences: SentenceIndex = (),
) -> Evidence:
    """Evidence for a gazetteer fact: the sentence where the place is named (an infobox place: its line)."""
    conf = confidence("gazetteer") if conf is None else conf
    i = bisect_right([e.start for e in sentences], m.start) - 1
    if i >= 0 and sentences[i].start <= m.start and m.end <= sentences[i].end:
        e = sentences[i]
        return Evidence(article.stem, e.section, e.sentence, e.start, e.end, rule, conf)
    line_start = article.text.rfind("\n", 0, m.start) + 1
    line_end = article.text.find("\n", m.end)
    line = article.text[line_start : len(article.text) if line_end < 0 else line_end].rstrip("\r")
    return Evidence(article.stem, "Gazetteer", line, line_start, line_start + len(line), rule, conf)


def _named_countries(mentions: Sequence[Mention]) -> Iterator[tuple[Mention, str | None]]:
    """Each country mention (not a name spelled in capitals, "CHILE", an acronym) with the gazetteer's
    code of its country, by name or by its people's adjective (None when the gazetteer has none)."""
    gaz = gazetteer()
    for m in mentions:
        if m.cls != "Country" or gaz.spelled_in_capitals(m.text):
            continue
        place = gaz.lookup(m.text)
        yield m, gaz.demonym(m.text) or (place.country if place is not None and place.kind == "country" else None)


def article_country_facts(
    article: Article,
    subject: Mention,
    mentions: Sequence[Mention],
    sentences: SentenceIndex = (),
) -> Iterator[Fact]:
    """The country of an article's subject (an organisation, place or event) when the article is
    clearly about one country: it names that country (or its people) at least twice and it makes
    up at least two thirds of the countries named. An event's backer ("Combatant1: …, supported by
    Northland", "a coup sponsored by Northland") is never its country, and none of its mentions count."""
    if group_of(subject.cls) not in ("Organization", "Place", "Event", "Person") or subject.cls == "Country":
        return
    relation = "citizenship" if group_of(subject.cls) == "Person" else "country"
    gaz = gazetteer()
    counts: dict[str, list[Mention]] = {}
    backers = backer_codes(article, subject, list(_named_countries(mentions)))
    for m, code in _named_countries(mentions):
        if code and code not in backers:
            counts.setdefault(code, []).append(m)
    if not counts:
        return
    total = sum(len(v) for v in counts.values())
    code, ms = max(sorted(counts.items()), key=lambda kv: len(kv[1]))
    if len(ms) < 2 or 3 * len(ms) < 2 * total or only_abroad(article.text, ms):
        return  # (every mention where someone went or came from: not the article's country)
    if relation == "citizenship" and sentences and _other_nationality(sentences[0].sentence, code):
        return  # "Tan Weng was a Malayan guerrilla", in an article that names Britain most: not British
    named = next((m for m in ms if not gaz.demonym(m.text)), ms[0])
    conf = confidence("article-country") if relation == "country" else confidence("article-citizenship")
    yield Fact(subject, relation, named, _line_evidence(article, named, f"article-{relation}", conf, sentences))


_LEAD_ADJECTIVE = re.compile(r"\b(?:is|was)\s+(?:a|an)\s+(?:former\s+)?(?P<adj>[A-Z][a-z]+(?:an|ese|ish|i))\s+[a-z]")


def _other_nationality(first_sentence: str, code: str) -> bool:
    """True when the lead's first sentence gives the person a nationality adjective that is not the
    country ``code``'s: one the gazetteer names otherwise, or one it does not know ("a Malayan
    guerrilla", "a Rhodesian politician")."""
    m = _LEAD_ADJECTIVE.search(first_sentence)
    if m is None:
        return False
    own = gazetteer().demonym(m.group("adj"))
    return own != code


def single_country_facts(
    article: Article, mentions: Sequence[Mention], known: Sequence[Fact], sentences: SentenceIndex = ()
) -> Iterator[Fact]:
    """In an article that names exactly one country (by name or by its people's adjective), the
    regions, towns, landforms, buildings and national institutions it names without a country of
    their own lie in that country.

    A place the gazetteer puts in another country, a continent, and a place the article already
    places are left alone. On Re-DocRED dev the rule holds about three times in four, so its
    confidence is low; the rule name (``article-single-country``) lets a user drop it.
    """
    gaz = gazetteer()
    # the classes whose members the rule places, with its confidence for each: generic places and
    # organisations, companies and publications are left out (on Re-DocRED dev they lie in the
    # article's one country less than half the time; NER's "places" include works and people)
    local = class_confidences("article-single-country")
    codes: dict[str, list[Mention]] = {}
    for m, code in _named_countries(mentions):
        if code is None:
            return  # a country the gazetteer cannot name (a historic state): the article is not simple
        codes.setdefault(code, []).append(m)
    if len(codes) != 1:
        return
    ((code, named),) = codes.items()
    if only_abroad(article.text, named):
        return  # "after he came back from France": where someone went, not where the article is
    country = next((m for m in named if not gaz.demonym(m.text)), named[0])
    placed = {
        norm_name(f.subject.text)
        for f in known
        if f.relation in ("country", "locatedIn") and isinstance(f.subject, Mention)
    }
    seen: set[str] = set()
    for m in mentions:
        key = norm_name(m.text)
        if m.cls not in local or key in seen or key in placed or former_name(article.text, m):
            continue
        seen.add(key)
        found = gaz.candidates(m.text)
        if any(p.kind == "continent" for p in found):
            continue
        if found and not any(p.country == code for p in found):
            continue
        if _names_another_country(m.text, code):
            continue  # "the United States Congress" in an article about Nicaragua: its name says where it is
        yield Fact(
            m,
            "country",
            country,
            _line_evidence(article, m, "article-single-country", local[m.cls], sentences),
        )


def _names_another_country(name: str, code: str) -> bool:
    """A name holding a country's name or its people's adjective other than ``code``'s.

    >>> _names_another_country("United States Congress", "NI"), _names_another_country("Nicaraguan Senate", "NI")
    (True, False)
    """
    gaz = gazetteer()
    words = name.split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            if n == len(words):
                continue
            place = gaz.lookup(part)
            other = gaz.demonym(part) or (place.country if place is not None and place.kind == "country" else None)
            if other is not None and other != code:
                return True
    return False


def single_region_facts(
    article: Article, mentions: Sequence[Mention], known: Sequence[Fact], sentences: SentenceIndex = ()
) -> Iterator[Fact]:
    """In an article that names exactly one region (a state, province, ISO 3166-2 record), the
    rivers, lakes, mountains and other landforms it names without a container lie in that region.

    Only landforms: on Re-DocRED dev the rule holds for two landforms in three but for fewer than
    half of the towns, buildings and institutions (a town is often in a county the article does not
    name), so those are left alone. A landform the gazetteer places elsewhere is skipped too.
    """
    gaz = gazetteer()
    regions: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "AdministrativeRegion":
            codes = {p.code for p in gaz.candidates(m.text) if p.kind == "region"}
            if len(codes) != 1:
                return  # a region the gazetteer cannot place, or two of that name: not simple
            regions.setdefault(codes.pop(), m)
    if len(regions) != 1:
        return
    ((code, region),) = regions.items()
    inside = {norm_name(f.subject.text) for f in known if f.relation == "locatedIn" and isinstance(f.subject, Mention)}
    seen: set[str] = set()
    for m in mentions:
        key = norm_name(m.text)
        if m.cls != "Landform" or key in seen or key in inside or island_name(m.text):
            continue  # islands lie in no region by default
        seen.add(key)
        if any(
            p.kind in ("country", "continent") or (p.kind == "region" and p.code != code)
            for p in gaz.candidates(m.text)
        ) or _country_islands(m.text):
            continue
        yield Fact(
            m,
            "locatedIn",
            region,
            _line_evidence(article, m, "article-single-region", confidence("article-single-region"), sentences),
        )


def _country_islands(name: str) -> bool:
    """ "Cape Tesk Islands", "Comoro Islands": islands that name a country of the gazetteer, in no region."""
    words = name.split()
    if len(words) < 2 or words[-1] != "Islands":
        return False
    head = " ".join(words[:-1])
    return any(p.kind == "country" for n in (head, head + "s") for p in gazetteer().candidates(n))
