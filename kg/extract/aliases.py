"""Other names the prose gives a thing, right after its name.

- in brackets: "Kristiania (now Oslo)", "the Political Bureau (Politburo)", "the Sappy Records Music
  Festival (or SappyFest)", "Chūkyō Metropolitan Area (Nagoya Metropolitan Area)";
- after a comma: "Antônio Francisco Lisboa, otherwise known as Aleijadinho", "the 24th Infantry
  Division, which was also called the Hawaiian Division", "Sangamon State University, later renamed
  the University of Illinois Springfield", "Mao Zedong, also spelled Mao Tse-tung";
- a renaming: "the Dock Union changed its name to the Harbour Workers' Union" (two organisations' names).

Each pair becomes a same-as hint with the words that state it, so the merge is explainable. A
bracket with no words before the second name ("Springfield (Illinois)", "Smith (Labour)") is more
often a place or a party that tells two things apart than another name: it counts only between two
names of the same kind, neither of them a gazetteer place (a region, country or town in brackets
is where the first thing is). Two different gazetteer places ("Breslau, Germany (now Wrocław)",
"Prussia (now Poland)") are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from kg.extract.lexicons import alternation, lexicon
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

__all__ = ["alias_pairs", "opening_alias_pairs"]

_ANOTHER = rf"(?:(?:{alternation('alias_adverbs')})\s+){{0,2}}"  # "also formerly known as"
_KNOWN = (
    rf"{_ANOTHER}(?:known|called|referred\s+to|styled)\s+(?:locally\s+|today\s+|simply\s+|in\s+[A-Z][a-z]+\s+)?as\s+"
    rf"|{_ANOTHER}called\s+|or\s+simply\s+"
    rf"|{_ANOTHER}(?:spelled|spelt|transliterated|romani[sz]ed|written)\s+(?:in\s+[A-Z][a-z]+\s+)?(?:as\s+)?"
)
_RENAMED = (  # "renamed later that same year as"
    r"(?:(?:later|subsequently|eventually|officially|since)\s+)?renamed\s+"
    r"(?:(?:in\s+\d{4}|later(?:\s+that\s+(?:same\s+)?year)?|the\s+following\s+year)\s+)?(?:as\s+|to\s+)?"
)
# "(Spanish: Consejo Obrero)", "(in Spanish: …)": the name in another language
_LANGUAGE_LABEL = r"(?-i:(?:in\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?:)"
# the Arabic article a name may open with, cut off the name NER found: "also known as the al-Fateh Revolution"
_ARTICLE = r"(?-i:(?:a[dlnrstz]|el|ash|ath)-)?"
# words inside a bracket before the other name: "(now Oslo)", "(or SappyFest)", "(also known as X)"
_BRACKET = re.compile(  # after a quoted name too: '"The Movement" (El Movimiento)'
    r"[\"”]?\s*\(\s*(?P<words>(?:now|today|formerly|previously|originally|later|or|also|aka|a\.k\.a\.|"
    rf"then|present-day|modern|modern-day|{_KNOWN}|{_RENAMED}|{_LANGUAGE_LABEL})(?:\s*|\s+(?:the\s+)?))?(?:the\s+)?"
    rf"{_ARTICLE}(?P<quote>[\"“'‘])?$",  # "Lavalas ('Avalanche')": a quoted gloss of the name
    re.IGNORECASE,
)
# after a comma: "X, otherwise known as Y", "X, which was also called Y", "X (later renamed Y)"
_COMMA = re.compile(
    rf",\s+(?:(?:which|who)\s+(?:is|was|were|has\s+been|had\s+been)\s+|and\s+)?(?P<words>{_KNOWN}|{_RENAMED})"
    rf"(?:the\s+)?{_ARTICLE}$",
    re.IGNORECASE,
)
# "Roe was nicknamed "Tiro"", "the Front was commonly called the Blues": a nickname given in the sentence's verb
_PASSIVE_NAMED = re.compile(
    rf"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?P<words>(?:{alternation('alias_adverbs')}\s+)?"
    r"(?:nicknamed|dubbed|known\s+as|called))\s+[\"“]$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:^|[.!?;]\s+|\n|,\s+)(?:the\s+)?$", re.IGNORECASE)
# a bracket (a native name, an acronym) between the name and its other name
_AFTER_BRACKET = re.compile(rf"\s*\([^()]{{1,100}}\),\s+(?P<words>{_KNOWN}|{_RENAMED})(?:the\s+)?$", re.IGNORECASE)
_PASSIVE_RENAMED = re.compile(
    rf"\s+(?:was|were|has\s+been|had\s+been)\s+(?P<words>{_RENAMED})(?:the\s+)?$", re.IGNORECASE
)
# "KAU changed its name to the Kenya … Union": a renaming the organisation did, the new name right after
_CHANGED = re.compile(
    r"\s+(?:(?:later|then|subsequently|eventually)\s+)?(?P<words>changed\s+(?:its|their)\s+name\s+to"
    r"|rebranded\s+(?:itself\s+)?(?:as|into)|renamed\s+itself(?:\s+as)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLOSE = (")", ",", ";", ".", " ")


def _organisation(m: Mention) -> bool:
    """An organisation's name, or an acronym NER gave another class ("KAU changed its name")."""
    return group_of(m.cls) == "Organization" or (
        m.source == "ner" and re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,7}", m.text) is not None
    )


