"""Longest-match lookup of multi-word phrases over tokens.

`PhraseMatcher` holds phrases in matching form (sequences of normalised words)
with a payload each. The first word of a phrase is looked up through the
token's clitic candidates (so والصين and للصين find الصين); the following words
must match a token's `norm` exactly or with an enclitic stripped. Matching is
greedy from left to right, longest phrase first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Candidate, Token, candidates

P = TypeVar("P")
MEMO_LIMIT = 200_000


@dataclass(slots=True)
class PhraseMatch(Generic[P]):
    tok_start: int  # index of the first token (in the token list given)
    tok_end: int  # end-exclusive
    payload: P
    phrase: str  # the matching form of the phrase that fired
    first: Candidate  # how the first token was stripped
    start: int  # original char offsets of the matched stem(s)
    end: int


class PhraseMatcher(Generic[P]):
    def __init__(self, entries: Iterable[tuple[str, P]] = (),
                 accept: Callable[[Candidate, P], bool] | None = None):
        """`accept(candidate, payload)` may refuse a first-word stripping for an
        entry (e.g. a verb must not be found behind the article ال)."""
        self._index: dict[str, list[tuple[tuple[str, ...], P, str]]] = {}
        self._hits: dict[str, tuple[Candidate, ...]] = {}  # memo: token norm → candidates in the index
        self._accept = accept
        self._sorted = True
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: P) -> None:
        words = tuple(normalize(phrase).split())
        if not words:
            return
        self._index.setdefault(words[0], []).append((words[1:], payload, " ".join(words)))
        self._sorted = False
        self._hits.clear()

    def __contains__(self, phrase: str) -> bool:
        words = tuple(normalize(phrase).split())
        return any(rest == words[1:] for rest, _, _ in self._index.get(words[0], ())) if words else False

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _sort(self) -> None:
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._sorted = True

    def match_at(self, tokens: Sequence[Token], i: int) -> PhraseMatch[P] | None:
        """The longest phrase starting at token `i`, or None."""
        if not self._sorted:
            self._sort()
        best: PhraseMatch[P] | None = None
        for cand in self._candidates_in_index(tokens[i].norm):
            for rest, payload, phrase in self._index[cand.stem]:
                n = len(rest)
                if best is not None and n + 1 <= best.tok_end - best.tok_start:
                    break
                if self._accept is not None and not self._accept(cand, payload):
                    continue
                if i + n < len(tokens) and _rest_matches(tokens, i + 1, rest):
                    best = self._make(tokens, i, n, payload, phrase, cand)
                    break
        return best

    def _candidates_in_index(self, norm: str) -> tuple[Candidate, ...]:
        hits = self._hits.get(norm)
        if hits is None:
            if len(self._hits) > MEMO_LIMIT:
                self._hits.clear()
            hits = self._hits[norm] = tuple(c for c in candidates(norm) if c.stem in self._index)
        return hits

    def find_all(self, tokens: Sequence[Token]) -> list[PhraseMatch[P]]:
        """Greedy left-to-right longest matches, not overlapping."""
        out: list[PhraseMatch[P]] = []
        hits, i, n = self._hits, 0, len(tokens)
        while i < n:
            found = hits.get(tokens[i].norm)
            if found is None:
                found = self._candidates_in_index(tokens[i].norm)
            m = self.match_at(tokens, i) if found else None
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.tok_end
        return out

    @staticmethod
    def _make(tokens, i, n, payload, phrase, cand) -> PhraseMatch[P]:
        first, last = tokens[i], tokens[i + n]
        start, end = first.span_of(len(cand.prefix), 0 if n else len(cand.suffix))
        if n:
            end = last.end
        return PhraseMatch(i, i + n + 1, payload, phrase, cand, start, end)


def _rest_matches(tokens: Sequence[Token], j: int, rest: tuple[str, ...]) -> bool:
    for k, word in enumerate(rest):
        norm = tokens[j + k].norm
        if norm != word and not any(c.stem == word and not c.prefix for c in candidates(norm)):
            return False
    return True
