"""Lint of the actor data files: normalised, clean, consistent, valid codes and dates."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from hadath.actors.gazetteer import LOADERS, all_entries, read_tsv
from hadath.lang.ar.normalize import normalize

DATA_FILES = ["countries.tsv", "country_aliases.tsv", "demonym_exceptions.tsv", "capitals.tsv",
              "organizations.tsv", "groups.tsv", "media.tsv", "sectors.tsv", "references.tsv",
              "risky.tsv", "persons.tsv"]
INTERNATIONAL = {"UN", "EU", "NATO", "AL", "AU", "GCC", "OIC", "BRICS", "SCO", "OPEC", "ICRC",
                 "IMF", "WB", "ICC", "ICJ", "ISIS", "AQ", "MSF", "AI", "HRW", "IGO", "NGO"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "PTY", "MED", "REF", "JRN",
           "BUS", "EDU", "REL", "HLH", "LAB"}
BAD_CHARS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0640\u064b-\u065f\u0670]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Phrases deliberately in two files with different codes, and why.
ALLOWED_CLASHES: dict[str, str] = {}


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {row["iso3"] for row in read_tsv("countries.tsv")}


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_has_header_comment_with_sources(name):
    from importlib import resources
    text = resources.files("hadath.actors").joinpath("data", name).read_text(encoding="utf-8")
    assert text.startswith("# ") and "Columns:" in text


@pytest.mark.parametrize("load", LOADERS, ids=lambda f: f.__name__)
def test_every_entry_is_in_normalised_form(load):
    bad = [e.phrase for e in load() if normalize(e.phrase) != e.phrase or BAD_CHARS.search(e.phrase)]
    assert bad == []


@pytest.mark.parametrize("name", ["countries.tsv", "persons.tsv", "groups.tsv", "organizations.tsv",
                                  "capitals.tsv", "sectors.tsv", "media.tsv"])
def test_no_presentation_forms_tatweel_or_diacritics_in_files(name):
    from importlib import resources
    text = resources.files("hadath.actors").joinpath("data", name).read_text(encoding="utf-8")
    assert not BAD_CHARS.search(text)


def test_codes_are_iso3_or_known_international_codes(iso3):
    bad = {e.code for e in all_entries() if e.code and e.code not in iso3 | INTERNATIONAL}
    assert bad == set()


def test_sectors_are_known():
    assert {e.sector for e in all_entries() if e.sector} <= SECTORS


def test_no_phrase_names_two_different_actors():
    codes = defaultdict(set)
    for e in all_entries():
        if e.kind not in ("office", "side", "two-sides", "body", "block", "person"):
            codes[e.phrase].add(e.code)
    clashes = {p: c for p, c in codes.items() if len(c) > 1 and p not in ALLOWED_CLASHES}
    assert clashes == {}


def test_person_names_do_not_shadow_state_names_or_groups():
    people = {e.phrase for e in all_entries() if e.kind == "person"}
    others = {e.phrase for e in all_entries() if e.kind in ("state", "group", "igo", "nisba")}
    assert people & others == set()


def test_person_tenures_are_valid_date_ranges():
    bad = [(r["name_en"], r["from"], r["to"]) for r in read_tsv("persons.tsv")
           if not DATE.match(r["from"]) or (r["to"] and (not DATE.match(r["to"]) or r["to"] < r["from"]))]
    assert bad == []


def test_same_person_same_code_tenures_do_not_overlap_with_different_sector_rows():
    rows = defaultdict(list)
    for r in read_tsv("persons.tsv"):
        rows[(r["name_en"], r["code"])].append((r["from"], r["to"] or "9999-12-31"))
    overlapping = [k for k, spans in rows.items()
                   if any(a[1] > b[0] for a, b in zip(sorted(spans), sorted(spans)[1:]))]
    assert overlapping == []


def test_enough_data():
    kinds = defaultdict(int)
    for e in all_entries():
        kinds[e.kind] += 1
    assert len(read_tsv("persons.tsv")) >= 300
    assert len({r["name_en"] for r in read_tsv("organizations.tsv")}) >= 60
    assert len({r["name_en"] for r in read_tsv("groups.tsv")}) >= 60
    assert len(read_tsv("countries.tsv")) >= 240


def test_palestine_is_pse():
    codes = {e.phrase: e.code for e in all_entries() if e.kind == "state"}
    for name in ("فلسطين", "الاراضي الفلسطينيه", "غزه", "قطاع غزه", "الضفه الغربيه"):
        assert codes[name] == "PSE"


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_lines_are_stored_in_normalised_form(name):
    from importlib import resources
    text = resources.files("hadath.actors").joinpath("data", name).read_text(encoding="utf-8")
    bad = [ln for ln in text.splitlines() if not ln.startswith("#") and normalize(ln) != ln]
    assert bad == [], "run scripts/actors/normalize_data.py"
