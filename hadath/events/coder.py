"""The rule-based event coder: triggers + actors + modality → PLOVER events.

`ArticleCoder` codes the sentences of one article in order, keeping the
context that Arabic news relies on (the previous speaker for a dropped subject,
the country an article is about for office words with no country).

Every event says which lexicon entry fired (`lexicon_entry`) and which
argument rules assigned its actors (`rule`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

from hadath.actors.gazetteer import state_codes
from hadath.geo import find_places, resolve_place
from hadath.lang.ar.dates import event_date, find_dates, published_day
from hadath.events.arguments import assign, coordinated
from hadath.events.casualties import CASUALTY_TYPES, event_casualties
from hadath.events.casualties import find_mentions as find_casualty_mentions
from hadath.events.clauses import clause_ids
from hadath.events.mentions import join_office_mentions
from hadath.events.lexicon import TriggerEntry, conjugate, expand_phrase, is_present, trigger_matcher
from hadath.events.modality import classify, mishap_near, sentence_cues
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatch, PhraseMatcher
from hadath.lang.ar.tokens import Token
from hadath.ontology import event_type as ontology_type
from hadath.records import ActorMention, Event, Sentence

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "SANCTION", "COERCE", "MOBILIZE"})
STATE_KINDS = frozenset({"state", "person", "office", "group"})


@cache
def blocker_matcher() -> PhraseMatcher[str]:
    """Phrases that cancel a trigger at their position (football 'attack', …)."""
    path = files("hadath.events").joinpath("data/blockers.tsv")
    matcher: PhraseMatcher[str] = PhraseMatcher()
    if not path.is_file():
        return matcher
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, _, reason = line.partition("\t")
            for surface in expand_phrase(phrase.strip()):
                matcher.add(surface, reason or "blocked")
    return matcher


@dataclass(slots=True)
class CoderContext:
    """What the coder remembers while it reads one article."""

    article_id: str
    published_year: int | None = None
    last_source: list[ActorMention] = field(default_factory=list)
    last_source_sentence: int = -1  # the sentence the last source was named in
    countries: Counter = field(default_factory=Counter)

    def main_country(self) -> str | None:
        top = self.countries.most_common(1)
        return top[0][0] if top else None


class ArticleCoder:
    def __init__(self, article_id: str, published: str | None = None, include_all: bool = False,
                 text: str = "", titled: bool = False):
        year = int(published[:4]) if published and published[:4].isdecimal() else None
        self.ctx = CoderContext(article_id, year)
        self.include_all = include_all
        self.published = published
        self._dates: list | None = None
        self._places: list | None = None
        self._casualty_mentions: list | None = None
        self.text = text  # the article text the offsets point into
        self.titled = titled  # the first sentence is the article's title (headlines use the imperfect)

    def code(self, sentence: Sentence, sentence_text: str, tokens: Sequence[Token],
             mentions: list[ActorMention], found: list[PhraseMatch[TriggerEntry]] | None = None) -> list[Event]:
        """Events of one sentence (tokens carry article offsets)."""
        states = state_codes()
        for m in mentions:  # (a body based in one state counts for it: the Syrian Observatory, not the GCC)
            if m.code in states:
                self.ctx.countries[m.code] += 1
        triggers, mentions = _triggers(tokens, mentions, found)
        if not triggers:
            return []
        mentions = join_office_mentions(tokens, mentions, self.text)
        clause = clause_ids(tokens, sentence_text, sentence.start,
                            joined_verbs={t.tok_start for t in triggers if _joined(t) and _is_verb(t.payload)},
                            joined_nouns={t.tok_start for t in triggers if _joined(t) and not _is_verb(t.payload)})
        cues = sentence_cues(tokens)
        self._dates = self._places = None  # found once per sentence when an event needs them
        self._casualty_mentions = None
        events = []
        for match in _heads(triggers, clause):
            if _anaphoric(match) and (_demonstrative(tokens, match) or not _after_light_verb(tokens, clause, match)) \
                    and not self.include_all:
                continue
            if _named_agreement(tokens, mentions, match) and not _after_light_verb(tokens, clause, match) \
                    and not self.include_all:
                continue
            if match.payload.detail and _known_crowd_near(tokens, match) and not self.include_all:
                continue
            event = self._event(sentence, sentence_text, tokens, mentions, match, cues, clause)
            if event is not None and event.actors:
                self._remember_source(event.actors, sentence)
            if event is not None and (self.include_all or event.modality == "asserted"):
                events.extend(split_dyads(event, tokens, mentions))
        return _dedupe(events)

    def _event(self, sentence, sentence_text, tokens, mentions, match: PhraseMatch[TriggerEntry], cues,
               clause) -> Event | None:
        entry = match.payload
        modality = classify(tokens, cues, match.tok_start, match.tok_end, prefix=match.first.prefix,
                            sentence_text=sentence_text, published_year=self.ctx.published_year, clause=clause,
                            verb=_is_verb(entry), present=self._imperfect(sentence, entry, match),
                            event_type=entry.event_type, bare=_bare_verb(entry, match))
        etype = entry.event_type
        if modality == "negated" and not self.include_all:
            return None
        if etype == "ASSAULT" and mishap_near(cues, match.tok_start, match.tok_end):
            return None  # killed in a road accident, a flood, an epidemic: no one's attack
        args = assign(tokens, mentions, match.tok_start, match.tok_end, entry, clause,
                      self_reference=self._self_reference(tokens, clause, match.tok_start)
                      or (self._genitive_self_reference(tokens, match.tok_end)
                          if _is_noun(entry) or _bare_verb(entry, match) else None))
        source, target, rule = args.source, args.target, args.rule
        if self._joined_object(sentence, entry, match, rule):
            # أدانت الرئاسة العدوان وطالبت الأمم المتحدة بالتدخل: a verb joined by و/ف to an
            # earlier act of the sentence shares its subject; the actor after it is its object
            kept = ("source:joined-verb" if r == "source:vso" else r for r in rule.split(",") if r != "target:prep")
            source, target, rule = self.ctx.last_source, source[:1], ",".join(kept) + ",target:object"
        if etype == "SANCTION" and target and (post := _envoy_post(tokens, mentions, target[0])) is not None:
            target, rule = [post], rule + ",target:envoy-post"
        if etype in MEMBERSHIP_TYPES and not (target and target[0].code) \
                and (group := _members_of(tokens, mentions, match.tok_end)):
            target, rule = [group], rule + ",target:membership"
        if entry.needs_object and not target:
            return None
        if not source and (_opens_clause(match, clause) or entry.kind == "participle") \
                and (not _is_noun(entry) or entry.kind == "participle") and self.ctx.last_source:
            source, rule = self.ctx.last_source, rule + ",source:carried"
        if entry.verbal and source and _politician(source[0]):
            if _frames(tokens, source[0], match.tok_start):
                source, rule = [], rule + ",source:speaker-dropped"  # the speaker, who tells of the attack
            else:
                etype, rule = "ACCUSE", rule + ",verbal-attack"
        if modality in ("future", "intent") and _is_statement(tokens, match.tok_start) \
                and (target or etype not in COOPERATIVE):
            etype, modality, rule = _statement_of_intent(etype, modality, rule)
        source = [self._fill_country(m) for m in source]
        if modality != "asserted" and not self.include_all:
            # `code` drops this event and keeps only its source (for a later dropped
            # subject): no date, place or casualties worked out for it
            if source:
                self._remember_source(source, sentence)
            return None
        target = [self._fill_country(m) for m in target]
        if etype == "THREATEN" and entry.lemma in DEADLINE_LEMMAS and _to_leave(tokens, clause, match.tok_end):
            etype, rule = "SANCTION", rule + ",deadline:expel"
        if etype == "ACCUSE" and entry.lemma in CONVICT_LEMMAS and source and _court(source[0]):
            etype, rule = "SANCTION", rule + ",court:convict"
        if source and target and source[0].start == target[0].start and source[0].rule != "two-sides":
            target = []
        if not target and source and _domestic(etype, entry, source[0]):
            target, rule = [source[0]], rule + ",target:domestic"
        info = ontology_type(etype)
        cameo = entry.cameo if etype == entry.event_type else info.cameo_root + "0"
        if self._dates is None:
            self._dates, self._places = find_dates(tokens, self.published), find_places(tokens)
        date, precision = event_date(tokens, match.tok_start, self.published, self._dates)
        location = resolve_place(tokens, match.tok_start, self.ctx.countries, self._places)
        if modality == "asserted" and _long_before(date, precision, self.published):
            modality = "background"
            if not self.include_all:
                return None
        return Event(
            article_id=self.ctx.article_id, sentence_index=sentence.index,
            sentence_start=sentence.start, sentence_end=sentence.end,
            event_type=etype, mode=entry.mode or None,
            trigger=_trigger_text(tokens, match), trigger_start=match.start, trigger_end=match.end,
            actors=source, recipients=target, date=date, date_precision=precision, location=location,
            negated=modality == "negated", modality=modality,
            confidence=_confidence(entry, source, target, rule),
            cameo=cameo, quad_class=info.quad_class, goldstein=info.goldstein,
            lexicon_entry=entry.ref, rule=rule.strip(","),
            casualties=self._casualties(etype, tokens, sentence_text, sentence.start, match.tok_start, clause),
        )

    def _remember_source(self, source: list[ActorMention], sentence: Sentence) -> None:
        self.ctx.last_source, self.ctx.last_source_sentence = source, sentence.index

    def _joined_object(self, sentence: Sentence, entry: TriggerEntry, match: PhraseMatch, rule: str) -> bool:
        """A request verb behind و/ف (دعا، طالب، حث: its object is the one asked) whose
        only following actor was read as its subject (VSO), after an act of the same
        sentence with a named source."""
        rules = rule.split(",")
        return ("source:vso" in rules and "target:object" not in rules and entry.event_type == "REQUEST"
                and entry.kind == "verb" and entry.transitive and match.first.prefix[:1] in ("و", "ف")
                and bool(self.ctx.last_source) and self.ctx.last_source_sentence == sentence.index)

    def _imperfect(self, sentence: Sentence, entry: TriggerEntry, match: PhraseMatch) -> bool:
        """An imperfect verb outside the title (a headline's imperfect reports: الحوثي تخطف…)."""
        return not (self.titled and sentence.index == 0) and is_present(entry, match.first.stem)

    def _casualties(self, etype, tokens, sentence_text, start, trig_start, clause) -> dict[str, int]:
        if etype not in CASUALTY_TYPES:
            return {}
        if self._casualty_mentions is None:  # once per sentence, shared by its events
            self._casualty_mentions = find_casualty_mentions(tokens, sentence_text, start)
        return event_casualties(etype, tokens, sentence_text, start, trig_start, clause,
                                mentions=self._casualty_mentions)

    def _self_reference(self, tokens, clause, trig_start) -> list[ActorMention] | None:
        """بلاده/بلادها ('his/her country') before the trigger in its clause → the
        speaker last coded in the article."""
        for tok in tokens[:trig_start]:
            if clause[tok.index] == clause[trig_start] and tok.norm.lstrip("وفبل") in SELF_REFERENCE:
                return self.ctx.last_source or None
        return None

    def _genitive_self_reference(self, tokens, trig_end) -> list[ActorMention] | None:
        """بلاده/بلادها right after a noun trigger (أكد دعم بلاده لـ…): the speaker's country."""
        if trig_end < len(tokens) and tokens[trig_end].norm in SELF_REFERENCE:
            return self.ctx.last_source or None
        return None

    def _fill_country(self, m: ActorMention) -> ActorMention:
        if m.code:
            return m
        country = self.ctx.main_country()
        if not country:
            return m
        return ActorMention(m.text, m.start, m.end, country, m.sector, m.name_en, m.kind, m.entry,
                            m.rule + "+context-country", m.tok_start, m.tok_end)


def _triggers(tokens: Sequence[Token], mentions: list[ActorMention], found=None
              ) -> tuple[list[PhraseMatch[TriggerEntry]], list[ActorMention]]:
    """Trigger matches outside actor names and blockers. A trigger wins over an
    office word with no country that overlaps it (قطع العلاقات الدبلوماسية)."""
    if found is None:
        found = trigger_matcher().find_all(tokens)
    if not found:
        return [], mentions
    named, blocked = set(), set()
    for m in mentions:
        if m.code or m.kind != "office":
            named.update(range(m.tok_start, m.tok_end))
    for b in blocker_matcher().find_all(tokens):
        blocked.update(range(b.tok_start, b.tok_end))
    found = [t for t in found if not any(i in named or i in blocked for i in range(t.tok_start, t.tok_end))
             and not _ta_marbuta_verb(t, tokens) and not _before_genitive(t, tokens)
             and not _rallies_means(t, tokens)]
    covered = {i for t in found for i in range(t.tok_start, t.tok_end)}
    kept = [m for m in mentions if not any(i in covered for i in range(m.tok_start, m.tok_end))]
    return found, kept


def _ta_marbuta_verb(match: PhraseMatch[TriggerEntry], tokens: Sequence[Token]) -> bool:
    """A word written with ta marbuta is a noun: لوحة (a painting) is not لوح + ه
    ('he waved it'), though both normalise alike."""
    return match.first.suffix == "ه" and _is_verb(match.payload) and tokens[match.tok_start].text.endswith("ة")


def _before_genitive(match: PhraseMatch[TriggerEntry], tokens: Sequence[Token]) -> bool:
    """An indefinite noun of the lexicon's 'nogen' kind in construct with a definite noun
    has its other sense: مسيرة المنتخب (the team's run), مسيرة السلام (the peace process)."""
    nxt = match.tok_end
    return match.payload.no_genitive and not match.first.prefix.endswith("ال") and nxt < len(tokens) \
        and tokens[nxt].norm.startswith("ال")


# what one rallies without mobilising forces: حشد الجهود، تعبئة الموارد، استنفار الطاقات
MEANS_OBJECTS = frozenset(normalize(w) for w in (
    "الجهود", "الجهد", "الموارد", "الطاقات", "الإمكانات", "الإمكانيات", "الأموال", "التمويل", "الرأي",
    "الأصوات", "التوافق", "الإجماع", "الزخم", "الظروف", "الطاقة", "الهمم"))
_MORE_OF = (normalize("المزيد"), normalize("مزيدا"))


def _rallies_means(match: PhraseMatch[TriggerEntry], tokens: Sequence[Token]) -> bool:
    """A one-word MOBILIZE trigger whose object is a means or a mood, not forces (حشد
    الجهود، تعبئة الموارد، حشد المزيد من الجهود): rallying, not a mobilisation."""
    if match.payload.event_type != "MOBILIZE" or match.tok_end - match.tok_start != 1:
        return False
    j = match.tok_end
    if j + 1 < len(tokens) and tokens[j].norm in _MORE_OF and tokens[j + 1].norm == "من":
        j += 2
    return j < len(tokens) and tokens[j].norm in MEANS_OBJECTS


COMPLEMENT_GAP = 8  # tokens: a trigger this close after another in the same clause is its complement


def _heads(triggers: list[PhraseMatch[TriggerEntry]], clause: list[int]) -> list[PhraseMatch[TriggerEntry]]:
    """Drop triggers that are complements of an earlier trigger in the same clause
    (طالب بالإفراج، أدان الهجوم، دعا إلى وقف، اعتذر عن الهجوم)."""
    heads, prev = [], None
    for t in triggers:
        if prev is not None and clause[t.tok_start] == clause[prev.tok_end - 1] \
                and t.tok_start - prev.tok_end <= COMPLEMENT_GAP:
            prev = t
            continue
        heads.append(t)
        prev = t
    return heads


BACKGROUND_DAYS = 60  # an event dated this long before publication is history recalled


def _long_before(date: str | None, precision: str, published: str | None) -> bool:
    if not date or precision in ("published", "unknown") or not published:
        return False
    day = published_day(published)
    try:
        return day is not None and (day - dt.date.fromisoformat(date[:10])).days > BACKGROUND_DAYS
    except ValueError:
        return False


def _anaphoric(match: PhraseMatch[TriggerEntry]) -> bool:
    """A definite noun of an incident, a deployment, an accord or a withdrawal (الهجوم،
    المناورات، الاتفاق، الانسحاب، الهدنة)
    refers back to an event the text has already introduced, names a known one
    (الاتفاق النووي), or one it discusses rather than reports; the report itself
    comes with a verb or an indefinite noun. So does a noun with a possessive
    pronoun (اغتياله، هجومها: his killing, its attack), a definite noun phrase
    of force (الهجوم الكيميائي، العمليات العسكرية), and a plural noun of attacks
    (تفجيرات، غارات جوية: a series or a kind of attack, the topic of commentary). Not coded."""
    entry = match.payload
    if entry.series:
        return True
    if entry.event_type not in INCIDENT_TYPES:
        return False
    if entry.kind == "phrase" and not entry.verb:  # a noun phrase (الهجوم الكيميائي)
        return entry.event_type in FORCE_TYPES and (entry.lemma.startswith("ال") or "ال" in match.first.prefix)
    return entry.kind == "noun" and ("ال" in match.first.prefix or bool(match.first.suffix))


CROWD_WORDS = tuple(normalize(w) for w in ("المتظاهر", "المحتج"))
CROWD_WINDOW = 6


def _known_crowd_near(tokens: Sequence[Token], match: PhraseMatch) -> bool:
    """وهتف المتظاهرون «…»، ردد المتظاهرون هتافات: the protesters, definite, are known from
    the report of their protest; their chants elaborate it."""
    start = max(0, match.tok_start - CROWD_WINDOW)
    return any((t.norm.lstrip("وف").removeprefix("ب").startswith(CROWD_WORDS) or t.norm.startswith(_CROWD_WITH_LAM))
               and not _counted(tokens, t.index) for t in tokens[start : match.tok_end + CROWD_WINDOW])


def _counted(tokens: Sequence[Token], i: int) -> bool:
    """مئات المتظاهرين، الآلاف من المحتجين: a crowd counted is a new one, not one known."""
    before = [t.norm.lstrip("و") for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] == "من":
        before = before[:-1]
    return bool(before) and (before[-1] in QUANTITY_WORDS or before[-1].isdigit())


_CROWD_WITH_LAM = tuple("لل" + w[2:] for w in CROWD_WORDS)  # للمتظاهرين
QUANTITY_WORDS = frozenset(normalize(w) for w in (
    "عشرات", "مئات", "آلاف", "الآلاف", "ألوف", "ملايين", "ألف", "مئة", "مائة", "مئتي", "مائتي", "ألفي", "العشرات",
    "المئات"))


AGREEMENT_NOUNS = frozenset(normalize(w) for w in ("اتفاق", "اتفاقية", "معاهدة", "اتفاقات", "اتفاقيات", "معاهدات"))


def _named_agreement(tokens: Sequence[Token], mentions: list[ActorMention], match: PhraseMatch) -> bool:
    """An agreement noun in construct with a definite word that names no actor
    (اتفاقية التجارة الحرة، معاهدة الحماية) is the name of a treaty already in force:
    the text speaks about it, nobody agrees to anything in it."""
    entry = match.payload
    if entry.event_type != "AGREE" or entry.kind != "noun" or match.first.stem not in AGREEMENT_NOUNS \
            or match.first.suffix or match.tok_end >= len(tokens):
        return False
    nxt = tokens[match.tok_end]
    if not nxt.norm.startswith("ال") or any(m.tok_start == nxt.index and m.code for m in mentions):
        return False
    start = max(0, match.tok_start - SIGNING_WINDOW)
    forms = signing_forms()
    return not any(t.norm in forms or (t.norm[:1] in "وف" and t.norm[1:] in forms) for t in tokens[start:match.tok_start])


SIGNING_WINDOW = 8  # tokens from a signing verb to the agreement noun (its subject, a date, a place between)
SIGNING_VERBS = ("وقع|يوقع", "أبرم|يبرم", "توصل|يتوصل", "صادق|يصادق", "أقر|يقر", "وافق|يوافق", "جدد|يجدد")


@cache
def signing_forms() -> frozenset[str]:
    """Verbs that make an agreement happen now (وقعت البلدان اتفاقية التعاون الجمركي)."""
    forms = {f for lemma in SIGNING_VERBS for f in conjugate(*lemma.split("|"))}
    return frozenset(forms | {f + "ا" for f in forms if f.endswith("و")})


FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})  # a definite noun phrase of force names a known incident
INCIDENT_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "AGREE", "CONSULT", "SUPPORT", "MOBILIZE", "RETREAT",
                            "CONCEDE", "SANCTION"})
