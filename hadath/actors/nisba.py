"""Inflected forms of a nisba (relational adjective / demonym).

From a masculine singular stem (روسي) `forms` makes the feminine (روسيه, ta
marbuta in matching form), the sound plurals (روسيون روسيين روسيات), the duals
(روسيان روسيتان روسيتين), each with and without ال. A multi-word stem inflects
every word (كوري جنوبي → الكوريه الجنوبيه). Broken plurals (روس) come from data.
"""

from __future__ import annotations

# (suffix, number) applied to a stem ending in ي; number is "sg" or "pl".
_SUFFIXES = (
    ("", "sg"), ("ه", "sg"),
    ("ون", "pl"), ("ين", "pl"), ("ات", "pl"),
    ("ان", "pl"), ("تان", "pl"), ("تين", "pl"),
)


def inflect(stem: str) -> list[tuple[str, str]]:
    """(form, number) pairs of one stem, without and with ال on every word."""
    out = []
    for suffix, number in _SUFFIXES:
        words = [w + suffix for w in stem.split()]
        out.append((" ".join(words), number))
        out.append((" ".join("ال" + w for w in words), number))
    return out


def broken_plural_forms(plural: str) -> list[str]:
    """A broken plural (روس) with and without ال on every word."""
    words = plural.split()
    return [plural, " ".join("ال" + w for w in words)]
