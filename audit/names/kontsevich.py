"""Korean names as Russian writes them (the Kontsevich system), read back as English spells them.

Russian copy writes a Korean name syllable by syllable, one word each (`Юн Сок Ёль`, `Ли Чжэ
Мён`, `Пан Ги Мун`), English by the Revised Romanization or an older spelling a person keeps
(`Yoon Suk Yeol`, `Lee Jae-myung`, `Ban Ki-moon`); no Cyrillic romanisation relates the two
(`Yun Sok Yol`). Every syllable is an initial consonant, a vowel and a final consonant, each
written a few ways on either side, so the table is built from them once per process, and a run
of two or more capitalised words that are each one syllable (the last may take a Russian case
ending: `Юн Сок Ёля`) is read as the English spellings its words may stand for. The soft sign
is dropped (`Ёль`, `Ёл`).
"""

from __future__ import annotations

import functools
import re

# Each jamo: its Cyrillic spellings, then its English ones.
_INITIALS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("к", "г"), ("g", "k")),
    (("кк",), ("kk", "gg")),
    (("н",), ("n",)),
    (("т", "д"), ("d", "t")),
    (("тт",), ("tt", "dd")),
    (("р", "л"), ("r", "l")),
    (("м",), ("m",)),
    (("п", "б"), ("b", "p")),
    (("пп",), ("pp", "bb")),
    (("с",), ("s", "sh")),
    (("сс",), ("ss",)),
    (("",), ("",)),
    (("ч", "чж", "дж"), ("j", "ch")),
    (("чч", "тч"), ("jj", "tch")),
    (("чх",), ("ch",)),
    (("кх",), ("k", "kh")),
    (("тх",), ("t", "th")),
    (("пх",), ("p", "ph")),
    (("х",), ("h",)),
)
_VOWELS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("а",), ("a",)),
    (("э",), ("ae", "e")),
    (("я",), ("ya",)),
    (("о", "е"), ("eo", "o", "u")),  # ㅓ: `Сок` is `Seok`, `Suk`; `Чен` of `Ким Чен Ын`, `Jong`
    (("е", "э"), ("e",)),
    (("ё", "е"), ("yeo", "yo", "yu", "ye")),  # ㅕ: `Мён` is `Myeong`, `Myung`
    (("о",), ("o", "oh")),
    (("ва", "уа"), ("wa",)),
    (("вэ",), ("wae",)),
    (("ве", "вэ", "ое"), ("oe", "oi", "woe")),
    (("ё",), ("yo",)),
    (("у",), ("u", "oo", "woo")),
    (("во",), ("wo", "weo")),
    (("ве",), ("we",)),
    (("ви",), ("wi", "wee")),
    (("ю",), ("yu", "yoo", "you")),
    (("ы",), ("eu", "u")),
    (("ый", "ы"), ("ui", "eui")),
    (("и",), ("i", "ee", "yi")),
)
_FINALS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("",), ("",)),
    (("к",), ("k", "g", "ck")),
    (("н",), ("n", "ng")),  # ㄴ and ㅇ alike
    (("л",), ("l",)),
    (("м",), ("m",)),
    (("п",), ("p", "b")),
    (("т",), ("t",)),
)
# Surnames each person's family spells its own way (`Ли`: `Lee`, `Пак`: `Park`, `Чхве`: `Choi`).
_SURNAMES = {
    "ли": ("lee", "yi", "rhee", "li", "ri"),
    "пак": ("park", "pak", "bak"),
    "чхве": ("choi", "choe"),
    "им": ("lim", "im"),
    "ан": ("ahn", "an"),
    "но": ("roh", "noh"),
    "рю": ("ryu", "yoo", "yu"),
    "ким": ("kim", "gim"),
}
# A Russian case ending a name's last syllable may take (`Ёля`, `Мёна`, `Муном`).
_ENDING = re.compile(r"(?:ом|ем|ой|ей|а|я|у|ю|е)$")
_WORD = re.compile(r"[А-ЯЁ][а-яё]*(?:[-‐‑][А-ЯЁа-яё][а-яё]*)*")
_SYLLABLES_PER_NAME = (2, 4)


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """A Cyrillic syllable (soft sign dropped) -> the English spellings it may stand for."""
    table: dict[str, set[str]] = {}
    for initials, latin_initials in _INITIALS:
        for vowels, latin_vowels in _VOWELS:
            for finals, latin_finals in _FINALS:
                latin = {i + v + f for i in latin_initials for v in latin_vowels for f in latin_finals}
                for cyrillic in (i + v + f for i in initials for v in vowels for f in finals):
                    table.setdefault(cyrillic, set()).update(latin)
    for surname, spellings in _SURNAMES.items():
        table.setdefault(surname, set()).update(spellings)
    return {key: frozenset(value) for key, value in table.items()}


def _syllables(word: str, last: bool) -> list[frozenset[str]] | None:
    """The English spellings of each syllable of a word that is one syllable (a hyphenated word:
    one per part), or None; the last word of a name may carry a case ending (`Ёля`)."""
    table = _table()
    parts = re.split(r"[-‐‑]", word.lower().replace("ь", ""))
    readings: list[frozenset[str]] = []
    for i, part in enumerate(parts):
        found = table.get(part)
        if found is None and last and i == len(parts) - 1 and _ENDING.search(part):
            found = table.get(_ENDING.sub("", part))
        if found is None:
            return None
        readings.append(found)
    return readings


# How many spellings of a given name written as one word (`Jaemyung`) are kept.
_JOINED = 256


@functools.lru_cache(maxsize=8192)  # a feed repeats its paragraphs
def korean_readings(text: str, *, alone: bool = False) -> frozenset[str]:
    """The English spellings (lower case) of the words of Korean names in a Russian `text`: runs
    of two to four adjacent capitalised words that are each one syllable (`Юн Сок Ёль`,
    `Генсек ООН Пан Ги Мун`: `Пан Ги Мун`), the given name's syllables also as one word.

    With `alone`, `text` is one name of the source, which may be a Korean name's last part alone
    (`Муном`, split from `Пан Ги`): one syllable word, read where its spellings are three letters or more.
    """
    if alone and _WORD.fullmatch(text) and " " not in text:
        read = _syllables(text, last=True)
        return frozenset(s for options in read or () for s in options if len(s) >= 3)
    found: set[str] = set()
    run: list[list[frozenset[str]]] = []
    end = -1
    for match in _WORD.finditer(text):
        read = _syllables(match.group(), last=True)
        if read is not None and (not run or text[end : match.start()] == " "):
            run.append(read)
        else:
            found.update(_run_readings(run))
            run = [read] if read is not None else []
        end = match.end()
    found.update(_run_readings(run))
    return frozenset(found)


def _run_readings(run: list[list[frozenset[str]]]) -> set[str]:
    low, high = _SYLLABLES_PER_NAME
    if not low <= len(run) <= high:
        return set()
    syllables = [options for word in run for options in word]
    found = {spelling for options in syllables for spelling in options}
    if len(syllables) > 2:
        joined = [""]  # the given name's syllables as one word (`Jaemyung`, `Kimoon`)
        for options in syllables[1:]:
            joined = [a + b for a in joined for b in options][:_JOINED]
        found.update(joined)
    return found
