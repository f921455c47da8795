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
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from audit.disjoint import DisjointSets
from audit.names.finder import ARTICLES, CONNECTORS
from audit.names.lexicon import is_demonym

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,·]+")
_APOSTROPHES = re.compile(r"['’`ʼʻ\"]")
_APOSTROPHE_CHARS = frozenset("'’`ʼʻ\"")
# Article forms (`al-`, assimilated `ash-`, `ad-`..., French-mediated `ez-`): all fold to `al`
# when a word follows.
KEY_ARTICLES = ARTICLES
_ARTICLE = re.compile(r"\b(?:" + "|".join(sorted(KEY_ARTICLES, key=len, reverse=True)) + r") (?=\S)")
# Spellings one sound gets in Russian-, German-, French- and English-mediated romanisation,
# each rewritten to one form in a single pass (earlier alternatives win at a position):
# `Dzhabhat`/`Dschabhat`/`Djabhat`/`Jabhat`, `Schoigu`/`Shoigu`, `Bachar`/`Bashar`,
# `Khoras`/`Horas`, `Yousef`/`Yusef`, `Deen`/`Din`, `Yevgeny`/`Evgeniy`, `Raqqa`/`Rakka`,
# `Nasrallah`/`Nasralla` (a final `h` after `a`/`e`), `Selenskyj`/`Zelensky` (German `s` for the
# voiced `z`). Doubled letters are then made single.
_RULES: tuple[tuple[str, str], ...] = (
    (r"dzh|dsch|dj", "j"),
    (r"tsch|tch|sch|ch", "sh"),
    (r"kh", "h"),
    (r"ou|oo", "u"),
    (r"ee", "i"),
    (r"iy\b|yy|iy(?=[aeiou])", "i"),
    (r"ye", "e"),
    (r"y", "i"),
    (r"x", "ks"),
    (r"ck|q|c(?=[aou])", "k"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"z(?!h)", "s"),
    (r"(?<=[ae])h\b", ""),
)
_REWRITE = re.compile("|".join(f"({pattern})" for pattern, _ in _RULES))
_REPLACEMENTS: tuple[str, ...] = ("", *(replacement for _, replacement in _RULES))
_DOUBLED = re.compile(r"([a-z])\1+")


# Letters whose ASCII form in English copy is not anyascii's: the South Slavic `đ` is `dj`
# (`Đuro`/`Djuro`, `Đoković`/`Djokovic`).
_ENGLISH_LETTERS = str.maketrans({"đ": "dj", "Đ": "Dj"})


def latin(text: str) -> str:
    """A name in ASCII letters as English copy writes them."""
    return anyascii(text.translate(_ENGLISH_LETTERS))


def _rewritten(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.lastindex or 0]


def _single(match: re.Match[str]) -> str:
    return match[1]


def fold(name: str) -> str:
    """`name_key` without its cache: for indexing many names once (the gazetteer)."""
    text = name.lower() if name.isascii() else latin(name).lower()
    if not _APOSTROPHE_CHARS.isdisjoint(text):
        text = _APOSTROPHES.sub("", text)
    text = _ARTICLE.sub("al ", _SEPARATORS.sub(" ", text).strip())
    return _DOUBLED.sub(_single, _REWRITE.sub(_rewritten, text))



# How German- and French-language copy spells what English copy spells otherwise, read back
# into English letters (`fold` already reads the Russian-mediated `kh`, `dzh`, `iy` and the
# French `ou` and `ch`): a German `Chodorkowski`, `Jermak`, `Donezk` is an English
# `Khodorkovski`, `Yermak`, `Donetsk`; a French `Poutine`, `Tchernihiv`, `Djibril` is
# `Putin`, `Chernihiv`, `Jibril`. Each reading is another key a spelling is compared under.
_READINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "German": (
        ("tsch", "ch"),
        ("dsch", "j"),
        ("sch", "sh"),
        ("ch", "kh"),
        ("w", "v"),
        ("j", "y"),
        ("(?<=[a-z])z", "ts"),
    ),
    "French": (("tch", "ch"), ("dj", "j"), ("(?<=[a-z]{3})ine\\b", "in"), ("gu(?=[ei])", "g")),
}
_READING_PATTERNS = {
    scheme: (re.compile("|".join(f"({old})" for old, _ in rules), re.IGNORECASE), ("", *(new for _, new in rules)))
    for scheme, rules in _READINGS.items()
}


def _read(match: re.Match[str], replacements: tuple[str, ...]) -> str:
    new = replacements[match.lastindex or 0]
    return new.capitalize() if match.group()[:1].isupper() else new


