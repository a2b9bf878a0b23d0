"""Actors: gazetteer data, matcher and resolver.

Public interface (used by the coder, the CLI and the tests):

    ActorResolver(published: str | None = None)
        .find(tokens: list[Token]) -> list[ActorMention]
        One resolver per article; call `find` once per sentence, in order.
        It keeps article context (states named so far) for references such as
        الجانب الروسي and الجانبان.

    find_actors(text: str, published: str | None = None) -> list[ActorMention]
        Convenience for a whole text (used by `hadath actors`).

    explain(text: str, published: str | None = None) -> list[dict]
        The mentions as dicts (text, span, code, sector, name_en, kind, entry, rule).

`find` also takes an optional `text=` (the string the token offsets point into) so
that each mention carries its exact surface text. Data files: `hadath/actors/data/`.
"""

from hadath.actors.api import explain, find_actors
from hadath.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "explain", "find_actors"]