_IN_LANGUAGE = re.compile(r"\bknown\s+in\s+$")


def _in_language(text: str, m: Mention) -> bool:
    """The language or place in "known in Thai as X" or "(Spanish: X)" (not a name of the thing)."""
    if text.startswith(":", m.end) and re.search(r"\((?:in\s+)?$", text[max(0, m.start - 4) : m.start]):
        return True
    return text.startswith(" as ", m.end) and _IN_LANGUAGE.search(text, max(0, m.start - 12), m.start) is not None


_COALITION_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon("coalition_before_words"))) + r")\s+(?:with|between|of)\s+[^.;()]*$"
)
_PLACE_CONTAINERS = {"Country", "AdministrativeRegion", "Continent"}


def _gazetteer_record(m: Mention) -> tuple[str, str] | None:
    place = gazetteer().lookup(m.text) if group_of(m.cls) == "Place" else None
    return (place.kind, place.name) if place is not None else None


_QUALIFIERS = lexicon("dup11.place_qualifiers")


def _qualified(a: str, b: str) -> bool:
    """ "West Papua" and "Papua": one name is the other with a word of place before it, another place."""
    wa, wb = a.casefold().split(), b.casefold().split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return len(long) == len(short) + 1 and long[1:] == short and long[0] in _QUALIFIERS


def _compatible(a: Mention, b: Mention, stated: bool) -> bool:
    """Two names the text says are one thing: same broad class, or NER's guess on one side; never
    two different gazetteer places, nor a place and the same name with a word of place before it
    ("West Papua, formerly known as Papua": ``dup11.place_qualifiers``). An unworded bracket needs
    the same broad class and no gazetteer place (it usually says where the first thing is)."""
    ga, gb = group_of(a.cls), group_of(b.cls)
    ra, rb = _gazetteer_record(a), _gazetteer_record(b)
    if ra is not None and rb is not None and ra != rb:
        return False
    if _qualified(a.text, b.text) and "Place" in (ga, gb):
        return False
    if not stated:
        return ga == gb and rb is None and b.cls not in _PLACE_CONTAINERS and a.cls not in _PLACE_CONTAINERS
    return ga == gb or a.source == "ner" or b.source == "ner"  # the words say it; NER's class may not


