"""Spark schemas derived from the one output schema (`hadath.records`)."""

from __future__ import annotations

from typing import Any

from hadath.errors import MissingExtraError
from hadath.export.rows import duckdb_type

Columns = list[tuple[str, str]]

_PYTHON = {"string": str, "int": int, "float": float, "bool": bool, "json": str}


def require_pyspark() -> None:
    """Raise MissingExtraError (how to install it) when pyspark is absent."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("spark", "pyspark") from exc


def spark_type(logical: str):
    """The Spark SQL type of a logical column type (json is stored as its text)."""
    from pyspark.sql import types as T

    duckdb_type(logical)  # one place says which logical types exist
    return {"string": T.StringType(), "int": T.LongType(), "float": T.DoubleType(),
            "bool": T.BooleanType(), "json": T.StringType()}[logical]


def spark_schema(columns: Columns):
    """A Spark StructType (all fields nullable) for one of the schema lists."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(logical), True) for name, logical in columns])


def spark_values(row: dict[str, Any], columns: Columns) -> tuple:
    """A flat row as a tuple in schema order, each value of its column's Python type (None kept)."""
    return tuple(None if row[name] is None else _PYTHON[logical](row[name]) for name, logical in columns)
