"""One `hadath ingest DIR` over a directory of bad and awkward inputs, end to end through the CLI.

Reader-level cases are unit-tested in tests/ingest/test_readers.py; this checks the
whole command on a mixed directory: exit code 0, no traceback, every input either
coded (in `articles`) or skipped with a reason (in `skipped` and in the summary
line), the Arabic ones coded, and the items after each bad one still read.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.reliability._corpus import article_text

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 200_000


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hadath.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout)


def html_page(body_text: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{s}</p>" for s in re.split(r"(?<=\.) ", body_text))
    return (f"<!doctype html><html lang=\"ar\"><head>{meta}<title>خبر</title></head>"
            f"<body><article><h1>عنوان الخبر</h1>{paragraphs}</article></body></html>")


def warc_gz(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-06-01T10:00:00Z"}))
    return buffer.getvalue()


def build_corpus(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write the inputs; return (source -> expected skip reason, source path -> 'coded') of every item."""
    rng = random.Random(7)
    skip: dict[str, str] = {}
    coded: dict[str, str] = {}

    def put(name: str, data: bytes, outcome: str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        (coded if outcome == "coded" else skip)[str(path)] = outcome
        return path

    put("01-empty.txt", b"", "empty")
    put("02-blank.html", b"  \n\t\n", "empty")
    put("03-image.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000), "binary")
    put("04-no-extension", b"\x89PNG\r\n\x1a\n" + rng.randbytes(500), "binary")
    put("05-invalid-utf8.txt", b"Bad bytes \xc3\x28 and \xa0\xa1 in a Latin sentence, not Arabic at all.\n", "encoding")
    put("06-cp1256-declared.html", html_page(article_text(1001), "windows-1256").encode("cp1256"), "coded")
    put("07-cp1256-undeclared.html", html_page(article_text(1002), None).encode("cp1256"), "coded")
    put("08-iso8859-6-declared.html", html_page(article_text(1003), "iso-8859-6").encode("iso-8859-6"), "coded")
    mixed = ("قال وزير الخارجية الأردني خلال مؤتمر Reuters Next في عمان إن حكومته وقعت اتفاقا مع شركة "
             "Siemens AG بقيمة 4250 مليون دولار. " + article_text(1004))
    put("09-mixed-arabic-latin.txt", mixed.encode(), "coded")
    put("10-deep.html", ("<html><body>" + "<div>" * 5000 + f"<p>{article_text(1005)}</p>" + "</div>" * 5000
                         + "</body></html>").encode(), "coded")
    big = (article_text(1006) + "\n") * (1_000_000 // len((article_text(1006) + "\n").encode()) + 1)
    put("11-too-large.txt", big.encode(), "too-large")
    put("12-english.txt", b"The minister met his counterpart in Amman on Tuesday to discuss water and trade.\n",
        "not-arabic")

    # a .warc.gz cut inside its last record: the records before are read, the cut is reported
    data = warc_gz([("https://news.example/w/1", html_page(article_text(1007), "utf-8")),
                    ("https://news.example/w/2", html_page(article_text(1008), "utf-8")),
                    ("https://news.example/w/3", html_page(article_text(1009), "utf-8"))])
    warc = put("13-truncated.warc.gz", data[: len(data) - 300], "truncated-warc")
    coded[f"{warc}#records-before-the-cut"] = "coded"

    rows = [
        (json.dumps({"id": "j1", "text": article_text(1010)}, ensure_ascii=False), "coded"),
        (json.dumps({"id": "j2", "headline": "بلا نص", "summary": "لا حقل نص هنا"}, ensure_ascii=False), "missing-text"),
        ("[1, 2, 3]", "bad-json"),
        ("{not json at all", "bad-json"),
        ('"just a string"', "bad-json"),
        (json.dumps({"id": "j6", "text": 12345}), "too-short"),
        (json.dumps({"id": "j7", "text": None, "content": article_text(1011), "date": "not a date",
                     "title": ["a", "list"], "url": 17}, ensure_ascii=False), "coded"),
        (json.dumps({"id": {"nested": True}, "text": article_text(1012)}, ensure_ascii=False), "coded"),
        (json.dumps({"id": "j9", "text": ""}), "missing-text"),
        (json.dumps({"id": "j10", "body": article_text(1013)}, ensure_ascii=False), "coded"),
    ]
    path = root / "sub" / "14-wrong-fields.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(line for line, _ in rows) + "\n", encoding="utf-8")
    for number, (_, outcome) in enumerate(rows, 1):
        (coded if outcome == "coded" else skip)[f"{path}:{number}"] = outcome
    put("sub/15-after-everything.txt", article_text(1014).encode(), "coded")
    return skip, coded


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "corpus"
    corpus.mkdir()
    skip, coded = build_corpus(corpus)
    config = root / "hadath.toml"
    config.write_text(f"[hadath]\nmax_bytes = {MAX_BYTES}\n", encoding="utf-8")
    db = root / "bad.duckdb"
    done = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1", "--config", str(config))
    con = duckdb.connect(str(db), read_only=True)
    try:
        skipped = dict(con.execute("SELECT source, reason FROM skipped").fetchall())
        articles = con.execute("SELECT source_id, source_path, text FROM articles").fetchall()
        runs = con.execute("SELECT finished IS NOT NULL, processed, skipped, failed FROM runs").fetchall()
    finally:
        con.close()
    return done, skip, coded, skipped, articles, runs


def test_ingest_of_a_bad_directory_exits_0_without_a_traceback(ingested):
    done, *_ = ingested
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_every_bad_input_is_skipped_with_its_reason(ingested):
    _, skip, _, skipped, _, _ = ingested
    # warc records keep their record id as source: compare the file-level and line-level ones
    # a WARC cut inside a record is reported under that record's WARC-Record-ID, else under the file
    warc = next(s for s, r in skip.items() if r == "truncated-warc")
    files = {s: r for s, r in skip.items() if s != warc}
    assert {s: r for s, r in skipped.items() if s in files} == files
    cut = {s: r for s, r in skipped.items() if s not in files}
    assert list(cut.values()) == ["truncated-warc"], cut
    assert next(iter(cut)) in (warc,) or next(iter(cut)).startswith("<urn:uuid:"), cut
    assert all(r for r in skipped.values())


def test_every_arabic_input_is_coded(ingested):
    _, _, coded, _, articles, _ = ingested
    paths = {path for _, path, _ in articles}
    ids = {source_id for source_id, _, _ in articles}
    for source in coded:
        if source.endswith("#records-before-the-cut"):
            warc = source.split("#")[0]
            assert sum(path == warc for _, path, _ in articles) >= 1, "no record before the WARC cut was coded"
        elif re.search(r"\.jsonl:\d+$", source):
            assert source.rsplit(":", 1)[0] in paths
        else:
            assert source in paths, f"{source} was not coded"
    assert {"j1", "j7", "j10"} <= ids
    cp = next(text for _, path, text in articles if path.endswith("06-cp1256-declared.html"))
    assert "اتفاقا" in cp or "الشرطة" in cp or "وزير" in cp  # decoded to Arabic, not mojibake


def test_summary_line_counts_every_item(ingested):
    done, skip, coded, _, articles, runs = ingested
    line = done.stdout.strip().splitlines()[-1]
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (processed|skipped|failed)", " ".join(
        f"{b} {a}" for a, b in re.findall(r"(processed|skipped|failed) (\d+)", line)))}
    assert counts["failed"] == 0
    assert counts["skipped"] == len(skip), line
    assert counts["processed"] == len(articles) >= len(coded)
    for reason in set(skip.values()):
        n = sum(r == reason for r in skip.values())
        assert f"{reason}: {n}" in line, (reason, line)
    assert runs == [(True, counts["processed"], counts["skipped"], 0)]


