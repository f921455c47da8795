"""N211-N212: numbers that differ between the source and the translation.

Both sides are read by `audit.numbers`, which keeps every value a spelling admits (`100,000`
and `100.000` both read as a hundred thousand and as a hundred), so format differences pass
and a changed digit does not. Compared per unit when units carry sources, per paragraph when
a story and its source have the same paragraphs; what a paragraph leaves unpaired is matched
once more across paragraphs, since a translator may move a figure into the next one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import ClassVar

from audit.checks.base import Check, CheckContext, Option, register
from audit.names.exonyms import language_code
from audit.names.source import SourcePair, proportional_offset, source_pairs, story_pair
from audit.numbers import Number, find_numbers, format_english, in_score, unmatched
from audit.types import Finding, Segment, Severity


def _compare(ctx: CheckContext, pair: SourcePair) -> tuple[list[Number], list[Number]]:
    """(source numbers missing from the translation, translation numbers missing from the
    source); the first at offsets of `pair.source`, the second of the document's text."""
    lang = language_code(ctx.document.source_lang or ctx.config.source_lang)
    missing, extras = _compared(pair.source, ctx.document.text[pair.start : pair.end], lang)
    return list(missing), [replace(n, start=n.start + pair.start, end=n.end + pair.start) for n in extras]


@functools.lru_cache(maxsize=4096)  # asked by N211 and N212; a feed repeats its paragraphs
def _compared(source: str, english: str, lang: str | None) -> tuple[tuple[Number, ...], tuple[Number, ...]]:
    theirs = find_numbers(source, lang=lang)
    ours = find_numbers(english, english_words=True)
    theirs = [n for n in theirs if not _day_as_weekday(n, source, english, theirs, ours)]
    theirs = [n for n in theirs if not _year_of_figure_date(n, source, english, theirs)]
    return tuple(unmatched(theirs, ours)), tuple(unmatched(ours, theirs))


def _year_of_figure_date(number: Number, source: str, english: str, found: list[Number]) -> bool:
    """The year of a source date English writes as month/day alone, the name of what happened
    then (`l'après-11 septembre 2001`: `post-9/11`, `7 lipca 2005`: `7/7`): the year goes unsaid.
    The day and the month (a weak number of the source's month names) stand right before it."""
    if not (1000 <= number.magnitude <= 2100 and number.text.isdigit()):
        return False
    before = [n for n in found if n.end <= number.start and number.start - n.end <= 16][-2:]
    if len(before) != 2 or sum(n.weak for n in before) != 1:
        return False
    month = next(n for n in before if n.weak).magnitude
    day = next(n for n in before if not n.weak).magnitude
    return re.search(rf"(?<![\d/]){month:.0f}/{day:.0f}(?![\d/])", english) is not None


def _left_over(ctx: CheckContext, pairs: list[SourcePair]) -> tuple[frozenset[int], frozenset[int]]:
    """(offsets in the source of the numbers no paragraph of the translation has, offsets in the
    translation of the numbers no paragraph of the source has): what each paragraph leaves
    unpaired, matched once more across paragraphs, since a translator may move a figure into
    the next paragraph. Unit pairs and a whole text are their own story."""

    def compute() -> tuple[frozenset[int], frozenset[int]]:
        missing: list[Number] = []
        extras: list[Number] = []
        for pair in pairs:
            theirs, ours = _compare(ctx, pair)
            missing += [replace(n, start=n.start + pair.source_start, end=n.end + pair.source_start) for n in theirs]
            extras += ours
        if story_pair(ctx.document, pairs) is None:
            return frozenset(n.start for n in missing), frozenset(n.start for n in extras)
        return frozenset(n.start for n in unmatched(missing, extras)), frozenset(n.start for n in unmatched(extras, missing))

    return ctx.memo("numbers left over", compute)


def _flagged_extras(extras: list[Number], missing: list[Number], smallest: float, text: str) -> list[Number]:
    """Extra numbers worth flagging: any when a source number is unpaired, else only large ones
    that are not part of a name (`Covid-19` for `新冠`), and the sides of a score (`a 1-1 draw`
    for a goalless `0:0`), which are figures however small (not the `00` of a time, `24:00`), and
    not a year English adds to name an event the source names without one (`the 2011 earthquake`
    for `東日本大震災`), nor a conversion in parentheses after a figure and its unit (`330 million
    mu (22 million hectares)`; checked where both units are known)."""
    if missing:
        return extras
    return [
        n
        for n in extras
        if (n.magnitude >= smallest or n.magnitude != int(n.magnitude) or (n.magnitude >= 1 and in_score(text, n.start, n.end)))
        and not _NAME_PART.search(text, max(0, n.start - 2), n.start)
        and not _names_an_event(text, n)
        and not _converts(text, n)
    ]


