import json

import pytest

from hadath.errors import GoldFormatError, SkipArticle
from hadath.evaluate.gold import GoldEvent as G
from hadath.evaluate.score import PredEvent as P
from hadath.evaluate.score import counted_events, evaluate, format_text, score
from hadath.records import Article, CodedArticle

TEXT = "استقبل رئيس زهران وزير قمران. وقصفت طائرات مدينة الواحة."


def prf(report, level="main"):
    s = report.to_json()[level]
    return s["precision"], s["recall"], s["f1"], s["tp"], s["fp"], s["fn"]


GOLD = {"a": {G("CONSULT", "ZHR-GOV", "QMR"), G("ASSAULT", "---", "WAH")}}


@pytest.mark.parametrize("pred, expected", [
    # perfect
    ([P("CONSULT", "ZHR-GOV", "QMR"), P("ASSAULT", "---", "WAH")], (1.0, 1.0, 1.0, 2, 0, 0)),
    # empty predictions: 0/0 precision reads 0.0
    ([], (0.0, 0.0, 0.0, 0, 0, 2)),
    # two extra events
    ([P("CONSULT", "ZHR", "QMR"), P("ASSAULT", "---", "WAH"), P("PROTEST", "WAH", "---"), P("AID", "QMR", "ZHR")],
     (0.5, 1.0, 0.6667, 2, 2, 0)),
    # the same event three times counts once
    ([P("CONSULT", "ZHR-GOV", "QMR")] * 3, (1.0, 0.5, 0.6667, 1, 0, 1)),
    # sector suffixes are stripped at the main level
    ([P("CONSULT", "ZHR-MIL", "QMR-GOV"), P("ASSAULT", "---", "WAH-CVL")], (1.0, 1.0, 1.0, 2, 0, 0)),
    # '---' is an actor like any other: a named source does not match '---'
    ([P("ASSAULT", "QMR", "WAH")], (0.0, 0.0, 0.0, 0, 1, 2)),
    # direction matters at the main level
    ([P("CONSULT", "QMR", "ZHR")], (0.0, 0.0, 0.0, 0, 1, 2)),
])
def test_main_level_counts(pred, expected):
    assert prf(score(GOLD, {"a": pred})) == expected


@pytest.mark.parametrize("level, pred, expected", [
    # with sectors: full codes must agree, '---' stays '---'
    ("sectors", [P("CONSULT", "ZHR-GOV", "QMR"), P("ASSAULT", "---", "WAH")], (1.0, 1.0, 1.0, 2, 0, 0)),
    ("sectors", [P("CONSULT", "ZHR", "QMR"), P("ASSAULT", "---", "WAH-MIL")], (0.0, 0.0, 0.0, 0, 2, 2)),
    ("sectors", [P("CONSULT", "ZHR-GOV", "QMR"), P("CONSULT", "ZHR", "QMR")], (0.5, 0.5, 0.5, 1, 1, 1)),
    # type only: one CONSULT is enough, whoever the actors
    ("type_only", [P("CONSULT", "WAH", "WAH"), P("CONSULT", "QMR", "ZHR")], (1.0, 0.5, 0.6667, 1, 0, 1)),
    ("type_only", [P("CONSULT", "WAH", "WAH"), P("ASSAULT", "QMR", "ZHR"), P("AID", "---", "---")],
     (0.6667, 1.0, 0.8, 2, 1, 0)),
    # dyad only: unordered roots, any type
    ("dyad_only", [P("ACCUSE", "QMR-GOV", "ZHR"), P("PROTEST", "WAH", "---")], (1.0, 1.0, 1.0, 2, 0, 0)),
    ("dyad_only", [P("ACCUSE", "QMR", "ZHR"), P("ACCUSE", "ZHR", "QMR")], (1.0, 0.5, 0.6667, 1, 0, 1)),
    ("dyad_only", [P("ASSAULT", "WAH", "WAH")], (0.0, 0.0, 0.0, 0, 1, 2)),
])
def test_other_levels(level, pred, expected):
    assert prf(score(GOLD, {"a": pred}), level) == expected


