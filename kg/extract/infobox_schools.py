"""Places in a person's education rows: "Education: Lincoln Grammar School, Nottingham".

An infobox lists a school and then its town the way it lists two schools, so the plain list reading
makes the town a school the person attended. A list item that is a gazetteer town, region or
country and whose name carries no school keyword is the place of the school before it: the fact
becomes "school located in place"; with no school before it, it is dropped (a town is never
``educatedAt``).
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.tables import keyword_class
from kg.gazetteer import gazetteer
from kg.model import Fact, Mention

__all__ = ["school_places"]


def _place_class(m: Mention) -> str | None:
    """The class of a gazetteer place named exactly by ``m``, unless the name is an institution's.

    >>> from kg.model import Mention
    >>> _place_class(Mention("a", 0, 10, "Nottingham", "EducationalInstitution"))
    'City'
    >>> _place_class(Mention("a", 0, 18, "University of Ghana", "EducationalInstitution")) is None
    True
    """
    if keyword_class(m.text) is not None:
        return None  # "Accra Academy", "University of Ghana": a school named after its town
    classes = {"country": "Country", "region": "AdministrativeRegion", "city": "City"}  # gazetteer kinds
    found = {classes[p.kind] for p in gazetteer().candidates(m.text) if p.kind in classes}
    return next((c for c in ("City", "AdministrativeRegion", "Country") if c in found), None)  # a town first


def school_places(facts: list[Fact]) -> list[Fact]:
    """Rewrite the ``educatedAt`` facts of one infobox row whose object is a place (see module doc)."""
    out: list[Fact] = []
    school: Mention | None = None
    for f in facts:
        if f.relation != "educatedAt" or not isinstance(f.object, Mention):
            out.append(f)
            continue
        cls = _place_class(f.object)
        if cls is None:
            school = f.object
            out.append(f)
        elif school is not None:
            out.append(Fact(school, "locatedIn", replace(f.object, cls=cls), f.evidence))
            school = None  # "School A, Town, School B": the next town needs a school of its own
    return out