# A figure with its unit, then an opening parenthesis: what follows converts it into another
# unit or currency English readers know (`330 million mu (22 million hectares)`, `40 metres per
# second (90 mph)`, `500 crore rupees ($60 million)`).
_CONVERSION_BEFORE = re.compile(
    r"(?P<figure>\d[\d,]*(?:\.\d+)?)(?:\s(?P<scale>thousand|million|billion|trillion))?\s?"
    r"(?P<unit>[^\W\d_]+\.?(?:\s(?:per|a|an|[^\W\d_]+)){0,2})\s\((?:about |around |some |roughly |nearly |almost |over |more than )?(?:US)?[$€£¥]?$",
    re.IGNORECASE,
)
_CONVERTED = re.compile(
    r"(?:\s(?P<scale>thousand|million|billion|trillion))?\s?(?P<unit>[^\W\d_]+\.?(?:\s(?:per|a|an|[^\W\d_]+)){0,2})", re.IGNORECASE
)
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Units English converts into one another, each by its size in one base unit of its kind
# (metre, square metre, kilogram, metre per second, litre).
_UNITS = {
    **dict.fromkeys(("km", "kilometres", "kilometers", "kilometre", "kilometer"), ("length", 1000.0)),
    **dict.fromkeys(("m", "metres", "meters", "metre", "meter"), ("length", 1.0)),
    **dict.fromkeys(("cm", "centimetres", "centimeters"), ("length", 0.01)),
    **dict.fromkeys(("miles", "mile", "mi"), ("length", 1609.344)),
    **dict.fromkeys(("feet", "foot", "ft"), ("length", 0.3048)),
    **dict.fromkeys(("inches", "inch", "in"), ("length", 0.0254)),
    **dict.fromkeys(("hectares", "hectare", "ha"), ("area", 1e4)),
    **dict.fromkeys(("acres", "acre"), ("area", 4046.856)),
    **dict.fromkeys(("mu",), ("area", 10000 / 15)),
    **dict.fromkeys(("square kilometres", "square kilometers", "sq km", "km2"), ("area", 1e6)),
    **dict.fromkeys(("square miles", "sq miles"), ("area", 2589988.0)),
    **dict.fromkeys(("tonnes", "tonne", "metric tons", "t"), ("mass", 1000.0)),
    **dict.fromkeys(("kg", "kilograms", "kilogrammes", "kilos"), ("mass", 1.0)),
    **dict.fromkeys(("pounds", "pound", "lb", "lbs"), ("mass", 0.45359237)),
    **dict.fromkeys(("mph", "miles per hour"), ("speed", 0.44704)),
    **dict.fromkeys(("km/h", "kph", "kilometres per hour", "kilometers per hour"), ("speed", 1 / 3.6)),
    **dict.fromkeys(("metres per second", "meters per second", "m/s"), ("speed", 1.0)),
    **dict.fromkeys(("knots",), ("speed", 0.514444)),
    **dict.fromkeys(("litres", "liters", "l"), ("volume", 1.0)),
    **dict.fromkeys(("gallons",), ("volume", 3.785411784)),
    **dict.fromkeys(("barrels",), ("volume", 158.987)),
}


def _converts(text: str, number: Number) -> bool:
    """Whether a figure in parentheses after a figure and its unit converts it into another
    unit: context English adds. Checked where both units are known (a conversion off by a
    power of ten, `330 million mu (2.2 million hectares)`, is no conversion); taken on trust
    where one is not, since the source has no figure to compare it with."""
    before = _CONVERSION_BEFORE.search(text, max(0, number.start - 60), number.start)
    if before is None:
        return False
    after = _CONVERTED.match(text, number.end)
    first = _measure(before.group("figure"), before.group("scale"), before.group("unit"))
    second = _measure(number.text, after.group("scale") if after else None, after.group("unit") if after else "")
    if first is None or second is None or first[0] != second[0]:
        return True
    return second[1] != 0 and 0.85 <= first[1] / second[1] <= 1.15