LIGHT_VERBS = ("شن|يشن", "نفذ|ينفذ", "ألقى|يلقي", "أجرى|يجري", "قام|يقوم", "عقد|يعقد", "فرض|يفرض",
               "شهد|يشهد", "تعرض|يتعرض", "أطلق|يطلق", "نظم|ينظم", "خاض|يخوض", "بدأ|يبدأ",
               "تم|يتم", "جرى|يجري", "واصل|يواصل")
LIGHT_VERB_WINDOW = 8  # VSO: the subject (often coordinated, with a time) stands between verb and noun


@cache
def light_verb_forms() -> frozenset[str]:
    return frozenset(f for lemma in LIGHT_VERBS for f in conjugate(*lemma.split("|")))


DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء", "أولئك"))


def _demonstrative(tokens: Sequence[Token], match: PhraseMatch) -> bool:
    """قاموا بتلك المظاهرات، نقوم بهذا الاحتجاج: a demonstrative points back to an event
    already told, even after a light verb."""
    i = match.tok_start
    return i > 0 and tokens[i - 1].norm.lstrip("وفبل") in DEMONSTRATIVES


def _after_light_verb(tokens: Sequence[Token], clause: list[int], match: PhraseMatch) -> bool:
    """شن الجيش الهجوم، ألقت الشرطة القبض، تم اعتقالها: the noun is the event itself."""
    forms = light_verb_forms()
    start = max(0, match.tok_start - LIGHT_VERB_WINDOW)
    return any(clause[t.index] == clause[match.tok_start] and t.norm.lstrip("وف") in forms
               for t in tokens[start:match.tok_start])


