"""Fictional Arabic news written for hadath's scale tests (ingest jobs, Spark).

Four stories, one of them carried by two sites with a small edit (a near
duplicate), as HTML pages, a WARC of HTTP responses and JSON lines.
"""

from __future__ import annotations

import io
import json

WIRE = [
    "اعتقلت الشرطة المصرية عشرات الناشطين في القاهرة يوم الثلاثاء بعد مظاهرة صغيرة أمام مقر نقابة الصحفيين.",
    "وقال محامون يتابعون القضية إن قوات الأمن فرقت المتجمعين بسرعة ونقلت عددا منهم إلى أقسام الشرطة في وسط المدينة.",
    "وأضاف المحامون أن النيابة العامة ستبدأ التحقيق مع الموقوفين صباح الأربعاء بتهمة التجمهر دون تصريح.",
    "ولم تصدر وزارة الداخلية بيانا رسميا حتى مساء اليوم، فيما طالبت منظمات حقوقية محلية بالإفراج الفوري عن جميع المحتجزين.",
    "وتشهد العاصمة منذ أسابيع دعوات متفرقة للتظاهر احتجاجا على ارتفاع الأسعار وتراجع قيمة العملة المحلية.",
]
# the same wire story on another site: one word changed in the fourth sentence
WIRE_COPY = WIRE[:3] + [WIRE[3].replace("مساء اليوم", "ظهر اليوم")] + WIRE[4:]
CONSULT = [
    "التقى وزير الخارجية الأردني نظيره السعودي في عمان يوم الأحد لبحث العلاقات الثنائية بين البلدين.",
    "وتناول اللقاء سبل تعزيز التعاون في مجالات التجارة والطاقة والنقل، إضافة إلى تطورات الأوضاع في المنطقة.",
    "وأكد الجانبان أهمية مواصلة التنسيق والتشاور بشأن القضايا ذات الاهتمام المشترك.",
]
AGREE = [
    "وقعت تونس والجزائر اتفاقا لتعزيز التعاون الاقتصادي بين البلدين خلال اجتماع اللجنة المشتركة في العاصمة.",
    "ويشمل الاتفاق تسهيل حركة البضائع عبر المعابر الحدودية وإنشاء منطقة تجارية مشتركة في الجنوب.",
    "وقال مسؤولون من الجانبين إن الاتفاق سيدخل حيز التنفيذ مطلع العام المقبل.",
]
PROTEST = [
    "تظاهر آلاف اللبنانيين في بيروت يوم السبت احتجاجا على ارتفاع الأسعار وانقطاع الكهرباء لساعات طويلة.",
    "ورفع المحتجون لافتات تطالب الحكومة بإيجاد حلول عاجلة للأزمة المعيشية التي تعصف بالبلاد منذ سنوات.",
    "وانتهت المظاهرة دون تسجيل حوادث تذكر، بحسب ما أفاد شهود عيان.",
]

# (url, outlet, published, title, paragraphs, charset)
STORIES = [
    ("https://nile-news.example/2024/03/05/arrests", "nile-news", "2024-03-05", "اعتقال ناشطين في القاهرة", WIRE, "utf-8"),
    ("https://delta-daily.example/a/9912", "delta-daily", "2024-03-05", "حملة اعتقالات في العاصمة", WIRE_COPY, "utf-8"),
    ("https://levant-post.example/politics/talks", "levant-post", "2024-03-10", "مباحثات أردنية سعودية", CONSULT, "utf-8"),
    ("https://maghreb-wire.example/eco/deal", "maghreb-wire", "2024-04-01", "اتفاق تونسي جزائري", AGREE, "windows-1256"),
    ("https://cedar-times.example/news/protest", "cedar-times", "2024-04-06", "مظاهرات في بيروت", PROTEST, "utf-8"),
]


def html_page(title: str, paragraphs: list[str], published: str, charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='{charset}'><title>{title}</title>"
        f"<meta property='article:published_time' content='{published}'></head>"
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )
    return page.encode(charset)


def warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    """A gzipped WARC of HTTP 200 responses: (url, content type, payload) each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09Z"}))
    return buffer.getvalue()


def news_warc() -> bytes:
    """Every story as an HTML response (one in windows-1256), plus a PNG response (skipped: not-html)."""
    records = [(url, f"text/html; charset={charset}", html_page(title, paras, date, charset))
               for url, _, date, title, paras, charset in STORIES]
    records.insert(2, ("https://nile-news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)))
    return warc_bytes(records)


def news_jsonl() -> bytes:
    """Every story as a JSON line, plus an English line and a broken line (both skipped)."""
    rows = [{"id": f"s{i}", "url": url, "outlet": outlet, "date": date, "title": title, "text": "\n\n".join(paras)}
            for i, (url, outlet, date, title, paras, _) in enumerate(STORIES)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(1, json.dumps({"id": "en", "text": "The minister met his counterpart in the capital on Sunday."}))
    lines.append('{"id": "broken", "text": ')
    return ("\n".join(lines) + "\n").encode("utf-8")