def _measure(figure: str, scale: str | None, unit: str) -> tuple[str, float] | None:
    """(kind, size in the kind's base unit) of a figure with its unit, or None for a unit not known."""
    words = unit.lower().rstrip(".").split()
    known = next((_UNITS[" ".join(words[:n])] for n in (3, 2, 1) if " ".join(words[:n]) in _UNITS), None)
    if known is None:
        return None
    try:
        value = float(figure.replace(",", ""))
    except ValueError:
        return None
    return known[0], value * _SCALE_WORDS.get((scale or "").lower(), 1.0) * known[1]


# A year before the event it names (`the 2011 earthquake and tsunami`, `the 2008 financial crisis`).
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _names_an_event(text: str, number: Number) -> bool:
    return (
        re.fullmatch(r"(?:1[89]|20)\d\d", number.text) is not None
        and _THE_BEFORE.search(text, max(0, number.start - 5), number.start) is not None
        and _NOUN_AFTER.match(text, number.end) is not None
    )


@register
class NumberMismatch(Check):
    """Number in the translation that the source does not have.

    A changed figure (a casualty count, a date, a percentage) is among the worst errors a
    wire translation can carry, and nothing in the English alone reveals it. Each number is
    compared by value, whatever its format: thousands separators (`100,000`, `100 000`,
    `100.000`), decimal comma or point, percentages, ordinals in dates, scale words
    (`100 thousand`, `100 тысяч`, `10 लाख`, `417.6万`), a figure in sections (`80兆7000億`: 80.7
    trillion, `1億2300万`: 123 million), Japanese tenths (`３割`: 30%), times (`12 h 00`, `1200 GMT`,
    a full stop beside a word of time: `o godz. 14.30`, `a las 14.30 horas`: `2:30 p.m.`),
    percentage points as 100 times as many basis points in any language (`0.5个百分点`, `0,25
    процентного пункта`: `50 basis points`), a unit with its hundredths as one decimal
    (`2メートル13センチ`, `3 рубля 50 копеек`: 2.13 metres, 3.50 roubles) and a Japanese era's year as the Western one (`令和8年度`,
    `平成元年`: `fiscal 2026`, `1989`). A scale of ten thousand and more (`万`, `亿`, `लाख`, `करोड़`)
    leaves no unscaled reading, so a conversion off by a power of ten (`3 करोड़`: `3 million`) is
    flagged. A source's
    cardinals in words are read in Spanish, French, Italian, German, Polish, Czech, Russian and
    Hindi (`dos`, `двое`, Russian collectives in every case: `пятерых`, `चार`, `вдвое`), Russian compounds of a number and a measure
    (`четырёхдневный`: `four-day`; not `двусторонний`, bilateral), a Russian factor also as the percentage change
    English may give for it (`в 1,5 раза`: `50%`, `в десять раз`: `tenfold`); their ordinals in words (`desátou`, `vigésima`),
    Chinese and Japanese numerals in characters (`三十`; one character only where it is a figure:
    `第七轮`, `三人`, `四勝一敗`, which are required, and a month, `十月`) and a month a date range repeats
    (`7月17和7月22日`: `July 17 and 22`) and a knockout round as the sides left in it (`1/8
    финала`, `octavos de final`, `八强`: `the last 16`, `the last eight`; its fraction's own
    figures then weak) pair with a figure but are never required, except
    Russian ordinals, which are no other word (`во втором круге` needs `second`; not a
    fraction's `две десятых`); digits glued to a word (`A320`, `जी20`: G20) are a name's, no figure; other
    languages' words are not read yet, so
    a small number (below `smallest`) is flagged
    only when a source number is left unpaired, and so is a number joined to a name by a
    hyphen (`Covid-19`, `F-16`), which a source may abbreviate (`新冠`); the unpaired source
    numbers are named and, when there is exactly one, suggested. A year English adds to name an
    event where every source number is paired (`the 2011 earthquake` for `東日本大震災`) is context,
    and so is a conversion in parentheses after a paired figure and its unit (`3.3亿亩`: `330
    million mu (22 million hectares)`), unless both units are known and the figures disagree
    (`2.2 million hectares`: off by a power of ten). A Latin-script source's month names (CLDR's)
    pair with a figure, and the year of a source date English writes as month/day alone goes
    unsaid (`l'après-11 septembre 2001`: `post-9/11`).
    Paragraphs are compared one by one where the story and its source have the same paragraphs,
    and a number stands out only when no other paragraph's source left the same figure unpaired.

    Bad: Presque exactement 30 % de mon argent -> Almost exactly 35% of my money
    Good: Presque exactement 30 % de mon argent -> Almost exactly 30% of my money
    """

    code = "N211"
    name = "numbers.mismatch"
    severity = Severity.ERROR
    scope = "document"
    requires = frozenset({"source"})
    subjects = frozenset({"number"})
    # The source is the authority on a figure; a re-translation (D307) is evidence.
    precedence = 60
    options: ClassVar[Mapping[str, Option]] = {
        "smallest": Option(
            10, "flag an unpaired translation number below this only when a source number is unpaired too"
        )
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        pairs = source_pairs(ctx.document, ctx.config.paragraphs)
        _, unmoved = _left_over(ctx, pairs)
        for pair in pairs:
            missing, extras = _compare(ctx, pair)
            for number in _flagged_extras(extras, missing, ctx.options.smallest, ctx.document.text):
                if number.start not in unmoved:
                    continue  # a figure of another paragraph's source: moved there by the translator
                if missing:
                    names = ", ".join(f"“{n.text}”" for n in missing)
                    message = f"number “{number.text}” is not in the source, which has {names} unpaired"
                else:
                    message = f"number “{number.text}” is not in the source"
                suggestion = None
                if len(missing) == 1 and len(extras) == 1:
                    suggestion = format_english(min(missing[0].values, key=lambda v: abs(v - number.magnitude)))
                yield self.finding(
                    segment,
                    number.start,
                    number.end,
                    message,
                    suggestion=suggestion,
                    evidence=", ".join(n.text for n in missing) or None,
                )


@register
class NumberMissing(Check):
    """Number in the source with no counterpart in the translation.

    A figure the source gives and the translation leaves out is lost to the reader. Flagged
    on the translation's sentence where the number belongs, when the translation has no
    unpaired number of its own (then N211 has already named the pair). English numbers in
    words (`two`, `twenty`, `both`) count as counterparts; a source's cardinals in words are
    read in Spanish, French, Italian, German, Polish, Czech, Russian and Hindi (`ocho` needs `eight`;
    `сутки` after a number is its unit: `шесть суток` needs `six days`), and both sides of a
    score are figures, a zero too unless the score is goalless (`3:0` needs `3-0`).
    English may leave out a small number in words (`trois fois rien`: `next to nothing`), a
    century's ordinal (`19. Jahrhundert`: `the 1850s`) and a Japanese era's year (`明治２８年`,
    Meiji 28, which pairs with `1895` but may go unsaid); a day of the month a Chinese or Japanese
    source gives alone, which English writes as its weekday (`5日`: `on Saturday`), and a count of
    countries English lists by name (`日英伊3か国`: `Japan, Britain and Italy`). Compared paragraph
    by paragraph as N211 is: a figure written in another paragraph of the translation is not missing.

    Bad: Zemřelo 371 lidí a 11 419 se uzdravilo. -> 371 people died and thousands recovered.
    Good: Zemřelo 371 lidí a 11 419 se uzdravilo. -> 371 people died and 11,419 recovered.
    """

    code = "N212"
    name = "numbers.missing"
    severity = Severity.WARNING
    scope = "document"
    requires = frozenset({"source"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        smallest = NumberMismatch.options["smallest"].default
        checks = ctx.config.checks.get(NumberMismatch.name, {})
        smallest = checks.get("smallest", smallest)
        pairs = source_pairs(ctx.document, ctx.config.paragraphs)
        unwritten, _ = _left_over(ctx, pairs)
        for pair in pairs:
            for number in self._missing(ctx, pair, smallest):
                if pair.source_start + number.start not in unwritten:
                    continue  # written in another paragraph of the translation
                start, end = _sentence(ctx, proportional_offset(pair, number.start), pair)
                yield self.finding(
                    segment,
                    start,
                    end,
                    f"source number “{number.text}” has no counterpart in this sentence's translation",
                    evidence=number.text,
                )

    @staticmethod
    def _missing(ctx: CheckContext, pair: SourcePair, smallest: float) -> list[Number]:
        """The source numbers of `pair` with no counterpart, unless N211 names the pair or English may leave them out."""
        missing, extras = _compare(ctx, pair)
        if not missing or _flagged_extras(extras, missing, smallest, ctx.document.text):
            return []
        english = ctx.document.text[pair.start : pair.end]
        return [
            number
            for number in missing
            if not _may_go(number, pair.source, smallest, _counted(ctx, pair))
            and not _countries_listed(number, pair.source, english)
        ]


# A century after its ordinal (`19. Jahrhunderts`, `XIXe siècle`), which English may write as years (`the 1850s`).
_CENTURY = re.compile(r"\.?\s*(?:jahrh?undert|siècle|siecle|siglo|secolo|wiek|stoleti|století|век|世纪)", re.IGNORECASE)
# A Japanese era before its year (`明治２８年`, Meiji 28), which English writes as the Western year (`1895`).
_ERA = re.compile(r"(?:明治|大正|昭和|平成|令和)\s*$")
# A number joined to a name by a hyphen (`Covid-19`, `F-16`, `G-20`): the name's, which a source may abbreviate.
_NAME_PART = re.compile(r"[^\W\d_][-‐‑]$")


def _counted(ctx: CheckContext, pair: SourcePair) -> bool:
    """Whether the translation writes as many numbers as the source (words such as `six` included)."""
    lang = language_code(ctx.document.source_lang or ctx.config.source_lang)
    english = find_numbers(ctx.document.text[pair.start : pair.end], english_words=True)
    source = find_numbers(pair.source, lang=lang)
    return _figures(english) >= _figures(source)


def _figures(numbers: list[Number]) -> int:
    """Numbers but for `one`, `first`, `un`: an article or an ordinal as often as a figure."""
    return sum(1 for n in numbers if not n.text.isalpha() or max(n.values, default=0) > 1)


def _may_go(number: Number, source: str, smallest: float, counted: bool) -> bool:
    """A source number English may leave out: a small one in words where the translation
    writes fewer numbers (`trois fois rien`: `next to nothing`; not `sept` / `six`), or a
    century (`in den 50ern des 19. Jahrhunderts`: `in the 1850s`), or a Japanese era's year
    (`明治２８年`: `in the Meiji era`)."""
    if number.text.isalpha() and max(number.values, default=0) < smallest and not counted:
        return True
    return _CENTURY.match(source, number.end) is not None or _ERA.search(source, 0, number.start) is not None


# A day of the month a Chinese or Japanese source gives alone (`5日も`, on the 5th), not a count
# of days (`5日間`, `3日目`, `5日以内`) nor a date after its month (`12月5日`).
_DAY_ALONE = re.compile(r"日(?![間间目本市町村以前後后内])")
_MONTH_BEFORE = re.compile(r"月\s*$")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _day_as_weekday(number: Number, source: str, english: str, found: list[Number], target: list[Number]) -> bool:
    """A day of the month a Chinese or Japanese source gives alone (`5日`), which English wire copy
    writes as the weekday of a date within the week (`on Saturday`); the weekday is no figure.
    Not where the English writes the day too (`Tuesday, the 28th`): fewer of its value there
    than in the source (`5日` and `震度5弱`: `on Saturday`, `lower 5`)."""
    same = sum(1 for n in found if n.values == number.values)
    return (
        sum(1 for n in target if n.values & number.values) < same
        and number.text.isdigit()
        and 1 <= int(number.text) <= 31
        and _DAY_ALONE.match(source, number.end) is not None
        and _MONTH_BEFORE.search(source, max(0, number.start - 3), number.start) is None
        and _WEEKDAY.search(english) is not None
    )


# A count of countries in Chinese or Japanese (`日英伊3か国`, `五国`).
_COUNTRIES_AFTER = re.compile(r"\s*(?:[カヶか]国|个国家|國|国)")


def _countries_listed(number: Number, source: str, english: str) -> bool:
    """A count of countries the source gives beside their names (`日英伊3か国`: the three
    countries Japan, Britain and Italy), which English lists instead: as many countries named."""
    if not number.text.isdigit() or not 2 <= int(number.text) <= 10 or _COUNTRIES_AFTER.match(source, number.end) is None:
        return False
    return len(set(_country_names().findall(english))) >= int(number.text)


@functools.lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    """The English names CLDR gives countries (`Italy`, `United Kingdom`) and English's short
    `Britain`, as one pattern, the longest name first (`Equatorial Guinea` before `Guinea`)."""
    from babel import Locale

    names = [name for code, name in Locale("en").territories.items() if code.isalpha() and len(code) == 2]
    names += ["Britain", "US"]
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def _sentence(ctx: CheckContext, offset: int, pair: SourcePair) -> tuple[int, int]:
    inside = [s for s in ctx.sentences if s.start >= pair.start and s.end <= pair.end]
    for sentence in inside:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    if inside:
        nearest = min(inside, key=lambda s: abs(s.start - offset))
        return nearest.start, nearest.end
    return pair.start, pair.end
