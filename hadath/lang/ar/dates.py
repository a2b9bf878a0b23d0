"""When an event happened: Arabic date expressions resolved against the publication date.

Rule-based, over normalised tokens (no dateparser: it misses يوم الثلاثاء, الشهر
المقبل, Levantine months and number words). Recognised, with clitics (وامس, بالامس):

* relative days: اليوم، امس، اول امس، غدا، بعد غد، الليله الماضيه (precision day);
* weekdays: [يوم|صباح|مساء…] الثلاثاء [الماضي|المقبل]. A bare or يوم weekday is the
  most recent such day on or before publication; with الماضي strictly before; with
  المقبل/القادم strictly after (day);
* "… ago": منذ|قبل [number] يوم/يومين/ايام/اسبوع/شهر/عام (precision of the unit);
  not when من follows (قبل يومين من الانتخابات counts from another event);
* periods: الاسبوع|الشهر|العام الماضي/المقبل/الجاري, هذا العام (week: publication
  ± 7 days; month: its first day; year: 1 January);
* explicit dates in every month naming system of months.tsv (Gregorian, Levantine,
  Maghrebi, Moroccan, Hijri), day as digits (Arabic-Indic too) or ordinal word,
  doubled month names (30 مارس/ اذار), optional year and era (2024م، 1445 هـ);
  a date without a year takes the year nearest to publication (or the past/next one
  with الماضي/المقبل). Month + year or month + الماضي gives precision month;
* years: عام 2023، العام 2023، 2023م (year); not after منذ/حتي/بحلول (since/until);
* numeric dates: 5/3/2024 (day first) and 2024-03-05.

Hijri dates are converted with the arithmetic (tabular) Islamic calendar, civil
epoch (1 Muharram 1 AH = 16 July 622 Julian), leap years 2, 5, 7, 10, 13, 16, 18,
21, 24, 26, 29 of each 30-year cycle. It can differ by a day or two from a sighted
or Umm al-Qura calendar; the precision still says day.

`find_dates` lists every expression of a sentence; `resolve_date` takes the first;
`event_date` the one nearest to an event's trigger. Without one, both fall back to
the publication date with precision "published" ("unknown" without a publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources
from operator import attrgetter

from hadath.errors import DataError
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Token, tokenize

PRECISIONS = ("day", "week", "month", "year", "published", "unknown")
GREGORIAN_SYSTEMS = ("gregorian", "levantine", "maghrebi", "moroccan")
NO_YEAR_BEFORE = frozenset({"منذ", "حتي", "بحلول", "لغايه", "قبل"})
PROCLITICS = ("و", "ف", "ب", "ل", "وب", "فب", "ول", "فل", "وفي")
MAX_PHRASE = 3
SINGULAR_UNITS = frozenset({"يوم", "اسبوع", "شهر", "عام", "سنه"})
NOT_CUES = frozenset({"يوم", "خلال", "منتصف", "اول", "بعد", "من", "ليله", "مطلع"})


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in a sentence (token indices, end-exclusive)."""

    tok_start: int
    tok_end: int
    date: str  # ISO YYYY-MM-DD (first day of the week/month/year period)
    precision: str  # day | week | month | year


# --- data ----------------------------------------------------------------------

def _read(name: str) -> list[list[str]]:
    text = resources.files("hadath.lang.ar").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if any(len(cells) != 3 for cells in lines):
        raise DataError(f"hadath/lang/ar/data/{name}: every line needs 3 tab-separated columns")
    return lines[1:]


@cache
def months() -> dict[tuple[str, ...], tuple[str, int]]:
    """Month phrase (tuple of words) → ("gregorian" | "hijri", number)."""
    out = {}
    for system, number, names in _read("months.tsv"):
        calendar = "hijri" if system == "hijri" else "gregorian"
        for name in names.split("|"):
            out[tuple(normalize(name).split())] = (calendar, int(number))
    return out


@cache
def words() -> dict[str, dict[tuple[str, ...], str]]:
    """kind → {phrase (tuple of words) → value} from date_words.tsv."""
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for kind, value, forms in _read("date_words.tsv"):
        for form in forms.split("|"):
            out.setdefault(kind, {})[tuple(normalize(form).split())] = value
    return out


