"""Read input paths into Articles: the only I/O of `hadath.ingest`.

`iter_inputs` takes files, directories (walked recursively in sorted order,
hidden names skipped) and `-` for stdin, and yields one `Article` or one
`Skipped` per input item. A bad item never stops the batch.

Formats, by extension, else sniffed from the first bytes:

* `.txt`            plain text; a short first line without final punctuation is the title
* `.html` `.htm`    an HTML page (charset from `<meta charset>`)
* `.jsonl` `.json`  one article per line (a `.json` may also hold one object or an
                    array): id, url, outlet, title, date/published, and
                    text/content/body (plain, or HTML when it has tags) or html
* `.warc` `.warc.gz` HTML response records (url from WARC-Target-URI, date from the
                    page, else WARC-Date, charset from the HTTP header, else the page)

`max_bytes` caps one item: a whole `.txt`/`.html` file (checked before reading),
one JSONL line, one WARC record payload; a `.json` file and stdin text/HTML are
capped as a whole.

Decoding (`decode_bytes`): UTF-16 with a BOM; else UTF-8 (with or without BOM),
which is right whenever it decodes; else the declared charset; else cp1256 or
ISO-8859-6 when that gives mostly Arabic letters; else `Skipped('encoding')`.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from hadath.errors import SkipArticle
from hadath.ingest.article import article_from_html, article_from_text
from hadath.ingest.langid import script_counts
from hadath.records import Article, Skipped

MAX_BYTES = 50_000_000
SNIFF_BYTES = 8192
STDIN = "<stdin>"
ARABIC_SHARE = 0.5  # a single-byte decoding is accepted when this share of letters is Arabic

_SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".gz": None,
}
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"BZh", b"\xfd7zXZ")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article)\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_LOOKS_HTML = re.compile(r"<(?:html|body|p|div|br|article|span)\b", re.I)
_TEXT_KEYS = ("text", "content", "body", "article", "html")
_DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime")
_TITLE_KEYS = ("title", "headline")
_OUTLET_KEYS = ("outlet", "source", "site", "sitename")


# --- formats and decoding ---------------------------------------------------

def format_from_name(name: str) -> str | None:
    """'text', 'html', 'json', 'jsonl' or 'warc' from a file name, None when unknown."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")):
        return "warc"
    return _SUFFIXES.get(os.path.splitext(lower)[1])


def sniff_format(head: bytes) -> str:
    """'warc', 'jsonl', 'html', 'text' or 'binary' from the first bytes of an input."""
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return "binary"
        return "warc" if inner.startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "text"
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return "binary"
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if _HTML_START.search(start[:4096]):
        return "html"
    return "text"


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _arabic_share(text: str) -> float:
    arabic, letters = script_counts(text[:5000])
    return arabic / letters if letters else 0.0


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of `data` (see the module docstring); raises `SkipArticle('encoding')`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec and codec not in ("utf-8", "utf-8-sig", "ascii"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    for guess in ("cp1256", "iso8859-6"):
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) >= ARABIC_SHARE:
            return text
    hint = f" (declared {declared})" if declared else ""
    raise SkipArticle("encoding", f"not valid UTF-8{hint}, nor Arabic in windows-1256/ISO-8859-6: re-save it as UTF-8")


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if any."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


# --- one item ----------------------------------------------------------------

def _skip(source: str, error: SkipArticle) -> Skipped:
    return Skipped(source=source, reason=error.reason, message=str(error))


def _from_bytes(data: bytes, source: str, kind: str | None) -> Iterator[Article | Skipped]:
    """Articles of one whole text/HTML/JSON input held in memory."""
    if not data.strip():
        yield Skipped(source, "empty", "the input is empty")
        return
    kind = kind or sniff_format(data[:SNIFF_BYTES])
    if kind == "binary":
        yield Skipped(source, "binary", "this looks like a binary file, not text, HTML, JSON lines or WARC")
    elif kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), source, len(data))
    elif kind == "json":
        yield from _read_json(data, source)
    elif kind == "warc":
        yield from _read_warc(io.BytesIO(data), source, len(data))
    else:
        try:
            text = decode_bytes(data, meta_charset(data) if kind == "html" else None)
            if kind == "html":
                yield article_from_html(text, source_id=source, source_path=source)
            else:
                yield article_from_text(text, title_from_first_line=True, source_id=source, source_path=source)
        except SkipArticle as error:
            yield _skip(source, error)


