"""Sentence-level evaluation on the OEDA Arabic event gold standard (GSR).

The GSR directory holds, per event type, ``<type>_gsr.csv`` (columns ``id,
label, text``…) and ``<type>_spans.json``. Each csv row's text is coded as a
one-sentence Article (no publication date).

Detection, per type:
  positive = label 'yes', negative = label 'easy no'; predicted positive = the
  coder emits at least one counted event (asserted, not negated) of the type.
  'difficult no' and 'ambiguous' rows are scored apart: how many of them the
  coder flags as the type (count and share).

Actors, per type, on the span records (all records of ``<type>_spans.json``):
  the gold actors of a record are the set of ``source_role.main`` (resp.
  ``target_role.main``) codes over its annotators' spans; '', None, 'None' and
  'UNKNOWN' mean no actor. For records whose type the coder detects and whose
  gold has an actor, the source (target) matches when one of the coded events
  of the type has a source (target) country code in that set. CAMEO-only codes
  of the GSR (IMG, INT, KUR…) never match hadath codes.

`limit` keeps the first N csv rows and the first N span records of each type.
Texts are coded once even when they recur (csv rows and span records share
most texts).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hadath.errors import GoldFormatError
from hadath.evaluate.gold import NO_ACTOR, root
from hadath.evaluate.score import Coder, PredEvent, code_safely, default_coder
from hadath.lang.ar.normalize import clean_text
from hadath.records import Article

LABELS = ("yes", "easy no", "difficult no", "ambiguous")
_NO_GOLD_ACTOR = frozenset({"", "none", "unknown", NO_ACTOR})
Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class GsrRow:
    id: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class SpanRecord:
    text: str
    sources: frozenset[str]  # gold source country codes over the annotators' spans
    targets: frozenset[str]


def read_gsr_csv(path: str | Path, limit: int | None = None) -> list[GsrRow]:
    """Rows of a ``<type>_gsr.csv``; an unknown label raises GoldFormatError."""
    rows: list[GsrRow] = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "label", "text"} - set(reader.fieldnames or ())
        if missing:
            raise GoldFormatError(f"{path}: missing column(s) {', '.join(sorted(missing))}; is this an OEDA GSR csv?")
        for n, rec in enumerate(reader, 2):
            if limit is not None and len(rows) >= limit:
                break
            if rec["label"] not in LABELS:
                raise GoldFormatError(f"{path}:{n}: unknown label {rec['label']!r}; expected one of {LABELS}")
            rows.append(GsrRow(rec["id"], rec["label"], rec["text"] or ""))
    return rows


def _gold_code(role: object) -> str | None:
    main = role.get("main") if isinstance(role, dict) else None
    if not isinstance(main, str) or main.strip().lower() in _NO_GOLD_ACTOR:
        return None
    return main.strip()


def _codes(spans: list, key: str) -> frozenset[str]:
    return frozenset(c for s in spans if isinstance(s, dict) and (c := _gold_code(s.get(key))))


def read_spans(path: str | Path, limit: int | None = None) -> list[SpanRecord]:
    """Records of a ``<type>_spans.json`` with their gold actor code sets."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of span records")
    out = []
    for rec in data[:limit]:
        spans = rec.get("spans") if isinstance(rec, dict) else None
        if not isinstance(spans, list) or not isinstance(rec.get("text"), str):
            raise GoldFormatError(f"{path}: record {len(out) + 1} needs 'text' and a 'spans' list")
        out.append(SpanRecord(rec["text"], _codes(spans, "source_role"), _codes(spans, "target_role")))
    return out


# --- scores --------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


