"""Charts as inline SVG, drawn on the server (no JavaScript): pure functions, rows in, markup out.

Colours come from the stylesheet through classes: `q1`…`q4` (the quad
classes: verbal / material cooperation, verbal / material conflict),
`coop` / `conf` / `neutral` for edges by mean Goldstein. Every text that
comes from the data is escaped; links are built with `quote`.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Any
from urllib.parse import quote

from hadath.ontology import QUAD_NAMES

STEP_DAYS = {"day": 1, "week": 7, "month": 31}
MAX_X_LABELS = 8


def _f(x: float) -> str:
    return f"{x:.1f}"


def _svg(width: float, height: float, label: str, body: list[str], css: str = "chart") -> str:
    return (f'<svg class="{css}" xmlns="http://www.w3.org/2000/svg" width="{_f(width)}" height="{_f(height)}" '
            f'viewBox="0 0 {_f(width)} {_f(height)}" '
            f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>{"".join(body)}</svg>')


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start") -> str:
    return f'<text x="{_f(x)}" y="{_f(y)}" class="{cls}" text-anchor="{anchor}">{escape(str(text))}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" class="{cls}"/>'


def _period_end(day: date, interval: str) -> date:
    if interval == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=STEP_DAYS[interval])


def _every(items: list, most: int) -> list:
    step = max(1, math.ceil(len(items) / most))
    return items[::step]


# --- dyad timeline ------------------------------------------------------------

def timeline_svg(periods: list[dict[str, Any]], interval: str = "week", label: str = "timeline",
                 width: int = 760, height: int = 320) -> str:
    """Cooperation (q1, q2) stacked up, conflict (q3, q4) stacked down, per period; mean Goldstein as a line."""
    left, right, top, bottom = 52, 52, 24, 64
    pw, ph = width - left - right, height - top - bottom
    mid, half = top + ph / 2, ph / 2
    if not periods:
        return _svg(width, 80, label, [_text(width / 2, 44, "no dated events", "empty", "middle")])
    days = [date.fromisoformat(p["period"]) for p in periods]
    t0, t1 = days[0], _period_end(days[-1], interval)
    span = max((t1 - t0).days, 1)
    peak = max([p["q1"] + p["q2"] for p in periods] + [p["q3"] + p["q4"] for p in periods] + [1])

    def x(d: date) -> float:
        return left + (d - t0).days / span * pw

    body = _timeline_axes(left, top, pw, ph, mid, peak)
    line = []
    for p, d in zip(periods, days):
        x0, x1 = x(d), x(_period_end(d, interval))
        bw = max(x1 - x0 - 2, 2)
        body += _stack(p, x0 + 1, bw, mid, half / peak)
        if p["goldstein"] is not None:
            line.append((x0 + 1 + bw / 2, mid - p["goldstein"] / 10 * half, p))
    body += _goldstein_line(line) + _timeline_labels(left, top, ph)
    body += [_text((x(d) + x(_period_end(d, interval))) / 2, top + ph + 16, d.isoformat(), "tick", "middle")
             for d in _every(days, MAX_X_LABELS)]
    body += _legend(left, height - 22)
    return _svg(width, height, label, body)


def _timeline_axes(left, top, pw, ph, mid, peak) -> list[str]:
    return [
        f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" class="plot"/>',
        _line(left, mid, left + pw, mid, "zero"),
        _text(left - 6, top + 10, peak, "tick", "end"), _text(left - 6, mid + 4, 0, "tick", "end"),
        _text(left - 6, top + ph, peak, "tick", "end"),
        _text(left + pw + 6, top + 10, "+10", "tick gs"), _text(left + pw + 6, top + ph, "−10", "tick gs"),
    ]


def _timeline_labels(left, top, ph) -> list[str]:
    """Drawn over the bars (with a halo from the stylesheet)."""
    return [_text(left + 4, top + 14, "cooperation ↑ تعاون", "axis"),
            _text(left + 4, top + ph - 6, "conflict ↓ صراع", "axis")]


def _stack(p: dict[str, Any], x0: float, bw: float, mid: float, scale: float) -> list[str]:
    out, up, down = [], mid, mid
    for q in (2, 1, 3, 4):
        n = p[f"q{q}"]
        if not n:
            continue
        h = n * scale
        y = (up - h) if q < 3 else down
        if q < 3:
            up -= h
        else:
            down += h
        tip = f"{p['period']} · {QUAD_NAMES[q]}: {n}"
        out.append(f'<rect x="{_f(x0)}" y="{_f(y)}" width="{_f(bw)}" height="{_f(h)}" class="q{q}">'
                   f"<title>{escape(tip)}</title></rect>")
    return out


def _goldstein_line(points: list[tuple[float, float, dict]]) -> list[str]:
    if not points:
        return []
    coords = " ".join(f"{_f(px)},{_f(py)}" for px, py, _ in points)
    out = [f'<polyline points="{coords}" class="gsline"/>']
    for px, py, p in points:
        tip = f"{p['period']} · mean Goldstein {p['goldstein']:+.1f} ({p['events']} events)"
        out.append(f'<circle cx="{_f(px)}" cy="{_f(py)}" r="3.5" class="gsdot"><title>{escape(tip)}</title></circle>')
    return out


def _legend(x: float, y: float) -> list[str]:
    out = []
    for q, name in QUAD_NAMES.items():
        out += [f'<rect x="{_f(x)}" y="{_f(y - 10)}" width="12" height="12" class="q{q}"/>',
                _text(x + 16, y, name, "legend")]
        x += 28 + 6.3 * len(name)
    out += [_line(x, y - 4, x + 18, y - 4, "gsline"), _text(x + 22, y, "mean Goldstein", "legend")]
    return out


# --- types over time ------------------------------------------------------------

def heatmap_svg(rows: list[dict[str, Any]], quad_of: dict[str, int], label: str = "event types over time") -> str:
    """A grid: one row per PLOVER type, one column per period, shade by count, colour by quad class."""
    if not rows:
        return _svg(400, 60, label, [_text(200, 34, "no dated events", "empty", "middle")])
    periods = sorted({r["period"] for r in rows})
    types = sorted({r["event_type"] for r in rows}, key=lambda t: (quad_of.get(t, 9), t))
    counts = {(r["period"], r["event_type"]): r["events"] for r in rows}
    peak = max(counts.values())
    cw, ch, left, top = max(12, min(44, 640 / len(periods))), 20, 96, 8
    body = [_text(left - 6, top + i * ch + 14, t, "tick", "end") for i, t in enumerate(types)]
    for j, p in enumerate(periods):
        for i, t in enumerate(types):
            n = counts.get((p, t), 0)
            opacity = 0.06 if not n else 0.25 + 0.75 * n / peak
            body.append(f'<rect x="{_f(left + j * cw)}" y="{top + i * ch}" width="{_f(cw - 2)}" height="{ch - 2}" '
                        f'class="q{quad_of.get(t, 0)}" fill-opacity="{opacity:.2f}">'
                        f"<title>{escape(f'{p} · {t}: {n}')}</title></rect>")
    bottom = top + len(types) * ch
    step = max(1, math.ceil(72 / cw))  # a date label is about 70 units wide
    for j, p in list(enumerate(periods))[::step]:
        body.append(_text(left + j * cw, bottom + 14, p, "tick"))
    return _svg(left + len(periods) * cw + 80, bottom + 24, label, body)


# --- actor network ------------------------------------------------------------------

def _circle_layout(nodes: list[str], size: float) -> dict[str, tuple[float, float]]:
    c, r = size / 2, size / 2 - 70
    step = 2 * math.pi / max(len(nodes), 1)
    return {n: (c + r * math.cos(i * step - math.pi / 2), c + r * math.sin(i * step - math.pi / 2))
            for i, n in enumerate(nodes)}


def _tone(goldstein: float | None) -> str:
    if goldstein is None or abs(goldstein) < 0.5:
        return "neutral"
    return "coop" if goldstein > 0 else "conf"


def network_svg(edges: list[dict[str, Any]], names: dict[str, str], size: int = 640, max_nodes: int = 24,
                label: str = "actor network") -> str:
    """Actors on a circle; a curved arrow per directed dyad, width by event count, colour by mean Goldstein."""
    degree: dict[str, int] = {}
    for e in edges:
        for code in (e["source"], e["target"]):
            degree[code] = degree.get(code, 0) + e["events"]
    nodes = sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]
    if not nodes:
        return _svg(size, 60, label, [_text(size / 2, 34, "no dyads", "empty", "middle")])
    pos = _circle_layout(nodes, size)
    top_edge, top_node = max(e["events"] for e in edges), max(degree.values())
    radius = {n: 6 + 12 * math.sqrt(degree[n] / top_node) for n in nodes}
    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" '
            'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>'
            '</marker></defs>']
    body += [_edge(e, pos, top_edge, radius[e["target"]]) for e in edges if e["source"] in pos and e["target"] in pos]
    body += [_node(n, pos[n], radius[n], degree[n], names.get(n, n)) for n in nodes]
    return _svg(size, size, label, body, "chart network")


def _edge(e: dict[str, Any], pos: dict, top: int, target_radius: float) -> str:
    (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    cx, cy = mx - dy * 0.15, my + dx * 0.15  # bend to one side: a->b and b->a do not overlap
    back = math.hypot(x2 - cx, y2 - cy) or 1.0  # stop at the target's rim, along the curve's last direction
    x2, y2 = x2 - (x2 - cx) / back * (target_radius + 2), y2 - (y2 - cy) / back * (target_radius + 2)
    width = 1 + 5 * math.sqrt(e["events"] / top)
    gs = e.get("goldstein")
    tip = f"{e['source']} → {e['target']}: {e['events']} events" + (f", mean Goldstein {gs:+.1f}" if gs is not None
                                                                       else "")
    href = f"/dyads/{quote(e['source'], safe='')}/{quote(e['target'], safe='')}"
    return (f'<a href="{escape(href)}"><path d="M{_f(x1)},{_f(y1)} Q{_f(cx)},{_f(cy)} {_f(x2)},{_f(y2)}" '
            f'class="edge {_tone(gs)}" stroke-width="{width:.1f}" marker-end="url(#arrow)">'
            f"<title>{escape(tip)}</title></path></a>")


def _node(code: str, xy: tuple[float, float], r: float, degree: int, name: str) -> str:
    x, y = xy
    href = f"/events?actor={quote(code, safe='')}"
    return (f'<a href="{escape(href)}"><circle cx="{_f(x)}" cy="{_f(y)}" r="{r:.1f}" class="node">'
            f"<title>{escape(f'{name} ({code}): {degree} events')}</title></circle>"
            f"{_text(x, y - r - 4, code, 'nodelabel', 'middle')}</a>")


# --- map ------------------------------------------------------------------------------

def map_svg(points: list[dict[str, Any]], width: int = 720, label: str = "events with coordinates") -> str:
    """An equirectangular plot: a 30° graticule and one dot per event, coloured by quad class."""
    height = width / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    body = [f'<rect x="0" y="0" width="{width}" height="{_f(height)}" class="plot"/>']
    for lon in range(-150, 180, 30):
        body.append(_line(xy(0, lon)[0], 0, xy(0, lon)[0], height, "grid"))
    for lat in range(-60, 90, 30):
        body.append(_line(0, xy(lat, 0)[1], width, xy(lat, 0)[1], "grid" if lat else "zero"))
    for p in points:
        x, y = xy(p["lat"], p["lon"])
        place = ", ".join(str(p[k]) for k in ("loc_name", "loc_country") if p.get(k))
        tip = (f"{p.get('date') or '?'} · {p['event_type']} {p.get('source_code') or ''} → "
               f"{p.get('target_code') or ''}" + (f" · {place}" if place else ""))
        href = f"/events/{quote(str(p['event_id']), safe='')}"
        body.append(f'<a href="{escape(href)}"><circle cx="{_f(x)}" cy="{_f(y)}" r="4" '
                    f'class="dot q{p.get("quad_class") or 0}"><title>{escape(tip)}</title></circle></a>')
    return _svg(width, height, label, body, "chart map")
