"""Near-duplicate links and GDELT-style event aggregates in a DuckStore.

Two additions to the five tables of `hadath.store.duckdb_store`, kept here so
the core store stays as it is:

* `article_links` (`LINK_COLUMNS`, key article_id): an article that copies an
  earlier one (the same wire story on another site), with the estimated
  similarity (`hadath.ingest.neardup`). Written by `jobs.ingest(near_duplicates=True)`.
* `event_aggregates` (`AGGREGATE_COLUMNS`): one row per (date, event_type,
  source_code, target_code), the way a GDELT event row sums its mentions.
  Every mention keeps its own row in `events`; this is a view over them.

Aggregate columns: `num_mentions` (event rows), `num_articles` (distinct
articles), `num_stories` (distinct articles once near copies count as their
original), `num_sources` (distinct outlets; the URL's host where the outlet is
unknown), `first_mention_id` / `last_mention_id` (by article publication, then
position in the article), `first_url`, `goldstein` (mean), `quad_class` (that
of the first mention), `confidence` (mean).
"""

from __future__ import annotations

from typing import Any

from hadath.errors import StoreError
from hadath.export.rows import arrow_schema, duckdb_type

LINK_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),
    ("duplicate_of", "string"),
    ("similarity", "float"),
]

AGGREGATE_COLUMNS: list[tuple[str, str]] = [
    ("date", "string"),
    ("event_type", "string"),
    ("source_code", "string"),
    ("target_code", "string"),
    ("num_mentions", "int"),
    ("num_articles", "int"),
    ("num_stories", "int"),
    ("num_sources", "int"),
    ("first_mention_id", "string"),
    ("last_mention_id", "string"),
    ("first_url", "string"),
    ("goldstein", "float"),
    ("quad_class", "int"),
    ("confidence", "float"),
]

KEY = ("date", "event_type", "source_code", "target_code")

_MENTION_ORDER = ("coalesce(a.published, '9999') , e.article_id, e.sentence_index, e.trigger_start, e.event_id")
_OUTLET = "coalesce(e.outlet, nullif(regexp_extract(e.url, '^[A-Za-z]+://([^/:]+)', 1), ''))"


def _execute(store, sql: str, params: list | None = None):
    import duckdb

    try:
        return store.con.execute(sql, params or [])
    except duckdb.Error as exc:
        raise StoreError(f"database {store.path}: {exc}") from exc


def has_table(store, name: str) -> bool:
    sql = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"
    return _execute(store, sql, [name]).fetchone()[0] > 0


def create_links_table(store) -> None:
    """Create `article_links` on the store's connection if it is missing. It has no key
    constraint (its index would grow in the writer's capped buffer: see
    `hadath.store.duckdb_store`); a table of an earlier hadath is rebuilt without one."""
    cols = ", ".join(f'"{name}" {duckdb_type(logical)}' for name, logical in LINK_COLUMNS)
    create = f"CREATE TABLE IF NOT EXISTS article_links ({cols})"
    if "article_links" in store.keyed_tables():
        with store._transaction():
            store.rebuild_without_key("article_links", create)
    _execute(store, create)


def add_links(store, links: list[tuple[str, str, float]]) -> None:
    """Record (article_id, duplicate_of, similarity) links in one statement; a linked id keeps its first link."""
    if not links:
        return
    import pyarrow as pa

    create_links_table(store)
    names = [name for name, _ in LINK_COLUMNS]
    first: dict[str, dict] = {}
    for link in links:
        first.setdefault(link[0], dict(zip(names, link)))
    store.con.register("_hadath_links", pa.Table.from_pylist(list(first.values()), schema=arrow_schema(LINK_COLUMNS)))
    try:
        _execute(store, "INSERT INTO article_links SELECT * FROM _hadath_links b "
                        "WHERE NOT EXISTS (SELECT 1 FROM article_links o WHERE o.article_id = b.article_id)")
    finally:
        store.con.unregister("_hadath_links")


def links(store) -> list[dict[str, Any]]:
    """Every stored link, ordered by article id ([] when there is no links table)."""
    if not has_table(store, "article_links"):
        return []
    names = [name for name, _ in LINK_COLUMNS]
    rows = _execute(store, f"SELECT {', '.join(names)} FROM article_links ORDER BY article_id").fetchall()
    return [dict(zip(names, r)) for r in rows]


def aggregate_sql(with_links: bool) -> str:
    """The SELECT of `event_aggregates` (near copies count as their original when `with_links`)."""
    story = "coalesce(l.duplicate_of, e.article_id)" if with_links else "e.article_id"
    join_links = "LEFT JOIN article_links l ON l.article_id = e.article_id" if with_links else ""
    return f"""
        SELECT substr(e.date, 1, 10) AS date, e.event_type, e.source_code, e.target_code,
               count(*) AS num_mentions,
               count(DISTINCT e.article_id) AS num_articles,
               count(DISTINCT {story}) AS num_stories,
               count(DISTINCT {_OUTLET}) AS num_sources,
               first(e.event_id ORDER BY {_MENTION_ORDER}) AS first_mention_id,
               last(e.event_id ORDER BY {_MENTION_ORDER}) AS last_mention_id,
               first(e.url ORDER BY {_MENTION_ORDER}) AS first_url,
               avg(e.goldstein) AS goldstein,
               first(e.quad_class ORDER BY {_MENTION_ORDER}) AS quad_class,
               avg(e.confidence) AS confidence
        FROM events e
        LEFT JOIN articles a ON a.article_id = e.article_id
        {join_links}
        GROUP BY ALL
        ORDER BY date NULLS LAST, event_type, source_code NULLS LAST, target_code NULLS LAST"""


def create_aggregate_view(store) -> None:
    """(Re)create the view `event_aggregates` (and an empty `article_links`) on a writable store."""
    create_links_table(store)
    _execute(store, f"CREATE OR REPLACE VIEW event_aggregates AS {aggregate_sql(with_links=True)}")


def aggregate_events(store, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per (date, event_type, source_code, target_code), keys `AGGREGATE_COLUMNS`.

    Works on a read-only store too (near copies are then counted apart when the
    database has no `article_links` table).
    """
    sql = aggregate_sql(with_links=has_table(store, "article_links"))
    if limit is not None:
        sql += " LIMIT ?"
    names = [name for name, _ in AGGREGATE_COLUMNS]
    rows = _execute(store, sql, [] if limit is None else [int(limit)]).fetchall()
    return [dict(zip(names, r)) for r in rows]
