from __future__ import annotations

from hadath.store import DuckStore
from hadath.watch.state import WatchState


def test_a_url_is_marked_seen_once_with_its_first_hash():
    with DuckStore(":memory:") as store:
        state = WatchState(store)
        state.mark_seen("https://a.test/1", "h1")
        state.mark_seen("https://a.test/1", "h2")
        state.mark_seen("https://a.test/2")
        assert store.con.execute("SELECT url, content_hash FROM watch_seen ORDER BY url").fetchall() == [
            ("https://a.test/1", "h1"), ("https://a.test/2", None)]
        assert state.seen_urls(["https://a.test/1", "https://a.test/3"]) == {"https://a.test/1"}
        assert state.hash_seen("h1") and not state.hash_seen("h2")


def test_a_keyed_seen_table_of_an_earlier_hadath_loses_its_key_and_keeps_its_rows():
    with DuckStore(":memory:") as store:
        store.con.execute("CREATE TABLE watch_seen (url VARCHAR PRIMARY KEY, content_hash VARCHAR, "
                          "first_seen TIMESTAMPTZ)")
        store.con.execute("INSERT INTO watch_seen VALUES ('https://a.test/1', 'h1', now())")
        state = WatchState(store)
        state.mark_seen("https://a.test/1", "h9")
        assert store.con.execute("SELECT url, content_hash FROM watch_seen").fetchall() == [("https://a.test/1", "h1")]
        assert store.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'watch_seen'"
                                 ).fetchone()[0] == 0
        state.record_check("https://a.test/feed", etag="e1")
        state.record_check("https://a.test/feed", error="timeout")
        assert (state.feed("https://a.test/feed").etag, state.feed("https://a.test/feed").last_error) == ("e1", "timeout")
