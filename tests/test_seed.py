"""The article hadath began from: a China–Russia security meeting, with a cookie banner."""

from __future__ import annotations

import pytest

from hadath.ingest import iter_inputs
from hadath.pipeline import code_article


@pytest.fixture
def seed(shared):
    path = next(iter(sorted(shared("seed").glob("*.txt"))), None)
    if path is None:
        pytest.skip("no seed article in ../shared/seed")
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1 and hasattr(items[0], "text"), items
    return code_article(items[0])


def _pairs(coded, etype):
    return {frozenset({e.source.code, e.target.code}) for e in coded.events
            if e.event_type == etype and e.source and e.target}


@pytest.mark.parametrize("etype", ["CONSULT", "AGREE", "SUPPORT"])
def test_seed_yields_event_between_china_and_russia(seed, etype):
    assert frozenset({"CHN", "RUS"}) in _pairs(seed, etype)


def test_seed_offsets_point_at_sentence_and_trigger(seed):
    text = seed.article.text
    for e in seed.events:
        sentence = text[e.sentence_start:e.sentence_end]
        assert sentence == seed.sentence_text(e.sentence_index)
        assert e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end
        trigger_span = text[e.trigger_start:e.trigger_end]
        assert trigger_span and trigger_span in e.trigger
        for m in e.actors + e.recipients:
            assert text[m.start:m.end] == m.text


def test_seed_meeting_trigger_is_the_meeting_word(seed):
    consult = [e for e in seed.events if e.event_type == "CONSULT"]
    assert any("اجتماع" in seed.article.text[e.trigger_start:e.trigger_end] for e in consult)


def test_seed_cookie_banner_is_dropped(seed):
    assert "ملفات تعريف الارتباط" not in seed.article.text
    assert "أوافق" not in seed.article.text.split("\n")[-1]
    last = seed.sentences[-1]
    assert "أزمة" in seed.article.text[last.start:last.end]
