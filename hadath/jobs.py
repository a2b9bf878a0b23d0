"""Batch jobs that tie ingest → pipeline → store together (the CLI calls these).

`ingest` streams inputs, skips articles already in the database (so an
interrupted run resumes where it stopped and a re-run adds nothing), codes the
rest (in worker processes when asked) and writes them in batches, one
transaction per batch. Memory stays flat: at most a few batches are in flight.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from hadath import __version__
from hadath.pipeline import code_article
from hadath.records import Article, CodedArticle, Skipped


@dataclass(slots=True)
class RunSummary:
    processed: int = 0  # articles coded and stored in this run
    already: int = 0  # articles found in the database already
    skipped: int = 0  # inputs not coded (not Arabic, empty, binary…), with reasons
    failed: int = 0  # articles whose coding raised an error (a bug: reported, batch goes on)
    duplicates: int = 0  # the same text twice in this run
    events: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        extra = ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons.items()))
        return (f"processed {self.processed}, already stored {self.already}, skipped {self.skipped}"
                f"{f' ({extra})' if extra else ''}, failed {self.failed}, duplicates {self.duplicates}, "
                f"events {self.events}")


def _safe_code(article: Article) -> CodedArticle | Skipped:
    try:
        return code_article(article)
    except Exception as exc:  # a coder bug must not stop a batch: count it, keep the message
        return Skipped(article.source_path or article.source_id or article.id, "failed",
                       f"coding raised {type(exc).__name__}: {exc}")


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def ingest(items: Iterable[Article | Skipped], store, *, workers: int = 1, batch_size: int = 200,
           on_item: Callable[[], None] | None = None) -> RunSummary:
    """Code and store every new article of `items`; count the rest."""
    summary = RunSummary()
    seen: set[str] = set()
    run_id = store.start_run()
    pool = mp.get_context("fork").Pool(workers) if workers > 1 else None
    try:
        for batch in _batches(iter(items), batch_size):
            todo = _select(batch, store, summary, seen)
            results = pool.map(_safe_code, todo, chunksize=8) if pool else [_safe_code(a) for a in todo]
            _write(results, store, summary)
            if on_item:
                for _ in batch:
                    on_item()
    finally:
        if pool:
            pool.close()
            pool.join()
    store.finish_run(run_id, summary.processed, summary.skipped, summary.failed)
    return summary


def _select(batch: list, store, summary: RunSummary, seen: set[str]) -> list[Article]:
    skipped = [b for b in batch if isinstance(b, Skipped)]
    articles = [b for b in batch if isinstance(b, Article)]
    known = store.known_ids([a.id for a in articles], coder_version=__version__)
    todo = []
    for a in articles:
        if a.id in known:
            summary.already += 1
        elif a.id in seen:
            summary.duplicates += 1
        else:
            seen.add(a.id)
            todo.append(a)
    _count_skipped(skipped, store, summary)
    return todo


def _write(results: list, store, summary: RunSummary) -> None:
    coded = [r for r in results if isinstance(r, CodedArticle)]
    failed = [r for r in results if isinstance(r, Skipped)]
    store.write(coded)
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
