from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.lang.ar.tokens import candidates, tokenize


def stems(word):
    return [c.stem for c in candidates(word)]


@pytest.mark.parametrize("word,stem", [
    ("والصين", "الصين"),
    ("للصين", "الصين"),
    ("وللصين", "الصين"),
    ("بالصين", "الصين"),
    ("فالصين", "الصين"),
    ("كالصين", "الصين"),
    ("الصين", "صين"),
    ("وسيجتمع", "يجتمع"),
    ("حكومته", "حكومه"),
    ("وزيرها", "وزير"),
    ("لروسيا", "روسيا"),
    ("ولبنان", "لبنان"),
])
def test_candidates_strip_clitics(word, stem):
    assert stem in stems(word)


def test_candidates_try_the_whole_word_first():
    assert stems("لبنان")[0] == "لبنان"


def test_candidates_never_leave_a_one_letter_stem():
    assert all(len(s) >= 2 for s in stems("وله"))


def test_tokenize_keeps_original_offsets_with_diacritics():
    text = "قالَ الرّئيسُ: الصين."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["قالَ", "الرّئيسُ", "الصين"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert toks[1].norm == "الرئيس"


def test_tokenize_with_offset_shifts_spans():
    toks = tokenize("روسيا", offset=10)
    assert (toks[0].start, toks[0].end) == (10, 15)


def test_span_of_skips_stripped_clitics():
    tok = tokenize("وَللصِّين")[0]
    cand = next(c for c in candidates(tok.norm) if c.stem == "الصين")
    start, end = tok.span_of(len(cand.prefix), len(cand.suffix))
    assert "وَللصِّين"[start:end].replace("ِّ", "") in ("لصين", "صين")


@given(st.text(max_size=60))
def test_token_offsets_always_inside_text(text):
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert text[tok.start:tok.end] == tok.text
