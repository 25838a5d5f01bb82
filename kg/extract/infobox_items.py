"""Infobox items: a list item's cleaned text, its bracket of years or qualifiers, and its mention."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.dates import parse_date, parse_range
from kg.documents.model import Article, InfoboxField, InfoboxItem
from kg.documents.values import clean_item
from kg.extract.confidences import confidence as rule_confidence
from kg.extract.entities import clean_span, typed_name
from kg.extract.infobox_as_role import office_of_state
from kg.extract.infobox_pairs import flag_codes, lone_code, shown_start, two_things
from kg.extract.infobox_periods import decade_range
from kg.extract.junk import debris_prefix, junk_name, rank_end
from kg.extract.lexicons import alternation, lexicon
from kg.extract.tables import keyword_class
from kg.gazetteer import gazetteer
from kg.model import Evidence, Fact, Mention, TextValue
from kg.ontology import group_of

__all__ = ["IMAGE_OPTIONS"]  # and helpers of kg.extract.infobox and kg.extract.infobox_values


_NUMERIC = re.compile(r"^[\d.,\s]+(\(\d{4}\))?$|^\d[\d,.]*\s*(\(.*\))?\s*$")

_DEBRIS = re.compile(r"^[\w-]+\s*=|^\W+$")  # "class=nowrap", "style=...", a lone "*" or "–"


_BRACKET = re.compile(r"\s*\((?P<in>[^()]*)\)\s*$")


_UNTIL = re.compile(r"^(?:until|till|to|ended|dissolved|left(?: in)?)\s+(?P<d>.+)$", re.I)

_SINCE = re.compile(r"^(?:since|from|after|joined(?: in)?)\s+(?P<d>.+)$", re.I)

_PRESENT = re.compile(r"^(?:present|current|incumbent|today|now)$", re.I)

_RANGE_SPLIT = re.compile(r"\s+(?:to|until)\s+|\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d)")
_PEERAGE = re.compile(rf"^(?:\d+(?:st|nd|rd|th)\s+)?(?:{alternation('peerage_titles')})\b")
# "Zaifeng, Prince Chun", "Charles, Prince of Wales": a prince's style after his name (one word or "of …"),
# not the next person of a list ("King Faisal II, Prince Abd al-Ilah": two men, each with his title)
_PRINCE = re.compile(rf"^(?:{alternation('prince_titles')})\s+(?:of\s+\S.*|[A-Z][\w'-]+)$")
_ROYAL = re.compile(rf"^(?:{alternation('royal_titles')})\b")


def _with(ev: Evidence, confidence: float) -> Evidence:
    return Evidence(ev.article, ev.section, ev.sentence, ev.start, ev.end, ev.extractor, confidence)


def _evidence(
    article: Article, first: InfoboxField, last: InfoboxField, confidence: float | None = None
) -> Evidence:
    """The evidence of a fact from the fields ``first`` to ``last``: as sure as a mapped key
    (``infobox`` in ``kg/data/confidences.json``) unless ``confidence`` says otherwise."""
    start, end = min(first.line_start, last.line_start), max(first.end, last.end)
    sure = rule_confidence("infobox") if confidence is None else confidence
    return Evidence(article.stem, "Infobox", article.text[start:end], start, end, f"infobox:{first.key}", sure)


def _kept(subject: Mention, field: InfoboxField, ev: Evidence, side: int | None = None) -> Fact:
    """A field kept as its value (``kg:infoboxValue``) qualified by its key (and its side)."""
    quals: tuple[tuple[str, str], ...] = (("key", field.key),)
    if side is not None:
        quals += (("side", str(side)),)
    return Fact(subject, "infoboxValue", TextValue(field.raw), _with(ev, rule_confidence("infobox-unmapped")), quals)


def _clean_items(field: InfoboxField) -> list[InfoboxItem]:
    """The field's items without template debris (``class=nowrap``, lone bullets, image options);
    items that a comma inside a bracket cut apart ("X (allies, 1995–2003)") are joined again; names
    joined by markup ("A<hr> B", "A | B", a blanked line break) or by "and" are split
    (:func:`_split_joined`); an item that is only a bracket ("Ana Roe, (Minister of Labour)") or a
    status note ("(resigned)", "POW", "dead") is a note on the item before it, never a name."""
    out: list[InfoboxItem] = []
    for it in (piece for item in field.items for piece in _split_joined(field, item)):
        prev = out[-1] if out else None
        cut = prev is not None and prev.text.count("(") > prev.text.count(")")
        peerage = prev is not None and _PEERAGE.match(it.text) is not None  # "Ivor Guest, 1st Viscount Wimborne"
        peerage = peerage or (
            prev is not None and _PRINCE.match(it.text.strip()) is not None and not _ROYAL.match(prev.text.strip())
        )
        if prev is not None and (cut or peerage) and prev.qualifier == it.qualifier:
            joined = field.raw[prev.start - field.start : it.end - field.start]
            out[-1] = replace(prev, text=joined, end=it.end)
            if _whole_bracket(joined.strip()):  # "X, (Programme Y (Tesk), 1975)": a note on X, no name
                out.pop()
                _note_on(out, joined.strip())
            continue
        text = it.text.strip()
        if _note_only(text):
            _note_on(out, text)
            continue
        if text and not _DEBRIS.match(text):
            out.append(it)
    return out


def _note_on(out: list[InfoboxItem], text: str) -> None:
    """A bracket item noted on the item before it: "Ana Roe, (Minister of Labour)" is her office, "Ana Roe,
    (until 1991)" her term; any other note is dropped."""
    prev = out[-1] if out else None
    inside = text.strip()[1:-1].strip() if _whole_bracket(text.strip()) else text.strip("() ")
    free = prev is not None and prev.bracket is None and text.startswith("(")
    if prev is not None and free and (_OFFICE_HEAD.match(inside) or any(c.isdigit() for c in inside)):
        out[-1] = replace(prev, bracket=inside)


