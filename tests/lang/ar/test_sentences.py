from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from hadath.lang.ar.sentences import _BOUNDARY, split_sentences


def texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_arabic_comma_does_not_split():
    assert texts("قال الوزير، في بيان، إن الاجتماع ناجح.") == ["قال الوزير، في بيان، إن الاجتماع ناجح."]


def test_full_stop_question_and_exclamation_split():
    assert texts("التقى الوزيران. هل اتفقا؟ نعم!") == ["التقى الوزيران.", "هل اتفقا؟", "نعم!"]


def test_line_breaks_split_headlines_from_body():
    assert texts("عنوان الخبر\n\nنص الخبر الأول.") == ["عنوان الخبر", "نص الخبر الأول."]


def test_decimal_point_and_initials_do_not_split():
    assert texts("ارتفع المؤشر 3.5 في المئة وقال د. أحمد ذلك.") == ["ارتفع المؤشر 3.5 في المئة وقال د. أحمد ذلك."]


def test_indexes_are_consecutive():
    spans = split_sentences("أ ب. ج د. هـ و.")
    assert [s.index for s in spans] == list(range(len(spans)))


@given(st.text(max_size=80))
def test_spans_are_inside_text_ordered_and_trimmed(text):
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last = s.end


@given(st.text(alphabet=st.sampled_from("ab سلام.!?؟…\n\"'»”)] ،1"), max_size=60))
def test_boundaries_are_those_of_the_plain_alternation(text):
    plain = re.compile(r"[.!?؟…]+[\"'»”)\]]*(?=\s|$)|\n+")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]
