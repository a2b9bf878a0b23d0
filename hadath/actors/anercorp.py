"""Recall of the gazetteer on ANERcorp (Benajiba et al. 2007) named entities.

ANERcorp is one "token TAG" per line (IOB2: B/I-PERS, B/I-LOC, ...). Two numbers:

* state recall: of the LOC entities whose text is a state name in countries.tsv
  (after clitics are stripped), the share that `find_actors` codes as that state;
* person recall: of the PERS entities whose text contains a name in persons.tsv,
  the share covered by a person mention; `person_in_data` is the share of all
  PERS entities that contain a name of persons.tsv at all.

The corpus has no sentence breaks we can trust, so it is read in windows of
`window` tokens; no dates (early 2000s news), so persons resolve to their latest role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hadath.actors.gazetteer import all_entries
from hadath.actors.resolver import ActorResolver
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Token, candidates


@dataclass(slots=True)
class Recall:
    found: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.found / self.total if self.total else 0.0


def read_conll(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.strip().rpartition(" ")
        if word:
            pairs.append((word, tag))
    return pairs


def entities(pairs: list[tuple[str, str]], label: str) -> list[tuple[int, int]]:
    """(start, end) token index spans of entities of one label (LOC, PERS)."""
    spans, start = [], None
    for i, (_, tag) in enumerate(pairs + [("", "O")]):
        if start is not None and tag != f"I-{label}":
            spans.append((start, i))
            start = None
        if tag == f"B-{label}":
            start = i
    return spans


def _tokens(words: Iterable[str], offset: int) -> list[Token]:
    out, pos = [], 0
    for i, word in enumerate(words):
        out.append(Token(word, normalize(word), pos, pos + len(word), i + offset))
        pos += len(word) + 1
    return out


def _names(kind: str) -> set[str]:
    return {e.phrase for e in all_entries() if e.kind == kind}


def _is_named(words: list[str], names: set[str]) -> bool:
    if len(words) == 1:
        return any(c.stem in names for c in candidates(normalize(words[0]))) or normalize(words[0]) in names
    return normalize(" ".join(words)) in names


def mention_spans(pairs: list[tuple[str, str]], window: int = 60) -> list[tuple[int, int, str, str]]:
    """(tok_start, tok_end, code, kind) of every mention, over windows of the corpus."""
    out = []
    for base in range(0, len(pairs), window):
        words = [w for w, _ in pairs[base:base + window]]
        for m in ActorResolver(None).find(_tokens(words, base)):
            out.append((base + m.tok_start, base + m.tok_end, m.code, m.kind))
    return out


def measure(path: Path) -> dict[str, Recall]:
    pairs = read_conll(path)
    mentions = mention_spans(pairs)
    covered_state = {i for s, e, code, kind in mentions if kind == "state" for i in range(s, e)}
    covered_person = {i for s, e, code, kind in mentions if kind == "person" for i in range(s, e)}
    result = {"state": Recall(), "person": Recall(),
              "person_in_data": Recall(total=len(entities(pairs, "PERS")))}
    states, people = _names("state"), _names("person")
    for start, end in entities(pairs, "LOC"):
        if _is_named([w for w, _ in pairs[start:end]], states):
            result["state"].total += 1
            result["state"].found += all(i in covered_state for i in range(start, end))
    for start, end in entities(pairs, "PERS"):
        words = [w for w, _ in pairs[start:end]]
        if any(_is_named(words[i:j], people) for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
            result["person"].total += 1
            result["person_in_data"].found += 1
            result["person"].found += any(i in covered_person for i in range(start, end))
    return result
