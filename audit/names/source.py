"""Names in a source text, and whether another text carries a counterpart of a name.

Source names are what a translation must carry over: runs of capitalised words that are
not sentence-initial (unless a place, a given name or a pair opens the sentence), acronyms,
and in a source in another script (Chinese, Japanese, Hindi) the Latin-script words it
quotes (`CEP`, `iPhone`). German capitalises every noun, so there a name must hold a proper
noun English knows (`Markus`, `Madrid`), be a CLDR name or an English name quoted whole
(`National Hurricane Center`): `Kontrolle der Unterkünfte` or `Roten Karte` are nouns.

A counterpart is looked up word by word on transliteration-folded keys (`name_key` of each
romanisation `translit.romanise` gives), allowing for inflection (`Kaczyńskiego`,
`Конашенкова`) through `stem_match`, for other languages' spellings (`Majorki` /
`Mallorca`) through `sounds_alike`, and through CLDR exonyms (`Südafrika` / `South
Africa`), given names (`Jan Paweł` / `John Paul`) and the acronyms international bodies
take in each language (`UN` / `ONZ` / `ООН`). Names of ordinary words are translated, not
carried over (`Guerra Fría` / `Cold War`): `is_translated_name`, `is_translatable` and
`may_translate` say when two such names can be one.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from anyascii import anyascii
from babel import Locale, UnknownLocaleError
from rapidfuzz import fuzz

from audit.names.abbreviations import abbreviations_of, equivalents, expansions
from audit.names.demonyms import demonym_places
from audit.names.exonyms import (
    SPELLED_OUT,
    acronym_forms,
    countries_of_capital,
    exonyms,
    given_name_forms,
    home_country,
    is_english_place,
    is_given_name,
    is_language_name,
    language_code,
    place_exonyms,
)
from audit.names.finder import ARTICLES, CONNECTORS, is_sentence_initial
from audit.names.gazetteer import NOTABLE_POPULATION, spellings_beginning
from audit.names.gazetteer import lookup as place_lookup
from audit.names.gazetteer import lookup_exact as place_lookup_exact
from audit.names.kontsevich import korean_readings
from audit.names.latin_bodies import either_case_first, named_bodies
from audit.names.latin_bodies import gloss_keys as latin_gloss_keys
from audit.names.lexicon import is_agent_compound, is_common_word, is_demonym, is_proper_noun
from audit.names.local_places import local_places
from audit.names.palladius import pinyin_readings
from audit.names.regions import european_city_regions, european_regions, regions, russian_regions
from audit.names.romanisers import RomanisedSource, chinese_person, latin_written, romaniser_language, spelt_acronyms
from audit.names.russian import has_verb, lemmas, parses
from audit.names.russian_source import (
    RussianName,
    capital_carried,
    confirmed_names,
    countries_of,
    english_forms,
    entity_names,
    forms_beside,
    gloss_keys,
    has_given_name_before,
    heard_in_english,
    locates_place,
    locates_source_place,
    names_a_place,
    names_one_part,
    names_region_of_source_place,
    opening_persons,
    owner_carried,
    russian_names,
    source_places,
    spelt_by_ear,
    unsourced_demonym,
    unwritten_place_names,
    unwritten_source_place,
    written_places,
)
from audit.names.russian_source import carried as russian_carried
from audit.names.terms import is_cyrillic_acronym, russian_terms
from audit.names.translit import romanise
from audit.names.variants import name_key, sound_stem, sounds_alike, stem_match
from audit.quoting import is_name_quotation, source_paragraphs
from audit.segment import paragraph_spans
from audit.types import Document

_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u097f])(?:[\w\u0300-\u036f\u0900-\u097f]|['’](?=[^\W\d_])|[-‐‑](?=\w))*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_ROMAN_NUMERAL = re.compile(r"^(?:[IVXLCDM]+|[IVXLC]{2,}(?:e|er|re|ème)|[IVX](?:e|er|re|ème))$")  # `XIVe` siècle
_VOWEL = re.compile(r"[AEIOUYaeiouy]")
_REGNAL_NUMBER = re.compile(r"[IVX]+")
_HYPHEN = re.compile(r"[-‐‑]")
_LETTER = re.compile(r"[^\W\d_]")
# What follows a name abbreviated in quotation marks (a newspaper: „Rz”, „GW”).
_ABBREVIATION_END = re.compile(r"[”’\"»]")
_SPACE = frozenset(" \u00a0\u202f\u2009")
# Lower-case words that may stand inside a source name, by language (articles excluded).
_SOURCE_CONNECTORS: dict[str, frozenset[str]] = {
    "de": frozenset({"von", "van", "zu", "de"}),
    "default": frozenset({"de", "da", "di", "du", "del", "della", "des", "do", "dos", "van", "von"}),
}
# Words that head or title a name in many languages and so say nothing about which name it is.
GENERIC = frozenset(
    [
        "president",
        "minister",
        "prime",
        "general",
        "major",
        "colonel",
        "king",
        "queen",
        "prince",
        "pope",
        "chancellor",
        "mayor",
        "governor",
        "senator",
        "secretary",
        "director",
        "chairman",
        "chief",
        "ceo",
        "sir",
        "saint",
        "st",
        "mount",
        "lake",
        "river",
        "university",
        "ministry",
        "party",
        "republic",
        "state",
        "states",
        "united",
        "national",
        "international",
        "federal",
        "city",
        "county",
        "province",
        "region",
        "district",
        "island",
        "islands",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "new",
        "great",
        "upper",
        "lower",
        "old",
        "the",
        "and",
    ]
)
# Acronyms that are ordinary terms, written in capitals in English but spelt out elsewhere.
GENERIC_ACRONYMS = frozenset(
    [
        "TV",
        "PC",
        "IT",
        "ID",
        "OK",
        "AM",
        "PM",
        "CEO",
        "CFO",
        "GPS",
        "SUV",
        "CD",
        "DVD",
        "SMS",
        "UFO",
        "IQ",
        "VIP",
        "LGBT",
        "LPG",
        "CO2",
        "PR",
        "HR",
        "IPO",
        "AI",
        "DJ",
        "MP",
        "GDP",
        "CPI",
    ]
)
_GENERIC_KEYS = frozenset(name_key(word) for word in GENERIC)
_CONNECTOR_KEYS = frozenset(name_key(word) for word in CONNECTORS) | ARTICLES


@functools.lru_cache(maxsize=64)  # asked of the same source and translation by several checks
def script_of(text: str) -> str:
    """`latin`, `cyrillic` or `other`: the script most of the letters are in."""
    if text.isascii():
        return "latin"
    latin = cyrillic = letters = 0
    for line in text.split("\n"):  # counted line by line, each line once per process
        line_latin, line_cyrillic, line_letters = _letter_counts(line)
        latin += line_latin
        cyrillic += line_cyrillic
        letters += line_letters
    if letters == 0:
        return "latin"
    if cyrillic >= latin and cyrillic * 2 >= letters:
        return "cyrillic"
    if latin * 2 >= letters:
        return "latin"
    return "other"


@functools.lru_cache(maxsize=8192)
def _letter_counts(line: str) -> tuple[int, int, int]:
    """A line's Latin letters, Cyrillic letters and letters of any script."""
    if line.isascii():
        return sum(map(str.isalpha, line)), 0, sum(map(str.isalpha, line))
    return len(_LATIN.findall(line)), len(_CYRILLIC.findall(line)), len(_LETTER.findall(line))


@dataclass(frozen=True, slots=True)
class SourceName:
    """A name in the source: offsets into the source text, and its spelling there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str
    initial: bool


# French and Italian elided articles and prepositions glued to a name: `l’UE`, `dell'ONU`, `qu'Emin`.
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[dD]ell|[aA]ll|[nN]ell|[sS]ull|[dD]all)['’](?=[^\W\d_])")


_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9]|[-'’](?=[A-Za-z]))*")


@functools.lru_cache(maxsize=16)
def _word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Word spans; in a text of another script (Chinese, Japanese) only its Latin words.

    No word crosses a line break: each line is read once per process (a feed repeats its paragraphs).
    """
    latin_only = script_of(text) == "other"
    if "\n" not in text:
        return _line_spans(text, latin_only)
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((start + offset, end + offset) for start, end in _line_spans(line, latin_only))
        offset += len(line) + 1
    return tuple(spans)


@functools.lru_cache(maxsize=8192)
def _line_spans(line: str, latin_only: bool) -> tuple[tuple[int, int], ...]:
    spans = []
    for match in (_LATIN_WORD if latin_only else _WORD).finditer(line):
        start = match.start()
        elided = _ELISION.match(match.group())
        if elided:
            start += elided.end()
        spans.append((start, match.end()))
    return tuple(spans)


# Saints' and titles' abbreviations a name goes on after, their full stop no sentence's end:
# `Placu Św. Piotra`, `kostel sv. Víta`, `piazza S. Marco`, `Sta. Cruz`, `Dr. Müller`.
_ABBREVIATED = frozenset("św sw sv svt hl st ste sta sto ss s sant dr prof gen ks abp bp mgr ing".split())


@functools.lru_cache(maxsize=16)  # read by several checks and look-ups per document
def words_of(text: str) -> tuple[_Word, ...]:
    return tuple(
        _Word(start, end, text[start:end], is_sentence_initial(text, start) and not _after_abbreviation(text, start))
        for start, end in _word_spans(text)
    )


def _after_abbreviation(text: str, start: int) -> bool:
    """Whether the word at `start` follows a saint's or title's abbreviation (`Św. Piotra`)."""
    before = text[max(0, start - 6) : start].rstrip()
    if not before.endswith("."):
        return False
    word = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
    return word[:1].isupper() and word.lower() in _ABBREVIATED


@functools.lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """`UN`, `NATO`, `MSWiA`, `NGOs`; not `WM-Punkte` or a Roman numeral."""
    if sum(map(str.isupper, word)) < 2:
        return False  # most words: settled without looking at letter pairs
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and letters[0].isupper()
        and sum(c.isupper() for c in letters) >= 2
        and not any(c.islower() and n.islower() for c, n in itertools.pairwise(word))
        and not _ROMAN_NUMERAL.match(word)
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not _ROMAN_NUMERAL.match(word)


