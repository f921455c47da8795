"""Chinese names as Russian writes them (the Palladius system), read back as pinyin.

Russian copy spells Chinese names by Palladius (`Си Цзиньпин`, `Ван И`, `Ли Цян`), English
by pinyin (`Xi Jinping`, `Wang Yi`, `Li Qiang`); no Cyrillic romanisation relates the two
(`Si Tszinpin`). The Palladius form of every pinyin syllable follows from a few rules for
initials and finals, so the table is built from them once per process, reversed, and a
Cyrillic word that splits wholly into Palladius syllables is read as the pinyin it may stand
for. The soft sign is dropped on both sides (`Цзиньпин`, `Цзинпин`).
"""

from __future__ import annotations

import functools

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
    "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз",
    "c": "ц", "s": "с",
}  # fmt: skip
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
}  # fmt: skip
# After j, q and x, `u` is ü.
_FINALS_U = {"u": "юй", "uan": "юань", "un": "юнь", "ue": "юэ"}
_ALONE = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю",
    "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй",
    "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
}  # fmt: skip
# Syllables Palladius writes otherwise than the rules give.
_SPECIAL = {"hui": "хуэй", "gui": "гуй", "zi": "цзы", "ci": "цы", "si": "сы", "lüe": "люэ", "nü": "нюй", "lü": "люй"}
_LONGEST = 6
_CANDIDATES = 8


def _syllable(initial: str, final: str) -> str | None:
    if initial in ("j", "q", "x"):
        if final in _FINALS_U:
            return _INITIALS[initial] + _FINALS_U[final]
        if not final.startswith("i"):
            return None
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and final.startswith("i") and final != "i":
        return None
    if initial in ("zh", "ch", "sh", "r") and final == "i":
        return _INITIALS[initial] + "и"
    cyrillic = _FINALS.get(final)
    return None if cyrillic is None else _INITIALS[initial] + cyrillic


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """Palladius spelling (soft sign dropped) -> the pinyin syllables it may stand for."""
    pairs: dict[str, set[str]] = {}
    finals = set(_FINALS) | set(_FINALS_U)
    for initial in _INITIALS:
        for final in finals:
            pinyin = initial + final
            cyrillic = _SPECIAL.get(pinyin) or _syllable(initial, final)
            if cyrillic:
                pairs.setdefault(cyrillic.replace("ь", ""), set()).add(pinyin.replace("ü", "u"))
    for pinyin, cyrillic in (*_ALONE.items(), *_SPECIAL.items()):
        pairs.setdefault(cyrillic.replace("ь", ""), set()).add(pinyin.replace("ü", "u"))
    return {key: tuple(sorted(value)) for key, value in pairs.items()}


@functools.lru_cache(maxsize=4096)
def pinyin_readings(word: str) -> tuple[str, ...]:
    """The pinyin a Cyrillic word may spell (`Цзиньпин` -> `jinping`); empty unless it splits
    wholly into Palladius syllables."""
    text = word.lower().replace("ё", "е").replace("ь", "")
    if not text or not text.isalpha():
        return ()
    table = _table()
    # readings[i]: the readings of text[:i]
    readings: list[list[str]] = [[""]] + [[] for _ in text]
    for end in range(1, len(text) + 1):
        for size in range(1, min(_LONGEST, end) + 1):
            syllables = table.get(text[end - size : end])
            if syllables and readings[end - size]:
                readings[end].extend(r + s for r in readings[end - size] for s in syllables)
        del readings[end][_CANDIDATES:]
    return tuple(dict.fromkeys(readings[-1]))
