"""Source and target of a trigger, from the actor mentions of its sentence.

Rules (the ones that fired are recorded in `Event.rule`):

target
  passive     an ASSAULT/COERCE verb followed by a number (قتل ثلاثة أشخاص،
              اعتقل 20 ناشطا): the people after it are the target; one followed
              by في، خلال، جراء، برصاص… (X قُتل في غارة): the actor before it is the
              target, and no one before it is its source
  prep        an actor after the trigger introduced by one of the entry's (or the
              type's default) prepositions, as a proclitic (لروسيا) or a word up
              to two tokens before it (مع نظيره الروسي، بجهود الحكومة اللبنانية)
  object      transitive verb: the actor right after the subject (اتهم X Y), or
              right after the verb when the subject stands before it or is the
              pronoun of أنّ/إنّ (أكد أنه سيزور دمشق)
  genitive    a noun whose genitive is the patient (مقتل X، اعتقال X، الإفراج عن X، اتهام X بـ),
              also after a count (مقتل اثنين من عناصر الشرطة); with an actor in ل right
              after it, the genitive is the agent and the ل actor the patient (rule
              `target:lam`: اعتقال الشرطة للمتظاهرين، اتهام واشنطن لطهران)
  undergoer   a ل noun after تعرض 'to be subjected to' (تعرض السفير لهجوم، الوزيرة التي
              تعرضت لانتقادات): the subject of تعرض is the target; an actor after
              من is the source (rule `source:agent`), else there is none
  pair        reciprocal act of two coordinated actors (X و Y اجتمعا) or the two
              sides (الجانبان): source = first, target = second; with no actor around
              it, the two named after بين (اشتباكات بين X وY، محادثات بين X وY: rule
              `pair:between`)
source
  vso         verb trigger followed by its subject (أدانت الخارجية الروسية …، also after
              كل من 'both': وقعت كل من مصر والسعودية), not by
              a place after a place noun (قصفت مدينة حلب: the place is the object)
  genitive    noun trigger followed by its agent (زيارة الرئيس …)
  before      the nearest actor before the trigger that is not the object of a
              preposition (SVO order, topics, "قال X إن Y …"); not for a toll noun
              when that actor is the subject of a reporting verb (أعلنت الوزارة
              مقتل X: the ministry reports the dead, it did not kill them); never a
              place named after a place or direction noun (مدينة حمص، شرق حلب)
  clause-subject  a circumstantial participle (… متهما Y، داعيا Y): the first free
              actor of the sentence, the subject it describes (the actor right
              after it is its object)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from hadath.events.lexicon import TriggerEntry, conjugate
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Token
from hadath.records import ActorMention

PREP_WORDS = frozenset(normalize(w) for w in (
    "مع", "على", "ضد", "إلى", "من", "عن", "في", "بين", "لدى", "عند", "تجاه", "حول", "نحو", "أمام", "بحق", "عبر",
    "لصالح", "بشأن", "إزاء",
))
DEFAULT_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("مع", "ل"),
    "CONSULT": ("مع", "الي", "ل"),
    "SUPPORT": ("ل", "ب"),
    "CONCEDE": ("ل",),
    "COOPERATE": ("مع", "ل", "الي"),
    "AID": ("الي", "ل", "علي"),
    "RETREAT": ("من", "عن"),
    "REQUEST": ("من", "ل"),
    "ACCUSE": ("ب", "ضد", "علي"),
    "REJECT": ("ل",),
    "THREATEN": ("ب", "ضد"),
    "PROTEST": ("ضد", "علي", "امام"),
    "SANCTION": ("علي", "ضد"),
    "MOBILIZE": ("ضد", "علي"),
    "COERCE": ("علي", "ضد", "بحق"),
    "ASSAULT": ("علي", "ضد", "في"),
}
PRESS_SECTORS = frozenset({"MED", "JRN"})  # speaking to the press is no consultation
PATIENT_GENITIVE_TYPES = frozenset({"ASSAULT", "COERCE"})
PASSIVE_TYPES = frozenset({"ASSAULT", "COERCE"})
NUMBER_WORDS = frozenset(normalize(w) for w in (
    "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات", "مئات", "آلاف", "ألف", "مئة",
    "مائة", "اثنين", "اثنان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشرين", "ثلاثين",
    "العشرات", "المئات", "الآلاف", "عدد", "عددا", "نحو", "حوالي", "أكثر", "قرابة",
))
_DIGITS = re.compile(r"^\d+$")
MAX_GAP = 8  # tokens between trigger and a preposition-introduced target


@dataclass(slots=True)
class Assignment:
    source: list[ActorMention]
    target: list[ActorMention]
    rule: str


def _stripped_prefix(tokens: Sequence[Token], m: ActorMention) -> str:
    tok = tokens[m.tok_start]
    return normalize(tok.text[: max(0, m.start - tok.start)]).lstrip("وف")


def governing_prep(tokens: Sequence[Token], m: ActorMention, floor: int = 0) -> str:
    """The preposition governing a mention: its proclitic (لـ بـ), a preposition
    word right before it, or one two tokens before it with a head noun between
    (مع نظيره الروسي، بجهود الحكومة). `floor`: do not look before this token."""
    clitic = _stripped_prefix(tokens, m)
    if clitic.startswith(("ل", "ب", "ك")):
        return clitic[0]
    for back in (1, 2):
        j = m.tok_start - back
        if j < floor:
            break
        word = tokens[j].norm
        if word.startswith("و") and word[1:] in PREP_WORDS:
            word = word[1:]
        if word in PREP_WORDS and not _both_of(tokens, j):
            return word
        if back == 2 and word[:1] in ("ب", "ل") and len(word) > 3:
            return word[0]
    return ""


def _both_of(tokens: Sequence[Token], j: int) -> bool:
    """كل من at tokens j-1, j ('both', 'each of': تعهدت كل من سوريا وروسيا): من there
    is no preposition, and the actors after it are the verb's subject."""
    return 0 < j < len(tokens) and tokens[j].norm == "من" and tokens[j - 1].norm.lstrip("و") == "كل"


