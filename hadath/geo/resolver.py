"""The place of an event: a gazetteer name introduced as a place, nearest to the trigger.

A name counts as a place when a cue of data/cues.tsv introduces it:
    في غزه، قرب حلب، بالقرب من درعا، داخل سوريا          (strong: any place)
    بمدينه غزه، في مدينه حلب، شمال شرق سيناء، مخيم جنين   (frames, alone or after a cue)
    بغزه (ب glued to a city of hadath's own data), علي غزه، الي القاهره (weak: not a country)
Among the places of a sentence the one nearest to the trigger wins (after it on a tie),
and a state right after a more specific place only qualifies it
(حلب شمال سوريا → Aleppo, and it disambiguates: طرابلس شمال لبنان → LBN).

A name with several places (طرابلس: LBY, LBN; عمان: Amman, Oman) is resolved by, in
order: a state named right after it, the states the article names, hadath's own data
before GeoNames, the more specific feature, population.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from hadath.geo.gazetteer import FEATURES, Place, place_matcher, read_rows
from hadath.lang.ar.phrases import PhraseMatch
from hadath.lang.ar.tokens import Token

LOOKBACK = 5  # tokens a cue may stand before a name (في شمال شرق مدينه X)
QUALIFIER_GAP = 4  # a state this close after a place qualifies it


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence: token span, cue strength and candidate places."""

    tok_start: int
    tok_end: int
    text: str
    cue: str  # strong | weak
    places: tuple[Place, ...]

    @property
    def is_country(self) -> bool:
        return all(p.feature == "country" for p in self.places)


@cache
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_rows("cues.tsv"):
        out.setdefault(row["kind"], set()).update(row["forms"].split("|"))
    return {k: frozenset(v) for k, v in out.items()}


def _strip(norm: str) -> tuple[str, str]:
    """(proclitics, word) for a cue token: وفي → (و, في), بمدينه → (ب, مدينه)."""
    known = cues()
    for prefix in ("", "و", "ف", "ب", "وب", "فب", "ل", "ول"):
        word = norm[len(prefix):]
        if norm.startswith(prefix) and any(word in forms for forms in known.values()):
            return prefix, word
    return "", norm


def _cue(tokens: Sequence[Token], match: PhraseMatch) -> str | None:
    """How the name at `match` is introduced: strong, weak or None (not as a place)."""
    known = cues()
    framed = match.phrase.split()[0] in known["frame"]
    glued = "ب" in match.first.prefix
    adjectives = 0
    for j in range(match.tok_start - 1, max(match.tok_start - 1 - LOOKBACK, -1), -1):
        prefix, word = _strip(tokens[j].norm)
        if word in known["strong"] or (word in known["weak"] and framed):
            return "strong"
        if word in known["weak"]:
            return "weak"
        if word in known["frame"]:
            framed = True
            if "ب" in prefix:
                return "strong"
        elif _adjective(word) and adjectives == 0:
            adjectives += 1
        elif word not in known["link"]:
            break
    if framed:
        return "strong"
    return "weak" if glued and any(p.curated for p in match.payload) else None


def _adjective(word: str) -> bool:
    """A nisba adjective between a frame and a name (العاصمه الليبيه طرابلس)."""
    return word.startswith("ال") and word.endswith(("يه", "ي"))


def _text(tokens: Sequence[Token], m: PhraseMatch) -> str:
    first = tokens[m.tok_start]
    parts = [t.text for t in tokens[m.tok_start:m.tok_end]]
    parts[0] = first.text[m.start - first.start:]
    return " ".join(parts)


def find_places(tokens: Sequence[Token]) -> list[PlaceMention]:
    """Every name of the gazetteer in a sentence that a cue introduces as a place."""
    out = []
    for m in place_matcher().find_all(tokens):
        cue = _cue(tokens, m)
        mention = PlaceMention(m.tok_start, m.tok_end, _text(tokens, m), cue or "", m.payload)
        if cue == "strong" or (cue == "weak" and not mention.is_country):
            out.append(mention)
    return out


def _distance(m: PlaceMention, i: int) -> tuple[int, int]:
    if m.tok_start <= i < m.tok_end:
        return 0, 0
    if m.tok_start > i:
        return m.tok_start - i, 0
    return i - m.tok_end + 1, 1


def _nearest(found: list[PlaceMention], i: int) -> PlaceMention:
    """The mention nearest to token i; a state just after a place yields to that place."""
    best = min(found, key=lambda m: _distance(m, i))
    if best.is_country:
        before = [m for m in found if not m.is_country and 0 <= best.tok_start - m.tok_end <= QUALIFIER_GAP]
        if before:
            return before[-1]
    return best


def _qualifiers(found: list[PlaceMention], chosen: PlaceMention) -> set[str]:
    """States named right after the chosen place (طرابلس شمال لبنان → LBN)."""
    return {p.iso3 for m in found if m.is_country and 0 <= m.tok_start - chosen.tok_end <= QUALIFIER_GAP
            for p in m.places}


def pick(candidates: Sequence[Place], qualifiers: Collection[str], article_countries: Collection[str]) -> Place:
    """The most likely of the places one name may denote (see the module doc)."""
    def key(p: Place):
        weight = article_countries.get(p.iso3, 0) if hasattr(article_countries, "get") else 0
        return (p.iso3 in qualifiers, p.iso3 in article_countries, p.curated, FEATURES.index(p.feature),
                weight, p.population)
    return max(candidates, key=key)


def as_dict(mention: PlaceMention, place: Place) -> dict:
    return {"text": mention.text, "name": place.name_en, "country": place.iso3, "admin1": place.admin1 or None,
            "lat": place.lat, "lon": place.lon, "feature": place.feature}


def resolve_place(tokens: Sequence[Token], trigger_index: int,
                  article_countries: Collection[str] = frozenset(), found: list | None = None) -> dict | None:
    """The place of the event whose trigger is token `trigger_index` of a sentence:
    {text, name, country, admin1, lat, lon, feature}, or None. `article_countries`:
    ISO3 codes the article names (a set, or a Counter of mentions). `found`: the
    sentence's `find_places` result, when the caller already has it."""
    if found is None:
        found = find_places(tokens)
    if not found:
        return None
    chosen = _nearest(found, trigger_index)
    return as_dict(chosen, pick(chosen.places, _qualifiers(found, chosen), article_countries))