@cache
def vocabulary() -> frozenset[str]:
    """Every single word of the date data: the cue words of the fast pre-check."""
    phrases = list(months()) + [p for table in words().values() for p in table]
    return frozenset(w for p in phrases for w in p)


START_KINDS = ("ago", "day", "frame", "ordinal", "period", "weekday", "year-word")


@cache
def start_words() -> frozenset[str]:
    """The words a rule of `_Scan.match` can start at (besides numbers): first words
    of months and of the phrases of `START_KINDS`, هذا/هذه of the current-period
    words, and شهر. past/future, units, eras and number words only continue one."""
    starts = {p[0] for p in months()} | {"شهر", "هذا", "هذه"}
    for kind in START_KINDS:
        starts |= {p[0] for p in words().get(kind, {})}
    return frozenset(starts & vocabulary())


@cache
def cue_words() -> frozenset[str]:
    """Words of which a sentence needs one (or a four-digit number) before it is
    scanned: month names, weekdays, day words, منذ/قبل, period and year words."""
    cues = {w for p in months() for w in p[:1]}
    for kind in ("weekday", "day", "ago", "period", "year-word"):
        cues |= {w for p in words()[kind] for w in p}
    return frozenset(cues - NOT_CUES)


def base(norm: str) -> str:
    """A normalised token without the proclitics a date word may carry
    (وامس → امس, بالامس → الامس, للعام → العام); digits keep an era letter."""
    if norm[:1].isdigit():
        return norm
    return _based().get(norm, norm)


@cache
def _based() -> dict[str, str]:
    """Every proclitic form of every date word → the date word. Built in the order
    the prefixes are tried: the word itself, then each prefix (with a word, then
    with ل + ال written لل)."""
    vocab = sorted(vocabulary())
    table = {w: w for w in vocab}
    for prefix in PROCLITICS:
        for word in vocab:
            table.setdefault(prefix + word, word)
        for word in vocab:
            if word.startswith("ال"):
                table.setdefault(prefix + "ل" + word[2:], word)
    return table


# --- calendars -----------------------------------------------------------------

ISLAMIC_EPOCH = 227015  # proleptic Gregorian ordinal of 1 Muharram 1 AH (16 July 622 Julian)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Gregorian date of a Hijri date (arithmetic Islamic calendar, see module doc)."""
    days = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30
    return dt.date.fromordinal(ISLAMIC_EPOCH + days - 1)


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """Hijri (year, month, day) of a Gregorian date (arithmetic Islamic calendar)."""
    days = date.toordinal() - ISLAMIC_EPOCH
    year = (30 * days + 10646) // 10631
    month = 1
    while month < 12 and hijri_to_gregorian(year, month + 1, 1) <= date:
        month += 1
    return year, month, (date - hijri_to_gregorian(year, month, 1)).days + 1


def published_day(published: str | None) -> dt.date | None:
    """The day of an ISO 8601 or RFC 2822 publication date; None if absent or unreadable."""
    text = (published or "").strip()
    try:
        if len(text) >= 10 and text[4] == "-":
            return dt.date.fromisoformat(text[:10])
        return parsedate_to_datetime(text).date() if text else None
    except (TypeError, ValueError, IndexError):
        return None


# --- the resolver --------------------------------------------------------------

