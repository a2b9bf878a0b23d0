from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hadath_samples import article_one, article_two, coded

from hadath.errors import StoreError
from hadath.records import Skipped
from hadath.store import TABLES, DuckStore
from hadath.store import duckdb_store
from hadath.export.rows import duckdb_type
from hadath.store.duckdb_store import create_table_sql, version_key

EXPECTED_COUNTS = {"articles": 3, "events": 3, "event_actors": 5, "skipped": 0, "runs": 0}


def columns_of(store: DuckStore, table: str) -> list[tuple[str, str]]:
    return store.con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()


@pytest.mark.parametrize("table", list(TABLES))
def test_table_columns_are_derived_from_the_schema_list(store, table):
    columns, _ = TABLES[table]
    assert [name for name, _ in columns_of(store, table)] == [name for name, _ in columns]


def test_event_table_types_follow_logical_types(store):
    types = dict(columns_of(store, "events"))
    assert (types["quad_class"], types["goldstein"], types["negated"], types["casualties"]) == (
        "BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR")


def test_no_table_has_a_key_index(store):
    """DuckDB keeps a key's index in the writer's capped buffer (module doc): none is declared."""
    assert store.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type IN "
                             "('PRIMARY KEY', 'UNIQUE')").fetchone()[0] == 0
    assert all("KEY" not in create_table_sql(t) for t in duckdb_store.STORED)


@pytest.mark.parametrize("table", list(TABLES))
def test_keys_stay_unique_without_an_index(store, samples, table):
    store.write(samples + samples)
    store.write([article_one("0.10.0"), article_one("0.10.0"), article_two()])
    store.add_skipped([Skipped("a.html", "not-arabic", "first"), Skipped("a.html", "empty", "second")])
    store.add_skipped([Skipped("a.html", "binary", "third")])
    key = ", ".join(TABLES[table][1])
    n, distinct = store.con.execute(f"SELECT count(*), count(DISTINCT ({key})) FROM {table}").fetchone()
    assert n == distinct
    assert [r[0] for r in store.con.execute("SELECT reason FROM skipped").fetchall()] == ["not-arabic"]


