"""`hadath demo`: code the seed article into a database and show its events."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from hadath.render import event_table

SEED_GLOB = "seed/*.txt"


def demo_input(shared: Path = Path("../shared")) -> Path:
    """The seed article when `../shared` is there, else hadath's own sample."""
    seeds = sorted(shared.glob(SEED_GLOB)) if shared.is_dir() else []
    if seeds:
        return seeds[0]
    with as_file(files("hadath").joinpath("data/sample.ar.txt")) as path:
        return Path(path)


def run_demo(path: Path, db: str) -> str:
    from hadath.ingest import iter_inputs
    from hadath.jobs import ingest
    from hadath.pipeline import code_article
    from hadath.store.duckdb_store import DuckStore

    with DuckStore(db) as store:
        summary = ingest(iter_inputs([str(path)]), store, workers=1)
    out = [f"stored in {db}: {summary.line()}", ""]
    for item in iter_inputs([str(path)]):
        if hasattr(item, "text"):
            out.append(event_table(code_article(item)))
    return "\n".join(out)
