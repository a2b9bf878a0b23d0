"""Generate hadath/actors/data/countries.tsv from Babel (CLDR) plus curated files.

Inputs:
  * Babel `Locale('ar').territories` / `Locale('en').territories` (CLDR common
    names; dev-only dependency, runtime never imports babel);
  * hadath/actors/data/country_aliases.tsv   (hand-written aliases);
  * hadath/actors/data/demonym_exceptions.tsv (hand-written irregular nisba).
The nisba of a state without an exception is derived by `nisba_rule` below.

Run:  PYTHONPATH=. python scripts/actors/gen_countries.py
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale

from hadath.lang.ar.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / "hadath" / "actors" / "data"

# ISO 3166-1 alpha-2 -> alpha-3 (plus XK -> XKX, the code in common use for Kosovo).
ALPHA3 = dict(pair.split(":") for pair in """
AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM AT:AUT AU:AUS AW:ABW
AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR BH:BHR BI:BDI BJ:BEN BL:BLM BM:BMU BN:BRN
BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN BV:BVT BW:BWA BY:BLR BZ:BLZ CA:CAN CC:CCK CD:COD CF:CAF CG:COG
CH:CHE CI:CIV CK:COK CL:CHL CM:CMR CN:CHN CO:COL CR:CRI CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP CZ:CZE
DE:DEU DJ:DJI DK:DNK DM:DMA DO:DOM DZ:DZA EC:ECU EE:EST EG:EGY EH:ESH ER:ERI ES:ESP ET:ETH FI:FIN
FJ:FJI FK:FLK FM:FSM FO:FRO FR:FRA GA:GAB GB:GBR GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL
GM:GMB GN:GIN GP:GLP GQ:GNQ GR:GRC GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD HN:HND HR:HRV
HT:HTI HU:HUN ID:IDN IE:IRL IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN IS:ISL IT:ITA JE:JEY JM:JAM
JO:JOR JP:JPN KE:KEN KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA KP:PRK KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO
LB:LBN LC:LCA LI:LIE LK:LKA LR:LBR LS:LSO LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE
MF:MAF MG:MDG MH:MHL MK:MKD ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS
MV:MDV MW:MWI MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC NL:NLD NO:NOR NP:NPL
NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG PH:PHL PK:PAK PL:POL PM:SPM PN:PCN PR:PRI
PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT RE:REU RO:ROU RS:SRB RU:RUS RW:RWA SA:SAU SB:SLB SC:SYC SD:SDN
SE:SWE SG:SGP SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR SN:SEN SO:SOM SR:SUR SS:SSD ST:STP SV:SLV
SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF TG:TGO TH:THA TJ:TJK TK:TKL TL:TLS TM:TKM TN:TUN TO:TON
TR:TUR TT:TTO TV:TUV TW:TWN TZ:TZA UA:UKR UG:UGA UM:UMI US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN
VG:VGB VI:VIR VN:VNM VU:VUT WF:WLF WS:WSM XK:XKX YE:YEM YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE
""".split())

# Babel names that are not what Arabic news writes, or collide with common words.
# (مالي and بنين are handled as risky words, see risky.tsv; الكونغو alone is ambiguous.)
SKIP_BABEL_NAMES = {"ML": {"مالي"}, "BJ": {"بنين"}, "CD": {"الكونغو - كينشاسا"}, "CG": {"الكونغو - برازافيل"}}
EN_NAMES = {"CD": "DR Congo", "CG": "Republic of the Congo", "PS": "Palestine", "TR": "Turkey",
            "MM": "Myanmar", "HK": "Hong Kong", "MO": "Macao", "CI": "Ivory Coast"}


def nisba_rule(name: str) -> str:
    """Masculine nisba stem of a one-word state name (normalised, without ال):
    روسيا→روسي, امريكا→امريكي, لبنان→لبناني, جيبوتي→جيبوتي, سنغافوره→سنغافوري."""
    word = name[2:] if name.startswith("ال") else name
    if word.endswith("يا"):
        return word[:-2] + "ي"
    if word.endswith(("ا", "ه")):
        return word[:-1] + "ي"
    if word.endswith("ي"):
        return word
    return word + "ي"


def read_tsv(name: str) -> dict[str, list[str]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out: dict[str, list[str]] = {}
    for line in lines[1:]:  # lines[0] is the column header
        code, *cols = line.split("\t")
        out[code] = cols
    return out


def display_name(raw: str) -> str:
    """Babel names carry notes in brackets and ' - ' qualifiers: keep the name."""
    return normalize(raw.split("(")[0].split(" - ")[0].strip())


def rows():
    ar, en = Locale("ar").territories, Locale("en").territories
    aliases, exceptions = read_tsv("country_aliases.tsv"), read_tsv("demonym_exceptions.tsv")
    for a2, a3 in sorted(ALPHA3.items(), key=lambda kv: kv[1]):
        if a2 not in ar:
            continue
        names = [display_name(ar[a2])] if ar[a2] not in SKIP_BABEL_NAMES.get(a2, ()) else []
        names += [normalize(x) for x in aliases.get(a3, [""])[0].split("|") if x]
        names = list(dict.fromkeys(names))
        if a3 in exceptions:
            nisba, plurals = exceptions[a3][0], exceptions[a3][1] if len(exceptions[a3]) > 1 else ""
        else:
            one_word = [n for n in names[:1] if " " not in n]
            nisba, plurals = (nisba_rule(one_word[0]) if one_word else ""), ""
        yield a3, EN_NAMES.get(a2, en[a2]), _alts(nisba), _alts(plurals), "|".join(names)


def _alts(field: str) -> str:
    return "|".join(dict.fromkeys(normalize(x) for x in field.split("|") if x))


HEADER = """# countries.tsv: states and territories with ISO 3166-1 alpha-3 codes.
# GENERATED by scripts/actors/gen_countries.py - edit the inputs, not this file.
# Sources: CLDR common names via Babel (Locale('ar'/'en').territories);
#   aliases from country_aliases.tsv and irregular nisba from demonym_exceptions.tsv
#   (both hand-written for hadath). All Arabic in normalised form (hadath.lang.ar.normalize).
# Columns: iso3, name_en, nisba (masculine singular stem without ال, '|' alternatives;
#   empty = none: ambiguous or multi-word), plurals (broken plurals without ال, '|'),
#   names_ar ('|' separated; first = CLDR common name)
"""


def main() -> None:
    lines = [HEADER + "iso3\tname_en\tnisba\tplurals\tnames_ar"]
    lines += ["\t".join(row) for row in rows()]
    (DATA / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
