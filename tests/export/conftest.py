"""Fixtures of the export tests: the hand-built records of tests/store/hadath_samples.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from hadath_samples import samples, shared_store, store  # noqa: E402,F401
