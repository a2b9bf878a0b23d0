import json

import pytest

from hadath.errors import GoldFormatError
from hadath.evaluate.gold import GoldEvent, actor_code, iso_date, read_corpus, read_gold, root


def test_read_gold_collapses_repeated_events_and_ignores_helpers(write_jsonl):
    path = write_jsonl("gold.jsonl", [
        {"id": "a1", "events": [
            {"type": "CONSULT", "source": "CHN", "target": "RUS", "mode": "meet", "evidence": "التقى"},
            {"type": "CONSULT", "source": "CHN", "target": "RUS", "evidence": "اجتمع"},
            {"type": "PROTEST", "source": "PSE-CVL", "target": ""},
        ]},
        {"id": "a2", "events": []},
    ])
    gold = read_gold(path)
    assert gold == {"a1": {GoldEvent("CONSULT", "CHN", "RUS"), GoldEvent("PROTEST", "PSE-CVL", "---")}, "a2": set()}


def test_read_gold_skips_blank_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('\n{"id": "x", "events": []}\n\n', encoding="utf-8")
    assert read_gold(path) == {"x": set()}


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "events": [', "not valid JSON"),
    ('["x"]', "JSON object"),
    ('{"events": []}', "'id' must be a non-empty string"),
    ('{"id": "", "events": []}', "'id' must be a non-empty string"),
    ('{"id": "x"}', "'events' must be a list"),
    ('{"id": "x", "events": {}}', "'events' must be a list"),
    ('{"id": "x", "events": ["CONSULT"]}', "event 1: expected an object"),
    ('{"id": "x", "events": [{"type": "MEET", "source": "CHN", "target": "RUS"}]}', "unknown type 'MEET'"),
    ('{"id": "x", "events": [{"type": "consult", "source": "CHN", "target": "RUS"}]}', "unknown type"),
    ('{"id": "x", "events": [{"type": "CONSULT", "target": "RUS"}]}', "'source' must be a string"),
    ('{"id": "x", "events": [{"type": "CONSULT", "source": "CHN", "target": null}]}', "'target' must be a string"),
])
def test_read_gold_reports_file_and_line_of_bad_records(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as info:
        read_gold(path)
    assert f"{path}:2" in str(info.value)


def test_read_gold_rejects_an_id_given_twice(write_jsonl):
    path = write_jsonl("dup.jsonl", [{"id": "x", "events": []}, {"id": "x", "events": []}])
    with pytest.raises(GoldFormatError, match=r"dup.jsonl:2: article id 'x' appears twice"):
        read_gold(path)


@pytest.mark.parametrize("code, expected", [
    ("SYR-GOV", "SYR"), ("SYR", "SYR"), ("---", "---"), ("UN", "UN"), ("PSE-REB", "PSE"),
])
def test_root_strips_the_sector_suffix_but_keeps_no_actor(code, expected):
    assert root(code) == expected


@pytest.mark.parametrize("value, expected", [("", "---"), (None, "---"), ("  ", "---"), (" SYR ", "SYR")])
def test_actor_code_maps_empty_to_no_actor(value, expected):
    assert actor_code(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Mon, 19 Feb 2018 00:16:11 +0400", "2018-02-19T00:16:11+04:00"),
    ("Sat, 07 Apr 2018 21:05:00 GMT", "2018-04-07T21:05:00+00:00"),
    ("2018-02-19", "2018-02-19"),
    ("", None), (None, None), ("yesterday", None),
])
def test_iso_date_from_rfc_2822(value, expected):
    assert iso_date(value) == expected


def test_read_corpus_joins_title_and_text_cleaned_and_filters_ids(write_jsonl):
    path = write_jsonl("corpus.jsonl", [
        {"id": "n1", "url": "http://example.org/1", "outlet": "جريدة الواحة", "date": "Mon, 19 Feb 2018 00:16:11 +0400",
         "title": "وزير  زهران يزور  قمران", "text": "التقى الوزيران \uFEFB في العاصمة.\r\nوبحثا التعاون."},
        {"id": "n2", "title": "", "text": "نص آخر"},
        {"id": "n3", "title": "لا يقرأ", "text": "لا يقرأ"},
    ])
    arts = list(read_corpus(path, ids={"n1", "n2"}))
    assert [a.source_id for a in arts] == ["n1", "n2"]
    first = arts[0]
    assert first.text == "وزير زهران يزور قمران\nالتقى الوزيران لا في العاصمة.\nوبحثا التعاون."
    assert (first.title, first.outlet, first.url) == ("وزير زهران يزور قمران", "جريدة الواحة", "http://example.org/1")
    assert first.published == "2018-02-19T00:16:11+04:00" and first.published_date == "2018-02-19"
    assert arts[1].text == "نص آخر" and arts[1].title is None and arts[1].published is None


def test_read_corpus_names_the_bad_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "نص"}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"c.jsonl:2"):
        list(read_corpus(path))
