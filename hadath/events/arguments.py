"""Source and target of a trigger, from the actor mentions of its sentence.

Rules, in order (the one that fired is recorded in `Event.rule`):

target
  prep        an actor after the trigger introduced by one of the entry's (or
              the type's default) prepositions: مع، على، ضد، إلى، لـ، بـ …
  object      transitive verb: the actor after the source (اتهم X Y, استقبل X Y)
  genitive    a noun whose genitive is the patient (مقتل X، اعتقال X، قصف X)
  pair        reciprocal act of two coordinated actors (X و Y اجتمعا) or the
              two sides (الجانبان): source = first, target = second
source
  vso         verb trigger followed by its subject (أدانت الخارجية الروسية …)
  genitive    noun trigger followed by its agent (زيارة الرئيس …)
  before      the nearest actor before the trigger that is not the object of a
              preposition (SVO order, topics, "قال X إن Y …")
  carried     no actor in a sentence that begins with a verb: the source of the
              previous event in the article (a dropped subject: وأكد …)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Token
from hadath.records import ActorMention

PREP_WORDS = frozenset(normalize(w) for w in (
    "مع", "على", "ضد", "إلى", "الى", "من", "عن", "في", "بين", "لدى", "عند", "تجاه", "حول", "نحو", "أمام", "بحق", "عبر",
))
DEFAULT_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("مع", "ل"),
    "CONSULT": ("مع", "الى", "ل"),
    "SUPPORT": ("ل", "ب"),
    "CONCEDE": ("ل",),
    "COOPERATE": ("مع", "ل", "الى"),
    "AID": ("الى", "ل"),
    "RETREAT": ("من",),
    "REQUEST": ("من", "ل"),
    "ACCUSE": ("ب", "ضد", "على"),
    "REJECT": (),
    "THREATEN": ("ب", "ضد"),
    "PROTEST": ("ضد", "على"),
    "SANCTION": ("على", "ضد"),
    "MOBILIZE": ("ضد", "على"),
    "COERCE": ("على", "ضد", "بحق"),
    "ASSAULT": ("على", "ضد", "في"),
}
PATIENT_GENITIVE_TYPES = frozenset({"ASSAULT", "COERCE"})
MAX_GAP = 6  # tokens between trigger and a preposition-introduced target


@dataclass(slots=True)
class Assignment:
    source: list[ActorMention]
    target: list[ActorMention]
    rule: str


def governing_prep(tokens: Sequence[Token], m: ActorMention) -> str:
    """The preposition governing a mention: a proclitic (لـ بـ) or the word before."""
    tok = tokens[m.tok_start]
    clitic = normalize(tok.text[: max(0, m.start - tok.start)])
    clitic = clitic.lstrip("وف")
    if clitic.startswith(("ل", "ب", "ك")):
        return clitic[0]
    if m.tok_start > 0 and tokens[m.tok_start - 1].norm.lstrip("و") in PREP_WORDS:
        return tokens[m.tok_start - 1].norm.lstrip("و")
    return ""


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


def assign(
    tokens: Sequence[Token],
    mentions: list[ActorMention],
    trig_start: int,
    trig_end: int,
    *,
    event_type: str,
    kind: str,
    target_preps: tuple[str, ...],
    transitive: bool,
    reciprocal: bool,
    lemma: str,
    patient_nouns: frozenset[str] = frozenset(),
) -> Assignment:
    preps = target_preps or DEFAULT_TARGET_PREPS.get(event_type, ())
    after = [k for k, m in enumerate(mentions) if m.tok_start >= trig_end]
    before = [k for k, m in enumerate(mentions) if m.tok_end <= trig_start]
    rules = []

    target_idx = _prep_target(tokens, mentions, after, trig_end, preps)
    if target_idx is not None:
        rules.append("target:prep")

    source_idx = None
    if after and mentions[after[0]].tok_start - trig_end <= 1 and not governing_prep(tokens, mentions[after[0]]):
        first_after = after[0]
        if kind == "noun" and (event_type in PATIENT_GENITIVE_TYPES or normalize(lemma) in patient_nouns):
            if target_idx is None:
                target_idx, _ = first_after, rules.append("target:genitive")
        elif first_after != target_idx:
            source_idx = first_after
            rules.append("source:vso" if kind != "noun" else "source:genitive")
            if transitive and target_idx is None:
                nxt = [k for k in after if k > first_after and k not in coordinated(tokens, mentions, first_after)]
                if nxt and not governing_prep(tokens, mentions[nxt[0]]) \
                        and mentions[nxt[0]].tok_start - mentions[first_after].tok_end <= 2:
                    target_idx = nxt[0]
                    rules.append("target:object")
    if source_idx is None:
        free = [k for k in before if not governing_prep(tokens, mentions[k])]
        if free:
            source_idx = _group_head(tokens, mentions, free[-1])
            rules.append("source:before")
    source = _group(tokens, mentions, source_idx)
    target = [mentions[target_idx]] if target_idx is not None else []
    if not target and len(source) >= 2 and (reciprocal or source[0].rule == "two-sides"):
        source, target = source[:1], source[1:2]
        rules.append("pair")
    if not target and transitive and source_idx is not None and source_idx < trig_start and kind != "noun":
        obj = [k for k in after if mentions[k].tok_start - trig_end <= 1 and not governing_prep(tokens, mentions[k])]
        if obj:
            target = [mentions[obj[0]]]
            rules.append("target:object")
    return Assignment(source, target, ",".join(rules))


def _prep_target(tokens, mentions, after, trig_end, preps) -> int | None:
    for k in after:
        m = mentions[k]
        if m.tok_start - trig_end > MAX_GAP:
            return None
        prep = governing_prep(tokens, m)
        if prep and prep in preps:
            return k
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
