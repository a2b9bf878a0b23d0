"""Casualty counts of an event: how many were killed, injured and arrested.

Pure and rule-based, over the normalised tokens of one sentence. Words live in
`events/data/casualties.tsv` (see its header). `find_mentions` lists what a
sentence says about victims; `event_casualties` picks the counts of one event.

Counts (`Quantity`): digits, Western and Arabic-Indic (normalised to ASCII), with a
thousands separator (1,200); number words and their compounds (خمسه وعشرين 25,
ثلاثه عشر 13, ثلاث مئه 300, 3 الاف 3000); أحد + a definite noun is one. An
approximation before a number keeps it (نحو 30، اكثر من 30، ما لا يقل عن 30: the
number, a lower bound for اكثر من). Vague quantities (عشرات، مئات، عدد من، بضعه)
give a mention with no count: dozens are NOT turned into a lower bound, the
category stays unknown. A number is not a count of people when the noun after it
is a unit (12 عاما، 3 سيارات، 5 مواقع) or a month (5 مارس), when the word before it
is a date or label word (عام 2020، الساعه 5، رقم 3), when it is part of a time, a
date, a decimal or a range (10:30، 5/3، 3.5), a percentage, or a year-like number
(1900-2100) with no people counted after it.

Mentions (`Mention`), each with one category:

  count nouns      7 قتلي، 20 جريحا، 5 معتقلين، 70 حاله اختناق (number before);
                   قتيل / جريح alone is one, قتيلين / جريحين two;
  verbal nouns     مقتل 5، اصابه 12 شخصا، اعتقال ناشط (a person noun: one; a dual:
                   two; a plural: unknown), بمقتله (an enclitic ه/ها: one, هما: two);
  verbs            قتل 3 اشخاص، اصيب جنديان، اعتقلت الشرطه في المدينه 40 متظاهرا (the
                   count within a few words after the verb, the people counted named
                   after it beyond the first word); a plural verb may have its count
                   before it (30 عنصرا قتلوا); active and passive are written alike;
  idiom            لقي 5 اشخاص حتفهم، لقي جندي مصرعه، لقي حتفه (one);
  running totals   ارتفع عدد القتلي الي 30: replaces the sum of its category;
  coordination     مقتل 3 جنود و4 مدنيين: 7 (numbers joined by و add up);
  negation         لم يسفر عن اصابات، دون وقوع اصابات، لم يصب احد: ZERO, not absence.
                   A negated general word (اصابات، ضحايا، خسائر بشريه) sets killed
                   and injured to 0; قتلي sets killed, جرحي injured. A zero is
                   information (nobody was hurt), an empty dict means nothing said.

Not counted: numbers after بينهم/منهم (a part of a group already counted); بين قتيل
وجريح (no count); a number before a definite noun (احد المصابين: one of them); arrest
counts after a release word (الافراج عن 50 معتقلا); attempts (محاوله قتل 35 شخصا);
deaths and injuries in a clause about an illness or a poisoning (كورونا، تسمم); مقتل
واصابه 10 and 200 قتيل وجريح (one number for two categories). Abducted and missing
people (مختطفين، مفقودين) are not counted: the record documents only the three keys
killed / injured / arrested. ضحايا counts as killed; حالات اختناق as injured.

Which mentions belong to an event: for each category, those in the clause of its
trigger (`hadath.events.clauses`); when that clause has none, those of the nearest
other clause of the sentence with that category, except a clause holding a trigger
of the other casualty type (an ASSAULT trigger for a COERCE event and back: its
counts are that event's), and except mentions that another incident separates from
the trigger (an ASSAULT or COERCE trigger in between that is not a casualty word
itself and not a complement of the event's trigger). Within the chosen clause the
counts of a category add up, and a running total replaces them. Counts of other
sentences are never used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from hadath.datafiles import read_rows
from hadath.errors import DataError
from hadath.events.clauses import clause_ids
from hadath.events.lexicon import conjugate, trigger_matcher
from hadath.lang.ar.dates import months
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatch, PhraseMatcher
from hadath.lang.ar.tokens import Candidate, Token, candidates

CATEGORIES = ("killed", "injured", "arrested")
CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE"})
CUE_ROLES = frozenset({"verb", "noun", "count", "single", "dual", "case", "fate", "total", "none", "zero"})
WORD_KINDS = frozenset({"teen", "vague", "subset", "negator", "release", "disease", "not-before", "unit",
                        "person1", "person2", "personN", "partitive", "fate-end", "total-word", "attempt", "cause"})
VERB_WINDOW = 9  # words after a verb in which its count may stand (اعتقلت الشرطه التركيه الجمعه في انقره 14)
BACK_WINDOW = 8  # words before a plural verb (30 عنصرا من الميليشيا قتلوا)
FATE_WINDOW = 6  # words between لقي and حتفه
TOTAL_WINDOW = 8  # words between عدد القتلي and its number (ارتفع عدد القتلي في الهجوم علي البلده الي 30)
NEGATION_WINDOW = 7  # words between لم / دون and the negated noun
RELEASE_WINDOW = 4  # words before an arrest count
COORDINATION_WINDOW = 4  # words after a count in which و + a number adds to it
COMPLEMENT_GAP = 8  # a trigger this close after another in its clause is the same incident (as in the coder)
YEARS = range(1900, 2101)
_DIGITS = re.compile(r"[0-9]+")
_THOUSANDS = re.compile(r"[0-9]{3}")
_THOUSANDS_SEP = frozenset({",", "٬", ".", "’", "'"})
_NOTATION = re.compile(r"[:/\-.٫]")
_PERCENT = re.compile(r"^\s*[%٪]")
_PUNCT = re.compile(r"[،؛:.!?؟]")
ENCLITIC_COUNT = {"ه": 1, "ها": 1, "هما": 2, "هم": None, "هن": None}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression: tokens [tok_start, tok_end), value None when vague."""

    tok_start: int
    tok_end: int
    value: int | None


