"""The article-level pass: subsumed mentions and their casualty counts."""

from __future__ import annotations

from hadath.events.consolidate import consolidate
from hadath.records import ActorMention, Event


def actor(code: str, start: int) -> ActorMention:
    return ActorMention(code, start, start + 3, code)


def event(sentence: int, source: str | None, target: str | None, casualties=None) -> Event:
    return Event("a1", sentence, sentence * 100, sentence * 100 + 90, "ASSAULT", None, "هجوم",
                 sentence * 100 + 5, sentence * 100 + 9,
                 actors=[actor(source, sentence * 100)] if source else [],
                 recipients=[actor(target, sentence * 100 + 20)] if target else [],
                 casualties=casualties or {})


def test_a_mention_with_one_side_is_dropped_and_its_counts_go_to_the_full_event():
    full = event(0, "ISR", "PSE")
    partial = event(2, None, "PSE", {"killed": 3})
    kept = consolidate([full, partial], [])
    assert [(e.sentence_index, e.casualties) for e in kept] == [(0, {"killed": 3})]


def test_counts_already_on_the_full_event_are_kept():
    full = event(0, "ISR", "PSE", {"killed": 5})
    partial = event(2, None, "PSE", {"killed": 3})
    assert [e.casualties for e in consolidate([full, partial], [])] == [{"killed": 5}]


def test_counts_do_not_move_to_another_dyad():
    kept = consolidate([event(0, "ISR", "LBN"), event(2, None, "PSE", {"killed": 3})], [])
    assert {(e.target.code, tuple(e.casualties.items())) for e in kept} == {("LBN", ()), ("PSE", (("killed", 3),))}


def typed(etype: str, source: ActorMention) -> Event:
    return Event("a1", 1, 100, 190, etype, None, "x", 105, 109, actors=[source])


def test_a_meeting_or_aid_with_no_counterpart_named_is_dropped_not_given_a_context_target():
    mentions = [actor("RUS", 0), actor("RUS", 10), actor("USA", 20)]
    for etype in ("CONSULT", "SUPPORT", "AID", "COOPERATE", "SANCTION"):
        assert consolidate([typed(etype, actor("RUS", 0))], mentions) == []


def test_other_types_still_take_the_context_target():
    mentions = [actor("RUS", 0), actor("RUS", 10), actor("USA", 20)]
    kept = consolidate([typed("ACCUSE", actor("RUS", 0))], mentions)
    assert [(e.source.code, e.target.code) for e in kept] == [("RUS", "USA")]


def test_a_court_sentence_with_no_one_named_falls_on_its_own_country():
    court = ActorMention("محكمة", 0, 5, "EGY", "JUD")
    kept = consolidate([typed("SANCTION", court)], [court, actor("USA", 20)])
    assert [(e.source.code, e.target.code) for e in kept] == [("EGY", "EGY")]


def test_an_event_with_no_actor_is_dropped_save_a_protest_or_a_toll():
    def bare(etype: str) -> Event:
        return Event("a1", 1, 100, 190, etype, None, "x", 105, 109)

    assert [e.event_type for e in consolidate([bare("ASSAULT"), bare("PROTEST"), bare("CONSULT")], [])] == ["PROTEST"]


def test_a_toll_with_no_actor_is_kept_unless_another_event_of_its_type_has_a_side():
    toll = event(1, None, None, {"killed": 5})
    assert consolidate([toll], []) == [toll]
    kept = consolidate([event(0, "ISR", "PSE"), toll], [])
    assert [(e.source.code, e.target.code) for e in kept] == [("ISR", "PSE")]


def _context_events(text: str) -> set[tuple[str, str, str]]:
    from hadath.pipeline import code_article
    from hadath.records import Article

    coded = code_article(Article(text=text, published="2024-06-15"))
    return {(e.event_type, e.source.code, e.target.code) for e in coded.events
            if e.source and e.target and "target:context" in e.rule}


def test_a_verbal_noun_of_a_deal_a_call_or_a_withdrawal_takes_no_other_country_from_context():
    lead = "فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم الاثنين. "
    for tail in ("وقال المسؤول إن اتفاق واشنطن التجاري الأخير لم يتأثر.",
                 "وقال المسؤول إن مطالبة واشنطن بالإصلاح قديمة.",
                 "وقال المتحدث إن انسحاب واشنطن من المعاهدة لم يعد مطروحا."):
        assert _context_events(lead + tail) == set(), tail


def test_a_verb_with_no_counterpart_still_takes_the_context_target():
    text = "فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم الاثنين. وتعهدت واشنطن بمواصلة الضغط."
    assert _context_events(text) == {("AGREE", "USA", "RUS")}
