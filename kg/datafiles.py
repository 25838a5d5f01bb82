"""The tables under ``kg/data``: one loader for the TSV and JSON files every layer reads.

>>> rows = load_rows("demonyms.tsv", 2, strict=True)
>>> all(len(r) == 2 and r[0] and r[1] for r in rows)
True
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from kg.ontology import CLASSES, RELATIONS

__all__ = ["check_class", "check_relation", "data_bytes", "load_json", "load_rows", "load_tsv"]


def data_bytes(name: str) -> bytes:
    """The bytes of ``kg/data/NAME`` (for fingerprints of the tables)."""
    return resources.files("kg").joinpath("data", name).read_bytes()


def load_rows(name: str, columns: int, strict: bool = False) -> list[tuple[str, ...]]:
    """Rows of ``columns`` tab-separated cells of ``kg/data/NAME`` (``#`` lines and blank lines are
    skipped). The last cell is stripped; with ``strict`` every cell is, and none may be empty."""
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns or (strict and not all(p.strip() for p in parts)):
            raise ValueError(f"kg/data/{name}, line {n}: expected {columns} tab-separated columns")
        rows.append(tuple(p.strip() for p in parts) if strict else (*parts[:-1], parts[-1].strip()))
    return rows


def load_tsv(name: str) -> list[tuple[str, str]]:
    """Two-column rows of ``kg/data/NAME`` (``#`` lines are comments)."""
    return [(a, b) for a, b in load_rows(name, 2)]


def load_json(name: str) -> Any:
    """Parsed ``kg/data/NAME`` (a JSON file). A key given twice in one object is a ValueError naming
    the file and the key: JSON itself keeps the last silently, so two rows added under one name
    (two branches' lexicons, say) would make one of them vanish.

    >>> _unique_keys("x.json")([("a", 1), ("a", 2)])
    Traceback (most recent call last):
    ...
    ValueError: kg/data/x.json: the key 'a' is given twice
    """
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_unique_keys(name))


def _unique_keys(name: str) -> Any:
    """A ``json`` object hook that refuses a key given twice in one object of ``kg/data/NAME``."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(f"kg/data/{name}: the key {key!r} is given twice")
            out[key] = value
        return out

    return hook


def check_class(name: str, where: str) -> str:
    """``name`` if the ontology defines it, else a ValueError naming ``where``."""
    if name not in CLASSES:
        raise ValueError(f"{where}: unknown ontology class {name!r}")
    return name


def check_relation(name: str, where: str) -> str:
    """``name`` if the ontology defines it, else a ValueError naming ``where``."""
    if name not in RELATIONS:
        raise ValueError(f"{where}: unknown ontology relation {name!r}")
    return name