# The peak RSS of the ingest process itself: VmHWM of its own memory, read as it ends. Not ru_maxrss:
# Linux carries that over fork and exec, so a child of a large pytest process reports pytest's peak.
PEAK_RSS_SCRIPT = """import sys, runpy
sys.argv = ['hadath'] + sys.argv[1:]
try:
    runpy.run_module('hadath.cli', run_name='__main__')
finally:
    with open('/proc/self/status') as status:
        peak = next(line.split()[1] for line in status if line.startswith('VmHWM:'))
    print('peak_rss_kb', peak, file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads the peak RSS from /proc (Linux)")
def test_a_100_mb_file_is_skipped_as_too_large_with_bounded_memory(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    block = (article_text(2000) + "\n").encode()
    with (corpus / "huge.txt").open("wb") as out:
        for _ in range(100_000_000 // (len(block) * 1000) + 1):
            out.write(block * 1000)
    (corpus / "small.txt").write_text(article_text(2001), encoding="utf-8")
    config = tmp_path / "hadath.toml"
    config.write_text("[hadath]\nmax_bytes = 50000000\n", encoding="utf-8")
    db = tmp_path / "huge.duckdb"
    done = subprocess.run([sys.executable, "-c", PEAK_RSS_SCRIPT, "ingest", str(corpus), "--db", str(db), "--quiet",
                           "--workers", "1", "--config", str(config)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "too-large: 1" in done.stdout and "processed 1," in done.stdout, done.stdout
    rss_mb = int(re.search(r"peak_rss_kb (\d+)", done.stderr).group(1)) / 1024
    assert rss_mb < 400, f"peak RSS {rss_mb:.0f} MB: the 100 MB file seems to have been read"
