from __future__ import annotations

import pytest

from hadath.ingest.html import clean_title, extract_html, find_published, max_depth, page_metadata, strip_tags

from .conftest import BANNER, PARAGRAPHS, TITLE, make_html


def test_extract_html_keeps_paragraphs_as_lines(html_page):
    text, metadata = extract_html(html_page)
    assert text.split("\n") == PARAGRAPHS
    assert metadata["title"] == TITLE


def test_extract_html_drops_banner_written_as_paragraphs():
    text, _ = extract_html(make_html(PARAGRAPHS + BANNER))
    assert text.split("\n") == PARAGRAPHS


def test_extract_html_drops_navigation_and_footer(html_page):
    text, _ = extract_html(html_page)
    assert "الرئيسية" not in text and "الحقوق" not in text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">', "2024-03-05T10:00:00+03:00"),
        ("<meta content='2024-03-05' name='pubdate'>", "2024-03-05"),
        ('<meta itemprop="datePublished" content="2024-03-06">', "2024-03-06"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-07T08:00:00Z"}</script>',
         "2024-03-07T08:00:00Z"),
        ("", None),
    ],
)
def test_find_published_reads_declared_dates(head, expected):
    assert find_published(make_html(head=head)) == expected


def test_body_dates_are_not_taken_as_publication_date():
    assert find_published(make_html(PARAGRAPHS + ["وقع الاتفاق في 12 مارس 2019."])) is None


@pytest.mark.parametrize(
    ("title", "sitename", "expected"),
    [
        ("خبر عاجل | أخبار الواحة", "أخبار الواحة", "خبر عاجل"),
        ("خبر عاجل - أخبار الواحة", "أخبار الواحة", "خبر عاجل"),
        ("خبر عاجل عن المياه | الواحة", None, "خبر عاجل عن المياه"),
        ("غزة - مراسلنا &amp; الوكالات", None, "غزة - مراسلنا & الوكالات"),
    ],
)
def test_clean_title(title, sitename, expected):
    assert clean_title(title, sitename) == expected


def test_page_metadata_prefers_og_title_and_reads_sitename():
    head = '<meta property="og:title" content="عنوان الخبر"><meta property="og:site_name" content="الواحة">'
    metadata = page_metadata(make_html(head=head))
    assert metadata == {"title": "عنوان الخبر", "date": None, "sitename": "الواحة"}


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_html_falls_back_to_tag_stripping(depth):
    page = "<html><body>" + "<div>" * depth + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * depth + "</body></html>"
    text, _ = extract_html(page)
    assert text.split("\n") == PARAGRAPHS


def test_recursion_error_falls_back_to_tag_stripping(monkeypatch, html_page):
    from hadath.ingest import html as module

    def explode(html, url):
        raise RecursionError

    monkeypatch.setattr(module, "_trafilatura_text", explode)
    text, _ = extract_html(html_page)
    assert all(p in text.split("\n") for p in PARAGRAPHS)


@pytest.mark.parametrize("page", ["", "<<<>>>", "<html><body></body></html>", "<p", "\x00\x01\x02"])
def test_broken_html_does_not_crash(page):
    text, metadata = extract_html(page)
    assert isinstance(text, str) and set(metadata) == {"title", "date", "sitename"}


def test_strip_tags_and_max_depth():
    page = "<div><script>var x = 1;</script><p>سطر أول</p><br><p>سطر &amp; ثان</p><img src=x></div>"
    assert strip_tags(page) == "سطر أول\nسطر & ثان"
    assert max_depth(page) == 2


def test_parser_error_is_skipped_as_html(monkeypatch, html_page):
    import trafilatura
    from lxml import etree

    from hadath.errors import SkipArticle

    def broken(*args, **kwargs):
        raise etree.ParserError("Document is empty")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(SkipArticle) as caught:
        extract_html(html_page)
    assert caught.value.reason == "html" and "could not be parsed" in str(caught.value)
