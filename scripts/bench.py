"""Throughput and memory benchmark (`make bench`) -> docs/benchmarks.md.

Each measurement runs in its own subprocess so peak RSS is its own. Corpora are
built in a temporary folder from ../shared/data/ant/ant_sample.jsonl (1,800
articles): a 20,000-article JSONL (articles repeated with a numbered line so each
text is new), the same wrapped in HTML pages, and in a WARC file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import resource
import site
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HTML = ("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{title}</title>"
        "</head><body><nav><a href=\"/\">الرئيسية</a> <a href=\"/world\">العالم</a></nav><article><h1>{title}</h1>"
        "{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>")


def build(ant: Path, tmp: Path, n: int) -> dict[str, Path]:
    rows = [json.loads(line) for line in ant.open(encoding="utf-8")]
    jsonl, html_dir, warc = tmp / f"text{n}.jsonl", tmp / f"html{n}", tmp / f"pages{n}.warc.gz"
    html_dir.mkdir()
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with jsonl.open("w", encoding="utf-8") as out, warc.open("wb") as wf:
        writer = WARCWriter(wf, gzip=True)
        for i in range(n):
            r = dict(rows[i % len(rows)])
            if i >= len(rows):
                r["text"] = f"{r['text']}\n(نسخة {i})"
                r["id"] = f"{r['id']}-{i}"
            out.write(json.dumps({k: r[k] for k in ("id", "url", "title", "date", "text")}, ensure_ascii=False) + "\n")
            paras = "".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())
            page = HTML.format(title=r["title"], paras=paras).encode("utf-8")
            (html_dir / f"{i:06d}.html").write_bytes(page)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/a/{i}", "response",
                                                          payload=io.BytesIO(page),
                                                          http_headers=headers))
    return {"jsonl": jsonl, "html": html_dir, "warc": warc}


# --- measurements, each run in a child process --------------------------------

def m_text(path: str, limit: int) -> dict:
    from hadath.ingest import iter_inputs
    from hadath.pipeline import code_article, warm_up

    items = [a for a in iter_inputs([path]) if hasattr(a, "text")][:limit]
    mb = sum(len(a.text.encode()) for a in items) / 1e6
    t = time.perf_counter()
    warm_up()  # as `hadath ingest` does: lexicons built and the collector set (timed too)
    items = [a for a in iter_inputs([path]) if hasattr(a, "text")][:limit]  # reading + langid timed too
    n_sent = sum(len(code_article(a).sentences) for a in items)
    secs = time.perf_counter() - t
    return {"articles": len(items), "seconds": secs, "mb": mb, "sentences": n_sent}


def m_text_steady(path: str, limit: int) -> dict:
    """The second half of the articles, coded after the first half: the rate of a long
    run, whose caches already hold the common words (reading and language id of the
    half are timed as half of reading the whole file)."""
    from hadath.ingest import iter_inputs
    from hadath.pipeline import code_article, warm_up

    warm_up()
    t = time.perf_counter()
    items = [a for a in iter_inputs([path]) if hasattr(a, "text")][:limit]
    read = time.perf_counter() - t
    half = len(items) // 2
    for a in items[:half]:
        code_article(a)
    rest = items[half:]
    t = time.perf_counter()
    n_sent = sum(len(code_article(a).sentences) for a in rest)
    secs = time.perf_counter() - t + read * len(rest) / len(items)
    return {"articles": len(rest), "seconds": secs, "mb": sum(len(a.text.encode()) for a in rest) / 1e6,
            "sentences": n_sent}


def m_trafilatura(path: str, limit: int) -> dict:
    import trafilatura

    pages = sorted(Path(path).iterdir())[:limit]
    htmls = [p.read_text(encoding="utf-8") for p in pages]
    t = time.perf_counter()
    for h in htmls:
        trafilatura.extract(h, include_comments=False, favor_precision=True)
    return {"articles": len(htmls), "seconds": time.perf_counter() - t,
            "mb": sum(len(h.encode()) for h in htmls) / 1e6}


def m_html(path: str, limit: int) -> dict:
    from hadath.ingest import article_from_html
    from hadath.pipeline import code_article, warm_up

    pages = sorted(Path(path).iterdir())[:limit]
    htmls = [p.read_text(encoding="utf-8") for p in pages]
    t = time.perf_counter()
    warm_up()
    for h in htmls:
        code_article(article_from_html(h))
    return {"articles": len(htmls), "seconds": time.perf_counter() - t,
            "mb": sum(len(h.encode()) for h in htmls) / 1e6}


def m_ingest(path: str, workers: int) -> dict:
    from hadath.ingest import iter_inputs
    from hadath.jobs import ingest
    from hadath.store.duckdb_store import DuckStore

    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    seen, trajectory = [0], []

    def tick() -> None:  # peak RSS so far, every 2,000 articles
        seen[0] += 1
        if seen[0] % 2000 == 0:
            trajectory.append((seen[0], round(_own_peak_mb())))

    t = time.perf_counter()
    with DuckStore(str(db)) as store:
        s = ingest(iter_inputs([path]), store, workers=workers, batch_size=500, on_item=tick)
    return {"articles": s.processed, "seconds": time.perf_counter() - t, "events": s.events,
            "skipped": s.skipped, "mb": Path(path).stat().st_size / 1e6 if Path(path).is_file() else 0,
            "trajectory": trajectory}


MEASURES = {"text": m_text, "text_steady": m_text_steady, "trafilatura": m_trafilatura, "html": m_html, "ingest": m_ingest}


def _own_peak_mb() -> float:
    """This process's own peak RSS (VmHWM). Not ru_maxrss: Linux starts a child's
    ru_maxrss at its parent's peak when it is spawned."""
    with open("/proc/self/status", encoding="ascii") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmHWM:"))) / 1024


