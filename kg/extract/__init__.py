"""Extraction: one annotated article → mentions, candidate facts and same-as hints.

``extract_article`` is a pure function of the article and its spaCy docs, so
it can run in a worker process; everything it returns is plain data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.aliases import alias_pairs, opening_alias_pairs
from kg.extract.bracket_names import bracket_name_pairs
from kg.extract.confidences import confidence
from kg.extract.entities import article_mentions, typed_name
from kg.extract.former_names import former_name_pairs
from kg.extract.infobox import infobox_facts
from kg.extract.infobox_kept import kept_entities
from kg.extract.junk import without_junk
from kg.extract.lexicons import alternation
from kg.extract.relations.event_country import demonym_event_facts
from kg.extract.self_names import self_name_pairs
from kg.extract.short_names import link_text_pairs, short_name_pairs, styled_name_pairs
from kg.extract.subject import find_subject
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention
from kg.ontology import group_of
from kg.score.candidates import Candidates, candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Extraction", "extract_article"]

_ACRONYM = re.compile(r"\s*\(\s*([^\W\d_][\w&.\-]{1,11})\s*\)")  # "(SSİK)": any script's capitals
_OR_NAME = re.compile(r",\s+or\s+(?:the\s+)?$")
_CAPS_OR = re.compile(r"\b([A-Z][A-Z0-9]{2,15}),\s+or\s+(?:the\s+)?")


@dataclass(frozen=True)
class Extraction:
    """What one article yields before resolution."""

    article: Article
    subject: Mention
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    same_as: tuple[tuple[Mention, Mention, str], ...]
    unmapped_keys: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    candidates: Candidates = field(default=Candidates())  # what the learned scorer may accept (kg.score)


def extract_article(
    article: Article, docs: Sequence[Doc], lead: Doc | None = None, *, with_candidates: bool = True
) -> Extraction:
    """Mentions, facts and same-as hints of one article.

    ``docs`` align with ``article.blocks``; ``lead`` is the first paragraph with
    its brackets blanked (see :func:`kg.extract.subject.blank_parentheses`).
    ``with_candidates=False`` leaves out the learned scorer's candidates (:mod:`kg.score`), which
    only a build with the scorer reads and which cost about as much as the rules: the
    extraction's ``candidates`` are then empty.
    """
    from kg.extract.relations import prose_facts

    subject, aliases = find_subject(article, lead)
    mentions: list[Mention] = [subject, *aliases]
    same_as: list[tuple[Mention, Mention, str]] = [(subject, a, "lead sentence") for a in aliases]
    per_block = article_mentions(article, docs)
    _lead_names_as_mentions(article, per_block, aliases)
    lead_name = _lead_name(article, subject)
    mentions.extend(lead_name)
    for bi, ms in enumerate(per_block):
        mentions.extend(ms)
        pairs = _acronym_pairs(article, ms)
        named = bracket_name_pairs(article.text, ms)  # "(Native Name, ACR)", "(ACR or ACR)"
        same_as.extend(pairs + named)
        mentions.extend(acr for _, acr, _ in pairs)
        mentions.extend(acr for _, acr, _ in named if acr.source == "acronym")
        # the lead's own name of the subject may be the name just before another name of it: "The
        # Harbour Revolt (Levantamiento), also known as the Dock Rising,"
        within = [a for a in [*aliases, *lead_name] if ms and min(m.start for m in ms) - 400 <= a.start <= ms[-1].end]
        same_as.extend(alias_pairs(article.text, [*within, *ms] if within else ms))
        same_as.extend(opening_alias_pairs(article.text, ms, subject))
        span = (article.blocks[bi].start, article.blocks[bi].end)
        own = self_name_pairs(article.text, ms, subject, [a.text for a in aliases], span)
        own += former_name_pairs(article.text, ms, subject, [a.text for a in aliases], span)
        same_as.extend(own)
        mentions.extend(b for _, b, _ in own if b.source in ("pattern", "acronym") and b not in ms)
    same_as.extend(_head_word_pairs(article, subject, per_block))
    same_as.extend(_middle_name_pairs(subject, per_block))
    facts, box_aliases, unmapped = infobox_facts(article, subject)
    mentions.extend(box_aliases)
    mentions.extend(kept_entities(article, subject))  # people the box names under a kept key
    same_as.extend((subject, a, "infobox alias") for a in box_aliases)
    box_items = [n for f in facts for n in (f.subject, f.object) if isinstance(n, Mention) and n.source == "infobox"]
    same_as.extend(short_name_pairs(box_items, per_block, subject))
    same_as.extend(link_text_pairs(article.text, box_items))
    styled = styled_name_pairs(box_items)
    same_as.extend(styled)
    mentions.extend(b for _, b, _ in styled)
    for f in facts:
        for node in (f.subject, f.object):
            if isinstance(node, Mention) and node is not subject:
                mentions.append(node)
    same_as.extend(_peer_style_pairs(mentions))
    facts.extend(_see_also(article, subject))
    # the places the infobox names: its countries place the prose's towns, and the gazetteer
    # places its towns ("Headquarters: …, Nairobi" with "Country: Kenya")
    box_places = list(
        dict.fromkeys(
            n for f in facts for n in (f.subject, f.object) if isinstance(n, Mention) and group_of(n.cls) == "Place"
        )
    )
    parties = frozenset(n.text for n in box_items if n.cls == "PoliticalParty")  # a box's "Party1: Tesk Congress"
    prose, stated_same = prose_facts(article, docs, per_block, subject, aliases, box_places, parties)
    facts.extend(prose)
    prose_nodes = [n for f in prose for n in (f.subject, f.object) if isinstance(n, Mention)]
    facts.extend(demonym_event_facts(article, [*mentions, *prose_nodes], facts))
    # an infobox "Other Name" that the prose calls a wing of the subject names that wing, not the subject
    wings = {
        _bare(f.subject.text) for f in prose if f.relation == "parentOrganization" and isinstance(f.subject, Mention)
    }
    wrong = {a for a in box_aliases if _bare(a.text) in wings}
    if wrong:
        mentions = [m for m in mentions if m not in wrong]
        same_as = [p for p in same_as if p[1] not in wrong]
    same_as.extend(stated_same)
    known = set(mentions)  # membership in a set: a 2,000-item infobox list stays linear
    for a, b, _ in stated_same:
        for m in (a, b):
            if m not in known:
                mentions.append(m)
                known.add(m)
    for f in facts:
        for node in (f.subject, f.object):
            if isinstance(node, Mention) and node not in known:
                mentions.append(node)
                known.add(node)
    facts, mentions = without_junk(facts, mentions, article.text)  # "Leader: Unknown", "300 fighters", "spokesperson"
    cands = candidates(article, docs, per_block, subject, facts) if with_candidates else Candidates()
    return Extraction(article, subject, tuple(mentions), tuple(facts), tuple(same_as), tuple(unmapped), (), cands)


def _lead_names_as_mentions(article: Article, per_block: list[list[Mention]], aliases: Sequence[Mention]) -> None:
    """The subject's names where the lead sentence gives them ("Civic Action (Acción Cívica, AC) is a
    party established in 1941") are mentions of its block for the prose rules, where no other mention
    covers them (NER does not always see a name of two common words, "Civic Action"), and in place
    of an NER mention of the same span with NER's class or of the pieces NER cut it into."""
    for a in aliases:
        if a.source != "lead":
            continue
        for i, block in enumerate(article.blocks):
            if not block.start <= a.start < block.end:
                continue
            ms = per_block[i]
            same = [k for k, m in enumerate(ms) if (m.start, m.end) == (a.start, a.end) and m.source == "ner"]
            if same:  # "Acción Cívica" that NER took for a person: the subject's name, its class
                ms[same[0]] = a
                break
            # "Liga Obrera de Trabajadores Hai" that NER cut into "Liga Obrera" and "Hai": pieces of the
            # subject's name, no names of their own (a place inside it, "… de Tesk", stays a place)
            # (or a pattern's shorter name inside it: "Movimiento de Liberación Nacional" of "… – Varn")
            pieces = [
                m
                for m in ms
                if a.start <= m.start
                and m.end <= a.end
                and (m.source == "ner" or (m.source == "pattern" and m.end - m.start < a.end - a.start))
            ]
            # (a piece NER alone calls a place, "Centro Studi" of "Centro Studi Tesk", is no place)
            pieces = [m for m in pieces if not _inner_place(m)] if not _SEVERAL.search(a.text) else []
            # "Yusuf ibn Yaqub ibn Ibrahim": the father's and forefathers' names are people of their own
            pieces = [m for m in pieces if not _PATRONYMIC.search(article.text, a.start, m.start)]
            if pieces:
                ms[:] = [m for m in ms if m not in pieces]
            if not any(m.start < a.end and a.start < m.end for m in ms):
                ms.append(a)
                ms.sort(key=lambda m: (m.start, m.end))
            break


