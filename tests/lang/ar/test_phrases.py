from __future__ import annotations

from hadath.lang.ar.phrases import PhraseMatcher
from hadath.lang.ar.tokens import tokenize

MATCHER = PhraseMatcher([("الأمم المتحدة", "UN"), ("الأمم", "X"), ("مجلس الأمن", "UNSC"), ("زوروستان", "ZZZ")])


def found(text):
    return [(m.payload, text[m.start:m.end]) for m in MATCHER.find_all(tokenize(text))]


def test_longest_phrase_wins():
    assert found("قالت الأمم المتحدة") == [("UN", "الأمم المتحدة")]


def test_first_word_matches_through_proclitics():
    assert found("وزار وفد زوروستان وللأمم المتحدة") == [("ZZZ", "زوروستان"), ("UN", "لأمم المتحدة")]


def test_diacritics_do_not_block_a_match():
    assert found("مَجْلِسُ الأَمْنِ")[0][0] == "UNSC"


def test_contains_and_len():
    assert "الامم المتحده" in MATCHER
    assert len(MATCHER) == 4
