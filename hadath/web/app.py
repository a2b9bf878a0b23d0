"""The FastAPI app: the API router, the pages, static files, limits and error handlers.

`create_app(db)` builds it (tests use it in-process with `TestClient`);
`serve(db, host, port, token)` runs it with uvicorn.

Errors: the API answers every error as JSON (`{"detail": ...}`; 422 in
FastAPI's validation shape), pages answer with an error page (and its JSON
twin); no stack trace is ever sent. Request bodies over `max_body` bytes get
413; a request not answered within `max_seconds` gets 503; uvicorn closes idle
keep-alive connections after 5 s and answers 503 beyond 256 open requests. When bound to a loopback address only loopback Host headers are
accepted (a guard against DNS rebinding). Every answer says how long the
server took (`Server-Timing: app;dur=<ms>`; the load test reads it).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from hadath import __version__
from hadath.errors import StoreError
from hadath.web import api, pages
from hadath.web.db import Database

log = logging.getLogger("hadath.web")

MAX_BODY = 2_000_000  # bytes of one request body
MAX_SECONDS = 30.0  # time one request may take before it is answered 503
STATIC = Path(__file__).parent / "static"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1", "testserver"]
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
DESCRIPTION = """Political events coded from Arabic news (PLOVER, with a CAMEO projection).

Read endpoints are open; `POST /api/v1/code` stores an article only with `"store": true`,
and then needs `Authorization: Bearer <token>` when the server was started with `--token`."""


class BodyLimit:
    """ASGI middleware: 413 for a body over `max_bytes` (by Content-Length, or counted while read)."""

    def __init__(self, app, max_bytes: int = MAX_BODY):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_bytes:
            return await _too_large(self.max_bytes)(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, f"request body over {self.max_bytes} bytes")
            return message

        await self.app(scope, limited, send)


def _too_large(max_bytes: int) -> JSONResponse:
    return JSONResponse({"detail": f"request body over {max_bytes} bytes"}, status_code=413)


class TimeLimit:
    """ASGI middleware: a request not answered within `seconds` gets 503 (a thread
    still working on it finishes in the background; its answer is dropped)."""

    def __init__(self, app, seconds: float = MAX_SECONDS):
        self.app, self.seconds = app, seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watched(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, receive, watched), self.seconds)
        except asyncio.TimeoutError:
            log.warning("%s %s: no answer within %.0f s", scope.get("method"), scope.get("path"), self.seconds)
            if not started:
                answer = JSONResponse({"detail": f"the request took over {self.seconds:g} s"}, status_code=503)
                await answer(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy (no scripts at all) and friends."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


class ServerTiming:
    """ASGI middleware: `Server-Timing: app;dur=<ms>`, from the request's arrival to the start of its answer."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()

        async def timed(message):
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - start) * 1000:.2f}".encode()
                message["headers"] = list(message.get("headers", [])) + [(b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, timed)


def is_api(request: Request) -> bool:
    return request.url.path.startswith(api.PREFIX)


def _error(request: Request, status: int, detail: str, headers: dict | None = None) -> Response:
    if is_api(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return pages.error_page(request, status, detail)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):
            return await request_validation_exception_handler(request, exc)
        return _error(request, 400, "; ".join(e.get("msg", "") for e in exc.errors()))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return JSONResponse({"detail": "internal error (see the server log)"}, status_code=500)


def create_app(db: str | Path, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, feeds: list | None = None,
               max_seconds: float = MAX_SECONDS) -> FastAPI:
    """The app over the DuckDB file `db` (opened read-only now: a missing file is a StoreError).

    With `feeds` (hadath.watch.Feed list), the file is opened read-write and a
    background thread follows the feeds into it while the app runs."""
    database = Database(db, writable=bool(feeds))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        watcher = FeedThread(str(db), feeds, on_write=database.changed) if feeds else None
        if watcher:
            watcher.start()
        yield
        if watcher:
            watcher.stop()
        database.close()

    app = FastAPI(title="hadath", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url=f"{api.PREFIX}/openapi.json", docs_url=None, redoc_url=None)
    app.state.db, app.state.token = database, token or None
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(TimeLimit, seconds=max_seconds)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)  # the outermost: it times the others too
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    install_error_handlers(app)
    return app


class FeedThread:
    """`hadath.watch.watch` in a background thread, on its own connection to the database;
    `on_write` is called after each batch it stores."""

    def __init__(self, db: str, feeds: list, on_write=None):
        self.db, self.feeds, self.on_write = db, feeds, on_write
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="hadath-watch", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)

    def _run(self) -> None:
        from hadath.store.duckdb_store import SERVING_MEMORY, DuckStore
        from hadath.watch import watch

        try:
            with DuckStore(self.db, on_write=self.on_write, memory_limit=SERVING_MEMORY) as store:
                watch(self.feeds, store, stop_event=self.stop_event,
                      on_pass=lambda s: log.info("watch: %s", s.line()))
        except Exception:  # the server keeps serving; the failure is logged, not hidden
            log.exception("the feed watcher stopped")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          feeds: list | None = None) -> None:
    """Run the app with uvicorn until interrupted (loopback hosts only answer loopback Host headers);
    with `feeds`, follow them into the same database meanwhile."""
    import uvicorn

    app = create_app(db, token=token, allowed_hosts=LOOPBACK_HOSTS if is_loopback(host) else None, feeds=feeds)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False,
                timeout_keep_alive=5, limit_concurrency=256)  # idle connections and piles of requests are bounded
