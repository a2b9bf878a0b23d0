"""Date expressions resolved against a fixed publication date: Thursday 14 March 2024
(Hijri 4 Ramadan 1445 in the arithmetic calendar)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from hadath.lang.ar.dates import (
    event_date,
    find_dates,
    gregorian_to_hijri,
    hijri_to_gregorian,
    months,
    published_day,
    resolve_date,
    words,
)
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import tokenize

PUB = "2024-03-14T09:30:00"

CASES = [
    # relative days
    ("قالت الوزارة اليوم إن", "2024-03-14", "day"),
    ("أعلن الجيش أمس عن", "2024-03-13", "day"),
    ("وأمس قال الرئيس", "2024-03-13", "day"),
    ("بالأمس اجتمع الطرفان", "2024-03-13", "day"),
    ("مساء أمس", "2024-03-13", "day"),
    ("صباح اليوم", "2024-03-14", "day"),
    ("أول أمس", "2024-03-12", "day"),
    ("أول من أمس", "2024-03-12", "day"),
    ("أمس الأول", "2024-03-12", "day"),
    ("غداً", "2024-03-15", "day"),
    ("يلتقي الوزيران غدا", "2024-03-15", "day"),
    ("صباح الغد", "2024-03-15", "day"),
    ("بعد غد", "2024-03-16", "day"),
    ("الليلة الماضية", "2024-03-13", "day"),
    ("البارحة", "2024-03-13", "day"),
    ("ليلة أمس", "2024-03-13", "day"),
    # … ago
    ("منذ يومين", "2024-03-12", "day"),
    ("منذ ثلاثة أيام", "2024-03-11", "day"),
    ("قبل ثلاثة أيام", "2024-03-11", "day"),
    ("قبل ٣ أيام", "2024-03-11", "day"),
    ("قبل 5 أيام", "2024-03-09", "day"),
    ("منذ خمسة أيام", "2024-03-09", "day"),
    ("منذ أسبوع", "2024-03-07", "week"),
    ("قبل أسبوعين", "2024-02-29", "week"),
    ("منذ شهرين", "2024-01-01", "month"),
    ("قبل عامين", "2022-01-01", "year"),
    # periods
    ("الأسبوع الماضي", "2024-03-07", "week"),
    ("الأسبوع المقبل", "2024-03-21", "week"),
    ("الأسبوع القادم", "2024-03-21", "week"),
    ("خلال الأسبوع الجاري", "2024-03-14", "week"),
    ("هذا الأسبوع", "2024-03-14", "week"),
    ("الشهر الماضي", "2024-02-01", "month"),
    ("الشهر المقبل", "2024-04-01", "month"),
    ("الشهر الجاري", "2024-03-01", "month"),
    ("العام الماضي", "2023-01-01", "year"),
    ("السنة الماضية", "2023-01-01", "year"),
    ("العام المقبل", "2025-01-01", "year"),
    ("العام الجاري", "2024-01-01", "year"),
    ("هذا العام", "2024-01-01", "year"),
    ("للعام الماضي", "2023-01-01", "year"),
    # weekdays (14 March 2024 is a Thursday)
    ("يوم الثلاثاء", "2024-03-12", "day"),
    ("الثلاثاء", "2024-03-12", "day"),
    ("الثلاثاء الماضي", "2024-03-12", "day"),
    ("يوم الخميس", "2024-03-14", "day"),
    ("الخميس الماضي", "2024-03-07", "day"),
    ("الخميس المقبل", "2024-03-21", "day"),
    ("يوم الأحد", "2024-03-10", "day"),
    ("الأحد المقبل", "2024-03-17", "day"),
    ("السبت القادم", "2024-03-16", "day"),
    ("مساء الجمعة", "2024-03-08", "day"),
    ("فجر الإثنين", "2024-03-11", "day"),
    ("الاثنين", "2024-03-11", "day"),
    ("صباح الأربعاء", "2024-03-13", "day"),
    ("الثلاثاء 5 مارس", "2024-03-05", "day"),
    # Gregorian (Egyptian/Gulf) month names
    ("في 5 يناير 2024", "2024-01-05", "day"),
    ("في 12 فبراير", "2024-02-12", "day"),
    ("30 مارس", "2024-03-30", "day"),
    ("1 أبريل 2023", "2023-04-01", "day"),
    ("في 9 مايو", "2024-05-09", "day"),
    ("20 يونيو 2022", "2022-06-20", "day"),
    ("4 يوليو", "2024-07-04", "day"),
    ("15 أغسطس 2023", "2023-08-15", "day"),
    ("15 اغسطس 2023", "2023-08-15", "day"),
    ("11 سبتمبر 2001", "2001-09-11", "day"),
    ("6 أكتوبر 1973", "1973-10-06", "day"),
    ("في 28 ديسمبر", "2023-12-28", "day"),
    ("في 3 نوفمبر الماضي", "2023-11-03", "day"),
    ("في 20 مارس المقبل", "2024-03-20", "day"),
    # Levantine
    ("في 5 حزيران 2024", "2024-06-05", "day"),
    ("2 كانون الثاني 2024", "2024-01-02", "day"),
    ("في 14 شباط", "2024-02-14", "day"),
    ("10 آذار", "2024-03-10", "day"),
    ("25 نيسان 2023", "2023-04-25", "day"),
    ("1 أيار", "2024-05-01", "day"),
    ("17 تموز 2006", "2006-07-17", "day"),
    ("4 آب 2020", "2020-08-04", "day"),
    ("في 13 أيلول", "2023-09-13", "day"),
    ("7 تشرين الأول 2023", "2023-10-07", "day"),
    ("22 تشرين الثاني", "2023-11-22", "day"),
    ("31 كانون الأول 2023", "2023-12-31", "day"),
    # combined forms
    ("30 مارس/ آذار", "2024-03-30", "day"),
    ("٣٠ آذار/مارس ٢٠٢٣", "2023-03-30", "day"),
    ("5 شباط/ فبراير 2024", "2024-02-05", "day"),
    ("في يناير/ كانون الثاني 2024", "2024-01-01", "month"),
    # Maghrebi and Moroccan
    ("في 8 جانفي 2024", "2024-01-08", "day"),
    ("17 فيفري", "2024-02-17", "day"),
    ("3 أفريل 2023", "2023-04-03", "day"),
    ("1 ماي", "2024-05-01", "day"),
    ("12 جوان 2023", "2023-06-12", "day"),
    ("5 جويلية 1962", "1962-07-05", "day"),
    ("20 أوت", "2024-08-20", "day"),  # no year: the nearest (five months ahead, not seven back)
    ("20 أوت الماضي", "2023-08-20", "day"),
    ("30 يوليوز 2023", "2023-07-30", "day"),
    ("14 غشت", "2024-08-14", "day"),
    ("6 نونبر 1975", "1975-11-06", "day"),
    # digits, ordinals, eras
    ("في ١٥ أيار ٢٠٢٤", "2024-05-15", "day"),
    ("٢ مارس", "2024-03-02", "day"),
    ("الخامس من أيار", "2024-05-05", "day"),
    ("في الحادي والعشرين من شباط", "2024-02-21", "day"),
    ("العاشر من رمضان", "2024-03-20", "day"),
    ("5 حزيران 2024م", "2024-06-05", "day"),
    ("5 من شهر مارس", "2024-03-05", "day"),
    ("5/3/2024", "2024-03-05", "day"),
    ("2024-03-05", "2024-03-05", "day"),
    # months and years
    ("في مارس الماضي", "2023-03-01", "month"),
    ("في فبراير الماضي", "2024-02-01", "month"),
    ("في يونيو المقبل", "2024-06-01", "month"),
    ("شهر يناير", "2024-01-01", "month"),
    ("خلال شهر تموز", "2024-07-01", "month"),
    ("مارس 2023", "2023-03-01", "month"),
    ("جانفي 2024", "2024-01-01", "month"),
    ("عام 2023", "2023-01-01", "year"),
    ("في العام 2019", "2019-01-01", "year"),
    ("2011م", "2011-01-01", "year"),
    # Hijri
    ("15 رمضان 1445 هـ", "2024-03-25", "day"),
    ("15 رمضان 1445هـ", "2024-03-25", "day"),
    ("1 شوال 1445", "2024-04-10", "day"),
    ("10 محرم 1446 هـ", "2024-07-17", "day"),
    ("9 ذي الحجة 1444 هـ", "2023-06-28", "day"),
    ("12 ربيع الأول 1445 هـ", "2023-09-27", "day"),
    ("27 رجب 1445", "2024-02-07", "day"),
    ("15 شعبان 1445 هجري", "2024-02-25", "day"),
    ("1 جمادى الآخرة 1445 هـ", "2023-12-14", "day"),
    ("رمضان 1445 هـ", "2024-03-11", "month"),
]

NO_DATE = [
    "مارس الاحتلال ضغوطا على السكان",  # مارس: the verb 'practised'
    "احتفلت البلاد باليوم الوطني",
    "في اليوم التالي للهجوم",
    "يعيش اللاجئون في المخيم منذ سنوات",
    "قبل يومين من الانتخابات",
    "منذ عام 2011",
    "حتى عام 2030",
    "قتل 12 شخصا وأصيب 30",
    "صفر إصابات",
    "قالت صحيفة الغد الأردنية",
]


@pytest.mark.parametrize(("text", "date", "precision"), CASES)
def test_resolve_date_expression(text, date, precision):
    assert resolve_date(text, PUB) == (date, precision)


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date_falls_back_to_publication(text):
    assert resolve_date(text, PUB) == ("2024-03-14", "published")


def test_without_publication_date_relative_dates_are_unknown():
    assert resolve_date("أمس", None) == (None, "unknown")
    assert resolve_date("في 5 حزيران 2024", None) == ("2024-06-05", "day")


def test_rfc2822_publication_date():
    assert published_day("Mon, 19 Feb 2018 00:16:11 +0400") == dt.date(2018, 2, 19)
    assert resolve_date("أمس", "Mon, 19 Feb 2018 00:16:11 +0400") == ("2018-02-18", "day")


def test_event_date_prefers_expression_nearest_trigger():
    tokens = tokenize("قال الوزير الثلاثاء إن الهجوم الذي وقع أمس أسفر عن قتلى")
    said = 0
    happened = next(t.index for t in tokens if t.norm == "وقع")
    assert event_date(tokens, said, PUB) == ("2024-03-12", "day")
    assert event_date(tokens, happened, PUB) == ("2024-03-13", "day")


def test_event_date_skips_a_date_in_a_relative_clause_after_the_trigger():
    tokens = tokenize("اتهمت الحكومة ثلاثة أشخاص بالتدخل في الانتخابات التي جرت عام 2016")
    assert event_date(tokens, 0, PUB) == ("2024-03-14", "published")
    tokens = tokenize("اعتقلت الشرطة أمس رجلا شارك في الاحتجاجات التي جرت عام 2016")
    assert event_date(tokens, 0, PUB) == ("2024-03-13", "day")


def test_event_date_without_expression_is_publication_date():
    assert event_date(tokenize("التقى الوزير نظيره"), 0, PUB) == ("2024-03-14", "published")


def test_find_dates_reports_token_spans():
    found = find_dates(tokenize("اجتمع الطرفان في 5 حزيران 2024 في القاهرة"), PUB)
    assert [(e.tok_start, e.tok_end, e.date) for e in found] == [(3, 6, "2024-06-05")]


@pytest.mark.parametrize(("hijri", "gregorian"), [
    ((1, 1, 1), dt.date(622, 7, 19)),  # 16 July 622 Julian
    ((1445, 9, 1), dt.date(2024, 3, 11)),
    ((1400, 1, 1), dt.date(1979, 11, 21)),
    ((1446, 1, 1), dt.date(2024, 7, 8)),  # Umm al-Qura: 7 July (arithmetic calendars may differ by a day)
])
def test_hijri_conversion(hijri, gregorian):
    assert hijri_to_gregorian(*hijri) == gregorian
    assert gregorian_to_hijri(gregorian) == hijri


def test_hijri_round_trip_every_day_of_a_century():
    day = dt.date(1990, 1, 1)
    while day < dt.date(2090, 1, 1):
        assert hijri_to_gregorian(*gregorian_to_hijri(day)) == day
        day += dt.timedelta(days=13)


def test_sentence_without_date_is_fast():
    tokens = tokenize("وأكد الوزير في مؤتمر صحفي مشترك مع نظيره أن البلدين يعملان على تعزيز التعاون "
                      "الاقتصادي والأمني في المنطقة وأن المحادثات كانت بناءة ومثمرة")
    find_dates(tokens, PUB)
    start = time.perf_counter()
    for _ in range(2000):
        find_dates(tokens, PUB)
    per_sentence_ms = (time.perf_counter() - start) / 2000 * 1000
    assert per_sentence_ms < 0.05


def _data_words():
    yield from (w for phrase in months() for w in phrase)
    yield from (w for table in words().values() for phrase in table for w in phrase)


def test_date_data_is_normalised():
    for word in _data_words():
        assert normalize(word) == word, word


def test_month_names_name_one_month_per_calendar():
    seen: dict[tuple[str, str], int] = {}
    for phrase, (calendar, number) in months().items():
        assert seen.setdefault((calendar, " ".join(phrase)), number) == number
        assert 1 <= number <= 12
    assert {n for (cal, _), n in seen.items() if cal == "hijri"} == set(range(1, 13))