def coordinated(tokens: Sequence[Token], mentions: list[ActorMention], i: int) -> list[int]:
    """Indices of mentions coordinated with mentions[i] by و (X و Y، X وY)."""
    group = [i]
    j = i
    while j + 1 < len(mentions):
        nxt = mentions[j + 1]
        if nxt.tok_start == mentions[j].tok_start and nxt.rule == "two-sides":
            group.append(j + 1)
        elif nxt.tok_start == mentions[j].tok_end and tokens[nxt.tok_start].norm.startswith("و") \
                and nxt.start > tokens[nxt.tok_start].start:
            group.append(j + 1)
        else:
            break
        j += 1
    return group


def assign(tokens: Sequence[Token], mentions: list[ActorMention], trig_start: int, trig_end: int,
           entry: TriggerEntry, clause: list[int] | None = None,
           self_reference: list[ActorMention] | None = None) -> Assignment:
    """Source and target of the trigger at tokens [trig_start, trig_end).

    `self_reference`: the actor that بلاده/بلادها in this clause refers to."""
    if entry.kind == "phrase" and entry.patient and not entry.verb:
        entry = replace(entry, kind="noun")  # a noun phrase whose genitive is the patient (إطلاق سراح X)
    preps = set(entry.target_preps) | set(DEFAULT_TARGET_PREPS.get(entry.event_type, ()))
    here = clause[min(trig_start, len(clause) - 1)] if clause else 0
    same = (lambda k: True) if clause is None else (lambda k: clause[mentions[k].tok_start] == here)
    after = [k for k, m in enumerate(mentions) if m.tok_start >= trig_end]
    before = [k for k, m in enumerate(mentions) if m.tok_end <= trig_start]
    free_before = [k for k in before if same(k) and not governing_prep(tokens, mentions[k])]
    rules: list[str] = []
    source_idx = target_idx = None
    patient_noun = entry.kind == "noun" and (entry.patient or entry.event_type in PATIENT_GENITIVE_TYPES)

    first = after[0] if after else None
    first_free = first is not None and (mentions[first].tok_start - trig_end <= 1 or _both_of(tokens, trig_end + 1)) \
        and not _locative(tokens, mentions[first]) \
        and not governing_prep(tokens, mentions[first], trig_end) \
        and not (mentions[first].tok_start > trig_end and _head_prep(tokens[trig_end]))
    if entry.kind == "participle":
        return _circumstantial(tokens, mentions, before, after, first if first_free else None, trig_end, entry, preps)
    undergoer = _undergoer(tokens, mentions, trig_start, before)
    if undergoer is not None:
        agent = _prep_target(tokens, mentions, after, trig_end, ("من",))
        source = _group(tokens, mentions, agent)
        return Assignment(source, [mentions[undergoer]], "target:undergoer" + (",source:agent" if source else ""))
    subject_next = bool(free_before) and trig_start - mentions[free_before[-1]].tok_end <= 1
    if entry.kind != "noun" and entry.event_type in PASSIVE_TYPES and trig_end < len(tokens) \
            and _is_number(tokens[trig_end]) and first is not None and mentions[first].tok_start - trig_end <= 2 \
            and not subject_next:
        target_idx = first
        rules.append("target:passive")
    elif entry.kind == "verb" and entry.transitive and entry.event_type in PASSIVE_TYPES \
            and free_before and _passive_by_prep(tokens, trig_end):
        target_idx = _group_head(tokens, mentions, free_before[-1])
        rules.append("target:passive")
    elif subject_next and entry.kind != "noun":
        source_idx = _group_head(tokens, mentions, free_before[-1])
        rules.append("source:svo")
        if entry.transitive and (first_free or _counted(tokens, mentions, first, trig_end)):
            target_idx = first  # X يخطف اثنين من موظفي Y: the people counted are the object
            rules.append("target:object")
    elif first_free and entry.kind != "noun" and _pronoun_subject(tokens, trig_start):
        if entry.transitive:
            target_idx = first
            rules.append("target:object")
    elif patient_noun and (first_free or _counted(tokens, mentions, first, trig_end)):
        lam = _lam_patient(tokens, mentions, after, first) if first_free else None
        if lam is not None:  # قصف إسرائيل لغزة، اتهام واشنطن لطهران: agent, then ل patient
            source_idx, target_idx = first, lam
            rules.extend(("source:genitive", "target:lam"))
        else:
            target_idx = first
            rules.append("target:genitive")
    elif entry.kind == "noun" and entry.event_type in LAM_AGENT_TYPES and _lam_agent(tokens, mentions, first, trig_end):
        source_idx = first  # انسحابا مفاجئا للحوثيين: who withdrew
        rules.append("source:lam")
    elif first_free:
        source_idx = first
        rules.append("source:vso" if entry.kind != "noun" else "source:genitive")
        if entry.transitive:
            target_idx = _object_after(tokens, mentions, after, first)
            if target_idx is not None:
                rules.append("target:object")
    if source_idx is None and "target:passive" not in rules:
        candidates = free_before or ([] if self_reference else
                                     [k for k in before if not governing_prep(tokens, mentions[k])])
        candidates = [k for k in candidates if not _locative(tokens, mentions[k])]
        if candidates and entry.toll and _reporter(tokens, mentions[candidates[-1]]):
            rules.append("reporter-not-source")
        elif candidates:
            source_idx = _group_head(tokens, mentions, candidates[-1])
            rules.append("source:before")
    source = _group(tokens, mentions, source_idx)
    if not source and self_reference and "target:passive" not in rules:
        source = self_reference
        rules.append("source:self-reference")
    if target_idx is None:
        target_idx = _prep_target(tokens, mentions, [k for k in after if k != source_idx], trig_end, preps)
        if target_idx is not None:
            rules.append("target:prep")
    if target_idx is None and entry.kind == "noun":
        exclude = set(coordinated(tokens, mentions, source_idx)) if source_idx is not None else set()
        target_idx = prep_before(tokens, mentions, [k for k in before if same(k)], trig_start, preps, exclude)
        if target_idx is not None:
            rules.append("target:prep-before")
    target = [mentions[target_idx]] if target_idx is not None else []
    if target and entry.event_type == "CONSULT" and target[0].sector in PRESS_SECTORS:
        target, rules = [], rules + ["press-not-counterpart"]  # متحدثة إلى وسائل الإعلام: no meeting
    if not target and len(source) >= 2 and (entry.reciprocal or source[0].rule == "two-sides"):
        source, target = source[:1], source[1:2]
        rules.append("pair")
    if not source and not target and entry.reciprocal:
        between = _between(tokens, mentions, after, trig_end)
        if len(between) >= 2:
            source, target = between[:1], between[1:2]
            rules.append("pair:between")
    return Assignment(source, target, ",".join(rules))


