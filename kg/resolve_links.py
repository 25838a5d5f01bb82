"""Within-article linking rules of entity resolution, and the vote on an entity's class.

Kept apart from :mod:`kg.resolve` (which runs them) so each module stays short. Every rule unions
mentions of one article in a :class:`_Union` and says why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kg.extract.lexicons import lexicon
from kg.model import Mention
from kg.names import _STOP, name_key
from kg.ontology import class_parents, group_of

_WEIGHT = {
    "title": 5.0,
    "lead": 4.0,
    "context": 4.0,
    "placed": 4.0,  # a town the text places ("Marlow, Eastmark"), though a man of the article is called so
    "infobox": 3.0,
    "infobox-alias": 3.0,
    "gazetteer": 3.0,
    "keyword": 2.0,
    "pattern": 1.5,
    "ner": 1.0,
    "acronym": 0.5,
    "see-also": 0.5,
}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Mention, Mention] = {}
        self.why: dict[Mention, str] = {}
        self.void: set[Mention] = set()  # mentions whose class is no evidence (a surname the gazetteer took for a town)

    def find(self, m: Mention) -> Mention:
        self.parent.setdefault(m, m)
        root = m
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[m] != root:
            self.parent[m], m = root, self.parent[m]
        return root

    def union(self, a: Mention, b: Mention, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra
            self.why.setdefault(b, why)


def _article_key(text: str) -> str:
    """The key of a name within one article: :func:`name_key`, with "Mac" and "Mc" at a word's start one
    spelling ("Ewan MacTavish", "McTavish"), and "&" between words read "and"."""
    key = name_key(text.replace(" & ", " and ") if " & " in text else text)  # "Union & Progress": "and"
    return key if key.startswith("\x00") else _MAC.sub("mc", key)


_MAC = re.compile(r"\bmac(?=[b-df-hj-np-tv-z])")


def _link_spellings(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """Two spellings of one name that differ only in spaces and hyphens ("Sel-Arun Front", "Selarun
    Front"), of one broad class, are one thing within an article (accents, case and other punctuation
    already key alike: :func:`name_key`)."""
    by_compact: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, group in by_name.items():
        compact = key.replace(" ", "")
        if not key.startswith("\x00") and len(compact) >= 5:
            by_compact[(compact, group_of(_vote(group)))].append(key)
    for keys in by_compact.values():
        for other in keys[1:]:
            uf.union(by_name[keys[0]][0], by_name[other][0], "same name spelt with or without spaces or hyphens")


_EVENT_HEADS = (lexicon("uprising_head_synonyms"), lexicon("coup_head_synonyms"))


def _event_stem(key: str) -> str | None:
    """An event name with its head noun replaced by its synonym group ("tarsk uprising" → "tarsk \x01 0"),
    or None when no word of it is such a noun, or nothing but small words is left beside it."""
    words = key.split()
    for n, heads in enumerate(_EVENT_HEADS):
        at = [i for i, w in enumerate(words) if w in heads]
        if len(at) == 1 and any(w not in _STOP for i, w in enumerate(words) if i != at[0]):
            return " ".join(f"\x01{n}" if i == at[0] else w for i, w in enumerate(words))
    return None


def _link_event_synonyms(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """ "The Tarsk Uprising" and "the Tarsk Rebellion" in one article are one event: two event names
    that differ only in their head noun, both nouns of one synonym lexicon (``uprising_head_synonyms``,
    ``coup_head_synonyms``). "The 1920 Tarsk Uprising" and "the 1931 Tarsk Revolt" differ in more, and
    stay two."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for key, group in by_name.items():
        stem = _event_stem(key) if not key.startswith("\x00") and group_of(_vote(group)) == "Event" else None
        if stem is not None:
            by_stem[stem].append(key)
    for keys in by_stem.values():
        for other in keys[1:]:
            uf.union(by_name[keys[0]][0], by_name[other][0], "one event named with another word for it")


_FOLLOWERS = re.compile(r"[a-z]+ist(?:a|e)?s")


def _link_followers(by_name: dict[str, list[Mention]], multi: list[str], uf: _Union) -> None:
    """ "The Tarskistas" in an article that names one "Tarskista Liberation Front": the followers' word
    (-ists, -istas) is the one organisation whose name opens with it. A party word ("Socialists") keys
    as its party already; a people ("Basques") is no follower; two such organisations, no one."""
    for key, group in by_name.items():
        if " " in key or not _FOLLOWERS.fullmatch(key) or group_of(_vote(group)) in ("Place", "Event"):
            continue
        owners = {
            uf.find(by_name[k][0])
            for k in multi
            if k.split()[0] == key[:-1] and group_of(_vote(by_name[k])) == "Organization"
        }
        if len(owners) == 1:
            uf.union(next(iter(owners)), group[0], "the followers of the one organisation named after them")


