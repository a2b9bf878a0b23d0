"""Resolve actor mentions in tokenised sentences.

`ActorResolver.find(tokens)` runs in three steps:

1. `matcher().find_all(tokens)`: longest matches of every data phrase (names,
   nisba forms, offices, bodies, groups, persons, references), clitics allowed;
2. `_piece`: each match becomes a `Piece` (one entry chosen: person names by the
   article date, risky words only with a context word next to them);
3. `_compose`: adjacent pieces merge - office + nisba (وزير الخارجية الروسي),
   office + state in the genitive (وزير خارجية إيران), office + person
   (apposition: الرئيس الروسي فلاديمير بوتين), side + nisba (الجانب الروسي),
   two-sides words (الجانبان) → the two states named last in the article;
4. a body's head noun standing alone (وقالت المنظمة، البعثة) → the body named
   last in the article with that head noun (`_body_head`).

Each `ActorMention.rule` says which rule made it; `.entry` the data phrase(s).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hadath.actors.dates import article_day
from hadath.actors.gazetteer import Entry, code_name, matcher
from hadath.actors.persons import pick
from hadath.lang.ar.tokens import Token, candidates
from hadath.records import ActorMention

STATE_KINDS = {"state", "capital", "seat", "city", "region"}
KIND_OF_ENTRY = {"igo": "igo", "group": "group", "person": "person", "office": "office"}
RULE_OF_KIND = {"state": "name", "capital": "capital", "seat": "metonym", "city": "city",
                "region": "region", "igo": "name", "group": "name", "person": "person",
                "office": "office", "risky": "context"}


@dataclass(slots=True)
class Piece:
    """A matched phrase with its chosen entry, before or after merging."""

    entry: Entry
    tok_start: int
    tok_end: int
    start: int
    end: int
    code: str
    sector: str | None
    rule: str
    entries: tuple[str, ...]
    last_word: str  # normalised last word of the phrase (genitive test)


class ActorResolver:
    """One per article: call `find` once per sentence, in text order."""

    def __init__(self, published: str | None = None):
        self.day = article_day(published)
        self.states: list[str] = []  # ISO3 codes in the order the article names them
        self.bodies: dict[str, Piece] = {}  # head noun (منظمه) → the body named last with it

    def find(self, tokens: list[Token], text: str | None = None) -> list[ActorMention]:
        """Actor mentions of one sentence's tokens. `text` (optional) is the string the
        token offsets point into; it gives each mention its exact surface text."""
        pieces = [p for m in matcher().find_all(tokens) if (p := self._piece(m, tokens))]
        if not pieces:  # a sentence that names no actor needs no composition passes
            return []
        composed = _compose(pieces)
        if text is not None:
            composed = _merge_bracketed(composed, text)
        mentions: list[ActorMention] = []
        for i, piece in enumerate(composed):
            mentions += self._emit(piece, tokens, text, composed[i + 1:i + 3])
            self._remember_body(piece, tokens)
        return mentions

    def _remember_body(self, piece: Piece, tokens) -> None:
        """An international body or group, under the head noun of its name and under
        a body noun right before it (بعثة منظمة حظر الأسلحة: المنظمة and البعثة)."""
        if piece.entry.kind not in ("igo", "group") or not piece.code:
            return
        heads = {_body_head(piece.entry.phrase.split()[0])}
        if piece.tok_start > 0 and tokens[piece.tok_start - 1].end == piece.start - 1:
            heads.add(_body_head(tokens[piece.tok_start - 1].norm.lstrip("وف")))
        for head in heads & BODY_HEADS:
            self.bodies[head] = piece

    def _piece(self, match, tokens) -> Piece | None:
        entries = match.payload
        entry, current = entries[0], True
        if entry.kind == "person":
            entry, current = pick(entries, self.day)
        if entry.kind == "block" or (entry.kind == "risky" and not _has_context(entry, tokens, match)):
            return None
        sector = entry.sector if current else None
        rule = RULE_OF_KIND.get(entry.kind, entry.kind)
        if entry.kind == "person" and not current:
            rule = "person-out-of-office"
        return Piece(entry, match.tok_start, match.tok_end, match.start, match.end, entry.code,
                     sector, rule, (entry.phrase,), match.phrase.rpartition(" ")[2])  # words joined by one space

    def _emit(self, piece: Piece, tokens, text, following: list[Piece]) -> list[ActorMention]:
        kind = piece.entry.kind
        if kind == "two-sides":
            return self._two_sides(piece, tokens, text, following)
        if kind in ("body", "office") and piece.tok_end - piece.tok_start == 1 and not piece.code:
            body = self.bodies.get(_body_head(piece.entry.phrase)) if piece.entry.phrase.startswith("ال") else None
            if body is not None:
                return [replace(_mention(piece, tokens, text), code=body.code, sector=body.sector,
                                name_en=body.entry.name_en, kind=_mention_kind(body), rule="body-reference")]
        if kind == "body":
            return []
        if kind == "block" or (kind == "side" and not piece.code):
            return []
        mention = _mention(piece, tokens, text)
        if _is_state_code(mention.code) and piece.entry.kind not in ("igo", "ngo"):  # the sides are states, not the SCO
            self._remember(mention.code)
        return [mention]

    def _remember(self, code: str) -> None:
        if code in self.states:
            self.states.remove(code)
        self.states.append(code)

    def _two_sides(self, piece: Piece, tokens, text, following: list[Piece]) -> list[ActorMention]:
        codes = _named_pair(piece, following) or self.states[-2:]
        if len(codes) < 2:
            return []
        base = _mention(piece, tokens, text)
        return [replace(base, code=code, kind="state", name_en=code_name(code), rule="two-sides") for code in codes]


BODY_HEADS = frozenset({"منظمه", "مفوضيه", "لجنه", "هيئه", "حركه", "تحالف", "بعثه", "جماعه", "تنظيم"})


def _body_head(word: str) -> str:
    """A name's first word without the article: المنظمه → منظمه."""
    return word[2:] if word.startswith("ال") else word


