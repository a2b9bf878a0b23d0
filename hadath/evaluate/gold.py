"""Read article-level gold files and the corpus they go with.

The gold format is defined in the annotation guide (`ANNOTATION.md`): JSON
Lines, one article per line, ``{"id": ..., "events": [{"type", "source",
"target", "mode"?, "evidence"?}, ...]}``. `read_gold` validates every line and
raises `GoldFormatError` naming ``file:line`` and how to fix it.

The corpus is read from ANT-style JSON Lines (``id, url, outlet, date, title,
text``) by `read_corpus`, a small local reader: the title and the text are
joined and cleaned once with `clean_text`, as ingestion does.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path

from hadath.errors import GoldFormatError
from hadath.lang.ar.normalize import clean_text
from hadath.ontology import PLOVER_TYPES
from hadath.records import Article

NO_ACTOR = "---"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event. Equality and hashing use (type, source, target) only."""

    type: str
    source: str
    target: str
    evidence: str = field(default="", compare=False)


def actor_code(value: str | None) -> str:
    """A full actor code as scored: stripped, and '---' for a missing actor."""
    value = (value or "").strip()
    return value or NO_ACTOR


def root(code: str) -> str:
    """The part of an actor code before the sector dash ('SYR-GOV' -> 'SYR'; '---' stays)."""
    if code == NO_ACTOR:
        return code
    return code.split("-", 1)[0] or NO_ACTOR


def read_gold(path: str | Path) -> dict[str, set[GoldEvent]]:
    """Gold file -> {article id: set of distinct events}. Blank lines are skipped."""
    path = Path(path)
    gold: dict[str, set[GoldEvent]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            art_id, events = _parse_gold_line(line, where)
            if art_id in gold:
                raise GoldFormatError(f"{where}: article id {art_id!r} appears twice; merge its events into one line")
            gold[art_id] = events
    return gold


def _parse_gold_line(line: str, where: str) -> tuple[str, set[GoldEvent]]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: not valid JSON ({exc.msg}); write one JSON object per line") from exc
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: expected a JSON object with 'id' and 'events'")
    art_id = obj.get("id")
    if not isinstance(art_id, str) or not art_id.strip():
        raise GoldFormatError(f"{where}: 'id' must be a non-empty string naming an article of the corpus")
    events = obj.get("events")
    if not isinstance(events, list):
        raise GoldFormatError(f"{where}: 'events' must be a list (use [] for an article with no event)")
    return art_id.strip(), {_parse_gold_event(e, f"{where} event {i}") for i, e in enumerate(events, 1)}


def _parse_gold_event(obj: object, where: str) -> GoldEvent:
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: expected an object with 'type', 'source', 'target'")
    etype = obj.get("type")
    if etype not in PLOVER_TYPES:
        raise GoldFormatError(f"{where}: unknown type {etype!r}; use one of {', '.join(PLOVER_TYPES)}")
    for role in ("source", "target"):
        if not isinstance(obj.get(role), str):
            raise GoldFormatError(f"{where}: '{role}' must be a string actor code ('---' when there is none)")
    evidence = obj.get("evidence")
    return GoldEvent(etype, actor_code(obj["source"]), actor_code(obj["target"]),
                     evidence if isinstance(evidence, str) else "")


def iso_date(value: str | None) -> str | None:
    """ISO 8601 datetime from an RFC 2822 date; an ISO string passes through; else None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def article_from_row(row: dict) -> Article:
    """One ANT JSON row -> Article (title and text joined, cleaned once)."""
    title = row.get("title") or ""
    body = row.get("text") or ""
    raw = f"{title}\n{body}" if title else body
    return Article(
        text=clean_text(raw),
        source_id=str(row["id"]),
        url=row.get("url"),
        outlet=row.get("outlet"),
        title=clean_text(title) or None,
        published=iso_date(row.get("date")),
    )


def read_corpus(path: str | Path, ids: Collection[str] | None = None) -> Iterator[Article]:
    """Articles of an ANT-style JSONL corpus, only those whose id is in `ids` when given.

    Lines that are not JSON objects with an 'id' raise `GoldFormatError`
    (the corpus of an evaluation must be exactly the one the gold goes with).
    """
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{n}: corpus line is not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or "id" not in row:
                raise GoldFormatError(f"{path}:{n}: corpus line needs an 'id' field")
            if ids is None or str(row["id"]) in ids:
                yield article_from_row(row)
