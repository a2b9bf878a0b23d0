from __future__ import annotations

import json

import pytest
from hadath_samples import article_one, article_two

from hadath.export.plover import plover_record


def record(coded=None, i=0):
    c = coded or article_one()
    e = c.events[i]
    return plover_record(e, c.article, c.sentence_text(e.sentence_index))


# the manual's names (PLOVER manual, "JSON Data Fields")
MANUAL_FIELDS = ["id", "date", "recipient", "event", "mode", "context", "event_text", "quad_code",
                 "event_scale", "text", "text_info", "cite_info", "coder"]


@pytest.mark.parametrize("field", MANUAL_FIELDS + ["actor", "cameo", "negated", "modality", "confidence",
                                                   "casualties", "gloss"])
def test_plover_record_has_field(field):
    assert field in record()


def test_plover_record_values():
    r = record()
    assert (r["event"], r["mode"], r["context"], r["event_text"]) == (["CONSULT"], ["visit"], [], ["التقى"])
    assert (r["quad_code"], r["event_scale"], r["cameo"], r["date"]) == (1, 1.0, "040", "2024-03-04")
    assert r["text"] == "التقى وزير خارجية زمبرا نظيره الكالدوني في العاصمة أمس."


def test_plover_actor_objects_use_the_manual_names():
    actor = record()["actor"][0]
    assert {"code", "sector", "actor_text"} <= set(actor)
    assert (actor["code"], actor["sector"], actor["actor_text"], actor["name"]) == (
        "ZMB", "GOV", "وزير خارجية زمبرا", "Zembra")
    assert record()["text"][actor["start"]:actor["end"]] == actor["actor_text"]  # first sentence starts at 0


def test_plover_compound_actor_is_a_list():
    assert [a["sector"] for a in record(article_two())["actor"]] == ["REB", "MIL"]
    assert record(article_two())["recipient"] == []


def test_plover_text_info_and_cite_info():
    r = record(i=1)
    assert r["text_info"]["sequence"] == 1
    c = article_one()
    assert c.article.text[r["text_info"]["start"]:r["text_info"]["end"]] == r["text"]
    assert c.article.text[r["text_info"]["trigger_start"]:r["text_info"]["trigger_end"]] == "أدانت"
    assert r["cite_info"] == {"article_id": c.article.id, "source_id": "a1", "url": "https://example.test/a1",
                              "title": "لقاء في العاصمة", "publication": "صحيفة الغد",
                              "published": "2024-03-05T10:00:00", "language": "ar"}


def test_plover_gloss_is_english():
    g = record()["gloss"]
    assert g["event_en"].startswith("meet") and g["quad_en"] == "verbal cooperation"
    assert (g["actor_en"], g["recipient_en"]) == ("Zembra (GOV)", "Caledonia (GOV)")
    assert record(article_two())["gloss"]["actor_en"] == "Zembra (REB) and Zembra (MIL)"


def test_plover_date_falls_back_to_the_published_date():
    c = article_one()
    c.events[0].date = None
    assert plover_record(c.events[0], c.article, "")["date"] == "2024-03-05"


def test_plover_record_serialises_with_arabic_unescaped():
    line = json.dumps(record(), ensure_ascii=False)
    assert "التقى" in line and "\\u" not in line
