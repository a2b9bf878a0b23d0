"""Share of events with a resolved place and with a date other than the publication date.

Codes the articles of a gold file (ids) found in a JSONL corpus with
`hadath.pipeline.code_article`, then applies `event_date` and `resolve_place` to each
event's sentence, as the coder hook does.

Run:  PYTHONPATH=. python scripts/geo/measure.py ../shared/eval/dev_gold.jsonl ../shared/data/ant/ant_sample.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

from hadath.geo import resolve_place
from hadath.lang.ar.dates import event_date, published_day
from hadath.lang.ar.normalize import clean_text
from hadath.lang.ar.tokens import tokenize
from hadath.pipeline import code_article
from hadath.records import Article


def articles(gold_path: str, corpus_path: str) -> list[Article]:
    with open(gold_path, encoding="utf-8") as f:
        ids = {json.loads(line)["id"] for line in f if line.strip()}
    out = []
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                out.append(Article(clean_text(row["text"]), source_id=row["id"], published=row.get("date"),
                                   title=row.get("title")))
    return out


def trigger_token(tokens, start: int) -> int:
    return next((t.index for t in tokens if t.start <= start < t.end or t.start >= start), 0)


def measure(items: list[Article]) -> dict:
    counts, precisions, features, examples = Counter(), Counter(), Counter(), []
    seconds = 0.0
    for article in items:
        coded = code_article(article)
        states = Counter(m.code for m in coded.mentions if len(m.code) == 3 and m.kind != "igo")
        pub = published_day(article.published)
        for event in coded.events:
            text = coded.sentence_text(event.sentence_index)
            tokens = tokenize(text, event.sentence_start)
            i = trigger_token(tokens, event.trigger_start)
            t0 = time.perf_counter()
            date, precision = event_date(tokens, i, article.published)
            place = resolve_place(tokens, i, states)
            seconds += time.perf_counter() - t0
            counts["events"] += 1
            counts["place"] += place is not None
            counts["dated"] += precision not in ("published", "unknown")
            counts["other_day"] += bool(date and pub and date != pub.isoformat())
            precisions[precision] += 1
            features[place["feature"] if place else None] += 1
            examples.append((event.event_type, event.trigger, date, precision, place and place["name"],
                             place and place["country"], text[:90]))
    return {"articles": len(items), **counts, "precisions": dict(precisions), "features": dict(features),
            "ms_per_event": 1000 * seconds / max(counts["events"], 1), "examples": examples}


if __name__ == "__main__":
    result = measure(articles(sys.argv[1], sys.argv[2]))
    examples = result.pop("examples")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if "-v" in sys.argv:
        for row in examples:
            print(*row, sep=" | ")