@dataclass(frozen=True, slots=True)
class Mention:
    """What a sentence says about one category of victims (count None: unknown)."""

    category: str
    count: int | None
    tok_start: int
    tok_end: int
    anchor: int  # the token of the casualty word (its clause is the mention's clause)
    total: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """The roles a casualty phrase plays, each with its categories."""

    roles: tuple[tuple[str, tuple[str, ...]], ...]
    verbal: bool = False  # a verb or a fate verb (set in `words`): takes و ف ل in front, no enclitic

    def get(self, role: str) -> tuple[str, ...]:
        for r, cats in self.roles:  # a plain loop: called for every cue of every sentence
            if r == role:
                return cats
        return ()


@dataclass(frozen=True, slots=True)
class Words:
    numbers: dict[str, int]
    times: dict[str, int]  # مئه 100, الاف 1000: multiply the number before
    approx: tuple[tuple[str, ...], ...]  # longest first
    lists: dict[str, frozenset[str]]  # WORD_KINDS → forms
    cues: PhraseMatcher[Cue]
    nisba: dict[str, str]  # demonym forms without ال → person number "1" | "2" | "N"
    months: frozenset[str]


# --- data ----------------------------------------------------------------------

@cache
def words() -> Words:
    """The words of casualties.tsv, loaded once on first use."""
    numbers: dict[str, int] = {}
    times: dict[str, int] = {}
    approx: set[tuple[str, ...]] = set()
    lists: dict[str, set[str]] = {k: set() for k in WORD_KINDS}
    roles: dict[str, dict[str, tuple[str, ...]]] = {}
    for n, row in enumerate(read_rows("hadath.events", "casualties.tsv", exact=True), 2):
        kind, value, forms = row["kind"], row["value"], _forms(row["forms"])
        if kind in ("number", "times"):
            (numbers if kind == "number" else times).update(dict.fromkeys(forms, int(value)))
        elif kind == "approx":
            approx.update(tuple(f.split()) for f in forms)
        elif kind in WORD_KINDS:
            lists[kind].update(forms)
        elif kind in CUE_ROLES:
            _add_cue(roles, kind, tuple(value.split(",")), forms)
        else:
            raise DataError(f"hadath/events/data/casualties.tsv: data line {n} has unknown kind {kind!r}")
    matcher: PhraseMatcher[Cue] = PhraseMatcher(accept=_clitics_fit)
    for surface, by_role in roles.items():
        matcher.add(surface, Cue(tuple(by_role.items()), "verb" in by_role or "fate" in by_role))
    return Words(numbers, times, tuple(sorted(approx, key=len, reverse=True)),
                 {k: frozenset(v) for k, v in lists.items()}, matcher, _nisba_forms(), _month_words())


def _forms(cell: str) -> list[str]:
    return [normalize(f.strip()) for f in cell.split("|") if f.strip()]


