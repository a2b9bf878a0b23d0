"""Negation, modality and background of a trigger, from cue words around it.

Cues live in `events/data/cues.tsv`. The result is one of:
    asserted      the sentence reports the event as happening (coded);
    negated       it did not happen (لم يلتق، عدم الانسحاب) or is denied (نفى…);
    future        announced for later (سيزور، سوف، من المقرر، الأسبوع المقبل);
    intent        wanted or possible (يعتزم، ينوي، قد before an imperfect: قد يقصف;
                  before a perfect قد asserts: وقد قصف، فقد أعلن);
    conditional   إذا، لو، في حال;
    question      هل … or a sentence ending in ؟;
    background    history recalled (كان قد، كان + its subject + قد + a perfect: وكانت الشرطة قد اعتقلت، العام الماضي، في الثمانينات، or a year two or more years before
                  the article's publication next to the trigger, or one named as a
                  year, عام 2006، before publication or when the date is unknown; a year
                  before 1950 only after في/عام/سنة, so that a count such as 1200 is no
                  year), or a noun that
                  names the event as a time, cause or topic (بعد الهجوم، جريمة اغتيال),
                  or a verb's bare form right after a preposition: there it is the
                  verbal noun, a topic (متورط في خطف، على قتل) — cue class 'preposition' —
                  unless a verb of undertaking governs it (أقدم على، نجح في: cue class
                  'undertake'); or a noun or a verb's bare form joined by و to a noun of
                  a crime (قتل واغتصاب، عمليات تفجير وخطف): a list of acts, a charge
                  or a topic (cue class 'crime'), again unless a verb of undertaking
                  governs it (أقدم على قصف وتدمير); or a noun or a verb's bare form
                  after a charge in its clause (بتهمة قتل، متهمون بتفجير، بضلوعه في اغتيال —
                  cue class 'charge'): the news is the trial or the arrest; a noun in a
                  sentence's opening time clause (وبعد طرد المقاتلين في عملية عسكرية، هدد …);
                  and a noun followed by سابق 'former, earlier' (اتفاقات سابقة);
    purpose       a verb with the lam of purpose or command (لقتل، ليهاجم، لنتظاهر),
                  or a verbal noun with it (لاعتقال مهربين، لمطالبته بسحب) unless a verb
                  of undergoing or causing stands just before (تعرض لهجوم، أدى لمقتل):
                  an aim, not a report;
    generic       a verb of violence in the imperfect (إسرائيل تقتل المدنيين، يستهدفون):
                  what someone does habitually or in general; news reports an
                  attack in the perfect (قتل، استهدفت) or with a verbal noun.
Only `asserted` events count as events that happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from hadath.errors import DataError
from hadath.events.lexicon import expand_phrase
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatcher
from hadath.lang.ar.tokens import Token

CLAUSE_NEGATION = 8
CLASSES = ("none", "negation", "denial", "future", "future-time", "intent", "may", "conditional", "question",
           "background", "purpose", "generic", "preposition", "undertake", "crime", "charge", "past-time", "mishap")
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_OLD_YEAR = re.compile(r"^1[0-9]\d\d$")  # a year of history: only after a year word (في 1783), not a count
YEAR_WORDS = frozenset(normalize(w) for w in ("في", "عام", "العام", "سنة", "السنة"))
_PRECEDENCE = ("negation", "denial", "question", "conditional", "background", "future", "intent", "purpose", "generic")
GENERIC_IMPERFECT_TYPES = frozenset({"ASSAULT"})


@dataclass(frozen=True, slots=True)
class Cue:
    cls: str
    window: int


@cache
def cue_matcher() -> PhraseMatcher[Cue]:
    text = files("hadath.events").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    matcher: PhraseMatcher[Cue] = PhraseMatcher()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[1] not in CLASSES or not parts[2].isdigit():
            raise DataError(f"events/data/cues.tsv line {n}: expected 'cue<TAB>class<TAB>window'")
        for surface in expand_phrase(parts[0]):  # a first word past|present is a verb, conjugated
            matcher.add(surface, Cue(parts[1], int(parts[2])))
    return matcher


def sentence_cues(tokens: Sequence[Token]) -> list[tuple[int, int, Cue]]:
    """All cue matches of a sentence as (tok_start, tok_end, cue)."""
    return [(m.tok_start, m.tok_end, m.payload) for m in cue_matcher().find_all(tokens)]


def classify(
    tokens: Sequence[Token],
    cues: list[tuple[int, int, Cue]],
    trig_start: int,
    trig_end: int,
    *,
    prefix: str = "",
    sentence_text: str = "",
    published_year: int | None = None,
    clause: list[int] | None = None,
    verb: bool = False,
    present: bool = False,
    event_type: str = "",
    bare: bool = False,
) -> str:
    """Modality of the trigger at tokens [trig_start, trig_end).

    A negation cue also reaches a trigger further on in the same clause (لن
    تشارك فرنسا في المناورات), up to CLAUSE_NEGATION tokens away; it never reaches
    past the end of its clause (لن تتراجع، متهما واشنطن: the participle is asserted).

    `verb`: the trigger is a verb (a ل before it is the lam of purpose); `present`: an
    imperfect verb (generic for the GENERIC_IMPERFECT_TYPES); `event_type`: the
    trigger's type; `bare`: a verb matched in its bare 3ms perfect (خطف), which is
    also the spelling of its verbal noun."""
    found = {c.cls for s, e, c in cues if _applies(c, s, e, trig_start, trig_end)
             and not (c.cls == "negation" and clause is not None and clause[e - 1] != clause[trig_start])}
    if "may" in found:  # قد يقتل 'may kill'; قد قتل، وقد أعلن 'has killed' is a report
        found.add("intent" if present else "none")
        if not present and _split_pluperfect(tokens, cues, clause, trig_start, trig_end):
            found.add("background")  # وكانت محكمة تركية قد أفرجت: كان … قد + perfect, as كان قد
    if "preposition" in found and bare and "undertake" not in found:
        found.add("background")
    if (bare or not verb) and any(c.cls == "charge" and _applies(c, s, e, trig_start, trig_end)
                                  and (clause is None or clause[s] == clause[trig_start]) for s, e, c in cues):
        found.add("background")
    if (bare or not verb) and trig_end - trig_start == 1 and "undertake" not in found and _listed(tokens, cues, trig_start, trig_end, prefix):
        found.add("background")
    if clause is not None and any(c.cls == "negation" and e <= trig_start and trig_start - e < CLAUSE_NEGATION
                                  and clause[s] == clause[trig_start] for s, e, c in cues):
        found.add("negation")
    if "future-time" in found:
        found.add("future")
    if "past-time" in found:
        found.add("background")
    if "س" in prefix:
        found.add("future")
    if verb and "ل" in prefix:
        found.add("purpose")
    if not verb and prefix.lstrip("وف")[:1] == "ل" and not _undergone(tokens, trig_start):
        found.add("purpose")
    if present and event_type in GENERIC_IMPERFECT_TYPES:
        found.add("generic")
    if sentence_text.rstrip().endswith(("؟", "?")):
        found.add("question")
    if _old_year_near(tokens, trig_start, trig_end, published_year):
        found.add("background")
    if not verb and clause is not None and _in_time_clause(tokens, clause, trig_start):
        found.add("background")
    if not verb and trig_end < len(tokens) and tokens[trig_end].norm in FORMER:
        found.add("background")  # اتفاقات سابقة، هجمات سابقة: earlier ones, recalled
    for cls in _PRECEDENCE:
        if cls in found:
            return "negated" if cls in ("negation", "denial") else cls
    return "asserted"


UNDERGO = frozenset(normalize(w) for w in (
    "تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "أدى", "أدت", "يؤدي", "تؤدي", "سبب", "تسبب", "عرضة",
    "ردا", "رد", "تصدى", "تصدت", "تصدوا", "استعدادا", "دعا", "دعت", "دعوا", "يدعو", "تدعو", "الدعوة", "دعوة",
))


def _undergone(tokens: Sequence[Token], ts: int) -> bool:
    """تعرض لهجوم، أدى لمقتل، ردا لاعتقال، دعا للإفراج: the ل noun is the act itself."""
    return any(t.norm.lstrip("وف") in UNDERGO for t in tokens[max(0, ts - 5) : ts])


KANA = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا", "كانا", "كانتا"))
PLUPERFECT_SPAN = 8
RECENT_DAYS = frozenset(normalize(w) for w in (
    "أمس", "الأمس", "البارحة", "الليلة", "اليوم", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة"))


def _split_pluperfect(tokens: Sequence[Token], cues, clause: list[int] | None, ts: int, te: int) -> bool:
    """قد before the perfect with a form of كان earlier in its clause, the subject between
    (وكان الرئيس الأمريكي قد انتقد، وكانت قوات الدفاع الجوي قد أسقطت): the pluperfect,
    history recalled like the cue كان قد, which only matches the two words side by side.
    Not when a day of this week dates it in the clause (وكان متظاهرون قد خرجوا السبت،
    وكان انتحاريان قد فجرا نفسيهما أمس): news of the last days told in the pluperfect."""
    for s, e, c in cues:
        if c.cls != "may" or not _applies(c, s, e, ts, te):
            continue
        for k in range(max(0, s - PLUPERFECT_SPAN), s):
            if tokens[k].norm.lstrip("وف") in KANA and (clause is None or clause[k] == clause[s]):
                same = [t for j, t in enumerate(tokens) if clause is None or clause[j] == clause[s]]
                return not any(t.norm.lstrip("وب") in RECENT_DAYS for t in same)
    return False


FORMER = frozenset(normalize(w) for w in ("سابق", "سابقة", "سابقين", "سابقتين"))
TIME_OPENERS = frozenset(normalize(w) for w in ("بعد", "عقب", "إثر", "منذ", "قبل"))


def _in_time_clause(tokens: Sequence[Token], clause: list[int], ts: int) -> bool:
    """A noun in a sentence's opening time clause (وبعد طرد المقاتلين من عفرين في عملية
    عسكرية، هدد …): the event it names is the time of the report, not the report."""
    return bool(tokens) and tokens[0].norm.lstrip("و") in TIME_OPENERS and clause[ts] == clause[0]


def _applies(cue: Cue, s: int, e: int, ts: int, te: int) -> bool:
    if cue.window == 0:
        return True
    if cue.cls in ("future-time", "past-time"):
        return ts - cue.window <= s and e <= te + cue.window
    return e <= ts and ts - e < cue.window


def mishap_near(cues: list[tuple[int, int, Cue]], ts: int, te: int) -> bool:
    """A cue of an accident, a disaster or a disease within its window on either side
    of the trigger (قتل في حادث سير، قتلى الزلزال): deaths that no one inflicted."""
    return any(c.cls == "mishap" and ts - c.window <= s and e <= te + c.window for s, e, c in cues)


def _listed(tokens: Sequence[Token], cues, ts: int, te: int, prefix: str) -> bool:
    """A one-word noun (or a verb's bare form) joined by و to a noun of a crime (قتل واغتصاب،
    تعذيب وقتل): a list of acts named as nouns, a charge or a topic, not a report."""
    for s, e, c in cues:
        if c.cls == "crime" and ((s == te and tokens[s].norm.startswith("و")) or (e == ts and prefix.startswith("و"))):
            return True
    return False


def _old_year_near(tokens: Sequence[Token], ts: int, te: int, year: int | None) -> bool:
    """A year two or more before publication within 4 tokens of the trigger, or one named
    as a year (عام 2006، في سنة 1998) before publication or when the date is unknown:
    an event dated by its year alone is history or a yearly tally, not the news."""
    for k in range(max(0, ts - 4), min(len(tokens), te + 4)):
        if _OLD_YEAR.match(tokens[k].norm) and k and tokens[k - 1].norm.lstrip("و") in YEAR_WORDS:
            return True  # في 1783: history
        if not _YEAR.match(tokens[k].norm):
            continue
        found = int(tokens[k].norm)
        if year and found <= year - 2:
            return True
        if k and tokens[k - 1].norm in _YEAR_WORDS and (not year or found < year):
            return True
    return False


_YEAR_WORDS = frozenset(normalize(w) for w in ("عام", "العام", "لعام", "للعام", "وعام", "سنة", "السنة", "لسنة", "للسنة"))
