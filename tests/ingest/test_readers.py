from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from hadath.ingest import iter_inputs
from hadath.ingest.readers import decode_bytes, format_from_name, sniff_format
from hadath.errors import SkipArticle
from hadath.records import Article, Skipped

from .conftest import ARTICLE_TEXT, BANNER, ENGLISH, PARAGRAPHS, PERSIAN, TITLE, URDU, make_html, make_warc

ONE_LINE_TEXT = ARTICLE_TEXT.replace("\n\n", "\n")


def read(*paths, **options) -> list[Article | Skipped]:
    return list(iter_inputs([str(p) for p in paths], **options))


def reasons(items) -> list[str]:
    return [item.reason if isinstance(item, Skipped) else "article" for item in items]


def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --- plain text and HTML files ---------------------------------------------

def test_txt_file_with_title_line_and_banner(tmp_path):
    path = write(tmp_path / "a.txt", f"{TITLE}\n\n{ARTICLE_TEXT}\n\n" + "\n".join(BANNER))
    [article] = read(path)
    assert (article.title, article.text) == (TITLE, ARTICLE_TEXT)
    assert article.source_path == article.source_id == str(path)


def test_html_file(tmp_path):
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">'
    [article] = read(write(tmp_path / "a.html", make_html(PARAGRAPHS + BANNER, head=head)))
    assert (article.text, article.title, article.published) == (ONE_LINE_TEXT, TITLE, "2024-03-05T10:00:00+03:00")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("declared-cp1256.html", make_html(charset="windows-1256").encode("cp1256")),
        ("undeclared-cp1256.html", make_html(charset=None).encode("cp1256")),
        ("declared-iso.html", make_html(charset="iso-8859-6").encode("iso-8859-6")),
        ("wrongly-declared.html", make_html(charset="windows-1256").encode("utf-8")),
        ("bom.html", b"\xef\xbb\xbf" + make_html().encode("utf-8")),
        ("utf16.html", make_html(charset=None).encode("utf-16")),
        ("undeclared-cp1256.txt", ARTICLE_TEXT.encode("cp1256")),
    ],
)
def test_encodings_are_decoded(tmp_path, name, data):
    [article] = read(write(tmp_path / name, data))
    assert article.text in (ARTICLE_TEXT, ONE_LINE_TEXT)


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        ("Le gouvernement a décidé de reprendre les négociations.".encode("latin-1"), None),
        (b"caf\xe9 cr\xe8me \xe0 la mode " * 3, "utf-8"),
    ],
)
def test_undecodable_bytes_raise_encoding(data, declared):
    with pytest.raises(SkipArticle) as caught:
        decode_bytes(data, declared)
    assert caught.value.reason == "encoding" and "UTF-8" in str(caught.value)


def test_invalid_utf8_file_is_skipped(tmp_path):
    [item] = read(write(tmp_path / "bad.txt", "Le gouvernement a décidé de reprendre.".encode("latin-1")))
    assert item.reason == "encoding"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t\n", "empty"),
        ("only-banner.txt", "\n".join(BANNER), "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        ("nul.dat", b"abc\x00def" * 10, "binary"),
        ("english.txt", ENGLISH, "not-arabic"),
        ("persian.txt", PERSIAN, "not-arabic"),
        ("urdu.html", make_html([URDU], title="خبر"), "not-arabic"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, data, reason):
    [item] = read(write(tmp_path / name, data))
    assert isinstance(item, Skipped) and item.reason == reason and item.message
    assert item.source == str(tmp_path / name)


def test_not_arabic_message_names_the_language(tmp_path):
    [item] = read(write(tmp_path / "fa.txt", PERSIAN))
    assert "fa" in item.message


def test_mixed_arabic_and_latin_is_arabic(tmp_path):
    text = ARTICLE_TEXT + "\n\nThe minister said: we are ready (Reuters)."
    [article] = read(write(tmp_path / "mixed.txt", text))
    assert isinstance(article, Article)


def test_too_large_file_is_skipped_before_reading(tmp_path):
    [item] = read(write(tmp_path / "big.txt", ARTICLE_TEXT), max_bytes=100)
    assert item.reason == "too-large"


def test_deep_html_file_is_read(tmp_path):
    page = "<html><body>" + "<div>" * 3000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 3000 + "</body></html>"
    [article] = read(write(tmp_path / "deep.html", page))
    assert article.text == ONE_LINE_TEXT


def test_missing_path_is_skipped(tmp_path):
    [item] = read(tmp_path / "nope.txt")
    assert item.reason == "not-found"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"", "text"), ("a.HTM", b"", "html"), ("a.jsonl", b"", "jsonl"), ("a.json", b"", "json"),
        ("a.warc.gz", b"", "warc"), ("a.warc", b"", "warc"), ("a.dat", b"", None), ("a.tar.gz", b"", None),
    ],
)
def test_format_from_name(name, data, kind):
    assert format_from_name(name) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.0\r\n", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo"), "warc"),
        (gzip.compress(b"hello"), "binary"),
        (b'  {"text": "x"}', "jsonl"),
        (b"[{}]", "jsonl"),
        (b"<!DOCTYPE html><html>", "html"),
        ("<p>نص</p>".encode(), "html"),
        ("نص عادي".encode(), "text"),
        (b"%PDF-1.7", "binary"),
    ],
)
def test_sniff_format(head, kind):
    assert sniff_format(head) == kind


