"""Batch jobs that tie ingest → pipeline → store together (the CLI calls these).

`ingest` streams inputs, skips articles already in the database (so an
interrupted run resumes where it stopped and a re-run adds nothing), codes the
rest (in worker processes when asked) and writes them in batches, one
transaction per batch. Memory stays flat: at most a few batches are in flight.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from hadath import __version__
from hadath.export.rows import ArticleRows, article_rows
from hadath.pipeline import code_article, warm_up
from hadath.records import Article, CodedArticle, Skipped

IN_FLIGHT = 3  # batches coded ahead of the one being written (per run, not per worker)
CHUNKS_PER_WORKER = 4  # a batch is cut into this many pieces per worker, so no worker waits for a slow one


@dataclass(slots=True)
class RunSummary:
    processed: int = 0  # articles coded and stored in this run
    already: int = 0  # articles found in the database already
    skipped: int = 0  # inputs not coded (not Arabic, empty, binary…), with reasons
    failed: int = 0  # articles whose coding raised an error (a bug: reported, batch goes on)
    duplicates: int = 0  # the same text twice in this run
    near_duplicates: int = 0  # near copies of an earlier article of this run, linked in article_links
    events: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        extra = ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons.items()))
        return (f"processed {self.processed}, already stored {self.already}, skipped {self.skipped}"
                f"{f' ({extra})' if extra else ''}, failed {self.failed}, duplicates {self.duplicates}, "
                f"events {self.events}"
                f"{f', near duplicates {self.near_duplicates}' if self.near_duplicates else ''}")


def code_or_skip(article: Article) -> CodedArticle | Skipped:
    """`code_article`, or `Skipped('failed')` with the error when the coder raises."""
    try:
        return code_article(article)
    except Exception as exc:  # a coder bug must not stop a batch: count it, keep the message
        return Skipped(article.source_path or article.source_id or article.id, "failed",
                       f"coding raised {type(exc).__name__}: {exc}")


def _code_all(articles: list[Article]) -> list[ArticleRows | Skipped]:
    """Coded articles as store rows (built where they are coded: in the worker)."""
    return [r if isinstance(r := code_or_skip(a), Skipped) else article_rows(r) for a in articles]


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def _chunks(items: list, n: int) -> list[list]:
    """`items` cut into at most `n` consecutive runs of near-equal length."""
    size = -(-len(items) // n) if items else 1
    return [items[i : i + size] for i in range(0, len(items), size)]


def _coded_in_order(selected: Iterator[tuple[list, list[Article]]], pool, workers: int,
                    in_flight: int) -> Iterator[tuple[list, list]]:
    """(batch, results) in input order; at most `in_flight` batches are submitted and not yet written."""
    if pool is None:
        for batch, todo in selected:
            yield batch, _code_all(todo)
        return
    pending: deque = deque()
    for batch, todo in selected:
        chunks = _chunks(todo, workers * CHUNKS_PER_WORKER)
        pending.append((batch, [pool.apply_async(_code_all, (c,)) for c in chunks]))
        if len(pending) >= in_flight:
            yield _collect(pending.popleft())
    while pending:
        yield _collect(pending.popleft())


def _collect(entry: tuple[list, list]) -> tuple[list, list]:
    batch, futures = entry
    return batch, [r for f in futures for r in f.get()]


def ingest(items: Iterable[Article | Skipped], store, *, workers: int = 1, batch_size: int = 200,
           on_item: Callable[[], None] | None = None, near_duplicates: bool = False) -> RunSummary:
    """Code and store every new article of `items`; count the rest.

    With `workers` > 1 each batch is split across worker processes; results are
    written in input order, one transaction per batch (per 2 M characters of
    text in a batch of long articles: `DuckStore.write_rows`), with at most
    `IN_FLIGHT` batches read ahead, so memory stays flat and the database is
    the same as with one worker. With `near_duplicates`, near copies of earlier
    articles of this run are linked in `article_links` (`hadath.store.aggregate`).
    """
    summary = RunSummary()
    seen: set[str] = set()
    index = _near_index() if near_duplicates else None
    run_id = store.start_run()
    pool = None
    warm_up()  # the forked workers inherit the built matchers
    if workers > 1:
        pool = mp.get_context("fork").Pool(workers)
    try:
        selected = ((batch, _select(batch, store, summary, seen, index)) for batch in _batches(iter(items), batch_size))
        for batch, results in _coded_in_order(selected, pool, workers, IN_FLIGHT):
            _write(results, store, summary)
            if on_item:
                for _ in batch:
                    on_item()
    finally:
        if pool:
            pool.terminate()
            pool.join()
    store.finish_run(run_id, summary.processed, summary.skipped, summary.failed)
    return summary


def _near_index():
    from hadath.ingest.neardup import NearDuplicateIndex

    return NearDuplicateIndex()


def _select(batch: list, store, summary: RunSummary, seen: set[str], index=None) -> list[Article]:
    skipped = [b for b in batch if isinstance(b, Skipped)]
    articles = [b for b in batch if isinstance(b, Article)]
    known = store.known_ids([a.id for a in articles], coder_version=__version__)
    todo, firsts = [], []
    for a in articles:
        if a.id in known:
            summary.already += 1
            firsts.append(a)
        elif a.id in seen:
            summary.duplicates += 1
        else:
            seen.add(a.id)
            todo.append(a)
            firsts.append(a)
    _count_skipped(skipped, store, summary)
    if index is not None:
        _link_near_duplicates(firsts, store, index, summary)
    return todo


def _link_near_duplicates(articles: list[Article], store, index, summary: RunSummary) -> None:
    """Link near copies (stored ones too, so a resumed run links as a clean one does)."""
    from hadath.ingest.neardup import near_duplicate_links
    from hadath.store.aggregate import add_links

    found = near_duplicate_links(articles, index)
    add_links(store, found)
    summary.near_duplicates += len(found)


def _write(results: list, store, summary: RunSummary) -> None:
    coded = [r for r in results if isinstance(r, ArticleRows)]
    failed = [r for r in results if isinstance(r, Skipped)]
    store.write_rows(coded)
    summary.processed += len(coded)
    summary.events += sum(len(c.events) for c in coded)
    if failed:
        store.add_skipped(failed)
        summary.failed += len(failed)


def _count_skipped(skipped: list[Skipped], store, summary: RunSummary) -> None:
    if not skipped:
        return
    store.add_skipped(skipped)
    summary.skipped += len(skipped)
    for s in skipped:
        summary.reasons[s.reason] = summary.reasons.get(s.reason, 0) + 1