@dataclass(slots=True)
class Detection:
    """Confusion counts of one type, plus the flags on the rows scored apart."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    seen: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))

    def add(self, label: str, flagged: bool) -> None:
        self.seen[label] += 1
        self.flagged[label] += flagged
        if label == "yes":
            self.tp += flagged
            self.fn += not flagged
        elif label == "easy no":
            self.fp += flagged
            self.tn += not flagged

    def to_json(self) -> dict:
        p, r = _ratio(self.tp, self.tp + self.fp), _ratio(self.tp, self.tp + self.fn)
        out = {"precision": p, "recall": r, "f1": _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn),
               "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
               "n_pos": self.seen["yes"], "n_neg": self.seen["easy no"]}
        for label in ("difficult no", "ambiguous"):
            key = label.replace(" ", "_")
            out[f"{key}_flagged"] = self.flagged[label]
            out[f"n_{key}"] = self.seen[label]
            out[f"{key}_share"] = _ratio(self.flagged[label], self.seen[label])
        return out


@dataclass(slots=True)
class ActorMatch:
    matched: int = 0
    compared: int = 0

    def add(self, gold: frozenset[str], coded: set[str]) -> None:
        if gold:
            self.compared += 1
            self.matched += bool(gold & coded)

    def to_json(self) -> dict:
        return {"matched": self.matched, "compared": self.compared, "share": _ratio(self.matched, self.compared)}


# --- running the coder -------------------------------------------------------------


class SentenceCoder:
    """Codes texts as one-sentence Articles, once per distinct cleaned text."""

    def __init__(self, coder: Coder, progress: Progress | None = None, total: int = 0):
        self.coder, self.progress, self.total = coder, progress, total
        self.cache: dict[str, list[PredEvent]] = {}
        self.skipped: list[str] = []
        self.failed: list[str] = []
        self.done = 0

    def __call__(self, text: str, key: str) -> list[PredEvent]:
        text = clean_text(text)
        if text not in self.cache:
            article = Article(text=text, source_id=key)
            self.cache[text] = code_safely(article, self.coder, key, self.skipped, self.failed)
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)
        return self.cache[text]


def _of_type(events: Iterable[PredEvent], etype: str) -> list[PredEvent]:
    return [e for e in events if e.type == etype]


def _actor_roots(codes: Iterable[str]) -> set[str]:
    return {r for c in codes if (r := root(c)) != NO_ACTOR}


def score_detection(rows: Iterable[GsrRow], etype: str, code: Callable[[str, str], list[PredEvent]]) -> Detection:
    det = Detection()
    for row in rows:
        det.add(row.label, bool(_of_type(code(row.text, row.id), etype)))
    return det


def score_actors(records: Iterable[SpanRecord], etype: str, code: Callable[[str, str], list[PredEvent]]) -> dict:
    source, target = ActorMatch(), ActorMatch()
    n = detected = 0
    for n, rec in enumerate(records, 1):
        events = _of_type(code(rec.text, f"{etype.lower()}-span-{n}"), etype)
        if not events:
            continue
        detected += 1
        source.add(rec.sources, _actor_roots(e.source for e in events))
        target.add(rec.targets, _actor_roots(e.target for e in events))
    return {"records": n, "detected": detected, "source": source.to_json(), "target": target.to_json()}


def _load(directory: Path, etype: str, limit: int | None) -> tuple[list[GsrRow], list[SpanRecord] | None]:
    csv_path = directory / f"{etype.lower()}_gsr.csv"
    if not csv_path.is_file():
        raise GoldFormatError(f"{csv_path} not found; pass the arabic_event_gsr directory")
    spans_path = directory / f"{etype.lower()}_spans.json"
    return read_gsr_csv(csv_path, limit), (read_spans(spans_path, limit) if spans_path.is_file() else None)


def evaluate_gsr(
    directory: str | Path,
    coder: Coder = default_coder,
    types: Iterable[str] = ("PROTEST", "ASSAULT"),
    limit: int | None = None,
    progress: Progress | None = None,
) -> dict:
    """Score `coder` on the GSR in `directory`; -> {type: {precision, recall, f1, …, "actors": {…}}}.

    A missing ``<type>_gsr.csv`` raises GoldFormatError; a missing
    ``<type>_spans.json`` gives ``"actors": None``.
    """
    data = {etype: _load(Path(directory), etype, limit) for etype in types}
    code = SentenceCoder(coder, progress, sum(len(r) + len(s or ()) for r, s in data.values()))
    out = {}
    for etype, (rows, spans) in data.items():
        before = len(code.skipped), len(code.failed)
        result = score_detection(rows, etype, code).to_json()
        result["actors"] = score_actors(spans, etype, code) if spans is not None else None
        result["skipped"] = len(code.skipped) - before[0]
        result["failed"] = len(code.failed) - before[1]
        result["failed_examples"] = code.failed[before[1] : before[1] + 3]
        out[etype] = result
    return out


def format_gsr(result: dict) -> str:
    """A plain-text table of `evaluate_gsr`'s result."""
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'tn':>5}"
             f"  {'diff.no flagged':>16} {'ambig. flagged':>15}"]
    for etype, r in result.items():
        lines.append(f"{etype:<10} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:5d} "
                     f"{r['fp']:5d} {r['fn']:5d} {r['tn']:5d}  "
                     f"{r['difficult_no_flagged']:>5d}/{r['n_difficult_no']:<4d} {r['difficult_no_share']:5.2f}"
                     f" {r['ambiguous_flagged']:>5d}/{r['n_ambiguous']:<4d} {r['ambiguous_share']:4.2f}")
    for etype, r in result.items():
        a = r.get("actors")
        if a:
            lines.append(f"{etype} actors: {a['detected']}/{a['records']} span records detected; "
                         f"source {a['source']['matched']}/{a['source']['compared']} ({a['source']['share']:.2f}), "
                         f"target {a['target']['matched']}/{a['target']['compared']} ({a['target']['share']:.2f})")
        if r["skipped"] or r["failed"]:
            lines.append(f"{etype}: skipped {r['skipped']}, failed {r['failed']}")
    return "\n".join(lines)