@functools.lru_cache(maxsize=65536)
def scheme_readings(spelling: str) -> tuple[tuple[str, str], ...]:
    """(scheme, reading): how English would write `spelling` if German- or French-language copy
    wrote it (`Chodorkowski` -> `Khodorkovski`, `Poutine` -> `Putin`), where that changes it."""
    text = spelling if spelling.isascii() else anyascii(spelling)
    found = []
    for scheme, (pattern, replacements) in _READING_PATTERNS.items():
        reading = pattern.sub(functools.partial(_read, replacements=replacements), text)
        if reading != text:
            found.append((scheme, reading))
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def readings(spelling: str) -> tuple[str, ...]:
    """`spelling`, then its German and French readings (`scheme_readings`), each distinct one once."""
    return tuple(dict.fromkeys([spelling, *(reading for _, reading in scheme_readings(spelling))]))


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A transliteration-folded key: `Khayyat Tahrir Ash-Sham` -> `haiat tahrir al sham`."""
    return fold(name)


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


@functools.lru_cache(maxsize=65536)
def squashed_key(name: str) -> str:
    """`content_key` without spaces: `Hua Chun Ying`, `Hua Chunying` and `HuaChunying` are one."""
    return "".join(content_words(name))


_LETTER_RUNS = re.compile(r"[a-z0-9]+")
# The fewest letters a word of a name keeps when it is run together with the next, cut short.
_CUT_LETTERS = 3


@functools.lru_cache(maxsize=65536)
def run_together(one: str, several: str) -> bool:
    """A name written as one word that is another's two to four words run together, each but
    the last perhaps cut short (`TurkStream`/`Turkish Stream`, `Superleague`/`Super League`,
    `Nornickel`/`Norilsk Nickel`): how brands and Russian bodies are written, one name."""
    word = "".join(_LETTER_RUNS.findall(anyascii(one).lower()))
    parts = _LETTER_RUNS.findall(anyascii(several).lower())
    if not 2 <= len(parts) <= 4 or len(_LETTER_RUNS.findall(anyascii(one).lower())) != 1:
        return False

    def fits(rest: str, words: list[str]) -> bool:
        if len(words) == 1:
            return rest == words[0]
        head = words[0]
        return any(
            rest.startswith(head[:cut]) and fits(rest[cut:], words[1:])
            for cut in range(min(_CUT_LETTERS, len(head)), len(head) + 1)
        )

    return word != parts[0] and fits(word, parts)


@dataclass(frozen=True, slots=True)
class Mark:
    """A grapheme one romanisation scheme writes where English writes another (`dzh` for `j`)."""

    foreign: str
    english: str
    scheme: str
    weight: int

    def __str__(self) -> str:
        return f"{self.foreign} for {self.english}"


# How Russian-, German- and French-mediated copy spells what English-scheme copy spells
# otherwise. A spelling carries a mark only against another spelling of the same name that
# has the English grapheme where it has the foreign one (`Kh` is right in `Khan`, wrong in
# `Khoras` beside `Horas`), so marks are always relative to a second spelling.
MARKS: tuple[Mark, ...] = (
    Mark("dzh", "j", "Russian", 3),
    Mark("dsch", "j", "German", 3),
    Mark("tsch", "ch", "German", 2),
    Mark("sch", "sh", "German", 2),
    Mark("dj", "j", "French", 2),
    Mark("tch", "ch", "French", 1),
    Mark("ch", "sh", "French", 1),
    Mark("ch", "h", "German", 1),
    Mark("kh", "h", "Russian", 1),
    Mark("k", "q", "Russian", 1),
    Mark("yy", "y", "Russian", 1),
    Mark("iy", "i", "Russian", 1),
    Mark("u", "w", "Russian", 1),
    Mark("ou", "u", "French", 1),
    Mark("ou", "w", "French", 1),
    Mark("j", "y", "German", 1),
)
# Marks of German- and French-language spelling of Slavic names (`Chodorkowski`, `Sacharowa`,
# `Poutine`): the checks weigh them too (`ALL_MARKS`); the gazetteer's choice of a place's
# English spelling, made when its index is built, stands on `MARKS` alone.
LANGUAGE_MARKS: tuple[Mark, ...] = (
    Mark("u", "ou", "Russian", 1),  # `Khartum`, `Masrur`: Russian has one letter for both
    Mark("ch", "kh", "German", 1),
    Mark("w", "v", "German", 1),
    Mark("s", "z", "German", 1),
    Mark("ine", "in", "French", 1),
)
ALL_MARKS = MARKS + LANGUAGE_MARKS
def _graphemes(marks: tuple[Mark, ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(
            g + "(?![a-z])" if g == "iy" else g
            for g in sorted({g for m in marks for g in (m.foreign, m.english)}, key=lambda g: (-len(g), g))
        )
    )


# The graphemes of a set of marks, longest first, read in one pass so `dzh` is not also a `zh`
# or `h` (`iy` only ends a word: `Evgeniy`, not the `iy` of `Aliyev`). Each set reads its own.
_GRAPHEMES = (_graphemes(MARKS), _graphemes(ALL_MARKS))


@functools.lru_cache(maxsize=65536)
def _grapheme_counts(spelling: str, every: bool = False) -> dict[str, int]:
    """How often each grapheme of `MARKS` (of `ALL_MARKS` when `every`) occurs in `spelling`."""
    counts: dict[str, int] = {}
    for grapheme in _GRAPHEMES[every].findall(anyascii(spelling).lower()):
        counts[grapheme] = counts.get(grapheme, 0) + 1
    return counts


def scheme_marks(spelling: str, other: str, marks: tuple[Mark, ...] = MARKS) -> tuple[Mark, ...]:
    """The marks of a non-English scheme `spelling` carries against `other`, one name's two spellings
    (`marks`: the set to look for, `MARKS` or `ALL_MARKS`).

    `scheme_marks("Manbidzh", "Manbij")` is (dzh for j,); `scheme_marks("Manbij", "Manbidzh")` is ().
    """
    every = marks is ALL_MARKS
    mine, theirs = _grapheme_counts(spelling, every), _grapheme_counts(other, every)
    return tuple(
        mark
        for mark in marks
        if mine.get(mark.foreign, 0) > theirs.get(mark.foreign, 0)
        and theirs.get(mark.english, 0) > mine.get(mark.english, 0)
    )


def scheme_weight(spelling: str, other: str) -> int:
    """How strongly `spelling` reads as another scheme's against `other` (0: not at all)."""
    return sum(mark.weight for mark in scheme_marks(spelling, other))


_VOWELS = re.compile(r"[aeiou]")


