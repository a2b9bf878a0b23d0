"""Exports of the one output schema: flat rows, PLOVER records, JSONL/CSV/Parquet writers.

Importing this package is cheap: pyarrow is imported only when a Parquet or
Arrow function runs.
"""

from hadath.export.plover import plover_record
from hadath.export.rows import (
    article_row,
    arrow_schema,
    duckdb_type,
    event_actor_rows,
    event_rows,
    skipped_row,
)
from hadath.export.writers import FORMATS, Writer, export

__all__ = [
    "FORMATS", "Writer", "article_row", "arrow_schema", "duckdb_type", "event_actor_rows",
    "event_rows", "export", "plover_record", "skipped_row",
]
