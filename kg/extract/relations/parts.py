"""The member organisations a coalition's article lists: "The parties that made up the coalition
were:" followed by ``- item`` lines, each opening with a party's name → hasPart(coalition, party).

The paragraph before the list must end with a colon and say what the list is: a plural noun of
organisations (``member_organisation_plurals``) and a verb of making up (``making_up_verbs``).
Its owner is the organisation that paragraph names (an alias of the subject, "the UCD
coalition"), else the article's subject when the paragraph speaks of "the coalition", "the
alliance" or "the federation". Sub-labels in the list ("Social democrats:") are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.extract.confidences import confidence
from kg.extract.lexicons import lexicon
from kg.extract.relations.base import Sentences
from kg.model import Evidence, Fact, Mention
from kg.ontology import group_of

__all__ = ["listed_part_facts", "wing_facts"]

_PLURALS = lexicon("member_organisation_plurals")
_VERBS = lexicon("making_up_verbs")
_OWNER_NOUNS = lexicon("coalition_nouns")


def _intro_owner(ctx: Sentences) -> Mention | None:
    """The owner of the list a paragraph opens, or None when it opens no list of parties."""
    text = ctx.block.text.rstrip()
    if ctx.block.kind != "paragraph" or not text.endswith(":"):
        return None
    lemmas = {t.lemma_.casefold() for t in ctx.doc}
    words = {t.lower_ for t in ctx.doc}
    if not words & _PLURALS or not lemmas & _VERBS:
        return None
    orgs = [m for m in ctx.mentions if group_of(m.cls) == "Organization" and m.text.casefold() not in _PLURALS]
    if orgs:
        return _list_owner(ctx, orgs)
    if group_of(ctx.subject.cls) == "Organization" and words & _OWNER_NOUNS:
        return ctx.subject
    return None


def _list_owner(ctx: Sentences, orgs: list[Mention]) -> Mention:
    """Whose list the paragraph announces: the organisation named last before its plural noun ("… joined
    the Tesk Alliance, whose member parties are:" — the alliance's, not the party's that joined it), or
    the first one after it ("The parties that made up the UCD were:", "one of the parties that formed
    the Tesk Alliance:")."""
    nouns = [t for t in ctx.doc if t.lower_ in _PLURALS]
    if not nouns:
        return orgs[0]
    noun = nouns[-1]
    at = ctx.block.start + noun.idx
    one_of = any(t.lower_ in ("of", "among") for t in ctx.doc[max(0, noun.i - 2) : noun.i])
    before = [m for m in orgs if m.end <= at]
    after = [m for m in orgs if m.start >= at]
    if before and not one_of:
        return before[-1]
    return after[0] if after else orgs[0]


def listed_part_facts(article_text: str, ctxs: Sequence[Sentences]) -> Iterator[Fact]:
    """hasPart(owner, party) for each item of the list a paragraph announces."""
    owner: Mention | None = None
    intro = 0
    for ctx in ctxs:
        if ctx.block.kind != "item":
            owner = _intro_owner(ctx)
            intro = ctx.block.start
            continue
        if owner is None or ctx.block.text.rstrip().endswith(":"):
            continue
        head = next(
            (m for m in ctx.mentions if m.start - ctx.block.start <= 2 and group_of(m.cls) == "Organization"),
            None,
        )
        if head is None or head is owner:
            continue
        end = ctx.block.end
        text = article_text[intro:end]
        sure = confidence("listed-part")
        ev = Evidence(ctx.article.stem, ctx.block.section_title, text, intro, end, "listed-part", sure)
        yield Fact(owner, "hasPart", head, ev)


_WING_KINDS = lexicon("wing_modifiers")


def wing_facts(ctx: Sentences) -> Iterator[Fact]:
    """parentOrganization(X, Y) from "X is the armed wing of Y" ("paramilitary", "youth", "student" … wing: the
    lexicon ``wing_modifiers``; a left or right wing is a faction, not an organisation's part)."""
    for tok in ctx.doc:
        if tok.lemma_ != "wing" or tok.dep_ not in ("attr", "nsubj") or tok.head.lemma_ != "be":
            continue
        if not any(c.lower_ in _WING_KINDS for c in tok.children if c.dep_ in ("amod", "compound", "nmod")):
            continue
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        owners = [ctx.mention(o) for o in of] + [m for o in of for m in ctx.mentions_of(o)]
        whole = next((m for m in owners if m is not None and group_of(m.cls) == "Organization"), None)
        be = tok.head
        # "X was the armed wing of Y", or "The armed wing of the group was X"
        subj = [c for c in be.children if c.dep_ == ("nsubj" if tok.dep_ == "attr" else "attr")]
        if not subj:  # "X (/xh/; abbreviated XB; ) was the wing of Y": X hangs on the bracket's verb
            subj = [s for c in be.children if c.dep_ == "ccomp" and c.i < be.i for s in c.children if s.dep_ == "nsubj"]
        part = next((m for s in subj for m in [ctx.mention(s), *ctx.mentions_of(s)] if m is not None), None)
        if part is None and tok.dep_ == "attr" and ctx.block is ctx.article.blocks[0] and tok.sent.start == 0:
            part = ctx.subject  # the lead's first sentence, its subject lost in the parse: the article's
        if whole is None or part is None or part is whole or group_of(part.cls) not in ("Organization", "Other"):
            continue
        yield Fact(part, "parentOrganization", whole, ctx.evidence(tok.sent, "wing-of"))