def test_article_text_is_stored_in_parts_and_read_whole(monkeypatch, samples):
    monkeypatch.setattr(duckdb_store, "TEXT_PART_CHARS", 7)
    with DuckStore(":memory:") as s:
        s.write(samples)
        texts = {c.article.id: c.article.text for c in samples}
        n_parts = s.con.execute("SELECT count(*) FROM article_text").fetchone()[0]
        assert n_parts == sum(-(-len(t) // 7) for t in texts.values())
        assert dict(s.con.execute("SELECT article_id, text FROM articles").fetchall()) == texts
        assert {r["article_id"]: r["text"] for b in s.batches("articles", batch_size=2) for r in b} == texts
        one = next(iter(texts))
        assert [r["text"] for r in s.rows_where_in("articles", "article_id", [one])] == [texts[one]]


def test_text_parts_cover_the_text():
    assert duckdb_store.text_parts("", 3) == []
    assert duckdb_store.text_parts("abcdefg", 3) == ["abc", "def", "g"]


def test_a_file_of_the_earlier_layout_is_upgraded_when_opened_to_write(tmp_path, samples):
    """Earlier hadath wrote an `articles` table and primary keys; a writer converts the file."""
    import duckdb

    path = tmp_path / "old.duckdb"
    with DuckStore(":memory:") as s:
        s.write(samples)
        old = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    with duckdb.connect(str(path)) as con:
        for table, (columns, key) in TABLES.items():
            cols = ", ".join(f'"{n}" {duckdb_type(logical)}' for n, logical in columns)
            con.execute(f"CREATE TABLE {table} ({cols}, PRIMARY KEY ({', '.join(key)}))")
            if old[table]:
                con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", old[table])
    with DuckStore(path, read_only=True) as s:  # a reader reads it as it is
        assert {r["article_id"] for r in s.rows_where_in("articles", "article_id", [c.article.id for c in samples])} \
            == {c.article.id for c in samples}
    with DuckStore(path) as s:
        assert {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES} == old
        assert s.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
                             ).fetchone()[0] == 0
        assert s.write(samples) == 0
        assert s.counts() == EXPECTED_COUNTS


def test_write_stores_every_table(store):
    assert store.counts() == EXPECTED_COUNTS


def test_rewriting_the_same_articles_adds_nothing(store, samples):
    assert store.write(samples) == 0
    assert store.write([article_one()]) == 0
    assert store.counts() == EXPECTED_COUNTS


def test_duplicates_inside_one_batch_are_written_once():
    with DuckStore(":memory:") as s:
        assert s.write([article_two(), article_two()]) == 1
        assert s.counts()["events"] == 1


def test_newer_coder_version_replaces_the_articles_events(store):
    newer = article_one("0.10.0")
    newer.events = newer.events[:1]
    newer.events[0].event_type = "AGREE"
    newer.events[0].id = ""
    newer.events[0].__post_init__()
    assert store.write([newer]) == 1
    rows = store.query_events(outlet="صحيفة الغد")
    assert [(r["event_type"], r["coder_version"]) for r in rows] == [("AGREE", "0.10.0")]
    assert store.counts()["events"] == 2
    assert store.counts()["event_actors"] == 4  # the old events' actors went with them


def test_newer_coder_version_with_the_same_event_ids_replaces_them(store):
    assert store.write([article_one("0.2.0")]) == 1
    assert store.counts() == EXPECTED_COUNTS
    assert {r["coder_version"] for r in store.query_events(outlet="صحيفة الغد")} == {"0.2.0"}


def test_known_ids_with_a_coder_version_leaves_out_older_codings(store):
    store.write([article_one("0.3.0")])
    one, two = article_one().article.id, article_two().article.id
    assert store.known_ids([one, two], coder_version="0.3.0") == {one}
    assert store.has_article(two, coder_version="0.1.0")


def test_older_coder_version_does_not_replace(store):
    assert store.write([article_one("0.0.9")]) == 0
    assert {r["coder_version"] for r in store.query_events()} == {"0.1.0"}


@pytest.mark.parametrize("older, newer", [("0.1.0", "0.1.1"), ("0.9.0", "0.10.0"), ("0.1", "0.1.0"),
                                          ("1.0.0", "2.0.0")])
def test_versions_compare_numerically(older, newer):
    assert version_key(older) < version_key(newer)


def test_has_article_and_known_ids(store):
    one = article_one().article.id
    assert store.has_article(one)
    assert not store.has_article("0000000000000000")
    assert store.known_ids([one, "nope", article_two().article.id]) == {one, article_two().article.id}
    assert store.known_ids([]) == set()


def test_add_skipped_is_idempotent_by_source(store):
    items = [Skipped("in.jsonl:3", "empty", "no text"), Skipped("in.jsonl:9", "not-arabic", "النص ليس عربيا")]
    store.add_skipped(items)
    store.add_skipped(items + [Skipped("in.jsonl:3", "binary", "changed reason")])
    assert store.counts()["skipped"] == 2
    assert store.con.execute("SELECT reason FROM skipped WHERE source = 'in.jsonl:3'").fetchone() == ("empty",)


def test_runs_are_started_and_finished(store):
    run = store.start_run()
    store.finish_run(run, processed=3, skipped=1, failed=0)
    row = store.con.execute("SELECT processed, skipped, failed, finished IS NOT NULL FROM runs").fetchone()
    assert row == (3, 1, 0, True)


def test_a_failing_batch_writes_nothing():
    bad = article_two()
    bad.events[0].trigger_start = "not a number"
    with DuckStore(":memory:") as s, pytest.raises(StoreError, match="does not fit the schema"):
        s.write([article_one(), bad])
    with DuckStore(":memory:") as s:
        with pytest.raises(StoreError):
            s.write([article_one(), bad])
        assert s.counts() == {t: 0 for t in TABLES}


# --- queries ------------------------------------------------------------------------

@pytest.mark.parametrize("filters, expected_types", [
    ({}, ["CONSULT", "ACCUSE", "ASSAULT"]),
    ({"actor": "ZMB"}, ["CONSULT", "ASSAULT"]),
    ({"actor": "ZMB-MIL"}, ["ASSAULT"]),  # the second of a compound actor
    ({"recipient": "KLD"}, ["CONSULT"]),
    ({"recipient": "KLD-GOV"}, ["CONSULT"]),
    ({"event_type": "accuse"}, ["ACCUSE"]),
    ({"since": "2024-03-05"}, ["ACCUSE", "ASSAULT"]),
    ({"until": "2024-03-05"}, ["CONSULT", "ACCUSE"]),
    ({"since": "2024-03-05", "until": "2024-03-05"}, ["ACCUSE"]),
    ({"outlet": "وكالة الأنباء"}, ["ASSAULT"]),
    ({"text": "القافلة"}, ["ACCUSE"]),
    ({"text": "%"}, []),  # no LIKE wildcards
    ({"quad_class": 4}, ["ASSAULT"]),
    ({"limit": 1}, ["CONSULT"]),
    ({"limit": 2, "offset": 1}, ["ACCUSE", "ASSAULT"]),
])
def test_query_events_filters(shared_store, filters, expected_types):
    assert [r["event_type"] for r in shared_store.query_events(**filters)] == expected_types


@pytest.mark.parametrize("filters", [{}, {"actor": "ZMB"}, {"recipient": "KLD-GOV"}, {"event_type": "accuse"},
                                     {"since": "2024-03-05"}, {"text": "القافلة"}, {"quad_class": 4}, {"text": "%"}])
def test_event_ids_are_the_ids_query_events_returns_in_its_order(shared_store, filters):
    assert shared_store.event_ids(**filters) == [r["event_id"] for r in shared_store.query_events(**filters)]


def test_events_by_id_keeps_the_order_asked_and_leaves_out_unknown_ids(shared_store):
    ids = shared_store.event_ids()
    asked = [ids[2], "no-such-event", ids[0]]
    assert [r["event_id"] for r in shared_store.events_by_id(asked)] == [ids[2], ids[0]]
    assert shared_store.events_by_id([]) == []


def test_a_cursor_reads_the_same_database_from_another_thread(shared_store):
    from concurrent.futures import ThreadPoolExecutor

    def read() -> list[str]:
        cursor = shared_store.cursor()
        try:
            return cursor.event_ids()
        finally:
            cursor.close()

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: read(), range(8)))
    assert answers == [shared_store.event_ids()] * 8  # and closing the cursors left the store open