def child(name: str, arg: str, num: int) -> dict:
    out = MEASURES[name](arg, num)
    out["python"] = platform.python_version()
    out["peak_rss_mb"] = _own_peak_mb()
    out["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


ROOT = Path(__file__).resolve().parents[1]


def run(name: str, arg, num: int, python: str | None = None) -> dict:
    """One measurement in a child process; `python`: another interpreter of the same
    version, which finds hadath in this checkout and its dependencies in this
    environment (same version, so the same compiled wheels)."""
    env = None
    if python:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *site.getsitepackages()]))
    proc = subprocess.run([python or sys.executable, __file__, "--child", name, str(arg), str(num)],
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best_of(times: int, name: str, arg, num: int, pythons: list[str | None]) -> list[dict]:
    """For each interpreter (None: this one), the fastest of `times` runs (as timeit
    advises: slower runs measure the machine's other load), with every run's rate
    kept; the interpreters run in turn, so they share the machine's phases."""
    runs: list[list[dict]] = [[] for _ in pythons]
    for _ in range(times):
        for own, python in zip(runs, pythons):
            own.append(run(name, arg, num, python))
    out = []
    for own in runs:
        best = min(own, key=lambda r: r["seconds"])
        best["rates"] = sorted(r["articles"] / r["seconds"] for r in own)
        out.append(best)
    return out


def distribution_pythons() -> list[str]:
    """The operating system's own CPython of this version (e.g. Debian's
    /usr/bin/python3.11), when the benchmark runs on another build of it (pyenv's):
    builds differ in speed (profile-guided and link-time optimisation, a static or
    shared libpython), so the text rows are measured on both."""
    path = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    base = getattr(sys, "_base_executable", sys.executable)
    if path.is_file() and os.path.realpath(path) != os.path.realpath(base):
        return [str(path)]
    return []


def alternated(path: Path, times: int = 3) -> tuple[dict, dict]:
    """1-worker and 2-worker ingests run in turn, `times` each; the faster of each
    (their ratio compares runs of the same minutes of this shared machine)."""
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(times):
        for workers in (1, 2):
            runs[workers].append(run("ingest", path, workers))
    out = []
    for workers in (1, 2):
        best = min(runs[workers], key=lambda r: r["seconds"])
        best["rates"] = sorted(r["articles"] / r["seconds"] for r in runs[workers])
        out.append(best)
    return out[0], out[1]


def _count(n: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}.get(n, str(n))


def rate(r: dict) -> str:
    return f"{r['articles'] / r['seconds']:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="docs/benchmarks.md")
    ap.add_argument("--big", type=int, default=20_000)
    ap.add_argument("--child", nargs=3)
    ap.add_argument("--python", action="append", help="another interpreter of this version for the text rows "
                    "(default: the operating system's own, when the environment runs another build)")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], int(args.child[2]))))
        return
    ant = Path(args.shared) / "data/ant/ant_sample.jsonl"
    if not ant.is_file():
        sys.exit(f"benchmark needs {ant} (the shared ANT sample); absent here")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "s").mkdir()
        (tmp / "b").mkdir()
        small, big = build(ant, tmp / "s", 2000), build(ant, tmp / "b", args.big)
        others = args.python if args.python is not None else distribution_pythons()
        pythons = [None, *others]
        text = best_of(3, "text", ant, 1800, pythons)
        steady = best_of(3, "text_steady", ant, 1800, pythons)
        results = {
            "text_1800": text[0],
            "text_steady_900": steady[0],
            "trafilatura_2000": run("trafilatura", small["html"], 2000),
            "html_2000": run("html", small["html"], 2000),
            "ingest_text_2000_w1": run("ingest", small["jsonl"], 1),
            **dict(zip(("ingest_text_big_w1", "ingest_text_big_w2"), alternated(big["jsonl"]))),
            "ingest_warc_2000_w1": run("ingest", small["warc"], 1),
        }
        for k, python in enumerate(others, 1):
            results[f"text_1800 ({python})"] = text[k]
            results[f"text_steady_900 ({python})"] = steady[k]
    Path(args.out).write_text(report(results, args.big), encoding="utf-8")
    print(Path(args.out).read_text(encoding="utf-8"))


