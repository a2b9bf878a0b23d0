"""The feeds file and feed documents, as typed records (pure: no I/O but `load_feeds`).

A feeds file is TOML with one `[[feeds]]` table per feed::

    [[feeds]]
    name = "BBC Arabic"
    url = "https://feeds.bbci.co.uk/arabic/rss.xml"
    interval = 600        # seconds between polls (default 900, at least 10)
    outlet = "bbc.com"    # optional; else the article's host

`parse_entries` reads RSS 2.0, Atom and sitemap (urlset) documents. Documents
with a DOCTYPE are refused, so no entity can expand.
"""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from hadath.errors import HadathError
from hadath.ingest.article import parse_date

DEFAULT_INTERVAL = 900
MIN_INTERVAL = 10
_KEYS = {"name", "url", "interval", "outlet"}


class FeedError(HadathError):
    """A feeds file or a feed document is malformed."""


@dataclass(slots=True, frozen=True)
class Feed:
    name: str
    url: str
    interval: float = DEFAULT_INTERVAL
    outlet: str | None = None


@dataclass(slots=True, frozen=True)
class Entry:
    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601, when the feed gives a date


def load_feeds(path: str | Path) -> list[Feed]:
    """The feeds of a TOML file; raises `FeedError` saying what to fix."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise FeedError(f"cannot read the feeds file {path}: {exc.strerror or exc}") from exc
    return parse_feeds(text, source=str(path))


def parse_feeds(text: str, source: str = "feeds file") -> list[Feed]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedError(f"{source} is not valid TOML: {exc}") from exc
    tables = data.get("feeds")
    if not isinstance(tables, list) or not tables:
        raise FeedError(f'{source} has no feeds: add at least one [[feeds]] table with name and url')
    feeds = [_feed(t, f"{source}, feed {i + 1}") for i, t in enumerate(tables)]
    urls = [f.url for f in feeds]
    if len(set(urls)) != len(urls):
        raise FeedError(f"{source} lists the same url twice: keep one [[feeds]] table per url")
    return feeds


def _feed(table: dict, where: str) -> Feed:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise FeedError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_KEYS))}")
    name, url = table.get("name"), table.get("url")
    if not isinstance(name, str) or not name.strip():
        raise FeedError(f'{where}: give a name, e.g. name = "BBC Arabic"')
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FeedError(f"{where} ({name}): url must be an http(s) URL, not {url!r}")
    interval = table.get("interval", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, int | float) or interval < MIN_INTERVAL:
        raise FeedError(f"{where} ({name}): interval must be a number of seconds >= {MIN_INTERVAL}, not {interval!r}")
    outlet = table.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise FeedError(f"{where} ({name}): outlet must be a string, e.g. outlet = \"bbc.com\"")
    return Feed(name.strip(), url, float(interval), outlet)


# --- feed documents -------------------------------------------------------------

def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    return next((c for c in el if _local(c.tag) in names), None)


def _text(el: ET.Element, *names: str) -> str | None:
    child = _child(el, *names)
    text = (child.text or "").strip() if child is not None else ""
    return text or None


def parse_entries(data: bytes, source: str = "feed") -> list[Entry]:
    """The entries of an RSS 2.0, Atom or sitemap document; raises `FeedError`."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise FeedError(f"{source}: documents with a DOCTYPE or entities are refused (entity expansion)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"{source} is not well-formed XML: {exc}") from exc
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        items = [i for i in (channel if channel is not None else []) if _local(i.tag) == "item"]
        entries = [_rss_item(i) for i in items]
    elif kind == "feed":
        entries = [_atom_entry(e) for e in root if _local(e.tag) == "entry"]
    elif kind == "urlset":
        entries = [_sitemap_url(u) for u in root if _local(u.tag) == "url"]
    else:
        raise FeedError(f"{source}: <{kind}> is neither RSS 2.0 (<rss>), Atom (<feed>) nor a sitemap (<urlset>)")
    return [e for e in entries if e is not None]


def _entry(url: str | None, title: str | None, date: str | None) -> Entry | None:
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return Entry(url, title, parse_date(date))


def _rss_item(item: ET.Element) -> Entry | None:
    return _entry(_text(item, "link") or _text(item, "guid"), _text(item, "title"), _text(item, "pubDate", "date"))


def _atom_entry(entry: ET.Element) -> Entry | None:
    links = [c for c in entry if _local(c.tag) == "link"]
    alternate = [c for c in links if c.get("rel", "alternate") == "alternate"] or links
    url = alternate[0].get("href") if alternate else None
    return _entry(url, _text(entry, "title"), _text(entry, "published", "updated"))


def _sitemap_url(url: ET.Element) -> Entry | None:
    news = _child(url, "news")
    title = _text(news, "title") if news is not None else None
    date = (_text(news, "publication_date") if news is not None else None) or _text(url, "lastmod")
    return _entry(_text(url, "loc"), title, date)
