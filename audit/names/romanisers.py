"""Romanised sources in Chinese, Japanese and Hindi, and sound keys to find an English name in them.

A Chinese, Japanese or Hindi source writes `Snowden` as `斯诺登`, `スノーデン` or `स्नोडेन`:
no capital letter marks a name, and no spelling is shared with the English. The source is
romanised whole (pypinyin for Chinese, pykakasi's Hepburn for Japanese, indic-transliteration
for Devanagari) into `sinuodeng`, `sunooden`, `snoḍena`, and an English name is looked for in
it by sound: consonants folded into a few classes (b/p/f/v, d/t, g/k/c/q, l/r, m/n, the sibilants),
vowels into one (`sound_key`). A long name must show its consonant skeleton (`sndn`), which
survives the vowels these scripts add (`ブランビーズ` / `Brumbies`); a short one must show its
consonants and vowels alike. Each romaniser loads once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from anyascii import anyascii

from audit.names.exonyms import language_code

ROMANISED = ("zh", "ja", "hi")
_SCRIPT_LANGUAGE = {"han": "zh", "kana": "ja", "devanagari": "hi"}
_CLASSES = str.maketrans(
    {"b": "p", "f": "p", "v": "p", "d": "t", "g": "k", "c": "k", "q": "k", "r": "l", "m": "n", "z": "s", "x": "s", "j": "s"}
)
_NOT_LETTER = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiouyw]+")
_REPEATS = re.compile(r"(.)\1+")
# Digraphs that are one sound, before the letters are classed.
_DIGRAPHS = ((re.compile(r"ph"), "f"), (re.compile(r"h"), ""), (re.compile(r"ng"), "n"), (re.compile(r"c(?=[eiy])"), "s"))
# How the letters of an acronym sound, spelt out.
_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", ["ei", "bi", "si", "di", "i", "ef", "ji", "eich", "ai", "jei", "kei", "el", "em", "en", "o", "pi", "kiu", "ar", "es", "ti", "iu", "vi", "dabliu", "eks", "uai", "zet"]))
# Consonants a long name's skeleton must have to be looked for by skeleton alone.
SKELETON_LENGTH = 4


def romaniser_language(text: str, lang: str | None) -> str | None:
    """`zh`, `ja` or `hi` when the source is in one of their scripts (kana makes it Japanese)."""
    code = language_code(lang)
    if code in ROMANISED:
        return code
    from audit.names.local_places import script_name

    scripts = {script_name(char) for char in text if ord(char) > 0x2FF and char.isalpha()}
    if "kana" in scripts:
        return "ja"
    for script, language in _SCRIPT_LANGUAGE.items():
        if script in scripts:
            return language
    return None


@functools.lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=256)
def romanise_text(text: str, lang: str) -> str:
    """The whole text in Latin letters, words separated by spaces (`斯诺登` -> `si nuo deng`)."""
    if lang == "zh":
        from pypinyin import lazy_pinyin

        return " ".join(lazy_pinyin(text))
    if lang == "ja":
        return " ".join(item["hepburn"] for item in _kakasi().convert(text))
    if lang == "hi":
        from indic_transliteration import sanscript

        iast = sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.IAST)
        return anyascii(iast.replace("ṃ", "n").replace("ṅ", "n"))
    return anyascii(text)


def sound_key(text: str) -> str:
    """Consonant classes with each vowel run as `a`: `Obama` and `aobama` -> `apana`."""
    plain = _NOT_LETTER.sub("", anyascii(text).lower())
    for pattern, replacement in _DIGRAPHS:
        plain = pattern.sub(replacement, plain)
    return _REPEATS.sub(r"\1", _VOWELS.sub("a", plain.translate(_CLASSES)))


def skeleton(key: str) -> str:
    """A sound key's consonants alone: `apana` -> `pn`."""
    return key.replace("a", "")


class RomanisedSource:
    """A source in a script with no capitals, romanised once, searched by sound."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.romanised = romanise_text(text, lang)
        self.letters = _NOT_LETTER.sub("", self.romanised.lower())
        self.key = sound_key(self.romanised)
        self.skeleton = skeleton(self.key)

    def sounds_in(self, word: str) -> bool:
        """Whether an English word's sound is in the source (`Snowden` in `si nuo deng`).

        An acronym may be spelt letter by letter (`NSA`: `एन.एस.ए.`, `エヌエスエー`).
        """
        if word.isupper() and word.isalpha() and len(word) <= 5:
            spelt = sound_key("".join(_LETTER_NAMES.get(letter, letter) for letter in word.lower()))
            if len(spelt) >= 3 and spelt.strip("a") in self.key:
                return True
        plain = _NOT_LETTER.sub("", anyascii(word).lower())
        if len(plain) >= 2 and plain in self.letters:
            return True  # `Guo Mei`: `guo mei` (a syllable's letters exactly)
        key = sound_key(word)
        if not key:
            return True
        bones = skeleton(key)
        if len(bones) >= SKELETON_LENGTH and bones in self.skeleton:
            return True
        return len(key) >= 3 and key.strip("a") in self.key
