"""One block's mentions: NER spans joined and cleaned, typed, retyped by context, then the extra mentions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.entities.bounds import abbreviation_tail_end, bracket_label
from kg.extract.entities.classes import NER_CLASSES, is_noise, typed_name
from kg.extract.entities.compound_events import compound_event_mentions
from kg.extract.entities.context import _quoted_work, context_class
from kg.extract.entities.extra import _adjective_phrase, _byname, _portfolio, extra_mentions
from kg.extract.entities.ideologies import ideology_mentions
from kg.extract.entities.particle_names import join_particle_names
from kg.extract.entities.peoples import people_name
from kg.extract.entities.spans import _join_plural_possessives, clean_span, strip_person_prefix
from kg.extract.lexicons import lexicon
from kg.extract.tables import FAITH_CLASSES, head_nouns, keyword_class, party_word, person_titles, religion_of
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["mentions_in_doc"]

_CREED_WORDS = frozenset(w.casefold() for a in lexicon("rec_ideology_adjectives") for w in re.split(r"[\s–-]+", a))


_DATE_PREPS = lexicon("entities.date_preps")
_PERSON_TITLES = {w.casefold().rstrip(".") for w in person_titles()}
_CLIPPED = re.compile(r"[A-Z][a-z]{1,5}\.")


def _loose_name_word(doc: Doc, i: int) -> bool:
    """A capitalised proper noun nothing tagged, no person's noun, no sentence's start: a word of the name
    beside it that NER left out (``dup11``)."""
    if i < 0 or i >= len(doc):
        return False
    t = doc[i]
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.text.isalpha()
        and not t.ent_type_
        and not t.is_sent_start
        and head_nouns().get(t.lower_) is None
        and t.lower_ not in _PERSON_TITLES
    )


def _with_clipped_word(doc: Doc, j: int, e: int, text: str) -> int:
    """ "to overthrow Prime Minister Hun Sen." tagged as "Hun": a capitalised word the tokenizer took
    for an abbreviation with the sentence's full stop ("Sen."), right after the name and last of its
    sentence, is the name's last word (``dup11``)."""
    if j >= len(doc) or not _CLIPPED.fullmatch(doc[j].text) or doc[j].ent_type_ or doc[j].idx != e + 1:
        return e
    after = text[doc[j].idx + len(doc[j].text) : doc[j].idx + len(doc[j].text) + 2]
    if after and not re.match(r"\s*(?:[A-Z\n]|$)", after):
        return e
    return doc[j].idx + len(doc[j].text) - 1


