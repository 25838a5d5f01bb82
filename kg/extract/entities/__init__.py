"""Named-entity mentions from spaCy's NER, cleaned and typed into the ontology.

An article's mentions are made by an ordered list of passes (:data:`PASSES`), each a function of
the article, its docs and the mentions so far (one list per block) that returns new lists:

1. ``block_mentions`` (:mod:`.assemble`): per block, the NER spans joined and cleaned
   (:mod:`.spans`), typed (:mod:`.classes`), retyped by their sentence (:mod:`.context`), and the
   mentions NER missed (:mod:`.extra`);
2. ``lone_surnames`` (:mod:`.repair`): a person's surname NER left untagged;
   then ``org_of_place`` (:mod:`.org_of_place`): "the Communist Party of the Tesk Islands" NER cut in two;
3. ``party_of_person`` (:mod:`.repair`): "the Unity Party of Ana Roe" cut into party and person;
4. ``named_by_role`` (:mod:`.person_roles`): a plain name NER took for a body that the article calls by
   its last word in a person's role;
5. ``family_names`` (:mod:`.retype`): a weakly typed name ending in a person's surname is that person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kg.documents.model import Article
from kg.extract.entities.assemble import mentions_in_doc
from kg.extract.entities.classes import NER_CLASSES, class_of_name, is_noise, typed_name
from kg.extract.entities.context import context_class
from kg.extract.entities.extra import extra_mentions, proper_noun_runs, title_case_quotes
from kg.extract.entities.org_of_place import join_org_of_place
from kg.extract.entities.person_roles import retype_named_by_role
from kg.extract.entities.repair import add_lone_surnames, party_of_person, split_party_of_person
from kg.extract.entities.retype import retype_family_names, retype_named_towns
from kg.extract.entities.spans import clean_span, strip_person_prefix
from kg.gazetteer import gazetteer
from kg.model import Mention
from kg.ontology import group_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "NER_CLASSES",
    "PASSES",
    "add_lone_surnames",
    "article_mentions",
    "class_of_name",
    "clean_span",
    "context_class",
    "extra_mentions",
    "is_noise",
    "mentions_in_doc",
    "party_of_person",
    "proper_noun_runs",
    "retype_family_names",
    "retype_named_towns",
    "split_party_of_person",
    "strip_person_prefix",
    "title_case_quotes",
    "typed_name",
]

PerBlock = list[list[Mention]]
Pass = Callable[[Article, Sequence["Doc"], PerBlock], PerBlock]


def context_countries(docs: Sequence[Doc]) -> frozenset[str]:
    """The country codes the article's places and peoples name (they rank same-named towns)."""
    gaz = gazetteer()
    codes = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                place = gaz.lookup(ent.text) if ent.label_ == "GPE" else None
                code = place.country if place is not None and place.kind == "country" else gaz.demonym(ent.text)
                if code:
                    codes.add(code)
    return frozenset(codes)


def _block_mentions(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    countries = context_countries(docs)
    return [
        [*ms, *mentions_in_doc(article.stem, doc, block.start, countries, block.text)]
        for block, doc, ms in zip(article.blocks, docs, per_block, strict=True)
    ]


def _party_of_person(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    return [split_party_of_person(ms, article.text) for ms in per_block]


def _org_of_place(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    return [join_org_of_place(ms, article.text) for ms in per_block]


def _named_towns(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    return [retype_named_towns(ms, article.text) for ms in per_block]


def _named_by_role(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    own = _bare(re.sub(r"\s*\([^()]*\)$", "", article.title))
    return [retype_named_by_role(ms, article.text, own) for ms in per_block]


def _family_names(article: Article, docs: Sequence[Doc], per_block: PerBlock) -> PerBlock:
    before = [m for ms in per_block for m in ms]
    flat = retype_family_names(before, article.text)
    # the article's own name, an organisation to NER, stays one: "the Tesk Bahini" is no kin of a "Rakkhi
    # Bahini" NER took for a man (the last word of many a force's name)
    own = re.sub(r"\s*\([^()]*\)$", "", article.title).casefold()
    flat = [
        old if new is not old and group_of(old.cls) == "Organization" and _bare(old.text) == own else new
        for old, new in zip(before, flat, strict=True)
    ]
    out, pos = [], 0
    for ms in per_block:
        out.append(flat[pos : pos + len(ms)])
        pos += len(ms)
    return out


def _bare(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).casefold()


PASSES: tuple[tuple[str, Pass], ...] = (
    ("block_mentions", _block_mentions),
    ("org_of_place", _org_of_place),
    ("lone_surnames", add_lone_surnames),
    ("party_of_person", _party_of_person),
    ("named_towns", _named_towns),
    ("named_by_role", _named_by_role),
    ("family_names", _family_names),
)


def article_mentions(article: Article, docs: Sequence[Doc]) -> PerBlock:
    """The mentions of each block of ``article`` (``docs`` align with its blocks): :data:`PASSES` in order."""
    per_block: PerBlock = [[] for _ in article.blocks]
    for _, run in PASSES:
        per_block = run(article, docs, per_block)
    return per_block
