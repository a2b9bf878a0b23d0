"""The trigger lexicon: words and phrases that signal each PLOVER event type.

Data: `events/data/triggers.tsv` (see the header of that file for its columns).
Each row gives a verb (past and present 3rd person masculine singular, e.g.
``اجتمع|يجتمع``), a noun (verbal noun or plural, e.g. ``اجتماع``) or a phrase
whose first word may be such a verb (``أعرب|يعرب عن قلق``). Verb rows are
expanded here, by rule, into all persons, numbers and genders of the past and
the present (indicative, subjunctive, jussive), so the data lists one line per
lexeme. Everything is normalised with the one `normalize` before indexing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from operator import itemgetter

from hadath.errors import DataError
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.phrases import PhraseMatch, PhraseMatcher
from hadath.lang.ar.tokens import Candidate
from hadath.ontology import PLOVER_TYPES

_NORM = itemgetter(1)  # Token.norm

PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ان", "ون", "ين", "ن", "ا", "وا")
KINDS = ("verb", "noun", "phrase", "participle")
FLAGS = frozenset({"trans", "recip", "patient", "needtgt", "needobj", "toll", "series", "nogen", "verbal", "detail"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    event_type: str
    cameo: str  # CAMEO code, 2–4 digits
    mode: str  # PLOVER mode, or "" when none
    kind: str  # verb | noun | phrase
    lemma: str  # the entry as written in the data file (its identity in `lexicon_entry`)
    target_preps: tuple[str, ...]  # prepositions that introduce the target (normalised)
    transitive: bool  # a direct object may be the target
    reciprocal: bool  # X and Y do it together (meet, agree): source = first, target = second
    line: int
    patient: bool = False  # a noun whose genitive is the patient (مقتل X، اعتقال X، الإفراج عن)
    needs_target: bool = False  # only an event when someone is addressed (نفى → REJECT)
    needs_object: bool = False  # only with a target named in the sentence (استدعى → SANCTION)
    toll: bool = False  # names the dead or wounded: who announces it is not its source (مقتل، قتلى)
    series: bool = False  # a plural noun of attacks (تفجيرات، غارات): a topic unless a light verb reports it
    no_genitive: bool = False  # another sense before a definite genitive (مسيرة المنتخب: the team's run)
    verbal: bool = False  # by a politician, a verbal attack: ACCUSE (شن النائب هجوما على الحكومة)
    detail: bool = False  # a detail of a protest (chants, stones): with definite protesters, an elaboration

    @property
    def ref(self) -> str:
        return f"triggers.tsv:{self.line}:{self.lemma}"

    @property
    def verb(self) -> bool:
        """A verb, or a phrase opened by one: the first word lists past|present."""
        return _verb_lemma(self.lemma)


def _verb_lemma(lemma: str) -> bool:
    return "|" in lemma.split()[0]


def conjugate(past: str, present: str) -> set[str]:
    """All normalised surface forms of a verb from its 3ms past and present."""
    past, present = normalize(past), normalize(present)
    forms = {past + s for s in PAST_SUFFIXES}
    if past.endswith(("ي", "ا")):  # defective: رمى → رموا، رميت
        forms |= {past[:-1] + s for s in ("وا", "ت", "تا", "نا", "تم")}
        forms |= {past[:-1] + "ي" + s for s in ("ت", "نا", "تم")}
    if present:
        if not present.startswith("ي"):
            raise DataError(f"present-tense form {present!r} must start with ي")
        stem = present[1:]
        for p in PRESENT_PREFIXES:
            forms |= {p + stem + s for s in PRESENT_SUFFIXES}
            if stem.endswith(("ي", "و", "ا")):  # defective: يرمي → يرمون؛ jussive لم يلتق
                forms |= {p + stem[:-1] + s for s in ("ون", "وا", "ين", "ان")}
                if p != "ا" and len(stem) >= 3:
                    forms.add(p + stem[:-1])
    return {f for f in forms if len(f) >= 2}


def _split_field(value: str) -> tuple[str, ...]:
    return tuple(normalize(v) for v in value.split(",") if v.strip())


@cache
def load_entries() -> tuple[TriggerEntry, ...]:
    text = files("hadath.events").joinpath("data/triggers.tsv").read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 7:
            raise DataError(f"events/data/triggers.tsv line {n}: expected 7 tab-separated fields, got {len(parts)}")
        etype, cameo, mode, kind, lemma, preps, flags = parts[:7]
        if etype not in PLOVER_TYPES or kind not in KINDS or not cameo.isdigit():
            raise DataError(f"events/data/triggers.tsv line {n}: bad type/kind/cameo {etype!r} {kind!r} {cameo!r}")
        flagset = set(flags.split(",")) - {"", "-"}
        unknown = flagset - FLAGS
        if unknown:
            raise DataError(f"events/data/triggers.tsv line {n}: unknown flags {sorted(unknown)}; known: {sorted(FLAGS)}")
        out.append(TriggerEntry(etype, cameo, "" if mode == "-" else mode, kind, lemma.strip(),
                                _split_field("" if preps == "-" else preps),
                                "trans" in flagset, "recip" in flagset, n,
                                "patient" in flagset, "needtgt" in flagset, "needobj" in flagset,
                                "toll" in flagset, "series" in flagset,
                                "nogen" in flagset, "verbal" in flagset,
                                "detail" in flagset))
    return tuple(out)


def surface_phrases(entry: TriggerEntry) -> set[str]:
    """The normalised phrases an entry matches (verbs conjugated)."""
    return expand_phrase(entry.lemma)


def expand_phrase(lemma: str) -> set[str]:
    """Normalised surface phrases of a lemma whose first word may be `past|present`."""
    words = lemma.split()
    head, rest = words[0], " ".join(normalize(w) for w in words[1:])
    if "|" in head:
        past, present = head.split("|", 1)
        heads = conjugate(past, present)
    else:
        heads = {normalize(head)}
    return {f"{h} {rest}".strip() for h in heads}


@cache
def _past_forms(head: str) -> frozenset[str]:
    past, _, _ = head.partition("|")
    return frozenset(conjugate(past, ""))


def is_present(entry: TriggerEntry, stem: str) -> bool:
    """The verb of `entry` matched as `stem` (clitics stripped) is an imperfect
    (يقتل، تستهدف), not a perfect (قتل، استهدفت)."""
    head = entry.lemma.split()[0]
    return "|" in head and stem not in _past_forms(head)


PARTICLES = frozenset({normalize("أن")})


def clitics_fit(cand: Candidate, entry: TriggerEntry) -> bool:
    """Verbs take only و ف س ل in front (never ال، بـ، كـ) and no bare ي behind (a
    verb's 'me' is ني: يدعى is not يدع + ي); nouns never take س; the article and a
    possessive pronoun never meet on one word (التنازلي is an adjective, not
    التنازل + ي). A phrase opened by the particle أن/إن takes only و ف ب ل in front
    (وأن على، فإن على، بأن على): كان على (had to, was on) and الآن على (now on) are
    other words."""
    prefix = cand.prefix.lstrip("وف")
    opener = _opener(entry.kind, entry.lemma)
    if opener == "particle":
        return prefix in ("", "ب", "ل") and not cand.suffix
    if opener == "verb":
        return prefix in ("", "س", "ل") and cand.suffix != "ي"
    return not prefix.startswith("س") and not (cand.suffix and prefix.endswith("ال"))


@cache  # one per entry: called for every new word form that may start one
def _opener(kind: str, lemma: str) -> str:
    """What opens an entry for `clitics_fit`: "particle" (a phrase opened by أن/إن),
    "verb" (a verb, or a phrase opened by one) or "noun"."""
    if kind == "phrase" and normalize(lemma.split()[0]) in PARTICLES:
        return "particle"
    return "verb" if _verb_lemma(lemma) else "noun"


@cache
def trigger_matcher() -> PhraseMatcher[TriggerEntry]:
    """One PhraseMatcher over every surface form of every entry."""
    matcher: PhraseMatcher[TriggerEntry] = PhraseMatcher(accept=clitics_fit)
    for entry in load_entries():
        for phrase in surface_phrases(entry):  # (normalised by expand_phrase)
            matcher.add(phrase, entry, normalized=True)
    return matcher


@cache
def entries_by_ref() -> dict[str, TriggerEntry]:
    """Lexicon entries by `ref` (what `Event.lexicon_entry` holds)."""
    return {e.ref: e for e in load_entries()}


SPLIT_GAP = 4  # tokens a subject may put between a phrase's verb and the rest of the phrase


SplitOptions = tuple[tuple[TriggerEntry, frozenset[str]], ...]


@cache
def split_matcher() -> tuple[PhraseMatcher[SplitOptions], frozenset[str]]:
    """The rest of every phrase that starts with a verb (عن قلق، المسؤولية، باللوم),
    with the entries whose verb it follows and their verb forms (one rest may follow
    several verbs: حكم بسجن، قضى بسجن; أطلق صاروخا، اختبر صاروخا), for a verb its
    subject has moved away (VSO: أعرب وزير الخارجية عن قلقه، حمل الرئيس إسرائيل
    المسؤولية); and every such verb form, also behind و or ف."""
    options: dict[str, list[tuple[TriggerEntry, frozenset[str]]]] = {}
    verbs: set[str] = set()
    for entry in load_entries():
        words = entry.lemma.split()
        if entry.kind != "phrase" or "|" not in words[0] or len(words) < 2:
            continue
        forms = frozenset(conjugate(*words[0].split("|", 1)))
        options.setdefault(normalize(" ".join(words[1:])), []).append((entry, forms))
        verbs |= forms | {c + f for f in forms for c in "وف"}
    matcher: PhraseMatcher[SplitOptions] = PhraseMatcher()
    for rest, fits in options.items():  # (keys normalised above)
        matcher.add(rest, tuple(fits), normalized=True)
    return matcher, frozenset(verbs)


def find_triggers(tokens) -> list:
    """Trigger matches of a sentence's tokens, in order: the lexicon's words and
    phrases as written, and the phrases whose verb stands up to `SPLIT_GAP` tokens
    before the rest of them (أعرب الوزير عن قلقه، حمل الرئيس إسرائيل المسؤولية). Such
    a match is the verb alone, carrying the phrase's entry, so the verb's argument
    rules read its subject and object (the words between; these may hold another
    trigger, the act judged: اعتبرت بغداد القصف التركي انتهاكا)."""
    found = trigger_matcher().find_all(tokens)
    matcher, verbs = split_matcher()
    if verbs.isdisjoint(map(_NORM, tokens)):
        return found
    taken = {i for m in found for i in range(m.tok_start, m.tok_end)}
    added, tails = [], set()
    for k, tok in enumerate(tokens):
        if tok.norm not in verbs or k in taken or k + 1 in taken:
            continue
        for j in range(k + 2, min(len(tokens), k + 2 + SPLIT_GAP)):  # the rest of the phrase after the gap
            m = matcher.match_at(tokens, j)
            if m is None or j in tails or any(i in taken for i in range(m.tok_start, m.tok_end)):
                continue
            entry, forms = next(((e, f) for e, f in m.payload if _verb_form(tok.norm, f)), (None, frozenset()))
            if entry is not None:
                prefix = "" if tok.norm in forms else tok.norm[0]
                start, end = tok.span_of(len(prefix), 0)
                added.append(PhraseMatch(k, k + 1, entry, entry.lemma, Candidate(tok.norm[len(prefix):], prefix, ""),
                                         start, end))
                taken.add(k)
                tails.add(j)
                break
    return sorted(found + added, key=lambda m: m.tok_start) if added else found


def _verb_form(norm: str, forms: frozenset[str]) -> bool:
    return norm in forms or (norm[:1] in "وف" and norm[1:] in forms)
