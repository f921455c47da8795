"""Numbers in text, with every value a reader could take them for, so two texts can be compared.

`100,000` is a hundred thousand in English and a hundred in German; `100.000` the other way
round; `100 000`, `100 thousand`, `100 тысяч` and `100k` all mean one value. Rather than guess
a locale, a number carries the set of values its spelling admits (both readings of an
ambiguous separator, the value with and without a following scale word), and two numbers
match when their sets meet. Times (`12 h 00`, `12:00`, `1200 GMT`) carry the hour and the
HHMM value; Roman centuries (`XIe siècle`, `siglo XV`) their value; `1970s` also means `70`.
English number words (`two`, `twenty`) and month names count in a translation; numbers
spelt in words in a source are not read (yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALES: dict[str, float] = {}
for _words, _value in (
    ("thousand thousands k tys tys. tis tis. тыс тыс. тысяч тысячи тысяча mila mil tausend", 1e3),
    (
        (
            "million millions m mn mln mln. mio mio. millionen millionen milioni millones miliony milionów "
            "milionu milionů milion miliónů млн млн. миллион миллиона миллионов"
        ),
        1e6,
    ),
    (
        (
            "billion billions bn b mld mld. mrd mrd. milliarde milliarden miliardi miliardy miliardów "
            "miliard miliardů milliard milliards млрд млрд. миллиард миллиарда миллиардов"
        ),
        1e9,
    ),
    ("trillion trillions tn bio billionen trilioni bilionów bilion трлн триллион триллиона триллионов", 1e12),
):
    for _word in _words.split():
        _SCALES[_word] = _value

_ENGLISH_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ENGLISH_MONTHS = {
    month: value
    for value, month in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_ENGLISH_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
        "midnight": 0,
        "noon": 12,
    }
)
_ENGLISH_WORDS.update({word[:-1] + "ies": value for word, value in list(_ENGLISH_WORDS.items()) if word.endswith("ty")})
_ENGLISH_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}

_SEP = r"[,.\u00a0\u202f ’']"
_NUMBER = re.compile(
    r"(?<![A-Za-z\u00c0-\u024f\u0400-\u052f\uff21-\uff3a\uff41-\uff5a\d.,])(?:"  # not glued to a word: `M5`, `CO2`, `A320` are names
    r"(?P<time>(?P<hh>[01]?\d|2[0-3])\s?(?::|h|\.(?=\d\d\s?(?:Uhr|h\b)))\s?(?P<mm>[0-5]\d)(?!\d))"
    rf"|(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?))"
)
# Chinese and Japanese scale characters written straight after the digits (`417.6万`).
_CJK_SCALES = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_SCALE_AFTER = re.compile(r"[\s\u00a0]?([^\W\d_]+\.?)", re.UNICODE)
_CLOCK_AFTER = re.compile(r"\s?(?:GMT|UTC|hrs|hours|h\b|Uhr|Z\b)")
_ROMAN = re.compile(
    r"\b(?:siglo|secolo|siècle|wieku|století|века|век) (?P<roman_after>[IVXLC]{1,6})\b"
    r"|\b(?P<roman>[IVXLC]{1,6})(?:e|er|ème|\.)?"
    r"(?=(?:\s?[–-]\s?[IVXLC]{1,6}(?:e|er|ème|\.)?)?\s+"
    r"(?:siècles?|siglos?|secoli|secolo|wieku|wiek|století|Jahrhunderts?|century|века|век)\b)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD = re.compile(r"\b[a-z]+(?:-[a-z]+)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written: offsets into its text, the spelling, and the values it can mean.

    A `weak` number (a word like `two`, a month name, the minutes of a time) may pair with
    a number of the other text but is never reported unpaired itself.
    """

    start: int
    end: int
    text: str
    values: frozenset[float]
    weak: bool = False

    def matches(self, other: Number) -> bool:
        return not self.values.isdisjoint(other.values)

    @property
    def magnitude(self) -> float:
        return min(self.values)


def _readings(text: str) -> set[float]:
    """The values a digit string admits: English and continental separators both tried."""
    digits = re.sub(r"[\u00a0\u202f ’']", "", text)
    readings: set[float] = set()
    english = re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", digits)
    if english:
        readings.add(float(digits.replace(",", "")))
    continental = re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", digits)
    if continental:
        readings.add(float(digits.replace(".", "").replace(",", ".")))
    if not readings:
        readings.add(float(re.sub(r"\D", "", digits) or 0))
    return readings