_HONORIFICS = lexicon("honorific_suffixes")
_LONE_SOURCES = {"ner", "pattern"}


def _bare_person(key: str) -> list[str]:
    """A person's name key without the honorifics after it ("karim dawud pasha" → karim, dawud)."""
    words = key.split()
    while len(words) > 2 and words[-1] in _HONORIFICS:
        words.pop()
    return words


def _spelling(words: Iterable[str]) -> str:
    """One key for the transliterations of a name that differ in how they write the vowel u
    ("Dawoud", "Dawud"; "Orabi", "Urabi")."""
    return " ".join(words).replace("ou", "u").replace("oo", "u").replace("o", "u")


def _link_transliterations(by_name: dict[str, list[Mention]], multi: list[str], uf: _Union) -> None:
    """ "Karim Dawoud" and "Karim Dawud Pasha", "Orabi" after "Salim Urabi": one person's name in two
    transliterations (ou, oo or o for u) or with an honorific after it (``honorific_suffixes``), when
    exactly one person of the article fits. Another vowel ("Ana Morin", "Ana Marin"), another given
    name ("Karim Urabi", "Hassan Orabi") or two people the lone word fits ("Orabi") keep them apart."""
    people = [k for k in multi if group_of(_vote(by_name[k])) == "Person"]
    full: dict[str, list[str]] = defaultdict(list)
    surnames: dict[str, set[str]] = defaultdict(set)
    exact: set[str] = set()
    for key in people:
        words = _bare_person(key)
        full[_spelling(words)].append(key)
        surnames[_spelling(words[-1:])].add(key)
        exact.add(words[-1])
    for keys in full.values():
        for other in keys[1:]:
            uf.union(by_name[keys[0]][0], by_name[other][0], "one name in two spellings")
            uf.why.setdefault(by_name[keys[0]][0], "one name in two spellings")
    for key, group in by_name.items():
        if " " in key or key.startswith("\x00") or len(key) < 5 or key in exact or not group[0].text[:1].isupper():
            continue
        if not all(m.source in _LONE_SOURCES and group_of(m.cls) in ("Person", "Organization", "Place") for m in group):
            continue  # NER's guess only: "a follower of Kobari" may be a place to it, never the gazetteer's town
        roots = {uf.find(by_name[k][0]) for k in sorted(surnames.get(_spelling([key]), ()))}
        if len(roots) == 1:
            uf.union(next(iter(roots)), group[0], "a surname in another spelling")


_SURNAME_PLACES = {"City", "Place"}
_TOWN_SOURCES = {"gazetteer", "ner", "pattern"}


def _link_surname_places(
    by_name: dict[str, list[Mention]], multi: list[str], subject: Mention | None, uf: _Union, dropped: set[Mention]
) -> None:
    """A surname alone that the gazetteer (or NER) took for a town is the person of the article who
    carries it ("Halden fled" after "Marek Halden", though Halden is a Norwegian town). A town the
    text itself places ("Halden, Eastmark", "the town of Halden": typed by context, not only by the
    gazetteer) stays a town. Two people of that surname: the article's subject if it is one of them,
    else no one (the mention is dropped, never a town)."""
    people: dict[str, set[str]] = defaultdict(set)
    for key in multi:
        if group_of(_vote(by_name[key])) == "Person":
            toks = key.split()
            people[toks[-1]].add(key)
            if len(toks) >= 3:
                people[toks[-2]].add(key)  # the father's surname before the mother's
    for key, group in by_name.items():
        owners = people.get(key)
        if not owners or " " in key or not group[0].text[:1].isupper():
            continue
        if not all(m.cls in _SURNAME_PLACES and m.source in _TOWN_SOURCES for m in group):
            continue
        roots = {uf.find(by_name[o][0]) for o in sorted(owners)}
        uf.void.update(group)
        if len(roots) == 1:
            uf.union(by_name[min(owners)][0], group[0], "a surname, not the town of that name")
        elif subject is not None and uf.find(subject) in roots:
            uf.union(subject, group[0], "the subject's surname, not the town of that name")
        else:
            dropped.update(group)


