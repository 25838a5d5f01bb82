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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import groupby, pairwise

from kg.dates import parse_date, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.extract.entities import clean_span, typed_name
from kg.extract.infobox_table import InfoboxRule, admits, infobox_rules, rule_for, split_key, subject_class
from kg.extract.relations.kinship import kinship_nouns
from kg.gazetteer import gazetteer
from kg.model import DateValue, Evidence, Fact, Mention, TextValue
from kg.ontology import group_of

__all__ = [
    "INFOBOX_CONFIDENCE",
    "InfoboxRule",
    "infobox_facts",
    "infobox_rules",
    "rule_for",
    "split_key",
    "subject_class",
]

INFOBOX_CONFIDENCE = 0.95
UNMAPPED_CONFIDENCE = 0.9
TIE_CONFIDENCE = 0.85  # a fact the template's layout implies (a person-level "replaces", an election party's leader)
_COLOURS = frozenset(
    [
        "red",
        "black",
        "white",
        "blue",
        "green",
        "yellow",
        "orange",
        "purple",
        "violet",
        "brown",
        "grey",
        "gray",
        "pink",
        "gold",
        "golden",
        "silver",
        "crimson",
        "maroon",
        "navy",
        "azure",
        "turquoise",
        "teal",
        "cyan",
        "magenta",
        "beige",
        "khaki",
        "olive",
        "scarlet",
    ]
)
_NUMERIC = re.compile(r"^[\d.,\s]+(\(\d{4}\))?$|^\d[\d,.]*\s*(\(.*\))?\s*$")
_DEBRIS = re.compile(r"^[\w-]+\s*=|^\W+$")  # "class=nowrap", "style=...", a lone "*" or "–"
_BRACKET = re.compile(r"\s*\((?P<in>[^()]*)\)\s*$")
_UNTIL = re.compile(r"^(?:until|till|to|ended|dissolved|left(?: in)?)\s+(?P<d>.+)$", re.I)
_SINCE = re.compile(r"^(?:since|from|after|joined(?: in)?)\s+(?P<d>.+)$", re.I)
_PRESENT = re.compile(r"^(?:present|current|incumbent|today|now)$", re.I)
_RANGE_SPLIT = re.compile(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d)")


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
    for pos, field in enumerate(article.infobox):
        ev = _evidence(article, field, field)
        rule, n = rule_for(field.key, cls)
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
        if rule.side and n is not None:
            produced = [replace(f, qualifiers=(*f.qualifiers, ("side", str(n)))) for f in produced]
            sides[n].extend((field, f) for f in produced)
            if rule.leads_side:
                leaders.extend((n, field, f) for f in produced)
        if not produced:
            produced = [_kept(subject, field, ev, side=n if rule.side else None)]
        facts.extend(produced)
    for key in sorted(groups, key=lambda k: groups[k].order):
        facts.extend(_group_facts(article, subject, key[0], groups[key]))
    facts.extend(_side_leaders(article, sides, leaders))
    return facts, aliases, unmapped


def _aliases(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention) -> Iterator[Mention]:
    """Other names of the subject: each item of a list ("Other names"), or the whole value of a field
    that holds one name ("Native Name: Alianza de Obreros, Campesinos y Estudiantes")."""
    if rule.parser == "alias":
        for it in _clean_items(field):
            yield Mention(article.stem, it.start, it.end, it.text, subject.cls, "infobox-alias")
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
    return list(_PARSE[rule.parser](article, field, rule, subject, ev))


def _kept(subject: Mention, field: InfoboxField, ev: Evidence, side: int | None = None) -> Fact:
    quals: tuple[tuple[str, str], ...] = (("key", field.key),)
    if side is not None:
        quals += (("side", str(side)),)
    return Fact(subject, "infoboxValue", TextValue(field.raw), _with(ev, UNMAPPED_CONFIDENCE), quals)


def _evidence(
    article: Article, first: InfoboxField, last: InfoboxField, confidence: float = INFOBOX_CONFIDENCE
) -> Evidence:
    start, end = min(first.line_start, last.line_start), max(first.end, last.end)
    return Evidence(article.stem, "Infobox", article.text[start:end], start, end, f"infobox:{first.key}", confidence)


def _with(ev: Evidence, confidence: float) -> Evidence:
    return Evidence(ev.article, ev.section, ev.sentence, ev.start, ev.end, ev.extractor, confidence)


