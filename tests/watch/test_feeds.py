import pytest

from hadath.watch.feeds import Entry, Feed, FeedError, parse_entries, parse_feeds

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>akhbar</title>
<item><title>\xd8\xae\xd8\xa8\xd8\xb1</title><link>https://example.org/a/1</link>
<pubDate>Mon, 05 Feb 2024 10:00:00 +0000</pubDate></item>
<item><guid>https://example.org/a/2</guid></item>
<item><title>no link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>one</title><link rel="self" href="https://example.org/self"/>
<link rel="alternate" href="https://example.org/b/1"/><updated>2024-02-05T10:00:00Z</updated></entry>
<entry><title>two</title><link href="https://example.org/b/2"/></entry></feed>"""

SITEMAP = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.org/c/1</loc><lastmod>2024-02-05</lastmod></url>
<url><loc>https://example.org/c/2</loc><news:news><news:publication_date>2024-02-06T08:00:00+03:00</news:publication_date>
<news:title>t2</news:title></news:news></url></urlset>"""


@pytest.mark.parametrize(("doc", "expected"), [
    (RSS, [Entry("https://example.org/a/1", "خبر", "2024-02-05T10:00:00+00:00"),
           Entry("https://example.org/a/2")]),
    (ATOM, [Entry("https://example.org/b/1", "one", "2024-02-05T10:00:00+00:00"),
            Entry("https://example.org/b/2", "two")]),
    (SITEMAP, [Entry("https://example.org/c/1", None, "2024-02-05"),
               Entry("https://example.org/c/2", "t2", "2024-02-06T08:00:00+03:00")]),
])
def test_parse_entries_reads_rss_atom_and_sitemaps(doc, expected):
    assert parse_entries(doc) == expected


@pytest.mark.parametrize(("doc", "message"), [
    (b"<rss><channel><item>", "not well-formed"),
    (b"<html><body>hi</body></html>", "neither RSS"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>', "DOCTYPE"),
])
def test_parse_entries_refuses_malformed_and_doctype_documents(doc, message):
    with pytest.raises(FeedError, match=message):
        parse_entries(doc)


def test_parse_feeds_reads_tables_with_defaults():
    text = '[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\ninterval = 60\noutlet = "a.example"\n' \
           '[[feeds]]\nname = "B"\nurl = "http://b.example/sitemap.xml"\n'
    assert parse_feeds(text) == [Feed("A", "https://a.example/rss", 60.0, "a.example"),
                                 Feed("B", "http://b.example/sitemap.xml", 900.0, None)]


@pytest.mark.parametrize(("text", "message"), [
    ("feeds = [", "not valid TOML"),
    ("", "no feeds"),
    ('[[feeds]]\nurl = "https://a.example/rss"', "give a name"),
    ('[[feeds]]\nname = "A"\nurl = "ftp://a.example/rss"', "http"),
    ('[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\ninterval = 1', "interval"),
    ('[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\ninterval = "often"', "interval"),
    ('[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\nurll = "x"', "unknown key"),
    ('[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\noutlet = 3', "outlet"),
    ('[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\n[[feeds]]\nname = "B"\nurl = "https://a.example/rss"',
     "same url twice"),
])
def test_parse_feeds_says_what_to_fix(text, message):
    with pytest.raises(FeedError, match=message):
        parse_feeds(text)
