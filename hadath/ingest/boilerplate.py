"""Drop boilerplate lines (cookie banners, share bars, "read also", footers).

trafilatura removes boilerplate that sits in its own elements, but keeps a
banner written as a plain `<p>` inside the article, and plain-text inputs have
no markup at all. `strip_boilerplate` is a line filter that catches both.

Each line is put in the matching form (`hadath.lang.ar.normalize.normalize`,
then lower case) and compared with the phrases of `data/boilerplate.tsv`
(see the kinds explained in that file). A line is dropped when

* it contains a *strong* phrase ("بالاستمرار في تصفح", "جميع الحقوق محفوظة")
  and is not a long paragraph;
* it is only an *alone* phrase ("أوافق", "I agree");
* it starts with a *prefix* phrase ("اقرأ أيضا: …") and is short;
* it is short-ish and mostly boilerplate: at least `MOSTLY` of its content
  words (function words and numbers aside) lie inside strong or weak phrases.

A news sentence that mentions privacy or Facebook in passing keeps most of its
words outside the phrases, so it survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hadath.errors import DataError
from hadath.lang.ar.normalize import DELETED_CHARS, _MAP

KINDS = ("strong", "weak", "alone", "prefix")
MOSTLY = 0.6  # share of content words inside phrases for a line to be boilerplate
SHORT_WORDS = 15  # a "mostly boilerplate" line has at most this many content words
# (longer banner lines carry a strong phrase)
PREFIX_WORDS = 25  # a "prefix" line (اقرأ أيضا: title) has at most this many
STRONG_WORDS = 80  # a paragraph longer than this survives even a strong phrase

# Arabic proclitics that may stick to a phrase: و ف, then ب ل ك, then the article.
_CLITICS = "(?:[وف]?لل|[وف]?[بلك]?(?:ال)?)"
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "لل", "ولل", "فلل")
_PUNCTUATION = tuple(".,:;!?|/\\()[]{}\"'«»،؛؟…•·-–—_*>")
_TOKEN = re.compile(r"[^\W_]+")
_EDGE_PUNCT = " \t.,:;!?|•·-–—_*()[]{}\"'«»،؛؟…>/\\"
_FUNCTION_WORDS = frozenset(
    "في من علي الي عن مع ان او ثم هذا هذه ذلك تلك التي الذي ما لا قد كل عبر و ف ب ل "
    "a an the of to on in and or our us your you this for with at by is are be it we via".split()
)


@dataclass(frozen=True, slots=True)
class _Patterns:
    strong: re.Pattern
    any: re.Pattern
    keys: frozenset[str]  # a line with none of these words matches no strong/weak phrase
    alone: frozenset[str]
    prefixes: tuple[str, ...]


_DELETED = re.compile("[" + "".join(sorted(DELETED_CHARS)) + "]")
_LETTER_MAP = tuple(_MAP.items())


def match_form(text: str) -> str:
    """The form lines and phrases are compared in: `normalize`, then lower case.

    Equal to `normalize(text).lower()` except that digits are not folded
    (they are neutral here), and ~4x faster on article lines (str.replace runs
    in C; str.translate with a dict does one lookup per character). Input is
    `clean_text` output, so presentation forms are already expanded.
    """
    if _DELETED.search(text):
        text = _DELETED.sub("", text)
    for letter, replacement in _LETTER_MAP:
        if letter in text:
            text = text.replace(letter, replacement)
    return text.lower()


def _alternation(phrases: list[str]) -> re.Pattern:
    body = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_]){_CLITICS}(?:{body})(?![^\W_])")


def read_phrases() -> dict[str, list[str]]:
    """The phrases of `data/boilerplate.tsv`, by kind (in file order)."""
    phrases: dict[str, list[str]] = {kind: [] for kind in KINDS}
    text = resources.files("hadath.ingest").joinpath("data/boilerplate.tsv").read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, phrase = line.partition("\t")
        if kind not in phrases or not phrase.strip():
            raise DataError(f"boilerplate.tsv line {number}: expected 'kind<TAB>phrase' with kind in {KINDS}")
        phrases[kind].append(phrase.strip())
    return phrases


def _keys(phrases: list[str]) -> frozenset[str]:
    """One word per phrase that a matching line must contain (the longest).

    The first word of a phrase may carry the proclitics `_CLITICS` allows, so
    it is added with them.
    """
    keys = set()
    for phrase in phrases:
        words = phrase.split()
        key = max(words, key=len)
        if key is not words[0]:
            keys.add(key)
            continue
        bare = key[2:] if key.startswith("ال") else key
        keys.update(c + key for c in _PREFIXES)
        keys.update(c + bare for c in _ARTICLE_PREFIXES)
    return frozenset(keys)


def _words(form: str) -> set[str]:
    for mark in _PUNCTUATION:
        if mark in form:
            form = form.replace(mark, " ")
    return set(form.split())


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    phrases = read_phrases()
    return _Patterns(
        strong=_alternation(phrases["strong"]),
        any=_alternation(phrases["strong"] + phrases["weak"]),
        alone=frozenset(phrases["alone"]),
        prefixes=tuple(phrases["prefix"]),
        keys=_keys(phrases["strong"] + phrases["weak"]),
    )


def _content_tokens(form: str) -> list[tuple[int, str]]:
    return [
        (m.start(), m.group())
        for m in _TOKEN.finditer(form)
        if m.group() not in _FUNCTION_WORDS and not m.group().isdigit()
    ]


def _mostly_boilerplate(form: str, pattern: re.Pattern) -> bool:
    spans = [m.span() for m in pattern.finditer(form)]
    if not spans:
        return False
    tokens = _content_tokens(form)
    if not tokens or len(tokens) > SHORT_WORDS:
        return False
    covered = sum(1 for start, _ in tokens if any(a <= start < b for a, b in spans))
    return covered / len(tokens) >= MOSTLY


def is_boilerplate(line: str) -> bool:
    """True when one line of text is boilerplate (see the module docstring)."""
    if line.count(" ") > 2 * STRONG_WORDS + 10:  # a long paragraph, before the costly match form
        return False
    form = match_form(line).strip(_EDGE_PUNCT)
    if not form:
        return False
    patterns = _patterns()
    if form in patterns.alone:
        return True
    if form.count(" ") > 2 * STRONG_WORDS:  # a long paragraph: never boilerplate
        return False
    if form.startswith(patterns.prefixes) and len(_content_tokens(form)) <= PREFIX_WORDS:
        return True
    if patterns.keys.isdisjoint(_words(form)):
        return False
    if patterns.strong.search(form) and len(_content_tokens(form)) <= STRONG_WORDS:
        return True
    return form.count(" ") <= 2 * SHORT_WORDS and _mostly_boilerplate(form, patterns.any)


def strip_boilerplate(text: str) -> str:
    """`text` without its boilerplate lines; blank-line paragraph breaks are kept."""
    kept = [line for line in text.split("\n") if not is_boilerplate(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
