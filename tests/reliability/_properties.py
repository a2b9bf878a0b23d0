"""What the text stages promise for any input at all, as plain checks (an AssertionError when broken).

Run by hypothesis (`test_fuzz.py`) and by the atheris harness (`scripts/fuzz/atheris_text.py`),
so both fuzzers check the same promises.
"""

from __future__ import annotations

import unicodedata

from hadath.actors import find_actors
from hadath.errors import SkipArticle
from hadath.ingest import article_from_html
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.sentences import split_sentences
from hadath.lang.ar.tokens import tokenize
from hadath.records import Article


def _expandable_presentation_form(char: str) -> bool:
    """A presentation form NFKC maps to letters. The blocks also hold characters it leaves as they are
    (ornate parentheses ﴾﴿, ligatures such as U+FD4E without a decomposition, noncharacters): atheris
    found that `normalize` keeps those, as documented (it expands, it does not delete)."""
    in_blocks = 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF
    return in_blocks and unicodedata.normalize("NFKC", char) != char


def normalize_is_idempotent_and_clean(text: str) -> None:
    out = normalize(text)
    assert normalize(out) == out, (text, out)
    assert not any(c == "\u0640" or 0x064B <= ord(c) <= 0x065F or _expandable_presentation_form(c) for c in out), (text, out)


def tokens_point_into_the_text(text: str) -> None:
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text), (text, token)
        assert text[token.start:token.end] == token.text, (text, token)


def sentences_are_ordered_trimmed_spans(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text), (text, s)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace(), (text, s)
        last = s.end


def actors_are_spans_of_the_text(text: str) -> None:
    for mention in find_actors(text, published="2024-03-05"):
        assert 0 <= mention.start < mention.end <= len(text), (text, mention)
        assert text[mention.start:mention.end] == mention.text, (text, mention)


def html_gives_an_article_or_a_skip(html: str) -> None:
    try:
        article = article_from_html(html, url="https://news.example/x")
    except SkipArticle as skip:
        assert skip.reason, html
        return
    assert isinstance(article, Article) and article.text, html


CHECKS = {
    "normalize": normalize_is_idempotent_and_clean,
    "tokens": tokens_point_into_the_text,
    "sentences": sentences_are_ordered_trimmed_spans,
    "actors": actors_are_spans_of_the_text,
    "html": html_gives_an_article_or_a_skip,
}