def source_names(text: str, lang: str | None = None, *, single_words: bool = False) -> list[SourceName]:
    """The names a translation of `text` should carry over, sorted, non-overlapping.

    A lone capitalised word is often a translated common noun (`Organizace`, `Ville`,
    `Salud`), so it counts only when it is an acronym, a CLDR name or a proper noun
    English knows, unless `single_words` asks for all of them.
    """
    code = language_code(lang)
    script = script_of(text)
    words = words_of(text)
    if script == "other":
        candidates = [bool(_LATIN.match(w.text)) and len(w.text) >= 2 and _capitalised(w.text) for w in words]
    else:
        mid = {w.text for w in words if not w.initial and _capitalised(w.text)}
        candidates = [
            _capitalised(w.text) and (not w.initial or is_acronym(w.text) or w.text in mid) and not _unit_after_number(text, w)
            for w in words
        ]
        places = place_exonyms(code)
        for i, word in enumerate(words):
            if candidates[i] or not word.initial or not _capitalised(word.text):
                continue
            if i + 1 < len(words) and candidates[i + 1] and code != "de":
                candidates[i] = _adjacent(text, word, words[i + 1])  # `Jersey Dairy ha annunciato`
            else:  # `Madagaskar ist`, `Pedro dijo`: a place or a given name opens the sentence
                candidates[i] = bool(
                    places.english_names(word.text, inflected=False) or is_given_name(name_key(word.text))
                )
    connectors = _SOURCE_CONNECTORS.get(code or "", _SOURCE_CONNECTORS["default"])
    names: list[SourceName] = []
    singles: list[_Word] = []
    i = 0
    while i < len(words):
        if not candidates[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and _adjacent(text, words[j], words[j + 1]):
            if candidates[j + 1]:
                j += 1
            elif (
                words[j + 1].text in connectors
                and j + 2 < len(words)
                and candidates[j + 2]
                and _adjacent(text, words[j + 1], words[j + 2])
            ):
                j += 2
            else:
                break
        whole = list(words[i : j + 1])
        for run in _split_at_places(whole, code):
            if len(run) < len(whole) and not _keep_part(run, code):
                continue  # `Libre` of `Francia Libre`: what is left of a name beside its place
            if _keep(run, code, script, single_words):
                names.append(SourceName(run[0].start, run[-1].end, text[run[0].start : run[-1].end]))
            elif len(run) == 1:
                singles.append(run[0])
        i = j + 1
    # A word standing alone that is part of a longer name here is that name again (`Green` ... `Bethnal Green`).
    known = {word for name in names if " " in name.text for word in name.text.split()}
    names.extend(SourceName(w.start, w.end, w.text) for w in singles if w.text in known)
    return sorted(names, key=lambda name: name.start)


# SI unit symbols with a prefix in capitals (`GW`, `MWh`, `TWh`, `GHz`, `MB`), which look like acronyms.
_UNIT_SYMBOL = re.compile(r"[kMGTP](?:W|Wh|VA|V|Hz|B|J|Pa|t)|W|Wh|Hz|Pa")


def _unit_after_number(text: str, word: _Word) -> bool:
    """Whether a word is an SI unit symbol right after a number (`27,4 GW`, `14,2 TWh`): a unit,
    which English writes out (`gigawatts`), no name to carry over."""
    return _UNIT_SYMBOL.fullmatch(word.text) is not None and re.search(r"\d[\s\u00a0]?$", text[: word.start]) is not None


def _split_at_places(run: list[_Word], code: str | None) -> list[list[_Word]]:
    """`Минобороны России Игорь Конашенков` is three names: a place word stands alone."""
    if len(run) < 2:
        return [run]
    table = place_exonyms(code)
    if table.english_names(" ".join(w.text for w in run), inflected=False):
        return [run]  # `Regno Unito`: one place
    parts: list[list[_Word]] = [[]]
    i = 0
    while i < len(run):
        word = run[i]
        pair = " ".join(w.text for w in run[i : i + 2])
        if i + 1 < len(run) and table.english_names(pair, inflected=code != "de"):
            parts.extend([run[i : i + 2], []])  # `Саудовской Аравии Мухаммед`: the place is two words
            i += 2
            continue
        if table.english_names(word.text, inflected=code != "de") and word.text not in CONNECTORS:
            parts.extend([[word], []])
        else:
            parts[-1].append(word)
        i += 1
    trimmed = []
    for part in parts:
        while part and part[0].text in CONNECTORS | _SOURCE_CONNECTORS["default"]:
            part = part[1:]
        while part and part[-1].text in CONNECTORS | _SOURCE_CONNECTORS["default"]:
            part = part[:-1]
        if part:
            trimmed.append(part)
    return trimmed


def _keep_part(run: list[_Word], code: str | None) -> bool:
    """Whether a word split from a place's run is a name of its own: a place as written, a
    given name, a proper noun or an acronym (not a word an inflected place resembles)."""
    if len(run) > 1:
        return True
    word = run[0].text
    return bool(
        is_acronym(word)
        or is_proper_noun(word)
        or is_given_name(name_key(word))
        or place_exonyms(code).english_names(word, inflected=False)
        or language_code(code) == "ru"
    )


def _keep(run: list[_Word], code: str | None, script: str, single_words: bool) -> bool:
    if is_acronym(run[0].text) or script == "other":
        return run[0].text not in GENERIC_ACRONYMS or len(run) > 1
    if any(is_proper_noun(piece) for w in run for piece in re.split(r"[-‐‑]", w.text)):
        return True
    if len(run) == 1:
        word = run[0].text
        if is_given_name(name_key(word)):
            return True
        table = place_exonyms(code)
        if code == "de":  # German nouns would pass for inflected place names: exact, or a genitive -s
            return bool(
                table.english_names(word, inflected=False)
                or table.english_names(word.removesuffix("s"), inflected=False)
            )
        if table.english_names(word):
            return True
        if code != "de" and _notable_place(word):
            return True  # `Niigata`, `Gaziantep`: GeoNames knows them, CLDR does not
        return code != "de" and single_words
    if code == "de":  # `National Hurricane Center`, `North Shore`: an English name quoted whole
        return all(is_common_word(w.text) for w in run)
    return True


# A city this large, spelt as English spells it, is a name in any language (`Niigata`, `Gaziantep`).
_LARGE_CITY = 50_000
# A town this large has adjectives and demonyms of its own (`blanenský`, Blansko, 20,000).
_TOWN = 10_000


def _notable_place(word: str) -> bool:
    """A country, a region or a large city that GeoNames names exactly so in English."""
    return len(word) >= 4 and any(
        place.english.casefold() == word.casefold() and (place.kind != "city" or place.population >= _LARGE_CITY)
        for place in place_lookup_exact(word)[:3]
    )


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    gap = text[left.end : right.start]
    if gap[:1] == "." and len(gap) == 2 and gap[1] in _SPACE:
        return left.text.lower() in _ABBREVIATED and left.text[:1].isupper()  # `Św. Piotra`: one name
    return len(gap) == 1 and gap in _SPACE


# The scripts a romanised source writes GeoNames' places in.
_LOCAL_SCRIPTS = {"zh": ("han",), "ja": ("han", "kana"), "hi": ("devanagari",)}


def is_russian_source(text: str, lang: str | None) -> bool:
    """A Cyrillic text in Russian (or of no stated language): read with the Russian resources."""
    return script_of(text) == "cyrillic" and language_code(lang) in (None, "ru")


@functools.lru_cache(maxsize=65536)
def _word_keys(word: str, lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's acronyms (`BIP-Einheit`: `BIP`; `NHK's`: `NHK`) and its keys under every romanisation,
    worked out once per word."""
    pieces = [_POSSESSIVE.sub("", piece) for piece in _HYPHEN.split(word)]
    acronyms = tuple(piece.replace(".", "").upper() for piece in pieces if is_acronym(piece))
    bare = _POSSESSIVE.sub("", word)  # `Peter's` is also `Peter`, a given name of the tables
    keys = tuple(
        dict.fromkeys(key for form in dict.fromkeys((word, bare)) for spelling in romanise(form, lang) for key in name_key(spelling).split())
    )
    return acronyms, keys


@dataclass(frozen=True, slots=True)
class _LineWords:
    """One line's part of a `TokenIndex`: its words' keys (also by first letter and by first sound),
    its acronyms, and its two- and three-letter capitalised words, each with whether its first
    occurrence in the line stands before a closing quotation mark."""

    keys: frozenset[str]
    acronyms: frozenset[str]
    by_initial: dict[str, frozenset[str]]
    by_sound: dict[str, frozenset[str]]
    short_words: tuple[tuple[str, bool], ...]


@functools.lru_cache(maxsize=8192)
def _line_words(line: str, lang: str | None, script: str, russian: bool) -> _LineWords:
    keys: set[str] = set()
    acronyms: set[str] = set()
    short_words: dict[str, bool] = {}
    for start, end in _line_spans(line, script == "other"):
        word = line[start:end]
        word_acronyms, word_keys = _word_keys(word, lang)
        acronyms.update(word_acronyms)
        keys.update(word_keys)
        if 2 <= len(word) <= 3 and word.istitle() and word not in short_words:
            short_words[word] = _ABBREVIATION_END.match(line, end) is not None
        if russian and word[:1].isupper():  # `Цзиньпин`: `jinping`
            keys.update(key for reading in pinyin_readings(word) for key in name_key(reading).split())
    if russian:  # `Юн Сок Ёль`: `yoon`, `suk`, `yeol`
        keys.update(key for reading in korean_readings(line) for key in name_key(reading).split())
    by_initial: dict[str, set[str]] = defaultdict(set)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        by_initial[key[:1]].add(key)
        by_sound[sound_stem(key)[:1]].add(key)
    return _LineWords(
        frozenset(keys),
        frozenset(acronyms),
        {first: frozenset(group) for first, group in by_initial.items()},
        {first: frozenset(group) for first, group in by_sound.items()},
        tuple(short_words.items()),
    )


def _merged(lines: list[_LineWords]) -> tuple[frozenset[str], frozenset[str]]:
    """The union of the lines' keys and of their acronyms."""
    if len(lines) == 1:
        return lines[0].keys, lines[0].acronyms
    return frozenset().union(*(line.keys for line in lines)), frozenset().union(*(line.acronyms for line in lines))


class _Nearness:
    """A pairwise test between folded words, its answers kept process-wide: a feed asks whether
    the same word is near the same other words in document after document."""

    def __init__(self, test: Callable[[str, str], bool], limit: int = 250_000) -> None:
        self._test = test
        self._known: dict[str, tuple[set[str], set[str]]] = {}
        self._size = 0
        self._limit = limit  # answers kept, at most: memory stays flat on a feed of any size

    def any_of(self, key: str, others: frozenset[str]) -> bool:
        """Whether the test holds between `key` and any of `others`."""
        known = self._known.get(key)
        if known is None:
            if self._size >= self._limit:
                self._known.clear()
                self._size = 0
            known = self._known[key] = (set(), set())
        near, far = known
        if not near.isdisjoint(others):
            return True
        for other in others - near - far:
            self._size += 1
            if self._test(key, other):
                near.add(other)
                return True
            far.add(other)
        return False


def _short_case_form(short: str, long: str) -> bool:
    """A three-letter name under a Latin-script source's vowel case ending, which stem_match
    leaves to a whole match: a vowel after a final consonant (`hel`/`helu`), or a final vowel in
    place of another (`iva`/`ivy`, folded `ivi`)."""
    if short[-1] in "aeiouy":
        return len(long) == 3 and long[:2] == short[:2] and long[2] in "aeiouy"
    return len(long) == 4 and long.startswith(short) and long[3] in "aeiouy"


_NEAR_SPELLING = _Nearness(lambda key, other: stem_match(key, other) or sounds_alike(key, other))
_NEAR_SOUND = _Nearness(sounds_alike)
_NEAR_FRAME = _Nearness(stem_match)  # between foreign frames (`foreign_frame`)


# How English writes names that Russian respells (Arabic `th`: `Haitham` / `Хейсам`; Kazakh and
# Kyrgyz `j`: `Japarov` / `Жапаров`; Western Armenian voiceless stops: `Karekin` / `Гарегин`;
# German `v` heard as `f`: `Volker` / `Фолькер`, and `z` as `ц`: `Herzog` / `Герцог`; an `h` written `г`,
# opening a name or, as Russian's traditional forms of Arabic and Persian names have it, inside one,
# where Uzbek and Tajik, and English after them, keep `h` or `kh`: `Herman` / `Герман`, `Ibrokhim` /
# `Ибрагим`), read into one frame: those sounds merged, and the diphthongs `ai` and `ei` (`Хейсам`).
_FOREIGN_SOUNDS = (
    ("th", "s"), ("zh", "j"), ("ts", "s"), ("b", "p"), ("d", "t"), ("g", "k"), ("v", "f"), ("ai", "e"), ("ei", "e")
)  # fmt: skip
# An `h` of its own, not of `th`, `zh`, `sh` or `ch`.
_FOREIGN_H = re.compile(r"(?<![tzsc])h")
# An opening `j` before a vowel, said `y` in German, Dutch, Scandinavian and Italian names, which
# Russian writes `й`, `ю`, `я` and folds as `i` (`Juncker` / `Юнкер`, `Juventus` / `Ювентус`), and
# `ж` in Turkic ones (`Japarov` / `Жапаров`).
_OPENING_J = re.compile(r"^j(?=[aeiou])")
_CONSONANT = re.compile(r"[^aeiou]")


@functools.lru_cache(maxsize=65536)
def foreign_frame(key: str) -> str:
    """A folded word with those sounds merged (`haitham`, `heisam`: `hesam`); empty when it has
    fewer than three consonants, too few to tell names apart (`said`, `saed`)."""
    key = _FOREIGN_H.sub("g", key)  # an h Russian writes `г` (`Herman` / `Герман`, `Ibrohim` / `Ибрагим`)
    for old, new in _FOREIGN_SOUNDS:
        key = key.replace(old, new)
    return key if len(_CONSONANT.findall(key)) >= 3 else ""


@functools.lru_cache(maxsize=65536)
def foreign_frames(key: str) -> tuple[str, ...]:
    """`foreign_frame` of the key, and of its opening `j` said `y` (`juncker`: `junker`, `iunker`)."""
    frames = (foreign_frame(key), foreign_frame(_OPENING_J.sub("i", key)))
    return tuple(frame for frame in dict.fromkeys(frames) if frame)


# English vowel spellings Russian writes as it hears them (`Keir`: `Кир`, `Leavitt`: `Ливитт`,
# `Reid`: `Рид`, `Brooke`: `Брук`, a short u: `Musk`: `Маск`), and an opening w, which Russian
# writes `у` (`Witkoff`: `Уиткофф`, folded `v` and `u`).
_ENGLISH_VOWELS = re.compile(r"ea|ee|ei|ie|oo|ou|^u(?=[aeio])|(?<=[^aeiou])u(?=[^aeiou])")
_HEARD = {"ea": "i", "ee": "i", "ei": "i", "ie": "i", "oo": "u", "ou": "u"}


def _heard(match: re.Match[str]) -> str:
    text = match.group()
    return _HEARD.get(text) or ("v" if match.start() == 0 else "a")


# A Russian case ending on a folded foreign name (`uitkofom`, `uitkofa`), left after six letters.
_CASE_ENDING = re.compile(r"(?<=\w{5})(?:om|em|im|oi|ei|a|u|e|i)$")


@functools.lru_cache(maxsize=65536)
def english_vowels(key: str) -> str:
    """A folded word with English vowel spellings read as Russian hears them (`keir`: `kir`)."""
    return _ENGLISH_VOWELS.sub(_heard, key)


@functools.lru_cache(maxsize=8192)
def _lemma_keys(line: str) -> frozenset[str]:
    """Keys of the lemmas of a line of Russian's capitalised words (`Львом`: `lev`)."""
    return frozenset(
        key
        for start, end in _line_spans(line, False)
        if _capitalised(line[start:end])
        for form in lemmas(line[start:end])[:2]
        for spelling in romanise(form.capitalize(), "ru")
        for key in name_key(spelling).split()
    )


@functools.lru_cache(maxsize=8192)
def _given_forms(keys: frozenset[str]) -> frozenset[str]:
    """The keys that are given names, with every form of each (`jan`: `john`, `juan`...)."""
    found: set[str] = set()
    for key in keys:
        forms = given_name_forms(key)
        if forms:
            found |= forms | {key}
    return frozenset(found)


@functools.lru_cache(maxsize=8192)
def _respellings(keys: frozenset[str]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The keys as `foreign_frame` reads them (by first letter), and as `english_vowels` does."""
    frames: defaultdict[str, set[str]] = defaultdict(set)
    for frame in (frame for key in keys for frame in foreign_frames(key)):
        frames[frame[:1]].add(frame)
    heard = frozenset(english_vowels(key) for key in keys if len(key) >= 3)
    return {first: frozenset(group) for first, group in frames.items()}, heard


class TokenIndex:
    """The words of a text under every romanisation, for counterpart look-ups.

    A Russian text also accounts for the English words its acronyms, institutions, places
    and place adjectives stand for (`russian_source.gloss_keys`), consulted only when a
    word is not found among its own.
    """

    def __init__(self, text: str, lang: str | None = None) -> None:
        self.text = text
        self.lang = language_code(lang)
        self.script = script_of(text)
        self.russian = is_russian_source(text, lang)
        # A source in Chinese, Japanese or Hindi, romanised and searched by sound.
        romanised_as = romaniser_language(text, lang) if self.script == "other" else None
        self.romanised = RomanisedSource(text, romanised_as) if romanised_as else None
        self._given: frozenset[str] | None = None
        self._place_ids: frozenset[int] | None = None
        # No word crosses a line break: the index is the union of its lines' indexes, each worked
        # out once per process (a feed repeats its paragraphs), read with the whole text's script.
        lines = [_line_words(line, self.lang, self.script, self.russian) for line in text.split("\n")]
        self._lines = lines
        self._keys, self._acronyms = _merged(lines)
        # The keys by first letter and by first sound, gathered from the lines as a look-up asks.
        self._by_initial: dict[str, frozenset[str]] = {}
        self._by_sound: dict[str, frozenset[str]] = {}
        self._abbreviations: set[str] = set()
        self._frames: dict[str, frozenset[str]] = {}  # by first letter, gathered from the lines as asked
        self._respelt: dict[str, bool] = {}
        self._respelt_lines: list[tuple[dict[str, frozenset[str]], frozenset[str]]] = []
        self._heard: frozenset[str] | None = None  # the text's words as `english_vowels` reads them
        seen: set[str] = set()
        for line in lines:
            for word, quoted in line.short_words:
                if word not in seen:  # a word's first occurrence in the text decides (`„Rz”`)
                    seen.add(word)
                    if quoted:
                        self._abbreviations.add(name_key(word))  # „Rz” for `Rzeczpospolita`
        # has_word's and has_name's answers: the checks ask about the same words many times per document.
        self._found: dict[str, bool] = {}
        self._named: dict[tuple[str, str | None], bool] = {}

    def _given_names(self) -> frozenset[str]:
        """Every form of the given names in the text (`Janem` -> `jan`, `john`, `juan`...);
        in Russian, of their lemmas too (`Львом` -> `Лев`: `lev`, `leo`)."""
        if self._given is None:  # worked out line by line, each line once per process
            found = [_given_forms(line.keys) for line in self._lines]
            if self.russian:
                found.extend(_given_forms(_lemma_keys(line)) for line in self.text.split("\n"))
            self._given = frozenset().union(*found)
        return self._given

    def has_respelt(self, key: str) -> bool:
        """Whether a word of the text is `key` as Russian respells a foreign name (`foreign_frame`),
        or an English name as Russian hears its vowels (`english_vowels`: `Keir` / `Кир`)."""
        respelt = self._respelt.get(key)
        if respelt is None:
            respelt = self._respelt[key] = self._has_respelt(key)
        return respelt

    def _has_respelt(self, key: str) -> bool:
        if self._heard is None:  # each line's respellings worked out once per process, gathered once per text
            self._respelt_lines = [_respellings(line.keys) for line in self._lines]
            self._heard = frozenset().union(*(heard for _, heard in self._respelt_lines))
        if len(key) >= 3 and english_vowels(key) in self._heard:
            return True
        if self.lang == "en" and _CASE_ENDING.search(key) and english_vowels(_CASE_ENDING.sub("", key)) in self._heard:
            return True  # `Уиткоффом`: `Witkoff`, a case ending after the name Russian hears
        for frame in foreign_frames(key):
            others = self._frames.get(frame[:1])
            if others is None:
                others = self._frames[frame[:1]] = frozenset().union(
                    *(frames.get(frame[:1], ()) for frames, _ in self._respelt_lines)
                )
            if frame in others or _NEAR_FRAME.any_of(frame, others):
                return True  # `Жапарова`: `Japarov`; `Юнкер`: `Juncker`
        return False

    def has_word(self, key: str) -> bool:
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._has_word(key)
        return found

    def _has_word(self, key: str) -> bool:
        if key in self._keys:
            return True
        if self.script == "latin" and not self.russian and self.lang and key in latin_gloss_keys(self.text, self.lang):
            return True  # `Statistics Poland`: `GUS`; `Lower Saxony`: `Niedersachsens`; `Rome`: `Palazzo Chigi`
        if self.russian:  # look-ups first, then the spelling comparisons
            glosses = gloss_keys(self.text)
            if key in glosses or (key.endswith("s") and key[:-1] in glosses):
                return True
            if any(name_key(place) in glosses for place in demonym_places(key)):
                return True  # `Russian`: `российский`
        others = self._group(self._by_initial, "by_initial", key[:1])
        if others and _NEAR_SPELLING.any_of(key, others):
            return True
        if self.script == "latin" and len(key) == 3 and any(_short_case_form(key, other) for other in others):
            return True  # `Iva` / `Ivy`, `Hel` / `do Helu`
        if any(key.startswith(short) and len(key) >= len(short) + 4 for short in self._abbreviations):
            return True
        sound = sound_stem(key)[:1]
        if sound != key[:1] and _NEAR_SOUND.any_of(key, self._group(self._by_sound, "by_sound", sound)):
            return True  # `Austin` / `Остин`
        return self.russian and self.has_respelt(key)  # `Haitham`: `Хейсам`

    def _group(self, groups: dict[str, frozenset[str]], kind: str, first: str) -> frozenset[str]:
        """The text's keys whose first letter (`by_initial`) or first sound (`by_sound`) is `first`."""
        group = groups.get(first)
        if group is None:
            if len(self._lines) == 1:
                group = getattr(self._lines[0], kind).get(first, frozenset())
            else:
                group = frozenset().union(*(getattr(line, kind).get(first, ()) for line in self._lines))
            groups[first] = group
        return group

    def has_given_name_before(self, keys: list[str]) -> bool:
        """Whether the text writes a given name before the word that is `keys[0]`."""
        if not keys:
            return False
        if self.russian:
            return has_given_name_before(self.text, keys[0])
        words = words_of(self.text)
        forms = {keys[0], *given_name_forms(keys[0])}  # `Paul`: `Paweł`
        for previous, word in itertools.pairwise(words):
            if any(forms & set(name_key(s).split()) or stem_match(keys[0], name_key(s)) for s in romanise(word.text, self.lang)):
                return (
                    _adjacent(self.text, previous, word)
                    and _capitalised(previous.text)
                    and not previous.initial
                    and not self._after_locative(previous)
                )
        return False

    def _after_locative(self, word: _Word) -> bool:
        """Whether a word, no given name the table knows, follows a preposition of place (`w
        Ankarze Tuska`, `v Brně Novák`, `en Sevilla`): a place before the person, not a given name."""
        before = self.text[: word.start].split()[-1:]
        return bool(before) and before[0].lower() in _LOCATIVES and not is_given_name(name_key(word.text))

    def has_acronym(self, acronym: str) -> bool:
        """The acronym, another language's form of it, or what it stands for (`UK`: `Regno Unito`)."""
        forms = acronym_forms(acronym)
        if any(form in self._acronyms for form in forms):
            return True
        lower = self.text.lower()
        table = exonyms(self.lang)
        for form in forms:
            for expansion in expansions(form):
                if any(spelling.lower() in lower for spelling in (expansion, *table.local_names(expansion))):
                    return True
                if self.romanised is not None and self.has_name(expansion, "en"):
                    return True  # `US`: `米国`, `अमेरिका` (America)
        return False

    def spells_out(self, acronym: str) -> bool:
        """Whether the text writes out a term English abbreviates (`TV`: `telewizora`)."""
        beginnings = SPELLED_OUT.get(acronym) or SPELLED_OUT.get(acronym.removesuffix("s"))  # `MPs`
        if not beginnings:
            return False
        pattern = _spelled_out_pattern(beginnings)
        text = anyascii(self.text) if self.script == "cyrillic" else self.text  # `телеканал`: `telekanal`
        return pattern.search(text.lower()) is not None

    def has_name(self, name: str, name_lang: str | None = None) -> bool:
        """Whether a distinctive word of `name`, or a CLDR form of it, occurs in the text."""
        found = self._named.get((name, name_lang))
        if found is None:
            found = self._named[(name, name_lang)] = self._has_name(name, name_lang)
        return found

    def _has_name(self, name: str, name_lang: str | None) -> bool:
        if any(is_acronym(word) and self.has_acronym(word) for word in name.split()):
            return True
        english = language_code(name_lang) in (None, "en")
        if not english and self.script == "latin" and self._writes_body(name, language_code(name_lang)):
            return True  # `GUS`: `Statistics Poland`, `ČSÚ`: `Czech Statistical Office`
        if english and self.romanised is None and self._written_otherwise(name, name_lang):
            return True
        if self.romanised is not None and any(self.romanised.sounds_in(word) for word in _HYPHEN.split(name)):
            return True  # `Snowden` in `si nuo deng`, spelled by sound, not by `name_key`
        if self.romanised is not None and self.romanised.translates(name):
            return True  # `Islamic State`: `伊斯兰国`
        keys = distinctive_keys(name, name_lang)
        if not keys and self.romanised is not None and is_acronym(name.strip()):
            keys = [name_key(name)]  # `US`, `UN`: acronyms spelt like connectors, still names
        if any(self.has_word(key) for key in keys):
            return True
        if language_code(name_lang) == "ru" and any(self.has_respelt(key) for key in keys):
            return True  # `Гарегин`: `Karekin`
        if language_code(name_lang) == "ru" and any(
            name_key(reading) in self._keys for word in name.split() for reading in pinyin_readings(word)
        ):
            return True  # `Си Цзиньпин`: `Xi Jinping`
        if language_code(name_lang) == "ru" and any(name_key(r) in self._keys for r in korean_readings(name, alone=True)):
            return True  # `Юн Сок Ёль`: `Yoon Suk Yeol`; `Муном` of `Пан Ги Муном`: `Moon`
        if any(given_name_forms(key) & self._given_names() for key in keys):
            return True
        table = exonyms(self.lang)
        if english:
            forms = list(table.local_names(name) or table.local_names(table.cldr_english(name) or ""))
        else:
            forms = list(exonyms(name_lang).english_names(name))
        if english and self.romanised is not None:
            places = demonym_places(name) or (name,)  # `German`: `Germany`, written `德国`
            for place in places:
                forms.extend(exonyms(self.lang).local_names(place))
                for script in _LOCAL_SCRIPTS[self.romanised.lang]:
                    forms.extend(local_places().local_names(place, script))  # `Idlib`: `伊德利卜`
        if not english and " " in name.strip():
            forms.extend(
                f for word in name.split() for f in exonyms(name_lang).english_names(word)
            )  # `Минобороны России`
        generic = _territory_words(self.lang)
        for form in forms:
            if form in self.text or any(a in self._acronyms for a in abbreviations_of(form)):
                return True  # `Regno Unito`: `United Kingdom` or `UK`
            form_keys = distinctive_keys(form, self.lang)
            form_keys = _without_leading(form_keys, generic)  # `Îles Malouines`: `Malouines`
            if form_keys and all(self.has_word(key) for key in form_keys):
                return True
        if english and keys and (self._same_place(name) or self._derives_place(name)):
            return True
        if not english and keys and self.script == "latin" and script_of(name) == "latin" and self._writes_place(name):
            return True  # `Peking`, `La Haye`, `Ženeva`: GeoNames' names of `Beijing`, `The Hague`, `Geneva`
        return not keys

    def _writes_body(self, name: str, name_lang: str | None) -> bool:
        """Whether the text writes an English form of a body or region a Latin-script source name
        holds (`data/latin_bodies.tsv`, `data/eu_regions.tsv`), as the table writes it, case
        kept but the first letter: `central bank` is the bank of the source's country, `European
        Central Bank` another."""
        english, _context = named_bodies(name, name_lang or "")
        return any(re.search(rf"(?<!\w){either_case_first(form)}(?!\w)", self.text) for form in english)

    def _written_otherwise(self, name: str, name_lang: str | None) -> bool:
        """Whether the text has the name in its other English shape: an acronym written out
        (`EU`: `Evropské unie`), a name as its acronym (`European Union`: `l’UE`), a nationality
        as its country (`Portuguese`: `Portugals`)."""
        plain = name.strip()
        if is_acronym(plain) and " " not in plain:
            return any(self._has_whole(full, name_lang) for full in expansions(plain, names_only=True))
        if " " in plain and any(self.has_acronym(short) for short in abbreviations_of(plain)):
            return True
        return any(self.has_name(place, name_lang) for place in demonym_places(plain) if place != plain)

    def _has_whole(self, name: str, name_lang: str | None) -> bool:
        """Whether every distinctive word of the name, or of a CLDR form of it, is in the text."""
        forms = [(name, name_lang), *((form, self.lang) for form in exonyms(self.lang).local_names(name))]
        for form, lang in forms:
            keys = distinctive_keys(form, lang)
            if keys and all(self.has_word(key) for key in keys):
                return True
        return False

    def _same_place(self, name: str) -> bool:
        """Whether GeoNames lists the English name and a name of the text for one place (`Napoli`, `Neapel`)."""
        wanted = {place.id for place in place_lookup(name)}
        known = exonyms(self.lang).cldr_english(name)
        if known is not None:
            wanted.update(place.id for place in place_lookup(known))
        return bool(wanted) and bool(wanted & self._places())

    def _writes_place(self, name: str) -> bool:
        """Whether the text writes the English name of a notable place GeoNames lists `name` for
        (`Peking`: `Beijing`); not one that merely lists a word of the text among its own names."""
        return any(
            all(key in self._keys for key in name_key(place.english).split())
            for place in place_lookup(name)[:3]
            if place.kind != "city" or place.population >= NOTABLE_POPULATION
        )

    def _derives_place(self, name: str) -> bool:
        """Whether a word of the text is derived from a spelling of the English place: an adjective
        or a demonym (`Münchner`: `München`, Munich; `blanenských`: `Blansko`).

        The word and the spelling share all of the spelling but its last three letters (and at
        least four), a Czech or Slovak consonant softened before the suffix put back hard
        (`pražském`: `Praha`, `píseckém`: `Písek`); Latin-script texts only, which GeoNames spells.
        """
        if self.script != "latin" or " " in name.strip():
            return False
        wanted = {
            place.id
            for place in place_lookup_exact(name)[:3]
            if place.english.casefold() == name.casefold() and (place.kind != "city" or place.population >= _TOWN)
        }
        if not wanted:
            return False
        words = {w.text.casefold() for w in words_of(self.text) if len(w.text) >= 5}
        for word in words | {hard for soft in words for hard in _hardened(soft)}:
            for spelling, place in spellings_beginning(word[:4]):
                if place not in wanted:  # most spellings: of another place, compared no further
                    continue
                shared = len(os.path.commonprefix([spelling, word]))
                if shared >= max(4, len(spelling) - 3) and " " not in spelling:
                    return True
        return False

    def has_acronyms(self) -> bool:
        """Whether the text writes an acronym (`NATO`, `ООН`), which an English qualifier may replace."""
        return bool(self._acronyms) or (self.russian and any(is_cyrillic_acronym(w.text) for w in words_of(self.text)))

    def names_places(self) -> bool:
        """Whether the text names a place (or, in Russian, derives an adjective from one)."""
        return bool(source_places(self.text)) if self.russian else bool(self._places())

    def _places(self) -> frozenset[int]:
        """GeoNames ids of the places the text's capitalised words and pairs of them name."""
        if self._place_ids is None:  # no word or pair crosses a line break: each line's worked out once per process
            lines = self.text.split("\n")
            self._place_ids = frozenset().union(*(_line_place_ids(line, self.script == "other") for line in lines))
        return self._place_ids


# Prepositions of place a person's name does not follow (`w Ankarze`, `v Brně`, `en Sevilla`, `im Saarland`).
_LOCATIVES = frozenset({"w", "we", "v", "ve", "en", "in", "im", "à", "au"})


# Czech and Slovak soften a stem's last consonant before an adjective's ending (`Praha`:
# `pražský`, `Písek`: `písecký`, `Řevnice`: `řevnický`); the softened letter may stand for these.
_SOFTENED = {"ž": ("h", "g"), "š": ("ch", "s"), "č": ("k", "c"), "ř": ("r",), "c": ("k",)}


def _hardened(word: str) -> set[str]:
    """`word` with one softened consonant among its first five letters put back hard
    (`pražském`: `prahském`, `pragském`), for matching a place name's stem."""
    return {
        word[:i] + hard + word[i + 1 :]
        for i, char in enumerate(word[:5])
        if i >= 2
        for hard in _SOFTENED.get(char, ())
    }


@functools.lru_cache(maxsize=8192)
def _line_place_ids(line: str, latin_only: bool) -> frozenset[int]:
    """`TokenIndex._places` of one line."""
    spans = [(start, end) for start, end in _line_spans(line, latin_only) if end - start > 2 and _capitalised(line[start:end])]
    spellings = {line[start:end] for start, end in spans}
    spellings.update(
        f"{line[a:b]} {line[c:d]}" for (a, b), (c, d) in itertools.pairwise(spans) if c - b == 1 and line[b] in _SPACE
    )
    return frozenset(
        place.id
        for spelling in spellings
        for place in place_lookup(spelling)[:3]
        if place.kind != "city" or place.population >= NOTABLE_POPULATION  # not every hamlet
    )


@functools.lru_cache(maxsize=4096)
def name_index(name: str, lang: str | None = None) -> TokenIndex:
    """The index of a name's own words, one per spelling per process (with the answers it has
    given): a feed's documents ask about the same names again and again."""
    return TokenIndex(name, lang)


def _without_leading(keys: list[str], generic: frozenset[str]) -> list[str]:
    """Keys without the generic words that open them, unless only generic words are left."""
    start = 0
    while start < len(keys) and keys[start] in generic:
        start += 1
    rest = keys[start:]
    return rest if rest and not any(key in generic for key in rest) else keys


@functools.lru_cache(maxsize=32)
def _territory_words(lang: str | None) -> frozenset[str]:
    """Keys of the words many CLDR territory names share in a language (`îles`, `república`)."""
    counts: dict[str, int] = defaultdict(int)
    code = language_code(lang)
    try:
        names = Locale.parse(code).territories.values() if code else ()
    except (UnknownLocaleError, ValueError):
        names = ()
    for local in names:
        for key in set(name_key(local).split()):
            counts[key] += 1
    return frozenset(key for key, count in counts.items() if count >= 3)


@dataclass(frozen=True, slots=True)
class UnpairedName:
    """A source name with no counterpart in the translation, and what English could have written."""

    name: SourceName
    # English forms the tables, CLDR or GeoNames give for it (`МИД`: `Foreign Ministry`...).
    forms: tuple[str, ...] = ()
    # Whether an English name of ordinary words may be its translation (`Dzień Niepodległości`).
    translatable: bool = False


def pair_source_names(
    source: str, english: str, lang: str | None, *, single_words: bool = False
) -> tuple[list[str], list[UnpairedName]]:
    """(the source names `english` carries, the source names it has no counterpart for)."""
    carried, unpaired = _paired_source_names(source, english, lang, single_words)
    return list(carried), list(unpaired)


# N204 pairs a translation's names, N205 asks whether one was left unpaired; a feed repeats paragraphs.
@functools.lru_cache(maxsize=4096)
def _paired_source_names(
    source: str, english: str, lang: str | None, single_words: bool
) -> tuple[tuple[str, ...], tuple[UnpairedName, ...]]:
    index = TokenIndex(english, "en")
    if is_russian_source(source, lang):
        carried, unpaired = _pair_russian_names(source, english, index)
        return tuple(carried), tuple(unpaired)
    names = source_names(source, lang, single_words=single_words)
    found = [
        name.text
        for name in names
        if index.has_name(name.text, lang)
        or _glued_written(name.text, english)
        or _initials_written(name.text, english)
    ]
    return tuple(found), tuple(UnpairedName(n, translatable=is_translatable(n.text, lang)) for n in names if n.text not in found)


# A run of capitalised words, the small words of a name between them (`Japan Football Association`).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|on|de)\s+)*[A-Z][\w'’-]*)+")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "de"})


def _initials_written(name: str, english: str) -> bool:
    """A Latin acronym of the source (`JFA`, `ČNB`, `DB`) whose name the English writes out in full
    (`the Japan Football Association`, `the Czech National Bank`, `at Deutsche Bahn for Thursday`):
    the initials of consecutive words of a run of capitalised words, in any source language whose
    names keep English's word order, diacritics folded."""
    name = anyascii(name)
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return False
    return any(name in _run_initials(run) for run in _CAPITALISED_RUN.findall(anyascii(english)))


def _run_initials(run: str) -> str:
    """The initials of a run of capitalised words, its small words aside (`Japan Football Association`: `JFA`)."""
    return "".join(word[0] for word in anyascii(run).split() if word not in _SMALL_WORDS).upper()


def _spells_latin_acronym(name: str, index: TokenIndex) -> bool:
    """Whether a name of several capitalised words (`Deutsche Bahn`, `Force Ouvrière`) is written
    out from a Latin acronym of a Latin-script source (`DB`, `FO`), its initials in order, as N204
    pairs them."""
    if index.script != "latin" or index.russian or " " not in name:
        return False
    words = [w for w in name.split() if w not in _SMALL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    initials = _run_initials(name)
    return any(anyascii(word) == initials for word in re.findall(r"[\w]+", index.text) if is_acronym(word))


def _glued_written(name: str, english: str) -> bool:
    """A name of letters and figures (`F35B`, `G20`) the English writes with a hyphen between (`F-35B`)."""
    return any(char.isdigit() for char in name) and " " not in name and latin_written(name, english)


def leaves_source_names(source: str, english: str, lang: str | None) -> bool:
    """Whether `english` leaves a name of `source` without a counterpart (an empty translation
    leaves them all); a name of ordinary words English translates is not left (`Единой лиги
    ВТБ`: `VTB United League`), as N204 pairs it."""
    return not english or any(
        not _translated_in(u, english) for u in _paired_source_names(source, english, lang, False)[1]
    )


def _leaves_listed_names(source: str, english: str) -> bool:
    """Whether `english` leaves a Russian source name without a counterpart, an acronym no table
    lists (`ХК «Сибирь»`: `ХК`, hockey club, is no name a club's city took the place of) and a
    name English translates aside."""
    terms = russian_terms()
    return not english or any(
        not (is_cyrillic_acronym(u.name.text) and terms.lookup(u.name.text) is None) and not _translated_in(u, english)
        for u in _paired_source_names(source, english, "ru", False)[1]
    )


# A run of capitalised words, connectors between them (`VTB United League`, `War and Peace`).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for|on|in)\s+)*[A-Z][\w'’-]*)*")


def _translated_in(unpaired: UnpairedName, english: str) -> bool:
    """Whether `english` has a name of ordinary words that may translate `unpaired` (`United League`
    of `VTB United League` for `Единой лиги ВТБ`); an acronym opening or closing the run aside."""
    if not unpaired.translatable:
        return False
    for match in _CAPITALISED_RUN.finditer(english):
        words = match.group().split()
        while words and is_acronym(words[0]):
            words = words[1:]
        while words and is_acronym(words[-1]):
            words = words[:-1]
        run = " ".join(words)
        if run and is_translated_name(run, "ru") and may_translate(unpaired.name.text, run):
            return True
    return False


def quoted_names(text: str) -> list[tuple[int, int]]:
    """The spans of names a text sets in quotation marks (`«Спартак»`, `"Славянский базар"`)."""
    spans = []
    for paragraph in source_paragraphs(text):
        for quotation in paragraph.quotations:
            if (
                quotation.close is not None
                and is_name_quotation(text, quotation, english=False, has_verb=has_verb)
                and not _names_a_category(text, quotation.open.offset)
            ):
                spans.append((quotation.open.end, quotation.close.offset))
    return spans


_LAST_WORD = re.compile(r"([А-ЯЁа-яё-]+)\s+$")
# Words after which Russian quotes the name of an award's category or nomination (`в номинации
# «Лучший фильм»`), a description English writes in its own words and lower case (`best picture`).
_CATEGORY_LEMMAS = frozenset({"номинация", "категория", "подноминация"})


def _names_a_category(text: str, offset: int) -> bool:
    """Whether the quotation opening at `offset` names an award's category (`в номинации «Лучший фильм»`)."""
    match = _LAST_WORD.search(text, max(0, offset - 30), offset)
    return match is not None and bool(_CATEGORY_LEMMAS & set(lemmas(match.group(1).lower())))


def _title_before(text: str, offset: int) -> bool:
    """Whether a title stands right before `offset`: a title of the tables (`Главком ВСУ`) or a
    noun pymorphy3 reads first as a person's office (`Главнокомандующий ВСУ`, `Командующий`),
    which English writes with the body's country alone (`Ukraine's commander-in-chief`)."""
    match = _LAST_WORD.search(text, max(0, offset - 40), offset)
    if match is None:
        return False
    term = russian_terms().lookup(match.group(1))
    if term is not None:
        return term.kind == "title"
    readings = parses(match.group(1))[:1]
    return any({"NOUN", "anim"} <= p.tag.grammemes and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings)


def _forces_after_noun(text: str, name: RussianName) -> bool:
    """Whether a country's armed forces (a `military` row) follow a common noun they own or act
    by (`удара ВСУ`, `позиции ЦАХАЛ`), which English writes with the country's adjective alone
    (`a Ukrainian strike`, `Israeli positions`), as it does for a title before them."""
    if name.term is None or name.term.kind != "military":
        return False
    match = _LAST_WORD.search(text, max(0, name.start - 40), name.start)
    readings = parses(match.group(1))[:1] if match is not None else ()
    return any("NOUN" in p.tag.grammemes and not {"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes for p in readings)


def _pair_russian_names(source: str, english: str, index: TokenIndex) -> tuple[list[str], list[UnpairedName]]:
    """Capitalised runs taken apart by the tables; NER settles the names left without a counterpart."""

    def has_counterpart(name: RussianName) -> bool:
        if name.term is not None:  # a quoted name may be a ship or a club, spelt out (`«Арктика»`: `Arktika`)
            return russian_carried(name, english, source) or (name.quoted and index.has_name(name.text, "ru"))
        if not _letters_carried(name.text, english):
            return False  # `Т-Банк` is not `Alfa-Bank`: the letter tells the bank
        return (
            index.has_name(name.text, "ru")
            or russian_carried(name, english, source)
            or heard_in_english(name.text, english)
            or capital_carried(source, name, english)
        )

    def owns_carried(name: RussianName) -> bool:
        """A body that owns the table name or title before it, kept as its country (`Генштаб ВСУ`:
        `Ukraine's General Staff`; `Главком ВСУ`: `Ukraine's commander-in-chief`); armed forces
        after a noun, kept as their country's adjective (`удара ВСУ`: `a Ukrainian strike`)."""
        before = [n for n in names if n.end <= name.start and not source[n.end : name.start].strip()]
        owned = bool(before) and before[-1].term is not None and has_counterpart(before[-1])
        return (owned or _title_before(source, name.start) or _forces_after_noun(source, name)) and owner_carried(name, english)

    # Mid-sentence capitals are names in Russian, alone too (`в Твери`); so are quoted names (`«Зенит»`).
    runs = [(n.start, n.end) for n in source_names(source, "ru", single_words=True)]
    runs.extend(span for span in opening_persons(source) if not any(s <= span[0] < e for s, e in runs))
    names = russian_names(source, sorted(runs), quoted_names(source))
    unpaired = [name for name in names if not has_counterpart(name) and not (name.term and owns_carried(name))]
    if unpaired:
        settled = {  # by span: a table's one-word name may be both confirmed and an entity (`«Щелкунчик»`)
            (name.start, name.end): name
            for name in (
                *confirmed_names(source, unpaired),
                *entity_names(source, names, [name.start for name in unpaired]),
            )
            if not has_counterpart(name)
        }
        unpaired = list(settled.values())
    missing = {(name.start, name.end) for name in unpaired}
    carried = [name.text for name in names if (name.start, name.end) not in missing]
    return carried, [
        UnpairedName(
            SourceName(name.start, name.end, name.text),
            name.term.english if name.term else english_forms(name.text),
            translatable=name.translatable,
        )
        for name in unpaired
    ]


# A name's part that is one capital letter before a hyphen (`Т-Банк`, `Х-Холдинг`).
_LETTER_PART = re.compile(r"(?<![\w-])([А-ЯЁ])[-‐‑](?=\w)")


def _letters_carried(name: str, english: str) -> bool:
    """Whether `english` writes each one-letter part of a Russian name (`Т-Банк`: `T-Bank`),
    the part that tells the name from others built on the same word (`Alfa-Bank`)."""
    for match in _LETTER_PART.finditer(name):
        letters = {spelling[:1].upper() for spelling in romanise(match.group(1), "ru") if spelling}
        if not any(re.search(rf"(?<![\w-]){letter}[-‐‑]\w", english) for letter in letters):
            return False
    return True


@functools.lru_cache(maxsize=64)
def _spelled_out_pattern(beginnings: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, beginnings)) + ")")


def distinctive_keys(name: str, lang: str | None) -> list[str]:
    """The folded words of a name that identify it: no articles, connectors or titles."""
    return list(_distinctive_keys(name, language_code(lang)))


@functools.lru_cache(maxsize=65536)
def _distinctive_keys(name: str, lang: str | None) -> tuple[str, ...]:
    keys: list[str] = []
    everything: list[str] = []
    for spelling in romanise(name, lang):
        for key in name_key(spelling).split():
            if key in _CONNECTOR_KEYS or len(key) < 2:
                continue
            everything.append(key)
            if not is_generic_key(key):
                keys.append(key)
    return tuple(dict.fromkeys(keys or everything))


@functools.lru_cache(maxsize=65536)
def is_generic_key(key: str) -> bool:
    """A folded title or generic word, in English or a cognate spelling (`prasident`, `ministr`)."""
    return key in _GENERIC_KEYS or any(
        sounds_alike(key, generic) for generic in _generic_by_sound().get(sound_stem(key)[:1], ())
    )


@functools.lru_cache(maxsize=1)
def _generic_by_sound() -> dict[str, tuple[str, ...]]:
    """The generic keys of five letters or more by their first sound: `sounds_alike` pairs only
    words whose sounds open alike, so a key is compared with its own group alone."""
    groups: dict[str, list[str]] = defaultdict(list)
    for generic in sorted(_GENERIC_KEYS):
        if len(generic) >= 5:
            groups[sound_stem(generic)[:1]].append(generic)
    return {first: tuple(group) for first, group in groups.items()}


# A silent final `e` after a consonant or `y` (`Faye`, `Lacombe`), which Russian does not write (`Фай`, `Лакомб`).
_SILENT_E = re.compile(r"(?<=[a-df-hj-np-tv-z])e$")


def missing_words(name: str, index: TokenIndex, english: str = "") -> list[str]:
    """The words of an English name that should occur in `index`'s source and do not.

    A CLDR name found whole (`South Africa` / `Südafrika`) misses nothing, unless a Russian
    source names only the territory one word shorter inside it (`South Sudan` for `Судане`); otherwise every
    distinctive word (not common English, not a title, not a nationality) must be there (in a
    Russian source, a silent final `e` aside: `Faye` / `Фай`). In a Russian source, a nationality alone (`Chinese`) is missing only when it replaced
    a place of the source (`unsourced_demonym`, which reads the whole translation `english`);
    a country's own name is also compared as a name (`Poland`), and is missing when the
    source names another place spelt like it (`Iraq` / `Ирана`).
    """
    if index.russian and " " in name and _extends_source_territory(_without_possessive(name), index):
        return [name]  # `South Sudan` for `Судане`
    if index.russian and demonym_places(name) and not is_acronym(name):
        places = demonym_places(name)
        written = tuple(place for place in places if place in written_places(english))  # `South Korean`
        if _rival_place(_without_possessive(name), written or places, index.text):
            return [name]
        if index.has_name(name, "en"):
            return []
        if unsourced_demonym(name, index.text, english):
            return [name]
        # A country English adds (`said Russia was ready`) is missing only where it stands for a
        # place the source names and English writes only as a demonym (`Германия` / `Poland`).
        place = _without_possessive(name)
        return [name] if is_english_place(place) and unwritten_place_names(index.text, english) else []
    if _home_country_added(name, index, english):
        return []  # `Spain's Ibex 35` for `El Ibex 35`: the source's own country, context English adds
    if index.script == "latin" and _source_writes_place(_without_possessive(name), index.text):
        return []  # `Abu Dhabi` for `w Abu Zabi`: a name GeoNames lists for the place
    if index.script == "latin" and " " not in name and _ends_place_name(name, index, english):
        return []  # `Nisou` of `Jablonec nad Nisou` for `Jablonecku`: the rest of a town's name
    if index.spells_out(name) or (index.script == "latin" and _modifies_a_noun(name, english)):
        return []  # `ID`: `documento de identidad`, `TV` of `radio and TV fees`: a term, no name
    if _names_country_of_capital(_without_possessive(name), index):
        return []  # `Moscow said` for `Россия заявила`: a capital for its country's government
    if index.romanised is not None and index.romanised.abbreviates(_without_possessive(name)):
        return []  # `Shenzhen` for `沪深`: a place by its one-character abbreviation
    if " " in name and any(_latin_word(short, index.text) for short in abbreviations_of(_without_possessive(name))):
        return []  # `Japan Aerospace Exploration Agency` for `JAXAは`: the source writes its acronym
    if _spells_latin_acronym(_without_possessive(name), index):
        return []  # `Deutsche Bahn` for `bei der DB`, in the source's word order
    if index.russian and _spells_cyrillic_acronym(_without_possessive(name), index.text):
        return []  # `Federal Medical-Biological Agency` for `ФМБА`, which no table need list
    person = chinese_person(tuple(name.split()))
    if index.romanised is not None and index.romanised.lang == "zh" and person:
        # a Chinese person's name in pinyin (`Zhang Jun` of `Procurator-General Zhang Jun`) is
        # spelt, every word of it, by the source's characters, never just heard
        return [] if all(index.romanised.spells(part) for part in person) else list(person)
    table = exonyms(index.lang)
    known = table.cldr_english(name)
    if known is not None:
        if index.has_name(name, "en") or index.has_name(known, "en"):
            return []
        located = bool(english) and (
            _locates(name, index, english)
            if index.russian
            else _locates_written(name, index, english) or _country_of_written_place(name, index, english)
        )
        return [] if located and not leaves_source_names(index.text, english, index.lang) else [name]
    if is_acronym(name) and " " not in name:
        return [] if index.has_name(name, "en") else [name]
    words = re.split(r"[\s\-‐‑]+", name)
    missing: list[int] = []
    found: list[int] = []
    replaced: list[int] = []  # nationalities inside the name that stand for another place of the source
    # A name of ordinary words (`Independence Day`): a common word in it is no city (Independence, Missouri).
    ordinary = len(words) > 1 and is_translated_name(name, index.lang)
    for position, word in enumerate(words):
        if _REGNAL_NUMBER.fullmatch(word.rstrip(".")):
            if re.search(rf"(?<!\w){word.rstrip('.')}(?!\w)", index.text):
                found.append(position)  # `II` of `Catherine II`, as `Екатерина II` has it
            continue  # `III` of `King Mswati III` where the source has none: no anchor
        plain = _without_possessive(word)
        if (
            (index.russian or (index.script == "latin" and bool(english)))
            and (_possessive_place(words, position) or _possessive_owner(words, position))
            and not leaves_source_names(index.text, english, index.lang)
            and not _replaced_source_place(plain, index, english)
        ):
            continue  # `Germany's Alexander Zverev`, `St Petersburg's Pulkovo`: context, as a nationality is
        if len(words) > 1 and _home_country_added(plain, index, english):
            continue  # `Spain's` of `Spain's Civil Guard` for `La Guardia Civil`
        if index.russian and _region_kind_of(words, position):
            continue  # `Republic` of `Republic of Adygea`: the kind of region, its name judged on its own
        if index.russian and position == len(words) - 1 and position > 1 and words[position - 1] == "of" and is_english_place(plain):
            if not missing_words(plain, index, english):
                continue  # `Aryna Sabalenka of Belarus`: a nationality, judged as one
        if is_agent_compound(plain):
            continue  # `Firefighters`: people named by what they do, no name
        if not (
            _distinctive_english(word)
            or (index.romanised is not None and _place_word(word))
            or (index.script == "latin" and _region_word(plain))
        ):
            if index.russian and english and len(words) > 1 and _replaced_nationality(plain, index, english):
                replaced.append(position)  # `Colombian President Claudia Sheinbaum` for `Мексиканский президент`
            if _may_anchor(word) and (index.has_name(plain, "en") or (index.russian and spelt_by_ear(plain, index.text))):
                found.append(position)  # `Macron`, a common word too, still names the person
            elif index.russian and english and not ordinary and _replaced_source_place(plain, index, english):
                replaced.append(position)  # `Perm airport` for `уфимского аэропорта`
            elif _surname_like_nationality(words, position) and index.russian and spelt_by_ear(plain, index.text):
                found.append(position)  # `Turk` of `Volker Turk`, as `Тюрк` is spelt
            continue
        if index.has_name(plain, "en") or _after_same_particle(words, position, index):
            found.append(position)
        elif index.russian and spelt_by_ear(plain, index.text):
            found.append(position)  # `Powell` / `Пауэлл`: English spelling, Russian ear
        elif index.russian and _SILENT_E.search(plain) and index.has_name(plain[:-1], "en"):
            found.append(position)  # `Faye` / `Фай`, `Lacombe` / `Лакомб`: a final `e` no one says
        elif index.russian and _spells_source_place(plain, index.text):
            found.append(position)  # `Togliatti` / `тольяттинский` (Tolyatti): GeoNames' other spelling
        else:
            missing.append(position)
    if missing and index.russian and english and _replaces_source_place(words, missing, index, english):
        return [words[position] for position in sorted(missing + replaced)]  # no context English adds
    if missing and index.russian and english and not leaves_source_names(index.text, english, index.lang):
        missing = [p for p in missing if not _locates(_without_possessive(words[p]), index, english)]
    hyphened = frozenset(i for i, gap in enumerate(re.findall(r"[\s\-‐‑]+", name)) if not gap.isspace())
    if missing and found and _added_words(words, missing, found, index, english, hyphened):
        missing = []
    if missing and not index.russian and english and not leaves_source_names(index.text, english, index.lang):
        missing = [
            p
            for p in missing
            if not _locates_written(_without_possessive(words[p]), index, english)
            and not _region_of_written_place(_without_possessive(words[p]), index, english)
        ]
    if missing and found and index.script == "latin" and not index.russian and english and _added_after(name, words, missing, found):
        if not leaves_source_names(index.text, english, index.lang):
            missing = []  # `Legia Warsaw` for `Legią`, `Atletico Madrid` for `Atleti`: a club's city English adds
    added = missing and found and index.russian
    if added and (_added_after(name, words, missing, found) or _completes_name(words, missing, found, index)):
        if english and not _leaves_listed_names(index.text, english):
            missing = []  # a club's city: `Traktor Chelyabinsk` for `«Трактор»`; `Gukesh Dommaraju` for `Гукеш`
    return [words[position] for position in sorted(missing + replaced)]


def _home_country_added(name: str, index: TokenIndex, english: str) -> bool:
    """Whether English names the country a Latin-script source's language is written in (CLDR's
    likely subtags: `Spain` for Spanish), or its nationality, where the source leaves it
    implicit (`Spain's Ibex 35` for `El Ibex 35`, `the Czech cities of Ostrava and Opava`): context
    for a reader abroad, as long as the translation leaves no source name unpaired that it
    could have taken the place of (`Spain` for `Portugal` stays a warning)."""
    if index.script != "latin" or index.russian or not english:
        return False
    home = home_country(index.lang)
    plain = _without_possessive(name)
    if home is None or home not in (plain, *demonym_places(plain)):
        return False
    return not leaves_source_names(index.text, english, index.lang)


def _extends_source_territory(name: str, index: TokenIndex) -> bool:
    """Whether a territory English names (`South Sudan`) holds in its name another the source
    names (`Судане`: Sudan), a word short, and the source writes none of the words its own name
    has beyond that one's (`Южный`, as of `Южный Судан`; `Южной` of `Южной Африке` is `Южно-`):
    another country, found by its shared word."""
    table = exonyms("ru")
    if table.cldr_english(name) != name:
        return False
    named = {place for places in source_places(index.text, confirmed=False) for place in places}
    words = set(name.split())
    inner = [place for place in named if place != name and set(place.split()) < words]
    if not inner or name in named:
        return False
    known = {local.lower() for place in inner for local in table.local_names(place)}
    extra = {
        word[:3]  # `южн` of `Южный`, `Южном`, `Южно-`
        for local in table.local_names(name)
        for word in re.findall(r"[а-яё]+", local.lower())
        if word not in known and len(word) >= 4
    }
    return bool(extra) and not any(word.lower()[:3] in extra for word in re.findall(r"[А-ЯЁа-яё]+", index.text))


# What English calls a Russian region before `of` and its name (`Republic of Tatarstan`).
_REGION_KINDS = frozenset({"Republic", "Region", "Oblast", "Krai", "Territory", "Okrug"})


def _region_kind_of(words: list[str], position: int) -> bool:
    """Whether the word is the kind of region before `of` and a name the region table knows
    (`Republic` of `Republic of Adygea`), as English writes a region's full name."""
    return (
        words[position] in _REGION_KINDS
        and words[position + 1 : position + 2] == ["of"]
        and " ".join(words[position + 2 :]) in russian_regions()
    )


def _spells_source_place(word: str, text: str) -> bool:
    """Whether GeoNames reads an English word as the very place a Russian source names or derives
    an adjective from, under another spelling than ours (`Togliatti` for `Тольятти`, Tolyatti)."""
    wanted = {place.id for place in place_lookup(word)[:3]}
    if not wanted:
        return False
    named = {name for names in source_places(text, confirmed=False) for name in names}
    return any(place.id in wanted for name in named for place in place_lookup(name)[:3])


def _replaced_source_place(place: str, index: TokenIndex, english: str) -> bool:
    """Whether a country or a notable city English writes (`Perm`, a common word too) stands where
    a place of a Russian source is written by none of its names (`уфимского аэропорта`): it
    replaced it, unless it is the country of a source city (`Japan's Nikkei` for `Токийский
    индекс Nikkei`). Regions aside: GeoNames and CLDR name some by common words (`Bay`, `World`)."""
    return (
        any(p.kind == "country" or (p.kind == "city" and p.population >= NOTABLE_POPULATION) for p in place_lookup_exact(place)[:3])
        and not index.has_name(place, "en")
        and unwritten_source_place(index.text, english)
        and not any(place in countries_of(name) for names in source_places(index.text) for name in names)
    )


def _replaces_source_place(words: list[str], missing: list[int], index: TokenIndex, english: str) -> bool:
    """Whether a missing word of a name, with the capitalised words English writes before it, is
    a place that replaced one of a Russian source (`Abu Dhabi` of `Abu Dhabi International Airport`
    for `Дубайский международный аэропорт`): then it is no context English adds."""
    for position in missing:
        word = _without_possessive(words[position])
        for match in re.finditer(rf"((?:[A-Z][\w'’-]*\s+){{0,2}}){re.escape(word)}\b", english):
            before = match.group(1).split()
            runs = (" ".join([*before[i:], word]) for i in range(len(before) + 1))
            if any(_replaced_source_place(run, index, english) for run in runs):
                return True
    return False


def _replaced_nationality(word: str, index: TokenIndex, english: str) -> bool:
    """Whether a nationality opening or inside an English name of a Russian source, judged as a
    nationality alone, replaced a place of the source (`Colombian President` for `Мексиканский
    президент`, `the Swedish Maritime Authority` for `Датское морское агентство`); `Korean` of
    `South Korean` is judged as the pair, which `written_places` reads."""
    return is_demonym(word) and bool(demonym_places(word)) and bool(missing_words(word, index, english))


# The capitalised words right before an opening parenthesis, and the small words between them.
_NAME_BEFORE_PARENTHESIS = re.compile(r"((?:[A-Z][\w'’.-]*[\s\u00a0]+(?:(?:of|the|and|for|on|de)\s+)*){1,8})\($")


# How near (rapidfuzz ratio of sound stems) an English name and a source word must be for the
# word to be taken as that name in the source's language (`Scotland` / `Scozia`, `Bavaria` /
# `Baviera`, `England` / `Anglia`); another name put in is rarely this near to one left out.
_EXONYM_LIKENESS = 60


def names_person(name: str) -> bool:
    """Whether a word of the name is a given name (`David Brian Tennant`, `Lucía Fernández`)."""
    return any(is_given_name(name_key(word)) for word in name.split())


def _known_name(word: str, lang: str | None) -> bool:
    """Whether a word is a given name, or a place CLDR or GeoNames names (in English `lang`, as
    English writes it): what it stands for is known, and unlike a name no table pairs, it is no
    other language's form of a name it merely sounds like."""
    if is_given_name(name_key(word)):
        return True
    if language_code(lang) == "en":
        return is_english_place(word) or _notable_place(word)
    return bool(place_exonyms(lang).english_names(word)) or _notable_place(word)


def resembling_word(name: str, name_lang: str | None, text: str, text_lang: str | None, other: str, other_lang: str | None) -> str | None:
    """A capitalised word of `text` that no word of `other` carries and that sounds roughly like
    a word of `name` (`Scozia` for `Scotland`, `Krym` for `Crimea`, and back): one name in two
    languages, which no table pairs (regions, rivers, towns CLDR does not name), rather than a
    name put in for another. Latin-script texts only."""
    if script_of(text) != "latin" or script_of(other) != "latin" or " " in name.strip() or names_person(name):
        return None  # a person's name (`Lucía Fernández`) is compared by spelling and given names
    other_index = name_index(other, other_lang)
    wanted = {
        stem
        for spelling in romanise(name, name_lang)
        for key in name_key(spelling).split()
        if len(stem := sound_stem(key)) >= 4
    }
    if not wanted:
        return None
    for candidate in words_of(text):
        word = candidate.text
        if len(word) < 4 or not _capitalised(word) or is_acronym(word) or candidate.initial:
            continue  # a sentence's first word is capitalised whatever it is (`Since`)
        if language_code(text_lang) == "en" and is_common_word(word):
            continue
        _, keys = _word_keys(word, text_lang)
        if not keys or any(other_index.has_word(key) for key in keys):
            continue  # `other` carries it: no counterpart left over
        if _known_name(word, text_lang):
            continue  # `Neuseeland`, `Carla`: known as another name, which contradicts `name`
        stems = {stem for key in keys if len(stem := sound_stem(key)) >= 4}
        if any(fuzz.ratio(a, b) >= _EXONYM_LIKENESS for a in wanted for b in stems):
            return word
    return None


def glosses_written_name(text: str, start: int, end: int) -> bool:
    """Whether the acronym at [start, end) stands in parentheses after the name it abbreviates
    (`Federal Security Service (FSB)`, `Collective Security Treaty Organisation (CSTO)`):
    English repeats a name it has just written out, which is judged itself. The name is one the
    tables give for the acronym, or it spells the acronym as Schwartz and Hearst's rule for
    abbreviations in parentheses reads one: its letters found in the name right to left, the
    first opening a word (`Tokyo Electric Power Company Holdings (TEPCO)`); a mixed-case
    abbreviation counts there too (`Russian Athletics Federation (RusAF)`)."""
    acronym = text[start:end]
    if not (is_acronym(acronym) or _MIXED_ABBREVIATION.fullmatch(acronym)) or text[end : end + 1] != ")":
        return False
    match = _NAME_BEFORE_PARENTHESIS.search(text, max(0, start - 120), start)
    if match is None:
        return False
    before = match.group(1).split()
    written = " ".join(before).casefold()
    if any(written.endswith(form.casefold()) for form in (*equivalents(acronym), *forms_beside(acronym)) if " " in form):
        return True
    short = acronym.replace(".", "")
    return len(short) >= 2 and _spells_abbreviation(short.lower(), " ".join(before[-(len(short) + 5) :]).lower())


# An abbreviation of capitals and small letters (`RusAF`, `RusADA`), which English writes in
# parentheses after the name it shortens.
_MIXED_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,3}(?:[A-Z][a-z]{0,3}){1,4}")
# An acronym in parentheses right after a name (`All Nippon Airways (ANA)`).
_PARENTHESISED_ACRONYM = re.compile(r"[\s\u00a0]*\(([A-Z][A-Za-z0-9&]{1,9})\)")
# The rest of a name written out after a connector, up to its acronym in parentheses
# (`Nippon Telegraph` of `Nippon Telegraph and Telephone Corp. (NTT)`).
_REST_OF_NAME = re.compile(r"(?:[\s\u00a0]+(?:and|of|for|&)(?:[\s\u00a0]+[A-Z][\w'’.-]*)+)?")


def writes_out_source_acronym(
    text: str, start: int, end: int, source: str, lang: str | None, heard: Callable[[str], bool] | None = None
) -> bool:
    """Whether the name at [start, end) is written out before an acronym in parentheses that the
    source uses (`All Nippon Airways (ANA)` for `ANAは`, `Hindustan Aeronautics Ltd (HAL)` for
    `एचएएल`, which Hindi spells by the letters' names, `Bharat Heavy Electricals Ltd (BHEL)` for
    `भेल`, an acronym said as a word, which `heard` hears whole): the name is the source's acronym
    in full, as Schwartz and Hearst's rule reads the acronym in the name."""
    after = _PARENTHESISED_ACRONYM.match(text, _REST_OF_NAME.match(text, end).end())  # type: ignore[union-attr]
    if after is None:
        return False
    acronym = after.group(1)
    if (
        re.search(rf"(?<![A-Za-z]){re.escape(acronym)}(?![A-Za-z])", source) is None
        and not (
            lang == "hi"
            and any(acronym.upper() in spelt_acronyms(word) for word in re.findall(r"[\u0900-\u0963\u0971-\u097f]+", source))
        )
        and not (heard is not None and len(acronym) >= 3 and heard(acronym))
    ):
        return False
    match = _NAME_BEFORE_PARENTHESIS.search(text, max(0, start - 120), after.start(1))
    before = match.group(1).split() if match else text[start:end].split()
    return _spells_abbreviation(acronym.lower(), " ".join(before[-(len(acronym) + 5) :]).lower())


def _spells_abbreviation(short: str, long: str) -> bool:
    """Whether the letters of `short` are found in `long` right to left, in order, the first of
    them at the start of a word (Schwartz and Hearst, 2003): `tepco` in `tokyo electric power
    company holdings`, `fsb` in `federal security service`; not `fso`."""
    at = len(long) - 1
    for position in range(len(short) - 1, -1, -1):
        letter = short[position]
        while at >= 0 and (long[at] != letter or (position == 0 and at > 0 and long[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True


def _locates(word: str, index: TokenIndex, english: str) -> bool:
    """Whether English writes `word` as context for a place of the Russian source: its region
    (`Orsk, a city in Russia's Orenburg region` for `Орск`) or a city near it (`Krasnogorsk,
    outside Moscow` for `Красногорск`)."""
    return names_region_of_source_place(word, index.text, english) or locates_source_place(word, index.text, english)


def _locates_written(word: str, index: TokenIndex, english: str) -> bool:
    """Whether English writes `word` as a city near a place a Latin-script source names as
    GeoNames writes it (`Poissy, west of Paris` for `à Poissy`): context for a smaller place."""
    return index.script == "latin" and locates_place(word, re.findall(r"(?<!\w)[^\W\d_][\w'’-]*", index.text), english)


# The words of a region's name that say where or what it is, not which (`Lower Silesia`, `Basque Country`).
_REGION_GENERIC = frozenset(
    {"Lower", "Upper", "Greater", "Lesser", "West", "Western", "East", "South", "North", "Central", "Centre"}
    | {"Country", "Islands", "Community", "Valley", "Grand", "Alto", "Pays"}
)


@functools.lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """The words that name the six European countries' regions (`Silesia`, `Saxony`; not `Lower`,
    `Country`, nor a country's name: `Greater Poland`): names, though GeoNames lists no city so
    and Webster's lists some (`Silesia`)."""
    words = {word for region in european_regions() for word in re.split(r"[\s-]+", region)}
    return frozenset(
        word for word in words if len(word) >= 4 and word[:1].isupper() and word not in _REGION_GENERIC and not is_english_place(word)
    )


def _region_word(word: str) -> bool:
    """Whether a word is of a European first-level region's name (`_region_words`)."""
    return word in _region_words()


def _region_of_written_place(word: str, index: TokenIndex, english: str) -> bool:
    """Whether `word` is of a first-level region English names (`Abruzzo`, `Saxony` of `Lower
    Saxony`; `data/eu_regions.tsv`) where GeoNames puts a town a Latin-script source writes
    (`Ortona, in Abruzzo` for `a Ortona`): context wire copy adds, as a country after a town is."""
    if index.script != "latin":
        return False
    named = {european_regions()[region] for region in european_regions() if word in re.split(r"[\s-]+", region) and region in english}
    return bool(named & _regions_written(index.text))


@functools.lru_cache(maxsize=1024)
def _regions_written(source: str) -> frozenset[tuple[str, str]]:
    """The (country, first-level region) codes of the towns a Latin-script source writes as runs
    of one to three capitalised words, in the countries of `data/eu_regions.tsv`."""
    words = re.findall(r"(?<!\w)[^\W\d_][\w'’-]*", source)
    located = european_city_regions()
    found: set[tuple[str, str]] = set()
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if all(word[:1].isupper() for word in run):
                found.update(located[place.id] for place in place_lookup_exact(" ".join(run)) if place.id in located)
    return frozenset(found)


# The small words inside a town's name before the river or feature it lies by (`Ústí nad Labem`,
# `Frankfurt an der Oder`, `Châlons-en-Champagne`, `Sesto San Giovanni`).
_PLACE_INNER = r"(?:nad|pod|na|u|an der|am|an|im|bei|sur|sous|en|lès|de|del|della|di|in)"


def _ends_place_name(word: str, index: TokenIndex, english: str) -> bool:
    """Whether English writes `word` at the end of a town's full name that GeoNames lists, whose
    head the Latin-script source names (`Jablonec nad Nisou`, `Ústí nad Labem` for `Jablonecku`,
    `ústeckého`): the official name English gives in full, no name put in."""
    for match in re.finditer(rf"((?:[A-Z][\w'’]*[\s-]){{1,2}}){_PLACE_INNER}[\s-]{re.escape(word)}\b", english):
        head = match.group(1).split()[0].rstrip("-")
        if place_lookup_exact(match.group().replace("-", " ")) and index.has_name(head, "en"):
            return True
    return False


def _source_writes_place(name: str, source: str) -> bool:
    """Whether a Latin-script source writes the place English calls `name` by another of the
    names GeoNames lists for it, as many words long (`Abu Zabi`, `Mailand`): the same place."""
    return name in _places_written(source, len(name.split()))


@functools.lru_cache(maxsize=1024)
def _places_written(source: str, size: int) -> frozenset[str]:
    """The English names of the places a Latin-script source writes as runs of `size`
    capitalised words: looked up once per source, not once per English name asked about."""
    words = re.findall(r"(?<!\w)[^\W\d_][\w'’-]*", source)
    names = set()
    for start in range(len(words) - size + 1):
        run = words[start : start + size]
        if all(word[:1].isupper() for word in run):
            places = place_lookup_exact(" ".join(run))
            if places:
                names.add(places[0].english)
    return frozenset(names)


# English's closed-class words and a few verbs of saying: what follows a name, not a noun it qualifies.
_FUNCTION_WORDS = (
    "and|or|but|nor|of|in|on|at|to|for|with|by|from|as|than|is|are|was|were|has|have|had|will|would|can|could|"
    "may|might|must|should|said|says|say|that|which|who|whose|where|when|while|the|a|an|its|their|his|her"
)


def _modifies_a_noun(name: str, english: str) -> bool:
    """Whether `name` is an acronym of an ordinary term that English writes inside a lower-case
    noun phrase, before a noun it qualifies (`TV` of `radio and TV licence fees`, `quarterly GDP
    growth`): a term English may add, no name; at a clause's head it may stand for a body (`LPG
    estimated`, `the charity LPG,`), and is judged as a name."""
    return name in GENERIC_ACRONYMS and re.search(rf"\b[a-z][\w-]* {re.escape(name)} (?!{_FUNCTION_WORDS}\b)[a-z]+(?<!ed)\b", english) is not None


def _country_of_written_place(country: str, index: TokenIndex, english: str) -> bool:
    """Whether English writes `country` right after a place a Latin-script source names that
    GeoNames puts in it (`Tromsø, Norway`, `Bastia in France` for `w Tromsø`, `à Bastia`): the
    country wire copy adds to place a town abroad, context as a city that locates it is."""
    if index.script != "latin":
        return False
    codes = {place.country for place in place_lookup_exact(country) if place.kind == "country"}
    for match in re.finditer(rf"(?<!\w)(\S+)(?:,|\s+in)\s+{re.escape(country)}\b", english):
        words = english[: match.end(1)].split()[-3:]  # the place, of up to three words
        for first in range(len(words)):
            place = " ".join(words[first:])
            if index.has_name(place, "en") and any(
                found.country in codes for found in place_lookup_exact(place) if found.kind == "city"
            ):
                return True
    return False


def _place_word(word: str) -> bool:
    """A capitalised word that names a country, region or large city (`Japan`, `Tibet`, `Atlantic`),
    or a province, prefecture or state of China, Japan or India (`Fujian`, `Kerala`; `data/asian_regions.tsv`).

    English spells many places as common words (`japan`, `china`, `turkey`, `fujian`), which a Latin
    source may translate; a Chinese, Japanese or Hindi source writes every place by its own
    name, which CLDR, GeoNames and CC-CEDICT give, so the place is compared there too.
    """
    plain = _without_possessive(word)
    if plain in regions():
        return True  # `Fujian`, though it ends as a demonym does
    return (
        plain[:1].isupper()
        and plain.lower() not in GENERIC
        and plain.lower() not in CONNECTORS
        and not is_demonym(plain)
        and (is_english_place(plain) or (_notable_place(plain) and not is_common_word(plain)))
    )


# Particles of Arabic names (`bin Zayed`, `бен Заид`), folded: after one, a name's vowels vary
# too much across romanisations to compare more than its consonants.
_NASAB = frozenset({"bin", "ben", "ibn", "bint", "abu", "abd"})
_NOT_CONSONANT = re.compile(r"[aeiouy]")


def _after_same_particle(words: list[str], position: int, index: TokenIndex) -> bool:
    """Whether the source has the word's consonants after the same particle (`bin Zayed` /
    `бен Заид`: `s`, `d`), where English and Russian spell its vowels their own ways."""
    if position == 0 or name_key(words[position - 1]) not in _NASAB:
        return False
    wanted = _NOT_CONSONANT.sub("", name_key(_without_possessive(words[position])))
    source = words_of(index.text)
    for previous, word in itertools.pairwise(source):
        if not _adjacent(index.text, previous, word) or not _capitalised(word.text):
            continue
        if any(name_key(s) in _NASAB for s in romanise(previous.text, index.lang)) and any(
            _NOT_CONSONANT.sub("", name_key(s)) == wanted for s in romanise(word.text, index.lang)
        ):
            return True
    return False


# The Latin initials a Cyrillic capital stands for when a Russian acronym abbreviates an English
# name letter by letter (`ФМБА`: Federal Medical-Biological Agency, `ПСЖ`: Paris Saint-Germain).
_CYRILLIC_INITIALS = {
    "А": "A", "Б": "B", "В": "VW", "Г": "GH", "Д": "D", "Е": "EY", "Ё": "EY", "Ж": "ZJG", "З": "Z",
    "И": "I", "Й": "YIJ", "К": "KCQ", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
    "С": "SC", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TC", "Ч": "C", "Ш": "S", "Щ": "S",
    "Э": "E", "Ю": "YU", "Я": "YIJ",
}  # fmt: skip
_CYRILLIC_CAPS = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]{2,6}(?![А-ЯЁа-яё])")
_NAME_PARTS = re.compile(r"[^\W\d_]+")
_ACRONYM_SKIPS = CONNECTORS | {"and", "the", "for"}


def _spells_cyrillic_acronym(name: str, text: str) -> bool:
    """Whether a Cyrillic acronym of `text` spells the initials of an English name of two words or
    more, letter by letter (`ФМБА`: `Federal Medical-Biological Agency`; connectors aside): the
    name is that acronym, listed or not."""
    initials = [w[0].upper() for w in _NAME_PARTS.findall(name) if w.lower() not in _ACRONYM_SKIPS]
    if len(initials) < 2:
        return False
    return any(
        len(acronym) == len(initials) and all(i in _CYRILLIC_INITIALS[c] for c, i in zip(acronym, initials, strict=True))
        for acronym in _CYRILLIC_CAPS.findall(text)
    )


def _latin_word(word: str, text: str) -> bool:
    """Whether `text` writes `word` in Latin letters as a word of its own (`JAXAは`, `(TSMC)`)."""
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text) is not None


def _names_country_of_capital(name: str, index: TokenIndex) -> bool:
    """Whether the source names the country whose capital `name` is (`Moscow`: `Россия`, `中方`):
    a Russian source by its places as GeoNames and CLDR read them (not `Iraq` for `Ирана`), one
    in another script by sound, CC-CEDICT, CLDR or its first character, others by CLDR."""
    countries = countries_of_capital(name)
    if not countries:
        return False
    if index.russian:
        named = {place for places in source_places(index.text, confirmed=False) for place in places}
        return any(country in named for country in countries)
    if index.romanised is not None:
        return any(index.romanised.names_country(country) for country in countries)
    return any(index.has_name(country, "en") for country in countries)


def _rival_place(word: str, places: tuple[str, ...], source: str) -> bool:
    """Whether a Russian source names, instead of `word` or any of its `places`, another place
    spelt like one of them (`Iraq`, `Iraqi` for `Ирана`, `иранские`, which are of Iran)."""
    named = {name for names in source_places(source, confirmed=False) for name in names}  # no NER: any place will do
    if word in named or named & set(places):
        return False
    if not is_demonym(word) and any(word in demonym_places(name) for name in named):
        return False  # `Sweden` for `шведском`: the place of the source's adjective
    return any(_rival(name_key(place), name_key(other)) for place in places for other in named)


_POINTS_OF_COMPASS = frozenset(name_key(point) for point in ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"))


@functools.lru_cache(maxsize=65536)  # a feed compares the same places in document after document
def _rival(key: str, other: str) -> bool:
    """Two place keys spelt alike (`irak`, `iran`), or one place's halves (`South Korea`, `North Korea`)."""
    if stem_match(key, other):
        return True
    words, others = key.split(), other.split()
    return (
        len(words) == len(others) == 2
        and words[1] == others[1]
        and words[0] != others[0]
        and {words[0], others[0]} <= _POINTS_OF_COMPASS
    )


_POSSESSIVE = re.compile(r"['’]s?$")


def _without_possessive(word: str) -> str:
    """`Britain's` -> `Britain`."""
    return _POSSESSIVE.sub("", word)


def _possessive_place(words: list[str], position: int) -> bool:
    """A place in the possessive opening a name (`Germany's Alexander Zverev`, `St Petersburg's
    Pulkovo`, `Russia's Far East`): English adds it as it adds a nationality."""
    word = words[position]
    if not re.search(r"['’]s?$", word) or not all(w[:1].isupper() for w in words[: position + 1]):
        return False
    return names_a_place(" ".join([*words[:position], _without_possessive(word)]))


def _possessive_owner(words: list[str], position: int) -> bool:
    """A word of a body in the possessive opening a name (`Gazprom's Astrakhan gas processing
    plant`, `Bayern Munich's Harry Kane`): the owner English adds for context, as it adds a place."""
    for end, word in enumerate(words[:-1]):
        if not word[:1].isupper():
            return False
        if re.search(r"['’]s$", word):
            return position <= end
    return False


def _surname_like_nationality(words: list[str], position: int) -> bool:
    """A nationality word closing a name after a capitalised given name (`Volker Turk`), which
    is then the surname."""
    if position != len(words) - 1 or position == 0 or not is_demonym(words[position]):
        return False
    before = words[position - 1]
    return before[:1].isupper() and _may_anchor(before) and not is_acronym(before)


def _may_anchor(word: str, person: bool = False) -> bool:
    """A capitalised word that is neither a title, a connector nor a nationality; of a person's
    name after a title, a surname shaped like a nationality anchors too (`Anthony Albanese`)."""
    return (
        word[:1].isupper()
        and len(word) >= 3
        and not _REGNAL_NUMBER.fullmatch(word.rstrip("."))
        and word.lower() not in GENERIC
        and word.lower() not in CONNECTORS
        and (person or not (is_demonym(word) or is_language_name(word)))
    )


def _added_words(
    words: list[str], missing: list[int], found: list[int], index: TokenIndex, english: str, hyphened: frozenset[int]
) -> bool:
    """Whether the missing words are what English adds before a person the source names
    (`hyphened`: the positions of words a hyphen joins to the next).

    `Kremlin spokesman Dmitry Peskov` for `Песков`, `Recep Tayyip Erdogan` for `Erdoğan`,
    `Luiz Inacio Lula da Silva` for `Лула да Силва`:
    English adds given names before a surname the source gives alone (not when the source
    has a given name of its own there); `Moscow Mayor Sergei Sobyanin` for `Собянин`: a place
    or body that qualifies a title, where the source has none it could have replaced.
    """
    surname = found[-1]
    if any(p > surname for p in missing):
        return False
    # The surname may be several words joined by particles (`Lula da Silva`, `von der Leyen`,
    # `al-Sisi`) or a hyphen (`Diaz-Canel`), or, as a Russian source gives it alone, a space
    # (`Лопес Обрадор`); not a given name and a surname the source has both of (`Greg Abbott`).
    head = surname
    while head > 0 and head - 1 not in missing and (
        words[head - 1].lower() in CONNECTORS - {"of"} or (head - 1 in found and (head - 1 in hyphened or index.russian))
    ):
        head -= 1  # `Diaz` of `Diaz-Canel`; `Lopez` of `Lopez Obrador`, as a Russian source writes it
        if head > 0 and head - 1 in found and words[head].lower() in CONNECTORS:
            head -= 1  # `Lula` of `Lula da Silva`
    given = [p for p in missing if p < head and not _qualifies_title(words, p, index, english)]
    if len(given) > 2:
        return False
    if given and given != list(range(head - len(given), head)):
        return False
    if not all(
        (words[p][:1].isupper() and words[p].isalpha() and not is_acronym(words[p])) or _initials(words[p]) for p in given
    ):
        return False
    first = min(p for p in found if p >= head)  # `Assad` of `al-Assad`
    return not given or not index.has_given_name_before(distinctive_keys(words[first], "en")[:1])


def _added_after(name: str, words: list[str], missing: list[int], found: list[int]) -> bool:
    """Whether the missing words are a place English adds after the name the source gives, a
    club's or an index's city or country (`Traktor Chelyabinsk` for `«Трактор»`, `RTS Russia`);
    not a surname after a given name (`Dmitry Ivanov` for `Дмитрий Петров`), nor the other end
    of a route (`Moscow-Dubai` for `Москва — Анталья`)."""
    tail = [words[p] for p in missing]
    return (
        min(missing) > max(found)
        and len(missing) <= 2
        and name.split()[-len(tail) :] == tail
        and _place_word(" ".join(words[p] for p in missing))
    )


def _completes_name(words: list[str], missing: list[int], found: list[int], index: TokenIndex) -> bool:
    """Whether the missing words close the name right after the part the source gives, the rest
    of a name English writes in full where Russian copy uses one part (`Gukesh Dommaraju` for
    `Гукеш`); judged only where no source name is left unpaired, and the part given is no
    place or common word and stands alone in the source as no given name (`Viktor Gulevich`
    for `Виктор Хренин`, `Admiral Makarov` for `«Адмирал Григорович»`, `Moscow-Dubai` for
    `Москва — Анталья` replace a part)."""
    given = words[max(found)]
    return (
        min(missing) == max(found) + 1
        and _distinctive_english(given)
        and not _place_word(given)
        and names_one_part(index.text, name_key(_without_possessive(given)))
        and missing == list(range(min(missing), len(words)))
        and len(missing) <= 2
        and all(words[p][:1].isupper() and words[p].isalpha() and not is_acronym(words[p]) for p in missing)
    )


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _initials(word: str) -> bool:
    """Given names written as initials (`J.D.`, `JD` of `JD Vance`): dotted, or two capitals that
    abbreviate nothing (not `EU`, `UK`)."""
    if _DOTTED_INITIALS.fullmatch(word):
        return True
    return len(word) == 2 and word.isalpha() and word.isupper() and not expansions(word) and acronym_forms(word) == {word}


def _qualifies_title(words: list[str], position: int, index: TokenIndex, english: str = "") -> bool:
    """A place or body before a title (`Moscow Mayor`, `NATO Secretary General`) that has no
    source name to have replaced: the source has no acronym or place, or the translation
    `english` gives every source name its counterpart (`Rosneft chief executive Igor Sechin
    spoke in St Petersburg` for `Сечин выступил в Петербурге`)."""
    following = words[position + 1 : position + 4]  # `Iran's Foreign Minister`, `NATO Secretary General`
    if not any(word.lower() in GENERIC for word in following):
        return False
    word = _without_possessive(words[position])
    if is_acronym(word):
        replaceable = index.has_acronyms()
    elif is_english_place(word) or bool(place_lookup(word)):
        replaceable = index.names_places()
    else:
        replaceable = index.has_acronyms() or index.names_places()
    if replaceable and leaves_source_names(index.text, english, index.lang):
        return False
    return word[:1].isupper()  # `Tesla CEO`


# Titles English writes before a person, besides the generic heads above (`Lok Sabha Speaker Om Birla`).
_TITLES = frozenset(
    "speaker chairwoman chairperson premier commissioner spokesman spokeswoman spokesperson ambassador "
    "envoy judge justice marshal admiral commander captain lieutenant deputy vice leader head".split()
)
# The boundary between an owner in the possessive and what it owns (`Yadav's Jan Suraaj Party`).
_OWNER_SPLIT = re.compile(r"(?<=['’]s)\s+|(?<=s['’])\s+")


def beside_words(name: str, missing: list[str]) -> tuple[str, ...]:
    """The other words of an English name, which may be the part a source gives of it: capitalised,
    no title, connector or nationality, common words too (`Yogi` of `Yogi Adityanath`); of a
    person after a title, the person's words only (`Tokyo` of `Tokyo Governor Yuriko Koike`,
    `Lok Sabha` of `Lok Sabha Speaker Om Birla`, qualifies the title: the source may name Tokyo
    and another governor); of an owner and what
    it owns, only the part the missing words are in (`Jan Suraaj Party` of `Yogendra Yadav's Jan
    Suraaj Party` is the party, not its leader)."""
    parts = _OWNER_SPLIT.split(name)
    if len(parts) > 1:
        name = " ".join(part for part in parts if any(word in part.split() for word in missing)) or name
    words = re.split(r"[\s\-‐‑]+", name)
    titles = [i for i, word in enumerate(words) if word.lower() in GENERIC | _TITLES]
    person = bool(titles) and titles[-1] < len(words) - 1
    if person:
        words = words[titles[-1] + 1 :]
    return tuple(word for word in words if word not in missing and _may_anchor(word, person) and not is_acronym(word))


def name_words(name: str) -> list[str]:
    """The words of an English name that identify it: no titles, connectors or nationalities."""
    return [word for word in re.split(r"[\s\-‐‑]+", name) if _distinctive_english(word)]


# Feasts and seasons of the calendar, which English capitalises and other languages write as
# their own words, often lower-case (`Noël`, `Vánoce`, `Semana Santa`, `ramadán`): no name to carry over.
_FEASTS = frozenset(
    """christmas easter lent advent pentecost whitsun epiphany ramadan eid hanukkah hanukah passover yom kippur
    diwali holi thanksgiving halloween""".split()
)


@functools.lru_cache(maxsize=65536)
def _distinctive_english(word: str) -> bool:
    plain = re.split(r"['’]", word, maxsplit=1)[0].rstrip(".")
    return (
        len(plain) >= 2
        and plain.lower() not in _FEASTS
        and not _REGNAL_NUMBER.fullmatch(plain)  # `III` of `King Mswati III`: no name by itself
        and plain not in GENERIC_ACRONYMS
        and not (plain.endswith("s") and plain[:-1] in GENERIC_ACRONYMS)  # `MPs`
        and not is_language_name(plain)
        and plain.lower() not in CONNECTORS
        and plain.lower() not in GENERIC
        and not (plain.isalpha() and plain.isupper() and len(plain) == 1)
        and not is_demonym(plain)
        and (is_acronym(plain) or is_proper_noun(plain) or not is_common_word(plain))
    )


def carries_over(name: str, source_lang: str | None) -> bool:
    """Whether an English name should have a recognisable counterpart in a source.

    Names built from ordinary words (`Ministry of Economy`, `Cold War`) and adjectives of
    nationality (`Iranian`) are translated, not carried over, unless CLDR knows them.
    """
    if exonyms(source_lang).is_known_english(name):
        return True
    words = [w for w in re.split(r"[\s\-‐‑]+", name) if w and w.lower() not in CONNECTORS]
    if len(words) == 1 and is_demonym(words[0]):
        return False
    if is_acronym(name) and " " not in name:
        return True
    return not all(is_common_word(w) or w.lower() in GENERIC or is_demonym(w) for w in words)


def is_translated_name(name: str, source_lang: str | None) -> bool:
    """A name of two or more ordinary words (`Cold War`, `Polish Football Association`).

    Such a name is the translation of a source name (`Guerra Fría`, `PZPN`), which then
    has no spelling in common with it.
    """
    words = [w for w in re.split(r"[\s\-‐‑]+", name) if w and w.lower() not in CONNECTORS]
    return len(words) >= 2 and not any(is_acronym(w) for w in words) and not carries_over(name, source_lang)


def is_translatable(name: str, lang: str | None) -> bool:
    """A source name a translation renders word by word rather than carrying over.

    `Dzień Niepodległości`, `Guerra Fría`, or a national acronym with a small letter
    (`MSWiA`); not one with a given name, a proper noun or a place in it (`Henry Louis
    Gates`, `Stanach Zjednoczonych`), nor an international acronym (`FIFA`).
    """
    words = [w for w in name.split() if w.lower() not in CONNECTORS]
    if len(words) == 1:
        return is_acronym(name) and (any(c.islower() for c in name) or not _VOWEL.search(anyascii(name)))
    code = language_code(lang)
    table = place_exonyms(code)
    if table.english_names(name, inflected=code != "de"):
        return False
    for word in words:
        key = name_key(word)
        if is_proper_noun(word) or given_name_forms(key) or table.english_names(word, inflected=code != "de"):
            return False
    return True


def may_translate(source_name: str, english_name: str) -> bool:
    """Whether an English name of ordinary words can be the translation of a source name.

    An acronym must open with the English name's initial (`MSWiA` / `Ministry of Interior
    and Administration`); words must be about as many, or share a cognate
    (`Procuraduría General` / `Attorney General's Office`).
    """
    english = [name_key(w) for w in re.split(r"[\s\-‐‑]+", english_name) if w and w.lower() not in CONNECTORS]
    english = [k for k in english if k and k not in _CONNECTOR_KEYS]
    if not english:
        return False
    if " " not in source_name.strip():
        return name_key(source_name)[:1] == english[0][:1]
    source = [name_key(w) for w in source_name.split() if w.lower() not in CONNECTORS]
    if abs(len(source) - len(english)) <= 1:
        return True
    return any(sounds_alike(a, b) for a in source for b in english)


@dataclass(frozen=True, slots=True)
class SourcePair:
    """A stretch of the translation [start, end) and the source text it translates, which
    begins at `source_start` of the document's source (0 for a unit's own source)."""

    start: int
    end: int
    source: str
    source_start: int = 0


def source_pairs(document: Document, paragraphs: str = "line") -> list[SourcePair]:
    """Per unit when the units carry their sources (XLIFF), per paragraph when a story and its
    source have the same paragraphs (`paragraph_pairs`), else the whole text."""
    if document.units and all(unit.source is not None for unit in document.units):
        return [SourcePair(u.start, u.end, u.source or "") for u in document.units]
    if document.source:
        return list(paragraph_pairs(document.text, document.source, paragraphs) or (whole_pair(document),))
    return []


def whole_pair(document: Document) -> SourcePair:
    """The whole translation with its whole source."""
    return SourcePair(0, len(document.text), document.source or "")


def story_pair(document: Document, pairs: list[SourcePair]) -> SourcePair | None:
    """The whole story's pair where `pairs` are its paragraphs (`paragraph_pairs`), else None
    (units, or a whole text): the figures a paragraph leaves over are matched across it."""
    if len(pairs) < 2 or (document.units and all(unit.source is not None for unit in document.units)):
        return None
    return whole_pair(document)


def pairs_around(document: Document, pairs: list[SourcePair], position: int) -> SourcePair | None:
    """The paragraph at `position` with those before and after it, as one pair, where `pairs`
    are a story's paragraphs (else None): a translator moves a name or a figure into the
    next paragraph or the one before, where the source says `он` or `там`; further than
    that, a name of the story would vouch for a name put in for another."""
    if story_pair(document, pairs) is None:
        return None
    first, last = pairs[max(0, position - 1)], pairs[min(len(pairs) - 1, position + 1)]
    source = (document.source or "")[first.source_start : last.source_start + len(last.source)]
    return SourcePair(first.start, last.end, source, first.source_start)


# How far one paragraph's length ratio (English to source) may stray from the story's before
# the paragraphs are taken to be laid out differently (a paragraph merged here, split there).
_PARAGRAPH_RATIO_SPREAD = 3.0


@functools.lru_cache(maxsize=64)  # asked by every source-aware rule of a document
def paragraph_pairs(text: str, source: str, mode: str = "line") -> tuple[SourcePair, ...]:
    """A story's paragraphs paired one for one with its source's, in order: where both have
    the same number of paragraphs (two or more) and no pair's length ratio strays far from the
    story's; else none. Wire translators keep a story's paragraphs, so a name or a figure is
    judged against its own paragraph's source (a name of paragraph 5 is not vouched for by
    paragraph 1), and a paragraph a feed repeats is judged once per process. A rule that finds
    something in a paragraph confirms it against the paragraphs around it (`pairs_around`),
    where a translator may have moved it."""
    english = paragraph_spans(text, mode)
    original = paragraph_spans(source, mode)
    if len(english) < 2 or len(english) != len(original):
        return ()
    story = len(text) / max(len(source), 1)
    for (start, end), (source_start, source_end) in zip(english, original, strict=True):
        ratio = (end - start) / max(source_end - source_start, 1) / story
        if not 1 / _PARAGRAPH_RATIO_SPREAD <= ratio <= _PARAGRAPH_RATIO_SPREAD:
            return ()
    return tuple(
        SourcePair(start, end, source[source_start:source_end], source_start)
        for (start, end), (source_start, source_end) in zip(english, original, strict=True)
    )


def proportional_offset(pair: SourcePair, source_offset: int) -> int:
    """Where in the translation a source offset most likely falls, by relative position."""
    if not pair.source:
        return pair.start
    share = source_offset / len(pair.source)
    return min(pair.end, pair.start + int(share * (pair.end - pair.start)))
