"""The database behind the web app: one DuckDB database, a cursor per request, answers cached per version.

DuckDB lets one process write a database file, or several processes read it;
not both. So while `hadath serve` runs, the file is open read-only and a
`hadath ingest` into the same file fails with a "locked" error: stop the
server first, or ingest into another file and serve that.

Requests run in a thread pool. Each one gets its own cursor of the database
(`DuckStore.cursor`: a DuckDB connection must not be shared between threads),
so the queries of different requests run at the same time.

`POST /api/v1/code` with `store: true` is the one write. In read-only mode it
needs the file closed: it waits for the running requests to finish, holds new
ones back meanwhile (a readers-writer lock), writes the article through a
read-write `DuckStore` and opens the file read-only again.

With `writable=True` (`hadath serve --watch`) the file is opened read-write
once: the feed watcher writes through its own connection to the same database
in this process, and the pages show new events without a restart.

`version` counts the writes made while the app runs: `write` and every store
built with `on_write=database.changed` (the feed watcher's) add one. Nothing
else can write the file meanwhile (see above), so an answer computed at one
version stays right until the next. `event_ids` keeps, per version and filter
set, the ids of every matching event in order: a page of the event list is
then a slice of that list (its length is the exact total, however deep the
offset) and one query for the page's rows. `answer` keeps the JSON of API
answers per version: a repeated request costs no query at all. Both caches
drop their least recently used entries beyond a size bound, and everything
at each write.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hadath.records import CodedArticle
from hadath.store.duckdb_store import SERVING_MEMORY, DuckStore

MAX_CACHED_IDS = 1_000_000  # event ids held by the order cache, all filter sets together (≈ 80 MB)
MAX_CACHED_BYTES = 64_000_000  # bytes of API answers held by the answer cache


class ReadWriteLock:
    """Many readers at a time, or one writer; a waiting writer holds new readers back."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._writer = True
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class LruCache:
    """Values by key, the least recently used dropped beyond `max_size` (the sum of `len(value)`)."""

    def __init__(self, max_size: int):
        self.max_size = max_size
        self._values: OrderedDict[Any, Any] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """The value cached under `key`, else `compute()` (kept when it fits)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        self._put(key, value)
        return value

    def _put(self, key: Any, value: Any) -> None:
        if len(value) > self.max_size:
            return
        with self._lock:
            if key in self._values:
                return
            self._values[key] = value
            self._size += len(value)
            while self._size > self.max_size:
                self._size -= len(self._values.popitem(last=False)[1])

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._size = 0


class Database:
    """A DuckDB file opened for the lifetime of the app (read-only unless `writable`)."""

    def __init__(self, path: str | Path, writable: bool = False, max_cached_ids: int = MAX_CACHED_IDS,
                 max_cached_bytes: int = MAX_CACHED_BYTES):
        self.path = str(path)
        self.writable = writable
        self._versions = itertools.count(1)
        self.version = 0
        self._access = ReadWriteLock()
        self._open_lock = threading.Lock()
        self._orders = LruCache(max_cached_ids)
        self._answers = LruCache(max_cached_bytes)
        self._store: DuckStore | None = self._open()

    def _open(self) -> DuckStore:
        return DuckStore(self.path, read_only=not self.writable, on_write=self.changed, memory_limit=SERVING_MEMORY)

    @contextmanager
    def store(self) -> Iterator[DuckStore]:
        """A store on a cursor of its own, for one request's queries."""
        with self._access.reading():
            with self._open_lock:
                if self._store is None:
                    self._store = self._open()
                cursor = self._store.cursor()
            try:
                yield cursor
            finally:
                cursor.close()

    def event_ids(self, store: DuckStore, filters: dict[str, Any]) -> list[str]:
        """Ids of every event matching `filters` (`DuckStore.event_ids`), queried once per version."""
        key = (self.version, tuple(sorted(filters.items())))
        return self._orders.get(key, lambda: store.event_ids(**filters))

    def answer(self, key: Any, compute: Callable[[], bytes]) -> bytes:
        """The bytes `compute()` gives for `key` (an API answer), computed once per version."""
        return self._answers.get((self.version, key), compute)

    def changed(self) -> None:
        """Note a write: what was cached so far is dropped."""
        self.version = next(self._versions)  # atomic, unlike `+= 1`
        self._orders.clear()
        self._answers.clear()

    def write(self, coded: CodedArticle) -> int:
        """Store one coded article (idempotent); returns 1 when it was inserted or replaced."""
        if self.writable:
            with self.store() as store:
                return store.write([coded])  # the store calls `changed`
        with self._access.writing():
            self._close()
            try:
                with DuckStore(self.path, on_write=self.changed, memory_limit=SERVING_MEMORY) as writer:
                    return writer.write([coded])
            finally:
                self._store = self._open()

    def _close(self) -> None:
        with self._open_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def close(self) -> None:
        with self._access.writing():
            self._close()
