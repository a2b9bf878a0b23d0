#!/usr/bin/env python3
"""Coverage-guided fuzzing (atheris: libFuzzer for Python) of one text stage, with hypothesis's checks.

TARGET is normalize, tokens, sentences, actors or html; the check of each is
in tests/reliability/_properties.py, which the hypothesis tests run too. The
input bytes are decoded as UTF-8 (bad bytes replaced). The other arguments go
to libFuzzer. Without a corpus folder, one is seeded in a temporary folder
with generated fictional Arabic articles (as HTML pages for `html`), so that
mutation starts from Arabic text. A failing input is saved by libFuzzer as
crash-<sha1> in the current folder; rerun the harness with that file as its
only argument to replay it.

Optional: needs `pip install atheris` (a wheel for CPython 3.11 on x86-64
Linux, no compiler needed); `make test` does not use it.

Example:
  python scripts/fuzz/atheris_text.py actors -max_total_time=60
  python scripts/fuzz/atheris_text.py html -runs=20000 -seed=1
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["hadath"]):
    from tests.reliability._properties import CHECKS  # noqa: E402

from tests.reliability._corpus import article_text  # noqa: E402

SEEDS = 20


def seed_corpus(target: str, folder: Path) -> Path:
    for i in range(SEEDS):
        text = article_text(i)
        if target == "html":
            text = f"<html><head><title>{text[:30]}</title></head><body><article><p>{text}</p></article></body></html>"
        (folder / f"seed-{i:02d}").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in CHECKS:
        raise SystemExit(f"usage: {sys.argv[0]} {{{','.join(CHECKS)}}} [libFuzzer options] [corpus folder]")
    target, options = sys.argv[1], sys.argv[2:]
    check = CHECKS[target]

    def one_input(data: bytes) -> None:
        check(data.decode("utf-8", "replace"))

    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as tmp:
        folders = [a for a in options if not a.startswith("-")]
        corpus = [] if folders else [str(seed_corpus(target, Path(tmp)))]
        atheris.Setup([sys.argv[0], *options, *corpus], one_input)
        atheris.Fuzz()


if __name__ == "__main__":
    main()