def _whole_bracket(text: str) -> bool:
    """The text is one bracket, brackets inside it and all: "(Programme Y (Tesk), 1975)", not "(A) B (C)".

    >>> _whole_bracket("(Second Plan (Tesk), 1975)"), _whole_bracket("(A) B (C)"), _whole_bracket("A (B)")
    (True, False, False)
    """
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for k, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return k == len(text) - 1
    return False


_IMAGE_OPTION = r"(?:\d+\s*(?:x\s*\d+\s*)?px|frameless|framed?|thumb(?:nail)?|upright(?:=[\d.]+)?|border)"
IMAGE_OPTIONS = re.compile(rf"(?:{_IMAGE_OPTION}\s*(?:\|\s*|\s+|$))+")  # "25px|border Ana Roe", "frameless"

# 4+ spaces: a blanked <br>; a colon between spaces: a list's items on one line ("Tesk Army : Border Guard"); a
# bracket of years then a name ("Ana Roe (1977–1981) Eva Sol (1981–1982)"); a horizontal rule's "----"
_JOINER = re.compile(
    r"\s*(?:<hr\s*/?>|<br\s*/?>|\||\s{4,}|(?<=\s):(?=\s)|(?<=\d\))(?=\s+[A-ZÀ-Ý])|(?<=\s)[-–—]{3,}(?=\s))\s*", re.I
)


_AND = re.compile(r"\s+(?:and|&)\s+")

_EVENT_HEAD = re.compile(
    r"\b(?:conflict|war|revolution|uprising|rebellion|insurgency|crisis|revolt|campaign|intifada)s?$", re.I
)

_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])|(?<=[a-z]{3})\.$")

_LOWER_LEAD = re.compile(r"(?:[a-z][\w'’-]*\s+)*?(?:of|in|at|from|by|on)\s+(?=[A-Z])|including\s+(?=[A-Z])")

_DATE_GLUED = re.compile(r"(?<=[a-z])(?:1[5-9]|20)\d\d$")  # "National Front1990"


_OFFICE_HEAD = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,3}(?:" + "|".join(sorted(lexicon("office_heads"), key=len, reverse=True)) + r")\b",
    re.I,
)


def _note_only(text: str) -> bool:
    """A whole bracket, a status note ("POW", "resigned", "dead"), a hedge ("presumed …") or a wiki
    link's target ("Manner_of_death#Natural_causes"): a note on a name, not a name.

    >>> [_note_only(t) for t in ("(resigned)", "POW", "dead", "presumed Cause_of_death#Natural", "Ana Roe")]
    [True, True, True, True, False]
    """
    if _whole_bracket(text):
        return True
    core = text.strip("() ").casefold()
    if core in lexicon("infobox_status_notes"):
        return True
    return core.startswith(("presumed ", "probably ", "allegedly ", "reportedly ")) or bool(
        re.search(r"\w_\w|#\w", text)
    )


