"""Romanised sources in Chinese, Japanese and Hindi, and how an English name is heard in them.

A Chinese, Japanese or Hindi source writes `Snowden` as `斯诺登`, `スノーデン` or `स्नोडेन`:
no capital letter marks a name, and no spelling is shared with the English. The source is
romanised unit by unit, each unit keeping its offsets (a pinyin syllable per character with
pypinyin, a word in pykakasi's Hepburn, a Devanagari word in IAST with its silent schwas
dropped), and an English word is heard in a run of units that sounds like it: consonants
folded into a few classes (b/p/f/v, d/t, g/k/c/q, l/r, m/n, the sibilants), compared in
order (`Whitmer` `tnl` / `惠特默` `hui te mo` `tn`), since transliteration adds vowels and
drops or merges consonants; a word of two consonants must match with its vowels too. Runs
are looked for in the source's likely names (`script_names`), and CC-CEDICT gives the
names Chinese translates (`伊斯兰国`). `RomanisedSource.replaced` says when an unheard word is
sure enough to warn about. Each romaniser loads once per process, on first use.
"""

from __future__ import annotations

import functools
import marshal
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from audit.names.abbreviations import expansions
from audit.names.demonyms import demonym_places, demonyms_of
from audit.names.exonyms import (
    capital_of,
    capitals_in,
    countries_of_capital,
    country_name,
    home_country,
    is_english_place,
    is_given_name,
    language_code,
)
from audit.names.lexicon import is_common_word, is_demonym
from audit.names.regions import lies_in, regions_named
from audit.names.script_names import (
    SURNAME_AND_NAME,
    SURNAMES,
    TRANSCRIPTION,
    ScriptName,
    chinese_persons,
    is_everyday_word,
    name_spans,
    simplified,
)
from audit.names.stored import stored
from audit.names.variants import name_key

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
    """pykakasi, with its kanji dictionary read from a stored index one first character at a time.

    pykakasi unpickles its whole kanji dictionary (10 MB, 0.3-0.5 CPU s) when it starts; a
    source reads the entries of the few hundred kanji it writes. Its dictionary is a shared
    table that pykakasi fills only while it is empty, so it is filled first here.
    """
    import pykakasi
    from pykakasi.kanji import Kanwa

    shared = getattr(Kanwa, "_shared_state", None)
    if isinstance(shared, dict) and shared.get("_jisyo_table", False) is None:
        shared["_jisyo_table"] = _kanji_table()
    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=1)
def _kanji_table() -> KanjiReadings:
    """pykakasi's kanji dictionary, from the stored index, shared by pykakasi and `reads`."""
    return KanjiReadings(
        stored("pykakasi-kanji", _pack_kanji_readings, packages=("pykakasi",), modules=("audit.names.romanisers",))
    )


@functools.lru_cache(maxsize=65536)
def _kana_hepburn(kana: str) -> str:
    """A kana reading in Hepburn as English copy writes it, long vowels short (`とうきょう`: `tokyo`)."""
    return _short_vowels(_NOT_LETTER.sub("", "".join(part["hepburn"] for part in _kakasi().convert(kana)).lower()))


@functools.lru_cache(maxsize=256)
def _japanese_readings(text: str) -> tuple[tuple[tuple[int, str], ...], ...]:
    """At each position of a Japanese text, every word of pykakasi's dictionary that opens there
    (a kanji alone or a compound, `鈴`, `鈴木`) with each of its readings: (length, Hepburn)."""
    table = _kanji_table()
    found = []
    for position, char in enumerate(text):
        readings: set[tuple[int, str]] = set()
        if _KANJI.match(char):
            for word, entries in table.get(ord(char), {}).items():
                if text.startswith(word, position):
                    readings.update((len(word), _kana_hepburn(kana)) for kana, _ in entries)
        found.append(tuple(sorted(readings)))
    return tuple(found)


def _kanji_dictionary() -> dict[int, dict[str, list[tuple[str, str | None]]]]:
    """pykakasi's own kanji dictionary: by a word's first character, its readings."""
    import pickle

    from pykakasi.properties import Configurations

    path = Configurations.dictpath(Configurations.jisyo_kanwa)  # type: ignore[call-arg,arg-type]  # a static method, typed as a method
    with open(path, "rb") as source:
        return pickle.load(source)  # type: ignore[no-any-return]


def _pack_kanji_readings() -> dict[int, bytes]:
    """Each first character's entries marshalled apart, to be read only when asked for."""
    return {first: marshal.dumps(entries) for first, entries in _kanji_dictionary().items()}


class KanjiReadings:
    """pykakasi's kanji dictionary (first character -> words -> readings), unpacked as asked."""

    def __init__(self, packed: dict[int, bytes]) -> None:
        self._packed = packed
        self._unpacked: dict[int, Any] = {}

    def get(self, first: int, default: Any = None) -> Any:
        """The entries of words that open with the character `first` (as pykakasi's dict.get)."""
        entries = self._unpacked.get(first)
        if entries is None:
            packed = self._packed.get(first)
            if packed is None:
                return default
            entries = self._unpacked[first] = marshal.loads(packed)
        return entries


@functools.lru_cache(maxsize=256)
def romanise_text(text: str, lang: str) -> str:
    """The whole text in Latin letters, words separated by spaces (`斯诺登` -> `si nuo deng`)."""
    return " ".join(unit.roman for unit in romanised_units(text, lang))


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of the source [start, end) and its romanisation: a Chinese syllable, a word."""

    start: int
    end: int
    roman: str


@functools.lru_cache(maxsize=256)
def romanised_units(text: str, lang: str) -> tuple[Unit, ...]:
    """The text as romanised units: a syllable per Chinese character, a word otherwise."""
    units: list[Unit] = []
    if lang == "hi":
        for match in _DEVANAGARI_WORD.finditer(text):
            # `केरलवासियों` (people of Kerala): the place and the suffix, each a unit
            suffix = _HINDI_RESIDENTS.search(match.group())
            cut = match.start() + suffix.start() if suffix else match.end()
            units.append(Unit(match.start(), cut, _hindi_word(text[match.start() : cut])))
            if suffix:
                units.append(Unit(cut, match.end(), _hindi_word(suffix.group())))
        return tuple(units)
    if lang == "zh":
        from pypinyin import lazy_pinyin

        pieces = []
        position = 0
        for reading in lazy_pinyin(text):  # a syllable per character, other runs as they are
            length = 1 if _HAN.match(text, position) else len(reading)
            pieces.append((text[position : position + length], reading))
            position += length
    elif lang == "ja":
        pieces = []
        for item in _kakasi().convert(text):
            originals, readings = item["orig"].split("・"), item["hepburn"].split("・")
            if len(originals) != len(readings):  # `ダンラップ・ブロードサイド`: two names
                originals, readings = [item["orig"]], [item["hepburn"]]
            for index, (original, reading) in enumerate(zip(originals, readings, strict=True)):
                pieces.append((original + ("・" if index < len(originals) - 1 else ""), reading))
    else:
        pieces = [(text, anyascii(text))]
    position = 0
    for original, reading in pieces:
        if original == reading:  # not romanised: its Latin words are units of their own (`，CBA`)
            for word in _LATIN_RUN.finditer(original):
                units.append(Unit(position + word.start(), position + word.end(), word.group().lower()))
        else:
            roman = _NOT_LETTER.sub("", anyascii(reading).lower())
            if roman and original.strip():
                units.append(Unit(position, position + len(original), roman))
        position += len(original)
    return tuple(units)


_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+|[A-Za-z0-9]+")  # not `।` nor digits
# The suffix of a word for the people of a place (`केरलवासी`, `दिल्लीवासियों`: Keralites, Delhiites).
_HINDI_RESIDENTS = re.compile(r"(?<=[\u0900-\u097f]{2})वासि?(?:यों|यो|ी)$")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
# The ending that makes a place's adjective (`Tibet`: `Tibetan`, `Nepal`: `Nepali`, `Bhutan`: `Bhutanese`).
_ADJECTIVE_ENDING = re.compile(r"i?an|n|ese|i|ish")
# A surname after the particles of a name (`von der Leyen`, `bin Salman`).
_PARTICLE_NAME = re.compile(r"\b(?:(?:von|van)(?: (?:der|den|de))?|de|da|di|du|del|della|dos|bin|ibn|al|el|le|la) [A-Z][\w'’-]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The open o of English loanwords (`ऑप्टिक`), which IAST leaves as it is.
_CANDRA_O = str.maketrans({"ऑ": "ओ", "ॉ": "ो", "ॅ": "े", "ऍ": "ए"})
_FINAL_SCHWA = re.compile(r"(?<=[^aāiīuūeoṛ])a$")
# The short a between two consonants after a vowel and before one: `āratī` is said `ārtī`.
_MEDIAL_SCHWA = re.compile(r"(?<=[aāiīuūeo][^aāiīuūeoṃh])a(?=[^aāiīuūeoṃh][aāiīuūeo])")


def _hindi_word(word: str) -> str:
    """A Devanagari word in IAST folded to plain letters, without its silent schwas.

    `गूगल` -> `gugal`, `भारद्वाज` -> `bharadvaj`, `आरती` -> `arti`, but `कहा` -> `kaha`:
    Hindi does not say the short vowel that ends a word or stands between a vowel's
    consonant and the next syllable, and English does not write it.
    """
    from indic_transliteration import sanscript

    iast = sanscript.transliterate(word.translate(_CANDRA_O), sanscript.DEVANAGARI, sanscript.IAST)
    if len(iast) > 2:
        iast = _MEDIAL_SCHWA.sub("", _FINAL_SCHWA.sub("", iast))
    return _NOT_LETTER.sub("", anyascii(iast.replace("ṃ", "n").replace("ṅ", "n")).lower())


def sound_key(text: str) -> str:
    """Consonant classes with each vowel run as `a`: `Obama` and `aobama` -> `apana`."""
    plain = _NOT_LETTER.sub("", anyascii(text).lower())
    for pattern, replacement in _DIGRAPHS:
        plain = pattern.sub(replacement, plain)
    return _REPEATS.sub(r"\1", _VOWELS.sub("a", plain.translate(_CLASSES)))


# How pinyin writes the sounds English spells `ch`, `sh`, `j`, `ts`, and `ü` (as `v`).
_PINYIN = ((re.compile(r"zh|ch|sh|[qxcjz]"), "s"), (re.compile(r"v"), "u"), (re.compile(r"(?<=[aeiou])ng$"), "n"))
# English spellings of one sound, before the letters are classed.
_SPELLINGS = (
    (re.compile(r"^ch(?=[rl])"), "k"),  # `Christmas`, `Chloe`
    (re.compile(r"sch|sh|ch|tch|tsch"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[tk]h"), lambda m: m.group()[0]),  # `Thomas`, `Khan`
    (re.compile(r"ck|qu?"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=[aeiou])gh"), ""),
    (re.compile(r"h"), ""),
    (re.compile(r"e$"), ""),  # a silent final e: `Google`, `Rome`
)


def _local_spelling(word: str, lang: str) -> str:
    """A romanised unit respelt the English way: pinyin `q`, `x`, `zh`; IAST `c`, `v`."""
    plain = _NOT_LETTER.sub("", anyascii(word).lower())
    if lang == "zh":
        for pattern, replacement in _PINYIN:
            plain = pattern.sub(replacement, plain)
    elif lang == "hi":
        # IAST `c` is the sound English writes `ch`; `v` is said and written `w` as often.
        plain = plain.replace("ch", "s").replace("c", "s").replace("v", "w")
    return plain


def _spelt(word: str, lang: str) -> str:
    """A word's letters with each English spelling of one sound made one letter (`ch`: `s`)."""
    plain = _local_spelling(word, lang)
    for pattern, spelling in _SPELLINGS:
        plain = pattern.sub(spelling, plain)
    return plain


@functools.lru_cache(maxsize=65536)
def consonants(word: str, lang: str = "en") -> str:
    """The consonant classes of a word as it sounds: `Gretchen` -> `kltsn`, `ge lei qin` -> `klsn`."""
    return _VOWELS.sub("", _REPEATS.sub(r"\1", _spelt(word, lang).translate(_CLASSES)))


def _common_length(left: str, right: str) -> int:
    """The length of the longest common subsequence of two short strings."""
    previous = [0] * (len(right) + 1)
    for a in left:
        current = [0]
        for j, b in enumerate(right):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