def _word_value(word: str) -> int | None:
    for table in (_ENGLISH_WORDS, _ENGLISH_ORDINALS, _ENGLISH_MONTHS):
        if word in table:
            return table[word]
    return None


def _clean(values: set[float]) -> frozenset[float]:
    """Values rounded to nine significant digits, so `417.6万` equals `4.176 million`."""
    return frozenset(float(f"{v:.9g}") for v in values)


def _roman(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def find_numbers(text: str, *, english_words: bool = False) -> list[Number]:
    """The numbers of `text` in order; `english_words` adds `two`, `twenty`, `third`, `July` (weak)."""
    numbers: list[Number] = []
    compound_until = -1
    for match in _NUMBER.finditer(text):
        if match.start() < compound_until:
            numbers.append(
                Number(match.start(), match.end(), match.group(), _clean(_readings(match.group())), weak=True)
            )
            continue
        if match.group("time"):
            hh, mm = int(match.group("hh")), int(match.group("mm"))
            hours = {float(hh), float(hh * 100 + mm), float((hh + 12) % 24)}
            numbers.append(Number(match.start(), match.end(), match.group(), _clean(hours)))
            numbers.append(
                Number(match.start("mm"), match.end("mm"), match.group("mm"), _clean({float(mm)}), weak=True)
            )
            continue
        raw = match.group("num")
        values = _readings(raw)
        after = text[match.end() : match.end() + 16]
        scale = _SCALE_AFTER.match(after)
        if after[:1] in _CJK_SCALES:
            values |= {v * _CJK_SCALES[after[0]] for v in values}
            rest = re.match(r"\d+", after[1:])
            if rest:  # `1万1000`: one number, 11,000
                values |= {v * _CJK_SCALES[after[0]] + float(rest.group()) for v in _readings(raw)}
                compound_until = match.end() + 1 + rest.end()
        elif scale and scale.group(1).lower() in _SCALES:
            factor = _SCALES[scale.group(1).lower()]
            values |= {v * factor for v in values}
        if re.fullmatch(r"\d{4}", raw) and _CLOCK_AFTER.match(after):
            values.add(float(int(raw) // 100))
        if re.fullmatch(r"\d{3}0", raw) and re.match(r"['’]?s\b", after):
            year = int(raw)
            values |= {float(year % 100), float(year // 100 + 1)}  # the 1850s: the fifties of the 19th century
        weak = values <= {0.0, 1.0}  # `one` is as often `a`, `zero` `no`: never required
        numbers.append(Number(match.start(), match.end(), raw, _clean(values), weak=weak))
    for match in _ROMAN.finditer(text):
        group = "roman" if match.group("roman") else "roman_after"
        numbers.append(
            Number(
                match.start(group), match.end(group), match.group(group), frozenset({float(_roman(match.group(group)))})
            )
        )
    if english_words:
        for match in _WORD.finditer(text):
            word = match.group().lower()
            value = _word_value(word) if "-" not in word else None
            if value is None and "-" in word:
                head = word.split("-", 1)[0]
                value = _word_value(head)
            if value is None and "-" in word:
                tens, _, unit = word.partition("-")
                if tens in _ENGLISH_WORDS and unit in _ENGLISH_WORDS:
                    value = _ENGLISH_WORDS[tens] + _ENGLISH_WORDS[unit]
            if value is None:
                continue
            values = {float(value)}
            scale = _SCALE_AFTER.match(text[match.end() : match.end() + 16])
            if scale and scale.group(1).lower() in _SCALES:
                values.add(value * _SCALES[scale.group(1).lower()])
            numbers.append(Number(match.start(), match.end(), match.group(), _clean(values), weak=True))
    numbers.sort(key=lambda n: (n.start, n.end))
    return numbers


def unmatched(ours: list[Number], theirs: list[Number]) -> list[Number]:
    """The strong numbers of `ours` with no counterpart in `theirs`, each counterpart used once.

    Strong numbers pair first, so a weak one (`two`, the minutes of a time) never takes
    the counterpart a strong one needs.
    """
    pool = sorted(theirs, key=lambda n: n.weak)
    missing = []
    for number in sorted(ours, key=lambda n: n.weak):
        for i, other in enumerate(pool):
            if number.matches(other):
                del pool[i]
                break
        else:
            if not number.weak:
                missing.append(number)
    return sorted(missing, key=lambda n: n.start)


def format_english(value: float) -> str:
    """A value as English copy writes it: `100,000`, `7.1`."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.10g}"
