"""Property tests: the coder, the HTML reader, the PLOVER export and the text stages never fail on odd input.

The text-stage promises live in `_properties.py`; the atheris harness
(`scripts/fuzz/atheris_text.py`) checks the same ones.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.errors import SkipArticle
from hadath.export.plover import plover_record
from hadath.ingest import article_from_text
from hadath.pipeline import code_article
from hadath.records import Article

from tests.reliability._corpus import article_text
from tests.reliability._properties import CHECKS, html_gives_an_article_or_a_skip

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["اعتقلت", "الشرطة", "المصرية", "التقى", "وزير", "الخارجية", "الأردني", "نظيره", "في", "عمان", "القاهرة",
         "قصف", "الجيش", "الإسرائيلي", "غزة", "لم", "سوف", "إذا", "تظاهر", "آلاف", "أدان", "الهجوم", "واشنطن",
         "روسيا", "أوكرانيا", "الأمم", "المتحدة", "قال", "إن", "يوم", "الأحد", "2024", "١٢", "مارس", "و", "ب", "ال",
         "\u0640", "\u064b", "\u0651", "\u200f", "\u200c", "«", "»", "،", "؛", "؟", ".", "!", ":", "-", "(", ")", "\n",
         "\n\n", " ", "  ", "\t", "NATO", "Reuters", "x", "😀", "\u202b", "\ufeff", "ﻻ", "ﷲ"]

arabicish = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map("".join),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .،\n0123456789"),
            max_size=400),
    st.integers(0, 10_000).map(article_text),
    st.tuples(st.integers(0, 10_000), st.text(max_size=60)).map(lambda t: article_text(t[0]) + t[1]),
)


def as_article(text: str, published: str | None) -> Article:
    try:
        return article_from_text(text, published=published)
    except SkipArticle:
        return Article(text=text, published=published)


@SETTINGS
@given(text=arabicish, published=st.sampled_from([None, "2024-03-05", "2023-12-31T23:59:59+03:00", "garbage"]))
def test_code_article_never_raises_and_offsets_lie_in_the_text(text, published):
    article = as_article(text, published)
    coded = code_article(article, include_all=True)
    body = coded.article.text
    for event in coded.events:
        assert 0 <= event.trigger_start < event.trigger_end <= len(body), event
        assert body[event.trigger_start:event.trigger_end].strip(), event
        assert 0 <= event.sentence_start <= event.trigger_start and event.trigger_end <= event.sentence_end <= len(body)


tag = st.sampled_from(["div", "p", "span", "article", "script", "style", "table", "td", "b", "br", "meta", "html",
                       "body", "head", "title", "!--", "![CDATA[", "svg", "noscript", "iframe"])
piece = st.one_of(
    tag.map(lambda t: f"<{t}>"), tag.map(lambda t: f"</{t}>"), tag.map(lambda t: f"<{t} class='x' id=\"y\">"),
    st.sampled_from(WORDS), st.sampled_from(["&amp;", "&#1575;", "&nbsp;", "&bogus;", "<", ">", "&", "\"", "'",
                                             "<!doctype html>", "-->", "<?xml version='1.0'?>", "\x00", "\r"]),
    st.integers(0, 10_000).map(article_text), st.text(max_size=30),
)
htmlish = st.lists(piece, max_size=60).map("".join)


@SETTINGS
@given(html=htmlish)
def test_article_from_html_returns_an_article_or_skips(html):
    html_gives_an_article_or_a_skip(html)


@pytest.mark.parametrize("check", [c for name, c in CHECKS.items() if name != "html"], ids=lambda c: c.__name__)
@SETTINGS
@given(text=arabicish | st.text(max_size=200))
def test_text_stages_keep_their_promises_on_any_text(check, text):
    check(text)


@SETTINGS
@given(text=arabicish, published=st.sampled_from([None, "2024-03-05", "garbage"]),
       title=st.one_of(st.none(), st.text(max_size=40)), url=st.one_of(st.none(), st.text(max_size=40)))
def test_plover_records_are_json_serialisable(text, published, title, url):
    article = as_article(text, published)
    article.title, article.url = title, url
    coded = code_article(article, include_all=True)
    for event in coded.events:
        record = plover_record(event, coded.article, coded.sentence_text(event.sentence_index))
        assert json.loads(json.dumps(record, ensure_ascii=False, allow_nan=False)) is not None


def test_superscript_digit_before_a_month_does_not_crash_the_coder():
    """'²' is a digit to str.isdigit() but not to int(): dates must use isdecimal."""
    text = "اعتقلت الشرطة المصرية عشرات الناشطين في القاهرة يوم ² مارس."
    coded = code_article(Article(text=text))
    assert coded.article.text == text and coded.events
