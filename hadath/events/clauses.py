"""Clause boundaries inside a sentence, for the scope of negation and complements.

A clause starts at the first token, after punctuation (، ؛ : « » " ( ) -), at a
complementiser or relative word (أن/إن، الذي، التي، حيث، بينما، فيما، لكن…), and
at a verb trigger joined by و/ف (وأكد، وطالبت). A comma followed by و and a
verbal noun trigger continues a list (…، وتنسيق التعاون) and does not start a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokens import Token

OPENERS = frozenset(normalize(w) for w in (
    "أن", "إن", "أنه", "أنها", "إنه", "إنها", "أنهم", "بأن", "لأن", "الذي", "التي", "الذين", "اللذين", "اللتين",
    "حيث", "بينما", "فيما", "لكن", "لكنه", "لكنها", "غير أن", "إلا أن", "عندما", "حين", "بعدما", "قبل أن", "بعد أن",
))
_PUNCT = re.compile(r"[،؛:«»\"()\[\]\-–—]")


def clause_ids(tokens: Sequence[Token], text: str, offset: int, joined_verbs: set[int] = frozenset(),
               joined_nouns: set[int] = frozenset()) -> list[int]:
    """Clause number of every token. `text` is the sentence, `offset` its start.

    `joined_verbs`: token indices of verb triggers joined by و/ف (each opens a clause);
    `joined_nouns`: those of noun triggers joined by و/ف (a comma before one does not)."""
    # the tokens after a punctuation mark: a mark is never inside a token, so the
    # number of tokens starting before it is the index of the token after it
    starts = [tok.start - offset for tok in tokens]
    after_mark = {bisect_right(starts, m.start()) for m in _PUNCT.finditer(text)}
    ids, current = [0], 0
    for i in range(1, len(tokens)):
        if i in after_mark and i not in joined_nouns:
            current += 1
        elif tokens[i].norm in OPENERS or i in joined_verbs:
            current += 1
        ids.append(current)
    return ids if tokens else []
