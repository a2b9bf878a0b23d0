"""`hadath serve`: a thin shell over `hadath.web.serve` (uvicorn replaced by a recorder)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")

import uvicorn  # noqa: E402
from starlette.middleware.trustedhost import TrustedHostMiddleware  # noqa: E402

from hadath.cli import cli  # noqa: E402


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def middleware(app) -> set:
    return {m.cls for m in app.user_middleware}


def test_serve_help_gives_an_example():
    out = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Example:" in out and "hadath serve --db" in out


def test_serve_listens_on_loopback_by_default(started, web_db):
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    app, kw = started[0]
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    assert TrustedHostMiddleware in middleware(app) and app.state.token is None


def test_serve_takes_host_port_and_token(started, web_db):
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "9001",
                                      "--token", "t0k"])
    assert result.exit_code == 0 and "warning" not in result.output
    app, kw = started[0]
    assert (kw["host"], kw["port"], app.state.token) == ("0.0.0.0", 9001, "t0k")
    assert TrustedHostMiddleware not in middleware(app)


def test_serve_reads_the_token_from_the_environment(started, web_db):
    CliRunner().invoke(cli, ["serve", "--db", str(web_db)], env={"HADATH_TOKEN": "from-env"})
    assert started[0][0].state.token == "from-env"


def test_serve_warns_when_exposed_without_a_token(started, web_db):
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0"])
    assert "without --token" in result.output


def test_serve_without_a_database_says_how_to_fix_it(started, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no database" in result.output and not started
