"""Facts from infobox fields, driven by the key table (:mod:`kg.extract.infobox_table`).

Each field's row gives a relation, an object class and a value parser. A numbered key groups
with its siblings: the combatants and commanders of one side share a ``side`` qualifier; an
office with the term start, term end, predecessor and successor of the same number (or, for
unnumbered keys, its neighbours) is one ``positionHeld`` fact with qualifiers; a leader's name
with its title is one fact, the title deciding the relation or kept as its role. A trailing
bracket of years gives the fact's start and end. Keys not in the table are kept as
``kg:infoboxValue`` literals qualified by their key, so nothing is dropped; the build summary
counts them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kg.dates import parse_date, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.entities import clean_span, typed_name
from kg.extract.infobox_as_role import is_self
from kg.extract.infobox_brackets import office_heads as _heads
from kg.extract.infobox_holders import holder_facts
from kg.extract.infobox_items import (
    _DEBRIS,
    _PRESENT,
    _bracket,
    _bracket_quals,
    _clean_items,
    _evidence,
    _item_mention,
    _kept,
    _range_of,
    _with,
)
from kg.extract.infobox_neighbours import as_period, as_role, capacity_facts, neighbour_period
from kg.extract.infobox_result import result_facts
from kg.extract.infobox_schools import school_places
from kg.extract.infobox_series import series_facts
from kg.extract.infobox_table import InfoboxRule, admits, infobox_rules, rule_for, split_key, subject_class
from kg.extract.infobox_values import _PARSE
from kg.extract.junk import prose_alias
from kg.extract.lexicons import alternation
from kg.extract.office_names import cabinet_country, complete_office, office_country, other_title
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention
from kg.ontology import group_of

__all__ = [
    "InfoboxRule",
    "infobox_facts",
    "infobox_rules",
    "rule_for",
    "split_key",
    "subject_class",
]


@dataclass
class _Slot:
    """The fields of one group (a numbered office, a leader with its title) as they are met."""

    parts: dict[str, list[tuple[InfoboxField, InfoboxRule]]]
    order: int


def infobox_facts(article: Article, subject: Mention) -> tuple[list[Fact], list[Mention], list[str]]:
    """(facts, alias mentions of the subject, unmapped keys) of the article's infobox."""
    facts: list[Fact] = []
    aliases: list[Mention] = []
    unmapped: list[str] = []
    groups: dict[tuple[str, object], _Slot] = {}
    sides: dict[int, list[tuple[InfoboxField, Fact]]] = defaultdict(list)
    leaders: list[tuple[int, InfoboxField, Fact]] = []
    open_slot: dict[str, tuple[str, object] | None] = {}
    cls = subject_class(article, subject.cls)
    another = _box_of_another_event(article)
    for pos, field in enumerate(article.infobox):
        ev = _evidence(article, field, field)
        rule, n = rule_for(field.key, cls)
        if rule is not None and another and rule.relation in _EVENT_TIMES:
            rule = InfoboxRule(rule.key, None, None, "keep")  # the coup's dates, not the regime's
        if rule is not None and rule.not_ordinal and not _NAMED_VALUE.match(field.raw):
            rule = InfoboxRule(rule.key, None, None, "keep")  # "Order: 46th": the holder's number
        if rule is None:
            unmapped.append(field.key)
            facts.append(_kept(subject, field, ev))
            continue
        if rule.group is not None and rule.part is not None:
            _place_in_group(groups, open_slot, rule, n, field, pos)
            continue
        if rule.parser in ("alias", "name"):
            aliases.extend(_aliases(article, field, rule, subject))
            continue
        produced = _produce(article, field, rule, subject, ev)
        # "Side2: President of the Republic of Tesk": the office's holder took part, not the office
        produced = [f for f in produced if f.relation != "participant" or getattr(f.object, "cls", "") != "Position"]
        if rule.side and n is not None:
            produced = [replace(f, qualifiers=(*f.qualifiers, ("side", str(n)))) for f in produced]
            sides[n].extend((field, f) for f in produced)
            if rule.leads_side:
                leaders.extend((n, field, f) for f in produced)
        if not produced:
            produced = [_kept(subject, field, ev, side=n if rule.side else None)]
        facts.extend(produced)
    last_office: list[tuple[InfoboxField, InfoboxRule]] = []
    for key in sorted(groups, key=lambda k: groups[k].order):
        slot = groups[key]
        if key[0] == "term" and "office" in slot.parts:
            last_office = slot.parts["office"]
        elif key[0] == "term" and last_office and isinstance(key[1], int) and _has_term(slot):
            slot.parts["office"] = last_office  # "Term Start2", "Predecessor2" with no Office2: the same office
        facts.extend(_group_facts(article, subject, key[0], slot))
    facts.extend(_side_leaders(article, sides, leaders))
    facts.extend(series_facts(article, subject, facts))  # neighbour elections' country, the monarch
    facts.extend(result_facts(article, subject, facts))  # "Result: Ana Roe becomes president"
    return facts, aliases, unmapped