def _is_verb(entry: TriggerEntry) -> bool:
    return entry.verb


def _bare_verb(entry: TriggerEntry, match: PhraseMatch) -> bool:
    """A verb matched in its 3ms perfect with no clitic but و/ف (خطف، قتل): the
    spelling of its verbal noun too."""
    head = entry.lemma.split()[0]
    return "|" in head and not match.first.suffix and not match.first.prefix.strip("وف") \
        and match.first.stem == normalize(head.split("|")[0])


def _is_noun(entry: TriggerEntry) -> bool:
    return not _is_verb(entry)


def _joined(match: PhraseMatch) -> bool:
    return match.first.prefix[:1] in ("و", "ف")


def _opens_clause(match: PhraseMatch, clause: list[int]) -> bool:
    i = match.tok_start
    return i == 0 or clause[i - 1] != clause[i]


# أدان in a court's mouth is to convict, not to condemn (أدانت محكمة مصرية عشرة متهمين): SANCTION.
CONVICT_LEMMAS = frozenset({"أدان|يدين", "دان|يدين", "إدانة"})
DEADLINE_LEMMAS = frozenset({"أمهل|يمهل"})
LEAVE_WORDS = frozenset(normalize(w) for w in ("لمغادرة", "بمغادرة", "للمغادرة", "لمغادرتها", "لمغادرته"))
DEADLINE_GAP = 8  # tokens from أمهل to لمغادرة (the one given the deadline and the time between)


