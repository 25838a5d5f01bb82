"""Exact, faster stand-ins for the two slowest pure-Python steps of spaCy's English pipeline.

Profiled on the 500 Re-DocRED dev articles (``py-spy``, ``benchmarks/README.md``), a quarter of
``nlp.pipe``'s time is spent outside the neural components, in two places that do little work
slowly:

- the attribute ruler's matching (≈ 14 %): its 179 token patterns (``TAG`` → ``POS``/``MORPH``, a
  few words' lemmas and dependencies) go through spaCy's general ``Matcher`` for every doc, when
  nearly all of them test one token for equal strings. :class:`AttributeMatch` finds the same
  matches with dictionary look-ups on the token attributes the patterns test, and the ruler's own
  ``set_annotations`` still applies them, in the ruler's own order;
- the rule lemmatizer (≈ 10 %): ``lemma_index`` holds its word lists as Python lists (up to
  57,000 words) that each candidate form is looked up in, one by one: :func:`speed_up` gives the
  table the same words as frozensets (the same membership, by hash); and its cache keeps only the
  lemmas it had to work out, so each base form is checked again: :class:`Lemmas` remembers every
  token's lemmas by what the rules read of it (text, part of speech, morphology).

Both leave every annotation as it was (``tests/test_nlp_fast.py`` parses articles with the stock
and the sped-up pipeline and compares every token's tag, POS, morphology, lemma and dependency).
A pattern this matcher does not know (an ``OP``, another predicate, an extension attribute) keeps
spaCy's own matcher for the whole ruler; a lemmatizer of another kind is left alone.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["AttributeMatch", "Lemmas", "speed_up"]

# the token attributes a pattern may test here, in the order of ``Doc.to_array``'s columns
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SELECTIVE = ("LOWER", "DEP", "TAG", "IS_SPACE")
Check = Callable[[list[int]], bool]
Entry = tuple[int, int, int, list[tuple[int, Check]]]


class _Unsupported(Exception):
    """A pattern this matcher cannot reproduce exactly."""


def _check(column: int, spec: Any, strings: Any) -> Check:
    """A test of one token attribute (its row of ints from ``Doc.to_array``) as the Matcher does it."""
    values = _values(spec)
    if values is not None:  # an exact value or an IN list
        return lambda row: row[column] in values
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            others = frozenset(get_string_id(v) for v in arg)
            return lambda row: row[column] not in others
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda row: search(strings[row[column]]) is not None
    raise _Unsupported(spec)


class AttributeMatch:
    """The matches of an ``AttributeRuler``'s patterns in a doc, as its ``match`` method returns
    them: ``(pattern id, match id, start, end)``, sorted, so that its ``set_annotations`` applies
    later patterns over earlier ones as it always does. Built from the ruler's ``patterns``;
    raises :class:`_Unsupported` for a pattern it cannot match exactly as the Matcher does.

    Each pattern is filed under one value its first token must have (an exact value, or each
    value of an ``IN``), so a token meets only the patterns that can start on it; a pattern with
    no such value (only ``NOT_IN`` or a regular expression) is tried on every token."""

    def __init__(self, ruler: Any) -> None:
        from spacy import attrs as spacy_attrs

        self._strings = ruler.vocab.strings
        self._ids = [getattr(spacy_attrs, a) for a in _ATTRS]
        # per column: attribute value -> (pattern id, match id, length, the other tests (offset, test))
        self._by: list[dict[int, list[Entry]]] = [defaultdict(list) for _ in _ATTRS]
        self._always: list[Entry] = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = get_string_id(str(attr_id))  # the key the ruler gives its Matcher (AttributeRuler.add)
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise _Unsupported(pattern)
                keys, first = self._token(pattern[0], keyed=True)
                tests = [(0, t) for t in first]
                for k, spec in enumerate(pattern[1:], 1):
                    tests.extend((k, t) for t in self._token(spec, keyed=False)[1])
                item = (attr_id, match_id, len(pattern), tests)
                if keys is None:
                    self._always.append(item)
                else:
                    for value in keys[1]:
                        self._by[keys[0]][value].append(item)
        self._columns = [(c, dict(by)) for c, by in enumerate(self._by) if by]

    def _token(self, spec: Any, keyed: bool) -> tuple[tuple[int, frozenset[int]] | None, list[Check]]:
        """A token pattern as its tests; ``keyed``: the values one attribute must take (an exact
        value or an ``IN`` list) taken out of them as look-up keys (column, values)."""
        if not isinstance(spec, dict) or not spec or any(k not in _ATTRS for k in spec):
            raise _Unsupported(spec)
        key = None
        if keyed:  # the most telling attribute that names its values: a word before a dependency or a tag
            for name in _SELECTIVE:
                values = _values(spec[name]) if name in spec else None
                if values is not None:
                    key = (_ATTRS.index(name), values)
                    break
        tests = [_check(_ATTRS.index(name), value, self._strings)
                 for name, value in spec.items() if key is None or _ATTRS.index(name) != key[0]]
        return key, tests

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows: list[list[int]] = doc.to_array(self._ids).tolist() if len(doc) else []
        n = len(rows)
        found: list[tuple[int, int, int, int]] = []
        add = found.append
        for i, row in enumerate(rows):
            for column, by in self._columns:
                for attr_id, match_id, size, tests in by.get(row[column], ()):
                    # most patterns test one token for one value: nothing is left to test
                    if not tests or (i + size <= n and all(t(rows[i + k]) for k, t in tests)):
                        add((attr_id, match_id, i, i + size))
            for attr_id, match_id, size, tests in self._always:
                if i + size <= n and all(t(rows[i + k]) for k, t in tests):
                    add((attr_id, match_id, i, i + size))
        found.sort()
        return found


def _values(spec: Any) -> frozenset[int] | None:
    """The attribute values a token test allows when it names them (exact, ``IN``), else None."""
    if isinstance(spec, bool):
        return frozenset({int(spec)})
    if isinstance(spec, str):
        return frozenset({get_string_id(spec)})
    listed = spec.get("IN") if isinstance(spec, dict) and list(spec) == ["IN"] else None
    if isinstance(listed, list) and all(isinstance(v, str) for v in listed):
        return frozenset(get_string_id(v) for v in listed)
    return None


def speed_up(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler's matching and its lemmatizer's index look-ups made fast
    (the same annotations); components it lacks, or cannot match exactly, are left as they are."""
    if "attribute_ruler" in nlp.component_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        with contextlib.suppress(_Unsupported):
            ruler.match = AttributeMatch(ruler)  # what the ruler's __call__ asks for its matches
    if "lemmatizer" in nlp.component_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                if isinstance(words, list):
                    table[key] = frozenset(words)
        if _pure_rules(lemmatizer):
            lemmatizer.lemmatize = Lemmas(lemmatizer.rule_lemmatize)  # what its __call__ asks for a lemma
    return nlp