def test_unknown_extension_is_sniffed(tmp_path):
    write(tmp_path / "a.dat", ARTICLE_TEXT)
    write(tmp_path / "b.dat", json.dumps({"text": ARTICLE_TEXT}, ensure_ascii=False))
    write(tmp_path / "c.dat", make_html())
    assert reasons(read(tmp_path)) == ["article"] * 3


# --- directories -------------------------------------------------------------

def test_directory_is_walked_recursively_sorted_without_hidden(tmp_path):
    write(tmp_path / "b.txt", ARTICLE_TEXT)
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    write(tmp_path / "a" / "deeper" / "z.txt", ARTICLE_TEXT + "\n\nفقرة إضافية في الخبر الثاني عن المياه.")
    write(tmp_path / "a" / "y.html", make_html())
    write(tmp_path / ".hidden.txt", ARTICLE_TEXT)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", ARTICLE_TEXT)
    items = read(tmp_path)
    assert [item.source_path for item in items] == [
        str(tmp_path / "a" / "deeper" / "z.txt"), str(tmp_path / "a" / "y.html"), str(tmp_path / "b.txt"),
    ]


# --- JSON lines --------------------------------------------------------------

@pytest.mark.parametrize(
    ("row", "field", "expected"),
    [
        ({"id": "n1", "text": ARTICLE_TEXT}, "source_id", "n1"),
        ({"id": 7, "content": ARTICLE_TEXT}, "source_id", "7"),
        ({"body": ARTICLE_TEXT, "url": "https://www.example.net/x"}, "outlet", "example.net"),
        ({"text": ARTICLE_TEXT, "outlet": "Al Waha", "url": "https://example.net/x"}, "outlet", "Al Waha"),
        ({"text": ARTICLE_TEXT, "date": "Mon, 19 Feb 2018 00:16:11 +0400"}, "published", "2018-02-19T00:16:11+04:00"),
        ({"text": ARTICLE_TEXT, "published": "2018-02-19"}, "published", "2018-02-19"),
        ({"text": ARTICLE_TEXT, "headline": TITLE}, "title", TITLE),
        ({"html": make_html()}, "title", TITLE),
        ({"html": make_html()}, "text", ONE_LINE_TEXT),
        ({"body": make_html(PARAGRAPHS + BANNER)}, "text", ONE_LINE_TEXT),
        ({"text": ARTICLE_TEXT + "\n" + "\n".join(BANNER)}, "text", ARTICLE_TEXT),
    ],
)
def test_jsonl_fields_and_aliases(tmp_path, row, field, expected):
    [article] = read(write(tmp_path / "a.jsonl", json.dumps(row, ensure_ascii=False) + "\n"))
    assert getattr(article, field) == expected


def test_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path):
    good = json.dumps({"id": "ok", "text": ARTICLE_TEXT}, ensure_ascii=False)
    lines = [good, "{not json", "", json.dumps({"id": "x", "title": TITLE}), "[1, 2]", good, json.dumps({"text": ENGLISH})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines))
    items = read(path)
    assert reasons(items) == ["article", "bad-json", "missing-text", "bad-json", "article", "not-arabic"]
    assert [item.source for item in items if isinstance(item, Skipped)] == [f"{path}:{n}" for n in (2, 4, 5, 7)]
    assert items[0].source_path == str(path)


def test_jsonl_without_id_uses_path_and_line_as_source_id(tmp_path):
    path = write(tmp_path / "a.jsonl", "\n" + json.dumps({"text": ARTICLE_TEXT}, ensure_ascii=False))
    [article] = read(path)
    assert article.source_id == f"{path}:2"


