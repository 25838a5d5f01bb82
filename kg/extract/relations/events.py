"""Events from sections: a heading that names something that happened becomes an Event.

A section is an event when its heading is a proper name (title case, not a generic heading
such as "History") and its text describes an event: an event word (``uprising``, ``siege``,
``occupy``… table ``event_words.tsv``) in the heading or the section. The event gets its
class from that word, and from the sentence that names it: a date (start, or point in time),
an end date from a later sentence that ends it ("surrendered on …"), its place, and its
participants (who led it, who did it; "the Roe brothers" is every Roe of the article). A name
given in quotes after "dubbed" / "known as" is an alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.dates import MONTH_NAMES
from kg.documents.model import Article, Section
from kg.extract.confidences import confidence
from kg.extract.lexicons import alternation, lexicon
from kg.extract.relations.base import MEMBER_NOUNS, Sentences
from kg.extract.tables import check_class, load_tsv
from kg.model import DateValue, Fact, Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["EventFindings", "armed_forces_in_conflicts", "event_words", "name_year_facts", "section_events"]

_END_VERBS = lexicon("war_end_verbs")
_NAMING = re.compile(rf"\b(?:{alternation('naming_words')})\s+[\"“]([^\"”]{{2,60}})[\"”]")
_SMALL = lexicon("event_name_small_words")


@cache
def event_words() -> dict[str, str]:
    """Event word (lemma) → event class."""
    return {k.strip(): check_class(v, "kg/data/event_words.tsv") for k, v in load_tsv("event_words.tsv")}


@cache
def _generic() -> frozenset[str]:
    return frozenset(k.strip().casefold() for k, _ in load_tsv("generic_headings.tsv"))


@dataclass(frozen=True)
class EventFindings:
    """Event mentions, their facts, and aliases (same-as pairs) found in an article's sections."""

    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    same_as: tuple[tuple[Mention, Mention, str], ...]


def _is_name(title: str) -> bool:
    words = title.split()
    return (
        bool(words)
        and all(w[:1].isupper() or w.casefold() in _SMALL for w in words)
        and (title.casefold() not in _generic())
    )


def _trigger(sent: Span) -> str | None:
    table = event_words()
    for tok in sent:
        cls = table.get(tok.lemma_.casefold())
        if cls and tok.pos_ in ("NOUN", "VERB", "PROPN"):
            return cls
    return None


def section_events(article: Article, ctxs: Sequence[Sentences]) -> EventFindings:
    """Events named by the article's section headings, with what their sections say of them."""
    mentions: list[Mention] = []
    facts: list[Fact] = []
    same_as: list[tuple[Mention, Mention, str]] = []
    for section in article.sections:
        if section.level < 2 or not _is_name(section.title):
            continue
        own = [c for c in ctxs if c.block.section == section.path and c.block.kind == "paragraph"]
        if not own:
            continue
        found = _event_of(article, section, own)
        if found is None:
            continue
        event, sent, ctx = found
        mentions.append(event)
        place = _named_place(event, own)
        if place is not None:
            mentions.append(place)
        facts.extend(_event_facts(event, sent, ctx, own, place))
        for c in own:
            for m in _NAMING.finditer(c.block.text):
                alias = Mention(
                    article.stem, c.block.start + m.start(1), c.block.start + m.end(1), m.group(1), event.cls, "pattern"
                )
                mentions.append(alias)
                same_as.append((event, alias, "name given in the event's section"))
    return EventFindings(tuple(mentions), tuple(facts), tuple(same_as))


def _used_as_name(title: str, own: Sequence[Sentences]) -> bool:
    """True when the section's text itself uses a heading without an event word as a proper name
    ("an action dubbed 'El Tesklazo'"), capitalised in mid-sentence: "Registration",
    "Imprisonment", "Formation" are parts of a life or a party's history, written lowercase in the
    text if at all, and no events."""
    pat = re.compile(r"\b" + re.escape(title) + r"\b")
    for ctx in own:
        for sent in ctx.doc.sents:
            text = sent.text
            for m in pat.finditer(text):
                before = text[: m.start()].rstrip(" \"“'‘")
                if before and before[-1] not in ".!?:" and _trigger(sent):
                    return True
    return False


