from __future__ import annotations

import json

import pytest
from hadath_samples import article_one, article_two, article_without_events

from hadath.errors import DataError
from hadath.export.rows import (
    article_from_row,
    article_row,
    arrow_schema,
    duckdb_type,
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
    Skipped,
)


def names(columns):
    return [name for name, _ in columns]


@pytest.mark.parametrize("rows, columns", [
    (lambda: [article_row(article_one())], ARTICLE_COLUMNS),
    (lambda: event_rows(article_one()), EVENT_COLUMNS),
    (lambda: event_actor_rows(article_two()), EVENT_ACTOR_COLUMNS),
    (lambda: [skipped_row(Skipped("f.jsonl:2", "empty", "لا نص"))], SKIPPED_COLUMNS),
])
def test_row_keys_are_the_schema_columns_in_order(rows, columns):
    for row in rows():
        assert list(row) == names(columns)


@pytest.mark.parametrize("columns", [ARTICLE_COLUMNS, EVENT_COLUMNS, EVENT_ACTOR_COLUMNS, SKIPPED_COLUMNS])
def test_arrow_schema_is_derived_from_the_columns(columns):
    assert arrow_schema(columns).names == names(columns)


@pytest.mark.parametrize("logical, sql", [("string", "VARCHAR"), ("int", "BIGINT"), ("float", "DOUBLE"),
                                          ("bool", "BOOLEAN"), ("json", "VARCHAR")])
def test_duckdb_type_of_each_logical_type(logical, sql):
    assert duckdb_type(logical) == sql


def test_unknown_logical_type_is_a_data_error():
    with pytest.raises(DataError, match="unknown logical column type"):
        duckdb_type("decimal")


def test_event_row_takes_source_and_target_from_the_first_actor_and_recipient():
    row = event_rows(article_one())[0]
    assert (row["source_code"], row["source_sector"], row["source_name"], row["source_text"]) == (
        "ZMB", "GOV", "Zembra", "وزير خارجية زمبرا")
    assert (row["target_code"], row["target_text"]) == ("KLD", "نظيره الكالدوني")


def test_event_row_without_recipient_has_null_target():
    row = event_rows(article_one())[1]
    assert [row[f"target_{k}"] for k in ("code", "sector", "name", "text")] == [None] * 4


def test_event_row_carries_sentence_url_and_outlet():
    c = article_one()
    row = event_rows(c)[1]
    assert row["sentence"] == c.sentence_text(1)
    assert (row["url"], row["outlet"]) == ("https://example.test/a1", "صحيفة الغد")


def test_json_columns_are_json_text():
    row = event_rows(article_two())[0]
    assert row["casualties"] == '{"killed": 3}'
    assert json.loads(event_rows(article_one())[0]["casualties"]) == {}


def test_event_actor_rows_keep_role_and_position():
    rows = event_actor_rows(article_two())
    assert [(r["role"], r["position"], r["sector"]) for r in rows] == [("actor", 0, "REB"), ("actor", 1, "MIL")]


def test_article_row_counts_sentences_and_events():
    row = article_row(article_one())
    assert (row["n_sentences"], row["n_events"], row["coder_version"]) == (2, 2, "0.1.0")
    assert article_row(article_without_events())["n_events"] == 0


def test_events_and_articles_are_rebuilt_from_their_rows():
    c = article_one()
    actors = event_actor_rows(c)
    for event, row in zip(c.events, event_rows(c)):
        assert event_from_rows(row, [a for a in actors if a["event_id"] == event.id]) == event
    assert article_from_row(article_row(c)) == c.article