def _between(tokens, mentions, after, trig_end: int) -> list[ActorMention]:
    """The two sides of a joint act named after بين (اشتباكات بين X وY، محادثات بين X وY)."""
    for k in after:
        m = mentions[k]
        if m.tok_start - trig_end > 3:
            break
        if governing_prep(tokens, m, trig_end) == "بين":
            return [mentions[j] for j in coordinated(tokens, mentions, k)]
    return []


def _circumstantial(tokens, mentions, before, after, obj, trig_end, entry, preps) -> Assignment:
    """A circumstantial participle (قال X …، متهما Y بـ…، داعيا Y إلى…) describes the
    subject of the clause it follows: its source is that clause's subject (the first
    free actor of the sentence; none: carried from the previous event), and the actor
    right after it is its object, never its subject."""
    rules: list[str] = []
    target_idx = obj if obj is not None and entry.transitive else None
    if target_idx is not None:
        rules.append("target:object")
    else:
        target_idx = _prep_target(tokens, mentions, after, trig_end, preps)
        if target_idx is not None:
            rules.append("target:prep")
    free = [k for k in before if not governing_prep(tokens, mentions[k])]
    source = _group(tokens, mentions, free[0]) if free else []
    if source:
        rules.append("source:clause-subject")
    target = [mentions[target_idx]] if target_idx is not None else []
    return Assignment(source, target, ",".join(rules))


