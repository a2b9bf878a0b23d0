"""Choose which office holder a person name means on a given day."""

from __future__ import annotations

from hadath.actors.gazetteer import Entry

_OPEN_END = "9999-12-31"


def in_office(entry: Entry, day: str) -> bool:
    return entry.start <= day <= (entry.end or _OPEN_END)


def pick(entries: tuple[Entry, ...], day: str | None) -> tuple[Entry, bool]:
    """The entry for `day` and whether the person held that role on that day.
    Without a day: the latest role. Outside every tenure: the nearest one."""
    if day is None:
        return max(entries, key=lambda e: (e.end or _OPEN_END, e.start)), True
    current = [e for e in entries if in_office(e, day)]
    if current:
        return max(current, key=lambda e: e.start), True
    before = [e for e in entries if (e.end or _OPEN_END) < day]
    if before:
        return max(before, key=lambda e: e.end), False
    return min(entries, key=lambda e: e.start), False