def test_jsonl_line_too_large_and_invalid_utf8(tmp_path):
    good = json.dumps({"text": ARTICLE_TEXT}, ensure_ascii=False).encode()
    big = json.dumps({"text": ARTICLE_TEXT * 50}, ensure_ascii=False).encode()
    path = write(tmp_path / "a.jsonl", b"\n".join([big, b'{"text": "\xff\xfe"}', good]))
    assert reasons(read(path, max_bytes=len(good) + 10)) == ["too-large", "encoding", "article"]


def test_json_array_file(tmp_path):
    rows = [{"id": "a", "text": ARTICLE_TEXT}, "oops", {"id": "b", "content": ARTICLE_TEXT + "\n\nفقرة أخيرة من الخبر."}]
    assert reasons(read(write(tmp_path / "a.json", json.dumps(rows, ensure_ascii=False)))) == ["article", "bad-json", "article"]


@pytest.mark.parametrize("indent", [None, 2])
def test_json_file_with_one_object(tmp_path, indent):
    row = {"id": "one", "title": TITLE, "text": ARTICLE_TEXT}
    [article] = read(write(tmp_path / "a.json", json.dumps(row, ensure_ascii=False, indent=indent)))
    assert (article.source_id, article.title, article.source_path) == ("one", TITLE, str(tmp_path / "a.json"))


def test_json_file_holding_json_lines(tmp_path):
    line = json.dumps({"text": ARTICLE_TEXT}, ensure_ascii=False)
    assert reasons(read(write(tmp_path / "a.json", f"{line}\n{{bad\n"))) == ["article", "bad-json"]


def test_empty_jsonl_is_skipped(tmp_path):
    assert reasons(read(write(tmp_path / "a.jsonl", "\n\n"))) == ["empty"]


# --- WARC ----------------------------------------------------------------------

def _warc_records():
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00+03:00">'
    return [
        ("https://www.waha-news.example/a/1", "text/html; charset=windows-1256", make_html(charset=None).encode("cp1256")),
        ("https://www.waha-news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://www.waha-news.example/a/2", "text/html", make_html(head=head, charset="iso-8859-6").encode("iso-8859-6")),
        ("https://www.waha-news.example/a/3", "text/html; charset=utf-8", make_html([ENGLISH]).encode()),
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_records(tmp_path, compressed):
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = write(tmp_path / name, make_warc(_warc_records(), gzip=compressed))
    items = read(path)
    assert reasons(items) == ["article", "not-html", "article", "not-arabic"]
    first, _, second, _ = items
    assert first.text == second.text == ONE_LINE_TEXT
    assert (first.url, first.outlet, first.source_path) == ("https://www.waha-news.example/a/1", "waha-news.example", str(path))
    assert first.published == "2024-05-06T07:08:09+00:00"  # WARC-Date: the page declares none
    assert second.published == "2024-03-05T10:00:00+03:00"  # the page's own date wins
    assert first.source_id.startswith("<urn:uuid:")


def test_truncated_warc_gz_is_reported_and_the_batch_goes_on(tmp_path):
    data = make_warc(_warc_records())
    truncated = write(tmp_path / "a.warc.gz", data[: len(data) - 200])
    after = write(tmp_path / "b.txt", ARTICLE_TEXT)
    items = read(truncated, after)
    assert reasons(items)[-2:] == ["truncated-warc", "article"]
    assert reasons(items)[0] == "article"


def test_warc_record_too_large(tmp_path):
    path = write(tmp_path / "a.warc.gz", make_warc(_warc_records()[:1]))
    assert reasons(read(path, max_bytes=200)) == ["too-large"]


# --- stdin ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (f"{TITLE}\n\n{ARTICLE_TEXT}".encode(), ["article"]),
        (make_html().encode(), ["article"]),
        ((json.dumps({"text": ARTICLE_TEXT}, ensure_ascii=False) + "\n{bad\n").encode(), ["article", "bad-json"]),
        (make_warc(_warc_records()), ["article", "not-html", "article", "not-arabic"]),
        (b"", ["empty"]),
        (b"\x00\x01\x02\x03", ["binary"]),
    ],
)
def test_stdin_format_is_sniffed(monkeypatch, data, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert reasons(read("-")) == expected


def test_stdin_too_large(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_TEXT.encode()), encoding="utf-8"))
    assert reasons(read("-", max_bytes=50)) == ["too-large"]


# --- the shared ANT sample ---------------------------------------------------------

@pytest.mark.shared
def test_ant_sample_reads_as_arabic_articles(shared):
    path = shared("data", "ant", "ant_sample.jsonl")
    items = read(path)
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) >= 0.99 * len(items)
    assert all(a.published and a.published[4] == "-" for a in articles)
    assert all(a.source_id and a.outlet and a.title for a in articles)
