"""Fixtures of the store tests: see hadath_samples.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hadath_samples import samples, shared_store, store  # noqa: E402,F401
