"""The command line, run in-process on the project's own sample and fixtures."""

from __future__ import annotations

import json
from importlib.resources import files

import duckdb
import pytest
from click.testing import CliRunner

from hadath.cli import cli

SAMPLE = str(files("hadath").joinpath("data/sample.ar.txt"))
SENTENCE = "اعتقلت الشرطة المصرية عشرات الناشطين في القاهرة."


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "news"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(open(SAMPLE, encoding="utf-8").read(), encoding="utf-8")
    (d / "sub" / "b.jsonl").write_text(json.dumps({
        "id": "b1", "url": "https://example.org/b1", "title": "عنوان", "date": "2024-05-02",
        "text": "أدانت وزارة الخارجية القطرية الهجوم الإسرائيلي على مدينة رفح."}, ensure_ascii=False) + "\n"
        + "this line is not json\n", encoding="utf-8")
    (d / "english.txt").write_text("The minister met his counterpart in Paris on Monday. " * 5, encoding="utf-8")
    return d


def test_code_prints_events_with_glosses(runner):
    result = runner.invoke(cli, ["code", SAMPLE])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "Egypt" in result.output and "sentence" in result.output


def test_code_reads_stdin_and_prints_plover_jsonl(runner):
    result = runner.invoke(cli, ["code", "-", "--format", "jsonl"], input=SENTENCE)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and records[0]["event"] == ["COERCE"]
    assert records[0]["text"] == SENTENCE and "الشرطة" in result.output  # Arabic unescaped


def test_ingest_twice_adds_nothing_and_counts_skips(runner, corpus, tmp_path):
    db = str(tmp_path / "e.duckdb")
    first = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet", "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "processed 2" in first.output and "skipped 2" in first.output
    counts = _counts(db)
    second = runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet", "--workers", "1"])
    assert second.exit_code == 0 and "processed 0" in second.output and "already stored 2" in second.output
    assert _counts(db) == counts and counts["events"] > 0


def _counts(db):
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "event_actors", "skipped")}
    finally:
        con.close()


@pytest.mark.parametrize("fmt,marker", [("table", "event_type"), ("jsonl", '"event_type"'), ("csv", "event_id,")])
def test_events_query_formats(runner, corpus, tmp_path, fmt, marker):
    db = str(tmp_path / "e.duckdb")
    runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet", "--workers", "1"])
    result = runner.invoke(cli, ["events", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert marker in result.output


def test_events_filter_by_actor_and_type(runner, corpus, tmp_path):
    db = str(tmp_path / "e.duckdb")
    runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet", "--workers", "1"])
    rows = [json.loads(x) for x in runner.invoke(
        cli, ["events", "--db", db, "--actor", "QAT", "--type", "ACCUSE", "--format", "jsonl"]).output.splitlines()]
    assert rows and all(r["event_type"] == "ACCUSE" for r in rows)


@pytest.mark.parametrize("fmt", ["jsonl", "plover", "csv", "parquet"])
def test_export_every_format(runner, corpus, tmp_path, fmt):
    db, out = str(tmp_path / "e.duckdb"), tmp_path / f"out.{fmt}"
    runner.invoke(cli, ["ingest", str(corpus), "--db", db, "--quiet", "--workers", "1"])
    result = runner.invoke(cli, ["export", "--db", db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_actors_explains_each_mention(runner):
    result = runner.invoke(cli, ["actors", "قال وزير الخارجية الروسي إن موسكو مستعدة للحوار", "--json"])
    rows = json.loads(result.output)
    assert {r["code"] for r in rows} == {"RUS"} and all(r["rule"] for r in rows)


def test_actors_prints_one_line_per_mention_with_its_span(runner):
    text = "قال وزير الخارجية الروسي إن موسكو مستعدة للحوار"
    result = runner.invoke(cli, ["actors", text])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and all("\tRUS\t" in line for line in lines)
    start, end = map(int, lines[1].split("\t")[4].strip("[]").split(":"))
    assert text[start:end] == "موسكو"


def test_demo_on_builtin_sample(runner, tmp_path):
    db = str(tmp_path / "demo.duckdb")
    result = runner.invoke(cli, ["demo", "--db", db, "--input", SAMPLE])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "processed 1" in result.output


def test_missing_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code != 0 and "Traceback" not in result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_help_has_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
