"""`hadath.jobs.ingest`: WARC archives, worker processes, resuming, near duplicates."""

from __future__ import annotations

import pytest

from hadath.ingest import iter_inputs
from hadath.jobs import ingest
from hadath.store import DuckStore
from hadath.store.aggregate import links

from .spark.news import STORIES, news_jsonl, news_warc


@pytest.fixture
def warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(news_warc())
    return path


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(news_jsonl())
    return path


def _ingest(paths, db=":memory:", **options) -> tuple[object, dict]:
    with DuckStore(db) as store:
        summary = ingest(iter_inputs([str(p) for p in paths]), store, **options)
        tables = {t: sorted(map(str, store.con.execute(f"SELECT * FROM {t}").fetchall()))
                  for t in ("articles", "events", "event_actors", "skipped")}
    return summary, tables


def test_ingest_warc_stores_arabic_pages_with_their_url_and_skips_the_rest(warc):
    summary, _ = _ingest([warc], batch_size=2)
    assert (summary.processed, summary.skipped, summary.failed) == (len(STORIES), 1, 0)
    assert summary.reasons == {"not-html": 1}
    with DuckStore(":memory:") as store:
        ingest(iter_inputs([str(warc)]), store)
        rows = store.con.execute("SELECT url, text FROM articles").fetchall()
        reasons = store.con.execute("SELECT reason FROM skipped").fetchall()
    assert {url for url, _ in rows} == {s[0] for s in STORIES}
    cp1256 = dict(rows)["https://maghreb-wire.example/eco/deal"]
    assert "وقعت تونس والجزائر اتفاقا" in cp1256
    assert reasons == [("not-html",)]


def test_two_workers_store_exactly_what_one_worker_stores(warc, jsonl):
    one_summary, one = _ingest([warc, jsonl], workers=1, batch_size=3)
    two_summary, two = _ingest([warc, jsonl], workers=2, batch_size=3)
    assert one == two
    assert one_summary == two_summary
    assert one_summary.events > 0


def test_an_interrupted_run_resumes_to_the_rows_of_a_clean_run(warc, jsonl, tmp_path):
    _, clean = _ingest([warc, jsonl], db=str(tmp_path / "clean.duckdb"), batch_size=2)
    db = str(tmp_path / "resumed.duckdb")
    with DuckStore(db) as store:  # the first batches of a run that then died
        items = iter_inputs([str(warc), str(jsonl)])
        ingest((item for _, item in zip(range(4), items)), store, batch_size=2)
    summary, resumed = _ingest([warc, jsonl], db=db, batch_size=2, workers=2)
    assert resumed == clean
    assert summary.already > 0 and summary.processed + summary.already == len(clean["articles"])


def test_a_rerun_adds_nothing(warc, tmp_path):
    db = str(tmp_path / "events.duckdb")
    _ingest([warc], db=db)
    summary, _ = _ingest([warc], db=db, workers=2)
    assert (summary.processed, summary.already, summary.events) == (0, len(STORIES), 0)


def test_near_duplicates_link_the_copy_to_the_wire_story(warc, tmp_path):
    db = str(tmp_path / "events.duckdb")
    summary, _ = _ingest([warc], db=db, near_duplicates=True)
    with DuckStore(db, read_only=True) as store:
        found = links(store)
        ids = dict(store.con.execute("SELECT url, article_id FROM articles").fetchall())
    assert summary.near_duplicates == 1
    assert [(r["article_id"], r["duplicate_of"]) for r in found] == [(ids[STORIES[1][0]], ids[STORIES[0][0]])]
    assert 0.7 <= found[0]["similarity"] < 1.0


def test_near_duplicate_links_survive_a_resumed_run(warc, tmp_path):
    db = str(tmp_path / "events.duckdb")
    with DuckStore(db) as store:  # died after the wire story, before its copy
        ingest((item for _, item in zip(range(1), iter_inputs([str(warc)]))), store, near_duplicates=True)
    _ingest([warc], db=db, near_duplicates=True)
    with DuckStore(db, read_only=True) as store:
        assert len(links(store)) == 1


def test_a_coder_error_is_counted_and_the_batch_goes_on(warc, monkeypatch):
    import hadath.jobs

    def broken(article):
        if "تونس" in article.text:
            raise ValueError("boom")
        return original(article)

    original = hadath.jobs.code_article
    monkeypatch.setattr(hadath.jobs, "code_article", broken)
    summary, tables = _ingest([warc])
    assert (summary.processed, summary.failed) == (len(STORIES) - 1, 1)
    assert any("boom" in row for row in tables["skipped"])


def test_workers_read_ahead_at_most_a_few_batches(warc, jsonl):
    from hadath.jobs import IN_FLIGHT

    items = list(iter_inputs([str(warc), str(jsonl)])) * 3  # repeats count as duplicates
    pulled, at_first_write = [0], []

    def stream():
        for item in items:
            pulled[0] += 1
            yield item

    def on_item():
        if not at_first_write:
            at_first_write.append(pulled[0])

    with DuckStore(":memory:") as store:
        ingest(stream(), store, workers=2, batch_size=2, on_item=on_item)
    assert at_first_write[0] <= (IN_FLIGHT + 1) * 2 < len(items)
