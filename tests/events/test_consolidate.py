"""The article-level pass: subsumed mentions and their casualty counts."""

from __future__ import annotations

from hadath.events.consolidate import consolidate
from hadath.records import ActorMention, Event


def actor(code: str, start: int) -> ActorMention:
    return ActorMention(code, start, start + 3, code)


def event(sentence: int, source: str | None, target: str | None, casualties=None) -> Event:
    return Event("a1", sentence, sentence * 100, sentence * 100 + 90, "ASSAULT", None, "هجوم",
                 sentence * 100 + 5, sentence * 100 + 9,
                 actors=[actor(source, sentence * 100)] if source else [],
                 recipients=[actor(target, sentence * 100 + 20)] if target else [],
                 casualties=casualties or {})


def test_a_mention_with_one_side_is_dropped_and_its_counts_go_to_the_full_event():
    full = event(0, "ISR", "PSE")
    partial = event(2, None, "PSE", {"killed": 3})
    kept = consolidate([full, partial], [])
    assert [(e.sentence_index, e.casualties) for e in kept] == [(0, {"killed": 3})]


def test_counts_already_on_the_full_event_are_kept():
    full = event(0, "ISR", "PSE", {"killed": 5})
    partial = event(2, None, "PSE", {"killed": 3})
    assert [e.casualties for e in consolidate([full, partial], [])] == [{"killed": 5}]


def test_counts_do_not_move_to_another_dyad():
    kept = consolidate([event(0, "ISR", "LBN"), event(2, None, "PSE", {"killed": 3})], [])
    assert {(e.target.code, tuple(e.casualties.items())) for e in kept} == {("LBN", ()), ("PSE", (("killed", 3),))}
