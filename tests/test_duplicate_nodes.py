"""Issue 14 (session 15, dup8): one node per thing — the subject's names, ideologies, people's given names
and generic party names (invented articles)."""

from __future__ import annotations

from pathlib import Path

from .test_one_node_per_thing import _keys
from .test_relations import _build

_DASHED = """= National Liberation Movement – Varn =

The National Liberation Movement – Varn (Movimiento de Liberación Nacional – Varn, MLN-V) was an armed group \
in Uruguay, founded in 1963. The MLN-V was led by Tomas Rivkin.
"""


def test_a_dashed_lead_name_keeps_its_native_name_and_acronym(tmp_path: Path):
    g = _build(tmp_path, varn=_DASHED)
    varn = _keys(g, "varn")
    subject = "National Liberation Movement – Varn"
    # the parser cut the lead's name before its dash: the bracket after the whole name still names it
    assert varn["MLN-V"] == varn["Movimiento de Liberación Nacional – Varn"] == subject
    # the native name's first words are no name of their own
    assert "Movimiento de Liberación Nacional" not in varn
