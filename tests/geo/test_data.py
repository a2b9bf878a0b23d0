"""Lint of the place data: matching form, valid codes and coordinates, explained clashes."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest

from hadath.actors.gazetteer import read_tsv
from hadath.geo.gazetteer import FEATURES, place_matcher, places, read_rows
from hadath.lang.ar.normalize import normalize

PRESENTATION = [chr(c) for c in range(0xFB50, 0xFE00)] + [chr(c) for c in range(0xFE70, 0xFF00)]
STATES = {row["iso3"] for row in read_tsv("countries.tsv")}


def _names():
    for names, place in places():
        for name in names:
            yield name, place


def test_places_file_is_small():
    size = len(resources.files("hadath.geo").joinpath("data", "places.tsv").read_bytes())
    assert size < 2_000_000


def test_gazetteer_is_large_enough():
    assert len(places()) > 4000
    assert len(place_matcher()) > 6000


@pytest.mark.parametrize("name", ["places.tsv", "aliases.tsv", "skip.tsv", "cues.tsv"])
def test_arabic_data_is_in_matching_form(name):
    column = {"places.tsv": "names_ar", "aliases.tsv": "names_ar", "skip.tsv": "name", "cues.tsv": "forms"}[name]
    for row in read_rows(name):
        for entry in filter(None, row[column].split("|")):
            assert normalize(entry) == entry, (name, entry)
            assert entry == entry.strip() and "  " not in entry, (name, entry)
            assert not any(ch in PRESENTATION for ch in entry), (name, entry)


def test_every_place_has_a_state_code_coordinates_and_feature():
    for names, place in places():
        assert place.iso3 in STATES, (names, place.iso3)
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, names
        assert place.feature in FEATURES, names
        assert len(set(names)) == len(names), names


def test_hand_written_places_have_admin1():
    for row in read_rows("aliases.tsv"):
        assert row["admin1"] and row["feature"] in FEATURES and row["iso3"] in STATES, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row


def test_a_name_of_places_in_different_states_says_why():
    by_name = defaultdict(list)
    for name, place in _names():
        by_name[name].append(place)
    for name, group in by_name.items():
        if len({p.iso3 for p in group}) > 1:
            assert all(p.note for p in group if p.feature != "country"), (name, group)


def test_skipped_words_name_no_generated_place():
    skipped = {row["name"] for row in read_rows("skip.tsv")}
    for name, place in _names():
        assert not (name in skipped and not place.curated), name


def test_capitals_of_the_actor_data_are_places_of_the_same_state():
    known = defaultdict(set)
    for name, place in _names():
        known[name].add(place.iso3)
    for row in read_tsv("capitals.tsv"):
        if row["kind"] in ("capital", "city", "region"):
            assert row["iso3"] in known[normalize(row["name_ar"])], row["name_ar"]


def test_every_state_with_a_centroid_is_a_place():
    states = {p.iso3 for _, p in places() if p.feature == "country"}
    assert len(states) > 230
    assert {"PSE", "SYR", "LBY", "LBN", "JOR", "OMN", "USA", "RUS"} <= states
