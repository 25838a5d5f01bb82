"""The gazetteer's index is built once from the packages, then loaded from a cache file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import gazetteer as gz


def test_the_cached_index_is_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    path = gz._index_path()
    assert path.parent == tmp_path and not path.exists()
    built = gz.Gazetteer()
    gz._save(built, path)
    loaded = gz._load(path)
    assert loaded is not None
    # a loaded index makes a name's places when the name is first asked for: every name, the same places
    assert loaded._stored is not None and set(loaded._stored) == set(built._by_name)
    assert all(loaded._named(k) == v for k, v in built._by_name.items())
    assert loaded.countries == built.countries
    assert loaded.demonyms == built.demonyms and loaded.capital_of == built.capital_of
    assert loaded.lookup("Vancouver") == built.lookup("Vancouver")
    assert loaded.lookup("Czechoslovakia").iri == "urn:iso:std:3166:3:CSHH"


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    path = gz._index_path()
    path.write_bytes(b"not an index")
    assert gz._load(path) is None
    gz.gazetteer.cache_clear()
    try:
        assert gz.gazetteer().lookup("Canada").country == "CA"  # rebuilt from the packages
        assert gz._load(path) is not None  # and the file replaced by a good one
    finally:
        gz.gazetteer.cache_clear()


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "sub"))  # a directory under a file: cannot exist
    gz._save(gz.Gazetteer(), gz._index_path())
    assert not (blocker / "sub").exists()
