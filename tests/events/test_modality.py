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


@pytest.mark.parametrize("text,trigger,modality", [
    ("وكان الرئيس الفرنسي قد انتقد الحكومة الإيطالية بشدة.", "انتقد", "background"),
    ("وكانت محكمة مصرية قد أفرجت عن الصحفي البريطاني.", "أفرجت عن", "background"),
    ("وكان آلاف العمال قد تظاهروا أمس أمام البرلمان في روما.", "تظاهروا", "asserted"),
    ("قال الوزير إن الشرطة كانت تراقب المكان، وقد اعتقلت الشرطة عشرين شخصا.", "اعتقلت", "asserted"),
])
def test_kana_then_subject_then_qad_is_the_pluperfect(text, trigger, modality):
    assert _modalities(text)[trigger] == modality


@pytest.mark.parametrize("text,trigger", [
    ("وتحدث التقرير عن تعذيب وقتل مدنيين في السجون.", "وقتل"),
    ("ووجهت المحكمة إليهم تهما تشمل الاغتصاب والقتل وخطف الأطفال.", "وخطف"),
    ("وتحدث الشهود عن عمليات نهب وتفجير في المدينة.", "وتفجير"),
])
def test_trigger_in_a_list_of_crimes_is_background(text, trigger):
    assert _modalities(text)[trigger] == "background"


def test_list_of_acts_undertaken_reports():
    assert _modalities("أقدم مسلحون على خطف وقتل ثلاثة جنود في الموصل.")["خطف"] == "asserted"


@pytest.mark.parametrize("text,trigger", [
    ("وقتل الجنود الثلاثة عام 2023 في هجوم على قاعدتهم.", "وقتل"),
    ("وشهدت البلاد نحو مئة هجوم انتحاري في العام 2006.", "هجوم انتحاري"),
])
def test_event_dated_by_a_named_year_is_background_when_the_date_is_unknown(text, trigger):
    coded = code_article(Article(text=text), include_all=True)
    assert {e.trigger: e.modality for e in coded.events}[trigger] == "background"


@pytest.mark.parametrize("text,trigger", [
    ("ويواجه الرجل تهمة قتل جندي في سيناء.", "قتل"),
    ("وقالت الشرطة إن الرجلين متهمون بتفجير سيارة مفخخة.", "بتفجير"),
    ("وأوقفت السلطات ثلاثة أشخاص يشتبه بضلوعهم في محاولة اغتيال ضابط.", "محاولة اغتيال"),
])
def test_act_named_by_a_charge_is_background(text, trigger):
    assert _modalities(text)[trigger] == "background"


def test_verb_after_a_charge_in_another_clause_is_not():
    assert _modalities("ورد الوزير على الاتهامات، وهدد برفع دعوى على الصحيفة.")["وهدد"] == "asserted"


@pytest.mark.parametrize("text,trigger", [
    ("وقتل الجندي في هجوم العام الماضي.", "وقتل"),
    ("ويتذكر السكان تفجيرات الثمانينات في المدينة.", "تفجيرات"),
    ("وقبل عامين خرجت مظاهرات حاشدة في القاهرة.", "مظاهرات"),
])
def test_event_of_a_year_or_more_back_is_background(text, trigger):
    coded = code_article(Article(text=text), include_all=True)
    assert {e.trigger: e.modality for e in coded.events}[trigger] == "background"


def _types(text: str) -> set[str]:
    return {e.event_type for e in code_article(Article(text=text, published="2024-06-15")).events}


@pytest.mark.parametrize("text,reported", [
    ("وقال الوزير العراقي إن تفجيرات بغداد تهدد العملية السياسية.", False),
    ("وحذر الكاتب من أن الغارات الجوية على العراق تزيد غضب السكان.", False),
    ("شهدت العاصمة العراقية بغداد تفجيرات عنيفة أمس.", True),
    ("شنت الطائرات الإسرائيلية غارات على قطاع غزة.", True),
])
def test_plural_noun_of_attacks_is_a_topic_unless_a_light_verb_reports_it(text, reported):
    assert ("ASSAULT" in _types(text)) is reported


def test_the_party_or_paper_al_ghad_is_no_tomorrow():
    text = "تظاهر عشرات من أعضاء حزب الغد أمام البرلمان."
    assert _modalities(text)["تظاهر"] == "asserted"


def test_tomorrow_evening_is_future():
    assert _modalities("وينظم التيار مسيرة شموع مساء غد في وسط المدينة.")["مسيرة"] == "future"


def test_the_horn_of_africa_is_no_century():
    assert _modalities("وقتل جنديان في القرن الأفريقي أمس.")["وقتل"] == "asserted"


def test_an_operation_named_storm_is_no_disaster():
    assert "ASSAULT" in _types("وشنت طائرات تحالف عاصفة الحزم غارة على مواقع الحوثيين في صنعاء.")


@pytest.mark.parametrize("text,trigger", [
    ("قال مسؤولون إن ما لا يقل عن عشرين شخصا قتلوا في انفجار سيارة مفخخة.", "قتلوا"),
    ("وأصيب ما لا تقل عن عشر نساء عندما قصفت الطائرات السوق.", "قصفت"),
])
def test_no_fewer_than_is_no_negation(text, trigger):
    assert _modalities(text)[trigger] == "asserted"
