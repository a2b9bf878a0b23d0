"""The dashboard pages in-process: HTML, their JSON twins, highlighting, filters, errors."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")

from hadath.records import EVENT_COLUMNS  # noqa: E402
from hadath.web import queries  # noqa: E402

PAGES = ["/", "/events", "/events?type=CONSULT", "/actors", "/dyads/EGY/JOR", "/dyads/EGY/JOR?interval=day",
         "/network", "/map"]


def json_twin(url: str) -> str:
    path, _, query = url.partition("?")
    path = "/index.json" if path == "/" else path + ".json"
    return path + (f"?{query}" if query else "")


def event_url(row: dict) -> str:
    return f"/events/{row['event_id']}"


@pytest.mark.parametrize("url", PAGES)
def test_page_is_html_with_arabic_right_to_left(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="en">' in html and 'dir="rtl"' in html and 'lang="ar"' in html
    assert "<script" not in html


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_json_twin(client, url):
    by_suffix = client.get(json_twin(url))
    by_param = client.get(url + ("&" if "?" in url else "?") + "format=json")
    assert by_suffix.status_code == by_param.status_code == 200
    assert by_suffix.headers["content-type"].startswith("application/json")
    assert by_suffix.json() == by_param.json()
    assert f'href="{json_twin(url).replace("&", "&amp;")}"' in client.get(url).text


def test_event_page_marks_trigger_source_and_target(client, stored_events):
    row = next(r for r in stored_events if r["source_code"] == "RUS" and r["event_type"] == "ACCUSE")
    html = client.get(event_url(row)).text
    assert f'<mark class="trigger">{row["trigger"]}</mark>' in html
    assert f'<mark class="source">{row["source_text"]}</mark>' in html
    assert f'<mark class="target">{row["target_text"]}</mark>' in html
    assert 'class="ar sentence" lang="ar" dir="rtl"' in html
    assert "Russia" in html and "accuse" in html  # English glosses beside the Arabic


def test_event_page_twin_equals_the_api_answer(client, stored_events):
    url = event_url(stored_events[0])
    assert client.get(url + ".json").json() == client.get("/api/v1" + url).json()


def test_event_page_marks_every_event_trigger(client, stored_events):
    for row in stored_events:
        marked = re.findall(r'<mark class="[^"]*trigger[^"]*">([^<]*)</mark>', client.get(event_url(row)).text)
        assert marked and marked[0] in row["trigger"]


def test_unknown_event_page_is_a_404_page(client):
    response = client.get("/events/nope")
    assert response.status_code == 404 and "no event" in response.text and "<html" in response.text
    assert client.get("/events/nope.json").json() == {"status": 404, "detail": "no event 'nope'"}


def test_unknown_page_is_a_404_page(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("query", ["since=yesterday", "quad_class=9", "type=PARTY", "interval=year"])
def test_bad_page_parameters_give_a_400_page(client, query):
    url = "/dyads/EGY/JOR" if query.startswith("interval") else "/events"
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400 and "<html" in response.text


def test_event_browser_ignores_empty_form_fields_and_caps_the_limit(client, stored_events):
    body = client.get("/events.json?actor=&type=&since=&q=&limit=100000").json()
    assert body["total"] == len(stored_events) and body["limit"] == 500


def test_event_browser_type_chips_link_to_filtered_lists(client):
    html = client.get("/events?actor=EGY").text
    assert 'href="/events?actor=EGY&amp;type=ACCUSE"' in html
    rows = client.get("/events.json?actor=EGY&type=CONSULT").json()["events"]
    assert rows and all(r["event_type"] == "CONSULT" for r in rows)


def test_event_browser_pages(client, stored_events):
    html = client.get("/events?limit=5").text
    assert 'rel="next" href="/events?limit=5&amp;offset=5"' in html
    assert client.get("/events.json?limit=5&offset=5").json()["events"] == stored_events[5:10]


def test_overview_counts_and_links(client, stored_events):
    data = client.get("/index.json").json()
    assert data["summary"]["events"] == len(stored_events)
    assert {"EGY", "JOR"} <= {a["code"] for a in data["top_actors"]}
    html = client.get("/").text
    assert 'href="/dyads/EGY/JOR"' in html and "<svg" in html


def test_dyad_page_draws_cooperation_and_conflict(client):
    html = client.get("/dyads/EGY/JOR").text
    assert '<svg class="chart"' in html and 'class="q1"' in html and 'class="q3"' in html
    assert 'class="gsline"' in html and "Egypt" in html and "Jordan" in html


def test_network_draws_weighted_edges(client):
    html = client.get("/network").text
    widths = [float(w) for w in re.findall(r'class="edge [a-z]+" stroke-width="([\d.]+)"', html)]
    assert len(widths) >= 4 and max(widths) > min(widths)


def test_map_shows_what_the_database_has(client):
    data = client.get("/map.json").json()
    assert data["has_coordinates"] == ("lat" in [name for name, _ in EVENT_COLUMNS])
    assert client.get("/map").text.count('class="dot q') == len(data["points"])


def test_map_without_coordinate_columns_says_so(client, monkeypatch):
    monkeypatch.setattr(queries, "event_columns", lambda con: ["event_id"])
    assert client.get("/map.json").json() == {"has_coordinates": False, "points": []}
    assert "no event coordinates yet" in client.get("/map").text


def test_map_plots_events_with_coordinates(db_copy):
    from fastapi.testclient import TestClient

    from hadath.store.duckdb_store import DuckStore
    from hadath.web import create_app

    if "lat" not in [name for name, _ in EVENT_COLUMNS]:
        pytest.skip("events have no lat/lon columns in this schema")
    with DuckStore(db_copy) as store:
        store.con.execute("UPDATE events SET lat = 30.04, lon = 31.24, loc_name = 'Cairo' WHERE source_code = ?",
                          ["EGY"])
        egyptian = {r["event_id"] for r in store.query_events(limit=500) if r["source_code"] == "EGY"}
    with TestClient(create_app(db_copy)) as c:
        points = c.get("/map.json").json()["points"]
        html = c.get("/map").text
    cairo = {p["event_id"] for p in points if (p["lat"], p["lon"], p["loc_name"]) == (30.04, 31.24, "Cairo")}
    assert egyptian and cairo == egyptian
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points)
    assert html.count('class="dot q') == len(points) and "Cairo" in html


def test_assets_are_served_from_the_package(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Noto Naskh Arabic" in css.text
    assert client.get("/static/favicon.svg").status_code == 200
    for url in PAGES:
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://akhbar', "")), url