def _to_leave(tokens: Sequence[Token], clause: list[int], trig_end: int) -> bool:
    """أمهلت الكويت السفير أسبوعا لمغادرة أراضيها: a deadline to leave the country is an
    expulsion (SANCTION), not a threat."""
    here = clause[trig_end - 1]
    return any(t.norm.lstrip("و") in LEAVE_WORDS and clause[t.index] == here
               for t in tokens[trig_end:trig_end + DEADLINE_GAP])


COURT_WORDS = frozenset(normalize(w) for w in ("محكمة", "المحكمة", "محاكم", "المحاكم"))


ENVOY_WORDS = frozenset(normalize(w) for w in ("سفير", "سفراء", "القائم", "مبعوث", "المبعوث"))
POSTED_AT = frozenset(normalize(w) for w in ("لدى", "في"))


def _envoy_post(tokens: Sequence[Token], mentions: list[ActorMention], m: ActorMention) -> ActorMention | None:
    """An envoy of no named country and the state after لدى/في (استدعت الكويت سفيرها لدى
    مانيلا): recalling or expelling an envoy is a sanction on the state of the post."""
    words = normalize(m.text).split()
    if m.code or not words or words[0].lstrip("و") not in ENVOY_WORDS or m.tok_end >= len(tokens):
        return None
    if tokens[m.tok_end].norm not in POSTED_AT:
        return None
    return next((a for a in mentions if a.tok_start == m.tok_end + 1 and a.code and a.kind != "office"), None)