def common_prefix_length(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length


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
    # An ending in place of the last letter; in a four-letter word, only a letter of its kind
    # gives way to it (`Roma`/`Romie`, `unit`/`unidad`), not `caso`/`Cachová` (`kaso`/`kashova`).
    if (
        len(short) >= 4
        and long.startswith(short[:-1])
        and len(long) - len(short) <= 4
        and (len(short) >= 5 or (short[-1] in _VOWEL_LETTERS) == (long[len(short) - 1] in _VOWEL_LETTERS))
    ):
        return True
    prefix = common_prefix_length(short, long)
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


# ---------------------------------------------------------------- one name under two conventions
#
# Spellings that differ only by a convention, not by a slip: another romanisation scheme
# (`Alexei`/`Aleksei`/`Alexey`, `Kiev`/`Kyiv`), another language's letters for one sound
# (`Netanjahu`, `Bangladesch`), British or American
# spelling (`Harbour`/`Harbor`), an abbreviation (`Mt.`/`Mount`), the country for its
# demonym or a possessive (`Ukraine's`/`Ukrainian`), or another word order (`Katsuno Akiyoshi`).
# The re-translation checks count such a pair as one name, never as a near miss.

# A word of a name: letters and digits, with inner apostrophes and dots (`O'Brien`, `U.S.`).
NAME_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?")
_HYPHENS = frozenset("-‐‑")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_VOWEL_RUNS = re.compile(r"([aeiou]+)")
_VOWELS_AND_H = re.compile(r"[aeiouh]")
# Letters romanisation schemes trade for one another in a vowel cluster: `Kiev`/`Kyiv`, `Dmitri`/`Dmitry`.
_GLIDES = str.maketrans("", "", "ie")
# Abbreviations of name words whose letters are not a prefix of the word (`Mt.` for `Mount`).
ABBREVIATIONS = frozenset(
    """mt mts st ste ft pt jr sr dr gen lt col capt cpt sgt adm gov sen rep maj brig cmdr cdr mgr bros co corp
    inc ltd dept univ assn natl intl""".split()
)
# Demonyms no ending or CLDR language name gives (`British`/`Britain`).
_DEMONYMS = {
    "british": "britain",
    "briton": "britain",
    "english": "england",
    "scottish": "scotland",
    "scots": "scotland",
    "welsh": "wales",
    "swiss": "switzerland",
    "filipino": "philippines",
    "argentine": "argentina",
    "peruvian": "peru",
    "emirati": "emirates",
    "yemeni": "yemen",
    "cypriot": "cyprus",
    "maltese": "malta",
    "monegasque": "monaco",
}
# Endings of a country or region, and of its demonym, past their shared stem (`Ukrain|e`/`Ukrain|ian`).
_COUNTRY_ENDINGS = frozenset(["", "a", "e", "o", "y", "ey", "ia"])
_DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ean", "ese", "ish", "i", "ic", "ine", "ns", "ans", "ians", "eans"])


@functools.lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, str, str]:
    """(lower-case ASCII, American spelling, `name_key`) of one word of a name."""
    from audit.names.lexicon import american_spelling

    plain = _APOSTROPHES.sub("", latin(_POSSESSIVE_END.sub("", word)).lower()).replace(".", "")
    return plain, american_spelling(plain), name_key(plain)


def _vowel_variants(a: str, b: str) -> bool:
    """One word in two romanisations: the same consonants, vowel clusters differing by i, e, y, j only."""
    runs_a = _VOWEL_RUNS.split(a.replace("j", "i"))
    runs_b = _VOWEL_RUNS.split(b.replace("j", "i"))
    if len(runs_a) != len(runs_b) or len(a) < 3:
        return False
    for index, (x, y) in enumerate(zip(runs_a, runs_b, strict=True)):
        consonants = index % 2 == 0
        if x != y and (consonants or x.translate(_GLIDES) != y.translate(_GLIDES)):
            return False
    return True


def _abbreviates(short: str, long: str) -> bool:
    """`mt`/`mount`, `sgt`/`sergeant`, `st`/`saint`: a known abbreviation whose letters the word keeps in order."""
    if short not in ABBREVIATIONS or len(long) <= len(short) or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(ch in letters for ch in short)


@functools.lru_cache(maxsize=1)
def _nations() -> dict[str, str]:
    """English country names and the language names that double as their demonyms, by lower case.

    CLDR (babel) names languages and territories; a language's likely territory ties
    `French` to `France`, `Polish` to `Poland`, `Ukrainian` to `Ukraine`.
    """
    from babel import Locale
    from babel.core import get_global

    english = Locale("en")
    territories = {code: name for code, name in english.territories.items() if code.isalpha()}
    likely = get_global("likely_subtags")
    nations = {name.lower(): code for code, name in territories.items()}
    for language, name in english.languages.items():
        region = str(likely.get(language, "")).rsplit("_", 1)[-1]
        if "_" not in language and region in territories:
            nations.setdefault(name.lower(), region)
    return nations


def _two_nations(a: str, b: str) -> bool:
    """Two lower-case words that name two different countries (`niger`/`nigeria`): never one word."""
    nations = _nations()
    return a in nations and b in nations and nations[a] != nations[b]


def _nation_forms(a: str, b: str) -> bool:
    """A country and its demonym (`ukraine`/`ukrainian`, `france`/`french`), or two forms of one."""
    nations = _nations()
    if a in nations and b in nations:
        return nations[a] == nations[b]  # `Polish`/`Poland` by CLDR; `Niger`/`Nigeria` are two countries
    if _DEMONYMS.get(a) == b or _DEMONYMS.get(b) == a:
        return True
    shared = common_prefix_length(a, b)
    if shared < 4:
        return False
    rest_a, rest_b = a[shared:], b[shared:]
    return (rest_a in _COUNTRY_ENDINGS and rest_b in _DEMONYM_ENDINGS) or (
        rest_b in _COUNTRY_ENDINGS and rest_a in _DEMONYM_ENDINGS
    )


