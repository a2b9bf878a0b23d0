"""The database behind the web app: one read-only DuckDB connection, shared behind a lock.

DuckDB lets one process write a database file, or several processes read it;
not both. So while `hadath serve` runs, the file is open read-only and a
`hadath ingest` into the same file fails with a "locked" error: stop the
server first, or ingest into another file and serve that. Requests run in a
thread pool; the lock makes them use the connection one at a time (DuckDB
answers the dashboard's queries in milliseconds).

`POST /api/v1/code` with `store: true` is the one write: under the lock, the
read-only connection is closed, the article is written through a read-write
`DuckStore`, and the read-only connection is opened again.

With `writable=True` (`hadath serve --watch`) the file is opened read-write
once: the feed watcher writes through its own connection to the same database
in this process, and the pages show new events without a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hadath.records import CodedArticle
from hadath.store.duckdb_store import DuckStore


class Database:
    """A DuckDB file opened read-only for the lifetime of the app."""

    def __init__(self, path: str | Path, writable: bool = False):
        self.path = str(path)
        self.writable = writable
        self._lock = threading.Lock()
        self._store: DuckStore | None = DuckStore(self.path, read_only=not writable)

    @contextmanager
    def store(self) -> Iterator[DuckStore]:
        """The shared read-only store, for the duration of one request's queries."""
        with self._lock:
            if self._store is None:
                self._store = DuckStore(self.path, read_only=not self.writable)
            yield self._store

    def write(self, coded: CodedArticle) -> int:
        """Store one coded article (idempotent); returns 1 when it was inserted or replaced."""
        if self.writable:
            with self.store() as store:
                return store.write([coded])
        with self._lock:
            self._close()
            try:
                with DuckStore(self.path) as writer:
                    return writer.write([coded])
            finally:
                self._store = DuckStore(self.path, read_only=True)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        with self._lock:
            self._close()
