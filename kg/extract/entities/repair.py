"""NER repairs over a whole article: a person's lone surname NER left untagged, and the person's
name NER ran into a party's ("the Unity Party of Ana Roe").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.entities.retype import _fold
from kg.extract.tables import keyword_class, party_word
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["add_lone_surnames", "party_of_person", "split_party_of_person"]


_PARTY_OF = re.compile(
    r"^.+\b(?:Party|Movement|Front|League|Alliance|Union|Congress|Convention) of "
    r"(?P<who>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})$"
)


def split_party_of_person(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions with each "X Party of Ana Roe" that :func:`party_of_person` recognises cut into the
    party and the person (``text``: the article's)."""
    out: list[Mention] = []
    for m in mentions:
        who = party_of_person(m.text, text, m.start) if group_of(m.cls) == "Organization" else None
        if who is None:
            out.append(m)
            continue
        cut = m.end - len(who) - len(" of ")
        out.append(Mention(m.article, m.start, cut, m.text[: cut - m.start], m.cls, m.source, m.subject))
        out.append(Mention(m.article, m.end - len(who), m.end, who, "Person", "pattern"))
    return out


def party_of_person(name: str, text: str, start: int) -> str | None:
    """The person's name NER ran into a party's ("the Convention People's Party of Kwame Nkrumah"):
    two or three capitalised words after "of" that name no place and no organisation, whose last
    word the article uses again on its own ("broke with Nkrumah"). ``start``: the name's offset in
    ``text``.

    >>> t = "He joined the Unity Party of Ana Roe. Roe led it."
    >>> party_of_person("Unity Party of Ana Roe", t, 14), party_of_person("Labour Party of New Zealand", t, 14)
    ('Ana Roe', None)
    """
    m = _PARTY_OF.match(name)
    if m is None:
        return None
    who = m.group("who")
    if gazetteer().lookup(who) is not None or keyword_class(who) is not None or party_word(who.split()[0]):
        return None
    last = re.escape(who.split()[-1])
    end = start + len(name)
    elsewhere = [x for x in re.finditer(rf"\b{last}\b", text) if not start <= x.start() < end]
    return who if elsewhere else None


def add_lone_surnames(article: Article, docs: Sequence[Doc], per_block: list[list[Mention]]) -> list[list[Mention]]:
    """A capitalised word that is the surname of a person named anywhere in the article, which NER
    left untagged ("Tenesaca left the party" two paragraphs after "Manuel Tenesaca"), is a mention.
    Returns new lists (``per_block`` is not changed)."""
    per_block = [list(ms) for ms in per_block]
    surnames = {
        m.text.split()[-1] for ms in per_block for m in ms if m.cls == "Person" and len(m.text.split()) in (2, 3)
    }
    # "Juan Núñez Ramos": the father's family name comes first
    surnames |= {m.text.split()[1] for ms in per_block for m in ms if m.cls == "Person" and len(m.text.split()) == 3}
    surnames = {_fold(w) for w in surnames if len(w) > 2 and w[:1].isupper() and w.isalpha()}
    if not surnames:
        return per_block
    for block, doc, ms in zip(article.blocks, docs, per_block, strict=True):
        taken = [(m.start - block.start, m.end - block.start) for m in ms]
        added = False
        for tok in doc:
            if _fold(tok.text) not in surnames or tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "DATE"):
                continue
            a, b = tok.idx, tok.idx + len(tok.text)
            if any(s < b and a < e for s, e in taken):
                continue
            ms.append(Mention(article.stem, block.start + a, block.start + b, tok.text, "Person", "pattern"))
            added = True
        if added:
            ms.sort(key=lambda m: (m.start, m.end))
    return per_block
