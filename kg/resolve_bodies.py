"""Resolution rules of one article's bodies (split from :mod:`kg.resolve`): a body named with its
country's demonym and the same body "of" the country, and a party's distinctive word alone.

- "Tesk National Guard" and "National Guard of Tesk": one body, when "Teskian" is the demonym of the
  country the article calls "Tesk" ("Panamanian National Guard", "National Guard of Panama");
- "the Harvest Party … Harvest won a majority": a lone word that NER or the gazetteer took for an
  organisation or a party is the article's one party whose name is that word and "Party" ("Labor" and
  "Labor Party"), never when two parties of the article would fit.
"""

from __future__ import annotations

from kg.gazetteer import gazetteer, norm_name
from kg.model import Mention
from kg.ontology import group_of
from kg.resolve_links import _Union, _vote

__all__ = ["link_demonym_bodies", "link_party_words"]

def _body(group: list[Mention]) -> bool:
    return group_of(_vote(group)) == "Organization"


def link_demonym_bodies(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """ "Ruritanian Home Guard" and "Home Guard of Ruritania" in one article: one body."""
    gaz = gazetteer()
    by_demonym: dict[tuple[str, str], str] = {}
    for key, group in by_name.items():
        words = key.split()
        if key.startswith("\x00") or len(words) < 3 or not _body(group):
            continue
        code = gaz.demonyms.get(norm_name(words[0]))
        if code:
            by_demonym.setdefault((code, " ".join(words[1:])), key)
    if not by_demonym:
        return
    for key, group in by_name.items():
        if key.startswith("\x00") or " of " not in key or not _body(group):
            continue
        head, place = key.rsplit(" of ", 1)
        place = place.removeprefix("the ")
        found = gaz.lookup(place)
        if found is None or found.kind != "country" or not found.country:
            continue
        other = by_demonym.get((found.country, head))
        if other is not None and other != key:
            uf.union(by_name[other][0], group[0], "a body named with its country's demonym and 'of' the country")


def link_party_words(by_name: dict[str, list[Mention]], uf: _Union) -> None:
    """ "Labor" beside "Labor Party" (and "Tesk Labor Party", one party with it): the lone word is the
    party, when it is typed a party or an organisation and exactly one party of the article ends with
    it and "Party"."""
    parties = [k for k, g in by_name.items() if not k.startswith("\x00") and _vote(g) == "PoliticalParty"]
    for key, group in by_name.items():
        if key.startswith("\x00") or " " in key or not _body(group):
            continue
        if not all(m.source in ("ner", "gazetteer", "keyword", "pattern") for m in group):
            continue  # a name the title or the infobox gives is the article's own word for it
        fits = [p for p in parties if p == f"{key} party" or p.endswith(f" {key} party")]
        owners = {uf.find(by_name[p][0]) for p in fits}
        if len(owners) == 1:
            uf.union(by_name[fits[0]][0], group[0], "a party's distinctive word alone")
