"""What the watcher knows across restarts, in the store's own DuckDB file.

`watch_feeds`: per feed URL its ETag, Last-Modified, when it was last checked
and the last error (NULL when the last check went well). `watch_seen`: every
article URL handled (fetched and stored, or skipped for good), with the
content hash of its text when it had one, and when it was first seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

_TABLES = (
    """CREATE TABLE IF NOT EXISTS watch_feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR,
       last_checked TIMESTAMPTZ, last_error VARCHAR)""",
    # no key on watch_seen: it grows with every URL, and DuckDB would keep the key's index
    # in the writer's capped buffer (hadath.store.duckdb_store); `mark_seen` keeps urls unique
    """CREATE TABLE IF NOT EXISTS watch_seen (url VARCHAR, content_hash VARCHAR, first_seen TIMESTAMPTZ)""",
)


@dataclass(slots=True, frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: datetime | None = None
    last_error: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


class WatchState:
    """Read and write the watch tables through a `DuckStore`'s connection."""

    def __init__(self, store):
        self.con = store.con
        if "watch_seen" in store.keyed_tables():  # an earlier hadath's
            with store._transaction():
                store.rebuild_without_key("watch_seen", _TABLES[1])
        for sql in _TABLES:
            self.con.execute(sql)

    def feed(self, url: str) -> FeedState:
        row = self.con.execute("SELECT url, etag, last_modified, last_checked, last_error FROM watch_feeds "
                               "WHERE url = ?", [url]).fetchone()
        return FeedState(*row) if row else FeedState(url)

    def record_check(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                     error: str | None = None) -> None:
        """Store a check; an error keeps the validators of the last good check."""
        old = self.feed(url)
        if error:
            etag, last_modified = old.etag, old.last_modified
        self.con.execute("INSERT OR REPLACE INTO watch_feeds VALUES (?, ?, ?, ?, ?)",
                         [url, etag, last_modified, _now(), error])

    def seen_urls(self, urls: list[str]) -> set[str]:
        if not urls:
            return set()
        marks = ", ".join("?" * len(urls))
        return {r[0] for r in self.con.execute(f"SELECT url FROM watch_seen WHERE url IN ({marks})", urls).fetchall()}

    def hash_seen(self, content_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM watch_seen WHERE content_hash = ? LIMIT 1",
                                [content_hash]).fetchone() is not None

    def mark_seen(self, url: str, content_hash: str | None = None) -> None:
        self.con.execute("INSERT INTO watch_seen SELECT ?, ?, ? WHERE NOT EXISTS "
                         "(SELECT 1 FROM watch_seen WHERE url = ?)", [url, content_hash, _now(), url])
