from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from hadath.events.clauses import OPENERS, clause_ids
from hadath.lang.ar.tokens import tokenize


def _by_gaps(tokens, text, offset, joined_verbs=frozenset(), joined_nouns=frozenset()):
    """The rule read off each gap between two tokens."""
    ids, current = [], 0
    for i, tok in enumerate(tokens):
        if i:
            gap = text[tokens[i - 1].end - offset : tok.start - offset]
            if re.search(r"[،؛:«»\"()\[\]\-–—]", gap) and i not in joined_nouns:
                current += 1
            elif tok.norm in OPENERS or i in joined_verbs:
                current += 1
        ids.append(current)
    return ids


def test_punctuation_and_openers_start_clauses():
    text = "قال الوزير إن الحكومة ستفاوض، وأكد (في بيان) التزامها"
    tokens = tokenize(text, 100)
    words = [t.text for t in tokens]
    ids = clause_ids(tokens, text, 100)
    assert ids[words.index("إن")] == 1 and ids[words.index("وأكد")] == 2
    assert ids[words.index("في")] == 3 and ids[words.index("التزامها")] == 4
    assert clause_ids([], "", 0) == []


@given(st.lists(st.sampled_from(["قال", "إن", "الوزير", "، ", ": ", "(", ")", " - ", "وأكد", "التي", "٢٠٢٤",
                                 " ", "  ", "_", "«", "»"]), max_size=25), st.integers(0, 50),
       st.sets(st.integers(0, 25)), st.sets(st.integers(0, 25)))
def test_clauses_are_those_read_off_each_gap(parts, offset, verbs, nouns):
    text = " ".join(parts)
    tokens = tokenize(text, offset)
    assert clause_ids(tokens, text, offset, verbs, nouns) == _by_gaps(tokens, text, offset, verbs, nouns)
    every_other = tokens[::2]  # a subset of the tokens: the gaps between them
    assert clause_ids(every_other, text, offset) == _by_gaps(every_other, text, offset)