def _sub(field: InfoboxField, item: InfoboxItem, s: int, e: int, last: bool) -> InfoboxItem | None:
    """The item of field.raw[s:e] (offsets into the field), cleaned like the reader cleans one."""
    cs, ce, status, bracket = clean_item(field.raw, s, e)
    if ce <= cs:
        return None
    if last:
        status, bracket = item.status or status, item.bracket or bracket
    return InfoboxItem(field.raw[cs:ce], field.start + cs, field.start + ce, item.qualifier, status, bracket)


def _split_joined(field: InfoboxField, item: InfoboxItem) -> list[InfoboxItem]:
    """The names one item holds: image options before a name dropped ("25px|border Ana Roe"), a second
    sentence dropped, a lead-in cut ("In Tarsk: especially in the district of Vell" → Vell), then one
    item per name joined by markup or by "and" (:func:`_and_parts`).

    >>> f = InfoboxField("K", "Ana Roe<hr> Eva Sol", 3, 22, 0, (InfoboxItem("Ana Roe<hr> Eva Sol", 3, 22),))
    >>> [i.text for i in _split_joined(f, f.items[0])]
    ['Ana Roe', 'Eva Sol']
    """
    s, e = item.start - field.start, item.end - field.start
    raw = field.raw
    if m := IMAGE_OPTIONS.match(raw, s, e):
        s = m.end()
    if m := _SENTENCE_END.search(raw, s, e):
        e = m.start()
    colon = raw.find(": ", s, e)
    if colon > s and raw[colon + 2 : colon + 3].islower():
        s = colon + 2  # "In Tarsk: especially in …": the names come after the colon
    spans: list[tuple[int, int]] = []
    pos = s
    for j in _JOINER.finditer(raw, s, e):
        if j.start() > pos:
            spans.append((pos, j.start()))
        pos = j.end()
    if e > pos:
        spans.append((pos, e))
    spans = [p for sp in spans for p in _and_parts(raw, *sp)]
    out = []
    for k, (a, b) in enumerate(spans):
        if lead := _LOWER_LEAD.match(raw, a, b):
            a = lead.end()
        if glued := _DATE_GLUED.search(raw, a, b):
            b = glued.start()
        if len(spans) == 1 and (a, b) == (item.start - field.start, item.end - field.start):
            return [item]  # one name as the reader cut it
        sub = _sub(field, item, a, b, k == len(spans) - 1)
        if sub is not None:
            out.append(sub)
    return out


def _and_parts(raw: str, s: int, e: int) -> list[tuple[int, int]]:
    """``A and B`` as two names when it is a list, not one name: B opens in lower case ("Border Crisis
    and the transition to civilian rule"), both are places the whole is not ("Vell and Norte"), or each
    opens with its own article ("the Tesk junta and the Cold War"); "Party of Labour and Progress",
    "Trinidad and Tobago" stay one."""
    pieces: list[tuple[int, int]] = []
    pos = s
    for m in _AND.finditer(raw, s, e):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, e))
    if len(pieces) == 1:
        return pieces
    texts = [raw[a:b] for a, b in pieces]
    gaz = gazetteer()
    if gaz.candidates(raw[s:e]):
        return [(s, e)]
    if all(gaz.candidates(t) for t in texts) or two_things(raw[s:e], texts):
        return pieces  # two places; "the Tesk junta and the Cold War"; "Urdu and Hindi"
    out = [pieces[0]]
    for (a, b), t, before in zip(pieces[1:], texts[1:], texts[:-1], strict=True):
        words = t.split()
        if t[:1].islower() and (words[0] != "the" or (len(words) > 1 and words[1][:1].islower())):
            out.append((a, b))  # "… and the transition to civilian rule": a second thing
        elif texts[0].startswith("the ") and words[0] == "the" and len(words) > 1 and words[1][:1].isupper():
            out.append((a, b))  # "the Tesk junta and the Cold War": each opens with its own article
        elif gaz.candidates(before) and gaz.candidates(t):
            out.append((a, b))  # "Vell and Norte and the district of …": two places, then a third
        elif _EVENT_HEAD.search(before) and _EVENT_HEAD.search(t) and len(before.split()) > 1:
            out.append((a, b))  # "Tesk border conflict and Orvan civil war": two wars, each named in full
        else:
            out[-1] = (out[-1][0], b)  # "Movement for Peace and the Environment": one name
    return out


