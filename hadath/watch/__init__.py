"""Live monitoring: follow news feeds (RSS 2.0, Atom, sitemaps) and code new articles as they arrive.

* `feeds`: the feeds file (TOML) and feed documents to entries (pure);
* `fetch`: a polite HTTP client (user agent, timeouts, retries, conditional
  requests, robots.txt, per-host delay);
* `state`: what was checked and seen, in the store's DuckDB file;
* `loop`: `watch(feeds, store, once=...)`, the polling loop.
"""

from hadath.watch.feeds import Entry, Feed, load_feeds, parse_entries, parse_feeds
from hadath.watch.loop import PassSummary, watch

__all__ = ["Entry", "Feed", "PassSummary", "load_feeds", "parse_entries", "parse_feeds", "watch"]