def _add_cue(roles: dict, kind: str, cats: tuple[str, ...], forms: list[str]) -> None:
    if any(c not in CATEGORIES for c in cats):
        raise DataError(f"hadath/events/data/casualties.tsv: {kind} row has categories {cats}; use {CATEGORIES}")
    for form in forms:
        if kind in ("verb", "fate"):
            past, _, present = form.partition("/")
            surfaces = conjugate(past, present)
        elif kind == "case":
            surfaces = {f"حاله {form}", f"حالات {form}"}
        else:
            surfaces = {form}
        for s in surfaces:
            roles.setdefault(s, {})[kind] = cats


def _clitics_fit(cand: Candidate, cue: Cue) -> bool:
    """Verbs take و ف ل in front and no enclitic; nouns take no س (future)."""
    prefix = cand.prefix.lstrip("وف")
    if cue.verbal:
        return prefix in ("", "ل") and not cand.suffix
    return not prefix.startswith("س")


def _nisba_forms() -> dict[str, str]:
    """Demonyms of countries.tsv as person nouns: فلسطيني 1، فلسطينيان 2، فلسطينيين many;
    not a form that is also a country's name (تركيا is Turkey, not 'a Turk')."""
    # imported here: importing hadath.actors costs about 0.1 s
    from hadath.actors.gazetteer import read_tsv

    out: dict[str, str] = {}
    rows = read_tsv("countries.tsv")
    for row in rows:
        for stem in _forms(row["nisba"]):
            if " " not in stem:
                out |= {stem: "1", stem + "ا": "1", stem + "ان": "2", stem + "ين": "N", stem + "ون": "N"}
    names = {n for row in rows for n in _forms(row["names_ar"])}
    return {form: n for form, n in out.items() if form not in names}  # تركيا، سوريا: the country


def _month_words() -> frozenset[str]:
    return frozenset(k[0] for k in months() if len(k) == 1)


# --- token helpers ---------------------------------------------------------------

def _stems(tok: Token) -> set[str]:
    """The token and its clitic-stripped forms with no enclitic (والسيارات → سيارات)."""
    return {tok.norm} | {c.stem for c in candidates(tok.norm) if not c.suffix}


def _is(tok: Token, kind: str) -> bool:
    return not _stems(tok).isdisjoint(words().lists[kind])


def _person(tok: Token) -> str | None:
    """'1', '2' or 'N' when the token names people: جندي، جنديين، مواطنان، جنود; an indefinite
    demonym (فلسطيني، فلسطينيين; with ال it is mostly an adjective: الجيش الاسرائيلي)."""
    stems, w = _stems(tok), words()
    for number in ("1", "2", "N"):
        if not stems.isdisjoint(w.lists["person" + number]):
            return number
    if any(s.endswith("ان") and s[:-2] in w.lists["person1"] for s in stems):
        return "2"  # مواطنان: a nominative dual (the ين form is also a plural)
    bare = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and tok.norm[1:] in w.nisba else tok.norm
    return w.nisba.get(bare)


def _object_form(tok: Token, person: str) -> bool:
    """A person noun that can be a verb's object or a late subject: a dual, an
    indefinite plural, or an indefinite accusative singular (اعتقلت الشرطه صحفيا)."""
    norm = tok.norm.lstrip("وف")
    if norm.startswith("ال"):
        return False
    return person in ("2", "N") or norm.endswith("ا")


def _gap(tokens: Sequence[Token], i: int, text: str, offset: int) -> str:
    """The characters between token i-1 and token i (after the last token: the rest)."""
    if i >= len(tokens):
        return text[tokens[-1].end - offset :] if tokens else ""
    return text[tokens[i - 1].end - offset : tokens[i].start - offset] if i > 0 else ""


def _breaks(tokens: Sequence[Token], text: str, offset: int) -> list[int]:
    """Clause number of every token (punctuation and clause openers)."""
    return clause_ids(tokens, text, offset)


# --- numbers -----------------------------------------------------------------------

def find_quantities(tokens: Sequence[Token], text: str, offset: int = 0) -> dict[int, Quantity]:
    """Number expressions that can count people, by their first token (و4 included)."""
    out, i = {}, 0
    while i < len(tokens):
        q = quantity_at(tokens, i, text, offset)
        if q is not None:
            out[i] = q
            i = q.tok_end
        else:
            i += 1
    return out


def quantity_at(tokens: Sequence[Token], i: int, text: str, offset: int = 0) -> Quantity | None:
    """The count that starts at token i (an approximation first), or None. A number
    joined by و (و4، وخمسه) is read as a number: coordination is the caller's business."""
    j = i + _approx_len(tokens, i)
    read = _number(tokens, j, text, offset, conj=j == i)
    if read is None:
        return None
    value, end = read
    if value is not None and not _counts_people(tokens, i, end, value):
        return None
    return Quantity(i, end, value)


