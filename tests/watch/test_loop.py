"""The watcher end to end against real HTTP servers on 127.0.0.1."""

import time

import pytest

from hadath.store.duckdb_store import DuckStore
from hadath.watch import Feed, watch
from hadath.watch.fetch import USER_AGENT, Fetcher

TEXTS = {
    "/news/1": "اعتقلت الشرطة المصرية عشرات الناشطين في القاهرة يوم الأحد.",
    "/news/2": "استقبل الرئيس التونسي وزير الخارجية الجزائري في قصر قرطاج.",
    "/news/3": "قصفت طائرات حربية مواقع في ريف إدلب شمال سوريا.",
    "/copy/3": "قصفت طائرات حربية مواقع في ريف إدلب شمال سوريا.",
}


def html(text: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>خبر</title></head><body><article><p>{text}</p>"
            f"<p>وقال مسؤول إن الوضع ما زال متوترا في المنطقة بعد الأحداث الأخيرة.</p></article></body></html>")


def rss(site, paths) -> str:
    items = "".join(f"<item><title>خبر {p}</title><link>{site.url(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}</channel></rss>'


def publish(site, paths, feed="/rss.xml", **headers):
    for p in paths:
        site.page(p, html(TEXTS[p]), Content_Type="text/html; charset=utf-8")
    site.page(feed, rss(site, paths), Content_Type="application/rss+xml", **headers)
    return Feed(f"feed {site.base}{feed}", site.url(feed), interval=10)


def errors_of(store):
    return dict(store.con.execute("SELECT url, last_error FROM watch_feeds").fetchall())


def test_new_items_are_stored_once(site, store, fetcher):
    feed = publish(site, ["/news/1", "/news/2"])
    first = watch([feed], store, once=True, fetcher=fetcher)
    again = watch([feed], store, once=True, fetcher=fetcher)
    assert (first.new, first.errors, again.new) == (2, 0, 0)
    assert store.counts()["articles"] == 2
    assert site.hits["/news/1"] == 1 and site.hits["/rss.xml"] == 2
    assert site.agents[0] == USER_AGENT


def test_updated_feed_adds_only_what_is_new(site, store, fetcher):
    feed = publish(site, ["/news/1"])
    watch([feed], store, once=True, fetcher=fetcher)
    publish(site, ["/news/1", "/news/2"])
    second = watch([feed], store, once=True, fetcher=fetcher)
    assert second.new == 1
    assert site.hits["/news/1"] == 1 and site.hits["/news/2"] == 1


def test_etag_is_sent_back_and_304_means_nothing_new(site, store, fetcher):
    feed = publish(site, ["/news/1"], ETag='"v1"')
    watch([feed], store, once=True, fetcher=fetcher)
    second = watch([feed], store, once=True, fetcher=fetcher)
    assert site.not_modified["/rss.xml"] == 1
    assert (second.not_modified, second.new, second.errors) == (1, 0, 0)
    assert store.con.execute("SELECT etag FROM watch_feeds").fetchone()[0] == '"v1"'


def test_last_modified_is_sent_back(site, store, fetcher):
    feed = publish(site, ["/news/1"], Last_Modified="Mon, 05 Feb 2024 10:00:00 GMT")
    watch([feed], store, once=True, fetcher=fetcher)
    watch([feed], store, once=True, fetcher=fetcher)
    assert site.conditional["/rss.xml"] == 1


@pytest.mark.parametrize("failure", ["slow", "500", "malformed"])
def test_a_failing_feed_is_recorded_and_does_not_block_the_others(make_site, store, fetcher, failure):
    good, bad = make_site(), make_site()
    good_feed = publish(good, ["/news/1"])
    bad_feed = publish(bad, ["/news/2"])
    if failure == "slow":
        bad.slow = 1.0  # twice the fetcher's timeout
    elif failure == "500":
        bad.page("/rss.xml", "oops", status=500)
    else:
        bad.page("/rss.xml", "<rss><channel><item>")
    started = time.monotonic()
    summary = watch([bad_feed, good_feed], store, once=True, fetcher=fetcher)
    assert time.monotonic() - started < 5
    assert (summary.new, summary.errors, summary.feeds) == (1, 1, 2)
    errors = errors_of(store)
    assert errors[good_feed.url] is None and errors[bad_feed.url]
    if failure == "500":
        assert bad.hits["/rss.xml"] == 2  # retried once


def test_a_failed_feed_is_retried_and_its_error_cleared(site, store, fetcher):
    feed = publish(site, ["/news/1"])
    site.page("/rss.xml", "oops", status=503)
    assert watch([feed], store, once=True, fetcher=fetcher).errors == 1
    publish(site, ["/news/1"])
    assert watch([feed], store, once=True, fetcher=fetcher).new == 1
    assert errors_of(store)[feed.url] is None


def test_robots_txt_disallow_is_obeyed(site, store, fetcher):
    feed = publish(site, ["/news/1", "/news/2"])
    site.page("/robots.txt", "User-agent: *\nDisallow: /news/2\n")
    summary = watch([feed], store, once=True, fetcher=fetcher)
    assert (summary.new, summary.disallowed) == (1, 1)
    assert site.hits["/news/2"] == 0 and site.hits["/robots.txt"] == 1


def test_restart_resumes_without_duplicates_or_refetching(site, tmp_path, fetcher):
    db = tmp_path / "restart.duckdb"
    feed = publish(site, ["/news/1"])
    with DuckStore(db) as store:
        watch([feed], store, once=True, fetcher=fetcher)
    publish(site, ["/news/1", "/news/2"])
    with DuckStore(db) as store:
        summary = watch([feed], store, once=True, fetcher=Fetcher(timeout=0.5, retries=0, delay=0))
        assert summary.new == 1 and store.counts()["articles"] == 2
    assert site.hits["/news/1"] == 1


def test_same_text_under_another_url_is_stored_once(site, store, fetcher):
    feed = publish(site, ["/news/3", "/copy/3"])
    summary = watch([feed], store, once=True, fetcher=fetcher)
    assert (summary.new, summary.duplicates) == (1, 1)
    assert store.counts()["articles"] == 1


def test_non_arabic_and_missing_pages_are_skipped_for_good(site, store, fetcher):
    feed = publish(site, ["/news/1"])
    site.page("/en", "<html><body><p>The police arrested dozens of activists in Cairo today.</p></body></html>")
    site.page("/rss.xml", rss(site, ["/news/1", "/en", "/gone"]))
    first = watch([feed], store, once=True, fetcher=fetcher)
    watch([feed], store, once=True, fetcher=fetcher)
    assert (first.new, first.skipped, first.errors) == (1, 2, 0)
    assert site.hits["/gone"] == 1 and site.hits["/en"] == 1


def test_feeds_are_polled_at_their_interval_until_stopped(site, store, fetcher):
    class Clock:  # fake time: sleeping advances it, and stops the loop after a while
        now = 0.0

        def monotonic(self):
            return self.now

        def time(self):
            return self.now

        def sleep(self, seconds):
            self.now += seconds
            if self.now >= 25:
                stop.set()

    import threading

    stop = threading.Event()
    feed = publish(site, ["/news/1"])  # interval 10: polled at 0, 10, 20
    passes = []
    watch([feed], store, stop_event=stop, clock=Clock(), fetcher=fetcher, on_pass=passes.append)
    assert len(passes) == 3 and site.hits["/rss.xml"] == 3