def same_spelling(a: str, b: str) -> bool:
    """Two spellings of one word up to folding: case, diacritics, a possessive, British or
    American spelling, the transliteration-folded `name_key`."""
    plain_a, american_a, key_a = _word_forms(a)
    plain_b, american_b, key_b = _word_forms(b)
    return plain_a == plain_b or american_a == american_b or key_a == key_b


# What makes a surname of a given name (`Johnson`, `Jansen`): another name, not a form of it.
_SURNAME_ENDINGS = frozenset(("son", "sen"))


def word_form(a: str, b: str) -> bool:
    """One word and another form of it: an abbreviation (`Mt.`/`Mount`), a country and its
    demonym (`Ukraine`/`Ukrainian`), an inflection (`Max`/`Maxa`)."""
    plain_a, american_a, _ = _word_forms(a)
    plain_b, american_b, _ = _word_forms(b)
    if _two_nations(american_a, american_b):
        return False
    short, long = sorted((plain_a, plain_b), key=len)
    if len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 3:
        return long[len(short) :] not in _SURNAME_ENDINGS
    written = a if len(plain_a) <= len(plain_b) else b
    if 2 <= len(short) <= 4 and long.startswith(short) and len(long) >= 2 * len(short) and written[:1].isupper():
        return True  # a capitalised truncation: `Rz` for `Rzeczpospolita`, `Gen.` for `General`, `UN` for `UNFCCC`
    return _abbreviates(short, long) or _nation_forms(american_a, american_b)


@functools.lru_cache(maxsize=65536)
def _sounds(key: str) -> str:
    """A folded word with other languages' letters for one sound made English (`sound_stem` keeps its ending)."""
    for pattern, replacement in _SOUNDS:
        key = pattern.sub(replacement, key)
    return key


def _vowels_near(a: str, b: str) -> bool:
    """Two keys of one skeleton whose vowels number within two of each other: `Tunisia` has three
    more than `tons`, which no romanisation adds (`Zaporozhye`/`Zaporizhzhia` one)."""
    return abs(len(_VOWELS.findall(a)) - len(_VOWELS.findall(b))) <= 2


@functools.lru_cache(maxsize=65536)
def _skeleton(key: str) -> str:
    """A folded word's consonants without `h`: what romanisations of one name share
    (`Bhardwaj`/`Bharadwaj`, `Jhajjar`/`Jajjhar`, `Runnels`/`Runalls`). A doubled letter counts
    once (`zhzh` too, `Zaporizhzhia`), but two of one consonant with a vowel between them are two
    (`Kazakhstan` is no `Kustanai`)."""
    return _VOWELS_AND_H.sub("", _DOUBLED.sub(r"\1", key.replace("h", "")))


# A Japanese syllable in Hepburn romanisation, or a syllable-final `n`.
_MORA = re.compile(r"(?:sh|ch|ts|[kgsztdnhbpmrwfj])?y?[aeiou]|n(?![aeiouy])")
_MORAE = re.compile(rf"(?:{_MORA.pattern})+")
# Rendaku: a syllable opening a later part of a compound voiced (`k`->`g`, `s`->`z`, `sh`->`j`,
# `h`/`f`->`b` or `p`): each voiced opening read back to its plain one. The `t` row (`t`->`d`) is
# left out: `Nintento` for `Nintendo` is a slip as often as a reading.
_DEVOICED = (("sh", "sh"), ("ch", "ch"), ("ts", "ts"), ("j", "sh"), ("g", "k"), ("z", "s"), ("b", "h"), ("p", "h"), ("f", "h"))


def _devoiced(mora: str) -> str:
    for voiced, plain in _DEVOICED:
        if mora.startswith(voiced):
            return plain + mora[len(voiced) :]
    return mora


def _rendaku(a: str, b: str) -> bool:
    """One Japanese name read with and without rendaku (`Takagushi`/`Takakushi`,
    `Yamasaki`/`Yamazaki`, `Nakashima`/`Nakajima`): both spelt in Hepburn syllables, the same
    first syllable, and the others the same but for the voicing of their consonant."""
    if a == b or not (_MORAE.fullmatch(a) and _MORAE.fullmatch(b)):
        return False
    morae_a, morae_b = _MORA.findall(a), _MORA.findall(b)
    if len(morae_a) != len(morae_b) or len(morae_a) < 3 or morae_a[0] != morae_b[0]:
        return False
    return all(x == y or _devoiced(x) == _devoiced(y) for x, y in zip(morae_a, morae_b, strict=True))


# Letters one letter gets from the romanisation of another language than Russian, or from
# Russian that drops a diacritic, each read as one form on a `name_key` (an opening `ю` as `yu`
# or `u`: `Yugra`/`Ugra`): the Ukrainian `г` as `h`
# (`Sybiha`/`Sybiga`, `Synehubov`/`Sinegubov`), the Kazakh and Kyrgyz `ж` as `j` (`Japarov`/
# `Zhaparov`, `Kassym-Jomart`/`Kasym-Zhomart`), `ё` written `е` (`Orel`/`Oryol`, `Fedor`/
# `Fyodor`), the Ukrainian `і` of a closed last syllable where Russian has `о` (`Lviv`/`Lvov`,
# `Ternopil`/`Ternopol`), the Azerbaijani and Turkish `c` for `j` (`Ceyhun`/`Jeyhun`; before `a`,
# `o`, `u` a key already reads `c` as `k`), and the Persian `ق`/`غ`, one sound written `gh` or
# `q` (`Ghalibaf`/`Qalibaf`, `Bagher`/`Baqer`, `Araghchi`/`Araqchi`; `q` is already `k` on a key).
_SCHEME_LETTERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"zh|c(?=[ei])"), "j"),
    (re.compile(r"(?<=[bdfgklmnprstvz])io"), "e"),
    (re.compile(r"(?<=[^aeiou])o(?=[bdfgklmnprstvz]$)"), "i"),
    (re.compile(r"gh"), "k"),
    (re.compile(r"(?<![kcsztdpg])h"), "g"),
    (re.compile(r"^iu"), "u"),
)


