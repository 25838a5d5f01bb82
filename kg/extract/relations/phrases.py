"""Relations worded by a phrase rather than a verb: "draws on the ideas of A, B and C",
"the name refers to D" (table ``phrase_triggers.tsv``).

The subject is the sentence's grammatical subject when it names something ("It", "the
movement" included); a sentence about a word or a name ("The origin of the word refers to
D") is about the article's subject. The objects are the persons named after the phrase ("under
the leadership of A": the first name after it, a person NER may have tagged as an organisation;
the domain and range checks drop it if it is not one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.extract.tables import check_relation, load_tsv
from kg.model import Fact, Mention
from kg.ontology import group_of

__all__ = ["phrase_facts", "phrase_triggers"]

_NAME_WORDS = lexicon("etymology_nouns")


@cache
def phrase_triggers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, relation) pairs."""
    return tuple(
        (re.compile(p, re.I), check_relation(r, "kg/data/phrase_triggers.tsv"))
        for p, r in load_tsv("phrase_triggers.tsv")
    )


def _subject_of(ctx: Sentences, sent_root_i: int) -> Mention | None:
    root = ctx.doc[sent_root_i]
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lemma_.casefold() in _NAME_WORDS:
                return ctx.subject
            m = ctx.mention(c)
            if m is None:
                m = next((x for x in ctx.mentions_of(c)), None)
            return m
    return None


@cache
def _any_trigger() -> re.Pattern[str]:
    """One pattern that matches where any trigger does (a sentence without one is passed over with
    one search instead of one per trigger)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in phrase_triggers()), re.I)


def phrase_facts(ctx: Sentences) -> Iterator[Fact]:
    """Facts from trigger phrases in the block's sentences."""
    anywhere = _any_trigger()
    for sent in ctx.doc.sents:
        text = sent.text  # spaCy joins the tokens on every access: once per sentence
        if not anywhere.search(text):
            continue
        for pattern, rel in phrase_triggers():
            hit = pattern.search(text)
            if not hit:
                continue
            subj = _subject_of(ctx, sent.root.i)
            if subj is None:
                continue
            after = sent.start_char + hit.end()
            objects = [
                m
                for m in ctx.mentions
                if m.start - ctx.block.start >= after
                and m.end - ctx.block.start <= sent.end_char
                and (group_of(m.cls) == "Person" or (rel == "leader" and group_of(m.cls) == "Organization"))
            ]
            if rel in ("namedAfter", "leader"):  # "under the leadership of A" (a later name is someone else)
                objects = objects[:1]
            ev = ctx.evidence(sent, f"phrase:{rel}", confidence("phrase"))
            for o in objects:
                if o != subj:
                    yield Fact(subj, rel, o, ev)
            break