def _approx_len(tokens: Sequence[Token], i: int) -> int:
    for parts in _approx_by_first().get(tokens[i].norm, ()):
        if i + len(parts) < len(tokens) and tuple(t.norm for t in tokens[i : i + len(parts)]) == parts:
            return len(parts)
    return 0


@cache
def _approx_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The approximation phrases by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for parts in words().approx:
        out.setdefault(parts[0], []).append(parts)
    return {first: tuple(group) for first, group in out.items()}


def _number(tokens: Sequence[Token], j: int, text: str, offset: int, conj: bool) -> tuple[int | None, int] | None:
    if j >= len(tokens):
        return None
    norm = tokens[j].norm
    if conj and norm.startswith("و") and (_DIGITS.fullmatch(norm[1:]) or norm[1:] in words().numbers):
        norm = norm[1:]
    if _DIGITS.fullmatch(norm):
        return _digits(tokens, j, norm, text, offset)
    if norm in words().numbers:
        return _number_words(tokens, j, norm)
    if norm in words().lists["vague"]:
        return None, j + 1
    return None


def _digits(tokens: Sequence[Token], j: int, norm: str, text: str, offset: int) -> tuple[int, int] | None:
    value, k = int(norm), j + 1
    while k < len(tokens) and len(norm) <= 3 and _gap(tokens, k, text, offset) in _THOUSANDS_SEP \
            and _THOUSANDS.fullmatch(tokens[k].norm):
        value, k = value * 1000 + int(tokens[k].norm), k + 1
    if _in_notation(tokens, j, k, text, offset):
        return None
    if k < len(tokens) and words().times.get(tokens[k].norm) == 1000 and value < 1000:
        value, k = value * 1000, k + 1
    return value, k


def _in_notation(tokens: Sequence[Token], j: int, k: int, text: str, offset: int) -> bool:
    """Part of a time, date, decimal, range or percentage (10:30، 5/3، 3.5، 2-3، 40%)."""
    before = j > 0 and _NOTATION.search(_gap(tokens, j, text, offset)) and tokens[j - 1].norm[-1:].isdigit()
    after = _gap(tokens, k, text, offset)
    digit_next = k < len(tokens) and tokens[k].norm[:1].isdigit()
    return bool(before or (_NOTATION.search(after) and digit_next) or _PERCENT.match(after))


def _number_words(tokens: Sequence[Token], j: int, norm: str) -> tuple[int, int]:
    """خمسه وعشرين، ثلاثه عشر، ثلاث مئه، ثلاثه الاف، الف ومئتين."""
    w, total, k = words(), 0, j
    while norm in w.numbers:
        base, k = w.numbers[norm], k + 1
        nxt = tokens[k].norm if k < len(tokens) else ""
        if base < 10 and nxt in w.lists["teen"]:
            base, k = base + 10, k + 1
        elif base < 10 and w.times.get(nxt) == 100:
            base, k = base * 100, k + 1
        nxt = tokens[k].norm if k < len(tokens) else ""
        if base < 1000 and w.times.get(nxt) == 1000:
            base, k = base * 1000, k + 1
        total += base
        nxt = tokens[k].norm if k < len(tokens) else ""
        norm = nxt[1:] if nxt.startswith("و") and nxt[1:] in w.numbers else ""
    return total, k


def _counts_people(tokens: Sequence[Token], i: int, end: int, value: int) -> bool:
    """Not a year, an age, a time, a date, nor a count of things."""
    after = tokens[end] if end < len(tokens) else None
    if after is not None and (_is(after, "unit") or after.norm in words().months):
        return False
    if i > 0 and _is(tokens[i - 1], "not-before"):
        return False
    return value not in YEARS or (after is not None and _people_word(after))


def _people_word(tok: Token) -> bool:
    """The token names the people counted: a person noun, من (14 من العناصر), or a casualty noun."""
    return _person(tok) is not None or _is(tok, "partitive") or words().cues.match_at([tok], 0) is not None


# --- mentions ----------------------------------------------------------------------

