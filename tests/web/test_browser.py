"""End to end in a real headless chromium (Debian's, driven by playwright) against uvicorn.

Skips with a message where playwright or /usr/bin/chromium is missing; CI
installs both. Screenshots of the event page and the dyad timeline go to
`test-artifacts/` (git-ignored).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
pytest.importorskip("fastapi")

PAGES = ["/", "/events", "/actors", "/dyads/EGY/JOR", "/network", "/map", "/index.json"]


def test_every_page_loads_without_errors(page, live_server):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    for url in PAGES:
        response = page.goto(live_server + url)
        assert response.status == 200, url
        if not url.endswith(".json"):
            assert page.locator("main h1").count() == 1, url
            assert page.evaluate("getComputedStyle(document.body).fontFamily"), url
    assert problems == []


def test_filter_then_open_an_event_shows_its_highlighted_trigger(page, live_server, stored_events, artifacts):
    accusations = [r for r in stored_events if r["event_type"] == "ACCUSE"]
    page.goto(live_server + "/events")
    page.click('a.chip[data-type="ACCUSE"]')
    page.wait_for_url("**/events?type=ACCUSE")
    assert page.locator("table.events tbody tr").count() == len(accusations)

    page.fill('input[name="actor"]', "RUS")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**actor=RUS**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == len([r for r in accusations if r["source_code"] == "RUS"]) >= 1

    rows.first.locator("a.trigger-link").click()
    page.wait_for_url("**/events/*")
    event = next(r for r in accusations if r["source_code"] == "RUS")
    sentence = page.locator("blockquote.sentence")
    assert sentence.evaluate("e => getComputedStyle(e).direction") == "rtl"
    trigger = sentence.locator("mark.trigger")
    assert trigger.is_visible() and trigger.inner_text() == event["trigger"]
    assert sentence.locator("mark.source").inner_text() == event["source_text"]
    assert sentence.locator("mark.target").inner_text() == event["target_text"]
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)


def test_dyad_timeline_draws_the_chart(page, live_server, artifacts):
    page.goto(live_server + "/dyads/EGY/JOR")
    chart = page.locator("figure.timeline svg")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert chart.locator("rect.q1").count() > 0 and chart.locator("circle.gsdot").count() > 0
    page.click("text=day")
    page.wait_for_url("**interval=day")
    days = page.locator("table.periods tbody tr").count()
    assert days == page.locator("figure.timeline svg rect.gsdot, figure.timeline svg circle.gsdot").count() >= 5
    page.goto(live_server + "/dyads/EGY/JOR")
    page.locator("figure.timeline").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "dyad_timeline.png"), full_page=True)
