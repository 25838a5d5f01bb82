"""The prose rules, registered in the order they run (``kg rules`` lists them).

Each rule is a thin declaration over its family's function (the family modules hold the logic):
its name, scope, the relations it may emit (checked against the ontology at import), what it
needs, and a docstring whose example sentence shows the facts it gives. To add a rule, write its
function in a family module and register it here, where its place in the list is its turn.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from kg.extract.relations.affiliation import affiliation_facts, person_of_party_facts
from kg.extract.relations.base import Sentences
from kg.extract.relations.creed_verbs import creed_verb_facts
from kg.extract.relations.descriptors import descriptor_facts, ideology_facts, name_place_facts
from kg.extract.relations.division_list import division_list_facts
from kg.extract.relations.elections import election_participant_facts
from kg.extract.relations.events import armed_forces_in_conflicts, name_year_facts, section_events
from kg.extract.relations.ideology_adjective import adjective_ideology_facts
from kg.extract.relations.kinship import kinship_facts, possessive_rules
from kg.extract.relations.lead import location_facts
from kg.extract.relations.lead_events import event_relations, span_facts, token_facts
from kg.extract.relations.lead_table import lead_relations
from kg.extract.relations.life import life_facts
from kg.extract.relations.nationality import nationality_facts
from kg.extract.relations.nouns import noun_facts, noun_relations
from kg.extract.relations.offices import office_facts
from kg.extract.relations.pairs import pair_facts, pair_relations
from kg.extract.relations.parts import listed_part_facts, wing_facts
from kg.extract.relations.phrases import phrase_facts, phrase_triggers
from kg.extract.relations.places import (
    article_country_facts,
    gazetteer_country_facts,
    place_chain_facts,
    single_country_facts,
    single_region_facts,
)
from kg.extract.relations.registry import RULES, Inputs, SameAs, rule
from kg.extract.relations.role_of import role_of_facts
from kg.extract.relations.rosters import roster_facts
from kg.extract.relations.sited import division_facts, quarter_facts, site_facts
from kg.extract.relations.titles import title_office_facts
from kg.extract.relations.verbs import verb_facts
from kg.extract.relations.works import dated_work_facts, lead_work_facts, track_facts, work_creators
from kg.extract.tables import load_json
from kg.model import Fact, Mention

__all__ = ["describe_rules"]  # the rules themselves are in kg.extract.relations.registry.RULES


def _siblings(facts: Iterable[Fact]) -> tuple[frozenset[Mention], ...]:
    """The sibling groups kinship found: "the Roe brothers" later names them."""
    return tuple(
        frozenset({f.subject, f.object}) for f in facts if f.relation == "sibling" and isinstance(f.object, Mention)
    )


def _kinship_relations() -> set[str]:
    return {r.relation for r in possessive_rules()} | {"sibling"}


def _trigger_relations() -> set[str]:
    """Every relation the trigger table names (any field whose name holds "relation")."""

    def walk(node: Any, key: str = "") -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, k if "relation" in k else key)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, key)
        elif isinstance(node, str) and key:
            yield node

    return {r for r in walk(load_json("triggers.json")) if r}


@rule("kinship", "block", _kinship_relations, produces={"siblings": _siblings})
def _kinship(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A kinship or other possessed noun with a possessor and the ones named (table ``possessives.json``).
    Example: "Her sons Paulo Feld and Rui Feld" → child(her, Paulo Feld), child(her, Rui Feld),
    sibling(Paulo Feld, Rui Feld)."""
    return kinship_facts(ctx)