@functools.lru_cache(maxsize=65536)
def _scheme_key(key: str) -> str:
    for pattern, replacement in _SCHEME_LETTERS:
        key = pattern.sub(replacement, key)
    return key


def spelling_variant(a: str, b: str) -> bool:
    """One word in two romanisations or two languages' letters (`Kiev`/`Kyiv`, `Bangladesch`,
    `Mallorca`/`Majorca`, `Alexandr`/`Alexander`, `Sybiha`/`Sybiga`, `Japarov`/`Zhaparov`,
    `Ghalibaf`/`Qalibaf`, `Betzalel`/`Bezalel`), a Korean surname in two of its spellings (`Ahn`/`An`),
    or a Japanese name with and without rendaku (`Yamasaki`/`Yamazaki`)."""
    from audit.names.exonyms import given_name_forms  # exonyms is built on this module

    plain_a, _, key_a = _word_forms(a)
    plain_b, _, key_b = _word_forms(b)
    if _vowel_variants(key_a, key_b) or _sounds(key_a) == _sounds(key_b) or _rendaku(plain_a, plain_b):
        return True
    if len(key_a) >= 4 and _vowel_variants(_scheme_key(key_a), _scheme_key(key_b)):
        return True  # `Orikhiv`/`Orekhov`: the Ukrainian `i`, and `e`/`i` beside it
    skeleton = _skeleton(key_a)
    if len(_DOUBLED.sub(r"\1", skeleton)) >= 3 and key_a[0] == key_b[0] and skeleton == _skeleton(key_b) and _vowels_near(key_a, key_b):
        return True  # three consonants at least, a repeated one once: `Lviv` is no `Lvovo`
    if "ll" in plain_a or "ll" in plain_b:  # the Spanish and Catalan `ll` is a `y` (`Mallorca`)
        return _vowel_variants(name_key(plain_a.replace("ll", "y")), name_key(plain_b.replace("ll", "y")))
    if ("tz" in plain_a) != ("tz" in plain_b):  # the Hebrew and German `tz` for `z` (`Betzalel`/`Bezalel`)
        return name_key(plain_a.replace("tz", "z")) == name_key(plain_b.replace("tz", "z"))
    return key_b in given_name_forms(key_a) or _one_korean_surname(a, b)


def _one_korean_surname(a: str, b: str) -> bool:
    """Two spellings English copy gives one Korean surname (`Ahn`/`An`, `Lee`/`Yi`, `Park`/`Bak`:
    `data/korean_surnames.tsv`), which no folding relates."""
    from audit.names.romanisers import korean_surnames  # romanisers is built on this module

    table = korean_surnames()
    return not set(table.get(a.capitalize(), ())).isdisjoint(table.get(b.capitalize(), ()))


@functools.lru_cache(maxsize=262144)
def same_word(a: str, b: str) -> bool:
    """Two spellings of one word of a name under two conventions (see above), the Arabic article
    glued to it or not (`Albudaiwi`/`Budaiwi`)."""
    if same_spelling(a, b) or _glued_article(_word_forms(a)[2], _word_forms(b)[2]):
        return True
    if _two_nations(_word_forms(a)[1], _word_forms(b)[1]):
        return False
    return spelling_variant(a, b) or word_form(a, b)