_EVENT_TIMES = frozenset({"startTime", "endTime", "pointInTime"})
_REGIME_LEAD = re.compile(
    rf"\b(?:is|was)\s+(?:the|a|an)\s+(?:[\w–-]+\s+){{0,3}}?(?:{alternation('prec_regime_nouns')})\b", re.I
)


def _box_of_another_event(article: Article) -> bool:
    """The infobox is another event's: its Conflict names a coup or a war by a name other than the
    title, and the lead defines the subject as a regime ("The Liberating Revolution was the
    dictatorship that ruled after the 1955 coup"): the box's dates are the coup's, not the regime's.

    >>> from kg.documents.reader import read_text
    >>> box = "- Conflict: 1955 Tesk coup d'état\\n- Date: 16–23 September 1955"
    >>> a = read_text(f"= Tesk Renewal =\\n{box}\\n\\nIt was the military dictatorship after it.\\n", "t.txt")
    >>> _box_of_another_event(a)
    True
    """
    from kg.extract.tables import head_nouns, keyword_class
    from kg.names import name_key

    named = next((f for f in article.infobox if f.key.strip().casefold() == "conflict"), None)
    if named is None or name_key(named.raw.split(",")[0]) == name_key(article.title):
        return False
    words = re.findall(r"[\w'’-]+", named.raw.casefold())
    if group_of(keyword_class(named.raw) or "Other") != "Event" and not any(
        group_of(head_nouns().get(w, "Other")) == "Event" for w in words
    ):
        return False  # "1955 Tesk coup d'état": a coup, a war
    start = max((f.end for f in article.infobox), default=0)
    lead = article.text[start:].lstrip().split("\n", 1)[0]
    first = re.split(r"(?<=[a-z)])\.\s", lead, maxsplit=1)[0]
    return _REGIME_LEAD.search(first) is not None


def _aliases(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention) -> Iterator[Mention]:
    """Other names of the subject: each item of a list ("Other names"), or the whole value of a field
    that holds one name ("Native Name: Alianza de Obreros, Campesinos y Estudiantes")."""
    if rule.parser == "alias":
        for it in _clean_items(field):
            lead = re.match(r"(?:and|or)\s+(?=[A-Z])", it.text)  # "…, and Ilyas Husein": the name after "and"
            s = it.start + (lead.end() if lead else 0)
            if not prose_alias(article.text[s : it.end]):
                yield Mention(article.stem, s, it.end, article.text[s : it.end], subject.cls, "infobox-alias")
        return
    whole = InfoboxItem(field.raw, field.start, field.end)
    end, _ = _bracket(article, whole)
    s, e = clean_span(article.text, field.start, end)
    if e > s and not _DEBRIS.match(article.text[s:e]):
        yield Mention(article.stem, s, e, article.text[s:e], subject.cls, "infobox-alias")


def _place_in_group(
    groups: dict[tuple[str, object], _Slot],
    open_slot: dict[str, tuple[str, object] | None],
    rule: InfoboxRule,
    n: int | None,
    field: InfoboxField,
    pos: int,
) -> None:
    """Numbered fields group by their number; unnumbered ones with their neighbours, a part met a
    second time (a second ``Office`` line) opening the next group."""
    assert rule.group is not None and rule.part is not None
    if n is not None:
        key: tuple[str, object] = (rule.group, n)
    else:
        current = open_slot.get(rule.group)
        if current is None or rule.part in groups[current].parts:
            current = (rule.group, f"u{pos}")
        open_slot[rule.group] = current
        key = current
    slot = groups.setdefault(key, _Slot({}, pos))
    slot.parts.setdefault(rule.part, []).append((field, rule))


