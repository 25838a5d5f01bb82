"""What a name or its descriptor says about where a thing belongs.

- nationality descriptors: "the German chancellor Jane Roe", "Roe, a German lawyer,",
  "Acme, a Turkish company" → citizenship (people) or country (organisations, events);
- places inside names: "University of Alberta" → located in Alberta, "Indian National
  Congress" → country India, when the article names that place as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import head_nouns, religion_of
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["descriptor_facts", "descriptor_heads", "ideology_facts", "ideology_name", "name_place_facts"]

_COMPOUND_DEMONYMS = lexicon("compound_demonyms")
_GROUPS = {"Person": "citizenship", "Organization": "country", "Event": "country"}
_PEOPLE_NOUN = rf"\s+(?:{alternation('people_nouns')})\b"


_WHERE_PREPS = lexicon("where_preps")


def _peoples_name(text: str, word: str) -> bool:
    """True when the article uses ``word`` as a people's name: "the Kota people", "Kota tribes"."""
    return re.search(rf"\b{re.escape(word)}{_PEOPLE_NOUN}", text) is not None


def _demonym_mods(tok: Token) -> list[Token]:
    gaz = gazetteer()
    near = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    near += [g for c in near if religion_of(c.text) for g in c.children if g.dep_ in ("amod", "compound")]
    if tok.i > 0 and tok.nbor(-1).pos_ in ("ADJ", "PROPN"):
        near.append(tok.nbor(-1))
    # "Peruvian", "Soviet"; "South Korean" (a name of two words: the caller checks the whole mention)
    return [c for c in near if gaz.nationality(c.text) is not None or c.ent_type_ == "NORP"]


def _left_window(ctx: Sentences, start: int) -> list[Token]:
    """Up to four adjectives and nouns right before a name, within its sentence."""
    out: list[Token] = []
    k = start - 1
    while (
        k >= 0 and len(out) < 4 and ctx.doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and ctx.doc[k].ent_type_ in ("", "NORP")
    ):
        out.append(ctx.doc[k])
        k -= 1
    return out


def descriptor_heads(ctx: Sentences, span: Span) -> list[Token]:
    """A name's root and the nouns that describe it: "Ana Roe, a lawyer", "Roe is a lawyer",
    "the lawyer Ana Roe", "singer and actress Ana Roe" (both nouns)."""
    root = span.root
    heads = [root]
    heads += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ in ("compound", "appos") and root.head.pos_ == "NOUN":
        heads.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        heads += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    heads += [t for t in span if t.dep_ == "compound" and t.pos_ == "NOUN"]
    window = _left_window(ctx, span.start)
    if any(t.pos_ == "NOUN" for t in window):  # "the Chilean writer Ana Roe": a descriptor right before
        heads += [t for t in window if t.pos_ == "NOUN"]
    heads += [c for h in heads if h.pos_ == "NOUN" for c in h.conjuncts if c.pos_ == "NOUN"]
    return heads


_NAME_NOUNS = lexicon("name_nouns")


def _joined_demonym(mod: Token, start: int) -> bool:
    """ "the French and Indian War": a demonym joined by "and" to the one that opens the name is part
    of the name's own pair of peoples, not the country of what it names."""
    doc = mod.doc
    return mod.i + 2 == start and doc[mod.i + 1].lower_ in ("and", "&")


def _group_noun(ctx: Sentences, span: Span) -> bool:
    """The noun right before a name, or the one it is in apposition to, names a group or an event:
    "the Tesk far-left organization Red Legions" (a group the tagger took for a person)."""
    root = span.root
    near = ctx.doc[span.start - 1] if span.start > 0 else None
    if (near is None or near.pos_ != "NOUN") and root.dep_ in ("compound", "appos") and root.head.pos_ == "NOUN":
        near = root.head
    cls = head_nouns().get(near.lemma_.casefold()) if near is not None and near.pos_ == "NOUN" else None
    return cls is not None and group_of(cls) in ("Organization", "Event")