MEMBERSHIP_TYPES = frozenset({"COERCE", "SANCTION"})
MEMBERSHIP_GAP = 12  # tokens from the trigger to the word of membership
BELONG_VERBS = frozenset(normalize(w) for w in ("ينتمون", "ينتمي", "ينتميان", "المنتمين", "المنتمون", "منتمين"))


def _belonging(tok: Token) -> bool:
    word = tok.norm.lstrip("وف")
    return word in BELONG_VERBS or word.lstrip("بل").startswith(("انتما", "الانتما"))


def _members_of(tokens: Sequence[Token], mentions: list[ActorMention], trig_end: int) -> ActorMention | None:
    """Those arrested or sentenced for belonging to a group (اعتقلت الشرطة 14 شخصا
    يشتبه بانتمائهم إلى تنظيم داعش): the group is the target."""
    for tok in tokens[trig_end:trig_end + MEMBERSHIP_GAP]:
        if _belonging(tok):
            return next((m for m in mentions if 0 < m.tok_start - tok.index <= 3 and m.code), None)
    return None


def _court(m: ActorMention) -> bool:
    """A judiciary (JUD), an international court (ICC, ICJ) or a body named محكمة."""
    words = normalize(m.text).split()
    return m.sector == "JUD" or m.code in ("ICC", "ICJ") or bool(words) and words[0].lstrip("و") in COURT_WORDS