def _produce(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> list[Fact]:
    if rule.parser == "keep":
        return [_kept(subject, field, ev)]
    facts = list(_PARSE[rule.parser](article, field, rule, subject, ev))
    return school_places(facts) if rule.relation == "educatedAt" else facts  # "School, Town": its town


def _group_facts(article: Article, subject: Mention, group: str, slot: _Slot) -> Iterator[Fact]:
    if group == "term":
        yield from _term_facts(article, subject, slot)
    elif group == "holder":
        yield from holder_facts(article, subject, slot.parts, _heads)
    else:
        yield from _titled_facts(article, subject, slot)


def _span(slot: _Slot) -> tuple[InfoboxField, InfoboxField]:
    fields = [f for parts in slot.parts.values() for f, _ in parts]
    return min(fields, key=lambda f: f.line_start), max(fields, key=lambda f: f.end)


def _term_facts(article: Article, subject: Mention, slot: _Slot) -> Iterator[Fact]:
    """An office with its term and the people before and after: one positionHeld with qualifiers."""
    offices = slot.parts.get("office", [])
    if not offices:  # a term or a predecessor with no office: each field on its own row's terms
        for fields in slot.parts.values():
            for field, rule in fields:
                ev = _evidence(article, field, field)
                yield from _produce(article, field, rule, subject, ev) or [_kept(subject, field, ev)]
        return
    first, last = _span(slot)
    ev = _evidence(article, first, last)
    quals: list[tuple[str, str]] = []
    start = _first_date(slot, "start")
    end = _first_date(slot, "end")
    for field, _ in slot.parts.get("range", []):
        rng = _range_of(field.raw)
        start, end = start or rng[0], end or rng[1]
    if start:
        quals.append(("start", start))
    if end:
        quals.append(("end", end))
    people: dict[str, list[Mention]] = {}
    capacity: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
    for part, name in (("predecessor", "predecessor"), ("successor", "successor")):
        for field, _ in slot.parts.get(part, []):
            for it in _clean_items(field):
                m = _item_mention(article, it, "Person")
                if m is not None and is_self(m.text):
                    continue  # "Predecessor: Himself (as Head of …)": the subject, no person of its own
                if m is not None and (role := as_role(it, article)) is not None:
                    capacity[m.text] = (role, as_period(it, article))  # "(as Prime Minister)": that office
                body = typed_name(m.text, "ORG") if m is not None else None
                if m is not None and body is not None and body[1] == "keyword" and group_of(body[0]) != "Person":
                    m = replace(m, cls=body[0])  # "Successor: Provisional Government Junta": a body
                if m is not None:
                    people.setdefault(part, []).append(m)
                    quals.append((name, m.text))
    held = 0
    person = group_of(subject_class(article, subject.cls)) == "Person"
    for field, rule in offices:
        assert rule.relation is not None
        for it in _clean_items(field):
            m = _item_mention(article, it, rule.object or "Position")
            if m is not None and (n := _ORDINAL_PREFIX.match(m.text)) is not None and m.cls == "Position":
                # "1st Leader of the Orvan Front": the office is "Leader of the Orvan Front", he its first
                # holder, and the people before and after him held it too
                m = replace(m, start=m.start + n.end(), text=m.text[n.end() :])
            numbered = m is not None and _ORDINAL_OFFICE.match(m.text) is not None  # "First Secretary"
            if m is not None and m.cls == "Position" and person:
                m = complete_office(article, m)  # "Office: President" of a Valdoran: President of Valdora
            if m is not None:
                held += 1
                yield Fact(subject, rule.relation, m, ev, tuple(quals))
                if person and rule.relation == "positionHeld":
                    dates = tuple(q for q in quals if q[0] in ("start", "end"))
                    yield from _heads(article, subject, m, ev, dates)
                    yield from _colleagues(article, slot, m, field, end is not None)
                    yield from _leads(article, subject, m, ev, dates)
                # the people before and after held that office too ("Predecessor: Ana Ruiz")
                for part, other in [(p, o) for p in ("predecessor", "successor") for o in people.get(p, ())]:
                    # not for a numbered office: "1st Leader of X" was held by one person only
                    if (
                        person
                        and other.cls == "Person"
                        and rule.relation == "positionHeld"
                        and not numbered
                        and not other_title(other.text, m.text)
                    ):
                        implied = _with(ev, rule_confidence("infobox-implied"))
                        when = neighbour_period(part, start, end)  # until the subject came, from when he left
                        if other.text in capacity:  # "(as Prime Minister)": that office, and its country's head
                            role, years = capacity[other.text]
                            yield from capacity_facts(article, other, role, m, implied, years or when)
                            continue
                        yield Fact(other, rule.relation, m, implied, when)
                        yield from _leads(article, other, m, implied, when)  # and led the body the office heads
                        yield from _heads(article, other, m, implied, when)  # and headed its state
    for part, rel in (("predecessor", "replaces"), ("successor", "replacedBy")):
        for m in people.get(part, []):
            # a body that took over the office ("Successor: Military Junta") replaced the person too
            if person and group_of(m.cls) in ("Person", "Organization") and admits(rel, "Person", m.cls):
                yield Fact(subject, rel, m, _with(ev, rule_confidence("infobox-implied")))
    for part in ("start", "end", "range") if not held else ():  # no office to qualify: the dates are kept
        for field, _ in slot.parts.get(part, []):
            yield _kept(subject, field, _evidence(article, field, field))


_PAST_TITLE = re.compile(r"^(?:" + alternation("garb.past_title_words") + r")\b", re.I)
_PARTY_OFFICE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:Leader|Secretary[- ]General|General Secretary|First Secretary|Chairman|"
    r"Chairperson|Chairwoman|National Chairman|President)\s+of\s+(?:the\s+)?(?P<org>[A-Z].*)$"
)


