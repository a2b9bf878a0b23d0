"""How well actor mentions cover the actors of gold events (a recall ceiling for the coder).

`gold_coverage(gold_rows, articles)`: the share of gold event roles (source and target,
'---' ignored) whose country/body root is among the codes of the article's mentions.
Articles are dicts with `id`, `title`, `text`, `date` (the ANT sample JSONL rows).
"""

from __future__ import annotations

from collections.abc import Iterable

from hadath.actors.api import find_actors


def article_text(article: dict) -> str:
    title = article.get("title") or ""
    return f"{title}\n{article.get('text') or ''}" if title else article.get("text") or ""


def gold_roots(gold: dict) -> list[str]:
    roots = []
    for event in gold.get("events", []):
        for role in ("source", "target"):
            code = event.get(role) or "---"
            if code != "---":
                roots.append(code.split("-")[0])
    return roots


def gold_coverage(gold_rows: Iterable[dict], articles: dict[str, dict]) -> tuple[int, int, list[tuple[str, str]]]:
    """(found, total, missed (article id, root) pairs)."""
    found = total = 0
    missed: list[tuple[str, str]] = []
    for gold in gold_rows:
        article = articles.get(gold["id"])
        if article is None:
            continue
        codes = {m.code for m in find_actors(article_text(article), article.get("date"))}
        for root in gold_roots(gold):
            total += 1
            if root in codes:
                found += 1
            else:
                missed.append((gold["id"], root))
    return found, total, missed