def _first(row: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = row.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def article_from_row(row: dict, source: str, path: str | None = None) -> Article:
    """An Article from one JSON object (field aliases in `_TEXT_KEYS` etc.)."""
    meta = {
        "source_id": _first(row, ("id", "_id", "doc_id")) or source,
        "source_path": path,
        "url": _first(row, ("url", "link")),
        "outlet": _first(row, _OUTLET_KEYS),
        "title": _first(row, _TITLE_KEYS),
        "published": _first(row, _DATE_KEYS),
    }
    html = row.get("html")
    text = _first(row, _TEXT_KEYS)
    if text is None:
        raise SkipArticle("missing-text", f"no text field: give one of {', '.join(_TEXT_KEYS)}")
    if (html and isinstance(html, str) and text == html) or _LOOKS_HTML.search(text[:2000]):
        return article_from_html(text, **meta)
    return article_from_text(text, **meta)


def _row_item(line: bytes, source: str, path: str) -> Article | Skipped:
    try:
        row = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Skipped(source, "encoding", "this JSON line is not valid UTF-8: re-save the file as UTF-8")
    except json.JSONDecodeError as error:
        return Skipped(source, "bad-json", f"not a JSON object ({error.msg} at column {error.colno})")
    if not isinstance(row, dict):
        return Skipped(source, "bad-json", f"expected a JSON object, got a {type(row).__name__}")
    try:
        return article_from_row(row, source, path)
    except SkipArticle as error:
        return _skip(source, error)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) with None for a line longer than max_bytes (skipped over)."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _read_jsonl(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    head = stream.read(SNIFF_BYTES)
    if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"["):
        yield from _read_json_array(head + stream.read(max_bytes + 1), name, max_bytes)
        return
    seen = False
    for number, line in _lines(io.BufferedReader(_Chain(head, stream)), max_bytes):
        source = f"{name}:{number}"
        if line is None:
            yield Skipped(source, "too-large", f"this line is longer than {max_bytes} bytes")
        elif line.strip():
            seen = True
            yield _row_item(line, source, name)
    if not seen:
        yield Skipped(name, "empty", "no JSON lines in this input")


def _read_json(data: bytes, name: str) -> Iterator[Article | Skipped]:
    """A .json file: an array of articles, one article object, or JSON lines."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        yield from _read_jsonl(io.BytesIO(data), name, len(data))
        return
    if isinstance(value, dict):
        try:
            yield article_from_row(value, name, name)
        except SkipArticle as error:
            yield _skip(name, error)
    else:
        yield from _json_rows(value if isinstance(value, list) else [value], name)


def _read_json_array(data: bytes, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    if len(data) > max_bytes:
        yield Skipped(name, "too-large", f"this JSON array is larger than {max_bytes} bytes: write JSON lines")
        return
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        yield Skipped(name, "bad-json", f"not a valid UTF-8 JSON array ({error})")
        return
    yield from _json_rows(rows, name)


def _json_rows(rows: list, name: str) -> Iterator[Article | Skipped]:
    for number, row in enumerate(rows, 1):
        source = f"{name}:{number}"
        if not isinstance(row, dict):
            yield Skipped(source, "bad-json", f"expected a JSON object, got a {type(row).__name__}")
            continue
        try:
            yield article_from_row(row, source, name)
        except SkipArticle as error:
            yield _skip(source, error)


class _Chain(io.RawIOBase):
    """A readable stream: `head` bytes, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# --- WARC --------------------------------------------------------------------

