#!/usr/bin/env python3
"""Bygger det nationella datasetet data/nationell-2019/ från de rena tabellerna.

Användning (utvecklarverktyg, körs aldrig av bygget eller testerna):

    python3 scripts/convert-seed-tables.py ../shared/seed-tables [utmapp]

utmapp är som standard data/nationell-2019 (relativt projektets rot).

Skriptet
  * läser kommuner2019.csv, regioner2019.csv, ideella2019.csv,
    lansstyrelser-nck2019.csv och historik2016-2019.csv (Bilaga 1–3, Tabell 2, 6–9),
  * skriver bidrag, grupper, mottagare, historik, enkät, citat och dokument i
    projektets YAML-format (docs/dataformat.md),
  * REKONSTRUERAR svaren per mottagare så att varje summa blir exakt den som
    rapporten publicerar (../shared/seed-tables/enkatsvar2019-aggregat.yaml).
    Rapporten publicerar bara aggregat; de enskilda svaren är konstruerade i
    efterhand och märks `svar_rekonstruerade: ja`. Konstruktionen är
    deterministisk (fast frö) och slumpar viktat så att större kommuner oftare
    kryssar i fler områden. Samma indata ger alltid byte för byte samma utdata.

Endast Pythons standardbibliotek används.
"""

import csv
import math
import os
import random
import sys
import textwrap

SEED = 20190101

# ---------------------------------------------------------------------------
# Publicerade aggregat (från enkatsvar2019-aggregat.yaml och rapportens text).
# Skriptet kontrollerar att de rekonstruerade svaren ger exakt dessa siffror.
# ---------------------------------------------------------------------------
KOMMUNER_OMRADEN = [  # Diagram 1, n = 286; ordning efter antal (störst först)
    ("kompetenshojande_insatser", "Deltagande i kompetenshöjande insatser", 269, 0.25),
    ("socialnamndens_langsiktiga_arbete", "Kvalitetsutveckling av socialnämndens långsiktiga arbete", 262, 0.25),
    ("samverkan", "Samverkan", 259, 0.3),
    ("valdsutsatta_kvinnor_sarskilt_utsatta_grupper",
     "Socialtjänstens arbete med utredning/ insatser till våldsutsatta kvinnor/ särskilt utsatta grupper", 202, 0.5),
    ("barn_som_bevittnat_eller_utsatts",
     "Socialtjänstens arbete med utredningar av barn/insatser för barn som bevittnat eller utsatts för våld", 160, 0.55),
    ("ledningssystem", "Kommunens ledningssystem", 120, 0.4),
    ("valdsutovare", "Insatser till personer som utövar våld", 116, 0.8),
    ("forebyggande", "Universellt och selektivt förebyggande arbete", 106, 0.6),
    ("prostitution_manniskohandel", "Insatser mot prostitution och människohandel för sexuella ändamål", 54, 1.2),
    ("sexualbrottsutsatta", "Insatser för sexualbrottsutsatta", 25, 1.3),
    ("konsstympade", "Insatser för könsstympade kvinnor och flickor", 24, 1.4),
]
KOMMUNER_SAMVERKAN = [  # andel av alla 286: intern 85 %, extern 58 %
    ("intern", "Samverkan med interna verksamheter inom kommunen", 243),
    ("extern", "Samverkan med externa aktörer", 166),
]
KOMMUNER_TABELL3 = [  # N = 262
    ("information_om_stod",
     "Information till allmänheten eller särskilda målgrupper om var enskilda kan få stöd och hjälp", 181, 0.3),
    ("mal_och_ansvarsfordelning", "Mål- och ansvarsfördelningen inom socialnämnden", 170, 0.2),
    ("kunskap_om_omfattning", "Kunskap om omfattningen av våld i nära relationer i kommunen", 152, 0.3),
    ("kontroll_och_uppfoljning_overlamnad_verksamhet",
     "Processer och rutiner för kontroll och uppföljning av verksamheter som överlämnats till ideella "
     "organisationer eller andra aktörer", 52, 0.7),
]
KOMMUNER_TABELL4 = [  # N = 128, en placering per kommun
    ("enhetsniva", "Enhetsnivå", 45),
    ("handlaggarniva", "Handläggarnivå", 38),
    ("forvaltning_stabsniva", "Förvaltning (stabsnivå)", 35),
    ("lansgemensam", "Länsgemensam verksamhet", 3),
    ("annan", "Annan placering", 7),
]
KOMMUNER_TABELL5 = [  # N = 202
    ("hedersrelaterat_vald", "Kvinnor/män/flickor/pojkar som drabbats av hedersrelaterat våld", 143, 0.6),
    ("utlandsk_bakgrund", "Våldsutsatta kvinnor med utländsk bakgrund", 95, 0.6),
    ("missbruk", "Våldsutsatta kvinnor med missbruk", 83, 0.3),
    ("funktionsnedsattning", "Våldsutsatta kvinnor med funktionsnedsättning", 73, 0.3),
    ("aldre_over_65", "Våldsutsatta äldre kvinnor över 65 år", 71, 0.1),
    ("unga_kvinnor", "Våldsutsatta unga kvinnor", 53, 0.4),
    ("hbtq", "HBTQ-personer", 28, 1.0),
    ("annan_grupp", "Annan särskild grupp", 26, 0.0),
]
KOMMUNER_SAMORDNING = 128          # 45 %
KOMMUNER_BIDRAGIT_HOG = 240        # 84 % i ganska hög eller hög utsträckning
KOMMUNER_INTE_UTAN_MEDEL = 243     # 85 %
# Ej publicerat, valt här (se docs/data.md): fördelningen inom 240 och inom 46.
KOMMUNER_SKALA = {"hog": 96, "ganska_hog": 144, "ganska_lag": 34, "lag": 9, "inte_alls": 3}

SKALA = [
    ("inte_alls", "Inte alls"),
    ("lag", "I låg utsträckning"),
    ("ganska_lag", "I ganska låg utsträckning"),
    ("ganska_hog", "I ganska hög utsträckning"),
    ("hog", "I hög utsträckning"),
]

REGIONER_OMRADEN = [  # Diagram 2 (etiketterna finns inte i textlagret; rubrikerna i kapitlet används)
    ("systematiskt_kvalitetsarbete", "Utveckling av det systematiska och långsiktiga kvalitetsarbetet", 21),
    ("samverkan", "Utveckling av samverkan", 21),
    ("kompetensutveckling", "Kompetensutveckling", 21),
    ("metodutveckling", "Metodutveckling", 18),        # "flertalet": antalet valt här
    ("forebyggande", "Förebyggande insatser", 16),     # "de flesta": antalet valt här
    ("samordningsfunktion", "Finansiering av samordningsfunktion", 15),
    ("sexualbrott_konsstympning_prostitution",
     "Insatser för sexualbrottsutsatta, könsstympade kvinnor och flickor och personer i prostitution", 15),
]
REGIONER_SKALA = {"hog": 9, "ganska_hog": 11, "ganska_lag": 1}  # 20 av 21 ganska hög/hög

IDEELLA_OMRADEN = [  # Diagram 3, de sju områdena i rapportens numrerade lista
    ("kvalitetsutveckling_eget_arbete", "Kvalitetsutveckling av eget arbete", 18),
    ("universellt_forebyggande", "Universellt förebyggande arbete", 11),
    ("valdsutsatta_kvinnor", "Insatser till våldsutsatta kvinnor", 11),
    ("sarskilt_utsatta_grupper", "Insatser till särskilt utsatta grupper", 10),
    ("barn", "Insatser för arbete med barn", 5),
    ("valdsutovare", "Insatser till våldsutövare", 8),
    ("prostitution_manniskohandel", "Insatser mot prostitution och människohandel för sexuella ändamål", 2),
]
IDEELLA_SAMARBETE = 19

LANSSTYRELSER_OMRADEN = [  # Tabell 10
    ("information_och_utbildning", "Informations- och utbildningsinsatser på regional eller lokal nivå", 5),
    ("riktade_insatser", "Riktade insatser för vissa grupper", 2),
    ("pilot_och_utvecklingsprojekt", "Pilot- och utvecklingsprojekt som syftar att föra utvecklingen framåt", 4),
]

# Ideella: de 24 bidragen besvaras för hand utifrån organisationernas inriktning och
# rapportens beskrivningar (se docs/data.md). Nyckel: (namn, ansökan).
K, F, KV, S, B, V, P = ("kvalitetsutveckling_eget_arbete", "universellt_forebyggande", "valdsutsatta_kvinnor",
                        "sarskilt_utsatta_grupper", "barn", "valdsutovare", "prostitution_manniskohandel")
