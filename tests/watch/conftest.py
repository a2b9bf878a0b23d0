"""A real HTTP server on 127.0.0.1 serving pages the tests write, counting what it is asked."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hadath.store.duckdb_store import DuckStore
from hadath.watch.fetch import Fetcher


class Site:
    """Routes: path -> (status, body bytes, headers). `slow` seconds of sleep before any answer."""

    def __init__(self):
        self.routes: dict[str, tuple[int, bytes, dict]] = {}
        self.hits: Counter = Counter()
        self.conditional: Counter = Counter()  # requests that carried If-None-Match / If-Modified-Since
        self.not_modified: Counter = Counter()
        self.agents: list[str] = []
        self.slow = 0.0
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, status: int = 200, **headers: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, data, {k.replace("_", "-"): v for k, v in headers.items()})


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            if site.slow:
                time.sleep(site.slow)
            status, body, headers = site.routes.get(self.path, (404, b"not found", {}))
            etag = headers.get("ETag")
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                site.conditional[self.path] += 1
                if etag and self.headers.get("If-None-Match") == etag:
                    site.not_modified[self.path] += 1
                    status, body = 304, b""
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def make_site():
    started: list[ThreadingHTTPServer] = []

    def make() -> Site:
        site = Site()
        site.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        site.server.daemon_threads = True
        threading.Thread(target=site.server.serve_forever, daemon=True).start()
        started.append(site.server)
        return site

    yield make
    for server in started:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(make_site) -> Site:
    return make_site()


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, retries=1, backoff=0.01, delay=0.0)


@pytest.fixture
def store(tmp_path):
    with DuckStore(tmp_path / "watch.duckdb") as s:
        yield s
