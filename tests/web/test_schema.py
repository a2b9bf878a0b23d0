"""Property test: every API operation answers as its OpenAPI spec says (schemathesis, few examples).

Each operation's cases come from `APIOperation.as_strategy()` and run through
hypothesis directly (schemathesis's lazy pytest fixture does not run on pytest 9).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis", reason="needs schemathesis: pip install 'hadath[dev]'")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from hadath.web import create_app  # noqa: E402

from .conftest import build_db  # noqa: E402

OPERATIONS = [("GET", "/api/v1/events"), ("GET", "/api/v1/events/{event_id}"), ("GET", "/api/v1/actors"),
              ("GET", "/api/v1/dyads/{a}/{b}/timeline"), ("POST", "/api/v1/code")]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    """The spec of an app over a database of its own (POST /code may store into it)."""
    app = create_app(build_db(tmp_path_factory.mktemp("schema") / "events.duckdb"))
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


def test_the_spec_lists_exactly_these_operations(api_schema):
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("method, path", OPERATIONS)
def test_api_answers_as_its_spec_says(api_schema, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate()

    check()