def alias_pairs(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """Same-as pairs for names the text gives as other names of the name just before them.

    >>> text = "He died in Kristiania (now Oslo). The Varn Corps, also known as Blue Coats, left."
    >>> ms = [Mention("d", 11, 21, "Kristiania", "City"), Mention("d", 27, 31, "Oslo", "City"),
    ...       Mention("d", 34, 48, "The Varn Corps", "MilitaryUnit"), Mention("d", 64, 74, "Blue Coats", "Other")]
    >>> for a, b, why in alias_pairs(text, ms):
    ...     print(a.text, "=", b.text, "|", why)
    Kristiania = Oslo | another name: '(now'
    The Varn Corps = Blue Coats | another name: ', also known as'
    """
    out: list[tuple[Mention, Mention, str]] = []
    # the language a name is given in ("known in Thai as X") is no name in the chain of names
    ordered = sorted((m for m in mentions if not _in_language(text, m)), key=lambda m: (m.start, m.end))
    ends = {m.end: m for m in ordered}
    starts: list[tuple[Mention, Mention]] = []  # (a name, the first of a list of its former names)
    for b in ordered:  # "The Easter Rising (Éirí Amach na Cásca), also known as the Easter Rebellion,"
        hit = _AFTER_BRACKET.search(text, max(0, b.start - 140), b.start)
        if hit is None or hit.end() != b.start or text[b.end : b.end + 1] not in _CLOSE:
            continue
        a = ends.get(hit.start())
        if (
            a is not None
            and a is not b
            and a.text != b.text
            and not (a.subject and b.subject)
            and _compatible(a, b, True)
        ):
            out.append((a, b, f"another name: {hit.group('words').strip()!r}"))
    for a, b in pairwise(_outermost(ordered)):
        between = text[a.end : b.start]
        if len(between) > 48 or "\n" in between or a.text == b.text or (a.subject and b.subject):
            continue
        after = text[b.end : b.end + 1]
        hit = _BRACKET.fullmatch(between)
        if hit is not None and hit.group("quote") and after in "'’\"”":
            after = text[b.end + 1 : b.end + 2]  # the gloss's closing quote, then the bracket's end
        if hit is not None:
            stated = bool(hit.group("words"))
            if after not in (")", ",", ";") or (not stated and re.match(r"\)\s*[A-Z]", text[b.end :])):
                continue  # "Jacqueline (Maranger) Desmarais": a maiden name inside the full name
        elif (changed := _CHANGED.fullmatch(between)) is not None:
            # the organisation renamed itself: both names of one organisation, whatever NER guessed
            org = "Organization" in (group_of(a.cls), group_of(b.cls))
            if (not after or after in _CLOSE) and org and _organisation(a) and _organisation(b):
                out.append((a, b, f"another name: {changed.group('words')!r}"))
            continue
        elif _apposed(text, a, b, between, ends):
            out.append((a, b, "another name: an apposition"))
            continue
        else:
            hit = _COMMA.fullmatch(between) or _PASSIVE_RENAMED.fullmatch(between)
            if hit is None and (hit := _PASSIVE_NAMED.fullmatch(between)) is not None:
                # the nickname in quotes, closed, of the sentence's subject ("… with Tesk was dubbed "X"": none)
                opens = _CLAUSE_START.search(text, max(0, a.start - 12), a.start) is not None
                after = "" if text[b.end : b.end + 1] in "\"”" and opens else "x"
            if hit is None or (after and after not in _CLOSE):
                continue
            if _COALITION_BEFORE.search(text, max(0, a.start - 120), a.start):
                continue  # "an alliance with X, called the Y": Y is the alliance's name, not X's
            stated = True
        nickname = hit is not None and hit.re is _PASSIVE_NAMED
        if hit is not None and _FORMER.search(hit.group("words") or ""):
            starts.append((a, b))
        if _compatible(a, b, stated) or (
            nickname and group_of(a.cls) == "Person" and group_of(b.cls) != "Person" and _gazetteer_record(b) is None
        ):  # a quoted nickname may be a work's title to the rules: the words say it names the person
            out.append((a, b, f"another name: {between.strip()!r}"))
    return out + _chained(text, ordered, out) + _former_list(text, _outermost(ordered), starts)


def _outermost(ordered: Sequence[Mention]) -> list[Mention]:
    """The mentions no longer one covers: "Paraguayan" inside "the 1989 Paraguayan coup" stands between
    no two names ("The 1989 Paraguayan coup, also known as La Noche, …" pairs the coup and La Noche)."""
    out: list[Mention] = []
    reach, reach_start = -1, -1  # the furthest end so far, and the first start that reached it
    for m in sorted(ordered, key=lambda m: (m.start, -m.end)):
        if not (reach > m.end or (reach == m.end and reach_start < m.start)):
            out.append(m)
        if m.end > reach:
            reach, reach_start = m.end, m.start
    return sorted(out, key=lambda m: (m.start, m.end))


_APPOSITION = re.compile(r",\s+the\s+")
_APPOSITION_END = re.compile(r",\s+(?:was|were|is|are|had|has|became)\b")
_LIST_BEFORE = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?$")


def _apposed(text: str, a: Mention, b: Mention, between: str, ends: dict[int, Mention]) -> bool:
    """ "In 1927 the Kingdom of Tesk, the Varn Kingdom, was ruled by …": a name set off by commas
    right after another name of the same class, the sentence going on with its verb, is another name
    of it. A list ("the Tesk Party, the Varn Party, and …"; "…, the Tesk Party, the Varn Party, were")
    and a name NER alone typed are not."""
    if not _APPOSITION.fullmatch(between) or not _APPOSITION_END.match(text, b.end):
        return False
    if a.cls != b.cls or "ner" in (a.source, b.source) or group_of(a.cls) not in ("Place", "Organization"):
        return False
    before = _LIST_BEFORE.search(text, max(0, a.start - 12), a.start)
    if before is not None and before.start() in ends:
        return False  # another name right before: a list
    ra, rb = _gazetteer_record(a), _gazetteer_record(b)
    return ra is None or rb is None or ra == rb


_OR = re.compile(r"\s+or\s+(?:the\s+)?")
_FORMER = re.compile(rf"\b(?:{alternation('dup11.former_names_adverbs')})\b", re.IGNORECASE)
_LIST_SEP = re.compile(r",\s+(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
_LIST_END = re.compile(r"\s*(?:[.;)]|$)")


def _former_list(
    text: str, ordered: Sequence[Mention], starts: Sequence[tuple[Mention, Mention]]
) -> list[tuple[Mention, Mention, str]]:
    """ "West Tesk, formerly known as Varnia, Lower Varn and New Varnia.": the names after a naming
    word of former names (``dup11.former_names_adverbs``) that run as a list, with "and" or "or"
    before its last, to the end of the sentence are all names of the first thing (each one of its
    kind, no other gazetteer place). The list's first name was paired (or refused) as it stands."""
    out: list[tuple[Mention, Mention, str]] = []
    nxt = dict(pairwise(ordered))
    for a, first in starts:
        items, last, joined = [], first, False
        while (c := nxt.get(last)) is not None:
            sep = _LIST_SEP.fullmatch(text[last.end : c.start])
            if sep is None:
                break
            joined = joined or bool(re.search(r"\b(?:and|or)\b", sep.group()))
            items.append(c)
            last = c
            if joined:
                break
        if not items or not joined or not _LIST_END.match(text, last.end):
            continue
        out.extend((a, c, "another name: a list of former names") for c in items if _compatible(a, c, True))
    return out


def _chained(
    text: str, ordered: Sequence[Mention], found: list[tuple[Mention, Mention, str]]
) -> list[tuple[Mention, Mention, str]]:
    """ "also known as the Xinhai Revolution or Hsinhai Revolution": a name right after an other name
    and "or" is one more other name of the same thing (same kind, no gazetteer place between them)."""
    named = {b: a for a, b, why in found if why.startswith("another name") and not why.endswith("'('")}
    out = []
    for a, b in pairwise(ordered):
        first = named.get(a)
        if first is None or not _OR.fullmatch(text[a.end : b.start]) or text[b.end : b.end + 1] not in _CLOSE:
            continue
        if _compatible(a, b, True) and group_of(a.cls) == group_of(b.cls):
            out.append((first, b, "another name: 'or'"))
            named[b] = first
    return out


_OPENING = re.compile(
    rf"(?:^|[.!?]\s+)(?i:{alternation('naming_adverbs')}|better|otherwise|popularly)\s+(?:known|called|referred\s+to)\s+"
    r"(?:in\s+[A-Z][a-z]+\s+)?as\s+(?:the\s+)?$"
)
_OPENING_AFTER = re.compile(  # "… (WUO) beginning in 1970, the group's goal": a year the name holds from
    rf"(?:\s*\([^()]{{0,120}}\))?(?:\s+(?:beginning|starting|from|since|until|in)\s+(?:in\s+)?\d{{4}})?"
    rf",\s+(?:it|they|the\s+(?:{alternation('organisation_nouns')}))\b",
    re.IGNORECASE,
)
_OPENING_OR = re.compile(r"(?:\s*\([^()]{0,120}\))?,?\s+or\s+(?:simply\s+|just\s+)?(?:the\s+)?")
_NATIVE = re.compile(r"\s*\(\s*([^()\d]{2,80}?)\s*\)")
# "Founded in 1927 by Ana Roe as the Tesk League (Liga Teskă), the movement …": the name it was founded under
_FOUNDED_AS = re.compile(
    r"(?:^|[.!?]\s+)(?:(?i:originally|initially|first)\s+)?(?i:founded|established|formed|created)\s+"
    r"(?:(?:in|on)\s+[^,.;()]{4,25}?\s+)?(?:by\s+[^,.;()]{3,60}?\s+)?as\s+(?:the\s+)?$"
)
# "Originally known as the Stormriders, or simply Stormrider, the group": the second name, the first unfound
_OPENING_SKIP = re.compile(
    rf"(?:^|[.!?]\s+)(?i:{alternation('naming_adverbs')}|better|otherwise|popularly)\s+(?:known|called)\s+as\s+"
    r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},?\s+or\s+(?:simply\s+|just\s+)?(?:the\s+)?$"
)


def opening_alias_pairs(text: str, mentions: Sequence[Mention], subject: Mention) -> list[tuple[Mention, Mention, str]]:
    """ "Also known as the Tarsk Front (…), it was created by …": a sentence that opens with another
    name and goes on about "it" (or "the group", "the party": ``organisation_nouns``) gives a name of the
    article's subject.

    >>> t = "The Varn League was a coalition. Also known as the Varn Front (Liga), it was formed in 1941."
    >>> subject = Mention("d", 4, 15, "Varn League", "Organization", "title", True)
    >>> front = Mention("d", 51, 61, "Varn Front", "Organization")
    >>> [(a.text, b.text) for a, b, _ in opening_alias_pairs(t, [front], subject)]
    [('Varn League', 'Varn Front')]
    """
    out = []
    starting = {m.start: m for m in sorted(mentions, key=lambda m: m.end)}
    for m in mentions:
        if m.subject or m.text == subject.text:
            continue
        opens = _OPENING.search(text, max(0, m.start - 40), m.start) or _FOUNDED_AS.search(
            text, max(0, m.start - 130), m.start
        )
        if not (opens or _OPENING_SKIP.search(text, max(0, m.start - 90), m.start)):
            continue
        names, last = [m], m
        # "Originally known as the Weathermen, or simply Weatherman, the group …": both names
        alt = _OPENING_OR.match(text, m.end)
        nxt = starting.get(alt.end()) if alt is not None else None
        if nxt is not None and not nxt.subject and nxt.text != subject.text:
            names, last = [m, nxt], nxt
        if not _OPENING_AFTER.match(text, last.end):
            continue
        for n in names:
            if group_of(n.cls) == group_of(subject.cls) or n.source == "ner":
                out.append((subject, n, "another name: 'also known as' before 'it'"))
                native = _NATIVE.match(text, n.end)  # "the Tesk League (Liga Teskă)": its native name too
                if native is None:
                    continue
                inner = starting.get(native.start(1))
                if inner is not None and inner.end == native.end(1) and not gazetteer().lookup(inner.text):
                    out.append((subject, inner, "another name: the native name of a name before 'it'"))
    return out