def _glued_article(a: str, b: str) -> bool:
    """One key the other with the Arabic article glued on (`albudaiwi`/`budaiwi`)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long[:2] in ("al", "el") and long[2:] == short


def name_words(name: str) -> list[re.Match[str]]:
    """The words of a name without its connectors (`of`, `bin`) and Arabic articles (`al-`, `ash-`).

    An article is one only before a hyphen: `US` in `US Army` is a word.
    """
    words = list(NAME_WORD.finditer(name))
    kept = [
        m
        for m in words
        if m.group().lower() not in CONNECTORS
        and not (m.group().lower() in ARTICLES and name[m.end() : m.end() + 1] in _HYPHENS)
    ]
    return kept or words


@functools.lru_cache(maxsize=65536)
def _word_list(name: str) -> tuple[str, ...]:
    return tuple(m.group() for m in name_words(name))


def equivalent_names(a: str, b: str) -> bool:
    """Two spellings of one name that differ only by convention (see above), word for word.

    The words pair in order under any convention, or in another order when each pair
    differs at most by folding: a reordered name with another spelling besides
    (`Islamic Party of Turkestan`/`Turkistan Islamic Party`) is how a literal rendering of
    an established name looks, and stays a near miss.
    """
    words_a, words_b = _word_list(a), _word_list(b)
    if not words_a or len(words_a) != len(words_b):
        return bool(words_a) and _joined(a, b)
    if all(same_word(x, y) for x, y in zip(words_a, words_b, strict=True)):
        return True
    free = list(words_b)
    for word in words_a:
        match = next((i for i, other in enumerate(free) if same_spelling(word, other)), None)
        if match is None:
            return _joined(a, b)  # `Da Nang` / `Danang`: a particle-like word joined on
        del free[match]
    return True


def _joined(a: str, b: str) -> bool:
    """One name with its words joined and apart (`Abdelatty`/`Abdel Aty`, `Hua Chunying`/`Hua Chun
    Ying`): the same letters, folded, in words that differ only where they are cut."""
    squashed = squashed_key(a)
    return (
        len(squashed) >= 6
        and squashed == squashed_key(b)
        and len(a.replace("-", " ").split()) != len(b.replace("-", " ").split())
    )


# ---------------------------------------------------------------- one name, several spellings

# Words that qualify a name and are no part of it: `Western Aleppo` is Aleppo, and
# `North Korea` / `South Korea` are not two spellings of one name.
_POINTS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
MODIFIERS = frozenset(
    [*_POINTS, *(point + "ern" for point in _POINTS), "central", "upper", "lower", "greater"]
)
# Endings that make another word of the same stem (`Russia`/`Russian`, `Iran`/`Iranian`,
# `Mosasaurus`/`Mosasaurs`, `Konashenkov`/`Konashenkova`), not another spelling of it.
_DERIVATIONS = frozenset(["", "s", "es", "n", "an", "ian", "ians", "ans", "ns", "i", "is", "us", "a", "e", "o", "u", "ese", "ish", "ic"])
# Titles, offices and ranks that stand before a name and are no part of it: `Russian Prime
# Minister Mikhail Mishustin` names Mikhail Mishustin, as `Mishustin` alone does.
TITLES = frozenset(
    """president vice prime minister premier chancellor king queen prince princess crown emir sultan
    ayatollah pope foreign defence defense interior finance economy trade energy deputy acting former
    spokesman spokeswoman spokesperson leader general gen major maj colonel col lieutenant lt captain capt
    commander marshal admiral adm sergeant sgt mayor governor gov senator sen speaker chairman chairwoman
    chief secretary ambassador envoy judge justice mr mrs ms dr prof sir lord lady cardinal archbishop
    bishop patriarch supreme opposition militia rebel state foreign-minister president-elect""".split()
)
_VOWEL_LETTERS = frozenset("aeiou")
# A near-miss search looks at most this many spellings that share a probe (hostile input).
_BUCKET_LIMIT = 64


@functools.lru_cache(maxsize=65536)
def name_core(spelling: str) -> int:
    """Where the name proper starts in `spelling`, after modifiers (`Western Aleppo` -> 8) and
    titles with the words of nationality or place before them (`Uzbek President Shavkat
    Mirziyoyev`, `Jordan's King Abdullah`)."""
    position, core = 0, 0
    while True:
        word_end = spelling.find(" ", position)
        if word_end < 0:
            return 0 if spelling[position:].lower() in TITLES else core
        word = spelling[position:word_end]
        lower = word.lower().rstrip(".")
        if lower in MODIFIERS or lower in TITLES:
            core = word_end + 1
            while spelling[core:].split(" ", 1)[0] in CONNECTORS and " " in spelling[core:]:
                core = spelling.index(" ", core) + 1  # `Governor of Texas`: the name is `Texas`
        elif not (is_demonym(word) or _POSSESSIVE_END.search(word)):
            return core
        position = word_end + 1


@functools.lru_cache(maxsize=65536)
def content_words(spelling: str) -> tuple[str, ...]:
    """The folded words of a name without articles and lower-case connectors: `Hurras al-Din`
    -> (huras, din). A capitalised connector is a word of the name (`Wang Wen Bin`: the pinyin
    syllable, not the Arabic `bin`)."""
    return _words_without_connectors(spelling, fold(spelling).split())


def _words_without_connectors(spelling: str, folded: list[str]) -> tuple[str, ...]:
    text = spelling if spelling.isascii() else anyascii(spelling)
    written = [w for w in _SEPARATORS.split(_APOSTROPHES.sub("", text)) if w]
    if len(written) != len(folded):
        return tuple(_content(" ".join(folded)).split())
    kept = [key for word, key in zip(written, folded, strict=True) if key != "al" and word not in CONNECTORS]
    return tuple(kept or folded)


def near_word(a: str, b: str) -> bool:
    """Two folded words that are one word spelt differently: a length-scaled edit distance.

    Words under 5 letters must fold alike (`Iran`/`Iraq` are two countries); 5-letter words
    may differ in one vowel (`Qaeda`/`Qaida`), other words in one edit (`Sinuar`/
    `Sinwar`, `Konashenko`/`Konashenkov`), and in two when both have 8 letters or more. The first letter is kept, and
    a stem with another derivational or case ending is another word (`Russia`/`Russian`).
    """
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if shorter < 5 or a[0] != b[0] or longer - shorter > 2:
        return False
    stem = common_prefix_length(a, b)
    if a[stem:] in _DERIVATIONS and b[stem:] in _DERIVATIONS:
        return False
    distance = Levenshtein.distance(a, b, score_cutoff=2)
    if longer <= 5:
        return distance == 1 and len(a) == len(b) and {a[stem], b[stem]} <= _VOWEL_LETTERS
    return distance <= (1 if shorter <= 7 else 2)


def is_variant(a: str, b: str) -> bool:
    """Two spellings of one name that differ in more than case (`Hua Chun Ying`/`Hua Chunying`,
    `Nasralla`/`Nasrallah`, `Schoigu`/`Shoigu`, `Kim Jong-Un`/`Kim Jong Un`).

    Word for word after folding, or alike once spaces are dropped; modifiers are compared too,
    so `North Korea` and `South Korea` stay two names.
    """
    if a.casefold() == b.casefold():
        return inner_case(a, b)
    bare_a, articles_a = _without_articles(a)
    bare_b, articles_b = _without_articles(b)
    if bare_a == bare_b:  # `Assad`/`al-Assad` is one spelling; `Al-Sham`/`Ash-Sham` two
        return bool(articles_a and articles_b and articles_a != articles_b)
    if _gendered_pair(content_words(a), content_words(b)):
        return False  # `Mirziyoyev`/`Mirziyoyeva`: two people, whatever another reading makes of them
    return any(_near_spellings(x, y) for x in readings(a) for y in readings(b))


# A surname's masculine and feminine forms (folded) in Russian, Ukrainian, Belarusian, Central
# Asian and Polish use: `Mirziyoyev`/`Mirziyoyeva`, `Navalny`/`Navalnaya`, `Tolstoy`/`Tolstaya`,
# `Tsikhanouski`/`Tsikhanouskaya`, `Kaczyński`/`Kaczyńska`.
_GENDERED_ENDINGS = (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "ska"), ("i", "aia"), ("oi", "aia"))


def _gendered_pair(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """The same name but one word in its masculine and feminine forms: a father and daughter,
    a husband and wife, never one person's two spellings."""
    if len(words_a) != len(words_b) or not words_a:
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    for masculine, feminine in _GENDERED_ENDINGS:
        for he, she in ((x, y), (y, x)):
            stem = he.removesuffix(masculine)
            if stem != he and len(stem) >= 3 and she == stem + feminine:
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _near_spellings(a: str, b: str) -> bool:
    """Alike once spaces are dropped, or word for word by `near_word`."""
    if squashed_key(a) == squashed_key(b):
        return bool(squashed_key(a))
    words_a, words_b = content_words(a), content_words(b)
    if len(words_a) != len(words_b) or not words_a:
        return False
    pairs = list(zip(words_a, words_b, strict=True))
    if all(near_word(x, y) for x, y in pairs):
        return True
    # A short word with one vowel changed, beside a longer word of the name spelt alike
    # (`Amer Abdollahian`/`Amir Abdollahian`, `Kim Jung Un`/`Kim Jong Un`).
    anchored = any(x == y and len(x) >= 5 for x, y in pairs)
    if not anchored:
        return False
    if all(x == y or near_word(x, y) or _one_vowel(x, y) for x, y in pairs):
        return True
    # ... or a short word with one letter dropped as written (`Imran Kan`/`Imran Khan`).
    written_a, written_b = _word_list(a), _word_list(b)
    if len(written_a) != len(pairs) or len(written_b) != len(pairs):
        return False
    return all(
        x == y or near_word(x, y) or _one_vowel(x, y) or _one_letter_more(u.lower(), v.lower())
        for (x, y), u, v in zip(pairs, written_a, written_b, strict=True)
    )


