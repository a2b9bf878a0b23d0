"""PLOVER JSON records, with the field names of the PLOVER manual.

The manual ("PLOVER: Event, Actor and Data Interchange Specification", OEDA,
chapter "JSON Data Fields") names the record fields `id, date, event, mode,
context, event_text, quad_code, event_scale, text, text_info, cite_info,
coder`; the actor object `code, sector, actor_text`; the text object
`sequence, start, end`; the citation object `url, title, language,
publication`. `event`, `mode`, `context` and `event_text` are lists, as in the
manual (a record may carry several values). Where the manual has no name we
add ours: `cameo`, `negated`, `modality`, `confidence`, `casualties`,
`date_precision`, `event_loc` (the place: text, name, country, admin1, lat, lon,
feature), actor `name/kind/start/end/entry/rule`, `gloss`.

Source actors go under `actor` (the manual's older drafts said `source`;
POLECAT and later PLOVER work say actor/recipient).
`gloss` gives English glosses of the type, quad class and actors for readers
who do not read Arabic; the Arabic text itself is kept as it stands.
"""

from __future__ import annotations

from typing import Any

from hadath.ontology import QUAD_NAMES, event_types
from hadath.records import ActorMention, Article, Event


def actor_object(m: ActorMention) -> dict[str, Any]:
    return {
        "code": m.code, "sector": m.sector, "actor_text": m.text, "name": m.name_en or None,
        "kind": m.kind, "start": m.start, "end": m.end, "entry": m.entry or None, "rule": m.rule or None,
    }


def actor_gloss(mentions: list[ActorMention]) -> str | None:
    """English names joined with "and": `Egypt (GOV) and Jordan`."""
    names = [(m.name_en or m.code) + (f" ({m.sector})" if m.sector else "") for m in mentions]
    return " and ".join(names) or None


def text_info(event: Event, language: str) -> dict[str, Any]:
    return {
        "sequence": event.sentence_index, "start": event.sentence_start, "end": event.sentence_end,
        "trigger_start": event.trigger_start, "trigger_end": event.trigger_end, "language": language,
    }


def cite_info(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id, "source_id": article.source_id, "url": article.url, "title": article.title,
        "publication": article.outlet, "published": article.published, "language": article.language,
    }


def gloss(event: Event) -> dict[str, Any]:
    etype = event_types().get(event.event_type)
    return {
        "event_en": etype.gloss_en if etype else None, "quad_en": QUAD_NAMES.get(event.quad_class),
        "actor_en": actor_gloss(event.actors), "recipient_en": actor_gloss(event.recipients),
    }


def plover_record(event: Event, article: Article, sentence_text: str) -> dict[str, Any]:
    """One PLOVER record for one event; `sentence_text` is the sentence it was coded from."""
    return {
        "id": event.id, "date": event.date or article.published_date, "date_precision": event.date_precision,
        "event_loc": dict(event.location) if event.location else None,
        "actor": [actor_object(m) for m in event.actors],
        "recipient": [actor_object(m) for m in event.recipients],
        "event": [event.event_type], "mode": [event.mode] if event.mode else [], "context": [],
        "event_text": [event.trigger], "quad_code": event.quad_class, "event_scale": event.goldstein,
        "cameo": event.cameo or None, "negated": event.negated, "modality": event.modality,
        "confidence": event.confidence, "casualties": dict(event.casualties),
        "text": sentence_text, "text_info": text_info(event, article.language), "cite_info": cite_info(article),
        "coder": {"name": event.coder, "version": event.coder_version,
                  "lexicon_entry": event.lexicon_entry or None, "rule": event.rule or None},
        "gloss": gloss(event),
    }