def _warc_item(record, name: str, max_bytes: int) -> Article | Skipped:
    headers = record.rec_headers
    source = headers.get_header("WARC-Record-ID") or name
    url = headers.get_header("WARC-Target-URI")
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else headers.get_header("Content-Type")) or ""
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in ("text/html", "application/xhtml+xml", ""):
        return Skipped(source, "not-html", f"{url}: {mime.strip()} is not an HTML page ({name})")
    if http and (http.get_statuscode() or "200")[:1] != "2":
        return Skipped(source, "http-error", f"{url}: HTTP status {http.get_statuscode()} ({name})")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Skipped(source, "too-large", f"{url}: the page is larger than {max_bytes} bytes ({name})")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Skipped(source, "truncated-warc", f"{url}: the record is cut short ({name})")
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    try:
        text = decode_bytes(payload, charset.group(1) if charset else meta_charset(payload))
        return article_from_html(
            text, url=url, fallback_published=headers.get_header("WARC-Date"), source_id=source, source_path=name,
        )
    except SkipArticle as error:
        return _skip(source, error)


class _GzipWatch(io.RawIOBase):
    """Passes a gzip stream through and tells whether its last member was complete."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        self._feed(bytes(data))
        return len(data)

    def _feed(self, data: bytes) -> None:
        while data:
            if self._decompressor.eof:
                self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._decompressor.decompress(data)
            data = self._decompressor.unused_data if self._decompressor.eof else b""

    @property
    def complete(self) -> bool:
        return self._decompressor.eof


def _next_record(records: Iterator) -> tuple[object | None, str | None]:
    """(next WARC record or None at the end, or None and the error of a corrupt file)."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return next(records, None), None
    # warcio fails on a cut header with AttributeError/ValueError: treat as corrupt input
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as error:
        return None, str(error) or type(error).__name__


def _read_warc(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    head = stream.read(2)
    watch = _GzipWatch(_Chain(head, stream)) if head == b"\x1f\x8b" else None
    records = iter(ArchiveIterator(io.BufferedReader(watch or _Chain(head, stream))))
    item = None
    while True:
        record, error = _next_record(records)
        if record is None:
            break
        if record.rec_type in ("response", "resource"):
            item = _warc_item(record, name, max_bytes)
            yield item
    if isinstance(item, Skipped) and item.reason == "truncated-warc":
        return
    if error is not None:
        yield Skipped(name, "truncated-warc", f"the WARC file is corrupt ({error}); the records before were read")
    elif watch is not None and not watch.complete:
        yield Skipped(name, "truncated-warc", "the .warc.gz file is truncated (incomplete gzip); the records before were read")


# --- paths -------------------------------------------------------------------

def walk(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, in sorted path order, hidden names skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    name, kind = str(path), format_from_name(path.name)
    try:
        if kind == "warc":
            with path.open("rb") as stream:
                yield from _read_warc(stream, name, max_bytes)
            return
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, name, max_bytes)
            return
        if path.stat().st_size > max_bytes:
            yield Skipped(name, "too-large", f"the file is larger than {max_bytes} bytes")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(name, "unreadable", f"cannot read the file ({error.strerror or error})")
        return
    yield from _from_bytes(data, name, kind)


def _read_stdin(max_bytes: int) -> Iterator[Article | Skipped]:
    raw = sys.stdin.buffer
    stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    kind = sniff_format(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    if kind == "warc":
        yield from _read_warc(stream, STDIN, max_bytes)
    elif kind == "jsonl":
        yield from _read_jsonl(stream, STDIN, max_bytes)
    else:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield Skipped(STDIN, "too-large", f"standard input is larger than {max_bytes} bytes")
        else:
            yield from _from_bytes(data, STDIN, kind)


def iter_inputs(paths: Iterable[str], *, max_bytes: int = MAX_BYTES) -> Iterator[Article | Skipped]:
    """Articles and Skipped items of files, directories and `-` (stdin), in order."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(max_bytes)
        elif os.path.isdir(path):
            for file in walk(Path(path)):
                yield from _read_file(file, max_bytes)
        elif os.path.isfile(path):
            yield from _read_file(Path(path), max_bytes)
        else:
            yield Skipped(str(path), "not-found", "no such file or directory: check the path")