def descriptor_facts(ctx: Sentences) -> Iterator[Fact]:
    """Citizenship or country from a demonym that modifies a name or its descriptor noun."""
    seen: set[tuple[Mention, Mention]] = set()
    for m in ctx.mentions:
        rel = _GROUPS.get(group_of(m.cls))
        if rel is None or m.subject or m.cls == "ReligiousDenomination":  # "Croatian Catholic nun": her country
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        root = span.root
        if rel == "citizenship" and root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS:
            continue  # "took place in Ottoman Kasveli": a place the tagger took for a person, no citizen
        if rel == "citizenship" and root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN":
            continue  # "a French former Alpine skier": a word that describes the skier, no person
        heads = descriptor_heads(ctx, span)
        if any(h.pos_ == "NOUN" and h.lemma_.casefold() in _NAME_NOUNS for h in heads):
            continue  # "Puskás is a Hungarian surname": a name, no one's citizenship
        if rel == "citizenship" and _group_noun(ctx, span):
            rel = "country"  # "the Tesk far-left organization Red Legions": a group the tagger took for a person
        for h in heads:
            for mod in _demonym_mods(h):
                if span.start <= mod.i < span.end or _joined_demonym(mod, span.start):
                    continue
                country = ctx.mention(mod)
                if country is None or country.cls != "Country" or (m, country) in seen:
                    continue
                if gazetteer().nationality(country.text) is None:
                    continue  # a state's name ("the France team") says less than its adjective
                seen.add((m, country))
                yield Fact(m, rel, country, ctx.evidence(root.sent, "descriptor-demonym"))


def name_place_facts(
    ctx: Sentences, places: dict[str, Mention], parties: frozenset[str] = frozenset()
) -> Iterator[Fact]:
    """An organisation, facility or event whose name contains a place the article names is in that place.

    ``places`` maps the name key of every place the article mentions to one of its mentions;
    ``parties``: the names the infobox types a political party.
    """
    from kg.names import name_key

    gaz = gazetteer()
    for m in ctx.mentions:
        g = group_of(m.cls)
        if g not in ("Organization", "Event") and m.cls != "Facility":
            continue
        words = m.text.split()
        if len(words) < 2:
            continue
        found: Mention | None = None
        state = False  # the name's place is a country: "the Tesk Navy" is Tesk's, located in no part of it
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                part = " ".join(words[i : i + n]).strip(",.()'’s")
                if not part[:1].isupper() or (n == len(words)):
                    continue
                key = name_key(part)
                if key not in places or (i and f"{words[i - 1]} {part}" in _COMPOUND_DEMONYMS):
                    continue
                if i and gaz.demonym(part) and (gaz.demonym(words[i - 1]) or gaz.adjective_place(words[i - 1])):
                    continue  # "American Indian Movement": a people's name of two adjectives, not India's
                if not gaz.demonym(part) and _peoples_name(ctx.article.text, part):
                    continue  # "the Kota Liberation Front … of the Kota people": a people, not a town
                place = gaz.lookup(part)
                if gaz.demonym(part) or (place is not None and (place.kind != "city" or place.population >= 100_000)):
                    found = places[key]
                    state = bool(gaz.demonym(part)) or (place is not None and place.kind == "country")
                    break
            if found is not None:
                break
        if found is None or found.text == m.text or _operates_elsewhere(ctx, m, found):
            continue
        if g == "Event":
            rel = "country" if found.cls == "Country" else "location"
        elif m.cls == "GovernmentBody" and m.text not in parties:  # "Calgary City Council" governs Calgary
            # ("the Tesk Congress" the infobox lists as a party is a party: it governs nothing)
            rel = "jurisdiction"
        else:
            rel = "country" if found.cls == "Country" else "locatedIn"
        if rel == "locatedIn" and state:
            continue  # a country's name or people in a body's name NER took for some other place: no place
        span = ctx.span(m.start, m.end)
        if span is not None:
            yield Fact(m, rel, found, ctx.evidence(span.sent, "name-place"))
            if rel == "jurisdiction" and found.cls == "Country":  # a state's body is that state's too
                yield Fact(m, "country", found, ctx.evidence(span.sent, "name-place"))