IDEELLA_SVAR = {
    ("ASOV Stockholm", ""): ([K, KV, S], "ja", "ganska_hog"),
    ("ATIM kvinno- och ungdomsjour", "ansökan 1"): ([K, F, B], "ja", "hog"),
    ("ATIM kvinno- och ungdomsjour", "ansökan 2"): ([KV, S], "nej", "lag"),
    ("Brottsofferjouren i Västerort", ""): ([K, KV, B], "ja", "ganska_hog"),
    ("Brottsofferjouren Östra Värmland", ""): ([K, F, KV], "ja", "hog"),
    ("Convictus", ""): ([K, S, P], "ja", "ganska_hog"),
    ("FreeZone", ""): ([F, B], "ja", "ganska_hog"),
    ("Järfälla kvinnojour", ""): ([K, KV], "nej", "ganska_hog"),
    ("Kvinno- och tjejjourer i Norrbotten", ""): ([K, F, KV], "ja", "hog"),
    ("Linköpings Stadsmission", ""): ([K, KV, S], "ja", "hog"),
    ("Manscentrum Östra Södertörn", ""): ([K, F, V], "ja", "hog"),
    ("Mansforum Örebro", ""): ([F, V], "nej", "ganska_hog"),
    ("Mottagningen mot våld i nära relationer i Uppsala, MVU", ""): ([K, KV, S, V], "ja", "hog"),
    ("Män för Jämställdhet Göteborg", ""): ([F, V], "ja", "ganska_lag"),
    ("RFSL Rådgivningen Skåne", ""): ([K, S, P], "ja", "hog"),
    ("RFSU Malmö", ""): ([K, F, S], "ja", "ganska_hog"),
    ("Rikskriscentrum", ""): ([K, V], "nej", "ganska_hog"),
    ("Riksorganisationen GAPF - Glöm Aldrig Pela och Fadime", ""): ([F, S, B], "ja", "hog"),
    ("Rädda Barnen", ""): ([K, F, B], "ja", "hog"),
    ("Skåne stadsmission", ""): ([K, KV, S], "ja", "ganska_hog"),
    ("Stiftelsen Manscentrum i Stockholm", ""): ([K, KV, V], "ja", "ganska_hog"),
    ("Värmlands Mansforum", ""): ([F, V], "nej", "ganska_hog"),
    ("Västerås Stadsmission", ""): ([K, KV, S], "ja", "hog"),
    ("Örebro läns mansmottagning", ""): ([K, V], "ja", "ganska_hog"),
}

# Länsstyrelser/NCK: utifrån beskrivningarna av varje mottagares verksamhet i rapporten.
IU, RI, PU = "information_och_utbildning", "riktade_insatser", "pilot_och_utvecklingsprojekt"
LANSSTYRELSER_SVAR = {
    ("Länsstyrelsen i Dalarnas län", ""): ([IU, RI], "hog"),
    ("Länsstyrelsen i Kalmar län", ""): ([IU, RI], "hog"),
    ("Länsstyrelsen i Västmanlands län", "ansökan 1"): ([IU, PU], "hog"),
    ("Länsstyrelsen Skåne", ""): ([IU, PU], "ganska_hog"),
    ("Länsstyrelsen Stockholm", "ansökan 1"): ([PU], "ganska_hog"),
    ("Länsstyrelsen Värmland", ""): ([IU], "hog"),
    ("Nationellt centrum för kvinnofrid, NCK", ""): ([PU], "hog"),
}

# De fyra kommuner som inte förbrukat något (oförbrukat == fördelat). Rapporten säger att
# en inte återrapporterade och tre uppgav att de inte förbrukat något, men inte vilka.
# Valt här: den första i bokstavsordning räknas som den som inte återrapporterade.
EJ_ATERRAPPORTERAT = "Boxholms kommun"

# Gotland är både kommun och region och heter "Region Gotland" i både Bilaga 1 och Bilaga 2.
# Inläsningen avgör vilken grupp ett svar gäller av vilka frågor det besvarar, så namnet
# kan stå som i bilagorna. (Ett namnbyte här, "tryckt namn" → "namn", finns kvar som möjlighet.)
KOMMUN_NAMNBYTE = {}

# ---------------------------------------------------------------------------
# YAML-utskrift
# ---------------------------------------------------------------------------
_SPECIAL = set(",[]{}:#&*!|>'\"%@`")
_RESERVED = {"ja", "nej", "yes", "no", "true", "false", "null", "on", "off", "y", "n", "~", ""}


def q(s):
    """Ett skalärt textvärde, med citattecken bara när YAML kräver det."""
    s = str(s)
    needs = (any(c in _SPECIAL for c in s) or s.lower() in _RESERVED or s[0] in "-?" or s != s.strip()
             or s.replace(".", "", 1).isdigit())
    if not needs:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(pairs):
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def folded(key, text, indent):
    """key: >- följt av texten radbruten, för långa citat."""
    pad = " " * (indent + 2)
    lines = textwrap.wrap(text, width=96 - len(pad), break_long_words=False, break_on_hyphens=False)
    return f"{' ' * indent}{key}: >-\n" + "\n".join(pad + l for l in lines) + "\n"


def kr(n):
    return f"{n:,}".replace(",", " ")