UNDERGO_GAP = 5  # tokens from تعرض to the ل noun of what befell its subject
UNDERGO_BEFORE = 3  # tokens from a subject before تعرض to it (X، التي تعرضت)


@cache
def undergo_forms() -> frozenset[str]:
    return frozenset(conjugate("تعرض", "يتعرض"))


def _undergoer(tokens: Sequence[Token], mentions: list[ActorMention], trig_start: int,
               before: list[int]) -> int | None:
    """تعرض X لهجوم، X تعرض لانتقادات، X التي تعرضت لانتقادات: the subject of تعرض
    (right after it, or the nearest free actor just before it) is the one the ل noun
    befell: the target."""
    if not tokens[trig_start].norm.lstrip("وف").startswith("ل"):
        return None
    forms = undergo_forms()
    verb = next((j for j in range(trig_start - 1, max(-1, trig_start - UNDERGO_GAP - 1), -1)
                 if tokens[j].norm.lstrip("وف") in forms), None)
    if verb is None:
        return None
    inside = [k for k in before if mentions[k].tok_start > verb and not governing_prep(tokens, mentions[k], verb + 1)]
    if inside:
        return _group_head(tokens, mentions, inside[0])
    ahead = [k for k in before if mentions[k].tok_end <= verb and not governing_prep(tokens, mentions[k])]
    near = ahead and verb - mentions[ahead[-1]].tok_end <= UNDERGO_BEFORE
    return _group_head(tokens, mentions, ahead[-1]) if near else None


