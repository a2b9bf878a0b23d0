from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.lang.ar.normalize import normalize
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


def _candidates_by_every_split(norm):
    """`candidates` by its definition: every proclitic split, each bare and with each
    enclitic stripped (and ت read as ه), least stripped first, one per stem."""
    from hadath.lang.ar.tokens import _ENDING_WITH, MIN_STEM, Candidate, _proclitic_splits

    out = {}
    endings = [enc for enc in _ENDING_WITH.get(norm[-1:], ()) if norm.endswith(enc)]
    for prefix, rest in _proclitic_splits(norm):
        if len(rest) >= MIN_STEM:
            out.setdefault(rest, Candidate(rest, prefix, ""))
        for enc in endings:
            if len(rest) - len(enc) >= MIN_STEM + 1:
                stem = rest[: -len(enc)]
                out.setdefault(stem, Candidate(stem, prefix, enc))
                if stem.endswith("ت"):
                    out.setdefault(stem[:-1] + "ه", Candidate(stem[:-1] + "ه", prefix, enc))
    return tuple(out.values())


@given(st.text(alphabet="وفبلكساتهيمنكرحدعزقشةا", max_size=9))
def test_candidates_equal_their_definition(word):
    """Also for words no proclitic can open (the fast path: the word, and its enclitics)."""
    assert candidates(word) == _candidates_by_every_split(word)


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


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" _.،-\n:ab1"),
               max_size=80), st.integers(0, 500))
def test_tokens_are_the_words_with_their_places_and_forms(text, offset):
    words = [m for m in re.finditer(r"[^\W_]+|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+", text)]
    tokens = tokenize(text, offset)
    assert [t.index for t in tokens] == list(range(len(tokens)))
    assert all(text[t.start - offset:t.end - offset] == t.text and t.norm == normalize(t.text) for t in tokens)
    # every letter run of the text lies in a token (an underscore splits; marks join)
    covered = {i for t in tokens for i in range(t.start - offset, t.end - offset)}
    assert all(set(range(*m.span())) <= covered for m in words)


def test_the_memo_of_normalised_forms_stays_bounded(monkeypatch):
    from hadath.lang.ar import tokens

    monkeypatch.setattr(tokens, "NORM_MEMO", 5)
    monkeypatch.setattr(tokens, "_norms", {})
    monkeypatch.setattr(tokens, "_older_norms", {})
    words = [f"مدينة{'ب' * k}" for k in range(23)]
    for _ in range(2):
        toks = tokenize(" ".join(words))
        assert [t.norm for t in toks] == [normalize(w) for w in words]
        assert len(tokens._norms) <= 5 and len(tokens._older_norms) <= 5
