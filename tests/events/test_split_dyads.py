"""One event per distinct dyad when the text coordinates several actors."""

from __future__ import annotations

from hadath.actors import ActorResolver
from hadath.events.coder import split_dyads
from hadath.lang.ar.tokens import tokenize
from hadath.records import Event

TEXT = "أكدت الصين أهمية التعاون بين الصين وروسيا"


def _event(source, target):
    return Event("a", 0, 0, len(TEXT), "COOPERATE", None, "التعاون", 17, 24, actors=[source], recipients=[target])


def test_coordinated_targets_give_one_event_each_but_never_a_country_with_itself():
    tokens = tokenize(TEXT)
    mentions = ActorResolver("2024-06-15").find(tokens, TEXT)
    assert [m.code for m in mentions] == ["CHN", "CHN", "RUS"]
    events = split_dyads(_event(mentions[0], mentions[1]), tokens, mentions)
    assert [(e.source.code, e.target.code) for e in events] == [("CHN", "RUS")]


def test_a_lone_pair_is_left_as_it_is():
    tokens = tokenize(TEXT)
    mentions = ActorResolver("2024-06-15").find(tokens, TEXT)
    events = split_dyads(_event(mentions[0], mentions[2]), tokens, mentions)
    assert [(e.source.code, e.target.code) for e in events] == [("CHN", "RUS")]
