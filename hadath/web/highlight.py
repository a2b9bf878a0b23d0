"""Spans of an event (trigger, source, target) cut into marked segments of its sentence.

Pure functions. Offsets are article offsets (as stored); a span outside the
sentence (a target taken from the article context) is kept in the list of
spans but not marked in the sentence. Overlapping spans give a segment with
several classes (`<mark class="trigger source">`).
"""

from __future__ import annotations

from typing import Any

ROLE_CLASS = {"actor": "source", "recipient": "target"}


def event_spans(event: dict[str, Any], actor_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trigger and every actor / recipient span of an event, in text order.

    Each span: role (trigger | source | target), start, end (article offsets),
    text (the sentence's text at those offsets when inside it, else the stored
    text), code, name and `in_sentence`.
    """
    s0, s1 = event["sentence_start"], event["sentence_end"]
    spans = [{"role": "trigger", "start": event["trigger_start"], "end": event["trigger_end"],
              "text": event["trigger"], "code": event["event_type"], "name": None}]
    for r in sorted(actor_rows, key=lambda r: (r["role"], r["position"])):
        spans.append({"role": ROLE_CLASS.get(r["role"], r["role"]), "start": r["start"], "end": r["end"],
                      "text": r["text"], "code": r["code"] + (f"-{r['sector']}" if r["sector"] else ""),
                      "name": r["name_en"]})
    sentence = event.get("sentence") or ""
    for span in spans:
        span["in_sentence"] = _valid(span) and s0 <= span["start"] and span["end"] <= s1
        if span["in_sentence"]:  # what is marked: the text at the offsets (a trigger's may leave out its clitics)
            span["text"] = sentence[span["start"] - s0 : span["end"] - s0]
    return sorted(spans, key=lambda s: (s["start"] if s["start"] is not None else -1, s["role"]))


def _valid(span: dict[str, Any]) -> bool:
    return isinstance(span["start"], int) and isinstance(span["end"], int) and span["start"] < span["end"]


def segments(text: str, offset: int, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`text` (starting at article offset `offset`) as consecutive segments with the classes marking them.

    Joining the segments' text gives `text` back; `classes` is empty for plain text.
    """
    inside = [s for s in spans if s.get("in_sentence", True) and _valid(s)
              and s["start"] >= offset and s["end"] <= offset + len(text)]
    cuts = sorted({0, len(text)} | {s["start"] - offset for s in inside} | {s["end"] - offset for s in inside})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        classes = sorted({s["role"] for s in inside if s["start"] - offset <= a and b <= s["end"] - offset})
        out.append({"text": text[a:b], "classes": classes})
    return out
