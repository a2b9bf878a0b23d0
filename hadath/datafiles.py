"""Reading hadath's packaged TSV data files (one reader for every package)."""

from __future__ import annotations

from importlib import resources

from hadath.errors import DataError


def read_rows(package: str, name: str, *, exact: bool = False, fix: str = "fix the file") -> list[dict[str, str]]:
    """Rows of `<package>/data/<name>` as dicts: `#` lines are comments, the first
    other line is the header. Short rows are padded with "" unless `exact`; a
    row with too many cells (a tab inside a cell?) is a DataError saying `fix`."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(header) or (exact and len(cells) != len(header)):
            raise DataError(f"{package.replace('.', '/')}/data/{name}: data line {n} has {len(cells)} columns, "
                            f"expected {len(header)}; {fix}")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows
