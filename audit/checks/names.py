"""N201-N205: names that are spelt two ways, off the glossary, transliterated through
Russian, dropped from the source or not in it.

Mentions come from the finder `--ner` names (rules by default) once per document
(`ctx.memo`); spellings are compared on transliteration-folded keys (`audit.names.variants`).
Source-name checks run per unit when units carry sources, else on the whole document.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from audit.checks.base import Check, CheckContext, FeedReview, Option, Options, register
from audit.config import Config
from audit.names.cedict import chinese_forms
from audit.names.demonyms import demonym_places
from audit.names.exonyms import country_name, is_english_place, is_given_name, is_language_name, writes_in_latin
from audit.names.feed import SpellingTally
from audit.names.finder import ARTICLES, KOREAN_SYLLABLE, Mention, mention_finder
from audit.names.gazetteer import (
    LARGE_POPULATION,
    MIN_NEAR_KEY,
    NOTABLE_POPULATION,
    Place,
    cyrillic_places,
    lookup_exact,
    normal_form,
    spelling_key,
)
from audit.names.gazetteer import load as load_gazetteer
from audit.names.gazetteer import lookup as place_lookup
from audit.names.gazetteer import nearest as place_nearest
from audit.names.glossary import Glossary, load_glossary, resolve_glossary_path
from audit.names.glossary import Match as GlossaryMatch
from audit.names.house import HouseNames, load_house_names
from audit.names.house import windows as house_windows
from audit.names.lexicon import is_common_word, is_demonym, is_proper_noun
from audit.names.polivanov import hepburn_reading
from audit.names.regions import regions as asian_regions
from audit.names.regions import russian_regions
from audit.names.romanisers import RomanisedSource, romaniser_language
from audit.names.russian_source import names_a_place, puts_source_place_elsewhere, speaks_of_counterpart
from audit.names.source import (
    SourcePair,
    TokenIndex,
    beside_words,
    glosses_written_name,
    is_acronym,
    is_russian_source,
    is_translated_name,
    leaves_source_names,
    may_translate,
    missing_words,
    name_index,
    names_person,
    pair_source_names,
    pairs_around,
    proportional_offset,
    quoted_names,
    resembling_word,
    source_pairs,
    writes_out_source_acronym,
)
from audit.names.terms import is_cyrillic_acronym, russian_terms
from audit.names.translit import is_pinyin, romanise
from audit.names.variants import (
    ALL_MARKS,
    MODIFIERS,
    diacritics_only,
    head_links,
    is_variant,
    name_core,
    name_key,
    name_similarity,
    scheme_marks,
    scheme_readings,
    squashed_key,
    variant_clusters,
)
from audit.numbers import find_numbers
from audit.segment import split_paragraphs
from audit.types import Document, Finding, Segment, SegmentKind, Severity


def mentions(ctx: CheckContext) -> list[Mention]:
    """The document's name mentions, found once by the configured finder."""
    spec = ctx.config.ner
    return ctx.memo(("names", "mentions", spec), lambda: mention_finder(spec)(ctx.document.text))


def glossary(ctx: CheckContext) -> Glossary | None:
    return _glossary_of(ctx.config)


def _glossary_of(config: Config) -> Glossary | None:
    if not config.glossary:
        return None
    return load_glossary(resolve_glossary_path(config.glossary, config.origin))


def house_names(config: Config) -> HouseNames | None:
    if not config.house_names:
        return None
    return load_house_names(resolve_glossary_path(config.house_names, config.origin))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line(ctx: CheckContext, offset: int) -> int:
    """The 1-based line of `offset` (LF, CRLF or CR ends a line): the document's line breaks are
    found once, on its first finding that names a line (counting from the start each time was
    quadratic in a long document with many findings)."""
    breaks = ctx.memo(("names", "line-breaks"), lambda: [m.start() for m in _LINE_BREAK.finditer(ctx.document.text)])
    return bisect.bisect_left(breaks, offset) + 1


# ---------------------------------------------------------------- in-document variants

_WORDS = re.compile(r"\S+")


def name_uses(ctx: CheckContext) -> list[Mention]:
    """The document's mentions without their modifiers (`Aleppo` of `Western Aleppo`) and
    without the place a person's name is `of` (`Mahmoud Abbas` of `Mahmoud Abbas of Jordan`)."""

    def compute() -> list[Mention]:
        uses = []
        for mention in mentions(ctx):
            core = name_core(mention.text)
            uses.append(Mention(mention.start + core, mention.end, mention.text[core:]) if core else mention)
        if not any(" of " in use.text for use in uses):
            return uses  # no place a name is `of`: nothing to drop
        alone = {squashed_key(use.text) for use in uses if " of " not in use.text}
        return [_without_place_of(use, alone) if " of " in use.text else use for use in uses]

    return ctx.memo(("names", "uses"), compute)


_OF_PLACE = re.compile(r"\s+of\s+(\S+(?:\s+\S+)?)$")


def _without_place_of(use: Mention, alone: set[str]) -> Mention:
    """`Makhmud Abbas of Jordan` as `Makhmud Abbas` where the document names `Mahmoud Abbas`
    alone (`alone`: the squashed keys of its names): a name of two words or more before `of`
    and a notable place's English name. `Bank of England` stays one name."""
    of = _OF_PLACE.search(use.text)
    if of is None:
        return use
    head = use.text[: of.start()]
    if len(head.split()) < 2 or squashed_key(head) not in alone:
        return use
    place = re.sub(r"['’]s?$", "", of[1])
    places = place_lookup(place)
    if not places or not _notable(places[0]) or normal_form(places[0].english) != normal_form(place):
        return use
    return Mention(use.start, use.start + len(head), head)


def uses_by_spelling(ctx: CheckContext) -> dict[str, list[Mention]]:
    """The document's name uses by spelling (spaces made single), in order of first use."""

    def compute() -> dict[str, list[Mention]]:
        by_spelling: dict[str, list[Mention]] = {}
        for use in name_uses(ctx):
            by_spelling.setdefault(" ".join(use.text.split()), []).append(use)
        return by_spelling

    return ctx.memo(("names", "uses-by-spelling"), compute)


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """Spellings of one name: `preferred` is the document's (majority or most standard),
    `suggestion` the glossary's when it knows the name; `spellings` maps each to its uses."""

    preferred: str
    suggestion: str
    spellings: dict[str, list[Mention]]
    # For a surname alone spelt otherwise than the full name's last word: that full name's first use.
    full_name: Mention | None = None


def standard_rank(spelling: str, others: Iterable[str], ctx: CheckContext) -> tuple[int, int, int]:
    """How standard a spelling is among one name's spellings (lower is more standard): known
    (glossary, house list, a gazetteer's English name) or not; then the strong marks of a
    Russian- or German-mediated scheme against the others (`dzh`, `sch`: `Shoigu` before
    `Schoigu`); then the weak ones (`kh`, `ou`, `yy`), which a majority outweighs."""
    known = 0 if _known_spelling(spelling, ctx) else 1
    marks = [mark for other in others if other != spelling for mark in scheme_marks(spelling, other, ALL_MARKS)]
    strong = sum(mark.weight for mark in marks if mark.weight >= 2)
    style = sum(_off_style(spelling, other) for other in others if other != spelling)
    return known, strong, sum(mark.weight for mark in marks) - strong + style


_SYLLABLE_SPLIT = re.compile(r"[\s\-‐‑]+")
# A Korean given name with its second syllable capitalised (`Jong-Un`, `Jae-In`).
# A final ï after a vowel: how French writes a final `й` or `i` it must keep from the vowel
# (`Sergueï`, `Nikolaï`, `Dubaï`); English copy never does.
_FRENCH_FINAL_DIAERESIS = re.compile(r"(?<=[aeoAEO])ï(?![^\W\d_])")


def _french_read(spelling: str) -> str:
    """A French-language spelling read back into English letters (`Sergueï` -> `Sergei`)."""
    plain = spelling.replace("ï", "i")
    return next((reading for scheme, reading in scheme_readings(plain) if scheme == "French"), plain)


# A one-syllable family name and a hyphenated given name with its second syllable capitalised
# (`Ko Wen-Je`, `Ban Ki-Moon`); group 1 is that syllable.
_CAPITALISED_GIVEN_NAME = re.compile(
    rf"(?=[A-Z])(?i:{KOREAN_SYLLABLE}) (?=[A-Z])(?i:{KOREAN_SYLLABLE})[-‐‑]((?=[A-Z])(?i:{KOREAN_SYLLABLE}))"
)
# An Arabic article capitalised after a word of the name (`Ahmed Al-Sharaa`).
_CAPITAL_INNER_ARTICLE = re.compile(
    rf"(?<=\w )(?:{'|'.join(sorted((a.capitalize() for a in ARTICLES), key=len, reverse=True))})[-‐‑](?=\w)"
)
_CAPITAL_AFTER_HYPHEN = re.compile(rf"\b(?=[A-Z])(?i:{KOREAN_SYLLABLE})[-‐‑](?=[A-Z])(?i:{KOREAN_SYLLABLE})\b")


def _off_style(spelling: str, other: str) -> int:
    """1 where `spelling` breaks a romanisation's house style that `other`, the same letters,
    keeps: a pinyin given name split into syllables (`Hua Chun Ying`, `Xi Jin-ping` beside
    `Hua Chunying`, `Xi Jinping`); a Korean given name's second syllable capitalised
    (`Kim Jong-Un`, `Moon Jae-In` beside `Kim Jong Un`, `Moon Jae-in`); an Arabic article
    capitalised inside a name (`Ahmed Al-Sharaa` beside `Ahmed al-Sharaa`)."""
    if squashed_key(spelling) != squashed_key(other):
        return 0
    if len(_SYLLABLE_SPLIT.split(spelling)) > len(_SYLLABLE_SPLIT.split(other)) and is_pinyin(spelling):
        return 1
    if len(_CAPITAL_INNER_ARTICLE.findall(spelling)) > len(_CAPITAL_INNER_ARTICLE.findall(other)):
        return 1
    return int(bool(_CAPITAL_AFTER_HYPHEN.search(spelling)) and not _CAPITAL_AFTER_HYPHEN.search(other))


def _known_spelling(spelling: str, ctx: CheckContext) -> bool:
    terms = glossary(ctx)
    if terms is not None and terms.canonical_of(spelling) == spelling:
        return True
    house = house_names(ctx.config)
    if house is not None and house.is_house(spelling):
        return True
    places = place_lookup(spelling)
    return bool(places) and places[0].english.casefold() == spelling.casefold()


def variant_groups(ctx: CheckContext) -> list[VariantGroup]:
    """Groups of name uses that spell one name differently, with the spelling to prefer."""

    def compute() -> list[VariantGroup]:
        by_spelling = uses_by_spelling(ctx)
        spellings = list(by_spelling)
        counts = {s: len(uses) for s, uses in by_spelling.items()}
        firsts = {s: uses[0].start for s, uses in by_spelling.items()}

        def preferred_of(members: list[str]) -> str:
            def rank(member: str) -> tuple[int, int, int, int, int]:
                known, strong, weak = standard_rank(member, members, ctx)
                return known, strong, -counts[member], weak, firsts[member]

            return min(members, key=rank)

        clusters = [[spellings[i] for i in indices] for indices in variant_clusters(spellings)]
        cluster_of = {member: number for number, members in enumerate(clusters) for member in members}
        full_names: dict[int, Mention] = {}
        # A full name's last word standing in a surname's group: where the full name uses it.
        head_uses: dict[str, list[Mention]] = {}
        # A surname alone joins the spellings of its full name's last word, which counts as
        # often as the full name is used (`Schoigu` x3 beside `Sergei Shoigu` x1: Shoigu).
        for single, full in head_links(spellings):
            word, full_name = spellings[single], spellings[full]
            number = cluster_of.setdefault(word, len(clusters))
            if number == len(clusters):
                clusters.append([word])
            if number in full_names:
                continue  # one full name per surname
            full_cluster = clusters[cluster_of[full_name]] if full_name in cluster_of else [full_name]
            spelt = preferred_of(full_cluster)
            head = spelt.rsplit(" ", 1)[-1]
            full_names[number] = by_spelling[spelt][0]
            if head not in clusters[number]:
                clusters[number].append(head)
            if head not in by_spelling:
                head_uses[head] = [
                    Mention(u.end - len(head), u.end, head) for u in by_spelling[spelt] if u.text.endswith(head)
                ]
            counts[head] = counts.get(head, 0) + sum(counts[m] for m in full_cluster)
            firsts[head] = min(firsts.get(head, len(ctx.document.text)), firsts[spelt])
        terms = glossary(ctx)
        groups = []
        for number, members in enumerate(clusters):
            preferred = preferred_of(members)
            canonical = next((c for c in (terms.canonical_of(m) for m in members) if c), None) if terms else None
            full_use = full_names.get(number) if preferred not in by_spelling else None
            # The full name's own uses are flagged (at its last word) only when the surname alone wins.
            uses = {m: by_spelling.get(m) or (head_uses.get(m, []) if m != preferred else []) for m in members}
            groups.append(VariantGroup(preferred, canonical or preferred, uses, full_name=full_use))
        return groups

    return ctx.memo(("names", "variants"), compute)


@register
class NameVariant(Check):
    """One name spelt two ways in the same document.

    A translation that spells a name one way and then another (`Al-Sham` ... `Ash-Sham`,
    `Hua Chunying` ... `Hua Chun Ying`, `Nasrallah` ... `Nasralla`, `Sergei Shoigu` ...
    `Schoigu`) makes readers wonder whether two people or groups are meant, and breaks search.
    Spellings are compared after folding what Russian-, German- and French-mediated
    transliteration changes (kh/h, dzh/j/dj, sh/sch/ch, ou/u, y/i, ee/i, doubled letters,
    article forms), and under a German reading (ch/kh, w/v, j/y, z/ts: `Chodorkowski`) and a
    French one (tch/ch, dj/j, -ine/-in: `Poutine`), spacing and hyphenation, then by a
    length-scaled edit distance; a surname alone is compared with the full name's last word.
    Titles and modifiers are no part of a name (`Uzbek President Shavkat Mirziyoyev` is
    Shavkat Mirziyoyev; `Western Aleppo` is Aleppo; `North Korea` and `South Korea` are two
    names; `Mahmoud Abbas of Jordan` is Mahmoud Abbas where the story names him alone). Case
    inside a word is a variant (`Moon Jae-In` / `Moon Jae-in`), and so is an article's inside a
    name (`Ahmed Al-Sharaa` / `Ahmed al-Sharaa`); the case of a name's first letter or of an
    article opening it, or a dropped article (`Assad` / `al-Assad`), is not. A short word with
    a letter dropped beside a longer word spelt alike is a variant (`Imran Kan` / `Imran
    Khan`); one with an ending more is another name (`Ivanov` / `Ivanova`).
    The other spellings are flagged
    with the preferred one: the glossary's, a known place's English spelling, the one without
    another scheme's marks, else the majority's. Diacritics alone (`Erdoğan` / `Erdogan`) are
    a style note (info).

    Bad: Khayyat Tahrir Al-Sham ... Khayyat Tahrir Al-Sham ... the Khayyat Tahrir Ash-Sham group
    Good: Hayat Tahrir al-Sham ... Hayat Tahrir al-Sham ... the Hayat Tahrir al-Sham group
    """

    code = "N201"
    name = "names.variant"
    severity = Severity.WARNING
    subjects = frozenset({"name"})
    precedence = 30
    scope = "document"

    def prepare(self, config: Config) -> None:
        _glossary_of(config)

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for group in variant_groups(ctx):
            anchor = group.full_name or group.spellings[group.preferred][0]
            where = f"in “{group.full_name.text}”" if group.full_name else "elsewhere in this document"
            where += f" (line {_line(ctx, anchor.start)})"
            glossary_note = f"; the glossary has “{group.suggestion}”" if group.suggestion != group.preferred else ""
            for spelling, occurrences in group.spellings.items():
                if not is_variant(spelling, group.preferred):
                    continue  # the preferred spelling itself, in another case or without its article
                style = diacritics_only(spelling, group.preferred)
                for use in occurrences:
                    yield self.finding(
                        segment,
                        use.start,
                        use.end,
                        f"“{spelling}” is spelt “{group.preferred}” {where}"
                        + (" (diacritics only)" if style else "")
                        + glossary_note,
                        suggestion=group.suggestion,
                        evidence=group.full_name.text if group.full_name else group.preferred,
                        severity=Severity.INFO if style else None,
                    )


# ---------------------------------------------------------------- glossary


def _windows(mention: Mention, sizes: set[int]) -> Iterator[tuple[int, int, str]]:
    """The mention, then its runs of words of the glossary's lengths, longest first."""
    words = list(_WORDS.finditer(mention.text))
    for size in sorted(sizes | {len(words)}, reverse=True):
        if size > len(words) or size < 1:
            continue
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            yield mention.start + start, mention.start + end, mention.text[start:end]


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    start: int
    end: int
    text: str
    canonical: str
    listed: bool


def glossary_hits(ctx: CheckContext, threshold: float) -> list[GlossaryHit]:
    terms = glossary(ctx)
    if terms is None:
        return []

    def compute() -> list[GlossaryHit]:
        sizes = {len(form.split()) for e in terms.entries for form in (e.canonical, *e.variants)}
        hits = []
        looked_up: dict[str, object] = {}
        for mention in mentions(ctx):
            for start, end, text in _windows(mention, sizes):
                if terms.canonical_of(text) == text:
                    break
                if text not in looked_up:
                    looked_up[text] = terms.lookup(text, threshold)
                match = looked_up[text]
                if isinstance(match, GlossaryMatch):
                    hits.append(GlossaryHit(start, end, text, match.canonical, match.listed))
                    break
        return hits

    return ctx.memo(("names", "glossary", threshold), compute)


@register
class GlossaryName(Check):
    """Name spelt differently from the glossary's canonical spelling.

    A desk keeps one spelling per name (`Hayat Tahrir al-Sham`, not `Khayyat Tahrir Al-Sham`)
    and lists the variants it has seen. A listed variant, or a spelling close to a canonical
    name after transliteration folding, is flagged with the canonical spelling as the fix,
    which `mt-audit fix` applies. Runs only with `--glossary FILE` (or `glossary` in the config).

    Bad: the militants of Khoras ad-Din (with Hurras al-Din in the glossary)
    Good: the militants of Hurras al-Din
    """

    code = "N202"
    name = "names.glossary"
    severity = Severity.WARNING
    fixable = True
    subjects = frozenset({"name"})
    precedence = 60
    scope = "document"

    def prepare(self, config: Config) -> None:
        _glossary_of(config)
    options: ClassVar[Mapping[str, Option]] = {
        "threshold": Option(0.85, "similarity (0-1) above which an unlisted spelling is a near-miss")
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for hit in glossary_hits(ctx, ctx.options.threshold):
            how = "a listed variant of" if hit.listed else "close to"
            yield self.finding(
                segment,
                hit.start,
                hit.end,
                f"“{hit.text}” is {how} the glossary name “{hit.canonical}”",
                suggestion=hit.canonical,
                evidence=hit.canonical,
            )


# ---------------------------------------------------------------- transliteration


GERMAN_ENDING = "German"
_OW_FOR_OV = GERMAN_ENDING + " -ow for -ov"
_MARKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bKh(?=[aeiouy])"), "Kh for h"),
    (re.compile(r"\bDzh|dzh"), "Dzh for j"),
    (re.compile(r"yy"), "doubled y"),
    (
        re.compile(r"(?<![\w])(?:[Aa]sh|[Aa]d|[Aa]n|[Aa]r|[Aa]s|[Aa]t|[Aa]z|[Aa]th|[Aa]dh)-(?=[A-Z])"),
        "assimilated article",
    ),
    # How German-language copy spells Russian and Central Asian surnames (`Lawrow`, `Tokajew`,
    # `Janukowitsch`, `Sacharowa`, `Tschetschenien`), which English spells `-ov`, `-yev`, `-ich`, `Ch`.
    (
        re.compile(r"(?:(?<=[a-z]{2}[bdkmnpstvz])|(?<=[a-z][a-qs-z]r))(?:ow|ew)a?\b"),
        _OW_FOR_OV,
    ),
    (re.compile(r"(?<=[a-z])[aeiou]?jew[a]?\b"), GERMAN_ENDING + " -jew for -yev"),
    (re.compile(r"(?<=[a-z])itsch\b"), GERMAN_ENDING + " -itsch for -ich"),
    (re.compile(r"\bTsch(?=[aeiou])|\bDsch(?=[aeiou])"), GERMAN_ENDING + " Tsch/Dsch for Ch/J"),
)


_SLAVIC = re.compile(r"(?:iv|ov|ova|ev|eva|sk|sky|ski|skiy|enko|in|ina|ich)$")
# The German `-ow` ending (`_OW_FOR_OV`), and the German letters beside it that make a Russian name of it
# (`w` for v, `sch`, `j` for y: `Lawrow`, `Medwedew`, `Sergej Peskow`, `Jurij`).
_OW_ENDING = re.compile(r"(?:ow|ew)a?\b")
_GERMAN_LETTERS = re.compile(r"w|sch|\bJ(?=[aeiou])|(?<=[aeiou])j\b")


def transliteration_marks(spelling: str) -> list[str]:
    """The signs of Russian-mediated transliteration in a spelling (`Khayyat`: Kh, doubled y)."""
    return list(_transliteration_marks(spelling))


@functools.lru_cache(maxsize=65536)
def _transliteration_marks(spelling: str) -> tuple[str, ...]:
    """A name recurs within and across documents: each spelling is judged once."""
    if "-" not in spelling and "h" not in spelling and "yy" not in spelling and "w" not in spelling:
        return ()  # every mark needs `Kh`, `Dzh`, `yy`, an article's hyphen or a German `w`/`sch`
    marks = []
    for pattern, label in _MARKS:
        for match in pattern.finditer(spelling):
            start = match.start()
            while start and not spelling[start - 1].isspace() and spelling[start - 1] not in "-‐‑":
                start -= 1  # the whole word a mark inside it belongs to (`Birobidzhan`, not `dzhan`)
            word = spelling[start:].split()[0].strip("-").split("-")[0]
            if label.startswith(GERMAN_ENDING):  # an ending: the whole word it ends
                word = re.split(r"[\s\-‐‑]+", spelling[: match.end()])[-1]
            if label in ("Kh for h", "doubled y") and (is_proper_noun(word) or is_english_place(word)):
                continue  # `Khan`, `Khartoum`: the established English spelling
            if label == "Dzh for j" and _place_spelt_so(word):
                continue  # `Dzhankoi`: BGN's romanisation of a place in a Cyrillic-writing country
            if label == "Kh for h" and _SLAVIC.search(word):
                continue  # `Kharkiv`, `Khodorkovsky`: Kh is right in Slavic names
            if label.startswith(GERMAN_ENDING) and _english_word_or_place(word):
                continue  # `Krakow`, `Bristow`, `Deutsch`: English spellings, or German names
            marks.append(label)
            break
    if marks == ["doubled y"]:
        return ()  # `Tayyip`: a doubled y alone is ordinary Turkish spelling
    return tuple(marks)


def _place_spelt_so(word: str) -> bool:
    """Whether a place's English spelling is `word`, up to transliteration (`Dzhankoi`: Dzhankoy)
    with the same marks: `Dzhidda` is no spelling of Jeddah that English copy uses."""
    key = spelling_key(word)
    return any(
        spelling_key(p.english) == key and not scheme_marks(word, p.english) and not scheme_marks(p.english, word)
        for p in place_lookup(word)
        if _notable(p)
    )


def _english_word_or_place(word: str) -> bool:
    if is_proper_noun(word) or is_common_word(word) or is_english_place(word):
        return True
    places = place_lookup(word)
    return bool(places) and normal_form(places[0].english) == normal_form(word)


def _scheme_of(marks: list[str]) -> str:
    return "German" if any(mark.startswith(GERMAN_ENDING) for mark in marks) else "Russian"


def _strongly_marked(spelling: str, marks: list[str], person: Callable[[], bool]) -> bool:
    """Russian mediation beyond doubt: a `Dzh`, `Kh` and `yy` in one word (`Khayyat`), or `Kh`
    with an assimilated article (`Khoras ad-Din`); not `Khalil al-Hayya`, two right spellings.
    German mediation beyond doubt: a German ending on a name the document gives a person
    (`Peskow said`), or with another German letter (`Lawrow`, `Medwedew`, `Sergej`); an
    `-ow` alone on a name of no person may be another language's own (Persian `Fordow`)."""
    words = re.split(r"[\s\-‐‑]+", spelling)
    german = [mark for mark in marks if mark.startswith(GERMAN_ENDING)]
    if german:
        # English copy never writes `-ow`, `-jew`, `-itsch` for a Russian name; `-ow` alone
        # ends names of other languages too
        if any(mark != _OW_FOR_OV for mark in german):
            return True
        return _GERMAN_LETTERS.search(_OW_ENDING.sub("", spelling)) is not None or person()
    if "Dzh for j" in marks:
        # `Dzhokhar Tsarnaev`: a Caucasian or Central Asian name with a Russian-style surname
        # keeps its Russian romanisation in English copy too.
        return not any(_SLAVIC.search(word) for word in words) or "assimilated article" in marks
    if "Kh for h" not in marks:
        return False
    if "assimilated article" in marks:
        return True
    return any(word.startswith("Kh") and "yy" in word for word in words)


def _retranslation_spelling(ctx: CheckContext, spelling: str, offset: int) -> str | None:
    """A re-translation's spelling of the same name, where it differs (precomputed ones only)."""
    best, score = None, 0.0
    for other in _retranslated_names(ctx, offset):
        if other.casefold() == spelling.casefold():
            return None
        similarity = name_similarity(spelling, other)
        if similarity > score:
            best, score = other, similarity
    return best if score >= 0.8 and best is not None and not transliteration_marks(best) else None


def _retranslated_names(ctx: CheckContext, offset: int) -> list[str]:
    """The names the re-translations use where the paragraph at `offset` is re-translated.

    A re-translation of wire copy keeps its paragraphs: when the counts agree, only the
    matching paragraph is searched (more precise, and a fraction of the work); otherwise
    the whole re-translation is.
    """
    if not ctx.document.retranslations:
        return []
    paragraphs = ctx.paragraphs
    index = next((i for i, p in enumerate(paragraphs) if p.start <= offset < p.end), None)

    def compute() -> list[str]:
        finder = mention_finder(ctx.config.ner)
        names: list[str] = []
        for number in range(len(ctx.document.retranslations)):
            pieces = _retranslated_paragraphs(ctx, number)
            if index is not None and len(pieces) == len(paragraphs):
                names.extend(m.text for m in finder(pieces[index]))
            else:
                names.extend(_whole_retranslation_names(ctx, number))
        return list(dict.fromkeys(names))  # each spelling once: names recur

    return ctx.memo(("names", "retranslated-names", index), compute)


def _retranslated_paragraphs(ctx: CheckContext, number: int) -> list[str]:
    def compute() -> list[str]:
        text = ctx.document.retranslations[number]
        document = Document(id=f"{ctx.document.id}#retranslation-{number}", text=text)
        return [p.text for p in split_paragraphs(document, ctx.config.paragraphs)]

    return ctx.memo(("names", "retranslation-paragraphs", number), compute)


def _whole_retranslation_names(ctx: CheckContext, number: int) -> list[str]:
    text = ctx.document.retranslations[number]
    return ctx.memo(
        ("names", "retranslation-mentions", number), lambda: [m.text for m in mention_finder(ctx.config.ner)(text)]
    )


# The Russian ending a German `-ow` stands for (`Lawrow`: `Lavrov`).
_V_ENDING = re.compile(r"[oe]v\b", re.IGNORECASE)


@register
class TransliterationHint(Check):
    """Name spelt the way Russian transliterates an Arabic or Turkic name.

    Names that reached English through Russian keep Russian spelling habits: `Kh` for the
    Arabic `h` (`Khayyat`, `Khoras`), `Dzh` for `j`, a doubled `yy`, the assimilated article
    (`ash-Sham`, `ad-Din`). A hint (info) for one such habit, since `Kh` is often right; a
    warning when the name carries two of them (`Khayyat`: Kh and yy; `Khoras ad-Din`: Kh and
    the assimilated article) or a `Dzh` (a hint beside a Russian-style surname: `Dzhokhar
    Tsarnaev` is how English writes him), and when a variant in the document, the glossary or
    a re-translation spells it otherwise, which is then suggested. Russian names that reached
    English through German keep German endings English never writes (`Lawrow`, `Tokajew`,
    `Janukowitsch`, `Tschetschenien`): a warning, unless the word is English or a place's
    English name (`Krakow`, `Bristow`); an `-ow` alone, on a name the document gives no person
    and with no other German letter, is a hint (Persian `Fordow`), even beside another spelling
    without the `-ov` that would confirm it (`Fordo`). A Japanese name in
    romanised Polivanov, Russian's system (`Sindziro Koidzumi`: `dz` for z and j, `si` for
    shi; every word Japanese syllables, one with a `dz`), is a warning with the Hepburn
    spelling English copy uses; so is a Korean
    or Chinese given name with its second syllable capitalised after the hyphen (`Ko Wen-Je`,
    `Ban Ki-Moon`: English copy writes `Ko Wen-je`, `Ban Ki-moon`), and a name with French's
    final ï (`Sergueï`, `Nikolaï`: French for `Sergei`, `Nikolai`).

    Bad: the militants of Khoras ad-Din and Dzhabhat an-Nusra; Foreign Minister Sergej Lawrow; Sindziro Koidzumi
    Good: the militants of Hurras al-Din and Jabhat al-Nusra; Foreign Minister Sergei Lavrov; Shinjiro Koizumi
    """

    code = "N203"
    name = "names.transliteration"
    severity = Severity.INFO
    subjects = frozenset({"name"})
    precedence = 20
    scope = "document"

    def prepare(self, config: Config) -> None:
        _glossary_of(config)

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        variants = {
            spelling: group.preferred
            for group in variant_groups(ctx)
            for spelling in group.spellings
            if spelling != group.preferred
        }
        terms = glossary(ctx)
        hits = (
            {(h.start, h.end): h.canonical for h in glossary_hits(ctx, GlossaryName.options["threshold"].default)}
            if terms
            else {}
        )
        for mention in name_uses(ctx):
            spelling = " ".join(mention.text.split())
            hepburn = hepburn_reading(spelling)
            if hepburn is not None:
                yield self.finding(
                    segment,
                    mention.start,
                    mention.end,
                    f"“{spelling}” spells a Japanese name as romanised Russian (Polivanov) does; "
                    f"English copy writes “{hepburn}”",
                    suggestion=hepburn,
                    evidence=hepburn,
                    severity=Severity.WARNING,
                )
                continue
            if _FRENCH_FINAL_DIAERESIS.search(spelling):
                english = _french_read(spelling)
                yield self.finding(
                    segment,
                    mention.start,
                    mention.end,
                    f"“{spelling}” is spelt as French-language copy spells it (a final ï for i or y); "
                    f"English copy writes “{english}” or its own spelling of the name",
                    suggestion=english,
                    evidence=english,
                    severity=Severity.WARNING,
                )
                continue
            given = _CAPITALISED_GIVEN_NAME.fullmatch(spelling)
            if given is not None:
                lowered = spelling[: given.start(1)] + spelling[given.start(1) :].lower()
                yield self.finding(
                    segment,
                    mention.start,
                    mention.end,
                    f"“{spelling}” capitalises the second syllable of a Korean or Chinese given name; "
                    f"English copy writes “{lowered}”",
                    suggestion=lowered,
                    evidence=lowered,
                    severity=Severity.WARNING,
                )
                continue
            marks = transliteration_marks(mention.text)
            if not marks:
                continue
            other = hits.get((mention.start, mention.end)) or variants.get(spelling)
            source = "the glossary" if (mention.start, mention.end) in hits else "this document"
            if other is None or transliteration_marks(other):
                retranslated = _retranslation_spelling(ctx, spelling, mention.start)
                if retranslated is not None:
                    other, source = retranslated, "a re-translation"
                elif other is not None and transliteration_marks(other):
                    other = None
            if other is not None and marks == ["German -ow for -ov"] and not _V_ENDING.search(other):
                other = None  # `Fordow` / `Fordo`: no `-ov` there confirms a German reading
            what = ", ".join(marks)
            if other is None:
                strong = _strongly_marked(mention.text, marks, functools.partial(_person_like, ctx, spelling))
                yield self.finding(
                    segment,
                    mention.start,
                    mention.end,
                    f"“{spelling}” looks transliterated through {_scheme_of(marks)} ({what})"
                    + ("; check how English copy spells it" if strong else ""),
                    severity=Severity.WARNING if strong else None,
                )
                continue
            yield self.finding(
                segment,
                mention.start,
                mention.end,
                f"“{spelling}” looks transliterated through {_scheme_of(marks)} ({what}); "
                f"{source} spells it “{other}”",
                suggestion=other,
                evidence=other,
                severity=Severity.WARNING,
            )


# ---------------------------------------------------------------- known places

# Words after a place name that make it part of a longer name (`Raqqa Governorate`).
_PLACE_WORDS = frozenset(
    ["Province", "Governorate", "Region", "District", "Oblast", "City", "Town", "Village", "Airport", "Countryside"]
)
# What stands before or after a place: `fighting near Aleppio`, `the city of Rakka`, `Rakka province`.
_BEFORE_PLACE = re.compile(
    r"(?:\b(?:in|near|from|outside|around|towards?|into|at|across|via|through|entered|captured|reached|left|"
    r"on|over|hit|struck|shelled|bombed|attacked|visited|seized|retook|besieged|liberated|"
    r"(?:flew|flown|travel(?:l?ed)?|went|returned|moved|headed|sent|deployed|evacuated|fled|advanced|trip|road|route)"
    r" to|"
    r"(?:city|town|village|port|capital|province|region|district|governorate|outskirts|suburbs|countryside|"
    r"residents|mayor|governor|siege|fall|battle|centre|center|streets|heart|edge|"
    r"(?:north|south|east|west)(?:east|west)?) of)"
    r"\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_AFTER_PLACE = re.compile(
    r"(?:['’]s)?\s+(?:province|governorate|region|oblast|district|city|town|village|area|countryside|outskirts"
    r"|airport|front"
    r"|mayor|governor|residents)\b",
    re.IGNORECASE,
)
# What follows a person's name, not a place's: `Putin said`, `Putin's`, `Nawaz's daughter`.
_KIN_WORDS = (
    "son daughter wife husband widow brother sister father mother cousin nephew niece grandson granddaughter".split()
)
_KIN = "(?:" + "|".join(_KIN_WORDS) + ")"
# A place's buildings and bodies for the arts (`Kharkov's opera house`): the place's, not a maker's.
_VENUES = r"(?:house|houses|theatre|theater|studio|studios|school|festival|hall|company|museum)"
# A work its maker's name owns (`Tchaikovsky's opera`, `Tolstoy's novel`), as a kin word does.
_WORKS = (
    "(?:opera|operas|ballet|ballets|symphony|symphonies|concerto|sonata|requiem|novel|novels|novella|poem|poems"
    "|play|plays|film|films|painting|paintings|portrait|song|songs|album|book|books|memoir|memoirs|story|stories"
    "|music|works?)"
)
_AFTER_PERSON = re.compile(
    rf"\s+(?:said|says|told|added|stated|noted|warned|wrote|asked)\b|['’]s\s+(?:{_KIN}|(?:\w+\s+)?{_WORKS}\b(?!\s+{_VENUES}))\b"
)
# The word before one: a title, in capitals or not (`former prime minister Nawaz Sharif`), or a
# relation (`his daughter, Maryam Nawaz`).
_BEFORE_PERSON = frozenset(
    """mr mrs ms dr president minister general gen commander leader spokesman spokeswoman chancellor premier
    king queen prince princess emir sheikh ayatollah chairman chairwoman secretary envoy ambassador""".split()
    + _KIN_WORDS
)
# A preposition of place before a name: `workers in Lvov said` reports what was said in a place.
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|around|across|into|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_spelling(text: str) -> str:
    """A name use without the place words that follow it (`Raqqa` of `Raqqa Governorate`)."""
    words = text.split()
    while len(words) > 1 and words[-1] in _PLACE_WORDS:
        words.pop()
    return " ".join(words)


# Words that make a natural feature's name of a place's (`Kola Bay`, `Lake Onega`, `Gulf of Ob`).
_FEATURE_WORDS = frozenset(
    """Bay Gulf Lake Sea River Strait Straits Island Islands Isle Peninsula Cape Mount Mountains Range Valley
    Canal Lagoon Sound Channel Fjord Desert Plateau Delta Reservoir Harbour Harbor Basin""".split()
)
def _feature_place(spelling: str) -> str | None:
    """The place a natural feature is named after, without its feature words (`Kola` of `Kola
    Bay`, `Onega` of `Lake Onega`, `Ob` of `Gulf of Ob`), or None for a name of no feature or
    of a place the gazetteer lists whole (`Cape Town`)."""
    words = spelling.split()
    if len(words) < 2 or not (words[0] in _FEATURE_WORDS or words[-1] in _FEATURE_WORDS):
        return None
    if _names_a_place(spelling, place_lookup(spelling)):
        return None
    while len(words) > 1 and words[-1] in _FEATURE_WORDS:
        words.pop()
    while len(words) > 1 and (words[0] in _FEATURE_WORDS or words[0] in ("of", "the")):
        words.pop(0)
    return " ".join(words)


def _locative(ctx: CheckContext, use: Mention) -> bool:
    """Whether the text speaks of a place at `use`: `near Aleppio`, `the city of Aleppio`,
    `Aleppio province`, also past adjectives of place (`in eastern Aleppio`, `in the Georgian
    capital Tbilissi`)."""
    text = ctx.document.text
    if _AFTER_PLACE.match(text, use.end):
        return True
    before = text[max(0, use.start - 60) : use.start]
    words = before.split()
    while words and (words[-1].lower() in _PLACE_ADJECTIVES or is_demonym(words[-1])):
        words.pop()
    return bool(_BEFORE_PLACE.search(" ".join(words) + " ")) or bool(words and words[-1].lower() in _PLACE_NOUNS)


# Words that may stand between a preposition and a place (`in the Georgian capital Tbilisi`).
_PLACE_ADJECTIVES = frozenset(
    ["the", *MODIFIERS, "besieged", "frontline", "front-line", "embattled", "nearby", "neighbouring", "neighboring"]
    + ["rebel-held", "occupied"]
)
_PLACE_NOUNS = frozenset(
    ["capital", "city", "town", "village", "port", "province", "region", "district", "governorate", "outskirts"]
    + ["suburbs"]
)


def _person_like(ctx: CheckContext, spelling: str) -> bool:
    """Whether the document uses `spelling` as a person's name anywhere (`Putin said`, `President
    Putin`, `Vladimir Putin`: a given name first); `in Lvov said` speaks of a place."""

    def compute() -> frozenset[str]:
        text = ctx.document.text
        people = set()
        for use in name_uses(ctx):
            after = _AFTER_PERSON.match(text, use.end) and not _PLACE_PREPOSITION.search(
                text, max(0, use.start - 12), use.start
            )
            preceding = text[max(0, use.start - 20) : use.start].split()
            before = bool(preceding) and preceding[-1].rstrip(".,").lower() in _BEFORE_PERSON
            words = use.text.split()
            given = len(words) > 1 and (is_given_name(name_key(words[0])) or is_proper_noun(words[0]))
            if after or before or given:
                people.update(words)
        return frozenset(people)

    people = ctx.memo(("names", "person-words"), compute)
    return any(word in people for word in spelling.split())


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    text: str
    english: str
    message: str
    severity: Severity


def _country(code: str) -> str:
    return country_name(code) or code


def place_hits(ctx: CheckContext) -> list[PlaceHit]:
    """Place names spelt in another scheme than a known place's English spelling, or near misses of one."""

    def compute() -> list[PlaceHit]:
        hits = []
        for written, uses in uses_by_spelling(ctx).items():
            spelling = _place_spelling(written)
            if _joins_places(spelling):
                continue  # `Bishkek-Osh highway`: two places a route joins, each spelt as English does
            listed = _listed_in_another_scheme(spelling)
            if listed is None and (read := _read_in_another_scheme(spelling)) is not None:
                listed = _near_hit(ctx, read)  # `Basij` read as German is India's Basi: not in a story of Iran
            if listed is not None and _person_like(ctx, spelling):
                listed = None  # `Maryam Nawaz`: a person's name, whatever place it also spells
            near = None if listed else _near_place(spelling)
            if near is not None and (feature := _feature_place(spelling)) is not None:
                # `Kola Bay`: the gazetteer knows towns, not bays; the place it is named after is
                # compared, and a town near that is weak evidence
                near = _near_place(feature)
                near = None if near is None else (*near[:2], Severity.INFO, near[3])
            if (listed is None and near is None) or _spelt_by_chinese_source(ctx, spelling):
                continue  # `Jiashi` for `伽师县`, not German copy's `Yachi`
            for use in uses:
                near_here = near is not None and _near_miss_here(ctx, use, spelling)
                hit = listed or (_near_hit(ctx, near) if near is not None and near_here else None)
                if hit is not None:
                    english, message, severity = hit
                    end = use.start + len(spelling) if use.text.startswith(spelling) else use.end
                    hits.append(PlaceHit(use.start, end, spelling, english, message, severity))
        hits.sort(key=lambda hit: hit.start)
        return hits

    return ctx.memo(("names", "places"), compute)


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,4}")


@functools.lru_cache(maxsize=65536)  # asked for each spelling of each document
def _joins_places(spelling: str) -> bool:
    """Whether a hyphenated spelling joins places each written as English writes it (`Bishkek-Osh`,
    `Baku-Tbilisi-Ceyhan`): a route or a pair, no one place in another scheme."""
    parts = [part for part in re.split(r"[\-‐‑–—]", spelling) if part]
    return len(parts) >= 2 and all(
        (places := place_lookup(part)) and _names_a_place(part, places) for part in parts
    )


@functools.lru_cache(maxsize=65536)
def _listed_in_another_scheme(spelling: str) -> tuple[str, str, Severity] | None:
    """A spelling of a known place in a Russian-, German- or French-mediated scheme (`Manbidzh`)."""
    if _ACRONYM.fullmatch(spelling):
        return None  # `U.S.` is no `Ous`
    places = place_lookup(spelling)
    if not places or _names_a_place(spelling, places):
        return None
    # The places this spells by transliteration (`Halab` names Aleppo, but does not spell it).
    key = spelling_key(spelling)
    spelt = [p for p in places if spelling_key(p.english) == key]
    if not spelt:
        return None
    place = max(spelt, key=lambda p: p.population)
    if any(p.population > place.population and _notable(p) for p in lookup_exact(spelling)):
        return None  # `Fukui`, listed as written for Fukui-shi: a larger place's name, not a respelt `Phu Quy`
    english = place.english
    marks = scheme_marks(spelling, english, ALL_MARKS)
    if place.country in _K_FOR_Q_COUNTRIES:
        marks = tuple(m for m in marks if (m.foreign, m.english) != ("k", "q"))
    if place.country in _KH_OWN:
        marks = tuple(m for m in marks if (m.foreign, m.english) != ("kh", "h"))  # `Darkhan`: Mongolia's own kh
    if not marks:
        return None  # `Raqqah`, `Al-Raqqa`: English spellings too
    single_word = " " not in spelling
    if all(m.weight < 2 for m in marks) and single_word and (is_common_word(spelling) or is_proper_noun(spelling)):
        return None  # `Lewis` is an English name, not a German `Levis`
    rivals = [
        p for p in spelt if normal_form(p.english) != normal_form(english) and p.population >= NOTABLE_POPULATION
    ]
    schemes = sorted({m.scheme for m in marks})
    small = place.kind == "city" and place.population < NOTABLE_POPULATION
    # `Tartous`, `Khan Younis`: English copy writes them too; an `ou` spelling no source lists
    # (`Mosoul`) is no such established spelling.
    weak = all(m.foreign in ("ou", "u") and "ou" in (m.foreign, m.english) for m in marks) and bool(
        lookup_exact(spelling)
    )
    severity = Severity.INFO if rivals or small or weak else Severity.WARNING
    where = f"{english}, {_country(place.country)}" if place.country and place.kind == "city" else english
    message = (
        f"“{spelling}” spells {where} as {' or '.join(schemes)}-mediated copy does "
        f"({', '.join(str(m) for m in marks)}); English copy writes “{english}”"
        + (f" (also a spelling of {rivals[0].english}, {_country(rivals[0].country)})" if rivals else "")
    )
    return _with_article(spelling, english), message, severity


def _notable(place: Place) -> bool:
    return place.kind != "city" or place.population >= NOTABLE_POPULATION


def _names_a_place(spelling: str, places: Iterable[Place]) -> bool:
    """Whether `spelling` is the English spelling of a notable place among `places` (`Odessa`,
    Texas; not the village of 630 called `Nikolayev`, beside the city English copy writes Mykolaiv)."""
    form = normal_form(spelling)
    return any(normal_form(p.english) == form and (_notable(p) or p is next(iter(places))) for p in places)


@functools.lru_cache(maxsize=65536)
def _read_in_another_scheme(spelling: str) -> tuple[str, str, Severity, str] | None:
    """A notable place's name as German- or French-language copy spells it (`Charkiw`, `Donezk`,
    `Tchernihiv`, read back as `Kharkiv`, `Donetsk`, `Chernihiv`), or as the romanised Russian
    name of a place outside Russia whose English spelling follows another name (`Lvov`, `Kharkov`
    for Lviv, Kharkiv). English words and names (`Lewis`, `Jordan`) and acronyms (`JICA` is no
    German `Ica`) are never read so, nor read back to a place of a country that writes in Latin
    letters, whose names German and French copy keep (`La Guajira` is no `La Guaira`)."""
    if _ACRONYM.fullmatch(spelling):
        return None
    if " " not in spelling and (
        is_common_word(spelling) or is_proper_noun(spelling) or is_demonym(spelling) or is_language_name(spelling)
    ):
        return None
    if _names_a_place(spelling, place_lookup(spelling) or ()):
        return None
    key = spelling_key(spelling)
    found: list[tuple[Place, str]] = []
    for scheme, reading in scheme_readings(spelling):
        reading_key = spelling_key(reading)
        found += [
            (p, scheme)
            for p in place_lookup(reading)
            if _notable(p)
            and spelling_key(p.english) == reading_key != key  # the reading, not the folding, spells it
            and not (p.country in _PINYIN_COUNTRIES and is_pinyin(spelling))  # pinyin's own j, w, z
            and not writes_in_latin(p.country)  # `La Guajira` is no German `La Guaira`: German keeps Latin names
        ]
    if not found:
        # Only where English copy follows another Cyrillic name of the place (Ukrainian `Львів`).
        found = [
            (p, "Russian")
            for p in cyrillic_places(spelling, russian=True)
            if p.country not in _CYRILLIC_OWN
            and _notable(p)
            and spelling_key(p.english) != key
            # one name, two romanisations; not `Jalal-Abad` for Manas
            and fuzz.ratio(spelling_key(p.english), key) >= 60
            and (p in cyrillic_places(p.english) if p.country in _CYRILLIC_LOCAL else _russian_respelling(key, p))
        ]
    if not found:
        return None
    place, scheme = max(found, key=lambda hit: hit[0].population)
    english = place.english
    rivals = [p for p, _ in found if normal_form(p.english) != normal_form(english)]
    where = f"{english}, {_country(place.country)}" if place.country and place.kind == "city" else english
    how = "the romanised Russian name" if scheme == "Russian" else f"{scheme}-language copy"
    message = (
        f"“{spelling}” spells {where} as {how} does; English copy writes “{english}”"
        + (f" (also a spelling of {rivals[0].english}, {_country(rivals[0].country)})" if rivals else "")
    )
    former = normal_form(spelling) in _former_english_names()
    if former:
        message += " (the older English spelling)"
    severity = Severity.INFO if rivals or former else Severity.WARNING
    # A German or French reading of a word may be chance (`Basij`); a Russian name's marks are not.
    return _with_article(spelling, english), message, severity, "" if scheme == "Russian" else place.country


@functools.lru_cache(maxsize=1)
def _former_english_names() -> frozenset[str]:
    """Cities English once spelt otherwise, as the time-zone database's renamed zones record
    them (`Europe/Kiev`, `Asia/Calcutta`): a style note, not a garble."""
    from babel.core import get_global

    zones = [zone for zone in get_global("zone_aliases") if "/" in zone]
    return frozenset(normal_form(zone.rsplit("/", 1)[-1].replace("_", " ")) for zone in zones)


def _near_miss_here(ctx: CheckContext, use: Mention, spelling: str) -> bool:
    """Whether a near miss of a place counts at this use: the text speaks of a place, never of a person."""
    return _locative(ctx, use) and not _person_like(ctx, spelling)


def _spelt_by_chinese_source(ctx: CheckContext, spelling: str) -> bool:
    """Whether a Chinese source given spells the name in pinyin (`Jiashi` for `伽师县`): the
    English scheme for a Chinese place, whatever other place another scheme spells so."""
    source = ctx.memo(("names", "chinese source"), lambda: _chinese_source(ctx.document))
    return source is not None and all(source.spells(word) for word in spelling.split())


def _chinese_source(document: Document) -> RomanisedSource | None:
    """The document's source romanised, where it is Chinese."""
    if not document.source or romaniser_language(document.source, document.source_lang) != "zh":
        return None
    return RomanisedSource(document.source, "zh")


def _near_hit(ctx: CheckContext, near: tuple[str, str, Severity, str]) -> tuple[str, str, Severity]:
    """A near miss as reported: a note when its place is in a country the document does not
    otherwise name (a story of Libya's oil fields is seldom about a Kazakh town a letter off)."""
    english, message, severity, country = near
    if country and not _touches_country(ctx, country):
        return english, message + " (in a country this document does not otherwise name)", Severity.INFO
    return english, message, severity


def _touches_country(ctx: CheckContext, country: str) -> bool:
    """Whether the document names `country`, a place of it or its people (`Libya`, `Benghazi`,
    `Libyan`), or names no country at all (a short item: `Air strikes hit Aleppio`)."""
    countries = ctx.memo(("names", "countries"), lambda: _document_countries(ctx))
    return not countries or country in countries


def _document_countries(ctx: CheckContext) -> frozenset[str]:
    """The countries a document names: by name, by a notable place's English spelling, or by demonym."""
    countries: set[str] = set()
    for written in uses_by_spelling(ctx):
        spelling = _place_spelling(written)
        places = lookup_exact(spelling)
        countries.update(p.country for p in places if p.country and _notable(p) and _names_a_place(spelling, (p,)))
    for word in set(_CAPITALISED.findall(ctx.document.text)):
        for name in demonym_places(word):
            countries.update(p.country for p in lookup_exact(name) if p.kind == "country")
    return frozenset(countries)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _english_place_word(spelling: str) -> bool:
    """A name CC-CEDICT glosses in English, a first-level region the region tables name
    (`Karelia`, `Udmurtia`: no GeoNames city), or a place's demonym (not a prefix of its name)."""
    return (
        bool(chinese_forms(spelling))
        or spelling in russian_regions()
        or spelling in asian_regions()
        or any(not place.lower().startswith(spelling.lower()) for place in demonym_places(spelling))
    )


@functools.lru_cache(maxsize=65536)
def _near_place(spelling: str) -> tuple[str, str, Severity, str] | None:
    """What a spelling of no place and no English word is a near miss of, worked out once.

    A name CC-CEDICT glosses in English (`Kanagawa`, `Kerala`, `Hawaii`, `Bosnia`: regions,
    islands, a country's short name, none of them a GeoNames city) and a place's demonym
    (`Namibian`) are English words for places, not garbles of one; so are the regions the
    region tables name (`Karelia`)."""
    if " " not in spelling and (is_common_word(spelling) or is_proper_noun(spelling)):
        return None
    miss = place_nearest(spelling)
    slip = None if miss is not None else _unlisted_spelling(spelling) or _transposed(spelling)
    if (miss is None and slip is None) or _english_place_word(spelling):
        return None  # CC-CEDICT is read only for a spelling that misses a place
    if miss is None:
        return None if slip is None else (*slip, "")
    place = miss.place
    if place.country in _PINYIN_COUNTRIES and is_pinyin(spelling) and is_pinyin(place.english):
        return None  # `Zhejiang` beside `Zhenjiang`: two Chinese names a letter apart
    target = spelling_key(place.english)
    if len(target) <= MIN_NEAR_KEY and spelling_key(spelling).startswith(target):
        return None  # `Doraleh` beside `Doral`: a short name with a syllable more is another name
    where = f"{place.english}, {_country(place.country)}" if place.country and place.kind == "city" else place.english
    message = f"“{spelling}” is no place the gazetteer knows; the nearest known place is {where}"
    return _with_article(spelling, place.english), message, Severity.WARNING, place.country


# Countries whose places English copy spells from a Cyrillic name other than the Russian one
# (Ukrainian `Львів`, Kazakh `Алматы`), so the romanised Russian name is another scheme's.
_CYRILLIC_LOCAL = frozenset(["UA", "BY", "KZ", "KG", "TJ"])
# Countries that write their own names in Cyrillic: a romanised Cyrillic name is their own scheme.
_CYRILLIC_OWN = frozenset(["RU", "BG", "RS", "MK", "ME", "BA", "MN"])


# What Russian writes for letters it lacks, in names from other scripts: `г` for h and gh
# (`Кандагар`, `Бенгази`), `к` for q and qu (`Гуаякиль`).
_RUSSIAN_RESPELLINGS = ((re.compile(r"gh|h"), "g"), (re.compile(r"ku(?=[ei])"), "k"))


def _russian_respelling(key: str, place: Place) -> bool:
    """Whether the folded `key` is the English spelling of `place` respelt as Russian writes
    sounds it lacks (`bengasi` for `benghasi`, `kandagar` for `kandahar`), the spelling a
    romanised Russian name of a place outside the Cyrillic-writing countries has."""
    english = spelling_key(place.english)
    for pattern, replacement in _RUSSIAN_RESPELLINGS:
        english = pattern.sub(replacement, english)
    return english == key
_PINYIN_COUNTRIES = frozenset(["CN", "TW", "HK", "MO", "SG"])
# Countries whose own romanisation writes k and q alike for one letter (Hebrew qof: `Kiryat
# Shmona`, `Qiryat Shmona`), so a k is no Russian-mediated mark there.
_K_FOR_Q_COUNTRIES = frozenset(["IL"])
# Countries whose own romanisation, as English copy follows it, writes `kh` for `х` (`Darkhan`,
# `Khujand`, `Bukhara`), where GeoNames may list an `h` spelling first: a `kh` is no Russian mark.
_KH_OWN = frozenset(["RU", "MN", "KZ", "KG", "TJ", "UZ", "UA", "BY"])


def _unlisted_spelling(spelling: str) -> tuple[str, str, Severity] | None:
    """A spelling that folds to a notable place's English spelling with a letter doubled or
    dropped: no place lists it (`Mariupoll`, `Idlibb`), or only another language's spelling
    of a large place does (French `Tbilissi`, German `Mossul`), naming no place in English."""
    if " " not in spelling and (is_common_word(spelling) or is_proper_noun(spelling)):
        return None
    listed = lookup_exact(spelling)
    if listed and _names_a_place(spelling, listed):
        return None
    key = spelling_key(spelling)
    same = [p for p in place_lookup(spelling) if _notable(p) and spelling_key(p.english) == key]
    if not same or normal_form(same[0].english) == normal_form(spelling):
        return None
    if len(key) < MIN_NEAR_KEY and (len(key) < MIN_NEAR_KEY - 1 or same[0].population < LARGE_POPULATION):
        return None  # `Homms` for Homs: a four-letter name, of a large place only
    place = same[0]
    if listed and (place.population < LARGE_POPULATION or any(p.id != place.id and _notable(p) for p in listed)):
        return None  # a listed spelling of a smaller place, or of two: perhaps English there
    if not _letters_differ(spelling, place.english):
        return None
    where = f"{place.english}, {_country(place.country)}" if place.country and place.kind == "city" else place.english
    if not listed:
        message = f"“{spelling}” is no listed spelling of a place; English copy writes {where}"
        return _with_article(spelling, place.english), message, Severity.WARNING
    # French and German double an s between vowels to keep it voiceless (`Tbilissi`, `Mossul`);
    # English never does. Another doubling GeoNames lists may be English too (`Lattakia`): a note.
    voiceless = _VOICELESS_SS.findall(spelling.lower()) > _VOICELESS_SS.findall(place.english.lower())
    how = "French- or German-language copy does (ss for s)" if voiceless else "another language does"
    message = f"“{spelling}” spells {where} as {how}; English copy writes “{place.english}”"
    return _with_article(spelling, place.english), message, Severity.WARNING if voiceless else Severity.INFO


_VOICELESS_SS = re.compile(r"(?<=[aeiouy])ss(?=[aeiouy])")


def _transposed(spelling: str) -> tuple[str, str, Severity] | None:
    """Two letters of a notable place's English spelling swapped (`Tiblisi` for Tbilisi): a slip,
    never a romanisation, even where GeoNames lists it."""
    if " " not in spelling and (is_common_word(spelling) or is_proper_noun(spelling)):
        return None
    key = spelling_key(spelling)
    for place in place_lookup(spelling):
        target = spelling_key(place.english)
        if not (_notable(place) and len(key) >= MIN_NEAR_KEY and len(target) == len(key)):
            continue
        if OSA.distance(key, target) == 1 and Levenshtein.distance(key, target) == 2:  # one swap, not one substitution
            where = place.english
            if place.country and place.kind == "city":
                where = f"{place.english}, {_country(place.country)}"
            message = f"“{spelling}” has two letters of {where} swapped; English copy writes “{place.english}”"
            return _with_article(spelling, place.english), message, Severity.WARNING
    return None


def _letters_differ(spelling: str, english: str) -> bool:
    """`Mariupoll` for `Mariupol`, `Alepo` for `Aleppo`, `Kirkuck` for `Kirkuk`: letters doubled
    or made single, one way only, and nothing else; not an article's form (`Jisr al-Shughur`
    beside `Jisr ash Shughur`), separators, or a scholarly `Rif'at` beside `Rifaat`."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z \-]+", english):
        return False
    written, standard = _bare_letters(spelling), _bare_letters(english)
    if written == standard or re.sub(r"(.)\1+", r"\1", written) != re.sub(r"(.)\1+", r"\1", standard):
        return False  # `Sulaimaniyah` beside `Sulaymaniyah`: two English spellings
    if not re.fullmatch(r"[A-Za-z \-]+", spelling):
        return False
    runs = [(len(a[0]), len(b[0])) for a, b in zip(_RUNS.finditer(written), _RUNS.finditer(standard), strict=True)]
    return all(w >= s for w, s in runs) or all(w <= s for w, s in runs)


_RUNS = re.compile(r"(.)\1*")


def _bare_letters(spelling: str) -> str:
    """The letters of a spelling without its article words."""
    words = [w for w in re.split(r"[\s\-‐‑]+", spelling.lower()) if w and w not in ARTICLES]
    return re.sub(r"[^a-z]", "", "".join(words)).replace("ck", "kk")  # `Kirkuck`: a doubled k


_ARTICLE_HEAD = re.compile(rf"(?:{'|'.join(sorted(ARTICLES, key=len, reverse=True))})[-‐‑ ]", re.IGNORECASE)


def _with_article(spelling: str, english: str) -> str:
    """The English spelling with the article the text used (`al-Rakka` -> `al-Raqqa`)."""
    head = _ARTICLE_HEAD.match(spelling)
    if head and not _ARTICLE_HEAD.match(english):
        return head.group(0) + english
    return english


@register
class KnownPlace(Check):
    """Place name spelt otherwise than English copy spells a known place.

    A place reaches English through Russian-, German- or French-language copy spelt by that
    language's scheme (`Manbidzh`, `Manbidsch`, `Rakka` for Manbij and Raqqa) or garbled
    (`Aleppio`, `Deir-ez-Zora`). GeoNames (every city of 500 inhabitants or more, with
    alternate names in many scripts) and CLDR's countries and regions know the place; the
    English spelling is chosen by transliteration scheme, not by being listed, since GeoNames
    lists the foreign-scheme spellings too. A listed spelling with another scheme's marks
    where the English-scheme spelling exists is a warning (info when the place is small, the
    spelling also names another sizeable place, or the only mark is a French `ou` in a spelling
    GeoNames lists as written: `Tartous`, not `Mosoul`); `kh` is no mark in a country whose own
    romanisation English copy follows writes it (`Darkhan`, Mongolia; Central Asia, the East
    Slavic countries). So is a
    notable place's name read back from German or French spelling (`Charkiw`, `Donezk`,
    `Tchernihiv`), and the romanised Russian name of a Ukrainian, Belarusian or Central Asian
    place whose English spelling follows its own Cyrillic name (`Lvov`, `Kharkov`; an older
    English spelling the time-zone database records, `Kiev`, is a note), or of a notable place
    outside the Cyrillic-writing countries respelt as Russian writes sounds it lacks (`g` for h
    and gh, `k` for qu: `Bengazi`, `Kandagar`, `Guayakil`), the German or French reading a note
    when its place is in a country the document names no place of (`Basij` read as German is
    India's Basi, in a story of Tehran); and another language's listed
    spelling of a large place (100,000 people) with a letter doubled (`Tbilissi`,
    `Mossul`: French and German ss for s; another doubling is a note); Hebrew's k for q
    (`Kiryat`) is no Russian mark. A spelling of no
    place that is one or two letters from a notable place's (15,000 people or more; a letter
    replaced only by a kindred one: `Samarkant`, not `Kanagawa` for Kanazawa; a consonant off
    only a large place's: not `Manipur` for Maniyur), folds to
    it with a letter doubled or dropped (`Mariupoll`), or swaps two of its letters
    (`Tiblisi`), in a sentence that speaks of a place (`in`, `near`, `the city of`, `in the
    Georgian capital`, `province`) and never of a person, is a warning (a note when the place
    is in a country the document does not otherwise name, as Syria's Aleppo in a story that
    names only Libya); two pinyin names a letter apart (`Zhejiang`, `Zhenjiang`) are two
    places, and names CC-CEDICT glosses in English (`Kerala`, `Hawaii`, `Bosnia`) and
    demonyms (`Namibian`) are no near misses. A spelling listed as written for a larger place
    names it (`Fukui`), and a name the document gives a person is none of these
    (`Maryam Nawaz`), nor a name a Chinese source given spells in pinyin (`Jiashi` for `伽师县`,
    not German copy's Yachi), nor a hyphen joining places each spelt as English writes them (a
    route: `the Bishkek-Osh highway`). A natural feature's name is compared by the place it is
    named after, without its feature words (`Kola` of `Kola Bay`, `Onega` of `Lake Onega`): the
    gazetteer knows towns, not bays, so a near miss there is a note. The English spelling is suggested.

    Bad: Kurdish forces left Manbidzh as shelling hit Rakka, Lvov and the outskirts of Aleppio.
    Good: Kurdish forces left Manbij as shelling hit Raqqa, Lviv and the outskirts of Aleppo.
    """

    code = "N231"
    name = "names.place"
    severity = Severity.WARNING
    scope = "document"
    subjects = frozenset({"name"})
    precedence = 40

    def prepare(self, config: Config) -> None:
        load_gazetteer()  # built (once per machine) in this process, before `--jobs` workers start

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for hit in place_hits(ctx):
            yield self.finding(
                segment, hit.start, hit.end, hit.message, suggestion=hit.english, evidence=hit.english, severity=hit.severity
            )


# ---------------------------------------------------------------- house spellings


@register
class HouseSpelling(Check):
    """Name spelt close to, but not as, the newsroom's house spelling.

    A desk spells names its own way, and its archive of edited copy says how: `mt-audit
    names learn ARCHIVE --output house-names.tsv` counts the names of trusted copy into a
    list in the glossary's format, and `--house-names house-names.tsv` (or `house-names`
    in the config) checks new copy against it. A spelling the list gives as a variant, or
    one that folds to a house spelling's key or is one or two letters from it (as N201
    compares spellings), is flagged with the house spelling as the fix; house spellings
    themselves, and names the list does not know, pass. Runs only with a house list.

    Bad: Kim Jong-un met the envoy (the house spells Kim Jong Un)
    Good: Kim Jong Un met the envoy
    """

    code = "N233"
    name = "names.house"
    severity = Severity.WARNING
    scope = "document"
    subjects = frozenset({"name"})
    precedence = 55
    fixable = True

    def prepare(self, config: Config) -> None:
        house_names(config)

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        house = house_names(ctx.config)
        if house is None:
            return
        for use in name_uses(ctx):
            spelling = " ".join(use.text.split())
            if spelling != use.text:
                continue  # offsets of the runs below are into the text as written
            for begin, end, run in house_windows(spelling, house.word_counts):
                if house.is_house(run):
                    break
                match = house.match(run)
                if match is not None:
                    how = "a variant the house list names" if match.listed else "close to the house spelling"
                    yield self.finding(
                        segment,
                        use.start + begin,
                        use.start + end,
                        f"“{run}” is {how} “{match.spelling}” ({Path(house.path).name})",
                        suggestion=match.spelling,
                        evidence=match.spelling,
                    )
                    break


# ---------------------------------------------------------------- across the feed

# A document's distinct name spellings and where each is used: what the feed stage keeps
# of it while it is in the look-ahead window.
FeedNote = tuple[tuple[str, tuple[tuple[int, int], ...]], ...]


class _FeedSpellings:
    """The feed review of `FeedVariant`: a bounded tally of the batch's spellings."""

    def __init__(self, check: FeedVariant, options: Options) -> None:
        self.check = check
        self.lookahead = int(options.lookahead)
        self.min_documents = int(options.min_documents)
        self.share = float(options.share)
        self.tally = SpellingTally(int(options.memory))

    def add(self, document: Document, note: FeedNote | None) -> None:
        self.tally.add(spelling for spelling, _ in note or ())

    def judge(self, document: Document, note: FeedNote | None) -> list[Finding]:
        if not note:
            return []
        used = {spelling for spelling, _ in note}
        segment = Segment(document, SegmentKind.DOCUMENT, 0, len(document.text))
        findings = []
        for spelling, spans in note:
            majority = self.tally.majority(spelling, min_documents=self.min_documents, share=self.share)
            if majority is None or majority.spelling in used:
                continue  # the document spells it both ways: N201's to report
            for start, end in spans:
                findings.append(
                    self.check.finding(
                        segment,
                        start,
                        end,
                        f"“{spelling}” is spelt “{majority.spelling}” in {majority.documents} documents of this batch "
                        f"(this spelling in {majority.minority_documents})",
                        suggestion=majority.spelling,
                        evidence=majority.spelling,
                    )
                )
        return findings


@register
class FeedVariant(Check):
    """Name spelt one way in most documents of a batch and another way in a few.

    A feed that writes `Hayat Tahrir al-Sham` in thirty stories and `Hayat Tahrir al-Cham`
    in two has garbled the two: the same organisation, another scheme's or a careless
    spelling. Spellings are compared as N201 compares them (folded keys, spacing, a
    length-scaled edit distance); each document counts once per spelling. A spelling used in
    at most a quarter of the documents that use it or the majority's, where the majority's
    appears in at least three, is flagged with the majority's spelling. The feed is read as a
    stream: counts are kept for a bounded number of names (`memory`, least recently seen
    forgotten first), and each document is judged once `lookahead` later documents are in, so
    memory stays flat on a feed of any length. A document that itself uses both spellings is
    left to N201.

    Bad: (three stories) Hayat Tahrir al-Sham ... (a fourth) Hayat Tahrir al-Cham
    Good: (all four stories) Hayat Tahrir al-Sham
    """

    code = "N232"
    name = "names.feed"
    severity = Severity.WARNING
    scope = "feed"
    subjects = frozenset({"name"})
    precedence = 35
    options: ClassVar[Mapping[str, Option]] = {
        "lookahead": Option(64, "documents held back so a document is judged on the ones after it too"),
        "min_documents": Option(3, "documents the majority's spelling must appear in"),
        "share": Option(0.25, "largest share of the documents a flagged spelling may have"),
        "memory": Option(50_000, "names (spelling blocks) remembered across the feed"),
    }

    def observe(self, ctx: CheckContext) -> FeedNote:
        return tuple(
            (spelling, tuple((use.start, use.end) for use in uses))
            for spelling, uses in uses_by_spelling(ctx).items()
            if len(squashed_key(spelling)) >= 4
        )

    def review(self, options: Options) -> FeedReview:
        return _FeedSpellings(self, options)


# ---------------------------------------------------------------- source names


def _sentence_at(ctx: CheckContext, offset: int, start: int, end: int) -> tuple[int, int]:
    """The sentence of [start, end) around `offset` (the whole stretch when none is found)."""
    for sentence in ctx.sentences:
        if sentence.start <= offset < sentence.end and sentence.start >= start and sentence.end <= end:
            return sentence.start, sentence.end
    inside = [s for s in ctx.sentences if s.start >= start and s.end <= end]
    if inside:
        nearest = min(inside, key=lambda s: abs(s.start - offset))
        return nearest.start, nearest.end
    return start, end


def _spellings(name: str, lang: str | None, english: tuple[str, ...] = ()) -> str:
    """The name with the English forms known for it, else its romanisations."""
    forms = list(english[:3]) or [f for f in romanise(name, lang) if f != name]
    return name if not forms else f"{name} ({', '.join(forms)})"


_POSSESSIVE_HEAD = re.compile(r".*['’]s?\s+")


def unknown_acronyms(source: str) -> tuple[str, ...]:
    """The Cyrillic acronyms of a Russian source that no table lists (`ОДКБ` were it missing):
    their English form (an acronym, or a name of ordinary words) cannot be looked up. The tables
    are loaded only for a source that has a Cyrillic acronym (not for a Czech or Chinese one)."""
    acronyms = [
        word
        for word in dict.fromkeys(re.findall(r"[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ]\+?[а-яё]*", source))
        if is_cyrillic_acronym(word)
    ]
    if not acronyms:
        return ()
    terms = russian_terms()
    return tuple(word for word in acronyms if terms.lookup(word) is None)


_POSSESSIVE_TAIL = re.compile(r"['’]s?$")
# The head words of a body's English name (`Aerospace Forces`, `State University`, `Ring Road`,
# `Alliance of Sahel States`), cultural bodies and facilities Russian abbreviates too (`МХТ`: `Moscow
# Art Theatre`, `ТЮЗ`: `Youth Theatre`, `ГМИИ`: `Pushkin State Museum of Fine Arts`).
_BODY_HEADS = frozenset(
    """agency service services committee commission council corporation company university institute
    academy forum forces force army navy ministry department bank fund party union court road railway
    railways airport office bureau centre center authority administration directorate inspectorate
    guard police college organisation organization federation association society group holding
    exchange state chamber assembly front movement network plant factory works alliance league
    coalition bloc community fleet station theatre theater museum library gallery orchestra studio
    hospital clinic zoo conservatory observatory stadium festival""".split()
)


def _is_head(word: str) -> bool:
    """A body's head word (`Institute`, `Forces`)."""
    return word.lower() in _BODY_HEADS


def _acronym_or_body(name: str, sourced: bool = False) -> bool:
    """An acronym (`CSTO`, `Ukraine's HUR`) or a body's English name (`Russian Aerospace Forces`,
    `Islamic State`; one the source lacks also by its head before `of`: `Moscow Institute of
    Physics`, `Alliance of Sahel States`): what a Cyrillic acronym no table lists may stand for
    (`ВКС`, `ИГИЛ`, `АГС`), unlike a person or a place."""
    words = _POSSESSIVE_TAIL.sub("", name).split()
    if not words:
        return False
    if is_acronym(words[-1]) or (len(words) >= 2 and _is_head(words[-1])):
        return True
    return not sourced and "of" in words[1:] and _is_head(words[words.index("of", 1) - 1])


def _unlisted_for(mention: Mention, unlisted: list[str], text: str, sourced: bool) -> str | None:
    """The Cyrillic acronym no table lists that an English name may stand for: for a name the
    source lacks, one whose letters it spells (`Rosselkhozbank`: `РСХБ`) or whose listed last part
    English writes right after it (`Astravets nuclear power plant`: `БелАЭС`, `АЭС`); else, for an
    acronym or a body, the first left (in order: `ЮУрГУ ... ВКС`)."""
    for acronym in unlisted if not sourced else ():
        if _spells_unlisted(mention.text, acronym) or _tail_written_after(mention, acronym, text):
            return acronym
    return unlisted[0] if _acronym_or_body(mention.text, sourced) else None


def _tail_written_after(mention: Mention, acronym: str, text: str) -> bool:
    """Whether `text` writes right after the name an English form of a listed acronym that ends
    the unlisted one (`АЭС` of `БелАЭС`: `nuclear power plant`), a compound Russian makes of a
    place or name and a kind of facility (`ЗапорожАЭС`, `ЛАЭС`)."""
    after = text[mention.end : mention.end + 60].lower()
    terms = russian_terms()
    for cut in range(1, len(acronym) - 1):
        tail = acronym[cut:]
        term = terms.lookup(tail) if tail.isupper() and is_cyrillic_acronym(tail) else None
        if term is not None and any(after.startswith(f" {form.lower()}") for form in term.english if not is_acronym(form)):
            return True
    return False


def _spells_unlisted(name: str, acronym: str) -> bool:
    """Whether a one-word name spells a Cyrillic acronym's letters in order from its first
    (`Rosselkhozbank` for `РСХБ`): a compound word the acronym abbreviates, as Russian
    abbreviates `Россельхозбанк`."""
    word = _POSSESSIVE_TAIL.sub("", name).lower()
    if " " in word or len(acronym) < 3:
        return False
    for letters in romanise(acronym.upper(), "ru"):
        letters = letters.lower()
        if not letters or word[:1] != letters[:1]:
            continue
        rest = iter(word[1:])
        if all(letter in rest for letter in letters[1:]):
            return True
    return False


# What joins a body to the place English adds to locate it (`University in Vladivostok`, `Ring Road
# around Moscow`, `Institute of Samara`).
_LOCATING = re.compile(r"\s*,?\s*(?:in|around|near|of|at|outside)\s+(?:the\s+)?$")


def _locates(text: str, body: Mention, place: Mention) -> bool:
    """Whether a name right after a body, joined by `in`, `around`, `near`, `of`, is a place that
    locates it: context English adds for a body whose source acronym no table lists (the place
    a table's row would imply)."""
    between = text[body.end : place.start]
    return len(between) <= 14 and bool(_LOCATING.fullmatch(between)) and bool(place_lookup(place.text))


def _spare_acronyms(ctx: CheckContext, pair: SourcePair, lang: str | None) -> list[Mention]:
    """The translation's acronyms that the source does not have: each may be an unknown source
    acronym in English (`CSTO` for `ОДКБ`)."""
    index = TokenIndex(pair.source, lang)
    return [
        m
        for m in mentions(ctx)
        if pair.start <= m.start < pair.end and is_acronym(m.text) and " " not in m.text and missing_words(m.text, index)
    ]


def _translated_names(ctx: CheckContext, pair: SourcePair, carried: list[str], lang: str | None) -> list[Mention]:
    """The translation's names of ordinary words that no carried-over source name accounts for;
    for a Russian source, also the part before a place English writes after one (`Red Star` of
    `Red Star Belgrade`, `Union of Journalists` of `Union of Journalists of Russia`) and the part
    after an acronym another source name accounts for (`United League` of `VTB United League`).

    `Russian Defence Ministry` holds `России`'s counterpart, so it is not free to be the
    translation of another source name, unless the translation has that counterpart elsewhere
    too (`American Independence Day` beside `in the US` for `USA`).
    """
    free = []
    russian = is_russian_source(pair.source, lang)
    for whole in _joined_titles(ctx.document.text, [m for m in mentions(ctx) if pair.start <= m.start < pair.end]):
        tail = _POSSESSIVE_HEAD.match(whole.text)  # `Israel's Iron Dome`: the name is `Iron Dome`
        mention = Mention(whole.start + tail.end(), whole.end, whole.text[tail.end() :]) if tail else whole
        if russian:
            mention = _with_opening_word(ctx.document.text, mention, pair.start)  # `New People` of `New People party leader`
        if not is_translated_name(mention.text, lang):
            # `Red Star Belgrade` for a Russian source: the name is `Red Star`, the place English's
            before = _before_place(mention) if russian else None
            if before is None or not is_translated_name(before.text, lang):
                before = _after_acronym(mention) if russian else None  # `United League` of `VTB United League`
                if before is None or not is_translated_name(before.text, lang):
                    before = _after_place(mention) if russian else None  # `Grand Slam` of `Tokyo Grand Slam`
                    if before is None or not is_translated_name(before.text, lang):
                        opened = _with_opening_word(ctx.document.text, mention, pair.start)
                        before = _title_before_carried(opened, carried)
                        if before is None or not is_translated_name(before.text, lang):
                            continue
            mention = before
        index = name_index(mention.text, "en")
        claims = [name for name in carried if index.has_name(name, lang)]
        if claims:
            text = ctx.document.text
            rest = TokenIndex(text[pair.start : mention.start] + " … " + text[mention.end : pair.end], "en")
            claims = [name for name in claims if not rest.has_name(name, lang)]  # `USA`: `the US` elsewhere
        if not claims:
            free.append(mention)
    return free


def _after_acronym(mention: Mention) -> Mention | None:
    """The rest of a name that opens with an acronym, which a source name of its own accounts
    for (`United League` of `VTB United League`, `ВТБ` and `Единой лиги` apart in Russian)."""
    first, _, rest = mention.text.partition(" ")
    if not rest or not (first.isupper() and len(first) >= 2 and first.isalpha()):
        return None
    return Mention(mention.end - len(rest), mention.end, rest)


def _title_before_carried(mention: Mention, carried: list[str]) -> Mention | None:
    """The title before a person the source names too (`Foreign Minister` of `Foreign Minister
    Ana Ruiz`, `Ana Ruiz` carried), which may translate a source name of ordinary words the
    person is no part of (`ministra de Asuntos Exteriores`), or None."""
    for name in carried:
        at = mention.text.find(" " + name.split()[0])
        if at > 0:
            return Mention(mention.start, mention.start + at, mention.text[:at])
    return None


