from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.lang.ar.normalize import (
    _TABLE,
    _expand_presentation,
    clean_text,
    normalize,
    normalize_in_place,
)

_TABLE_CHARS = [chr(c) for c in _TABLE]

ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،؟\n"
                 "abc123ﻻﺍﻟﺼﻴﻦ"), max_size=80)


@pytest.mark.parametrize("raw,expected", [
    ("أحمد", "احمد"),
    ("إسرائيل", "اسرائيل"),
    ("آسيا", "اسيا"),
    ("ٱلله", "الله"),
    ("مُحَمَّدٌ", "محمد"),
    ("الـــصين", "الصين"),
    ("مستشفى", "مستشفي"),
    ("حكومة", "حكومه"),
    ("٢٠٢٤", "2024"),
    ("۱۹۹۰", "1990"),
    ("ﺍﻟﺼﻴﻦ", "الصين"),
    ("ﻻ", "لا"),
    ("فارسی", "فارسي"),
    ("مسؤول", "مسؤول"),
    ("رئيس", "رئيس"),
])
def test_normalize_maps_variants(raw, expected):
    assert normalize(raw) == expected


@given(ARABIC)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(ARABIC)
def test_normalize_leaves_no_diacritics_tatweel_or_presentation_forms(text):
    out = normalize(text)
    assert "\u0640" not in out
    assert not any(0x064B <= ord(c) <= 0x065F for c in out)
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in out)


@given(ARABIC)
def test_normalize_fast_path_equals_the_full_table(text):
    # the str.replace path for texts without rare characters must equal translate
    assert normalize(text) == _expand_presentation(text).translate(_TABLE)


@given(ARABIC)
def test_normalize_in_place_keeps_every_character_where_it_is(text):
    normed = normalize_in_place(text)
    if normed is not None:
        assert normed == normalize(text) and len(normed) == len(text)


def test_normalize_in_place_declines_only_texts_with_rare_characters():
    assert normalize_in_place("أعلنت الحكومة المصرية إلى") == "اعلنت الحكومه المصريه الي"
    assert normalize_in_place("مُحَمَّد") is None  # diacritics are deleted: places move
    assert normalize_in_place("٢٠٢٤") is None


def test_normalize_fast_path_covers_every_mapped_character():
    for char in [*_TABLE_CHARS, "\ufb50", "\ufefc"]:
        word = f"ب{char}ت"
        assert normalize(word) == _expand_presentation(word).translate(_TABLE), hex(ord(char))


def test_clean_text_keeps_letters_but_expands_presentation_forms_and_spaces():
    raw = "ﺍﻟﺼﻴﻦ   وروسيا\r\n\r\n\r\nأوافق\u200f"
    out = clean_text(raw)
    assert out == "الصين وروسيا\n\nأوافق"
    assert unicodedata.is_normalized("NFC", out)


def test_clean_text_keeps_hamza_and_diacritics_for_readers():
    assert clean_text("أَحْمَد") == unicodedata.normalize("NFC", "أَحْمَد")
