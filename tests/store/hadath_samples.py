"""Hand-built coded articles (fictional Arabic sentences) and a hypothesis strategy.

Imported by tests/store/conftest.py and tests/export/conftest.py (fixtures) and
by tests that need the builders or strategies directly. Nothing here runs the
coder: every event, offset and actor is written by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from hadath.records import ActorMention, Article, CodedArticle, Event, Sentence
from hadath.store import DuckStore

# --- hand-built records ---------------------------------------------------------


def mention(sentence: str, offset: int, text: str, code: str, sector: str | None = None,
            name: str = "") -> ActorMention:
    start = offset + sentence.index(text)
    return ActorMention(text, start, start + len(text), code, sector, name_en=name, entry=text, rule="name")


def coded(sentences: list[str], events: list[dict], version: str = "0.1.0", **article: object) -> CodedArticle:
    """An article made of `sentences` (joined by a space) with events given as dicts:
    {"s": sentence index, "type", "trigger", "actors": [(text, code, sector, name)], "recipients": [...], ...}.
    """
    text = " ".join(sentences)
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, pos, pos + len(s)))
        pos += len(s) + 1
    art = Article(text, **article)
    return CodedArticle(art, spans, [_event(art, sentences, spans, e, version) for e in events])


def _event(art: Article, sentences: list[str], spans: list[Sentence], spec: dict, version: str) -> Event:
    spec = dict(spec)
    i = spec.pop("s")
    sent, span = sentences[i], spans[i]
    trigger = spec.pop("trigger")
    t0 = span.start + sent.index(trigger)
    actors = [mention(sent, span.start, *a) for a in spec.pop("actors", [])]
    recipients = [mention(sent, span.start, *a) for a in spec.pop("recipients", [])]
    return Event(art.id, i, span.start, span.end, spec.pop("type"), spec.pop("mode", None), trigger, t0,
                 t0 + len(trigger), actors, recipients, coder_version=version, **spec)


S1 = "التقى وزير خارجية زمبرا نظيره الكالدوني في العاصمة أمس."
S2 = "وأدانت الحكومة الكالدونية الهجوم على القافلة، مؤكدة أن «المسؤولين سيحاسبون»."
S3 = "وقتل ثلاثة أشخاص في اشتباكات بين متمردين وقوات زمبرا."

ZMB_GOV = ("وزير خارجية زمبرا", "ZMB", "GOV", "Zembra")
KLD_GOV = ("نظيره الكالدوني", "KLD", "GOV", "Caledonia")


def article_one(version: str = "0.1.0") -> CodedArticle:
    events = [
        {"s": 0, "type": "CONSULT", "mode": "visit", "trigger": "التقى", "actors": [ZMB_GOV], "recipients": [KLD_GOV],
         "date": "2024-03-04", "date_precision": "day", "cameo": "040", "quad_class": 1, "goldstein": 1.0,
         "confidence": 0.9, "lexicon_entry": "التقى", "rule": "verb-subj-obj"},
        {"s": 1, "type": "ACCUSE", "trigger": "أدانت", "actors": [("الحكومة الكالدونية", "KLD", "GOV", "Caledonia")],
         "date": "2024-03-05", "cameo": "112", "quad_class": 3, "goldstein": -2.0, "modality": "asserted"},
    ]
    return coded([S1, S2], events, version, url="https://example.test/a1", outlet="صحيفة الغد",
                 title="لقاء في العاصمة", published="2024-03-05T10:00:00", source_id="a1")


def article_two(version: str = "0.1.0") -> CodedArticle:
    events = [
        {"s": 0, "type": "ASSAULT", "trigger": "وقتل", "actors": [("متمردين", "ZMB", "REB", "Zembra"),
                                                             ("قوات زمبرا", "ZMB", "MIL", "Zembra")],
         "date": "2024-04-01", "cameo": "190", "quad_class": 4, "goldstein": -10.0,
         "casualties": {"killed": 3}, "negated": False},
    ]
    return coded([S3], events, version, url="https://example.test/a2", outlet="وكالة الأنباء",
                 published="2024-04-01", source_id="a2")


def article_without_events() -> CodedArticle:
    return coded(["لا جديد في الأخبار اليوم."], [], outlet="صحيفة الغد")


@pytest.fixture
def samples() -> list[CodedArticle]:
    return [article_one(), article_two(), article_without_events()]


@pytest.fixture
def store(samples):
    """A fresh in-memory store holding `samples`."""
    with DuckStore(":memory:") as s:
        s.write(samples)
        yield s


@pytest.fixture(scope="module")
def shared_store():
    """One in-memory store holding the samples for a whole module: for tests that only read."""
    with DuckStore(":memory:") as s:
        s.write([article_one(), article_two(), article_without_events()])
        yield s


# --- hypothesis: random coded articles over Arabic text -------------------------------

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(
    list(" ،؛؟«»\"',\n\u200f\u0640") + ["\ufefb", "\ufe8d"])
arabic_text = st.text(ARABIC, min_size=1, max_size=40)
codes = st.sampled_from(["ZMB", "KLD", "UN", "XAB"])
sectors = st.none() | st.sampled_from(["GOV", "MIL", "REB", "CVL"])
floats = st.floats(-10, 10, allow_nan=False)


@st.composite
def mentions(draw, sentence: str, offset: int) -> ActorMention:
    a = draw(st.integers(0, len(sentence) - 1))
    b = draw(st.integers(a + 1, len(sentence)))
    return ActorMention(sentence[a:b], offset + a, offset + b, draw(codes), draw(sectors),
                        name_en=draw(st.sampled_from(["", "Zembra"])), kind=draw(st.sampled_from(["state", "group"])),
                        entry=draw(arabic_text), rule=draw(st.sampled_from(["", "name", "nisba"])))


@st.composite
def random_events(draw, art: Article, spans: list[Sentence], version: str) -> list[Event]:
    out: dict[str, Event] = {}
    for _ in range(draw(st.integers(0, 3))):
        span = draw(st.sampled_from(spans))
        sent = art.text[span.start:span.end]
        a = draw(st.integers(0, len(sent) - 1))
        b = draw(st.integers(a + 1, len(sent)))
        e = Event(art.id, span.index, span.start, span.end, draw(st.sampled_from(["CONSULT", "ASSAULT", "AID"])),
                  draw(st.none() | arabic_text), sent[a:b], span.start + a, span.start + b,
                  draw(st.lists(mentions(sent, span.start), max_size=2)),
                  draw(st.lists(mentions(sent, span.start), max_size=2)),
                  date=draw(st.none() | st.dates().map(str)), negated=draw(st.booleans()),
                  confidence=draw(st.floats(0, 1)), quad_class=draw(st.integers(0, 4)), goldstein=draw(floats),
                  casualties=draw(st.dictionaries(st.sampled_from(["killed", "injured", "arrested"]),
                                                  st.integers(0, 1000), max_size=2)),
                  lexicon_entry=draw(arabic_text), rule=draw(st.sampled_from(["", "verb-subj"])), coder_version=version)
        out[e.id] = e  # one event per (sentence, trigger start, type), as the coder guarantees
    return list(out.values())


@st.composite
def coded_articles(draw, version: str = "0.1.0") -> CodedArticle:
    sentences = draw(st.lists(arabic_text, min_size=1, max_size=3))
    text = " ".join(sentences)
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, pos, pos + len(s)))
        pos += len(s) + 1
    art = Article(text, url=draw(st.none() | st.just("https://example.test/x")), outlet=draw(st.none() | arabic_text),
                  title=draw(st.none() | arabic_text), published=draw(st.none() | st.dates().map(str)),
                  source_id=draw(st.none() | st.text(max_size=10)))
    return CodedArticle(art, spans, draw(random_events(art, spans, version)))
