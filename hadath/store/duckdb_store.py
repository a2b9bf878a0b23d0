"""DuckDB store of coded articles: one file, five tables, idempotent writes.

Tables and their columns come from the schema lists in `hadath.records`
(plus `RUN_COLUMNS` here): `articles` (key article_id), `events` (key
event_id), `event_actors` (key event_id, role, position), `skipped` (key
source) and `runs` (key run_id).

Bounded memory, whatever the size of the file (a writer caps DuckDB's buffer):
  * no PRIMARY KEY constraints: DuckDB keeps such an index (ART) in its buffer,
    where it grows with every row until a capped writer runs out of memory. The
    writer keeps the keys unique itself (below), so no index is needed.
  * `articles` is a view: its columns but the text live in `article_fields`, the
    text in `article_text`, cut into parts of at most `TEXT_PART_CHARS`
    characters. DuckDB 2.0 holds the storage of long strings in its buffer at
    checkpoints, so a capped writer failed after some hundred articles of 100 KB;
    parts this short it writes out like any other value.
  Files written by hadath 0.x before this layout are converted when a writer opens
  them (`_upgrade`); readers read both layouts.

Re-writing rule, per article id:
  * not stored yet                      -> inserted;
  * stored by the same or a newer coder -> left as it is (the write adds nothing);
  * stored by an older coder_version    -> its article row, events and event
    actors are deleted and the new coding is inserted, in the same transaction.
Versions compare numerically part by part ("0.10.0" > "0.9.2").

Every query binds its values as parameters; no value is ever formatted into SQL.
DuckDB allows one writing process per file: a second one gets a StoreError.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from hadath import __version__
from hadath.errors import StoreError
from hadath.export.rows import (
    ArticleRows,
    article_rows,
    arrow_schema,
    duckdb_type,
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

RUN_COLUMNS: list[tuple[str, str]] = [
    ("run_id", "string"),
    ("started", "string"),  # ISO 8601 UTC
    ("finished", "string"),  # null while running, or if the run died
    ("processed", "int"),
    ("skipped", "int"),
    ("failed", "int"),
    ("coder_version", "string"),
]

# table -> (columns, key: unique in the table, kept so by the writer)
TABLES: dict[str, tuple[list[tuple[str, str]], tuple[str, ...]]] = {
    "articles": (ARTICLE_COLUMNS, ("article_id",)),
    "events": (EVENT_COLUMNS, ("event_id",)),
    "event_actors": (EVENT_ACTOR_COLUMNS, ("event_id", "role", "position")),
    "skipped": (SKIPPED_COLUMNS, ("source",)),
    "runs": (RUN_COLUMNS, ("run_id",)),
}

# how each table is ordered when read back (stable exports)
ORDER_BY = {
    "articles": "article_id",
    "events": "date NULLS LAST, article_id, sentence_index, trigger_start, event_id",
    "event_actors": "event_id, role, position",
    "skipped": "source",
    "runs": "started, run_id",
}


TEXT_PART_CHARS = 3_000  # article text is stored in parts this long at most (module doc)
ARTICLE_FIELDS = [c for c in ARTICLE_COLUMNS if c[0] != "text"]
TEXT_COLUMNS: list[tuple[str, str]] = [("article_id", "string"), ("part", "int"), ("text", "string")]

# the tables on disk: `articles` is a view over the first two
STORED: dict[str, list[tuple[str, str]]] = {
    "article_fields": ARTICLE_FIELDS,
    "article_text": TEXT_COLUMNS,
    **{table: columns for table, (columns, _) in TABLES.items() if table != "articles"},
}


def create_table_sql(table: str) -> str:
    """The CREATE TABLE statement of a stored table, derived from its schema list
    (no key constraint: see the module doc)."""
    cols = ", ".join(f'"{name}" {duckdb_type(logical)}' for name, logical in STORED[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


def _articles_sql(where: str = "") -> str:
    """A SELECT of `articles` rows (columns in schema order) from the stored tables;
    `where` (on article_id) filters both before the text parts are joined."""
    cols = ", ".join("coalesce(t.text, '') AS text" if name == "text" else f'f."{name}"'
                     for name, _ in ARTICLE_COLUMNS)
    return (f"SELECT {cols} FROM (SELECT * FROM article_fields {where}) f LEFT JOIN "
            f"(SELECT article_id, string_agg(text, '' ORDER BY part) AS text FROM article_text {where} "
            f"GROUP BY article_id) t ON t.article_id = f.article_id")


def text_parts(text: str, size: int | None = None) -> list[str]:
    """`text` cut into parts of at most `size` (`TEXT_PART_CHARS`) characters; none for ''."""
    size = size or TEXT_PART_CHARS
    return [text[i : i + size] for i in range(0, len(text), size)]


def column_list(table: str) -> str:
    columns = TABLES[table][0] if table in TABLES else STORED[table]
    return ", ".join(f'"{name}"' for name, _ in columns)


def version_key(version: str | None) -> tuple:
    """Sort key of a version string: numeric parts compare as numbers."""
    parts = re.split(r"[.\-+]", version or "")
    return tuple((0, int(p), "") if p.isdecimal() else (1, 0, p) for p in parts)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _open_error(path: str, exc: Exception) -> StoreError:
    message = str(exc).lower()
    if "conflicting lock" in message or "could not set lock" in message:
        return StoreError(
            f"database is locked by another hadath process: {path} ({exc}). "
            "Wait for that process to finish, or write to another database file."
        )
    return StoreError(f"cannot open database {path}: {exc}")


def _hint(exc: Exception, limit: str | None) -> str:
    """What to do about an error DuckDB's capped buffer causes."""
    message = str(exc)
    if limit and ("Out of Memory" in message or "Failed to create checkpoint" in message):
        return (f". The writer's DuckDB buffer ({limit}) is too small for this work: set HADATH_DUCKDB_MEMORY "
                "higher (e.g. 1GB) and run the same command again; rows already committed are kept")
    return ""


