"""Tokens with original character offsets, and clitic-stripped candidate forms.

A token is a run of letters/digits (diacritics and tatweel included) in the
cleaned article text. Its `norm` is `normalize(text)`. `candidates(norm)` lists
the forms a dictionary lookup should try, least stripped first:

    proclitics   و ف  (conjunctions), then ب ل ك (prepositions) or س (future,
                 only before a present-tense prefix), then the article ال;
                 ل + ال is written لل (للصين → ل + الصين);
    enclitics    ه ها هما هم هن ك كما كم كن ي نا; a stem left ending in ت
                 also yields ه (حكومته → حكومه, ta marbuta in matching form).

Each candidate says how many normalised characters were stripped in front and
behind, so a match can report the span of the stem inside the original token.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

from hadath.lang.ar.normalize import DELETED_CHARS, normalize, normalize_in_place

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_UNDERSCORE_PART = re.compile(r"[^_]+")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")
_PRESENT_PREFIX = "يتنا"
_ENDING_WITH = {end: tuple(enc for enc in ENCLITICS if enc.endswith(end)) for end in {e[-1] for e in ENCLITICS}}
MIN_STEM = 2


class Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int
    index: int

    def span_of(self, prefix_len: int, suffix_len: int) -> tuple[int, int]:
        """Original offsets of the stem left after stripping `prefix_len` and
        `suffix_len` normalised characters from this token."""
        start = self.start + _orig_index(self.text, prefix_len)
        end = self.end - _orig_index(self.text[::-1], suffix_len)
        return start, max(end, start)


class Candidate(NamedTuple):
    stem: str
    prefix: str  # normalised proclitics stripped ("" if none)
    suffix: str  # normalised enclitic stripped ("" if none)


def _orig_index(text: str, norm_chars: int) -> int:
    """Index in `text` after `norm_chars` characters that survive normalisation."""
    if norm_chars <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(text):
        if ch not in DELETED_CHARS:
            seen += 1
            if seen == norm_chars:
                return i + 1
    return len(text)


NORM_MEMO = 50_000  # word forms whose normalised form is remembered (two generations of this many)
_norms: dict[str, str] = {}  # word as written → normalize(word); the forms in use
_older_norms: dict[str, str] = {}  # the previous generation, dropped when the current one fills


def _norm(word: str) -> str:
    """`normalize(word)`, memoised: a plain dict in two generations costs less per
    token than lru_cache's bookkeeping on every hit."""
    global _norms, _older_norms
    norm = _older_norms.get(word)
    if norm is None:
        norm = normalize(word)
    if len(_norms) >= NORM_MEMO:
        _older_norms, _norms = _norms, {}
    _norms[word] = norm
    return norm


def _norms_of(words: list[str]) -> list[str]:
    norms = list(map(_norms.get, words))  # a C loop: most words were seen before
    if None in norms:
        norms = [n if n is not None else _norm(w) for w, n in zip(words, norms)]
    return norms