def _one_letter_more(a: str, b: str) -> bool:
    """Two written words of three letters or more, one with a letter inside it the other lacks
    (`Kan`/`Khan`; not an ending: `Ivanov`/`Ivanova` are two people), the first kept."""
    shorter, longer = sorted((a, b), key=len)
    return (
        len(longer) == len(shorter) + 1
        and len(shorter) >= 3
        and a[0] == b[0]
        and not longer.startswith(shorter)
        and Levenshtein.distance(a, b, score_cutoff=1) == 1
    )


def _one_vowel(a: str, b: str) -> bool:
    """Two words of three or four letters, one vowel apart, with the same first letter."""
    if len(a) != len(b) or not 3 <= len(a) <= 4 or a[0] != b[0]:
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and set(changed[0]) <= _VOWEL_LETTERS


def inner_case(a: str, b: str) -> bool:
    """One spelling in two cases inside a word (`Moon Jae-In`/`Moon Jae-in`, `DeSantis`/`Desantis`).

    Not a variant: the case of a name's first letter (a sentence may start with `Al-Assad`),
    of a connector word (`Mohammed Bin Salman`), or a spelling in capitals (a headline). A
    hyphenated article inside a name is (`Ahmed Al-Sharaa`/`Ahmed al-Sharaa`).
    """
    if len(a) != len(b) or a.isupper() or b.isupper():
        return False
    words = [m for m in re.finditer(r"[^\s]+", a)]
    for index, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or index == 0:
            continue
        word = next(m for m in words if m.start() <= index < m.end())
        head = word.group().lower().split("-")[0]
        if index == word.start() and (head in ARTICLES or head in CONNECTORS):
            if word.start() == 0 or head not in ARTICLES or not _HYPHENS & set(word.group()):
                continue  # an article opening the name (a sentence may start with it), or a loose word
        if index == word.start() + len(head) + 1 and head in ARTICLES:
            continue  # `al-Qaeda` beside `al-qaeda`? an article's hyphen, then the name: judged as its word
        return True
    return False


_ARTICLE_WORD = re.compile(
    r"\b(" + "|".join(sorted(KEY_ARTICLES, key=len, reverse=True)) + r")[-‐‑ ]+(?=\w)", re.IGNORECASE
)


@functools.lru_cache(maxsize=65536)
def _without_articles(spelling: str) -> tuple[str, tuple[str, ...]]:
    """The spelling, case-folded, without its article words; and those articles."""
    folded = spelling.casefold()
    return _ARTICLE_WORD.sub("", folded), tuple(m[1] for m in _ARTICLE_WORD.finditer(folded))


def diacritics_only(a: str, b: str) -> bool:
    """`Erdoğan`/`Erdogan`: one spelling with and one without diacritics (a style matter)."""
    return a.casefold() != b.casefold() and anyascii(a).casefold() == anyascii(b).casefold()


@functools.lru_cache(maxsize=65536)
def near_probes(key: str) -> tuple[str, ...]:
    """The key and its one-letter deletions: two keys within two edits share a probe (symmetric deletion).

    A key of 10 letters or more also has each `h` digraph deleted (`zh`, `kh`, `gh`), so a
    dropped digraph meets the spelling that keeps it (`Zaporizhia`/`Zaporizhzhia`)."""
    if len(key) < 5:
        return (key,)
    deletions = [key, *(key[:i] + key[i + 1 :] for i in range(len(key)))]
    if len(key) >= _PAIR_DELETION_LENGTH:
        deletions += [key[: m.start()] + key[m.end() :] for m in _H_DIGRAPH.finditer(key)]
    return tuple(dict.fromkeys(deletions))


# Keys this long may drop two letters and still be near (`near_word`: two edits from 8 letters).
_PAIR_DELETION_LENGTH = 10
_H_DIGRAPH = re.compile(r"[a-z]h")


