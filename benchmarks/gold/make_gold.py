"""Hand-made gold for the seed and the invented articles of tests/data, in the shared scorer's format.

    python benchmarks/gold/make_gold.py      # rewrites benchmarks/gold/*.gold.json

Written by reading each article, not from kg's output. Conventions follow Re-DocRED's, the
benchmark kg is measured on: P131 names the direct administrative parent, and a place or
organisation whose only stated container is its country may carry P131 or P17 (one gold fact,
either property matches); an organisation is P131-located in its headquarters' city; a band's
or writer's works are P800 notable works. Score with ``benchmarks/quality.py --own`` (--inverse).
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE

def gold(doc, title, ents, facts):
    finer = {s for s, p, o, *_ in facts if p == "P131"}
    facts = [
        (s, ["P17", "P131"] if p == "P17" and s not in finer else ["P159", "P131"] if p == "P159" else p, o, *rest)
        for s, p, o, *rest in facts
    ]
    entities, ids = [], {}
    for key, (label, typ, *al) in ents.items():
        ids[key] = key
        entities.append({"id": key, "label": label, "type": typ, "aliases": sorted({label, *(al[0] if al else [])})})
    out = []
    n = 0
    for s, p, o, *lit in facts:
        if lit:  # a plain value (a colour): matched as text
            out.append({"s": s, "p": p, "o": o, "literal": True})
            continue
        if o not in ids:  # a date: a TIME entity
            n += 1
            k = f"t{n}"
            ids[k] = k
            entities.append({"id": k, "label": o, "type": "TIME", "aliases": [o]})
            o = k
        out.append({"s": s, "p": p, "o": o})
    (OUT / f"{Path(doc).stem}.gold.json").write_text(
        json.dumps({"doc": doc, "title": title, "entities": entities, "facts": out}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(doc, len(entities), "entities", len(out), "facts")

seed = sorted((HERE.parent.parent / "seeds").glob("*.txt"))[0].name
gold(seed, "Ethnocacerism", {
    "eth": ("Ethnocacerism", "Organization", [
        "ethnocacerist movement", "Movimiento etnocacerista", "Movimiento Nacionalista Peruano",
        "Peruvian Nationalist Movement",
    ]),
    "antauro": ("Antauro Humala", "Person", ["Antauro", "Antuaro Humala"]),
    "isaac": ("Isaac Humala", "Person"),
    "ollanta": ("Ollanta Humala", "Person"),
    "lima": ("Lima", "Place"), "peru": ("Peru", "Place"),
    "upp": ("Union for Peru", "PoliticalParty"),
    "goc": ("Go on Country", "PoliticalParty"),
    "pnp": ("Peruvian Nationalist Party", "PoliticalParty"),
    "na": ("National Alliance", "PoliticalParty", ["ANTAURO"]),
    "velasco": ("Juan Velasco Alvarado", "Person"), "morales": ("Evo Morales", "Person"),
    "nasser": ("Gamal Abdel Nasser", "Person"), "gaddafi": ("Muammar Gaddafi", "Person"),
    "che": ("Che Guevara", "Person"),
    "aspret": ("Plurinational Association of Tawantinsuyo Reservists", "Organization", ["ASPRET"]),
    "era": ("Ejército de Reservistas Andino Amazónico – T", "Organization"),
    "ecuador": ("Ecuador", "Place"), "sp": ("Shining Path", "Organization"),
    "caceres": ("Andrés Avelino Cáceres", "Person"), "chile": ("Chile", "Place"),
    "wotp": ("War of the Pacific", "Event"),
    "iee": ("Instituto de Estudios Etnogeopolíticos", "Organization", ["IEE"]),
    "lu": ("Locumba Uprising", "Event"), "locumba": ("Locumba", "Place"), "tacna": ("Tacna", "Place"),
    "fujimori": ("Alberto Fujimori", "Person"), "congress": ("Congress", "Organization"),
    "andahuaylazo": ("Andahuaylazo", "Event", ["El Andahuaylazo"]),
    "andahuaylas": ("Andahuaylas", "Place"), "apurimac": ("Apurimac", "Place"),
    "vizcarra": ("Martín Vizcarra", "Person"),
    "mcpc": ("Militarized Communist Party of Peru", "PoliticalParty", ["MCPC"]),
    "udarf": ("United Democratic Andean Revolutionary Front of Peru", "Organization",
              ["Frente Unido Democrático Andino Revolucionario del Perú"]),
    "castillo": ("Pedro Castillo", "Person"),
    "vice": ("Vice", "Publication"), "harpers": ("Harper's Magazine", "Publication"),
    "correa": ("Norma Correa", "Person"), "pucp": ("Pontifical Catholic University of Peru", "Organization"),
    "us": ("United States", "Place"), "ussr": ("Soviet Union", "Place"),
    "tupac": ("Tupac Amaru", "Person"), "mariategui": ("José Carlos Mariátegui", "Person"),
    "inca": ("Inca Empire", "Place"), "tucuman": ("Tucumán", "Place"), "pasto": ("Pasto", "Place"),
    "ollanta_paper": ("Ollanta", "Publication", ["Antauro"]),
}, [
    ("eth", "P488", "antauro"), ("eth", "P112", "isaac"), ("eth", "P159", "lima"), ("eth", "P17", "peru"),
    ("upp", "P463", "eth"), ("na", "P463", "eth"), ("goc", "P463", "eth"), ("pnp", "P463", "eth"),
    ("isaac", "P40", "ollanta"), ("isaac", "P40", "antauro"), ("ollanta", "P3373", "antauro"),
    ("eth", "P737", "velasco"), ("eth", "P737", "morales"), ("eth", "P737", "nasser"),
    ("eth", "P737", "gaddafi"), ("eth", "P737", "che"), ("eth", "P138", "caceres"),
    ("iee", "P112", "isaac"), ("iee", "P571", "1989"),
    ("lu", "P276", "locumba"), ("lu", "P580", "2000-10-29"), ("lu", "P582", "2000-12-16"),
    ("lu", "P710", "antauro"), ("lu", "P710", "ollanta"),
    ("locumba", "P131", "tacna"), ("locumba", "P17", "peru"), ("tacna", "P17", "peru"),
    ("andahuaylazo", "P276", "andahuaylas"), ("andahuaylazo", "P580", "2005-01-01"),
    ("andahuaylazo", "P710", "antauro"),
    ("andahuaylas", "P131", "apurimac"), ("andahuaylas", "P17", "peru"), ("apurimac", "P17", "peru"),
    ("lima", "P17", "peru"), ("aspret", "P571", "2011"),
    ("udarf", "P571", "2018"), ("udarf", "P576", "2022"),
    ("aspret", "P463", "udarf"), ("mcpc", "P463", "udarf"),
    ("na", "P112", "antauro"), ("na", "P571", "2023"), ("na", "P576", "2024"),
    ("correa", "P108", "pucp"), ("pucp", "P17", "peru"), ("caceres", "P27", "peru"),
    ("wotp", "P710", "chile"), ("wotp", "P710", "peru"),
    ("eth", "P462", "red", "lit"), ("eth", "P462", "black", "lit"),
    ("lu", "P17", "peru"), ("andahuaylazo", "P17", "peru"), ("andahuaylazo", "P582", "2005-01-04"),
    ("upp", "P17", "peru"), ("udarf", "P17", "peru"), ("mcpc", "P17", "peru"), ("aspret", "P17", "peru"),
    ("eth", "P2813", "ollanta_paper"),
])

gold("green_union.txt", "Green Union of Valdora", {
    "guv": ("Green Union of Valdora", "PoliticalParty", ["GUV", "Unión Verde de Valdora"]),
    "marta": ("Marta Oyelaran", "Person"), "tomas": ("Tomas Rivkin", "Person", ["Rivkin"]),
    "elena": ("Elena Vasquez", "Person"),
    "pa": ("Porto Alegre", "Place"), "rgs": ("Rio Grande do Sul", "Place"), "brazil": ("Brazil", "Place"),
    "vwf": ("Valdoran Workers' Front", "PoliticalParty"), "al": ("Agrarian League", "Organization"),
    "vei": ("Valdora Ecology Institute", "Organization", ["VEI"]),
    "ufrgs": ("Federal University of Rio Grande do Sul", "Organization"),
    "rgp": ("Rural Green Pact", "Organization"),
    "gp": ("Green politics", "Ideology"), "ecosoc": ("Eco-socialism", "Ideology"),
}, [
    ("guv", "P488", "marta"), ("guv", "P112", "tomas"), ("guv", "P112", "elena"),
    ("guv", "P571", "1994-03-12"), ("guv", "P576", "2019"), ("guv", "P159", "pa"), ("guv", "P17", "brazil"),
    ("pa", "P131", "rgs"), ("pa", "P17", "brazil"), ("rgs", "P17", "brazil"),
    ("vwf", "P463", "guv"), ("al", "P463", "guv"),
    ("vei", "P112", "tomas"), ("vei", "P571", "1990"), ("tomas", "P108", "ufrgs"),
    ("rgp", "P571", "2005"), ("rgp", "P576", "2009"), ("ufrgs", "P17", "brazil"),
    ("guv", "P740", "pa"), ("guv", "P1142", "gp"), ("guv", "P1142", "ecosoc"),
    ("guv", "P462", "green", "lit"), ("guv", "P462", "white", "lit"),
])

gold("valdora_front.txt", "Valdoran Liberation Front", {
    "vlf": ("Valdoran Liberation Front", "Organization", ["the Front"]),
    "tomas": ("Tomas Rivkin", "Person"),
    "bolivar": ("Simón Bolívar", "Person"), "marti": ("José Martí", "Person"), "rosa": ("Rosa Luxemburg", "Person"),
    "valdor": ("Manuel Valdor", "Person"),
    "siege": ("Harbour Siege", "Event"), "si": ("Santa Irena", "Place"),
    "carlos": ("Carlos Quispe", "Person"), "mateo": ("Mateo Quispe", "Person"), "elenaq": ("Elena Quispe", "Person"),
    "chispa": ("La Chispa", "Publication", ["El Faro"]),
    "al": ("Agrarian League", "Organization"),
    "ren": ("National Renewal", "PoliticalParty", ["RENACER"]),
    "clara": ("Clara Benn", "Person"), "usi": ("University of Santa Irena", "Organization"),
}, [
    ("vlf", "P488", "tomas"), ("vlf", "P571", "1971"),
    ("vlf", "P737", "bolivar"), ("vlf", "P737", "marti"), ("vlf", "P737", "rosa"), ("vlf", "P138", "valdor"),
    ("siege", "P580", "1983-03-03"), ("siege", "P582", "1983-03-09"), ("siege", "P276", "si"),
    ("siege", "P710", "carlos"), ("siege", "P710", "mateo"),
    ("chispa", "P571", "1985"), ("ren", "P112", "tomas"), ("ren", "P571", "1999"),
    ("clara", "P108", "usi"),
    ("elenaq", "P40", "carlos"), ("elenaq", "P40", "mateo"), ("carlos", "P3373", "mateo"),
    ("siege", "P710", "vlf"), ("vlf", "P2813", "chispa"),
])

gold("harbour_revolt.txt", "Harbour Revolt of Santa Irena", {
    "hr": ("Harbour Revolt of Santa Irena", "Event"),
    "si": ("Santa Irena", "Place"), "chile": ("Chile", "Place"),
    "dwf": ("Dockworkers' Federation", "Organization"), "army": ("Chilean Army", "Organization"),
    "ramon": ("Ramón Iturra", "Person"),
}, [
    ("hr", "P580", "1921-05-04"), ("hr", "P582", "1921-05-09"), ("hr", "P276", "si"), ("hr", "P17", "chile"),
    ("si", "P17", "chile"), ("hr", "P710", "dwf"), ("hr", "P710", "army"), ("hr", "P710", "ramon"),
    ("army", "P17", "chile"),
])

gold("person_oyelaran.txt", "Marta Oyelaran", {
    "marta": ("Marta Oyelaran", "Person", ["Oyelaran"]),
    "curitiba": ("Curitiba", "Place"), "brazil": ("Brazil", "Place"),
    "joaquim": ("Joaquim Feld", "Person"), "ana": ("Ana Oyelaran", "Person"),
    "guv": ("Green Union of Valdora", "PoliticalParty"),
    "paulo": ("Paulo Feld", "Person"), "rui": ("Rui Feld", "Person"),
    "usp": ("University of São Paulo", "Organization"),
    "politician": ("politician", "Other"), "biologist": ("biologist", "Other"),
}, [
    ("marta", "P569", "1961-06-03"), ("marta", "P19", "curitiba"), ("curitiba", "P17", "brazil"),
    ("marta", "P26", "joaquim"), ("marta", "P3373", "ana"), ("marta", "P102", "guv"),
    ("marta", "P27", "brazil"), ("guv", "P488", "marta"),
    ("marta", "P40", "paulo"), ("marta", "P40", "rui"), ("paulo", "P3373", "rui"),
    ("marta", "P69", "usp"), ("marta", "P106", "politician"), ("marta", "P106", "biologist"),
])

gold("places_and_lists.txt", "Northern Rail Strike", {
    "nrs": ("Northern Rail Strike", "Event"),
    "rosario": ("Rosario", "Place"), "sf": ("Santa Fe", "Place"), "arg": ("Argentina", "Place"),
    "cordoba": ("Córdoba", "Place"), "mendoza": ("Mendoza", "Place"), "tucuman": ("Tucumán", "Place"),
    "salta": ("Salta", "Place"),
    "uba": ("University of Buenos Aires Workers' Council", "Organization"),
    "aru": ("Argentine Railway Union", "Organization"),
}, [
    ("nrs", "P276", "rosario"), ("nrs", "P585", "1952"), ("nrs", "P17", "arg"),
    ("rosario", "P131", "sf"), ("rosario", "P17", "arg"), ("sf", "P17", "arg"),
    ("cordoba", "P17", "arg"), ("mendoza", "P17", "arg"), ("tucuman", "P17", "arg"), ("salta", "P17", "arg"),
    ("nrs", "P710", "uba"), ("nrs", "P710", "aru"), ("aru", "P17", "arg"),
])

gold("plain_prose.txt", "Lorentz Brigade", {
    "lb": ("Lorentz Brigade", "Organization"), "ghent": ("Ghent", "Place"), "belgium": ("Belgium", "Place"),
    "piet": ("Piet Lorentz", "Person"), "ba": ("Belgian Army", "Organization"),
}, [
    ("lb", "P571", "1936"), ("lb", "P740", "ghent"), ("ghent", "P17", "belgium"), ("lb", "P17", "belgium"),
    ("lb", "P488", "piet"), ("ba", "P17", "belgium"),
])

gold("song_red_harvest.txt", "Red Harvest (song)", {
    "song": ("Red Harvest", "Other"), "band": ("Los Tambores Rojos", "Organization"),
    "album": ("Canciones del Llano", "Other"), "label": ("Sello Verde Records", "Organization"),
    "ignacio": ("Ignacio Morandé", "Person"), "paula": ("Paula Serrat", "Person"),
    "guv": ("Green Union of Valdora", "PoliticalParty"), "chile": ("Chile", "Place"),
}, [
    ("song", "P175", "band"), ("song", "P361", "album"), ("album", "P175", "band"),
    ("band", "P800", "song"), ("band", "P800", "album"),
    ("song", "P577", "1979-05-02"), ("song", "P264", "label"), ("song", "P162", "ignacio"),
    ("paula", "P27", "chile"),
])

# Unseen: written after the rules, never used to tune them (benchmarks/gold/unseen/).
OUT = HERE / "unseen"
gold("korvath_party.txt", "Korvath People's Party", {
    "ppk": ("Korvath People's Party", "PoliticalParty", ["PPK", "Partido Popular de Korvath"]),
    "ilse": ("Ilse Marenko", "Person"), "dario": ("Dario Kestel", "Person", ["Kestel"]),
    "valpo": ("Valparaíso", "Place"), "chile": ("Chile", "Place"),
    "agr": ("Agrarianism", "Ideology"), "uchile": ("University of Chile", "Organization"),
    "radical": ("Radical Party", "PoliticalParty"), "sc": ("Southern Coalition", "Organization"),
    "march": ("Temuco March", "Event"), "temuco": ("Temuco", "Place"), "santiago": ("Santiago", "Place"),
    "vera": ("Vera Marenko", "Person"), "anton": ("Anton Marenko", "Person"),
}, [
    ("ppk", "P488", "ilse"), ("ppk", "P112", "dario"), ("ppk", "P571", "1962-09-07"),
    ("ppk", "P159", "valpo"), ("ppk", "P17", "chile"), ("valpo", "P17", "chile"), ("ppk", "P1142", "agr"),
    ("ppk", "P462", "yellow", "lit"), ("ppk", "P740", "valpo"), ("dario", "P108", "uchile"),
    ("uchile", "P17", "chile"), ("sc", "P571", "1970"), ("sc", "P576", "1973"),
    ("march", "P580", "1988-04-14"), ("march", "P582", "1988-05-02"), ("march", "P710", "ilse"),
    ("march", "P710", "vera"), ("march", "P710", "ppk"), ("march", "P17", "chile"),
    ("temuco", "P17", "chile"), ("santiago", "P17", "chile"),
    ("anton", "P40", "ilse"), ("anton", "P40", "vera"), ("ilse", "P3373", "vera"),
    ("ppk", "P576", "1974"), ("radical", "P17", "chile"),
])
gold("hugo_brandt.txt", "Hugo Brandt", {
    "hugo": ("Hugo Brandt", "Person", ["Brandt"]), "graz": ("Graz", "Place"), "austria": ("Austria", "Place"),
    "vienna": ("Vienna", "Place"), "spo": ("Social Democratic Party of Austria", "PoliticalParty"),
    "lena": ("Lena Brandt", "Person"), "uvienna": ("University of Vienna", "Organization"),
    "felix": ("Felix Brandt", "Person"), "swa": ("Styrian Workers' Association", "Organization"),
    "politician": ("politician", "Other"), "unionist": ("trade unionist", "Other"),
    "journalist": ("journalist", "Other"),
}, [
    ("hugo", "P569", "1934-11-22"), ("hugo", "P19", "graz"), ("hugo", "P570", "2001-02-05"),
    ("hugo", "P20", "vienna"), ("graz", "P17", "austria"), ("vienna", "P17", "austria"),
    ("hugo", "P102", "spo"), ("hugo", "P26", "lena"), ("hugo", "P27", "austria"), ("hugo", "P69", "uvienna"),
    ("hugo", "P40", "felix"), ("lena", "P40", "felix"), ("swa", "P112", "hugo"), ("swa", "P571", "1968"),
    ("swa", "P488", "hugo"), ("spo", "P17", "austria"), ("uvienna", "P17", "austria"),
    ("hugo", "P106", "politician"), ("hugo", "P106", "unionist"), ("felix", "P106", "journalist"),
])
gold("mesa_rebellion.txt", "Mesa Rebellion", {
    "mesa": ("Mesa Rebellion", "Event"), "arequipa": ("Arequipa", "Place"), "peru": ("Peru", "Place"),
    "julio": ("Julio Paredes", "Person"), "tomas": ("Tomás Paredes", "Person"),
    "odria": ("Manuel Odría", "Person"), "apra": ("Peruvian Aprista Party", "PoliticalParty"),
    "haya": ("Víctor Raúl Haya de la Torre", "Person"),
}, [
    ("mesa", "P276", "arequipa"), ("mesa", "P17", "peru"), ("arequipa", "P17", "peru"),
    ("mesa", "P585", "1956"), ("mesa", "P580", "1956-06-12"), ("mesa", "P582", "1956-06-15"),
    ("mesa", "P710", "julio"), ("mesa", "P710", "tomas"), ("julio", "P3373", "tomas"),
    ("mesa", "P710", "odria"), ("mesa", "P710", "apra"), ("apra", "P112", "haya"), ("apra", "P17", "peru"),
])

# Written in session 3 before kg was run on them: the honest measure of the rules on new text.
OUT = HERE / "unseen2"
gold("free_land_movement.txt", "Free Land Movement", {
    "mtl": ("Free Land Movement", "Organization", ["MTL", "Movimiento Tierra Libre", "the movement"]),
    "bolivia": ("Bolivia", "Place", ["Bolivian"]), "cocha": ("Cochabamba", "Place"),
    "rodrigo": ("Rodrigo Alcón", "Person", ["Alcón"]), "marisol": ("Marisol Quispe", "Person"),
    "reinaga": ("Fausto Reinaga", "Person"), "elias": ("Elías Alcón", "Person", ["Elías"]),
    "rosa": ("Rosa Alcón", "Person"), "chamber": ("Chamber of Deputies", "Organization"),
    "mas": ("Movement for Socialism", "PoliticalParty"), "tunari": ("Villa Tunari", "Place"),
    "chapare": ("Chapare Province", "Place"), "occ": ("Occupation of Villa Tunari", "Event"),
    "lwu": ("Landless Workers' Union", "Organization"), "front": ("Agrarian Front", "Organization"),
    "captain": ("army captain", "Other"), "teacher": ("teacher", "Other"), "writer": ("writer", "Other"),
}, [
    ("mtl", "P571", "1994"), ("mtl", "P740", "cocha"), ("mtl", "P112", "rodrigo"), ("mtl", "P112", "marisol"),
    ("mtl", "P17", "bolivia"), ("cocha", "P17", "bolivia"), ("rodrigo", "P26", "marisol"),
    ("mtl", "P737", "reinaga"), ("mtl", "P488", "rodrigo"), ("mtl", "P488", "elias"),
    ("rodrigo", "P570", "2009"), ("rodrigo", "P40", "elias"), ("elias", "P3373", "rosa"),
    ("rosa", "P102", "mas"), ("occ", "P580", "2003-03-03"), ("occ", "P582", "2003-03-05"),
    ("occ", "P276", "tunari"), ("occ", "P710", "mtl"), ("occ", "P710", "rodrigo"),
    ("tunari", "P131", "chapare"), ("tunari", "P17", "bolivia"), ("chapare", "P17", "bolivia"),
    ("front", "P571", "2005"), ("front", "P576", "2008"), ("mtl", "P463", "front"), ("lwu", "P463", "front"),
    ("rodrigo", "P106", "captain"), ("marisol", "P106", "teacher"), ("reinaga", "P106", "writer"),
])
gold("halvard_brekke.txt", "Halvard Brekke", {
    "hb": ("Halvard Brekke", "Person", ["Brekke"]), "norway": ("Norway", "Place", ["Norwegian"]),
    "labour": ("Labour Party", "PoliticalParty"), "tromso": ("Tromsø", "Place"), "bergen": ("Bergen", "Place"),
    "akers": ("Akers Mekaniske Verksted", "Organization"), "oslo": ("Oslo", "Place"),
    "union": ("Norwegian Union of Iron and Metalworkers", "Organization"),
    "storting": ("Storting", "Organization"), "troms": ("Troms", "Place"),
    "lokken": ("Arne Løkken", "Person"), "ingrid": ("Ingrid Solheim", "Person"), "kari": ("Kari Brekke", "Person"),
    "uib": ("University of Bergen", "Organization"), "olav": ("Olav Brekke", "Person"),
    "harstad": ("Harstad", "Place"),
    "unionist": ("trade unionist", "Other"), "politician": ("politician", "Other"),
    "welder": ("welder", "Other"), "journalist": ("journalist", "Other"),
}, [
    ("hb", "P569", "1931-02-12"), ("hb", "P570", "2008-11-04"), ("hb", "P27", "norway"),
    ("hb", "P102", "labour"), ("hb", "P19", "tromso"), ("hb", "P20", "bergen"), ("hb", "P108", "akers"),
    ("akers", "P159", "oslo"), ("union", "P488", "hb"), ("union", "P17", "norway"),
    ("hb", "P26", "ingrid"), ("hb", "P40", "kari"), ("ingrid", "P40", "kari"), ("kari", "P108", "uib"),
    ("uib", "P131", "bergen"), ("hb", "P3373", "olav"), ("tromso", "P17", "norway"),
    ("bergen", "P17", "norway"), ("oslo", "P17", "norway"), ("harstad", "P17", "norway"),
    ("troms", "P17", "norway"), ("storting", "P17", "norway"), ("hb", "P106", "unionist"),
    ("hb", "P106", "politician"), ("hb", "P106", "welder"), ("ingrid", "P106", "journalist"),
])
gold("oruro_miners_strike.txt", "Oruro Miners' Strike", {
    "strike": ("Oruro Miners' Strike", "Event"), "oruro_dep": ("department of Oruro", "Place"),
    "bolivia": ("Bolivia", "Place"), "fed": ("Federation of Mine Workers of Oruro", "Organization"),
    "huanca": ("Teodoro Huanca", "Person", ["Huanca"]), "vaca": ("Ramiro Vaca", "Person"),
    "huanuni": ("Huanuni mine", "Place", ["Huanuni"]), "sanjose": ("San José mine", "Place", ["San José"]),
    "oruro": ("Oruro", "Place", ["city of Oruro"]), "manrique": ("Jorge Manrique", "Person"),
    "ministry": ("Ministry of Mines", "Organization"), "vanguard": ("Bolivian Workers' Vanguard", "PoliticalParty"),
}, [
    ("strike", "P580", "1958-06-12"), ("strike", "P582", "1958-07-30"), ("strike", "P276", "oruro_dep"),
    ("strike", "P17", "bolivia"), ("oruro_dep", "P17", "bolivia"), ("strike", "P710", "fed"),
    ("strike", "P710", "huanca"), ("fed", "P488", "huanca"), ("bolivia", "P35", "vaca"),
    ("oruro", "P131", "oruro_dep"), ("oruro", "P17", "bolivia"), ("sanjose", "P17", "bolivia"),
    ("huanuni", "P17", "bolivia"), ("ministry", "P17", "bolivia"), ("vanguard", "P112", "huanca"),
    ("vanguard", "P17", "bolivia"), ("fed", "P17", "bolivia"),
])