# An r English writes after a vowel and Chinese and Japanese leave unsaid (`Whitmer`, `Mallorca`).
_UNSAID_R = re.compile(r"(?<=[aeiou])r(?![aeiouy])")
_VOWEL_RUN = re.compile(r"a+")
# Endings English derives words from names with (`Hinduism`, `Islamic`, `Sri Lankan`).
_DERIVED = re.compile(r"(?:ism|ists?|ians?|ans?|ese|ic|ish)$")
# A word made of Japanese syllables as Hepburn writes them (`Takagi`, `Masuda`, `Shuichi`,
# `Kyushu`): `shi`, `chi`, `tsu`, `fu`, `ji`, never `si`, `ti`, `tu`, `hu`, `zi`, `di`, `du`, `wu`
# (`Taihu`, `Wudi` are pinyin); a doubled consonant before a syllable (`Hattori`, `Nissan`).
_HEPBURN_SYLLABLE = (
    r"(?:[kgnbpmr]y?[aueo]|[kgnbpmr]i|h[aieo]|hy[auo]|s[aueo]|sh[iauo]?|z[aueo]|j[iauo]|t[aeo]|ts[u]|ch[iauo]|d[aeo]"
    r"|f[uaieo]|y[auo]|w[ao]|[aiueo])"
)
_ROMAJI = re.compile(rf"^(?:(?:[kgsztdbpmf](?=[kgsztdbpmfc]))?{_HEPBURN_SYLLABLE}|n(?![aiueoy]))+$")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_KANJI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@functools.lru_cache(maxsize=1)
def _abbreviation_rows() -> tuple[tuple[str, frozenset[str], tuple[str, ...], str], ...]:
    """`data/cjk_abbreviations.tsv`: (character, languages, English names, kind) per row, read once."""
    from importlib.resources import files

    text = files("audit.names").joinpath("data", "cjk_abbreviations.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((char, frozenset(langs.split()), tuple(names.split("|")), kind) for char, langs, names, kind in rows)


def korean_surnames() -> dict[str, tuple[str, ...]]:
    """`data/korean_surnames.tsv`: each English spelling of a Korean surname with its hanja (`Lee`: `李`)."""
    return _surnames("korean_surnames.tsv")


def cantonese_surnames() -> dict[str, tuple[str, ...]]:
    """`data/cantonese_surnames.tsv`: each Hong Kong spelling of a Chinese surname with its hanja (`Chan`: `陈`)."""
    return _surnames("cantonese_surnames.tsv")


@functools.lru_cache(maxsize=2)
def _surnames(table: str) -> dict[str, tuple[str, ...]]:
    """A table of surnames in hanja and their English spellings, by spelling, read once."""
    from importlib.resources import files

    text = files("audit.names").joinpath("data", table).read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            hanja, spellings = line.split("\t")
            for spelling in spellings.split("|"):
                found.setdefault(spelling, []).extend(hanja.split())
    return {spelling: tuple(dict.fromkeys(forms)) for spelling, forms in found.items()}


@functools.lru_cache(maxsize=4)
def cjk_abbreviations(lang: str) -> dict[str, tuple[str, ...]]:
    """The one-character abbreviations of each place (`Shenzhen`: `深`) a language writes in compounds."""
    found: dict[str, list[str]] = {}
    for char, langs, names, _kind in _abbreviation_rows():
        if lang in langs:
            for name in names:
                found.setdefault(name, []).append(char)
    return {name: tuple(chars) for name, chars in found.items()}


@functools.lru_cache(maxsize=4)
def _abbreviation_kinds(lang: str) -> dict[str, frozenset[str]]:
    """Each abbreviation character of a language with its kinds (`country`, `region`; Taiwan's
    `台` both: `美台`, the US and Taiwan, and `闽台`, Fujian and Taiwan)."""
    return {char: frozenset(kind.split("|")) for char, langs, _names, kind in _abbreviation_rows() if lang in langs}


# What makes a one-character abbreviation a place's: the side, army, nationality, firms or shares
# of it after it (`中方`, `日本側`, `美军`), a continent (`欧州`), or a visit to or a stay in it before it.
_AFTER_ABBREVIATION = frozenset("方側侧军軍籍系企股州洲")
_BEFORE_ABBREVIATION = frozenset("访訪来來赴对対驻駐")


def _in_compound(text: str, at: int, lang: str) -> bool:
    """Whether the character at `at` is an abbreviation in a compound: beside another
    abbreviation of its kind (`沪深`, `日米`; not `加深`, Canada and Shenzhen), or in one of the
    contexts above."""
    kinds = _abbreviation_kinds(lang)
    kind = kinds.get(text[at], frozenset())
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return bool(
        (before and kind & kinds.get(before, frozenset()))
        or (after and kind & kinds.get(after, frozenset()))
        or (after and after in _AFTER_ABBREVIATION)
        or (before and before in _BEFORE_ABBREVIATION)
        # Japanese writes a firm's or a person's country before the katakana name (`仏ルノー`, `米グーグル`)
        or (lang == "ja" and "country" in kind and _KATAKANA_NAME.match(text, at + 1) is not None and not _KANJI.match(before))
        # and before the name of its government's bodies and offices (`露大統領府`, the Kremlin; `米国務省`)
        or (lang == "ja" and "country" in kind and _JA_STATE_AFTER.match(text, at + 1) is not None and not _KANJI.match(before))
    )


# What follows a Japanese one-character country when it stands for the country's state: an office
# or body of it (`露大統領府`, `米国務省`, `英首相`, `中外務省`, `米軍`, `韓政府`).
_JA_STATE_AFTER = re.compile(r"大統領|首相|政府|外務|国務|国防|財務|商務|議会|当局|中銀|中央銀行|連邦|軍|紙")


def is_pinyin(word: str) -> bool:
    """Whether an English word is written as one to three pinyin syllables (`Jian`, `Jiakun`), of
    those Chinese has: not `Fai`, `Pak`, `Kwok`, Cantonese spellings a regular expression of
    initials and finals let through."""
    plain = _POSSESSIVE.sub("", word).lower().replace("-", "")
    return len(plain) >= 2 and _pinyin_word().fullmatch(plain) is not None


@functools.lru_cache(maxsize=1)
def _pinyin_word() -> re.Pattern[str]:
    """One to three of the toneless syllables pypinyin reads any character as (426; `ü` as `v`)."""
    syllables = stored("pinyin-syllables", _pinyin_syllables, packages=("pypinyin",), modules=(__name__,))
    return re.compile(f"(?:{'|'.join(sorted(syllables, key=len, reverse=True))}){{1,3}}")


def _pinyin_syllables() -> list[str]:
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.style._tone_convert import to_normal

    return sorted({to_normal(reading).replace("ü", "v") for readings in PINYIN_DICT.values() for reading in readings.split(",")})


@functools.lru_cache(maxsize=1)
def _surname_syllables() -> frozenset[str]:
    """The pinyin of the commonest Chinese surnames (`lin`, `guo`, `wang`)."""
    return frozenset(reading for readings in _readings("".join(sorted(SURNAMES))) for reading in readings)


def is_chinese_person(words: tuple[str, ...]) -> bool:
    """Whether English name words are a Chinese person's name in pinyin: a common surname first and
    one or two syllables of given name (`Lin Jian`, `Guo Jiakun`), as a Chinese source spells them;
    not a given name English puts first (`Jensen Huang`: a surname spelt is the person's)."""
    plain = [_POSSESSIVE.sub("", word).lower() for word in words]
    return 2 <= len(plain) <= 3 and plain[0] in _surname_syllables() and all(is_pinyin(word) for word in plain)


def chinese_person(words: tuple[str, ...]) -> tuple[str, ...]:
    """The last two or three words of an English name when they are a Chinese person's in pinyin
    (`Zhang Jun` of `Procurator-General Zhang Jun`); empty when they are not."""
    for size in (3, 2):
        if len(words) >= size and is_chinese_person(words[-size:]):
            return words[-size:]
    return ()


def _voiced(romaji: str) -> str:
    """A reading with its first sound voiced, as the second part of a Japanese compound often
    is (rendaku: `kushi` -> `gushi`, `sato` -> `zato`, `hashi` -> `bashi`, `tsuka` -> `zuka`)."""
    for plain, voiced in _RENDAKU:
        if romaji.startswith(plain):
            return voiced + romaji[len(plain) :]
    return romaji


_RENDAKU = (("ts", "z"), ("sh", "j"), ("ch", "j"), ("k", "g"), ("s", "z"), ("t", "d"), ("h", "b"), ("f", "b"))


def _short_vowels(romaji: str) -> str:
    """Hepburn as English copy writes it, long vowels short (`kounotarou`: `konotaro`, `Ohno`: `ono`)."""
    return _LONG_VOWEL.sub(lambda m: m.group()[0], romaji)


_LONG_VOWEL = re.compile(r"ou|oo|uu|oh(?![aeiouy])")
# What Chinese and Japanese write after a place's name for its kind (city, prefecture, county,
# ward, town, village, province), which GeoNames lists without (`八戸市`: `八戸`, Hachinohe).
_PLACE_SUFFIXES = frozenset("市県县区區町村省州")
# What Chinese writes after a prefecture or a region named by its seat (`喀什地区`: the Kashgar prefecture).
_AREA_SUFFIXES = frozenset({"地区", "地區", "新区", "地方"})
_POSSESSIVE = re.compile(r"['’]s?$")
# A Korean name as English writes it: a surname and a given name of two syllables joined by a
# hyphen (`Lee Jae-myung`, `Yoon Suk-yeol`).
_KOREAN_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)-([a-z]+)\b")
# A katakana word of three or more: Japanese writes foreign names so (`オタワ`, `デュバル`).
_KATAKANA_NAME = re.compile(r"[\u30a0-\u30ff・=]{3,}")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
_DIGIT = re.compile(r"\d")
# Words of an English name that name nothing by themselves.
_FILLER = frozenset({"the", "of", "and", "a", "an", "in", "for", "on", "to", "de", "la", "le", "du"})
# Two capitals and never two small letters in a row: `TEPCO`, `USGS`, `NGOs`; not `McDonald`, `WestLB`.
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})(?!.*[a-z]{2})")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words of English names that a source translates rather than writes by sound.
NAME_PARTS = frozenset({"ltd", "inc", "co", "corp", "plc", "llc", "gmbh", "expo", "gov", "govt", "dept", "univ"})
# Resemblance at which an English word counts as heard in the source.
HEARD = 0.75
# Resemblance at which an English word and a source name may stand for each other: a
# replacement is only sure when the word is further than this from every source name.
PAIRED = 0.67
# Hindi writes an English name's consonants one for one (`कीथ ब्राउन`, Keith Brown), and any of
# its words may be a name: there a word is heard, or paired, only closer (`Arizona` is not
# `क्रिसमस`, Christmas, at 0.75).
_STRICT = {"hi": 0.8}
# Resemblance to a stretch of the source, units ignored, that leaves a replacement in doubt.
ECHOED = 0.9
# Consonants a word needs to be compared by its consonants alone; one of two (`Tony`,
# `Chen`) must match with its vowels too; one of one is never heard by sound.
_CONSONANTS_ALONE = 3
# The most source units one English word is written in, by language.
_WIDTH = {"zh": 7, "ja": 3, "hi": 2}


# A long vowel as Indian English writes it, doubled, and as IAST folded to plain letters does.
_LONG_HINDI_VOWEL = re.compile(r"aa|ee|oo")


def _short_hindi(match: re.Match[str]) -> str:
    return {"aa": "a", "ee": "i", "oo": "u"}[match.group()]


_KANJI_ONLY = re.compile(r"[\u4e00-\u9fff々]{2,}")
# Endings of an English word that CC-CEDICT's glosses are written without (`erupted`: erupt).
_INFLECTION = re.compile(r"(?:ed|ing|ly|s)$")


def _stems(word: str) -> tuple[str, ...]:
    """An English word, and without an inflection's ending where four letters are left (`launches`: launche, launch)."""
    plain = word.lower()
    stem = _INFLECTION.sub("", plain)
    forms = [plain]
    if stem != plain and len(stem) >= 4:
        forms.append(stem)
        if plain.endswith("ed") and stem.endswith(stem[-1] * 2):
            forms.append(stem[:-1])  # `planned`: plan
        if plain.endswith(("ed", "ing")):
            forms.append(stem + "e")  # `condemned`, but `issued`: issue
    return tuple(forms)


