"""Build an `Article` from a text or an HTML page, with its metadata (no I/O).

Every article text goes through `clean_text` exactly once here, then through
`strip_boilerplate`; an article that is empty afterwards or not Arabic raises
`SkipArticle` (reason 'empty' or 'not-arabic').
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from hadath.errors import SkipArticle
from hadath.ingest.boilerplate import strip_boilerplate
from hadath.ingest.html import extract_html
from hadath.ingest.langid import is_arabic
from hadath.lang.ar.normalize import clean_text
from hadath.records import Article

TITLE_MAX_CHARS = 150  # a first line longer than this is text, not a title
TITLE_MAX_WORDS = 20
MIN_WORDS = 3  # shorter texts are navigation crumbs, not articles
_SENTENCE_END = (".", "!", "؟", "?", "،", ",", ":", "؛")
_ISO_Z = re.compile(r"Z$")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str | None) -> str | None:
    """ISO 8601 form of an RFC 2822 or ISO date ("Mon, 19 Feb 2018 00:16:11 +0400"), or None."""
    value = (value or "").strip()
    if not value:
        return None
    if _DATE_ONLY.fullmatch(value):
        return _iso_date(value)
    try:
        return datetime.fromisoformat(_ISO_Z.sub("+00:00", value)).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _iso_date(value[:10])


def _iso_date(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    """The host of a URL without "www." ("https://www.bbc.com/arabic" -> "bbc.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) when the first line of a plain text is a short headline."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if (
        rest.strip()
        and len(first) <= TITLE_MAX_CHARS
        and len(first.split()) <= TITLE_MAX_WORDS
        and not first.endswith(_SENTENCE_END)
    ):
        return first, rest.strip()
    return None, text


def _finish(text: str, meta: dict) -> Article:
    if not text:
        raise SkipArticle("empty", "no article text left (empty input, or only boilerplate)")
    if len(text.split(maxsplit=MIN_WORDS)) < MIN_WORDS:  # (at most MIN_WORDS + 1 pieces: no list of every word)
        raise SkipArticle("too-short", f"the article text has fewer than {MIN_WORDS} words: {text[:60]!r}")
    arabic, language = is_arabic(text)
    if not arabic:
        raise SkipArticle("not-arabic", f"the text is not Arabic (detected language: {language})")
    url = meta.get("url") or None
    return Article(
        text=text,
        url=url,
        outlet=meta.get("outlet") or outlet_from_url(url),
        title=clean_text(meta["title"]) if meta.get("title") else None,
        published=parse_date(meta.get("published")),
        source_id=meta.get("source_id"),
        source_path=meta.get("source_path"),
    )


def article_from_text(text: str, *, title_from_first_line: bool = False, **meta) -> Article:
    """An Article from plain text; meta: url, outlet, title, published, source_id, source_path.

    With `title_from_first_line`, a short first line (no sentence punctuation)
    becomes the title when no title is given. Raises `SkipArticle`.
    """
    text = strip_boilerplate(clean_text(text))
    if title_from_first_line and not meta.get("title"):
        meta["title"], text = split_title(text)
    return _finish(text, meta)


def article_from_html(html: str, *, fallback_published: str | None = None, **meta) -> Article:
    """An Article from an HTML page; given meta win over what the page declares.

    The date is the given `published`, else the date the page declares, else
    `fallback_published` (e.g. a WARC capture date). Raises `SkipArticle`.
    """
    text, page = extract_html(html, meta.get("url"))
    meta["published"] = meta.get("published") or page["date"] or fallback_published
    meta["title"] = meta.get("title") or page["title"]
    meta["outlet"] = meta.get("outlet") or outlet_from_url(meta.get("url")) or page["sitename"]
    return _finish(clean_text(text), meta)