@dataclass(slots=True)
class _Scan:
    """The working state of `find_mentions` over one sentence."""

    tokens: Sequence[Token]
    text: str
    offset: int
    quantities: dict[int, Quantity]
    clause: list[int]
    cue_starts: frozenset[int]
    used: set[int]  # first tokens of quantities already taken
    mentions: list[Mention]

    def free(self, k: int) -> Quantity | None:
        q = self.quantities.get(k)
        return q if q is not None and k not in self.used else None

    def take(self, q: Quantity) -> Quantity:
        self.used.add(q.tok_start)
        return q

    def same_clause(self, a: int, b: int) -> bool:
        return 0 <= a < len(self.tokens) and 0 <= b < len(self.tokens) and self.clause[a] == self.clause[b]


def find_mentions(tokens: Sequence[Token], text: str, offset: int = 0) -> list[Mention]:
    """Casualty mentions of one sentence. `text` is the sentence, `offset` its start
    in the article (token offsets point into the article)."""
    cues = words().cues.find_all(tokens)
    if not cues:
        return []
    scan = _Scan(tokens, text, offset, find_quantities(tokens, text, offset), _breaks(tokens, text, offset),
                 frozenset(m.tok_start for m in cues), set(), [])
    for m in cues:  # counts before their noun first: 20 جريحا is not the coordinated count of مقتل 5
        _count_noun(scan, m)
    for m in cues:
        if not any(x.anchor == m.tok_start for x in scan.mentions):
            _count_after(scan, m)
    return [x for x in scan.mentions if _plausible(scan, x)]


def _count_noun(scan: _Scan, m: PhraseMatch[Cue]) -> None:
    """7 قتلي، 20 جريحا، 70 حاله اختناق; قتيل alone 1, قتيلين 2; لم يسفر عن اصابات 0."""
    cue = m.payload
    # 5 واصابه: not its count; احد المصابين: one of the wounded, not a count
    bare = m.first.prefix[:1] not in ("و", "ف") and "ال" not in m.first.prefix
    q = _quantity_ending(scan, m.tok_start) if bare else None
    cats = cue.get("count") or cue.get("case")
    if cats and q is not None:
        scan.take(q)
        shared = m.tok_end in scan.cue_starts and scan.tokens[m.tok_end].norm.startswith("و")  # 200 قتيل وجريح
        if not _after_subset(scan, q.tok_start):
            scan.mentions.append(Mention(cats[0], None if shared else q.value, q.tok_start, m.tok_end, m.tok_start,
                                         total=_after_total_word(scan, q.tok_start)))
    elif cue.get("none") and _negated(scan, m.tok_start) and not _number_before(scan, m.tok_start):
        scan.mentions.extend(Mention(c, 0, m.tok_start, m.tok_end, m.tok_start) for c in cue.get("none"))
    elif "ال" not in m.first.prefix and not _number_before(scan, m.tok_start) and not _between(scan, m.tok_start) \
            and not _shares_count(scan, m):
        for role, count in (("dual", 2), ("single", 1)):
            if cue.get(role):
                scan.mentions.append(Mention(cue.get(role)[0], count, m.tok_start, m.tok_end, m.tok_start))
                return


def _shares_count(scan: _Scan, m: PhraseMatch[Cue]) -> bool:
    """وجريح in 300 قتيل وجريح: the number before قتيل counts both."""
    return m.first.prefix.startswith("و") and any(x.anchor == m.tok_start - 1 and x.count is None
                                                  for x in scan.mentions)


def _quantity_ending(scan: _Scan, k: int) -> Quantity | None:
    return next((q for s, q in scan.quantities.items() if q.tok_end == k and s not in scan.used), None)


def _number_before(scan: _Scan, k: int) -> bool:
    """A number or a quantity word just before (one that did not count people: 2014 قتيلا)."""
    if k == 0:
        return False
    prev = scan.tokens[k - 1]
    return prev.norm[-1:].isdigit() or prev.norm in words().numbers or _is(prev, "vague")


def _between(scan: _Scan, k: int) -> bool:
    """سقط العشرات بين قتيل وجريح: 'between dead and wounded' counts nobody."""
    return any(t.norm == "بين" for t in scan.tokens[max(0, k - 3) : k])


def _after_total_word(scan: _Scan, k: int) -> bool:
    """ارتفعت الحصيله الي 30 قتيلا: a running total."""
    return any(_is(scan.tokens[j], "total-word") and scan.same_clause(j, k) for j in range(max(0, k - 4), k))


def _after_subset(scan: _Scan, k: int) -> bool:
    """بينهم 3 اطفال: part of a group already counted."""
    return k > 0 and _is(scan.tokens[k - 1], "subset")