def _clean_items(field: InfoboxField) -> list[InfoboxItem]:
    """The field's items without template debris (``class=nowrap``, lone bullets); items that a comma
    inside a bracket cut apart ("X (allies, 1995–2003)") are joined again."""
    out: list[InfoboxItem] = []
    for it in field.items:
        prev = out[-1] if out else None
        cut = prev is not None and prev.text.count("(") > prev.text.count(")")
        peerage = prev is not None and _PEERAGE.match(it.text) is not None  # "Ivor Guest, 1st Viscount Wimborne"
        if prev is not None and (cut or peerage) and prev.qualifier == it.qualifier:
            joined = field.raw[prev.start - field.start : it.end - field.start]
            out[-1] = replace(prev, text=joined, end=it.end)
            continue
        if it.text.strip() and not _DEBRIS.match(it.text.strip()):
            out.append(it)
    return out


def _group_facts(article: Article, subject: Mention, group: str, slot: _Slot) -> Iterator[Fact]:
    if group == "term":
        yield from _term_facts(article, subject, slot)
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
    for part, name in (("predecessor", "predecessor"), ("successor", "successor")):
        for field, _ in slot.parts.get(part, []):
            for it in _clean_items(field):
                m = _item_mention(article, it, "Person")
                if m is not None:
                    people.setdefault(part, []).append(m)
                    quals.append((name, m.text))
    held = 0
    person = group_of(subject_class(article, subject.cls)) == "Person"
    for field, rule in offices:
        assert rule.relation is not None
        for it in _clean_items(field):
            m = _item_mention(article, it, rule.object or "Position")
            if m is not None:
                held += 1
                yield Fact(subject, rule.relation, m, ev, tuple(quals))
                # the people before and after held that office too ("Predecessor: Ana Ruiz")
                for other in (*people.get("predecessor", ()), *people.get("successor", ())):
                    # not for a numbered office: "1st Leader of X" was held by one person only
                    if (
                        person
                        and other.cls == "Person"
                        and rule.relation == "positionHeld"
                        and not _ORDINAL_OFFICE.match(m.text)
                    ):
                        yield Fact(other, rule.relation, m, _with(ev, TIE_CONFIDENCE))
    for part, rel in (("predecessor", "replaces"), ("successor", "replacedBy")):
        for m in people.get(part, []):
            if person and m.cls == "Person" and admits(rel, "Person", m.cls):
                yield Fact(subject, rel, m, _with(ev, TIE_CONFIDENCE))
    for part in ("start", "end", "range") if not held else ():  # no office to qualify: the dates are kept
        for field, _ in slot.parts.get(part, []):
            yield _kept(subject, field, _evidence(article, field, field))


def _first_date(slot: _Slot, part: str) -> str | None:
    for field, _ in slot.parts.get(part, []):
        if _PRESENT.match(field.raw.strip()):
            continue
        d = parse_date(field.raw) or (parse_range(field.raw) or (None, None))[0]
        if d is not None:
            return d.iso
    return None


def _range_of(text: str) -> tuple[str | None, str | None]:
    """(start, end) ISO strings of ``A – B``; an open end ("– present") gives no end.

    >>> _range_of("28 July 2011 – 28 July 2016"), _range_of("2004 – present"), _range_of("1993–1999")
    (('2011-07-28', '2016-07-28'), ('2004', None), ('1993', '1999'))
    >>> _range_of("until 1991"), _range_of("since 2005")
    ((None, '1991'), ('2005', None))
    """
    text = text.strip()
    if m := _UNTIL.match(text):
        d = parse_date(m.group("d"))
        return None, d.iso if d else None
    if m := _SINCE.match(text):
        d = parse_date(m.group("d"))
        return d.iso if d else None, None
    parts = [p.strip() for p in _RANGE_SPLIT.split(text) if p.strip()]
    if len(parts) == 2:
        last = parse_date(parts[1])
        year = int(last.iso[:4]) if last is not None else None
        first = parse_date(parts[0], default_year=year)
        if first is not None and (last is not None or _PRESENT.match(parts[1])):
            return first.iso, last.iso if last else None
    rng = parse_range(text)
    if rng is not None:
        return rng[0].iso, rng[1].iso
    return None, None


