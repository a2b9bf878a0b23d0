"""Shared fixtures of the web tests.

The database is built once per session from the project's own fictional
articles (`fixtures/news.jsonl`) with `hadath.jobs.ingest`. `client` runs the
app in-process; `live_server` runs it under uvicorn on a free loopback port
(in a thread), and `serving` starts such a server over any file; `browser` is
a headless Debian chromium driven by playwright, skipped with a message where
either is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hadath.ingest import iter_inputs
from hadath.jobs import ingest
from hadath.store.duckdb_store import DuckStore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = HERE / "fixtures"
NEWS = FIXTURES / "news.jsonl"
SEED = ROOT.parent / "shared" / "seed"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end test in headless chromium (skips without it)")


def build_db(path: Path) -> Path:
    with DuckStore(path) as store:
        ingest(iter_inputs([str(NEWS)]), store)
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture
def db_copy(web_db, tmp_path) -> Path:
    """A private copy of the database, for tests that write to it."""
    return Path(shutil.copy(web_db, tmp_path / "copy.duckdb"))


@pytest.fixture(scope="session")
def app(web_db):
    from hadath.web import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def stored_events(web_db) -> list[dict]:
    """Every fixture event as the store returns it (what the app must show)."""
    with DuckStore(web_db, read_only=True) as store:
        return store.query_events(limit=10_000)


@contextmanager
def serving(db: Path, **app_options) -> Iterator[str]:
    """A new app over `db` under uvicorn on 127.0.0.1 and a free port (in a thread); yields its base URL."""
    import uvicorn

    from hadath.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db, **app_options), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def live_server(web_db):
    """The app under uvicorn on 127.0.0.1 and a free port; yields its base URL."""
    with serving(web_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="browser tests need playwright: pip install 'hadath[dev]'")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"browser tests need Debian chromium at {CHROMIUM} "
                    "(apt-get install chromium fonts-noto-core; CI installs it)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ar")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