def _pure_rules(lemmatizer: Any) -> bool:
    """Whether ``lemmatizer`` is spaCy's rule lemmatizer, whose lemmas of a token are a function of
    its text, part of speech and morphology alone (its ``rule_lemmatize`` and ``is_base_form``
    read nothing else), as in the English pipeline."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    kind = type(lemmatizer)
    return (
        isinstance(lemmatizer, Lemmatizer)
        and getattr(lemmatizer, "mode", None) == "rule"
        and kind.rule_lemmatize is Lemmatizer.rule_lemmatize
        and kind.is_base_form in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
    )


class Lemmas:
    """A rule lemmatizer's ``rule_lemmatize`` remembered by what it reads of a token (its text, part
    of speech and morphology): spaCy's own cache keeps only the lemmas it had to work out, so every
    base form ("party", "led") was checked again, its morphology parsed into a dict each time.
    At most ``size`` tokens' lemmas are kept, then all forgotten at once."""

    def __init__(self, lemmatize: Callable[[Any], list[str]], size: int = 200_000) -> None:
        self._lemmatize = lemmatize
        self._size = size
        self._memo: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = self._memo.get(key)
        if forms is None:
            forms = self._lemmatize(token)
            if len(self._memo) >= self._size:
                self._memo.clear()
            self._memo[key] = forms
        return forms
