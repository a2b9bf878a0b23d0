import csv
import json

import pytest

from hadath.errors import GoldFormatError
from hadath.evaluate.gsr import evaluate_gsr, format_gsr, read_spans

PROTEST_ROWS = [
    ("p1", "yes", "تظاهر آلاف في مدينة الواحة"),  # flagged: tp
    ("p2", "yes", "اعتصم العمال أمام المصنع"),  # missed: fn
    ("p3", "easy no", "ارتفعت أسعار التمر في الواحة"),  # tn
    ("p4", "easy no", "تظاهر الوزير بالمرض"),  # flagged: fp
    ("p5", "difficult no", "تظاهر اللاعب بالإصابة"),  # flagged
    ("p6", "ambiguous", "سيخرج العمال في مسيرة غدا"),  # only a future event: not flagged
    ("p7", "ambiguous", "تظاهر عشرات أمام البرلمان"),  # flagged
]
ASSAULT_ROWS = [
    ("a1", "yes", "هاجم مسلحون مركزا للشرطة في قمران"),
    ("a2", "easy no", "تظاهر آلاف في مدينة الواحة"),  # a PROTEST text: not an ASSAULT
]
PROTEST_SPANS = [
    ("تظاهر آلاف في مدينة الواحة",
     [({"main": "WAH", "role": "CVL"}, {}), ({"main": "None", "role": "None"}, "UNKNOWN")]),
    ("تظاهر طلاب زهران ضد قمران", [({"main": "ZHR", "role": "EDU"}, {"main": "QMR", "role": "GOV"})]),
    ("اعتصم العمال أمام المصنع", [({"main": "WAH"}, {})]),  # not detected
    ("تظاهر سكان القرية", [("UNKNOWN", {"main": "", "role": "CVL"})]),  # no gold actor at all
    ("تظاهر أنصار قمران أمام سفارة زهران", [({"main": "QMR"}, {"main": "ZHR"}), ({"main": "QMR"}, None)]),
]
RULES = {
    "تظاهر": [("PROTEST", "WAH-CVL", None)],
    "طلاب": [("PROTEST", "ZHR", "QMR")],
    "مسيرة": [("PROTEST", "WAH", None, {"modality": "future"})],
    "هاجم": [("ASSAULT", None, "QMR-COP"), ("ASSAULT", None, "QMR", {"negated": True})],
}


def write_csv(path, etype, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
        for n, (rid, label, text) in enumerate(rows):
            w.writerow([n, 0, etype, rid, label, 0, text, 5])


def write_spans(path, etype, records):
    data = [{"source": "x", "_id": str(n), "text": text, "event_type": etype, "source_gold": "", "verb_gold": "",
             "target_gold": "", "spans": [{"source_actor": [], "verb": [], "target_actor": [],
                                           "source_role": s, "target_role": t} for s, t in spans]}
            for n, (text, spans) in enumerate(records)]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def gsr_dir(tmp_path):
    write_csv(tmp_path / "protest_gsr.csv", "PROTEST", PROTEST_ROWS)
    write_csv(tmp_path / "assault_gsr.csv", "ASSAULT", ASSAULT_ROWS)
    write_spans(tmp_path / "protest_spans.json", "PROTEST", PROTEST_SPANS)
    return tmp_path


def test_detection_counts_per_type(gsr_dir, fake_coder):
    result = evaluate_gsr(gsr_dir, coder=fake_coder(RULES))
    p = result["PROTEST"]
    assert {k: p[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn", "tn", "n_pos", "n_neg")} == {
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1, "tn": 1, "n_pos": 2, "n_neg": 2}
    assert (p["difficult_no_flagged"], p["n_difficult_no"], p["difficult_no_share"]) == (1, 1, 1.0)
    assert (p["ambiguous_flagged"], p["n_ambiguous"], p["ambiguous_share"]) == (1, 2, 0.5)
    a = result["ASSAULT"]
    assert (a["tp"], a["fp"], a["fn"], a["tn"], a["precision"], a["recall"]) == (1, 0, 0, 1, 1.0, 1.0)


def test_actor_agreement_on_span_records(gsr_dir, fake_coder):
    actors = evaluate_gsr(gsr_dir, coder=fake_coder(RULES))["PROTEST"]["actors"]
    assert actors == {"records": 5, "detected": 4,
                      "source": {"matched": 2, "compared": 3, "share": 0.6667},
                      "target": {"matched": 1, "compared": 2, "share": 0.5}}


def test_missing_spans_file_gives_no_actor_scores(gsr_dir, fake_coder):
    assert evaluate_gsr(gsr_dir, coder=fake_coder(RULES), types=("ASSAULT",))["ASSAULT"]["actors"] is None


def test_each_distinct_text_is_coded_once(gsr_dir, fake_coder):
    coder = fake_coder(RULES)
    evaluate_gsr(gsr_dir, coder=coder)
    texts = {t for _, _, t in PROTEST_ROWS + ASSAULT_ROWS} | {t for t, _ in PROTEST_SPANS}
    assert coder.calls == len(texts)


def test_limit_keeps_the_first_rows_and_records(gsr_dir, fake_coder):
    result = evaluate_gsr(gsr_dir, coder=fake_coder(RULES), types=("PROTEST",), limit=2)
    p = result["PROTEST"]
    assert (p["tp"], p["fn"], p["n_neg"], p["actors"]["records"]) == (1, 1, 0, 2)


def test_progress_reports_done_and_total(gsr_dir, fake_coder):
    seen = []
    evaluate_gsr(gsr_dir, coder=fake_coder(RULES), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(PROTEST_ROWS) + len(ASSAULT_ROWS) + len(PROTEST_SPANS),) * 2


def test_failing_sentences_are_counted_not_fatal(gsr_dir, fake_coder):
    result = evaluate_gsr(gsr_dir, coder=fake_coder(RULES, fail_on="اعتصم"), types=("PROTEST",))
    assert result["PROTEST"]["failed"] == 1 and result["PROTEST"]["fn"] == 1
    assert result["PROTEST"]["failed_examples"] == ["p2: RuntimeError: boom"]


def test_missing_csv_and_unknown_label_raise(tmp_path, fake_coder):
    with pytest.raises(GoldFormatError, match="protest_gsr.csv not found"):
        evaluate_gsr(tmp_path, coder=fake_coder())
    write_csv(tmp_path / "protest_gsr.csv", "PROTEST", [("p1", "maybe", "نص")])
    with pytest.raises(GoldFormatError, match=r"protest_gsr.csv:2: unknown label 'maybe'"):
        evaluate_gsr(tmp_path, coder=fake_coder())


def test_read_spans_treats_none_unknown_and_empty_as_no_actor(gsr_dir):
    recs = read_spans(gsr_dir / "protest_spans.json")
    assert [(set(r.sources), set(r.targets)) for r in recs] == [
        ({"WAH"}, set()), ({"ZHR"}, {"QMR"}), ({"WAH"}, set()), (set(), set()), ({"QMR"}, {"ZHR"})]


def test_format_gsr(gsr_dir, fake_coder):
    text = format_gsr(evaluate_gsr(gsr_dir, coder=fake_coder(RULES)))
    assert "PROTEST" in text and "ASSAULT" in text and "source 2/3" in text