SELF_REFERENCE = frozenset(normalize(w) for w in ("بلاده", "بلادها", "بلادهم", "بلادنا", "حكومته", "حكومتها"))
DOMESTIC_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL"})


def _domestic(etype: str, entry: TriggerEntry, source: ActorMention) -> bool:
    """An authority acting on its own people with no other target named (guide:
    COERCE EGY→EGY; investigations)."""
    if source.sector not in DOMESTIC_SECTORS or len(source.code) != 3:
        return False
    return etype == "COERCE" or (etype == "ACCUSE" and entry.mode == "investigate")


_SPEECH = frozenset(normalize(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "صرح", "صرحت", "أضاف", "أضافت", "أوضح", "أوضحت",
    "أشار", "أشارت", "أفاد", "أفادت", "ذكر", "ذكرت", "شدد", "شددت", "تعهد", "تعهدت", "وعد", "وعدت",
))


SPEAKING_SECTORS = frozenset({"LEG", "MED"})


def _politician(m: ActorMention) -> bool:
    """A named person, a deputy or an outlet, or a party's official (not a party itself:
    some have an armed wing, كتائب شهداء الأقصى): one whose attacks are words."""
    return m.kind == "person" or m.sector in SPEAKING_SECTORS or (m.kind == "office" and m.sector == "PTY")


