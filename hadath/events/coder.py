"""The rule-based event coder: triggers + actors + modality → PLOVER events.

`ArticleCoder` codes the sentences of one article in order, keeping the
context that Arabic news relies on (the previous speaker for a dropped subject,
the country an article is about for office words with no country).

Every event says which lexicon entry fired (`lexicon_entry`) and which
argument rules assigned its actors (`rule`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from hadath.events.arguments import assign
from hadath.events.lexicon import TriggerEntry, trigger_matcher
from hadath.events.modality import classify, sentence_cues
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatch, PhraseMatcher
from hadath.lang.ar.tokens import Token
from hadath.ontology import event_type as ontology_type
from hadath.records import ActorMention, Event, Sentence

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "SANCTION", "COERCE", "MOBILIZE"})
STATE_KINDS = frozenset({"state", "person", "office", "group"})


@cache
def blocker_matcher() -> PhraseMatcher[str]:
    """Phrases that cancel a trigger at their position (football 'attack', …)."""
    path = files("hadath.events").joinpath("data/blockers.tsv")
    matcher: PhraseMatcher[str] = PhraseMatcher()
    if not path.is_file():
        return matcher
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, _, reason = line.partition("\t")
            matcher.add(normalize(phrase), reason or "blocked")
    return matcher


@dataclass(slots=True)
class CoderContext:
    """What the coder remembers while it reads one article."""

    article_id: str
    published_year: int | None = None
    date: str | None = None
    last_source: list[ActorMention] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)

    def main_country(self) -> str | None:
        top = self.countries.most_common(1)
        return top[0][0] if top else None


class ArticleCoder:
    def __init__(self, article_id: str, published: str | None = None, include_all: bool = False):
        year = int(published[:4]) if published and published[:4].isdigit() else None
        self.ctx = CoderContext(article_id, year, published[:10] if published else None)
        self.include_all = include_all

    def code(self, sentence: Sentence, sentence_text: str, tokens: Sequence[Token],
             mentions: list[ActorMention]) -> list[Event]:
        """Events of one sentence (tokens carry article offsets)."""
        for m in mentions:
            if m.code and m.kind != "igo" and len(m.code) == 3:
                self.ctx.countries[m.code] += 1
        triggers = _triggers(tokens, mentions)
        if not triggers:
            return []
        cues = sentence_cues(tokens)
        events = []
        for match in triggers:
            event = self._event(sentence, sentence_text, tokens, mentions, match, cues)
            if event is not None and (self.include_all or event.modality == "asserted"):
                events.append(event)
        if events and events[0].actors:
            self.ctx.last_source = events[0].actors
        return _dedupe(events)

    def _event(self, sentence, sentence_text, tokens, mentions, match: PhraseMatch[TriggerEntry], cues) -> Event | None:
        entry = match.payload
        modality = classify(tokens, cues, match.tok_start, match.tok_end, prefix=match.first.prefix,
                            sentence_text=sentence_text, published_year=self.ctx.published_year)
        etype = entry.event_type
        if modality == "negated" and not self.include_all:
            return None
        args = assign(tokens, mentions, match.tok_start, match.tok_end, event_type=etype, kind=entry.kind,
                      target_preps=entry.target_preps, transitive=entry.transitive,
                      reciprocal=entry.reciprocal, lemma=entry.lemma)
        source, target, rule = args.source, args.target, args.rule
        if not source and match.tok_start <= 1 and entry.kind != "noun" and self.ctx.last_source:
            source, rule = self.ctx.last_source, rule + ",source:carried"
        if modality in ("future", "intent") and _is_statement(tokens, match.tok_start):
            etype, modality, rule = _statement_of_intent(etype, modality, rule)
        source = [self._fill_country(m) for m in source]
        target = [self._fill_country(m) for m in target]
        if source and target and source[0].code == target[0].code and source[0].sector == target[0].sector \
                and source[0].start == target[0].start:
            target = []
        info = ontology_type(etype)
        cameo = entry.cameo if etype == entry.event_type else info.cameo_root
        return Event(
            article_id=self.ctx.article_id, sentence_index=sentence.index,
            sentence_start=sentence.start, sentence_end=sentence.end,
            event_type=etype, mode=entry.mode or None,
            trigger=_trigger_text(tokens, match), trigger_start=match.start, trigger_end=match.end,
            actors=source, recipients=target, date=self.ctx.date,
            date_precision="published" if self.ctx.date else None,
            negated=modality == "negated", modality=modality,
            confidence=_confidence(entry, source, target, rule),
            cameo=cameo, quad_class=info.quad_class, goldstein=info.goldstein,
            lexicon_entry=entry.ref, rule=rule.strip(","),
        )

    def _fill_country(self, m: ActorMention) -> ActorMention:
        if m.code:
            return m
        country = self.ctx.main_country()
        if not country:
            return m
        return ActorMention(m.text, m.start, m.end, country, m.sector, m.name_en, m.kind, m.entry,
                            m.rule + "+context-country", m.tok_start, m.tok_end)


def _triggers(tokens: Sequence[Token], mentions: list[ActorMention]) -> list[PhraseMatch[TriggerEntry]]:
    inside = set()
    for m in mentions:
        inside.update(range(m.tok_start, m.tok_end))
    for b in blocker_matcher().find_all(tokens):
        inside.update(range(b.tok_start, b.tok_end))
    return [t for t in trigger_matcher().find_all(tokens)
            if not any(i in inside for i in range(t.tok_start, t.tok_end))]


_SPEECH = frozenset(normalize(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "صرح", "صرحت", "أضاف", "أضافت", "أوضح", "أوضحت",
    "أشار", "أشارت", "أفاد", "أفادت", "ذكر", "ذكرت", "شدد", "شددت", "تعهد", "تعهدت", "وعد", "وعدت",
))


def _is_statement(tokens: Sequence[Token], trig_start: int) -> bool:
    """A speech verb before the trigger: the sentence reports a statement."""
    return any(normalize(t.norm.lstrip("وف")) in _SPEECH for t in tokens[:trig_start])


def _statement_of_intent(etype: str, modality: str, rule: str) -> tuple[str, str, str]:
    """A statement now about one's own future act toward someone is AGREE or THREATEN."""
    if etype in COOPERATIVE:
        return "AGREE", "asserted", rule + ",intent:agree"
    if etype in HOSTILE:
        return "THREATEN", "asserted", rule + ",intent:threaten"
    if etype in ("AGREE", "THREATEN"):
        return etype, "asserted", rule + ",intent"
    return etype, modality, rule


def _trigger_text(tokens: Sequence[Token], match: PhraseMatch) -> str:
    return " ".join(t.text for t in tokens[match.tok_start : match.tok_end])


def _confidence(entry: TriggerEntry, source, target, rule: str) -> float:
    score = 0.4 + (0.2 if source else 0) + (0.15 if target else 0) + (0.1 if entry.kind != "noun" else 0.05)
    if "context-country" in rule or "carried" in rule:
        score -= 0.1
    return round(min(score, 0.95), 2)


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        key = (e.event_type, e.source.code if e.source else "", e.target.code if e.target else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