def variant_clusters(spellings: Sequence[str]) -> list[list[int]]:
    """Groups (indices into `spellings`, each group of two or more) that are one name.

    Spellings with one folded key are one name (`Assad`, `al-Assad`, `Al-Assad`: not all
    of them variants, see `is_variant`); others join when their keys share a probe of the
    deletion index (within two edits) and `is_variant` confirms it. Near-linear in the number
    of spellings. Distinct spellings are expected (`spellings` holds each once).
    """
    sets = DisjointSets(len(spellings))
    joined = False  # most documents spell each name one way: no sets to list
    by_key: dict[str, int] = {}
    for index, spelling in enumerate(spellings):
        key = squashed_key(spelling)
        if not key:
            continue
        same = by_key.setdefault(key, index)
        if same != index:
            sets.join(index, same)
            joined = True
    # Each key's first spelling stands in the index for it; only those that share a probe with
    # another go in (the others' probes would each have one owner and meet nothing).
    indexed = {spellings[index]: index for index in by_key.values()}
    near = _NEAR.near_any(indexed, indexed)
    probes = _ProbeIndex()
    for spelling, index in indexed.items():
        if spelling not in near:
            continue
        for other in probes.add(reading_probes(spelling), index):
            if is_variant(spelling, spellings[other]):
                sets.join(index, other)
                joined = True
    return [members for members in sets.groups() if len(members) > 1] if joined else []


@functools.lru_cache(maxsize=65536)
def reading_probes(spelling: str) -> tuple[str, ...]:
    """The near-miss probes of every reading of `spelling` (see `readings`)."""
    keys = dict.fromkeys(squashed_key(reading) for reading in readings(spelling))
    return tuple(dict.fromkeys(probe for key in keys if key for probe in near_probes(key)))


class _ProbeIndex:
    """Probe -> the spellings that have it. Most probes belong to one spelling, so the first
    owner is kept in a plain dict and a list is made only when a second one arrives."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}
        self._more: dict[str, list[int]] = {}

    def add(self, probes: Iterable[str], index: int) -> list[int]:
        """Add `index` under its probes; the earlier spellings that share one (capped per probe)."""
        met: list[int] = []
        for probe in probes:
            first = self._first.setdefault(probe, index)
            if first == index:
                continue
            others = self._more.setdefault(probe, [first])
            met.extend(others[:_BUCKET_LIMIT])
            others.append(index)
        return list(dict.fromkeys(met)) if len(met) > 1 else met

    def get(self, probe: str) -> list[int]:
        more = self._more.get(probe)
        if more is not None:
            return more[:_BUCKET_LIMIT]
        first = self._first.get(probe)
        return [] if first is None else [first]


class _NearGraph:
    """Spellings seen in the process, each with those that share one of its probes (`reading_probes`).

    A feed names the same people again and again, and most of a document's spellings share no
    probe with another of its spellings: looked up here, they stay out of its probe index. Kept
    for up to `limit` spellings, then started afresh (between documents, never within one).
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._owners: dict[str, list[str]] = {}
        self._near: dict[str, set[str]] = {}

    def near_any(self, texts: Collection[str], others: Collection[str]) -> set[str]:
        """Those of `texts` that share a probe with another string of `others`."""
        if len(self._near) + len(texts) + len(others) > self._limit:
            self._owners.clear()
            self._near.clear()
        among = set(others)
        for text in among:
            self._add(text)
        return {text for text in texts if not self._add(text).isdisjoint(among)}

    def _add(self, text: str) -> set[str]:
        """`text`'s near strings, registering it on its first look-up."""
        known = self._near.get(text)
        if known is not None:
            return known
        near: set[str] = set()
        for probe in reading_probes(text):
            owners = self._owners.setdefault(probe, [])
            for other in owners:
                near.add(other)
                self._near[other].add(text)
            owners.append(text)
        self._near[text] = near
        return near


_NEAR = _NearGraph(65536)


def _probed(texts: set[str]) -> set[str]:
    """Those of `texts` with a probe (a surname spelt as a last word meets it)."""
    return {text for text in texts if reading_probes(text)}


def head_links(spellings: Sequence[str]) -> list[tuple[int, int]]:
    """(one-word spelling, longer spelling) pairs where the word is the name's last word spelt
    another way: `Schoigu` beside `Sergei Shoigu`, `Konashenko` beside `Igor Konashenkov`.

    A surname alone spelt like the full name's last word is the ordinary short form, not listed.
    """
    singles, longer = [], []
    for index, spelling in enumerate(spellings):
        words = content_words(spelling)
        if len(words) == 1:
            singles.append((index, spelling))
        elif words:
            longer.append((index, _last_word(spelling)))
    if not singles or not longer:
        return []
    # Only a surname and a last word that share a probe can meet: the others stay out of the index.
    single_set = {spelling for _, spelling in singles}
    last_set = {last for _, last in longer}
    near_singles = _NEAR.near_any(single_set, last_set) | _probed(single_set & last_set)
    if not near_singles:
        return []
    near_lasts = _NEAR.near_any(last_set, near_singles) | _probed(last_set & near_singles)
    heads = _ProbeIndex()
    for index, last in longer:
        if last in near_lasts:
            heads.add(reading_probes(last), index)
    links = []
    for index, spelling in singles:
        if spelling not in near_singles:
            continue
        met = [other for probe in reading_probes(spelling) for other in heads.get(probe)]
        for other in dict.fromkeys(met):
            if is_variant(spelling, _last_word(spellings[other])):
                links.append((index, other))
    return links


def _last_word(spelling: str) -> str:
    """The last word of a name as written (`al-Assad` of `Bashar al-Assad`)."""
    return spelling.rsplit(" ", 1)[-1]
