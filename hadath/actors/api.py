"""Whole-text helpers over `ActorResolver` (used by `hadath actors` and tests)."""

from __future__ import annotations

from hadath.actors.resolver import ActorResolver
from hadath.lang.ar.sentences import split_sentences
from hadath.lang.ar.tokens import tokenize
from hadath.records import ActorMention


def find_actors(text: str, published: str | None = None) -> list[ActorMention]:
    """Actor mentions of a whole text, sentence by sentence, in text order.
    Offsets point into `text`; token indices are within each mention's sentence."""
    resolver = ActorResolver(published)
    mentions: list[ActorMention] = []
    for sentence in split_sentences(text):
        tokens = tokenize(text[sentence.start:sentence.end], offset=sentence.start)
        mentions += resolver.find(tokens, text)
    return mentions


def explain(text: str, published: str | None = None) -> list[dict]:
    """One dict per mention: what matched, where, the code it got and why."""
    return [
        {"text": m.text, "span": [m.start, m.end], "code": m.code, "sector": m.sector,
         "name_en": m.name_en, "kind": m.kind, "entry": m.entry, "rule": m.rule}
        for m in find_actors(text, published)
    ]
