from __future__ import annotations

from hadath.lang.ar.phrases import PhraseMatcher
from hadath.lang.ar.tokens import tokenize

MATCHER = PhraseMatcher([("الأمم المتحدة", "UN"), ("الأمم", "X"), ("مجلس الأمن", "UNSC"), ("زوروستان", "ZZZ")])


def found(text):
    return [(m.payload, text[m.start:m.end]) for m in MATCHER.find_all(tokenize(text))]


def test_longest_phrase_wins():
    assert found("قالت الأمم المتحدة") == [("UN", "الأمم المتحدة")]


def test_first_word_matches_through_proclitics():
    assert found("وزار وفد زوروستان وللأمم المتحدة") == [("ZZZ", "زوروستان"), ("UN", "لأمم المتحدة")]


def test_diacritics_do_not_block_a_match():
    assert found("مَجْلِسُ الأَمْنِ")[0][0] == "UNSC"


def test_contains_and_len():
    assert "الامم المتحده" in MATCHER
    assert len(MATCHER) == 4


def test_equal_length_phrases_prefer_the_least_stripped_first_word_then_the_first_added():
    matcher = PhraseMatcher([("بلاد", "bilad"), ("لاد", "lad"), ("مجلس الشعب", "A"), ("مجلس الشعب", "B")])
    tokens = tokenize("بلاد مجلس الشعب")
    assert [m.payload for m in matcher.find_all(tokens)] == ["bilad", "A"]


def test_a_longer_phrase_needs_its_second_word_next(monkeypatch):
    matcher = PhraseMatcher([("علي", "ali"), ("علي خامنئي", "KHAMENEI")])
    assert [m.payload for m in matcher.find_all(tokenize("قال علي خامنئي"))] == ["KHAMENEI"]
    assert [m.payload for m in matcher.find_all(tokenize("ردا على الهجوم"))] == ["ali"]


def test_the_memo_stays_bounded_and_answers_the_same(monkeypatch):
    from hadath.lang.ar import phrases

    monkeypatch.setattr(phrases, "MEMO_LIMIT", 3)
    matcher = PhraseMatcher([("الأمم المتحدة", "UN"), ("زوروستان", "ZZZ")])
    text = "قالت الأمم المتحدة إن وفدا من زوروستان وصل اليوم إلى العاصمة وزوروستان ترحب"
    first = [(m.payload, m.start) for m in matcher.find_all(tokenize(text))]
    again = [(m.payload, m.start) for m in matcher.find_all(tokenize(text))]
    assert first == again == [("UN", 5), ("ZZZ", 30), ("ZZZ", text.index("زوروستان ترحب"))]
    assert len(phrases._records) <= 3 and len(phrases._older_records) <= 3


def test_matchers_share_the_memo_and_answer_as_alone():
    import gc

    from hadath.lang.ar import phrases

    text = "قالت الأمم المتحدة إن وفدا من زوروستان وصل إلى العاصمة"
    a = PhraseMatcher([("الأمم المتحدة", "UN")])
    b = PhraseMatcher([("زوروستان", "ZZZ"), ("الأمم", "nations")])
    assert [m.payload for m in a.find_all(tokenize(text))] == ["UN"]
    assert [m.payload for m in b.find_all(tokenize(text))] == ["nations", "ZZZ"]
    slot = b._slot
    del b
    gc.collect()
    assert phrases._slots[slot] is None  # a dropped matcher frees its slot
    lower = [PhraseMatcher() for k, ref in enumerate(phrases._slots) if ref is None and k < slot]  # noqa: F841
    c = PhraseMatcher([("وفدا", "delegation")])  # takes a free slot: the memo is emptied, no stale answer
    assert c._slot == slot
    assert [m.payload for m in c.find_all(tokenize(text))] == ["delegation"]
    assert [m.payload for m in a.find_all(tokenize(text))] == ["UN"]
    c.add("العاصمة", "capital")  # a matcher changed after use answers with its new phrase
    assert [m.payload for m in c.find_all(tokenize(text))] == ["delegation", "capital"]
    assert c.match_at(tokenize(text), 9).payload == "capital"


def test_one_token_list_read_by_several_matchers_and_changed_between():
    a = PhraseMatcher([("الأمم المتحدة", "UN")])
    b = PhraseMatcher([("زوروستان", "ZZZ")])
    tokens = tokenize("قالت الأمم المتحدة إن وفدا من زوروستان وصل")
    assert [m.payload for m in a.find_all(tokens)] == ["UN"]
    assert [m.payload for m in b.find_all(tokens)] == ["ZZZ"]
    b.add("وفدا", "delegation")  # the matcher changed: the list's records are stale
    assert [m.payload for m in b.find_all(tokens)] == ["delegation", "ZZZ"]
    tokens += tokenize("إلى زوروستان")  # the same list, longer
    assert [m.payload for m in b.find_all(tokens)] == ["delegation", "ZZZ", "ZZZ"]
    assert [m.payload for m in a.find_all(tokens)] == ["UN"]


def test_threads_that_build_and_use_matchers_at_once_get_the_right_answers():
    from concurrent.futures import ThreadPoolExecutor

    shared = PhraseMatcher([("الأمم المتحدة", "UN")])
    text = "قالت الأمم المتحدة إن وفدا من زوروستان وصل إلى العاصمة"

    def work(k: int) -> bool:
        own = PhraseMatcher([("زوروستان", f"Z{k}"), (f"كلمة{k}", "w")])  # a slot taken while others read
        return all([m.payload for m in shared.find_all(tokenize(text))] == ["UN"]
                   and [m.payload for m in own.find_all(tokenize(text))] == [f"Z{k}"] for _ in range(50))

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(work, range(40)))


def test_a_normalized_phrase_is_added_as_it_is():
    plain, given = PhraseMatcher([("وزير الخارجية", 1)]), PhraseMatcher([("وزير الخارجيه", 1)], normalized=True)
    tokens = tokenize("قال وزير الخارجية أمس")
    assert [(m.tok_start, m.tok_end, m.phrase) for m in plain.find_all(tokens)] \
        == [(m.tok_start, m.tok_end, m.phrase) for m in given.find_all(tokens)] == [(1, 3, "وزير الخارجيه")]


def test_the_lexicons_added_as_normalized_are_in_matching_form():
    """trigger, split-verb, actor and place lexicons skip `normalize` when they are built
    (`normalized=True`): every phrase must already be in matching form, or it would
    never match a token."""
    from hadath.actors.gazetteer import matcher as actor_matcher
    from hadath.events.lexicon import split_matcher, trigger_matcher
    from hadath.geo.gazetteer import place_matcher
    from hadath.lang.ar.normalize import normalize

    for built in (trigger_matcher(), split_matcher()[0], actor_matcher(), place_matcher()):
        for first, bucket in built._index.items():
            for rest, _, phrase, _ in bucket:
                assert normalize(phrase) == phrase and phrase.split() == [first, *rest], phrase
