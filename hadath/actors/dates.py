"""The article date that person names are resolved against."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def article_day(published: str | None) -> str | None:
    """YYYY-MM-DD of an ISO 8601 date or an RFC 2822 date
    ("Mon, 19 Feb 2018 00:16:11 +0400"); None when absent or unreadable."""
    if not published:
        return None
    text = published.strip()
    if _ISO.match(text):
        return text[:10]
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
