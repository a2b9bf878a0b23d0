"""Lint of the trigger lexicon (events/data/triggers.tsv) and its blockers (blockers.tsv)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from importlib.resources import files

import pytest

from hadath.events.lexicon import FLAGS, KINDS, conjugate, load_entries, surface_phrases, trigger_matcher
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import tokenize
from hadath.ontology import PLOVER_TYPES

DATA = files("hadath.events").joinpath("data")

# CAMEO roots each PLOVER type may use (CAMEO->PLOVER table, PLOVER draft 0.8), plus the
# single codes the table moves across roots (191/192 blockade/occupy -> COERCE;
# 175 violent repression and 1712 destroy property -> ASSAULT).
ROOTS = {
    "AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "COOPERATE": {"06"}, "AID": {"07"},
    "CONCEDE": {"08"}, "RETREAT": {"08"}, "REQUEST": {"10", "02"}, "ACCUSE": {"11", "09"},
    "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"}, "MOBILIZE": {"15"},
    "SANCTION": {"16"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20"},
}
EXTRA_CODES = {"COERCE": {"191", "192"}, "ASSAULT": {"175", "1712"}}
# PLOVER mode names of the CAMEO->PLOVER table, plus "meet" and "aerial" (annotation guide).
MODES = {
    "meet", "phone", "visit", "third-party", "humanitarian", "asylum", "legal", "release", "return",
    "ease", "access", "disarm", "ceasefire", "withdraw", "assist", "change", "yield", "investigate",
    "disapprove", "allege", "relations", "restrict", "ban", "violence", "expel", "demo", "hunger",
    "boycott", "obstruct", "riot", "police", "troops", "discontinue", "seize", "curfew",
    "martial-law", "arrest", "deport", "abduct", "beat", "sexual", "torture", "suicide-attack",
    "explosives", "assassinate", "firearms", "heavy-weapons", "aerial", "massacre", "cleansing",
    "unconventional",
}
PREPS = {normalize(p) for p in ("مع", "ب", "ل", "الى", "على", "ضد", "من", "عن", "في", "بين", "بحق",
                                "ازاء", "باتجاه", "نحو", "أمام")}
# Only these letters may differ between a lemma as written and its matching form.
WRITTEN_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
FORBIDDEN = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\ufb50-\ufdff\ufe70-\ufeff]")

ENTRIES = load_entries()


def _raw_lines(name: str) -> list[str]:
    return DATA.joinpath(name).read_text(encoding="utf-8").splitlines()


def _blockers() -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(_raw_lines("blockers.tsv"), 1):
        if line.strip() and not line.startswith("#"):
            phrase, reason = line.split("\t")
            out.append((n, phrase, reason))
    return out


def _blocker_surfaces(phrase: str) -> set[str]:
    head, _, rest = phrase.partition(" ")
    heads = conjugate(*head.split("|")) if "|" in head else {normalize(head)}
    return {f"{h} {normalize(rest)}".strip() for h in heads}


def test_lexicon_loads_with_seven_fields_per_row():
    rows = [ln for ln in _raw_lines("triggers.tsv") if ln.strip() and not ln.startswith("#")]
    assert all(len(ln.split("\t")) == 7 for ln in rows)
    assert len(ENTRIES) == len(rows) >= 500


@pytest.mark.parametrize("etype", PLOVER_TYPES)
def test_every_type_has_verbs_nouns_and_ten_entries(etype):
    kinds = Counter(e.kind for e in ENTRIES if e.event_type == etype)
    assert sum(kinds.values()) >= 10
    assert kinds["verb"] >= 1 and kinds["noun"] >= 1


def test_cameo_codes_fit_their_type():
    bad = [e.ref for e in ENTRIES
           if not (3 <= len(e.cameo) <= 4 and (e.cameo[:2] in ROOTS[e.event_type]
                                               or e.cameo in EXTRA_CODES.get(e.event_type, ())))]
    assert not bad


def test_modes_are_plover_mode_names():
    assert not [e.ref for e in ENTRIES if e.mode and e.mode not in MODES]


def test_target_prepositions_are_known():
    assert not [e.ref for e in ENTRIES if set(e.target_preps) - PREPS]


def test_flags_are_known():
    for line in _raw_lines("triggers.tsv"):
        if line.strip() and not line.startswith("#"):
            assert set(line.split("\t")[6].split(",")) <= {"-"} | FLAGS, line


@pytest.mark.parametrize("name", ["triggers.tsv", "blockers.tsv"])
def test_no_diacritics_tatweel_or_presentation_forms(name):
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert not FORBIDDEN.search(text)
    assert text == unicodedata.normalize("NFC", text)


def test_lemmas_are_written_in_matching_form_apart_from_hamza_and_ta_marbuta():
    bad = [e.ref for e in ENTRIES
           if normalize(e.lemma) != e.lemma.translate(WRITTEN_VARIANTS)
           or normalize(normalize(e.lemma)) != normalize(e.lemma)]
    assert not bad


def test_lemma_shape_matches_kind():
    for e in ENTRIES:
        words = e.lemma.split(" ")
        assert e.kind in KINDS and all(words), e.ref
        assert all("|" not in w for w in words[1:]), e.ref
        if e.kind == "verb":
            assert len(words) == 1 and words[0].count("|") == 1, e.ref
            assert normalize(words[0].split("|")[1]).startswith("ي"), e.ref
        elif e.kind in ("noun", "participle"):
            assert "|" not in e.lemma, e.ref
        else:
            assert len(words) >= 2, e.ref


def test_no_duplicate_entries():
    counts = Counter(normalize(e.lemma) for e in ENTRIES)
    assert not [lemma for lemma, n in counts.items() if n > 1]


def test_no_surface_phrase_belongs_to_two_types():
    types: dict[str, set[str]] = defaultdict(set)
    for e in ENTRIES:
        for phrase in surface_phrases(e):
            types[phrase].add(e.event_type)
    assert not {p: t for p, t in types.items() if len(t) > 1}


@pytest.mark.parametrize("past,present,form", [
    ("اجتمع", "يجتمع", "اجتمعوا"), ("اجتمع", "يجتمع", "يجتمعان"), ("اجتمع", "يجتمع", "تجتمع"),
    ("اجتمع", "يجتمع", "اجتمعت"), ("اتهم", "يتهم", "اتهموا"), ("اتهم", "يتهم", "تتهم"),
    ("رمى", "يرمي", "رموا"), ("رمى", "يرمي", "رمت"), ("رمى", "يرمي", "يرمون"),
    ("دعا", "يدعو", "دعوا"), ("دعا", "يدعو", "دعت"), ("دعا", "يدعو", "تدعو"), ("دعا", "يدعو", "يدعون"),
    ("التقى", "يلتقي", "التقت"), ("التقى", "يلتقي", "التقيا"), ("التقى", "يلتقي", "يلتقون"),
    ("أيد", "يؤيد", "تؤيد"), ("أيد", "يؤيد", "ايدت"), ("زار", "يزور", "زاروا"), ("شن", "يشن", "شنت"),
])
def test_conjugation_spot_checks(past, present, form):
    assert normalize(form) in conjugate(past, present)


@pytest.mark.parametrize("sentence,etype", [
    ("واجتمعت الوزيرة مع نظيرها", "CONSULT"),
    ("وأجرى الرئيس اتصالا هاتفيا مع نظيره", "CONSULT"),
    ("ودعت الأمم المتحدة إلى ضبط النفس", "REQUEST"),
    ("واتهمت الحكومة المعارضة بالتحريض", "ACCUSE"),
    ("شنت الطائرات غارات على المدينة", "ASSAULT"),
    ("أعلنت الهدنة بين الطرفين", "RETREAT"),
    ("وفرضت واشنطن عقوبات على طهران", "SANCTION"),
    ("واعتقلت الشرطة عشرة أشخاص", "COERCE"),
    ("خرج الآلاف في مظاهرات حاشدة", "PROTEST"),
    ("قدمت السعودية مساعدات إنسانية", "AID"),
])
def test_triggers_fire_in_running_text(sentence, etype):
    found = {m.payload.event_type for m in trigger_matcher().find_all(tokenize(sentence))}
    assert etype in found


def test_blockers_are_well_formed_and_each_covers_a_trigger():
    blockers = _blockers()
    assert len(blockers) >= 50
    matcher = trigger_matcher()
    for n, phrase, reason in blockers:
        assert reason.strip() and not FORBIDDEN.search(phrase), n
        assert normalize(phrase) == phrase.translate(WRITTEN_VARIANTS), n
        for surface in _blocker_surfaces(phrase):
            assert matcher.find_all(tokenize(surface)), f"blockers.tsv:{n} {phrase!r} covers no trigger"


def test_blockers_are_unique():
    counts = Counter(normalize(p) for _, p, _ in _blockers())
    assert not [p for p, n in counts.items() if n > 1]


@pytest.mark.parametrize("sentence,lemma", [
    ("أطلقت الطائرات الإسرائيلية صاروخا على سيارة", "أطلق|يطلق صاروخا"),
    ("اختبرت كوريا الشمالية صاروخا جديدا", "اختبر|يختبر صاروخا"),
    ("وقام مسلحون مجهولون بخطف مهندس", "قام|يقوم بخطف"),
    ("وفجر المهاجمون قنابلهم في محطة القطارات", "فجر|يفجر قنابل"),
    ("وخرج أمس آلاف متظاهرين في شوارع المدينة", "خرج|يخرج متظاهرين"),
])
def test_split_phrase_finds_each_verb_that_shares_a_tail(sentence, lemma):
    from hadath.events.lexicon import find_triggers

    assert lemma in {m.payload.lemma for m in find_triggers(tokenize(sentence))}