_new_token = partial(tuple.__new__, Token)  # a Token from a tuple, no Python-level __new__


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` (a sentence's start).
    An underscore separates tokens (hashtags: #قطاع_غزة)."""
    if "_" in text:
        return _tokenize_underscores(text, offset)
    # C loops only: the split alternates gaps and words, so the running sum of the
    # parts' lengths gives every word's start (odd places) and end (even places)
    parts = _TOKEN_SPLIT.split(text)
    words = parts[1::2]
    pos = list(accumulate(map(len, parts), initial=0))
    starts, ends = pos[1::2], pos[2::2]
    normed = normalize_in_place(text)  # most sentences: each word's form is a slice of it
    norms = _norms_of(words) if normed is None else list(map(normed.__getitem__, map(slice, starts, ends)))
    if offset:
        starts, ends = list(map(offset.__add__, starts)), list(map(offset.__add__, ends))
    return list(map(_new_token, zip(words, norms, starts, ends, range(len(words)))))


def _tokenize_underscores(text: str, offset: int) -> list[Token]:
    out: list[Token] = []
    new, find, pos = tuple.__new__, text.find, 0  # tuple.__new__: no Python-level __new__ per token
    for word in _TOKEN.findall(text):
        start = find(word, pos)  # only non-token characters lie between pos and the match
        pos = start + len(word)
        if "_" in word:
            for part in _UNDERSCORE_PART.finditer(word):
                out.append(new(Token, (part.group(), _norm(part.group()), offset + start + part.start(),
                                       offset + start + part.end(), len(out))))
        else:
            out.append(new(Token, (word, _norm(word), offset + start, offset + pos, len(out))))
    return out


@lru_cache(maxsize=20_000)  # callers keep what they need of it in their own memos
def candidates(norm: str) -> tuple[Candidate, ...]:
    """Forms of a normalised token to look up, least stripped first."""
    out: dict[str, Candidate] = {}
    endings = [enc for enc in _ENDING_WITH.get(norm[-1:], ()) if norm.endswith(enc)]  # the same for every split
    if norm[:1] not in _PROCLITIC_HEADS:  # a third of new forms: nothing to strip in front
        if not endings:
            return (_new(Candidate, (norm, "", "")),) if len(norm) >= MIN_STEM else ()
        splits = [("", norm)]
    else:
        splits = _proclitic_splits(norm)
    for prefix, rest in splits:
        if len(rest) >= MIN_STEM and rest not in out:
            out[rest] = _new(Candidate, (rest, prefix, ""))
        for enc in endings:
            if len(rest) - len(enc) >= MIN_STEM + 1:
                stem = rest[: -len(enc)]
                if stem not in out:
                    out[stem] = _new(Candidate, (stem, prefix, enc))
                if stem.endswith("ت"):
                    stem = stem[:-1] + "ه"
                    if stem not in out:
                        out[stem] = _new(Candidate, (stem, prefix, enc))
    return tuple(out.values())


_new = tuple.__new__
# the letters a proclitic split can start with (conjunctions, prepositions, future س,
# the article's ا; لل starts with ل): a word starting otherwise has only itself
_PROCLITIC_HEADS = frozenset(CONJUNCTIONS + PREPOSITIONS + ("س", "ا"))


def enclitic_stems(norm: str) -> list[str]:
    """The stems of `candidates(norm)` with no proclitic stripped, besides `norm`
    itself (those come first there, so no stripped form shadows them), without
    working out every candidate."""
    out = []
    for enc in _ENDING_WITH.get(norm[-1:], ()):
        if norm.endswith(enc) and len(norm) - len(enc) >= MIN_STEM + 1:
            stem = norm[: -len(enc)]
            out.append(stem)
            if stem.endswith("ت"):
                out.append(stem[:-1] + "ه")
    return out


def _proclitic_splits(word: str) -> list[tuple[str, str]]:
    splits = [("", word)]
    _preposition_splits("", word, splits)
    if word[:1] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM:  # a word starts with one conjunction at most
        conj, base = word[0], word[1:]
        splits.append((conj, base))
        _preposition_splits(conj, base, splits)
    with_article = []
    for prefix, rest in splits:
        if rest.startswith("ال") and len(rest) - 2 >= MIN_STEM:
            with_article.append((prefix + "ال", rest[2:]))
    return splits + with_article


def _preposition_splits(conj: str, base: str, splits: list[tuple[str, str]]) -> None:
    """Add the splits of a preposition (or future س) after `conj`; `base[0]` picks the
    one preposition that can apply."""
    head = base[:1]
    if head == "ل" and base[1:2] == "ل" and len(base) > 3:
        splits.append((conj + "ل", "ا" + base[1:]))  # للصين → الصين
    elif head in PREPOSITIONS and len(base) - 1 >= MIN_STEM:
        splits.append((conj + head, base[1:]))
    if head == "س" and len(base) > 3 and base[1] in _PRESENT_PREFIX:
        splits.append((conj + "س", base[1:]))