def _leads(
    article: Article, person: Mention, office: Mention, ev: Evidence, quals: tuple[tuple[str, str], ...] = ()
) -> Iterator[Fact]:
    """A person's office that heads an organisation the article names ("Secretary General of the Tesk
    Unity Party", "1st Leader of the Orvan Front"): the organisation's leader is the person. A state's
    office ("President of Chile", "Chairman of the Council of State") leads no organisation here:
    the name after "of" must be an organisation's by its own words, never a place."""
    m = _PARTY_OFFICE.match(office.text)
    if m is None:
        return
    name = m.group("org").strip()
    typed = typed_name(name, "ORG")
    capitals = sum(w[:1].isupper() for w in name.split())
    if typed is None or group_of(typed[0]) != "Organization" or typed[0] == "GovernmentBody" or capitals < 2:
        return  # "Chairman of the Council of State", "Leader of the Opposition": no organisation led
    if gazetteer().candidates(name):
        return
    at = office.start + m.start("org")
    org = Mention(article.stem, at, at + len(name), name, typed[0], "infobox")
    yield Fact(org, "leader", person, _with(ev, rule_confidence("infobox-implied")), quals)


def _has_term(slot: _Slot) -> bool:
    return any(p in slot.parts for p in ("start", "end", "range", "predecessor", "successor"))


_HEAD_OFFICE = re.compile(r"^(?:Vice[- ]President|President|Prime Minister|Premier)\s+of\s+(?P<of>.+)$")


def _colleagues(
    article: Article, slot: _Slot, office: Mention, first: InfoboxField, ended: bool = False
) -> Iterator[Fact]:
    """``Vicepresident: Ana Roe (1982–1984)`` under ``Office: President of X``: Ana Roe held Vice President
    of X (and ``President: Eva Sol`` under Vice President of X, President of X); the fact cites the
    infobox from the office's line to where the article names that office, or to the field. Of a term
    that ended, each colleague but the last of a row held the office before the next: historical."""
    head = _HEAD_OFFICE.match(office.text)
    # a minister's PM; "President: Eva Sol" under "Military Leader of Tesk": Tesk's president (off15)
    of = head.group("of") if head is not None else cabinet_country(article, office.text) or office_country(office.text)
    if of is None:
        return
    for field, rule in slot.parts.get("colleague", []):
        if rule.holds is None:
            continue
        title = f"{rule.holds} of {of}"
        if title.casefold() == office.text.casefold():
            continue
        at = article.text.find(title)
        if at < 0 and head is not None and not re.match(r"(?:Vice[- ])?President\b", office.text):
            continue  # a "Vicepresident" under a Prime Minister is no Vice President of the country
        # the prose never names it: the office is the same country's, at the field's key
        at, end = (at, at + len(title)) if at >= 0 else (field.line_start, field.start)
        held = Mention(article.stem, at, end, title, "Position", "infobox")
        lo = min(first.line_start, field.line_start, article.text.rfind("\n", 0, at) + 1)
        hi = max(first.end, field.end, end)
        sure = rule_confidence("infobox-implied")
        ev = Evidence(article.stem, "Infobox", article.text[lo:hi], lo, hi, f"infobox:{field.key}", sure)
        items = _clean_items(field)
        for i, it in enumerate(items):
            m = _item_mention(article, it, "Person")
            # "Primeminister1: Ana Roe, Eva Sol" of a term that ended: Ana Roe held it before Eva Sol
            before = ended and i < len(items) - 1
            when = _bracket_quals(article, it) or ((("status", "Historical"),) if before else ())
            if m is not None and m.cls == "Person":
                yield Fact(m, "positionHeld", held, ev, when)
                yield from _heads(article, m, held, ev, when)