@rule("descriptor", "block", {"citizenship", "country"}, needs=("siblings",))
def _descriptor(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A demonym that modifies a name or its descriptor noun.
    Example: "the German chancellor Ana Roe" → citizenship(Ana Roe, Germany)."""
    return descriptor_facts(ctx)


@rule("descriptor-ideology", "block", {"ideology"}, needs=("siblings",))
def _descriptor_ideology(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A party's doctrine from the adjective of the noun that describes it.
    Example: "The Acme Union is a social democratic party" → ideology(Acme Union, Social democracy)."""
    return ideology_facts(ctx)


@rule("adjective-ideology", "block", {"ideology"}, needs=("siblings",))
def _adjective_ideology(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A doctrine's adjective right before an organisation's name.
    Example: "the Marxist–Leninist Tesk People's Army" → ideology(Tesk People's Army, Marxism–Leninism)."""
    return adjective_ideology_facts(ctx)


@rule("creed-verb", "block", {"ideology"}, needs=("siblings",))
def _creed_verb(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A doctrine a party or person is said to advocate or espouse.
    Example: "The front advocated an ideology of Tesism" → ideology(front, Tesism)."""
    return creed_verb_facts(ctx)


@rule("phrase", "block", lambda: {r for _, r in phrase_triggers()} | {"namedAfter"}, needs=("siblings",))
def _phrase(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Trigger phrases (table ``phrase_triggers.tsv``) and the name a subject is given after.
    Example: "The movement draws on the ideas of Ana Roe" → influencedBy(movement, Ana Roe)."""
    return phrase_facts(ctx)


@rule("dated-work", "block", {"publicationDate"}, needs=("siblings",))
def _dated_work(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A work's name with a year in brackets.
    Example: 'the album "Cry for Help" (1991)' → publicationDate(Cry for Help, 1991)."""
    return dated_work_facts(ctx)


@rule("pair", "block", pair_relations, needs=("siblings",))
def _pair(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Two neighbouring mentions and the words between them (table ``pairs.json``): a person of an
    institution or of a party, a role noun at an institution (``role_nouns.tsv``), an organisation
    "of" its leaders ("the Civic Party (PC) of Ana Roe").
    Example: "Jane Roe of the University of Tesk" → employer(Jane Roe, University of Tesk)."""
    return pair_facts(ctx)


@rule("name-place", "block", {"country", "jurisdiction", "locatedIn", "location"}, needs=("places", "siblings"))
def _name_place(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An organisation, facility or event whose name holds a place the article names.
    Example: "University of Alberta" beside "Alberta" → locatedIn(University of Alberta, Alberta)."""
    return name_place_facts(ctx, dict(inputs.places), inputs.box_parties)


@rule("division-list", "block", {"locatedIn"}, needs=("siblings",))
def _division_list(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """The places a list of a country's divisions names after its people's adjective.
    Example: "six Indonesian provinces of Central Papua and West Papua" → locatedIn(West Papua, Indonesia)."""
    return division_list_facts(ctx)


@rule("affiliation", "block", {"religion", "memberOfParty"}, needs=("faiths", "siblings"))
def _affiliation(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A faith or party word before a role, a conversion, an election as a party's candidate.
    Example: "the Lutheran pastor Ana Roe" → religion(Ana Roe, Lutheranism)."""
    return affiliation_facts(ctx, dict(inputs.faiths))


@rule("person-of-party", "block", {"memberOfParty", "memberOf"}, needs=("siblings",))
def _person_of_party(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A person named with the party she stands for.
    Example: "Ana Roe of the Civic Unity Front (CUF) won" → memberOf(Ana Roe, Civic Unity Front)."""
    return person_of_party_facts(ctx)


@rule("verb", "block", _trigger_relations, needs=("siblings",))
def _verb(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Trigger verbs and their arguments (table ``triggers.json``).
    Example: "The party was founded by Ana Roe in 1990" → foundedBy(party, Ana Roe), inception(party, 1990)."""
    return verb_facts(ctx)


@rule("office", "block", {"positionHeld"}, needs=("siblings",))
def _office(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An office of a country the prose gives a person.
    Example: "Ana Roe was the second Prime Minister of Valdora" → positionHeld(Ana Roe, Prime Minister of Valdora)."""
    return office_facts(ctx)


@rule(
    "title-office",
    "block",
    {"positionHeld", "headOfState", "headOfGovernment"},
    needs=("box_countries", "siblings"),
)
def _title_office(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A country's office the prose gives a person as a title before the name.
    Example: "The incumbent President Ana Roe faced strikes" in an article about Estonia →
    positionHeld(Ana Roe, President of Estonia), headOfState(Estonia, Ana Roe)."""
    return title_office_facts(ctx, (*inputs.mentions, *inputs.box_countries))


@rule("noun", "block", noun_relations, needs=("siblings",))
def _noun(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Trigger nouns and what hangs on them (table ``nouns.json``): a seat, an alliance named, a death.
    Example: "Its headquarters are in Quito" → headquarters(subject, Quito); "X formed an alliance
    with Y, called the Z" → memberOf(X, Z), memberOf(Y, Z)."""
    return noun_facts(ctx)


@rule("election-participant", "block", {"participant"}, needs=("siblings",))
def _election_participant(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A party or person that wins, loses or contests an election, or is its candidate.
    Example: "The party won the 2013 election" → participant(2013 election, party)."""
    return election_participant_facts(ctx)


@rule("wing-of", "block", {"parentOrganization"}, needs=("siblings",))
def _wing_of(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An organisation that is another's armed, youth or student wing.
    Example: "The Tesk Brigade is the armed wing of the Orvan Front" → parentOrganization(Tesk Brigade, Orvan Front)."""
    return wing_facts(ctx)


@rule(
    "roster",
    "block",
    {"foundedBy", "leader", "memberOf", "memberOfParty", "inception", "participant"},
    needs=("siblings",),
)
def _roster(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An organisation's founders, leaders or members named as a list beside "be".
    Example: "The founders were Ana Roe and Eva Sol" → foundedBy(subject, Ana Roe), foundedBy(subject, Eva Sol)."""
    return roster_facts(ctx)


@rule("role-of", "block", {"foundedBy", "leader", "memberOf", "memberOfParty", "participant"}, needs=("siblings",))
def _role_of(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A founder's or leader's noun of an organisation a person is said to be or become.
    Example: "Ana Roe was a physician and one of the founders of the Tesk Front" → foundedBy(Tesk Front, Ana Roe)."""
    return role_of_facts(ctx)


@rule("armed-forces", "block", {"participantIn"}, needs=("siblings",))
def _armed_forces(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An armed force named in a sentence with a war or battle.
    Example: "the Royal Tesk Air Force during the Korr War" → participantIn(Royal Tesk Air Force, Korr War)."""
    return armed_forces_in_conflicts(ctx)


@rule("name-year", "block", {"pointInTime", "startTime", "endTime"}, needs=("siblings",))
def _name_year(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An event named with its year happened that year.
    Example: "the 1973 Tesk massacre" → pointInTime(1973 Tesk massacre, 1973)."""
    return name_year_facts(ctx)


@rule("life", "block", {"birthDate", "birthPlace", "deathDate", "deathPlace"}, needs=("siblings",))
def _life(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Birth and death from a bracket after a person's name.
    Example: "Ana Roe (born 3 June 1961 in Curitiba)" → birthDate(Ana Roe, 1961-06-03),
    birthPlace(Ana Roe, Curitiba)."""
    return life_facts(ctx)


@rule("place-chain", "block", {"country", "locatedIn"}, needs=("siblings",))
def _place_chain(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """``A, B, C`` or a town ``in`` a region, each a place.
    Example: "Ghent, Belgium" → locatedIn(Ghent, Belgium), country(Ghent, Belgium)."""
    return place_chain_facts(ctx)


@rule("site-in", "block", {"country", "locatedIn"}, needs=("siblings",))
def _site_in(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A school, building or street named with the town it stands in.
    Example: "night school at Orvan University in Brennick" → locatedIn(Orvan University, Brennick)."""
    return site_facts(ctx)


@rule("demonym-division", "block", {"country"}, needs=("siblings",))
def _demonym_division(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A division named with its country's people's adjective.
    Example: "the Valdoran province of Tesk" → country(Tesk, Valdora)."""
    return division_facts(ctx)


@rule("quarter-of", "block", {"locatedIn"}, needs=("siblings",))
def _quarter_of(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A part of a town named as such beside the town.
    Example: "the district of Vell in Brennick", "Vell, now a suburb of Brennick" → locatedIn(Vell, Brennick)."""
    return quarter_facts(ctx)


@rule("nationality", "lead", lambda: lead_relations("lead-demonym"), needs=("siblings",))
def _nationality(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """A demonym before the lead's predicate noun.
    Example: "Ana Roe is a Brazilian politician" → citizenship(Ana Roe, Brazil)."""
    return nationality_facts(ctx)


@rule("event-span", "lead", lambda: event_relations("event-span"), needs=("siblings",))
def _event_span(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """The dates of an event in the lead's first sentence (table ``lead_events.json``).
    Example: "… a strike that lasted from 12 June to 30 July 1958" → startTime 1958-06-12, endTime 1958-07-30."""
    return span_facts(ctx, "event-span")


@rule("event-lead", "lead", lambda: event_relations("event-lead"), needs=("siblings",))
def _event_lead(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """An event's own lead paragraph (table ``lead_events.json``).
    Example: "… during the Mau Mau uprising. It began on 2 April 1954" → partOf(subject, Mau Mau uprising),
    startTime(subject, 1954-04-02)."""
    return token_facts(ctx, "event-lead")


@rule("location", "lead", lambda: lead_relations("lead-location"), needs=("siblings",))
def _location(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """The lead's "X is a town in Y".
    Example: "Brennick is a town in Tesk County" → locatedIn(Brennick, Tesk County)."""
    return location_facts(ctx)


@rule("lead-work", "lead", lambda: {*work_creators().values(), "partOf"}, needs=("siblings",))
def _lead_work(ctx: Sentences, inputs: Inputs) -> Iterable[Fact]:
    """Maker and containing work of a work, from the lead's first sentence (table ``work_creators.tsv``).
    Example: '"Vela" is a song by Ana Roe from her album Marea' → performer(Vela, Ana Roe), partOf(Vela, Marea)."""
    return lead_work_facts(ctx)


@rule("listed-part", "article", {"hasPart"}, needs=("sentences",))
def _listed_part(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """The member organisations a coalition's article lists after a paragraph that announces them.
    Example: "The parties that made up the coalition were:" then "- Tesk Labour Party (TLP) of Ana Roe."
    → hasPart(coalition, Tesk Labour Party)."""
    return listed_part_facts(inputs.article.text, inputs.ctxs)


@rule("tracks", "article", {"partOf", "performer"}, needs=("facts", "siblings"))
def _tracks(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """The songs an album's or a singer's article lists as singles or tracks.
    Example: 'The album spawned three singles: "Ghosts", …' → partOf(Ghosts, album),
    performer(Ghosts, its performer)."""
    return track_facts(inputs.ctxs, inputs.facts)


@rule(
    "gazetteer-country",
    "article",
    {"capital", "capitalOf", "continent", "country", "locatedIn"},
    needs=("box_countries", "sentences"),
)
def _gazetteer_country(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """What the gazetteer knows of places the article names together.
    Example: "Bergen" and "Norwegian" in one article → country(Bergen, Norway)."""
    return gazetteer_country_facts(inputs.article, [*inputs.mentions, *inputs.box_countries], inputs.sentences)


@rule(
    "single-country",
    "article",
    {"continent", "country", "locatedIn"},
    needs=("box_countries", "facts", "sentences"),
)
def _single_country(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """In an article naming one country, the places it names without a country lie in it.
    Example: only "Valdora" named, and "Tesk Valley Water Board" → country(Tesk Valley Water Board, Valdora)."""
    mentions = [*inputs.mentions, *inputs.box_countries]
    return single_country_facts(inputs.article, mentions, inputs.facts, inputs.sentences)


@rule("single-region", "article", {"continent", "country", "locatedIn"}, needs=("facts", "sentences"))
def _single_region(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """In an article naming one region, the landforms it names without a container lie in it.
    Example: only "Ontario" named, and "Rice Lake" → locatedIn(Rice Lake, Ontario)."""
    return single_region_facts(inputs.article, inputs.mentions, inputs.facts, inputs.sentences)


@rule("article-country", "article", {"citizenship", "country"}, needs=("facts", "sentences"))
def _article_country(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """The country of a subject no earlier rule gave a country or citizenship.
    Example: an organisation's article that names only "Valdora" → country(subject, Valdora)."""
    subject = inputs.subject
    if any(f.subject == subject and f.relation in ("country", "citizenship") for f in inputs.facts):
        return ()
    return article_country_facts(inputs.article, subject, inputs.mentions, inputs.sentences)


@rule(
    "section-events",
    "article",
    {"endTime", "location", "participant", "pointInTime", "startTime"},
    needs=("siblings",),
)
def _section_events(inputs: Inputs) -> Iterable[Fact | SameAs]:
    """Events named by section headings, with what their sections say (and the names given to them).
    Example: a section "== Battle of Korr Pass (1870) ==" → an Event with pointInTime 1870."""
    events = section_events(inputs.article, inputs.ctxs)
    return [*events.facts, *events.same_as]


# the rules whose patterns (or relations) are rows of a table: the table, shown row by row under its
# rule (a row that names its "rule" only under that one)
_TABLES = {
    "kinship": "possessives.json",
    "verb": "triggers.json",
    "noun": "nouns.json",
    "pair": "pairs.json",
    "nationality": "lead.json",
    "location": "lead.json",
    "event-span": "lead_events.json",
    "event-lead": "lead_events.json",
}


def _rows(table: str, rule: str) -> list[dict[str, Any]]:
    """A table's rows for ``kg rules``: name, confidence, and the first example with its facts."""
    out = []
    for row in load_json(table)["rules"]:
        if row.get("rule", rule) != rule:
            continue
        ex = (row.get("examples") or [{}])[0]
        facts = ", ".join(f"{r}({s}, {o})" for s, r, o in ex.get("facts", []))
        out.append({"name": row["name"], "confidence": row["confidence"], "example": f"{ex.get('text', '')} → {facts}"})
    return out


def describe_rules(as_json: bool = False) -> str:
    """Every registered rule in its turn: name, scope, relations, needs and docstring (``kg rules``);
    a table-driven rule with its table's rows."""
    rows: list[dict[str, Any]] = [
        {"name": r.name, "scope": r.scope, "relations": sorted(r.relations), "needs": list(r.needs), "doc": r.doc}
        | ({"table": f"kg/data/{_TABLES[r.name]}", "rows": _rows(_TABLES[r.name], r.name)} if r.name in _TABLES else {})
        for r in RULES
    ]
    if as_json:
        return json.dumps(rows, indent=2, ensure_ascii=False)
    lines = []
    for i, row in enumerate(rows, 1):
        needs = f"  needs: {', '.join(row['needs'])}" if row["needs"] else ""
        lines.append(f"{i:2}. {row['name']} ({row['scope']}){needs}")
        lines.append(f"    relations: {', '.join(row['relations'])}")
        lines.append(f"    {row['doc']}")
        if "rows" in row:
            lines.append(f"    rows of {row['table']}:")
            lines.extend(f"      {t['name']} ({t['confidence']}): {t['example']}" for t in row["rows"])
    return "\n".join(lines)
