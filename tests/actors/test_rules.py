"""Rules of the resolver beyond single names: two-sides, spans, explain, dates, nisba."""

from __future__ import annotations

import json

import pytest

from hadath.actors import ActorResolver, explain, find_actors
from hadath.actors.dates import article_day
from hadath.actors.nisba import inflect
from hadath.lang.ar.tokens import tokenize


def test_two_sides_word_gives_the_two_states_named_last():
    text = "التقى وزير الخارجية الروسي نظيره التركي. واتفق الجانبان على التعاون."
    sides = [m for m in find_actors(text) if m.rule == "two-sides"]
    assert [m.code for m in sides] == ["RUS", "TUR"]
    assert sides[0].tok_start == sides[1].tok_start and sides[0].start == sides[1].start


def test_two_sides_are_states_not_the_organisation_named_between():
    text = "زار الرئيس المصري تركيا. وبحث مع نظيره التركي قمة منظمة شنغهاي للتعاون. واتفق الجانبان على التعاون."
    assert [m.code for m in find_actors(text) if m.rule == "two-sides"] == ["EGY", "TUR"]


def test_two_sides_word_with_nisba_pair_uses_that_pair():
    sides = [m.code for m in find_actors("اتفق الجانبين الصيني والهندي") if m.rule == "two-sides"]
    assert sides == ["CHN", "IND"]


def test_two_sides_word_without_two_named_states_gives_nothing():
    assert [m for m in find_actors("اتفق الطرفان على وقف النار") if m.rule == "two-sides"] == []


@pytest.mark.parametrize("text,code", [("الجانب الروسي", "RUS"), ("الطرف الإيراني", "IRN"),
                                       ("الجانب الأمريكي", "USA")])
def test_side_with_nisba_names_the_state(text, code):
    [mention] = find_actors(text)
    assert (mention.code, mention.rule) == (code, "side+nisba")


@pytest.mark.parametrize("text,sector", [("الشرطة", "COP"), ("المتظاهرون", "CVL"), ("الجيش", "MIL"),
                                         ("المسلحين", "REB"), ("اللاجئين", "REF")])
def test_office_word_without_country_has_empty_code_and_sector(text, sector):
    [mention] = find_actors(text)
    assert (mention.code, mention.sector, mention.kind, mention.rule) == ("", sector, "office", "office")


def test_bare_occupation_is_israel_by_metonymy():
    [mention] = find_actors("اقتحم الاحتلال المدينة")
    assert (mention.code, mention.rule) == ("ISR", "metonym")


def test_mention_offsets_and_token_indices_point_at_the_phrase():
    text = "قال الرئيس الروسي فلاديمير بوتين اليوم"
    [mention] = find_actors(text)
    assert text[mention.start:mention.end] == mention.text == "الرئيس الروسي فلاديمير بوتين"
    assert (mention.tok_start, mention.tok_end) == (1, 5)
    assert mention.rule == "apposition" and mention.kind == "person"


def test_clitic_is_left_out_of_the_span():
    text = "وللصين موقف"
    [mention] = find_actors(text)
    assert mention.code == "CHN" and text[mention.end - 3:mention.end] == "صين"


def test_resolver_find_works_without_text():
    [mention] = ActorResolver("2020-01-01").find(tokenize("الجيش السوري"))
    assert mention.text == "الجيش السوري" and mention.full_code == "SYR-MIL"


def test_explain_gives_json_ready_dicts():
    rows = explain("وزير الخارجية الروسي سيرغي لافروف", "2019-01-01")
    assert rows[0]["code"] == "RUS" and rows[0]["rule"] == "apposition"
    assert set(rows[0]) == {"text", "span", "code", "sector", "name_en", "kind", "entry", "rule"}
    json.dumps(rows, ensure_ascii=False)


@pytest.mark.parametrize("published,day", [
    ("2018-02-19", "2018-02-19"), ("2018-02-19T10:00:00Z", "2018-02-19"),
    ("Mon, 19 Feb 2018 00:16:11 +0400", "2018-02-19"), (None, None), ("yesterday", None)])
def test_article_day_reads_iso_and_rfc2822_dates(published, day):
    assert article_day(published) == day


@pytest.mark.parametrize("published,sector,name", [
    ("2016-01-01", "MIL", "Defence Minister"), ("2024-06-01", "GOV", "Secretary of the Security Council"),
    (None, "GOV", "Secretary of the Security Council")])
def test_same_name_resolves_by_date_latest_without_date(published, sector, name):
    [mention] = find_actors("شويغو", published)
    assert mention.sector == sector and name in mention.name_en


def test_person_out_of_office_keeps_country_but_not_sector():
    [mention] = find_actors("ترامب", "2023-01-01")
    assert (mention.code, mention.sector, mention.rule) == ("USA", None, "person-out-of-office")


def test_nisba_inflection_makes_feminine_plural_and_dual_forms():
    forms = {form for form, _ in inflect("روسي")}
    assert {"روسي", "الروسي", "روسيه", "الروسيه", "الروسيون", "الروسيين", "الروسيتين"} <= forms
    assert "الكوريه الجنوبيه" in {form for form, _ in inflect("كوري جنوبي")}


@pytest.mark.parametrize("text,code", [("زار الرئيس الأسد دمشق", "SYR"), ("طالبت حركة الشباب", "SOM"),
                                       ("حركتي فتح وحماس", "PSE"), ("سلطنة عمان", "OMN")])
def test_risky_names_resolve_with_context(text, code):
    assert code in {m.code for m in find_actors(text)}


def test_bodies_with_three_letter_codes_are_organisations_not_states():
    text = "دعا مجلس التعاون الخليجي ومنظمة أطباء بلا حدود والمرصد السوري لحقوق الإنسان الكويت إلى الحوار"
    kinds = {m.code: m.kind for m in find_actors(text)}
    assert kinds == {"GCC": "igo", "MSF": "igo", "SYR": "igo", "KWT": "state"}
