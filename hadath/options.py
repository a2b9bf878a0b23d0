"""Settings: shipped defaults, overlaid by a user file, overlaid by CLI flags.

The user file is TOML, found at `$HADATH_CONFIG` or `./hadath.toml` (a
`[hadath]` table). Every setting:

    db          DuckDB file of `ingest`/`events`/`export`        ./hadath.duckdb
    workers     processes for `ingest` (0 = all cores)         0
    batch_size  articles per database transaction              200
    max_bytes   inputs larger than this are skipped            50000000
    include_all keep negated/future/conditional events, flagged false
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from hadath.errors import HadathError


@dataclass(frozen=True, slots=True)
class Options:
    db: str = "hadath.duckdb"
    workers: int = 0
    batch_size: int = 200
    max_bytes: int = 50_000_000
    include_all: bool = False

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def load_options(config: str | None = None, **overrides) -> Options:
    """Defaults ← user file ← flags (flags given as None are ignored)."""
    opts = Options()
    path = Path(config or os.environ.get("HADATH_CONFIG", "hadath.toml"))
    if path.is_file():
        opts = _overlay(opts, _read(path), str(path))
    return _overlay(opts, {k: v for k, v in overrides.items() if v is not None}, "command line")


def _read(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise HadathError(f"cannot read config {path}: {exc}") from exc
    return data.get("hadath", data)


def _overlay(opts: Options, values: dict, origin: str) -> Options:
    known = {f.name: f.type for f in fields(Options)}
    unknown = set(values) - set(known)
    if unknown:
        raise HadathError(f"unknown setting(s) {sorted(unknown)} in {origin}; known: {sorted(known)}")
    for key, value in values.items():
        expected = type(getattr(opts, key))
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise HadathError(f"setting {key!r} in {origin} must be {expected.__name__}, got {value!r}")
    return replace(opts, **values)