def test_micro_average_sums_counts_over_articles():
    gold = {"a": {G("AID", "ZHR", "QMR")},
            "b": {G("AID", "ZHR", "QMR"), G("REQUEST", "UN", "ZHR"), G("COERCE", "WAH", "WAH")}}
    report = score(gold, {"a": [P("AID", "ZHR", "QMR")]})
    assert prf(report) == (1.0, 0.25, 0.4, 1, 0, 3)
    assert (report.n_articles, report.n_gold, report.n_pred) == (2, 4, 1)


def test_gold_sector_variants_of_one_event_reduce_to_one_main_tuple():
    gold = {"a": {G("AID", "ZHR-GOV", "QMR"), G("AID", "ZHR", "QMR")}}
    report = score(gold, {"a": [P("AID", "ZHR", "QMR")]})
    assert prf(report) == (1.0, 1.0, 1.0, 1, 0, 0)
    assert prf(report, "sectors") == (1.0, 0.5, 0.6667, 1, 0, 1)


def test_predictions_for_articles_outside_the_gold_are_ignored():
    report = score({"a": {G("AID", "ZHR", "QMR")}},
                   {"a": [P("AID", "ZHR", "QMR")], "zz": [P("ASSAULT", "QMR", "ZHR"), P("AID", "QMR", "ZHR")]})
    assert prf(report) == (1.0, 1.0, 1.0, 1, 0, 0)
    assert report.n_ignored == 2


def test_gold_articles_with_no_event_measure_false_positives():
    report = score({"a": set(), "b": set()}, {"b": [P("ASSAULT", "QMR", "ZHR")]})
    assert prf(report) == (0.0, 0.0, 0.0, 0, 1, 0)


