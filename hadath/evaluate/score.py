"""Article-level scoring against a gold file, as the annotation guide defines it.

Per article, gold and predicted events are reduced to SETS, so an event
repeated in the headline and the body counts once:

* ``main``      (type, source root, target root): the headline figure;
* ``sectors``   (type, full source code, full target code), e.g. 'SYR-GOV';
* ``type_only`` the set of event types;
* ``dyad_only`` the unordered {source root, target root} pairs;
* ``per_type``  the ``main`` tuples restricted to one type.

Counts are micro-summed over the articles of the gold file only; predictions
for articles absent from the gold are ignored. The actor '---' (no actor) is a
code like any other. Precision, recall or F1 with a zero denominator is 0.0.

Only events the coder asserts (``modality == "asserted"``, not negated) are
predictions; `counted_events` makes that selection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hadath.errors import GoldFormatError, InputError
from hadath.evaluate.gold import NO_ACTOR, GoldEvent, read_corpus, read_gold, root
from hadath.ontology import PLOVER_TYPES
from hadath.records import Article, CodedArticle, Event

Coder = Callable[[Article], CodedArticle]
LEVELS = ("main", "sectors", "type_only", "dyad_only")


def default_coder(article: Article) -> CodedArticle:
    """The hadath coder, imported on first use (so this module loads without it)."""
    from hadath.pipeline import code_article

    return code_article(article)


@dataclass(frozen=True, slots=True)
class PredEvent:
    """A predicted event as scored, with what an analyst needs to see why."""

    type: str
    source: str  # full code, e.g. 'SYR-GOV'; '---' when none
    target: str
    sentence: str = ""
    trigger: str = ""


def _full_code(mention) -> str:
    if mention is None or not mention.code:
        return NO_ACTOR
    return mention.full_code


def pred_event(event: Event, text: str) -> PredEvent:
    """An Event of a coded article -> PredEvent (`text` is the article text)."""
    return PredEvent(
        event.event_type,
        _full_code(event.source),
        _full_code(event.target),
        text[event.sentence_start : event.sentence_end],
        event.trigger,
    )


def counted_events(coded: CodedArticle) -> list[PredEvent]:
    """The events that count as predictions: asserted and not negated."""
    text = coded.article.text
    return [pred_event(e, text) for e in coded.events if e.modality == "asserted" and not e.negated]


# --- metrics ------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(slots=True)
class Scores:
    """True positives, false positives, false negatives, and the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_json(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _main(e: GoldEvent | PredEvent) -> tuple[str, str, str]:
    return (e.type, root(e.source), root(e.target))


def _views(events: Iterable[GoldEvent | PredEvent]) -> dict[str, set]:
    events = list(events)
    return {
        "main": {_main(e) for e in events},
        "sectors": {(e.type, e.source, e.target) for e in events},
        "type_only": {e.type for e in events},
        "dyad_only": {frozenset((root(e.source), root(e.target))) for e in events},
    }


# --- error analysis -------------------------------------------------------------


@dataclass(slots=True)
class ArticleErrors:
    """The gold events an article misses and the predicted ones it adds (``main`` level)."""

    id: str
    missing: list[tuple[str, str, str]]
    extra: list[tuple[str, str, str]]
    evidence: dict[tuple[str, str, str], list[tuple[str, str]]]  # extra -> [(sentence, trigger)]
    gold_evidence: dict[tuple[str, str, str], str] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return len(self.missing) + len(self.extra)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "errors": self.errors,
            "missing": [{"event": list(t), "evidence": self.gold_evidence.get(t, "")} for t in self.missing],
            "extra": [{"event": list(t), "evidence": [{"sentence": s, "trigger": g} for s, g in self.evidence[t]]}
                      for t in self.extra],
        }


def _article_errors(art_id: str, gold: set[GoldEvent], pred: list[PredEvent]) -> ArticleErrors:
    g = {_main(e) for e in gold}
    p = {_main(e) for e in pred}
    evidence: dict[tuple, list[tuple[str, str]]] = {}
    for e in pred:
        seen = evidence.setdefault(_main(e), [])
        if (e.sentence, e.trigger) not in seen and len(seen) < 3:
            seen.append((e.sentence, e.trigger))
    gold_evidence = {_main(e): e.evidence for e in gold if e.evidence}
    return ArticleErrors(art_id, sorted(g - p), sorted(p - g), evidence, gold_evidence)


# --- the report -----------------------------------------------------------------


@dataclass(slots=True)
class Report:
    """Everything `hadath eval` shows; `to_json` is its JSON twin."""

    n_articles: int
    n_gold: int  # distinct gold (type, source root, target root), summed over articles
    n_pred: int  # distinct predicted ones, same reduction, gold articles only
    levels: dict[str, Scores]
    per_type: dict[str, Scores]
    worst: list[ArticleErrors]  # articles with errors, most errors first
    n_ignored: int = 0  # predicted events in articles absent from the gold
    skipped: list[str] = field(default_factory=list)  # 'id: reason' the coder skipped
    failed: list[str] = field(default_factory=list)  # 'id: Error: message' the coder failed on

    @property
    def main(self) -> Scores:
        return self.levels["main"]

    def to_json(self, worst: int | None = None) -> dict:
        return {
            "articles": self.n_articles,
            "gold_events": self.n_gold,
            "predicted_events": self.n_pred,
            "ignored_predictions": self.n_ignored,
            **{name: s.to_json() for name, s in self.levels.items()},
            "per_type": {t: {**s.to_json(), "support": s.tp + s.fn} for t, s in self.per_type.items()},
            "worst": [a.to_json() for a in self.worst[:worst]],
            "skipped": self.skipped,
            "failed": self.failed,
        }


