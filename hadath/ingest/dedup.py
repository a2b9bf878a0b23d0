"""Exact duplicates within one run, by content hash.

`Article.id` is already the SHA-1 prefix of the cleaned text
(`hadath.records.content_hash`), so two articles with the same text after
cleaning and boilerplate removal share an id. `Deduplicator` remembers the ids
seen in this run and turns repeats into `Skipped('duplicate')`.

Near-duplicates (the same wire story with another headline, a changed
paragraph, a different footer) are NOT caught here. They come later as a
MinHash/LSH pass (datasketch) over word shingles of the normalised text, with
the same interface: `seen(article) -> str | None` giving the id of the
earlier copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hadath.records import Article, Skipped


class Deduplicator:
    """Remembers article ids (content hashes) seen in this run."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def seen(self, article: Article) -> str | None:
        """The source of an earlier article with the same text, else None (and remember this one)."""
        earlier = self._first.get(article.id)
        if earlier is None:
            self._first[article.id] = article.source_id or article.source_path or article.id
        return earlier

    def filter(self, items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
        """`items` with repeated articles replaced by `Skipped('duplicate')`."""
        for item in items:
            if isinstance(item, Article) and (first := self.seen(item)) is not None:
                source = item.source_id or item.source_path or item.id
                yield Skipped(source, "duplicate", f"same text as {first} (article {item.id})")
            else:
                yield item


def drop_duplicates(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """`Deduplicator().filter(items)`: exact duplicates within one run become Skipped."""
    return Deduplicator().filter(items)
