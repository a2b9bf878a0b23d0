"""Readable text renderings of events for the terminal (used by the CLI)."""

from __future__ import annotations

import csv
import io

from hadath.ontology import event_type
from hadath.records import ActorMention, CodedArticle, Event


def actor_label(mentions: list[ActorMention]) -> str:
    if not mentions:
        return "---"
    return " + ".join(f"{m.full_code} ({m.name_en or m.text})" for m in mentions)


def casualty_text(casualties: dict[str, int]) -> str:
    """`killed 5, injured 12` in the order killed, injured, arrested ('' when none)."""
    order = ("killed", "injured", "arrested")
    keys = sorted(casualties, key=lambda k: order.index(k) if k in order else len(order))
    return ", ".join(f"{k} {casualties[k]}" for k in keys)


def event_block(event: Event, sentence: str) -> str:
    info = event_type(event.event_type)
    flags = "" if event.modality == "asserted" else f"  [{event.modality}]"
    casualties = [f"  casualties: {casualty_text(event.casualties)}"] if event.casualties else []
    return "\n".join([
        f"{event.event_type} ({info.gloss_en}; CAMEO {event.cameo}, quad {event.quad_class}, "
        f"Goldstein {event.goldstein:+.1f}){flags}",
        f"  source : {actor_label(event.actors)}",
        f"  target : {actor_label(event.recipients)}",
        f"  trigger: {event.trigger}  [{event.trigger_start}:{event.trigger_end}]  "
        f"({event.lexicon_entry}; rule {event.rule or '-'}; confidence {event.confidence})",
        *casualties,
        f"  sentence {event.sentence_index} [{event.sentence_start}:{event.sentence_end}]: {sentence}",
    ])


def event_table(coded: CodedArticle) -> str:
    a = coded.article
    head = f"# article {a.id}  {a.title or ''}  {a.published or ''}  {a.url or ''}".rstrip()
    if not coded.events:
        return head + "\n(no events)\n"
    blocks = [event_block(e, coded.sentence_text(e.sentence_index)) for e in coded.events]
    return head + f"\n{len(coded.events)} events\n\n" + "\n\n".join(blocks) + "\n"


TABLE_COLUMNS = ("date", "event_type", "source_code", "target_code", "trigger", "sentence")


def rows_table(rows: list[dict], columns=TABLE_COLUMNS, width: int = 60) -> str:
    if not rows:
        return "(no events)"
    lines = ["\t".join(columns)]
    for r in rows:
        cells = [str(r.get(c) if r.get(c) is not None else "-") for c in columns]
        lines.append("\t".join(c if len(c) <= width else c[: width - 1] + "…" for c in cells))
    return "\n".join(lines)


def rows_csv(rows: list[dict]) -> str:
    if not rows:
        return ""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