def mentions_in_doc(
    article: str, doc: Doc, base: int, countries: frozenset[str] = frozenset(), text: str | None = None
) -> list[Mention]:
    """Typed mentions of one annotated block whose text starts at ``base`` in the article.

    ``text``: the block's text when the caller has it (``doc.text`` rebuilds it from the tokens
    on every access, a tenth of extraction time)."""
    out: list[Mention] = []
    text = doc.text if text is None else text
    ents = _join_plural_possessives(join_particle_names(list(doc.ents)))
    joined: set[int] = set()
    for k, ent in enumerate(ents):
        if k in joined:
            continue
        s, e = clean_span(text, ent.start_char, ent.end_char)
        prev = ents[k - 1] if k else None
        nxt_ent = ents[k + 1] if k + 1 < len(ents) else None
        if (
            ent.label_ == "ORG"
            and nxt_ent is not None
            and nxt_ent.label_ in ("GPE", "LOC", "ORG")
            and text[e : nxt_ent.start_char] == " of "
            and group_of(keyword_class(text[s:e]) or "Other") == "Organization"
            and getattr(gazetteer().lookup(nxt_ent.text), "kind", None) in ("country", "region")
        ):
            # "the Militarized Communist Party of Peru" cut in two by NER: one name
            e = clean_span(text, nxt_ent.start_char, nxt_ent.end_char)[1]
            joined.add(k + 1)
        if (
            ent.label_ in ("EVENT", "ORG", "WORK_OF_ART")
            and prev is not None
            and prev.label_ == "DATE"
            and prev.end == ent.start
            and re.fullmatch(r"(?:the\s+)?\d{4}", prev.text)
            and ent[0].lower_ != "the"  # "In 1985 the Regional Congress …": a date, then the name
            and not (ent.label_ == "ORG" and prev.start > 0 and doc[prev.start - 1].lower_ in _DATE_PREPS)
        ):  # "In 1980 Velde advised": the sentence's date before a name NER took for a body
            s = prev.start_char + (4 if prev.text.startswith("the ") else 0)  # "2002 Winter Olympics"
        if ent.label_ == "PERSON":  # "Ilse Marenko" tagged as "Marenko": take back the given names
            first = ent.start
            while (
                first > 0
                and doc[first - 1].pos_ == "PROPN"
                and doc[first - 1].dep_ == "compound"
                and doc[first - 1].head.i in range(ent.start, ent.end)
                and doc[first - 1].text[:1].isupper()
                and not doc[first - 1].ent_type_
                and head_nouns().get(doc[first - 1].lower_) != "Person"  # "Anthropologist Norma Correa"
                and doc[first - 1].text.casefold() not in _CREED_WORDS  # "the Marxist–Leninist TPLA"
            ):
                first -= 1
            if first == ent.start >= 2 and len(ent) >= 2 and _loose_name_word(doc, first - 1):
                # "parents, Juvenal … and Iva Pinhel Évora" tagged "Pinhel Évora"
                first -= 1 if doc[first - 2].pos_ in ("CCONJ", "PUNCT") else 0
            if first < ent.start:
                s = doc[first].idx
            e = _with_clipped_word(doc, ent.end, e, text)
            closed = ent.end + 1 == len(doc) or (ent.end + 1 < len(doc) and doc[ent.end + 1].pos_ in ("CCONJ", "PUNCT"))
            if len(ent) >= 3 and e == ent.end_char and closed and _loose_name_word(doc, ent.end):
                e = doc[ent.end].idx + len(doc[ent.end].text)  # "Juvenal António Lopes da Costa" + "Cabral"
            e = abbreviation_tail_end(ent) or e  # "Prime Minister Tam Sen.": the name is "Tam Sen"
            s, people = strip_person_prefix(text, s, e)
            if people is not None:  # "Jamaican Roger Mais": the country is a mention of its own
                a, b = people
                out.append(Mention(article, base + a, base + b, text[a:b], "Country", "gazetteer"))
        label = ent.label_
        if (
            label in ("ORG", "GPE", "NORP", "PRODUCT")
            and len(ent) in (3, 4)
            and head_nouns().get(ent[0].lower_) == "Person"
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent[1:])
            and keyword_class(text[ent[1].idx : e]) is None
        ):
            s, label = ent[1].idx, "PERSON"  # "Historian Lena Marsh of …" tagged as one organisation
        name = text[s:e]
        before = doc[ent.start - 1] if ent.start else None
        if label == "NORP" and before is not None and not before.ent_type_ and religion_of(f"{before.text} {name}"):
            s, name = before.idx, text[before.idx : e]  # "Orthodox Christian", the first word untagged
        if label == "NORP" and " " in name:
            demonym, rest = name.split(" ", 1)
            if religion_of(rest) is not None and gazetteer().demonym(demonym):
                # "Croatian Catholic": a country, then a church
                out.append(Mention(article, base + s, base + s + len(demonym), demonym, "Country", "gazetteer"))
                s, name = e - len(rest), rest
        if not name or name.isdigit() or is_noise(name, label):
            continue
        typed = typed_name(name, label, countries)
        if typed is None or (typed[0] in FAITH_CLASSES and _byname(doc, ent.start)):
            continue
        if party_word(name) and len(ent) == 1 and _adjective_phrase(doc, ent.start):
            continue  # "the Valdoran Republican insurrection": an adjective, no party
        if party_word(name) and _portfolio(doc, ent.start):
            typed = NER_CLASSES[label], "ner"
        cls, how = typed
        if how in ("ner", "keyword"):
            ctx = context_class(ent, ents)
            if ctx is not None:
                cls, how = ctx, "context"
                nxt = doc[ent.end] if ent.end < len(doc) else None
                event_noun = nxt is not None and nxt.is_lower and head_nouns().get(nxt.lemma_) == cls
                if nxt is not None and event_noun and group_of(cls) == "Event":
                    e = nxt.idx + len(nxt.text)  # "the Mau Mau uprising": the event's name has its noun
                    name = text[s:e]
        if group_of(cls) == "Place" and people_name(ent):
            cls, how = "EthnicGroup", "context"  # "a Xosi village", "the Oru people's region": a people
        bare = strip_person_prefix(text, s, e)[0] if cls == "Person" and label != "PERSON" else s
        if bare != s and len(text[bare:e].split()) > 1:  # "Coronel Raúl Ibarrola"; "King Oren" keeps its title
            s, name = bare, text[bare:e]
        if how == "gazetteer" and group_of(cls) == "Place" and before is not None and before.lower_ == "the":
            nxt = doc[ent.end] if ent.end < len(doc) else None
            event = head_nouns().get(nxt.lemma_) if nxt is not None and nxt.is_lower else None
            if nxt is not None and event is not None and group_of(event) == "Event":
                # "the Naxara uprising", "the Tesk massacre": an event named after its town, not the town
                cls, how, e = event, "context", nxt.idx + len(nxt.text)
                name = text[s:e]
        if cls == "Country" and text[e : e + 1] == ":" and gazetteer().demonym(name):
            cls, how = "Language", "context"  # "(Spanish: Frente …)": the language a name is given in
        if cls != "Language" and bracket_label(text, s, e):
            continue  # "(CNRP; ALA-LC: /km/)": a romanisation's label, not a thing of the article
        if _quoted_work(text, s, e, ent):
            cls, how = "CreativeWork", "context"  # singles: "Vela" and "Marea Baja"
        out.append(Mention(article, base + s, base + e, name, cls, how))
    events, replaced = compound_event_mentions(article, base, out, text)
    out = [m for i, m in enumerate(out) if i not in replaced] + events
    out += extra_mentions(article, doc, base, out, text)
    return out + ideology_mentions(article, doc, base, out, text)