REPORTING_VERBS = ("أعلن|يعلن", "أكد|يؤكد", "ذكر|يذكر", "قال|يقول", "أفاد|يفيد", "أوضح|يوضح", "نقل|ينقل",
                   "كشف|يكشف", "أورد|يورد", "رصد|يرصد", "وثق|يوثق", "نعى|ينعي", "أحصى|يحصي")


@cache
def reporting_forms() -> frozenset[str]:
    return frozenset(f for lemma in REPORTING_VERBS for f in conjugate(*lemma.split("|")))


def _reporter(tokens: Sequence[Token], m: ActorMention) -> bool:
    """The subject of a reporting verb right before or after it (أعلنت الوزارة،
    الوزارة أعلنت): it tells of a toll, it did not inflict it."""
    forms = reporting_forms()
    near = [tokens[m.tok_start - 1]] if m.tok_start > 0 else []
    near += tokens[m.tok_end : m.tok_end + 1]
    return any(t.norm.lstrip("وف") in forms for t in near)


PASSIVE_CUES = frozenset(normalize(w) for w in (
    "في", "خلال", "جراء", "إثر", "برصاص", "بنيران", "بغارة", "بقصف", "بانفجار", "بهجوم", "بطلق", "بطلقات",
    "أثناء",
))
TIME_ADVERBS = frozenset(normalize(w) for w in ("أمس", "اليوم", "الليلة", "فجرا", "صباحا", "مساء", "ليلا"))


def _passive_by_prep(tokens: Sequence[Token], trig_end: int) -> bool:
    """A transitive verb of violence or arrest right before في، خلال، جراء، برصاص…
    has no object: it is passive (قُتل في غارة، اعتُقل خلال مداهمة), and the actor
    before it is the one it befell."""
    if trig_end < len(tokens) and tokens[trig_end].norm in TIME_ADVERBS:
        trig_end += 1  # قُتلوا أمس في هجوم
    return trig_end < len(tokens) and tokens[trig_end].norm.lstrip("و") in PASSIVE_CUES


PLACE_HEADS = frozenset(normalize(w) for w in (
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "إقليم", "منطقة", "مخيم", "حي", "ريف", "ضواحي", "أطراف", "مدن",
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "القرب", "داخل", "خارج",
    "أنحاء", "عاصمة", "شوارع", "سماء", "أجواء", "حدود", "سواحل", "مطار", "ميناء",
))


def _locative(tokens: Sequence[Token], m: ActorMention) -> bool:
    """A place named after a place or direction noun (مدينة حمص، شرق الإسكندرية،
    بمدينة منبج): where something happens, not who does it."""
    if m.tok_start == 0:
        return False
    word = tokens[m.tok_start - 1].norm
    if word[:1] in ("و", "ف") and word not in PLACE_HEADS:
        word = word[1:]
    if word[:1] in ("ب", "ل") and word not in PLACE_HEADS:
        word = word[1:]
    return word in PLACE_HEADS


PRONOUN_SUBJECTS = frozenset(normalize(w) for w in (
    "أنه", "أنها", "أنهم", "أنهما", "أنني", "أننا", "إنه", "إنها", "إنهم", "إننا", "لأنه", "لأنها", "لأنهم",
))


def _pronoun_subject(tokens: Sequence[Token], trig_start: int) -> bool:
    """أكد أنه سيزور دمشق: the pronoun of أنّ is the verb's subject, so the actor
    right after the verb is its object, not its subject."""
    return trig_start > 0 and tokens[trig_start - 1].norm.lstrip("و") in PRONOUN_SUBJECTS


def _lam_patient(tokens, mentions, after, first: int) -> int | None:
    """The actor with ل right after a verbal noun's genitive (اتهام واشنطن لطهران،
    اعتقال الشرطة للمتظاهرين): the genitive is then the agent, the ل actor the patient."""
    group = coordinated(tokens, mentions, first)
    end = mentions[group[-1]].tok_end
    nxt = next((k for k in after if k > group[-1]), None)
    if nxt is None or mentions[nxt].tok_start - end > 1:
        return None
    return nxt if _stripped_prefix(tokens, mentions[nxt]).startswith("ل") else None