# The words of a name written as one, each with its capital (`OpenAI`: Open, AI; `SoftBank`).
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")
# A `t` before an i sound (`team`, `ticket`, `steel`), which Japanese loanwords write `チ`.
_T_BEFORE_I = re.compile(r"t(?=ee|ea|i)")
# A `k` or `g` before an `i`, which Chinese transcribes with a `j` syllable (`基`, `吉`: `Kiribati`, `Gibraltar`).
_K_BEFORE_I = re.compile(r"(?:kk|gg|k|g)(?=i)")
# A German `ch` after a back vowel (`Bach`, `Aschbacher`, `Fuchs`, `Bochum`), said as an `h`.
_BACK_CH = re.compile(r"(?<=[aou])ch")
# An opening `gi` said `j` before a vowel (`Giang`, `Giovanni`, `Giuseppe`).
_SOFT_G = re.compile(r"^gi(?=[aeou])")
# French endings said as an `o` (`Renault`, `Bordeaux`, `Peugeot`), their letters unsaid.
_FRENCH_ENDING = re.compile(r"(?:ault|eaux?|aux|eot)$")
# A final `e` English writes and does not say, after one consonant (`phone`, `Rome`, `Crete`).
_SILENT_E = re.compile(r"[aeiouy][bcdfgklmnprstvz]e$")


@dataclass(frozen=True, slots=True)
class _Sound:
    consonants: str
    key: str
    # Compared by its consonants alone (an English word of three or more).
    alone: bool = False


def _sound(word: str, lang: str) -> _Sound:
    """A word's consonants and its key, both after English spellings of one sound (`Pichai`:
    `pisai`, as `पिचाई` is romanised), so a word of two consonants is compared as it sounds."""
    return _Sound(consonants(word, lang), sound_key(_spelt(word, lang)))


@functools.lru_cache(maxsize=65536)  # asked of each English word for each source name, in document after document
def _targets(word: str, lang: str) -> tuple[_Sound, ...]:
    """An English word's sounds: as spelt, without the r Chinese and Japanese leave out (Hindi
    writes it: `Samarkand` is `समरकंद`, not `संयुक्त`, sanyukt), with
    `v` said as `w` (Hindi `व`), `th` as the `s` Chinese and Japanese write for it, and without
    an ending English derives words with.

    All are compared the way the word as spelt is (`Whitmer`, `tnl`, by its consonants, so
    `tn` too).
    """
    plain = _NOT_LETTER.sub("", anyascii(_POSSESSIVE.sub("", word)).lower())
    spelt = _sound(plain, "en")
    alone = len(spelt.consonants) >= _CONSONANTS_ALONE
    sounds = [spelt, _sound(plain.replace("v", "w"), "en")]
    if lang != "hi":
        sounds.append(_sound(_UNSAID_R.sub("", plain), "en"))
    stem = _DERIVED.sub("", plain)
    if stem != plain and len(stem) >= 3:
        sounds.append(_sound(stem, "en"))  # `Hinduism`: `हिंदू`, `Islamic`: `इस्लाम`
    if _SILENT_E.search(plain):
        sounds.append(_sound(plain[:-1], "en"))  # `phone`: `फोन`, `Rome`: `ローマ`, an English `e` unsaid
    if (french := _FRENCH_ENDING.sub("o", plain)) != plain:
        sounds.append(_sound(french, "en"))  # `Renault`: `ルノー`, `Peugeot`: `プジョー`, endings French does not say
    if "th" in plain:
        sounds.append(_sound(plain.replace("th", "s"), "en"))  # `Hegseth`: `ヘグセス`, `Smith`: `史密斯`
    if "ture" in plain:
        # a `t` said `ch` before `ure` (`Nature`: `ネイチャー`, `future`: `फ्यूचर`), its r unsaid in Chinese and Japanese
        said = plain.replace("ture", "chur")
        sounds.extend(_sound(form, "en") for form in (said, *((plain.replace("ture", "cha"),) if lang != "hi" else ())))
    if lang == "zh" and (said := _K_BEFORE_I.sub("j", plain)) != plain:
        sounds.append(_sound(said, "en"))  # `Lekki`: `莱基`, lai ji; `Georgieva`: `格奥尔基耶娃`, a `ki` or `gi` Chinese writes `基`, `吉`
    if lang == "ja" and (said := _T_BEFORE_I.sub("ch", plain)) != plain:
        sounds.append(_sound(said, "en"))  # `team`: `チーム`, `ticket`: `チケット`, a `t` before an i sound Japanese writes `チ`
    if plain.endswith("ic") and len(plain) >= 4:
        # a South Slavic `-ić` English writes without its marks, each `c` said `ch` (`Vucic`,
        # Vučić: `武契奇`, wu qi qi; `Djokovic`: `德约科维奇`), its `v` as the `w` Chinese writes
        said = plain.replace("c", "ch")
        sounds.extend(_sound(form, "en") for form in (said, said.replace("v", "w")))
    soft = _SOFT_G.sub("j", plain) if lang != "hi" else plain
    if soft != plain:
        # an opening `gi` before a vowel said `j` (`Giang`: `ザン`, Vietnamese; `Giovanni`: `乔瓦尼`);
        # not in Hindi, whose `g` is always hard (`Gir`, `Girish`)
        sounds.append(_sound(soft, "en"))
    if lang == "ja" and "hu" in plain and is_pinyin(plain):
        # a pinyin `hu`, said `xu`, which Japanese writes `フ` (`Huang`: `フアン`, fuan; `Hu`: `フー`)
        soft = plain.replace("hu", "fu")
        sounds.append(_sound(soft, "en"))
    if plain.endswith("ng") and lang != "hi":
        # a final `ng` Japanese writes `ン` and pinyin reads as `n` (`Giang`: `ザン`, zan)
        sounds.extend(_sound(form[:-1], "en") for form in dict.fromkeys((plain, soft)))
    if lang in ("zh", "ja") and (said := _BACK_CH.sub("h", plain)) != plain:
        # a German `ch` after a back vowel, said as in `Bach`, which Chinese and Japanese write
        # with an `h` syllable (`Aschbacher`: `阿施巴赫`, a shi ba he; `Bach`: `バッハ`), its r unsaid
        sounds.extend(_sound(form, "en") for form in (said, _UNSAID_R.sub("", said)))
    if "cc" in plain:  # `Soccer`: `サッカー`, `Mecca`: `麦加`
        said = plain.replace("cc", "k")
        sounds.extend(_sound(form, "en") for form in (said, *((_UNSAID_R.sub("", said),) if lang != "hi" else ())))
    # a form left with one consonant (`Woerner` without its r's: `n`) is heard anywhere by it:
    # compared by its key, as a short word is, never by its consonants alone
    return tuple(
        dict.fromkeys(_Sound(sound.consonants, sound.key, alone and len(sound.consonants) > 1) for sound in sounds)
    )


def _score(target: _Sound, run: _Sound, final_vowel: bool = False) -> float:
    if target.alone:
        if not run.consonants:
            return 0.0
        return _common_length(target.consonants, run.consonants) / max(len(target.consonants), len(run.consonants))
    if len(target.consonants) < 2:
        return 0.0  # `Lower`, `The`: one consonant is heard anywhere; only spelling tells
    if target.key == run.key:
        return 1.0
    # Japanese and Chinese end a word in a vowel English does not write (`William`: `uiriamu`;
    # `Youssouf`: `you su fu`), and put one between consonants English runs together (`Apple`: `appuru`).
    if not final_vowel:
        return 0.0
    return 1.0 if (not target.key.endswith("a") and run.key == target.key + "a") or _vowels_put_in(target.key, run.key) else 0.0


def _vowels_put_in(key: str, heard: str) -> bool:
    """Whether `heard` is `key` with vowels put between its consonants and after the last, and its
    consonants the same ones (`apl`: `apala`); not a vowel lost, nor a consonant added."""
    if not key or key[0] != heard[:1]:
        return False
    rest = iter(heard)
    return all(char in rest for char in key) and heard.replace("a", "") == key.replace("a", "")


