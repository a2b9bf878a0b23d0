"""Storage of coded articles: a DuckDB file (`DuckStore`)."""

from hadath.store.duckdb_store import RUN_COLUMNS, TABLES, DuckStore

__all__ = ["DuckStore", "RUN_COLUMNS", "TABLES"]
