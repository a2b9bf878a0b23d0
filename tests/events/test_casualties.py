"""Casualty counts (events/casualties.py): sentences we wrote, with fictional places."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from hadath.datafiles import read_rows
from hadath.events.casualties import CATEGORIES, CUE_ROLES, WORD_KINDS, event_casualties, find_mentions
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import tokenize
from hadath.pipeline import code_article
from hadath.records import Article, Event
from hadath.render import casualty_text, event_block

FORBIDDEN = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\ufb50-\ufdff\ufe70-\ufeff]")


def casualties_of(sentence: str, trigger: str, event_type: str = "ASSAULT") -> dict[str, int]:
    """Counts for the event whose trigger is the first token written `trigger`."""
    tokens = tokenize(sentence)
    start = next(t.index for t in tokens if t.text == trigger)
    return event_casualties(event_type, tokens, sentence, 0, start)


CASES = [
    # verbal nouns, digits and number words, coordinated counts
    ("أسفر الهجوم على بلدة تل الورد عن مقتل 5 وإصابة 12 آخرين.", "مقتل", {"killed": 5, "injured": 12}),
    ("أعلنت السلطات مقتل ٧ مدنيين في قصف على قرية عين السرو.", "مقتل", {"killed": 7}),
    ("قتل خمسة وعشرون شخصا في انفجار هز سوق المدينة.", "قتل", {"killed": 25}),
    ("أدى القصف إلى مقتل ثلاثة عشر مقاتلا.", "القصف", {"killed": 13}),
    ("قتل ثلاث مئة شخص في المعارك الأخيرة حول رأس الغيم.", "قتل", {"killed": 300}),
    ("قتل 1,250 شخصا في الحرب على الإقليم الشمالي.", "قتل", {"killed": 1250}),
    ("مقتل 3 جنود و4 مدنيين في هجوم على حاجز قرب النهر.", "مقتل", {"killed": 7}),
    ("قتل نحو 40 شخصا في غارات على البلدة.", "قتل", {"killed": 40}),
    ("أسفرت المواجهات عن مقتل ما لا يقل عن 9 عناصر.", "مقتل", {"killed": 9}),
    ("أعلن المسعفون مقتل 14 من عناصر الحرس في الاشتباك.", "مقتل", {"killed": 14}),
    # dual and singular forms, أحد, enclitic pronouns
    ("مقتل شخصين وإصابة طفلين في قصف على وادي الريح.", "مقتل", {"killed": 2, "injured": 2}),
    ("قتل جنديان وأصيب ثالث في كمين على الطريق.", "قتل", {"killed": 2, "injured": 1}),
    ("مقتل جندي في هجوم على نقطة تفتيش.", "مقتل", {"killed": 1}),
    ("أعلن الجيش مقتل أحد ضباطه في الاشتباك.", "مقتل", {"killed": 1}),
    ("أفاد شهود بمقتله برصاص مجهولين في بلدة تل الورد.", "بمقتله", {"killed": 1}),
    ("قتل مواطنان اثنان في القصف.", "قتل", {"killed": 2}),
    ("أعلنت الوزارة مقتل فلسطيني برصاص الشرطة.", "مقتل", {"killed": 1}),
    ("سقط قتيل وجريحان في الاشتباك قرب الجسر.", "الاشتباك", {"killed": 1, "injured": 2}),
    # count nouns after the number
    ("شنت الطائرات غارة على قرية النخيل، ما أدى إلى سقوط 7 قتلى و20 جريحا.", "غارة",
     {"killed": 7, "injured": 20}),
    ("خلف التفجير ثلاثة قتلى وعشرات الجرحى.", "التفجير", {"killed": 3}),
    ("سجل المسعفون 60 حالة اختناق بعد القصف.", "القصف", {"injured": 60}),
    ("استشهد 4 شبان في غارة على المخيم.", "غارة", {"killed": 4}),
    # verbs, active and passive, subject between verb and count, count before a plural verb
    ("اعتقلت الشرطة 40 متظاهرا في ساحة المدينة.", "اعتقلت", {"arrested": 40}),
    ("اعتقلت قوات الأمن مساء أمس في مدينة رأس الغيم 18 شخصا.", "اعتقلت", {"arrested": 18}),
    ("قتل 3 أشخاص وجرح آخرون في انفجار عبوة.", "قتل", {"killed": 3}),
    ("أصيب 15 شخصا بجروح في إطلاق النار على الحافلة.", "إطلاق", {"injured": 15}),
    ("ما لا يقل عن 30 مسلحا من الجماعة قتلوا في المعارك.", "قتلوا", {"killed": 30}),
    ("اعتقلت الشرطة صحفيا في الساحة.", "اعتقلت", {"arrested": 1}),
    ("ألقت قوات الأمن القبض على 9 أشخاص بعد المداهمة.", "المداهمة", {"arrested": 9}, "COERCE"),
    ("أوقفت الشرطة 6 مشتبهين في الهجوم.", "الهجوم", {"arrested": 6}),
    ("تحتجز السلطات ثلاثة صيادين منذ أسبوع.", "تحتجز", {"arrested": 3}, "COERCE"),
    ("أطلق الجنود النار فقتلوا شابا في البلدة.", "أطلق", {"killed": 1}),
    ("قتل المسلح 3 أشخاص في المقهى.", "قتل", {"killed": 3}),
    # idioms and running totals
    ("لقي 5 أشخاص حتفهم في انفجار سيارة مفخخة.", "انفجار", {"killed": 5}),
    ("لقي جندي مصرعه في الكمين.", "الكمين", {"killed": 1}),
    ("أودى الانفجار بحياة 8 أشخاص.", "الانفجار", {"killed": 8}),
    ("ارتفع عدد القتلى في الهجوم على تل الورد إلى 30.", "الهجوم", {"killed": 30}),
    ("قتل 5 أشخاص في الهجوم، ثم ارتفعت الحصيلة إلى 11 قتيلا.", "قتل", {"killed": 5}),
    ("قتل 5 أشخاص ثم ارتفعت الحصيلة إلى 11 قتيلا في الهجوم.", "قتل", {"killed": 11}),
    # subsets are not added
    ("مقتل 10 أشخاص بينهم 3 أطفال في الغارة.", "مقتل", {"killed": 10}),
    ("أصيب 15 شخصا بينهم 4 في حالة خطيرة في الهجوم.", "الهجوم", {"injured": 15}),
    # negatives: years, ages, times, dates, vehicles, buildings, percentages, vague counts
    ("قتل طفل يبلغ 12 عاما في القصف.", "قتل", {"killed": 1}),
    ("قتل 5 أشخاص عام 2019 في هجوم مماثل.", "قتل", {"killed": 5}),
    ("دمر القصف 5 سيارات و3 منازل في القرية.", "القصف", {}),
    ("وقع الانفجار الساعة 10:30 صباحا.", "الانفجار", {}),
    ("هاجم المسلحون القرية في 5 مارس الماضي.", "هاجم", {}),
    ("قصفت الطائرات 12 موقعا للجماعة.", "قصفت", {}),
    ("أطلق المسلحون 40 صاروخا على المدينة.", "أطلق", {}),
    ("شنت الطائرات الهجوم عام 2015.", "الهجوم", {}),
    ("أصيب عشرات المصلين في الاقتحام.", "الاقتحام", {}),
    ("قتل العشرات في المعارك.", "قتل", {}),
    ("مقتل وإصابة 10 أشخاص في الانفجار.", "الانفجار", {}),
    ("خلفت المعارك 300 قتيل وجريح في الإقليم.", "المعارك", {}),
    ("ارتفعت نسبة 30 بالمئة من الهجمات.", "الهجمات", {}),
    ("أصيب 500 شخص بفيروس كورونا خلال الاقتحام.", "الاقتحام", {}),
    ("أفرجت السلطات عن 50 معتقلا بعد الاعتقال.", "الاعتقال", {}, "COERCE"),
    ("سقط العشرات بين قتيل وجريح في المواجهات.", "المواجهات", {}),
    ("أعلنت الشرطة احتجاز مسلح لرهائن في مصرف بالعاصمة.", "احتجاز", {}, "COERCE"),
    ("استشهد الشاب متأثرا بإصابته برصاص الجنود.", "استشهد", {"killed": 1}),
    ("احتجز الجنود 3 صيادين في تركيا.", "احتجز", {"arrested": 3}, "COERCE"),
    ("احتجز الجنود مزارعا قرب الحدود.", "احتجز", {"arrested": 1}, "COERCE"),
    ("احتجز الجنود قرب الحدود في تركيا.", "احتجز", {}, "COERCE"),
    ("اعتقل الناشط البالغ من العمر 35 عاما مع عدد من رفاقه.", "اعتقل", {"arrested": 1}, "COERCE"),
    ("قتل الجندي برصاص مستوطنين قرب القرية.", "قتل", {"killed": 1}),
    ("اتهم الادعاء الجاني بمحاولة قتل 20 شخصا في الهجوم.", "الهجوم", {}),
    ("هاجم رجل الدورية فقتل بالرصاص شرطيين قبل أن يلقى مصرعه.", "فقتل", {}),
    ("أصيب 30 شخصا بالتسمم واعتقلت الشرطة شابين.", "واعتقلت", {"arrested": 2}, "COERCE"),
    ("قتلت الشرطة مهاجما وهي تحاول إسعاف أحد المصابين.", "قتلت", {"killed": 1}),
    # stated zero: nobody hurt (killed and injured 0), or nobody killed
    ("سقطت قذيفة على السوق دون وقوع إصابات.", "قذيفة", {"killed": 0, "injured": 0}),
    ("لم يسفر القصف عن سقوط قتلى.", "القصف", {"killed": 0}),
    ("انفجرت عبوة قرب الدورية ولم يصب أحد.", "عبوة", {"injured": 0}),
]


@pytest.mark.parametrize("sentence,trigger,expected,etype",
                         [(*c[:3], c[3] if len(c) > 3 else "ASSAULT") for c in CASES],
                         ids=[f"case{n}" for n in range(len(CASES))])
def test_casualty_counts_of_a_sentence(sentence, trigger, expected, etype):
    assert casualties_of(sentence, trigger, etype) == expected


def test_cases_are_many_and_include_negatives():
    assert len(CASES) >= 40
    assert sum(not c[2] for c in CASES) >= 10


@pytest.mark.parametrize("sentence,trigger,etype,expected", [
    # each clause keeps its own counts: the arrests belong to the COERCE event
    ("قتل 3 جنود في هجوم على حاجز، فيما اعتقلت الشرطة 12 مشتبها.", "قتل", "ASSAULT", {"killed": 3}),
    ("قتل 3 جنود في هجوم على حاجز، فيما اعتقلت الشرطة 12 مشتبها.", "اعتقلت", "COERCE", {"arrested": 12}),
    # the result clause of an attack belongs to it
    ("اقتحمت القوات بلدة تل الورد، واعتقلت 5 شبان.", "اقتحمت", "COERCE", {"arrested": 5}),
    # another attack's counts in the trigger's own clause win over the next clause
    ("قتل جندي في الكمين، وقتل 4 مدنيين في قصف منفصل.", "قتل", "ASSAULT", {"killed": 1}),
    # another attack stands between: the zero is the shelling's, not the air strike's
    ("شنت الطائرات غارة على الوادي، ردا على قصف استهدف بلدة تل الورد دون أن يوقع ضحايا.", "غارة", "ASSAULT", {}),
    ("شنت الطائرات غارة على الوادي، ردا على قصف استهدف بلدة تل الورد دون أن يوقع ضحايا.", "قصف", "ASSAULT",
     {"killed": 0, "injured": 0}),
])
def test_counts_of_another_clause_are_not_attached(sentence, trigger, etype, expected):
    assert casualties_of(sentence, trigger, etype) == expected


def test_only_assault_and_coerce_events_get_casualties():
    assert casualties_of("التقى الوزير بعائلات 5 قتلى.", "التقى", "CONSULT") == {}


def test_mentions_carry_category_count_and_total():
    sentence = "ارتفع عدد الجرحى إلى 25 بعد سقوط 3 قتلى."
    found = {(m.category, m.count, m.total) for m in find_mentions(tokenize(sentence), sentence)}
    assert found == {("injured", 25, True), ("killed", 3, False)}


def test_an_assault_event_through_the_pipeline_carries_its_counts():
    text = "قتلت قوات زمبرا 4 مدنيين وأصابت 9 آخرين في قصف على بلدة تل الورد."
    coded = code_article(Article(text=text, published="2024-06-15"))
    assaults = [e for e in coded.events if e.event_type == "ASSAULT"]
    assert assaults and all(e.casualties == {"killed": 4, "injured": 9} for e in assaults)


def test_an_arrest_through_the_pipeline_carries_its_count():
    coded = code_article(Article(text="اعتقلت الشرطة المصرية 23 متظاهرا في القاهرة.", published="2024-06-15"))
    assert [e.casualties for e in coded.events if e.event_type == "COERCE"] == [{"arrested": 23}]


def test_events_without_counts_have_an_empty_dict():
    coded = code_article(Article(text="قصفت الطائرات الروسية مواقع في إدلب.", published="2024-06-15"))
    assert coded.events and all(e.casualties == {} for e in coded.events)


def test_rendering_shows_one_casualty_line():
    event = Event("a", 0, 0, 10, "ASSAULT", None, "مقتل", 0, 4, casualties={"injured": 12, "killed": 5})
    assert casualty_text(event.casualties) == "killed 5, injured 12"
    assert "\n  casualties: killed 5, injured 12\n" in event_block(event, "مقتل 5 وإصابة 12")
    assert "casualties" not in event_block(Event("a", 0, 0, 10, "ASSAULT", None, "قصف", 0, 3), "قصف")


# --- lint of events/data/casualties.tsv ---------------------------------------------

ROWS = read_rows("hadath.events", "casualties.tsv", exact=True)


def _forms(row) -> list[str]:
    return [f.strip() for f in row["forms"].split("|")]


def test_data_kinds_and_values_are_known():
    for row in ROWS:
        assert row["kind"] in WORD_KINDS | CUE_ROLES | {"number", "times", "approx"}, row
        if row["kind"] in ("number", "times", "teen"):
            assert row["value"].isdigit(), row
        elif row["kind"] in CUE_ROLES:
            assert set(row["value"].split(",")) <= set(CATEGORIES), row
        else:
            assert row["value"] == "-", row


def test_data_is_in_matching_form_without_diacritics_or_presentation_forms():
    for row in ROWS:
        for form in _forms(row):
            assert form and not FORBIDDEN.search(form), (row["kind"], form)
            assert normalize(form) == form, (row["kind"], form)


def test_data_has_no_duplicates_within_a_kind():
    for kind in {r["kind"] for r in ROWS}:
        forms = Counter(f for r in ROWS if r["kind"] == kind for f in _forms(r))
        assert [f for f, n in forms.items() if n > 1] == [], kind