def _vote(ms: Iterable[Mention]) -> str:
    group_score: defaultdict[str, float] = defaultdict(float)
    strong: dict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    weak: dict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in ms:
        w = _WEIGHT.get(m.source, 1.0) * (1.5 if " " in m.text.strip() else 1.0)
        g = group_of(m.cls)
        group_score[g] += w
        (weak if m.source in ("ner", "acronym", "see-also") or (m.cls == g and m.source != "title") else strong)[g][
            m.cls
        ] += w
    best = max(sorted(group_score), key=lambda g: group_score[g])
    pool = strong[best] or weak[best]
    return max(sorted(pool), key=lambda c: (pool[c], len(class_parents(c))))


_OF_WORDS = lexicon("name_of_words")


def _link_short_bodies(
    by_name: dict[str, list[Mention]], multi: list[str], subject: Mention | None, uf: _Union
) -> None:
    """The infobox of the article on the "Workers' Front of Eastmark" names it "Workers' Front": an
    organisation's name of two words or more that the infobox gives, and that the article's subject
    (or one of its names) continues with "of" (or its word in another language, ``name_of_words``), is
    the subject. An infobox's short name beside a longer name that is not the subject's ("Party:
    Workers' Front" in a person's article whose prose names the "Workers' Front of Eastmark") may be
    another body and stays apart; so do two such longer names ("… of Eastmark", "… of Westmark") and
    two acronyms the text gave them. (A short name NER found in the prose is left to
    ``_link_partial_names``.)"""
    if subject is None:
        return
    own = uf.find(subject)
    for key, group in by_name.items():
        if key.startswith("\x00") or len(key.split()) < 2 or group_of(_vote(group)) != "Organization":
            continue
        if not any(m.source == "infobox" for m in group):
            continue
        owners = {
            uf.find(by_name[o][0])
            for o in multi
            if o.startswith(key + " ")
            and o[len(key) + 1 :].split()[0] in _OF_WORDS
            and group_of(_vote(by_name[o])) == "Organization"
        }
        if owners != {own}:
            continue
        mine = {m.text for m in group if m.source == "acronym"}
        theirs = {m.text for k, g in by_name.items() for m in g if m.source == "acronym" and uf.find(g[0]) == own}
        if not (mine and theirs and not mine & theirs):
            uf.union(own, group[0], "the infobox's short name of the article's subject")


_DIVISIONS = lexicon("division_nouns")


def _is_country(place: object) -> bool:
    return getattr(place, "kind", None) == "country"

_BARE_PLACES = {"Place", "AdministrativeRegion"}


def _link_place_forms(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """Two forms of one place's name in an article, each a place:

    - "Olmo Department" and "Olmo" (as in "Tarsk, Olmo, Eastmark"): the bare name is the division
      when the gazetteer knows no city of that name and no other name of the article starts with it
      ("Olmo River" too: which one is meant is unknown);
    - "Eastmark Islands" and "Eastmarks" (or "Eastmark"), a country of the gazetteer: the islands that
      name the country.

    "Kingdom of Eastmark" and "Eastmark" stay two: a historical state is not the modern country.
    """
    from kg.gazetteer import gazetteer

    gaz = gazetteer()
    keys = [k for k in by_name if not k.startswith("\x00") and group_of(_vote(by_name[k])) == "Place"]
    known = set(keys)
    for key in keys:
        words = key.split()
        text = by_name[key][0].text
        bare, why = "", ""
        if len(words) >= 2 and words[-1] in _DIVISIONS:
            bare, why = " ".join(words[:-1]), "the division's name without its noun"
            if any(k != key and k.startswith(bare + " ") for k in by_name) or not all(
                m.cls in _BARE_PLACES for m in by_name.get(bare, ())
            ):
                continue
            place = gaz.lookup(by_name[bare][0].text) if bare in known else None
            if place is not None and place.kind == "city":
                continue
        elif len(words) >= 2 and words[-1] == "islands" and gaz.lookup(text) is None:
            # "Comoro Islands" beside "Comoros", "Cape Tesk Islands" beside "Cape Tesk"
            why = "the islands that name the country"
            head = " ".join(text.split()[:-1])
            stems = [_article_key(head + "s"), _article_key(head)]  # a country's name keys as the gazetteer's
            found = [b for b in stems if b in known and any(_is_country(gaz.lookup(m.text)) for m in by_name[b])]
            if not found:
                continue
            bare = found[0]
        if bare in known:
            uf.union(by_name[bare][0], by_name[key][0], why)
            uf.why.setdefault(by_name[bare][0], why)  # either name may become the label
