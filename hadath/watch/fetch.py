"""A polite HTTP client for feeds and article pages (standard library only).

It sends a clear user agent, bounds every request by a timeout, retries 5xx
answers and timeouts with exponential backoff, makes conditional requests
(ETag, Last-Modified: a 304 means nothing new), obeys robots.txt (read once
per host, cached) and waits `delay` seconds between two requests to one host.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

from hadath import __version__
from hadath.errors import HadathError

USER_AGENT = f"hadath/{__version__} (+https://github.com/hadath)"
MAX_BYTES = 10_000_000  # a feed or page larger than this is cut (and then likely fails to parse)
ROBOTS_TTL = 24 * 3600.0


class FetchError(HadathError):
    """A URL could not be fetched; `permanent` when retrying will not help (4xx)."""

    def __init__(self, message: str, permanent: bool = False, status: int | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.status = status


class Disallowed(FetchError):
    """robots.txt disallows the URL for our user agent."""

    def __init__(self, url: str):
        super().__init__(f"robots.txt of {urlsplit(url).hostname} disallows {url}", permanent=False)


@dataclass(slots=True, frozen=True)
class Response:
    status: int  # 200, or 304 (not modified: body is empty)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None


class _Transient(Exception):
    """A failure worth retrying (5xx, timeout, connection reset)."""


class Fetcher:
    """`get(url, etag=..., last_modified=...)` -> `Response`, or raise `FetchError` / `Disallowed`."""

    def __init__(self, *, timeout: float = 20.0, retries: int = 2, backoff: float = 1.0, delay: float = 1.0,
                 user_agent: str = USER_AGENT, clock=time):
        self.timeout, self.retries, self.backoff, self.delay = timeout, retries, backoff, delay
        self.user_agent = user_agent
        self.clock = clock
        self.disallowed = 0  # URLs skipped because of robots.txt
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._last: dict[str, float] = {}  # host -> time of its last request

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        if not self.allowed(url):
            self.disallowed += 1
            raise Disallowed(url)
        headers = {"If-None-Match": etag, "If-Modified-Since": last_modified}
        return self._with_retries(url, {k: v for k, v in headers.items() if v})

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url` (raises `FetchError` when robots.txt is unreachable)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(host)
        if cached is None or self.clock.time() - cached[0] > ROBOTS_TTL:
            cached = (self.clock.time(), self._read_robots(host))
            self._robots[host] = cached
        return cached[1].can_fetch(self.user_agent, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            body = self._with_retries(host + "/robots.txt", {}).body
        except FetchError as exc:
            if not exc.permanent:
                raise FetchError(f"robots.txt of {host} unreachable: {exc}") from exc
            parser.allow_all = exc.status not in (401, 403)  # as urllib.robotparser.read does
            parser.disallow_all = not parser.allow_all
            return parser
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def _with_retries(self, url: str, headers: dict) -> Response:
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, headers)
            except _Transient as exc:
                if attempt == self.retries:
                    raise FetchError(f"{url}: {exc} (after {attempt + 1} tries)") from exc
                self.clock.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - self.clock.monotonic()
            if pause > 0:
                self.clock.sleep(pause)
        self._last[host] = self.clock.monotonic()

    def _once(self, url: str, headers: dict) -> Response:
        self._wait_turn(urlsplit(url).netloc)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                body = resp.read(MAX_BYTES)
                return Response(resp.status, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"),
                                resp.headers.get_content_charset())
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Response(304, b"", exc.headers.get("ETag"), exc.headers.get("Last-Modified"))
            if exc.code >= 500 or exc.code == 429:
                raise _Transient(f"HTTP {exc.code}") from exc
            raise FetchError(f"{url}: HTTP {exc.code}", permanent=True, status=exc.code) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, OSError):
                raise _Transient(f"{type(exc.reason).__name__}: {exc.reason}") from exc
            raise FetchError(f"{url}: {exc.reason}") from exc
        except (TimeoutError, ConnectionError) as exc:
            raise _Transient(f"{type(exc).__name__}: {exc or 'timed out'}") from exc