def _negated(scan: _Scan, k: int) -> bool:
    """A negator shortly before, with no punctuation between (دون وقوع اصابات)."""
    for j in range(k - 1, max(-1, k - 1 - NEGATION_WINDOW), -1):
        if _PUNCT.search(_gap(scan.tokens, j + 1, scan.text, scan.offset)):
            return False
        if _is(scan.tokens[j], "negator"):
            return True
    return False


def _count_after(scan: _Scan, m: PhraseMatch[Cue]) -> None:
    cue = m.payload
    if cue.get("zero"):
        scan.mentions.extend(Mention(c, 0, m.tok_start, m.tok_end, m.tok_start) for c in cue.get("zero"))
    elif cue.get("total"):
        _total(scan, m, cue.get("total")[0])
    elif cue.get("fate"):
        _fate(scan, m)
    elif cue.get("verb") or cue.get("noun"):
        _after_word(scan, m, (cue.get("verb") or cue.get("noun"))[0], verb=bool(cue.get("verb")))


def _total(scan: _Scan, m: PhraseMatch[Cue], cat: str) -> None:
    """ارتفع عدد القتلي الي 30 (قتيلا): the number replaces the sum of its category."""
    for k in range(m.tok_end, min(len(scan.tokens), m.tok_end + TOTAL_WINDOW)):
        if not scan.same_clause(m.tok_start, k):
            return
        q = scan.quantities.get(k)
        if q is not None and q.value is not None:
            scan.used.add(k)
            scan.mentions[:] = [x for x in scan.mentions if x.tok_start != k]
            scan.mentions.append(Mention(cat, q.value, m.tok_start, q.tok_end, m.tok_start, total=True))
            return


def _fate(scan: _Scan, m: PhraseMatch[Cue]) -> None:
    """لقي 5 اشخاص حتفهم، لقي جندي مصرعه، لقي حتفه، 30 عنصرا لقوا حتفهم."""
    end = next((k for k in range(m.tok_end, min(len(scan.tokens), m.tok_end + FATE_WINDOW))
                if _fate_end(scan.tokens[k]) is not None), None)
    if end is None:
        return
    found = _count_in(scan, m.tok_end, end, verb=True) or _count_before(scan, m)
    count = found[0] if found else ENCLITIC_COUNT.get(_fate_end(scan.tokens[end]))
    scan.mentions.append(Mention("killed", count, m.tok_start, end + 1, m.tok_start))


def _fate_end(tok: Token) -> str | None:
    """The enclitic of حتفه / مصرعهم ('' when none), or None for another word."""
    ends = words().lists["fate-end"]
    return next((c.suffix for c in candidates(tok.norm) if c.stem in ends and not c.prefix), None)


def _after_word(scan: _Scan, m: PhraseMatch[Cue], cat: str, verb: bool) -> None:
    """The count after a verbal noun (مقتل 5، بمقتله) or a verb (اعتقلت الشرطه 40 متظاهرا)."""
    if _joined_to_cue(scan, m):
        return  # مقتل واصابه 10: one number for two categories
    if m.first.suffix in ENCLITIC_COUNT and m.tok_end - m.tok_start == 1 and not verb:
        if cat == "injured" and m.tok_start > 0 and _is(scan.tokens[m.tok_start - 1], "cause"):
            return  # استشهد الشاب اثر اصابته: the wound that killed him, not another casualty
        scan.mentions.append(Mention(cat, ENCLITIC_COUNT[m.first.suffix], m.tok_start, m.tok_end, m.tok_start))
        return
    found = _count_in(scan, m.tok_end, m.tok_end + (VERB_WINDOW if verb else 1), verb) \
        or (_count_before(scan, m) if verb else None)
    if found is not None:
        count, end = _coordinated(scan, *found)
        scan.mentions.append(Mention(cat, count, m.tok_start, end, m.tok_start))


def _joined_to_cue(scan: _Scan, m: PhraseMatch[Cue]) -> bool:
    """مقتل واصابه 10 / مقتل واصابه: two casualty words sharing one count."""
    nxt = m.tok_end
    joined_next = nxt in scan.cue_starts and scan.tokens[nxt].norm.startswith("و")
    joined_prev = m.first.prefix.startswith("و") and m.tok_start - 1 in scan.cue_starts
    return joined_next or joined_prev


