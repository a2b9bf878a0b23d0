"""What each page and API answer shows, as plain data: store in, dicts out.

The API returns these dicts; the pages render them with a template, and
their JSON twins return them as they are. No SQL here (see `queries.py` and
`DuckStore`), no HTML (see the templates and `svg.py`).
"""

from __future__ import annotations

from typing import Any

from hadath.actors.gazetteer import code_name
from hadath.export.plover import plover_record
from hadath.ingest import article_from_html, article_from_text
from hadath.ontology import QUAD_NAMES, event_types
from hadath.pipeline import code_article
from hadath.records import CodedArticle
from hadath.store.duckdb_store import DuckStore
from hadath.web import queries
from hadath.web.highlight import event_spans, segments
from hadath.web.models import CodeRequest, EventQuery


def type_gloss(event_type: str | None) -> dict[str, Any]:
    t = event_types().get(event_type or "")
    return {"en": t.gloss_en if t else None, "ar": t.gloss_ar if t else None, "quad": t.quad_class if t else None}


def events_view(store: DuckStore, query: EventQuery, ids: list[str]) -> dict[str, Any]:
    """A page of the event list; `ids`: every event matching the query's filters, in store order."""
    page = ids[query.offset:query.offset + query.limit]
    return {"total": len(ids), "limit": query.limit, "offset": query.offset, "events": store.events_by_id(page)}


def event_view(store: DuckStore, event_id: str) -> dict[str, Any] | None:
    """An event with its actors, spans, sentence and article; None when there is no such event."""
    found = store.rows_where_in("events", "event_id", [event_id])
    if not found:
        return None
    event = found[0]
    actors = store.rows_where_in("event_actors", "event_id", [event_id])
    articles = store.rows_where_in("articles", "article_id", [event["article_id"]])
    spans = event_spans(event, actors)
    gloss = {"event": type_gloss(event["event_type"]), "quad": QUAD_NAMES.get(event["quad_class"]),
             "source": code_name(event["source_code"]) if event["source_code"] else None,
             "target": code_name(event["target_code"]) if event["target_code"] else None}
    return {"event": event, "actors": sorted(actors, key=lambda r: (r["role"], r["position"])), "spans": spans,
            "sentence": event["sentence"] or "", "article": articles[0] if articles else None, "gloss": gloss}


def sentence_segments(detail: dict[str, Any]) -> list[dict[str, Any]]:
    return segments(detail["sentence"], detail["event"]["sentence_start"], detail["spans"])


def actors_view(store: DuckStore, limit: int = 50, role: str | None = None) -> dict[str, Any]:
    rows = queries.top_actors(store.con, limit, role)
    return {"actors": [{**r, "name": code_name(r["code"])} for r in rows]}


def timeline_view(store: DuckStore, a: str, b: str, interval: str = "week", directed: bool = False) -> dict[str, Any]:
    periods = queries.dyad_timeline(store.con, a, b, interval, directed)
    return {"a": a, "b": b, "interval": interval, "directed": directed, "periods": periods}


def dyad_view(store: DuckStore, a: str, b: str, interval: str, directed: bool) -> dict[str, Any]:
    """The timeline of a dyad, its names and its latest events both ways."""
    out = timeline_view(store, a, b, interval, directed)
    latest = store.query_events(actor=a, recipient=b, limit=100)
    if not directed:
        latest += store.query_events(actor=b, recipient=a, limit=100)
    latest.sort(key=lambda r: (r["date"] or "", r["event_id"]), reverse=True)
    return {**out, "names": {"a": code_name(a.split("-")[0]), "b": code_name(b.split("-")[0])},
            "events": latest[:100]}


def overview_view(store: DuckStore, interval: str = "week") -> dict[str, Any]:
    return {"summary": queries.summary(store.con), "quad_classes": queries.quad_totals(store.con),
            "top_actors": actors_view(store, 10)["actors"], "top_dyads": queries.top_dyads(store.con, 10),
            "types_over_time": queries.type_periods(store.con, interval), "interval": interval}


def network_view(store: DuckStore, limit: int = 80) -> dict[str, Any]:
    edges = queries.top_dyads(store.con, limit)
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    return {"edges": edges, "names": {c: code_name(c) for c in codes}}


def map_view(store: DuckStore, limit: int = 2000) -> dict[str, Any]:
    points = queries.map_points(store.con, limit)
    return {"has_coordinates": set(queries.MAP_COLUMNS) <= set(queries.event_columns(store.con)),
            "points": points}


def code_request(req: CodeRequest) -> CodedArticle:
    """Code one posted article exactly as `hadath code` codes a file (raises SkipArticle)."""
    meta = {"url": req.url, "title": req.title, "published": req.date, "source_id": req.id}
    if req.html is not None:
        article = article_from_html(req.html, **meta)
    else:
        article = article_from_text(req.text or "", title_from_first_line=True, **meta)
    return code_article(article, include_all=req.all)


def plover_records(coded: CodedArticle) -> list[dict[str, Any]]:
    return [plover_record(e, coded.article, coded.sentence_text(e.sentence_index)) for e in coded.events]
