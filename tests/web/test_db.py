"""The web app's database: cursors per request, the readers-writer lock, the caches, concurrent requests."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi")

from hadath.web.db import Database, LruCache, ReadWriteLock  # noqa: E402

from .conftest import NEWS, serving  # noqa: E402

API = "/api/v1"


def get_json(url: str) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, json.loads(response.read())


def wait_until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


# --- LruCache ------------------------------------------------------------------------

def test_cache_computes_once_per_key():
    cache, calls = LruCache(100), []
    for _ in range(3):
        assert cache.get("k", lambda: calls.append(1) or [1, 2]) == [1, 2]
    assert calls == [1]


def test_cache_drops_the_least_recently_used_beyond_its_size():
    cache = LruCache(5)
    cache.get("a", lambda: "aa")
    cache.get("b", lambda: "bb")
    cache.get("a", lambda: "new")  # a is now the most recently used
    cache.get("c", lambda: "cc")  # 6 > 5: b goes
    assert cache.get("a", lambda: "new") == "aa"
    assert cache.get("b", lambda: "BB") == "BB"


def test_cache_does_not_keep_a_value_larger_than_itself():
    cache = LruCache(3)
    assert cache.get("big", lambda: "abcd") == "abcd"
    assert cache.get("big", lambda: "recomputed") == "recomputed"


# --- ReadWriteLock -------------------------------------------------------------------

def test_readers_share_the_lock():
    lock, inside = ReadWriteLock(), []
    with lock.reading(), lock.reading():
        inside.append(True)
    assert inside == [True]


def test_a_writer_waits_for_readers_and_holds_new_ones_back():
    lock, events = ReadWriteLock(), []
    reading = lock.reading()
    reading.__enter__()

    def write():
        with lock.writing():
            events.append("write")

    def read():
        with lock.reading():
            events.append("read")

    writer = threading.Thread(target=write)
    writer.start()
    wait_until(lambda: lock._writer)  # the writer waits for the reader
    late_reader = threading.Thread(target=read)
    late_reader.start()
    assert events == []  # neither can enter while the first reader holds the lock
    reading.__exit__(None, None, None)
    writer.join(10)
    late_reader.join(10)
    assert events == ["write", "read"]


# --- Database ------------------------------------------------------------------------

def test_event_ids_are_queried_once_per_version(web_db, monkeypatch):
    db = Database(web_db)
    with db.store() as store:
        calls = []
        real = type(store).event_ids
        monkeypatch.setattr(type(store), "event_ids", lambda self, **f: calls.append(f) or real(self, **f))
        first = db.event_ids(store, {"actor": "EGY"})
        assert db.event_ids(store, {"actor": "EGY"}) == first and len(calls) == 1
        db.changed()
        assert db.event_ids(store, {"actor": "EGY"}) == first and len(calls) == 2
    db.close()


def test_each_request_gets_a_cursor_of_its_own(web_db):
    db = Database(web_db)
    with db.store() as one, db.store() as two:
        assert one.con is not two.con
        assert one.event_ids() == two.event_ids()
    with db.store() as three:  # closing the cursors left the database open
        assert three.counts()["events"] > 0
    db.close()


# --- concurrent requests against a served app -------------------------------------------

def test_concurrent_requests_get_what_the_store_holds(web_db, stored_events):
    pages = [(limit, offset) for limit in (3, 11) for offset in range(0, len(stored_events), limit)]
    with serving(web_db) as url:  # a new app: nothing cached yet, every page is a query
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda p: get_json(f"{url}{API}/events?limit={p[0]}&offset={p[1]}"), pages))
            details = list(pool.map(lambda r: get_json(f"{url}{API}/events/{r['event_id']}"), stored_events))
    for (limit, offset), (status, body) in zip(pages, answers):
        assert status == 200 and body["total"] == len(stored_events)
        assert [r["event_id"] for r in body["events"]] == [r["event_id"] for r in stored_events[offset:offset + limit]]
    assert [(s, d["event"]) for s, d in details] == [(200, r) for r in stored_events]


def test_reads_during_stores_all_succeed_and_end_with_every_event(db_copy):
    texts = [json.loads(line)["text"] for line in NEWS.read_text(encoding="utf-8").splitlines()[:3]]
    new_texts = [t + "\nواستقبل الرئيس المصري وزير الخارجية الأردني في القاهرة." for t in texts]
    stop, answers = threading.Event(), []

    def read(url: str) -> None:
        while not stop.is_set():
            answers.append(get_json(f"{url}{API}/events?limit=500"))

    with serving(db_copy) as url:
        before = get_json(f"{url}{API}/events?limit=500")[1]["total"]
        readers = [threading.Thread(target=read, args=(url,)) for _ in range(4)]
        for r in readers:
            r.start()
        added = 0
        for text in new_texts:
            request = urllib.request.Request(f"{url}{API}/code", data=json.dumps({"text": text, "store": True}).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as response:
                added += len(json.loads(response.read())["records"])
        stop.set()
        for r in readers:
            r.join(30)
        after = get_json(f"{url}{API}/events?limit=500")[1]
    assert added and after["total"] == before + added
    assert answers and all(status == 200 and len(body["events"]) == body["total"] for status, body in answers)
