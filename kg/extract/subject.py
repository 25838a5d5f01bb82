"""The article's own subject: its class and the other names the lead gives it.

The class comes, strongest first, from the head noun of the defining
sentence ("X is a Valdoran nationalist *movement*", table ``head_nouns.tsv``),
from infobox keys that only some kinds of thing carry (``Born`` → Person; the
lexicons ``person_infobox_keys``, ``event_infobox_keys``, ``organisation_infobox_keys``),
and from the title's own words. Aliases come from the subject phrase of that
sentence and the parenthesis after it ("X (Spanish name, also known as Y)").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.dates import parse_date
from kg.documents.model import Article
from kg.extract.entities import clean_span
from kg.extract.lexicons import alternation, lexicon
from kg.extract.tables import head_nouns, keyword_class
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["blank_parentheses", "find_subject", "lead_class", "lead_sentence", "title_name"]

_PERSON_KEYS = lexicon("person_infobox_keys")
_ORG_KEYS = lexicon("organisation_infobox_keys")
_EVENT_KEYS = lexicon("event_infobox_keys")
_ALIAS_LEAD = re.compile(
    rf"^(?:(?:and|or)\s+)?(?:(?:{alternation('lead_alias_adverbs')})\s+)*"
    r"(?:(?:(?:referred\s+to|known|called|named|abbreviated|styled|translated|rendered)\s+as|called|named|abbreviated"
    r"|abbr\.|or|as|short\s+for|code-?\s?named|(?:full|official|formal)\s+name:?"
    r"|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+for)\s+)+",  # "(Italian for "New Dawn", full name …)"
    re.I,
)
_LANGUAGE_LABEL = re.compile(r"\s*[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+){0,2}:\s+")
_SKIP_SEGMENT = re.compile(r"\b(born|died|née|b\.|d\.|c\.|listen|pronounced|lit\.|literally)\b|\d", re.I)
# a bracket of life dates names no alias at all: "(born 1950)", "(c. 1850 – 1900)", "(née Roe)"
_LIFE_WORDS = re.compile(r"\b(born|died|née|b\.|d\.|c\.)(?!\w)", re.I)
# an acronym may hold digits ("G30S", "M-19"): a segment that is one, after its lead words, is a name
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")


def blank_parentheses(text: str) -> str:
    """``text`` with every bracketed aside replaced by spaces (offsets unchanged), for a cleaner parse.

    >>> blank_parentheses("X (also Y) is a party.")
    'X          is a party.'
    """
    out = list(text)
    depth = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        if depth:
            out[i] = " "
        if c == ")" and depth:
            depth -= 1
    return "".join(out)


def lead_sentence(paragraph: str) -> str | None:
    """The first sentence of a paragraph with its brackets blanked, when it has brackets (else None:
    the paragraph's own parse will do). A prefix of the paragraph, so offsets match.

    >>> lead_sentence("X (born 1950) is a poet. He wrote.")
    'X             is a poet.'
    >>> lead_sentence("X is a poet.") is None
    True
    """
    blanked = blank_parentheses(paragraph)
    end = re.search(r"[.!?](?=\s+[A-Z\"“]|\s*$)", blanked)
    first = blanked[: end.end()] if end else blanked
    return first if "(" in paragraph[: len(first)] else None


def title_name(title: str) -> str:
    """The title without a trailing disambiguation in brackets.

    >>> title_name("Willi Schneider (skeleton racer)")
    'Willi Schneider'
    """
    return re.sub(r"\s*\([^)]*\)\s*$", "", title).strip() or title


_LIFE_BRACKET = re.compile(
    r"\(\s*(?:born|b\.)\s|\([^()]*?\b\d{3,4}\b[^()]*?(?:\s*[–—]\s*|\s-\s)[^()]*?\b\d{3,4}\b[^()]*\)"
)


def lead_class(doc: Doc | None, raw: str = "") -> str | None:
    """Class named by the head noun of the first sentence's predicate ("… is a political party",
    "… was an American sociologist and college administrator"); a person when the sentence opens
    with life dates in brackets and no predicate noun says otherwise. ``raw``: the paragraph
    before its brackets were blanked out.

    >>> lead_class(None, "Ana Roe (3 May 1901 – 9 June 1975) was a Chilean weaver.")
    'Person'
    """
    if doc is None:
        return "Person" if _LIFE_BRACKET.search(raw[:300]) else None
    sents = list(doc.sents)
    if not sents:
        return None
    sent = sents[0]
    head = raw[sent.start_char : sent.end_char] if raw else sent.text
    table = head_nouns()
    for tok in sent:
        if tok.lemma_ == "be" and tok.dep_ in ("ROOT", "conj"):
            for child in tok.children:
                if child.dep_ in ("attr", "acomp"):
                    # the predicate noun, its conjuncts, then the nouns that qualify it
                    # ("a sociologist and college administrator", "a defense contractor")
                    cands = [child, *child.conjuncts]
                    cands += [
                        c for x in cands for c in x.children if c.dep_ in ("nmod", "compound") and c.pos_ == "NOUN"
                    ]
                    for cand in cands:
                        cls = table.get(cand.lemma_.casefold()) or table.get(cand.text.casefold())
                        if cls:
                            return cls
            break
    # no telling predicate noun: "(1782 Havana – 15 August 1836 Madrid)" after the name is a life
    return "Person" if _LIFE_BRACKET.search(head) or _LIFE_BRACKET.search(sent.text) else None


def _infobox_class(article: Article) -> str | None:
    keys = {f.key.casefold() for f in article.infobox}
    if keys & _PERSON_KEYS:
        return "Person"
    if keys & _EVENT_KEYS:
        return "Event"
    if keys & _ORG_KEYS:
        return "Organization"
    return None


def _title_class(name: str) -> str | None:
    """The class a title's words give: a country's or region's name, else its keyword; a sentence-case
    title's lower-case last word that names an event is its head ("Tesk Polytechnic uprising")."""
    place = gazetteer().lookup(name)
    if place is not None and place.kind in ("country", "region"):
        return {"country": "Country", "region": "AdministrativeRegion"}[place.kind]
    last = name.split()[-1] if name.split() else ""
    if last.islower() and group_of(head_nouns().get(last, "Other")) == "Event" and len(name.split()) > 1:
        return head_nouns()[last]
    return keyword_class(name)


