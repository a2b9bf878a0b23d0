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


def test_equal_length_phrases_prefer_the_least_stripped_first_word_then_the_first_added():
    matcher = PhraseMatcher([("بلاد", "bilad"), ("لاد", "lad"), ("مجلس الشعب", "A"), ("مجلس الشعب", "B")])
    tokens = tokenize("بلاد مجلس الشعب")
    assert [m.payload for m in matcher.find_all(tokens)] == ["bilad", "A"]


def test_a_longer_phrase_needs_its_second_word_next(monkeypatch):
    matcher = PhraseMatcher([("علي", "ali"), ("علي خامنئي", "KHAMENEI")])
    assert [m.payload for m in matcher.find_all(tokenize("قال علي خامنئي"))] == ["KHAMENEI"]
    assert [m.payload for m in matcher.find_all(tokenize("ردا على الهجوم"))] == ["ali"]


def test_the_memo_stays_bounded_and_answers_the_same(monkeypatch):
    import hadath.lang.ar.phrases as phrases

    monkeypatch.setattr(phrases, "MEMO_LIMIT", 3)
    matcher = PhraseMatcher([("الأمم المتحدة", "UN"), ("زوروستان", "ZZZ")])
    text = "قالت الأمم المتحدة إن وفدا من زوروستان وصل اليوم إلى العاصمة وزوروستان ترحب"
    first = [(m.payload, m.start) for m in matcher.find_all(tokenize(text))]
    again = [(m.payload, m.start) for m in matcher.find_all(tokenize(text))]
    assert first == again == [("UN", 5), ("ZZZ", 30), ("ZZZ", text.index("زوروستان ترحب"))]
    assert len(matcher._starts) <= 3 and len(matcher._older) <= 3


def test_forms_with_a_digit_start_nothing_and_stay_out_of_the_memo(monkeypatch):
    import hadath.lang.ar.phrases as phrases

    monkeypatch.setattr(phrases, "_DIGIT_FIRST", [False])
    matcher = PhraseMatcher([("زوروستان", "ZZZ")])
    assert [m.payload for m in matcher.find_all(tokenize("في 2024 و12 زوروستان"))] == ["ZZZ"]
    assert matcher._starts and not any(phrases._DIGIT.search(form) for form in matcher._starts)
    dated = PhraseMatcher([("11 سبتمبر", "NINE-ELEVEN")])  # a digit in a first word turns the shortcut off
    assert [m.payload for m in dated.find_all(tokenize("هجمات 11 سبتمبر"))] == ["NINE-ELEVEN"]