_COMPLEMENTS = frozenset(normalize(w) for w in ("إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها"))
_FRAMING = _SPEECH | frozenset(normalize(w) for w in ("وصف", "وصفت", "اعتبر", "اعتبرت", "يقول", "تقول"))


def _frames(tokens: Sequence[Token], source: ActorMention, trig_start: int) -> bool:
    """A speech or description verb or a complementizer between the source before the
    trigger and the trigger (قال ماكرون إن الحكومة شنت هجوما، وصف الرئيس الحادث بأنه
    هجوم): the source tells of the attack or names it; it is no verbal attack of theirs."""
    if source.tok_end < 0 or source.tok_end > trig_start:
        return False
    return any(normalize(t.norm.lstrip("وف")) in _FRAMING | _COMPLEMENTS for t in tokens[source.tok_end : trig_start])


def _is_statement(tokens: Sequence[Token], trig_start: int) -> bool:
    """A speech verb before the trigger: the sentence reports a statement."""
    return any(normalize(t.norm.lstrip("وف")) in _SPEECH for t in tokens[:trig_start])


def _statement_of_intent(etype: str, modality: str, rule: str) -> tuple[str, str, str]:
    """A statement now about one's own future act toward someone is AGREE or THREATEN
    (for a cooperative act the caller checks that someone is named in the sentence:
    سيناقش الأزمة is a plan, not a promise to anyone)."""
    if etype in COOPERATIVE:
        return "AGREE", "asserted", rule + ",intent:agree"
    if etype in HOSTILE:
        return "THREATEN", "asserted", rule + ",intent:threaten"
    if etype in ("AGREE", "THREATEN"):
        return etype, "asserted", rule + ",intent"
    return etype, modality, rule


