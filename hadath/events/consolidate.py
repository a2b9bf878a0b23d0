"""Article-level pass over the events of one article.

Arabic news often names the party acted on once, in the headline or lead, and
leaves it implicit afterwards. After every sentence is coded:

  counterpart      a meeting, support, aid, cooperation or sanction is done with or to
                   someone the sentence names; with no one named (and no pair) the word
                   is a topic or commentary, and the event is dropped, save a court's
                   sentence, which falls on its own country (rule `target:context`,
                   actor rule `domestic`);
  context target   any other event with a source but no target takes the article's most
                   salient actor other than its source (rule `target:context`);
                   when the source's country leads the article and no other
                   comes close, or the article names no other actor and the
                   source is an authority (GOV COP JUD MIL LEG), the source's
                   own country (a domestic event, as the annotation guide codes
                   arrests or investigations of one's own people); but a
                   verbal noun of an agreement, rejection, request or retreat
                   (اتفاق واشنطن، انسحاب واشنطن) takes no other country its
                   sentence does not name: it mostly names a topic, and the
                   event is dropped;
  place actor      unnamed protesters take the country of the event's place as
                   source; an attack or arrest with no named victim takes it as
                   target (rules `source:place`, `target:place`);
  no actors        an event with neither source nor target is dropped (it cannot
                   be event data: nobody did it to anybody), save a protest: its
                   actor is the crowd itself (متظاهرون، محتجون) even where the text
                   gives neither its country nor a place we know, and an attack with
                   a toll (قتل خمسة أشخاص في انفجار: the dead are the report, whoever
                   did it); and so is one whose
                   lexicon entry needs a target (a denial answers someone) and
                   still has none;
  subsumed         an event that says less than another event of the same type
                   in the article (a missing side, or a context target where a
                   sentence names the target) is dropped: it is a repeated
                   mention of the same event; its casualty counts move to that
                   event when it has none. So is an event with no side at all when
                   another event of its type in the article has one.

Salience counts each country or international body named in the article,
the headline (first sentence) counting double.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hadath.actors.gazetteer import code_name
from hadath.events.lexicon import entries_by_ref
from hadath.records import ActorMention, Event

CONTEXT_PENALTY = 0.15
NO_CONTEXT_TYPES = frozenset({"PROTEST", "MOBILIZE"})  # often have no one acted on
CROWD_TYPES = frozenset({"PROTEST"})  # done by a crowd: an event even with no country for it
# Acts done with or to a counterpart the report names in the same sentence (meet X, aid to
# X, sanctions on X, support for X); with none named the word is a topic or commentary.
# A court's sentence with no one named is its own country's (guide: trials are domestic).
COUNTERPART_TYPES = frozenset({"CONSULT", "SUPPORT", "AID", "COOPERATE", "SANCTION"})
DOMESTIC_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL", "LEG"})
NOT_SALIENT_SECTORS = frozenset({"MED"})  # news outlets quoted as sources (BBC, Reuters)
# A verbal noun of these types whose sentence names neither a counterpart nor the
# article's most salient other actor mostly names a topic (the nuclear deal, Washington's
# withdrawal, a veto, calls for calm), not an act on that actor: the event takes no
# foreign context target and is dropped (with one side only it is no dyad). Verbs keep
# the context target, and so do the other types' nouns (an attack's victim is usually
# the article's subject).
TOPIC_NOUN_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "RETREAT"})
DOMESTIC_SHARE = 0.5  # the source's country leads the article and no other comes close
DOMESTIC_MIN = 3  # … and is named at least this often (an article about that country)


def salience(mentions: list[ActorMention], headline_end: int) -> Counter:
    counts: Counter = Counter()
    for m in mentions:
        if m.code and m.sector not in NOT_SALIENT_SECTORS:
            counts[m.code] += 2 if m.start < headline_end else 1
    return counts


def consolidate(events: list[Event], mentions: list[ActorMention], headline_end: int = 0) -> list[Event]:
    counts = salience(mentions, headline_end)
    filled = [_with_context_target(_with_place_actor(e), counts, mentions) for e in events]
    coded = [e for e in filled if e is not None and (e.actors or e.recipients or e.event_type in CROWD_TYPES
                                   or (e.event_type == "ASSAULT" and e.casualties))
             and not _lacks_needed_target(e)]
    return _drop_subsumed(coded)


def _with_context_target(event: Event, counts: Counter, mentions: list[ActorMention]) -> Event | None:
    if event.recipients or not event.actors or event.event_type in NO_CONTEXT_TYPES:
        return event
    source = event.actors[0]
    if event.event_type in COUNTERPART_TYPES:
        return _own_court(event, source)
    ranked = counts.most_common()
    others = [(code, n) for code, n in ranked if code != source.code]
    own = counts.get(source.code, 0)
    leads = bool(ranked) and ranked[0][0] == source.code and own >= DOMESTIC_MIN \
        and (not others or others[0][1] < DOMESTIC_SHARE * own)
    if others and not leads:
        code = others[0][0]
        if event.event_type in TOPIC_NOUN_TYPES and _noun_trigger(event) \
                and not _named_in_sentence(code, event, mentions):
            return None  # a deal, a call, a withdrawal spoken of: no act on the article's other party
        target = ActorMention("", -1, -1, code, None, code_name(code), "context", code, "context")
    elif len(source.code) == 3 and (leads or source.sector in DOMESTIC_SECTORS):
        target = ActorMention("", -1, -1, source.code, None, code_name(source.code), "context", source.code,
                              "domestic")
    else:
        return event
    return replace(event, recipients=[target], rule=f"{event.rule},target:context".strip(","),
                   confidence=round(max(0.05, event.confidence - CONTEXT_PENALTY), 2))


def _named_in_sentence(code: str, event: Event, mentions: list[ActorMention]) -> bool:
    return any(m.code == code and event.sentence_start <= m.start < event.sentence_end for m in mentions)


def _noun_trigger(event: Event) -> bool:
    """The trigger is a noun or noun phrase (اتفاق، دعوة، الانسحاب من): verb entries
    list their forms with '|' in the first word."""
    entry = entries_by_ref().get(event.lexicon_entry)
    return entry is not None and not entry.verb


def _own_court(event: Event, source: ActorMention) -> Event:
    """A sentence passed by a court with no one named: on its own country's people."""
    if event.event_type != "SANCTION" or source.sector != "JUD" or len(source.code) != 3:
        return event
    target = ActorMention("", -1, -1, source.code, None, code_name(source.code), "context", source.code, "domestic")
    return replace(event, recipients=[target], rule=f"{event.rule},target:context".strip(","),
                   confidence=round(max(0.05, event.confidence - CONTEXT_PENALTY), 2))