# A place English writes after a name, with `of` or without (`Red Star Belgrade`, `Spiritual
# Administration of Muslims of Russia`).
_PLACE_TAILS = (
    re.compile(r"(?:\s+of(?:\s+the)?)?\s+([A-Z][\w'’.-]*)$"),
    re.compile(r"(?:\s+of(?:\s+the)?)?\s+([A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*)$"),
)


def _before_place(mention: Mention) -> Mention | None:
    """The name before a place English writes after it (`Red Star` of `Red Star Belgrade`), which
    may translate a source name the place is no part of (`«Црвена Звезда»`), or None."""
    for tail in _PLACE_TAILS:
        match = tail.search(mention.text)
        if match is not None and match.start() > 0 and place_lookup(match.group(1)):
            return Mention(mention.start, mention.start + match.start(), mention.text[: match.start()])
    return None


def _after_place(mention: Mention) -> Mention | None:
    """The name after a place English writes before it (`Grand Slam` of `Tokyo Grand Slam`), which
    may translate a source name the place is no part of (`турнир «Большого шлема» в Токио`), or None."""
    first, _, rest = mention.text.partition(" ")
    if not rest or not place_lookup(first):
        return None
    return Mention(mention.end - len(rest), mention.end, rest)


# A capitalised word opening a sentence right before a mention, which the finder leaves out as
# possibly a common word capitalised by its place (`New` of `New People party leader`).
_OPENING_WORD = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][a-z]+)\s+$")
_FUNCTION_WORDS = frozenset(
    "the a an in on at after before for from with by to as and but of this that these its his her their "
    "our when while since during under over".split()
)


def _with_opening_word(text: str, mention: Mention, floor: int) -> Mention:
    """The mention with the capitalised word opening its sentence right before it, if any."""
    opening = _OPENING_WORD.search(text, max(floor, mention.start - 24), mention.start)
    if opening is None or opening.group(1).lower() in _FUNCTION_WORDS:
        return mention
    return Mention(opening.start(1), mention.end, text[opening.start(1) : mention.end])


_TITLE_JOINT = re.compile(r"\s+(?:and|of|of the|in|in the|for|on|to)\s+")