def test_query_events_returns_flat_rows(shared_store):
    row = shared_store.query_events(event_type="ASSAULT")[0]
    assert row["source_code"] == "ZMB" and row["target_code"] is None
    assert row["casualties"] == '{"killed": 3}'
    assert row["sentence"].startswith("وقتل ثلاثة")


INJECTIONS = [
    "'; DROP TABLE events; --",
    "ZMB' OR '1'='1",
    "\" OR 1=1 --",
    "1); DELETE FROM articles; --",
    "%' UNION SELECT * FROM articles --",
    "زمبرا'; DROP TABLE event_actors; --",
]
TEXT_FILTERS = ["actor", "recipient", "event_type", "outlet", "text"]


@pytest.mark.parametrize("attack", INJECTIONS)
@pytest.mark.parametrize("name", TEXT_FILTERS)
def test_sql_injection_through_text_filters_matches_nothing(shared_store, name, attack):
    assert shared_store.query_events(**{name: attack}) == []
    assert shared_store.counts() == EXPECTED_COUNTS


@pytest.mark.parametrize("attack", INJECTIONS + [True, -1, 2.5])
@pytest.mark.parametrize("name", ["since", "until", "quad_class", "limit", "offset"])
def test_sql_injection_through_number_filters_is_refused(shared_store, name, attack):
    with pytest.raises(StoreError, match=name):
        shared_store.query_events(**{name: attack})
    assert shared_store.counts() == EXPECTED_COUNTS


# --- opening ----------------------------------------------------------------------

def test_a_second_writer_gets_a_clear_lock_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="database is locked by another hadath process"):
            DuckStore(path)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    with DuckStore(path) as s:  # usable again once the other process is gone
        assert s.counts()["events"] == 0


def test_store_persists_on_disk_and_reopens_read_only(tmp_path, samples):
    path = tmp_path / "h.duckdb"
    with DuckStore(path) as s:
        s.write(samples)
    with DuckStore(path, read_only=True) as s:
        assert s.counts() == EXPECTED_COUNTS
        with pytest.raises(StoreError):
            s.write([coded(["خبر جديد لم يخزن بعد."], [])])


