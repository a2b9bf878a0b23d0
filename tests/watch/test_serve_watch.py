"""`hadath serve --watch`: the dashboard and the feed watcher in one process, one database."""

import time

import pytest

from hadath.store.duckdb_store import DuckStore
from hadath.watch import Feed

from .test_loop import html, rss

pytest.importorskip("fastapi", reason="needs the web extra: pip install 'hadath[web]'")

TEXT_1 = "اعتقلت الشرطة المصرية عشرات الناشطين في القاهرة يوم الأحد."
TEXT_2 = "استقبل الرئيس التونسي وزير الخارجية الجزائري في قصر قرطاج."


def _events(client) -> list[dict]:
    body = client.get("/api/v1/events").json()
    return body["events"] if isinstance(body, dict) else body


def _wait_for(client, n: int, seconds: float = 25.0) -> list[dict]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = _events(client)
        if len(rows) >= n:
            return rows
        time.sleep(0.3)
    return _events(client)


def test_served_pages_show_articles_the_watcher_stores_without_a_restart(site, tmp_path):
    from fastapi.testclient import TestClient

    from hadath.web import create_app

    db = tmp_path / "live.duckdb"
    with DuckStore(db):
        pass
    site.page("/news/1", html(TEXT_1), Content_Type="text/html; charset=utf-8")
    site.page("/rss.xml", rss(site, ["/news/1"]), Content_Type="application/rss+xml")
    app = create_app(db, feeds=[Feed("local", site.url("/rss.xml"), interval=1.0)])
    with TestClient(app) as client:
        first = _wait_for(client, 1)
        assert any(r["event_type"] == "COERCE" for r in first), first
        site.page("/news/2", html(TEXT_2), Content_Type="text/html; charset=utf-8")
        site.page("/rss.xml", rss(site, ["/news/1", "/news/2"]), Content_Type="application/rss+xml")
        later = _wait_for(client, len(first) + 1)
        assert any(r["event_type"] == "CONSULT" for r in later), later
        assert client.get("/events").status_code == 200
    assert site.hits["/news/1"] == 1  # seen articles are not fetched again
