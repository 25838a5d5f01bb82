"""Names that name no thing (issue 14's fact-check): infobox placeholders ("Unknown", "N/A", "TBD",
"Various", "Mobile units", "Government claim"), a flag's or image's debris (a file name, "flag", a
size in pixels), a count ("~5,000", "300 fighters") and a job title written in lower case
("spokesperson", "chief executive"). No entity is made of them and no fact keeps one as its end.

>>> [junk_name(n) for n in ("Unknown", "N/A", "tbd", "Various", "Mobile units", "Government claim")]
[True, True, True, True, True, True]
>>> [junk_name(n) for n in ("Tesk_flag.svg", "Flag", "25px", "~5,000", "300 fighters", "5,000+ members")]
[True, True, True, True, True, True]
>>> junk_name("94,971 union representatives"), junk_name("1 May Movement"), junk_name("17 November")
(True, False, False)
>>> [junk_name(n, "Person") for n in ("spokesperson", "chief executive", "press officer")]
[True, True, True]
>>> junk_name("Unknown founders"), junk_name("Various militias")
(True, True)
>>> [junk_name(n) for n in ("Unknown Soldier Party", "30 September Movement", "Mobile Brigade", "Tesk Front")]
[False, False, False, False]
>>> junk_name("editor", "Other"), junk_name("Secretary", "Person")
(False, False)
>>> junk_name("March", "City"), junk_name("May 1940", "Place"), junk_name("Kurdish areas", "Place")
(True, True, True)
>>> junk_name("March", "Person"), junk_name("Tierra del Fuego", "Place"), junk_name("Korsk", "City")
(False, False, False)
>>> junk_name("Himself", "Person"), junk_name("Position established", "Person"), junk_name("New Party", "Other")
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.extract.lexicons import alternation, lexicon
from kg.model import Fact, Mention, TextValue
from kg.ontology import group_of

__all__ = ["debris_prefix", "junk_name", "no_party", "prose_alias", "rank_end", "without_junk"]

_PLACEHOLDER = re.compile(rf"^(?:{alternation('prec10_placeholder_words')})[.?]?$", re.I)
# "Unknown founders", "Various militias", "several commanders": a placeholder before a common noun
_VAGUE = re.compile(r"^(?i:unknown|various|several|unnamed|unidentified|many|numerous|other)\s+[a-z][a-z\s-]*$")
# "Government claim", "Rebel claims", "Tesk claim": whose figure it is, not a thing
_CLAIM = re.compile(r"^(?:[\w'’-]+\s+){0,2}(?:claims?|estimates?|figures?|sources?)$", re.I)
_FILE = re.compile(r"\.(?:svg|png|jpe?g|gif|tiff?|webp|bmp)\b", re.I)
_FLAG = re.compile(r"^(?:flag|flags|flag icon|icon|logo|image|seal|emblem|banner|coat of arms)$", re.I)
_SIZE = re.compile(r"^\d+\s*(?:x\s*\d+\s*)?px$|\b\d+\s*px\b", re.I)
_COUNT = re.compile(
    rf"^(?:~|≈|<|>|c\.|ca\.|approx\.?|about|around|over|under|at least|more than|up to|est\.)?\s*"
    rf"\d[\d,.]*\s*(?:\+|k|thousand|million)?(?:\s*[–-]\s*\d[\d,.]*\s*(?:\+|k|thousand|million)?)?"
    rf"(?:\s+(?:{alternation('prec10_count_nouns')}))?\s*(?:\([^()]*\))?$",
    re.I,
)
# a number with thousands or an estimate's word, then lower-case words: "94,971 union representatives",
# "~300 armed fighters" (not "2005 presidential elections", a year's event)
_COUNT_WORDS = re.compile(
    r"^(?:(?:~|≈|c\.|ca\.|approx\.?|about|around|over|some|est\.)\s*\d[\d,.]*|\d{1,3}(?:[,.]\d{3})+)\s*(?:\+|k)?"
    r"(?:\s+[a-z][a-z'’-]*){1,3}$"
)
_ROLE_HEAD = re.compile(rf"(?:^|\s)(?:{alternation('prec10_role_nouns')})$")
_MONTH = re.compile(
    r"^(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{3,4})?$"
)
# capitalised words before a lower-case noun: "Kurdish areas", "Tamil majority regions" (a description)
# (a landform's noun is a geographic name's: "Andean highlands" stays)
_DESCRIBED_PLACE = re.compile(
    r"^(?:[A-Z][\w'’-]*\s+)+(?:[a-z]+\s+)*(?:areas?|regions?|territor(?:y|ies)|lands|communit(?:y|ies)|villages|"
    r"towns|districts|provinces|zones|parts|populations?|neighbourhoods|neighborhoods|enclaves)$"
)
_NO_PARTY = re.compile(rf"^(?:{alternation('prec10_no_party_phrases')})$", re.I)
_SELF = re.compile(rf"^(?:{alternation('fc12.self_placeholders')})$", re.I)
# "Position established", "Legislature disestablished", "New office": an office's making or end, nobody
_OFFICE_CHANGE = re.compile(
    rf"^(?:(?:{alternation('fc12.office_change_nouns')})\s+(?:{alternation('fc12.office_change_verbs')})"
    r"|(?:new|newly)\s+(?:created\s+|established\s+)?(?:position|office|post|seat|title))$",
    re.I,
)
# a person field holding only an office's title: "Leader: President", "Chairman", "Deputy General Secretary"
_BARE_TITLE = re.compile(
    rf"^(?:(?:first|second|deputy|vice|acting|interim|general|supreme|chief)[\s-]+)*"
    rf"(?:{alternation('office_heads')}|{alternation('prec10_role_nouns')})(?:[\s-]+general)?$",
    re.I,
)
_ENTITY_GROUPS = ("Person", "Organization", "Place", "PoliticalParty", "ArmedGroup")


# an address's abbreviation with no vowel, cut off its words ("Bldg.", "Brgy.", "Blvd."): no place
_ABBREVIATION = re.compile(r"^[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-z]{2,4}\.?$")


# "(none) military", "none) military": the box says there is none, then why
_NONE_BRACKET = re.compile(r"^\(?(?:none|unknown|n/a)\)\s", re.I)
# "12 officers of the Tesk Navy", "300 soldiers of the Tesk Army": a count of a body's people
_COUNT_OF = re.compile(r"^\d[\d,.]*\s+(?:[a-z][a-z'’-]*\s+){1,2}of\s+(?:the\s+)?[A-Z]")


@cache
def _ranks() -> frozenset[str]:
    from kg.extract.tables import load_tsv

    rows = load_tsv("person_titles.tsv")
    return frozenset(w.strip().casefold() for w, kind in rows if kind.strip() == "military") | _RANK_ABBREVIATIONS


def _bare_title(name: str) -> bool:
    """A military rank with no name after it ("Gen", "Maj.-Gen", "Col."): what is left of an empty slot."""
    words = [w for w in re.split(r"[\s.-]+", name) if w]
    return 0 < len(words) <= 3 and all(w.casefold() in _ranks() for w in words)


_RANK_ABBREVIATIONS = frozenset(lexicon("fc19.rank_abbreviations"))


def junk_name(name: str, cls: str = "Other") -> bool:
    """True when ``name`` (of class ``cls``) names no thing: a placeholder, image debris, a count,
    or (for a person, organisation or place) a job title in lower case."""
    name = name.strip(" \t*•·,;:")
    if not name:
        return True
    if _PLACEHOLDER.match(name) or _VAGUE.match(name) or _CLAIM.match(name) or _FILE.search(name) or _FLAG.match(name):
        return True
    if _SIZE.search(name) or _COUNT.match(name) or _COUNT_WORDS.match(name) or _SELF.match(name):
        return True
    if _OFFICE_CHANGE.match(name) or _NONE_BRACKET.match(name) or _COUNT_OF.match(name) or _bare_title(name):
        return True  # "Position established", "(none) military", "12 officers of the Navy", "Maj.-Gen"
    if ";" in name and all(junk_name(part, cls) for part in name.split(";")):
        return True  # "Position abolished; Himself": two placeholders
    if group_of(cls) == "Place" and (_MONTH.match(name) or _DESCRIBED_PLACE.match(name) or _ABBREVIATION.match(name)):
        return True  # "Birth Place: March 1940, …"; "Area: Kurdish areas"; "Brgy. West Triangle": "Brgy"
    if cls in _ENTITY_GROUPS or group_of(cls) in _ENTITY_GROUPS:
        return name == name.lower() and bool(_ROLE_HEAD.search(name))
    return False


# a flag template's word or an image file before a name: "flag Tesk Army", "flagicon Ana Roe",
# "Flag of Tesk.svg Tesk government"
_DEBRIS_PREFIX = re.compile(
    r"(?:(?:flag|flagicon|flagdeco|flagcountry|flagu|icon)\s+|[^,\n]*?\.(?:svg|png|jpe?g|gif|webp|tiff?)\s+)(?=\S)"
)


def debris_prefix(text: str, start: int, end: int) -> int:
    """Where a name starts after a flag template's word or an image file's name before it.

    >>> t = "Flag of Tesk.svg Tesk government"
    >>> t[debris_prefix(t, 0, len(t)):], "flagicon Ana Roe"[debris_prefix("flagicon Ana Roe", 0, 16):]
    ('Tesk government', 'Ana Roe')
    >>> debris_prefix("Flag Party", 0, 10)
    0
    """
    m = _DEBRIS_PREFIX.match(text, start, end)
    return m.end() if m is not None else start


def no_party(name: str) -> bool:
    """A party value that names a form of rule, not a party: "Martial law", "Military rule".

    >>> no_party("Martial law"), no_party("Military"), no_party("Military Party of Tesk")
    (True, True, False)
    """
    return bool(_NO_PARTY.match(name.strip()))


def _bad(node: object, text: str = "") -> bool:
    if not isinstance(node, Mention) or node.subject or node.source == "title":
        return False
    if node.source == "infobox" and group_of(node.cls) == "Person" and _BARE_TITLE.match(node.text.strip()):
        return True  # "Leader: President", "Key people: Chairman": the office, not its holder
    return junk_name(node.text, node.cls) or _mobile(node, text)


def _mobile(m: Mention, text: str) -> bool:
    """ "Headquarters: Mobile": a group on the move, no town; "Mobile, Alabama" (a town and its
    state after it) stays."""
    if m.text.strip().casefold() != "mobile" or not text:
        return False
    return re.match(r",\s*[A-Z]", text[m.end : m.end + 3]) is None


def _placeholder_value(f: Fact) -> bool:
    """A literal that is a placeholder ("Position: Unknown", "Leader: Unknown" kept as the box's value)."""
    text = f.object.text.strip(" .") if isinstance(f.object, TextValue) else ""
    return bool(text) and bool(_PLACEHOLDER.match(text) or _VAGUE.match(text))


_VANISHED = re.compile(r"\b(?:disappear(?:ed|ance)?|vanish(?:ed)?|went missing|missing|forcibly disappeared)\b", re.I)
_DIED = re.compile(r"\b(?:died|dies|killed|executed|murdered|assassinated|death|dead|body was found)\b", re.I)


def _disappearance(f: Fact) -> bool:
    """A death date whose line or sentence speaks of a disappearance and of no death ("Death Date: 1977
    (disappeared)", "(1940 – disappeared 1977)"): a disappearance is not a death."""
    if f.relation not in ("deathDate", "deathPlace"):
        return False
    text = re.sub(r"^-\s*[^:\n]*:\s*", "", f.evidence.sentence)  # an infobox line without its key
    return bool(_VANISHED.search(text)) and not _DIED.search(text)


def without_junk(
    facts: Sequence[Fact], mentions: Sequence[Mention], text: str = ""
) -> tuple[list[Fact], list[Mention]]:
    """The facts none of whose ends is a junk name, and the mentions that are no junk name; a party
    membership whose party names a form of rule goes too, and so does a death that was a disappearance.
    ``text``: the article's (a bare "Mobile" is a placeholder unless a state or country follows it)."""
    kept = [
        f
        for f in facts
        if not (_bad(f.subject, text) or _bad(f.object, text) or _placeholder_value(f) or _disappearance(f))
        and not (f.relation == "memberOfParty" and isinstance(f.object, Mention) and no_party(f.object.text))
    ]
    used = {id(n) for f in kept for n in (f.subject, f.object)}
    dropped = {id(n) for f in facts for n in (f.subject, f.object)} - used
    out = [m for m in mentions if not _bad(m, text) and not (id(m) in dropped and no_party(m.text))]
    return kept, out


_NAME_WORDS = lexicon("shape10_name_words") - {"the"}  # "Alexander the Great" holds one, "X in the Y" two


def prose_alias(text: str) -> bool:
    """An item of an "Other names" list that is a piece of a sentence, no name: it opens with a
    lower-case word or a number, holds a sentence's end, or two lower-case words no name holds
    ("23 aliases wrote that Ana Roe used", "one of them was Eva Sol. In Tesk she used").

    >>> prose_alias("Esahislau Rivera"), prose_alias("Frente de Libertação de Moçambique")
    (False, False)
    >>> prose_alias("23 aliases wrote that Ana Roe used"), prose_alias("one of them was Eva Sol. In Tesk he")
    (True, True)
    """
    words = text.split()
    if not words or not (words[0][:1].isupper() or words[0][:1] in "\"“'«") or re.search(r"[a-z)]\.\s+[A-Z]", text):
        return True
    return sum(1 for w in words if w.islower() and w not in _NAME_WORDS) >= 2


def rank_end(name: str) -> int:
    """Where a name starts after the English military ranks before it ("Lt.-Col. Ana Roe", "Master Sergeant
    Ana Roe", ``fc19.rank_abbreviations``); 0 when none, or when fewer than two words would stay ("Gen. Roe"
    keeps its rank). A rank of another language may begin a nom de guerre ("Capitán Insurgente X"): kept.

    >>> [n[rank_end(n):] for n in ("Lt.-Col. Ana Roe", "Master Sergeant Ana Roe", "King Ana II", "Gen. Roe")]
    ['Ana Roe', 'Ana Roe', 'King Ana II', 'Gen. Roe']
    >>> "Capitán Insurgente Roe"[rank_end("Capitán Insurgente Roe"):]
    'Capitán Insurgente Roe'
    """
    at = 0
    for m in re.finditer(r"\S+\s+", name):
        parts = [p for p in re.split(r"[.-]", m.group().strip()) if p]
        if m.start() != at or not parts or not all(p.casefold() in _RANK_ABBREVIATIONS for p in parts):
            break
        at = m.end()
    return at if at and len(name[at:].split()) >= 2 else 0