def _inner_place(m: Mention) -> bool:
    return group_of(m.cls) == "Place" and (m.source != "ner" or gazetteer().lookup(m.text) is not None)


_PATRONYMIC = re.compile(r"\b(?:ibn|bin|bint|binti|ben|son of|daughter of)\s+$")
_SEVERAL = re.compile(r"\s(?:and|or|&)\s|[/:;,]")  # "Wedding Trough and The Pig Movie": names, not one name


def _bare(name: str) -> str:
    """A name without a trailing bracket, case-folded: "Tesk Armed Forces (TAF)" → "tesk armed forces"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).casefold()


_STYLE = re.compile(r"(?:Lord|Lady)\s+(?P<name>[A-Z][\w'-]+)")
_PEERAGE = re.compile(rf",\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:{alternation('peerage_titles')})\s+(?:of\s+)?")


def _peer_style_pairs(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """ "Lord Harwick" is the one peer of the article whose full name has that word as his surname
    or title: "Edmund Vane, 1st Viscount Harwick", "Alan Harwick, 1st Earl of Tewes"."""
    peers = {m.text: m for m in mentions if group_of(m.cls) == "Person" and _PEERAGE.search(m.text)}
    if not peers:
        return []
    out = []
    for m in mentions:
        style = _STYLE.fullmatch(m.text)
        if style is None or group_of(m.cls) not in ("Person", "Other"):
            continue
        word = style.group("name")
        found = [p for t, p in peers.items() if word in re.split(r"[\s,]+", t)]
        if len(found) == 1:
            out.append((found[0], m, "a peer's style"))
    return out


def _head_word_pairs(
    article: Article, subject: Mention, per_block: Sequence[Sequence[Mention]]
) -> list[tuple[Mention, Mention, str]]:
    """ "the Rising" in the article on the Harbour Rising: an event's last word, capitalised after
    "the", is the event itself."""
    words = subject.text.split()
    if group_of(subject.cls) != "Event" or len(words) < 2 or not words[-1][:1].isupper():
        return []
    return [
        (subject, m, "the subject's head word")
        for ms in per_block
        for m in ms
        if m.text == words[-1] and article.text[max(0, m.start - 4) : m.start].casefold() == "the "
    ]


def _middle_name_pairs(subject: Mention, per_block: Sequence[Sequence[Mention]]) -> list[tuple[Mention, Mention, str]]:
    """ "Kwame Nana Addo" in the article on Kwame Addo: a person's name with the subject's first and
    last names and middle names between them is the subject's full name.

    >>> s = Mention("d", 2, 12, "Kwame Addo", "Person", "title", True)
    >>> ms = [[Mention("d", 40, 55, "Kwame Nana Addo", "Person"), Mention("d", 60, 69, "Kwame Ofori", "Person")]]
    >>> [(b.text, why) for _, b, why in _middle_name_pairs(s, ms)]
    [('Kwame Nana Addo', "the subject's name with middle names")]
    """
    words = subject.text.split()
    if subject.cls != "Person" or len(words) != 2:
        return []
    out = []
    for ms in per_block:
        for m in ms:
            parts = m.text.split()
            if m.cls != "Person" or not 3 <= len(parts) <= 4 or not all(p[:1].isupper() for p in parts):
                continue
            if parts[0] == words[0] and parts[-1] == words[-1]:
                out.append((subject, m, "the subject's name with middle names"))
    return out


def _lead_name(article: Article, subject: Mention) -> list[Mention]:
    """The subject's name where the lead spells it, as a mention of the subject (it may stand
    before another name of it: "The Harbour Revolt (Levantamiento), also known as …")."""
    if not article.blocks or not subject.text:
        return []
    first = article.blocks[0]
    at = article.text.find(subject.text, first.start, min(first.end, first.start + 200))
    if at < 0:
        return []
    return [Mention(article.stem, at, at + len(subject.text), subject.text, subject.cls, "lead", True)]


def _acronym_pairs(article: Article, found: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """``Long Name (LN)``: the bracketed acronym names the mention just before it;
    ``A, or B,``: B is another name of A."""
    out = []
    for a, b in pairwise(found):
        between = article.text[a.end : b.start]
        if _OR_NAME.search(between) and len(between) < 12 and article.text[b.end : b.end + 1] in (",", ")"):
            out.append((a, b, "another name given with 'or'"))
    for b in found:  # "RENACER, or National Renewal,": a capitalised name NER did not see
        hit = _CAPS_OR.search(article.text, max(0, b.start - 40), b.start)
        if hit and hit.end() == b.start and article.text[b.end : b.end + 1] in (",", ")"):
            name = Mention(article.stem, hit.start(1), hit.end(1), hit.group(1), b.cls, "acronym")
            if all(m.start != name.start for m in found):
                out.append((b, name, "another name given with 'or'"))
    for m in found:
        hit = _ACRONYM.match(article.text, m.end)
        if hit and hit.group(1).isupper() and hit.group(1) != m.text:
            acr = Mention(article.stem, hit.start(1), hit.end(1), hit.group(1), m.cls, "acronym")
            out.append((m, acr, "acronym in parentheses"))
    return out


def _see_also(article: Article, subject: Mention) -> list[Fact]:
    out = []
    for item in article.see_also:
        typed = typed_name(item.text, "ORG" if " " in item.text else "MISC")
        cls = typed[0] if typed and typed[1] != "ner" else "Other"
        obj = Mention(article.stem, item.start, item.end, item.text, cls, "see-also")
        ev = Evidence(article.stem, "See also", item.text, item.start, item.end, "see-also", confidence("see-also"))
        out.append(Fact(subject, "seeAlso", obj, ev))
    return out