def _joined_titles(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions, and runs of them joined by a connector as one title (`War` `and` `Peace`)."""
    joined = list(found)
    for left, right in itertools.pairwise(found):
        if _TITLE_JOINT.fullmatch(text, left.end, right.start):
            joined.append(Mention(left.start, right.end, text[left.start : right.end]))
    return joined


# A title in lower case between a body and a person (`EU foreign policy chief`, `UN envoy`,
# `Amazon founder`, `Zenit coach`, `Severstal's main shareholder`), a player's position or
# standing among them (`Tampa Bay Lightning forward`, `Real Madrid star`).
_TITLE_BETWEEN = re.compile(
    r"['’]?s?\s+(?:[a-z][a-z-]*\s+){0,3}(?:chief|head|envoy|spokesman|spokeswoman|spokesperson|commissioner"
    r"|minister|president|secretary-general|secretary|chairman|chair|director|ambassador|representative"
    r"|commander|leader|negotiator|prosecutor|official|founder|owner|boss|CEO|executive|governor|mayor"
    r"|chancellor|speaker|aide|adviser|advisor|coach|manager|captain|shareholder|magnate|tycoon|player"
    r"|forward|striker|midfielder|defender|defen[cs]eman|goalkeeper|goaltender|goalie|winger|centre|center"
    r"|guard|quarterback|pitcher|star|teammate)\s+"
)


def _qualifies_sourced_person(text: str, mention: Mention, found: Sequence[Mention], index: TokenIndex, english: str) -> bool:
    """A body English puts before a title and a person the source names (`EU foreign policy
    chief Kaja Kallas` for `Каллас`, `Amazon founder Jeff Bezos` for `Безос`), where the
    source has no acronym or place it could have replaced, or the translation `english`
    gives each source name its counterpart (`Rosneft chief executive Igor Sechin spoke in St
    Petersburg` for `Сечин выступил в Петербурге`, `Washington Capitals captain Alexander
    Ovechkin` for `Овечкин`)."""
    replaceable = " " in mention.text or index.has_acronyms() or (not is_acronym(mention.text) and index.names_places())
    if replaceable and leaves_source_names(index.text, english, index.lang):
        return False  # a name of several words (`Washington Capitals`) only when nothing is left unpaired
    following = next((m for m in found if m.start >= mention.end), None)
    return (
        following is not None
        and _TITLE_BETWEEN.fullmatch(text, mention.end, following.start) is not None
        and not missing_words(following.text, index, text)
    )


# Lower-case particles inside a person's name, where a mention may end (`Ursula von der Leyen`).
_PARTICLES = re.compile(r"\s+(?:(?:von|van)(?:\s+(?:der|den|de))?|de|da|di|du|del|della|dos|bin|ibn|al|el|le|la)\s+")
_PARTICLES_BEFORE = re.compile(_PARTICLES.pattern + "$")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+")


def _surname_with_particles_heard(text: str, mention: Mention, source: RomanisedSource) -> bool:
    """Whether the mention is a surname after its particles, or the given name before them, and
    the particles and surname sound in a romanised source as one word (`von der Leyen`:
    `フォンデアライエン`); the mention stops at the particles, and `Leyen` alone ends inside that word."""
    after = _PARTICLES.match(text, mention.end)  # `Ursula` + ` von der ` + `Leyen`
    if after is not None:
        particles, surname = after.group(), _NAME_WORD.match(text, after.end())
    else:
        before = _PARTICLES_BEFORE.search(text, max(0, mention.start - 20), mention.start)
        particles, surname = (before.group(), _NAME_WORD.match(mention.text)) if before else ("", None)
    return surname is not None and source.sounds_in(f"{particles.strip()} {surname.group()}")


def _whole_with_particles(text: str, mention: Mention, found: Sequence[Mention], index: TokenIndex, english: str) -> bool:
    """Whether the mention and the next one, joined by a name's particles, miss nothing as one
    name (`European Commission President Ursula` + `von der` + `Leyen` for `фон дер Ляйен`)."""
    following = next((m for m in found if m.start >= mention.end), None)
    if following is None or _PARTICLES.fullmatch(text, mention.end, following.start) is None:
        return False
    return not missing_words(text[mention.start : following.end], index, english)


# Scales and units named after their inventors, which English capitalises beside a figure
# (`degrees Celsius`, `the Richter scale`) where the source has only the figure (`минус 56 градусов`).
_UNIT_AFTER_DEGREES = frozenset({"Celsius", "Fahrenheit", "Centigrade", "Kelvin", "Réaumur"})
_UNIT_BEFORE_SCALE = frozenset(
    {"Richter", "Beaufort", "Mercalli", "Saffir-Simpson", "Fujita", "Kelvin", "Celsius", "Fahrenheit"}
)
_DEGREES_BEFORE = re.compile(r"(?:\bdegrees?|°)\s*$")
_SCALE_AFTER = re.compile(r"\s+scale\b")


# An SI unit's symbol, with its prefix (`MW`, `GWh`, `kV`, `MVA`), which a Cyrillic source writes in
# its own letters (`МВт`, `ГВт·ч`, `кВ`).
_SI_SYMBOL = re.compile(r"[kMGTP]?(?:W|Wh|VA|Hz|V|J|Pa)")
_FIGURE_BEFORE = re.compile(r"\d[\s\-‐‑]?$")


def names_a_unit(text: str, mention: Mention) -> bool:
    """An inventor's name as a unit or scale (`degrees Celsius`, `Richter scale`), or a unit's
    symbol right after a figure (`500 MW`, `3 TWh`), which names no one in the story."""
    return (
        (
            mention.text in _UNIT_AFTER_DEGREES
            and _DEGREES_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None
        )
        or (mention.text in _UNIT_BEFORE_SCALE and _SCALE_AFTER.match(text, mention.end) is not None)
        or (
            _SI_SYMBOL.fullmatch(mention.text) is not None
            and _FIGURE_BEFORE.search(text, max(0, mention.start - 2), mention.start) is not None
        )
    )


_CALENDAR = frozenset(
    [
        *("january", "february", "march", "april", "may", "june", "july"),
        *("august", "september", "october", "november", "december"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ]
)


def _date_or_count(word: str) -> bool:
    """A month, a weekday or a number word (`January's`, `Twenty` of `Twenty-one`): the number
    rules compare it, no name was put in for another."""
    plain = re.split(r"['’]", word, maxsplit=1)[0]
    numbers = find_numbers(plain, english_words=True)
    return plain.lower() in _CALENDAR or (len(numbers) == 1 and numbers[0].text == plain)


def _names_nothing(mention: Mention) -> bool:
    """A mention of a romanised source's translation made of date and count words alone
    (`Twenty` of `Twenty-one teams`, `Monday's`), which no source name can sound like; a Latin
    or Cyrillic source is compared by spelling, where such a word is found or not like any other;
    a range's words each (`January-November`)."""
    return all(_date_or_count(word) for word in _RANGE_SPLIT.split(mention.text) if word)


_RANGE_SPLIT = re.compile(r"[\s\-‐‑–]+")
# A figure right after a word: the word labels it (`Class 10`, `Phase 3`, `Article 370`).
_FIGURE_AFTER = re.compile(r"\s\d")


def _labels_a_figure(english: str, mention: Mention) -> bool:
    """Whether the mention is one everyday word capitalised before a figure it labels (`Class
    10`, `Phase 3`, `Section 144`): a source with no capitals writes it as a word (`कक्षा 10`),
    translated, not a name to hear."""
    return " " not in mention.text and is_common_word(mention.text) and _FIGURE_AFTER.match(english, mention.end) is not None


# A maker's name in the possessive before the work (`Tolstoy's novel`, `Pushkin's Eugene Onegin`).
_POSSESSIVE_SPLIT = re.compile(r"['’]s\s+")
_MAKER_BEFORE_WORK = re.compile(rf"['’]s\s+(?:\w+\s+)?{_WORKS}\b")


def _names_a_maker(text: str, mention: Mention, index: TokenIndex, english: str) -> bool:
    """A work's maker English names where a Russian source quotes the work alone (`Pushkin's
    Eugene Onegin` for `«Евгений Онегин»`, `Tchaikovsky's opera` for `оперу «Пиковая дама»`):
    the maker, in the possessive before a work word or the work's own name, is not in the
    source at all, and no source name but a quoted one (a title English may translate) is
    left without its counterpart. A place in the possessive makes nothing (`Nigeria's Sonangol`
    for `Ангольская Sonangol`): it is judged as a place."""
    if not index.russian or not quoted_names(index.text):
        return False
    head, tail = mention.text, ""
    if (split := _POSSESSIVE_SPLIT.search(mention.text)) is not None:
        head, tail = mention.text[: split.start()], mention.text[split.end() :]
        if names_a_place(head):
            return False
        if missing_words(tail, index, english):
            return False  # the work's name is judged itself
    elif _MAKER_BEFORE_WORK.match(text, mention.end) is None:
        return False
    if len(missing_words(head, index, english)) < len(head.split()):
        return False  # the source names the maker: `Wes Anderson` for `Пола Томаса Андерсона` is judged
    _, unpaired = pair_source_names(index.text, english, index.lang)
    return all(name.translatable for name in unpaired)


# A clause or phrase that gives another name for what English has just named (`which China
# calls the Diaoyu`, `known locally as`, `also called`).
_OTHER_NAME_BEFORE = re.compile(
    r"(?:\b(?:which|that|what|whom)\s+(?:[\w'’-]+\s+){1,3}(?:calls?|names?|knows?\s+as|refers?\s+to\s+as)"
    r"|\b(?:known|referred\s+to)\s+(?:locally\s+|in\s+[\w'’-]+\s+|to\s+[\w'’-]+\s+)?as"
    r"|\b(?:also|formerly|locally)\s+(?:called|known\s+as|named))\s+(?:the\s+)?$"
)


def _gives_another_name(text: str, mention: Mention, index: TokenIndex, english: str) -> bool:
    """A name English gives as another's other name, in a clause (`the Senkaku Islands, which
    China calls the Diaoyu`, `known locally as`), where the translation leaves no source name
    without its counterpart: what it names is judged by that counterpart."""
    return (
        index.russian
        and _OTHER_NAME_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None
        and not leaves_source_names(index.text, english, index.lang)
    )


# An apposition after a person or a place that gives the body they work at or the region it
# lies in (`Yevgeny Tishkovets, a leading specialist at the Fobos weather centre`, `Tiksi, an
# Arctic port in Yakutia`).
_APPOSITION_BEFORE = re.compile(
    r"[A-Z][\w'’-]+,\s+(?:a|an|the)\s+(?:[A-Za-z][\w-]*\s+){1,4}(?:at|of|with|from|for|in|on|near)\s+(?:the\s+)?$"
)


def _names_in_added_apposition(text: str, mention: Mention, index: TokenIndex, english: str) -> bool:
    """A body or a region English names in an apposition after a person or a place where a
    Russian source gives that person or place alone (`said Yevgeny Tishkovets, a leading
    specialist at the Fobos weather centre` for `пообещал Тишковец`, `near Tiksi, an Arctic port
    in Yakutia` for `под Тикси`), and no source name is left without its counterpart: context a
    reader needs, which replaced no name of the source, unless GeoNames puts the source's places
    in another region than that of a city it names (`Orsk, a city in Russia's Chelyabinsk region`)."""
    return (
        index.russian
        and _APPOSITION_BEFORE.search(text, max(0, mention.start - 80), mention.start) is not None
        and not leaves_source_names(index.text, english, index.lang)
        and not any(puts_source_place_elsewhere(word, index.text) for word in mention.text.split())
    )


_AFTER_COUNTERPART = re.compile(r"\bcounterparts?,?\s+$")


def _names_unnamed_counterpart(text: str, mention: Mention, index: TokenIndex, english: str) -> bool:
    """A person English names after `counterpart` where a Russian source speaks of a `коллега`
    it leaves unnamed (`his Chinese counterpart, Dong Jun` for `с китайским коллегой`), and no
    source name is left without its counterpart."""
    return (
        index.russian
        and _AFTER_COUNTERPART.search(text, max(0, mention.start - 20), mention.start) is not None
        and speaks_of_counterpart(index.text)
        and not leaves_source_names(index.text, english, index.lang)
    )


@register
class DroppedName(Check):
    """Name in the source with no counterpart in the translation.

    A name that the source carries and the translation lacks was dropped or replaced, the
    most damaging error a wire translation can make. Source names are runs of capitalised
    words, acronyms and CLDR place names (German nouns are not names); Cyrillic is compared
    under BGN/PCGN, ISO 9 and common English spellings, other languages' inflections,
    spellings and exonyms (`Südafrika`, `ONZ`, `Majorki`, `Jan Paweł`) are allowed for. In a
    Russian source, titles (`Патриарх`, `Генсек`), ordinary terms written as acronyms (`ДТП`)
    and sentence-opening common nouns are not names (a word no dictionary knows opening its
    sentence before a verb is: `Кнайсль заявила`, and so is the speaker before a colon that
    opens a statement, unless a nominative common noun: `Рябков: ...`, not `Итоги: ...`);
    acronyms and institutions count as
    carried when the English has one of their forms from the tables, its words close together
    (`МИД`: `Foreign Ministry`, `Минобороны`: `Defence Ministry`, `Кремль`: `Kremlin`, a seat
    for its body: `Брюссель`: `European Union`), or, for
    a body that owns the one before it or an office before it, its country (`Генштаб ВСУ`:
    `Ukraine's General Staff`, `Главнокомандующий ВСУ`: `Ukraine's commander-in-chief`), and
    for armed forces after a noun they act by or own, their country's adjective (`удара ВСУ`:
    `a Ukrainian strike`; a state body keeps more: `Рейды ФСБ` is not `Russian raids`); a
    club's quoted name NER takes in with an acronym (`ХК «Сибирь»`) stays quoted, spelt out;
    places when it has the English name or its demonym (`Германии`: `Germany`, `German`; a water
    body named by a place adjective, by that place: `Обской губе`: `Gulf of Ob`), a city
    by its country only where no adjective of the source accounts for that country (`в Баку ... с
    азербайджанским коллегой`: `Azerbaijani` is not Baku); works by the titles English knows them
    by (`«Щелкунчик»`: `The Nutcracker`);
    church names in their English form (`Варфоломей`: `Bartholomew`) and foreign names as
    Russian respells them (`Хейсам`: `Haitham`, `Гарегин`: `Karekin`, `Жапаров`: `Japarov`), Korean
    names in Kontsevich read as English spells them (`Юн Сок Ёль`: `Yoon Suk Yeol`), a hyphenated
    name heard part by part (`Аль-Гуль`: `al-Ghoul`) count, but a one-letter part must be there
    too (`Т-Банк` is not `Alfa-Bank`); natasha's NER decides
    whether an unpaired capitalised run is a name at all, except for a quoted name
    (`«Левиафан»`), which stands as a name whatever NER says, but an award's category quoted
    after `номинация` (`«Лучший фильм»`: `best picture`) is a description; a nationality of the English
    carries a place only when it is of that place (`South Korean` is not `КНДР`). A name of
    ordinary words (`Dzień Niepodległości`, `«Новые люди»`, `«Война и мир»`) may pair with an
    English name of ordinary words that can translate it (`Independence Day`, `New People`,
    `War and Peace`, read across its connectors; `United League` of `VTB United League` for
    `Единой лиги ВТБ`, `Grand Slam` of `Tokyo Grand Slam` for `«Большого шлема» в Токио`, and a
    word opening the sentence before it: `New People party leader` for `«Новые люди»`). A Cyrillic acronym no table lists pairs
    with an English acronym or a name of ordinary words the translation has spare (`РИСИ` /
    `RISS`, `АСВ` / `Deposit Insurance Agency`) or a word that spells its letters (`РСХБ` /
    `Rosselkhozbank`); with nothing there it is a note, not a
    warning, since its English form cannot be looked up, unless the source quotes it as a
    company's or club's own name (`«АЛРОСА»`), which English spells (`Alrosa`). A given name
    after `Святой` is a saint's, a name whatever NER says (`храме Святого Саввы`). A source's
    Latin acronym, in any language, pairs with its initials written out, diacritics folded
    (`JFA`: `the Japan Football Association`, `ČNB`: `the Czech National Bank`, `DB`: `Deutsche
    Bahn` of `at Deutsche Bahn for Thursday`), and the title
    English writes before a person the source names too may translate a source name of
    ordinary words (`ministra de Asuntos Exteriores, Arancha González`: `Foreign Minister
    Arancha González`). Flagged on the sentence where the name belongs. A story and a source with the same
    paragraphs are compared paragraph by paragraph (units by unit), and a name its paragraph
    leaves unpaired counts only when the paragraphs before and after it leave it unpaired too:
    a translator may name it in the next paragraph. A Latin-script source's city GeoNames lists
    under the English name the translation writes counts (`Peking`, `Den Haag`, `Genf`); a
    saint's or title's abbreviation goes on into the name after it (`Placu Św. Piotra`: `St.
    Peter's Square`); in a language that puts no case endings on names (Spanish, French,
    Italian...) a word is a place's name only as written (`Barry Vacker` is no `Wake`); and a
    one-word source name left unpaired where the English has a capitalised word the source
    lacks that sounds like it (a place's name in two languages no table pairs) is a note.

    Bad: sagte Formel-1-Boss Chase Carey. -> said Formula 1 boss Rembrandt Scholz.
    Good: sagte Formel-1-Boss Chase Carey. -> said Formula 1 boss Chase Carey.
    """

    code = "N204"
    name = "names.dropped"
    severity = Severity.WARNING
    scope = "document"
    requires = frozenset({"source"})
    options: ClassVar[Mapping[str, Option]] = {
        "single_words": Option(
            False, "also require lone capitalised source words (more dropped names found, more false alarms)"
        )
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        document = ctx.document
        lang = document.source_lang or ctx.config.source_lang
        pairs = source_pairs(document, ctx.config.paragraphs)
        for position, pair in enumerate(pairs):
            left_around: set[str] | None = None  # what the paragraphs around it leave unpaired, asked once
            for dropped in self._dropped(ctx, pair, lang):
                if (around := pairs_around(document, pairs, position)) is not None:
                    if left_around is None:
                        left_around = {name for name, *_ in self._dropped(ctx, around, lang)}
                    if dropped[0] not in left_around:
                        continue  # carried in the paragraph before or after: moved, not dropped
                _, start, end, message, severity, evidence = dropped
                yield self.finding(segment, start, end, message, severity=severity, evidence=evidence)

    def _dropped(
        self, ctx: CheckContext, pair: SourcePair, lang: str | None
    ) -> Iterator[tuple[str, int, int, str, Severity | None, str | None]]:
        """(source name, start, end, message, severity, evidence) of each name `pair` drops."""
        english = ctx.document.text[pair.start : pair.end]
        carried, unpaired = pair_source_names(pair.source, english, lang, single_words=ctx.options.single_words)
        translated = _translated_names(ctx, pair, carried, lang) if unpaired else []
        unknown = unknown_acronyms(pair.source) if unpaired else ()
        spare = _spare_acronyms(ctx, pair, lang) if unknown else []
        for missing in unpaired:
            name = missing.name
            counterpart = next((m for m in translated if may_translate(name.text, m.text)), None)
            if counterpart is not None and missing.translatable:
                translated.remove(counterpart)  # `Dzień Niepodległości` / `Independence Day`
                continue
            start, end = _sentence_at(ctx, proportional_offset(pair, name.start), pair.start, pair.end)
            if name.text in unknown:
                if any(_spells_unlisted(m.text, name.text) for m in mentions(ctx) if pair.start <= m.start < pair.end):
                    continue  # `РСХБ` / `Rosselkhozbank`: a word that spells it
                stand_in = next(iter(spare or translated), None)  # `ОДКБ` / `CSTO`, `ГИБДД` / `Traffic Police`
                if stand_in is not None:
                    (spare or translated).remove(stand_in)
                    continue
                if any(s <= name.start and name.end <= e for s, e in quoted_names(pair.source)):
                    # `«АЛРОСА»`: a company's own name, which English spells (`Alrosa`)
                    message = (
                        f"source name “{name.text}”, quoted as a company's or club's own name, has no "
                        "counterpart in this sentence's translation: dropped or replaced?"
                    )
                    yield name.text, start, end, message, None, _spellings(name.text, lang, missing.forms)
                    continue
                message = (
                    f"source acronym “{name.text}” is in no table of acronyms, and nothing in this sentence's "
                    "translation is sure to be it: dropped?"
                )
                yield name.text, start, end, message, Severity.INFO, None
                continue
            if not is_russian_source(pair.source, lang) and (
                local := resembling_word(name.text, lang, english, "en", pair.source, lang)
            ):  # `Scozia` for `Scotland`: a name no table pairs, not a name put in
                message = f"source name “{name.text}” has no counterpart in this sentence's translation, unless it is “{local}”"
                yield name.text, start, end, message, Severity.INFO, None
                continue
            message = f"source name “{name.text}” has no counterpart in this sentence's translation: dropped or replaced?"
            yield name.text, start, end, message, None, _spellings(name.text, lang, missing.forms)


@register
class UnsourcedName(Check):
    """Name in the translation that the source does not contain.

    A name the translation has and the source lacks was put in by the translation: a
    replaced name, or a garbled one. Only names that keep their spelling across languages
    are compared (not `Ministry of Economy`, `Cold War` or nationality adjectives); each
    distinctive word must be found in the source, Cyrillic under several romanisations,
    inflected forms and CLDR exonyms allowed, and in its other English shape: an acronym the
    source writes out (`EU`: `Evropské unie`), a name it gives as its acronym (`European
    Union`: `l’UE`; a Latin acronym of a Latin-script source, its initials in order: `Deutsche
    Bahn`: `DB`; a Cyrillic acronym of its initials, letter by letter, listed or not:
    `Federal Medical-Biological Agency`: `ФМБА`), a nationality whose country it names (`Portuguese`: `Portugals`); Korean
    names a Russian source writes in Kontsevich are read as English spells them (`Ли Чжэ Мён`:
    `Lee Jae-myung`). A Russian source also accounts for what its
    acronyms, institutions, places and place adjectives stand for in English (`МИД`:
    `Foreign Ministry`, `российский`: `Russian`, `Смольный`: `St Petersburg authorities`, a
    water body by its adjective's stem: `Обская губа`: `Gulf of Ob`, `Онежское озеро`: `Lake
    Onega`; not a country whose name holds the source's and a word the source lacks: `South
    Sudan` for `Судане`, `Equatorial Guinea` for `Гвинее`); English may name the country a
    Latin-script source's language is written in (CLDR's likely subtags) or its nationality
    where the translation leaves no source name unpaired (`Spain's Ibex 35` for `El Ibex 35`), and
    English may add given names before a surname the source gives alone (`Песков` / `Dmitry
    Peskov`) and a place or body that qualifies a title there (`Moscow Mayor Sergei Sobyanin`,
    `NATO Secretary General Jens Stoltenberg`, `EU foreign policy chief Kaja Kallas`, `Amazon
    founder Jeff Bezos`, `Zenit coach Sergei Semak`) where the source has no acronym or place it
    could have replaced, or the translation gives every source name its counterpart (a name of
    ordinary words by one that may translate it, as N204 pairs them: `VTB United League` for
    `Единой лиги ВТБ`); the
    country of a city the source names (`Istanbul, Turkey's largest city`), the region a
    source town lies in (`Orsk, in Russia's Orenburg region`; one no seat names, right after
    the town: `Tynda in the Amur region`; a Russian region no city names, `data/ru_regions.tsv`:
    `Nizhnekamsk, Tatarstan`), the rest of a name English writes in full where the
    source gives one part standing alone (`Gukesh Dommaraju` for `Гукеш`), a city within 100 km English
    locates it by (`Krasnogorsk, outside Moscow`; in a Latin-script source too, a town written as
    GeoNames writes it: `Poissy, west of Paris`) and the body a seat stands for
    (`Брюссель`: `European Union`) count as sourced too. A nationality alone (`his Chinese counterpart`),
    or opening a name (`Colombian President Claudia Sheinbaum` for `Мексиканский президент`),
    is unsourced only when a place of a Russian source is then missing from the translation (it
    replaced that place); so is a country or a notable city English writes, a common word too,
    where a place the source names or derives an adjective from is written by none of its names
    (`Perm airport` for `уфимского аэропорта`, `Abu Dhabi International Airport` for `Дубайский
    международный аэропорт`), and it is then no context English adds; a place or an owner in the possessive opening a name,
    in a Russian or a Latin-script source (`Spain's Carlos Alcaraz`, `Moscow's Vnukovo airport`,
    `Gazprom's Astrakhan gas processing plant`, `Bayern Munich's Harry Kane`) is context too where the
    translation leaves no source name unpaired and it replaced no source place or nationality
    adjective written by none of its names (`Sweden's Nokia` for `Финская Nokia`; the country of
    a source city stays context: `Japan's Nikkei` for `Токийский индекс Nikkei`);
    an acronym in parentheses after the name it abbreviates (`Federal Security Service (FSB)`: a
    table row's forms, or the name's initials; mixed case too: `Russian Athletics Federation
    (RusAF)`) repeats that name, which is judged itself; an
    inventor's name as a unit or scale (`degrees Celsius`, `Richter scale`) or a unit's symbol after
    a figure (`500 MW` for `500 МВт`) names no one, and a
    maker English names before a work the source quotes alone (`Tchaikovsky's opera` for `оперу
    «Пиковая дама»`) is context where the source names no maker and leaves no other name unpaired
    (a place makes nothing: `Denmark's Equinor` is judged as a place);
    so is another name English gives in a clause (`which China calls the Diaoyu`, `known locally as`),
    and the body a person works at or the region a place lies in, in an apposition English adds
    after them (`Yevgeny Tishkovets, a leading specialist at the Fobos weather centre` for
    `Тишковец`, `Tiksi, an Arctic port in Yakutia` for `Тикси`). A place counts when
    GeoNames lists the English name and a source name
    for one place (`Napoli` / `Neapel`; a place a Russian source names or derives an adjective from
    too: `Togliatti` for `тольяттинский`), a source word is derived from one of its spellings (an
    adjective or a demonym: `Münchner` / `Munich`, `blanenských` / `Blansko`) or CLDR's name
    matches without its generic opening word (`Falklands` / `Îles Malouines`); generic acronyms (`TV`) count when the source spells them
    out (`телеканал`). Chinese, Japanese and Hindi sources are romanised (pinyin, Hepburn, IAST)
    and their likely names (transcription runs, katakana, kanji, surnames, Hindi content words,
    a Hindi name's words joined by a hyphen as one: `मोहन-जोदड़ो`) searched by sound, consonant by
    consonant (`斯诺登` / `Snowden`), and by the names CC-CEDICT, CLDR and GeoNames give
    (`伊斯兰国` / `Islamic State`); there a country or large city English spells as a common
    word (`Japan`, `Turkey`) is compared too, and so is a country's or union's acronym (`US`,
    `UN`: `米国`, `अमेरिका`). Hindi writes an English name's consonants one for one, so there a
    word is heard or paired only closer (`Arizona` is not `क्रिसमस`). A name not heard is a
    warning only when it sounds like none of the source's names and one of those is left with
    nothing in the English standing for it (a CLDR name of several words, `European Union`, is
    judged word by word; a regnal number, `III`, anchors a name only where the source has it); otherwise it is a hint
    (info), as is the source language's own country, which English may name where the source
    says `at home` (`国内`: `in Japan`) unless a country of the source is left unpaired, and
    so is its capital, which English adds to place a landmark (`人民大会堂`: `in Beijing`,
    `राष्ट्रीय राजधानी`: `Delhi`) unless a place of the source is left unpaired or abbreviated
    in a compound English leaves out (`沪深`: `Shanghai and Beijing`); a province, prefecture
    or state a source city lies in (`पटना`: `Patna, the capital of Bihar`; GeoNames' region codes
    named in `data/asian_regions.tsv`) is context too, and so is a Korean given name English
    hyphenates after the surname whose hanja the source writes (`李在明`: `Lee Jae-myung`;
    `data/korean_surnames.tsv`), which no romaniser here reads the Korean way; a month, a
    weekday or a number word (`January's`, `Twenty` of `Twenty-one`) is never a name there;
    a Chinese person in pinyin (a common surname first, the last words of the name: `Zhang Jun`
    of `Procurator-General Zhang Jun`) is spelt, every word of it, by the source's characters
    (`Jiang Bin` for `张晓刚`), never just heard; an owner in the possessive is judged apart
    from what it owns (`Yogendra Yadav's Jan Suraaj Party`: the party heard is no part of the person);
    a country's one kanji before a katakana name is that country (`仏ルノー`: France's Renault),
    and French endings said as `o` are heard so (`Renault`: `ルノー`), as `th` as `s` (`Hegseth`: `ヘグセス`), another acronym (`TEPCO`, not `McDonald's`), a Hong Kong or Macao name after the
    surname the source writes, in Cantonese romanisation (`Chan Pak-wai` for `陈栢纬`), or a name
    English writes in full where the source gives one part. Japanese kanji are read, not heard:
    a word in Hepburn is in the source when a run of its kanji reads so by any reading
    pykakasi's dictionary gives a word or a kanji, long vowels short (`Takagi` for `喬木`,
    `Son` for `孫`), so `Haruhiko Kuroda` for `植田和男総裁` and `Kyoto` for `大阪大学` are
    warnings, and a kanji name's sound is no evidence (`Tokayev` is not `東京`, toukyou), a later
    kanji's first sound may be voiced (rendaku: `高串`, Takagushi); a word that is no Hepburn
    (`Dodgers`) stands only for a katakana, Latin, quoted, kind-named (`病院`, `甲府市`) or known
    name or an abbreviated country the English leaves out, and ordinary words for kanji are a
    translation by meaning (`National Stadium` for `国立競技場`); Japan's imperial family is
    named after its title where Japanese names it by title alone (`Emperor Naruhito` for
    `天皇陛下`). A Chinese name in pinyin is spelt by the source's characters, never just heard
    (`Shanghai` is not `常委会`), a pinyin-like foreign name heard only as the whole of a name
    written by sound (`Rubio`: `鲁比奥`); Chinese abbreviations of a name's full form count
    (`东航`: China Eastern Airlines, `蒙内`: Mombasa-Nairobi), and a person right after a title
    is a likely name (`主席优素福`). A Hindi source's demonym stands for its country (`थाई`:
    Thailand), and an acronym it spells by letter names is a name known by the acronym and
    what it stands for (`सीबीआई`: CBI). A capital stands for its country's government where the source names the country
    (`Moscow` for `Россия`, `Beijing` for `中方`, `Islamabad` for `पाकिस्तान`); a Chinese source's
    kanji are also read the Japanese way for Japanese names (`高市早苗`: `Sanae Takaichi`), and
    there a nationality is matched by its country only, never by sound. An English
    acronym or body beside a Russian acronym no table lists may be that acronym (`RISS` /
    `РИСИ`, `Russian Aerospace Forces` / `ВКС`, one name per such acronym; a body the source
    lacks also by its head before `of`, `Alliance of Sahel States` / `АГС`), as may a word that
    spells its letters (`Rosselkhozbank` / `РСХБ`) and a name before what the listed tail of
    a compound acronym stands for (`Astravets nuclear power plant` / `БелАЭС`), and a place right
    after it may locate it (`South Ural State University in Chelyabinsk` / `ЮУрГУ`): a note. Even a name
    of ordinary words (`Iron Dome` for `九州`, Kyushu), an acronym or a Hepburn-like word
    is a warning when it stands for none of the source's names by sound, CC-CEDICT, CLDR,
    initials or nationality, and a name the source surely has (a katakana word, a Latin word,
    a proper name CC-CEDICT or CLDR gives in English) is left with nothing standing for it;
    not a term with figures (`COVID-19`), nor, for Chinese, which translates names by
    meaning, a name of ordinary words alone (`Yellow River`); in Hindi, whose every word may
    sound like an English one, an ordinary English word is heard only with its vowels. A source in another script
    gets an info note instead. What is no name in those scripts leaves no name unpaired: a run of
    Japanese kanji that is everyday words in simplified forms (`記者会見`: 记者会见; not a quoted
    title, `『国宝』`) or a counter after a figure (`3日目`), a Hindi everyday word of news copy
    (`data/hindi_words.txt`), a Chinese name that opens with a figure's scale (`4520万载重吨`), so an
    English name added there as context (`Ladakh` for `न्योमा`) is a hint; in Hindi a common English
    word pairs a source word only heard in full (`degrees`: `डिग्री`; `maritime` is not `तमिलनाडु`),
    initials by their letters' names (`सी.पी.`: `C.P.`) and the people of a place by its suffix
    (`केरलवासियों`: Kerala). A name written out before a source acronym in parentheses (`All Nippon
    Airways (ANA)`, `Hindustan Aeronautics Ltd (HAL)` for `एचएएल`), a surname heard with its
    particles (`von der Leyen`: `フォンデアライエン`), a CC-CEDICT name's place adjective for the
    place (`Tibetan Autonomous Region`: `Tibet`), a month range (`January-November`) and a word
    CC-CEDICT glosses an everyday word of a Chinese or Japanese source with (`Lychee` of `The Lychee
    Road` for `《长安的荔枝》`: a title written by meaning) are sourced; a Japanese prefecture and
    the town in it are two names (`長野県諏訪市`), each with its own counterpart. A warning too: a
    Korean name of another surname than the source's hanja whatever else is heard (`Han Duck-soo`
    for `金民錫`; `韓国人`, Koreans, opens no name), a name where the source abbreviates a place
    beside another that the English leaves unnamed (`Guangdong and Taiwan` for `闽台`: Taiwan
    compounds as a country and as a region, `美台`, `闽台`), and a state GeoNames puts none of the
    source's cities in (`Patna, the capital of Kerala` for `पटना`). Letters and figures Hindi
    writes by the letters' names are read so (`जी20`: G20). A story and a source
    with the same paragraphs are compared paragraph by paragraph (what English adds is context
    only for its own paragraph's names), and a name counts only when the source of the
    paragraphs before and after it lacks it too: a translator may name in one paragraph whom
    the source names in the next. In Chinese, Japanese and Hindi sources, what is heard also
    follows how English spells sounds those scripts write otherwise: a word of one consonant
    only as the whole of a name written by sound (`Iweala`: `伊维拉`), each part of a hyphenated
    or run-together name (`Okonjo-Iweala`, `OpenAI`: `オープンAI`), a South Slavic `-ic` with its
    `c` said `ch` (`Vucic`: `武契奇`), an opening `gi` said `j` and a final `ng` as Japanese `ン`
    (`Giang`: `ザン`), a long Hindi vowel doubled (`Aayog`: `आयोग`); a place CLDR or GeoNames
    names is paired by its name, not by an everyday word that sounds like it (`parks` is not
    `アフリカ`), a Hong Kong surname only by the hanja that opens a Chinese person's name and an
    English given name only in a name written by sound (`John Tsang` is not `陈茂波`); a
    Chinese unit right after a figure is no name (`42.6摄氏度`, `14万吨`), a Japanese run of
    kanji that CC-CEDICT glosses with a word of the English is translated (`非難`: condemned),
    and a prefecture named by its seat is that seat (`喀什地区`: Kashgar). Context, a hint: the
    country of a notable source city written beside it (`Debrecen, Hungary`), a province,
    prefecture or state of the source's own country placing something (`in Kagoshima
    Prefecture` for `桜島`) where the source names no other region and leaves no known place
    unpaired, a term English abbreviates (`GMT`); a warning: a country named where a Chinese
    or Japanese source abbreviates its own in a compound the English names nowhere (`South
    Korea` for `訪日`), and a province English spells as a common word is compared as a place
    (`Fujian`). In a Latin-script source, a one-word English name of no person that sounds like a
    capitalised source word the English does not carry and no table knows as another name (`Bavaria`
    for `Baviera`, `Sicily` for `Sizilien`: a region, river or town in the source's language) is a
    note, not a warning, since no table pairs the two; a feast English capitalises (`Christmas` for
    `Vánoce`) is no name; other languages' spellings of foreign names are read (`Jrushchov`,
    `Chruščëv`, `Youri`, `Gheddafi`: Khrushchev, Yuri, Gaddafi); a club's city English adds after
    the name (`Legia Warsaw` for `Legią`) is context where no source name is left unpaired, as in
    Russian.

    Bad: Dnes jsme mluvili s Janem Novákem. -> Today we spoke to Jan Dvořák.
    Good: Dnes jsme mluvili s Janem Novákem. -> Today we spoke to Jan Novák.
    """

    code = "N205"
    name = "names.unsourced"
    severity = Severity.WARNING
    subjects = frozenset({"name"})
    precedence = 10
    scope = "document"
    requires = frozenset({"source"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        document = ctx.document
        lang = document.source_lang or ctx.config.source_lang
        found = mentions(ctx)
        pairs = source_pairs(document, ctx.config.paragraphs)
        for position, pair in enumerate(pairs):
            english = document.text[pair.start : pair.end]
            around_found: dict[tuple[int, int], Severity] | None = None  # what the paragraphs around find, asked once
            for start, end, message, severity, evidence in _unsourced(pair.source, english, lang, _within(found, pair)):
                severity = severity or self.severity
                if (around := pairs_around(document, pairs, position)) is not None:
                    if around_found is None:
                        text = document.text[around.start : around.end]
                        around_found = {
                            (around.start + s, around.start + e): level or self.severity
                            for s, e, _, level, _ in _unsourced(around.source, text, lang, _within(found, around))
                        }
                    if (pair.start + start, pair.start + end) not in around_found:
                        continue  # in the source of the paragraph before or after: moved there by the translator
                    severity = min(severity, around_found[pair.start + start, pair.start + end])
                yield self.finding(
                    segment, pair.start + start, pair.start + end, message, severity=severity, evidence=evidence
                )


def _within(found: list[Mention], pair: SourcePair) -> tuple[Mention, ...]:
    """The mentions of `pair`'s stretch, at offsets of that stretch."""
    return tuple(Mention(m.start - pair.start, m.end - pair.start, m.text) for m in found if pair.start <= m.start < pair.end)


def _one_word(name: str) -> bool:
    """A name of one word after its article (`Scotland`, `the Danube`): a place's, not a person's."""
    words = name.split()
    return len(words) == 1 or (len(words) == 2 and words[0].lower() == "the")


_Unsourced = tuple[int, int, str, Severity | None, str | None]


@functools.lru_cache(maxsize=4096)  # a feed repeats its paragraphs
def _unsourced(source: str, english: str, lang: str | None, found: tuple[Mention, ...]) -> tuple[_Unsourced, ...]:
    """(start, end, message, severity, evidence) in `english` of each of its names, `found`,
    that `source` does not contain (N205); severity None is the rule's own."""
    index = TokenIndex(source, lang)
    if index.script == "other" and index.romanised is None:
        note = (
            "names not compared with this source: its script has no romaniser here "
            "(Chinese, Japanese, Hindi and Latin or Cyrillic scripts are read)"
        )
        return ((0, 0, note, Severity.INFO, None),)
    flagged: list[_Unsourced] = []
    # Each Cyrillic acronym no table lists may be one English acronym or body the source lacks.
    unlisted = list(unknown_acronyms(source)) if index.russian else []
    body: Mention | None = None  # the last acronym or body an unlisted acronym may be
    body_acronym = ""
    for mention in found:
        if index.romanised is not None and (_names_nothing(mention) or _labels_a_figure(english, mention)):
            continue  # `Twenty-one teams`, `Class 10`: no name to hear in the source
        missing = missing_words(mention.text, index, english)
        if unlisted and (stands := _unlisted_for(mention, unlisted, english, not missing)):
            body, body_acronym = mention, stands  # `ЮУрГУ ... ВКС`, `Rosselkhozbank`: `РСХБ`
            unlisted.remove(stands)
        if index.romanised is not None:
            missing = [word for word in missing if not _date_or_count(word)]  # `January's Australian Open`
        if missing and index.romanised is not None and index.romanised.abbreviates_name(mention.text):
            continue  # `China Eastern Airlines` for `东航`, `Mombasa-Nairobi` for `蒙内`: a Chinese abbreviation
        if missing and _whole_with_particles(english, mention, found, index, english):
            continue  # `Ursula` of `Ursula von der Leyen` for `фон дер Ляйен`
        if missing and index.romanised is not None and _surname_with_particles_heard(english, mention, index.romanised):
            continue  # `Leyen` of `Ursula von der Leyen` for `フォンデアライエン`: heard with its particles
        if missing and _qualifies_sourced_person(english, mention, found, index, english):
            continue  # `EU foreign policy chief Kaja Kallas` for `Каллас`
        if missing and _names_unnamed_counterpart(english, mention, index, english):
            continue  # `his Chinese counterpart, Dong Jun` for `с китайским коллегой`
        if missing and glosses_written_name(english, mention.start, mention.end):
            continue  # `FSB` of `Federal Security Service (FSB)`: the name written out is judged
        if (
            missing
            and index.romanised is not None
            and writes_out_source_acronym(english, mention.start, mention.end, source, lang, _acronym_said(index.romanised))
        ):
            continue  # `All Nippon Airways (ANA)` for `ANAは`: the source's acronym in full, no sound to compare
        if missing and names_a_unit(english, mention):
            continue  # `Celsius` of `minus 56 degrees Celsius`: a unit, no one in the story
        if missing and _names_a_maker(english, mention, index, english):
            continue  # `Pushkin's Eugene Onegin` for `«Евгений Онегин»`: the work's maker
        if missing and _gives_another_name(english, mention, index, english):
            continue  # `Diaoyu` of `which China calls the Diaoyu`: another name for a source name
        if missing and _names_in_added_apposition(english, mention, index, english):
            continue  # `Yakutia` of `Tiksi, an Arctic port in Yakutia`: context for a source name
        if missing:
            words = ", ".join(f"“{w}”" for w in missing)
            what = "is" if len(missing) == 1 else "are"
            if index.romanised is None:
                stands_for = body_acronym if body is mention else None
                if stands_for is None and not index.russian and _one_word(mention.text) and not names_person(mention.text):
                    local = resembling_word(missing[0], "en", source, lang, english, "en")
                    if local is not None:  # `Scotland` for `Scozia`: a name no table pairs, not a name put in
                        flagged.append(
                            (
                                mention.start,
                                mention.end,
                                f"“{missing[0]}” of “{mention.text}” is not in the source, unless “{local}” "
                                "is its name in the source's language",
                                Severity.INFO,
                                None,
                            )
                        )
                        continue
                message = f"“{mention.text}” is not in the source, unless it is “{stands_for}”"
                if stands_for is None and body is not None and _locates(english, body, mention):
                    stands_for = body_acronym  # `South Ural State University in Chelyabinsk`
                    message = f"“{mention.text}” is not in the source; English may add it to place “{stands_for}”"
                flagged.append(  # an English acronym or body may be a source acronym no table lists
                    (
                        mention.start,
                        mention.end,
                        f"{words} of “{mention.text}” {what} not in the source: replaced or garbled name?"
                        if stands_for is None
                        else f"{message}, which no table of acronyms lists",
                        Severity.INFO if stands_for is not None else None,
                        None,
                    )
                )
                continue
            beside = beside_words(mention.text, missing)
            # a CLDR name missing whole (`European Union`) is judged word by word
            sure = any(
                index.romanised.replaced(part, english, beside, tuple(mention.text.split()))
                for word in missing
                for part in word.split()
            )
            if not sure and (stand_in := _stands_in(mention, index.romanised, english)):
                flagged.append(stand_in)
                continue
            unheard = f"{words} of “{mention.text}” {what} not heard in the romanised source ({index.romanised.lang})"
            severity = Severity.WARNING if sure else Severity.INFO  # a hint, unless a source name is left with nothing
            flagged.append((mention.start, mention.end, f"{unheard}: replaced name?", severity, index.romanised.romanised[:200]))
        elif index.romanised is not None and (stand_in := _stands_in(mention, index.romanised, english)):
            flagged.append(stand_in)  # `Iron Dome` for `九州`: ordinary words, no spelling to compare
    return tuple(flagged)


def _acronym_said(source: RomanisedSource) -> Callable[[str], bool] | None:
    """How an acronym said as a word is heard in a Hindi or Japanese source, which writes it by
    sound (`भेल`: BHEL, `ジェトロ`: JETRO), whole; Chinese writes bodies by meaning."""
    if source.lang not in ("hi", "ja"):
        return None
    return source.says_whole


def _stands_in(mention: Mention, source: RomanisedSource, english: str) -> _Unsourced | None:
    """A warning when the mention took the place of a source name the translation leaves out."""
    name = source.stands_in(mention.text, english)
    if name is None:
        return None
    local = source.text[name.start : name.end]
    form = source.english_form(name)
    message = (
        f"“{mention.text}” is not in the source, whose “{local}”{f' ({form})' if form else ''} has nothing "
        "standing for it in the translation: replaced name?"
    )
    return mention.start, mention.end, message, None, f"{local}: {source.romanised[:200]}"