def _range_of(text: str) -> tuple[str | None, str | None]:
    """(start, end) ISO strings of ``A – B``; an open end ("– present") gives no end.

    >>> _range_of("28 July 2011 – 28 July 2016"), _range_of("2004 – present"), _range_of("1993–1999")
    (('2011-07-28', '2016-07-28'), ('2004', None), ('1993', '1999'))
    >>> _range_of("until 1991"), _range_of("since 2005")
    ((None, '1991'), ('2005', None))
    """
    text = text.strip()
    if (decades := decade_range(text)) is not None:  # "1960s–1980s", "since the 1990s"
        return decades
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


_PLACEHOLDER = re.compile(
    r"^(?:(?:office|post|position|seat|constituency|party)\s+(?:established|abolished|created|vacant|dissolved)|"
    r"none|vacant|n/?a|new (?:office|post|seat|party)|position established|inaugural holder)$",
    re.I,
)


# a sub-label glued to the end of the item before the items it heads: "Tesk Front Supported by:"
_SUB_LABEL = re.compile(r"\s+(?:Supported|Backed|Aided|Assisted)\s+by\s*:?[\s,]*$")
_TEMPLATE_WORD = re.compile(
    r"^(?:ubl|plainlist|flatlist|hlist|unbulleted list|bulleted list|collapsible list|nowrap|small|efn|br|"
    r"endplainlist|startplainlist|sfn|refn|lang|nbsp)$",
    re.I,
)

_PARTICLES = lexicon("shape10_name_words")
_NO_PARTY = re.compile(rf"^(?:{alternation('no_party_words')})$", re.I)

_FRAGMENT = re.compile(r"^(?:and|or|with|the|of|in|by|for|to|from|at|on|including|see|also|etc|mostly)\b")

_PX = re.compile(r"\d+\s*px\s+")
# "Elements of the Tesk Air Force": a part of a body took part; the body is the one the box names
_PART_OF = re.compile(rf"(?i:{alternation('part_of_body_leads')})\s+of\s+(?:the\s+)?(?=[A-Z])")

_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+)?[A-Z][^,]*$")

# "Sir Alan Brecken", "Dame Ana Roe": a title only people bear, before a name of two words or more
_HONORIFIC = re.compile(rf"(?:{alternation('dup13.honorifics')})\s+(?=[A-Z][\w'’.-]+\s+[A-Z])")

_REFINE = {"Organization": "ORG", "Place": "GPE", "Other": "MISC", "Event": "EVENT", "Person": "PERSON"}


def _creed(inside: str) -> bool:
    """A bracket that names a party's creed ("Marxist–Leninist", "Maoist"): part of the party's name.

    >>> _creed("Marxist–Leninist"), _creed("Maoist"), _creed("2010–2012"), _creed("Former")
    (True, True, False, False)
    """
    words = [w.casefold() for w in re.split(r"[\s–—-]+", inside) if w]
    return bool(words) and all(w in lexicon("creed_followers") for w in words)


def _bracket(article: Article, item: InfoboxItem) -> tuple[int, str | None]:
    """(end of the name, text inside a trailing bracket or None): the reader's ``bracket`` when it gives
    one, else a bracket left at the end of the item's text ("National Front (2010–2012)")."""
    given = getattr(item, "bracket", None)
    if isinstance(given, str) and _creed(given.strip("() ")):
        line_end = article.text.find("\n", item.end)
        close = article.text.find(")", item.end, line_end if line_end >= 0 else len(article.text))
        if close >= 0:  # "Communist Party of Orvania (Marxist–Leninist)": the bracket is the name's
            return close + 1, None
    if isinstance(given, str):
        return item.end, given.strip("() ")
    m = _BRACKET.search(article.text, item.start, item.end)
    if m is not None and m.start() > item.start and _creed(m.group("in")):
        return item.end, None  # "Communist Party of India (Marxist–Leninist)": the bracket is the name's
    if m is not None and m.start() > item.start:
        return m.start(), m.group("in")
    cut = article.text.find(" (", item.start, item.end)
    return (cut if cut > item.start else item.end), None


