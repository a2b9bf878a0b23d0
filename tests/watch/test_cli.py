import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from hadath.cli import cli
from hadath.watch import load_feeds
from tests.watch.test_loop import publish

ROOT = Path(__file__).resolve().parents[2]


def test_example_feeds_file_is_valid():
    assert len(load_feeds(ROOT / "docs" / "feeds.example.toml")) >= 4


def write_feeds(tmp_path, feed) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[[feeds]]\nname = "local"\nurl = "{feed.url}"\ninterval = 10\n', encoding="utf-8")
    return path


def test_watch_once_prints_a_line_per_pass(site, tmp_path):
    feeds = write_feeds(tmp_path, publish(site, ["/news/1", "/news/2"]))
    result = CliRunner().invoke(cli, ["watch", str(feeds), "--db", str(tmp_path / "w.duckdb"), "--once",
                                      "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "feeds checked 1" in result.output and "new articles 2" in result.output


def test_watch_reports_a_bad_feeds_file(tmp_path):
    bad = tmp_path / "feeds.toml"
    bad.write_text("[[feeds]]\nname = 'x'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["watch", str(bad), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1 and "url must be an http(s) URL" in result.output


def test_sigint_stops_watch_cleanly(site, tmp_path):
    feeds = write_feeds(tmp_path, publish(site, ["/news/1"]))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "hadath.cli", "watch", str(feeds), "--db",
                             str(tmp_path / "w.duckdb"), "--delay", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = proc.stdout.readline()  # the first pass is done
        assert "new articles 1" in line, proc.stderr.read() if proc.poll() is not None else line
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - started < 3
    finally:
        if proc.poll() is None:
            proc.kill()
