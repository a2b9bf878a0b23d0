"""Request and response models of the API, derived from the one output schema where rows are returned.

`EventRow`, `EventActorRow` and `ArticleRow` are built from `EVENT_COLUMNS`,
`EVENT_ACTOR_COLUMNS` and `ARTICLE_COLUMNS` in `hadath.records`, so the
OpenAPI spec follows the schema when a column is added.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from hadath.ontology import PLOVER_TYPES
from hadath.records import ARTICLE_COLUMNS, EVENT_ACTOR_COLUMNS, EVENT_COLUMNS

MAX_LIMIT = 500  # most rows one request returns
MAX_TEXT = 500_000  # characters of one article posted to /code
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE_MAX = 64

_PY = {"string": str, "int": int, "float": float, "bool": bool, "json": str}


def row_model(name: str, columns: list[tuple[str, str]]) -> type[BaseModel]:
    """A pydantic model with one optional field per schema column."""
    return create_model(name, **{c: (_PY.get(t, Any) | None, None) for c, t in columns})


EventRow = row_model("EventRow", EVENT_COLUMNS)
EventActorRow = row_model("EventActorRow", EVENT_ACTOR_COLUMNS)
ArticleRow = row_model("ArticleRow", ARTICLE_COLUMNS)
EventType = Literal[PLOVER_TYPES]
Interval = Literal["day", "week", "month"]


class EventQuery(BaseModel):
    """Filters and paging of the event list (every filter optional; all given must match)."""

    model_config = ConfigDict(extra="ignore")

    actor: str | None = Field(None, max_length=CODE_MAX, description="Source actor code or code-sector: EGY, EGY-GOV")
    recipient: str | None = Field(None, max_length=CODE_MAX, description="Target actor code or code-sector")
    type: EventType | None = Field(None, description="PLOVER event type")
    quad_class: int | None = Field(None, ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal "
                                                                 "conflict, 4 material conflict")
    since: str | None = Field(None, pattern=DATE_PATTERN, description="First day, YYYY-MM-DD (inclusive)")
    until: str | None = Field(None, pattern=DATE_PATTERN, description="Last day, YYYY-MM-DD (inclusive)")
    outlet: str | None = Field(None, max_length=200, description="Outlet (host name), e.g. example.com")
    q: str | None = Field(None, max_length=200, description="Text the Arabic sentence contains")
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Rows to return (at most {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=10_000_000)

    def store_filters(self) -> dict[str, Any]:
        """The keyword arguments of `DuckStore.query_events` (without paging)."""
        return {"actor": self.actor, "recipient": self.recipient, "event_type": self.type,
                "quad_class": self.quad_class, "since": self.since, "until": self.until,
                "outlet": self.outlet, "text": self.q}


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventRow]  # type: ignore[valid-type]


class Span(BaseModel):
    role: Literal["trigger", "source", "target"]
    start: int | None
    end: int | None
    text: str | None
    code: str | None
    name: str | None
    in_sentence: bool


class EventDetail(BaseModel):
    event: EventRow  # type: ignore[valid-type]
    actors: list[EventActorRow]  # type: ignore[valid-type]
    spans: list[Span]
    sentence: str
    article: ArticleRow | None  # type: ignore[valid-type]
    gloss: dict[str, Any]


class ActorCount(BaseModel):
    code: str
    name: str
    text_ar: str | None
    events: int
    as_source: int
    as_target: int
    goldstein: float | None


class ActorList(BaseModel):
    actors: list[ActorCount]


class Period(BaseModel):
    period: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein: float | None


class Timeline(BaseModel):
    a: str
    b: str
    interval: Interval
    directed: bool
    periods: list[Period]


class CodeRequest(BaseModel):
    """One article to code: its `text` or its `html` (exactly one), and optional metadata."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "oneOf": [{"required": ["text"], "not": {"required": ["html"]}},
                  {"required": ["html"], "not": {"required": ["text"]}}]})

    # `str` with a None default: the spec says "a string when given" (null is refused)
    text: str = Field(None, max_length=MAX_TEXT, description="Plain text; a short first line is the title")
    html: str = Field(None, max_length=MAX_TEXT, description="An HTML page (its main text is extracted)")
    url: str = Field(None, max_length=2000)
    title: str = Field(None, max_length=500)
    date: str = Field(None, max_length=40, description="Publication date, ISO 8601 or RFC 2822")
    id: str = Field(None, max_length=200, description="Your id of the article (cite_info.source_id)")
    store: bool = Field(False, description="Also store the coded article (needs the token when one is set)")
    all: bool = Field(False, description="Also return negated, future and conditional events (flagged)")

    @model_validator(mode="after")
    def _one_input(self) -> CodeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class Skip(BaseModel):
    reason: str = Field(description="empty, too-short, not-arabic…")
    message: str


class CodeResponse(BaseModel):
    """The records of a coded article, or why it was skipped (as `hadath code` says on stderr)."""

    article_id: str | None
    stored: bool
    records: list[dict[str, Any]] = Field(description="PLOVER records, as `hadath code --format jsonl` prints")
    skipped: Skip | None = None


class Error(BaseModel):
    detail: str
