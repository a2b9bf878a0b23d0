"""Joining actor mentions the coder sees as one actor.

An office or group word with no country, directly followed by a coded actor
in the genitive or after من or في, is that actor: قائد الحرس الثوري → the Guard's
code; مسلحون من تنظيم داعش → ISIS; موظفي الأمم المتحدة → UN; مسؤول في الخارجية
الأمريكية → USA; مدنيون في غزة → PSE (people in a place are that place's, rather
than the country the article talks most about). The joined
mention spans both and keeps the office's sector when the named actor has none.
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.lang.ar.tokens import Token
from hadath.records import ActorMention

LINKS = frozenset({"من", "في"})


def join_office_mentions(tokens: Sequence[Token], mentions: list[ActorMention], text: str) -> list[ActorMention]:
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and _joins(tokens, m, nxt):
            out.append(ActorMention(text[m.start:nxt.end], m.start, nxt.end, nxt.code, nxt.sector or m.sector,
                                    nxt.name_en, nxt.kind, f"{m.entry} + {nxt.entry}", "office+genitive-actor",
                                    m.tok_start, nxt.tok_end))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _joins(tokens: Sequence[Token], office: ActorMention, named: ActorMention) -> bool:
    if office.code or office.kind != "office" or not named.code or named.rule == "two-sides":
        return False
    gap = named.tok_start - office.tok_end
    if gap == 0:
        return named.start == tokens[named.tok_start].start  # no proclitic: a genitive
    return gap == 1 and tokens[office.tok_end].norm in LINKS
