"""The web shell: a dashboard and a REST API over a hadath DuckDB file (extra `hadath[web]`).

    hadath serve --db events.duckdb            # http://127.0.0.1:8000/ , API under /api/v1

* `app.py`      the FastAPI app (`create_app`, `serve`), limits, error handlers
* `api.py`      the REST API (/api/v1: events, events/{id}, actors, dyads timeline, POST code)
* `pages.py`    server-rendered pages (Jinja2), each with a JSON twin (`.json` or `?format=json`)
* `views.py`    what each page / answer shows, as plain data
* `queries.py`  aggregate SQL (parameters only); row queries are `DuckStore`'s
* `svg.py`, `highlight.py`  charts and `<mark>` spans, pure functions
* `db.py`       the DuckDB database: a cursor per request, the write path, caches (see there)

Nothing here codes text: `POST /code` calls `hadath.pipeline.code_article`.
FastAPI is imported only when the app is built, so `import hadath.web` is cheap.
"""

from __future__ import annotations

from hadath.errors import MissingExtraError


def _app_module():
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("web", exc.name or "fastapi") from exc
    from hadath.web import app

    return app


def create_app(db, **kwargs):
    """The FastAPI app over the DuckDB file `db` (see `hadath.web.app.create_app`)."""
    return _app_module().create_app(db, **kwargs)


def serve(db, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, feeds=None) -> None:
    """Serve the dashboard and API with uvicorn (see `hadath.web.app.serve`)."""
    _app_module().serve(db, host=host, port=port, token=token, feeds=feeds)
