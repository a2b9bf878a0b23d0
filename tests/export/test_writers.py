from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hadath_samples import article_one, article_two

from hadath.errors import StoreError
from hadath.export import FORMATS, Writer, event_rows, export
from hadath.export.plover import plover_record
from hadath.records import EVENT_COLUMNS, SKIPPED_COLUMNS, Skipped

COLUMNS = [name for name, _ in EVENT_COLUMNS]


def read_back(fmt, path):
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    text = path.read_text(encoding="utf-8")
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    return [json.loads(line) for line in text.splitlines()]


def plover_of(coded):
    return [plover_record(e, c.article, c.sentence_text(e.sentence_index)) for c in coded for e in c.events]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_coded_articles_and_of_the_store_agree(shared_store, samples, tmp_path, fmt):
    a, b = tmp_path / "a", tmp_path / "b"
    assert export(samples, fmt, a) == 3
    assert export(shared_store, fmt, b, batch_size=2) == 3
    assert sorted(map(str, read_back(fmt, a))) == sorted(map(str, read_back(fmt, b)))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_flat_exports_hold_event_rows(samples, tmp_path, fmt):
    export(samples, fmt, tmp_path / "out")
    assert read_back(fmt, tmp_path / "out") == [r for c in samples for r in event_rows(c)]


def test_plover_export_holds_plover_records(shared_store, samples, tmp_path):
    export(shared_store, "plover", tmp_path / "p.jsonl")
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(read_back("plover", tmp_path / "p.jsonl"), key=key) == sorted(plover_of(samples), key=key)


@pytest.mark.parametrize("fmt", ["jsonl", "plover", "csv"])
def test_text_exports_write_arabic_unescaped_utf8(samples, tmp_path, fmt):
    export(samples, fmt, tmp_path / "out")
    raw = (tmp_path / "out").read_bytes().decode("utf-8")
    assert "التقى" in raw and "\\u06" not in raw


def test_csv_has_the_schema_header_and_lowercase_booleans(samples, tmp_path):
    export(samples, "csv", tmp_path / "e.csv")
    rows = read_back("csv", tmp_path / "e.csv")
    assert list(rows[0]) == COLUMNS
    assert {r["negated"] for r in rows} == {"false"}
    assert rows[1]["target_code"] == ""


def test_export_to_stdout(samples, capsysbinary):
    export(samples, "jsonl", "-")
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert [json.loads(line)["event_type"] for line in lines] == ["CONSULT", "ACCUSE", "ASSAULT"]


def test_export_to_an_open_text_file(samples):
    out = io.StringIO()
    export(samples, "plover", out)
    assert len(out.getvalue().splitlines()) == 3


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_empty_export_still_has_the_schema(tmp_path, fmt):
    assert export([], fmt, tmp_path / "empty") == 0
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "empty").schema.names == COLUMNS
    else:
        assert (tmp_path / "empty").read_text(encoding="utf-8").strip() == ",".join(COLUMNS)


def test_other_tables_export(store, tmp_path):
    store.add_skipped([Skipped("x.jsonl:1", "bad-json", "سطر غير صالح")])
    assert export(store, "csv", tmp_path / "s.csv", table="skipped") == 1
    assert list(read_back("csv", tmp_path / "s.csv")[0]) == [n for n, _ in SKIPPED_COLUMNS]
    assert export(store, "jsonl", tmp_path / "a.jsonl", table="articles") == 3


def test_writer_streams_batches(tmp_path):
    with Writer("parquet", tmp_path / "w.parquet") as w:
        w.write_coded([article_one()])
        w.write_coded([article_two()])
    assert w.count == 3 and pq.read_table(tmp_path / "w.parquet").num_rows == 3


@pytest.mark.parametrize("args, message", [
    (("xml", "-"), "unknown export format"),
    (("jsonl", "-", "nope"), "cannot export table"),
    (("plover", "-", "articles"), "events only"),
    (("parquet", io.StringIO()), "parquet is binary"),
])
def test_bad_writer_arguments_are_refused(args, message):
    with pytest.raises(StoreError, match=message):
        Writer(*args)


def test_unwritable_path_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot write"):
        export([], "jsonl", tmp_path / "no" / "such" / "dir.jsonl")
