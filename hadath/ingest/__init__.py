"""Ingestion: inputs (text, HTML, JSON lines, WARC) to cleaned Arabic `Article`s.

The only place article text is read and normalised (`clean_text`, once).
Pure functions for the pipeline and the web API:

* `article_from_text(text, **meta)` / `article_from_html(html, **meta)` ->
  `Article`, or raise `SkipArticle` (empty, not-arabic, html);
* `extract_html`, `strip_boilerplate`, `detect_language`, `is_arabic`;

and one reader, `iter_inputs(paths)`, yielding `Article | Skipped`.
"""

from hadath.ingest.article import article_from_html, article_from_text, parse_date
from hadath.ingest.boilerplate import strip_boilerplate
from hadath.ingest.dedup import Deduplicator, drop_duplicates
from hadath.ingest.html import extract_html
from hadath.ingest.langid import detect_language, is_arabic
from hadath.ingest.readers import iter_inputs

__all__ = [
    "Deduplicator",
    "article_from_html",
    "article_from_text",
    "detect_language",
    "drop_duplicates",
    "extract_html",
    "is_arabic",
    "iter_inputs",
    "parse_date",
    "strip_boilerplate",
]
