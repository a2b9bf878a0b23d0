"""The golden suite: sentences we wrote, with the events they must (and must not) yield."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.pipeline import code_article
from hadath.records import Article

GOLDEN = Path(__file__).with_name("golden.tsv")
PUBLISHED = "2024-06-15"


def _cases():
    for n, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            expected, sentence, *gap = line.split("\t")
            marks = [pytest.mark.xfail(reason=gap[0], strict=True)] if gap else []
            yield pytest.param(expected, sentence, id=f"line{n}-{expected[:30]}", marks=marks)


def _parse(expected: str) -> set[tuple[str, str, str]]:
    if expected == "NONE":
        return set()
    out = set()
    for item in expected.split(";"):
        etype, _, pair = item.partition(":")
        src, _, tgt = pair.partition(">")
        out.add((etype, src or "---", tgt or "---"))
    return out


def coded_set(sentence: str) -> set[tuple[str, str, str]]:
    coded = code_article(Article(text=sentence, published=PUBLISHED))
    return {(e.event_type, e.source.code if e.source else "---", e.target.code if e.target else "---")
            for e in coded.events}


CASES = list(_cases())


@pytest.mark.parametrize("expected,sentence", CASES)
def test_golden_sentence(expected, sentence):
    assert coded_set(sentence) == _parse(expected)


def test_golden_suite_is_large_and_covers_every_type():
    from hadath.ontology import PLOVER_TYPES

    expected = [c.values[0] for c in CASES]
    types = {item.split(":")[0] for e in expected if e != "NONE" for item in e.split(";")}
    assert len(CASES) >= 80
    assert types == set(PLOVER_TYPES)
    assert sum(e == "NONE" for e in expected) >= 15


def test_known_gaps_stay_a_minority():
    gaps = [c for c in CASES if c.marks]
    assert len(gaps) <= len(CASES) // 5
