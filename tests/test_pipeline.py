"""The per-article function: what the whole article contributes to each event."""

from __future__ import annotations

from hadath.pipeline import code_article
from hadath.records import Article


def test_actors_of_sentences_without_a_trigger_count_for_the_context_target():
    text = ("نددت الأمم المتحدة بتدهور الأوضاع الإنسانية. "
            "ويعيش مئات الآلاف في بورما أوضاعا صعبة. "
            "وتواجه بورما أزمة اقتصادية حادة.")
    coded = code_article(Article(text=text, published="2024-06-15"))
    assert {(e.event_type, e.source.code, e.target.code) for e in coded.events} == {("ACCUSE", "UN", "MMR")}


def test_warm_up_freezes_the_lexicons_and_sets_the_collector():
    import gc

    from hadath.pipeline import GC_THRESHOLDS, warm_up

    warm_up()
    assert gc.get_threshold() == GC_THRESHOLDS
    assert gc.get_freeze_count() > 10_000  # the matchers and lexicons, built by warm_up


def test_warm_up_leaves_the_collector_as_it_found_it():
    """The build runs with the collector off; warm_up turns it back on only if it was on."""
    import gc

    from hadath.pipeline import warm_up

    was = gc.isenabled()
    try:
        gc.enable()
        warm_up()
        assert gc.isenabled()
        gc.disable()
        warm_up()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