_MARRIED = re.compile(r"^\s*m\.\s*(?P<s>[^;]+?)\s*(?:;\s*(?:div|d|died|sep)\.?\s*(?P<e>.+?))?\s*$", re.I)

_STATUS_WORDS = {  # a bracket that is only one of these words gives the item this status
    **dict.fromkeys(lexicon("infobox_status_former"), "Former"),
    **dict.fromkeys(lexicon("infobox_status_current"), "Current"),
    **dict.fromkeys(lexicon("infobox_status_historical"), "Historical"),
}


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


_FLAG = re.compile(r"([A-Z]{3})\s+(?=[A-Z])")


def _name_start(article: Article, item: InfoboxItem) -> int:
    """Where the name starts: after a flag icon's country code ("MEX Mexican government")."""
    m = _FLAG.match(article.text, item.start, item.end)
    return m.end() if m is not None and m.group(1) in flag_codes() else item.start


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
    start = debris_prefix(article.text, _name_start(article, item), end)  # "flag Tesk Army", "X.svg Tesk"
    px = _PX.match(article.text, start, end)  # an icon's size before a name: "25px Government of Ghana"
    if px is not None:
        start = px.end()
    part = _PART_OF.match(article.text, start, end)
    if part is not None and cls not in ("Person", "Place"):
        start = part.end()
    role = _AS_ROLE.search(article.text, start, end)  # "Houari Boumédiène as Chairman of the …"
    if role is not None and role.start() > start:
        end = role.start()
    label = _SUB_LABEL.search(article.text, start, end)  # "Tesk Front Supported by:": the next items' label
    if label is not None and label.start() > start:
        end = label.start()
    s, e = clean_span(article.text, start, end)
    name, half = article.text[s:e], (e - s) // 2
    if (e - s) % 2 and name[half] == " " and name[:half] == name[half + 1 :]:  # "Quezon City Quezon City"
        e, name = s + half, name[:half]  # a link's target and its shown words, the same
    if not name or _NUMERIC.match(name) or not any(c.isalpha() for c in name) or lone_code(article.text, name):
        return None  # a flag code the text never uses again ("Allegiance: MEX") is the icon's debris
    s, name = s + (cut := shown_start(name)), name[cut:]  # "List of … of TeskHead of State of Tesk"
    if cls == "Person" and (rank := rank_end(name)):
        s, name = s + rank, name[rank:]  # "Commander1: Lt.-Col. Ana Roe": the rank is no part of the name
    honour = _HONORIFIC.match(name)
    if honour is not None and cls in ("Organization", "Other") and keyword_class(name[honour.end() :]) is None:
        s, name, cls = s + honour.end(), name[honour.end() :], "Person"  # "Participants: Sir Alan Brecken"
    if _PLACEHOLDER.match(name) or _TEMPLATE_WORD.match(name) or _FRAGMENT.match(name):
        return None  # "Office abolished", a template's name ("ubl"), a fragment ("and Empire")
    if cls == "PoliticalParty" and _NO_PARTY.match(name):
        return None  # "Party: Independent": no party at all
    if cls == "Person" and any(w.isalpha() and w.islower() and w not in _PARTICLES for w in name.split()):
        return None  # "Leadfigures1: Non-centralized leadership": a description, nobody's name
    if cls in _REFINE and cls != "Person":
        typed = typed_name(name, _REFINE[cls])
        same_group = typed is not None and group_of(typed[0]) == group_of(cls)
        if typed is not None and typed[0] == "Country" and office_of_state(name):
            cls = "Position"  # "Side2: President of the Republic of Tesk": the office, not the state
        elif typed is not None and typed[1] != "ner" and (same_group or (cls, typed[0]) == ("Organization", "Country")):
            cls = typed[0]
    if junk_name(name, cls):
        return None  # "Unknown", "Mobile units", "300 fighters", "March 1940" as a place (kg/extract/junk.py)
    return Mention(article.stem, s, e, name, cls, "infobox")
