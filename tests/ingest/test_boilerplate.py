from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.ingest.boilerplate import KINDS, is_boilerplate, match_form, read_phrases, strip_boilerplate
from hadath.lang.ar.normalize import clean_text, normalize

from .conftest import FIXTURES


@pytest.mark.parametrize(
    "line",
    [
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
        "بيان الخصوصية وسياسة ملفات تعريف الارتباط",
        "من خلال الاستمرار في تصفح موقعنا فإنك توافق على استخدامنا لملفات تعريف الارتباط.",
        "أوافق",
        "موافق.",
        "I agree",
        "Accept all",
        "شارك: فيسبوك | تويتر | واتساب",
        "شارك",
        "Share this article",
        "تابعونا على تويتر وفيسبوك",
        "اقرأ أيضاً: الرئيس يستقبل وفدا من رجال الأعمال",
        "إقرأ أيضا… ارتفاع أسعار القمح",
        "مواضيع ذات صلة",
        "اشترك في النشرة البريدية لتصلك آخر الأخبار",
        "© 2024 أخبار الواحة. جميع الحقوق محفوظة",
        "All rights reserved.",
        "We use cookies to improve your experience. By continuing to browse you agree to our privacy policy.",
        "Subscribe to our newsletter",
    ],
)
def test_boilerplate_line_is_dropped(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "وقالت الهيئة إن الشركة انتهكت سياسة الخصوصية الخاصة بمستخدميها في ثلاث دول أوروبية.",
        "شارك الوزير في القمة العربية التي عقدت في العاصمة.",
        "واتفق الرئيسان على عدم السماح بالاستمرار في استخدام الأسلحة الكيميائية في المنطقة.",
        "التوافق الوطني",
        "The regulator said Facebook had breached privacy rules for millions of users in Europe.",
        "أعلن رئيس الوزراء أن المزيد من المساعدات سيصل إلى المدينة غدا.",
        "",
    ],
)
def test_news_line_survives(line):
    assert not is_boilerplate(line)


def test_strip_boilerplate_keeps_paragraph_breaks():
    text = "الفقرة الأولى من الخبر عن المفاوضات.\n\nأوافق\n\nالفقرة الثانية من الخبر عن المياه."
    assert strip_boilerplate(text) == "الفقرة الأولى من الخبر عن المفاوضات.\n\nالفقرة الثانية من الخبر عن المياه."


def _check_banner_removed(raw: str, banner_markers: list[str]) -> None:
    text = clean_text(raw)
    stripped = strip_boilerplate(text)
    kept = set(stripped.split("\n"))
    for line in text.split("\n"):
        if any(marker in line for marker in banner_markers):
            assert line not in kept
    paragraphs = [
        line for line in text.split("\n")
        if len(line.split()) > 15 and not any(marker in line for marker in banner_markers)
    ]
    assert paragraphs and all(p in kept for p in paragraphs)
    assert not any(is_boilerplate(line) for line in stripped.split("\n"))


def test_banner_removed_from_own_fixture(banner_fixture):
    markers = ["ملفات تعريف", "موافق", "شارك:", "اقرأ أيضا"]
    _check_banner_removed(banner_fixture, markers)
    assert "سياسة الخصوصية الجديدة" in strip_boilerplate(clean_text(banner_fixture))


@pytest.mark.shared
def test_banner_removed_from_seed(shared):
    seeds = sorted(shared("seed").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed article in ../shared/seed")
    for seed in seeds:
        text = seed.read_text("utf-8")
        _check_banner_removed(text, ["ملفات تعريف", "أوافق"])
        assert clean_text(text).split("\n")[-1] not in strip_boilerplate(clean_text(text))


def test_phrases_are_in_matching_form_without_duplicates():
    phrases = read_phrases()
    assert set(phrases) == set(KINDS)
    for kind, entries in phrases.items():
        assert len(entries) == len(set(entries)), kind
        for entry in entries:
            assert entry == match_form(entry), entry
            assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in entry)
            assert "\u0640" not in entry
    assert (FIXTURES / "README.md").exists()


ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰ ٱیکۀ.،:؟!abcXYZ \u200c"


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=60))
def test_match_form_is_normalize_then_lower(text):
    assert match_form(text) == normalize(text).lower()
