"""Evaluation of the coder: article-level gold (`score`), the OEDA GSR (`gsr`), accuracy floors (`gate`).

    from hadath.evaluate import evaluate, format_text
    report = evaluate("dev_gold.jsonl", "ant_sample.jsonl")
    print(format_text(report, worst=10))
"""

from hadath.evaluate.gold import GoldEvent, read_corpus, read_gold
from hadath.evaluate.gsr import evaluate_gsr, format_gsr
from hadath.evaluate.score import PredEvent, Report, counted_events, evaluate, format_text, score

__all__ = [
    "GoldEvent", "PredEvent", "Report", "counted_events", "evaluate", "evaluate_gsr",
    "format_gsr", "format_text", "read_corpus", "read_gold", "score",
]
