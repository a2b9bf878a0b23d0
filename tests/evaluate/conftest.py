"""Shared fixtures of the evaluation tests: a fake coder and small files written on the fly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.records import ActorMention, Article, CodedArticle, Event, Sentence


def mention(code: str | None) -> ActorMention | None:
    """'SYR-GOV' -> ActorMention(code='SYR', sector='GOV'); None or '' -> no actor."""
    if not code:
        return None
    base, _, sector = code.partition("-")
    return ActorMention(text=base, start=0, end=0, code=base, sector=sector or None)


def make_event(text: str, etype: str, source: str | None = None, target: str | None = None,
               trigger: str = "", modality: str = "asserted", negated: bool = False) -> Event:
    start = max(text.find(trigger), 0)
    return Event(
        article_id="a", sentence_index=0, sentence_start=0, sentence_end=len(text),
        event_type=etype, mode=None, trigger=trigger, trigger_start=start, trigger_end=start + len(trigger),
        actors=[m] if (m := mention(source)) else [], recipients=[m] if (m := mention(target)) else [],
        modality=modality, negated=negated,
    )


class FakeCoder:
    """Emits the events listed for each trigger word found in the text; counts its calls.

    rules: {trigger: [(type, source, target), (type, source, target, {"modality": "future"}), ...]}
    """

    def __init__(self, rules: dict[str, list[tuple]] | None = None, fail_on: str | None = None):
        self.rules = rules or {}
        self.fail_on = fail_on
        self.calls = 0

    def __call__(self, article: Article) -> CodedArticle:
        self.calls += 1
        if self.fail_on and self.fail_on in article.text:
            raise RuntimeError("boom")
        events = [make_event(article.text, *spec[:3], trigger=word, **(spec[3] if len(spec) > 3 else {}))
                  for word, specs in self.rules.items() if word in article.text for spec in specs]
        return CodedArticle(article, [Sentence(0, 0, len(article.text))], events)


@pytest.fixture
def write_jsonl(tmp_path):
    def write(name: str, rows: list) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return path
    return write


@pytest.fixture
def fake_coder():
    """The FakeCoder class: fake_coder({"trigger": [("TYPE", "SRC", "TGT"), ...]})."""
    return FakeCoder


@pytest.fixture
def event():
    """make_event(text, type, source, target, trigger=…, modality=…, negated=…)."""
    return make_event