_NOT_LEADER = re.compile(
    r"\b(?:treasurer|spokes(?:man|woman|person)|vice|deputy|whip|organi[sz]ing|assistant|press|youth|women|"
    r"second|third|fourth)",
    re.I,
)
_TEMPLATE_ARGS = re.compile(r"[,|]?\s*\b(?:class|style|upright|alt|link|border|width|height)\s*=\s*[^,|]*")
_PEERAGE = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:Viscount|Earl|Baron|Baroness|Duke|Duchess|Marquess|Marquis|Count|Countess|Baronet)\b"
)
_ORDINAL_OFFICE = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth)\b", re.I)
_PLACEHOLDER = re.compile(
    r"^(?:(?:office|post|position|seat|constituency|party)\s+(?:established|abolished|created|vacant|dissolved)|"
    r"none|vacant|n/?a|new (?:office|post|seat|party)|position established|inaugural holder)$",
    re.I,
)
_TEMPLATE_WORD = re.compile(
    r"^(?:ubl|plainlist|flatlist|hlist|unbulleted list|bulleted list|collapsible list|nowrap|small|efn|br|"
    r"endplainlist|startplainlist|sfn|refn|lang|nbsp)$",
    re.I,
)
_FRAGMENT = re.compile(r"^(?:and|or|with|the|of|in|by|for|to|from|at|on|including|see|also|etc|mostly)\b")
_PX = re.compile(r"\d+\s*px\s+")
_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+)?[A-Z][^,]*$")


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
            ev = _evidence(article, orgs[0][0], field, TIE_CONFIDENCE)
            yield Fact(orgs[0][1], "leader", f.object, ev)


_REFINE = {"Organization": "ORG", "Place": "GPE", "Other": "MISC", "Event": "EVENT", "Person": "PERSON"}


def _bracket(article: Article, item: InfoboxItem) -> tuple[int, str | None]:
    """(end of the name, text inside a trailing bracket or None): the reader's ``bracket`` when it gives
    one, else a bracket left at the end of the item's text ("National Front (2010–2012)")."""
    given = getattr(item, "bracket", None)
    if isinstance(given, str):
        return item.end, given.strip("() ")
    m = _BRACKET.search(article.text, item.start, item.end)
    if m is not None and m.start() > item.start:
        return m.start(), m.group("in")
    cut = article.text.find(" (", item.start, item.end)
    return (cut if cut > item.start else item.end), None


_MARRIED = re.compile(r"^\s*m\.\s*(?P<s>[^;]+?)\s*(?:;\s*(?:div|d|died|sep)\.?\s*(?P<e>.+?))?\s*$", re.I)
_STATUS_WORDS = {"former": "Former", "current": "Current", "historical": "Historical", "defunct": "Former"}


def _bracket_quals(article: Article, item: InfoboxItem) -> tuple[tuple[str, str], ...]:
    """Start and end qualifiers from the years in an item's trailing bracket (never the dates of its entity);
    a bracket that is only a status word ("(Former)") is the item's status.

    >>> from kg.documents.model import InfoboxItem as I
    >>> a = Article("x", "x", "T", "National Front (2010–2012), Ana Ruiz (until 1991)", (), (), (), ())
    >>> _bracket_quals(a, I("National Front (2010–2012)", 0, 26)), _bracket_quals(a, I("Ana Ruiz (until 1991)", 28, 49))
    ((('start', '2010'), ('end', '2012')), (('end', '1991'),))
    >>> b = Article("x", "x", "T", "Tesk Army (Former)", (), (), (), ())
    >>> _bracket_quals(b, I(b.text, 0, len(b.text)))
    (('status', 'Former'),)
    >>> c = Article("x", "x", "T", "Ana Ruiz (m. 1990; div. 2001), Eva Sol (m. 2004)", (), (), (), ())
    >>> _bracket_quals(c, I("Ana Ruiz (m. 1990; div. 2001)", 0, 29)), _bracket_quals(c, I("Eva Sol (m. 2004)", 31, 48))
    ((('start', '1990'), ('end', '2001')), (('start', '2004'),))
    """
    _, inside = _bracket(article, item)
    if inside and not item.qualifier and inside.strip().casefold() in _STATUS_WORDS:
        return (("status", _STATUS_WORDS[inside.strip().casefold()]),)
    if not inside or not any(c.isdigit() for c in inside):
        return ()
    if m := _MARRIED.match(inside):  # a spouse's "(m. 1990; div. 2001)"
        start_d, end_d = parse_date(m.group("s")), parse_date(m.group("e") or "")
        return tuple((k, d.iso) for k, d in (("start", start_d), ("end", end_d)) if d is not None)
    start, end = _range_of(inside.rsplit(",", 1)[-1])  # "(mutual supporters, 1995–2003)": the dates
    return tuple((k, v) for k, v in (("start", start), ("end", end)) if v)