def _event_of(article: Article, section: Section, own: Sequence[Sentences]) -> tuple[Mention, Span, Sentences] | None:
    """The event a heading names: a heading with an event word ("Orvan Uprising", "Siege of
    Karsvik"), or a heading the section's text uses as a proper name beside an event word; any
    other heading ("Formation", "Leadership of X", "Early career (1990–1995)") is a part of the
    article, not an event, even when its text tells of an election or a strike."""
    title_cls = _trigger_in_words(section.title)
    if title_cls is None and not _used_as_name(section.title, own):
        return None
    for ctx in own:
        for sent in ctx.doc.sents:
            cls = _trigger(sent)
            if cls or title_cls:
                name = re.sub(r"^The\s+", "", section.title)  # "The Temuco March" is the Temuco March
                start = article.text.find(section.title, section.start) + len(section.title) - len(name)
                event = Mention(article.stem, start, start + len(name), name, title_cls or cls or "Event", "heading")
                return event, sent, ctx
    return None


def _trigger_in_words(title: str) -> str | None:
    table = event_words()
    for w in re.findall(r"[A-Za-z]+", title):
        cls = table.get(w.casefold())
        if cls:
            return cls
    return None


_OF_PLACE = re.compile(r"\s(?:of|at|in|on)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$")


def _named_place(event: Mention, own: Sequence[Sentences]) -> Mention | None:
    """ "Occupation of Villa Tunari", "Siege of Karsvik": the section's mention of the name after
    "of"/"at"/"in" is a place, whatever NER made of it (a person or a place, never a group)."""
    m = _OF_PLACE.search(event.text)
    if m is None:
        return None
    for c in own:
        for x in c.mentions:
            if x.text == m.group(1) and group_of(x.cls) != "Person":
                return (
                    x if group_of(x.cls) == "Place" else Mention(x.article, x.start, x.end, x.text, "Place", "context")
                )
    return None


def _event_facts(
    event: Mention, sent: Span, ctx: Sentences, own: Sequence[Sentences], place: Mention | None = None
) -> Iterator[Fact]:
    ev = ctx.evidence(sent, "section-event")
    start = ctx.date_in_span(sent)
    end: tuple[DateValue, Span, Sentences] | None = None
    seen_trigger = False
    for c in own:
        for s in c.doc.sents:
            if s == sent and c is ctx:
                seen_trigger = True
                continue
            if seen_trigger and any(t.lemma_.casefold() in _END_VERBS for t in s):
                d = c.date_in_span(s)
                if d is not None and (start is None or d.iso > start.iso):
                    end = (d, s, c)
                    break
        if end is not None:
            break
    if start is not None:
        yield Fact(event, "startTime" if end else "pointInTime", start, ev)
    if end is not None:
        yield Fact(event, "endTime", end[0], end[2].evidence(end[1], "section-event-end", confidence("section-event")))
    in_sent = [m for m in ctx.mentions if sent.start_char <= m.start - ctx.block.start < sent.end_char]
    places = [m for m in in_sent if group_of(m.cls) == "Place"]
    if place is not None:
        yield Fact(event, "location", place, ev)
    elif places:
        yield Fact(event, "location", places[0], ev)
    for m in _participants(sent, ctx):
        if m != event:
            yield Fact(event, "participant", m, ev)
    for c in own:  # "The occupation was led by X": a later sentence of the section about "the <event>"
        for s in c.doc.sents:
            if s.start_char <= sent.start_char and c is ctx:
                continue
            if any(
                t.dep_ == "nsubjpass"
                and t.pos_ == "NOUN"
                and t.lemma_.casefold() in event_words()
                and any(d.lower_ == "the" for d in t.children)
                for t in s
            ):
                for m in _participants(s, c, agents_only=True):
                    if m != event:
                        ev = c.evidence(s, "section-event-led-by", confidence("section-event"))
                        yield Fact(event, "participant", m, ev)


def _participants(sent: Span, ctx: Sentences, agents_only: bool = False) -> list[Mention]:
    """Who did it: the subjects and "by" agents of the sentence; the article's own subject only as
    "members of the movement" (a "he" or "the party" alone may be someone else's)."""
    out: list[Mention] = []
    for tok in sent:
        if (tok.dep_ == "nsubj" and not agents_only) or tok.dep_ == "agent":
            target = tok if tok.dep_ != "agent" else next((c for c in tok.children if c.dep_ == "pobj"), None)
            if target is None:
                continue
            members = target.lemma_ in MEMBER_NOUNS
            for m in ctx.mentions_of(target):
                if group_of(m.cls) in ("Person", "Organization") and m not in out and (members or not m.subject):
                    out.append(m)
    return out