def report(r: dict, big: int) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    t, tr, h = r["text_1800"], r["trafilatura_2000"], r["html_2000"]
    w1, w2 = r["ingest_text_big_w1"], r["ingest_text_big_w2"]
    lines = [
        "# Benchmarks", "",
        f"Measured {dt.date.today().isoformat()} by `make bench` (scripts/bench.py) on {cpu}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()} "
        f"({getattr(sys, '_base_executable', sys.executable)}; rows marked with another interpreter ran on it). "
        "Each row is its own process.", "",
        "| measurement | articles | seconds | articles/s | MB/s | peak RSS MB |", "|---|---|---|---|---|---|",
    ]
    for key, v in r.items():
        mbps = f"{v['mb'] / v['seconds']:.2f}" if v.get("mb") else "-"
        rss = max(v["peak_rss_mb"], v.get("peak_rss_children_mb", 0))
        lines.append(f"| {key} | {v['articles']} | {v['seconds']:.1f} | {rate(v)} | {mbps} | {rss:.0f} |")
    lines += [
        "", "## Against the targets", "",
        f"- Text input, language id included, one core (`text_1800`, reading + langid + coding): "
        f"**{rate(t)} articles/s**, {t['sentences'] / t['seconds']:.0f} sentences/s (target ≥ 300 articles/s) "
        f"in a fresh process; {rate(r['text_steady_900'])} articles/s on the second 900 articles after the "
        f"first 900 (`text_steady_900`: the rate of a long run, its caches warm). Both rows are the best of "
        f"three runs; all three ran at {', '.join(f'{x:.0f}' for x in t['rates'])} and "
        f"{', '.join(f'{x:.0f}' for x in r['text_steady_900']['rates'])} articles/s.",
    ]
    for key in r:
        if key.startswith("text_1800 ("):
            python = key[len("text_1800 ("):-1]
            o, steady = r[key], r[f"text_steady_900 ({python})"]
            lines.append(
                f"- The same on {python} (Python {o['python']}): **{rate(o)} articles/s** from a fresh process, "
                f"{rate(steady)} on the second 900 (all runs: {', '.join(f'{x:.0f}' for x in o['rates'])} and "
                f"{', '.join(f'{x:.0f}' for x in steady['rates'])}).")
    lines += [
        f"- HTML path ÷ trafilatura alone on the same 2,000 pages: "
        f"**{h['seconds'] / tr['seconds']:.2f}×** (target ≤ 3.5×).",
        f"- 2 workers ÷ 1 worker, {big:,} articles into DuckDB: **{(w2['articles'] / w2['seconds']) / (w1['articles'] / w1['seconds']):.2f}×** (target ≥ 1.7×); "
        f"the faster of {_count(len(w1.get('rates', [])))} runs each, run in turn (1 worker: {', '.join(f'{x:.0f}' for x in w1.get('rates', []))}; "
        f"2 workers: {', '.join(f'{x:.0f}' for x in w2.get('rates', []))} articles/s).",
        f"- Peak RSS, ingest of 2,000 vs {big:,} articles (1 worker): "
        f"{r['ingest_text_2000_w1']['peak_rss_mb']:.0f} MB vs {w1['peak_rss_mb']:.0f} MB (target ≤ 1 GB, no growth). "
        f"Peak so far during the {big:,}-article run, every 2,000 articles: "
        + ", ".join(f"{n // 1000}k {mb} MB" for n, mb in w1.get("trajectory", [])) + ".",
    ]
    notes = Path(__file__).with_name("benchmark_notes.md")
    if notes.is_file():
        lines.append(notes.read_text(encoding="utf-8"))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
