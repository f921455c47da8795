"""Japanese names as romanised Russian writes them (the Polivanov system), read back as Hepburn.

Russian copy spells Japanese names by Polivanov (`Синдзиро Коидзуми`, `Фумио Кисида`), and
English copy that came through Russian keeps those spellings romanised (`Sindziro Koidzumi`),
where English writes Hepburn (`Shinjiro Koizumi`). Polivanov writes `dz` for Hepburn's `z`
and `j`, `si` and `ti` for `shi` and `chi`, `sy`/`ty` for `sh`/`ch` before a vowel; no English
spelling of a Japanese name has a `dz`. A word that splits wholly into Polivanov syllables is
read back by those few correspondences.
"""

from __future__ import annotations

import functools
import re

_VOWELS = "aiueo"
# Romanised Polivanov syllables: a vowel; a consonant row before the vowels it takes; a row
# with `y` before a, u, o; the moraic n; a doubled consonant before a syllable (`kk`, `tt`).
_ROWS = {
    "k": _VOWELS, "g": _VOWELS, "n": _VOWELS, "m": _VOWELS, "r": _VOWELS, "b": _VOWELS, "p": _VOWELS,
    "s": _VOWELS, "t": "aieo", "ts": "u", "kh": "aieo", "h": "aieo", "f": "u", "d": "aeo", "dz": _VOWELS,
    "y": "auo", "v": "a",
}  # fmt: skip
_PALATAL = ("k", "g", "n", "m", "r", "b", "p", "s", "t", "kh", "h", "dz")
_SYLLABLE = re.compile(
    "(?:[kstp](?=[kstp]))?(?:"
    + "|".join(
        sorted(
            [f"{row}[{vowels}]" for row, vowels in _ROWS.items()]
            + [f"{row}y[auo]" for row in _PALATAL]
            + [f"[{_VOWELS}]", f"n(?![{_VOWELS}y])", f"(?<=[{_VOWELS}])y(?![{_VOWELS}])"],
            key=len,
            reverse=True,
        )
    )
    + ")"
)
_WORD = re.compile(f"(?:{_SYLLABLE.pattern})+")
# Syllables only Polivanov writes so: a word with one is read back (a name needs a `dz` too).
_POLIVANOV_ONLY = re.compile(r"dz|s(?=[iy])|t(?=[iy])")
# Polivanov -> Hepburn, in order.
_HEPBURN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"dzy", "j"),
        (r"dzi", "ji"),
        (r"dz", "z"),
        (r"sy", "sh"),
        (r"si", "shi"),
        (r"ty", "ch"),
        (r"ti", "chi"),
        (r"kh", "h"),
        (rf"(?<=[{_VOWELS}])y(?![{_VOWELS}])", "i"),
    )
)


def _is_polivanov_word(word: str) -> bool:
    return len(word) >= 3 and _WORD.fullmatch(word) is not None


def _hepburn(word: str) -> str:
    for pattern, replacement in _HEPBURN:
        word = pattern.sub(replacement, word)
    return word


@functools.lru_cache(maxsize=65536)
def hepburn_reading(name: str) -> str | None:
    """The Hepburn spelling of a Japanese name written by romanised Polivanov (`Sindziro Koidzumi`
    -> `Shinjiro Koizumi`): two words or more, each splitting wholly into Polivanov syllables,
    one with a `dz`. None for any other name."""
    words = name.split()
    if len(words) < 2 or not any("dz" in word.lower() for word in words):
        return None
    read = []
    for word in words:
        lower = word.lower()
        if not word[:1].isupper() or not _is_polivanov_word(lower) or lower.endswith("dze"):
            return None  # `-dze`: the Georgian surname ending (`Dzidzibadze`), never a Japanese one
        read.append(_hepburn(lower).capitalize() if _POLIVANOV_ONLY.search(lower) or "kh" in lower else word)
    reading = " ".join(read)
    return reading if reading != name else None
