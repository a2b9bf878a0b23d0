"""The `hadath` command line: a thin shell over the library.

Every command maps its arguments onto library calls (ingest, pipeline, store,
export, evaluate); no extraction logic lives here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from hadath import __version__
from hadath.errors import HadathError

EPILOG_WIDTH = 100


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": EPILOG_WIDTH})
@click.version_option(__version__, prog_name="hadath")
def cli() -> None:
    """hadath: political event data (PLOVER/CAMEO) from Arabic news.

    \b
    Example:
      hadath code article.html
      hadath ingest news/ --db events.duckdb
      hadath events --db events.duckdb --actor RUS --type CONSULT
    """
    _utf8_stdout()


def main() -> None:
    cli(prog_name="hadath")


# --- code -------------------------------------------------------------------

@cli.command("code")
@click.argument("source", type=str)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--all", "include_all", is_flag=True, help="Also show negated, future, conditional events (flagged).")
def code_cmd(source: str, fmt: str, include_all: bool) -> None:
    """Code one input (text, HTML, JSONL, WARC file, or - for stdin) and print its events.

    \b
    Example:
      hadath code article.txt
      echo "التقى وزير الخارجية المصري نظيره الأردني في عمان." | hadath code -
      hadath code news.jsonl --format jsonl
    """
    from hadath.export.plover import plover_record
    from hadath.ingest import iter_inputs
    from hadath.pipeline import code_article, warm_up
    from hadath.render import event_table

    try:
        warm_up()
        for item in iter_inputs([source]):
            if not hasattr(item, "text"):
                click.echo(f"skipped {item.source}: {item.message}", err=True)
                continue
            coded = code_article(item, include_all=include_all)
            if fmt == "jsonl":
                for ev in coded.events:
                    rec = plover_record(ev, coded.article, coded.sentence_text(ev.sentence_index))
                    click.echo(json.dumps(rec, ensure_ascii=False))
            else:
                click.echo(event_table(coded))
    except HadathError as exc:
        _fail(exc)


# --- ingest -----------------------------------------------------------------

@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="DuckDB file  [default: hadath.duckdb]")
@click.option("--workers", type=int, default=None, help="Worker processes (0 = all cores)  [default: 0]")
@click.option("--batch-size", type=int, default=None, help="Articles per transaction  [default: 200]")
@click.option("--config", default=None, help="TOML settings file  [default: ./hadath.toml]")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--near-duplicates", is_flag=True, help="Link near copies of the same story (table article_links).")
def ingest_cmd(paths, db, workers, batch_size, config, quiet, near_duplicates) -> None:
    """Code every article under PATHS into a DuckDB database (re-runs add nothing; a stopped run resumes).

    \b
    Example:
      hadath ingest news/ archive.warc.gz feed.jsonl --db events.duckdb --workers 2
    """
    from tqdm import tqdm

    from hadath.ingest import iter_inputs
    from hadath.jobs import ingest
    from hadath.options import load_options
    from hadath.store.duckdb_store import DuckStore

    try:
        opts = load_options(config, db=db, workers=workers, batch_size=batch_size)
        with DuckStore(opts.db) as store, tqdm(desc="articles", unit=" art", disable=quiet,
                                               file=sys.stderr) as bar:
            items = iter_inputs(paths, max_bytes=opts.max_bytes)
            summary = ingest(items, store, workers=opts.effective_workers(), batch_size=opts.batch_size,
                             on_item=bar.update, near_duplicates=near_duplicates)
        click.echo(summary.line())
    except HadathError as exc:
        _fail(exc)


# --- events / export --------------------------------------------------------

@cli.command("events")
@click.option("--db", default="hadath.duckdb", show_default=True)
@click.option("--actor", help="Source actor code, e.g. RUS")
@click.option("--recipient", help="Target actor code, e.g. UKR")
@click.option("--type", "event_type", help="PLOVER type, e.g. CONSULT")
@click.option("--since", help="First date, YYYY-MM-DD")
@click.option("--until", help="Last date, YYYY-MM-DD")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events_cmd(db, actor, recipient, event_type, since, until, limit, fmt) -> None:
    """Query stored events.

    \b
    Example:
      hadath events --db events.duckdb --actor RUS --type CONSULT --since 2024-01-01
    """
    from hadath.render import rows_csv, rows_table
    from hadath.store.duckdb_store import DuckStore

    try:
        with DuckStore(db, read_only=True) as store:
            rows = store.query_events(actor=actor, recipient=recipient, event_type=event_type,
                                      since=since, until=until, limit=limit)
    except HadathError as exc:
        _fail(exc)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(rows_csv(rows), nl=False)
    else:
        click.echo(rows_table(rows))


@cli.command("export")
@click.option("--db", default="hadath.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "plover", "csv", "parquet"]), required=True)
@click.option("--out", default="-", show_default=True, help="Output file, or - for stdout (not for parquet).")
def export_cmd(db, fmt, out) -> None:
    """Export all events: flat JSONL/CSV/Parquet rows, or PLOVER JSON records.

    \b
    Example:
      hadath export --db events.duckdb --format parquet --out events.parquet
      hadath export --db events.duckdb --format plover > events.plover.jsonl
    """
    from hadath.export.writers import export
    from hadath.store.duckdb_store import DuckStore

    try:
        with DuckStore(db, read_only=True) as store:
            n = export(store, fmt, out)
    except HadathError as exc:
        _fail(exc)
    click.echo(f"exported {n} events as {fmt} to {out}", err=True)


# --- actors -----------------------------------------------------------------

@cli.command("actors")
@click.argument("text")
@click.option("--date", default=None, help="Article date (resolves persons by tenure), YYYY-MM-DD")
@click.option("--json", "as_json", is_flag=True)
def actors_cmd(text, date, as_json) -> None:
    """Print the actor mentions of TEXT (or - for stdin) with codes, sectors, names and why.

    \b
    Example:
      hadath actors "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار"
    """
    from hadath.actors import explain

    if text == "-":
        text = sys.stdin.read()
    rows = explain(text, date)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        click.echo(f"{r['text']}\t{r['code']}\t{r.get('sector') or '-'}\t{r.get('name_en', '')}"
                   f"\t[{r['span'][0]}:{r['span'][1]}]\t{r.get('rule', '')}: {r.get('entry', '')}")


# --- evaluation -------------------------------------------------------------

@cli.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option("--worst", type=int, default=10, show_default=True, help="Worst articles to list.")
def eval_cmd(gold, corpus, as_json, worst) -> None:
    """Score the coder against an article-level gold file (format: ANNOTATION.md).

    \b
    Example:
      hadath eval --gold ../shared/eval/dev_gold.jsonl --corpus ../shared/data/ant/ant_sample.jsonl
    """
    from hadath.evaluate.score import evaluate, format_text

    try:
        report = evaluate(gold, corpus)
    except HadathError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_text(report, worst=worst))


@cli.command("eval-gsr")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=int, default=None, help="Score only the first N sentences per type.")
def eval_gsr_cmd(directory, as_json, limit) -> None:
    """Sentence-level PROTEST/ASSAULT detection on the OEDA Arabic gold standard.

    \b
    Example:
      hadath eval-gsr ../shared/data/arabic_event_gsr --json
    """
    from hadath.evaluate.gsr import evaluate_gsr, format_gsr

    try:
        result = evaluate_gsr(directory, limit=limit)
    except HadathError as exc:
        _fail(exc)
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json else format_gsr(result))


# --- demo -------------------------------------------------------------------

@cli.command("demo")
@click.option("--db", default="hadath.duckdb", show_default=True)
@click.option("--input", "source", default=None,
              help="Article to code  [default: ../shared/seed/*.txt if present, else a built-in sample]")
def demo_cmd(db, source) -> None:
    """Code the seed article (or a built-in sample) into DB and print its events with glosses.

    \b
    Example:
      hadath demo --db hadath.duckdb
    """
    from hadath.demo import demo_input, run_demo

    path = Path(source) if source else demo_input()
    click.echo(f"demo input: {path}")
    try:
        click.echo(run_demo(path, db))
    except HadathError as exc:
        _fail(exc)


# --- serve ------------------------------------------------------------------

@cli.command("serve")
@click.option("--db", default="hadath.duckdb", show_default=True, help="DuckDB file (opened read-only)")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine only)")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar="HADATH_TOKEN", default=None,
              help="Token that POST /api/v1/code needs to store articles (or set HADATH_TOKEN)")
@click.option("--watch", "feeds_file", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Also follow the feeds of this TOML file into DB, in the same process.")
def serve_cmd(db, host, port, token, feeds_file) -> None:
    """Serve the dashboard and the REST API (/api/v1, spec at /api/v1/openapi.json) over DB.

    While the server runs, DB is open read-only: ingest into it after stopping the server.
    With --watch, DB is open read-write and the feeds are followed into it meanwhile;
    the pages show new events without a restart.

    \b
    Example:
      hadath serve --db events.duckdb
      hadath serve --db events.duckdb --watch feeds.toml
      HADATH_TOKEN=s3cret hadath serve --db events.duckdb --host 0.0.0.0 --port 8080
    """
    from hadath.web import serve

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo(f"warning: serving on {host} without --token: anyone who can reach it may store articles",
                   err=True)
    try:
        feeds = None
        if feeds_file:
            from hadath.watch import load_feeds

            feeds = load_feeds(feeds_file)
        serve(db, host=host, port=port, token=token, feeds=feeds)
    except HadathError as exc:
        _fail(exc)


# --- aggregate ----------------------------------------------------------------

@cli.command("aggregate")
@click.option("--db", default="hadath.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many rows.")
def aggregate_cmd(db, fmt, limit) -> None:
    """Events summed GDELT-style: one row per day, event type, source and target.

    Counts mentions (event rows), articles, stories (near copies count once)
    and outlets, with the first and last mention, mean Goldstein and QuadClass.

    \b
    Example:
      hadath aggregate --db events.duckdb --format csv > aggregates.csv
    """
    from hadath.render import rows_csv, rows_table
    from hadath.store.aggregate import aggregate_events
    from hadath.store.duckdb_store import DuckStore

    try:
        with DuckStore(db, read_only=True) as store:
            rows = aggregate_events(store, limit=limit)
    except HadathError as exc:
        _fail(exc)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(rows_csv(rows), nl=False)
    else:
        click.echo(rows_table(rows, columns=("date", "event_type", "source_code", "target_code", "num_mentions",
                                             "num_articles", "num_stories", "num_sources", "goldstein")))


# --- spark-code ---------------------------------------------------------------

@cli.command("spark-code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", required=True, help="Output folder (local, hdfs://, s3a://…) for the Parquet tables.")
@click.option("--master", default=None, help="Spark master, e.g. local[2]  [default: spark-submit's, else local[*]]")
@click.option("--partition-by", type=click.Choice(["event_type", "date"]), default="event_type", show_default=True,
              help="Partition column of the events table.")
@click.option("--overwrite", is_flag=True, help="Replace the tables already under --output.")
@click.option("--conf", "conf", multiple=True, metavar="KEY=VALUE", help="A Spark setting (repeatable).")
def spark_code_cmd(inputs, output, master, partition_by, overwrite, conf) -> None:
    """Code JSON lines and WARC archives with Apache Spark into Parquet (needs hadath[spark]).

    INPUTS are paths or globs Spark reads; names ending in .warc or .warc.gz
    are WARC, others JSON lines (give a glob, not a folder, for WARC files).
    Writes articles/, events/ (partitioned), event_actors/ and skipped/ under
    --output, then prints processed/skipped/failed counts. On a cluster, the
    executors need hadath installed too.

    \b
    Example:
      hadath spark-code news.jsonl crawl.warc.gz --output events-parquet --master local[2]
      hadath spark-code 's3a://bucket/crawl/*.warc.gz' --output s3a://bucket/events --master yarn
    """
    from hadath.spark.job import run

    settings = dict(item.split("=", 1) for item in conf if "=" in item)
    if len(settings) != len(conf):
        raise click.BadParameter("use KEY=VALUE", param_hint="--conf")
    try:
        summary = run(list(inputs), output, master=master, partition_by=partition_by, overwrite=overwrite,
                      config=settings)
    except HadathError as exc:
        _fail(exc)
    click.echo(summary.line())



# --- watch --------------------------------------------------------------------

@cli.command("watch")
@click.argument("feeds_file", metavar="FEEDS.toml", type=click.Path(dir_okay=False))
@click.option("--db", default="hadath.duckdb", show_default=True)
@click.option("--once", is_flag=True, help="Check every feed once, then exit (for cron).")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds before a request gives up.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between two requests to one host.")
def watch_cmd(feeds_file, db, once, timeout, delay) -> None:
    """Follow RSS/Atom feeds and sitemaps, coding new articles into --db as they arrive.

    FEEDS.toml lists [[feeds]] tables (name, url, interval seconds, optional
    outlet; see docs/feeds.example.toml). Prints one line per pass; failing
    feeds are logged and retried at their next interval. Ctrl-C stops it.
    DuckDB allows one writing process: stop `serve` on the same --db first.

    \b
    Example:
      hadath watch feeds.toml --db events.duckdb
      hadath watch feeds.toml --db events.duckdb --once
    """
    import logging
    import signal
    import threading

    from hadath.store.duckdb_store import DuckStore
    from hadath.watch import load_feeds, watch
    from hadath.watch.fetch import Fetcher

    _utf8_stdout()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        feeds = load_feeds(feeds_file)
        with DuckStore(db) as store:
            watch(feeds, store, once=once, stop_event=stop, fetcher=Fetcher(timeout=timeout, delay=delay),
                  on_pass=lambda summary: click.echo(summary.line()))
    except HadathError as exc:
        _fail(exc)


if __name__ == "__main__":
    main()