@cache
def _flag_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


_FLAG = re.compile(r"([A-Z]{3})\s+(?=[A-Z])")


def _name_start(article: Article, item: InfoboxItem) -> int:
    """Where the name starts: after a flag icon's country code ("MEX Mexican government")."""
    m = _FLAG.match(article.text, item.start, item.end)
    return m.end() if m is not None and m.group(1) in _flag_codes() else item.start


def _item_mention(article: Article, item: InfoboxItem, cls: str) -> Mention | None:
    """The entity an infobox item names; a generic class from the table is refined by the name's words
    (a combatant that is a country stays a country).

    >>> from kg.documents.model import InfoboxItem as I
    >>> a = Article("x", "x", "T", "MEX Mexican government (Former)", (), (), (), ())
    >>> _item_mention(a, I(a.text, 0, len(a.text)), "Organization").text
    'Mexican government'
    """
    if _DEBRIS.match(item.text.strip()):
        return None
    end, _ = _bracket(article, item)
    start = _name_start(article, item)
    px = _PX.match(article.text, start, end)  # an icon's size before a name: "25px Government of Ghana"
    if px is not None:
        start = px.end()
    role = _AS_ROLE.search(article.text, start, end)  # "Houari Boumédiène as Chairman of the …"
    if role is not None and role.start() > start:
        end = role.start()
    s, e = clean_span(article.text, start, end)
    name = article.text[s:e]
    if not name or _NUMERIC.match(name) or not any(c.isalpha() for c in name):
        return None
    if _PLACEHOLDER.match(name) or _TEMPLATE_WORD.match(name) or _FRAGMENT.match(name):
        return None  # "Office abolished", a template's name ("ubl"), a fragment ("and Empire")
    if cls in _REFINE and cls != "Person":
        typed = typed_name(name, _REFINE[cls])
        same_group = typed is not None and group_of(typed[0]) == group_of(cls)
        if typed is not None and typed[1] != "ner" and (same_group or (cls, typed[0]) == ("Organization", "Country")):
            cls = typed[0]
    return Mention(article.stem, s, e, name, cls, "infobox")


def _qual(rule: InfoboxRule, article: Article, item: InfoboxItem) -> tuple[tuple[str, str], ...]:
    from_bracket = _bracket_quals(article, item)
    status = item.qualifier or rule.status
    if any(k == "status" for k, _ in from_bracket):
        status = None
    return ((("status", status),) if status else ()) + from_bracket