def _count_in(scan: _Scan, start: int, limit: int, verb: bool) -> tuple[int | None, int] | None:
    """The first count or person noun in tokens [start, limit) of the clause of `start`.
    Beyond the first word (a verb's subject may stand between: اعتقلت الشرطه 40
    متظاهرا) a number needs the people counted after it, and a lone person noun
    must look like an object (صحفيا، جنديين); an indefinite plural ends the search
    with the count unknown (قتل بالرصاص شرطيين: two or many, the written form is one).
    A definite person right after a verb is its subject when an object follows
    (احتجز الجنود مزارعا، قتل المسلح 3 اشخاص), else its victim (قتل الجندي)."""
    subject = None
    for k in range(start, min(limit, len(scan.tokens))):
        if k > start and (k in scan.cue_starts or not scan.same_clause(start, k)):
            break
        q = scan.free(k)
        if q is not None and (k == start or _people_after(scan, q)) and not (subject and q.value is None):
            scan.take(q)
            return None if _after_subset(scan, k) else (q.value, q.tok_end)
        tok, person = scan.tokens[k], _person(scan.tokens[k])
        if person is None:
            continue
        if _agent(scan, k):
            return None
        if k == start and verb and tok.norm.lstrip("وف").startswith("ال"):
            subject = (k, person)
        elif k == start or (_object_form(tok, person) and (subject is None or tok.norm.endswith("ا"))):
            return _person_count(scan, k, person, verb)
    return _person_count(scan, *subject, verb) if subject else None


def _agent(scan: _Scan, k: int) -> bool:
    """احتجاز مسلح لرهائن: the person is the doer, those after ل are the victims."""
    nxt = scan.tokens[k + 1] if k + 1 < len(scan.tokens) else None
    return nxt is not None and nxt.norm.startswith("ل") and _person(nxt) is not None


def _people_after(scan: _Scan, q: Quantity) -> bool:
    return q.tok_end < len(scan.tokens) and _people_word(scan.tokens[q.tok_end])


def _person_count(scan: _Scan, k: int, person: str, verb: bool) -> tuple[int | None, int]:
    """جندي 1، جنديين 2، جنود unknown; جنود اثنان 2; قتل المسلح 3 اشخاص takes the 3."""
    nxt = scan.free(k + 1)
    if verb and nxt is not None and nxt.value is not None and _people_after(scan, nxt):
        scan.take(nxt)
        return nxt.value, nxt.tok_end
    if nxt is not None and nxt.value in (1, 2) and nxt.tok_end == k + 2:  # جنديين اثنين، جندي واحد
        scan.take(nxt)
        return nxt.value, k + 2
    return {"1": 1, "2": 2}.get(person), k + 1


def _count_before(scan: _Scan, m: PhraseMatch[Cue]) -> tuple[int, int] | None:
    """30 عنصرا من الميليشيا قتلوا: a plural verb with its count before it."""
    if not scan.tokens[m.tok_start].norm.endswith("وا"):
        return None
    for k in range(m.tok_start - 1, max(-1, m.tok_start - 1 - BACK_WINDOW), -1):
        if not scan.same_clause(k, m.tok_start):
            return None
        q = next((q for q in scan.quantities.values() if q.tok_start <= k < q.tok_end), None)
        if q is not None and q.tok_start not in scan.used and q.value is not None and _people_after(scan, q) \
                and not _after_subset(scan, q.tok_start):
            scan.take(q)
            return q.value, m.tok_end
    return None


def _coordinated(scan: _Scan, count: int | None, end: int) -> tuple[int | None, int]:
    """مقتل 3 جنود و4 مدنيين: 7. Stops at another casualty word, بينهم, or a clause break."""
    k = end
    while count is not None and k < min(len(scan.tokens), end + COORDINATION_WINDOW):
        if k in scan.cue_starts or _is(scan.tokens[k], "subset") or not scan.same_clause(end - 1, k):
            break
        q = scan.free(k) if scan.tokens[k].norm.startswith("و") else None
        if q is not None and q.value is not None and q.tok_end not in scan.cue_starts:
            scan.take(q)
            count, end, k = count + q.value, q.tok_end, q.tok_end
            continue
        k += 1
    return count, end


def _released(scan: _Scan, k: int) -> bool:
    return any(_is(t, "release") for t in scan.tokens[max(0, k - RELEASE_WINDOW) : k])


def _plausible(scan: _Scan, x: Mention) -> bool:
    """Drops attempts (محاوله قتل), arrest counts of a release, and deaths or injuries
    in a clause about an illness."""
    if x.anchor > 0 and _is(scan.tokens[x.anchor - 1], "attempt"):
        return False
    if x.category == "arrested":
        return not _released(scan, min(x.tok_start, x.anchor))
    clause = scan.clause[x.anchor]
    return not any(_is(t, "disease") for t in scan.tokens if scan.clause[t.index] == clause)


