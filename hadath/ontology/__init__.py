"""PLOVER event types and their CAMEO projection (root code, QuadClass, Goldstein)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from hadath.errors import DataError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    gloss_en: str
    gloss_ar: str


@cache
def event_types() -> dict[str, EventType]:
    """The 16 PLOVER types, loaded once from `ontology/data/plover.tsv`."""
    out: dict[str, EventType] = {}
    text = files("hadath.ontology").joinpath("data/plover.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise DataError(f"ontology/data/plover.tsv line {n}: expected 6 tab-separated fields")
        name, root, quad, gold, gloss_en, gloss_ar = parts
        out[name] = EventType(name, root, int(quad), float(gold), gloss_en, gloss_ar)
    return out


PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def event_type(name: str) -> EventType:
    try:
        return event_types()[name]
    except KeyError:
        raise DataError(f"unknown PLOVER event type {name!r}; known: {', '.join(PLOVER_TYPES)}") from None


def cameo_root(cameo: str) -> str:
    return cameo[:2]


def quad_class_of_cameo(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