def test_read_only_on_a_missing_file_says_so(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        DuckStore(tmp_path / "missing.duckdb", read_only=True)


def test_a_database_with_another_schema_is_refused(tmp_path):
    path = tmp_path / "old.duckdb"
    import duckdb

    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE events (event_id VARCHAR PRIMARY KEY, old_column VARCHAR)")
    with pytest.raises(StoreError, match="table events has columns"):
        DuckStore(path)


def test_a_batch_longer_than_one_write_chunk_is_written_whole(monkeypatch, samples):
    """Long batches go in several transactions (bounded DuckDB memory); the stored
    rows are those of one transaction, and a newer coding still replaces the older."""
    monkeypatch.setattr(duckdb_store, "WRITE_CHUNK_CHARS", 1)  # one article per transaction
    with DuckStore(":memory:") as s:
        assert s.write(samples) == len(samples)
        assert s.counts() == EXPECTED_COUNTS
        assert s.write([article_one("0.2.0"), article_one("0.1.0")]) == 1
        assert {r["coder_version"] for r in s.query_events(outlet="صحيفة الغد")} == {"0.2.0"}
        assert s.counts() == EXPECTED_COUNTS


def test_write_chunks_keep_order_and_bound_text(samples):
    from hadath.export.rows import article_rows

    rows = [article_rows(c) for c in samples]
    sizes = [len(r.article["text"]) for r in rows]
    chunks = list(duckdb_store._text_chunks(rows, max(sizes)))
    assert [r for c in chunks for r in c] == rows
    assert all(len(c) == 1 or sum(len(r.article["text"]) for r in c) <= max(sizes) for c in chunks)
    assert len(list(duckdb_store._text_chunks(rows, sum(sizes)))) == 1


def test_a_full_duckdb_buffer_says_how_to_go_on(monkeypatch):
    """Should DuckDB's capped buffer run out all the same, the error names the setting to
    raise and says that the committed rows are kept."""
    import duckdb

    class Full:
        def execute(self, sql, params):
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data of size 16.0 MiB")

    monkeypatch.setenv("HADATH_DUCKDB_MEMORY", "96MB")
    with DuckStore(":memory:") as s:
        real, s.con = s.con, Full()
        try:
            with pytest.raises(StoreError, match=r"buffer \(96MB\).*HADATH_DUCKDB_MEMORY higher.*kept"):
                s._sql("SELECT 1")
        finally:
            s.con = real


def test_a_capped_writer_stores_many_long_texts(tmp_path, monkeypatch):
    """40 MB of 100 KB texts through a 16 MB buffer. Stored whole (one part per text),
    DuckDB 2.0 held them in the buffer and the checkpoint failed after about 16 MB."""
    import copy

    from hadath.export.rows import article_rows

    monkeypatch.setenv("HADATH_DUCKDB_MEMORY", "16MB")
    base = article_rows(article_two())
    long_text = ("نص طويل جدا " * 10_000)[:100_000]
    with DuckStore(tmp_path / "long.duckdb") as s:
        for b in range(4):
            rows = []
            for i in range(50):
                r = copy.deepcopy(base)
                r.article_id = r.article["article_id"] = f"a{b}-{i}"
                r.article["text"] = f"{b}-{i} {long_text}"
                for e in r.events:
                    e["article_id"], e["event_id"] = r.article_id, f"{r.article_id}-{e['event_id']}"
                for a in r.event_actors:
                    a["event_id"] = f"{r.article_id}-{a['event_id']}"
                rows.append(r)
            assert s.write_rows(rows) == 50
        assert s.counts()["articles"] == 200
        assert s.rows_where_in("articles", "article_id", ["a3-7"])[0]["text"] == f"3-7 {long_text}"


def test_the_buffer_cap_is_the_callers_unless_the_environment_sets_it(monkeypatch):
    def cap(**kw):
        with DuckStore(":memory:", **kw) as s:
            return s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    monkeypatch.delenv("HADATH_DUCKDB_MEMORY", raising=False)
    assert cap() == cap(memory_limit=duckdb_store.WRITER_MEMORY) != cap(memory_limit="1GB")
    monkeypatch.setenv("HADATH_DUCKDB_MEMORY", "1GB")
    assert cap() == cap(memory_limit="64MB")
