"""Storage round trips over random Arabic text: CodedArticle -> DuckDB -> Parquet/JSONL -> equal rows."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from hadath_samples import coded_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.export import export
from hadath.export.rows import article_row, arrow_schema, event_actor_rows, event_from_rows, event_rows
from hadath.records import ARTICLE_COLUMNS, EVENT_ACTOR_COLUMNS, EVENT_COLUMNS
from hadath.store import DuckStore

ROWS = {
    "articles": (ARTICLE_COLUMNS, lambda c: [article_row(c)]),
    "events": (EVENT_COLUMNS, event_rows),
    "event_actors": (EVENT_ACTOR_COLUMNS, event_actor_rows),
}
batches = st.lists(coded_articles(), min_size=1, max_size=3, unique_by=lambda c: c.article.id)
quick = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def canonical(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


@quick
@given(batches)
def test_rows_survive_duckdb_and_parquet(batch):
    with DuckStore(":memory:") as store, tempfile.TemporaryDirectory() as tmp:
        store.write(batch)
        for table, (columns, rows_of) in ROWS.items():
            path = Path(tmp) / f"{table}.parquet"
            export(store, "parquet", path, table=table, batch_size=2)
            back = pq.read_table(path)
            assert back.schema.equals(arrow_schema(columns))
            assert canonical(back.to_pylist()) == canonical([r for c in batch for r in rows_of(c)])


@quick
@given(batches)
def test_rows_survive_duckdb_and_jsonl(batch):
    with DuckStore(":memory:") as store, tempfile.TemporaryDirectory() as tmp:
        store.write(batch)
        path = Path(tmp) / "events.jsonl"
        export(store, "jsonl", path)
        back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert canonical(back) == canonical([r for c in batch for r in event_rows(c)])


@quick
@given(batches)
def test_events_rebuilt_from_the_store_equal_the_originals(batch):
    with DuckStore(":memory:") as store:
        store.write(batch)
        actors = [r for rows in store.batches("event_actors") for r in rows]
        for row in (r for rows in store.batches("events") for r in rows):
            mine = [a for a in actors if a["event_id"] == row["event_id"]]
            original = next(e for c in batch for e in c.events if e.id == row["event_id"])
            assert event_from_rows(row, mine) == original
