from __future__ import annotations

import pytest

from hadath.errors import SkipArticle
from hadath.ingest import article_from_html, article_from_text
from hadath.ingest.article import outlet_from_url, parse_date, split_title
from hadath.lang.ar.normalize import clean_text

from .conftest import ARTICLE_TEXT, BANNER, ENGLISH, PARAGRAPHS, PERSIAN, TITLE, URDU, make_html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 19 Feb 2018 00:16:11 +0400", "2018-02-19T00:16:11+04:00"),
        ("Sun, 18 Feb 2018 12:04:08 +0000", "2018-02-18T12:04:08+00:00"),
        ("2024-03-05T10:00:00+03:00", "2024-03-05T10:00:00+03:00"),
        ("2024-03-07T08:00:00Z", "2024-03-07T08:00:00+00:00"),
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05 10:00", "2024-03-05T10:00:00"),
        ("2024-03-05T10:00:00.123+0300", "2024-03-05T10:00:00.123000+03:00"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.com/arabic/x", "bbc.com"),
        ("http://alarabiya.net/ar/a.html", "alarabiya.net"),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_url(url, expected):
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{TITLE}\n\n{ARTICLE_TEXT}", TITLE),
        (f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}", None),  # ends with a full stop: text
        (TITLE, None),  # nothing after it
    ],
)
def test_split_title(text, title):
    assert split_title(text)[0] == title


def test_article_from_text_cleans_strips_and_sets_metadata():
    raw = "\ufeff" + ARTICLE_TEXT.replace("الحوار", "الحـــوار") + "\n\n" + "\n".join(BANNER) + "\r\n"
    article = article_from_text(raw, url="https://www.example.org/news/1", published="Mon, 19 Feb 2018 00:16:11 +0400")
    assert article.text == clean_text(ARTICLE_TEXT.replace("الحوار", "الحـــوار"))
    assert article.outlet == "example.org"
    assert article.published_date == "2018-02-19"
    assert article.language == "ar" and len(article.id) == 16


def test_article_from_text_takes_title_from_first_line_when_asked():
    article = article_from_text(f"{TITLE}\n\n{ARTICLE_TEXT}", title_from_first_line=True)
    assert (article.title, article.text) == (TITLE, ARTICLE_TEXT)


@pytest.mark.parametrize(
    ("text", "reason", "in_message"),
    [
        ("", "empty", "no article text"),
        ("\n".join(BANNER), "empty", "boilerplate"),
        (ENGLISH, "not-arabic", "en"),
        (PERSIAN, "not-arabic", "fa"),
        (URDU, "not-arabic", "ur"),
    ],
)
def test_article_from_text_skips(text, reason, in_message):
    with pytest.raises(SkipArticle) as caught:
        article_from_text(text)
    assert caught.value.reason == reason and in_message in str(caught.value)


def test_article_from_html_uses_page_metadata():
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">'
    article = article_from_html(make_html(PARAGRAPHS + BANNER, head=head), url="https://news.example.com/a/1")
    assert article.text == ARTICLE_TEXT.replace("\n\n", "\n")
    assert (article.title, article.published, article.outlet) == (TITLE, "2024-03-05T10:00:00+03:00", "news.example.com")


def test_article_from_html_given_metadata_win_and_fallback_date():
    article = article_from_html(make_html(), title="عنوان آخر", fallback_published="2024-05-06T07:08:09Z")
    assert (article.title, article.published) == ("عنوان آخر", "2024-05-06T07:08:09+00:00")


def test_article_from_html_without_text_is_skipped():
    with pytest.raises(SkipArticle) as caught:
        article_from_html("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>")
    assert caught.value.reason in ("empty", "too-short")