def _named_pair(piece: Piece, following: list[Piece]) -> list[str]:
    """الجانبين الروسي والتركي: the two nisba right after the two-sides word."""
    pair = [p for p in following if p.entry.kind == "nisba"]
    if len(pair) == 2 and pair[0].tok_start == piece.tok_end and pair[1].tok_start == pair[0].tok_end:
        return [pair[0].code, pair[1].code]
    return []


def _is_state_code(code: str) -> bool:
    return len(code) == 3 and code.isupper() and code.isalpha() and code not in {"IGO", "NGO"}


def _has_context(entry: Entry, tokens, match) -> bool:
    around = [tokens[i] for i in (match.tok_start - 1, match.tok_end) if 0 <= i < len(tokens)]
    return any(t.norm in entry.context or any(c.stem in entry.context for c in candidates(t.norm))
               for t in around)


def _mention(piece: Piece, tokens, text) -> ActorMention:
    entry = piece.entry
    kind = _mention_kind(piece)
    surface = text[piece.start:piece.end] if text is not None else _surface(tokens, piece)
    return ActorMention(surface, piece.start, piece.end, piece.code, piece.sector,
                        entry.name_en if kind != "office" or not piece.code else piece.code,
                        kind, " + ".join(piece.entries), piece.rule, piece.tok_start, piece.tok_end)


def _mention_kind(piece: Piece) -> str:
    kind = piece.entry.kind
    if kind == "risky":
        return piece.entry.number or "state"
    if kind in ("person", "group", "igo"):  # (an IGO's or NGO's code may have three letters: GCC, MSF)
        return kind
    if not piece.code:
        return "office"
    return "state" if _is_state_code(piece.code) else "igo"


def _surface(tokens, piece: Piece) -> str:
    """Text of the span rebuilt from tokens (words joined by spaces)."""
    words = [t.text for t in tokens[piece.tok_start:piece.tok_end]]
    first = tokens[piece.tok_start]
    words[0] = first.text[piece.start - first.start:] if len(words) > 1 else \
        first.text[piece.start - first.start: piece.end - first.start]
    if len(words) > 1:
        last = tokens[piece.tok_end - 1]
        words[-1] = last.text[: piece.end - last.start]
    return " ".join(words)