PLACE_SOURCE_TYPES = frozenset({"PROTEST"})  # unnamed protesters: the country where they march
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})  # unnamed victims: the country where it happened


def _with_place_actor(event: Event) -> Event:
    """The country of the event's place stands for an unnamed side: protesters
    in Baghdad (IRQ); an attack in Mogadishu (SOM)."""
    country = (event.location or {}).get("country")
    if not country:
        return event
    mention = ActorMention((event.location or {}).get("text", ""), -1, -1, country, None, code_name(country),
                           "context", country, "place")
    if not event.actors and event.event_type in PLACE_SOURCE_TYPES:
        return replace(event, actors=[mention], rule=f"{event.rule},source:place".strip(","))
    if not event.recipients and event.event_type in PLACE_TARGET_TYPES:
        return replace(event, recipients=[mention], rule=f"{event.rule},target:place".strip(","))
    return event


def _lacks_needed_target(e: Event) -> bool:
    if e.event_type in COUNTERPART_TYPES and not e.recipients:
        return True
    entry = entries_by_ref().get(e.lexicon_entry)
    return entry is not None and entry.needs_target and not e.recipients


def _key(e: Event) -> tuple[str, str, str]:
    return (e.event_type, e.source.code if e.source else "", e.target.code if e.target else "")


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop the events another event of the article says more about; a dropped
    mention's casualty counts go to the event that subsumes it when that one has
    none (the counts are often in the sentence that names one side only)."""
    explicit = {_key(e) for e in events if "target:context" not in e.rule}
    sources = {(t, s) for t, s, _ in explicit if s}
    targets_with_source = {(t, g) for t, s, g in explicit if s}
    sided = {t for t, s, g in map(_key, events) if s or g}
    out, dropped = [], []
    for e in events:
        t, s, g = _key(e)
        if "target:context" in e.rule and ((t, s) in sources or (t, s, g) in explicit):
            dropped.append(e)
            continue
        if not s and (t, g) in targets_with_source:
            dropped.append(e)
            continue
        if not s and not g and t in sided:
            dropped.append(e)
            continue
        out.append(e)
    for d in dropped:
        if d.casualties:
            _give_casualties(d, out)
    return out


def _give_casualties(dropped: Event, kept: list[Event]) -> None:
    t, s, g = _key(dropped)
    for k, e in enumerate(kept):
        kt, ks, kg = _key(e)
        same = kt == t and ((s and ks == s) or (not s and kg == g and ks))
        if same and not e.casualties and "target:context" not in e.rule:
            kept[k] = replace(e, casualties=dict(dropped.casualties))
            return
