from __future__ import annotations

from hadath.ingest import article_from_text, drop_duplicates
from hadath.ingest.dedup import Deduplicator
from hadath.records import Article, Skipped

from .conftest import ARTICLE_TEXT, BANNER


def test_exact_duplicates_after_cleaning_are_skipped():
    first = article_from_text(ARTICLE_TEXT, source_id="a")
    same_after_cleaning = article_from_text(ARTICLE_TEXT + "\n" + "\n".join(BANNER), source_id="b")
    other = article_from_text(ARTICLE_TEXT + "\n\nفقرة أخرى مختلفة في نهاية الخبر.", source_id="c")
    skipped = Skipped("x", "empty", "the input is empty")
    items = list(drop_duplicates([first, skipped, same_after_cleaning, other]))
    assert [type(item) for item in items] == [Article, Skipped, Skipped, Article]
    assert items[2].reason == "duplicate" and items[2].source == "b" and "a" in items[2].message


def test_seen_returns_the_first_source():
    dedup = Deduplicator()
    article = Article(text="نص", source_id="first")
    assert dedup.seen(article) is None
    assert dedup.seen(Article(text="نص", source_id="second")) == "first"
