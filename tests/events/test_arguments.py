"""Argument rules on sentences we wrote: which actor becomes source or target."""

from __future__ import annotations

from hadath.pipeline import code_article
from hadath.records import Article


def _events(sentence: str):
    return code_article(Article(text=sentence, published="2024-06-15")).events


def _sources(sentence: str) -> set[str]:
    return {e.source.code for e in _events(sentence) if e.source}


def test_a_city_after_a_place_noun_is_not_the_subject_after_the_verb():
    # مدينة حلب is where the strike fell, not who struck
    assert "SYR" not in _sources("قصفت مدينة حلب طائرات حربية روسية فجر اليوم.")
