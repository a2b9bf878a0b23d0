"""Article-level rules of the coder: context carried from one sentence to the next."""

from __future__ import annotations

import pytest

from hadath.pipeline import code_article
from hadath.records import Article

PUBLISHED = "2024-06-15"


def _coded(text: str) -> set[tuple[str, str, str]]:
    coded = code_article(Article(text=text, published=PUBLISHED))
    return {(e.event_type, e.source.code if e.source else "---", e.target.code if e.target else "---")
            for e in coded.events}


@pytest.mark.parametrize("text,expected", [
    ("استقبل الرئيس المصري وزير الخارجية اليمني في القاهرة. وأكد سامح دعم بلاده لليمن.",
     ("SUPPORT", "EGY", "YEM")),
    ("التقى وزير الخارجية الأردني نظيره العراقي في عمان. وأكد أيمن دعم بلادنا للعراق.",
     ("SUPPORT", "JOR", "IRQ")),
])
def test_biladuhu_after_a_noun_trigger_is_the_last_speakers_country(text, expected):
    assert expected in _coded(text)
