"""Fictional Arabic articles for the reliability tests (written for these tests, unique by their numbers)."""

from __future__ import annotations

import json
import random
from pathlib import Path

COUNTRIES = [("المصرية", "القاهرة", "المصري"), ("الأردنية", "عمان", "الأردني"), ("التونسية", "تونس", "التونسي"),
             ("المغربية", "الرباط", "المغربي"), ("العراقية", "بغداد", "العراقي"), ("اللبنانية", "بيروت", "اللبناني")]

TEMPLATES = [
    "اعتقلت الشرطة {adj_f} {n} من الناشطين في {city} يوم الأحد.",
    "التقى وزير الخارجية {adj_m} نظيره {other_m} في {city} لبحث التعاون في {n} ملفا.",
    "تظاهر نحو {n} شخص أمام مقر الحكومة في {city} احتجاجا على ارتفاع الأسعار.",
    "وقعت الحكومة {adj_f} اتفاقا مع الحكومة {other_f} بقيمة {n} مليون دولار.",
    "أدان رئيس الوزراء {adj_m} الهجوم الذي أسفر عن مقتل {n} أشخاص قرب {city}.",
    "أعلن الجيش {adj_m} أنه قصف مواقع للمسلحين وقتل {n} منهم.",
]


def article_text(i: int, rng: random.Random | None = None) -> str:
    """A short Arabic article, different for every `i`."""
    rng = rng or random.Random(i)
    sentences = []
    for k in range(3):
        adj_f, city, adj_m = COUNTRIES[(i + k) % len(COUNTRIES)]
        other_f, _, other_m = COUNTRIES[(i + k + 1) % len(COUNTRIES)]
        template = TEMPLATES[(i * 3 + k) % len(TEMPLATES)]
        sentences.append(template.format(adj_f=adj_f, adj_m=adj_m, other_f=other_f, other_m=other_m, city=city,
                                          n=rng.randint(2, 900) * 1000 + i))
    sentences.append(f"وقال مصدر مسؤول إن عدد المشاركين في الاجتماع رقم {i} بلغ {i * 7 + 3} مشاركا.")
    return " ".join(sentences)


def article_row(i: int) -> dict:
    return {"id": f"art-{i}", "url": f"https://news.example/ar/{i}", "title": f"خبر رقم {i}",
            "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": article_text(i)}


def write_jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            out.write(json.dumps(article_row(i), ensure_ascii=False) + "\n")
    return path