# ---------------------------------------------------------------------------
# Indata
# ---------------------------------------------------------------------------
def read_csv(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def num(s):
    return int(s) if s not in ("", None) else None


# ---------------------------------------------------------------------------
# Viktat urval utan återläggning (Efraimidis–Spirakis) – deterministiskt
# ---------------------------------------------------------------------------
def weighted_sample(rng, items, k, weight):
    if k > len(items):
        raise ValueError(f"kan inte välja {k} av {len(items)}")
    keyed = []
    for it in items:
        u = rng.random()
        w = weight(it)
        keyed.append((math.log(u if u > 0 else 1e-300) / w, it))
    keyed.sort(key=lambda t: t[0], reverse=True)
    return [it for _, it in keyed[:k]]


# ---------------------------------------------------------------------------
# Rekonstruktion: kommuner
# ---------------------------------------------------------------------------
def reconstruct_kommuner(kommuner):
    rng = random.Random(SEED)
    resp = [k for k in kommuner if not (k["oforbrukat"] == k["fordelat"])]
    assert len(resp) == 286, len(resp)
    names = [k["namn"] for k in resp]
    size = {k["namn"]: k["fordelningsnyckel"] for k in resp}
    median = sorted(size.values())[len(size) // 2]
    z = {n: math.log(size[n] / median) for n in names}

    def by_size(beta):
        return lambda n: math.exp(beta * z[n])

    ans = {n: {} for n in names}
    areas = {n: set() for n in names}
    for oid, _, count, beta in KOMMUNER_OMRADEN:
        for n in weighted_sample(rng, names, count, by_size(beta)):
            areas[n].add(oid)
    # Varje kommun har arbetat med minst ett område (alla 286 har förbrukat medel).
    repair_empty(rng, areas, [o[0] for o in KOMMUNER_OMRADEN], names)

    # Samverkan: intern/extern bland dem som valt samverkan, andelar på alla 286.
    samv = [n for n in names if "samverkan" in areas[n]]
    n_int, n_ext = KOMMUNER_SAMVERKAN[0][2], KOMMUNER_SAMVERKAN[1][2]
    extern = set(weighted_sample(rng, samv, n_ext, by_size(0.5)))
    only_int = [n for n in samv if n not in extern]
    both = set(weighted_sample(rng, sorted(extern), n_int - len(only_int), by_size(0.0)))
    samverkan = {}
    for n in samv:
        s = []
        if n in both or n not in extern:
            s.append("intern")
        if n in extern:
            s.append("extern")
        samverkan[n] = s

    # Tabell 3 bland dem som valt socialnämndens långsiktiga arbete (N = 262).
    sn = [n for n in names if "socialnamndens_langsiktiga_arbete" in areas[n]]
    t3 = {n: set() for n in sn}
    for oid, _, count, beta in KOMMUNER_TABELL3:
        for n in weighted_sample(rng, sn, count, by_size(beta)):
            t3[n].add(oid)
    repair_empty(rng, t3, [o[0] for o in KOMMUNER_TABELL3], sn)

    # Samordningsfunktion (128 ja) och placering (Tabell 4).
    samord = set(weighted_sample(rng, names, KOMMUNER_SAMORDNING, by_size(-0.1)))
    left = sorted(samord)
    plac = {}
    order = [("lansgemensam", -2.0), ("forvaltning_stabsniva", 0.8), ("handlaggarniva", -0.4), ("annan", 0.0)]
    counts4 = {o[0]: o[2] for o in KOMMUNER_TABELL4}
    for oid, beta in order:
        for n in weighted_sample(rng, left, counts4[oid], by_size(beta)):
            plac[n] = oid
        left = [n for n in left if n not in plac]
    for n in left:
        plac[n] = "enhetsniva"

    # Tabell 5 bland dem som valt kvinnor/särskilt utsatta grupper (N = 202).
    ku = [n for n in names if "valdsutsatta_kvinnor_sarskilt_utsatta_grupper" in areas[n]]
    t5 = {n: set() for n in ku}
    for oid, _, count, beta in KOMMUNER_TABELL5:
        for n in weighted_sample(rng, ku, count, by_size(beta)):
            t5[n].add(oid)
    # Tomma listor är rimliga här: arbete med våldsutsatta kvinnor i allmänhet.

    # Skattning: fler områden ger oftare högre betyg.
    score = {n: len(areas[n]) + 0.8 * (n in samord) + rng.gauss(0, 1.6) for n in names}
    ranked = sorted(names, key=lambda n: score[n], reverse=True)
    rating = {}
    i = 0
    for step in ("hog", "ganska_hog", "ganska_lag", "lag", "inte_alls"):
        for n in ranked[i:i + KOMMUNER_SKALA[step]]:
            rating[n] = step
        i += KOMMUNER_SKALA[step]
    assert i == 286
    rank_val = {"hog": 4, "ganska_hog": 3, "ganska_lag": 2, "lag": 1, "inte_alls": 0}
    score2 = {n: rank_val[rating[n]] + rng.gauss(0, 1.0) for n in names}
    ja = set(sorted(names, key=lambda n: score2[n], reverse=True)[:KOMMUNER_INTE_UTAN_MEDEL])

    ordered_areas = [o[0] for o in KOMMUNER_OMRADEN]
    for n in names:
        a = ans[n]
        a["kommuner_omraden"] = [o for o in ordered_areas if o in areas[n]]
        a["kommuner_samverkan"] = samverkan.get(n, [])
        if n in t3:
            a["kommuner_socialnamnden"] = [o[0] for o in KOMMUNER_TABELL3 if o[0] in t3[n]]
        if n in t5:
            a["kommuner_sarskilt_utsatta"] = [o[0] for o in KOMMUNER_TABELL5 if o[0] in t5[n]]
        a["kommuner_samordning"] = "ja" if n in samord else "nej"
        if n in samord:
            a["kommuner_samordning_placering"] = [plac[n]]
        a["kommuner_bidragit"] = rating[n]
        a["kommuner_inte_skett_utan_medel"] = "ja" if n in ja else "nej"
    return names, ans


def repair_empty(rng, chosen, option_ids, names):
    """Ge den som inte valt något ett alternativ, taget från någon med minst två,
    så att antalet per alternativ inte ändras."""
    for n in names:
        if chosen[n]:
            continue
        for oid in rng.sample(option_ids, len(option_ids)):
            donors = [m for m in names if oid in chosen[m] and len(chosen[m]) >= 2]
            if donors:
                d = rng.choice(donors)
                chosen[d].discard(oid)
                chosen[n].add(oid)
                break
        else:
            raise RuntimeError(f"kunde inte ge {n} något alternativ")


def reconstruct_regioner(regioner):
    rng = random.Random(SEED + 1)
    names = [r["namn"] for r in regioner]
    share_spent = {r["namn"]: 1 - r["oforbrukat"] / r["fordelat"] for r in regioner}
    areas = {n: set() for n in names}
    for oid, _, count in REGIONER_OMRADEN:
        for n in weighted_sample(rng, names, count, lambda n: 0.5 + share_spent[n]):
            areas[n].add(oid)
    # Lägst betyg: regionen med störst andel oförbrukade medel.
    ranked = sorted(names, key=lambda n: (share_spent[n] + rng.gauss(0, 0.15), n), reverse=True)
    lowest = min(names, key=lambda n: share_spent[n])
    ranked.remove(lowest)
    rating = {lowest: "ganska_lag"}
    for i, n in enumerate(ranked):
        rating[n] = "hog" if i < REGIONER_SKALA["hog"] else "ganska_hog"
    ans = {}
    for n in names:
        ans[n] = {
            "regioner_omraden": [o[0] for o in REGIONER_OMRADEN if o[0] in areas[n]],
            "regioner_bidragit": rating[n],
        }
    return names, ans


# ---------------------------------------------------------------------------
# Fasta texter: enkät, citat, dokument, bidrag
# ---------------------------------------------------------------------------
def options_yaml(opts, indent=6):
    return "".join(f"{' ' * indent}- {flow([('id', o[0]), ('etikett', q(o[1]))])}\n" for o in opts)


def write_enkat(path):
    out = []
    w = out.append
    w("# Återrapporteringens frågor 2019 (Socialstyrelsens återrapporteringsformulär 2019).\n")
    w("# Alternativens etiketter är ordagranna från rapporten (Diagram 1, Tabell 3–5, Diagram 3,\n")
    w("# Tabell 10). Frågornas ordalydelse publiceras inte; den är formulerad här utifrån\n")
    w("# tabellrubrikerna. Skalan (fem steg) är antagen: rapporten nämner 'låg', 'ganska hög'\n")
    w("# och 'hög utsträckning'.\n")
    w("# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n")
    w("enkät:\n")
    w("  # --- Kommuner (n = 286) -------------------------------------------------\n")
    w("  - id: kommuner_omraden\n    grupp: kommuner\n    typ: flerval\n")
    w("    fråga: Vilka områden har kommunen utvecklat eller arbetat med med hjälp av utvecklingsmedlen 2019?\n")
    w("    alternativ:  # Diagram 1. Områden som kommuner utvecklat/arbetat med\n")
    w("      # Diagrammets stapel 'Insatser för sexualbrottsutsatta och könsstympade' är delad i två\n")
    w("      # alternativ, eftersom texten redovisar dem var för sig (25 resp. 24 kommuner).\n")
    w(options_yaml(KOMMUNER_OMRADEN))
    w("  - id: kommuner_samverkan\n    grupp: kommuner\n    typ: flerval\n")
    w("    fråga: Vilken samverkan har kommunen utvecklat?\n")
    w("    # Ställd till alla: rapporten anger andelarna (85 % intern, 58 % extern) av samtliga 286\n")
    w("    # kommuner. I de rekonstruerade svaren har bara de som valt 'samverkan' svarat något.\n")
    w("    alternativ:\n")
    w(options_yaml(KOMMUNER_SAMVERKAN))
    w("  - id: kommuner_socialnamnden\n    grupp: kommuner\n    typ: flerval\n")
    w("    fråga: Vilka områden har socialnämnden arbetat med under 2019 för att kvalitetsutveckla?\n")
    w("    endast_om: {fråga: kommuner_omraden, svar: socialnamndens_langsiktiga_arbete}  # N = 262\n")
    w("    alternativ:  # Tabell 3\n")
    w(options_yaml(KOMMUNER_TABELL3))
    w("  - id: kommuner_samordning\n    grupp: kommuner\n    typ: ja_nej\n")
    w("    fråga: Har kommunen finansierat en samordningsfunktion för våld i nära relationer med hjälp av utvecklingsmedel?\n")
    w("  - id: kommuner_samordning_placering\n    grupp: kommuner\n    typ: flerval\n")
    w("    fråga: Var är samordningsfunktionen organisatoriskt placerad?\n")
    w("    endast_om: {fråga: kommuner_samordning, svar: ja}  # N = 128; en placering per kommun\n")
    w("    alternativ:  # Tabell 4\n")
    w(options_yaml(KOMMUNER_TABELL4))
    w("  - id: kommuner_sarskilt_utsatta\n    grupp: kommuner\n    typ: flerval\n")
    w("    fråga: Mot vilka särskilt utsatta grupper har insatserna riktats?\n")
    w("    endast_om: {fråga: kommuner_omraden, svar: valdsutsatta_kvinnor_sarskilt_utsatta_grupper}  # N = 202\n")
    w("    alternativ:  # Tabell 5\n")
    w(options_yaml(KOMMUNER_TABELL5))
    w("  - id: kommuner_bidragit\n    grupp: kommuner\n    typ: skala\n")
    w("    fråga: I vilken utsträckning har utvecklingsmedlen bidragit till kvalitetsförbättringar i arbetet mot våld i nära relationer?\n")
    w("    alternativ:\n")
    w(options_yaml(SKALA))
    w("  - id: kommuner_inte_skett_utan_medel\n    grupp: kommuner\n    typ: ja_nej\n")
    w("    fråga: Bedömer kommunen att kvalitetsförbättringarna inte skulle ha skett utan utvecklingsmedel?\n")
    w("  # --- Regioner (n = 21) --------------------------------------------------\n")
    w("  - id: regioner_omraden\n    grupp: regioner\n    typ: flerval\n")
    w("    fråga: Inom vilka verksamhetsområden har regionen finansierat verksamhet med utvecklingsmedlen?\n")
    w("    alternativ:  # Diagram 2 (etiketterna enligt kapitlets rubriker)\n")
    w(options_yaml(REGIONER_OMRADEN))
    w("  - id: regioner_bidragit\n    grupp: regioner\n    typ: skala\n")
    w("    fråga: I vilken utsträckning har utvecklingsmedlen bidragit till kvalitetsförbättringar i arbetet mot våld i nära relationer?\n")
    w("    alternativ:\n")
    w(options_yaml(SKALA))
    w("  # --- Ideella föreningar och stiftelser (n = 24 beviljade ansökningar) ----\n")
    w("  - id: ideella_omraden\n    grupp: ideella\n    typ: flerval\n")
    w("    fråga: Inom vilka områden har organisationen arbetat med utvecklingsmedlen?\n")
    w("    alternativ:  # Diagram 3, de sju områdena\n")
    w(options_yaml(IDEELLA_OMRADEN))
    w("  - id: ideella_samarbete\n    grupp: ideella\n    typ: ja_nej\n")
    w("    fråga: Har organisationen samarbetat med andra aktörer i det arbete som finansierats med utvecklingsmedlen?\n")
    w("  - id: ideella_uppnatt_resultat\n    grupp: ideella\n    typ: skala\n")
    w("    fråga: I vilken utsträckning har organisationen uppnått de förväntade resultaten?\n")
    w("    alternativ:\n")
    w(options_yaml(SKALA))
    w("  # --- Länsstyrelser och NCK (n = 7 beviljade) -----------------------------\n")
    w("  - id: lansstyrelser_nck_omraden\n    grupp: lansstyrelser_nck\n    typ: flerval\n")
    w("    fråga: Vilka områden har ni arbetat med under 2019?\n")
    w("    alternativ:  # Tabell 10\n")
    w(options_yaml(LANSSTYRELSER_OMRADEN))
    w("  - id: lansstyrelser_nck_uppnatt_resultat\n    grupp: lansstyrelser_nck\n    typ: skala\n")
    w("    fråga: I vilken utsträckning har ni uppnått de förväntade resultaten?\n")
    w("    alternativ:\n")
    w(options_yaml(SKALA))
    write(path, "".join(out))


CITAT = [
    # (grupp, mottagare, område, text) – ordagrant ur rapporten, avstavningar vid radslut borttagna.
    ("kommuner", "", "erfarenheter",
     "Det som man traditionellt sparar på inom kommunen är utvecklingsmedel och förebyggande. Därför är det "
     "bra att staten garanterar dessa viktiga målgruppers behov i framtiden."),
    ("kommuner", "", "forebyggande",
     "Kommunerna har uppmärksammat att fler män med en våldsproblematik söker hjälp."),
    ("kommuner", "", "forebyggande",
     "Fler barn uttrycker att de vet var de ska vända sig och att de upplever att de har någon vuxen de kan "
     "vända sig till för att söka stöd."),
    ("kommuner", "", "forebyggande",
     "Förskolepersonal som genomfört utbildningar känner sig mer säkra kring när de ska anmäla när det finns "
     "misstankar om våld."),
    # Resultatpunkterna i sin helhet (Källa: Socialstyrelsen 2020, s. 18, 25 och 31; "har de kunna
    # upptäcka" rättat till "kunnat").
    ("kommuner", "", "resultat",
     "Ökad kompetens och ökad användning av standardiserade bedömnings- och samtalsmetoder. En stor majoritet "
     "av kommunerna har deltagit i och genomfört utbildningar som gett såväl baskompetens om våld i nära "
     "relation till nya personalgrupper, som stärkt spetskompetens för andra personalgrupper. Detta har bland "
     "annat bidragit till ökade kunskaper för att uppmärksamma vuxna och barn som utsatts för eller bevittnat "
     "våld och ökad användning av standardiserade bedömnings- och samtalsmetoder för att upptäcka och utreda "
     "våld i nära relationer och gentemot barn. Det har även bidragit till att personal inom kommunens "
     "verksamheter i större utsträckning än tidigare ställer frågor till klienter om våld i nära relationer."),
    ("kommuner", "", "resultat",
     "Utveckling av kommunens ledningssystem. Arbetet inom detta område har exempelvis handlat om att utveckla "
     "processer och rutiner för att säkra att verksamheten uppfyller de krav och mål som gäller enligt lagar "
     "och andra föreskrifter."),
    ("kommuner", "", "resultat",
     "Ökad intern samverkan med andra verksamheter inom kommunen, såväl som stärkt samverkan med externa "
     "aktörer. Detta har bland annat fått som följd att verksamheterna inom kommunerna har fått en ökad "
     "förståelse för varandras kompetens och bättre kunskaper om varandras uppdrag. Vilket i sin tur uppges "
     "ha lett till stärkt samverkan mellan olika verksamheter inom kommunen för att bland annat uppmärksamma "
     "barn som har bevittnat eller som utsatts för våld."),
    ("kommuner", "", "resultat",
     "Stärkt arbete med att upptäcka och utreda förekomsten av våld i nära relationer, och sätta in insatser, "
     "gentemot särskilt utsatta grupper. Detta har framförallt bidragit till ökad kompetens för berörd "
     "personal att upptäcka våldsutsatthet hos särskilda utsatta grupper."),
    ("kommuner", "", "resultat",
     "Förstärkning av förebyggande insatser och insatser som innefattar våldsutövare. Detta arbete har i "
     "huvudsak gett ökade möjligheter att ge riktade insatser till personer som utövar våld och har ökat "
     "kompetensen hos berörd personal gällande personer som utövar våld."),
    ("regioner", "", "resultat",
     "Ökad kompetens hos medarbetarna. Personal från många olika verksamhetsområden har tagit del av "
     "utbildningar, vilket har lett till en ökad kompetens hos medarbetarna vad gäller arbetet mot våld i nära "
     "relationer."),
    ("regioner", "", "resultat",
     "Stärkt metodutveckling för att förebygga, upptäcka och agera. Regionerna har arbetat med att fastställa "
     "processer och rutiner för att upptäcka våld och att utveckla arbetet med hur de ställer frågor om "
     "våldsutsatthet på ett strukturerat sätt till vuxna såväl som barn. Vissa regioner anger att en effekt "
     "de kan se är att regionens medarbetare alltmer uppmärksammar och ställer frågan om våldsutsatthet till "
     "olika patienter."),
    ("regioner", "", "resultat",
     "Ökad samverkan. I återrapporteringarna framkommer även att medlen har bidragit till en ökad samverkan "
     "mellan hälso- och sjukvårdens och tandvårdens verksamheter och externa aktörer, t.ex. socialtjänsten, "
     "polis och länsstyrelsernas utvecklingsledare."),
    ("regioner", "", "resultat",
     "Mer fokus på särskilt utsatta grupper. I viss mån har medlen även bidragit till att rikta fokus mot "
     "vissa särskilt utsatta grupper, exempelvis äldre, unga eller HBTQ-personer, och hur hälso- och "
     "sjukvården ska arbeta gentemot dessa grupper. Ett antal regioner beskriver att som en följd av detta "
     "arbete har de kunnat upptäcka fler personer som är våldsutsatta."),
    ("ideella", "", "kvalitetsutveckling_eget_arbete",
     "Kunskapen om våld i nära relationer har fördjupats hos såväl anställda, styrelsemedlemmar som volontärer."),
    ("ideella", "", "kvalitetsutveckling_eget_arbete",
     "Kvaliteten på dokumentationen har förbättrats som ett resultat av förbättring av rutiner. Medlen har även "
     "gett möjligheter till implementering av checklistor och utvärdering av organisationers arbete."),
    ("ideella", "", "kvalitetsutveckling_eget_arbete",
     "En organisation har tagit fram en handlingsplan för att kvalitetssäkra stöd-/vårdkedjan för målgruppen "
     "och för att uppnå ökad samverkan med andra aktörer."),
    ("ideella", "", "sarskilt_utsatta_grupper",
     "Nyanlända kvinnor har informerats om svensk lag, jämställdhet och samtyckeslagen."),
    ("ideella", "", "sarskilt_utsatta_grupper",
     "Genom att anordna temakvällar och seminarium har vissa kvinnor för första gången kunnat delta i sociala "
     "evenemang utanför det egna hemmet."),
    ("ideella", "", "sarskilt_utsatta_grupper",
     "En organisation uppger att arbetet har lett till ökad kunskap hos personalen om deras målgrupps extra "
     "sårbarhet (våldsutsatta kvinnor med missbruk) och vidgade perspektiv på vad våld är. Organisationen uppger "
     "att tidigare har fokus varit mycket på fysiskt och sexuellt våld, men att de nu även fått ökad kunskap om "
     "materiellt, ekonomiskt, latent våld etc."),
    ("ideella", "", "barn",
     "En av organisationerna beskriver att medlen bland annat har bidragit till att de kunnat utveckla en del av "
     "metoderna tillsammans med barn, vilket är viktigt för att insatserna ska bli relevanta för barn."),
    ("ideella", "", "valdsutovare", "Fler män har nåtts av information om organisationernas verksamhet."),
    ("ideella", "", "valdsutovare",
     "En organisation som jobbar gentemot män uppger att ett resultat har varit att även kvinnor som utövar "
     "våld har börjat söka sig till organisationen för rådgivning."),
    ("ideella", "", "valdsutovare",
     "En annan organisation uppger att de har översatt centrala delar av sitt innehåll till arabiska, vilket "
     "innebär att de kan nå ytterligare grupper med sin information."),
    ("ideella", "", "samarbete",
     "Att olika nätverk och referensgrupper skapats av organisationerna där de bland annat bjudit in "
     "representanter från kommuner, regioner och länsstyrelser."),
    ("ideella", "", "samarbete",
     "Deltagande i länsstyrelsers nätverk, vilket har lett att organisationer mött andra aktörer i kommunen som "
     "arbetat med frågor som gäller våld i nära relationer."),
    ("ideella", "", "samarbete",
     "Att en organisation har samarbete med en länsstyrelse kring en telefonlinje, vilket har lett till att "
     "klienter hänvisas till organisationen för behandling."),
    ("ideella", "", "samarbete",
     "Att en organisation har tagit hjälp av andra organisationer för att sprida framtaget material via sina "
     "kanaler, vilket har bidragit till en ökad spridning av materialet."),
    ("ideella", "", "resultat",
     "Ökad kompetens. Kunskapen om våld i nära relationer uppges ha fördjupats hos såväl anställda, "
     "styrelsemedlemmar som volontärer i organisationerna. Det finns organisationer som uttrycker att "
     "statsbidraget har bidragit till en kvalitetsutveckling både av genomförda utbildningsinsatser och av "
     "anställdas kompetens, vilket i förlängningen anses ha lett till en utveckling av organisationernas "
     "arbete mot våld i nära relationer och stöd till våldsutsatta kvinnor och barn."),
    ("ideella", "", "resultat",
     "Stärkta insatser gentemot våldsutsatta kvinnor, särskilt utsatta grupper och barn. Riktade insatser har "
     "genomförts gentemot dessa målgrupper, framförallt i form av samtal, rådgivning och stöd i "
     "myndighetskontakter."),
    ("ideella", "", "resultat",
     "Förstärkning av insatser gentemot våldsutövare. Flera organisationer har stärkt sitt arbete gentemot "
     "våldsutövare, i huvudsak män, vilket har bidragit till att fler våldsutövare får ta del av insatser."),
    # Ideella: förbrukningens fördelning på kostnadsslag finns inte i datat (s. 27).
    ("ideella", "", "förbrukning",
     "Utvecklingsmedlen har i huvudsak finansierat personalkostnader, två tredjedelar av medlen har använts "
     "till detta."),
    # Länsstyrelsernas och NCK:s verksamhet står i lansstyrelser-nck-verksamhet.yaml (skrivs för hand).
]


def write_citat(path):
    out = ["# Fritextexempel som rapporten återger. Texten är ordagrann (avstavningar vid radslut\n",
           "# borttagna). 'område' är ett alternativs id i gruppens områdesfråga eller ett ämne\n",
           "# (erfarenheter, resultat, samarbete). 'mottagare' anges bara när rapporten namnger den.\n",
           "# Punktlistornas exempel är de som rapporten formulerar som mottagarnas egna uppgifter\n",
           "# (\"kommunerna uppger att de bland annat har sett följande resultat\" osv.).\n",
           "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n",
           "citat:\n"]
    for grupp, mott, omr, text in CITAT:
        out.append(f"  - grupp: {grupp}\n")
        if mott:
            out.append(f"    mottagare: {q(mott)}\n")
        out.append(f"    område: {omr}\n")
        out.append(folded("text", text, 4))
    write(path, "".join(out))


def write_bidrag(path):
    write(path, """\
# 2019 års utvecklings- och stimulansmedel för att kvalitetsutveckla arbetet mot våld i nära
# relationer (Socialstyrelsens uppföljningsrapport, källa 002).
# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.
bidrag:
  namn: Utvecklings- och stimulansmedel för att kvalitetsutveckla arbetet mot våld i nära relationer
  år: 2019
  myndighet: Socialstyrelsen
  period: {från: 2019-01-01, till: 2019-12-31}
  # typ: vad fristen gäller (docs/data.md); grupp: den grupp den gäller, annars alla.
  tidsfrister:
    - {beskrivning: "Länsstyrelser och NCK: sista ansökningsdag", datum: 2019-02-22, typ: ansökan, grupp: lansstyrelser_nck}
    - {beskrivning: "Ideella föreningar och stiftelser: sista ansökningsdag", datum: 2019-03-04, typ: ansökan, grupp: ideella}
    - {beskrivning: "Regioner: sista rekvisitionsdatum, första omgången", datum: 2019-06-01, typ: rekvisition, grupp: regioner}
    - {beskrivning: "Kommuner: sista rekvisitionsdatum, första omgången", datum: 2019-06-30, typ: rekvisition, grupp: kommuner}
    - {beskrivning: "Regioner: sista rekvisitionsdatum, andra omgången", datum: 2019-10-01, typ: rekvisition, grupp: regioner}
    - {beskrivning: Medlen får användas till och med, datum: 2019-12-31, typ: användning}
    # Rapporten skriver "31 mars 2019", men formuläret skickades ut i januari 2020: 2020 avses.
    - {beskrivning: Sista svarsdag för återrapporteringen, datum: 2020-03-31, typ: återrapportering}
    # Rapporten skriver "30 september 2019"; redovisningen av 2019 års medel avser 2020.
    - {beskrivning: Redovisning till Regeringskansliet (Socialdepartementet), datum: 2020-09-30, typ: redovisning}
  # Besluten bakom 2019 års medel, ur bakgrunden i 2020 års anvisningar (källa 003). Datum
  # för ändringen anges inte där (rapporten 002 säger "juni 2019") och utelämnas.
  beslut:
    - beskrivning: regleringsbrevet för budgetåret 2019 avseende Socialstyrelsen, anslag 4:7 ap.8
    - beskrivning: ändring av regleringsbrevet för budgetåret 2019 avseende Socialstyrelsen, Övriga uppdrag punkt 13
      referens: S2019/02785/FS
""")


def write_dokument(path):
    write(path, """\
# Metadata för rapporten "Kvalitetsutveckling av arbetet mot våld i nära relationer".
# Textlagret skriver generaldirektörens namn "Oliva Wigzell" (ett tryckfel); här står det
# riktiga namnet, Olivia Wigzell. Artikelnummer och publiceringsdatum framgår inte av
# källan och är därför utelämnade.
# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.
dokument:
  titel: Kvalitetsutveckling av arbetet mot våld i nära relationer
  undertitel: Uppföljning av 2019 års utvecklings- och stimulansmedel
  förvaltning: Socialstyrelsen
  författare: Johan Juffermans
  undertecknare:
    - {namn: Olivia Wigzell, titel: Generaldirektör}
  övrigt:
    författarroll: utredare
    enhetschef: Niklas Eneroth
    regeringsuppdrag: S2011/11337/FST, S2016/00633/FST
    källa_tabeller: Socialstyrelsens återrapporteringsformulär 2019
""")


# ---------------------------------------------------------------------------
# Mottagarfiler
# ---------------------------------------------------------------------------
def write(path, text):
    assert "\t" not in text
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def group_yaml(gid, etikett, sing, plur, best, satt, extra):
    s = ("grupper:\n"
         f"  - id: {gid}\n"
         f"    etikett: {q(etikett)}\n"
         f"    singular: {sing}\n"
         f"    plural: {plur}\n"
         f"    bestämd_plural: {best}\n"
         "    genus: utrum\n"
         f"    sätt: {satt}\n"
         f"    ordning: {GROUP_ORDER[gid]}\n")
    return s + extra


# The report's order of the groups (Tabell 1); the files load in name order.
GROUP_ORDER = {"kommuner": 1, "regioner": 2, "lansstyrelser_nck": 3, "ideella": 4}


def write_kommuner(path, kommuner):
    n_tot = len(kommuner)
    lines = []
    for k in kommuner:
        # fördelningsnyckel: computed from kommuner-fordelning.yaml, not typed here.
        p = [("namn", q(k["namn"])), ("rekvirerat", k["rekvirerat"])]
        if k["omfordelat"]:
            p.append(("omfördelat", k["omfordelat"]))
        p += [("fördelat", k["fordelat"]), ("oförbrukat", k["oforbrukat"])]
        if k["omfordelat"]:
            p.append(("vill_ha_mer", "ja"))
        if k.get("tryckt_namn"):
            p.append(("anmärkning", q(f"Heter {k['tryckt_namn']} i Bilaga 1; kommunnamnet används här för att "
                                      "skilja raden från regionen med samma namn")))
        if k["namn"] == EJ_ATERRAPPORTERAT:
            p.append(("återrapporterat", "nej"))
            p.append(("anmärkning", q("Lämnade ingen återrapport (vilken av de fyra kommunerna utan "
                                      "förbrukade medel som avses är valt här, se docs/data.md)")))
        elif k["oforbrukat"] == k["fordelat"]:
            p.append(("anmärkning", q("Återrapporterade att inget av medlen förbrukats")))
        lines.append("    - " + flow(p) + "\n")
    extra = ("    tillgängligt: 80000000\n"
             "    deklarerad_summa:   # Totalt-raden i Bilaga 1, som den är tryckt\n"
             "      fördelningsnyckel: 80000000   # raderna summerar till 79 999 998 (se docs/data.md)\n"
             "      fördelat: 79999893\n"
             "      oförbrukat: 5050766\n")
    head = ("# Kommuner 2019: Bilaga 1 \"Fördelning av utvecklingsmedel till kommuner\".\n"
            "# Belopp i hela kronor, ordagranna ur bilagan. fördelat = rekvirerat + omfördelat.\n"
            "# Fördelningsnyckeln (bilagans första beloppskolumn) räknas fram ur\n"
            "# kommuner-fordelning.yaml; den skrivs inte här.\n"
            "# Omfördelat: de 2 613 111 kr som inte rekvirerades delades lika mellan de 190 kommuner\n"
            "# som bett om mer (vill_ha_mer: ja); 149 fick 13 753 kr och 41 fick 13 754 kr.\n"
            "# De fyra kommunerna med oförbrukat = fördelat: en lämnade ingen återrapport och tre\n"
            "# uppgav att de inte förbrukat något. Rapporten säger inte vilken som är vilken; här\n"
            f"# räknas {EJ_ATERRAPPORTERAT} (först i bokstavsordning) som den som inte återrapporterade.\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n")
    text = head + group_yaml("kommuner", "Kommuner", "kommun", "kommuner", "kommunerna", "rekvisition", extra)
    text += f"mottagare:\n  kommuner:   # {n_tot} kommuner\n" + "".join(lines)
    write(path, text)


def write_regioner(path, regioner):
    lines = []
    for r in regioner:
        # fördelningsnyckel: computed from regioner-fordelning.yaml, not typed here.
        p = [("namn", q(r["namn"])), ("rekvirerat", r["rekvirerat"])]
        if r["omfordelat"]:
            p.append(("omfördelat", r["omfordelat"]))
        p += [("fördelat", r["fordelat"]), ("oförbrukat", r["oforbrukat"])]
        if r["omfordelat"]:
            p.append(("vill_ha_mer", "ja"))
        lines.append("    - " + flow(p) + "\n")
    extra = ("    tillgängligt: 39249987   # \"drygt 39,2 miljoner kronor\"; nyckelkolumnens summa i Bilaga 2\n"
             "    # Vad varje region kunde rekvirera per omgång (Källa: Socialstyrelsen 2020, s. 20:\n"
             "    # \"drygt 952 000\" och \"knappt 917 000 kronor\"): Region Gävleborgs rekvisition,\n"
             "    # som bara gällde första omgången, och resten av nyckelns 1 869 047 kr.\n"
             "    belopp_per_omgång: [952381, 916666]\n"
             "    deklarerad_summa:   # Totalt-raden i Bilaga 2\n"
             "      fördelningsnyckel: 39249987\n"
             "      fördelat: 39249986\n"
             "      oförbrukat: 8443350\n")
    head = ("# Regioner 2019: Bilaga 2 \"Fördelning av utvecklingsmedel till regioner\".\n"
            "# Alla regioner erbjöds samma belopp (drygt 952 000 kr i första och knappt 917 000 kr i\n"
            "# andra omgången). Det som inte rekvirerades i andra omgången fördelades lika mellan de\n"
            "# nio regioner som bett om mer (vill_ha_mer: ja).\n"
            "# Fördelningsnyckeln räknas fram ur regioner-fordelning.yaml; den skrivs inte här.\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n")
    text = head + group_yaml("regioner", "Regioner", "region", "regioner", "regionerna", "rekvisition", extra)
    text += "mottagare:\n  regioner:\n" + "".join(lines)
    write(path, text)


def write_kommuner_fordelning(path, kommuner):
    total = sum(k["fordelningsnyckel"] for k in kommuner)
    total_text = f"{total:,}".replace(",", " ")
    lines = "".join(f"    - {{namn: {q(k['namn'])}, nyckel: {k['fordelningsnyckel']}}}\n" for k in kommuner)
    text = ("# Kommunernas fördelningsnyckel 2019 (format: docs/fordelning.md). Regeln enligt rapporten:\n"
            "# \"Medlen har fördelats utifrån respektive kommuns invånarantal med ett lägsta belopp om\n"
            "# 80 000 kronor.\" Invånarantalen som användes finns inte i källan.\n"
            "# HÄRLEDD NYCKEL: som vikter används Bilaga 1:s belopp, och beloppet är deras summa\n"
            f"# ({total_text} kr; Totalt-raden säger 80 000 000, se docs/data.md), så att regeln\n"
            "# återskapar bilagans nyckelkolumn exakt. Ingen kommun ligger under minimibeloppet.\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n"
            "fördelning:\n"
            "  grupp: kommuner\n"
            "  rubrik: Fördelningsnyckel för utvecklingsmedel till kommuner 2019\n"
            f"  belopp: {total}\n"
            "  regel: minimibelopp\n"
            "  minimibelopp: 80000\n"
            "  nyckelns_namn: Bilaga 1:s belopp (härledd nyckel; invånarantalen saknas i källan)\n"
            "  # Vad nyckeln mäter, i ord (rapportens mening ovan); de härledda vikterna står i dess ställe.\n"
            "  grund: respektive kommuns invånarantal\n"
            "  mottagare:\n" + lines)
    write(path, text)


def write_regioner_fordelning(path, regioner):
    total = sum(r["fordelningsnyckel"] for r in regioner)
    assert total % len(regioner) == 0
    lines = "".join(f"    - {q(r['namn'])}\n" for r in regioner)
    text = ("# Regionernas fördelningsnyckel 2019 (format: docs/fordelning.md): \"alla regioner kunde\n"
            "# rekvirera samma belopp\". Beloppet är Bilaga 2:s nyckelkolumn, 21 × 1 869 047 kr.\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n"
            "fördelning:\n"
            "  grupp: regioner\n"
            "  rubrik: Fördelningsnyckel för utvecklingsmedel till regioner 2019\n"
            f"  belopp: {total}\n"
            "  regel: lika\n"
            "  mottagare:\n" + lines)
    write(path, text)


def ideella_keys(ideella):
    seen = {}
    keys = []
    for r in ideella:
        seen[r["namn"]] = seen.get(r["namn"], 0) + 1
    count = {}
    for r in ideella:
        if seen[r["namn"]] > 1:
            count[r["namn"]] = count.get(r["namn"], 0) + 1
            keys.append((r["namn"], f"ansökan {count[r['namn']]}"))
        else:
            keys.append((r["namn"], ""))
    return keys


def write_ideella(path, ideella):
    lines = []
    for r, (name, ans) in zip(ideella, ideella_keys(ideella)):
        p = [("namn", q(name))]
        if ans:
            p.append(("ansökan", q(ans)))
        p += [("sökt", r["sokt"]), ("beviljat", r["beviljat"]), ("oförbrukat", r["oforbrukat"])]
        lines.append("    - " + flow(p) + "\n")
    extra = ("    tillgängligt: 10000000\n"
             "    antal_ansökningar: 123   # varav 24 beviljades och 99 avslogs\n"
             "    sökt_totalt: 75000000    # \"cirka 75 miljoner kronor\" för alla 123 ansökningarna (avrundat)\n"
             "    deklarerad_summa:   # Summa-raden i Bilaga 3\n"
             "      fördelat: 10000000\n"
             "      oförbrukat: 272189\n")
    head = ("# Ideella föreningar och stiftelser 2019: Bilaga 3. En rad per beviljad ansökan:\n"
            "# 24 bidrag till 23 organisationer (ATIM kvinno- och ungdomsjour fick två, här\n"
            "# 'ansökan 1' och 'ansökan 2' i bilagans ordning). Rapportens \"24 mottagare\" räknar bidrag.\n"
            "# Sökt belopp för de 24 beviljade summerar till 21 500 018 kr.\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n")
    text = head + group_yaml("ideella", "Ideella föreningar och stiftelser", "organisation", "organisationer",
                             "organisationerna", "ansökan", extra)
    text += "mottagare:\n  ideella:\n" + "".join(lines)
    write(path, text)


def write_lansstyrelser(path, rows):
    lines = []
    for r in rows:
        p = [("namn", q(r["namn"]))]
        if r["ansokan"]:
            p.append(("ansökan", q(r["ansokan"])))
        p.append(("sökt", r["sokt"]))
        note = r["anmarkning"]
        if note.startswith("återkallad"):
            p.append(("status", "återkallad"))
            p.append(("anmärkning", q("Ansökan återkallades av sökanden")))
        elif note == "avslagen":
            p.append(("beviljat", 0))
            p.append(("status", "avslagen"))
            p.append(("anmärkning", q("Avslogs; länsstyrelsen beviljades en annan ansökan")))
        else:
            p += [("beviljat", r["beviljat"]), ("oförbrukat", r["oforbrukat"] or 0)]
        lines.append("    - " + flow(p) + "\n")
    extra = ("    tillgängligt: 5000000\n"
             "    antal_ansökningar: 9   # en återkallad, en avslagen: sex länsstyrelser och NCK beviljades\n"
             "    deklarerad_summa:   # Summa-raden i Tabell 8 (sökt totalt 6 140 920 kr)\n"
             "      fördelat: 5000000\n"
             "      oförbrukat: 417637\n")
    head = ("# Stimulansmedel till länsstyrelser och Nationellt centrum för kvinnofrid (NCK) 2019:\n"
            "# Tabell 8, alla nio ansökningar. Avslagna och återkallade ansökningar har status och\n"
            "# inget beviljat belopp; de räknas inte bland de sju mottagarna.\n"
            "# Tabellens tomma celler för oförbrukat hos beviljade mottagare (Dalarna, Värmland, NCK)\n"
            "# betyder 0 kr (0 %).\n"
            "# Substantivet 'mottagare' används eftersom gruppen även omfattar NCK, som inte är en\n"
            "# länsstyrelse (rapporten skriver \"fem bidragsmottagare\", \"fyra mottagare\").\n"
            "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n")
    text = head + group_yaml("lansstyrelser_nck", "Länsstyrelser/NCK", "mottagare", "mottagare", "mottagarna",
                             "ansökan", extra)
    text += "mottagare:\n  lansstyrelser_nck:\n" + "".join(lines)
    write(path, text)


# Enkätandelar från tidigare år som rapportens text nämner: (grupp, år) → (andelar, källa).
HISTORY_SHARES = {
    ("kommuner", 2018): ({"kommuner_samordning": 48},
                         "Källa: Socialstyrelsen 2020, s. 14: \"år 2018 då 48 procent av de kommuner som "
                         "rekvirerade utvecklingsmedel finansierade en samordningsfunktion\""),
}


def write_historik(path, rows):
    out = ["# Tidigare års siffror som de publicerats: Tabell 2 (kommuner), 6 (regioner), 7 (ideella)\n",
           "# och 9 (länsstyrelser/NCK), 2016–2019. Rapporten anger miljoner kronor med en decimal;\n",
           "# här omräknade till kronor (avrundade belopp). andel_förbrukat_procent är den tryckta\n",
           "# andelen, som inte alltid följer av de avrundade beloppen.\n",
           "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n",
           "historik:\n"]
    for r in rows:
        p = [("grupp", r["mottagargrupp"]), ("år", r["ar"]),
             ("tillgängligt", round(float(r["tillgangliga_mnkr"]) * 1_000_000))]
        if r["antal_sokande"]:
            p.append(("antal_sökande", int(r["antal_sokande"])))
        p.append(("antal_mottagare", int(r["antal_mottagare"])))
        p.append(("förbrukat", round(float(r["forbrukade_mnkr"]) * 1_000_000)))
        if r["oforbrukade_mnkr"]:
            p.append(("oförbrukat", round(float(r["oforbrukade_mnkr"]) * 1_000_000)))
        p.append(("andel_förbrukat_procent", int(r["andel_forbrukade_pct"])))
        if r["mottagare_text"]:
            p.append(("mottagare_text", q(r["mottagare_text"])))
        shares = HISTORY_SHARES.get((r["mottagargrupp"], int(r["ar"])))
        if shares:
            out.append("  # " + shares[1] + "\n")
            p.append(("andelar_procent", "{" + ", ".join(f"{k}: {v}" for k, v in shares[0].items()) + "}"))
        out.append("  - " + flow(p) + "\n")
    write(path, "".join(out))


def answer_value(v):
    if isinstance(v, list):
        return "[" + ", ".join(v) + "]"
    return v


def write_svar(path, header, answers_by_name):
    out = [header, "# Genererad av scripts/convert-seed-tables.py – ändra i skriptet, inte här.\n",
           "svar_rekonstruerade: ja\n", "svar:\n"]
    for name, ans in answers_by_name:
        out.append(f"  - mottagare: {q(name)}\n    svar:\n")
        for k, v in ans.items():
            out.append(f"      {k}: {answer_value(v)}\n")
    write(path, "".join(out))


# ---------------------------------------------------------------------------
# Kontroller mot publicerade siffror
# ---------------------------------------------------------------------------
def count(answers, qid, value=None):
    c = 0
    for a in answers.values():
        v = a.get(qid)
        if v is None:
            continue
        if value is None:
            c += 1
        elif isinstance(v, list):
            c += value in v
        else:
            c += v == value
    return c


def verify(kans, rans, ians, lans):
    def eq(what, got, want):
        if got != want:
            raise SystemExit(f"FEL: {what}: {got}, publicerat {want}")

    eq("kommuner svarande", len(kans), 286)
    for oid, _, c, _ in KOMMUNER_OMRADEN:
        eq(f"kommuner {oid}", count(kans, "kommuner_omraden", oid), c)
    for oid, _, c in KOMMUNER_SAMVERKAN:
        eq(f"kommuner samverkan {oid}", count(kans, "kommuner_samverkan", oid), c)
    eq("Tabell 3 N", count(kans, "kommuner_socialnamnden"), 262)
    for oid, _, c, _ in KOMMUNER_TABELL3:
        eq(f"Tabell 3 {oid}", count(kans, "kommuner_socialnamnden", oid), c)
    eq("samordning", count(kans, "kommuner_samordning", "ja"), KOMMUNER_SAMORDNING)
    for oid, _, c in KOMMUNER_TABELL4:
        eq(f"Tabell 4 {oid}", count(kans, "kommuner_samordning_placering", oid), c)
    eq("Tabell 5 N", count(kans, "kommuner_sarskilt_utsatta"), 202)
    for oid, _, c, _ in KOMMUNER_TABELL5:
        eq(f"Tabell 5 {oid}", count(kans, "kommuner_sarskilt_utsatta", oid), c)
    eq("kommuner ganska hög/hög",
       count(kans, "kommuner_bidragit", "hog") + count(kans, "kommuner_bidragit", "ganska_hog"),
       KOMMUNER_BIDRAGIT_HOG)
    eq("kommuner inte skett utan medel", count(kans, "kommuner_inte_skett_utan_medel", "ja"),
       KOMMUNER_INTE_UTAN_MEDEL)
    for a in kans.values():
        if a["kommuner_samverkan"] and "samverkan" not in a["kommuner_omraden"]:
            raise SystemExit("FEL: samverkan intern/extern utan området samverkan")
        if not a["kommuner_omraden"]:
            raise SystemExit("FEL: kommun utan område")
    eq("regioner svarande", len(rans), 21)
    for oid, _, c in REGIONER_OMRADEN:
        eq(f"regioner {oid}", count(rans, "regioner_omraden", oid), c)
    eq("regioner ganska hög/hög",
       count(rans, "regioner_bidragit", "hog") + count(rans, "regioner_bidragit", "ganska_hog"), 20)
    eq("ideella svarande", len(ians), 24)
    for oid, _, c in IDEELLA_OMRADEN:
        eq(f"ideella {oid}", count(ians, "ideella_omraden", oid), c)
    eq("ideella samarbete", count(ians, "ideella_samarbete", "ja"), IDEELLA_SAMARBETE)
    eq("ideella ganska hög/hög",
       count(ians, "ideella_uppnatt_resultat", "hog") + count(ians, "ideella_uppnatt_resultat", "ganska_hog"), 22)
    eq("ideella låg", count(ians, "ideella_uppnatt_resultat", "lag"), 1)
    eq("länsstyrelser/NCK svarande", len(lans), 7)
    for oid, _, c in LANSSTYRELSER_OMRADEN:
        eq(f"länsstyrelser {oid}", count(lans, "lansstyrelser_nck_omraden", oid), c)
    eq("länsstyrelser ganska hög/hög",
       count(lans, "lansstyrelser_nck_uppnatt_resultat", "hog")
       + count(lans, "lansstyrelser_nck_uppnatt_resultat", "ganska_hog"), 7)


def verify_amounts(kommuner, regioner, ideella, lans):
    def eq(what, got, want):
        if got != want:
            raise SystemExit(f"FEL: {what}: {got}, förväntat {want}")

    eq("antal kommuner", len(kommuner), 290)
    eq("kommuner nyckel", sum(k["fordelningsnyckel"] for k in kommuner), 79_999_998)
    eq("kommuner rekvirerat", sum(k["rekvirerat"] for k in kommuner), 77_386_782)
    eq("kommuner omfördelat", sum(k["omfordelat"] for k in kommuner), 2_613_111)
    eq("kommuner fördelat", sum(k["fordelat"] for k in kommuner), 79_999_893)
    eq("kommuner oförbrukat", sum(k["oforbrukat"] for k in kommuner), 5_050_766)
    for k in kommuner + regioner:
        eq(f"fördelat {k['namn']}", k["rekvirerat"] + k["omfordelat"], k["fordelat"])
    eq("kommuner som bett om mer", sum(1 for k in kommuner if k["omfordelat"]), 190)
    eq("antal regioner", len(regioner), 21)
    eq("regioner fördelat", sum(r["fordelat"] for r in regioner), 39_249_986)
    eq("regioner oförbrukat", sum(r["oforbrukat"] for r in regioner), 8_443_350)
    eq("ideella bidrag", len(ideella), 24)
    eq("ideella beviljat", sum(r["beviljat"] for r in ideella), 10_000_000)
    eq("ideella oförbrukat", sum(r["oforbrukat"] for r in ideella), 272_189)
    eq("ideella sökt", sum(r["sokt"] for r in ideella), 21_500_018)
    eq("länsstyrelser ansökningar", len(lans), 9)
    eq("länsstyrelser beviljat", sum(r["beviljat"] or 0 for r in lans), 5_000_000)
    eq("länsstyrelser oförbrukat", sum(r["oforbrukat"] or 0 for r in lans), 417_637)
    eq("länsstyrelser sökt", sum(r["sokt"] for r in lans), 6_140_920)


# ---------------------------------------------------------------------------
def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    src = argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dst = argv[2] if len(argv) > 2 else os.path.join(root, "data", "nationell-2019")
    os.makedirs(dst, exist_ok=True)

    def ints(rows, cols):
        for r in rows:
            for c in cols:
                r[c] = num(r[c])
        return rows

    kommuner = ints(read_csv(src, "kommuner2019.csv"),
                    ["fordelningsnyckel", "rekvirerat", "omfordelat", "fordelat", "oforbrukat"])
    regioner = ints(read_csv(src, "regioner2019.csv"),
                    ["fordelningsnyckel", "rekvirerat", "omfordelat", "fordelat", "oforbrukat"])
    ideella = ints(read_csv(src, "ideella2019.csv"), ["sokt", "beviljat", "oforbrukat"])
    lans = ints(read_csv(src, "lansstyrelser-nck2019.csv"), ["sokt", "beviljat", "oforbrukat"])
    historik = read_csv(src, "historik2016-2019.csv")
    verify_amounts(kommuner, regioner, ideella, lans)
    for k in kommuner:
        if k["namn"] in KOMMUN_NAMNBYTE:
            k["tryckt_namn"], k["namn"] = k["namn"], KOMMUN_NAMNBYTE[k["namn"]]
    zero = [k["namn"] for k in kommuner if k["oforbrukat"] == k["fordelat"]]
    assert len(zero) == 4 and EJ_ATERRAPPORTERAT in zero, zero

    knames, kans = reconstruct_kommuner(kommuner)
    rnames, rans = reconstruct_regioner(regioner)
    ikeys = ideella_keys(ideella)
    ians = {}
    for name, ans in ikeys:
        areas, samarbete, rating = IDEELLA_SVAR[(name, ans)]
        ians[(name, ans)] = {
            "ideella_omraden": [o[0] for o in IDEELLA_OMRADEN if o[0] in areas],
            "ideella_samarbete": samarbete,
            "ideella_uppnatt_resultat": rating,
        }
    lans_ans = {}
    for key, (areas, rating) in LANSSTYRELSER_SVAR.items():
        lans_ans[key] = {
            "lansstyrelser_nck_omraden": [o[0] for o in LANSSTYRELSER_OMRADEN if o[0] in areas],
            "lansstyrelser_nck_uppnatt_resultat": rating,
        }
    verify(kans, rans, ians, lans_ans)

    def disp(key):
        name, ans = key
        return f"{name} – {ans}" if ans else name

    write_bidrag(os.path.join(dst, "bidrag.yaml"))
    write_dokument(os.path.join(dst, "dokument.yaml"))
    write_kommuner(os.path.join(dst, "kommuner.yaml"), kommuner)
    write_regioner(os.path.join(dst, "regioner.yaml"), regioner)
    write_kommuner_fordelning(os.path.join(dst, "kommuner-fordelning.yaml"), kommuner)
    write_regioner_fordelning(os.path.join(dst, "regioner-fordelning.yaml"), regioner)
    write_ideella(os.path.join(dst, "ideella.yaml"), ideella)
    write_lansstyrelser(os.path.join(dst, "lansstyrelser-nck.yaml"), lans)
    write_historik(os.path.join(dst, "historik.yaml"), historik)
    write_enkat(os.path.join(dst, "enkat.yaml"))
    write_citat(os.path.join(dst, "citat.yaml"))
    rec = "# REKONSTRUERADE svar (se docs/data.md): rapporten publicerar bara summor. Svaren är\n" \
          "# konstruerade så att varje summa blir exakt den publicerade; de enskilda svaren är inte verkliga.\n"
    write_svar(os.path.join(dst, "svar-kommuner.yaml"),
               rec + "# Kommuner: 286 svarande = 290 utom den som inte återrapporterade och de tre som inte\n"
                     "# förbrukat något. Viktat slumpurval (fast frö): större kommuner kryssar oftare i fler\n"
                     "# områden; fler områden ger oftare högre betyg. Fördelningen inom 'ganska hög'/'hög'\n"
                     "# (96/144) och under (34/9/3) är inte publicerad och vald här.\n",
               [(n, kans[n]) for n in knames])
    write_svar(os.path.join(dst, "svar-regioner.yaml"),
               rec + "# Regioner: 21 svarande. Rapporten ger inget antal för metodutveckling (\"flertalet\"\n"
                     "# regioner, här 18) och förebyggande insatser (\"de flesta\", här 16). 20 av 21 ganska\n"
                     "# hög/hög; den 21:a (ganska låg) är regionen med störst andel oförbrukade medel.\n",
               [(n, rans[n]) for n in rnames])
    write_svar(os.path.join(dst, "svar-ideella.yaml"),
               rec + "# Ideella: 24 beviljade ansökningar besvarade för hand utifrån organisationernas\n"
                     "# inriktning. 'Låg utsträckning' (en, enligt rapporten p.g.a. personalomsättning):\n"
                     "# ATIM ansökan 2, som har störst andel oförbrukat (50 %).\n",
               [(disp(k), ians[k]) for k in ikeys])
    write_svar(os.path.join(dst, "svar-lansstyrelser-nck.yaml"),
               rec + "# Länsstyrelser/NCK: de sju beviljade mottagarna, områden enligt rapportens beskrivning\n"
                     "# av varje mottagares verksamhet. Samtliga: ganska hög eller hög utsträckning.\n",
               [(disp(k), lans_ans[k]) for k in LANSSTYRELSER_SVAR])
    print(f"skrev {dst}: {len(kommuner)} kommuner, {len(regioner)} regioner, {len(ideella)} ideella bidrag, "
          f"{len(lans)} ansökningar från länsstyrelser/NCK; svar från {len(kans)}+{len(rans)}+{len(ians)}+"
          f"{len(lans_ans)} mottagare")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
