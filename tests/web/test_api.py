"""The REST API in-process (TestClient) on the fixture database."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from hadath.export.plover import plover_record  # noqa: E402
from hadath.ingest import article_from_html, article_from_text  # noqa: E402
from hadath.pipeline import code_article  # noqa: E402
from hadath.store.duckdb_store import DuckStore  # noqa: E402
from hadath.web import create_app  # noqa: E402

from .conftest import FIXTURES, NEWS, SEED  # noqa: E402

API = "/api/v1"
INJECTIONS = [
    "'; DROP TABLE events; --",
    "EGY' OR '1'='1",
    "\" OR 1=1 --",
    "x'); DELETE FROM event_actors; --",
    "%' UNION SELECT * FROM articles --",
    "مصر'; DROP TABLE articles;--",
]
STRING_FILTERS = ["actor", "recipient", "type", "since", "until", "outlet", "q", "quad_class", "limit", "offset"]


def fixture_rows() -> list[dict]:
    return [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def expected_records(article) -> list[dict]:
    coded = code_article(article)
    return [plover_record(e, coded.article, coded.sentence_text(e.sentence_index)) for e in coded.events]


def ids(rows: list[dict]) -> list[str]:
    return [r["event_id"] for r in rows]


# --- GET /events --------------------------------------------------------------------

def test_events_returns_every_stored_event_in_store_order(client, stored_events):
    body = client.get(f"{API}/events", params={"limit": 500}).json()
    assert body["total"] == len(stored_events) > 10
    assert ids(body["events"]) == ids(stored_events)


@pytest.mark.parametrize("params, store_filters", [
    ({"actor": "EGY"}, {"actor": "EGY"}),
    ({"actor": "EGY-GOV"}, {"actor": "EGY-GOV"}),
    ({"recipient": "JOR"}, {"recipient": "JOR"}),
    ({"actor": "RUS", "recipient": "UKR"}, {"actor": "RUS", "recipient": "UKR"}),
    ({"type": "CONSULT"}, {"event_type": "CONSULT"}),
    ({"quad_class": 4}, {"quad_class": 4}),
    ({"since": "2024-03-12"}, {"since": "2024-03-12"}),
    ({"until": "2024-03-11"}, {"until": "2024-03-11"}),
    ({"since": "2024-03", "until": "2024-03-31"}, {"since": "2024-03", "until": "2024-03-31"}),
    ({"outlet": "sahifa.example"}, {"outlet": "sahifa.example"}),
    ({"q": "الأردن"}, {"text": "الأردن"}),
    ({"type": "ACCUSE", "outlet": "akhbar.example"}, {"event_type": "ACCUSE", "outlet": "akhbar.example"}),
])
def test_events_filters_match_the_store_query(client, web_db, stored_events, params, store_filters):
    body = client.get(f"{API}/events", params=params).json()
    with DuckStore(web_db, read_only=True) as store:
        expected = store.query_events(**store_filters, limit=500)
    assert ids(body["events"]) == ids(expected)
    assert body["total"] == len(expected)
    assert 0 < len(expected) < len(stored_events), "a fixture filter should narrow, not empty, the list"


def test_events_pages_with_limit_and_offset(client, stored_events):
    body = client.get(f"{API}/events", params={"limit": 5, "offset": 5}).json()
    assert (body["limit"], body["offset"], body["total"]) == (5, 5, len(stored_events))
    assert ids(body["events"]) == ids(stored_events[5:10])


@pytest.mark.parametrize("limit", [1, 7, 500])
def test_paging_to_the_end_gives_every_event_once_in_store_order(client, stored_events, limit):
    seen = []
    for offset in range(0, len(stored_events) + limit, limit):
        body = client.get(f"{API}/events", params={"limit": limit, "offset": offset}).json()
        assert body["total"] == len(stored_events)
        seen += ids(body["events"])
    assert seen == ids(stored_events)


def test_an_offset_past_the_end_gives_no_events_and_the_total(client, stored_events):
    body = client.get(f"{API}/events", params={"offset": len(stored_events) + 3}).json()
    assert body["events"] == [] and body["total"] == len(stored_events)


def test_a_filtered_page_counts_only_the_matching_events(client, stored_events):
    egypt = [r for r in stored_events if r["source_code"] == "EGY"]
    body = client.get(f"{API}/events", params={"actor": "EGY", "limit": 2, "offset": 1}).json()
    assert body["total"] >= len(egypt) > 3  # actor matches any source of the event, not only the first
    assert len(body["events"]) == 2


def test_a_repeated_request_gets_the_same_bytes(client):
    first, again = (client.get(f"{API}/events", params={"limit": 3, "type": "CONSULT"}) for _ in range(2))
    assert first.status_code == 200 and first.content == again.content


@pytest.mark.parametrize("params", [
    {"limit": 501}, {"limit": 0}, {"limit": -1}, {"offset": -1}, {"limit": "ten"},
    {"quad_class": 5}, {"quad_class": 0}, {"type": "PARTY"}, {"type": "consult"},
    {"since": "yesterday"}, {"until": "2024-13-1"}, {"actor": "X" * 65},
])
def test_events_rejects_bad_parameters_with_422_json(client, params):
    response = client.get(f"{API}/events", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_events_limit_cap_is_500(client):
    assert client.get(f"{API}/events", params={"limit": 500}).status_code == 200


# --- GET /events/{id} -----------------------------------------------------------------

def test_event_detail_has_sentence_spans_and_article(client, stored_events):
    for row in stored_events:
        body = client.get(f"{API}/events/{row['event_id']}").json()
        assert body["event"] == row
        trigger = [s for s in body["spans"] if s["role"] == "trigger"][0]
        assert trigger["in_sentence"] and trigger["text"] in row["trigger"]  # offsets may leave out clitics
        assert body["article"]["article_id"] == row["article_id"]
        article = body["article"]["text"]
        assert body["sentence"] == article[row["sentence_start"]:row["sentence_end"]]
        for span in body["spans"]:
            assert article[span["start"]:span["end"]] == span["text"]
        assert ("source" in {s["role"] for s in body["spans"]}) == (row["source_code"] is not None)


def test_event_detail_glosses_in_english(client, stored_events):
    row = next(r for r in stored_events if r["source_code"] == "RUS")
    gloss = client.get(f"{API}/events/{row['event_id']}").json()["gloss"]
    assert gloss["source"] == "Russia" and gloss["event"]["en"] and gloss["quad"]


def test_unknown_event_is_404_json(client):
    response = client.get(f"{API}/events/0000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event '0000000000'"}


def test_unknown_api_path_is_404_json(client):
    response = client.get(f"{API}/nothing-here")
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}


# --- GET /actors ------------------------------------------------------------------------

def test_actors_are_ranked_by_events_with_names(client):
    actors = client.get(f"{API}/actors").json()["actors"]
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    egypt = next(a for a in actors if a["code"] == "EGY")
    assert egypt["name"] == "Egypt" and egypt["as_source"] > 0 and egypt["as_target"] > 0
    assert egypt["text_ar"]


def test_actors_limit_and_role(client):
    assert len(client.get(f"{API}/actors", params={"limit": 2}).json()["actors"]) == 2
    targets = client.get(f"{API}/actors", params={"role": "recipient"}).json()["actors"]
    assert all(a["as_source"] == 0 for a in targets)
    assert client.get(f"{API}/actors", params={"limit": 501}).status_code == 422
    assert client.get(f"{API}/actors", params={"role": "boss"}).status_code == 422


# --- GET /dyads/{a}/{b}/timeline ------------------------------------------------------------

def dyad_count(web_db, a: str, b: str, directed: bool) -> int:
    with DuckStore(web_db, read_only=True) as store:
        n = len(store.query_events(actor=a, recipient=b, limit=500))
        return n if directed else n + len(store.query_events(actor=b, recipient=a, limit=500))


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("directed", [False, True])
def test_dyad_timeline_counts_every_event_of_the_dyad(client, web_db, interval, directed):
    body = client.get(f"{API}/dyads/EGY/JOR/timeline", params={"interval": interval, "directed": directed}).json()
    periods = body["periods"]
    assert sum(p["events"] for p in periods) == dyad_count(web_db, "EGY", "JOR", directed) > 0
    assert all(p["events"] == p["q1"] + p["q2"] + p["q3"] + p["q4"] for p in periods)
    assert [p["period"] for p in periods] == sorted(p["period"] for p in periods)
    assert all(-10 <= p["goldstein"] <= 10 for p in periods)


def test_dyad_timeline_weeks_start_on_monday(client):
    from datetime import date

    periods = client.get(f"{API}/dyads/EGY/JOR/timeline").json()["periods"]
    assert periods and all(date.fromisoformat(p["period"]).weekday() == 0 for p in periods)


def test_dyad_timeline_of_strangers_is_empty(client):
    assert client.get(f"{API}/dyads/EGY/UKR/timeline").json()["periods"] == []


def test_dyad_timeline_rejects_an_unknown_interval(client):
    assert client.get(f"{API}/dyads/EGY/JOR/timeline", params={"interval": "year"}).status_code == 422


# --- SQL injection through every filter -----------------------------------------------------

@pytest.mark.parametrize("attack", INJECTIONS)
@pytest.mark.parametrize("name", STRING_FILTERS)
def test_injection_strings_in_filters_find_nothing_or_are_rejected(client, name, attack):
    response = client.get(f"{API}/events", params={name: attack})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json()["total"] == 0


@pytest.mark.parametrize("attack", INJECTIONS)
def test_injection_strings_in_paths_find_nothing(client, attack):
    from urllib.parse import quote

    q = quote(attack, safe="")
    assert client.get(f"{API}/events/{q}").status_code in (404, 422)
    timeline = client.get(f"{API}/dyads/{q}/{q}/timeline")
    assert timeline.status_code in (200, 404, 422)
    if timeline.status_code == 200:
        assert timeline.json()["periods"] == []
    assert client.get(f"/events/{q}").status_code in (404, 400)


def test_injection_attempts_leave_every_table_intact(client, web_db, stored_events):
    for attack in INJECTIONS:
        for name in STRING_FILTERS:
            client.get(f"{API}/events", params={name: attack})
        client.get(f"{API}/actors", params={"role": attack})
    with DuckStore(web_db, read_only=True) as store:
        counts = store.counts()
    assert counts["events"] == len(stored_events) and counts["articles"] == len(fixture_rows())


# --- POST /code ------------------------------------------------------------------------------

@pytest.mark.parametrize("row", fixture_rows(), ids=lambda r: r["id"])
def test_code_returns_the_pipelines_plover_records(client, row):
    body = {"text": row["text"], "url": row["url"], "date": row["date"], "title": row["title"], "id": row["id"]}
    response = client.post(f"{API}/code", json=body)
    assert response.status_code == 200, response.text
    article = article_from_text(row["text"], title_from_first_line=True, url=row["url"], title=row["title"],
                                published=row["date"], source_id=row["id"])
    assert response.json()["records"] == expected_records(article)
    assert response.json()["stored"] is False


def test_code_reads_html(client):
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    response = client.post(f"{API}/code", json={"html": html, "url": "https://akhbar.example/p"})
    assert response.status_code == 200, response.text
    records = response.json()["records"]
    assert records == expected_records(article_from_html(html, url="https://akhbar.example/p"))
    assert records and records[0]["cite_info"]["title"] == "الأردن يستضيف محادثات إقليمية"


@pytest.mark.shared
@pytest.mark.parametrize("path", sorted(SEED.glob("*.txt")) if SEED.is_dir() else
                         [pytest.param(None, marks=pytest.mark.skip(reason=f"no seed articles at {SEED}"))])
def test_code_codes_the_seed_article_like_the_pipeline(client, path):
    text = path.read_text(encoding="utf-8")
    response = client.post(f"{API}/code", json={"text": text})
    assert response.status_code == 200, response.text
    records = response.json()["records"]
    assert records and records == expected_records(article_from_text(text, title_from_first_line=True))


@pytest.mark.parametrize("text, reason", [
    ("   ", "empty"),
    ("قال الوزير", "too-short"),
    ("The minister met his counterpart in Paris on Monday and they talked.", "not-arabic"),
])
def test_code_skips_what_it_cannot_code_and_says_why(client, text, reason):
    response = client.post(f"{API}/code", json={"text": text, "store": True})
    assert response.status_code == 200
    assert response.json()["skipped"]["reason"] == reason
    assert response.json()["records"] == [] and response.json()["stored"] is False


@pytest.mark.parametrize("body, status", [
    ({}, 422),
    ({"text": None}, 422),
    ({"text": "نص", "html": "<p>نص</p>"}, 422),
    ({"text": "نص", "colour": "red"}, 422),
    ({"text": 12}, 422),
    ({"text": "التقى الوزير نظيره", "store": "perhaps"}, 422),
])
def test_code_rejects_unusable_input_with_json_errors(client, body, status):
    response = client.post(f"{API}/code", json=body)
    assert response.status_code == status, response.text
    assert "Traceback" not in response.text and "detail" in response.json()


def test_code_rejects_a_body_that_is_not_json(client):
    response = client.post(f"{API}/code", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422


def test_code_rejects_a_body_over_the_size_limit(web_db):
    with TestClient(create_app(web_db, max_body=1000)) as small:
        response = small.post(f"{API}/code", json={"text": "ا" * 2000})
        assert response.status_code == 413 and "bytes" in response.json()["detail"]

        def chunks():  # no Content-Length: counted while read
            yield b'{"text": "'
            for _ in range(10):
                yield "ب".encode() * 100
            yield b'"}'

        response = small.post(f"{API}/code", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413


def test_code_stores_only_when_asked(db_copy):
    row = fixture_rows()[0]
    new_text = row["text"].replace("الاثنين", "الثلاثاء")
    with TestClient(create_app(db_copy)) as c:
        before = c.get(f"{API}/events").json()["total"]
        assert c.post(f"{API}/code", json={"text": new_text}).json()["stored"] is False
        assert c.get(f"{API}/events").json()["total"] == before
        response = c.post(f"{API}/code", json={"text": new_text, "store": True})
        assert response.status_code == 200 and response.json()["stored"] is True
        added = len(response.json()["records"])
        assert added and c.get(f"{API}/events").json()["total"] == before + added
        first = response.json()["records"][0]["id"]
        assert c.get(f"{API}/events/{first}").status_code == 200


def test_answers_given_before_a_store_are_not_given_after_it(db_copy):
    text = fixture_rows()[0]["text"].replace("الاثنين", "الأربعاء")
    with TestClient(create_app(db_copy)) as c:
        before = {url: c.get(url).json() for url in (f"{API}/events?limit=500", f"{API}/actors?limit=500")}
        records = c.post(f"{API}/code", json={"text": text, "store": True}).json()["records"]
        events = c.get(f"{API}/events?limit=500").json()
        actors = c.get(f"{API}/actors?limit=500").json()
    assert records and events["total"] == before[f"{API}/events?limit=500"]["total"] + len(records)
    assert {r["id"] for r in records} <= set(ids(events["events"]))
    assert actors != before[f"{API}/actors?limit=500"]


def test_storing_needs_the_token_when_one_is_set(db_copy):
    text = fixture_rows()[1]["text"].replace("المنطقة", "الإقليم")
    with TestClient(create_app(db_copy, token="s3cret")) as c:
        assert c.post(f"{API}/code", json={"text": text}).status_code == 200  # coding alone is open
        denied = c.post(f"{API}/code", json={"text": text, "store": True})
        assert denied.status_code == 401 and denied.headers["www-authenticate"] == "Bearer"
        wrong = c.post(f"{API}/code", json={"text": text, "store": True}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        ok = c.post(f"{API}/code", json={"text": text, "store": True}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["stored"] is True


# --- errors, spec, app ---------------------------------------------------------------------

def test_a_crash_answers_500_json_without_a_stack_trace(web_db, monkeypatch):
    from hadath.web import views

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "actors_view", boom)
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        response = c.get(f"{API}/actors")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (see the server log)"}


def test_missing_database_is_a_clear_error(tmp_path):
    from hadath.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "absent.duckdb")


def test_openapi_spec_lists_every_endpoint(client):
    spec = client.get(f"{API}/openapi.json").json()
    assert set(spec["paths"]) == {f"{API}/events", f"{API}/events/{{event_id}}", f"{API}/actors",
                                  f"{API}/dyads/{{a}}/{{b}}/timeline", f"{API}/code"}
    assert "EventRow" in spec["components"]["schemas"]


def test_answers_carry_security_headers(client):
    headers = client.get(f"{API}/actors").headers
    assert "script-src" not in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [f"{API}/events", f"{API}/nope", "/events"])
def test_answers_say_how_long_the_server_took(client, path):
    timing = client.get(path).headers["server-timing"]
    assert timing.startswith("app;dur=") and float(timing.removeprefix("app;dur=")) >= 0


def test_loopback_server_refuses_foreign_host_headers(web_db):
    from hadath.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(web_db, allowed_hosts=LOOPBACK_HOSTS)) as c:
        assert c.get(f"{API}/actors").status_code == 200
        assert c.get(f"{API}/actors", headers={"host": "evil.example"}).status_code == 400


def test_a_request_over_the_time_limit_gets_503_json(web_db, monkeypatch):
    import time as _time

    from fastapi.testclient import TestClient

    from hadath.web import views

    real = views.code_request
    monkeypatch.setattr(views, "code_request", lambda body: (_time.sleep(1.0), real(body))[1])
    with TestClient(create_app(web_db, max_seconds=0.2)) as slow:
        r = slow.post("/api/v1/code", json={"text": "التقى وزير الخارجية المصري نظيره الأردني في عمان."})
        assert r.status_code == 503 and "over 0.2 s" in r.json()["detail"]
        assert slow.get("/api/v1/events?limit=1").status_code == 200  # the server goes on
