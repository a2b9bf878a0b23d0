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


@pytest.mark.parametrize("text", [
    "وصف الرئيس الفرنسي إيمانويل ماكرون الحادث بأنه هجوم إرهابي.",
    "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن مسلحين شنوا هجوما على قاعدة حميميم.",
    "وأعلن النائب المصري مصطفى بكري أن هجوما صاروخيا استهدف سوقا في دمشق.",
])
def test_a_politician_who_tells_of_an_attack_makes_no_verbal_attack(text):
    assert not any(t == "ACCUSE" for t, _, _ in _coded(text))


def test_a_politician_who_attacks_someone_in_words_accuses_them():
    assert ("ACCUSE", "USA", "USA") in _coded("وشن دونالد ترامب هجوما جديدا على صحيفة نيويورك تايمز.")


def test_an_office_with_no_country_takes_the_articles_state_not_a_body_named_more_often():
    text = ("رحب مجلس التعاون الخليجي بالاتفاق بين الكويت والعراق. وأشاد مجلس التعاون الخليجي بدور الكويت. "
            "وقال الأمين العام لمجلس التعاون الخليجي إن المجلس يدعم الحوار. واعتقلت الشرطة عشرة متظاهرين.")
    assert ("COERCE", "KWT", "KWT") in _coded(text)


@pytest.mark.parametrize("text,expected", [
    ("أدانت وزارة الخارجية المصرية الهجوم على القافلة، ودعت الأطراف السودانية إلى وقف القتال.",
     ("REQUEST", "EGY", "SDN")),
    ("أعلنت الحكومة البنمية سحب سفيرها، وطالبت الحكومة الفنزويلية بخطوة مماثلة.", ("REQUEST", "PAN", "VEN")),
])
def test_a_joined_request_verb_shares_the_subject_and_its_actor_is_the_one_asked(text, expected):
    assert expected in _coded(text)


def test_a_request_verb_opening_a_new_sentence_keeps_its_own_subject():
    text = "أدانت وزارة الخارجية المصرية الهجوم على القافلة. ودعت السعودية إلى وقف القتال."
    assert {source for etype, source, _ in _coded(text) if etype == "REQUEST"} == {"SAU"}
