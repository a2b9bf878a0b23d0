"""Longest-match lookup of multi-word phrases over tokens.

`PhraseMatcher` holds phrases in matching form (sequences of normalised words)
with a payload each. The first word of a phrase is looked up through the
token's clitic candidates (so والصين and للصين find الصين); the following words
must match a token's `norm` exactly or with an enclitic stripped. Matching is
greedy from left to right, longest phrase first; between phrases of the same
length the least stripped first word wins, then the phrase added first.

Speed: what a token form can start is worked out once per form and memoised
(`_Start`: its one-word phrases, and its longer phrases bucketed by their
second word), so most tokens cost one cache lookup, and a longer phrase is
only tried when the next token can be its second word. The memo is shared by
all matchers: one record per form holds what the form starts in each of them
(by the matcher's slot), so the several matchers that read a sentence look its
forms up in one table, whose entries the first of them has just brought into
the processor's cache. It holds at most about `MEMO_LIMIT` forms (least
recently used ones are dropped), so memory stops growing once a corpus has
shown that many distinct words (about 2,000 news articles).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Generic, NamedTuple, TypeVar

from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Candidate, Token, candidates, enclitic_stems

P = TypeVar("P")
MEMO_LIMIT = 50_000  # forms remembered per memo (least recently used dropped): memory stays flat


@dataclass(slots=True)
class PhraseMatch(Generic[P]):
    tok_start: int  # index of the first token (in the token list given)
    tok_end: int  # end-exclusive
    payload: P
    phrase: str  # the matching form of the phrase that fired
    first: Candidate  # how the first token was stripped
    start: int  # original char offsets of the matched stem(s)
    end: int


class _Option(NamedTuple):
    """One phrase a token form can start, with how its first word was stripped."""

    rank: tuple[int, int, int]  # (-length, candidate index, order added): lower wins
    rest: tuple[str, ...]  # words after the second one
    payload: object
    phrase: str
    cand: Candidate
    n: int  # words after the first
    cut: int  # normalised characters stripped in front of the first word
    cut_end: int  # ... and behind it (0 for a longer phrase: its span ends at its last token)


class _Start(NamedTuple):
    single: _Option | None  # the best one-word phrase
    by_second: dict[str, tuple[_Option, ...]]  # second word → longer phrases, best first


NOTHING = ()  # memo value of a form that starts no phrase (false, unlike a _Start)
_NORM = itemgetter(1)  # Token.norm without an attribute lookup per token
_RANK = itemgetter(0)  # _Option.rank
_STEM = itemgetter(0)  # Candidate.stem
_FIRST_WORDS: dict[str, set[int]] = {}  # first word of a phrase → slots of the matchers that have it

# The shared memo: form → record, a tuple with what the form starts in the matcher
# of each slot (NOTHING where nothing, or where the slot's matcher is gone).
_slots: list[weakref.ref | None] = []  # the matcher of each slot (None: free)
_records: dict[str, tuple] = {}  # the forms in use
_older_records: dict[str, tuple] = {}  # the previous generation (see `_record`)
_nothing_record: tuple = ()  # the record of a form that starts nothing anywhere
_generation = 0  # counts `_forget` calls: records of an earlier generation are stale
_LOCK = threading.RLock()  # slots taken, memo emptied, records built: one thread at a time
# the records of the token list read last, with its length and the generation: the
# matchers that read one sentence in turn look its forms up once (token lists are
# not changed after `tokenize`; a list changed in place keeps its identity, so its
# length is checked too)
_last: tuple = (None, 0, -1, ())


def _useful(norm: str) -> tuple[tuple[int, Candidate], ...]:
    """The clitic candidates of a form (with their rank) that start a phrase of
    some matcher: worked out once per form for all matchers, which then look only
    at these (most forms have none)."""
    cands = candidates(norm)
    if _FIRST_WORDS.keys().isdisjoint(map(_STEM, cands)):  # C loops: most forms start nothing
        return ()
    return tuple((k, c) for k, c in enumerate(cands) if c.stem in _FIRST_WORDS)


@lru_cache(maxsize=MEMO_LIMIT)
def following_forms(norm: str) -> frozenset[str]:
    """Forms a non-first phrase word may take: the token itself, or the token with
    an enclitic stripped and no proclitic."""
    return frozenset([norm] + enclitic_stems(norm))  # = stems of candidates(norm) with no prefix


def _forget() -> None:
    """Empty the shared memo (a matcher was added, changed or dropped)."""
    global _records, _older_records, _nothing_record, _generation
    _generation += 1
    _records, _older_records = {}, {}
    _nothing_record = (NOTHING,) * len(_slots)


def _free(slot: int) -> None:
    _slots[slot] = None


def _take_slot(matcher: PhraseMatcher) -> int:
    with _LOCK:
        slot = next((k for k, ref in enumerate(_slots) if ref is None), len(_slots))
        ref = weakref.ref(matcher, lambda _, slot=slot: _free(slot))
        if slot == len(_slots):
            _slots.append(ref)
        else:
            _slots[slot] = ref
        _forget()
    return slot


def _record(norm: str) -> tuple:
    """What `norm` starts in each matcher, memoised in two generations: when the
    memo is full it becomes the older one, whose records move back as they are
    used again (the forms in use stay, the rest is dropped with the older
    generation). Under `_LOCK` (threads of the web app): a record is built from
    one set of slots and stored in the memo of the same generation."""
    with _LOCK:
        return _record_locked(norm)


def _record_locked(norm: str) -> tuple:
    global _records, _older_records
    record = _older_records.get(norm)
    if record is None:
        useful = _useful(norm)
        if useful:  # most forms start no phrase of any matcher: no _start calls for them
            starts = list(_nothing_record)
            for slot in set().union(*[_FIRST_WORDS[cand.stem] for _, cand in useful]):
                ref = _slots[slot]  # only the matchers with a phrase that can start here
                matcher = ref() if ref is not None else None
                if matcher is not None:
                    starts[slot] = matcher._start(useful) or NOTHING
            record = tuple(starts)
        else:
            record = _nothing_record
    if len(_records) >= MEMO_LIMIT:
        _older_records, _records = _records, {}
    _records[norm] = record
    return record


class PhraseMatcher(Generic[P]):
    def __init__(self, entries: Iterable[tuple[str, P]] = (),
                 accept: Callable[[Candidate, P], bool] | None = None, *, normalized: bool = False):
        """`accept(candidate, payload)` may refuse a first-word stripping for an
        entry (e.g. a verb must not be found behind the article ال). `normalized`:
        the phrases of `entries` are in matching form already (see `add`)."""
        self._index: dict[str, list[tuple[tuple[str, ...], P, str, int]]] = {}
        self._accept = accept
        self._added = 0
        self._slot = _take_slot(self)  # its place in the shared memo's records
        self._of_record = itemgetter(self._slot)
        for phrase, payload in entries:
            self.add(phrase, payload, normalized=normalized)

    def add(self, phrase: str, payload: P, *, normalized: bool = False) -> None:
        """Add a phrase; `normalized`: it is in matching form already (a lexicon
        built by `normalize`, or a data file tested to be), so it is not normalised
        again (the lexicons add about 47,000 phrases at start-up)."""
        words = tuple((phrase if normalized else normalize(phrase)).split())
        if not words:
            return
        first = words[0]
        bucket = self._index.get(first)  # (no setdefault: no new list or set per phrase while loading)
        if bucket is None:
            self._index[first] = bucket = []
        bucket.append((words[1:], payload, first if len(words) == 1 else " ".join(words), self._added))
        self._added += 1
        if _records or _older_records:  # what forms start has changed
            with _LOCK:
                _forget()
        slots = _FIRST_WORDS.get(first)
        if slots is None:
            _FIRST_WORDS[first] = {self._slot}
        else:
            slots.add(self._slot)

    def __contains__(self, phrase: str) -> bool:
        words = tuple(normalize(phrase).split())
        return any(rest == words[1:] for rest, _, _, _ in self._index.get(words[0], ())) if words else False

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _start(self, useful: tuple[tuple[int, Candidate], ...]) -> _Start | None:
        """What a token can start whose clitic candidates that start a phrase of
        some matcher are `useful` (None: nothing in this matcher)."""
        single: _Option | None = None
        buckets: dict[str, list[_Option]] = {}
        for k, cand in useful:
            for rest, payload, phrase, order in self._index.get(cand.stem, ()):
                if self._accept is not None and not self._accept(cand, payload):
                    continue
                option = _Option((-len(rest), k, order), rest[1:], payload, phrase, cand, len(rest),
                                 len(cand.prefix), 0 if rest else len(cand.suffix))
                if rest:
                    buckets.setdefault(rest[0], []).append(option)
                elif single is None or option.rank < single.rank:
                    single = option
        if single is None and not buckets:
            return None
        # ranks are unique (order added), so sorting on them alone gives the same order, cheaper
        return _Start(single, {w: tuple(sorted(opts, key=_RANK)) for w, opts in buckets.items()})

    def match_at(self, tokens: Sequence[Token], i: int) -> PhraseMatch[P] | None:
        """The longest phrase starting at token `i`, or None."""
        norm = tokens[i].norm
        start = (_records.get(norm) or _record(norm))[self._slot]
        return self._match(tokens, i, start) if start else None

    def _match(self, tokens: Sequence[Token], i: int, start: _Start) -> PhraseMatch[P] | None:
        best = _longer(tokens, i, start.by_second, following_forms(tokens[i + 1].norm)) \
            if start.by_second and i + 1 < len(tokens) else None
        if best is None:
            best = start.single
            if best is None:
                return None
        return _make(tokens, i, best)

    def find_all(self, tokens: Sequence[Token]) -> list[PhraseMatch[P]]:
        """Greedy left-to-right longest matches, not overlapping."""
        global _last
        last, n_last, generation, records = _last
        current = _generation  # read first: a memo emptied meanwhile makes these records stale
        if tokens is not last or len(tokens) != n_last or generation != current:
            records = list(map(_records.get, map(_NORM, tokens)))  # C loops: most forms start nothing
            if None in records:  # forms not in the memo
                records = [r if r is not None else _record(t.norm) for t, r in zip(tokens, records)]
            _last = (tokens, len(tokens), current, records)
        starts = list(map(self._of_record, records))
        out: list[PhraseMatch[P]] = []
        free = 0  # the first token not inside a match
        n_tokens = len(tokens)
        for i in compress(range(n_tokens), starts):
            if i < free:
                continue
            start = starts[i]  # _match inlined: it runs for every token that starts something
            by_second = start.by_second
            # _longer's first test inlined: most often the next token is no second word here
            if by_second and i + 1 < n_tokens \
                    and not by_second.keys().isdisjoint(forms := following_forms(tokens[i + 1].norm)):
                best = _longer(tokens, i, by_second, forms)
            else:
                best = None
            if best is None:
                best = start.single
                if best is None:
                    continue
            free = i + best.n + 1
            out.append(_make(tokens, i, best))
        return out


def _longer(tokens: Sequence[Token], i: int, by_second: dict[str, tuple[_Option, ...]],
            forms: frozenset[str]) -> _Option | None:
    """The best phrase of two words or more starting at token `i` (i + 1 < len(tokens));
    `forms`: `following_forms` of token i + 1 (`find_all` calls this only when one of
    them is a second word here)."""
    best = None
    n_tokens = len(tokens)
    for form in forms:
        for option in by_second.get(form, ()):
            if best is not None and option.rank >= best.rank:
                break
            if i + option.n < n_tokens and _rest_matches(tokens, i + 2, option.rest):
                best = option
                break
    return best


def _make(tokens: Sequence[Token], i: int, option: _Option) -> PhraseMatch:
    first = tokens[i]
    if option.cut or option.cut_end:
        start, end = first.span_of(option.cut, option.cut_end)
    else:  # nothing stripped (most matches): the token's own span
        start, end = first.start, first.end
    if option.n:
        end = tokens[i + option.n].end
    return PhraseMatch(i, i + option.n + 1, option.payload, option.phrase, option.cand, start, end)


def _rest_matches(tokens: Sequence[Token], j: int, rest: tuple[str, ...]) -> bool:
    for k, word in enumerate(rest):
        if word not in following_forms(tokens[j + k].norm):
            return False
    return True
