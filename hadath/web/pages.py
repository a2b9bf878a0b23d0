"""The dashboard: server-rendered pages, each with a JSON twin (`.json` suffix or `?format=json`).

Each handler gets its data from `views` and hands it to `render`, which
returns that data as JSON for the twin, or the page's template with the
charts (`svg.py`) added for the HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from hadath import __version__
from hadath.ontology import PLOVER_TYPES, QUAD_NAMES, event_types
from hadath.web import queries, svg, views
from hadath.web.models import MAX_LIMIT, EventQuery

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
NAV = [("/", "Overview", "نظرة عامة"), ("/events", "Events", "الأحداث"), ("/actors", "Actors", "الفاعلون"),
       ("/network", "Network", "الشبكة"), ("/map", "Map", "الخريطة")]


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """`?a=1&b=2` of `params` updated with `changes`; empty values left out."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "") and k != "format"]
    return "?" + urlencode(pairs) if pairs else ""


templates.env.globals.update(version=__version__, nav=NAV, types=event_types(), plover_types=PLOVER_TYPES,
                             quad_names=QUAD_NAMES, qs=query_string)


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or request.query_params.get("format") == "json"


def json_url(request: Request) -> str:
    path = request.url.path
    if not path.endswith(".json"):
        path = "/index.json" if path == "/" else path + ".json"
    query = query_string(dict(request.query_params))
    return path + query


def render(request: Request, template: str, data: dict[str, Any], status: int = 200, **html_only: Any) -> Response:
    """The page's data as JSON for the twin, else the template with the data and `html_only` extras."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status)
    context = {**data, **html_only, "json_url": json_url(request), "path": request.url.path,
               "params": dict(request.query_params)}
    return templates.TemplateResponse(request, template, context, status_code=status)


def page(path: str, json_path: str | None = None):
    """Register a page at `path` and its JSON twin at `path.json` (the twin first: it is the more specific)."""
    def register(handler):
        router.add_api_route(json_path or path + ".json", handler, methods=["GET"])
        router.add_api_route(path, handler, methods=["GET"])
        return handler
    return register


def _query(request: Request) -> EventQuery:
    """Filters from the page's query string: empty fields ignored, a too-large limit capped."""
    params = {k: v for k, v in request.query_params.items() if v.strip()}
    if params.get("limit", "").isdecimal():
        params["limit"] = str(min(int(params["limit"]), MAX_LIMIT))
    try:
        return EventQuery.model_validate(params)
    except ValidationError as exc:
        raise HTTPException(400, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) \
            from None


def _interval(request: Request) -> str:
    interval = request.query_params.get("interval") or "week"
    if interval not in ("day", "week", "month"):
        raise HTTPException(400, f"interval must be day, week or month, not {interval!r}")
    return interval


def _db(request: Request):
    return request.app.state.db


@page("/", json_path="/index.json")
def overview(request: Request) -> Response:
    with _db(request).store() as store:
        data = views.overview_view(store, _interval(request))
    quad_of = {t.name: t.quad_class for t in event_types().values()}
    return render(request, "overview.html", data, heatmap=svg.heatmap_svg(data["types_over_time"], quad_of))


@page("/events")
def events(request: Request) -> Response:
    query, db = _query(request), _db(request)
    with db.store() as store:
        data = views.events_view(store, query, db.event_ids(store, query.store_filters()))
        outlets = [r["outlet"] for r in queries.outlets(store.con)]
    data["filters"] = query.model_dump(exclude={"limit", "offset"})
    return render(request, "events.html", data, outlets=outlets)


@page("/events/{event_id}")
def event(request: Request, event_id: str) -> Response:
    with _db(request).store() as store:
        detail = views.event_view(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return render(request, "event.html", detail, segments=views.sentence_segments(detail))


@page("/actors")
def actors(request: Request) -> Response:
    with _db(request).store() as store:
        data = views.actors_view(store, 100)
    return render(request, "actors.html", data)


@page("/dyads/{a}/{b}")
def dyad(request: Request, a: str, b: str) -> Response:
    directed = request.query_params.get("directed") in ("1", "true")
    with _db(request).store() as store:
        data = views.dyad_view(store, a, b, _interval(request), directed)
    label = f"{a} – {b}: cooperation and conflict per {data['interval']}"
    return render(request, "dyad.html", data, chart=svg.timeline_svg(data["periods"], data["interval"], label))


@page("/network")
def network(request: Request) -> Response:
    with _db(request).store() as store:
        data = views.network_view(store)
    return render(request, "network.html", data, chart=svg.network_svg(data["edges"], data["names"]))


@page("/map")
def map_page(request: Request) -> Response:
    with _db(request).store() as store:
        data = views.map_view(store)
    return render(request, "map.html", data, chart=svg.map_svg(data["points"]))


def error_page(request: Request, status: int, detail: str) -> Response:
    return render(request, "error.html", {"status": status, "detail": detail}, status=status)
