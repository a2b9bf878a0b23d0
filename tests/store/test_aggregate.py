"""GDELT-style aggregates of stored events, and near-duplicate links."""

from __future__ import annotations

import pytest
from hadath_samples import KLD_GOV, S1, ZMB_GOV, article_one, article_two, coded

from hadath.store import DuckStore
from hadath.store.aggregate import (
    AGGREGATE_COLUMNS,
    add_links,
    aggregate_events,
    create_aggregate_view,
    links,
)

MEETING = {"s": 0, "type": "CONSULT", "mode": "visit", "trigger": "التقى", "actors": [ZMB_GOV],
           "recipients": [KLD_GOV], "date": "2024-03-04", "quad_class": 1}


def meeting(extra: str, goldstein: float, **article) -> object:
    return coded([S1, extra], [dict(MEETING, goldstein=goldstein)], **article)


@pytest.fixture
def reports():
    """article_one's meeting reported again: by another outlet, by its copy, by a site without outlet."""
    return [
        article_one(),  # CONSULT ZMB→KLD on 2024-03-04, goldstein 1.0, published 2024-03-05T10:00
        meeting("وقال المتحدث إن اللقاء كان وديا.", 3.0, outlet="وكالة الأنباء", published="2024-03-04",
                url="https://agency.test/1"),
        meeting("وقال المتحدث إن اللقاء كان وديا جدا.", 2.0, outlet="وكالة الأنباء", published="2024-03-06",
                url="https://agency.test/2"),
        meeting("تابعونا.", 2.0, url="https://blog.example.org:8080/post", published="2024-03-07"),
        article_two(),
    ]


@pytest.fixture
def store(reports):
    with DuckStore(":memory:") as s:
        s.write(reports)
        add_links(s, [(reports[2].article.id, reports[1].article.id, 0.9)])
        yield s


def _row(rows, event_type):
    (row,) = [r for r in rows if r["event_type"] == event_type]
    return row


def test_one_row_per_day_type_source_and_target(store):
    rows = aggregate_events(store)
    assert [(r["date"], r["event_type"], r["source_code"], r["target_code"]) for r in rows] == [
        ("2024-03-04", "CONSULT", "ZMB", "KLD"),
        ("2024-03-05", "ACCUSE", "KLD", None),
        ("2024-04-01", "ASSAULT", "ZMB", None),
    ]
    assert all(list(r) == [name for name, _ in AGGREGATE_COLUMNS] for r in rows)


def test_a_meeting_reported_four_times_counts_its_mentions_articles_stories_and_outlets(store, reports):
    row = _row(aggregate_events(store), "CONSULT")
    assert (row["num_mentions"], row["num_articles"], row["num_stories"], row["num_sources"]) == (4, 4, 3, 3)
    assert row["goldstein"] == pytest.approx((1.0 + 3.0 + 2.0 + 2.0) / 4)
    assert row["quad_class"] == 1


def test_first_and_last_mention_follow_publication(store, reports):
    row = _row(aggregate_events(store), "CONSULT")
    assert row["first_mention_id"] == reports[1].events[0].id  # published 2024-03-04
    assert row["last_mention_id"] == reports[3].events[0].id  # published 2024-03-07
    assert row["first_url"] == "https://agency.test/1"


def test_every_mention_keeps_its_event_row(store):
    assert store.counts()["events"] == sum(r["num_mentions"] for r in aggregate_events(store))


def test_the_view_gives_the_same_rows(store):
    create_aggregate_view(store)
    names = [name for name, _ in AGGREGATE_COLUMNS]
    view = [dict(zip(names, r)) for r in store.con.execute("SELECT * FROM event_aggregates").fetchall()]
    assert view == aggregate_events(store)


def test_without_links_table_copies_count_as_stories(reports, tmp_path):
    db = str(tmp_path / "events.duckdb")
    with DuckStore(db) as s:
        s.write(reports)
    with DuckStore(db, read_only=True) as s:
        assert links(s) == []
        row = _row(aggregate_events(s, limit=1), "CONSULT")
    assert row["num_stories"] == row["num_articles"] == 4


def test_a_linked_article_keeps_its_first_link(store, reports):
    add_links(store, [(reports[2].article.id, reports[3].article.id, 0.8)])
    assert [(r["duplicate_of"], r["similarity"]) for r in links(store)] == [(reports[1].article.id, 0.9)]
    add_links(store, [(reports[3].article.id, reports[1].article.id, 0.75), (reports[3].article.id, "x", 0.95)])
    assert [(r["article_id"], r["duplicate_of"]) for r in links(store)] == sorted(
        [(reports[2].article.id, reports[1].article.id), (reports[3].article.id, reports[1].article.id)])


def test_a_keyed_links_table_of_an_earlier_hadath_is_rebuilt_without_its_key(store, reports):
    store.con.execute("DROP TABLE article_links")
    store.con.execute("CREATE TABLE article_links (article_id VARCHAR PRIMARY KEY, duplicate_of VARCHAR, "
                      "similarity DOUBLE)")
    store.con.execute("INSERT INTO article_links VALUES (?, ?, 0.9)", [reports[2].article.id, reports[1].article.id])
    add_links(store, [(reports[2].article.id, "x", 0.8)])
    assert [(r["article_id"], r["duplicate_of"]) for r in links(store)] == [(reports[2].article.id, reports[1].article.id)]
    assert store.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'article_links'"
                             ).fetchone()[0] == 0


@pytest.mark.parametrize("fmt, expected", [
    ("table", "2024-03-04\tCONSULT\tZMB\tKLD\t4\t4\t4\t3"),
    ("csv", "2024-03-04,CONSULT,ZMB,KLD,4,4,4,3,"),
    ("jsonl", '"num_mentions": 4'),
])
def test_cli_prints_the_aggregates(reports, tmp_path, fmt, expected):
    from click.testing import CliRunner

    from hadath.cli import cli

    db = str(tmp_path / "events.duckdb")
    with DuckStore(db) as s:
        s.write(reports)
    result = CliRunner().invoke(cli, ["aggregate", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert expected in result.output