# --- composition ------------------------------------------------------------

def _compose(pieces: list[Piece]) -> list[Piece]:
    """Merge adjacent pieces in passes, tightest first: an office takes its nisba or
    genitive before a person name can stand in apposition to it (بوتين الرئيس التركي
    is Putin + the Turkish president, not one actor)."""
    for merge in (_merge_country, _merge_office_person, _merge_person_office):
        pieces = _merge_pass(pieces, merge)
    return [_standalone(p) for p in pieces]


def _merge_bracketed(pieces: list[Piece], text: str) -> list[Piece]:
    """A name and its abbreviation or alias in brackets right after it (مكتب التحقيقات
    الفدرالي (أف بي آي)) are one actor when both name the same code."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev is not None and prev.code and prev.code == piece.code \
                and text[prev.end:piece.start].strip() == "(" and text[piece.end:piece.end + 1] == ")":
            out[-1] = _join(prev, piece, prev.code, prev.sector or piece.sector, prev.rule)
        else:
            out.append(piece)
    return out


def _merge_pass(pieces: list[Piece], merge) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        merged = merge(out[-1], piece) if out and out[-1].tok_end == piece.tok_start else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(piece)
    return out


def _standalone(piece: Piece) -> Piece:
    if piece.entry.kind == "nisba":
        piece.rule = "nisba-noun" if piece.entry.number == "pl" else "nisba"
    return piece


def _merge_country(left: Piece, right: Piece) -> Piece | None:
    """Office/body/side + nisba, office in construct state + state name."""
    lk, rk = left.entry.kind, right.entry.kind
    if rk == "nisba" and lk in ("office", "side", "igo", "group"):
        return _with_nisba(left, right)
    if rk in STATE_KINDS and lk in ("office", "side") and not left.code and _construct(left):
        return _join(left, right, right.code, left.sector, "office+genitive")
    return None


def _merge_office_person(left: Piece, right: Piece) -> Piece | None:
    if right.entry.kind == "person" and left.entry.kind in ("office", "side"):
        return _apposition(left, right)
    return None


def _merge_person_office(left: Piece, right: Piece) -> Piece | None:
    """لافروف، وزير الخارجية الروسي: only when the office names the same country."""
    if left.entry.kind == "person" and right.entry.kind == "office" and right.code == left.code:
        return _join(left, right, left.code, left.sector or right.sector, "apposition")
    return None


def _with_nisba(left: Piece, right: Piece) -> Piece | None:
    lk = left.entry.kind
    if lk == "two-sides":
        return None  # handled later: الجانبين الروسي والتركي keeps the nisba pieces
    if lk == "group":  # ميليشيات الحوثي الإيرانية: a nisba after a group is its epithet, not another actor
        return _join(left, right, left.code, left.sector, left.rule if right.code == left.code else "group+epithet")
    if left.code and lk != "igo":
        return None  # already has a country (الرئيس الأمريكي الروسي is two actors)
    if lk == "igo":
        if right.entry.number != "sg":
            return None
        return _join(left, right, right.code, "GOV", "body+nisba")
    rule = "side+nisba" if lk == "side" else "office+nisba"
    return _join(left, right, right.code, left.sector, rule)


def _apposition(left: Piece, right: Piece) -> Piece | None:
    if left.code and left.code != right.code:
        return None
    sector = left.sector if left.code or not right.sector else right.sector
    return _join(left, right, right.code, sector, "apposition", entry=right.entry)


def _construct(piece: Piece) -> bool:
    """An office phrase in construct state (no ال on its last word: وزير خارجية,
    رئيس وزراء, جيش) can take a state name in the genitive."""
    return not piece.last_word.startswith("ال")


def _join(left: Piece, right: Piece, code: str, sector: str | None, rule: str,
          entry: Entry | None = None) -> Piece:
    return Piece(entry or left.entry, left.tok_start, right.tok_end, left.start, right.end,
                 code, sector, rule, left.entries + right.entries, right.last_word)