def _first_date(slot: _Slot, part: str) -> str | None:
    for field, _ in slot.parts.get(part, []):
        if _PRESENT.match(field.raw.strip()):
            continue
        d = parse_date(field.raw) or (parse_range(field.raw) or (None, None))[0]
        if d is not None:
            return d.iso
    return None


_NOT_LEADER = re.compile(rf"\b(?:{alternation('non_leader_title_words')})", re.I)
# a value that names something, not a bare ordinal ("46th", "1st", "Second")
_NAMED_VALUE = re.compile(
    r"^\s*(?!(?i:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s*$)[A-Z]"
)
_ORDINAL_PREFIX = re.compile(r"^\d+(?:st|nd|rd|th)\s+(?=[A-Z])")
_ORDINAL_OFFICE = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth)\b", re.I)


def _titled_facts(article: Article, subject: Mention, slot: _Slot) -> Iterator[Fact]:
    """A name with its title (``Leader1 Name`` / ``Leader1 Title``): the title picks the relation
    where the row's labels say how, else it is the fact's role qualifier."""
    title = " ".join(f.raw for f, _ in slot.parts.get("title", [])).strip()
    names = slot.parts.get("name", [])
    if not names:
        for field, _ in slot.parts.get("title", []):
            yield _kept(subject, field, _evidence(article, field, field))
        return
    first, last = _span(slot)
    ev = _evidence(article, first, last)
    made = 0
    for field, rule in names:
        rel = next((r for pat, r in rule.labels if title and pat.search(title)), rule.relation)
        member = rel == "leader" and bool(_NOT_LEADER.search(title))  # a treasurer is a member, not its leader
        if rel is None:
            yield _kept(subject, field, _evidence(article, field, field))
            continue
        quals = (("role", title),) if rule.role and title else ()
        if title and _PAST_TITLE.search(title):  # "Leader1 Title: Last leader": no longer so
            quals = (*quals, ("status", "Historical"))
        for it in _clean_items(field):
            m = _item_mention(article, it, rule.object or "Other")
            if m is not None:
                made += 1
                if member:
                    yield Fact(m, "memberOf", subject, ev, (*quals, *_bracket_quals(article, it)))
                else:
                    yield Fact(subject, rel, m, ev, (*quals, *_bracket_quals(article, it)))
    for field, _ in slot.parts.get("title", []) if not made else ():  # a title that qualified nothing is kept
        yield _kept(subject, field, _evidence(article, field, field))


def _side_leaders(
    article: Article, sides: dict[int, list[tuple[InfoboxField, Fact]]], leaders: list[tuple[int, InfoboxField, Fact]]
) -> Iterator[Fact]:
    """``Party1`` and ``Leader1`` of an election: the leader leads that side's one organisation."""
    for n, field, f in leaders:
        orgs = [
            (g_field, g.object)
            for g_field, g in sides[n]
            if g.relation == "participant"
            and isinstance(g.object, Mention)
            and group_of(g.object.cls) == "Organization"
        ]
        if len(orgs) == 1 and isinstance(f.object, Mention) and f.object.cls == "Person":
            ev = _evidence(article, orgs[0][0], field, rule_confidence("infobox-implied"))
            yield Fact(orgs[0][1], "leader", f.object, ev)
