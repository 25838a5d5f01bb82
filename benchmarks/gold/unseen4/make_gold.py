"""Gold for benchmarks/gold/unseen4, written from the articles before kg ran on them."""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent


def write(doc, title, ents, facts):
    entities = [
        {"id": k, "label": v[0], "type": v[1], "aliases": sorted({v[0], *(v[2] if len(v) > 2 else [])})}
        for k, v in ents.items()
    ]
    for s, _p, o in facts:
        assert s in ents and o in ents, (s, o)
    # the convention of benchmarks/gold/make_gold.py: a thing whose only stated container is its
    # country may carry P131 or P17 (one gold fact, either property matches)
    finer = {s for s, p, o in facts if p == "P131" or (isinstance(p, list) and "P131" in p and "P17" not in p)}
    facts = [(s, ["P17", "P131"] if p == "P17" and s not in finer else p, o) for s, p, o in facts]
    out = [{"s": s, "p": p, "o": o} for s, p, o in facts]
    (OUT / f"{doc}.gold.json").write_text(
        json.dumps(
            {"doc": f"{doc}.txt", "title": title, "entities": entities, "facts": out}, indent=1, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )


PC = ["P17", "P131"]
write(
    "wari_peasant_movement",
    "Wari Peasant Movement",
    {
        "mcw": ("Wari Peasant Movement", "PoliticalParty", ["MCW", "Movimiento Campesino Wari"]),
        "bolivia": ("Bolivia", "Place"),
        "tf": ("12 October 1979", "TIME"),
        "oruro": ("Oruro", "Place"),
        "genaro": ("Genaro Quispe", "Person"),
        "felix": ("Félix Quispe", "Person"),
        "altiplano": ("Altiplano", "Place"),
        "elalto": ("El Alto", "Place"),
        "oruro_dept": ("Oruro Department", "Place"),
        "reinaga": ("Fausto Reinaga", "Person"),
        "arguedas": ("José María Arguedas", "Person"),
        "peru": ("Peru", "Place", ["Peruvian"]),
        "mir": ("Revolutionary Left Party", "PoliticalParty"),
        "bloc": ("Popular Andean Bloc", "Organization"),
        "congress": ("National Congress", "Organization"),
        "banzer": ("Hugo Banzer", "Person"),
        "cochabamba": ("Cochabamba", "Place"),
        "t2006": ("2006", "TIME"),
        "rosa": ("Rosa Mamani", "Person"),
        "potosi": ("Potosí", "Place"),
        "chamber": ("Chamber of Deputies", "Organization"),
    },
    [
        ("mcw", PC, "bolivia"),
        ("mcw", "P571", "tf"),
        ("mcw", "P740", "oruro"),
        ("mcw", "P112", "genaro"),
        ("mcw", "P112", "felix"),
        ("genaro", "P3373", "felix"),
        ("mcw", ["P159", "P131"], "elalto"),
        ("elalto", PC, "bolivia"),
        ("oruro", "P17", "bolivia"),
        ("oruro_dept", PC, "bolivia"),
        ("mcw", "P737", "reinaga"),
        ("mcw", "P737", "arguedas"),
        ("arguedas", "P27", "peru"),
        ("bloc", "P527", "mcw"),
        ("bloc", "P527", "mir"),
        ("mir", "P17", "bolivia"),
        ("bloc", "P17", "bolivia"),
        ("congress", "P17", "bolivia"),
        ("banzer", "P27", "bolivia"),
        ("cochabamba", PC, "bolivia"),
        ("mcw", "P488", "genaro"),
        ("mcw", "P488", "rosa"),
        ("genaro", "P570", "t2006"),
        ("genaro", "P102", "mcw"),
        ("felix", "P102", "mcw"),
        ("rosa", "P102", "mcw"),
        ("potosi", PC, "bolivia"),
        ("chamber", "P17", "bolivia"),
    ],
)

write(
    "yaw_boakye_darko",
    "Yaw Boakye-Darko",
    {
        "yaw": ("Yaw Boakye-Darko", "Person", ["Boakye-Darko"]),
        "tb": ("14 August 1921", "TIME"),
        "td": ("2 February 1994", "TIME"),
        "ghana": ("Ghana", "Place", ["Ghanaian"]),
        "methodism": ("Methodist", "Organization"),
        "kumasi": ("Kumasi", "Place"),
        "ashanti": ("Ashanti Region", "Place"),
        "kofi": ("Kofi Boakye", "Person"),
        "ama": ("Ama Serwaa", "Person"),
        "wesley": ("Wesley College", "Organization"),
        "railway": ("Gold Coast Railway", "Organization"),
        "ugcc": ("United Gold Coast Convention", "PoliticalParty"),
        "cpp": ("Convention People's Party", "PoliticalParty"),
        "nkrumah": ("Kwame Nkrumah", "Person", ["Nkrumah"]),
        "assembly": ("Legislative Assembly", "Organization"),
        "nsawam": ("Nsawam", "Place"),
        "coup": ("1966 coup", "Event"),
        "pp": ("Progress Party", "PoliticalParty"),
        "busia": ("Kofi Busia", "Person"),
        "efua": ("Efua Mensah", "Person"),
        "akosua": ("Akosua Boakye-Darko", "Person"),
        "kwame": ("Kwame Darko", "Person"),
        "kotoko": ("Asante Kotoko", "Organization"),
        "accra": ("Accra", "Place"),
    },
    [
        ("yaw", "P569", "tb"),
        ("yaw", "P570", "td"),
        ("yaw", "P27", "ghana"),
        ("yaw", "P140", "methodism"),
        ("yaw", "P19", "kumasi"),
        ("kumasi", "P131", "ashanti"),
        ("kumasi", "P17", "ghana"),
        ("ashanti", PC, "ghana"),
        ("yaw", "P22", "kofi"),
        ("yaw", "P25", "ama"),
        ("kofi", "P26", "ama"),
        ("yaw", "P69", "wesley"),
        ("wesley", "P131", "kumasi"),
        ("wesley", "P17", "ghana"),
        ("yaw", "P108", "railway"),
        ("yaw", "P102", "ugcc"),
        ("yaw", "P102", "cpp"),
        ("nkrumah", "P102", "cpp"),
        ("cpp", "P17", "ghana"),
        ("ugcc", "P17", "ghana"),
        ("assembly", "P17", "ghana"),
        ("pp", "P17", "ghana"),
        ("busia", "P102", "pp"),
        ("yaw", "P102", "pp"),
        ("yaw", "P26", "efua"),
        ("yaw", "P40", "akosua"),
        ("efua", "P40", "akosua"),
        ("yaw", "P3373", "kwame"),
        ("kwame", "P54", "kotoko"),
        ("kotoko", "P17", "ghana"),
        ("yaw", "P20", "accra"),
        ("accra", PC, "ghana"),
        ("nsawam", PC, "ghana"),
        ("coup", "P17", "ghana"),
        ("nkrumah", "P27", "ghana"),
        ("busia", "P27", "ghana"),
    ],
)

write(
    "rosario_railway_strike",
    "Rosario railway strike of 1959",
    {
        "strike": ("Rosario railway strike of 1959", "Event"),
        "argentina": ("Argentina", "Place"),
        "ts": ("26 October 1959", "TIME"),
        "te": ("10 December 1959", "TIME"),
        "rosario": ("Rosario", "Place"),
        "sfp": ("Santa Fe Province", "Place"),
        "uf": ("Railway Workers' Union", "Organization", ["Unión Ferroviaria"]),
        "frondizi": ("Arturo Frondizi", "Person", ["Frondizi"]),
        "central": ("Central Argentine Railway", "Organization"),
        "perez": ("Pérez", "Place"),
        "villadiego": ("Villa Diego", "Place"),
        "galvan": ("Teresa Galván", "Person", ["Galván"]),
        "cordoba": ("Córdoba", "Place"),
        "toranzo": ("Carlos Toranzo", "Person"),
        "cgt": ("General Confederation of Labour", "Organization"),
        "santafe": ("Santa Fe", "Place"),
        "ba": ("Buenos Aires", "Place"),
        "devoto": ("Devoto prison", "Place"),
        "film": ("Steel Rails", "MISC"),
        "bressan": ("Julio Bressan", "Person"),
    },
    [
        ("strike", "P17", "argentina"),
        ("strike", "P580", "ts"),
        ("strike", "P582", "te"),
        ("strike", "P276", "rosario"),
        ("rosario", "P131", "sfp"),
        ("rosario", "P17", "argentina"),
        ("sfp", PC, "argentina"),
        ("strike", "P710", "uf"),
        ("uf", "P17", "argentina"),
        ("frondizi", "P27", "argentina"),
        ("central", "P17", "argentina"),
        ("perez", "P17", "argentina"),
        ("villadiego", "P17", "argentina"),
        ("uf", "P488", "galvan"),
        ("cordoba", "P17", "argentina"),
        ("strike", "P710", "galvan"),
        ("strike", "P710", "cgt"),
        ("cgt", "P17", "argentina"),
        ("santafe", "P17", "argentina"),
        ("ba", PC, "argentina"),
        ("devoto", "P17", "argentina"),
        ("film", "P57", "bressan"),
    ],
)
