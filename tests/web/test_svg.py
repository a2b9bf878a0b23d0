"""Charts (svg.py), spans (highlight.py) and the map query (queries.py): pure functions."""

from __future__ import annotations

import duckdb
import pytest

from hadath.store.duckdb_store import create_table_sql
from hadath.web import queries, svg
from hadath.web.highlight import event_spans, segments

SENTENCE = "اتهمت روسيا أوكرانيا بقصف منشآت."


def period(day: str, q1=0, q2=0, q3=0, q4=0, gs=0.0) -> dict:
    return {"period": day, "events": q1 + q2 + q3 + q4, "q1": q1, "q2": q2, "q3": q3, "q4": q4, "goldstein": gs}


def test_segments_join_back_to_the_text_and_mark_each_span():
    spans = [{"role": "trigger", "start": 100, "end": 105}, {"role": "source", "start": 106, "end": 111},
             {"role": "target", "start": 112, "end": 120}]
    segs = segments(SENTENCE, 100, spans)
    assert "".join(s["text"] for s in segs) == SENTENCE
    assert [(s["text"], s["classes"]) for s in segs if s["classes"]] == [
        ("اتهمت", ["trigger"]), ("روسيا", ["source"]), ("أوكرانيا", ["target"])]


def test_overlapping_spans_share_a_segment():
    segs = segments(SENTENCE, 0, [{"role": "trigger", "start": 0, "end": 11}, {"role": "source", "start": 6, "end": 11}])
    assert [(s["text"], s["classes"]) for s in segs if s["classes"]] == [
        ("اتهمت ", ["trigger"]), ("روسيا", ["source", "trigger"])]


@pytest.mark.parametrize("span", [{"role": "target", "start": 500, "end": 505},
                                  {"role": "target", "start": 5, "end": 5},
                                  {"role": "target", "start": None, "end": None},
                                  {"role": "target", "start": 0, "end": 5, "in_sentence": False}])
def test_spans_outside_or_broken_are_not_marked(span):
    assert segments(SENTENCE, 0, [span]) == [{"text": SENTENCE, "classes": []}]


def test_event_spans_take_the_text_at_the_offsets_and_flag_context_actors():
    event = {"sentence_start": 10, "sentence_end": 10 + len(SENTENCE), "sentence": SENTENCE, "trigger": "اتهمت",
             "trigger_start": 10, "trigger_end": 15, "event_type": "ACCUSE"}
    actors = [{"role": "recipient", "position": 0, "start": 300, "end": 304, "text": "قطر", "code": "QAT",
               "sector": None, "name_en": "Qatar"},
              {"role": "actor", "position": 0, "start": 16, "end": 21, "text": "روسيا", "code": "RUS",
               "sector": "GOV", "name_en": "Russia"}]
    spans = event_spans(event, actors)
    assert [(s["role"], s["text"], s["code"], s["in_sentence"]) for s in spans] == [
        ("trigger", "اتهمت", "ACCUSE", True), ("source", "روسيا", "RUS-GOV", True), ("target", "قطر", "QAT", False)]


def test_timeline_stacks_cooperation_up_and_conflict_down():
    chart = svg.timeline_svg([period("2024-03-04", q1=2, q3=1, gs=1.5), period("2024-03-18", q4=3, gs=-9)], "week")
    assert chart.count('class="q1"') == 2 and chart.count('class="q4"') == 2  # bars + legend swatch
    assert chart.count('class="gsdot"') == 2 and "2024-03-18 · material conflict: 3" in chart


def test_timeline_without_periods_says_so():
    assert "no dated events" in svg.timeline_svg([], "day")


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_timeline_bars_stay_inside_the_plot(interval):
    chart = svg.timeline_svg([period("2024-01-01", q2=1), period("2024-02-01", q3=4)], interval, width=500)
    xs = [float(x) for x in __import__("re").findall(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="[\d.]+" '
                                                      r'class="q[1-4]"><title>', chart)]
    assert xs and all(52 <= x <= 500 - 52 for x in xs)


def test_charts_escape_data_text():
    evil = "<script>alert(1)</script>"
    chart = svg.network_svg([{"source": evil, "target": "EGY", "events": 2, "goldstein": -3.0}], {evil: evil})
    assert "<script>" not in chart and "&lt;script&gt;" in chart
    assert "<script>" not in svg.timeline_svg([period("2024-01-01", q1=1)], "day", label=evil)


def test_network_edge_width_grows_with_events():
    edges = [{"source": "EGY", "target": "JOR", "events": 9, "goldstein": 2.0},
             {"source": "RUS", "target": "UKR", "events": 1, "goldstein": -9.0}]
    chart = svg.network_svg(edges, {})
    assert 'class="edge coop" stroke-width="6.0"' in chart and 'class="edge conf" stroke-width="2.7"' in chart
    assert 'href="/dyads/EGY/JOR"' in chart


def test_map_puts_points_where_they_belong():
    chart = svg.map_svg([{"event_id": "e1", "lat": 0.0, "lon": 0.0, "event_type": "AID", "quad_class": 2},
                         {"event_id": "e2", "lat": 90.0, "lon": -180.0, "event_type": "AID", "quad_class": 2}], 720)
    assert '<circle cx="360.0" cy="180.0"' in chart and '<circle cx="0.0" cy="0.0"' in chart


def test_heatmap_has_a_row_per_type():
    rows = [{"period": "2024-03-04", "event_type": "CONSULT", "events": 2},
            {"period": "2024-03-11", "event_type": "ASSAULT", "events": 1}]
    chart = svg.heatmap_svg(rows, {"CONSULT": 1, "ASSAULT": 4})
    assert chart.index(">CONSULT<") < chart.index(">ASSAULT<") and chart.count("<rect") == 4


def test_map_points_are_none_without_lat_lon_columns():
    con = duckdb.connect()
    con.execute("CREATE TABLE events (event_id VARCHAR, date VARCHAR)")
    assert queries.map_points(con) == []


def test_map_points_read_lat_lon_columns_when_the_table_has_them():
    con = duckdb.connect()
    con.execute(create_table_sql("events"))
    for column in ("lat", "lon"):  # the schema may have them already
        con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} DOUBLE")
    con.execute("INSERT INTO events (event_id, event_type, quad_class, lat, lon) VALUES "
                "('a', 'AID', 2, 30.04, 31.24), ('b', 'AID', 2, NULL, NULL), ('c', 'AID', 2, 200, 0)")
    assert [(p["event_id"], p["lat"], p["lon"]) for p in queries.map_points(con)] == [("a", 30.04, 31.24)]


def test_queries_refuse_an_unknown_interval():
    from hadath.errors import StoreError

    with pytest.raises(StoreError, match="interval"):
        queries.type_periods(duckdb.connect(), "year")
