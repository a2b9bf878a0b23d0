#!/usr/bin/env python3
"""Bounded load test of the hadath API: `hadath serve` on 127.0.0.1, hit by N concurrent clients.

Builds a DuckDB file from generated fictional Arabic articles (`--articles`, or
reuse one with `--db`), starts `python -m hadath.cli serve` on a free loopback
port as a subprocess, then for each endpoint and each concurrency level sends a
fixed number of requests (`--requests`) from that many threads, each with its own
keep-alive HTTP connection (after 5 uncounted warm-up
requests per endpoint), stopping a level at `--level-cap` seconds and the
whole run at `--total-cap` seconds. Prints a markdown table: endpoint,
concurrency, requests, errors (non-2xx or transport errors), throughput (req/s),
p50 and p99 latency (ms) as the clients see it, and p50 and p99 of the server's
own time (its `Server-Timing` header: from the request's arrival to the start
of the answer, so without the clients' share of the CPU). The second
`GET /events` row asks for a new page with every request (offset 0, 50, 100, …,
across the levels too, wrapping around after the last page), so that no
answer comes from the server's answer cache. Stops the server by itself.

Example:
  python scripts/loadtest.py --articles 20000
  python scripts/loadtest.py --db events.duckdb --levels 1,8 --requests 500
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT))
from tests.reliability._corpus import article_text  # noqa: E402  (one generator for tests and this script)


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def build_db(n: int, folder: Path) -> Path:
    corpus, db = folder / "corpus.jsonl", folder / "load.duckdb"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = {"id": f"load-{i}", "url": f"https://news.example/ar/{i}",
                   "date": f"{2020 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": article_text(i)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "hadath.cli", "ingest", str(corpus), "--db", str(db), "--quiet"],
                   env=env(), check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    print(f"built {db} from {n} articles in {time.monotonic() - start:.1f} s", file=sys.stderr)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "hadath.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env(), stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"hadath serve exited with {proc.returncode} (log: {log.name})")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/events?limit=1")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("hadath serve did not answer within 60 s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def server_ms(response: http.client.HTTPResponse) -> float | None:
    """The server's own time for the request (its `Server-Timing: app;dur=<ms>` header), if given."""
    for part in (response.getheader("server-timing") or "").split(";"):
        if part.strip().startswith("dur="):
            return float(part.strip()[4:])
    return None


def run_level(port: int, method: str, path, bodies: list[bytes] | None, concurrency: int, requests: int,
              cap_s: float) -> dict:
    """`path`: a string, or a function of the request number giving the path (distinct pages)."""
    lock = threading.Lock()
    state = {"next": 0, "errors": 0}
    latencies: list[float] = []
    server: list[float] = []
    stop_at = time.monotonic() + cap_s

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if state["next"] >= requests or time.monotonic() >= stop_at:
                    break
                i = state["next"]
                state["next"] += 1
            body = bodies[i % len(bodies)] if bodies else None
            headers = {"Content-Type": "application/json"} if body else {}
            target = path(i) if callable(path) else path
            t0 = time.perf_counter()
            took = None
            try:
                conn.request(method, target, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok, took = 200 <= response.status < 300, server_ms(response)
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                state["errors"] += not ok
                if took is not None:
                    server.append(took)
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"requests": len(latencies), "errors": state["errors"], "rps": len(latencies) / wall if wall else 0.0,
            "p50": percentile(latencies, 0.50) * 1000, "p99": percentile(latencies, 0.99) * 1000,
            "server_p50": percentile(server, 0.50), "server_p99": percentile(server, 0.99)}


def event_total(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/v1/events?limit=1")
    total = json.loads(conn.getresponse().read())["total"]
    conn.close()
    return total


def distinct_pages(total: int, limit: int = 50):
    """Paths of successive pages, one new page per request (across levels too) until they wrap around."""
    counter = iter(range(10**9))
    pages = max(1, total // limit)
    return lambda _: f"/api/v1/events?limit={limit}&offset={next(counter) % pages * limit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000,
                        help="articles in the generated database (the size the issue sets its target for)")
    parser.add_argument("--db", type=Path, default=None, help="use this database instead of building one")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint and concurrency level")
    parser.add_argument("--levels", default="1,2,4,8,16,32", help="concurrency levels, comma-separated")
    parser.add_argument("--level-cap", type=float, default=30.0, help="seconds at most per level")
    parser.add_argument("--total-cap", type=float, default=240.0, help="seconds at most for all the load")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]

    with tempfile.TemporaryDirectory(prefix="hadath-load-") as tmp:
        db = args.db or build_db(args.articles, Path(tmp))
        port = free_port()
        with open(Path(tmp) / "serve.log", "w") as log:
            server = start_server(db, port, log)
            try:
                total = event_total(port)
                endpoints = [
                    ("GET /api/v1/events?limit=50", "GET", "/api/v1/events?limit=50", None),
                    ("GET /api/v1/events?limit=50&offset=(new page each request)", "GET", distinct_pages(total),
                     None),
                    ("POST /api/v1/code", "POST", "/api/v1/code",
                     [json.dumps({"text": article_text(100_000 + i)}, ensure_ascii=False).encode() for i in range(50)]),
                ]
                rows, started = [], time.monotonic()
                for label, method, path, bodies in endpoints:
                    run_level(port, method, path, bodies, 1, 5, 30.0)  # warm-up (lazy imports, caches): not counted
                    for level in levels:
                        left = args.total_cap - (time.monotonic() - started)
                        if left <= 0:
                            print(f"total cap reached: {label} at {level} not run", file=sys.stderr)
                            continue
                        result = run_level(port, method, path, bodies, level, args.requests, min(args.level_cap, left))
                        rows.append((label, level, result))
                        print(f"{label} c={level}: {result}", file=sys.stderr)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()

    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; {when}; "
          f"database: {'given ' + str(args.db) if args.db else f'{args.articles} generated articles'}; "
          f"{args.requests} requests per level, level cap {args.level_cap:.0f} s\n")
    print("| endpoint | concurrency | requests | errors | throughput req/s | p50 ms | p99 ms "
          "| server p50 ms | server p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, level, r in rows:
        print(f"| {label} | {level} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | {r['p50']:.1f} "
              f"| {r['p99']:.1f} | {r['server_p50']:.1f} | {r['server_p99']:.1f} |")


if __name__ == "__main__":
    main()
