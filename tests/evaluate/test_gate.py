import hashlib

import pytest

from hadath.errors import GoldFormatError
from hadath.evaluate.gate import FLOORS, check_floors, fingerprint, floors_for, metric

RESULT = {"main": {"f1": 0.42, "precision": 0.5}, "per_type": {"ASSAULT": {"f1": 0.6}},
          "PROTEST": {"actors": {"source": {"share": 0.25}}}}


def test_fingerprint_is_the_first_16_hex_of_sha256(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_bytes('{"id": "ز", "events": []}\n'.encode())
    assert fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    assert len(fingerprint(path)) == 16


def test_floors_for_a_changed_gold_file_stops_the_gate(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    assert floors_for(path, {fingerprint(path): {"main.f1": 0.3}}) == {"main.f1": 0.3}
    path.write_text("{} \n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="has no accuracy floors"):
        floors_for(path, {"0" * 16: {}})


@pytest.mark.parametrize("name, value", [
    ("main.f1", 0.42), ("per_type.ASSAULT.f1", 0.6), ("per_type.AID.f1", 0.0),
    ("PROTEST.actors.source.share", 0.25),
])
def test_metric_reads_dotted_paths(name, value):
    assert metric(RESULT, name) == value


def test_metric_names_an_unknown_path():
    with pytest.raises(KeyError, match="no 'f2'"):
        metric(RESULT, "main.f2")


def test_check_floors_lists_only_metrics_under_their_floor():
    assert check_floors(RESULT, {"main.f1": 0.42, "main.precision": 0.4}) == []
    assert check_floors(RESULT, {"main.f1": 0.45}) == ["main.f1 = 0.4200 < floor 0.4500"]


def test_floors_are_keyed_by_16_hex_fingerprints_of_known_metrics():
    for fp, floors in FLOORS.items():
        assert len(fp) == 16 and int(fp, 16) >= 0
        assert all(0.0 <= v <= 1.0 for v in floors.values())
