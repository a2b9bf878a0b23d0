"""Flat rows of the one output schema, and the types every store derives from it.

Pure functions: records in, plain dicts out, no I/O. The keys of each row are
exactly the column names of the matching list in `hadath.records`
(`ARTICLE_COLUMNS`, `EVENT_COLUMNS`, `EVENT_ACTOR_COLUMNS`, `SKIPPED_COLUMNS`),
in that order. Columns of logical type ``json`` hold JSON text (Arabic
unescaped, keys sorted), so a row is the same in DuckDB, Parquet, CSV and JSONL.

`event_from_rows` and `article_from_row` go back from rows to records, which
is how the PLOVER export of a database rebuilds its events.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from hadath import __version__
from hadath.errors import DataError
from hadath.records import (
    ARTICLE_COLUMNS,
    EVENT_ACTOR_COLUMNS,
    EVENT_COLUMNS,
    LOCATION_COLUMNS,
    SKIPPED_COLUMNS,
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Skipped,
)

if TYPE_CHECKING:
    import pyarrow as pa

Columns = list[tuple[str, str]]

_DUCKDB_TYPES = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "json": "VARCHAR"}


def duckdb_type(logical: str) -> str:
    """The DuckDB column type of a logical type (json is stored as its text)."""
    try:
        return _DUCKDB_TYPES[logical]
    except KeyError:
        raise DataError(f"unknown logical column type {logical!r}; known: {', '.join(_DUCKDB_TYPES)}") from None


def arrow_type(logical: str) -> pa.DataType:
    """The Arrow type of a logical type (json is stored as its text)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "json": pa.string()}
    duckdb_type(logical)  # one place says which logical types exist
    return types[logical]


def arrow_schema(columns: Columns) -> pa.Schema:
    """An Arrow schema (all fields nullable) for one of the schema lists."""
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(logical)) for name, logical in columns])


def to_json(value: Any) -> str:
    """JSON text as every export writes it: Arabic unescaped, keys sorted."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row(columns: Columns, values: dict[str, Any]) -> dict[str, Any]:
    """A row with exactly the schema's keys; json columns become JSON text."""
    return {name: to_json(values[name]) if logical == "json" else values[name] for name, logical in columns}


def coder_version_of(coded: CodedArticle) -> str:
    """The coder version that produced an article: its events', else this hadath's."""
    return coded.events[0].coder_version if coded.events else __version__


def article_row(coded: CodedArticle) -> dict[str, Any]:
    a = coded.article
    values = {
        "article_id": a.id, "source_id": a.source_id, "url": a.url, "outlet": a.outlet,
        "title": a.title, "published": a.published, "language": a.language,
        "source_path": a.source_path, "text": a.text, "n_sentences": len(coded.sentences),
        "n_events": len(coded.events), "coder_version": coder_version_of(coded),
    }
    return _row(ARTICLE_COLUMNS, values)


def _actor_values(prefix: str, m: ActorMention | None) -> dict[str, Any]:
    keys = ("code", "sector", "name", "text")
    if m is None:
        return {f"{prefix}_{k}": None for k in keys}
    values = {"code": m.code, "sector": m.sector, "name": m.name_en, "text": m.text}
    return {f"{prefix}_{k}": v for k, v in values.items()}


def event_row(event: Event, article: Article) -> dict[str, Any]:
    """One flat event row; `sentence` is cut from the article by the event's offsets."""
    values = {
        "event_id": event.id, "sentence": article.text[event.sentence_start : event.sentence_end],
        "url": article.url, "outlet": article.outlet,
        **_actor_values("source", event.source), **_actor_values("target", event.target),
        **{col: (event.location or {}).get(key) for key, col in LOCATION_COLUMNS.items()},
    }
    values.update({name: getattr(event, name) for name, _ in EVENT_COLUMNS if name not in values})
    return _row(EVENT_COLUMNS, values)


def event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [event_row(e, coded.article) for e in coded.events]


def _mention_row(event_id: str, role: str, position: int, m: ActorMention) -> dict[str, Any]:
    values = {"event_id": event_id, "role": role, "position": position}
    values.update({name: getattr(m, name) for name, _ in EVENT_ACTOR_COLUMNS if name not in values})
    return _row(EVENT_ACTOR_COLUMNS, values)


@dataclasses.dataclass(slots=True)
class ArticleRows:
    """The rows one coded article adds to the store: what a worker process sends
    back (plain dicts pickle several times faster than the records they come from)."""

    article_id: str
    coder_version: str
    article: dict[str, Any]
    events: list[dict[str, Any]]
    event_actors: list[dict[str, Any]]


def article_rows(coded: CodedArticle) -> ArticleRows:
    return ArticleRows(coded.article.id, coder_version_of(coded), article_row(coded),
                       event_rows(coded), event_actor_rows(coded))


def event_actor_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    """Every actor and recipient of every event, with role and position (0 = first)."""
    rows = []
    for e in coded.events:
        rows += [_mention_row(e.id, "actor", i, m) for i, m in enumerate(e.actors)]
        rows += [_mention_row(e.id, "recipient", i, m) for i, m in enumerate(e.recipients)]
    return rows


def skipped_row(skipped: Skipped) -> dict[str, Any]:
    return _row(SKIPPED_COLUMNS, {name: getattr(skipped, name) for name, _ in SKIPPED_COLUMNS})


# --- back from rows to records ------------------------------------------------

_MENTION_FIELDS = ("text", "start", "end", "code", "sector", "name_en", "kind", "entry", "rule")


def mention_from_row(row: dict[str, Any]) -> ActorMention:
    """An ActorMention from an event_actors row (token indices are not stored: -1)."""
    return ActorMention(**{k: row[k] for k in _MENTION_FIELDS})


def event_from_rows(row: dict[str, Any], actor_rows: list[dict[str, Any]]) -> Event:
    """An Event from its flat row and its event_actors rows (any order)."""
    fields = {f.name for f in dataclasses.fields(Event)} - {"actors", "recipients", "id", "casualties", "location"}
    location = {key: row.get(col) for key, col in LOCATION_COLUMNS.items()}
    event = Event(**{k: row[k] for k in fields}, id=row["event_id"], casualties=json.loads(row["casualties"] or "{}"),
                  location=location if location["name"] else None)
    for r in sorted(actor_rows, key=lambda r: (r["role"], r["position"])):
        (event.actors if r["role"] == "actor" else event.recipients).append(mention_from_row(r))
    return event


def article_from_row(row: dict[str, Any]) -> Article:
    """An Article from an articles row; `text` may be left out of the row (it is then empty)."""
    fields = ("source_id", "url", "outlet", "title", "published", "language", "source_path")
    return Article(text=row.get("text") or "", id=row["article_id"], **{k: row[k] for k in fields})
