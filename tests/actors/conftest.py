"""Shared helpers for the actor tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.actors import find_actors

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _coded(text: str, published: str | None = "2019-06-01") -> list[str]:
    return [m.full_code for m in find_actors(text, published) if m.code]


@pytest.fixture
def coded():
    """coded(text, published='2019-06-01'): full codes (CODE-SECTOR) of the mentions
    that have a code, in text order."""
    return _coded


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (gold and corpus files) is not present")
    return SHARED
