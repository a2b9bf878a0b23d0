"""Record types that flow through the pipeline, and the ONE output schema.

Every store and export derives its columns from the tables declared here
(`ARTICLE_COLUMNS`, `EVENT_COLUMNS`, `EVENT_ACTOR_COLUMNS`, `SKIPPED_COLUMNS`):
DuckDB DDL, Parquet/Arrow schemas, CSV headers and Spark schemas are all
generated from these lists, so they cannot drift apart.

Offsets are character offsets (Python string indices) into `Article.text`,
end-exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from hadath import CODER_NAME, __version__


def content_hash(text: str) -> str:
    """Article id: the first 16 hex digits of the SHA-1 of the cleaned text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article after ingestion (text cleaned, boilerplate removed)."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given or parsed
    language: str = "ar"
    source_id: str | None = None  # the id the input gave (e.g. a JSONL "id")
    source_path: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)

    @property
    def published_date(self) -> str | None:
        """The YYYY-MM-DD part of `published`, if it has one."""
        if self.published and len(self.published) >= 10 and self.published[4] == "-":
            return self.published[:10]
        return None


@dataclass(slots=True, frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class ActorMention:
    """An actor found in the text, resolved to a code."""

    text: str
    start: int
    end: int
    code: str  # ISO alpha-3 country code or an international code (UN, EU, ISIS…)
    sector: str | None = None  # GOV, MIL, COP, REB, CVL…
    name_en: str = ""
    kind: str = "state"  # state | igo (an international or non-governmental body) | group | person | office
    entry: str = ""  # the data entry that matched (normalised form)
    rule: str = ""  # why: name, nisba, office+nisba, apposition, two-sides…
    tok_start: int = -1  # token indices inside its sentence (end-exclusive)
    tok_end: int = -1

    @property
    def full_code(self) -> str:
        return f"{self.code}-{self.sector}" if self.sector else self.code


@dataclass(slots=True)
class Event:
    """A coded event, traceable to its sentence and trigger."""

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    event_type: str  # PLOVER type, e.g. CONSULT
    mode: str | None
    trigger: str  # event_text: the trigger words as they stand in the text
    trigger_start: int
    trigger_end: int
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None  # day | week | month | year | published | unknown
    location: dict | None = None  # hadath.geo.resolve_place: text, name, country, admin1, lat, lon, feature
    negated: bool = False
    modality: str = "asserted"  # asserted | future | conditional | question | reported-intent
    confidence: float = 0.5
    cameo: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    lexicon_entry: str = ""  # which lexicon entry fired
    rule: str = ""  # which argument rule assigned source/target
    casualties: dict[str, int] = field(default_factory=dict)  # killed/injured/arrested
    coder: str = CODER_NAME
    coder_version: str = __version__
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            dyad = (self.source.code if self.source else "", self.target.code if self.target else "")
            self.id = event_id(self.article_id, self.sentence_index, self.trigger_start, self.event_type, dyad)

    @property
    def source(self) -> ActorMention | None:
        return self.actors[0] if self.actors else None

    @property
    def target(self) -> ActorMention | None:
        return self.recipients[0] if self.recipients else None


def event_id(article_id: str, sentence_index: int, trigger_start: int, event_type: str,
             dyad: tuple[str, str] = ("", "")) -> str:
    """Stable event id: the same article, trigger, type and dyad always give the same id."""
    key = f"{article_id}|{sentence_index}|{trigger_start}|{event_type}|{dyad[0]}|{dyad[1]}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class CodedArticle:
    """The output of the per-article function: the article, its sentences and events."""

    article: Article
    sentences: list[Sentence]
    events: list[Event]
    mentions: list[ActorMention] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.article.text[s.start : s.end]


@dataclass(slots=True)
class Skipped:
    """An input item that was not coded, and why."""

    source: str  # path, path:line, or WARC record id
    reason: str  # short key: empty, binary, encoding, not-arabic, too-large, bad-json, html…
    message: str


# --- the one output schema -------------------------------------------------
# (column, logical type). Logical types: string, int, float, bool, json.
# json columns hold a JSON text (lists/dicts) in flat exports.

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),
    ("source_id", "string"),
    ("url", "string"),
    ("outlet", "string"),
    ("title", "string"),
    ("published", "string"),
    ("language", "string"),
    ("source_path", "string"),
    ("text", "string"),
    ("n_sentences", "int"),
    ("n_events", "int"),
    ("coder_version", "string"),
]

EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "string"),
    ("article_id", "string"),
    ("date", "string"),
    ("date_precision", "string"),
    ("event_type", "string"),
    ("mode", "string"),
    ("cameo", "string"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("source_code", "string"),
    ("source_sector", "string"),
    ("source_name", "string"),
    ("source_text", "string"),
    ("target_code", "string"),
    ("target_sector", "string"),
    ("target_name", "string"),
    ("target_text", "string"),
    ("trigger", "string"),
    ("trigger_start", "int"),
    ("trigger_end", "int"),
    ("sentence_index", "int"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("sentence", "string"),
    ("negated", "bool"),
    ("modality", "string"),
    ("confidence", "float"),
    ("lexicon_entry", "string"),
    ("rule", "string"),
    ("casualties", "json"),
    ("url", "string"),
    ("outlet", "string"),
    ("coder", "string"),
    ("coder_version", "string"),
    ("loc_text", "string"),
    ("loc_name", "string"),
    ("loc_country", "string"),
    ("loc_admin1", "string"),
    ("lat", "float"),
    ("lon", "float"),
    ("loc_feature", "string"),
]

# Event.location keys → their EVENT_COLUMNS columns.
LOCATION_COLUMNS: dict[str, str] = {
    "text": "loc_text", "name": "loc_name", "country": "loc_country", "admin1": "loc_admin1",
    "lat": "lat", "lon": "lon", "feature": "loc_feature",
}

EVENT_ACTOR_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "string"),
    ("role", "string"),  # actor | recipient
    ("position", "int"),
    ("code", "string"),
    ("sector", "string"),
    ("name_en", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("start", "int"),
    ("end", "int"),
    ("entry", "string"),
    ("rule", "string"),
]

SKIPPED_COLUMNS: list[tuple[str, str]] = [
    ("source", "string"),
    ("reason", "string"),
    ("message", "string"),
]
