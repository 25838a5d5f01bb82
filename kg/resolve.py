"""Entity resolution: mentions → one entity per real-world thing, every merge explained.

Within an article: same-as hints from extraction (lead-sentence aliases,
``Name (ACRONYM)``), the same name, a first name or surname alone when exactly
one full name in the article carries it (an ambiguous surname links to the
article's subject if it is that person, and otherwise to no one), initials
of exactly one longer name, and transposed-letter misspellings. Across
articles: the same canonical name in the same broad class (person,
organisation, place, event, other).

>>> from kg.model import Mention
>>> a = Mention("doc", 0, 10, "Jane Smith", "Person")
>>> b = Mention("doc", 20, 25, "Smith", "Organization")
>>> r = resolve_mentions([a, b], [])
>>> r.entity_of(b).label, r.entity_of(b).cls
('Jane Smith', 'Person')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kg.extract.subject import title_name
from kg.extract.tables import keyword_class, religion_of
from kg.gazetteer import gazetteer, norm_name
from kg.model import Entity, Mention
from kg.names import _STOP, _initials, _is_acronym, _transposed, name_key, slugify
from kg.ontology import group_of
from kg.resolve_bodies import link_demonym_bodies, link_party_words
from kg.resolve_expand import link_acronym_heads
from kg.resolve_forms import (
    _NAME_GROUPS,
    _STRONG,
    _WEAK,
    _link_creed_adjectives,
    _link_fuller_names,
    _party_of_elsewhere,
)
from kg.resolve_links import _WEIGHT as _WEIGHT  # the vote weights per source, read by kg.constraints
from kg.resolve_links import (
    _article_key,
    _link_event_synonyms,
    _link_followers,
    _link_place_forms,
    _link_short_bodies,
    _link_spellings,
    _link_surname_places,
    _link_transliterations,
    _Union,
    _vote,
)
from kg.resolve_variants import link_event_years, link_word_variants, untitled_names

__all__ = ["Resolution", "group_of", "name_key", "resolve_mentions", "slugify"]


@dataclass(frozen=True)
class Resolution:
    """Entities by key, and the entity of every kept mention."""

    entities: dict[str, Entity]
    of: dict[Mention, str]

    def entity_of(self, m: Mention) -> Entity | None:
        """The entity a mention was resolved to, or None when it was dropped (e.g. an ambiguous surname)."""
        key = self.of.get(m)
        return self.entities[key] if key is not None else None


def _resolve_article(ms: Sequence[Mention], uf: _Union, dropped: set[Mention]) -> None:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        by_name[_article_key(m.text)].append(m)
    for key in [k for k, g in by_name.items() if any(m.cls == "Person" for m in g)]:
        # "born in Marlow, Eastmark" (a town the text places) and "Marlow said" (Tomas Marlow): two things
        towns = [m for m in by_name[key] if m.cls == "City" and m.source == "placed"]
        if towns and len(towns) < len(by_name[key]):
            by_name[key] = [m for m in by_name[key] if m not in towns]
            by_name["\x00" + key] = towns
    for group in by_name.values():
        for other in group[1:]:
            uf.union(group[0], other, "same name")
    subject = next((m for m in ms if m.source == "title"), None)
    multi = [k for k in by_name if " " in k and not k.startswith("\x00")]
    for group in by_name.values():
        m = group[0]
        if _is_acronym(m.text):
            owners = {
                k
                for k in multi
                if _spelt(m.text) in _initial_forms(by_name[k][0].text) and group_of(by_name[k][0].cls) != "Person"
            }
            if len(owners) == 1:
                uf.union(by_name[next(iter(owners))][0], m, "initials")
    by_len: dict[int, list[str]] = defaultdict(list)
    for k in sorted(by_name):
        by_len[len(k)].append(k)
    for same in by_len.values():
        for i, a in enumerate(same):
            for b in same[i + 1 : i + 40]:
                if _transposed(a, b):
                    uf.union(by_name[a][0], by_name[b][0], "transposed letters")
    _link_variants(by_name, uf)
    _link_creed_adjectives(by_name, uf)
    _link_spellings(by_name, uf)
    link_word_variants(by_name, uf)
    link_acronym_heads(by_name, uf)
    link_event_years(by_name, uf)
    _link_event_synonyms(by_name, uf)
    _link_followers(by_name, multi, uf)
    ambiguous = _link_fuller_names(by_name, multi, uf)
    _link_transliterations(by_name, multi, uf)
    _link_short_bodies(by_name, multi, subject, uf)
    _link_place_forms(by_name, uf)
    link_demonym_bodies(by_name, uf)
    clusters: dict[Mention, list[Mention]] = defaultdict(list)
    for m in ms:
        clusters[uf.find(m)].append(m)
    _link_surname_places(by_name, multi, subject, uf, dropped)
    _link_partial_names(by_name, multi, subject, uf, dropped, clusters, ambiguous)
    link_party_words(by_name, uf)


def _spelt(acronym: str) -> str:
    """An acronym's letters: "T.L.F.", "TLF–PF" → "TLF", "TLFPF"."""
    return "".join(c for c in acronym if c.isalnum())


