"""Read-only aggregate queries of the dashboard and API (the store has the row queries).

Every value is bound as a `?` parameter. The only identifiers put into SQL are
column names taken from fixed lists in this module, never from a request.
Each function takes a DuckDB connection and returns plain rows (dicts).

Dates: events store `date` as ISO text; `_DAY` reads its first ten characters
as a DATE (NULL when it is missing or not a date), and periods are that day
truncated to a `day`, `week` (Monday) or `month`.
"""

from __future__ import annotations

from typing import Any

import duckdb

from hadath.errors import StoreError

INTERVALS = ("day", "week", "month")
_DAY = "TRY_CAST(substr(e.date, 1, 10) AS DATE)"
_PERIOD = f"CAST(date_trunc(?, {_DAY}) AS DATE)"
_QUADS = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))
_MEAN_GS = "round(avg(e.goldstein), 3) AS goldstein"  # rounded: the same answer whatever the summation order
_MATCH = ("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id AND a.role = ? "
          "AND (a.code = ? OR a.code || '-' || a.sector = ?))")
MAP_COLUMNS = ("lat", "lon")  # filled by the places stage (hadath.geo); the map shows rows that have them
MAP_EXTRA = ("loc_name", "loc_country", "loc_admin1", "loc_text")  # shown when present


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """The rows of a query as dicts (column name -> value)."""
    try:
        cur = con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc


def _interval(interval: str) -> str:
    if interval not in INTERVALS:
        raise StoreError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")
    return interval


def summary(con) -> dict[str, Any]:
    """Totals of the overview: events, articles, distinct actors, first and last day."""
    sql = (f"SELECT count(*) AS events, count(DISTINCT e.article_id) AS articles, "
           f"min({_DAY}) AS first_day, max({_DAY}) AS last_day FROM events e")
    out = rows(con, sql)[0]
    out["actors"] = rows(con, "SELECT count(DISTINCT code) AS n FROM event_actors")[0]["n"]
    out.update({k: (str(out[k]) if out[k] else None) for k in ("first_day", "last_day")})
    return out


def quad_totals(con) -> list[dict[str, Any]]:
    return rows(con, f"SELECT e.quad_class, count(*) AS events, {_MEAN_GS} "
                     "FROM events e GROUP BY e.quad_class ORDER BY e.quad_class")


def top_actors(con, limit: int = 20, role: str | None = None) -> list[dict[str, Any]]:
    """Most active actor codes: events as source, as target, in all; their most frequent Arabic text."""
    sql = ("WITH texts AS (SELECT code, text, count(*) AS n FROM event_actors WHERE text <> '' GROUP BY code, text), "
           "names AS (SELECT code, first(text ORDER BY n DESC, text) AS text_ar FROM texts GROUP BY code) "
           "SELECT a.code, count(DISTINCT a.event_id) AS events, "
           "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'actor') AS as_source, "
           "count(DISTINCT a.event_id) FILTER (WHERE a.role = 'recipient') AS as_target, "
           f"{_MEAN_GS}, any_value(n.text_ar) AS text_ar "
           "FROM event_actors a JOIN events e ON e.event_id = a.event_id LEFT JOIN names n ON n.code = a.code "
           "WHERE (? IS NULL OR a.role = ?) GROUP BY a.code ORDER BY events DESC, a.code LIMIT ?")
    return rows(con, sql, [role, role, limit])


def top_dyads(con, limit: int = 20) -> list[dict[str, Any]]:
    """Directed source -> target pairs (first actor and recipient) by event count."""
    sql = (f"SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
           f"{_MEAN_GS}, {_QUADS} FROM events e "
           f"WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code "
           f"GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?")
    return rows(con, sql, [limit])


def type_periods(con, interval: str = "week") -> list[dict[str, Any]]:
    """Events per PLOVER type and period (events without a date are left out)."""
    sql = (f"SELECT {_PERIOD} AS period, e.event_type, count(*) AS events FROM events e "
           f"WHERE {_DAY} IS NOT NULL GROUP BY ALL ORDER BY period, e.event_type")
    return [{**r, "period": str(r["period"])} for r in rows(con, sql, [_interval(interval)])]


def dyad_timeline(con, a: str, b: str, interval: str = "week", directed: bool = False) -> list[dict[str, Any]]:
    """Per period: events of a -> b (and b -> a unless `directed`) by quad class, and mean Goldstein.

    `a` and `b` are codes (`EGY`) or code-sectors (`EGY-GOV`) of any actor / recipient.
    """
    ab = f"({_MATCH} AND {_MATCH})"
    where = ab if directed else f"({ab} OR {ab})"
    params = ["actor", a, a, "recipient", b, b] + ([] if directed else ["actor", b, b, "recipient", a, a])
    sql = (f"SELECT {_PERIOD} AS period, count(*) AS events, {_QUADS}, {_MEAN_GS} "
           f"FROM events e WHERE {_DAY} IS NOT NULL AND {where} GROUP BY period ORDER BY period")
    return [{**r, "period": str(r["period"])} for r in rows(con, sql, [_interval(interval)] + params)]


def outlets(con, limit: int = 50) -> list[dict[str, Any]]:
    return rows(con, "SELECT outlet, count(*) AS events FROM events WHERE outlet IS NOT NULL "
                     "GROUP BY outlet ORDER BY events DESC, outlet LIMIT ?", [limit])


def event_columns(con) -> list[str]:
    return [r["column_name"] for r in rows(
        con, "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        ["events"])]


def map_points(con, limit: int = 2000) -> list[dict[str, Any]]:
    """Events with coordinates (none while the events table has no `lat`/`lon` columns)."""
    present = set(event_columns(con))
    if not set(MAP_COLUMNS) <= present:
        return []
    extra = "".join(f', e."{c}"' for c in MAP_EXTRA if c in present)
    sql = (f"SELECT e.event_id, e.date, e.event_type, e.quad_class, e.goldstein, e.source_code, e.target_code, "
           f"e.trigger, TRY_CAST(e.lat AS DOUBLE) AS lat, TRY_CAST(e.lon AS DOUBLE) AS lon{extra} FROM events e "
           f"WHERE TRY_CAST(e.lat AS DOUBLE) BETWEEN -90 AND 90 AND TRY_CAST(e.lon AS DOUBLE) BETWEEN -180 AND 180 "
           f"ORDER BY e.date NULLS LAST, e.event_id LIMIT ?")
    return rows(con, sql, [limit])