def test_per_type_table():
    gold = {"a": {G("CONSULT", "ZHR", "QMR"), G("ASSAULT", "---", "WAH")}, "b": {G("ASSAULT", "QMR", "ZHR")}}
    pred = {"a": [P("CONSULT", "ZHR-GOV", "QMR"), P("ASSAULT", "ZHR", "WAH"), P("PROTEST", "WAH", "---")],
            "b": [P("ASSAULT", "QMR", "ZHR")]}
    table = score(gold, pred).to_json()["per_type"]
    assert list(table) == ["CONSULT", "PROTEST", "ASSAULT"]  # PLOVER order, only types seen
    assert table["CONSULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0, "support": 1}
    assert table["ASSAULT"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1, "support": 2}
    assert table["PROTEST"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 0, "support": 0}


def test_a_type_outside_plover_is_scored_not_fatal():
    report = score({"a": set()}, {"a": [P("MEET", "ZHR", "QMR")]})
    assert report.to_json()["per_type"]["MEET"]["fp"] == 1


def test_worst_articles_list_missing_and_extra_with_sentence_and_trigger():
    gold = {"a": {G("CONSULT", "ZHR", "QMR", evidence="استقبل")}, "b": {G("AID", "ZHR", "QMR")},
            "c": {G("AID", "ZHR", "QMR")}}
    pred = {"a": [P("ASSAULT", "---", "WAH", "وقصفت طائرات مدينة الواحة.", "قصفت"),
                  P("ASSAULT", "---", "WAH", "وقصفت طائرات مدينة الواحة.", "قصفت"),
                  P("PROTEST", "WAH", "---", "تظاهر أهل الواحة.", "تظاهر")],
            "b": [P("AID", "ZHR", "QMR")], "c": []}
    worst = score(gold, pred).to_json()["worst"]
    assert [(w["id"], w["errors"]) for w in worst] == [("a", 3), ("c", 1)]
    assert worst[0]["missing"] == [{"event": ["CONSULT", "ZHR", "QMR"], "evidence": "استقبل"}]
    assert worst[0]["extra"][0] == {"event": ["ASSAULT", "---", "WAH"],
                                    "evidence": [{"sentence": "وقصفت طائرات مدينة الواحة.", "trigger": "قصفت"}]}
    assert len(score(gold, pred).to_json(worst=1)["worst"]) == 1


def test_counted_events_keeps_only_asserted_and_not_negated(event):
    events = [event(TEXT, "CONSULT", "ZHR-GOV", "QMR", trigger="استقبل"),
              event(TEXT, "ASSAULT", None, "WAH", trigger="قصفت", modality="future"),
              event(TEXT, "ASSAULT", None, "WAH", trigger="قصفت", negated=True)]
    coded = CodedArticle(Article(text=TEXT), [], events)
    assert counted_events(coded) == [P("CONSULT", "ZHR-GOV", "QMR", TEXT, "استقبل")]


def test_counted_events_maps_missing_or_empty_actor_to_no_actor(event):
    ev = event(TEXT, "ASSAULT", None, "WAH", trigger="قصفت")
    ev.recipients[0].code = ""
    (pred,) = counted_events(CodedArticle(Article(text=TEXT), [], [ev]))
    assert (pred.source, pred.target) == ("---", "---")


@pytest.fixture
def files(write_jsonl):
    corpus = write_jsonl("corpus.jsonl", [
        {"id": "n1", "title": "زيارة", "text": TEXT, "date": "Mon, 19 Feb 2018 00:16:11 +0400"},
        {"id": "n2", "title": "", "text": "تظاهر أهل الواحة أمام السفارة."},
        {"id": "n3", "title": "", "text": "خبر لا يقيمه أحد: استقبل"},
    ])
    gold = write_jsonl("gold.jsonl", [
        {"id": "n1", "events": [{"type": "CONSULT", "source": "ZHR-GOV", "target": "QMR"},
                                {"type": "ASSAULT", "source": "---", "target": "WAH"}]},
        {"id": "n2", "events": []},
    ])
    return gold, corpus


def test_evaluate_codes_only_gold_articles(files, fake_coder):
    coder = fake_coder({"استقبل": [("CONSULT", "ZHR-GOV", "QMR")], "تظاهر": [("PROTEST", "WAH-CVL", None)]})
    report = evaluate(*files, coder=coder)
    assert coder.calls == 2
    assert prf(report) == (0.5, 0.5, 0.5, 1, 1, 1)
    assert report.skipped == [] and report.failed == []


def test_evaluate_counts_skipped_and_failed_articles_and_goes_on(files, fake_coder):
    def coder(article):
        if "تظاهر" in article.text:
            raise SkipArticle("too-short", "too short")
        return fake_coder(fail_on="استقبل")(article)
    report = evaluate(*files, coder=coder)
    assert report.skipped == ["n2: too short"]
    assert report.failed == ["n1: RuntimeError: boom"]
    assert prf(report) == (0.0, 0.0, 0.0, 0, 0, 2)
    assert format_text(report).startswith("WARNING: the coder failed on 1 article(s)")


def test_evaluate_lets_a_broken_coder_fail_loudly(files):
    def coder(article):
        raise ImportError("cannot import name 'Resolver'")
    with pytest.raises(ImportError):
        evaluate(*files, coder=coder)


def test_evaluate_refuses_gold_articles_missing_from_the_corpus(files, write_jsonl, fake_coder):
    gold = write_jsonl("gold2.jsonl", [{"id": "n1", "events": []}, {"id": "gone", "events": []}])
    with pytest.raises(GoldFormatError, match="1 gold article.*not in the corpus.*gone"):
        evaluate(gold, files[1], coder=fake_coder())


def test_text_and_json_outputs(files, fake_coder):
    report = evaluate(*files, coder=fake_coder({"قصفت": [("ASSAULT", "QMR", "WAH")]}))
    text = format_text(report, worst=5)
    assert "main" in text and "per type" in text and "ASSAULT" in text
    assert "extra   ASSAULT QMR→WAH" in text and "trigger «قصفت»" in text
    assert "missing CONSULT ZHR→QMR" in text
    data = report.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) >= {"main", "sectors", "type_only", "dyad_only", "per_type", "worst"}
