"""Actors: gazetteer data, matcher and resolver.

Public interface (used by the coder, the CLI and the tests):

    ActorResolver(published: str | None = None)
        .find(tokens: list[Token]) -> list[ActorMention]
        One resolver per article; call `find` once per sentence, in order.
        It keeps article context (states named so far) for references such as
        الجانب الروسي and الجانبان.

    find_actors(text: str, published: str | None = None) -> list[ActorMention]
        Convenience for a whole text (used by `hadath actors`).
"""
