from __future__ import annotations

import pytest

from hadath.ingest import langid
from hadath.ingest.langid import detect_language, is_arabic, script_counts

from .conftest import ARTICLE_TEXT, ENGLISH, PERSIAN, URDU

FRENCH = "Le ministre des Affaires étrangères a déclaré mardi que le gouvernement était prêt à reprendre les négociations."
MIXED = "قال المتحدث باسم شركة Microsoft Corporation إن الشركة ستفتح مكتبا جديدا في مدينة دبي للإنترنت (Dubai Internet City) العام المقبل."
ARABIC_WITH_GAF = "التقى وزير الخارجية نظيره في مدينة گوتنبرغ أمس وبحث معه العلاقات الثنائية بين البلدين والتطورات الأخيرة في المنطقة والعالم."
SORANI = "وەزیری دەرەوەی عێراق ڕۆژی سێشەممە لەگەڵ هاوتا تورکییەکەی کۆبوویەوە."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARTICLE_TEXT, "ar"),
        (MIXED, "ar"),
        (ARABIC_WITH_GAF, "ar"),
        (ENGLISH, "en"),
        (FRENCH, "fr"),
        (PERSIAN, "fa"),
        (URDU, "ur"),
        (SORANI, "ku"),
        ("2024 - 12 : 30", "unknown"),
        ("", "unknown"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_is_arabic_reports_the_language():
    assert is_arabic(ARTICLE_TEXT) == (True, "ar")
    assert is_arabic(PERSIAN) == (False, "fa")


def test_clear_arabic_does_not_call_the_model(monkeypatch):
    def no_model(text):
        raise AssertionError("lingua was called for a clearly Arabic text")

    monkeypatch.setattr(langid, "_lingua", no_model)
    assert detect_language(ARTICLE_TEXT * 20) == "ar"
    assert detect_language(MIXED) == "ar"


def test_script_counts_counts_arabic_and_latin_letters():
    assert script_counts("abc") == (0, 3)
    arabic, letters = script_counts("سلام abc")
    assert (arabic, letters) == (4, 7)
