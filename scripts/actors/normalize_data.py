"""Rewrite the hand-written actor data files in matching form (idempotent).

House rule: every data entry is stored as `normalize(x) == x`. Write entries in any
spelling (أ إ آ ة ى, with or without diacritics), then run:

    PYTHONPATH=. python scripts/actors/normalize_data.py

Comment lines (`#`) are kept as written; every other line is normalised. The
generated countries.tsv is written normalised by gen_countries.py.
"""

from __future__ import annotations

from pathlib import Path

from hadath.lang.ar.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / "hadath" / "actors" / "data"


def normalize_file(path: Path) -> bool:
    """Normalise the data lines of one file; True when it changed."""
    text = path.read_text(encoding="utf-8")
    lines = [ln if ln.startswith("#") else normalize(ln) for ln in text.splitlines()]
    new = "\n".join(lines) + "\n"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def main() -> None:
    for path in sorted(DATA.glob("*.tsv")):
        normalize_file(path)


if __name__ == "__main__":
    main()
