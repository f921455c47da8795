"""Transliteration-aware keys and similarity for name spellings.

Names that reached English through Russian arrive spelt by Russian conventions: `Kh` for
Arabic `h`, `Dzh` for `j`, doubled `yy`, the assimilated article `ash-`/`ad-` for `al-`.
`name_key` folds those differences (and case, hyphens, diacritics, other scripts via
anyascii) so spellings of one name share a key; `name_similarity` compares keys with
rapidfuzz, so a near-miss spelling scores high and an unrelated name low.
"""

from __future__ import annotations

import functools
import re

from anyascii import anyascii
from rapidfuzz import fuzz

from audit.names.finder import ARTICLES, CONNECTORS

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,·]+")
_APOSTROPHES = re.compile(r"['’`ʼʻ\"]")
_DOUBLED = re.compile(r"(.)\1+")
# Ordered rewrites: multi-letter Russian-mediated spellings first, then single letters.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"dzh|dj", "j"),
        (r"kh", "h"),
        (r"ou", "u"),
        (r"iy\b|yy|iy(?=[aeiou])", "i"),
        (r"\bye", "e"),
        (r"ye", "e"),
        (r"y", "i"),
        (r"x", "ks"),
        (r"ck", "k"),
        (r"c(?=[aou])", "k"),
        (r"q", "k"),
        (r"ph", "f"),
        (r"w", "v"),
    )
)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A transliteration-folded key: `Khayyat Tahrir Ash-Sham` -> `haiat tahrir al sham`."""
    text = _APOSTROPHES.sub("", anyascii(name).lower())
    words = []
    pieces = [p for p in _SEPARATORS.split(text) if p]
    for index, piece in enumerate(pieces):
        if piece in ARTICLES and index + 1 < len(pieces):
            words.append("al")
            continue
        for pattern, replacement in _REWRITES:
            piece = pattern.sub(replacement, piece)
        words.append(_DOUBLED.sub(r"\1", piece))
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def _content(key: str) -> str:
    """The key without articles and connectors, which many names share."""
    words = [w for w in key.split() if w != "al" and w not in CONNECTORS]
    return " ".join(words) if words else key


def content_key(name: str) -> str:
    """`name_key` without articles and connectors: what `name_similarity` compares."""
    return _content(name_key(name))


def name_similarity(a: str, b: str) -> float:
    """How alike two spellings are, in [0, 1], after folding; 1.0 means one key."""
    key_a, key_b = name_key(a), name_key(b)
    if key_a == key_b:
        return 1.0
    return fuzz.token_sort_ratio(_content(key_a), _content(key_b)) / 100.0


_VOWELS = re.compile(r"[aeiou]")


def stem_match(a: str, b: str) -> bool:
    """Two folded words that are one name up to inflection or a transliteration slip.

    `kacinskiego`/`kacinski` (a case ending), `konashenkova`/`konashenkov`,
    `muhamad`/`mohameds` (vowels vary in romanised Arabic): a shared stem, a near-equal
    spelling, or the same consonants.
    """
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        return False
    if len(short) >= 4 and long.startswith(short[:-1]) and len(long) - len(short) <= 4:
        return True
    prefix = 0
    for x, y in zip(short, long):
        if x != y:
            break
        prefix += 1
    if prefix >= 4 and prefix >= len(short) - 2:
        return True
    if len(short) >= 5 and fuzz.ratio(a, b) >= (75 if len(short) >= 8 else 82):
        return True
    skeleton_a, skeleton_b = _VOWELS.sub("", a), _VOWELS.sub("", b)
    short_s, long_s = sorted((skeleton_a, skeleton_b), key=len)
    return len(short_s) >= 4 and a[0] == b[0] and long_s.startswith(short_s) and len(long_s) - len(short_s) <= 1


# Spellings that differ between languages for one sound (`Mozazaur`/`Mosasaurus`,
# `Majorka`/`Mallorca`, `Losanna`/`Lausanne`), applied to a `name_key` word.
_SOUNDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"sch|sz", "sh"),
        (r"cz", "ch"),
        (r"z", "s"),
        (r"j", "i"),
        (r"au", "o"),
        (r"ae|oe", "e"),
        (r"th", "t"),
        (r"c(?=[ei])", "s"),
        (r"c", "k"),
        (r"(.)\1+", r"\1"),
    )
)
# Case, gender and number endings of Slavic, Romance and Latin names, longest first.
_ENDINGS = tuple(
    sorted(
        [
            "ovie",
            "ami",
            "ah",
            "ego",
            "emu",
            "iei",
            "ovi",
            "ov",
            "om",
            "em",
            "ie",
            "ii",
            "ia",
            "ou",
            "us",
            "um",
            "os",
            "es",
            "ei",
            "a",
            "e",
            "i",
            "o",
            "u",
        ],
        key=len,
        reverse=True,
    )
)


@functools.lru_cache(maxsize=65536)
def sound_stem(word: str) -> str:
    """A folded word's sound, without its case ending: `mozazaur`, `mosasaurus` -> `mosasor`."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def sounds_alike(a: str, b: str) -> bool:
    """Two folded words that are one name in two languages' spellings, inflection aside."""
    stem_a, stem_b = sound_stem(a), sound_stem(b)
    if stem_a[:1] != stem_b[:1] or min(len(stem_a), len(stem_b)) < 5:
        return stem_a == stem_b and len(stem_a) >= 4
    return stem_a == stem_b or fuzz.ratio(stem_a, stem_b) >= 80
