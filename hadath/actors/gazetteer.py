"""Actor data: load the TSV files of `hadath/actors/data/` once, into one matcher.

Every phrase of every file becomes a key of one `PhraseMatcher` (longest match over
normalised tokens with clitics). A key holds a tuple of `Entry`: usually one; several
for person names that name different office holders over time (resolved by date).
Nothing is loaded at import; `matcher()` builds on first use and caches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hadath.datafiles import read_rows
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatcher
from hadath.actors.nisba import broken_plural_forms, inflect

# Kinds of entries, in the order that wins when one phrase is in several files.
KIND_PRIORITY = ("block", "two-sides", "side", "body", "risky", "group", "igo", "state",
                 "capital", "seat", "city", "region", "person", "nisba", "office")


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # one of KIND_PRIORITY
    code: str  # ISO alpha-3, an international code, or "" (office words)
    sector: str | None
    name_en: str
    phrase: str  # the normalised data entry
    number: str = ""  # nisba: sg | pl
    start: str = ""  # person: tenure, YYYY-MM-DD
    end: str = ""  # person: "" = still in office
    context: frozenset[str] = frozenset()  # risky: words that must stand next to it


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file of hadath/actors/data (see `hadath.datafiles.read_rows`)."""
    return read_rows("hadath.actors", name, fix="fix the file (tabs inside a cell?)")


def _alts(cell: str) -> list[str]:
    return [normalize(x.strip()) for x in cell.split("|") if x.strip()]


def country_entries() -> list[Entry]:
    out = []
    for row in read_tsv("countries.tsv"):
        code, name = row["iso3"], row["name_en"]
        out += [Entry("state", code, None, name, n) for n in _alts(row["names_ar"])]
        for stem in _alts(row["nisba"]):
            out += [Entry("nisba", code, None, name, f, number=num) for f, num in inflect(stem)]
        for plural in _alts(row["plurals"]):
            out += [Entry("nisba", code, None, name, f, number="pl") for f in broken_plural_forms(plural)]
    return out


def capital_entries() -> list[Entry]:
    return [Entry(row["kind"], row["iso3"], row.get("sector") or None, row["name_en"], normalize(row["name_ar"]))
            for row in read_tsv("capitals.tsv")]


def organization_entries() -> list[Entry]:
    return [Entry("igo", row["code"], None, row["name_en"], n)
            for row in read_tsv("organizations.tsv") for n in _alts(row["names_ar"])]


def group_entries() -> list[Entry]:
    return [Entry("group", row["code"], row["sector"] or None, row["name_en"], n)
            for row in read_tsv("groups.tsv") for n in _alts(row["names_ar"])]


def media_entries() -> list[Entry]:
    return [Entry("group", row["code"], row["sector"] or None, row["name_en"], n)
            for row in read_tsv("media.tsv") for n in _alts(row["names_ar"])]


def office_entries() -> list[Entry]:
    return [Entry("office", "", row["sector"], row["name_en"], n)
            for row in read_tsv("sectors.tsv") for n in _alts(row["forms"])]


def reference_entries() -> list[Entry]:
    return [Entry(row["kind"], "", None, row["kind"], n)
            for row in read_tsv("references.tsv") for n in _alts(row["forms"])]


def risky_entries() -> list[Entry]:
    return [Entry("risky", row["code"], row["sector"] or None, row["name_en"], normalize(row["name"]),
                  number=row["kind"], context=frozenset(_alts(row["context"])))
            for row in read_tsv("risky.tsv")]


def person_entries() -> list[Entry]:
    out = []
    for row in read_tsv("persons.tsv"):
        label = f"{row['name_en']} ({row['role_en']})"
        out += [Entry("person", row["code"], row["sector"] or None, label, n,
                      start=row["from"], end=row["to"]) for n in _alts(row["names_ar"])]
    return out


LOADERS = (country_entries, capital_entries, organization_entries, group_entries, media_entries,
           office_entries, reference_entries, risky_entries, person_entries)


@cache
def all_entries() -> tuple[Entry, ...]:
    return tuple(e for load in LOADERS for e in load())


def _rank(entry: Entry) -> int:
    return KIND_PRIORITY.index(entry.kind)


def group_by_phrase(entries) -> dict[str, tuple[Entry, ...]]:
    """Entries sharing a phrase: persons all kept (resolved by date), otherwise the
    kind with the highest priority (lint tests check such clashes agree on code)."""
    by_phrase: dict[str, list[Entry]] = {}
    for entry in entries:
        by_phrase.setdefault(entry.phrase, []).append(entry)
    out = {}
    for phrase, group in by_phrase.items():
        group.sort(key=_rank)
        top = group[0]
        out[phrase] = tuple(e for e in group if e.kind == "person") if top.kind == "person" else (top,)
    return out


@cache
def matcher() -> PhraseMatcher[tuple[Entry, ...]]:
    """The one matcher of all actor phrases (built on first use)."""
    return PhraseMatcher(group_by_phrase(all_entries()).items(), normalized=True)  # (the loaders normalise)


@cache
def code_names() -> dict[str, str]:
    """English name of every state and international code (for glosses)."""
    names = {row["iso3"]: row["name_en"] for row in read_tsv("countries.tsv")}
    for row in read_tsv("organizations.tsv"):
        names.setdefault(row["code"], row["name_en"])  # the first row of a code names it
    return names


@cache
def state_codes() -> frozenset[str]:
    """The ISO alpha-3 codes of states and territories (not the codes of bodies: GCC, MSF)."""
    return frozenset(row["iso3"] for row in read_tsv("countries.tsv"))


def code_name(code: str) -> str:
    return code_names().get(code, code)
