"""An "Other Names" value that is prose gives only the names in it, never pieces of its sentences
(invented article)."""

from __future__ import annotations

from pathlib import Path

from tests.extracted import graph_of

_ARTICLE = (
    "= Ana Veltri =\n\n"
    "Ana Veltri\n"
    "- Birth Date: 1897-06-02\n"
    "- Other Names: 12 aliases wrote that Veltri used 12 aliases. Veltri used Eda Fuentes, Mira Costa, and Lia "
    "Rivera in the Philippines. While in Ghana she used Ona Gozali, and Ilse Hussein\n\n"
    "Ana Veltri (2 June 1897 – 1949) was a Ghanaian teacher.\n"
)


def test_prose_in_other_names_gives_names_only(tmp_path: Path) -> None:
    g = graph_of(tmp_path, {"ana_veltri.txt": _ARTICLE})
    names = set(g.entity("Ana Veltri")["aliases"])
    assert {"Mira Costa", "Ilse Hussein"} <= names
    assert not any(n[:1].isdigit() or n[:1].islower() or " in the " in n for n in names), names
