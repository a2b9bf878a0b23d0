"""The accuracy gate: the coder may not silently fall below the floors pinned
(with a fingerprint of each gold file) in hadath/evaluate/gate.py.

Runs on the shared gold sets; skips with a clear message where ../shared is absent.
"""

from __future__ import annotations

import pytest

from hadath.evaluate.gate import check_floors, floors_for
from hadath.evaluate.gsr import evaluate_gsr
from hadath.evaluate.score import evaluate


def test_dev_gold_stays_above_its_floors(shared):
    gold = shared("eval", "dev_gold.jsonl")
    corpus = shared("data", "ant", "ant_sample.jsonl")
    report = evaluate(gold, corpus)
    assert not report.failed
    assert not check_floors(report.to_json(), floors_for(gold))


@pytest.fixture(scope="module")
def gsr_result():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "arabic_event_gsr"
    if not root.is_dir():
        pytest.skip(f"needs {root} (the shared OEDA gold); absent here")
    return root, evaluate_gsr(root)


@pytest.mark.parametrize("event_type", ["PROTEST", "ASSAULT"])
def test_oeda_gsr_stays_above_its_floors(gsr_result, event_type):
    root, result = gsr_result
    floors = floors_for(root / f"{event_type.lower()}_gsr.csv")
    assert not check_floors(result, floors)
