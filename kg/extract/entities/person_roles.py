"""A plain name the small model took for a body that the article also calls by its last word in a
person's role: "Moses Pepino of the Bougar Front … Pepino was born in Marlow", "under Huanca",
"Huanca's wife", "Huanca, who …" (``ppl15``)."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicons import alternation
from kg.extract.tables import keyword_class, party_word, person_titles
from kg.gazetteer import gazetteer
from kg.model import Mention

__all__ = ["retype_named_by_role"]

_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*")


@cache
def _role_after() -> re.Pattern[str]:
    """What follows a surname in a person's role: a verb only people do, a relative by the possessive,
    "who", or "he"/"she" after a comma."""
    return re.compile(
        rf"\s*(?:,\s*)?(?:{alternation('ppl15.person_verbs')})\b"
        rf"|['’]s\s+(?:{alternation('ppl15.kin_of_nouns')})\b"
        r"|,\s+(?:who|whom|whose)\b|,\s+(?:he|she)\s+[a-z]",
    )


@cache
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,\s*)?(?:{alternation('ppl15.speech_verbs')})\b")


def _plain_name(name: str) -> bool:
    """Two to four capitalised words, none a title, no keyword, party word or place of the gazetteer:
    a name that may be a person's ("Moses Pepino"; not "Black Hands Gang", "Tesk Labour", "New Marlow")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if any(w.rstrip(".") in person_titles() for w in words) or keyword_class(name) is not None or party_word(name):
        return False
    gaz = gazetteer()
    return gaz.lookup(name) is None and gaz.lookup(words[-1]) is None and not any(gaz.demonym(w) for w in words)


def _alone_in_role(text: str, words: list[str], speech: bool) -> bool:
    """The last of ``words`` stands alone somewhere in ``text`` (not after "the" nor another of the words)
    in a person's role: after "under", or before a person's verb or relative; before a verb of speech
    too when ``speech``."""
    after, word = _role_after(), words[-1]
    others = "|".join(re.escape(w) for w in words[:-1])
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-]|['’]s\s+[A-Z])", text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(rf"(?:\b[Tt]he|\b(?:{others})|[-–])\s*$", before):
            continue  # "the Hands", "Black Hands": not the word alone
        if re.search(r"\b[Uu]nder\s+$", before) or after.match(text, m.end()):
            return True
        if speech and _speech_after().match(text, m.end()):
            return True
    return False


def retype_named_by_role(mentions: list[Mention], text: str, own: str) -> list[Mention]:
    """Each NER body or vague name that is a plain name (:func:`_plain_name`) whose last word the article
    uses alone in a person's role is a person; the article's own name (``own``) stays what it is.

    >>> t = "Moses Pepino of the Bougar Front joined. Under Pepino the rebels grew."
    >>> ms = [Mention("d", 0, 12, "Moses Pepino", "Organization", "ner")]
    >>> [m.cls for m in retype_named_by_role(ms, t, "")]
    ['Person']
    >>> t = "Tesk Telecom ran the lines. Telecom said prices would rise. The Black Hands rioted; the Hands fled."
    >>> ms = [Mention("d", 0, 12, "Tesk Telecom", "Organization", "ner"),
    ...       Mention("d", 65, 76, "Black Hands", "Organization", "ner")]
    >>> [m.cls for m in retype_named_by_role(ms, t, "")]
    ['Organization', 'Organization']
    """
    said = {m.text for m in mentions if m.cls == "Person" and m.source == "ner" and " " not in m.text}
    out = []
    for m in mentions:
        if (
            m.source == "ner"
            and m.cls in ("Organization", "Other")
            and m.text.casefold() != own
            and _plain_name(m.text)
            and _alone_in_role(text, m.text.split(), m.text.split()[-1] in said)
        ):
            m = Mention(m.article, m.start, m.end, m.text, "Person", "context", m.subject)
        out.append(m)
    return out