_OPERATING_IN = re.compile(r"\b(?:operating|operated|based|active|headquartered|exiled|in\s+exile)\s+in\s+(?:the\s+)?")


def _operates_elsewhere(ctx: Sentences, m: Mention, found: Mention) -> bool:
    """The sentence says the organisation works in another country ("the Union of Tesk Patriots, an
    organisation operating in Orvania"): its name's place is not its country."""
    span = ctx.span(m.start, m.end)
    if span is None:
        return False
    end = ctx.block.start + span.sent.end_char
    text = ctx.article.text
    for op in _OPERATING_IN.finditer(text, m.end, end):
        there = next((x for x in ctx.mentions if x.start == op.end()), None)
        if there is not None and there.cls == "Country" and there.text != found.text:
            return True
    return False



_IDEOLOGY_ADJECTIVES = lexicon("rec_ideology_adjectives")
_IDEOLOGY_ADJ = re.compile(rf"(?<![\w‐-])(?:{alternation('rec_ideology_adjectives')})(?![\w‐-])", re.IGNORECASE)
_GROUP_NOUNS = lexicon("organisation_nouns")


def ideology_name(adjective: str) -> str:
    """The doctrine a party's adjective names: "social democratic" → "Social democracy", "conservative"
    → "Conservatism", "Marxist–Leninist" → "Marxism–Leninism".

    >>> ideology_name("social democratic"), ideology_name("conservative"), ideology_name("Marxist–Leninist")
    ('Social democracy', 'Conservatism', 'Marxism–Leninism')
    """
    words = re.split(r"(\s+|[–-])", adjective.strip())
    out = []
    for w in words:
        low = w.lower()
        if low.endswith("ist"):
            w = w[:-3] + "ism"
        elif low.endswith("democratic"):
            w = w[:-10] + "democracy"
        elif low == "conservative":
            w = "conservatism"
        elif low == "liberal" and w is words[-1]:
            w = "liberalism"
        out.append(w)
    name = "".join(out)
    return name[:1].upper() + name[1:].lower() if " " in name else name[:1].upper() + name[1:]


def _listing_heads(span: Span) -> list[Token]:
    """The plural noun a list of names is given for: "two social democratic parties, the Tesk Party
    and the Orvan League", "Islamist parties like Ana Front, Tesk Union and Orvan Party" (each
    name of the list, not only the first)."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    doc = tok.doc
    if tok is not span.root and tok.tag_ == "NNS" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
        return [tok]  # "parties, the Tesk Party and …" parsed as a list the noun opens
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.tag_ == "NNS":
        return [tok.head]
    if tok.dep_ == "pobj" and tok.head.lower_ in _LISTING_PREPS and tok.head.head.tag_ == "NNS":
        return [tok.head.head]
    return []


_LISTING_PREPS = frozenset({"like", "including"})


def ideology_facts(ctx: Sentences) -> Iterator[Fact]:
    """A party's doctrine from the adjective of its descriptor: "Acme Union is a social democratic
    party", "his newly formed conservative party, New Order" → ideology(party, Social democracy)."""
    seen: set[tuple[Mention, str]] = set()
    for m in ctx.mentions:
        if m.cls not in ("PoliticalParty", "PoliticalMovement", "Organization", "ArmedGroup"):
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        for h in [*descriptor_heads(ctx, span), *_listing_heads(span)]:
            if span.start <= h.i < span.end or h.pos_ != "NOUN" or h.lemma_.casefold() not in _GROUP_NOUNS:
                continue
            lo = h.left_edge.idx
            words = ctx.block.text[lo : h.idx]
            for hit in _IDEOLOGY_ADJ.finditer(words):
                name = ideology_name(hit.group(0))
                if (m, name.casefold()) in seen:
                    continue
                seen.add((m, name.casefold()))
                at = ctx.block.start + lo + hit.start()
                doctrine = Mention(ctx.article.stem, at, at + len(hit.group(0)), name, "Ideology", "pattern")
                yield Fact(m, "ideology", doctrine, ctx.evidence(h.sent, "descriptor-ideology"))