# DuckDB's buffer for a writing store (DuckDB's default, 80 % of RAM, fills as the file grows).
# Without key indexes and with texts in short parts (module doc) nothing has to stay in
# it, so it is a cache: 20,000 or 60,000 articles write in it as well as 2,000. Queries
# over a large file need more: the web app's writable store asks for `SERVING_MEMORY`.
WRITER_MEMORY = "32MB"
SERVING_MEMORY = "1GB"
WRITE_CHUNK_CHARS = 2_000_000  # article text per write transaction (see `write_rows`)
WRITER_THREADS = "1"  # a writer inserts one batch at a time: more threads only add per-thread buffers


class DuckStore:
    """A DuckDB database of coded articles. Use as a context manager.

    A writing store caps DuckDB's memory at `WRITER_MEMORY` (environment variable
    `HADATH_DUCKDB_MEMORY` to change it; DuckDB spills to disk beyond it) and its
    threads at `WRITER_THREADS` (`HADATH_DUCKDB_THREADS`), and builds its insert
    batches with the system allocator, so a long ingest keeps a flat memory profile.

    Example:
        with DuckStore("hadath.duckdb") as store:
            store.write(coded_articles)
            rows = store.query_events(actor="EGY", event_type="CONSULT")
    """

    def __init__(self, path: str | Path = "hadath.duckdb", read_only: bool = False,
                 on_write: Callable[[], None] | None = None, memory_limit: str = WRITER_MEMORY):
        """`on_write` is called after every committed `write` (the web app drops its caches then).
        `memory_limit` caps a writing store's DuckDB buffer (`HADATH_DUCKDB_MEMORY` overrides it);
        every writing store of one file in one process must ask for the same."""
        self.path = str(path)
        self.read_only = read_only
        self.on_write = on_write
        self.memory_limit = None if read_only else os.environ.get("HADATH_DUCKDB_MEMORY", memory_limit)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: check the path, or write coded articles to it first")
        config = {} if read_only else {"memory_limit": self.memory_limit,
                                       "threads": int(os.environ.get("HADATH_DUCKDB_THREADS", WRITER_THREADS))}
        try:
            self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from exc
        try:
            self._check_schema()
            if not read_only:
                self._create_tables()
            # where the article fields are: a file of the earlier layout, opened to read, has its articles table
            self._fields = "article_fields" if self._sql(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'article_fields'").fetchone()[0] \
                else "articles"
        except StoreError:
            self.con.close()  # do not keep the file locked
            raise

    # --- lifecycle ------------------------------------------------------------

    def __enter__(self) -> DuckStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> DuckStore:
        """A store on a new cursor of this database: its own connection, to use in another thread.

        A DuckDB connection must not be shared between threads; cursors of one
        database may run queries at the same time (docs: "Multiple Python Threads").
        """
        store = object.__new__(DuckStore)
        store.path, store.read_only, store.on_write, store._fields = self.path, self.read_only, self.on_write, self._fields
        store.memory_limit = self.memory_limit
        store.con = self.con.cursor()
        return store

    def _sql(self, sql: str, params: list | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"database {self.path}: {exc}{_hint(exc, self.memory_limit)}") from exc

    def _create_tables(self) -> None:
        self._upgrade()
        for table in STORED:
            self._sql(create_table_sql(table))
        self._sql(f"CREATE VIEW IF NOT EXISTS articles AS {_articles_sql()}")

    def _upgrade(self) -> None:
        """Convert a file of the earlier layout (an `articles` table, primary keys) to
        this one, in one transaction: texts are cut into parts, and every keyed table
        is rebuilt without its constraint."""
        kinds = dict(self._sql("SELECT table_name, table_type FROM information_schema.tables "
                               "WHERE table_schema = 'main'").fetchall())
        keyed = self.keyed_tables() & set(STORED)
        if kinds.get("articles") != "BASE TABLE" and not keyed:
            return
        with self._transaction():
            if kinds.get("articles") == "BASE TABLE":
                for table in ("article_fields", "article_text"):
                    self._sql(create_table_sql(table))
                self._sql(f"INSERT INTO article_fields SELECT {column_list('article_fields')} FROM articles")
                self._sql("INSERT INTO article_text SELECT article_id, i, substr(text, i * ? + 1, ?) FROM articles, "
                          "range(0, (length(coalesce(text, '')) + ? - 1) // ?) AS r(i)", [TEXT_PART_CHARS] * 4)
                self._sql("DROP TABLE articles")
            for table in keyed:
                self.rebuild_without_key(table, create_table_sql(table), column_list(table))

    def keyed_tables(self) -> set[str]:
        """Tables of this file with a primary key (written by an earlier hadath)."""
        return {r[0] for r in self._sql("SELECT table_name FROM duckdb_constraints() "
                                        "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}

    def rebuild_without_key(self, table: str, create_sql: str, columns: str = "*") -> None:
        """Rebuild a keyed table of an earlier hadath as `create_sql` creates it (no key),
        its rows kept; run it inside a transaction."""
        self._sql(f"ALTER TABLE {table} RENAME TO _hadath_old")
        self._sql(create_sql)
        self._sql(f"INSERT INTO {table} SELECT {columns} FROM _hadath_old")
        self._sql("DROP TABLE _hadath_old")

    def _check_schema(self) -> None:
        for table, (columns, _) in TABLES.items():
            found = [r[0] for r in self._sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall()]
            if found and found != [name for name, _ in columns]:
                raise StoreError(
                    f"database {self.path}: table {table} has columns {found}, this hadath expects "
                    f"{[n for n, _ in columns]}; export it with the hadath that wrote it, or use a new file"
                )

    # --- writing ----------------------------------------------------------------

    def _insert(self, table: str, rows: list[dict[str, Any]], key: tuple[str, ...] = (),
                new_only: bool = False) -> None:
        """Insert rows (dicts with the stored table's columns) in one statement. With
        `key`, only the first row of each key goes in; with `new_only` as well, no row
        whose key is already stored (an anti-join: there is no index to ask)."""
        if key:
            rows = _first_per_key(rows, key)
        if not rows:
            return
        import pyarrow as pa

        schema = arrow_schema(STORED[table])
        # The system allocator, not Arrow's default (mimalloc): mimalloc keeps the
        # memory of freed batches, so a long ingest's RSS rose step by step.
        pool = pa.system_memory_pool()
        try:
            batch = pa.Table.from_arrays([pa.array([r[f.name] for r in rows], type=f.type, memory_pool=pool)
                                          for f in schema], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError(f"a {table} row does not fit the schema: {exc}") from exc
        self.con.register("_hadath_batch", batch)
        sql = f"INSERT INTO {table} ({column_list(table)}) SELECT * FROM _hadath_batch b"
        if new_only:
            same = " AND ".join(f'o."{k}" = b."{k}"' for k in key)
            sql += f" WHERE NOT EXISTS (SELECT 1 FROM {table} o WHERE {same})"
        self._sql(sql)
        self.con.unregister("_hadath_batch")

    def stored_versions(self, ids: Iterable[str]) -> dict[str, str]:
        """article_id -> coder_version of those ids that are stored."""
        rows = self._sql(
            f"SELECT article_id, coder_version FROM {self._fields} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids)]).fetchall()
        return dict(rows)

    def _to_write(self, newest: list[ArticleRows]) -> tuple[list[ArticleRows], list[str]]:
        """Of one row set per article id, the articles to insert, and the stored ids
        they replace (older coder)."""
        stored = self.stored_versions(r.article_id for r in newest)
        todo = [r for r in newest
                if r.article_id not in stored or version_key(r.coder_version) > version_key(stored[r.article_id])]
        return todo, [r.article_id for r in todo if r.article_id in stored]

    def _delete_articles(self, ids: list[str]) -> None:
        if not ids:
            return
        in_ids = "IN (SELECT unnest(?::VARCHAR[]))"
        self._sql(f"DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE article_id {in_ids})",
                  [ids])
        self._sql(f"DELETE FROM events WHERE article_id {in_ids}", [ids])
        self._sql(f"DELETE FROM article_text WHERE article_id {in_ids}", [ids])
        self._sql(f"DELETE FROM article_fields WHERE article_id {in_ids}", [ids])

    def write(self, coded_articles: Iterable[CodedArticle]) -> int:
        """Write a batch in one transaction; returns how many articles were inserted or replaced."""
        return self.write_rows([article_rows(c) for c in coded_articles])

    def write_rows(self, batch: Iterable[ArticleRows]) -> int:
        """`write` for articles already turned into rows (by worker processes).

        Articles go in groups of at most `WRITE_CHUNK_CHARS` characters of text, one
        transaction each (an article always commits with its events): DuckDB holds
        a transaction's rows in its capped memory, so one transaction for a batch
        of long articles could run out of it.
        """
        written = 0
        for chunk in _text_chunks(_newest(batch), WRITE_CHUNK_CHARS):
            with self._transaction():
                todo, replaced = self._to_write(chunk)
                self._delete_articles(replaced)
                # todo holds one row set per article id, none stored (or just deleted), and
                # event ids contain the article id: keys are new, only repeats within an
                # article are left out
                self._insert("article_fields", [r.article for r in todo])
                self._insert("article_text", [{"article_id": r.article_id, "part": k, "text": part}
                                              for r in todo for k, part in enumerate(text_parts(r.article["text"] or ""))])
                self._insert("events", [e for r in todo for e in r.events], TABLES["events"][1])
                self._insert("event_actors", [a for r in todo for a in r.event_actors], TABLES["event_actors"][1])
            written += len(todo)
        if written and self.on_write:
            self.on_write()
        return written

    def add_skipped(self, skipped: Iterable[Skipped]) -> None:
        """Record inputs that were not coded; a source already recorded is kept as it is."""
        with self._transaction():
            self._insert("skipped", [skipped_row(s) for s in skipped], TABLES["skipped"][1], new_only=True)

    def start_run(self, coder_version: str = __version__) -> str:
        """Record the start of a run; returns its id for `finish_run`."""
        run_id = uuid.uuid4().hex[:16]
        self._sql(f"INSERT INTO runs ({column_list('runs')}) VALUES (?, ?, NULL, 0, 0, 0, ?)",
                  [run_id, _now(), coder_version])
        return run_id

    def finish_run(self, run_id: str, processed: int, skipped: int, failed: int) -> None:
        self._sql("UPDATE runs SET finished = ?, processed = ?, skipped = ?, failed = ? WHERE run_id = ?",
                  [_now(), int(processed), int(skipped), int(failed), run_id])

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    # --- reading ----------------------------------------------------------------

    def has_article(self, article_id: str, coder_version: str | None = None) -> bool:
        return bool(self.known_ids([article_id], coder_version))

    def known_ids(self, ids: Iterable[str], coder_version: str | None = None) -> set[str]:
        """Those of `ids` whose article is stored (to skip them on resume).

        With `coder_version`, only articles coded by that version or a newer one
        count: older codings are worth coding again (and `write` replaces them).
        """
        stored = self.stored_versions(ids)
        if coder_version is None:
            return set(stored)
        floor = version_key(coder_version)
        return {i for i, v in stored.items() if version_key(v) >= floor}

    def counts(self) -> dict[str, int]:
        return {t: self._sql(f"SELECT count(*) FROM {self._fields if t == 'articles' else t}").fetchone()[0]
                for t in TABLES}

    def query_events(
        self, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
        since: str | None = None, until: str | None = None, outlet: str | None = None,
        text: str | None = None, quad_class: int | None = None, limit: int = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events matching every filter given, as flat rows (EVENT_COLUMNS keys).

        actor / recipient: a code (`EGY`) or code-sector (`EGY-GOV`) of any of the
        event's actors / recipients; since / until: inclusive YYYY-MM-DD bounds on
        the event date; text: a substring of the sentence; event_type: PLOVER type.
        """
        where, params = _filters(actor, recipient, event_type, since, until, outlet, text, quad_class)
        sql = (f"SELECT {column_list('events')} FROM events e WHERE {where} "
               f"ORDER BY {ORDER_BY['events']} LIMIT ? OFFSET ?")
        cur = self._sql(sql, params + [_count("limit", limit), _count("offset", offset)])
        names = [name for name, _ in EVENT_COLUMNS]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def event_ids(
        self, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
        since: str | None = None, until: str | None = None, outlet: str | None = None,
        text: str | None = None, quad_class: int | None = None,
    ) -> list[str]:
        """The ids of every event matching the filters (as `query_events`), in the same order."""
        where, params = _filters(actor, recipient, event_type, since, until, outlet, text, quad_class)
        cur = self._sql(f"SELECT e.event_id FROM events e WHERE {where} ORDER BY {ORDER_BY['events']}", params)
        return [r[0] for r in cur.fetchall()]

    def events_by_id(self, ids: list[str]) -> list[dict[str, Any]]:
        """The event rows of `ids`, in the order of `ids` (ids not stored are left out)."""
        found = {r["event_id"]: r for r in self.rows_where_in("events", "event_id", ids)}
        return [found[i] for i in ids if i in found]

    def batches(self, table: str = "events", batch_size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
        """All rows of a table, in a stable order, a list of at most `batch_size` rows at a time."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        cursor = self.con.cursor()  # its own connection: other queries may run between batches
        try:
            if table == "articles" and self._fields == "article_fields":
                yield from self._article_batches(cursor, batch_size)
                return
            reader = cursor.sql(f"SELECT {column_list(table)} FROM {table} ORDER BY {ORDER_BY[table]}")
            for batch in reader.to_arrow_reader(batch_size):
                yield batch.to_pylist()
        except duckdb.Error as exc:
            raise StoreError(f"database {self.path}: {exc}") from exc
        finally:
            cursor.close()

    def _article_batches(self, cursor: duckdb.DuckDBPyConnection, batch_size: int) -> Iterator[list[dict[str, Any]]]:
        """`batches("articles")` streamed: the fields in order, then each batch's texts
        (a whole-table join would gather every text at once)."""
        reader = cursor.sql(f"SELECT {column_list('article_fields')} FROM article_fields ORDER BY article_id")
        for batch in reader.to_arrow_reader(batch_size):
            rows = batch.to_pylist()
            texts = self._texts([r["article_id"] for r in rows])
            yield [{name: texts.get(r["article_id"], "") if name == "text" else r[name] for name, _ in ARTICLE_COLUMNS}
                   for r in rows]

    def _texts(self, ids: list[str]) -> dict[str, str]:
        parts: dict[str, list[str]] = {}
        cur = self._sql("SELECT article_id, text FROM article_text WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                        "ORDER BY article_id, part", [ids])
        for article_id, text in cur.fetchall():
            parts.setdefault(article_id, []).append(text)
        return {i: "".join(p) for i, p in parts.items()}

    def rows_where_in(self, table: str, column: str, values: list[str]) -> list[dict[str, Any]]:
        """Rows of `table` whose `column` is one of `values` (both names checked against the schema)."""
        names = [name for name, _ in TABLES[table][0]]
        if column not in names:
            raise StoreError(f"table {table} has no column {column!r}")
        in_values = f'WHERE "{column}" IN (SELECT unnest(?::VARCHAR[]))'
        if table == "articles" and self._fields == "article_fields" and column == "article_id":
            cur = self._sql(_articles_sql(in_values), [values, values])
        else:
            cur = self._sql(f"SELECT {column_list(table)} FROM {table} {in_values}", [values])
        return [dict(zip(names, r)) for r in cur.fetchall()]


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK and a StoreError."""

    def __init__(self, store: DuckStore):
        self.store = store

    def __enter__(self) -> None:
        self.store._sql("BEGIN TRANSACTION")

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            self.store._sql("COMMIT")
            return
        self.store.con.rollback()


def _first_per_key(rows: list[dict[str, Any]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    """The first row of each key, in order (as INSERT OR IGNORE kept it)."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        k = tuple(r[c] for c in key)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _newest(batch: Iterable[ArticleRows]) -> list[ArticleRows]:
    """One row set per article id: the one of the newest coder (the first of equals)."""
    newest: dict[str, ArticleRows] = {}
    for rows in batch:
        old = newest.get(rows.article_id)
        if old is None or version_key(rows.coder_version) > version_key(old.coder_version):
            newest[rows.article_id] = rows
    return list(newest.values())


def _text_chunks(rows: list[ArticleRows], limit: int) -> Iterator[list[ArticleRows]]:
    """`rows` cut in order into runs of at most `limit` characters of article text
    (an article longer than that is a run of its own)."""
    chunk: list[ArticleRows] = []
    size = 0
    for r in rows:
        n = len(r.article.get("text") or "")
        if chunk and size + n > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(r)
        size += n
    if chunk:
        yield chunk


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise StoreError(f"{name} must be a whole number >= 0, not {value!r}")
    return value


def _quad(value: Any) -> int:
    if isinstance(value, bool) or value not in (1, 2, 3, 4):
        raise StoreError(f"quad_class must be 1, 2, 3 or 4, not {value!r}")
    return int(value)


def _date(name: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise StoreError(f"{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    return value


_ACTOR_MATCH = ("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.event_id AND a.role = ? "
                "AND (a.code = ? OR a.code || '-' || a.sector = ?))")


def _filters(actor, recipient, event_type, since, until, outlet, text, quad_class) -> tuple[str, list]:
    """The WHERE clause (placeholders only) and its parameters."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if actor is not None:
        add(_ACTOR_MATCH, "actor", str(actor), str(actor))
    if recipient is not None:
        add(_ACTOR_MATCH, "recipient", str(recipient), str(recipient))
    if event_type is not None:
        add("e.event_type = ?", str(event_type).upper())
    if since is not None:
        add("substr(e.date, 1, 10) >= ?", _date("since", since))
    if until is not None:
        add("substr(e.date, 1, 10) <= ?", _date("until", until))
    if outlet is not None:
        add("e.outlet = ?", str(outlet))
    if text is not None:
        add("strpos(e.sentence, ?) > 0", str(text))
    if quad_class is not None:
        add("e.quad_class = ?", _quad(quad_class))
    return " AND ".join(clauses), params