class RomanisedSource:
    """A source in a script with no capitals, romanised once, searched by sound."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.units = romanised_units(text, lang)
        self.romanised = " ".join(unit.roman for unit in self.units)
        self.letters = "".join(unit.roman for unit in self.units)
        self.key = sound_key(self.romanised)
        self._sounds = [_sound(unit.roman, lang) for unit in self.units]
        # Japanese kanji are read, not heard: a name in them is a reading (`reads`), and its sound is
        # no evidence (`Tokayev` is not `東京`, toukyou; `Kagoshima` not `沖縄県`, okinawaken)
        self._read = [lang == "ja" and _KANJI.search(text[unit.start : unit.end]) is not None for unit in self.units]
        self._syllables = _readings(text) if lang == "zh" else ()
        self._unit_readings = frozenset(_short_vowels(unit.roman) for unit in self.units) | {unit.roman for unit in self.units}
        self._names: list[tuple[ScriptName, range]] | None = None
        self._unpaired: dict[str, list[ScriptName]] = {}
        self._left: dict[str, list[ScriptName]] = {}
        self._forms: dict[ScriptName, frozenset[str]] = {}
        self._hepburn: str | None = None
        self._heard: dict[range, frozenset[str]] = {}
        self._name_words: set[tuple[str, str]] | None = None

    def translates(self, name: str) -> bool:
        """Whether the source writes a word CC-CEDICT gives for the English name (`伊斯兰国`) or
        for the name a short form stands for (`Britain`: `英国`), or has the short form English
        also uses for it (`United States`: `अमेरिका`, America)."""
        plain = _POSSESSIVE.sub("", name)
        if any(all(self.sounds_in(word) for word in short.split()) for short in _short_forms(plain)):
            return True
        if self.says_demonym(plain):
            return True
        if self.lang not in ("zh", "ja"):
            return False
        from audit.names.cedict import chinese_forms
        from audit.names.exonyms import SHORT_FORMS

        full = SHORT_FORMS.get(plain)  # `Britain`: `United Kingdom`, `英国`
        if any(form in self.text for name in (plain, *((full,) if full else ())) for form in chinese_forms(name)):
            return True
        return self.abbreviates_name(plain)

    def _by_meaning(self, word: str) -> bool:
        """Whether a Chinese or Japanese source has an everyday word (two characters or more) that
        CC-CEDICT glosses with the English word (`荔枝`: lychee): a name written by meaning."""
        if self.lang not in ("zh", "ja"):
            return False
        from audit.names.glosses import glossed

        return glossed(word, simplified(self.text))

    def abbreviates_name(self, name: str) -> bool:
        """Whether the source abbreviates the name as Chinese does, by characters of its full
        form in order, the first kept (`东航` for `东方航空`, China Eastern Airlines; `上合组织`),
        or a compound by the first character of each part (`蒙内铁路`: Mombasa-Nairobi)."""
        from audit.names.cedict import chinese_names

        name = _POSSESSIVE.sub("", name)
        parts = [part for part in _HYPHEN.split(name) if part]
        if len(parts) > 1:
            firsts = [{form[0] for form in chinese_names(part)} for part in parts]
            if all(firsts) and re.search("".join(f"[{''.join(sorted(chars))}]" for chars in firsts), self.text):
                return True
        for form in chinese_names(name):
            core = form.removeprefix("中国").removeprefix("中國")
            if len(core) < 4:
                continue
            for match in re.finditer(re.escape(core[0]), self.text):
                for length in (2, 3, 4):
                    run = self.text[match.start() : match.start() + length]
                    if len(run) == length and run not in core and _in_order(run, core):
                        return True
        return False

    def says_demonym(self, place: str) -> bool:
        """Whether a Hindi source says a place's demonym as Hindi borrows it or adds `-ī` to the
        name (`थाई`: Thai, for Thailand; `उज्बेक`: Uzbek; `केन्याई`: kenyai, Kenyan): a name word of
        the source spelt as one, or sounding as one of two consonants or more, its vowels too."""
        if self.lang != "hi":
            return False
        if self._name_words is None:
            self._name_words = {(self.units[i].roman, sound_key(self.units[i].roman)) for _, units in self.names() for i in units}
        words = self._name_words
        return any(
            form == roman or (key == sound_key(form) and len(consonants(form)) >= 2)
            for form in demonyms_of(place)
            for roman, key in words
        )

    def resembles(self, word: str, within: range | None = None) -> float:
        """How closely a run of source units sounds like an English word, from 0 to 1.

        The consonants are compared in order, as classes (`Whitmer` `tnl` / `惠特默` `hui te
        mo` `tn`): transliteration adds vowels, drops final consonants and merges clusters,
        so the share of consonants both spellings keep is what tells them apart from chance.
        A run begins and ends with a unit (a syllable, a word), and begins with the word's
        first consonant. `within` limits the runs to those units.
        """
        units = within if within is not None else range(len(self.units))
        targets = _targets(word, self.lang)
        if within is not None and self._whole_key_of(word, targets, units):
            return 1.0  # `Iweala`: `伊维拉`, yi wei la; `Aayog`: `आयोग`
        heard = self._consonants_in(units)
        if not any(target.consonants[:1] in heard for target in targets if target.consonants):
            return 0.0  # every run opens with the word's first consonant, which none of these units has
        width = _WIDTH.get(self.lang, 2)
        best = 0.0
        for target in targets:
            first = target.consonants[:1]
            for start in units:
                # a run may open with a syllable of a vowel alone before the first consonant (`Youssouf`: `you su fu`)
                vowel_first = (
                    not self._sounds[start].consonants
                    and start + 1 < units.stop
                    and self._sounds[start + 1].consonants[:1] == first
                )
                if (first not in self._sounds[start].consonants and not vowel_first) or self._read[start]:
                    continue  # no run from this unit, nor a part of it, opens with the word's first consonant
                best = max(best, self._part_of_unit(target, start))
                if not first or (self._sounds[start].consonants[:1] != first and not vowel_first):
                    continue
                consonants_run, key_run = "", ""
                for end in range(start, min(units.stop, start + width)):
                    if self._read[end]:
                        break
                    if end > start and target.alone and self.lang != "zh":
                        # the word ends inside a word of the source: `Mohenjo` in `mohan jodaro`
                        head = consonants_run + self._sounds[end].consonants[: len(target.consonants) - len(consonants_run)]
                        best = max(best, _score(target, _Sound(head, "")))
                    consonants_run += self._sounds[end].consonants
                    key_run += self._sounds[end].key
                    run = _Sound(consonants_run, _VOWEL_RUN.sub("a", key_run))  # `sai a la`: `sala`
                    best = max(best, _score(target, run, self.lang in ("ja", "zh")))
                    if len(run.consonants) > len(target.consonants) + 2:
                        break
        return best

    def _whole_key_of(self, word: str, targets: tuple[_Sound, ...], units: range) -> bool:
        """Whether a word of one consonant, four letters or more, sounds like the whole of a source
        name, vowels and all (`Iweala`, `ala`: `伊维拉`, yi wei la; `Aayog`: `आयोग`, ayog). One
        consonant is heard in part anywhere; a whole name of the same vowels around it is not chance."""
        if len(word) < 4 or not all(len(target.consonants) == 1 for target in targets):
            return False
        if any(self._read[i] for i in units):
            return False  # Japanese kanji are read, not heard
        whole = _VOWEL_RUN.sub("a", "".join(self._sounds[i].key for i in units))
        return any(target.key == whole for target in targets)

    def _consonants_in(self, units: range) -> frozenset[str]:
        """The consonant classes the units have, worked out once per span: a source name is
        compared with every English word."""
        heard = self._heard.get(units)
        if heard is None:
            heard = self._heard[units] = frozenset("".join(self._sounds[i].consonants for i in units))
        return heard

    def _part_of_unit(self, target: _Sound, index: int) -> float:
        """How closely the beginning or the end of one long unit sounds like the word.

        Japanese runs katakana words together (`ダンラップ・ブロードサイド`: `danrappuburoodosaido`),
        Hindi writes compounds as one word (`हांगकांग`: `Hong`, `Kong`).
        """
        sound = self._sounds[index].consonants
        size = len(target.consonants)
        if not target.alone or len(sound) <= size:
            return 0.0
        best = 0.0
        for length in range(size - 1, min(size + 2, len(sound) - 1)):
            # the rest of the unit holds two consonants or more, a word of its own: not `Ushakov` in `pesukofu`
            for part in (sound[:length], sound[-length:]):
                if part[:1] == target.consonants[:1]:
                    best = max(best, _score(target, _Sound(part, "")))
        return best

    def spells(self, word: str) -> bool:
        """Whether the source's syllables spell the word letter for letter (`Lianxu`: `联圩`).

        Chinese names are written in pinyin; a character read several ways counts under each.
        """
        plain = _NOT_LETTER.sub("", anyascii(_POSSESSIVE.sub("", word)).lower())
        if len(plain) < 2:
            return False
        if self.lang == "ja":  # letters run together only for a longer word (`chi` is in `nichietsu`)
            return len(plain) >= 3 and (
                (plain in self.letters if len(plain) >= 5 else plain in self._unit_readings)
                or self.reads(plain)
                or self._spelt_in_pinyin(word, plain)
            )
        if self.lang == "hi":
            # Indian English writes a long vowel doubled (`Aayog`: `आयोग`, ayog; `Aadhaar`, `Suraaj`)
            return len(plain) >= 3 and (plain in self.letters or _LONG_HINDI_VOWEL.sub(_short_hindi, plain) in self.letters)
        if not self._syllables:
            return len(plain) >= 3 and plain in self.letters
        if _spelt_by(plain, self._syllables):
            return True
        # a Japanese name a Chinese source writes in its kanji (`高市早苗`: `Takaichi Sanae`), in Hepburn
        return len(plain) >= 4 and _ROMAJI.match(plain) is not None and plain in self._japanese_reading()

    def reads(self, plain: str, within: ScriptName | None = None) -> bool:
        """Whether a run of the source's kanji reads as the word in Hepburn, any reading pykakasi's
        dictionary gives a word or a kanji counting, long vowels short (`Suzuki Naomichi` for
        `鈴木直道`, `Takagi` for `喬木`, `Son` for `孫`, `Oizumi` for `大泉`); not `Takahashi` for `鈴木`."""
        word = _short_vowels(plain)
        if len(word) < 3:
            return False
        readings = _japanese_readings(self.text)
        first_start, last_end = (within.start, within.end) if within else (0, len(readings))
        for start in range(first_start, last_end):
            frontier = {(start, 0)} if readings[start] else set()
            while frontier:
                following = set()
                for position, matched in frontier:
                    for length, reading in readings[position] if position < last_end else ():
                        # a kanji after the first may voice its first sound (rendaku: `高串`, Takagushi)
                        for said in (reading, _voiced(reading)) if matched else (reading,):
                            if word.startswith(said, matched) and position + length <= last_end:
                                if matched + len(said) == len(word):
                                    if not self._cuts_word(start, position + length):
                                        return True
                                    continue
                                following.add((position + length, matched + len(said)))
                frontier = following
        return False

    def _cuts_word(self, start: int, end: int) -> bool:
        """Whether kanji [start, end) are part of an everyday word that goes on past them (`会` of
        `会議`, meeting, is no `Kai`), which a name is not read from."""
        before = start > 0 and is_everyday_word(self.text[start - 1 : start + 1])
        return before or (end < len(self.text) and is_everyday_word(self.text[end - 1 : end + 1]))

    def _spelt_in_pinyin(self, word: str, plain: str) -> bool:
        """Whether a Chinese person or place a Japanese source writes in kanji (`習近平`) is spelt
        in pinyin by a run of them (`Jinping`)."""
        return is_pinyin(word) and any(_spelt_by(plain, _readings(run)) for run in _KANJI_RUN.findall(self.text))

    def _japanese_reading(self) -> str:
        """A Chinese source's kanji as Japanese reads them, in Hepburn, run together."""
        if self._hepburn is None:
            kanji = " ".join(_KANJI_RUN.findall(self.text))
            self._hepburn = "".join(part["hepburn"] for part in _kakasi().convert(kanji)) if kanji else ""
        return self._hepburn

    def sounds_in(self, word: str, heard: float = HEARD) -> bool:
        """Whether an English word's sound is in the source (`Snowden` in `si nuo deng`).

        An acronym may be spelt letter by letter (`NSA`: `एन.एस.ए.`, `エヌエスエー`). A Chinese
        source's name in pinyin (`Shanghai`, `Chunying`) is spelt by its characters, never just
        heard: `Shanghai` is not `常委会` (chang wei hui), `Shenzhen` not `周三` (zhou san).
        """
        if word.isupper() and word.isalpha() and len(word) <= 5:
            spelt = sound_key("".join(_LETTER_NAMES.get(letter, letter) for letter in word.lower()))
            if len(spelt) >= 3 and spelt.strip("a") in self.key:
                return True
        if self._pinyin_name(word):  # heard only as a whole name Chinese writes by sound (`鲁比奥`, Rubio)
            return self.spells(word) or any(self._whole_name_sounds(word, name, units) for name, units in self.names())
        heard = max(heard, _STRICT.get(self.lang, 0.0))
        return self.spells(word) or any(self.resembles(word, units) >= heard for _, units in self.names())

    def _spelt_in(self, word: str, name: ScriptName) -> bool:
        """Whether the characters of a source name spell a pinyin word (`Chunying`: `华春莹`)."""
        return _spelt_by(_NOT_LETTER.sub("", word.lower()), _readings(self.text[name.start : name.end]))

    def _whole_name_sounds(self, word: str, name: ScriptName, units: range) -> bool:
        """Whether a pinyin-like word (`Rubio`) sounds like the whole of a name Chinese writes by
        sound, in transcription characters (`鲁比奥`, lu bi ao), from its first consonant on; not
        like a part of one (`Shanghai` is not the `shen kai` of `比什凯克`, Bishkek)."""
        if not all(char in TRANSCRIPTION or char in "·・" for char in self.text[name.start : name.end]):
            return False
        whole = _Sound("".join(self._sounds[i].consonants for i in units), _VOWEL_RUN.sub("a", "".join(self._sounds[i].key for i in units)))
        return any(
            target.consonants[:1] == whole.consonants[:1] and _score(target, whole) >= HEARD
            for target in _targets(word, self.lang)
        )

    def _pinyin_name(self, word: str) -> bool:
        """Whether an English word is a Chinese name in pinyin where the source is Chinese, or a
        country Chinese writes by meaning (`Japan`: `日本`), whose sound is chance (`世界杯`)."""
        return self.lang == "zh" and _spelt_in_chinese(word)

    def names(self) -> list[tuple[ScriptName, range]]:
        """The source's likely names (`script_names`), each with the units it spans."""
        if self._names is None:
            self._names = []
            for name in name_spans(self.text, self.lang):
                inside = [i for i, unit in enumerate(self.units) if name.start <= unit.start and unit.end <= name.end]
                if not inside and self.lang == "ja":
                    # a name inside a word pykakasi reads as one (`京都` of `京都大学`, kyoutodaigaku)
                    inside = [i for i, unit in enumerate(self.units) if unit.start < name.end and name.start < unit.end]
                if inside:
                    self._names.append((name, range(inside[0], inside[-1] + 1)))
        return self._names

    def unpaired_names(self, english: str) -> list[ScriptName]:
        """The source's likely names that nothing in the English stands for, by sound or by CC-CEDICT."""
        if english not in self._unpaired:
            words = {w for w in _ENGLISH_WORD.findall(english) if len(w) >= 2}
            # each part of a hyphenated name too (`Okonjo-Iweala`: `伊维拉`, Iweala)
            words |= {part for w in words if "-" in w for part in _HYPHEN.split(w) if len(part) >= 2}
            if self.lang == "zh":  # Chinese spells names by sound, Japanese and Hindi loanwords too
                # and writes a country by meaning (`中国`): a nationality is no sound (`Chin`ese: `近`),
                # nor a common word, which it translates (`Eastern` is not `阿斯塔纳`, Astana)
                words = {w for w in words if w[:1].isupper() and not is_demonym(w) and (is_pinyin(w) or not is_common_word(w))}
            elif self.lang == "ja":  # Japanese writes a nationality as its country (`ブラジル人`, `日本企業`)
                words = {w for w in words if not is_demonym(w)}
            # a surname with its particles is one word in the source (`von der Leyen`: `フォンデアライエン`)
            words |= set(_PARTICLE_NAME.findall(english))
            # each word of a name English writes as one (`OpenAI`: `オープン`, open, and `AI`)
            words |= {part for w in words for part in _CAMEL_PART.findall(w) if len(part) >= 2 and part != w}
            from audit.names.cedict import english_key

            # a nationality stands for its country (`South Korean visitors` for `韩国游客`)
            places = {english_key(place) for w in _ENGLISH_WORD.findall(english) if w[:1].isupper() for place in demonym_places(w)}
            keys = f" {english_key(english)} {' '.join(f' {place} ' for place in places)} "
            self._unpaired[english] = [
                name
                for name, units in self.names()
                if not any(f" {key} " in keys for key in self.forms(name) if " " in key or not is_common_word(key))
                and not any(
                    self._whole_name_sounds(word, name, units) or self._spelt_in(word, name)
                    if self._pinyin_name(word)
                    else self._pairs(word, units)
                    for word in words
                    # a place CLDR or GeoNames names is written so, not as an everyday word that
                    # sounds like it (`parks` is not `アフリカ`, afurika)
                    if not (word.islower() and is_common_word(word) and self._places(name))
                    and not self._unheard_in_person(word, name)
                )
                and not any(self._cantonese_surname_of(word, name) for word in words)
                and not (self.lang == "ja" and any(self.reads(_NOT_LETTER.sub("", word.lower()), name) for word in words))
                and not (self.lang == "hi" and _initial_written(self.text[name.start : name.end], english))
                and not (self.lang == "ja" and self._translated(name, english))
            ]
        return self._unpaired[english]

    def _given_name_heard(self, word: str) -> bool:
        """Whether an English given name is heard in a Chinese source in a name written by sound
        (`Youssouf`: `优素福`), not in a Chinese person's name, whose characters sound out no English
        given name (`John` of `John Tsang` is not the `chen` of `陈茂波`, nor `Jan` the `zhong` of
        `局长单忠德`, a person after a title), nor in a name the dictionaries know by another English
        name (`香港`, xiang gang, Hong Kong)."""
        persons = set(chinese_persons(self.text))
        return self.spells(word) or any(
            self.resembles(word, units) >= HEARD
            and (self.text[name.start : name.end] not in persons or self._opens_with(word, units))
            for name, units in self.names()
            if SURNAME_AND_NAME.fullmatch(self.text[name.start : name.end]) is None and not self.forms(name)
        )

    def _opens_with(self, word: str, units: range) -> bool:
        """Whether the units open with the word's first consonant, or with a vowel: a name heard
        from its start (`Youssouf`: `主席优素福`, you su fu), not in its middle (`Jan`: `单忠德`, zhong)."""
        opening = self._sounds[units.start].consonants[:1]
        return not opening or any(target.consonants[:1] == opening for target in _targets(word, self.lang))

    def _unheard_in_person(self, word: str, name: ScriptName) -> bool:
        """Whether the source name is a Chinese person's (a surname and a given name) that the word
        cannot pair by sound: a Hong Kong surname of other hanja (`Tsang`, 曾, is not `陈茂波`) or an
        English given name (`John` is not `chen`), which a Chinese name's characters never sound out."""
        if self.lang != "zh" or SURNAME_AND_NAME.fullmatch(self.text[name.start : name.end]) is None:
            return False
        return (word in cantonese_surnames() and not self._cantonese_surname_of(word, name)) or is_given_name(name_key(word))

    def _cantonese_surname_of(self, word: str, name: ScriptName) -> bool:
        """Whether the word is the Hong Kong spelling of the surname that opens a Chinese person's
        name of the source (`Chan`: `陈茂波`), which pinyin does not reach."""
        local = self.text[name.start : name.end]
        return self.lang == "zh" and SURNAME_AND_NAME.fullmatch(local) is not None and any(
            local.startswith(form) for form in cantonese_surnames().get(word, ())
        )

    def _translated(self, name: ScriptName, english: str) -> bool:
        """Whether a Japanese run of kanji that no dictionary knows as a name is translated by meaning:
        the English has a word CC-CEDICT glosses a word of it with (`噴煙`: plume, `火口`: crater,
        `非難`: condemned), an everyday word Japanese spells in kanji, no name left out."""
        local = self.text[name.start : name.end]
        if self.forms(name) or not _KANJI_ONLY.fullmatch(local):
            return False
        from audit.names.glosses import glossed

        plain = simplified(local)
        return any(glossed(stem, plain) for word in _ENGLISH_WORD.findall(english) if word.islower() for stem in _stems(word))

    def _pairs(self, word: str, units: range) -> bool:
        """Whether an English word may stand for the source name of these units by sound.

        Hindi writes every word in the letters of its names and an English name's consonants
        one for one: there a name pairs only closer, and an ordinary English word only with its
        vowels too (`maritime` is not `तमिलनाडु`, `earned` not `धुरंधर`)."""
        if self.lang != "hi":
            return self.resembles(word, units) >= PAIRED
        if is_common_word(word) and not word[:1].isupper():
            # a loanword heard in full (`degrees`: `डिग्री`, digri), its vowels or its consonants
            plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))  # `degrees`, not `minus`
            forms = (word, word[:-1]) if plural else (word,)
            keys = {sound_key(form) for form in forms}
            skeletons = {consonants(form) for form in forms}
            return any(
                sound_key(self.units[i].roman) in keys or consonants(self.units[i].roman, "hi") in skeletons for i in units
            )
        return self.resembles(word, units) >= _STRICT["hi"]

    def replaced(self, word: str, english: str, beside: tuple[str, ...] = (), name: tuple[str, ...] = ()) -> bool:
        """Whether an English name word not heard in the source stands for a source name it does not sound like.

        Sure enough to warn: the word is a name (three letters or more, not an abbreviation),
        it sounds like none of the source's likely names, and one of those names has
        nothing in the English that stands for it. Not when another word of the English name
        (`beside`) is in the source: English writes a name in full where the source gives one
        part of it (`Tedros Adhanom Ghebreyesus` for `谭德塞`, Tedros). A Chinese person's name
        in pinyin (the last words of the whole English `name`) is spelt, every word of it, by
        the source's characters (`Jiang Bin` for `张晓刚`: `jiang` of `将于` spells one word only).
        """
        # Hindi writes a name's consonants one for one, and every word of it may be a name:
        # there a part heard only in part (`Georges` in `करके`) is chance. A part that is also a
        # common word (`Yogi` of `Yogi Adityanath`) counts only when the source spells it, or, in
        # Chinese, which translates common words and sounds out names, sounds it in full with four
        # consonants or more, which chance does not give (`Trump` of `Judd Trump`: `特鲁姆普`; not
        # `Mark`, `nk` without its r, in `英国`). Japanese sounds out loanwords (`センター`, Center).
        person = chinese_person(name or (word, *beside))
        if self.lang == "zh" and person:
            # a Chinese person's name is spelt by its characters, not heard (`Lin Jian` for `郭嘉昆`)
            if all(self.spells(part) for part in person):
                return False
            return bool(self._unspelt_persons(english))
        if (
            self.lang in ("zh", "ja")
            and self._korean_of_another_surname(_POSSESSIVE.sub("", word), english)
            and not self._cantonese_name(word, name)
        ):
            return True  # `Han Duck-soo` for `金民錫`: the source names a Korean of another surname, whatever else is heard
        heard = 1.0 if self.lang == "hi" else HEARD
        if word not in (apart := self._words_of_source_names(name)):
            beside = tuple(other for other in beside if other not in apart)  # `Tehsil` of `Tehsil South China Morning Post`
        if _person_after_title(name, beside, lambda other: is_common_word(other.lower()) or self.translates(other)):
            beside = ()  # `Japan Coast Guard Commandant Shohei Ishii`: the title's words vouch for no one
        if any(
            (
                self.spells(other)
                or (self.lang == "zh" and len(consonants(other)) >= 4 and self.sounds_in(other, 1.0))
                or (self.lang == "ja" and self.says_whole(other))  # `Brawner` of `Romeo Brawner Jr.` for `ブラウナー`
            )
            if is_common_word(other)
            else self._given_name_heard(other)
            if self.lang == "zh" and is_given_name(name_key(other))
            else self.sounds_in(other, heard) or self.translates(other)
            for other in beside
        ):
            return False
        if self.lang in ("zh", "ja") and self._korean_given_name(word, english):
            return False  # `Jae-myung` of `Lee Jae-myung` for `李在明`: hanja read the Korean way
        if self.lang in ("zh", "ja") and self._cantonese_name(word, name):
            return False  # `Chan Pak-wai` for `陈栢纬`: a Hong Kong name read the Cantonese way
        if self._imperial_name(_POSSESSIVE.sub("", word), english):
            return False  # `Emperor Naruhito` for `天皇陛下`: Japanese names the imperial family by title
        plain = _POSSESSIVE.sub("", word)
        parts = _CAMEL_PART.findall(plain)
        if len(parts) > 1 and all(part in self.text or self.sounds_in(part) for part in parts):
            return False  # `OpenAI` for `オープンAI`: words English writes as one, each in the source
        if self.lang == "hi" and _letters_and_figures_written(plain, self.text):
            return False  # `G20` for `जी20`: letters by their names, then the figures
        if self._by_meaning(plain):
            return False  # `Lychee` of `The Lychee Road` for `《长安的荔枝》`: a name written in everyday words
        if len(plain) < 2 or plain.endswith(".") or (len(plain) < 3 and not expansions(plain, names_only=True)):
            return False
        if _ACRONYM.match(plain) and not expansions(plain, names_only=True):
            return False  # an acronym is as often the translation's own (`TEPCO` for `東京電力`), not a country's (`US`)
        if plain.lower() in NAME_PARTS:
            return False
        if home_country(self.lang) in (plain, *demonym_places(plain)) and not self._unpaired_country(english):
            return False  # `国内` (at home): English names the source's own country where it does not
        if self._home_capital_added(plain, english):
            return False  # `人民大会堂` (in Beijing), `राष्ट्रीय राजधानी` (the national capital: Delhi)
        if self._region_of_source_place(plain, english):
            return False  # `Bihar` for `पटना` (Patna): the state English places a source city in
        if self._region_of_no_source_place(plain, english):
            return True  # `Kerala` for `पटना`: GeoNames puts the source's city in another state
        if self._home_region_added(plain, english):
            return False  # `Kagoshima Prefecture` for `桜島`: a region of its own country English adds
        if self._home_abbreviated_unnamed(" ".join(name) or plain, english):
            return True  # `South Korea` for `訪日` (a visit to Japan): the English names no Japan
        if any(self.names_country(country) for country in countries_of_capital(plain)):
            return False  # `Beijing` for `中方`, `Moscow` for `俄罗斯`: a capital for its country
        if self.says_demonym(plain):
            return False  # `Thailand` for `थाई` (Thai): a country for its demonym
        if self.lang in ("zh", "ja") and any(self.abbreviates(place) for place in (plain, *demonym_places(plain))):
            return False  # `Shenzhen` for `沪深`, `European` for `欧州`
        places = (plain, *expansions(plain, names_only=True))  # `UN`: `United Nations`, `国際連合`, `国連`
        if self.lang in ("zh", "ja") and any(
            form[0] in self.text for place in places for form in _country_forms(place, self.lang)
        ):
            return False  # `来日` (came to Japan), `美方` (the US side): a country by its first character
        if any(
            self._whole_name_sounds(word, name, units)
            if self._pinyin_name(plain)
            else self.resembles(word, units) >= max(PAIRED, _STRICT.get(self.lang, 0.0))
            for name, units in self.names()
        ):
            return False
        if self.lang != "zh" and self.echoes(word) >= ECHOED:
            return False  # a Hindi compound, Japanese words run together, a hyphenated name
        if self.lang == "ja" and not _ROMAJI.match(plain.lower()):
            # a word Japanese would write in katakana (`Dodgers`, `Box`) stands for no kanji word:
            # only for a katakana, Latin or known name left with nothing standing for it, or a
            # country abbreviated in a compound the English does not name (`日豪`: `New Zealand`)
            return bool(self.left_names(english)) or self._abbreviated_unnamed(english)
        # or a place abbreviated beside another the English does not name (`闽台`: `Guangdong and Taiwan`)
        return bool(self.unpaired_names(english)) or self._paired_abbreviation_unnamed(english)

    def _places(self, name: ScriptName) -> tuple[str, ...]:
        return self._place_names(self.text[name.start : name.end])

    def _place_names(self, local: str) -> tuple[str, ...]:
        """The English names CLDR (`フランス`: France) and GeoNames (`इदलिब`: Idlib) give a source word;
        not a currency CLDR also names (`億円`: `CNY`), which is no name left out of a translation."""
        from audit.names.exonyms import exonyms
        from audit.names.local_places import local_places

        cldr = [place for place in exonyms(self.lang).english_names(local, inflected=False) if is_english_place(place)]
        found = (*cldr, *local_places().english_names(local))
        if not found and len(local) > 3 and local[-2:] in _AREA_SUFFIXES:
            return local_places().english_names(local[:-2])  # `喀什地区`: Kashgar, the prefecture
        if not found and len(local) > 2 and local[-1] in _PLACE_SUFFIXES:
            return local_places().english_names(local[:-1])  # `八戸市`: Hachinohe, the city
        return found

    def forms(self, name: ScriptName) -> frozenset[str]:
        """The English keys a source name is known by: CC-CEDICT's, CLDR's and GeoNames', and for
        an acronym Hindi spells by its letters' English names, the acronym and what it stands for
        (`सीबीआई`: `cbi`, `central bureau of investigation`)."""
        from audit.names.cedict import english_key

        if name not in self._forms:
            forms = name.english | {english_key(place) for place in self._places(name)}
            for acronym in spelt_acronyms(self.text[name.start : name.end]) if self.lang == "hi" else ():
                if not _term(acronym):
                    forms |= {acronym.lower(), *(english_key(full) for full in expansions(acronym))}
            self._forms[name] = forms
        return self._forms[name]

    def english_form(self, name: ScriptName) -> str | None:
        """How English writes a source name, where CLDR, GeoNames or CC-CEDICT says (`九州`: `Kyushu`)."""
        places = self._places(name)
        if places:
            return places[0]
        longest = max(name.english, key=len, default="")
        return longest.title() if longest and (" " in longest or not is_common_word(longest)) else None

    def left_names(self, english: str) -> list[ScriptName]:
        """The source's names that are surely names and that nothing in the English stands for.

        Sure: a Latin word the source quotes, a katakana word of three or more (Japanese writes
        foreign names so), or a name CC-CEDICT, CLDR or GeoNames gives in English as a proper name
        (not `時代`, `time`), unless everyday Chinese uses it as a word (`现代`, modern, not Hyundai).
        Nothing stands for it: not by sound (`unpaired_names`), nor by any of its English
        forms, their distinctive words (`Mediterranean` of `Mediterranean Sea`), words derived
        from them (`Christian`), initials (`U.S.` for `United States`), demonyms (`German` for
        `德国`) or a whole unit's sound (`Ottawa`: `otawa`). Worked out once per translation:
        `stands_in` asks it of each English name.
        """
        if english not in self._left:
            self._left[english] = self._left_names(english)
        return self._left[english]

    def _left_names(self, english: str) -> list[ScriptName]:
        from audit.names.cedict import english_key

        folded = f" {english_key(english)} "
        words = [_POSSESSIVE.sub("", w) for w in _ENGLISH_WORD.findall(english)]
        acronyms = {w.replace(".", "").upper() for w in re.findall(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b", english)}
        # the initials of the English's names, which a source's acronym may be (`DGCA`)
        written_initials = {_initials(english_key(run)) for run in _CAPITALISED_RUN.findall(english)}
        parts = [part for w in words for part in _HYPHEN.split(w) if part]  # `Chinese-American`: both
        places = {english_key(place) for w in parts if w[:1].isupper() for place in demonym_places(w)}
        # a capital stands for its country (`Tokyo` for `日方`, `New Delhi` for `भारत`)
        places |= {english_key(country) for capital in capitals_in(english) for country in countries_of_capital(capital)}
        expanded = {english_key(full) for acronym in acronyms for full in expansions(acronym)}
        keys = {sound_key(w) for w in words if len(w) >= 3}
        lowered = {w.lower() for w in words if len(w) >= 6}
        stems = {english_key(w) for w in words if len(w) >= 4 and w[:1].isupper()}
        # the everyday words of the English, which a katakana loanword may be (`チーム`: team)
        everyday = [w for w in words if w.islower() and len(consonants(w)) >= 2]
        spans = dict(self.names())
        left = []
        for name in self.unpaired_names(english):
            local = self.text[name.start : name.end]
            forms = self.forms(name)
            if (
                self.lang == "ja"
                and _KATAKANA_NAME.fullmatch(local)
                and not forms  # a place CLDR or GeoNames names is paired by its name (`parks` is not `アフリカ`)
                and any(self.resembles(w, spans[name]) >= PAIRED for w in everyday)
            ):
                continue  # `チーム` for `team`, `センター` for `centre`: a loanword the English translates by its word
            if _LATIN_NAME.fullmatch(local):
                # an acronym in brackets after the name it abbreviates is that name (`国際原子力機関（IAEA）`)
                glossed = self.text[name.start - 1 : name.start] in "（(" and self.text[name.end : name.end + 1] in "）)"
                if not (_term(local) or latin_written(local, english) or (glossed and local.upper() in written_initials)):
                    left.append(name)  # not `GDP` (the economy), nor `IAEA` written out by its initials' words
                continue
            sure = (
                (self.lang == "hi" and any(not _term(acronym) for acronym in spelt_acronyms(local)))
                or (
                    self.lang == "ja"
                    and (
                        _KATAKANA_NAME.fullmatch(local) is not None
                        or self._title_quoted(name)
                        or _KIND_OF_PLACE.search(local) is not None
                        or _AFTER_PERSON.match(self.text, name.end) is not None
                    )
                )
                or (not is_everyday_word(local) and any(" " in form or not is_common_word(form) for form in forms))
            )
            if not sure or forms & (places | expanded):
                continue
            if any(
                english_key(place) in places or f" {english_key(place)} " in folded
                for form in forms
                for word in form.split()
                if is_demonym(word.title())
                for place in demonym_places(word.title())
            ):
                continue  # `日方` (Japanese side) for `Tokyo`
            if any(_ADJECTIVE_ENDING.fullmatch(word.removeprefix(stem)) for form in forms for word in form.split() for stem in stems if word.startswith(stem)):
                continue  # `西藏自治区` (Tibetan Autonomous Region) for `Tibet Autonomous Region`
            if any(_initials(form) in acronyms for form in forms if " " in form):
                continue
            if any(len(form) >= 2 and form.upper() in written_initials for form in forms if " " not in form):
                continue  # `डीजीसीए` (DGCA) for `Directorate General of Civil Aviation`
            if any(" " in form and all(_place_written(word, places | expanded) for word in form.split()) for form in forms):
                continue  # `中美` (China-USA) for `Chinese-American`: each place of a compound written
            if any(w.startswith(form) for form in forms if len(form) >= 5 and " " not in form for w in lowered):
                continue  # `Christian` for `基督`, Christ; `Marxist` for `马克思`
            if any(
                f" {word} " in folded
                for form in forms
                for word in form.split()
                if len(word) >= 4 and (" " not in form or not is_common_word(word) or is_demonym(word.title()))
            ):
                continue
            if any(
                unit.start >= name.start and unit.end <= name.end and sound_key(unit.roman) in keys
                for unit in self.units
            ):
                continue
            left.append(name)
        return left

    def _read_name(self, name: ScriptName) -> bool:
        """Whether English writes a source name by its reading, not by meaning: it is in katakana
        or Latin letters, or CC-CEDICT, CLDR or GeoNames gives it in English (`九州`: Kyushu)."""
        return not _KANJI.search(self.text[name.start : name.end]) or bool(self.forms(name))

    def _title_quoted(self, name: ScriptName) -> bool:
        """Whether the name is all a Japanese quotation holds: a title (`『国宝』`, a film; `「かが」`)."""
        return self.text[name.start - 1 : name.start] in _TITLE_OPENING and self.text[name.end : name.end + 1] in _TITLE_CLOSING

    def stands_in(self, mention: str, english: str) -> ScriptName | None:
        """The source name an English name took the place of, when it is sure: the English
        name is heard nowhere in the source and stands for none of its names (by sound,
        CC-CEDICT, CLDR, an acronym's expansion or initials, a nationality), and a sure name of
        the source is left with nothing standing for it (`left_names`). So a name of
        ordinary English words (`Iron Dome` for `九州`, Kyushu) is caught, which no spelling can
        tell from a translation. Not a Hepburn reading where the source has kanji (`Takagi`
        for `喬木`), nor the source language's own country where it names none left out."""
        words = [_POSSESSIVE.sub("", w) for w in _ENGLISH_WORD.findall(mention) if w.lower() not in _FILLER]
        apart = self._words_of_source_names(tuple(mention.split()))
        rest = [w for w in words if w not in apart]
        if rest and len(rest) < len(words) and not all(is_common_word(w) for w in rest):
            words = rest  # `Tehsil Naushera` put before `South China Morning Post`, a source name written whole
        if not words or sum(len(w) for w in words) < 3 or mention.endswith(".") or _DIGIT.search(mention):
            return None  # `COVID-19`, `G20`: a term or a model, not a name put in for another
        if all(_ACRONYM.match(w) and _term(w) for w in words):
            return None  # `GMT` for `グリニッジ標準時`, `GDP`: a term English abbreviates, no name
        if all(self._imperial_name(word, english) for word in words if word not in _IMPERIAL_WORDS):
            return None  # `Crown Princess Kiko` for `秋篠宮ご夫妻`: the imperial family named by title
        left = self.left_names(english)
        if not left:
            return None
        home = home_country(self.lang)
        owner = _ENGLISH_WORD.match(mention)
        if (
            len(words) > 1
            and owner is not None
            and _POSSESSIVE.search(owner.group())
            and words[0] == home
            and not self._unpaired_country(english)
        ):
            words = words[1:]  # `China's` of `China's Ministry of Commerce`: the home country, context English adds
        if (
            self.lang == "zh"
            and all(is_common_word(w) and not (is_demonym(w) or _known(w)) for w in words)
            and not any(self._body_by_meaning(name) for name in left)
        ):
            return None  # `Tri Nations` for `三国`: Chinese writes names by meaning, CC-CEDICT knows few
        if self.lang == "ja" and all(is_common_word(w) for w in words) and not any(self._read_name(name) for name in left):
            return None  # `National Stadium` for `国立競技場`: kanji translated by meaning, not read
        from audit.names.cedict import english_key

        forms = {form for name, _ in self.names() for form in self.forms(name)}
        form_words = {word for form in forms for word in form.split()}
        for word in words:
            key = english_key(word)
            if key in form_words or key.removesuffix("s") in form_words or english_key(mention) in forms:
                return None
            if any(english_key(place) in forms for place in demonym_places(word)):
                return None
            if _ACRONYM.match(word) and (
                {english_key(full) for full in expansions(word)} & forms
                or any(_initials(form).startswith(word.upper()[:3]) for form in forms if " " in form)
            ):
                return None
            if home in (word, *demonym_places(word)) and not self._unpaired_country(english):
                return None
            if self._home_capital_added(word, english):
                return None
            if self._region_of_source_place(word, english):
                return None
            if any(self.names_country(country) for country in countries_of_capital(word)):
                return None  # `Beijing` for `中方`: a capital for its country's government
            if self.lang in ("zh", "ja") and any(self.abbreviates(place) for place in (word, *demonym_places(word))):
                return None  # `Shenzhen` for `沪深`, `European` for `欧州`
            if self.spells(word) or self.translates(word) or word in self.text:
                return None
            if self.lang == "hi" and is_common_word(word) and not _ACRONYM.match(word):
                # Hindi writes every word in the letters of its names: an English word is heard
                # there by chance unless its vowels agree too (`River` is not `रूप`)
                if any(sound_key(unit.roman) == sound_key(word) for unit in self.units):
                    return None
                continue
            if self.sounds_in(word) or any(self.resembles(word, units) >= PAIRED for _, units in self.names()):
                return None
            if self.lang != "zh" and self.echoes(word) >= ECHOED:
                return None
            if self.lang in ("zh", "ja") and all(
                any(
                    form[0] in self.text
                    for place in (part, *demonym_places(part))
                    for form in _country_forms(place, self.lang)
                )
                for part in _HYPHEN.split(word)
                if part
            ):
                return None  # `Chinese-American` for `中美`, `Japanese` for `日方`
        return left[0]

    def _words_of_source_names(self, name: tuple[str, ...]) -> frozenset[str]:
        """The words of an English name that spell a source name whole, by a form of two words or more
        CC-CEDICT, CLDR or GeoNames gives it (`South China Morning Post` for `南华早报`): run together
        with words put in before or after it, they vouch only for that name, not for the others."""
        from audit.names.cedict import english_key

        words = [_POSSESSIVE.sub("", w) for w in name]
        keys = [english_key(w) for w in words]
        apart: set[str] = set()
        for source_name, _ in self.names():
            for form in self.forms(source_name):
                parts = form.split()
                for at in range(len(keys) - len(parts) + 1) if len(parts) > 1 else ():
                    if keys[at : at + len(parts)] == parts:
                        apart.update(words[at : at + len(parts)])
        return frozenset(apart)

    def _body_by_meaning(self, name: ScriptName) -> bool:
        """Whether CC-CEDICT names a Chinese source name only in everyday English words, a body
        translated by meaning (`发改委`: `National Development and Reform Commission`): English
        names it so, and another body in everyday words (`Ministry of Commerce`) replaced it."""
        phrases = [form for form in name.english if " " in form]
        return bool(phrases) and all(
            all(is_common_word(word) for word in form.split() if len(word) > 2 and word not in _FILLER) for form in phrases
        ) and not self._places(name)

    def says_whole(self, word: str) -> bool:
        """Whether a name the source writes by sound is the word, the whole name heard: an
        acronym said as a word (`भेल`: BHEL, `ジェトロ`: JETRO), a surname that is also an English
        word (`ブラウナー`: Brawner); not a run of other words that happens to sound so."""
        return any(not any(self._read[i] for i in units) and self._whole_heard(word, units) for _, units in self.names())

    def _whole_heard(self, word: str, units: range) -> bool:
        """Whether the word sounds like all the units, not like a part of them."""
        return self.resembles(word, units) >= 1.0 and all(
            self.resembles(word, range(start, units.stop)) < 1.0 for start in range(units.start + 1, units.stop)
        ) and len(consonants("".join(self.units[i].roman for i in units), self.lang)) <= len(consonants(word)) + 1

    def names_country(self, country: str) -> bool:
        """Whether the source names a country: by sound, CC-CEDICT or CLDR, or (Chinese and
        Japanese) by its first character or its abbreviation in a compound (`中方`, `訪日`, `日米`)."""
        if self.translates(country) or self.sounds_in(country) or self.abbreviates(country):
            return True
        from audit.names.exonyms import exonyms

        if any(form and form in self.text for form in exonyms(self.lang).local_names(country)):
            return True  # CLDR's name (`भारत`: India)
        return self.lang in ("zh", "ja") and any(form[0] in self.text for form in _country_forms(country, self.lang))

    def abbreviates(self, place: str) -> bool:
        """Whether a Chinese or Japanese source writes a place by its one-character abbreviation in
        a compound (`沪深`: Shanghai and Shenzhen, `中美`, `日米`, `中方`, `訪日`, `欧州`)."""
        return any(
            _in_compound(self.text, match.start(), self.lang)
            for char in cjk_abbreviations(self.lang).get(place, ())
            for match in re.finditer(re.escape(char), self.text)
        )

    def _unspelt_persons(self, english: str) -> list[str]:
        """The Chinese persons' names of the source (`chinese_persons`) that no pinyin word of the
        English spells a part of."""
        words = [w for w in _ENGLISH_WORD.findall(english) if w[:1].isupper() and is_pinyin(w)]
        unspelt = []
        for person in chinese_persons(self.text):
            syllables = _readings(person)  # its own: pypinyin groups runs of digits and Latin
            if not any(_spelt_by(_NOT_LETTER.sub("", word.lower()), syllables) for word in words):
                unspelt.append(person)
        return unspelt

    def _korean_given_name(self, word: str, english: str) -> bool:
        """Whether the word is a part of the hyphenated given name of a Korean person the English
        writes after a surname whose hanja the source writes before two more (`Lee Jae-myung`:
        `李在明`). The given name's hanja are read the Korean way, which no romaniser here knows;
        the surname is compared (`Yoon Suk-yeol` for `李在明` is another person)."""
        for match in _KOREAN_NAME.finditer(english):
            if word.lower() in (match.group(2).lower(), match.group(3).lower()) and any(
                self._opens_korean_name(hanja) for hanja in korean_surnames().get(match.group(1), ())
            ):
                return True
        return False

    def _imperial_name(self, word: str, english: str) -> bool:
        """Whether the word is the name the English gives a member of Japan's imperial family after
        the title (`Emperor Naruhito`, `Crown Princess Kiko`) where a Japanese source names the
        family by title alone, as it always does (`天皇陛下`, `皇后さま`, `秋篠宮ご夫妻`)."""
        return (
            self.lang == "ja"
            and _IMPERIAL.search(self.text) is not None
            and re.search(rf"\b(?:{_IMPERIAL_TITLES})(?: Emeritus| Emerita)? {re.escape(word)}\b", english) is not None
        )

    def _korean_of_another_surname(self, word: str, english: str) -> bool:
        """Whether the word is of a Korean name the English writes (`Moon Jae-in`) whose surname's
        hanja open no name of three in the source, where another Korean surname's do (`李在明`)."""
        table = korean_surnames()
        for match in _KOREAN_NAME.finditer(english):
            if word.lower() in (part.lower() for part in match.groups()):
                own = set(table.get(match.group(1), ()))
                if not own:
                    continue  # no Korean surname first: `The Chinese-built`, `Prime Minister-designate`
                named = {hanja for forms in table.values() for hanja in forms if self._opens_korean_name(hanja)}
                if named and not named & own:
                    return True
        return False

    def _opens_korean_name(self, hanja: str) -> bool:
        # not a country's name (`韓国人`, Koreans: 韓 opens no person's name there)
        return re.search(rf"{re.escape(hanja)}(?![国國])[\u4e00-\u9fff]{{2}}", self.text) is not None

    def _cantonese_name(self, word: str, name: tuple[str, ...]) -> bool:
        """Whether the word is of a Hong Kong or Macao person's name (at most two words from its
        surname) whose surname, as the Hong Kong government romanises it, is the hanja that opens
        a person's name of the source: `Chan Pak-wai`, `Sam Hou Fai`, `Edwin Tsui` for `陈栢纬`,
        `岑浩辉`, `徐乐坚`. Their given names are read the Cantonese way or are English, which no
        romaniser here knows; another surname is compared (`Teresa Cheng` for `林定国`)."""
        at = next((i for i, part in enumerate(name) if word in re.split(r"[-‐‑]", _POSSESSIVE.sub("", part))), None)
        if at is None:
            return False
        for i, part in enumerate(name):
            if abs(i - at) <= 2 and part[:1].isupper():
                for hanja in cantonese_surnames().get(_POSSESSIVE.sub("", part), ()):
                    if re.search(rf"{re.escape(hanja)}[\u4e00-\u9fff]{{1,2}}", self.text):
                        return True
        return False

    def _home_capital_added(self, word: str, english: str) -> bool:
        """Whether the word is the capital of the source language's own country (`Beijing`,
        `Tokyo`, `New Delhi` or its `Delhi`), which English adds to place what the source leaves
        unplaced (`人民大会堂`, the Great Hall of the People; `राष्ट्रपति भवन`), while no place of the
        source is left with nothing standing for it (`大阪` for `Tokyo` is a replacement), nor one
        abbreviated in a compound (`沪深`: `Shanghai and Beijing` leaves Shenzhen out)."""
        home = home_country(self.lang)
        capital = capital_of(home) if home else None
        if capital is None or not (word == capital or (word in capital.split() and not is_common_word(word))):
            return False
        if any(self._places(name) for name in self.left_names(english)):
            return False
        return not self._abbreviated_unnamed(english)

    def _abbreviated_unnamed(self, english: str) -> bool:
        """Whether the source abbreviates a place other than its home country in a compound
        (`日豪`, Japan and Australia; `沪深`) that the English does not name."""
        home = home_country(self.lang)
        return any(
            place not in english and self.abbreviates(place) for place in cjk_abbreviations(self.lang) if place != home
        )

    def _paired_abbreviation_unnamed(self, english: str) -> bool:
        """Whether the source abbreviates a place other than its home country beside another
        place's abbreviation of its kind (`闽台`, Fujian and Taiwan; not `黑` of `蓝黑军团`, which
        only `军` follows) and the English does not name it."""
        home = home_country(self.lang)
        kinds = _abbreviation_kinds(self.lang)
        for place, chars in cjk_abbreviations(self.lang).items():
            if place == home or place in english:
                continue
            for char in chars:
                for match in re.finditer(re.escape(char), self.text):
                    at, kind = match.start(), kinds.get(char, frozenset())
                    neighbours = self.text[max(0, at - 1) : at] + self.text[at + 1 : at + 2]
                    if any(kind & kinds.get(other, frozenset()) for other in neighbours):
                        return True
        return False

    def _region_of_source_place(self, word: str, english: str) -> bool:
        """Whether the word is (a word of) a province, prefecture or state the English names that a
        place of the source lies in (`Bihar`: `पटना`, Patna; `Sichuan`: `宜宾`, Yibin), or the country
        of a notable city the source names (`Hungary`: `德布勒森`, Debrecen), which English adds for context."""
        from audit.names.russian_source import countries_of

        named = regions_named(word, english)
        places = [place for name, _ in self.names() for place in self._places(name)]
        if named and any(lies_in(place, region) for region in named for place in places):
            return True
        countries = (word, *demonym_places(word))  # beside the city (`Debrecen, Hungary`), not for it
        return any(country in countries_of(place) for place in places if place in english for country in countries)

    def _home_region_added(self, word: str, english: str) -> bool:
        """Whether the word is of a province, prefecture or state of the source language's own country
        (`data/asian_regions.tsv`) that English adds to place a source place no gazetteer here
        places (`Kagoshima Prefecture` for `桜島`, Sakurajima; `Heilongjiang` for `漠河`), while the
        source names no other region of that country the English leaves out (`Fujian` for `广东省`,
        `Kerala` for `केरल` replace a region), every place of the source that CLDR or GeoNames knows
        has its counterpart and none is abbreviated in a compound the English leaves out."""
        from audit.names.regions import regions

        home = home_country(self.lang)
        named = [
            region
            for region in regions_named(word, english)
            if country_name(regions()[region][0]) == home and re.search(rf"(?:\bin|,) (?:the )?{re.escape(region)}\b", english)
        ]  # placing something (`in Kagoshima Prefecture`, `Mohe, Heilongjiang`), not `the Kumamoto earthquake`
        if not home or not named:
            return False
        if any(self._places(name) for name in self.unpaired_names(english)) or self._abbreviated_unnamed(english):
            return False
        return not any(
            country_name(country) == home and region not in english and self._names_region(region)
            for region, (country, _code) in regions().items()
        )

    def _names_region(self, region: str) -> bool:
        """Whether the source names a region: spelt, read, translated or heard in full."""
        from audit.names.cedict import english_key

        key = english_key(region)
        if self.translates(region) or any(key in self.forms(name) for name, _ in self.names()):
            return True  # `鹿児島県`: Kagoshima, by GeoNames; `广东省`: Guangdong, by CC-CEDICT
        if self.lang == "zh":
            return self.spells(region)  # pinyin, spelt by the characters
        if self.lang == "ja":
            return False  # kanji are read by name, not kanji by kanji (`岳山`, oka yama, is no `Okayama`)
        return all(self.sounds_in(word) for word in region.split() if not is_common_word(word))

    def _home_abbreviated_unnamed(self, name: str, english: str) -> bool:
        """Whether the English names a country (`South Korea`) where a Chinese or Japanese source
        abbreviates its own country in a compound (`訪日`, a visit to Japan; `访华`, `来日`) and the
        English names that country nowhere, by name, nationality or capital."""
        home = home_country(self.lang)
        name = _POSSESSIVE.sub("", name)
        places = (name,) if is_english_place(name) else demonym_places(name)  # `Turkish-built` for `中企承建`
        if self.lang not in ("zh", "ja") or not home or not places or home in places:
            return False
        capital = capital_of(home)
        lowered = english.lower()
        if home in english or (capital and capital in english) or any(demonym in lowered for demonym in demonyms_of(home)):
            return False
        if any(self.names_country(place) for place in places):
            return False  # `US` for `美方` beside `中美`: the country named is the source's too
        return self.abbreviates(home)

    def _region_of_no_source_place(self, word: str, english: str) -> bool:
        """Whether the word is of a region the English names that GeoNames says none of the source's
        cities of that country lies in, while it has one (`Kerala` for `पटना`, Patna, in Bihar)."""
        from audit.names.regions import city_regions, regions

        named = regions_named(word, english)
        places = [place for name, _ in self.names() for place in self._places(name)]
        return any(
            any(country == regions()[region][0] for place in places for country, _code in city_regions().get(place, ()))
            and not any(lies_in(place, region) for place in places)
            for region in named
        )

    def _unpaired_country(self, english: str) -> bool:
        """Whether a country CLDR names in the source's language is left with nothing in the English."""
        from audit.names.exonyms import exonyms

        table = exonyms(self.lang)
        return any(
            is_english_place(place)  # not a currency CLDR also names (`億円`: `CNY`)
            for name in self.unpaired_names(english)
            for place in table.english_names(self.text[name.start : name.end], inflected=False)
        )

    def echoes(self, word: str) -> float:
        """How closely any stretch of the source's consonants sounds like the word, units ignored.

        Looser than `resembles` (a stretch may begin or end inside a unit: a Hindi compound,
        Japanese words run together, a hyphenated name), so only good to doubt a replacement.
        """
        flat = "".join(sound.consonants for sound, read in zip(self._sounds, self._read, strict=True) if not read)
        best = 0.0
        for target in _targets(word, self.lang):
            consonants = target.consonants
            if len(consonants) <= _CONSONANTS_ALONE:
                continue  # three consonants in a row are anywhere in a long text
            for start in range(len(flat)):
                if flat[start] != consonants[0]:
                    continue
                for length in range(len(consonants) - 1, len(consonants) + 2):
                    part = flat[start : start + length]
                    best = max(best, _common_length(consonants, part) / max(len(consonants), len(part)))
        return best


_HYPHEN = re.compile(r"[-‐‑]")
# What ends the kanji name of a place or a body by its kind (`諏訪赤十字病院`, a hospital;
# `大阪大学`; `甲府市`, a city; `福井県内`, within the prefecture): a name surely, whatever its words.
# A name with the kind of place after it (`八戸市`, `東京大学`); the kind alone (`工場`, a plant) names nothing.
_KIND_OF_PLACE = re.compile(
    r"(?<=.)(?:病院|大学|銀行|神社|寺|空港|駅|球場|競技場|美術館|博物館|劇場|公園|研究所|工場|原発|発電所|[都道府県市区町村島]内?)$"
)
# What Japanese writes after a person's name: an honorific or a title (`渡辺さん`, `石破首相`).
_AFTER_PERSON = re.compile(r"さん|氏|様|さま|首相|知事|社長|会長|監督|選手|容疑者|被告|議員|大臣|長官")
# A run of capitalised words, small words of a name between them (`Directorate General of Civil Aviation`).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|on)\s+)*[A-Z][\w'’-]*)*")
_TITLE_OPENING = frozenset("『「《")
_TITLE_CLOSING = frozenset("』」》")
# English titles of Japan's imperial family before a name, and the titles Japanese names it by.
_IMPERIAL_TITLES = "Emperor|Empress|Crown Prince|Crown Princess|Prince|Princess"
_IMPERIAL_WORDS = frozenset({"Emperor", "Empress", "Crown", "Prince", "Princess", "Emeritus", "Emerita"})
_IMPERIAL = re.compile(r"天皇|皇后|上皇|皇太子|皇嗣|陛下|殿下|宮(?:さま|様|ご夫妻|家|妃)|妃")


_LETTERS_DIGITS = re.compile(r"[A-Za-z]+|\d+")


def _person_after_title(name: tuple[str, ...], beside: tuple[str, ...], titles: Callable[[str], bool]) -> bool:
    """Whether an English name ends in a person's given name and surname, neither in the source, after
    words that are all a title's or a body's (everyday words, places the source names by meaning):
    those qualify the person, who is unheard whole (`Coast Guard Commandant Shohei Ishii`)."""
    person = name[-2:]
    return len(name) >= 3 and bool(beside) and not set(person) & set(beside) and all(
        other in name[:-2] and titles(other) for other in beside
    )


def latin_written(local: str, english: str) -> bool:
    """Whether the English writes a Latin word a source quotes, a hyphen or space aside between
    its letters and figures (`F35B`: `F-35B`)."""
    parts = _LETTERS_DIGITS.findall(local)
    if "".join(parts) != local:
        parts = [local]
    pattern = r"[-‐‑ ]?".join(map(re.escape, parts))
    return re.search(rf"(?i)(?<![a-z0-9]){pattern}(?![a-z0-9])", english) is not None


# The English names of the letters as Hindi writes them, romanised (`सी`: si, C; `आई`: ai, I).
_HINDI_LETTER_NAMES = {
    "e": "A", "bi": "B", "si": "C", "di": "D", "i": "E", "ef": "F", "eph": "F", "ji": "G", "ec": "H", "ech": "H",
    "ai": "I", "je": "J", "ke": "K", "el": "L", "em": "M", "en": "N", "o": "O", "pi": "P", "kyu": "Q", "ar": "R",
    "es": "S", "ti": "T", "yu": "U", "vi": "V", "dablyu": "W", "eks": "X", "vai": "Y", "jed": "Z", "zed": "Z",
}


# The schwa IAST writes after a letter name's consonant before the next letter's vowel.
_SCHWA_BEFORE_VOWEL = re.compile(r"(?<=[^aeiou])a(?=[aeiou])")


@functools.lru_cache(maxsize=4096)
def spelt_acronyms(word: str) -> tuple[str, ...]:
    """The Latin acronyms a Hindi word may spell by the English names of its letters (`सीबीआई`,
    sibiai: CBI; `डीआरडीओ`: DRDO), three letters or more, two of them of two letters or more;
    not a word said as one (`इसरो`, ISRO). Every reading, since letter names run together
    ambiguously (`सीबीएसई`, sibiesi: `si bi es i`, CBSE, or `si bi e si`, CBAC): the English tells."""
    roman = _hindi_word(word) if _DEVANAGARI_WORD.fullmatch(word) else ""
    roman = _SCHWA_BEFORE_VOWEL.sub("", roman)  # `एचएएल`: `ecaeel`, said `ech-e-el`, HAL
    found: dict[int, list[list[str]]] = {0: [[]]}
    for end in range(1, len(roman) + 1):
        for start in range(max(0, end - 6), end):
            letter = _HINDI_LETTER_NAMES.get(roman[start:end])
            if letter and start in found:
                found.setdefault(end, []).extend([*names, roman[start:end]] for names in found[start][:8])
    return tuple(
        dict.fromkeys(
            "".join(_HINDI_LETTER_NAMES[n] for n in names)
            for names in found.get(len(roman), ()) if len(roman) and len(names) >= 3 and sum(len(n) >= 2 for n in names) >= 2
        )
    )


# A Devanagari word glued to figures (`जी20`, `टी-20`).
_DEVANAGARI_FIGURES = re.compile(r"([\u0900-\u0963\u0971-\u097f]+)[-‐]?(\d+)")


def _letters_and_figures_written(word: str, source: str) -> bool:
    """Whether an English name of letters and figures (`G20`, `T20`) is written in a Hindi source
    as the letters' names glued to the same figures (`जी20`, `टी20`)."""
    match = re.fullmatch(r"([A-Z]{1,4})[-‐]?(\d+)", word)
    if match is None:
        return False
    letters, figures = match.groups()
    for found in _DEVANAGARI_FIGURES.finditer(source):
        if found.group(2) == figures:
            if letters == _HINDI_LETTER_NAMES.get(_hindi_word(found.group(1))) or letters in spelt_acronyms(found.group(1)):
                return True
    return False


def _initial_written(word: str, english: str) -> bool:
    """Whether a Hindi word is the name of a letter the English writes as an initial (`सी. पी.`: `C.P.`)."""
    letter = _HINDI_LETTER_NAMES.get(_hindi_word(word)) if _DEVANAGARI_WORD.fullmatch(word) else None
    return letter is not None and re.search(rf"\b{letter}\.", english) is not None


def _term(acronym: str) -> bool:
    """Whether an acronym is a term rather than a name (`GDP`, `GST`, `IPO`)."""
    return bool(expansions(acronym)) and not expansions(acronym, names_only=True)


@functools.lru_cache(maxsize=65536)
def _spelt_in_chinese(word: str) -> bool:
    """Whether Chinese writes an English name word by its characters, not by sound: a name in
    pinyin, or a country it names by meaning."""
    return word[:1].isupper() and (is_pinyin(word) or bool(_country_forms(_POSSESSIVE.sub("", word), "zh")))


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of `short` are in `long`, in order (`东航` in `东方航空`)."""
    rest = iter(long)
    return all(char in rest for char in short)


def _place_written(word: str, places: set[str]) -> bool:
    """Whether a word of a source name's English form is a place the English names (`places`,
    folded), as it is or as the acronym it is (`usa`: `united states`)."""
    from audit.names.cedict import english_key

    return word in places or any(english_key(full) in places for full in expansions(word.upper()))


def _initials(form: str) -> str:
    """The initials of an English name's words (`united states`: `US`)."""
    return "".join(word[0] for word in form.split() if word not in _FILLER).upper()


def _spelt_by(plain: str, syllables: tuple[frozenset[str], ...]) -> bool:
    """Whether a run of the syllables, any reading of each, spells `plain` letter for letter."""
    for start in range(len(syllables)):
        ends = {0}
        for readings in syllables[start:]:
            ends = {end + len(r) for end in ends for r in readings if plain.startswith(r, end)}
            if len(plain) in ends:
                return True
            if not ends:
                break
    return False


@functools.lru_cache(maxsize=256)
def _readings(text: str) -> tuple[frozenset[str], ...]:
    """Every tone-less reading of each character of a Chinese text (`重`: `zhong`, `chong`)."""
    from pypinyin import Style, pinyin

    return tuple(
        frozenset(reading.replace("ü", "u").replace("v", "u") for reading in readings)
        for readings in pinyin(text, style=Style.NORMAL, heteronym=True)
    )


def _known(name: str) -> bool:
    """Whether CLDR names the place in Japanese (`Europe`, `Japan`): a foreign name, not a reading."""
    from audit.names.exonyms import exonyms

    return bool(exonyms("ja").local_names(name))


@functools.lru_cache(maxsize=4096)
def _short_forms(name: str) -> tuple[str, ...]:
    """The short forms English writes for a CLDR name (`United States`: `America`)."""
    from audit.names.exonyms import SHORT_FORMS

    return tuple(short for short, full in SHORT_FORMS.items() if full == name)


@functools.lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """CLDR's English names of territories (countries, unions: `Japan`, `United Nations`) and their short forms."""
    from babel import Locale

    from audit.names.exonyms import SHORT_FORMS

    return frozenset(Locale("en").territories.values()) | frozenset(SHORT_FORMS)


@functools.lru_cache(maxsize=4096)
def _country_forms(name: str, lang: str) -> tuple[str, ...]:
    """A country's CLDR names in Chinese or Japanese kanji and its CC-CEDICT names in `国` (`日本`, `美国`).

    Only what CC-CEDICT gives for the whole name: `乌孙国` glosses a kingdom of Central Asia,
    not `Asia`; and only a territory's: a city is never written by its first character
    (`Almaty`, `阿拉木图`, is not the `阿` of `阿斯塔纳`, Astana).
    """
    from audit.names.cedict import chinese_names
    from audit.names.exonyms import exonyms

    if name not in _territories():
        return ()
    forms = [*exonyms(lang).local_names(name), *(form for form in chinese_names(name) if form.endswith(("国", "國")))]
    return tuple(form for form in forms if form and _KANJI.match(form))
