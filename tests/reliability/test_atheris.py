"""The atheris harness (scripts/fuzz/atheris_text.py) runs a short, fixed fuzzing round per target.

Skipped where atheris is not installed (it is optional: `pip install atheris`). Longer
rounds are run by hand; see docs/benchmarks.md (reliability) for the last ones.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability._properties import CHECKS

pytest.importorskip("atheris", reason="optional fuzzer: pip install atheris")

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "scripts" / "fuzz" / "atheris_text.py"


@pytest.mark.parametrize("target", list(CHECKS))
def test_a_short_fuzzing_round_finds_nothing(target, tmp_path):
    done = subprocess.run([sys.executable, str(HARNESS), target, "-runs=200", "-seed=1"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]
    runs = re.search(r"Done (\d+) runs", done.stderr)  # libFuzzer may run a few more than asked
    assert runs and int(runs.group(1)) >= 200, done.stderr[-3000:]