# --- one event -------------------------------------------------------------------

def event_casualties(event_type: str, tokens: Sequence[Token], text: str, offset: int, trig_start: int,
                     clause: list[int] | None = None, triggers: Sequence[PhraseMatch] | None = None,
                     mentions: list[Mention] | None = None) -> dict[str, int]:
    """Counts of killed / injured / arrested for the event whose trigger starts at token
    `trig_start` of this sentence; {} for other event types or when nothing is said.

    `text` is the sentence and `offset` its start in the article; `clause` the coder's
    clause numbering (hadath.events.clauses); `triggers` the trigger matches of the
    sentence (found here when not given, and only if needed); `mentions` the
    sentence's `find_mentions` (found here when not given)."""
    if event_type not in CASUALTY_TYPES:
        return {}
    if mentions is None:
        mentions = find_mentions(tokens, text, offset)
    if not mentions:
        return {}
    clause = clause if clause is not None else _breaks(tokens, text, offset)
    chosen: list[Mention] = []
    for cat in CATEGORIES:
        of_cat = [x for x in mentions if x.category == cat]
        if of_cat:
            chosen += _of_clause(of_cat, mentions, clause, trig_start, event_type, tokens, triggers)
    return counts(chosen)


def _of_clause(mentions: list[Mention], all_mentions: list[Mention], clause: list[int], trig_start: int,
               event_type: str, tokens, triggers) -> list[Mention]:
    """Mentions in the trigger's clause, else in the nearest clause (the following one
    on a tie) among those that no trigger of the other casualty type claims and that
    no other ASSAULT or COERCE trigger separates from this one."""
    own = clause[trig_start]
    here = [x for x in mentions if clause[x.anchor] == own]
    if here:
        return here
    triggers = trigger_matcher().find_all(tokens) if triggers is None else triggers
    claimed = {clause[t.tok_start] for t in triggers if t.payload.event_type in CASUALTY_TYPES - {event_type}}
    heads = _incident_heads(triggers, all_mentions, clause)
    own_head = heads.get(trig_start, trig_start)
    others = sorted({h for h in heads.values() if h != own_head})
    reachable = [x for x in mentions if clause[x.anchor] not in claimed and not _separated(x, trig_start, others)]
    if not reachable:
        return []
    best = min({clause[x.anchor] for x in reachable}, key=lambda c: (abs(c - own), c < own))
    return [x for x in reachable if clause[x.anchor] == best]


def _span(x: Mention) -> tuple[int, int]:
    return min(x.tok_start, x.anchor), max(x.tok_end, x.anchor + 1)


def _inside(t: PhraseMatch, mentions: list[Mention]) -> bool:
    """A trigger that is itself a casualty word (مقتل، قتلي) is no separate incident."""
    return any(_span(x)[0] <= t.tok_start < _span(x)[1] for x in mentions)


def _incident_heads(triggers: Sequence[PhraseMatch], mentions: list[Mention], clause: list[int]) -> dict[int, int]:
    """First token of every ASSAULT / COERCE trigger → first token of its incident: a
    trigger soon after another in its clause is the same incident (غاره ... علي قصف
    استهدف), as the coder's complements are; casualty words (مقتل، قتلي) are none."""
    heads: dict[int, int] = {}
    prev = None
    for t in sorted(triggers, key=lambda t: t.tok_start):
        if t.payload.event_type not in CASUALTY_TYPES or _inside(t, mentions):
            continue
        joined = prev is not None and clause[t.tok_start] == clause[prev.tok_end - 1] \
            and t.tok_start - prev.tok_end <= COMPLEMENT_GAP
        heads[t.tok_start] = heads[prev.tok_start] if joined else t.tok_start
        prev = t
    return heads


def _separated(x: Mention, trig_start: int, other_heads: list[int]) -> bool:
    """Another incident stands between the event's trigger and the mention (غاره علي
    الوادي، ردا علي قصف ... دون ان يوقع ضحايا: the zero is the shelling's)."""
    start, end = _span(x)
    low, high = (trig_start, start) if trig_start < start else (end, trig_start)
    return any(low < h < high for h in other_heads)


def counts(mentions: list[Mention]) -> dict[str, int]:
    """Counts of a category add up; a running total replaces them; unknown ones are left out."""
    out = {}
    for cat in CATEGORIES:
        known = [x for x in mentions if x.category == cat and x.count is not None]
        totals = [x.count for x in known if x.total]
        if known:
            out[cat] = max(totals) if totals else sum(x.count for x in known)
    return out