def armed_forces_in_conflicts(ctx: Sentences) -> Iterator[Fact]:
    """An army, navy or armed group named in the same sentence as a war or battle took part in it
    ("the Royal Canadian Air Force during World War II"). Countries and people are left out: a
    sentence names them beside wars they did not fight far too often (on Re-DocRED dev the rule
    holds for 11 armed forces in 12, for one country in seven)."""
    for sent in ctx.doc.sents:
        lo, hi = ctx.block.start + sent.start_char, ctx.block.start + sent.end_char
        named = [m for m in ctx.mentions if lo <= m.start < hi]
        conflicts = [m for m in named if m.cls == "Conflict"]
        for m in named:
            if m.cls in ("MilitaryUnit", "ArmedGroup"):
                for c in conflicts:
                    yield Fact(
                        m, "participantIn", c, ctx.evidence(sent, "armed-force-in-conflict")
                    )


_NAME_YEAR = re.compile(r"(?<![\d–-])(1[0-9]{3}|20[0-9]{2})(?![\d–-])")


_LAUNCH_VERBS = lexicon("event_launch_verbs")
_STOP_VERBS = lexicon("event_end_verbs")
_WAR_NOUNS = lexicon("war_nouns")
_CLAUSE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "oprd", "attr", "ccomp", "xcomp"})


def _year_relation(span: Span, text: str, in_year: bool = False) -> str | None:
    """What the year of an event's name or "… in 1952" dates: its start when the event is what a
    verb of beginning begins ("The front began what is now called the Marsh uprising in 1952",
    "launched the Ostrava strike in 1931") or the event is a war whose name holds the year ("the
    War of 1812", "the 1939 War": it lasted past it), its end when a verb of ending ends it, else
    its point in time. The verb must govern the event as subject, object or clause, not through
    a preposition ("He began his career after the 1931 strike" dates the strike, not its start).
    ``in_year``: the year came from "in 1951" after the name; for a war no verb begins or ends
    that gives nothing (None): "wounded in the Korean War in 1951" dates the wound, not the war."""
    tok = span.root
    while tok.dep_ in _CLAUSE_DEPS and tok.head is not tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.casefold() in _LAUNCH_VERBS:
            return "startTime"
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.casefold() in _STOP_VERBS:
            return "endTime"
    if any(w.casefold() in _WAR_NOUNS for w in re.findall(r"[^\W\d_]+", text)):
        return None if in_year else "startTime"
    return "pointInTime"


def name_year_facts(ctx: Sentences) -> Iterator[Fact]:
    """An event whose name holds its year ("the 1973 Tolata massacre", "the 2005 presidential
    election", "Dublin Lockout of 1913") happened that year: one year in the name, not a span
    ("1879–1883"), and not the article's own subject (its infobox or lead dates it). The year is
    the event's start or end where a verb says so or the event is a war (``_year_relation``).
    "from 1952 to 1960" right after an event's name gives its start and end."""
    seen: set[str] = set()
    for m in ctx.mentions:
        if group_of(m.cls) != "Event" or m.subject or m.text in seen:
            continue
        span_after = _SPAN_AFTER.match(ctx.block.text, m.end - ctx.block.start)
        if span_after is not None and span_after.group(2) < span_after.group(3):
            # "during the Tesk rebellion from 1952 to 1960", "the X Era, which lasted from 1908–1912"
            span = ctx.span(m.start, m.end)
            if span is not None and (span_after.group(1) or _span_dates_the_event(span)):
                seen.add(m.text)
                ev = ctx.evidence(span.sent, "event-span-after", confidence("name-year"))
                yield Fact(m, "startTime", DateValue(span_after.group(2)), ev)
                yield Fact(m, "endTime", DateValue(span_after.group(3)), ev)
                continue
        began = _began_after(ctx.block.text, m.end - ctx.block.start)
        if began is not None:
            # "the Tesk civil war, which began in 1975 and lasted until 2002": the clause right after
            # the name dates the event itself
            span = ctx.span(m.start, m.end)
            if span is not None:
                seen.add(m.text)
                ev = ctx.evidence(span.sent, "event-span-after", confidence("name-year"))
                yield Fact(m, "startTime", DateValue(began[0]), ev)
                if began[1]:
                    yield Fact(m, "endTime", DateValue(began[1]), ev)
                continue
        years = _NAME_YEAR.findall(m.text)
        rule, in_year = "name-year", False
        if not years:  # "the Tesk massacre in 1968", "the Dock Rising of 1922"
            after = _YEAR_AFTER.match(ctx.block.text, m.end - ctx.block.start)
            years, rule = ([after.group(2)] if after else []), "event-in-year"
            in_year = after is not None and after.group(1).casefold() == "in"
        if len(years) != 1 or re.search(r"\d\s*[–-]\s*\d", m.text) or _no_name(m.text, years[0]):
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        relation = _year_relation(span, m.text, in_year)
        if relation is None:
            continue
        seen.add(m.text)
        yield Fact(m, relation, DateValue(years[0]), ctx.evidence(span.sent, rule, confidence("name-year")))


