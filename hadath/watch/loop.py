"""The polling loop: due feeds -> new entries -> pages -> `article_from_html` -> `hadath.jobs.ingest`.

One pass polls every due feed in turn; each request is bounded by the
fetcher's timeout, so a slow or failing feed costs at most its timeout (times
its retries) and never stops the others: its error is logged, kept in
`watch_feeds.last_error`, and the feed is tried again at its next interval.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hadath.errors import SkipArticle
from hadath.ingest.article import article_from_html
from hadath.ingest.readers import decode_bytes, meta_charset
from hadath.jobs import ingest
from hadath.records import Article, Skipped
from hadath.watch.feeds import Entry, Feed, FeedError, parse_entries
from hadath.watch.fetch import Disallowed, Fetcher, FetchError
from hadath.watch.state import WatchState

log = logging.getLogger("hadath.watch")
MAX_WAIT = 1.0  # seconds between two looks at the stop event while idle


@dataclass(slots=True)
class PassSummary:
    feeds: int = 0  # feeds checked
    not_modified: int = 0  # of which answered 304
    new: int = 0  # articles coded and stored
    events: int = 0
    skipped: int = 0  # pages not coded (not Arabic, empty, 4xx…) or coding failed
    duplicates: int = 0  # same text as an article seen before under another URL
    disallowed: int = 0  # URLs robots.txt forbids
    errors: int = 0  # feeds or pages that failed (retried later)

    def line(self) -> str:
        return (f"feeds checked {self.feeds} (not modified {self.not_modified}), new articles {self.new}, "
                f"events {self.events}, skipped {self.skipped}, duplicates {self.duplicates}, "
                f"disallowed {self.disallowed}, errors {self.errors}")

    def add(self, other: PassSummary) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def watch(feeds: Iterable[Feed], store, *, once: bool = False, stop_event: threading.Event | None = None,
          clock=time, fetcher: Fetcher | None = None,
          on_pass: Callable[[PassSummary], None] | None = None) -> PassSummary:
    """Poll `feeds` into `store` until `stop_event` is set (or one pass with `once`); the totals.

    `on_pass` gets the summary of every pass that checked at least one feed.
    """
    feeds = list(feeds)
    state = WatchState(store)
    fetcher = fetcher or Fetcher(clock=clock)
    stop = stop_event or threading.Event()
    due = {f.url: 0.0 for f in feeds}
    total = PassSummary()
    while not stop.is_set():
        now = clock.monotonic()
        summary = PassSummary()
        for feed in feeds:
            if stop.is_set() or (not once and due[feed.url] > now):
                continue
            poll_feed(feed, store, state, fetcher, summary, stop)
            due[feed.url] = clock.monotonic() + feed.interval
        if summary.feeds:
            total.add(summary)
            if on_pass:
                on_pass(summary)
        if once:
            break
        _idle(stop, clock, min(due.values(), default=0.0) - clock.monotonic())
    return total


def _idle(stop: threading.Event, clock, seconds: float) -> None:
    if seconds <= 0:
        return
    if clock is time:
        stop.wait(min(seconds, MAX_WAIT))  # wakes at once when a signal handler sets the event
    else:
        clock.sleep(min(seconds, MAX_WAIT))


def poll_feed(feed: Feed, store, state: WatchState, fetcher: Fetcher, summary: PassSummary,
              stop: threading.Event | None = None) -> None:
    """Check one feed, code its new entries into `store`; failures are logged, recorded and counted."""
    summary.feeds += 1
    known = state.feed(feed.url)
    try:
        resp = fetcher.get(feed.url, etag=known.etag, last_modified=known.last_modified)
        entries = [] if resp.status == 304 else parse_entries(resp.body, source=feed.name)
    except (FetchError, FeedError) as exc:
        summary.errors += 1
        summary.disallowed += isinstance(exc, Disallowed)
        log.warning("feed %s failed: %s", feed.name, exc)
        state.record_check(feed.url, error=str(exc))
        return
    summary.not_modified += resp.status == 304
    _code_new(feed, _new_entries(entries, state), store, state, fetcher, summary, stop)
    unchanged = resp.status == 304  # a 304 need not repeat the validators
    state.record_check(feed.url, etag=resp.etag or (known.etag if unchanged else None),
                       last_modified=resp.last_modified or (known.last_modified if unchanged else None))


def _new_entries(entries: list[Entry], state: WatchState) -> list[Entry]:
    seen = state.seen_urls([e.url for e in entries])
    fresh: dict[str, Entry] = {}
    for e in entries:
        if e.url not in seen:
            fresh.setdefault(e.url, e)
    return list(fresh.values())


def _code_new(feed: Feed, entries: list[Entry], store, state: WatchState, fetcher: Fetcher,
              summary: PassSummary, stop: threading.Event | None) -> None:
    items: list[tuple[str, Article | Skipped]] = []
    hashes: set[str] = set()
    for entry in entries:
        if stop is not None and stop.is_set():
            break
        item = _fetch_article(feed, entry, fetcher, summary)
        if item is None:
            continue
        if isinstance(item, Article) and (item.id in hashes or state.hash_seen(item.id)):
            summary.duplicates += 1
            state.mark_seen(entry.url, item.id)
            continue
        if isinstance(item, Article):
            hashes.add(item.id)
        items.append((entry.url, item))
    if items:
        run = ingest([item for _, item in items], store)
        summary.new += run.processed
        summary.events += run.events
        summary.skipped += run.skipped + run.failed
    for url, item in items:  # only once stored: a crash before this refetches, and the store stays idempotent
        state.mark_seen(url, item.id if isinstance(item, Article) else None)


def _fetch_article(feed: Feed, entry: Entry, fetcher: Fetcher, summary: PassSummary) -> Article | Skipped | None:
    """The entry's page as an Article, a Skipped (for good), or None (error: retried on a later pass)."""
    try:
        resp = fetcher.get(entry.url)
    except Disallowed:
        summary.disallowed += 1
        return None
    except FetchError as exc:
        if exc.permanent:
            return Skipped(entry.url, "http-error", str(exc))
        summary.errors += 1
        log.warning("article %s of feed %s failed: %s", entry.url, feed.name, exc)
        return None
    try:
        html = decode_bytes(resp.body, resp.charset or meta_charset(resp.body))
        return article_from_html(html, url=entry.url, title=entry.title, published=entry.published,
                                 outlet=feed.outlet, source_path=entry.url)
    except SkipArticle as exc:
        return Skipped(entry.url, exc.reason, str(exc))
