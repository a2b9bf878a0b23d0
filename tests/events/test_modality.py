"""Modality rules that depend on the verb form or on where the sentence stands."""

from __future__ import annotations

import pytest

from hadath.events.lexicon import is_present, load_entries
from hadath.pipeline import code_article
from hadath.records import Article


def _entry(lemma: str):
    return next(e for e in load_entries() if e.lemma == lemma)


@pytest.mark.parametrize("stem,present", [
    ("قتل", False), ("قتلت", False), ("قتلوا", False), ("يقتل", True), ("تقتل", True), ("يقتلون", True),
])
def test_is_present_tells_imperfect_from_perfect(stem, present):
    assert is_present(_entry("قتل|يقتل"), stem) is present


def test_is_present_is_false_for_nouns():
    assert not is_present(_entry("مقتل"), "مقتل")


def _modalities(text: str, title: str | None = None) -> dict[str, str]:
    coded = code_article(Article(text=text, title=title, published="2024-06-15"), include_all=True)
    return {e.trigger: e.modality for e in coded.events}


def test_imperfect_of_violence_in_the_body_is_generic():
    assert _modalities("ويرى الكاتب أن الميليشيات تقتل المدنيين في سوريا كل يوم.")["تقتل"] == "generic"


def test_imperfect_of_violence_in_a_title_reports():
    title = "الميليشيات تخطف موظفين أمميين في صنعاء"
    text = title + "\nوقالت الأمم المتحدة إن موظفيها خطفوا أمس."
    assert _modalities(text, title=title)["تخطف"] == "asserted"


@pytest.mark.parametrize("text,trigger", [
    ("وتسلل مسلحون إلى المدينة ليهاجموا مقر الشرطة.", "ليهاجموا"),
    ("جمعت الجماعة أموالا لخطف رجال أعمال.", "لخطف"),
])
def test_verb_with_lam_of_purpose_is_an_aim(text, trigger):
    assert _modalities(text)[trigger] == "purpose"


@pytest.mark.parametrize("text,trigger,modality", [
    ("وفي 1916، وقعت فرنسا وبريطانيا اتفاقا سريا لتقاسم المشرق.", "اتفاقا", "background"),
    ("وفي عام 1882 قصفت البحرية البريطانية الإسكندرية.", "قصفت", "background"),
    ("قتل المسلحون 1200 شخص في هجمات على قرى نائية.", "قتل", "asserted"),
])
def test_a_year_of_history_after_a_year_word_is_background(text, trigger, modality):
    assert _modalities(text)[trigger] == modality


@pytest.mark.parametrize("text,trigger,modality", [
    ("وتوجهت قوة عراقية إلى الحدود لاعتقال مهربين سوريين.", "لاعتقال", "purpose"),
    ("وجاءت الخطوة لمطالبة الحكومة اللبنانية بتسليم المطلوبين.", "لمطالبة", "purpose"),
    ("وتعرض موكب الوزير لهجوم بعبوة ناسفة جنوب بغداد.", "لهجوم", "asserted"),
])
def test_verbal_noun_with_lam_is_an_aim_unless_undergone(text, trigger, modality):
    assert _modalities(text)[trigger] == modality


@pytest.mark.parametrize("text,trigger,modality", [
    ("وقد قصفت الطائرات الإسرائيلية مواقع في غزة.", "قصفت", "asserted"),
    ("فقد اعتقلت الشرطة المصرية عشرين شخصا.", "اعتقلت", "asserted"),
    ("وقد تقصف الطائرات الإسرائيلية مواقع في غزة.", "تقصف", "intent"),
])
def test_qad_asserts_a_perfect_and_hedges_an_imperfect(text, trigger, modality):
    assert _modalities(text)[trigger] == modality