def _entities(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    for item in _clean_items(field):
        if rule.parser == "places" and any(c.isdigit() for c in article.text[item.start : _bracket(article, item)[0]]):
            continue  # "1,285 km2": a size, not a place
        m = _item_mention(article, item, rule.object or "Other")
        if m is None:
            continue
        if rule.relation == "relative":  # "Ana Oyelaran (sister)": the bracket names the kinship
            word = (_bracket(article, item)[1] or "").strip().casefold()
            kin = kinship_nouns().get(word, "")
            if kin in ("child", "father", "mother", "sibling", "spouse"):
                yield Fact(subject, kin, m, ev, _qual(rule, article, item))
                continue
        if rule.inverse:
            yield Fact(m, rule.relation, subject, ev, _qual(rule, article, item))
        else:
            yield Fact(subject, rule.relation, m, ev, _qual(rule, article, item))


_STREET = re.compile(
    r"\b(?:avenue|av\.|avenida|street|st\.|road|rd\.|calle|rue|lane|boulevard|blvd|mawatha|strasse|straße|"
    r"plaza|square|carrera|jirón|jr\.|via|viale|ulica|ul\.|floor|building no|p\.?o\.? box)\b",
    re.I,
)
_LEADING_WORDS = re.compile(
    r"^(?:(?i:mostly|mainly|chiefly|primarily|largely|partly|then|later|also)\b\s*|[a-z][\w'’-]*\s+)+"
)
_NUMBERS = re.compile(r"^[\d\s.,/–-]+|[\s,]+\d[\d\s.,/–-]*$")
_GAZ_RANK = {"city": 1, "region": 2, "country": 3, "continent": 4}


def _place_parts(article: Article, field: InfoboxField) -> tuple[list[InfoboxItem], bool]:
    """The places a ``place`` value names, as items with their own offsets: "A and B" is two, "; "
    separates like a comma, an address's street, house number and postal code are not places
    ("Chania Avenue, off Ring Road, Kilimani, Nairobi": Kilimani, Nairobi; "23 - 28004 Madrid":
    Madrid), and a lead-in in lowercase is not part of a name ("skirmishes in counties Meath").
    The flag says the value is a list, not a chain: it joins places with "and" or ";"."""
    out: list[InfoboxItem] = []
    listed = False
    for it in _clean_items(field):
        end, _ = _bracket(article, it)
        whole = article.text[it.start : end]
        # "Madrid and Valencia" is two places, "Trinidad and Tobago" one
        pieces = [whole] if gazetteer().candidates(whole) else re.split(r"\s*;\s*|\s+and\s+|\s+&\s+", whole)
        listed = listed or len(pieces) > 1
        pos = it.start
        for piece in pieces:
            at = article.text.find(piece, pos, end) if piece else -1
            if at < 0:
                continue
            pos = at + len(piece)
            if _STREET.search(piece):
                continue
            trailing_number = re.search(r"\s\d+[a-zA-Z]?$", piece) is not None
            lead = _LEADING_WORDS.match(piece)
            s = at + (lead.end() if lead else 0)
            text = article.text[s : at + len(piece)]
            num = _NUMBERS.search(text)
            while num is not None and text:
                text = (text[: num.start()] + text[num.end() :]) if num.start() > 0 else text[num.end() :]
                if num.start() == 0:
                    s += num.end()
                num = _NUMBERS.search(text)
            text = text.strip(" ,.")
            if not text or not text[:1].isupper():
                continue
            if trailing_number and not gazetteer().candidates(text):
                continue  # "Nicolás Acosta 574": a street and its number; "Colombo 10" is Colombo
            s = article.text.find(text, s, at + len(piece))
            if s >= 0:
                out.append(InfoboxItem(text, s, s + len(text), it.qualifier))
    return out, listed


def _rank(m: Mention) -> int:
    """How wide a place is by the gazetteer (city 1, region 2, country 3, continent 4), 0 unknown."""
    if m.cls == "Country":
        return 3
    return max((_GAZ_RANK.get(p.kind, 0) for p in gazetteer().candidates(m.text)), default=0)


def _is_town(m: Mention) -> bool:
    return m.cls == "City" or any(p.kind == "city" for p in gazetteer().candidates(m.text))


def _is_chain(places: list[Mention]) -> bool:
    """ "Talcahuano, Biobío Region, Chile" is a chain, each in the next; "Meath, Galway, Louth,
    Wexford, Cork" (three or more of one width) and "Madrid, Valencia" (two towns) are lists."""
    ranks = [_rank(m) for m in places]
    known = [r for r in ranks if r]
    if any(b < a for a, b in pairwise(known)):
        return False
    runs = [len(list(g)) for _, g in groupby(known)]
    if any(n >= 3 for n in runs):
        return False
    return not any(a == b == 1 for a, b in pairwise(known))


def _place(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``City, Region, Country``: the first item is the place, each is located in the next; a
    building's address also names its town ("Liberty Hall, Dublin": both are the headquarters).
    A list of places of one width ("Dublin; Meath, Galway, Louth") gives each, in the country
    that ends it."""
    assert rule.relation is not None
    parts, listed = _place_parts(article, field)
    places = [m for it in parts if (m := _item_mention(article, it, "Place")) is not None]
    if not places:
        return
    if len(places) == 1 or (not listed and _is_chain(places)):
        yield Fact(subject, rule.relation, places[0], ev)
        if rule.relation == "headquarters" and not _is_town(places[0]) and _rank(places[0]) < 2:
            town = next((m for m in reversed(places[1:]) if _is_town(m)), None)
            if town is not None:
                yield Fact(subject, rule.relation, town, _with(ev, 0.85))
        yield from _chain(places, ev)
        return
    country = places[-1] if places[-1].cls == "Country" and len(places) > 1 else None
    for m in places:
        if m is country:
            continue
        yield Fact(subject, rule.relation, m, ev)
        if country is not None:
            yield Fact(m, "country", country, _with(ev, 0.85), inferred_by=None)
    if country is not None:
        yield Fact(subject, "country", country, _with(ev, 0.85))


def _chain(chain: list[Mention], ev: Evidence) -> Iterator[Fact]:
    """Each place is in the next: its country when the next is one, else the territory it is located in."""
    for inner, outer in pairwise(chain):
        rel = "country" if outer.cls == "Country" else "locatedIn"
        yield Fact(inner, rel, outer, _with(ev, 0.85), inferred_by=None)


_AGO = re.compile(r";?\s*\d+\s+years?\s+ago\b.*$", re.I)


def founding_date(raw: str) -> DateValue | None:
    """The one date of a value such as ``22 July 1997; 26 years ago (1997-07-22)``.

    >>> founding_date("22 July 1997; 26 years ago (1997-07-22)"), founding_date("1994 (as the League)")
    (DateValue(iso='1997-07-22'), DateValue(iso='1994'))
    """
    return parse_date(_AGO.sub("", raw.split(";")[0])) or parse_date(raw)


def _date(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    assert rule.relation is not None
    d = founding_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)


def _event_date(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    """A single date → point in time; ``A – B`` or ``1879-1883`` → start and end."""
    dates = _all_dates(field.raw)
    rng = parse_range(field.raw)
    if len(dates) >= 2:
        yield Fact(subject, "startTime", dates[0], ev)
        yield Fact(subject, "endTime", dates[-1], ev)
    elif rng is not None:
        yield Fact(subject, "startTime", rng[0], ev)
        yield Fact(subject, "endTime", rng[1], ev)
    elif dates:
        yield Fact(subject, "pointInTime", dates[0], ev)


def _active(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """Dates of operation of a group (``1980–1992``, ``1984–present``): founded and dissolved."""
    start, end = _range_of(_AGO.sub("", field.raw.split(";")[0]))
    if start is not None:
        yield Fact(subject, "inception", DateValue(start), ev)
    if end is not None:
        yield Fact(subject, "dissolved", DateValue(end), ev)


def _all_dates(text: str) -> list[DateValue]:
    """Dates on either side of a range dash; a first part with no year takes the second's year.

    >>> _all_dates("29 October – 16 December 2000")
    [DateValue(iso='2000-10-29'), DateValue(iso='2000-12-16')]
    >>> _all_dates("2 – 7 September 1932")
    [DateValue(iso='1932-09-02'), DateValue(iso='1932-09-07')]
    """
    parts = [p for p in re.split(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+", text) if p.strip()]
    last = parse_date(parts[-1]) if parts else None
    year = int(last.iso[:4]) if last is not None else None
    out = []
    for p in parts:
        d = parse_date(p, default_year=year)
        if d is None and last is not None and len(last.iso) == 10 and p.strip().isdigit() and 0 < int(p) <= 31:
            d = DateValue(f"{last.iso[:8]}{int(p):02d}")  # "2 – 7 September 1932": the day takes the month
        if d is not None:
            out.append(d)
    return out


def _born(article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence) -> Iterator[Fact]:
    """``13 March 1963, Mediaș, Romania``: a date, then the place and its enclosing places."""
    assert rule.relation is not None
    d = founding_date(field.raw)
    if d is not None:
        yield Fact(subject, rule.relation, d, ev)
    place_rel = "birthPlace" if rule.relation == "birthDate" else "deathPlace"
    chain = []
    for item in _clean_items(field):
        if parse_date(item.text) is not None or re.search(r"\d", item.text) or item.text.startswith("("):
            continue
        m = _item_mention(article, item, "Place")
        if m is not None:
            chain.append(m)
    if chain:
        yield Fact(subject, place_rel, chain[0], ev)
        yield from _chain(chain, ev)


def _colours(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    words = re.findall(r"[A-Za-z]+", field.raw)
    found = [w for w in words if w.casefold() in _COLOURS]
    for w in dict.fromkeys(w.casefold() for w in found):
        yield Fact(subject, rule.relation, TextValue(w), ev)


def _literal(
    article: Article, field: InfoboxField, rule: InfoboxRule, subject: Mention, ev: Evidence
) -> Iterator[Fact]:
    assert rule.relation is not None
    value = _TEMPLATE_ARGS.sub("", field.raw).strip(" ,;|")  # "Emblem.svg, class=skin-invert": the file
    if value and not re.fullmatch(r"\d+\s*px", value):  # "Logo: 265px": the image's size, not its file
        yield Fact(subject, rule.relation, TextValue(value), ev)


_Parser = Callable[[Article, InfoboxField, InfoboxRule, Mention, Evidence], Iterator[Fact]]
_PARSE: dict[str, _Parser] = {
    "entities": _entities,
    "places": _entities,
    "place": _place,
    "date": _date,
    "event_date": _event_date,
    "active": _active,
    "born": _born,
    "colours": _colours,
    "literal": _literal,
}
