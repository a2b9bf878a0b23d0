"""Fixtures for the ingest tests: fictional Arabic news written for hadath."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"

PARAGRAPHS = [
    "أعلن رئيس وزراء جمهورية الواحة صباح اليوم أن حكومته ستستأنف المفاوضات مع الدول المجاورة حول تقاسم مياه النهر.",
    "وقال في مؤتمر صحفي عقده في العاصمة إن الحوار هو السبيل الوحيد لتجاوز الخلافات، داعيا جميع الأطراف إلى ضبط النفس.",
    "وأضاف أن وفدا رسميا سيتوجه الأسبوع المقبل إلى مملكة السهول لبحث الترتيبات الفنية لاتفاق جديد.",
]
TITLE = "رئيس الوزراء يعلن استئناف المفاوضات حول المياه"
BANNER = [
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.",
    "بالاستمرار في تصفح هذا الموقع فإنك توافق على سياسة الخصوصية.",
    "أوافق",
]
ARTICLE_TEXT = "\n\n".join(PARAGRAPHS)
ENGLISH = "The prime minister said on Tuesday that the government would resume talks with its neighbours over water."
PERSIAN = "وزیر امور خارجه ایران روز سه‌شنبه در دیدار با همتای چینی خود گفت که تهران آماده گسترش همکاری‌های اقتصادی است."
URDU = "پاکستان کے وزیر خارجہ نے منگل کو کہا کہ حکومت ہمسایہ ممالک کے ساتھ تعلقات بہتر بنانا چاہتی ہے۔"


def make_html(paragraphs=PARAGRAPHS, title=TITLE, head: str = "", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head>{meta}<title>{title} | أخبار الواحة</title>{head}</head>"
        "<body><nav><a href='/'>الرئيسية</a> <a href='/world'>العالم</a> <a href='/sport'>رياضة</a></nav>"
        f"<article><h1>{title}</h1><div class='content'>{body}</div></article>"
        "<footer><p>جميع الحقوق محفوظة لأخبار الواحة 2024</p></footer></body></html>"
    )


def make_warc(records: list[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC of HTTP responses: (url, content type, payload) each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


@pytest.fixture
def html_page() -> str:
    return make_html()


@pytest.fixture
def banner_fixture() -> str:
    return (FIXTURES / "article_with_banner.ar.txt").read_text("utf-8")
