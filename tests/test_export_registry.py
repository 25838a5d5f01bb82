"""The exporter registry: one module per format under kg/export/formats/, found by name."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.export as export
from kg.errors import ExportError
from kg.export import formats


def test_every_format_module_is_registered_with_its_endings():
    assert set(export.EXPORT_FORMATS) == {"gexf", "graphml", "csv", "html", "nq", "nt", "trig", "ttl", "jsonld"}
    assert export.EXPORTERS["html"].module == "kg.export.formats.page"
    assert export.SUFFIXES["jsonld"] == (".jsonld", ".json") and export.SUFFIXES["csv"] == ("", ".csv")


def test_a_new_module_is_a_new_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Adding a format is adding a module: nothing else names it."""
    (tmp_path / "labels.py").write_text(
        "FORMATS = {'labels': ('.labels',)}\n"
        "def export(kg, fmt, path, flt):\n"
        "    path.write_text('\\n'.join(sorted(kg)), encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(formats, "__path__", [*formats.__path__, str(tmp_path)])
    found = export._discover()
    assert found["labels"].suffixes == (".labels",) and "gexf" in found
    out = tmp_path / "g.labels"
    found["labels"].write(["b", "a"], "labels", out, None)  # type: ignore[arg-type]
    assert out.read_text(encoding="utf-8") == "a\nb"


def test_two_modules_claiming_one_format_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "zz_gexf_again.py").write_text("FORMATS = {'gexf': ('.gexf',)}\ndef export(*a): pass\n")
    monkeypatch.setattr(formats, "__path__", [*formats.__path__, str(tmp_path)])
    with pytest.raises(ExportError, match=r"'gexf' is written by kg\.export\.formats\.gexf and"):
        export._discover()


def test_an_unknown_format_names_the_known_ones(tmp_path: Path):
    with pytest.raises(ExportError, match="unknown export format 'xls'; choose one of csv, gexf"):
        export.export_graph(None, "xls", tmp_path / "g.xls")  # type: ignore[arg-type]
