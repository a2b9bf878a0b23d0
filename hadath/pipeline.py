"""The per-article function: Article → CodedArticle. Pure (no I/O).

The same function runs in `hadath code`, `hadath ingest`, the web API and the
Spark job, so every path codes an article identically.
"""

from __future__ import annotations

import gc

from hadath.actors import ActorResolver
from hadath.events.coder import ArticleCoder
from hadath.events.consolidate import consolidate
from hadath.events.lexicon import find_triggers
from hadath.lang.ar.sentences import split_sentences
from hadath.lang.ar.tokens import tokenize
from hadath.records import Article, CodedArticle

GC_THRESHOLDS = (50_000, 20, 10)  # the collector's generation thresholds while coding (Python's: 700, 10, 10)


def warm_up() -> None:
    """Build the lexicons and matchers now (before forking workers, which then
    share them) instead of on the first article, and set the garbage collector
    for a long coding run. Process-wide, so called by hadath's own jobs (ingest,
    code, Spark partitions), not by `code_article`:

    * `gc.freeze()`: what exists now (the lexicons, about 120,000 objects) lives
      as long as the process, so the collector's full passes skip it (and forked
      workers do not copy its pages by touching it);
    * `GC_THRESHOLDS`: coding allocates millions of short-lived tuples and keeps
      memos of word forms; with Python's thresholds the collector took about 9 %
      of a 1,800-article run (0.75 s of 8.7 s), with these about 3 %.
    """
    enabled = gc.isenabled()
    gc.disable()  # the build makes only lasting objects: collecting meanwhile would find nothing
    try:
        code_article(Article("التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.", id="warm-up"))
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def code_article(article: Article, *, include_all: bool = False) -> CodedArticle:
    """Sentences, actor mentions and events of one article.

    With `include_all`, negated and non-asserted (future, conditional, question,
    background) events are kept and flagged; by default only events the article
    reports as happening are returned. Actors are resolved in every sentence: those
    without a trigger give no event but tell which actors the article is about.
    """
    sentences = split_sentences(article.text)
    resolver = ActorResolver(article.published)
    coder = ArticleCoder(article.id, article.published, include_all=include_all, text=article.text,
                         titled=bool(article.title))
    events, mentions = [], []
    for sentence in sentences:
        text = article.text[sentence.start : sentence.end]
        tokens = tokenize(text, sentence.start)
        triggers = find_triggers(tokens)
        found = resolver.find(tokens, article.text)
        mentions.extend(found)  # every sentence counts for salience (consolidate's context target)
        if triggers or sentence.index == 0:
            events.extend(coder.code(sentence, text, tokens, found, triggers))
    headline_end = sentences[0].end if sentences else 0
    if not include_all:
        events = consolidate(events, mentions, headline_end)
    return CodedArticle(article, sentences, events, mentions)