class _Scan:
    """One pass over the base forms of a sentence's tokens."""

    def __init__(self, forms: list[str], pub: dt.date | None):
        self.w = forms
        self.pub = pub

    def at(self, i: int) -> str:
        return self.w[i] if 0 <= i < len(self.w) else ""

    def phrase(self, kind: str, i: int) -> tuple[str, int] | None:
        """(value, end) of the longest phrase of `kind` starting at token i."""
        table = months() if kind == "month" else words()[kind]
        for n in range(MAX_PHRASE, 0, -1):
            value = table.get(tuple(self.w[i:i + n]))
            if value is not None and i + n <= len(self.w):
                return value, i + n
        return None

    def kind_at(self, kind: str, i: int) -> bool:
        return (self.at(i),) in words()[kind]

    def expressions(self) -> list[DateExpr]:
        out, i, starts = [], 0, start_words()
        while i < len(self.w):
            form = self.w[i]  # an expression starts at a number or a word that can open one
            found = self.match(i) if form in starts or form[:1].isdigit() else None
            if found is None:
                i += 1
            else:
                out.append(found)
                i = found.tok_end
        return out

    def match(self, i: int) -> DateExpr | None:
        for rule in (self.numeric, self.explicit, self.weekday, self.relative_day,
                     self.ago, self.period, self.month_only, self.year):
            found = rule(i)
            if found is not None:
                return found
        return None

    # each rule: token index → DateExpr or None

    def numeric(self, i: int) -> DateExpr | None:
        parts = [self.at(i + k) for k in range(3)]
        if not all(p.isdecimal() for p in parts):
            return None
        a, b, c = (int(p) for p in parts)
        if len(parts[0]) == 4:
            a, c = c, a
        if len(parts[2]) != 4 and len(parts[0]) != 4:
            return None
        return _expr(i, i + 3, _safe_date(c, b, a), "day")

    def day_number(self, i: int) -> tuple[int, int] | None:
        """(day, next index): 1–31 as digits or an ordinal word, then optional من/شهر."""
        word = self.at(i)
        if word.isdecimal() and len(word) <= 2 and 1 <= int(word) <= 31:
            day, j = int(word), i + 1
        else:
            found = self.phrase("ordinal", i)
            if found is None:
                return None
            day, j = int(found[0]), found[1]
        if self.at(j) == "من":
            j += 1
        return day, j + (self.at(j) == "شهر")

    def month_at(self, i: int) -> tuple[str, int, int] | None:
        """(calendar, month, next index), skipping a second name of the same month
        (30 مارس/ اذار, شباط/ فبراير)."""
        found = self.phrase("month", i)
        if found is None:
            return None
        (calendar, number), j = found
        again = self.phrase("month", j)
        if again is not None and again[0] == (calendar, number):
            j = again[1]
        return calendar, number, j

    def year_at(self, i: int) -> tuple[int, str | None, int] | None:
        """(year, era or None, next index): four-digit year, era letter glued or next."""
        word = self.at(i)
        digits = word.rstrip("مه")
        if not digits.isdecimal() or len(digits) != 4 or digits != word[:4]:
            return None
        era = words()["era"].get((word[len(digits):],)) if word != digits else None
        j = i + 1
        if era is None and self.kind_at("era", j):
            era, j = words()["era"][(self.at(j),)], j + 1
        return int(digits), era, j

    def explicit(self, i: int) -> DateExpr | None:
        day = self.day_number(i)
        month = self.month_at(day[1]) if day else None
        if month is None:
            return None
        calendar, number, j = month
        year = self.year_at(j)
        if year is not None:
            return _expr(i, year[2], _calendar_date(calendar, year[0], number, day[0]), "day")
        direction, j = self.direction(j)
        return _expr(i, j, self.infer_year(calendar, number, day[0], direction), "day")

    def month_only(self, i: int) -> DateExpr | None:
        """شهر مارس، مارس 2024، مارس الماضي، رمضان 1445 هـ (precision month)."""
        named = self.at(i) == "شهر"
        month = self.month_at(i + named)
        if month is None:
            return None
        calendar, number, j = month
        year = self.year_at(j)
        if year is not None:
            return _expr(i, year[2], _calendar_date(calendar, year[0], number, 1), "month")
        direction, k = self.direction(j)
        if not named and direction is None:
            return None
        return _expr(i, k, self.infer_month(calendar, number, direction), "month")

    def direction(self, j: int) -> tuple[str | None, int]:
        for kind in ("past", "future"):
            if self.kind_at(kind, j):
                return kind, j + 1
        return None, j

    def infer_year(self, calendar: str, month: int, day: int, direction: str | None) -> dt.date | None:
        """The date of a day and month without a year: the year nearest to publication,
        or the latest before it (past) / earliest after it (future)."""
        if self.pub is None:
            return None
        this = gregorian_to_hijri(self.pub)[0] if calendar == "hijri" else self.pub.year
        options = [d for y in (this - 1, this, this + 1)
                   if (d := _calendar_date(calendar, y, month, day)) is not None]
        return _pick(options, self.pub, direction)

    def infer_month(self, calendar: str, month: int, direction: str | None) -> dt.date | None:
        """First day of a month without a year: the nearest to publication, or the
        latest before (past) / earliest after (future) the month of publication."""
        if self.pub is None:
            return None
        year, current = gregorian_to_hijri(self.pub)[:2] if calendar == "hijri" else (self.pub.year, self.pub.month)
        now = year * 12 + current - 1
        options = [y * 12 + month - 1 for y in (year - 1, year, year + 1)]
        if direction is not None:
            options = [o for o in options if (o < now if direction == "past" else o > now)]
        best = min(options, key=lambda o: (abs(o - now), o))
        return _calendar_date(calendar, best // 12, best % 12 + 1, 1)

    def weekday(self, i: int) -> DateExpr | None:
        j = i + 1 if self.kind_at("frame", i) else i
        found = self.phrase("weekday", j)
        if found is None:
            return None
        explicit = self.explicit(found[1])
        if explicit is not None:
            return DateExpr(i, explicit.tok_end, explicit.date, explicit.precision)
        direction, end = self.direction(found[1])
        return _expr(i, end, _weekday_date(self.pub, int(found[0]), direction), "day")

    def relative_day(self, i: int) -> DateExpr | None:
        j = i + 1 if self.kind_at("frame", i) and self.phrase("day", i + 1) else i
        found = self.phrase("day", j)
        if found is None or self.pub is None:
            return None
        if self.w[j] == "الغد" and j == i or self.w[j] == "اليوم" and self.kind_at("not-today", found[1]):
            return None
        offset, end = int(found[0]), found[1]
        return _expr(i, end, self.pub + dt.timedelta(days=offset), "day")

    def ago(self, i: int) -> DateExpr | None:
        """منذ|قبل [number] unit (not followed by من)."""
        if not self.kind_at("ago", i):
            return None
        amount, unit, end = self.amount(i + 1)
        if unit is None or self.pub is None or self.at(end) == "من" or self.year_at(end) \
                or self.phrase("weekday", end) or self.phrase("day", end):
            return None
        return _expr(i, end, _shift(self.pub, -amount, unit), "day" if unit == "day" else unit)

    def amount(self, i: int) -> tuple[int, str | None, int]:
        """(n, unit, end) of يومين | 3 ايام | ثلاثه ايام | اسبوع."""
        dual = words()["dual"].get((self.at(i),))
        if dual:
            return 2, dual, i + 1
        number = self.at(i)
        n = int(number) if number.isdecimal() and len(number) <= 2 else None
        if n is None and (number,) in words()["number"]:
            n = int(words()["number"][(number,)])
        j = i + (n is not None)
        unit = words()["unit"].get((self.at(j),))
        if n is None and self.at(j) not in SINGULAR_UNITS:
            unit = None  # منذ سنوات: a duration, no date
        return (n or 1), unit, j + (unit is not None)

    def period(self, i: int) -> DateExpr | None:
        """الاسبوع|الشهر|العام الماضي/المقبل/الجاري, هذا العام."""
        lead = self.kind_at("current", i) and self.at(i) in ("هذا", "هذه")
        unit = words()["period"].get((self.at(i + lead),))
        if unit is None or self.pub is None:
            return None
        j = i + lead + 1
        kind = "current" if lead else next((k for k in ("past", "future", "current") if self.kind_at(k, j)), None)
        if kind is None:
            return None
        step = {"past": -1, "future": 1, "current": 0}[kind]
        return _expr(i, j + (not lead), _period_start(self.pub, unit, step), unit)

    def year(self, i: int) -> DateExpr | None:
        """عام 2023 / العام 2023 / 2023م (not after منذ, حتي, بحلول)."""
        lead = self.kind_at("year-word", i)
        found = self.year_at(i + lead)
        if found is None or not (lead or found[1] == "gregorian") or found[1] == "hijri":
            return None
        if self.at(i - 1) in NO_YEAR_BEFORE or not 1900 <= found[0] <= 2100:
            return None
        return _expr(i, found[2], dt.date(found[0], 1, 1), "year")


def _expr(start: int, end: int, date: dt.date | None, precision: str) -> DateExpr | None:
    return None if date is None else DateExpr(start, end, date.isoformat(), precision)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1 <= year <= 9999 else None
    except ValueError:
        return None


def _calendar_date(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    if calendar != "hijri":
        return _safe_date(year, month, day)
    if not (1 <= day <= 30 and 1 <= year <= 9000):
        return None
    return hijri_to_gregorian(year, month, day)


def _pick(options: list[dt.date], pub: dt.date, direction: str | None) -> dt.date | None:
    if direction == "past":
        options = [d for d in options if d <= pub]
        return max(options, default=None)
    if direction == "future":
        return min((d for d in options if d > pub), default=None)
    return min(options, key=lambda d: abs((d - pub).days), default=None)


def _weekday_date(pub: dt.date | None, weekday: int, direction: str | None) -> dt.date | None:
    if pub is None:
        return None
    back = (pub.weekday() - weekday) % 7
    if direction == "future":
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def _shift(pub: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week"):
        return pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "month":
        return _period_start(pub, "month", n)
    return _period_start(pub, "year", n)


def _period_start(pub: dt.date, unit: str, step: int) -> dt.date:
    """Week: publication ± 7 days; month: its 1st; year: 1 January."""
    if unit == "week":
        return pub + dt.timedelta(days=7 * step)
    if unit == "year":
        return dt.date(pub.year + step, 1, 1)
    index = pub.year * 12 + pub.month - 1 + step
    return dt.date(index // 12, index % 12 + 1, 1)


# --- public --------------------------------------------------------------------

_NORM = attrgetter("norm")
_YEAR_FORM = re.compile(r"(?:^| )\d{4}[مه]?(?= |$)")  # a four-digit number, maybe with an era letter


def _tokens(tokens_or_text: str | Sequence[Token]) -> Sequence[Token]:
    return tokenize(tokens_or_text) if isinstance(tokens_or_text, str) else tokens_or_text


def find_dates(tokens_or_text: str | Sequence[Token], published: str | None) -> list[DateExpr]:
    """Every date expression of a sentence, left to right, resolved against `published`."""
    tokens = _tokens(tokens_or_text)
    table = _based()  # base() without its function call: a digit-led form is never a prefixed key
    norms = list(map(_NORM, tokens))
    forms = list(map(table.get, norms, norms))  # table.get(norm, norm) in a C loop
    if cue_words().isdisjoint(forms) and not _YEAR_FORM.search(" ".join(forms)):
        return []  # plain counts (قتل 5 أشخاص) start no date: a day or month needs a cue or a year
    return _Scan(forms, published_day(published)).expressions()


def _fallback(published: str | None) -> tuple[str | None, str]:
    day = published_day(published)
    return (day.isoformat(), "published") if day else (None, "unknown")


def resolve_date(tokens_or_text: str | Sequence[Token], published: str | None) -> tuple[str | None, str]:
    """(ISO date, precision) of the first date expression of a text or token list;
    else the publication date with precision "published" ("unknown" without one)."""
    found = find_dates(tokens_or_text, published)
    return (found[0].date, found[0].precision) if found else _fallback(published)


def event_date(sentence_tokens: Sequence[Token], trigger_index: int,
               published: str | None, found: list | None = None) -> tuple[str | None, str]:
    """(ISO date, precision) of the date expression nearest to the trigger token in
    its sentence (after the trigger wins a tie); else the publication date.
    `found`: the sentence's `find_dates` result, when the caller already has it."""
    if found is None:
        found = find_dates(sentence_tokens, published)
    found = [e for e in found if not _in_relative_clause(sentence_tokens, e, trigger_index)]
    if not found:
        return _fallback(published)
    best = min(found, key=lambda e: _distance(e, trigger_index))
    return best.date, best.precision


RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"})
RELATIVE_GAP = 3  # tokens from a relative pronoun to the date it holds (التي جرت عام 2016)


def _in_relative_clause(tokens: Sequence[Token], expr: DateExpr, trigger_index: int) -> bool:
    """A date in a relative clause after the trigger (اتهم … الانتخابات التي جرت عام 2016)
    dates the noun the clause describes, not the event."""
    start = max(trigger_index + 1, expr.tok_start - RELATIVE_GAP)
    return any(t.norm.lstrip("و") in RELATIVE_PRONOUNS for t in tokens[start:expr.tok_start])


def _distance(expr: DateExpr, i: int) -> tuple[int, int]:
    if expr.tok_start <= i < expr.tok_end:
        return 0, 0
    if expr.tok_start > i:
        return expr.tok_start - i, 0
    return i - expr.tok_end + 1, 1
