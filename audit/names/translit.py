"""Romanisations of a name written in another script, under the schemes English copy meets.

Russian Cyrillic goes through iuliia's schemas: BGN/PCGN (the US/UK geographic names
standard, what most wire copy follows), ISO 9 / GOST 7.79 System A (libraries, scholarly
references), and the Wikipedia scheme (common English usage: `Yevgeny`, `Dzerzhinsky`).
Other scripts, and other Cyrillic languages (Ukrainian, Bulgarian, Serbian) fall back to
anyascii, which romanises every script with one table per character. The keys from these
spellings (`variants.name_key`) are what a translation's spelling is compared against.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import iuliia
from anyascii import anyascii
from iuliia.schema import TranslitSchema

SCHEMES: dict[str, iuliia.Schema] = {
    "bgn-pcgn": iuliia.BGN_PCGN,
    "iso9": iuliia.GOST_779,
    "english": iuliia.WIKIPEDIA,
}
# Where iuliia splits a text into the words it reads one by one.
_BOUNDARY = re.compile(r"\b")


class Scheme:
    """An iuliia schema's rules applied exactly as iuliia applies them, in fewer steps: iuliia
    reads every letter with its neighbours through a generator and three look-ups, while most
    words have no letter a neighbour or an ending changes, and those are one `str.translate`.
    Every source word is romanised under three schemes, so this is paid per new word of a feed.
    """

    def __init__(self, schema: iuliia.Schema) -> None:
        definition = json.loads(Path(schema.path).read_text(encoding="utf-8"))
        rules = TranslitSchema(
            name=definition.get("name", ""),
            mapping=definition.get("mapping", {}),
            prev_mapping=definition.get("prev_mapping"),
            next_mapping=definition.get("next_mapping"),
            ending_mapping=definition.get("ending_mapping"),
        )
        self._letters: dict[str, str] = rules.map
        self._after: dict[str, str] = rules.prev_map  # a letter after another (or opening a word)
        self._before: dict[str, str] = rules.next_map  # a letter before another
        self._endings: dict[str, str] = rules.ending_map  # a word's last two letters
        self._table = str.maketrans({letter: latin for letter, latin in rules.map.items() if len(letter) == 1})
        # The letters a neighbour may change: the others are read alone, a run of them at once.
        context = sorted({key[-1] for key in self._after} | {key[:1] for key in self._before})
        self._context = re.compile("[" + "".join(map(re.escape, context)) + "]") if context else None

    def translate(self, text: str) -> str:
        return "".join(self._word(part) for part in _BOUNDARY.split(text) if part)

    def _word(self, word: str) -> str:
        ending = self._endings.get(word[-2:]) if len(word) > 2 else None
        letters = word[:-2] if ending else word  # the stem is then read as a word of its own
        if self._context is None:
            return letters.translate(self._table) + (ending or "")
        read = []
        done = 0
        for match in self._context.finditer(letters):
            i = match.start()
            letter = match.group()
            read.append(letters[done:i].translate(self._table))
            latin = self._after.get(letters[i - 1 : i] + letter)  # `letters[-1:0]` is empty: the word's first letter
            if latin is None:
                latin = self._before.get(letter + letters[i + 1 : i + 2])
            if latin is None:
                latin = self._letters.get(letter, letter)
            read.append(latin)
            done = i + 1
        read.append(letters[done:].translate(self._table))
        return "".join(read) + (ending or "")


@functools.lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    """The schemes of `SCHEMES`, in order, read once per process."""
    return tuple(Scheme(schema) for schema in SCHEMES.values())
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_RUSSIAN_ONLY_FOREIGN = re.compile(r"[іїєґўђјљњћџѓќѕ]", re.IGNORECASE)


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@functools.lru_cache(maxsize=65536)
def romanise(text: str, lang: str | None = None) -> tuple[str, ...]:
    """The distinct Latin spellings of `text`: one per scheme that applies, anyascii last.

    Latin-script text comes back as itself (diacritics folded by anyascii as an alternative).
    """
    spellings: list[str] = []
    if has_cyrillic(text) and lang in (None, "ru") and not _RUSSIAN_ONLY_FOREIGN.search(text):
        spellings.extend(anyascii(scheme.translate(text)) for scheme in schemes())
    elif not has_cyrillic(text):
        spellings.append(text)
        spellings.extend(_english_spelling(text, lang))
    spellings.append(anyascii(text))
    return tuple(dict.fromkeys(s for s in spellings if s))


# How other languages spell sounds English writes otherwise, in the names they take over from
# Russian, Arabic or English: `Netanjahu`, `Szojgu`, `Chodorkowski` (Czech, Polish, German);
# Spanish `j` for `kh` (`Jrushchov`, `Jamenei`); French `ou`, `tch`, `ch` and `j` for `u`, `ch`,
# `sh` and `zh` (`Youri`, `Chostakovitch`, `Jirinovski`); Italian's scholarly letters and `gh`
# for a hard `g` (`Chruščëv`, `Jurij`, `Gheddafi`).
_SLAVIC_LATIN = (("ch", "kh"), ("š", "sh"), ("č", "ch"), ("ž", "zh"), ("j", "y"), ("c", "ts"))
_RESPELLINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "cs": _SLAVIC_LATIN,
    "sk": _SLAVIC_LATIN,
    "pl": (("ch", "kh"), ("sz", "sh"), ("cz", "ch"), ("rz", "zh"), ("ż", "zh"), ("dż", "j"), ("j", "y"), ("w", "v")),
    "de": (("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("j", "y"), ("w", "v"), ("z", "ts")),
    "es": (("j", "kh"),),
    "fr": (("tch", "ch"), ("ch", "sh"), ("dj", "j"), ("j", "zh"), ("ou", "u"), ("gu", "g")),
    "it": (("ch", "kh"), ("gh", "g"), ("š", "sh"), ("č", "ch"), ("ž", "zh"), ("j", "y"), ("ë", "yo")),
}
# Each language's spellings as one alternation, longest first: a letter read once (`tsch` is
# `ch`, never `ch` read again as `kh`).
_RESPELLING_PATTERNS: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {
    lang: (re.compile("|".join(sorted((re.escape(old) for old, _ in rules), key=len, reverse=True))), dict(rules))
    for lang, rules in _RESPELLINGS.items()
}


def _english_spelling(word: str, lang: str | None) -> list[str]:
    """The word as English would spell its sounds (`Chruschtschow`: `khrushchov`), or nothing."""
    found = _RESPELLING_PATTERNS.get(lang or "")
    if found is None:
        return []
    pattern, rules = found
    lower = word.lower()
    respelt = pattern.sub(lambda match: rules[match.group()], lower)
    return [respelt] if respelt != lower else []


def transliterate(text: str, scheme: str) -> str:
    """`text` under one named scheme (`bgn-pcgn`, `iso9`, `english`), diacritics kept."""
    return schemes()[list(SCHEMES).index(scheme)].translate(text)


# Hanyu Pinyin syllables, as initials and finals (a superset: not every pairing is a syllable).
_PINYIN_INITIALS = ("", *"b p m f d t n l g k h j q x zh ch sh r z c s y w".split())
_PINYIN_FINALS = tuple(
    "a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong".split()
    + "u ua uo uai ui uan un uang ueng ue v".split()
)
_PINYIN = re.compile(
    "(?:" + "|".join(sorted({i + f for i in _PINYIN_INITIALS for f in _PINYIN_FINALS}, key=len, reverse=True)) + ")+"
)


@functools.lru_cache(maxsize=65536)
def is_pinyin(name: str) -> bool:
    """Whether every word of `name` reads as a run of pinyin syllables (`Zhejiang`, `Xi Jinping`):
    Chinese names one letter apart (`Zhejiang`/`Zhenjiang`, `Shanxi`/`Shaanxi`) are two names."""
    words = re.split(r"[\s\-‐‑']+", anyascii(name).lower().strip())
    return all(w and _PINYIN.fullmatch(w) for w in words)