LAM_AGENT_TYPES = frozenset({"RETREAT", "MOBILIZE"})  # acts without a ل patient: لـ names who acts
LAM_AGENT_GAP = 2  # tokens from the noun to its ل agent (an adjective between: انسحابا مفاجئا للقوات)


def _lam_agent(tokens, mentions, first: int | None, trig_end: int) -> bool:
    """The actor with ل right after a noun of withdrawal or deployment, at most an
    adjective between (انسحاب للقوات، انتشار واسع للجيش): the one who acts."""
    if first is None or mentions[first].tok_start - trig_end > LAM_AGENT_GAP:
        return False
    between = tokens[trig_end:mentions[first].tok_start]
    return governing_prep(tokens, mentions[first], trig_end) == "ل" \
        and not any(t.norm in PREP_WORDS or _is_number(t) for t in between)


def _counted(tokens, mentions, first: int | None, trig_end: int) -> bool:
    """A number, then the people counted (مقتل اثنين من عناصر الشرطة، اعتقال 20 ناشطا)."""
    return first is not None and trig_end < len(tokens) and _is_number(tokens[trig_end]) \
        and mentions[first].tok_start - trig_end <= 3


def _is_number(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.norm)) or tok.norm in NUMBER_WORDS


def _prep_target(tokens, mentions, after, trig_end, preps) -> int | None:
    """The first mention introduced by a target preposition after the trigger:
    governed directly (لروسيا، مع نظيره الروسي) or through a head noun that
    carries the preposition (بالمبادرة السعودية، بجهود الحكومة اللبنانية)."""
    for k in after:
        m = mentions[k]
        if m.tok_start - trig_end > MAX_GAP:
            break
        prep = governing_prep(tokens, m, trig_end)
        if prep and prep in preps:
            return k
    for j in range(trig_end, min(trig_end + MAX_GAP, len(tokens))):
        prep = _head_prep(tokens[j])
        if prep and prep in preps:
            nxt = [k for k in after if j < mentions[k].tok_start <= j + 2]
            if nxt:
                return nxt[0]
    return None


def _head_prep(tok: Token) -> str:
    """ب or ل carried by a definite or construct head noun (بالمبادرة، بجهود)."""
    word = tok.norm.lstrip("وف") if len(tok.norm) > 4 else tok.norm
    if word[:1] in ("ب", "ل") and (word[1:3] == "ال" or word[:2] == "لل" or len(word) >= 5):
        return word[0]
    return ""


def prep_before(tokens, mentions, before, trig_start, preps, exclude) -> int | None:
    """A target introduced by a preposition before a noun trigger in its clause
    (وصل إلى طهران في زيارة، عقد مع نظيره محادثات)."""
    for k in reversed(before):
        if k in exclude or trig_start - mentions[k].tok_end > MAX_GAP:
            continue
        prep = governing_prep(tokens, mentions[k])
        if prep and prep in preps and prep not in ("ل", "ب"):
            return k
    return None


def _object_after(tokens, mentions, after, subject: int) -> int | None:
    group = coordinated(tokens, mentions, subject)
    for k in after:
        if k in group or k <= subject:
            continue
        m = mentions[k]
        if _counted(tokens, mentions, k, mentions[group[-1]].tok_end):
            return k  # خطفت X ثلاثة من موظفي Y: the people counted are the object
        if m.tok_start - mentions[group[-1]].tok_end > 2:
            return None
        prep = governing_prep(tokens, m, mentions[group[-1]].tok_end)
        return k if prep in ("", "ل") else None
    return None


def _group_head(tokens, mentions, k: int) -> int:
    """Walk back from mention k to the first of a و-coordination it belongs to."""
    while k > 0 and k in coordinated(tokens, mentions, k - 1):
        k -= 1
    return k


def _group(tokens, mentions, k: int | None) -> list[ActorMention]:
    if k is None:
        return []
    return [mentions[j] for j in coordinated(tokens, mentions, k)]