def score(gold: Mapping[str, set[GoldEvent]], predicted: Mapping[str, Iterable[PredEvent]]) -> Report:
    """Score predictions against the gold (pure: no I/O). See the module docstring.

    `per_type` lists the types seen in gold or predictions, in PLOVER order
    (a type outside PLOVER, a coder bug, comes last rather than crashing).
    """
    levels = {name: Scores() for name in LEVELS}
    per_type = {t: Scores() for t in PLOVER_TYPES}
    worst = []
    for art_id, gold_events in gold.items():
        pred = list(predicted.get(art_id, ()))
        g, p = _views(gold_events), _views(pred)
        for name in LEVELS:
            levels[name].add(g[name], p[name])
        for t in g["type_only"] | p["type_only"]:
            per_type.setdefault(t, Scores()).add({x for x in g["main"] if x[0] == t}, {x for x in p["main"] if x[0] == t})
        errs = _article_errors(art_id, gold_events, pred)
        if errs.errors:
            worst.append(errs)
    worst.sort(key=lambda a: (-a.errors, a.id))
    main = levels["main"]
    return Report(
        n_articles=len(gold),
        n_gold=main.tp + main.fn,
        n_pred=main.tp + main.fp,
        levels=levels,
        per_type={t: s for t, s in per_type.items() if s.tp + s.fp + s.fn},
        worst=worst,
        n_ignored=sum(len(list(v)) for k, v in predicted.items() if k not in gold),
    )


def code_safely(article: Article, coder: Coder, key: str, skipped: list[str], failed: list[str]) -> list[PredEvent]:
    """Counted events of one article; a skipped or failing article gives [] and a line in `skipped`/`failed`.

    An ImportError propagates: it means the coder is broken, not the article.
    """
    try:
        return counted_events(coder(article))
    except InputError as exc:  # the coder skipped it on purpose (empty, not Arabic…)
        skipped.append(f"{key}: {exc}")
    except ImportError:  # the coder cannot run at all: not one bad article
        raise
    except Exception as exc:  # noqa: BLE001 - one failing article must not lose the run; listed in the report
        failed.append(f"{key}: {type(exc).__name__}: {exc}")
    return []


def evaluate(gold_path: str | Path, corpus_path: str | Path, coder: Coder = default_coder) -> Report:
    """Code the gold articles of the corpus with `coder` and score them.

    Raises `GoldFormatError` when the gold is malformed or names articles the
    corpus does not hold (the two files must go together).
    """
    gold = read_gold(gold_path)
    articles = list(read_corpus(corpus_path, ids=gold.keys()))
    absent = sorted(set(gold) - {a.source_id for a in articles})
    if absent:
        shown = ", ".join(absent[:5]) + (" …" if len(absent) > 5 else "")
        raise GoldFormatError(f"{gold_path}: {len(absent)} gold article(s) not in the corpus {corpus_path}: "
                              f"{shown}; pass the corpus this gold file was annotated on")
    skipped: list[str] = []
    failed: list[str] = []
    predicted = {a.source_id: code_safely(a, coder, a.source_id, skipped, failed) for a in articles}
    report = score(gold, predicted)
    report.skipped, report.failed = skipped, failed
    return report


# --- text output -----------------------------------------------------------------


def _row(name: str, s: Scores, extra: str = "") -> str:
    return (f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{s.tp:5d} {s.fp:5d} {s.fn:5d}{extra}")


def _fmt_event(t: tuple[str, str, str]) -> str:
    return f"{t[0]} {t[1]}→{t[2]}"


def _fmt_article(a: ArticleErrors) -> list[str]:
    lines = [f"{a.id}  ({len(a.missing)} missing, {len(a.extra)} extra)"]
    for t in a.missing:
        ev = a.gold_evidence.get(t)
        lines.append(f"  - missing {_fmt_event(t)}" + (f"   «{ev}»" if ev else ""))
    for t in a.extra:
        lines.append(f"  + extra   {_fmt_event(t)}")
        for sentence, trigger in a.evidence[t]:
            lines.append(f"      trigger «{trigger}» in: {sentence}")
    return lines


def format_text(report: Report, worst: int = 10) -> str:
    """A plain-text report: headline, levels, per-type table, the `worst` articles."""
    head = f"{'':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines = [f"articles {report.n_articles}   gold events {report.n_gold}   predicted {report.n_pred}"
             f"   ignored (not in gold) {report.n_ignored}", "", head]
    if report.failed:
        lines.insert(0, f"WARNING: the coder failed on {len(report.failed)} article(s); "
                        "they count as predicting nothing")
    lines += [_row(name, report.levels[name]) for name in LEVELS]
    lines += ["", "per type", head.rstrip() + "  support"]
    lines += [_row(t, s, f"  {s.tp + s.fn:7d}") for t, s in report.per_type.items()]
    if report.skipped or report.failed:
        lines += ["", f"skipped {len(report.skipped)}   failed {len(report.failed)}"]
        lines += [f"  failed {f}" for f in report.failed[:10]]
    if worst and report.worst:
        lines += ["", f"worst articles (missing + extra, top {min(worst, len(report.worst))})"]
        for a in report.worst[:worst]:
            lines += _fmt_article(a)
    return "\n".join(lines)
