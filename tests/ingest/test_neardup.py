"""Near duplicates: MinHash signatures over word 5-shingles, LSH index."""

from __future__ import annotations

import pytest

from hadath.ingest.neardup import NearDuplicateIndex, near_duplicate_links, shingles, signature, similarity
from hadath.records import Article

STORY = (
    "اعتقلت الشرطة عشرات الناشطين في العاصمة يوم الثلاثاء بعد مظاهرة صغيرة أمام مقر النقابة. "
    "وقال محامون يتابعون القضية إن قوات الأمن فرقت المتجمعين بسرعة ونقلت عددا منهم إلى أقسام الشرطة. "
    "وأضاف المحامون أن النيابة ستبدأ التحقيق مع الموقوفين صباح الأربعاء بتهمة التجمهر دون تصريح. "
    "ولم تصدر الوزارة بيانا رسميا حتى مساء اليوم فيما طالبت منظمات حقوقية بالإفراج عن المحتجزين."
)
OTHER = (
    "وقعت الحكومتان اتفاقا لتعزيز التعاون الاقتصادي خلال اجتماع اللجنة المشتركة في العاصمة. "
    "ويشمل الاتفاق تسهيل حركة البضائع عبر المعابر الحدودية وإنشاء منطقة تجارية مشتركة في الجنوب. "
    "وقال مسؤولون من الجانبين إن الاتفاق سيدخل حيز التنفيذ مطلع العام المقبل بعد مصادقة البرلمانين."
)


@pytest.mark.parametrize("copy", [
    STORY.replace("مساء اليوم", "ظهر اليوم"),  # one word changed
    STORY + " تابعونا على مواقع التواصل.",  # a site's footer
    STORY.replace("الشرطة", "الشرطه"),  # spelling variants the normalisation folds
    "عاجل: " + STORY,  # a prefix
])
def test_small_edits_of_a_story_are_near_duplicates(copy):
    index = NearDuplicateIndex()
    original = Article(STORY, id="wire")
    assert index.add(original) is None
    assert index.add(Article(copy, id="site")) == "wire"
    assert 0.7 <= index.last_similarity <= 1.0


@pytest.mark.parametrize("text", [OTHER, STORY[: len(STORY) // 2], "خبر قصير جدا"])
def test_different_stories_are_not_near_duplicates(text):
    index = NearDuplicateIndex()
    index.add(Article(STORY, id="wire"))
    assert index.add(Article(text, id="other")) is None
    assert len(index) == 2


def test_the_same_id_again_is_not_a_near_duplicate():
    index = NearDuplicateIndex()
    assert index.add(Article(STORY, id="a")) is None
    assert index.add(Article(STORY, id="a")) is None
    assert len(index) == 1


def test_copies_point_at_the_first_original_and_are_not_indexed():
    texts = [STORY, STORY + " تابعونا.", STORY + " اقرأ أيضا.", OTHER]
    found = near_duplicate_links([Article(t, id=str(i)) for i, t in enumerate(texts)])
    assert [(a, b) for a, b, _ in found] == [("1", "0"), ("2", "0")]


def test_capacity_forgets_the_oldest_originals():
    index = NearDuplicateIndex(capacity=1)
    index.add(Article(STORY, id="wire"))
    index.add(Article(OTHER, id="other"))
    assert index.add(Article(STORY + " تابعونا.", id="copy")) is None
    assert len(index) == 1


def test_signature_is_stable_and_estimates_jaccard():
    a, b = shingles(STORY), shingles(STORY.replace("مساء اليوم", "ظهر اليوم"))
    jaccard = len(a & b) / len(a | b)
    assert signature(STORY) == signature(STORY)  # no per-process salt
    assert abs(similarity(signature(STORY), signature(STORY.replace("مساء اليوم", "ظهر اليوم"))) - jaccard) < 0.15


@pytest.mark.parametrize("text, expected", [
    ("", set()),
    ("واحد اثنان", {"واحد اثنان"}),
    ("أ ب ت ث ج ح", {"ا ب ت ث ج", "ب ت ث ج ح"}),
])
def test_shingles_are_word_5_grams_of_the_normalised_text(text, expected):
    assert shingles(text) == expected