def _initial_forms(name: str) -> set[str]:
    """The acronyms a name may have: the initials of its words but the small ones ("Movement for the
    Liberation of Tesk": MLT), and of its capitalised words only, the small words of other languages
    left out ("Partido dos Trabalhadores Teskanos": PTT; "Movimiento al Trabajo Teskano": MATT, its "al"
    counted)."""
    capitals = "".join(w[0] for w in re.findall(r"[\w']+", name) if w[0].isupper())
    return {_initials(name), capitals} - {""}


def _link_variants(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """Two forms of one name in an article: "Olympic" and "Olympics" (a thing, not a family: "the
    Gorkas" are not John Gorka)."""
    for key, group in by_name.items():
        if " " in key or key.startswith("\x00") or len(key) < 4:
            continue
        plural = by_name.get(key + "s")
        if plural is None:
            continue
        cls = group_of(_vote(group))
        if cls != "Person" and group_of(_vote(plural)) == cls:
            uf.union(group[0], plural[0], "singular and plural")




def _link_partial_names(
    by_name: dict[str, list[Mention]],
    multi: list[str],
    subject: Mention | None,
    uf: _Union,
    dropped: set[Mention],
    clusters: dict[Mention, list[Mention]],
    ambiguous: Mapping[str, list[str]] | None = None,
) -> None:
    """A name that is the first or last words of exactly one longer name in the article is that thing.

    "Boyd" → "John Alexander Boyd", "Platense" → "Club Atlético Platense", "Rachel Perry" →
    "Rachel Perry Welty". A person's name shared by several people links to the article's subject
    when the subject is one of them, and otherwise to no one (the mention is dropped).
    """
    parts: dict[str, set[str]] = defaultdict(set)
    for key in multi:
        toks = key.split()
        for i in range(1, len(toks)):
            parts[" ".join(toks[:i])].add(key)
            parts[" ".join(toks[i:])].add(key)
        if len(toks) >= 3 and group_of(_vote(by_name[key])) == "Person":
            # "Siles" for "Hernán Siles Zuazo", "Enríquez" for "Miguel Humberto Enríquez Espinosa":
            # the father's surname before the mother's, as Spanish and Portuguese names go
            parts[toks[-2]].add(key)
        if "of" in toks[2:] and group_of(_vote(by_name[key])) == "Organization":
            # "the Front" for the "National Liberation Front of Drovania": the head noun before "of"
            parts[toks[toks.index("of", 2) - 1]].add(key)
    for key, group in by_name.items():
        owners = parts.get(key)
        if not owners or key.startswith("\x00") or any(x.source in _STRONG for x in group):
            continue
        if ambiguous and key in ambiguous:  # two people fit it: the subject if it is one of them
            if subject is not None and uf.find(subject) in {uf.find(by_name[k][0]) for k in ambiguous[key]}:
                uf.union(subject, group[0], "part of the subject's name")
            else:
                dropped.update(group)  # as a surname several people share
            continue
        if all(t in _STOP for t in key.split()):
            continue
        known = clusters.get(uf.find(group[0])) or group  # with the other names already linked to it
        if _vote(known) == "Ideology":
            continue  # "Marxism" is no short form of "Marxism–Leninism", nor "Nationalism" of "Arab nationalism"
        short = group_of(_vote(known))
        weak = all(x.source in _WEAK for x in known)
        if " " in key and keyword_class(group[0].text) is not None:
            # "Barry University" before "Barry University School of Medicine": a whole name of its own
            # ("Legislative Council" before "Legislative Council of Ceylon" is the same council)
            owners = {o for o in owners if not o.startswith(key + " ") or o[len(key) + 1 :].startswith("of ")}
        # "the rebel Tupa Kallari" in the article on the "Frente Revolucionario Tupa Kallari": a person's
        # whole name inside an organisation's the article gives for sure is the man it is named after
        named_after = short == "Person" and " " in key
        fitting = [
            o
            for o in sorted(owners)
            if group_of(_vote(by_name[o])) == short
            or (
                weak
                and short in _NAME_GROUPS
                and group_of(_vote(by_name[o])) in _NAME_GROUPS - {"Other"}
                and not (named_after and any(x.source in _STRONG for x in by_name[o]))
            )
            or (  # "Louis Prima", an organisation to NER, then "Prima, a white singer"
                all(x.source in _WEAK for x in by_name[o])
                and short in _NAME_GROUPS - {"Other"}
                and group_of(_vote(by_name[o])) in _NAME_GROUPS
            )
        ]
        mine = _acronyms(known)
        if mine:  # "Social Democratic Party (PSD)" is not the "Independent Social Democratic Party (PSI)"
            fitting = [
                o
                for o in fitting
                if not (theirs := _acronyms(clusters.get(uf.find(by_name[o][0])) or [])) or mine & theirs
            ]
        roots = {uf.find(by_name[o][0]) for o in fitting}
        if (
            not roots
            and weak
            and subject is not None
            and " " not in key
            and group_of(subject.cls) in ("Place", "Organization")  # not "Snoopy" in "Snoopy and His Friends"
            and _article_key(subject.text).startswith(key + " ")
            and {uf.find(by_name[o][0]) for o in owners} == {uf.find(subject)}
        ):
            # "Tullgarn" (a person to NER) in the article on Tullgarn Palace: the subject
            uf.union(subject, group[0], "part of the subject's name")
            continue
        if len(roots) == 1 and not _party_of_elsewhere(key, fitting[0], by_name, subject, uf):
            uf.union(by_name[fitting[0]][0], group[0], "part of a longer name")
        elif len(roots) > 1 and short == "Person":
            if subject is not None and uf.find(subject) in roots:
                uf.union(subject, group[0], "part of the subject's name")
            else:
                dropped.update(group)
        elif (
            len(roots) > 1
            and short == "Organization"
            and " " not in key
            and subject is not None
            and uf.find(subject) in roots
        ):
            uf.union(subject, group[0], "part of the subject's name")  # "the Party" in its own article, among others


def _acronyms(ms: Iterable[Mention]) -> set[str]:
    """The acronyms the text gave a cluster of names ("(PSD)" after its name)."""
    return {m.text for m in ms if m.source == "acronym"}


def _label(ms: Sequence[Mention]) -> str:
    subj = [m for m in ms if m.source == "title"]
    if subj:
        return title_name(min(subj).text)
    heads = [m for m in ms if m.source == "heading"]
    if heads:
        return min(heads).text
    gaz = gazetteer()
    if all(m.cls == "Language" for m in ms) and any(m.source in ("infobox", "context") for m in ms):
        # "Languages: English", "(Spanish: …)": a language, "English", not England; NER's "language"
        # in "a Filipino teacher" is the people's adjective, and its node may yet become the country
        return max(sorted({m.text for m in ms}), key=lambda n: sum(m.text == n for m in ms))
    country = _country_among(ms)
    if country is not None:
        return country
    codes = {gaz.demonym(m.text) for m in ms}
    if None not in codes and len(codes) == 1:
        code = codes.pop()
        if code in gaz.country_names:
            return gaz.country_names[code]
    faiths = {religion_of(m.text) for m in ms}
    faith = faiths.pop() if len(faiths) == 1 else None
    if faith is not None:
        return faith[0]  # "Catholic", "Catholics": the Catholic Church
    adjectives = {gaz.adjective_place(m.text) for m in ms}
    adjective = adjectives.pop() if len(adjectives) == 1 else None
    if adjective is not None:
        return adjective.name  # only "European" in the text: the node is Europe
    names = Counter(
        m.text for m in ms if m.source != "lead" and not gaz.demonym(m.text) and not gaz.adjective_place(m.text)
    )
    if not names:
        names = Counter(m.text for m in ms)
    full = [n for n in names if not _is_acronym(n)] or list(names)
    if any(group_of(m.cls) == "Person" for m in ms):
        full = untitled_names(full)  # "Tomas Roe", not "Gen. Tomas Roe"
    return max(sorted(full), key=lambda n: (len(n.split()) > 1, names[n], len(n)))


def _country_among(ms: Sequence[Mention]) -> str | None:
    """The one name of a country among a place's names that the gazetteer otherwise does not know
    ("Comoros" beside "Comoro Islands", "Laos" beside "Kingdom of Laos"): the label, so the
    node keeps its country's record. None when no name, or more than one, is a country, or another
    name is a gazetteer record too (then the usual choice stands)."""
    gaz = gazetteer()
    if not any(group_of(m.cls) == "Place" for m in ms):
        return None
    found: dict[str, str | None] = {}
    for m in ms:
        if m.text not in found:
            place = gaz.lookup(m.text)
            found[m.text] = None if place is None else f"{place.kind}:{place.country}"
    records = {r for r in found.values() if r is not None}
    if len(records) != 1 or None not in found.values() or not next(iter(records)).startswith("country:"):
        return None
    names = sorted(t for t, r in found.items() if r is not None and not gaz.demonym(t))
    return names[0] if len(names) == 1 else None


def resolve_mentions(
    mentions: Sequence[Mention],
    same_as: Sequence[tuple[Mention, Mention, str]],
    contexts: Mapping[Mention, frozenset[str]] | None = None,
) -> Resolution:
    """Cluster mentions (of one or many articles) into entities.

    ``contexts`` (from :func:`kg.homonyms.homonym_contexts`): the countries each mention's
    article ties it to. Across articles, two clusters of one name and broad class are one entity
    unless both have a context and the contexts share no country; namesakes kept apart are
    labelled with their country ("Socialist Party (Chile)"), the bare name kept as an alias.
    """
    contexts = contexts or {}
    uf = _Union()
    dropped: set[Mention] = set()
    for m in mentions:
        uf.find(m)
    for a, b, why in same_as:
        uf.union(a, b, why)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    for art in sorted(by_article):
        _resolve_article(sorted(by_article[art]), uf, dropped)
    clusters: dict[Mention, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf.find(m)].append(m)
    # across articles: the same canonical label in the same broad class, in contexts that agree
    canon: dict[tuple[str, str], list[tuple[Mention, set[str]]]] = defaultdict(list)
    apart: set[tuple[str, str]] = set()
    key_of: dict[Mention, tuple[str, str]] = {}
    for root in sorted(clusters):
        ms = clusters[root]
        keep = [m for m in ms if m not in dropped or any(x.source != "ner" for x in ms)]
        if not keep:
            continue
        key = (name_key(_label(keep)), group_of(_vote([m for m in keep if m not in uf.void] or keep)))
        ctx = {c for m in ms for c in contexts.get(m, ())}
        key_of[root] = key
        homes = canon[key]
        if ctx:  # a home in the same country, else one that says nothing of its country
            home = next((h for h in homes if ctx & h[1]), None) or next((h for h in homes if not h[1]), None)
        else:  # nothing known: a home that says nothing either, else the only one
            home = next((h for h in homes if not h[1]), None) or (homes[0] if len(homes) == 1 else None)
        if home is not None:
            same = sorted(ctx & home[1])
            uf.union(
                home[0], root, "same name in another article" + (f", same country ({', '.join(same)})" if same else "")
            )
            home[1].update(ctx)
        else:
            if homes:
                apart.add(key)
            homes.append((root, set(ctx)))
    qualifier: dict[Mention, str] = {}
    for key in apart:
        for root, ctx in canon[key]:
            if len(ctx) == 1:
                qualifier[uf.find(root)] = _country_name(next(iter(ctx)))
    clusters = defaultdict(list)
    for m in mentions:
        clusters[uf.find(m)].append(m)
    entities: dict[str, Entity] = {}
    of: dict[Mention, str] = {}
    for root in sorted(clusters):
        ms = sorted(clusters[root])
        if all(m in dropped for m in ms):
            continue
        cls = _vote([m for m in ms if m not in uf.void] or ms)
        label = " ".join(_label(ms).split())
        bare = None
        if root in qualifier:  # a namesake of another country's: "Socialist Party (Chile)"
            bare, label = label, f"{label} ({qualifier[root]})"
        slug = slugify(label)
        if slug in entities:
            slug = f"{slug}_({cls})"
        n = 2
        base = slug
        while slug in entities:
            slug, n = f"{base}_{n}", n + 1
        aliases: dict[str, str] = {}
        if bare is not None:
            aliases[bare] = "the bare name, shared with a namesake of another country"
        for m in ms:
            text = " ".join(m.text.split())  # a name broken over two lines of the page is one line of a label
            if text != label and text not in aliases:
                aliases[text] = uf.why.get(m, "same name" if norm_name(m.text) == norm_name(label) else "mention")
        entities[slug] = Entity(
            key=slug,
            label=label,
            cls=cls,
            aliases=tuple(sorted(aliases.items())),
            articles=tuple(sorted({m.article for m in ms})),
            mentions=len(ms),
        )
        for m in ms:
            if m not in dropped:
                of[m] = slug
    return Resolution(entities, of)


def _country_name(code: str) -> str:
    """A country's short English name ("CL" → "Chile"), for a namesake's label."""
    place = gazetteer().countries.get(code)
    return place.name if place is not None else code
