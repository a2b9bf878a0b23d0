"""Accuracy floors for the evaluation gate, pinned to a fingerprint of the gold.

Convention
----------
``FLOORS`` maps the fingerprint of a gold file (``fingerprint(path)``: the
first 16 hex digits of the SHA-256 of its bytes) to the lowest accepted value
of some metrics, each named by a dotted path into the JSON of the result:

* article gold (`hadath.evaluate.score.evaluate(...).to_json()`):
  ``"main.f1"``, ``"main.precision"``, ``"type_only.f1"``, ``"dyad_only.f1"``,
  ``"sectors.f1"``, ``"per_type.ASSAULT.f1"``…
* GSR (`hadath.evaluate.gsr.evaluate_gsr(...)`, keyed by the fingerprint of
  ``<type>_gsr.csv``): ``"PROTEST.f1"``, ``"ASSAULT.recall"``,
  ``"ASSAULT.actors.source.share"``…

A gate test does::

    floors = floors_for(gold_path)          # fails loudly if the gold changed
    result = evaluate(gold_path, corpus_path).to_json()
    assert not check_floors(result, floors)

Rules: when the gold file changes, its fingerprint changes and the gate stops
(`floors_for` raises) until floors are set for the new fingerprint on purpose.
A floor only moves down on purpose, with the reason in the commit message.
Set floors a little under the measured value (e.g. 0.02) so harmless noise
does not trip the gate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from hadath.errors import GoldFormatError

# fingerprint -> {metric path: floor}. Floors sit about 0.02 under the figures
# measured when they were set (docs/accuracy.md); a floor only moves down on
# purpose, with the reason in the commit message.
FLOORS: dict[str, dict[str, float]] = {
    "7a1c1e24790e16ba": {  # eval/dev_gold.jsonl (60 ANT articles)
        "main.f1": 0.53,
        "type_only.f1": 0.725,
        "dyad_only.f1": 0.635,
    },
    "88dfc95b3a96ad9d": {  # data/arabic_event_gsr/protest_gsr.csv (OEDA)
        "PROTEST.f1": 0.545,
        "PROTEST.precision": 0.45,
        "PROTEST.recall": 0.69,
    },
    "3a54ab330d896ba2": {  # data/arabic_event_gsr/assault_gsr.csv (OEDA)
        "ASSAULT.f1": 0.64,
        "ASSAULT.precision": 0.525,
        "ASSAULT.recall": 0.82,
    },
}


def fingerprint(path: str | Path) -> str:
    """The first 16 hex digits of the SHA-256 of the file's bytes."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def floors_for(path: str | Path, floors: Mapping[str, Mapping[str, float]] = FLOORS) -> Mapping[str, float]:
    """The floors pinned to this gold file; raises GoldFormatError if it has none (it changed)."""
    fp = fingerprint(path)
    try:
        return floors[fp]
    except KeyError:
        raise GoldFormatError(
            f"{path} has fingerprint {fp}, which has no accuracy floors: the gold file changed or is new. "
            f"Measure the coder on it and add floors under '{fp}' in hadath/evaluate/gate.py FLOORS"
        ) from None


def metric(result: Mapping, name: str) -> float:
    """The value at a dotted path of a result's JSON, e.g. metric(r, 'per_type.ASSAULT.f1').

    A per-type entry absent from the result (no gold and no prediction of that type) reads 0.0.
    """
    value: object = result
    for part in name.split("."):
        if not isinstance(value, Mapping):
            raise KeyError(f"metric {name!r}: {part!r} is not inside a mapping")
        if part not in value:
            if name.startswith("per_type."):
                return 0.0
            raise KeyError(f"metric {name!r}: no {part!r}; known here: {', '.join(map(str, value))}")
        value = value[part]
    return float(value)


def check_floors(result: Mapping, floors: Mapping[str, float]) -> list[str]:
    """One line per metric under its floor; [] when the gate passes."""
    return [f"{name} = {metric(result, name):.4f} < floor {floor:.4f}"
            for name, floor in floors.items() if metric(result, name) < floor]
