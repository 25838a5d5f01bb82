"""How sure each prose rule written in code is (``kg/data/confidences.json``), checked when loaded.

A rule asks for its confidence by its name where it makes its evidence, so the numbers live in one
table beside the pattern tables' rows (which carry their own), not as module constants:

>>> confidence("place-chain")
0.8
>>> class_confidences("article-single-country")["City"]
0.6
>>> confidence("no-such-rule")
Traceback (most recent call last):
...
ValueError: kg/data/confidences.json: no confidence for rule 'no-such-rule'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from kg.datafiles import load_json
from kg.ontology import CLASSES

__all__ = ["class_confidences", "confidence", "row_confidence"]

_FILE = "kg/data/confidences.json"
Value = float | dict[str, float]


def _number(v: Any, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 < v <= 1:
        raise ValueError(f"{where}: a confidence must be a number in (0, 1], not {v!r}")
    return float(v)


def _checked(raw: Mapping[str, Any]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for name, v in raw.items():
        if name.startswith("_"):
            continue
        where = f"{_FILE}, rule {name!r}"
        if isinstance(v, dict):
            if unknown := sorted(set(v) - set(CLASSES)):
                raise ValueError(f"{where}: unknown class(es) {', '.join(unknown)}")
            out[name] = {c: _number(x, where) for c, x in v.items()}
        else:
            out[name] = _number(v, where)
    return out


def row_confidence(row: Mapping[str, Any], where: str) -> float:
    """The confidence a pattern table's row carries (its ``confidence``), checked: a number in (0, 1].

    >>> row_confidence({"confidence": 0.7}, "kg/data/pairs.json, rule 'x'")
    0.7
    >>> row_confidence({"confidence": 2}, "kg/data/pairs.json, rule 'x'")
    Traceback (most recent call last):
    ...
    ValueError: kg/data/pairs.json, rule 'x': a confidence must be a number in (0, 1], not 2
    """
    return _number(row.get("confidence"), where)


@cache
def _table() -> dict[str, Value]:
    return _checked(load_json("confidences.json"))


def _get(name: str) -> Value:
    table = _table()
    if name not in table:
        raise ValueError(f"{_FILE}: no confidence for rule {name!r}")
    return table[name]


def confidence(name: str) -> float:
    """The confidence of rule ``name``."""
    v = _get(name)
    if isinstance(v, dict):
        raise ValueError(f"{_FILE}: rule {name!r} has a confidence per class (class_confidences)")
    return v


def class_confidences(name: str) -> dict[str, float]:
    """The confidence per class of rule ``name`` (the classes it places, and how surely)."""
    v = _get(name)
    if not isinstance(v, dict):
        raise ValueError(f"{_FILE}: rule {name!r} has one confidence (confidence)")
    return dict(v)
