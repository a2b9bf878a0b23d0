"""The Spark job: news archives (JSON lines, WARC) → coded events as partitioned Parquet.

    run(["s3a://bucket/crawl/*.warc.gz", "hdfs:///news/*.jsonl"], "s3a://bucket/events")

Reading: a path whose name ends in `.warc` / `.warc.gz` is read whole per file
(`binaryFiles`; gzipped WARC cannot be split) and decoded record by record by
the local reader's own functions (`hadath.ingest.readers`); any other path is
read as JSON lines (`spark.read.text`, split across tasks), each line parsed as
the local reader parses it. Coding: `hadath.jobs.code_or_skip`, i.e.
`hadath.pipeline.code_article`, once per article, in `mapPartitions`.

Writing, under OUTPUT: `articles/`, `events/` (partitioned by `event_type`, or
`date`), `event_actors/` and `skipped/`, each with the columns of its list in
`hadath.records` (Spark types from the logical types). The same article text
twice gives one row per article and event id, as in the local store.

A bad record is counted (Spark accumulators: processed / skipped / failed /
events) and written to `skipped/`; it never fails the job. Counts may run high
when Spark recomputes a lost partition. A JSON line with invalid UTF-8 is read
with replacement characters (Spark decodes text as UTF-8) instead of being
skipped as the local reader does.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

from hadath.export.rows import article_row, event_actor_rows, event_rows, skipped_row
from hadath.ingest.readers import MAX_BYTES, _read_warc, _row_item, format_from_name
from hadath.jobs import code_or_skip
from hadath.pipeline import warm_up
from hadath.records import (
    ARTICLE_COLUMNS,
    EVENT_ACTOR_COLUMNS,
    EVENT_COLUMNS,
    SKIPPED_COLUMNS,
    Article,
    CodedArticle,
    Skipped,
)
from hadath.spark.schema import require_pyspark, spark_schema, spark_values

# output table -> (columns, key: one row per key)
TABLES: dict[str, tuple[list[tuple[str, str]], tuple[str, ...]]] = {
    "articles": (ARTICLE_COLUMNS, ("article_id",)),
    "events": (EVENT_COLUMNS, ("event_id",)),
    "event_actors": (EVENT_ACTOR_COLUMNS, ("event_id", "role", "position")),
    "skipped": (SKIPPED_COLUMNS, ("source",)),
}
PARTITIONS = ("event_type", "date")


class Counters(NamedTuple):
    """Spark accumulators, added to on the executors, read on the driver."""

    processed: Any
    skipped: Any
    failed: Any
    events: Any


@dataclass(slots=True)
class SparkSummary:
    processed: int
    skipped: int
    failed: int
    events: int
    output: str

    def line(self) -> str:
        return (f"processed {self.processed}, skipped {self.skipped}, failed {self.failed}, "
                f"events {self.events} -> {self.output}")


# --- per record (runs on the executors; pure but for the accumulators) -----------

def is_warc(path: str) -> bool:
    return format_from_name(path.rstrip("/")) == "warc"


def warc_items(path: str, data: bytes, max_bytes: int = MAX_BYTES) -> Iterator[Article | Skipped]:
    """Articles and Skipped of one whole WARC file; an unexpected error ends the file as a Skipped."""
    try:
        yield from _read_warc(io.BytesIO(data), path, max_bytes)
    except Exception as exc:  # a decoder bug must not stop the job: count it, keep the message
        yield Skipped(path, "failed", f"reading the WARC raised {type(exc).__name__}: {exc}")


def jsonl_item(line: str, path: str, max_bytes: int = MAX_BYTES) -> Article | Skipped | None:
    """The Article or Skipped of one JSON line (None for a blank line), as the local reader gives it."""
    if not line.strip():
        return None
    data = line.encode("utf-8")
    source = f"{path}#{hashlib.sha1(data).hexdigest()[:12]}"  # Spark gives no line numbers
    if len(data) > max_bytes:
        return Skipped(source, "too-large", f"this line is longer than {max_bytes} bytes")
    try:
        return _row_item(data, source, path)
    except Exception as exc:  # a decoder bug must not stop the job
        return Skipped(source, "failed", f"reading the line raised {type(exc).__name__}: {exc}")


def _rows(table: str, rows: Iterable[dict[str, Any]]) -> Iterator[tuple[str, tuple]]:
    columns = TABLES[table][0]
    return ((table, spark_values(r, columns)) for r in rows)


def tagged_rows(item: Article | Skipped, counters: Counters) -> Iterator[tuple[str, tuple]]:
    """(table, row values) of one input item, counted."""
    result = code_or_skip(item) if isinstance(item, Article) else item
    if isinstance(result, CodedArticle):
        counters.processed.add(1)
        counters.events.add(len(result.events))
        yield from _rows("articles", [article_row(result)])
        yield from _rows("events", event_rows(result))
        yield from _rows("event_actors", event_actor_rows(result))
        return
    (counters.failed if result.reason == "failed" else counters.skipped).add(1)
    yield from _rows("skipped", [skipped_row(result)])


def code_partition(items: Iterable[Article | Skipped | None], counters: Counters) -> Iterator[tuple[str, tuple]]:
    warm_up()  # a Python worker may code several partitions: a quick call after its first
    for item in items:
        if item is not None:
            yield from tagged_rows(item, counters)


# --- driver -----------------------------------------------------------------------

def read_items(spark, paths: list[str], max_bytes: int = MAX_BYTES):
    """An RDD of Article | Skipped | None from WARC and JSON lines paths."""
    sc = spark.sparkContext
    warcs = [p for p in paths if is_warc(p)]
    lines = [p for p in paths if not is_warc(p)]
    rdds = []
    if warcs:
        rdds.append(sc.binaryFiles(",".join(warcs)).flatMap(lambda kv: warc_items(kv[0], kv[1], max_bytes)))
    if lines:
        frame = spark.read.text(lines).select("value", "_metadata.file_path")
        rdds.append(frame.rdd.map(lambda r: jsonl_item(r[0], r[1], max_bytes)))
    return sc.union(rdds)


def _write(spark, tagged, table: str, output: str, partition_by: str, mode: str) -> None:
    columns, key = TABLES[table]
    rows = tagged.filter(lambda t: t[0] == table).map(lambda t: t[1])
    frame = spark.createDataFrame(rows, spark_schema(columns)).dropDuplicates(list(key))
    writer = frame.write.mode(mode)
    if table == "events":
        writer = writer.partitionBy(partition_by)
    writer.parquet(f"{output.rstrip('/')}/{table}")


def spark_code(spark, paths: list[str], output: str, *, partition_by: str = "event_type",
               mode: str = "errorifexists", max_bytes: int = MAX_BYTES) -> SparkSummary:
    """Code every article under `paths` with an existing SparkSession; write Parquet under `output`."""
    from pyspark import StorageLevel

    if partition_by not in PARTITIONS:
        raise ValueError(f"partition_by must be one of {', '.join(PARTITIONS)}, not {partition_by!r}")
    sc = spark.sparkContext
    counters = Counters(*(sc.accumulator(0) for _ in Counters._fields))
    tagged = read_items(spark, list(paths), max_bytes).mapPartitions(partial(code_partition, counters=counters))
    tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)  # code once, write four tables
    try:
        for table in TABLES:
            _write(spark, tagged, table, output, partition_by, mode)
    finally:
        tagged.unpersist()
    return SparkSummary(*(c.value for c in counters), output=output)


def session(master: str | None = None, app_name: str = "hadath", config: dict[str, str] | None = None):
    """A SparkSession (master from spark-submit, else `master`, else local[*]); executors run this Python.

    `config`: Spark settings, e.g. {"spark.sql.shuffle.partitions": "2"} on a small machine.
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def run(paths: list[str], output: str, *, master: str | None = None, partition_by: str = "event_type",
        overwrite: bool = False, max_bytes: int = MAX_BYTES, config: dict[str, str] | None = None) -> SparkSummary:
    """Start Spark, code `paths` into Parquet under `output`, stop Spark."""
    spark = session(master, config=config)
    try:
        return spark_code(spark, paths, output, partition_by=partition_by,
                          mode="overwrite" if overwrite else "errorifexists", max_bytes=max_bytes)
    finally:
        spark.stop()
