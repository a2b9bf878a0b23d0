"""Measure hadath's accuracy on the shared gold sets and write docs/accuracy.md.

Usage: python scripts/accuracy_report.py [--shared ../shared] [--out docs/accuracy.md]
Every figure in the file comes from this script's run (the date is written in).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from hadath import __version__
from hadath.actors.anercorp import measure as anercorp_measure
from hadath.actors.coverage import gold_coverage
from hadath.evaluate.gsr import evaluate_gsr
from hadath.evaluate.score import evaluate

BASELINE = {"PROTEST": "0.04–0.07", "ASSAULT": "0.17"}


def _row(name: str, m: dict) -> str:
    return f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"


def article_section(report: dict) -> list[str]:
    out = ["## Dev gold (60 ANT articles, all 16 types; `hadath eval`)", "",
           "| metric | precision | recall | F1 |", "|---|---|---|---|"]
    for key, label in (("main", "type + dyad (headline)"), ("sectors", "type + dyad with sectors"),
                       ("type_only", "type only"), ("dyad_only", "dyad only")):
        out.append(_row(label, report[key]))
    out += ["", "| type | precision | recall | F1 | gold events |", "|---|---|---|---|---|"]
    for name, m in sorted(report["per_type"].items()):
        out.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m.get('support', '')} |")
    return out + [""]


def gsr_section(result: dict) -> list[str]:
    out = ["## OEDA Arabic gold standard (sentence level; `hadath eval-gsr`)", "",
           "Positives: label `yes` (unanimous accept); negatives: `easy no` (unanimous reject).", "",
           "| type | precision | recall | F1 | UniversalPetrarch recall | `difficult no` flagged | `ambiguous` flagged |",
           "|---|---|---|---|---|---|---|"]
    for t in ("PROTEST", "ASSAULT"):
        m = result[t]
        out.append(f"| {t} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {BASELINE[t]} "
                   f"(precision unmeasured) | {m['difficult_no_share']:.2f} | {m['ambiguous_share']:.2f} |")
    out += ["", "Actor codes on the span records (events detected by hadath, compared with the gold actor codes):", "",
            "| type | source matches | target matches |", "|---|---|---|"]
    for t in ("PROTEST", "ASSAULT"):
        a = result[t]["actors"]
        out.append(f"| {t} | {a['source']['matched']}/{a['source']['compared']} ({a['source']['share']:.2f}) | "
                   f"{a['target']['matched']}/{a['target']['compared']} ({a['target']['share']:.2f}) |")
    return out + [""]


def actor_section(shared: Path) -> list[str]:
    gold_rows = [json.loads(x) for x in (shared / "eval/dev_gold.jsonl").open(encoding="utf-8")]
    articles = {}
    for line in (shared / "data/ant/ant_sample.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles[row["id"]] = row
    found, total, _ = gold_coverage(gold_rows, articles)
    r = anercorp_measure(shared / "data/anercorp/ANERCorp.txt")
    return ["## Actors", "",
            f"- Dev gold: gold source/target countries found among the article's actor mentions: "
            f"**{found}/{total} = {found / total:.3f}** (target ≥ 0.90).",
            f"- ANERcorp: recall of LOC entities that name states: **{r['state'].found}/{r['state'].total} = "
            f"{r['state'].found / r['state'].total:.3f}**; PERS entities naming persons in hadath's data: "
            f"{r['person'].found}/{r['person'].total} recognised; those are "
            f"{r['person_in_data'].found / r['person_in_data'].total:.1%} of all PERS entities "
            f"(hadath lists political office holders, not every person).", ""]


def when_where_section(shared: Path) -> list[str]:
    """Share of coded events on the dev gold articles with a resolved place and with a
    date other than the publication date (issue: when and where)."""
    from hadath.evaluate.gold import read_corpus, read_gold
    from hadath.pipeline import code_article

    gold = read_gold(shared / "eval/dev_gold.jsonl")
    events = [e for a in read_corpus(shared / "data/ant/ant_sample.jsonl", ids=set(gold))
              for e in code_article(a).events]
    placed = sum(1 for e in events if e.location)
    dated = sum(1 for e in events if e.date_precision not in ("published", "unknown", None))
    other_day = sum(1 for e in events if e.date_precision not in ("published", "unknown", None)
                    and (e.date or "")[:10] != PUBLISHED.get(e.article_id, ""))
    n = len(events) or 1
    return ["## When and where (events coded on the 60 dev gold articles)", "",
            f"- {len(events)} events; with a resolved place: **{placed} ({placed / n:.1%})**.",
            f"- With a date taken from the sentence rather than the publication date: "
            f"**{dated} ({dated / n:.1%})**; of those, on another day than publication: {other_day} "
            f"({other_day / n:.1%} of all events).",
            "- Not checked against gold dates or places (the gold has none); the resolvers are tested on "
            "125 date expressions and 150 place phrases written by us.", ""]


PUBLISHED: dict[str, str] = {}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="docs/accuracy.md")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "eval/dev_gold.jsonl").is_file():
        sys.exit(f"needs {shared}/eval/dev_gold.jsonl (the shared gold sets); absent here")
    report = evaluate(shared / "eval/dev_gold.jsonl", shared / "data/ant/ant_sample.jsonl").to_json()
    gsr = evaluate_gsr(shared / "data/arabic_event_gsr")
    lines = ["# Accuracy", "",
             f"Measured {dt.date.today().isoformat()} with hadath {__version__} by `scripts/accuracy_report.py` "
             "(`make eval`). Floors pinned in `hadath/evaluate/gate.py` keep these from silently regressing "
             "(`tests/evaluate/test_accuracy_gate.py`).", ""]
    from hadath.evaluate.gold import read_corpus

    for a in read_corpus(shared / "data/ant/ant_sample.jsonl"):
        PUBLISHED[a.id] = (a.published or "")[:10]
    lines += article_section(report) + gsr_section(gsr) + actor_section(shared) + when_where_section(shared)
    notes = Path(__file__).with_name("accuracy_notes.md")
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8")]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
