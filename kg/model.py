"""Plain, typed data handed between the stages of a build.

``Mention`` (a name at offsets in an article) → ``Fact`` (subject mention,
relation, object mention or value, evidence) → after resolution, ``Entity``
(one per real-world thing) and facts keyed by entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DateValue", "Entity", "Evidence", "Fact", "Mention", "TextValue"]


@dataclass(frozen=True, order=True, slots=True)
class DateValue:
    """A date as precise as the text gives it: ``iso`` is YYYY, YYYY-MM or YYYY-MM-DD."""

    iso: str

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``.

        >>> DateValue("2000-10").precision
        'month'
        """
        return {4: "year", 7: "month", 10: "day"}.get(len(self.iso.lstrip("-")), "year")


@dataclass(frozen=True, order=True, slots=True)
class TextValue:
    """A plain literal value (a colour, a file name, an unmapped infobox value)."""

    text: str


@dataclass(frozen=True, order=True, slots=True)
class Mention:
    """A name for a thing at [start, end) of an article's text.

    ``cls`` is the ontology class the extractor believes in; ``source`` says
    where the mention came from (``ner``, ``infobox``, ``title``, ``see-also``,
    ``pattern``); ``subject`` marks a mention that stands for the article's subject.
    """

    article: str
    start: int
    end: int
    text: str
    cls: str
    source: str = "ner"
    subject: bool = False


@dataclass(frozen=True, order=True, slots=True)
class Evidence:
    """Where a fact comes from: the sentence (or infobox line) and how it was found."""

    article: str
    section: str
    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, order=True, slots=True)
class Fact:
    """A candidate fact: ``subject --relation--> object`` with its evidence.

    ``qualifiers`` are pairs such as ``("status", "Current")`` or
    ``("start", "2011")``; ``premises`` lists the facts an inferred fact came from.
    """

    subject: Mention
    relation: str
    object: Mention | DateValue | TextValue
    evidence: Evidence
    qualifiers: tuple[tuple[str, str], ...] = ()
    inferred_by: str | None = None
    premises: tuple[Fact, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing: canonical label, class, every other name seen."""

    key: str
    label: str
    cls: str
    aliases: tuple[tuple[str, str], ...]  # (alias, how it was linked)
    articles: tuple[str, ...]
    same_as: tuple[str, ...] = ()
    mentions: int = 0