def _subject_phrase(doc: Doc) -> Span | None:
    sents = list(doc.sents)
    if not sents:
        return None
    for tok in sents[0]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
            span = [t.i for t in tok.subtree if not t.is_space]
            return doc[min(span) : max(span) + 1]
    return None


def find_subject(article: Article, lead: Doc | None) -> tuple[Mention, list[Mention]]:
    """(the subject mention, alias mentions) of an article.

    ``lead`` is the first paragraph annotated with its brackets blanked out
    (:func:`blank_parentheses`), so offsets match the paragraph's text.
    """
    name = title_name(article.title)
    start = article.title_start if article.title_start >= 0 else article.text.find(article.title)
    if start < 0:  # a title from the file name that the text never spells: a name at no offset
        start, name_end = 0, 0
    else:
        name_end = start + len(name)
    cls_head = lead_class(lead, article.blocks[0].text if article.blocks else "")
    cls_box = _infobox_class(article)
    cls_title = _title_class(name)
    if cls_head == "Person" and cls_title not in (None, "Person") and lead_class(lead) is None:
        cls_head = None  # "The Weimar Republic (1918–1933) was …": dates in a bracket, but a state's name
    cls = cls_head or cls_title or cls_box or "Other"
    if cls_box == "Person" and cls_head not in (None, "Person"):
        cls = "Person"
    if cls_head and cls_title and cls_head in ("Organization", "Other"):
        cls = cls_title
    subject = Mention(article.stem, start, name_end, name, cls, "title", True)
    aliases = _name_line_aliases(article, name, cls)
    if lead is not None and article.blocks:
        base = article.blocks[0].start
        para = article.blocks[0].text
        phrase = _subject_phrase(lead)
        if phrase is not None:
            p_start, p_end = phrase.start_char, phrase.end_char
            dash = _DASH_TAIL.match(para, p_end) if para[p_start:p_end].rstrip().endswith(("–", "—")) else None
            if dash is not None:  # "The National Liberation Movement – Tupamaros (…)": the parser cut at the dash
                p_end = dash.end()
            elif (dash := _DASH_AFTER.match(para, p_end)) is not None and (
                para.startswith("(", dash.end()) or para[p_start:dash.end()].endswith(name)
            ):
                p_end = dash.end()  # the parser cut before the dash: "… – Varn (…)" or the title's own dashed name
            s, e = clean_span(lead.text, p_start, p_end)
            text = para[s:e]
            if text and len(text.split()) <= 8 and not text.islower():
                aliases.append(Mention(article.stem, base + s, base + e, text, cls, "lead", True))
            for at in _name_brackets(para, p_start, p_end):
                aliases.extend(_parenthesis_aliases(article.stem, para, at, base, cls))
        elif (after := _title_in_lead(para, name)) is not None:  # no parse of a subject: the title's own bracket
            aliases.extend(_parenthesis_aliases(article.stem, para, after, base, cls))
    return subject, aliases


_DASH_TAIL = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_DASH_AFTER = re.compile(r"\s+[–—]\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=\s*\(|\s)")


