"""Main text and metadata of an HTML news page.

trafilatura finds the article (navigation, footers and banners in their own
elements go); `strip_boilerplate` then drops the banner and share lines that
sit as plain paragraphs inside the article. Paragraphs come out one per line.

Metadata (title, publication date, site name) are read from the page head with
small regular expressions: `og:title`/`<title>`, `article:published_time`,
`datePublished` (JSON-LD or microdata), `pubdate`, `<time pubdate datetime>`,
`og:site_name`. Only dates the page declares are used: dates guessed from the
URL or the body are not (a WARC capture date is a better fallback).

Broken HTML gives `SkipArticle('html')`. Pages nested deeper than libxml2
accepts (trafilatura returns nothing) or deeper than Python's recursion limit
fall back to a plain tag-stripping extraction.
"""

from __future__ import annotations

import html as htmllib
import re

from hadath.errors import SkipArticle
from hadath.ingest.boilerplate import match_form, strip_boilerplate

HEAD_CHARS = 300_000  # metadata are looked for in the first characters only
MAX_DEPTH = 255  # libxml2 refuses deeper trees without its HUGE option
# trafilatura's fast mode skips its readability/jusText fallbacks: ~1.6x faster,
# and the same text on our test pages (favor_precision stays on)
FAST = True

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_PUBDATE = re.compile(r"<time\b[^>]*\bpubdate\b[^>]*>", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
_BREAKS = re.compile(r"<(?:br|/?p|/?div|/?h[1-6]|/?li|/?tr|/?article|/?section|/?blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_TITLE_SEPARATORS = (" | ", " || ", " - ", " – ", " — ", " :: ")

_DATE_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dcterms.created", "sailthru.date",
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _meta_tags(head: str) -> dict[str, str]:
    """{name|property|itemprop (lower case): content} of the <meta> tags."""
    found: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTR.findall(tag)}
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content") or attrs.get("datetime")
        if key and content:
            found.setdefault(key.lower(), htmllib.unescape(content).strip())
    return found


def find_published(html: str, metas: dict[str, str] | None = None) -> str | None:
    """The publication date the page declares (as written), or None."""
    head = html[:HEAD_CHARS]
    metas = _meta_tags(head) if metas is None else metas
    for key in _DATE_KEYS:
        if metas.get(key):
            return metas[key]
    if match := _JSON_LD_DATE.search(head):
        return match.group(1)
    if match := _TIME_PUBDATE.search(head):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTR.findall(match.group())}
        return attrs.get("datetime")
    return None


def clean_title(title: str, sitename: str | None = None) -> str:
    """A page title without the site name after a separator ("خبر | الموقع")."""
    title = " ".join(htmllib.unescape(title).split())
    for separator in _TITLE_SEPARATORS:
        if separator in title:
            parts = [p for p in title.split(separator) if p.strip()]
            if sitename and len(parts) > 1 and match_form(parts[-1]) == match_form(sitename):
                return separator.join(parts[:-1]).strip()
            if separator.strip() in "||::" and parts:
                return max(parts, key=len).strip()
    return title


def page_metadata(html: str) -> dict[str, str | None]:
    """title, date and sitename declared in the page head."""
    head = html[:HEAD_CHARS]
    metas = _meta_tags(head)
    sitename = metas.get("og:site_name") or metas.get("application-name")
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title and (match := _TITLE.search(head)):
        title = match.group(1)
    return {
        "title": clean_title(title, sitename) if title else None,
        "date": find_published(html, metas),
        "sitename": sitename,
    }


def max_depth(html: str) -> int:
    """Deepest element nesting, counted on the tags (tolerant, no parser)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def strip_tags(html: str) -> str:
    """Plain text of an HTML page by regular expressions (fallback, no parser)."""
    text = _COMMENTS.sub(" ", _DROP_BLOCKS.sub(" ", html))
    text = _ANY_TAG.sub(" ", _BREAKS.sub("\n", text))
    lines = (" ".join(htmllib.unescape(line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura_text(html: str, url: str | None) -> str | None:
    import trafilatura
    from lxml import etree

    try:
        document = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False,
            favor_precision=True, fast=FAST, with_metadata=False,
        )
    except (etree.LxmlError, ValueError) as error:
        raise SkipArticle("html", f"the HTML could not be parsed ({error}); check the file is a web page") from error
    return document.text if document is not None else None


def _drop_title_line(text: str, title: str | None) -> str:
    first, _, rest = text.partition("\n")
    if title and match_form(first.strip()) == match_form(title.strip()):
        return rest
    return text


def extract_html(html: str, url: str | None = None) -> tuple[str, dict]:
    """(main text, metadata) of a page; metadata keys: title, date, sitename.

    The text has one paragraph per line, boilerplate lines removed, and does
    not repeat the title. It is "" when the page has no article text.
    Raises `SkipArticle('html')` for HTML that cannot be parsed.
    """
    metadata = page_metadata(html)
    try:
        text = _trafilatura_text(html, url)
    except RecursionError:
        text = strip_tags(html)
    if text is None:
        text = strip_tags(html) if max_depth(html) > MAX_DEPTH else ""
    return strip_boilerplate(_drop_title_line(text, metadata["title"])), metadata