def split_dyads(event: Event, tokens: Sequence[Token], mentions: list[ActorMention]) -> list[Event]:
    """One event per distinct (source, target) when the text coordinates several
    targets (حذر روسيا وإيران) or several sources of a non-joint act. A pair of one
    country with itself is not made here (التعاون بين الصين وروسيا after a Chinese
    source gives CHN→RUS, not CHN→CHN); domestic events come from their own rule."""
    targets = _coordinated_with(event.recipients[0], tokens, mentions) if event.recipients else []
    sources = event.actors if "pair" not in event.rule else event.actors[:1]
    if len(sources) <= 1 and len(targets) <= 1:
        return [event]
    out, seen = [], set()
    for s in sources or [None]:
        for t in targets or [None]:
            key = (s.code if s else "", t.code if t else "")
            if key in seen or (s is not None and t is not None and (s.start == t.start or s.code == t.code)):
                continue
            seen.add(key)
            out.append(replace(event, actors=[s] if s else [], recipients=[t] if t else [], id=""))
    return out


def _coordinated_with(target: ActorMention, tokens, mentions: list[ActorMention]) -> list[ActorMention]:
    idx = next((k for k, m in enumerate(mentions) if m.start == target.start and m.code == target.code), None)
    if idx is None:
        return [target]
    return [mentions[k] for k in coordinated(tokens, mentions, idx) if mentions[k].rule != "two-sides"] or [target]


def _trigger_text(tokens: Sequence[Token], match: PhraseMatch) -> str:
    return " ".join(t.text for t in tokens[match.tok_start : match.tok_end])


def _confidence(entry: TriggerEntry, source, target, rule: str) -> float:
    score = 0.4 + (0.2 if source else 0) + (0.15 if target else 0) + (0.1 if entry.kind != "noun" else 0.05)
    if "context-country" in rule or "carried" in rule:
        score -= 0.1
    return round(min(score, 0.95), 2)


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        key = (e.event_type, e.source.code if e.source else "", e.target.code if e.target else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
