"""The Spark job in local[2]: the same events as the local path, as partitioned Parquet."""

from __future__ import annotations

import pytest

from hadath.errors import MissingExtraError
from hadath.ingest import iter_inputs
from hadath.jobs import code_or_skip
from hadath.records import EVENT_COLUMNS, CodedArticle

from .news import STORIES, news_jsonl, news_warc

pytest.importorskip("pyspark", reason="needs the spark extra: pip install -e '.[dev,spark]'")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def spark():
    from hadath.spark.job import session

    spark = session("local[2]", app_name="hadath-tests",
                    config={"spark.sql.shuffle.partitions": "2", "spark.ui.enabled": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    (folder / "crawl.warc.gz").write_bytes(news_warc())
    (folder / "feed.jsonl").write_bytes(news_jsonl())
    return [str(folder / "crawl.warc.gz"), str(folder / "feed.jsonl")]


@pytest.fixture(scope="module")
def coded(spark, inputs, tmp_path_factory):
    from hadath.spark.job import spark_code

    output = tmp_path_factory.mktemp("out") / "parquet"
    summary = spark_code(spark, inputs, str(output))
    return summary, output


def _local_events(paths) -> dict[str, dict]:
    from hadath.export.rows import event_rows

    results = [code_or_skip(item) for item in iter_inputs(paths) if hasattr(item, "text")]
    return {r["event_id"]: r for c in results if isinstance(c, CodedArticle) for r in event_rows(c)}


def _parquet(folder) -> list[dict]:
    return pq.read_table(str(folder), partitioning="hive").to_pylist()


def test_parquet_events_equal_the_local_events(coded, inputs):
    _, output = coded
    local = _local_events(inputs)
    spark_rows = {r["event_id"]: r for r in _parquet(output / "events")}
    assert set(spark_rows) == set(local) and local
    names = [name for name, _ in EVENT_COLUMNS]
    assert all({n: spark_rows[i][n] for n in names} == local[i] for i in local)


def test_events_are_partitioned_by_event_type(coded):
    _, output = coded
    folders = {p.name for p in (output / "events").iterdir() if p.is_dir()}
    assert "event_type=CONSULT" in folders and "event_type=AGREE" in folders


def test_articles_are_stored_once_with_their_urls(coded):
    _, output = coded
    rows = _parquet(output / "articles")
    assert len(rows) == len({r["article_id"] for r in rows}) == 2 * len(STORIES)
    assert {r["url"] for r in rows} == {s[0] for s in STORIES}


def test_bad_records_are_counted_and_written_never_fatal(coded):
    summary, output = coded
    assert (summary.processed, summary.skipped, summary.failed) == (2 * len(STORIES), 3, 0)
    assert summary.events == len(_parquet(output / "events"))
    reasons = sorted(r["reason"] for r in _parquet(output / "skipped"))
    assert reasons == ["bad-json", "not-arabic", "not-html"]


class _Count:
    """A stand-in for a Spark accumulator (the pure per-partition function runs without Spark)."""

    def __init__(self):
        self.value = 0

    def add(self, n: int) -> None:
        self.value += n


def test_a_coder_error_is_counted_as_failed_and_the_partition_goes_on(inputs, monkeypatch):
    import hadath.jobs
    from hadath.spark.job import Counters, code_partition

    def broken(article):
        if "تونس" in article.text:
            raise ValueError("boom")
        return original(article)

    original = hadath.jobs.code_article
    monkeypatch.setattr(hadath.jobs, "code_article", broken)
    counters = Counters(_Count(), _Count(), _Count(), _Count())
    rows = list(code_partition([None, *iter_inputs(inputs[:1])], counters))
    assert (counters.processed.value, counters.skipped.value, counters.failed.value) == (len(STORIES) - 1, 1, 1)
    assert [values[1] for table, values in rows if table == "skipped"] == ["not-html", "failed"]


def test_missing_pyspark_says_how_to_install_it(monkeypatch):
    import sys

    from hadath.spark.schema import require_pyspark

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtraError, match=r"hadath\[spark\]"):
        require_pyspark()


def test_cli_without_pyspark_says_how_to_install_it(monkeypatch, tmp_path):
    import sys

    from click.testing import CliRunner

    from hadath.cli import cli

    monkeypatch.setitem(sys.modules, "pyspark", None)
    result = CliRunner().invoke(cli, ["spark-code", "news.jsonl", "--output", str(tmp_path / "out")])
    assert result.exit_code == 1 and "pip install 'hadath[spark]'" in result.output


def test_cli_rejects_a_setting_without_value(tmp_path):
    from click.testing import CliRunner

    from hadath.cli import cli

    result = CliRunner().invoke(cli, ["spark-code", "a.jsonl", "--output", str(tmp_path), "--conf", "spark.x"])
    assert result.exit_code == 2 and "KEY=VALUE" in result.output


def test_an_unknown_partition_column_is_refused():
    from hadath.spark.job import spark_code

    with pytest.raises(ValueError, match="event_type, date"):
        spark_code(None, ["a.jsonl"], "out", partition_by="outlet")
