"""Is this article Arabic? A script test first, lingua only when it is unsure.

The common case must cost almost nothing (the pipeline codes ~300 articles/s
per core), so `detect_language` first counts letters on a sample of the text
(`SAMPLE_CHARS`):

* no letters                                   -> 'unknown'
* Arabic-script letters >= `SURE_SHARE` of all letters and (almost) no letter
  specific to Persian/Urdu/Kurdish (پ چ ژ گ ک ی ۀ ے ٹ ڈ ڑ ں ە ێ ۆ …)
                                               -> 'ar' (no model is called)
* Sorani letters (ە ێ ۆ ڕ ڵ) frequent          -> 'ku'
* everything else is ambiguous: lingua, built lazily from `LANGUAGES`, decides
  on the first `MODEL_CHARS` characters. When the text is mostly Arabic script,
  lingua sees only the Arabic-script words, so Latin names or quotes in an
  Arabic article do not tip it.

`is_arabic` turns this into (is Arabic?, language code).
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 2000
MODEL_CHARS = 500
SURE_SHARE = 0.5  # share of Arabic-script letters above which Arabic is likely
FOREIGN_SHARE = 0.01  # share of Persian/Urdu/Kurdish letters tolerated in Arabic (names)
SORANI_SHARE = 0.03
LANGUAGES = ("ARABIC", "PERSIAN", "URDU", "ENGLISH", "FRENCH", "TURKISH", "HEBREW", "SPANISH", "GERMAN", "RUSSIAN")

_ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
# letters of the Arabic script that Arabic itself does not use
_PERSO_URDU = re.compile("[پچژگکیۀےٹڈڑںہھۓ]")
_SORANI = re.compile("[ەێۆڕڵ]")
_FOREIGN = re.compile("[پچژگکیۀےٹڈڑںہھۓەێۆڕڵ]")
_ARABIC_WORDS = re.compile(f"[{_ARABIC_LETTERS}\u064b-\u065f\u0670]+")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
# UTF-8 lead bytes: U+0600–U+06FF (Arabic block) and other alphabetic 2-byte blocks
_ARABIC_LEADS = bytes((0xD8, 0xD9, 0xDA, 0xDB))
_OTHER_LEADS = bytes((0xC3, 0xC4, 0xC5, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD6, 0xD7))
_WIDE_LEADS = bytes(range(0xE3, 0xF0))  # 3-byte scripts (CJK, Indic…)
_LETTER_BYTES = _ARABIC_LEADS + _ASCII_LETTERS + _OTHER_LEADS + _WIDE_LEADS


def script_counts(sample: str) -> tuple[int, int]:
    """(Arabic-block characters, all letters) of `sample`, counted on UTF-8 bytes.

    Counting lead bytes is ~20x faster than a regex over the characters; it
    counts Arabic digits, punctuation and diacritics as Arabic letters and
    3-byte scripts (CJK, Indic…) as letters, which is precise enough for a share.
    """
    data = sample.encode("utf-8")
    size = len(data)
    arabic = size - len(data.translate(None, _ARABIC_LEADS))  # one pass per set of bytes
    letters = size - len(data.translate(None, _LETTER_BYTES))
    return arabic, letters


def _count(pattern: re.Pattern, text: str) -> int:
    return len(pattern.findall(text))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text ('ar', 'fa', 'ur', 'en', …) or 'unknown'."""
    sample = text[:SAMPLE_CHARS]
    arabic, letters = script_counts(sample)
    if not letters:
        return "unknown"
    foreign = _count(_FOREIGN, sample) if _FOREIGN.search(sample) else 0
    if arabic >= SURE_SHARE * letters and foreign <= FOREIGN_SHARE * arabic:
        return "ar"
    if foreign and _count(_SORANI, sample) >= SORANI_SHARE * max(arabic, 1):
        return "ku"
    if arabic >= SURE_SHARE * letters:
        return _lingua(" ".join(_ARABIC_WORDS.findall(sample)))
    return _lingua(sample)


def is_arabic(text: str) -> tuple[bool, str]:
    """(True, 'ar') for an Arabic text, else (False, the language detected)."""
    language = detect_language(text)
    return language == "ar", language


def _lingua(text: str) -> str:
    language = _detector().detect_language_of(text[:MODEL_CHARS])
    if language is None:
        return "unknown"
    return language.iso_code_639_1.name.lower()


@lru_cache(maxsize=1)
def _detector():
    """lingua restricted to `LANGUAGES` (~340 MB; all languages would be 1.3 GB)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()
