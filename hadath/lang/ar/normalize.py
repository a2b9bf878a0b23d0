"""The one Arabic normalisation of hadath.

Two functions, both documented here, used everywhere:

* `clean_text(raw)` runs ONCE at ingestion on the article text that is stored
  and shown. It keeps the text readable: Unicode NFC, Arabic presentation forms
  (U+FB50–U+FDFF, U+FE70–U+FEFF) expanded to their letters (NFKC of those
  characters only), control characters and bidi marks dropped, runs of spaces and blank lines
  collapsed. All character offsets hadath reports point into this text.

* `normalize(text)` is the MATCHING form. It is applied to every token of the
  input and to every entry of every word list (gazetteers, lexicons), so the two
  always meet in the same form. It
    - removes diacritics (tashkeel U+064B–U+065F, superscript alef U+0670,
      Quranic marks U+0610–U+061A and U+06D6–U+06ED) and tatweel U+0640;
    - unifies alef with hamza or madda (أ إ آ ٱ) to bare alef ا;
    - maps alef maqsura ى to ya ي and Persian ya ی to ي, Persian kaf ک to ك;
    - maps ta marbuta ة to ha ه (so حكومة and حكومه match);
    - maps Arabic-Indic and Persian digits to ASCII digits;
    - expands presentation forms (as in `clean_text`).
  Hamza on waw/ya (ؤ ئ) and bare hamza ء are kept: they distinguish words.
  `normalize` never changes the number of characters except by deleting
  diacritics/tatweel and expanding presentation forms, and it is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

_DELETE = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad"]
)
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ۀ": "ه",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

_TABLE = str.maketrans({**{c: None for c in _DELETE}, **_MAP, **_DIGITS})
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")  # _SPACES but a plain space
_BLANK_LINES = re.compile(r"\n\s*\n+")

DELETED_CHARS = frozenset(_DELETE)


def _expand_presentation(text: str) -> str:
    if not _PRESENTATION.search(text):
        return text
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def clean_text(raw: str) -> str:
    """Readable stored form of an article text (see the module docstring)."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _expand_presentation(text).replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    if "  " in text or _ODD_SPACES.search(text):  # else the sub would only put back each single space
        text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


# characters `normalize` changes that are rare in news text: when a text has none of
# them, five `str.replace` calls do the work of `translate` in half its time
_COMMON_MAP = ("أ", "إ", "آ", "ى", "ة")
_RARE = re.compile("[" + "".join(
    sorted({*_DELETE, *_MAP, *_DIGITS} - set(_COMMON_MAP))) + "\ufb50-\ufdff\ufe70-\ufeff]")


def normalize(text: str) -> str:
    """Matching form of Arabic text (see the module docstring). Idempotent."""
    normed = normalize_in_place(text)
    return normed if normed is not None else _expand_presentation(text).translate(_TABLE)


def normalize_in_place(text: str) -> str | None:
    """`normalize(text)` when it keeps every character where it is (a text with no
    character to delete or expand: then `normalize(text)[a:b] == normalize(text[a:b])`
    for any span), else None."""
    if _RARE.search(text) is not None:
        return None
    return text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")


def is_deleted(char: str) -> bool:
    """True for characters `normalize` removes (diacritics, tatweel, joiners)."""
    return char in DELETED_CHARS