_SPAN_AFTER = re.compile(
    r",?\s+((?:which|that)\s+(?:lasted|ran|was)\s+|lasting\s+)?"
    r"from\s+(1[0-9]{3}|20[0-9]{2})\s*(?:to|until|–|-)\s*(1[0-9]{3}|20[0-9]{2})\b(?![–-]\d)"
)
_Y = r"1[0-9]{3}|20[0-9]{2}"
_BEGAN_AFTER = re.compile(
    rf",?\s+(?:which|that)\s+(?:began|started|broke\s+out)\s+in\s+(?P<start>{_Y})\b"
    rf"(?:\s+and\s+(?:lasted|continued|went\s+on)\s+(?:until|till|to)\s+(?P<end>{_Y})\b"
    rf"|\s+and\s+ended\s+in\s+(?P<end2>{_Y})\b)?(?![–-]\d)"
)


def _began_after(text: str, at: int) -> tuple[str, str | None] | None:
    """(start, end or None) of a relative clause of beginning at ``at`` (a bracket of years after a
    name is left alone: "the War of the Pacific (1879–1883)" may be a see-also title's part).

    >>> _began_after("X, which began in 1975 and lasted until 2002.", 1), _began_after("X, which began in 1975.", 1)
    (('1975', '2002'), ('1975', None))
    >>> _began_after("X, which began in 1990 and ended in 1980", 1), _began_after("X (1948 to 1958)", 1)
    (None, None)
    """
    m = _BEGAN_AFTER.match(text, at)
    if m is None:
        return None
    start, end = m.group("start"), m.group("end") or m.group("end2")
    return (start, end) if end is None or end >= start else None


_YEAR_AFTER = re.compile(r"\s+(in|of)\s+(\d{4})\b(?!\s*[–-]\s*\d)")
_TIME_PREPOSITIONS = frozenset({"during", "throughout"})
_MONTHS = frozenset(MONTH_NAMES)  # full names only, not "mar" or "sept"
_ORDINAL_WORDS = lexicon("ordinal_words")


def _span_dates_the_event(span: Span) -> bool:
    """Whether a bare "from 1952 to 1960" right after an event's name (no "which lasted") is the
    event's own span: not when the event is what a verb acts on, as its object or through a
    preposition the verb governs ("He served in the Vietnam War from 1966 to 1968", "joined the
    uprising from 1961 to 1964", "took part in …"): the span dates that deed. The event as the
    clause's subject, a copula's complement or a noun's ("the leading force behind the X
    Revolution from 1952 to 1964"), or the time "during" which something happened ("fought …
    during the Marsh rebellion from 1952 to 1960"), keeps the span."""
    tok = span.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "dobj":
        return False
    if tok.dep_ != "pobj" or tok.head.lower_ in _TIME_PREPOSITIONS:
        return True
    governor = tok.head.head  # the word the preposition hangs on
    if governor.pos_ == "NOUN" and governor.dep_ == "dobj":  # "took part in", "played a role in"
        governor = governor.head
    return governor.pos_ not in ("VERB", "AUX")


def _no_name(text: str, year: str) -> bool:
    """ "1971 Sixth", "September 11, 1973": a year with an ordinal or a date, no event's name."""
    rest = [w for w in re.split(r"[\s,]+", text.replace(year, " ")) if w]
    return all(w.casefold() in _ORDINAL_WORDS or w.casefold() in _MONTHS or w.isdigit() for w in rest)
