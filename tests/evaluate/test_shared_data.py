"""Smoke tests on the real gold files in ../shared (skipped where it is absent).

They use a coder that emits nothing, so they test the readers and the
scoring, not the coder (the accuracy gate does that).
"""

import pytest

from hadath.evaluate.gate import FLOORS, fingerprint
from hadath.evaluate.gold import read_gold
from hadath.evaluate.gsr import evaluate_gsr, read_spans
from hadath.evaluate.score import evaluate
from hadath.records import CodedArticle

pytestmark = pytest.mark.shared


def silent_coder(article):
    return CodedArticle(article, [], [])


def test_dev_gold_reads_and_scores_with_an_empty_coder(shared):
    gold_path = shared("eval", "dev_gold.jsonl")
    report = evaluate(gold_path, shared("data", "ant", "ant_sample.jsonl"), coder=silent_coder)
    gold = read_gold(gold_path)
    assert report.n_articles == len(gold) > 0
    assert report.main.tp == report.main.fp == 0 and report.main.fn == report.n_gold > 0
    assert report.failed == []


def test_dev_gold_has_accuracy_floors(shared):
    assert fingerprint(shared("eval", "dev_gold.jsonl")) in FLOORS


def test_gsr_reads_with_an_empty_coder(shared):
    result = evaluate_gsr(shared("data", "arabic_event_gsr"), coder=silent_coder, limit=50)
    for etype in ("PROTEST", "ASSAULT"):
        r = result[etype]
        assert r["tp"] == r["fp"] == 0 and r["n_pos"] + r["n_neg"] + r["n_difficult_no"] + r["n_ambiguous"] == 50
        assert r["actors"]["records"] == 50 and r["actors"]["detected"] == 0


def test_gsr_span_records_have_gold_actors(shared):
    recs = read_spans(shared("data", "arabic_event_gsr", "assault_spans.json"))
    assert len(recs) > 100
    assert sum(bool(r.sources) for r in recs) > 0 and sum(bool(r.targets) for r in recs) > 0
