"""The REST API under /api/v1: thin handlers over `views` (spec at /api/v1/openapi.json)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from hadath.errors import SkipArticle
from hadath.store.duckdb_store import DuckStore
from hadath.web import views
from hadath.web.models import (
    CODE_MAX,
    MAX_LIMIT,
    ActorList,
    CodeRequest,
    CodeResponse,
    Error,
    EventDetail,
    EventPage,
    EventQuery,
    Interval,
    Timeline,
)

PREFIX = "/api/v1"
router = APIRouter(prefix=PREFIX, tags=["events"],
                   responses={413: {"model": Error, "description": "request body too large"},
                              503: {"model": Error, "description": "database unavailable"}})
bearer = HTTPBearer(auto_error=False, description="The token given to `hadath serve --token` (needed to store)")
Code = Annotated[str, Path(min_length=1, max_length=CODE_MAX, description="Actor code or code-sector: EGY, EGY-GOV")]


def database(request: Request):
    return request.app.state.db


def answer(db, key: tuple, model: type[BaseModel], view: Callable[[DuckStore], dict]) -> Response:
    """The JSON of `view(store)` checked against `model`, computed once per database version (`Database.answer`).

    What FastAPI does with `response_model` (validate, then serialise with pydantic), done here so
    that the bytes can be kept; the spec still shows `model`.
    """
    def compute() -> bytes:
        with db.store() as store:
            data = view(store)
        return model.model_validate(data).model_dump_json().encode()

    return Response(db.answer(key, compute), media_type="application/json")


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest last")
def list_events(query: Annotated[EventQuery, Query()], db=Depends(database)) -> Response:
    return answer(db, ("events", *query.model_dump().items()), EventPage,
                  lambda store: views.events_view(store, query, db.event_ids(store, query.store_filters())))


def _found(detail: dict | None, event_id: str) -> dict:
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return detail


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Error}},
            summary="One event with its sentence, trigger and actor spans, and its article")
def get_event(event_id: Annotated[str, Path(max_length=100)], db=Depends(database)) -> Response:
    return answer(db, ("event", event_id), EventDetail,
                  lambda store: _found(views.event_view(store, event_id), event_id))


@router.get("/actors", response_model=ActorList, summary="The most active actors, with event counts")
def list_actors(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
                role: Annotated[str | None, Query(pattern="^(actor|recipient)$",
                                                  description="Count only as source (actor) or target")] = None,
                db=Depends(database)) -> Response:
    return answer(db, ("actors", limit, role), ActorList, lambda store: views.actors_view(store, limit, role))


@router.get("/dyads/{a}/{b}/timeline", response_model=Timeline,
            summary="Events between two actors per period: counts by quad class, mean Goldstein")
def dyad_timeline(a: Code, b: Code, interval: Interval = "week",
                  directed: Annotated[bool, Query(description="Only a -> b (default: both ways)")] = False,
                  db=Depends(database)) -> Response:
    return answer(db, ("timeline", a, b, interval, directed), Timeline,
                  lambda store: views.timeline_view(store, a, b, interval, directed))


def _check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    token = request.app.state.token
    if token is None:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "storing needs the server's token: send  Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/code", response_model=CodeResponse, tags=["coding"],
             responses={401: {"model": Error, "description": "store requested without the token"}},
             openapi_extra={"security": [{}]},  # added to HTTPBearer: the token is needed only to store
             summary="Code one article into PLOVER records; store it only when asked")
def code(body: CodeRequest, request: Request, db=Depends(database),
         credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None) -> dict:
    if body.store:
        _check_token(request, credentials)
    try:
        coded = views.code_request(body)
    except SkipArticle as exc:  # not an error of the request: `hadath code` also skips and goes on
        return {"article_id": None, "stored": False, "records": [],
                "skipped": {"reason": exc.reason, "message": str(exc)}}
    if body.store:
        db.write(coded)  # idempotent: an article stored already is left as it is
    return {"article_id": coded.article.id, "stored": body.store, "records": views.plover_records(coded)}
