"""Crash safety of `hadath ingest`: SIGKILL mid-run, resume, and get exactly the rows of a clean run.

The ingest runs as a real subprocess (`python -m hadath.cli ingest`) and is killed
with SIGKILL (no cleanup, no atexit, the DuckDB WAL left behind) once at least one
batch is committed. DuckDB lets one process open a file, so the test first tries a
short read-only connection to count `articles`; when the writer's lock refuses it,
the kill falls back to a fixed fraction of the time a clean run takes (measured
first, on a separate database), and the attempt is repeated at another fraction
when the kill came before the first commit or after the last one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.reliability._corpus import write_jsonl

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 600
BATCH = 50
TABLES = {"articles": "article_id", "events": "event_id", "event_actors": "event_id, role, position"}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "hadath.cli", *args]


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def ingest_args(corpus: Path, db: Path) -> list[str]:
    return cli("ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1", "--batch-size", str(BATCH))


def run_ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(ingest_args(corpus, db), env=env(), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def count_articles(db: Path) -> int | None:
    """Committed articles, or None when the file cannot be read now (the writer holds its lock)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in TABLES.items():
            out[table] = con.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        out["event_ids"] = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()]
        out["runs"] = con.execute("SELECT finished IS NOT NULL, processed FROM runs ORDER BY started").fetchall()
        return out
    finally:
        con.close()


def kill_after_first_commit(corpus: Path, db: Path, fallback_after: float) -> None:
    """Start an ingest and SIGKILL it once a batch is committed (or after `fallback_after` s)."""
    proc = subprocess.Popen(ingest_args(corpus, db), env=env(), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < fallback_after:
            if db.exists() and (count_articles(db) or 0) >= BATCH:
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("crash") / "corpus.jsonl", N_ARTICLES)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[dict, float]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    start = time.monotonic()
    run_ingest(corpus, db)
    return snapshot(db), time.monotonic() - start


def test_sigkilled_ingest_resumes_to_the_rows_of_a_clean_run(corpus, clean, tmp_path):
    clean_rows, full_run_s = clean
    assert len(clean_rows["articles"]) == N_ARTICLES and clean_rows["event_ids"]
    for attempt, fraction in enumerate((0.6, 0.75, 0.45, 0.85)):
        db = tmp_path / f"killed-{attempt}.duckdb"
        kill_after_first_commit(corpus, db, fallback_after=fraction * full_run_s)
        stored = count_articles(db) if db.exists() else 0
        if stored and stored < N_ARTICLES:
            break
    else:
        pytest.fail(f"no kill landed between the first and the last commit (full run {full_run_s:.1f} s)")
    print(f"clean run {full_run_s:.1f} s; killed at {fraction:.2f} of it (attempt {attempt + 1}) "
          f"with {stored}/{N_ARTICLES} articles committed")
    assert stored % BATCH == 0, f"{stored} articles stored: a batch was committed in part"
    killed_runs = snapshot(db)["runs"]
    assert killed_runs == [(False, 0)], "the killed run must stay unfinished in `runs`"

    resumed = run_ingest(corpus, db)
    assert f"already stored {stored}," in resumed.stdout, resumed.stdout
    assert f"processed {N_ARTICLES - stored}," in resumed.stdout, resumed.stdout

    rows = snapshot(db)
    assert rows["event_ids"] == clean_rows["event_ids"]
    for table in TABLES:
        assert len(rows[table]) == len(clean_rows[table]), table
        assert rows[table] == clean_rows[table], f"{table} differs from the clean run"


def test_a_second_writer_gets_a_clear_locked_error(corpus, tmp_path):
    db = tmp_path / "busy.duckdb"
    first = subprocess.Popen(ingest_args(corpus, db), env=env(), cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # wait until the first writer has created (and so locked) the file
        deadline = time.monotonic() + 20
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert first.poll() is None, "the first ingest ended before the second one could start"
        second = subprocess.run(ingest_args(corpus, db), env=env(), cwd=ROOT, capture_output=True, text=True,
                                timeout=60)
        still_running = first.poll() is None
    finally:
        first.wait(timeout=60)
    assert still_running, "the first ingest finished while the second ran: the lock was not exercised"
    assert second.returncode != 0
    assert "locked" in second.stderr
    assert "Traceback" not in second.stderr and "Traceback" not in second.stdout
    assert first.returncode == 0
    assert count_articles(db) == N_ARTICLES