def _title_in_lead(para: str, name: str) -> int | None:
    """End of the title's name where the lead's first sentence opens with it ("The Zapatista Army of
    National Liberation (…)"), or None."""
    m = re.match(rf"\s*(?:The\s+)?{re.escape(name)}(?=\s*\()", para)
    return m.end() if m else None


def _name_brackets(text: str, start: int, end: int) -> list[int]:
    """Where a bracket of other names opens right after a name of the subject, inside the subject
    phrase or at its end: "The Union - Army (Unión Ejército, U-A), also known as the Army - Union
    (Ejército - Unión, A-U), and originally called the Army (A)" gives one after each of its names.
    A bracket counts after words that give another name ("also known as", "called", "or"), or as
    the phrase's first bracket right after its first name; a name joined on ("… (U) and the League
    (L) were", "X and its rival, the League (L), were") keeps its own."""
    out, depth, closed = [], 0, start
    for i in range(start, end + 1):
        at_end = i == end
        if at_end or text[i] == "(":
            if at_end and not re.match(r"\s*\(", text[end:]):
                break
            before = text[closed:i]
            first = closed == start and not _JOINED.search(before)
            if depth == 0 and before.rstrip()[-1:].isalnum() and (first or _NAMING.search(before)):
                out.append(len(text[:i].rstrip()))
            depth += 1
        elif text[i] == ")":
            depth = max(0, depth - 1)
            if depth == 0:
                closed = i + 1
    return out


_NAMING = re.compile(
    rf"\b(?:known|called|named|styled|referred|abbreviated|or|simply|initially|{alternation('lead_alias_adverbs')})\b",
    re.I,
)
_JOINED = re.compile(r",\s|\s(?:and|with)\s+(?:the|its|his|her|their|a|an)\b", re.I)


_TEMPLATE_WORD = re.compile(r"(?i)(?:infobox|template|taxobox|navbox)(?:[\s:_].*)?")


_PARAMETER_TAIL = re.compile(r"\s*\|\s*[\w-]+\s*=.*$")


def _name_line_aliases(article: Article, name: str, cls: str) -> list[Mention]:
    """The names on the lines between the title and the infobox ("Movement for Socialism,
    Movimiento al Socialismo"): other names of the subject, except the title itself and a
    place's name (a party called after its country is not the country)."""
    out = []
    seen = {name.casefold()}
    for n in article.names:
        text = _PARAMETER_TAIL.sub("", n.text)  # "Ana Roe | honorific-suffix =": a template parameter left
        if not text or text.casefold() in seen or gazetteer().lookup(text) or _TEMPLATE_WORD.fullmatch(text):
            continue  # "Infobox", "Infobox military conflict": the template's name left in the page
        seen.add(text.casefold())
        out.append(Mention(article.stem, n.start, n.start + len(text), text, cls, "lead", True))
    return out


def _parenthesis_aliases(stem: str, text: str, after: int, base: int, cls: str) -> list[Mention]:
    """Other names in the bracket right after ``after``: "(Spanish: X, abbr. XY; also known as Z, from …,
    and unofficially as W)". A bracket of life dates names none; in others a segment with a date or a
    number, a pronunciation or a literal translation is skipped, the rest kept (an acronym may hold digits)."""
    m = re.match(r"\s*\(([^()]*)\)", text[after:])
    if not m:
        return []
    inner_start = after + m.start(1)
    if _LIFE_WORDS.search(m.group(1)):
        return []  # a bracket of life dates names no alias (a date among names is skipped below)
    out = []
    for seg in re.finditer(r"[^,;]+", m.group(1)):
        s0 = inner_start + seg.start()
        piece = seg.group()
        language = _LANGUAGE_LABEL.match(piece)  # "Northern Sami: Gironvárri": the name, not the language
        if language:
            s0, piece = s0 + language.end(), piece[language.end() :]
        lead = _ALIAS_LEAD.match(piece.strip())
        offset = piece.index(piece.strip()) + (lead.end() if lead else 0)
        s, e = clean_span(text, s0 + offset, s0 + len(piece))
        alias = text[s:e]
        for part in re.split(r"\s+or\s+", alias):
            part = part.strip(" \"“”'‘’")
            acronym = _ACRONYM.fullmatch(part) is not None and (sum(c.isupper() for c in part) >= 2 or "-" in part)
            if not part or (_SKIP_SEGMENT.search(part) and not acronym) or not part[0].isupper():
                continue
            if parse_date(part) is not None or gazetteer().lookup(part) is not None:
                continue
            ps = text.index(part, s)
            out.append(Mention(stem, base + ps, base + ps + len(part), part, cls, "lead", True))
    return out
