"""Infobox items that are notes rather than facts: a disputed claim, a people, a role, a creed, a
colony's flag, a former seat among two addresses (helpers of :mod:`kg.extract.infobox_values`)."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.entities import typed_name
from kg.extract.infobox_items import _OFFICE_HEAD, _bracket, _clean_items
from kg.extract.lexicons import alternation, lexicon
from kg.extract.tables import keyword_class, party_word
from kg.gazetteer import gazetteer
from kg.model import Mention

__all__ = ["participant_person", "personal_name"]  # and private helpers of kg.extract.infobox_values


_DISPUTED = re.compile(rf"^(?:{alternation('infobox_disputed_notes')})\b", re.I)
_PEOPLE = re.compile(rf"\s(?:{alternation('people_nouns')})$", re.I)


_COLONIAL = re.compile(
    r"\bcolonial\s+(?:rule|government|authorit(?:y|ies)|officials|administration|forces|state|power|regime|troops)\b",
    re.I,
)


_NOT_LEADER_ROLE = re.compile(rf"^(?:the\s+)?(?:{alternation('non_leader_title_words')})\b", re.I)


def _not_leader(article: Article, item: InfoboxItem) -> str | None:
    """The role a bracket gives a name listed as a leader when the role is no leader's ("Key People:
    Eli Sand (spokesperson)", "(treasurer)", "(deputy leader)"): she is a member in that role."""
    inside = (_bracket(article, item)[1] or "").strip()
    return inside if inside and _NOT_LEADER_ROLE.match(inside) else None


def _prose(article: Article) -> str:
    """The article's text after its infobox."""
    return article.text[max((f.end for f in article.infobox), default=0) :]


def _disputed(article: Article, item: InfoboxItem) -> bool:
    """The item's bracket says the claim is denied or disputed ("(denied by X)", "(alleged)").

    >>> a = Article("x", "x", "T", "Tesk Army (denied by the KLF), Orvan Front (1995–2001)", (), (), (), ())
    >>> _disputed(a, InfoboxItem("Tesk Army (denied by the KLF)", 0, 29))
    True
    >>> _disputed(a, InfoboxItem("Orvan Front (1995–2001)", 31, 54))
    False
    """
    inside = _bracket(article, item)[1]
    return inside is not None and _DISPUTED.match(inside.strip()) is not None


def _believer(name: str) -> bool:
    """Words that name a creed's follower only ("Communist", "Marxist–Leninist"), no trade.

    >>> _believer("Communist Marxist–Leninist"), _believer("Journalist"), _believer("Politician")
    (True, False, False)
    """
    words = [w.casefold() for w in re.split(r"[\s–—-]+", name) if w]
    return bool(words) and all(w in lexicon("creed_followers") for w in words)


def _people(name: str) -> bool:
    """A people's name ("Varesh people", "Kota tribes")."""
    return _PEOPLE.search(name) is not None


def _role(name: str) -> bool:
    """An office or role of something ("Leader of the Tesk Army", "Founder of …"), not a work's title."""
    return bool(re.search(r"\s(?:of|for)\s", name)) and (
        _OFFICE_HEAD.match(name) is not None or re.match(r"(?i)(?:co-?)?founder\b|member\b", name) is not None
    )


def _movement(name: str) -> bool:
    """An ideology or a movement by its name's own words ("Tarskism", "the Velmar Movement")."""
    typed = typed_name(name, "MISC")
    movement = typed is not None and typed[0] in ("Ideology", "PoliticalMovement")
    return movement or name.endswith(("ism", "isme", "ismo"))


_FORMER_SEAT = re.compile(rf"^(?:{alternation('former_seat_notes')})\b", re.I)


def _addresses(article: Article, field: InfoboxField) -> list[tuple[InfoboxField, bool]]:
    """The addresses a place field holds, each with whether it is a former seat: "Vell, Norte, Tarsk
    (first), Orvan City, Orvan (last)" is two addresses, the first a former one; each address is its
    own chain, never a container of the other. A field with no such bracket is one address."""
    items = _clean_items(field)
    cuts = []
    for k, it in enumerate(items):
        inside = (_bracket(article, it)[1] or "").strip()
        if k < len(items) - 1 and _FORMER_SEAT.match(inside):
            cuts.append(k)
    if not cuts:
        return [(field, False)]
    out: list[tuple[InfoboxField, bool]] = []
    first = 0
    for k in [*cuts, len(items) - 1]:
        group = tuple(items[first : k + 1])
        if group:
            start, end = group[0].start, group[-1].end
            raw = article.text[start:end]
            former = k in cuts
            out.append((InfoboxField(field.key, raw, start, end, field.line_start, group), former))
        first = k + 1
    return out


def personal_name(article: Article, name: str) -> bool:
    """A box item of an event's participants that is a person the prose calls by surname: two to four
    capitalised words with no keyword of a body, no place, no party word, whose last word stands alone
    elsewhere in the article ("Participants: Ana Veltri, Harvest Front" and "… under Veltri").

    >>> a = Article("x", "x", "T", "- Participants: Ana Veltri, Black Hands. In May, Veltri won; the Hands rose.",
    ...             (), (), (), ())
    >>> personal_name(a, "Ana Veltri"), personal_name(a, "Black Hands")
    (True, False)
    """
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*", w) for w in words):
        return False
    if keyword_class(name) is not None or gazetteer().lookup(name) is not None or party_word(name):
        return False
    if any(w.casefold() in lexicon("organisation_nouns") for w in words):
        return False
    prose = article.text
    for hit in re.finditer(rf"(?<![\w'’-]){re.escape(words[-1])}\b(?![\w'’-]|\s+[A-Z])", prose):
        before = re.search(r"(\S+)\s+$", prose[max(0, hit.start() - 30) : hit.start()])
        word = before.group(1) if before else ""
        if not word or not (word[0].isupper() or word.casefold() == "the") or word[-1] in ".,;:":
            return True  # "under Veltri", "Veltri won": not "Ana Veltri", nor "the Veltri"
    return False


def participant_person(article: Article, relation: str | None, m: Mention) -> Mention:
    """An event's participant the box would type a body, that :func:`personal_name` finds a person."""
    if relation == "participant" and m.cls == "Organization" and personal_name(article, m.text):
        return replace(m, cls="Person")
    return m
