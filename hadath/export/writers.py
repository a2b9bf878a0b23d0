"""Write events (or any table) as JSONL, PLOVER JSONL, CSV or Parquet.

Formats:
  jsonl    one flat row per line (schema columns; json columns as JSON text)
  plover   one PLOVER record per line (`hadath.export.plover`)
  csv      UTF-8, header from the schema; null is empty, booleans true/false
  parquet  Arrow schema from the schema list

Output goes to a path, to stdout (`-`), or to an open file (binary, or text
for the text formats). JSON is written with Arabic unescaped.

`export` takes a `DuckStore` (streamed in batches, never loaded whole) or an
iterable of `CodedArticle`s (or of flat row dicts, for a pipeline that does
not keep a database). `Writer` is the same thing for callers that produce
records bit by bit:

    with Writer("parquet", "events.parquet") as w:
        for batch in batches:
            w.write_coded(batch)
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from hadath.errors import StoreError
from hadath.export.plover import plover_record
from hadath.export.rows import (
    article_from_row,
    article_row,
    arrow_schema,
    event_actor_rows,
    event_from_rows,
    event_rows,
    skipped_row,
)
from hadath.records import (
    ARTICLE_COLUMNS,
    EVENT_ACTOR_COLUMNS,
    EVENT_COLUMNS,
    SKIPPED_COLUMNS,
    CodedArticle,
    Skipped,
)

FORMATS = ("jsonl", "plover", "csv", "parquet")
SCHEMAS = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "event_actors": EVENT_ACTOR_COLUMNS,
    "skipped": SKIPPED_COLUMNS,
}


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


class Writer:
    """Streams records of one table in one format; use as a context manager."""

    def __init__(self, fmt: str, out: str | Path | IO, table: str = "events"):
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if table not in SCHEMAS:
            raise StoreError(f"cannot export table {table!r}; tables: {', '.join(SCHEMAS)}")
        if fmt == "plover" and table != "events":
            raise StoreError("the plover format holds events only: export table 'events'")
        self.fmt, self.table, self.count = fmt, table, 0
        self.columns = [name for name, _ in SCHEMAS[table]]
        self._binary, self._owned = _open_binary(out)
        if fmt == "parquet" and isinstance(self._binary, io.TextIOBase):
            raise StoreError("parquet is binary: give a path, '-', or a file opened in binary mode")
        self._text: IO[str] | None = None
        self._parquet = None
        self._csv = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _text_stream(self) -> IO[str]:
        if self._text is None:
            if isinstance(self._binary, io.TextIOBase):
                self._text = self._binary
            else:
                self._text = io.TextIOWrapper(self._binary, encoding="utf-8", newline="" if self.fmt == "csv" else "\n")
        return self._text

    def write_rows(self, rows: list[dict[str, Any]]) -> None:
        """Write flat rows (or PLOVER records, for the plover format)."""
        if not rows:
            return
        if self.fmt in ("jsonl", "plover"):
            self._text_stream().writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        elif self.fmt == "csv":
            self._write_csv(rows)
        else:
            self._write_parquet(rows)
        self.count += len(rows)

    def _write_csv(self, rows: list[dict[str, Any]]) -> None:
        if self._csv is None:
            self._csv = csv.writer(self._text_stream())
            self._csv.writerow(self.columns)
        self._csv.writerows([_csv_value(r[c]) for c in self.columns] for r in rows)

    def _write_parquet(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(SCHEMAS[self.table])
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._binary, schema)
        self._parquet.write_table(pa.Table.from_pylist(rows, schema=schema))

    def write_coded(self, items: Iterable[CodedArticle | Skipped | dict]) -> None:
        """Write coded articles (their rows or PLOVER records), Skipped items, or flat rows."""
        self.write_rows([r for item in items for r in self._records(item)])

    def _records(self, item: CodedArticle | Skipped | dict) -> list[dict[str, Any]]:
        if isinstance(item, dict):
            if self.fmt == "plover":
                raise StoreError("the plover format needs coded articles or a database, not flat rows")
            return [item]
        if isinstance(item, Skipped):
            return [skipped_row(item)]
        if self.fmt == "plover":
            return [plover_record(e, item.article, item.article.text[e.sentence_start:e.sentence_end])
                    for e in item.events]
        return {"articles": lambda c: [article_row(c)], "events": event_rows,
                "event_actors": event_actor_rows, "skipped": lambda c: []}[self.table](item)

    def close(self) -> None:
        if self.fmt == "parquet" and self._parquet is None:
            self._write_empty_parquet()
        if self._parquet is not None:
            self._parquet.close()
        if self.fmt == "csv" and self._csv is None:
            csv.writer(self._text_stream()).writerow(self.columns)
        if self._text is not None:
            self._text.flush()
            if self._text is not self._binary:
                self._text.detach()
        if self._owned:
            self._binary.close()
        else:
            self._binary.flush()

    def _write_empty_parquet(self) -> None:
        import pyarrow.parquet as pq

        self._parquet = pq.ParquetWriter(self._binary, arrow_schema(SCHEMAS[self.table]))


def _open_binary(out: str | Path | IO) -> tuple[IO, bool]:
    """(stream, whether we close it): `-` is stdout, a path is opened for writing."""
    if isinstance(out, str) and out == "-":
        sys.stdout.flush()
        return sys.stdout.buffer, False
    if isinstance(out, (str, Path)):
        try:
            return open(out, "wb"), True
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror}; check the folder exists and is writable") from exc
    return out, False


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def plover_records_of_rows(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER records for a batch of stored event rows (actors and articles fetched per batch)."""
    actors: dict[str, list[dict]] = {}
    for a in store.rows_where_in("event_actors", "event_id", [r["event_id"] for r in rows]):
        actors.setdefault(a["event_id"], []).append(a)
    articles = {a["article_id"]: article_from_row(a)
                for a in store.rows_where_in("articles", "article_id", list({r["article_id"] for r in rows}))}
    return [plover_record(event_from_rows(r, actors.get(r["event_id"], [])), articles[r["article_id"]], r["sentence"])
            for r in rows]


def export(source: Any, fmt: str, out: str | Path | IO, *, table: str = "events", batch_size: int = 5_000) -> int:
    """Write a DuckStore's table, or coded articles / rows, to `out`; returns the record count.

    Example:
        with DuckStore("hadath.duckdb", read_only=True) as store:
            export(store, "parquet", "events.parquet")
    """
    with Writer(fmt, out, table) as writer:
        if hasattr(source, "batches"):
            for rows in source.batches(table, batch_size):
                writer.write_rows(plover_records_of_rows(source, rows) if fmt == "plover" else rows)
        else:
            for chunk in _chunks(source, batch_size):
                writer.write_coded(chunk)
        return writer.count
