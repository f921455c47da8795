"""D301-D305: where the MT departs from every re-translation of the same text.

They consult `ctx.evidence` (`audit.evidence.DocEvidence`): the re-translations, their
alignment with the MT sentences, each sentence's consensus divergence (its smallest over
the re-translations) and the spans no re-translation has a counterpart for. A finding
needs every re-translation to disagree; one re-translation that agrees clears the MT.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from anyascii import anyascii
from babel.numbers import is_currency
from rapidfuzz import fuzz

from audit.align import Alignment, Token, tokenize
from audit.checks.base import Check, CheckContext, Option, register
from audit.checks.names import mentions, names_a_unit
from audit.evidence import DocEvidence, SegmentEvidence, closest_text, describe
from audit.names import gazetteer
from audit.names.abbreviations import (
    abbreviation_key,
    abbreviations_of,
    equivalents,
    expansions,
    is_short_form,
    syllabic,
)
from audit.names.demonyms import demonym_places
from audit.names.exonyms import SHORT_FORMS, acronym_forms, capital_of, countries_of_capital, is_given_name
from audit.names.finder import NON_NAMES, Mention, is_sentence_initial, mention_finder
from audit.names.lexicon import american_spelling, is_common_word, is_proper_noun
from audit.names.referents import capitals_of, described, other_names
from audit.names.variants import (
    ABBREVIATIONS,
    MODIFIERS,
    NAME_WORD,
    equivalent_names,
    latin,
    name_key,
    name_similarity,
    name_words,
    run_together,
    same_spelling,
    same_word,
    stem_match,
    word_form,
)
from audit.numbers import (
    Number,
    find_numbers,
    format_english,
    is_month_name,
    is_ordinal_word,
    is_period_rank,
    is_share,
)
from audit.score import CHRF_PLUS, COSINE, DIVERGENCE, threshold_for
from audit.types import Finding, Segment, Severity

_WORD = re.compile(r"\S+")
_ALNUM = re.compile(r"[^\W_]+")
# Name similarity (0-1) from which a different spelling is a near miss (D303's default).
_NEAR_MISS = 0.8
_PARTICIPLE = re.compile(r"(?:ing|ed)$")
_OPENING_WORDS = frozenset(
    """given despite although though while whereas unlike like since because however meanwhile moreover
    furthermore therefore thus yet still instead besides nevertheless nonetheless overall finally first
    second third last next today yesterday tomorrow now recently currently previously earlier later even
    perhaps maybe indeed also only just already again once why how what whether many most some several
    few both each every another other such""".split()
)
# Titles before a person's name, folded: what follows them is a name, however common the word.
TITLES = frozenset(
    """president vice prime minister secretary chancellor premier governor gov senator sen representative rep
    mayor king queen prince princess pope cardinal bishop archbishop rabbi imam sheikh emir sultan general gen
    colonel col major maj captain capt lieutenant lt sergeant sgt admiral adm commander chairman chairwoman chairperson
    chief director manager ceo judge justice commissioner ambassador spokesman spokeswoman minister mr mrs ms dr prof
    professor sir lord lady coach aide adviser advisor envoy""".split()
)
# rapidfuzz ratio (0-100) from which two folded words of names are one word misspelt.
_WORD_NEAR_MISS = 75
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_APOSTROPHES = re.compile(r"['’`ʼʻ]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# A letter English does not write (`á`, `ś`, `ł`): a name kept in its own language.
_NON_ENGLISH = re.compile(r"[^\W\d_a-zA-Z]")
_POSSESSIVE = re.compile(r"['’]s?$")
_RUSSIAN_MARKS = tuple(
    re.compile(pattern) for pattern in (r"kh", r"dzh", r"yy", r"(?<![a-z])(?:ash|ad|an|ar|as|at|az|ath|adh)-(?=[a-z])")
)
# Endings that make a surname of a given name (`Johnson`, `Petersen`, `Eriksson`).
_PATRONYMICS = frozenset({"son", "sen", "sson", "ssen"})
# An extension this long of another name is an inflection or derivation (`Russia`/`Russian`).
_DERIVATION_CHARS = 3


def _segment_evidence(segment: Segment, ctx: CheckContext) -> tuple[DocEvidence, SegmentEvidence] | None:
    evidence: DocEvidence | None = ctx.evidence
    if evidence is None or not evidence.available:
        return None
    found = evidence.segment(segment.start, segment.end)
    return None if found is None else (evidence, found)


def _differing(segment: Segment, ctx: CheckContext) -> tuple[DocEvidence, SegmentEvidence] | None:
    """A sentence's evidence, unless a re-translation repeats it word for word: that one has
    every name and number of it, so the name and number rules have nothing to weigh."""
    found = _segment_evidence(segment, ctx)
    if found is None:
        return None
    evidence, sentence = found
    words = segment.text.split()
    for (start, end), item in zip(sentence.rt_spans, evidence.items, strict=True):
        if item.text[start:end].split() == words:
            return None
    return found


def _closest_summary(evidence: DocEvidence, found: SegmentEvidence) -> str:
    scores = found.scores[found.closest]
    parts = [describe(evidence, found.closest)]
    if CHRF_PLUS in scores:
        parts.append(f"chrF++ {scores[CHRF_PLUS]:.1f}")
    if COSINE in scores:
        parts.append(f"cosine {scores[COSINE]:.2f}")
    return ", ".join(parts)


@register
class RetranslationDivergence(Check):
    """Sentence far from every re-translation of the same text.

    A re-translation is an independent reading of what the text says. When the MT sentence
    is far from all of them, in wording (chrF++) and in meaning (sentence embeddings), it
    has most likely added, lost or changed something: a sentence to re-read against the
    source. The threshold is `divergence.threshold` (0 = same, 1 = unrelated), or
    `divergence.surface-threshold` when the divergence is chrF++ alone (no embeddings).

    Bad: He refused to comment on reports of losses among the troops. (re-translation: He said that twelve soldiers had been killed in the attack on the checkpoint.)
    Good: He said 12 soldiers were killed in the attack on the checkpoint. (re-translation: He said that twelve soldiers had been killed in the attack on the checkpoint.)
    """

    code = "D301"
    name = "divergence.segment"
    severity = Severity.WARNING
    scope = "sentence"
    requires = frozenset({"retranslation"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        found = _segment_evidence(segment, ctx)
        if found is None:
            return
        evidence, sentence = found
        threshold = threshold_for(ctx.config.divergence, sentence.scores[sentence.closest])
        if sentence.divergence <= threshold:
            return
        yield self.finding(
            segment,
            segment.start,
            segment.end,
            f"far from every re-translation (divergence {sentence.divergence:.2f} > {threshold:.2f}; "
            f"closest: {_closest_summary(evidence, sentence)})",
            evidence=closest_text(evidence, sentence) or None,
        )


@register
class DivergentSpan(Check):
    """Words of a divergent sentence that no re-translation has a counterpart for.

    Inside a sentence flagged as divergent (D301), the words the token alignment could not
    link to any word of any re-translation, directly, reordered, by stem or by a near-miss
    spelling, are where the meaning was added or changed. A run needs `min_words` content
    words (a number counts alone), so a paraphrased function word is not reported.

    Bad: He refused to comment on reports of losses among the troops. (re-translation: He said that twelve soldiers had been killed in the attack on the checkpoint.)
    Good: He said 12 soldiers were killed in the attack on the checkpoint. (re-translation: He said that twelve soldiers had been killed in the attack on the checkpoint.)
    """

    code = "D302"
    name = "divergence.span"
    severity = Severity.INFO
    scope = "sentence"
    requires = frozenset({"retranslation"})
    options: ClassVar[Mapping[str, Option]] = {
        "min_words": Option(2, "content words a span needs to be reported (a number counts alone)")
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        found = _segment_evidence(segment, ctx)
        if found is None:
            return
        evidence, sentence = found
        if sentence.divergence <= threshold_for(ctx.config.divergence, sentence.scores[sentence.closest]):
            return
        text = segment.doc.text
        for start, end in sentence.divergent_spans:
            content = [t for t in tokenize(text[start:end]) if t.is_content]
            if len(content) < ctx.options.min_words and not any(t.text[0].isdigit() for t in content):
                continue
            yield self.finding(
                segment,
                start,
                end,
                f"“{text[start:end]}” has no counterpart in any re-translation",
                evidence=closest_text(evidence, sentence) or None,
            )


# ---------------------------------------------------------------- names against re-translations


# The hyphen of a code between its few letters and its figures (`M-12`, `Su-57`, `G-20`).
_CODE_HYPHEN = re.compile(r"\b([a-z]{1,3})[-‐–](\d)")


@functools.lru_cache(maxsize=65536)
def _surface(text: str) -> str:
    """A spelling's words with case, diacritics, apostrophes, hyphens and a possessive ending folded;
    a code's letters and figures joined as either way it is written (`M-12`/`M12`, `Su-57`)."""
    folded = _CODE_HYPHEN.sub(r"\1\2", _to_ascii(_POSSESSIVE.sub("", text.strip())).casefold())
    return " ".join(_ALNUM.findall(_APOSTROPHES.sub("", folded)))


def _to_ascii(text: str) -> str:
    """`anyascii(text)`, which goes character by character; a whole re-translation is mostly ASCII
    already, so only its runs of other characters are transliterated."""
    return _NON_ASCII.sub(lambda run: anyascii(run.group()), text)


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """A word as the name checks compare it: ASCII, lower case, no apostrophes, possessive or dots."""
    return _APOSTROPHES.sub("", latin(_POSSESSIVE.sub("", word)).casefold()).replace(".", "")


@functools.lru_cache(maxsize=65536)
def _same_place(a: str, b: str) -> bool:
    """Two names the gazetteer reads as one notable place first, or whose largest notable place is
    one: an endonym and its exonym (`Mykolaiv`/`Nikolayev`, which a small town spells exactly);
    or the notable place one reads first the other lists (a town's former name)."""
    places_a, places_b = gazetteer.lookup(_POSSESSIVE.sub("", a)), gazetteer.lookup(_POSSESSIVE.sub("", b))
    if not (places_a and places_b):
        return False
    if places_a[0].id == places_b[0].id:
        return places_a[0].population >= gazetteer.NOTABLE_POPULATION
    largest_a, largest_b = _largest_notable(places_a), _largest_notable(places_b)
    if largest_a is not None and largest_a == largest_b:
        return True
    # A notable place one name reads first that the other lists under its former name
    # (`Toretsk` / `Dzerzhinsk`, `Pokrovsk` / `Krasnoarmeysk`: towns renamed, the old name kept).
    # Towns only: GeoNames lists some capitals under their country's name too (`Paraguay`).
    return places_a[0].kind == places_b[0].kind == "city" and any(
        first.population >= gazetteer.NOTABLE_POPULATION and any(p.id == first.id for p in others)
        for first, others in ((places_a[0], places_b), (places_b[0], places_a))
    )


def _largest_notable(places: Sequence[gazetteer.Place]) -> int | None:
    """The id of the most populous notable place of a look-up, if any."""
    notable = [p for p in places if p.population >= gazetteer.NOTABLE_POPULATION]
    return max(notable, key=lambda p: p.population).id if notable else None


@functools.lru_cache(maxsize=65536)
def _notable_place(name: str) -> bool:
    """A country, a region or a city of some size (the gazetteer's notable places)."""
    return any(p.kind != "city" or p.population >= gazetteer.NOTABLE_POPULATION for p in gazetteer.lookup_exact(name))


@functools.lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    """The folded content words of a text (`tokenize`'s), for telling where words come from."""
    return frozenset(_fold_word(t.text) for t in tokenize(text) if t.is_content and len(t.text) >= 4)


def _is_acronym(word: str) -> bool:
    """`EU`, `USGS`, `U.S.`: two to six capitals, dotted or not."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _initials(words: Sequence[str]) -> str:
    """The letters an acronym takes from words: an acronym among them gives all its letters
    (`UN High Commissioner for Refugees`: `UNHCR`)."""
    return "".join(w.replace(".", "") if _is_acronym(w) else w[0] for w in words if w).lower()


# Small words an acronym passes over (`JINR`: Joint Institute for Nuclear Research).
_UNSPELT = frozenset({"for", "and", "the", "of", "on", "in"})


@functools.lru_cache(maxsize=65536)
def _compound_initials(word: str) -> str:
    """The initials of a folded word made of two English words of four letters or more, as an
    acronym takes them (`grandmaster`: `gm`, `headquarters`: `hq`); empty for any other word."""
    if len(word) < 8 or not word.isalpha():
        return ""
    for cut in range(4, len(word) - 3):
        if is_common_word(word[:cut]) and is_common_word(word[cut:]):
            return word[0] + word[cut]
    return ""


def _content_parts(words: Sequence[str]) -> list[str]:
    return [w for w in words if w.lower() not in _UNSPELT]


@dataclass(frozen=True)
class _Reading:
    """A text as the name checks see it: its folded words, its names and the acronyms they make.

    Built for each re-translation, and for the MT when a re-translation's name is looked
    for in it.
    """

    text: str
    # The folded words, space-separated, with a space at each end: a name is in the text
    # when its own folded words, so bracketed, are a substring.
    surface: str
    mentions: tuple[Mention, ...]
    words: frozenset[str]
    keys: frozenset[str]
    # The words by first letter, for the comparisons that tolerate a different spelling.
    by_initial: Mapping[str, tuple[str, ...]]
    # The initials of each run of words inside a name (`United States Geological Survey`:
    # `usgs`, `us`, `gs`...), so `USGS` or `U.S.` is found written out.
    initials: frozenset[str]
    # Its names by number of words, each with its folded spelling: what `_same_name` compares.
    by_length: Mapping[int, tuple[tuple[Mention, str], ...]]
    surfaces: tuple[str, ...]
    # The acronyms its names are or have (`UNFCCC`), undotted, in capitals.
    acronyms: frozenset[str]


def _reading(text: str, found: Sequence[Mention]) -> _Reading:
    # Each distinct word folded once, in the order of first use (the order the set is built in).
    words = frozenset(folded for word in dict.fromkeys(NAME_WORD.findall(text)) if (folded := _fold_word(word)))
    by_initial: dict[str, list[str]] = {}
    for word in words:
        by_initial.setdefault(word[0], []).append(word)
    initials: set[str] = set()
    by_length: dict[int, list[tuple[Mention, str]]] = {}
    for mention in found:
        parts = [m.group() for m in name_words(mention.text)]
        for i in range(len(parts)):
            for j in range(i + 2, min(len(parts), i + 6) + 1):
                initials.add(_initials(parts[i:j]))
            if compound := _compound_initials(_fold_word(parts[i])):
                initials.add(compound)  # `Grandmaster`: `GM`
        by_length.setdefault(len(parts), []).append((mention, _surface(mention.text)))
    return _Reading(
        text,
        f" {_surface(text)} ",
        tuple(found),
        words,
        frozenset(name_key(w) for w in words),
        {initial: tuple(group) for initial, group in by_initial.items()},
        frozenset(initials),
        {length: tuple(group) for length, group in by_length.items()},
        tuple(dict.fromkeys(_surface(m.text) for m in found)),
        frozenset(
            word.replace(".", "") for mention in found for word in NAME_WORD.findall(mention.text) if _is_acronym(word)
        ),
    )


def _readings(ctx: CheckContext, evidence: DocEvidence) -> list[_Reading]:
    finder = mention_finder(ctx.config.ner)
    return ctx.memo(
        ("divergence", "readings"), lambda: [_reading(item.text, finder(item.text)) for item in evidence.items]
    )


def _mt_reading(ctx: CheckContext) -> _Reading:
    """The MT as a reading, with the document's own mentions."""
    return ctx.memo(("divergence", "mt-reading"), lambda: _reading(ctx.document.text, mentions(ctx)))


def _derived(a: str, b: str) -> bool:
    """`Russia`/`Russian`: one folded spelling extends the other by an inflection or derivation."""
    short, long = sorted((a, b), key=len)
    return bool(short) and long.startswith(short) and len(long) - len(short) <= _DERIVATION_CHARS


def _marks_lost(ours: str, theirs: str) -> bool:
    """Ours carries more signs of transliteration through Russian than theirs (`Khmeimim`/`Hmeimim`).

    `Kh` for `h`, `Dzh` for `j`, a doubled `y` and an assimilated article (`ash-Sham`) are
    how Arabic names reach English through Russian: folded alike, but not a convention.
    """
    a, b = anyascii(ours).lower(), anyascii(theirs).lower()
    return any(len(pattern.findall(a)) > len(pattern.findall(b)) for pattern in _RUSSIAN_MARKS)


def _same_name(
    mention: str,
    reading: _Reading,
    *,
    spelling: bool = False,
    own: _Reading | None = None,
    located: bool = False,
    possessive: bool = False,
) -> bool:
    """The reading writes this name as ours does, or one convention away (`audit.names.variants`),
    or names what it names otherwise (`audit.names.referents`: `Kremlin`/`Moscow`) where `own`,
    the text the name is in, is given and does not name that too (`Apia, the capital of Samoa`
    has its own `Samoa`); a name `located` (after `in`, `at`) only by the city of a seat of power
    (`in the Kremlin` / `in Moscow`; `in Ankara` is no `Turkey`); a capital in the `possessive`
    by its nationality too (`London's accusations` / `British allegations`).

    With `spelling`, a spelling that keeps a Russian transliteration mark the reading's
    spelling lacks is not the same: that difference is what D303 reports.
    """
    surface = _surface(mention)
    if not surface or (_has_form(mention, reading) if _is_acronym(mention) else f" {surface} " in reading.surface):
        return True
    if any(_derived(surface, other) for other in reading.surfaces):
        return True
    if any(_has_form(form, reading) for form in equivalents(mention)):
        return True  # `USA`/`United States`, `EU`/`European Union` (`audit.names.abbreviations`)
    if own is not None and _names_referent(mention, reading, own, possessive):
        return True  # `Kremlin`/`Moscow`, `Budapest`/`Hungary`, `FSB`/`Federal Security Service`
    if located and any(_has_form(city, reading) for city in _seat_cities(mention)):
        return True  # `talks in the Kremlin` / `talks in Moscow`: the seat is in the city
    length = len(name_words(mention))
    for other, _ in reading.by_length.get(length, ()):
        if (equivalent_names(mention, other.text) or _demonym_of(mention, other.text)) and not (
            spelling and _marks_lost(mention, other.text)
        ):
            return True
    if length == 1 and any(
        run_together(mention, other.text) for n in (2, 3, 4) for other, _ in reading.by_length.get(n, ())
    ):
        return True  # `TurkStream` / `Turkish Stream`, `Nornickel` / `Norilsk Nickel`
    if 2 <= length <= 4 and any(run_together(other.text, mention) for other, _ in reading.by_length.get(1, ())):
        return True
    person = _untitled(mention)
    if (
        person != mention
        and any(
            equivalent_names(person, _untitled(other.text))
            for other in reading.mentions
            if _untitled(other.text) != other.text
        )
        and _qualifiers_kept(mention[: len(mention) - len(person)], reading)
    ):
        return True  # `Minister Mikhail Degtyarev` / `Sports Minister Mikhail Degtyaryov`
    if _capital_described(mention, reading.text) and not (own is not None and _capital_described(mention, own.text)):
        return True  # `Tashkent` / `the Uzbek capital`, where the name's own text has no such description
    place = _place_part(mention)
    korean = _korean_province(place)
    return len(name_words(place)) <= 2 and any(
        _same_place(place, _place_part(other.text))
        or (korean is not None and korean == _korean_province(_place_part(other.text)))
        for other in reading.mentions
    )


# A capital named by its country, as a name is used (`in the Uzbek capital`, `the capital of
# Uzbekistan`), not said of another name (`Apia has been the capital of Samoa`).
_CAPITAL_WORD = re.compile(
    r"(?<!\bis )(?<!\bwas )(?<!\bas )(?<!\bbe )(?<!\bbeen )(?<!\bbecame )\bthe\s+"
    r"(?:([A-Z][\w’'-]*)\s+capital\b|capital\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?))"
)


@functools.lru_cache(maxsize=4096)
def _described_capitals(text: str) -> tuple[tuple[int, int, str], ...]:
    """The capitals a text names by their country (`the Uzbek capital`, `the capital of
    Uzbekistan`): where the description is (past its `the`), and the capital's English name."""
    if "capital" not in text:
        return ()
    found = []
    for match in _CAPITAL_WORD.finditer(text):
        word = _POSSESSIVE.sub("", match[1] or match[2])
        capitals = capitals_of(word)
        if len(capitals) == 1:
            begin = match.start() + len(match.group()) - len(match.group()[3:].lstrip())
            found.append((begin, match.end(), capitals[0]))
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def _is_capital(name: str, capital: str) -> bool:
    """A name that is this capital in any spelling (`Kiev`, `Kyiv`; `Ashkhabad`, `Ashgabat`)."""
    return _one_name(name, capital) or _same_place(_POSSESSIVE.sub("", name), capital)


def _capital_described(mention: str, text: str) -> bool:
    """The text describes a capital by its country where the name is that capital (`Tashkent` /
    `the Uzbek capital`)."""
    return any(_is_capital(mention, capital) for _, _, capital in _described_capitals(text))


def _capitals_described(text: str, start: int, end: int, mt: _Reading) -> list[Mention]:
    """A re-translation's capitals named by their country in text[start:end] (`the Uzbek capital`)
    that the MT does not name: in the place of another city of the MT's, a replacement."""
    return [
        Mention(begin, stop, text[begin:stop])
        for begin, stop, capital in _described_capitals(text)
        if start <= begin and stop <= end and not any(_is_capital(m.text, capital) for m in mt.mentions)
    ]


# Words that say what kind of place a name is (`Issyk-Kul Region`, `Lake Baikal`), not which.
_PLACE_KINDS = frozenset(
    ["region", "oblast", "province", "district", "krai", "territory", "governorate", "okrug", "republic"]
    + ["lake", "river", "strip", "peninsula", "county"]
)


# A Korean province in its romanised name (`Hamgyongbuk-do`, `Gyeongsangnam-do`, its `-do` perhaps
# cut off) or in English (`North Hamgyong Province`, `South Gyeongsang`).
_KOREAN_PROVINCE = re.compile(
    r"(?i)^(?:(?P<point>north|south)\s+(?P<name>[a-z]{4,})|(?P<stem>[a-z]{4,}?)(?P<side>buk|nam)(?:-?do)?)$"
)


@functools.lru_cache(maxsize=4096)
def _korean_province(place: str) -> str | None:
    """A Korean province's key, one for both its names (`north hamgyong`), or none: `-buk-do` is
    North and `-nam-do` South in the romanised name."""
    found = _KOREAN_PROVINCE.match(_to_ascii(place))
    if found is None:
        return None
    if found["point"]:
        return f"{found['point'].lower()} {found['name'].lower()}"
    return f"{'north' if found['side'].lower() == 'buk' else 'south'} {found['stem'].lower()}"


@functools.lru_cache(maxsize=65536)
def _place_part(name: str) -> str:
    """A name without the words that say what kind of place it is (`Issyk-Kul Region`: `Issyk-Kul`),
    so two names of one place compare as the gazetteer lists them (`Ysyk-Kol`)."""
    words = name_words(name)
    first, last = 0, len(words)
    while last - first > 1 and _fold_word(words[last - 1].group()) in _PLACE_KINDS:
        last -= 1
    while last - first > 1 and _fold_word(words[first].group()) in _PLACE_KINDS:
        first += 1
    return name[words[first].start() : words[last - 1].end()] if words else name


@functools.lru_cache(maxsize=4096)
def _seat_cities(name: str) -> tuple[str, ...]:
    """The cities among a name's other names (`Kremlin`: `Moscow`), not its countries."""
    return tuple(
        form
        for form in other_names(name)
        if any(p.kind == "city" and p.population >= gazetteer.NOTABLE_POPULATION for p in gazetteer.lookup_exact(form))
        and not any(p.kind == "country" for p in gazetteer.lookup_exact(form))
    )


def _qualifiers_kept(titled: str, reading: _Reading) -> bool:
    """The reading has each name word before a person's title (`Algerian` of `Algerian President`,
    `Ternopil` of `Ternopil Mayor`): one that it lacks may be another country's or town's office
    (`Algerian President Kais Saied` / `Tunisia's President Qais Saied`), no spelling of ours."""
    return all(
        _word_supported(word.group(), reading)
        for word in name_words(titled)
        if not _ordinary(word.group()) and _fold_word(word.group()) not in TITLES
    )


def _names_referent(mention: str, reading: _Reading, own: _Reading, possessive: bool = False) -> bool:
    """The reading names what the name names by another of its names (`audit.names.referents`),
    in a mention `own` does not account for itself. A capital and its country stand for each
    other as written (`Paris` is no `French` firm), and for its nationality before a title
    (`Pretoria` / `South African President`); a seat of power for its country's adjective too
    (`the Elysee` / `the French president`), and a capital in the possessive, its government, for
    its nationality (`London's accusations` / `British allegations`)."""
    derived = possessive or not (countries_of_capital(mention) or capital_of(mention))
    return any(
        (_has_referent(form, reading, derived=derived) or (not derived and _titled_nationality(form, reading.text)))
        and _left_for(form, reading, own)
        for named in _referent_names(mention)
        for form in other_names(named)
    ) or _named_by_referent(mention, reading, own)


def _named_by_referent(mention: str, reading: _Reading, own: _Reading) -> bool:
    """A name of the reading lists the mention among its referent's other names, where the table
    lists it only under that name (`Brussels`, whose row names the `European Commission`, for the
    `European Commission`, whose own row does not name `Brussels`): the relation goes both ways."""
    key = abbreviation_key(mention)
    return any(
        key in {abbreviation_key(form) for form in other_names(other.text)} and not _has_form(other.text, own)
        for other in reading.mentions
    )


_TEXT_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


@functools.lru_cache(maxsize=4096)
def _titled_nationality(country: str, text: str) -> bool:
    """Whether the text has the country's nationality before a title (`South African President`):
    the office, for which its capital stands (`Pretoria said`), though `Paris` is no `French` firm."""
    words = [w.group() for w in _TEXT_WORDS.finditer(text)]
    for i in range(1, len(words)):
        if _fold_word(words[i]) not in TITLES or not words[i - 1][:1].isupper():
            continue
        if country in demonym_places(words[i - 1]) or (i > 1 and country in demonym_places(f"{words[i - 2]} {words[i - 1]}")):
            return True
    return False


def _untitled(name: str) -> str:
    """A name without the title before the person (`Sports Minister Mikhail Degtyaryov`:
    `Mikhail Degtyaryov`), itself when it has none or nothing after it."""
    words = name_words(name)
    last = max((i for i, w in enumerate(words) if _fold_word(w.group()) in TITLES), default=None)
    if last is None or last == len(words) - 1:
        return name
    return name[words[last + 1].start() :]


_QUALIFIER = re.compile(r"^[^\W\d_]+(?:['’]s)?\s+(?=\S)")


def _referent_names(mention: str) -> tuple[str, ...]:
    """A name, and without a country or nationality qualifying it (`Russia's Foreign Ministry`,
    `Russian Foreign Ministry`: `Foreign Ministry`), as its referent's other names are listed."""
    qualifier = _QUALIFIER.match(mention)
    if qualifier is None or not demonym_places(_POSSESSIVE.sub("", qualifier.group().strip())) and not (
        gazetteer.lookup_exact(_POSSESSIVE.sub("", qualifier.group().strip()))
    ):
        return (mention,)
    return (mention, mention[qualifier.end() :])


def _has_referent(form: str, reading: _Reading, *, derived: bool = True) -> bool:
    """The reading names what `form` names: as written, by one of its abbreviations (`US` for
    `United States`) or (`derived`) in a derived word or a nationality (`Russian` for `Russia`,
    `British` for `United Kingdom`)."""
    if _has_form(form, reading) or any(_has_form(other, reading) for other in equivalents(form)):
        return True
    surface = _surface(form)
    if derived and any(len(word) >= 4 and form in demonym_places(word) for word in reading.words):
        return True  # `British` for `United Kingdom` (`Downing Street`)
    if is_short_form(form) or " " in surface:
        return False
    if not derived or len(surface) < 4:
        return surface in reading.words  # `Canada's`
    # `Canada's`, `Russian`, `French`; a short word is no stem of it (`to` of `Tokyo`)
    return any(
        (len(word) >= 4 and _derived(surface, word)) or word_form(surface, word)
        for word in reading.by_initial.get(surface[0], ())
    )


def _left_for(form: str, reading: _Reading, own: _Reading) -> bool:
    """Whether the reading's mention of a referent is left for the name: the name's own text does not
    write the referent itself, or writes it fewer times than the reading (`Apia, the capital of
    Samoa` has its own `Samoa`; `Damascus ... northern Syria` against `Syria ... northern Syria`
    has one left)."""
    forms = (form, *equivalents(form))
    ours = sum(_times_written(f, own) for f in forms)
    return ours == 0 or sum(_times_written(f, reading) for f in forms) > ours


def _times_written(form: str, reading: _Reading) -> int:
    """How often the reading writes this form itself (`Samoa`, `Canada's`), not a word derived from
    it (`Russian`): a referent the other text names more often than the name's own text has a use
    left for the name (`Damascus ... northern Syria` / `Syria ... northern Syria`)."""
    surface = _surface(form)
    if not surface:
        return 0
    pattern = _short_form_pattern(form) if is_short_form(form) else _surface_pattern(surface)
    return len(pattern.findall(reading.text if is_short_form(form) else reading.surface))


@functools.lru_cache(maxsize=65536)
def _surface_pattern(surface: str) -> re.Pattern[str]:
    """Folded words as a whole in a reading's surface, a possessive `s` allowed (`canadas`)."""
    return re.compile(r"(?<= )" + re.escape(surface) + r"s?(?= )")


@functools.lru_cache(maxsize=65536)
def _short_form_pattern(form: str) -> re.Pattern[str]:
    """`US` as written, dotted or not (`U.S.`), or only its first letter a capital (`Nato`), and
    not inside a longer word."""
    first, *rest = [re.escape(c) for c in form if c.isalnum()]
    return re.compile(r"(?<![\w.])" + first + r"\.?(?i:" + r"\.?".join(rest) + r")\.?(?!\w)")


def _has_form(form: str, reading: _Reading) -> bool:
    """The reading has this form of a name: a short form capitalised (`US`, `Nato`, not the
    pronoun `us`), another as its folded words, possessive or not (`Eurasian Economic Union's`)."""
    if is_short_form(form):
        return _short_form_pattern(form).search(reading.text) is not None
    surface = _surface(form)
    return bool(surface) and (f" {surface} " in reading.surface or f" {surface}s " in reading.surface)


def _h_moved(a: str, b: str) -> bool:
    """The same letters but for where an `h` marks aspiration (`Jhajjar`/`Jajjhar`): romanisations
    of Indian names place it freely."""
    key_a, key_b = _surface(a), _surface(b)
    return key_a != key_b and key_a.replace("h", "") == key_b.replace("h", "")


# A demonym's ending past the stem of its place, and the place's own ending there (`Majorc|an`/`Majorc|a`).
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "ic", "n", "i")
_PLACE_ENDINGS = ("", "a", "e", "o", "y", "ia")


@functools.lru_cache(maxsize=65536)
def _demonym_of(a: str, b: str) -> bool:
    """One single-word name is the other's demonym, each perhaps in another convention
    (`Mallorca`/`Majorcan`), as `audit.names.variants` tells spellings of one name apart."""
    if len(name_words(a)) != 1 or len(name_words(b)) != 1:
        return False
    for place, demonym in ((a, b), (b, a)):
        word = _fold_word(demonym)
        for ending in _DEMONYM_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                stem = word[: -len(ending)]
                if any(equivalent_names(place, stem + tail) for tail in _PLACE_ENDINGS):
                    return True
    return False


@functools.lru_cache(maxsize=262144)
def _related_words(ours: str, theirs: str, rare: bool) -> bool:
    """Two folded words of one name: one convention apart, or (`rare`) an inflection or slip apart."""
    short, long = sorted((ours, theirs), key=len)
    if long.startswith(short) and long[len(short) :] in _PATRONYMICS:
        return False  # `John`/`Johnson`: a given name and the surname made of it
    if same_word(ours, theirs):
        # Two ordinary words are one only as spellings of one word (`harbour`/`harbor`, `Mt.`/`mount`),
        # not by a romanisation convention (`mall`/`may`).
        return (
            rare
            or not is_common_word(theirs)
            or american_spelling(ours) == american_spelling(theirs)
            or ours in ABBREVIATIONS
            or theirs in ABBREVIATIONS
        )
    return rare and not is_common_word(theirs) and stem_match(name_key(ours), name_key(theirs))


def _word_supported(word: str, reading: _Reading) -> bool:
    """The reading has this word of a name: as it is, inflected, spelt by another convention, or
    (an acronym) written out.

    A rare word may differ by an inflection or a transliteration slip (`Konashenkova`);
    an ordinary English word must be there as such (`House` is not `Houston`); an acronym
    capitalised (`US` is not the pronoun `us`).
    """
    plain = _fold_word(word)
    if _is_acronym(word):
        return (
            _acronym_supported(plain, reading)
            or any(_has_form(form, reading) for form in equivalents(word))
            or any(_has_form(form, reading) for form in other_names(word))  # `FSIN`/`Federal Penitentiary Service`
        )
    if not plain or plain in reading.words or name_key(plain) in reading.keys:
        return True
    if _syllables_spelt(word, reading):
        return True  # `RusAF` / `All-Russian Athletics Federation`
    if (compound := _compound_initials(plain)) and _short_form_pattern(compound.upper()).search(reading.text):
        return True  # `Grandmaster` / `GM`, `headquarters` / `HQ`: an acronym of the words it is made of
    if f"al{plain}" in reading.words or f"el{plain}" in reading.words:
        return True  # `Budaiwi` of `al-Budaiwi` / `Albudaiwi`: the article glued on
    if any(_has_form(form, reading) for form in equivalents(word)):
        return True  # `Sept.`/`September`, `America`/`United States`
    if _nation_named(_nation_of(word), reading):
        return True  # `Ivorian`/`Côte d'Ivoire`, `Emirati`/`UAE`, `Ukrainian`/`AFU`
    rare = not is_common_word(plain)
    if not rare and any(form in reading.words for form in (plain + "s", plain + "es", plain.removesuffix("s"))):
        return True
    return any(
        _related_words(plain, other, rare) and not _two_places(plain, other)
        for initial in (plain[0], *_SWAPPED_INITIALS.get(plain[0], ""))
        for other in reading.by_initial.get(initial, ())
    )


@functools.lru_cache(maxsize=65536)
def _two_places(a: str, b: str) -> bool:
    """Two folded words that are the English names of two notable places, neither an inflection of
    the other, which no likeness of spelling makes one (`Kursk`/`Kurchatov`, alike up to an
    ending); a word that is only another name of some place (`Kazakh`) is no such evidence."""
    if a == b or _derived(a, b):
        return False
    named_a, named_b = _place_named(a), _place_named(b)
    return bool(named_a and named_b) and not named_a & named_b


@functools.lru_cache(maxsize=65536)
def _place_named(word: str) -> frozenset[int]:
    """The notable places whose English name is this folded word, and the other places listing it."""
    places = gazetteer.lookup_exact(word)
    if not any(
        _fold_word(p.english) == word and (p.kind != "city" or p.population >= gazetteer.NOTABLE_POPULATION)
        for p in places
    ):
        return frozenset()
    return frozenset(p.id for p in places)


# First letters one romanisation convention swaps for another (`audit.names.variants`):
# `Japarov`/`Zhaparov`, `Jeyhun`/`Ceyhun`, `Ghalibaf`/`Qalibaf`, `Hennadiy`/`Gennady`, `Iuliia`/`Yulia`,
# `Oleksandr`/`Alexander`.
_SWAPPED_INITIALS = {
    "j": "cdyz",
    "c": "j",
    "d": "j",
    "z": "j",
    "g": "hq",
    "h": "gk",
    "k": "h",
    "q": "g",
    "y": "eiju",
    "e": "y",
    "i": "y",
    "o": "a",
    "a": "o",
}


def _nation_named(places: tuple[str, ...], reading: _Reading) -> bool:
    """Whether the reading names one of a nationality's places: as written, by an abbreviation
    (`UAE`), or by an acronym of one of its bodies (`AFU`: the Armed Forces of Ukraine)."""
    if not places:
        return False
    if any(_has_form(form, reading) for place in places for form in (place, *equivalents(place))):
        return True
    acronyms = [word for word in _CAPITALS.findall(reading.text) if _is_acronym(word)]
    return any(place in form for word in acronyms for form in other_names(word) for place in places)


_CAPITALS = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")


@functools.lru_cache(maxsize=4096)
def _nation_of(word: str) -> tuple[str, ...]:
    """The names of the one country a nationality word is of (`Ivorian`: `Côte d’Ivoire`, `Ivory
    Coast`); none for a word of several (`Romanian` is Moldova's language too)."""
    places = demonym_places(word)
    return places if len({SHORT_FORMS.get(p, p) for p in places}) == 1 else ()


def _acronym_supported(acronym: str, reading: _Reading) -> bool:
    """`EU` for `European Union`, `U.S.` for `USA`, `America` or `American`, `IS` for `ISIS`."""
    for form in acronym_forms(acronym.upper()):
        if _has_form(form, reading) or form.lower() in reading.initials or _spelt_out(form, reading.text):
            return True
        for expansion in expansions(form):
            if all(_word_supported(w, reading) for w in expansion.split()):
                return True
    return False


# The parts of an acronym made of words' beginnings, each opening with a capital (`RusAF`: `Rus`, `A`, `F`).
_ACRONYM_PART = re.compile(r"[A-Z][a-z]*")


def _syllables_spelt(acronym: str, reading: _Reading) -> bool:
    """Whether a name of the reading has words in a row, small words passed over, that begin with
    the parts of an acronym made of words' beginnings (`RusAF` for `All-Russian Athletics
    Federation`, `KazAtomProm` for `Kazakh Atomic Industry Prom...`): two parts or more, one of
    them more than a letter."""
    parts = _ACRONYM_PART.findall(acronym)
    if len(parts) < 2 or "".join(parts) != acronym or all(len(p) == 1 for p in parts):
        return False
    for mention in reading.mentions:
        words = [w for w in re.split(r"[\s\-‐–]+", mention.text) if w and w.lower() not in _UNSPELT]
        for i in range(len(words) - len(parts) + 1):
            if all(w.lower().startswith(p.lower()) for w, p in zip(words[i:], parts)):
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _spelt_out(acronym: str, text: str) -> bool:
    """Whether a text has words of three letters or more in a row, in any case, whose initials
    spell an acronym of three or more letters (`vehicle identification number` for `VIN`), small
    words passed over (`Joint Institute for Nuclear Research` for `JINR`)."""
    if len(acronym) < 3 or not acronym.isascii():
        return False
    initials = "".join(
        "" if w.lower() in _UNSPELT else w if _is_acronym(w) else w[0] if len(w) >= 3 else " "
        for w in NAME_WORD.findall(text)
    ).lower()
    return acronym.lower() in initials


def _ordinary(word: str) -> bool:
    """An ordinary English word of a name: one Webster's lists in lower case, written in English
    letters and not as an acronym (`Galápagos`, `UN` are names, though `galapagos` and `un` are
    Webster's words)."""
    return not _NON_ENGLISH.search(word) and not _is_acronym(word) and is_common_word(_fold_word(word))


def _significant_words(mention: Mention, person: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Spans (into the mention's text) of the words that make a name this name, and whether
    they are its rare words.

    Not articles (an opening `The`), connectors or one-letter initials; its rare words when it has any
    (`US President Erwin Huber` -> `Erwin`, `Huber`), else all of them (`House of God`,
    and a body's ordinary words after its country: `Russia's Federal Air Transport Agency`).
    The words after a title are a person's name however common (`President Trump`); all its
    words are, with `person` (a title before the name).
    """
    words = [
        (m.start(), m.end())
        for i, m in enumerate(name_words(mention.text))
        if len(_fold_word(m.group())) >= 2 and not (i == 0 and m.group() == "The")  # `The Hague`: `Hague`
    ]
    titled = next((i + 1 for i, (a, b) in enumerate(words) if _fold_word(mention.text[a:b]) in TITLES), len(words))
    if person:
        titled = 0
    while titled < len(words) and _fold_word(mention.text[slice(*words[titled])]) in TITLES:
        titled += 1  # a title of several words: `Secretary General`, `Prime Minister`
    distinctive = [
        (a, b)
        for i, (a, b) in enumerate(words)
        if (i >= titled or not _ordinary(mention.text[a:b]))
        # A title before more of the name is no word of it (`Chairperson`, `Sheikh`, however rare),
        # nor a term's acronym after its country (`India's GDP`).
        and not (i + 1 < len(words) and _fold_word(mention.text[a:b]) in TITLES)
        and not (i > 0 and _term_acronym(mention.text[a:b]))
    ]
    if distinctive == words[:1] and len(words) > 2 and _nation_word(mention.text[slice(*words[0])]):
        return words, False  # `Russia's Federal Air Transport Agency`: a body of ordinary words, its country aside
    return (distinctive, True) if distinctive else (words, False)


def _term_acronym(word: str) -> bool:
    """`GDP`: an acronym the abbreviation table lists for a term, no name."""
    return _is_acronym(word) and bool(expansions(word)) and not expansions(word, names_only=True)


def _plain_word(word: str) -> bool:
    """An ordinary English word that names no person or large place either (`Federal`, a town of
    16,000 in Argentina; not `Boston`, which Webster's lists as a card game)."""
    return (
        _ordinary(word)
        and not is_proper_noun(word)
        and not any(p.kind != "city" or p.population >= _LARGE_CITY for p in gazetteer.lookup_exact(word))
    )


# A city whose name is its usual sense even where the word is an English one (`Boston`, `Reading`).
_LARGE_CITY = 100_000


def _nation_word(word: str) -> bool:
    """A country or a nationality qualifying a name (`Russia's`, `Russian`)."""
    plain = _POSSESSIVE.sub("", word)
    return bool(demonym_places(plain)) or any(p.kind == "country" for p in gazetteer.lookup_exact(plain))


def _unsupported_run(
    mention: Mention, readings: Sequence[_Reading], *, strict: bool = True, person: bool = False
) -> tuple[int, int, bool] | None:
    """The span (document offsets) from the first to the last significant word no reading has,
    and whether a reading has others.

    The rare words of a name are weighed one by one (`Zeman Whitmer` against `Gretchen
    Whitmer`: `Zeman`); a name of ordinary words (`Ministry of the Interior`) is a
    translation, and, `strict`, one of its words found is enough.
    """
    words, rare = _significant_words(mention, person)
    parts = [mention.text[a:b] for a, b in words]
    every = [m.group() for m in name_words(mention.text)]
    if any(
        len(run) > 1 and initials in r.words
        for run in (parts, every)
        for r in readings
        for initials in {_initials(run), _initials(_content_parts(run))}
    ):
        return None  # `European Union` for `EU`, `Joint Institute for Nuclear Research` for `JINR`, `South Africa` / `SA`
    missing = [(a, b) for a, b in words if not any(_word_supported(mention.text[a:b], r) for r in readings)]
    if missing and len(missing) < len(words):
        kept = [mention.text[a:b] for a, b in words if (a, b) not in missing]
        missing = [(a, b) for a, b in missing if not any(_initialled(mention.text[a:b], kept, r) for r in readings)]
    if not missing or (strict and not rare and len(missing) < len(words) and not _compass_moved(mention, missing, readings)):
        return None
    return mention.start + missing[0][0], mention.start + missing[-1][1], len(missing) < len(words)


def _compass_moved(mention: Mention, missing: Sequence[tuple[int, int]], readings: Sequence[_Reading]) -> bool:
    """A reading has the name with another point of the compass in the place of its missing one
    (`North Pars` / `South Pars`, `North Kivu` / `South Kivu`): another place, though its other
    words are ordinary ones."""
    for a, b in missing:
        point = _fold_word(mention.text[a:b])
        if point in MODIFIERS:
            rest = _surface(mention.text[b:])
            if rest and any(f" {other} {rest} " in r.surface for other in MODIFIERS - {point} for r in readings):
                return True
    return False


def _initialled(word: str, kept: Sequence[str], reading: _Reading) -> bool:
    """The reading writes a word of a name as its initial beside a word of it that it has
    (`D. Gukesh` for `Gukesh Dommaraju`, `J. Smith` for `John Smith`)."""
    if not word[:1].isupper():
        return False
    return any(
        re.search(rf"(?<!\w){re.escape(word[0])}\.\s*{re.escape(other)}(?!\w)", reading.text) is not None
        for other in kept
    )


def _replaced_words(mention: Mention, readings: Sequence[_Reading]) -> tuple[int, int] | None:
    """When every rare word of a name is there: the span (document offsets) of its other words
    (titles aside) that no reading has (`Trout` of `Trout PBS` against `Henry Louis Gates' PBS`).

    Ordinary words of a name are often translated otherwise, so they are weighed only against
    another name in their very place (`_fits`).
    """
    if not _significant_words(mention)[1]:
        return None
    words = [
        (m.start(), m.end())
        for m in name_words(mention.text)
        if len(folded := _fold_word(m.group())) >= 2 and folded not in TITLES
    ]
    missing = [(a, b) for a, b in words if not any(_word_supported(mention.text[a:b], r) for r in readings)]
    if not missing or all(_fold_word(mention.text[a:b]) in _PLACE_KINDS for a, b in missing):
        return None  # all there, or all but the word for its kind of place (`Gaza Strip` / `Gaza`)
    return mention.start + missing[0][0], mention.start + missing[-1][1]


@dataclass(frozen=True)
class _NearMiss:
    similarity: float
    mention: Mention
    reading: _Reading


def _misspelt_word(ours: str, theirs: str) -> bool:
    """Whether a rare word of our name is a near-miss spelling of a word of theirs.

    The words the two names share (up to folding) are set aside first; what a near miss
    needs is a pair of the rest that differ in spelling, not words one name adds
    (`Donald Trump`/`Trump`) or ordinary words it translates otherwise (`Freeway`/`Highway`,
    `Great`/`Greta`).
    """
    words_a = [m.group() for m in name_words(ours)]
    words_b = [m.group() for m in name_words(theirs)]
    rest_b = list(words_b)
    rest_a = []
    for word in words_a:
        match = next(
            (v for v in rest_b if (same_spelling(word, v) or word_form(word, v)) and not _marks_lost(word, v)), None
        )
        if match is None:
            rest_a.append(word)
        else:
            rest_b.remove(match)
    # Keyed or as written: a key that reads a digraph as a sound can part two spellings a letter
    # apart (`Tiani`/`Tchiani`, keyed `tiani`/`shiani`).
    return any(
        max(fuzz.ratio(name_key(w), name_key(v)), fuzz.ratio(_fold_word(w), _fold_word(v))) >= _WORD_NEAR_MISS
        for w in rest_a
        if not is_common_word(_fold_word(w)) and not _nation_word(w)  # `Brazilian`, spelt as English does
        for v in rest_b
    )


def _similarity(ours: str, theirs: str, threshold: float) -> float | None:
    """How near a miss our spelling is of theirs (None when it is none, D303's test).

    Near: folded similarity at least `threshold`, not one convention apart (unless ours
    keeps a sign of transliteration through Russian), and a rare word of ours misspelt.
    """
    surface, other = _surface(ours), _surface(theirs)
    if other == surface or _derived(surface, other):
        return None
    similarity = name_similarity(ours, theirs)
    if similarity < threshold:
        return None
    if (equivalent_names(ours, theirs) or _demonym_of(ours, theirs) or _h_moved(ours, theirs)) and not _marks_lost(
        ours, theirs
    ):
        return None
    return similarity if _misspelt_word(ours, theirs) else None


def _near_miss(mention: Mention, candidates: list[tuple[Mention, _Reading]], threshold: float) -> _NearMiss | None:
    best: _NearMiss | None = None
    for other, reading in candidates:
        similarity = _similarity(mention.text, other.text, threshold)
        if similarity is not None and (best is None or similarity > best.similarity):
            best = _NearMiss(similarity, other, reading)
    return best


def _aligned_candidates(sentence: SegmentEvidence, readings: list[_Reading]) -> list[tuple[Mention, _Reading]]:
    candidates: list[tuple[Mention, _Reading]] = []
    for (start, end), reading in zip(sentence.rt_spans, readings, strict=True):
        candidates.extend((m, reading) for m in reading.mentions if start <= m.start and m.end <= end)
    return candidates


def _narrowed(mention: Mention, other: Mention, spellings: bool = False) -> tuple[int, int, str]:
    """The differing words only: `Russian Khmeimim`/`Russian Hmeimim` -> `Khmeimim` -> `Hmeimim`;
    with `spellings` (another name, not a misspelling: D306), words one convention apart are no
    difference either (`Algerian President Kais`/`Tunisia's President Qais` -> `Algerian` ->
    `Tunisia's`)."""
    same = _one_word if spellings else str.__eq__
    ours = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(mention.text)]
    theirs = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(other.text)]
    while len(ours) > 1 and len(theirs) > 1 and same(ours[0][2], theirs[0][2]):
        ours, theirs = ours[1:], theirs[1:]
    while len(ours) > 1 and len(theirs) > 1 and same(ours[-1][2], theirs[-1][2]):
        ours, theirs = ours[:-1], theirs[:-1]
    suggestion = other.text[theirs[0][0] : theirs[-1][1]]
    return mention.start + ours[0][0], mention.start + ours[-1][1], suggestion


def _one_word(ours: str, theirs: str) -> bool:
    """The same word of a name, or one convention apart (`Kais`/`Qais`); two common words only as
    they are (`President`/`Resident`)."""
    return ours == theirs or (not (_ordinary(ours) and _ordinary(theirs)) and same_word(ours, theirs))


def _mentions_in(ctx: CheckContext, segment: Segment) -> list[Mention]:
    """The MT's names in the segment, less the calendar's (`January-November`, `May`): a period is
    a figure, which D307 weighs, and its words no name of anyone's."""
    return [
        m
        for m in mentions(ctx)
        if segment.start <= m.start and m.end <= segment.end and not _calendar(m.text)
    ]


def _calendar(text: str) -> bool:
    """Months alone (`January-November`, `March and April`)."""
    words = [w for w in re.split(r"[\s\-–—/]+", text) if w and w.lower() not in ("and", "to", "through")]
    return bool(words) and all(is_month_name(w) for w in words)


def _near_miss_threshold(ctx: CheckContext) -> float:
    configured: float = ctx.config.checks.get(MangledName.name, {}).get("threshold", _NEAR_MISS)
    return configured


@register
class MangledName(Check):
    """Name spelt as a near miss of the name in the re-translation.

    When no re-translation writes a name the way the MT does, but the aligned re-translation
    has a name that is a near-miss spelling of it (transliteration-folded similarity at
    least `threshold`), the MT most likely garbled the name, typically by transliterating
    it through Russian. The re-translation's spelling is the suggestion. Spellings one
    convention apart are one name, not a near miss: another romanisation scheme
    (`Alexei`/`Aleksei`, `Kiev`/`Kyiv`), British or American spelling, an abbreviation
    (`Mt.`/`Mount`), a country and its demonym or possessive (`Ukraine's`/`Ukrainian`), a
    place and the demonym of another spelling of it (`Mallorca`/`Majorcan`), an aspiration
    `h` placed otherwise (`Jhajjar`/`Jajjhar`), another word order; so are two ordinary
    English words (`Freeway`/`Highway`), and a nationality spelt as English spells it is no
    misspelt word (`Brazilian` / `Brasileirão`). A sign of
    transliteration through Russian (`Kh` for `h`, `ash-` for `al-`) stays a near miss.

    A warning where the evidence is strong: ours carries such a sign that theirs lacks, or a table
    (the gazetteer, the abbreviation table, the referents) knows their spelling and not ours. A
    note otherwise: two spellings no table knows (`Mikheil`/`Mikhail`), or ours the one a table
    knows (`Serhetabat`/`Serkhetabad`), are as likely two romanisations of one name.

    Bad: the militants of Khoras ad-Din were pushed back (re-translation: the militants of Hurras al-Din were pushed back)
    Good: the militants of Hurras al-Din were pushed back (re-translation: the militants of Hurras al-Din were driven back)
    Good: Alexei Navalny was flown to Berlin (re-translation: Aleksei Navalny was flown to Berlin)
    """

    code = "D303"
    name = "divergence.mangled-name"
    severity = Severity.WARNING
    subjects = frozenset({"name"})
    precedence = 50
    scope = "sentence"
    requires = frozenset({"retranslation"})
    options: ClassVar[Mapping[str, Option]] = {
        "threshold": Option(_NEAR_MISS, "name similarity (0-1) from which a different spelling is a near miss")
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        found = _differing(segment, ctx)
        if found is None:
            return
        evidence, sentence = found
        readings = _readings(ctx, evidence)
        aligned = _aligned_candidates(sentence, readings)
        everywhere = [(m, r) for r in readings for m in r.mentions]
        for mention in _mentions_in(ctx, segment):
            if any(_same_name(mention.text, r, spelling=True) for r in readings):
                continue
            miss = _near_miss(mention, aligned, ctx.options.threshold) or _near_miss(
                mention, everywhere, ctx.options.threshold
            )
            if miss is None:
                continue
            start, end, suggestion = _narrowed(mention, miss.mention)
            ours = segment.doc.text[start:end]
            origin = describe(evidence, readings.index(miss.reading))
            message = f"“{ours}” is a near miss of “{suggestion}” in the re-translation ({origin}); no re-translation spells it this way"
            severity = None
            if not _strong_miss(ours, suggestion):
                severity = Severity.INFO  # weak evidence: perhaps two romanisations of one name
                message += "; a note: no table knows the re-translation's spelling better than this one"
            yield self.finding(
                segment, start, end, message, suggestion=suggestion, evidence=miss.mention.text, severity=severity
            )


def _strong_miss(ours: str, theirs: str) -> bool:
    """Whether a near miss is evidence enough for a warning: ours carries a sign of transliteration
    through Russian that theirs lacks (`Khmeimim`/`Hmeimim`), or a table knows their spelling and
    not ours. Two spellings no table knows (`Mikheil`/`Mikhail`), or ours a table knows
    (`Serhetabat`/`Serkhetabad`), are as likely two romanisations of one name."""
    return _marks_lost(ours, theirs) or (_known_name(theirs) and not _known_name(ours))


@dataclass(frozen=True)
class _Replacement:
    """What one re-translation has where the MT has a name or a number that it lacks."""

    index: int
    text: str


@dataclass(frozen=True)
class _Unsupported:
    """A name of the MT that no re-translation has, and what each re-translation has in its place."""

    start: int
    end: int
    replacements: tuple[_Replacement, ...]
    # Whether other words of the name are in a re-translation (`Igor` of `Igor Konashenkov`), or
    # it is a word the name finder passed over: never reported as merely left out (D304).
    partial: bool
    # Whether the re-translations have the name, only fewer times than the MT sentence.
    repeated: bool = False


@functools.lru_cache(maxsize=1024)
def _token_links(mt: tuple[Token, ...], rt: tuple[Token, ...]) -> Mapping[int, tuple[int, ...]]:
    """The word links of a sentence pair, made once for all its names and numbers."""
    return Alignment.from_tokens(mt, rt).mt2rt


def _token_window(mt: list[Token], rt: list[Token], start: int, end: int) -> tuple[int, int]:
    """The re-translation's characters where MT characters [start, end) belong.

    The MT content words nearest before and after the span that the token alignment links
    to the re-translation are anchors; what lies between their counterparts (and a word
    either side) is that place. With no anchor on a side, the place runs to that end.
    """
    links = _token_links(tuple(mt), tuple(rt))
    before = [links[i][0] for i, t in enumerate(mt) if t.end <= start and i in links and t.is_content]
    after = [links[i][0] for i, t in enumerate(mt) if t.start >= end and i in links and t.is_content]
    low = before[-1] + 1 if before else 0
    high = after[0] if after else len(rt)
    if low > high:  # the anchors cross (reordered words): the place is between them either way
        low, high = high, low
    low, high = max(0, low - 1), min(len(rt), high + 1)
    if low >= high:
        return (rt[0].start, rt[0].start) if rt else (0, 0)
    return rt[low].start, rt[high - 1].end


def _orphans(reading: _Reading, start: int, end: int, mt: _Reading, threshold: float) -> list[Mention]:
    """The re-translation's names in [start, end) that the MT does not have, or has only some words of.

    A near miss of one of the MT's names is that name (D303's), not another. The MT's names
    that another name of the re-translation accounts for lend it no words: `Sweden`, there
    in both, does not make `Swedish Post Office` the MT's, nor `Fleetwood Mac` `Mick Fleetwood`.
    """
    found = []
    for mention in reading.mentions:
        if not (start <= mention.start and mention.end <= end):
            continue
        if names_a_unit(reading.text, mention):
            continue  # `600 MW`: a unit's symbol after a figure names no one
        if _same_name(
            mention.text, mt, own=_referent_context(reading.text[start:end], mention.start - start)
        ) and not _country_taken(mention, reading, mt):
            continue
        if any(_similarity(ours.text, mention.text, threshold) is not None for ours in mt.mentions):
            continue
        if _described_in(mention.text, mt) or any(
            _same_name(form, mt) for form in _description_names(reading.text, mention)
        ):
            if _nation_word(mention.text) and not _word_supported(mention.text, mt):
                found.append(mention)  # `the Zimbabwean capital Harare` / `Harare`: names Zimbabwe too
            continue  # `the Haitian capital` / `Port-au-Prince`
        if _syllabic_in(mention.text, mt, reading):
            continue  # `Petróleos Mexicanos` / `Pemex`
        if any(
            a <= mention.start and mention.end <= b
            for acronym in mt.acronyms - reading.acronyms  # the MT's `(USGS)` answers the reading's own
            for a, b in _spelt_spans(acronym, reading.text)
        ):
            continue  # `UN Framework Convention`, `Climate Change` of `... on Climate Change` / `UNFCCC`
        if _surname_named(mention.text, mt):
            continue  # `President Javier Milei` / the MT's `Milei`: the person, a given name added
        if _unsupported_run(mention, [_mt_view(mt, mention, reading)], strict=False) is not None:
            found.append(mention)
        elif (body := _body_before_title(mention)) is not None and _unsupported_run(body, [mt], strict=False):
            found.append(body)  # `Regional Strategy Office Manager Shimizu` / `Shimizu, Manager of ISIS`
    return found


def _body_before_title(mention: Mention) -> Mention | None:
    """The body a person's name opens with before the title (`Regional Strategy Office` of
    `Regional Strategy Office Manager Hiro Tanaka`): two ordinary words or more, no nationality
    among them, which the person's rare words would otherwise answer for."""
    words = list(name_words(mention.text))
    title = next((i for i, w in enumerate(words) if i and _fold_word(w.group()) in TITLES), None)
    if title is None or title < 2 or title + 1 >= len(words):
        return None
    body = words[:title]
    if not all(_ordinary(w.group()) and not _nation_word(w.group()) for w in body):
        return None
    start, end = mention.start + body[0].start(), mention.start + body[-1].end()
    return Mention(start, end, mention.text[body[0].start() : body[-1].end()])


def _named_apart(orphan: Mention, name: _Candidate, inside: Sequence[Mention], text: str) -> bool:
    """Whether the place an MT name adds to words a re-translation has (`Moscow` of `CSKA Moscow`)
    faces a re-translation's name that is another MT name with a place added (`UNICS Kazan` for the
    MT's `UNICS`): each side names a club's or a body's home, no replacement of the other's."""
    if not _notable_place(text[name.start : name.end]):
        return False
    words = [m.group() for m in name_words(orphan.text)]
    for other in inside:
        if other == name.mention:
            continue
        theirs = [m.group() for m in name_words(other.text)]
        if (
            0 < len(theirs) < len(words)
            and [_fold_word(w) for w in words[: len(theirs)]] == [_fold_word(w) for w in theirs]
            and _notable_place(" ".join(words[len(theirs) :]))
        ):
            return True
    return False


def _person_words(name: str) -> list[str]:
    """A name's words after its titles (`Argentine President Javier Milei`: `Javier`, `Milei`)."""
    words = [w.group() for w in name_words(name)]
    titled = max((i + 1 for i, w in enumerate(words) if _fold_word(w) in TITLES), default=0)
    return words[titled:]


# Two or three capitalised words of letters, as a person's name is written (not `Airbus A350`,
# `Kimi Antonelli of Mercedes`).
_PERSON_SHAPE = re.compile(r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?(?: [A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?){1,2}")


def _surname_named(name: str, reading: _Reading) -> bool:
    """Whether a name of a person is one the reading names by the surname alone, as a translator
    adds the given names (`Argentine President Javier Milei` / `Milei`, `Sergei Rachmaninoff` /
    `Rachmaninoff`)."""
    words, before = _person_words(name), [w.group() for w in name_words(name)]
    before = [w for w in before[: len(before) - len(words)] if _fold_word(w) not in TITLES]
    if len(words) == len(name_words(name)) and _PERSON_SHAPE.fullmatch(name):
        # Untitled, given names before the surname the reading has alone (`Sergei Rachmaninoff` /
        # `Rachmaninoff's`): none of them an ordinary word, a nationality or a place but a given
        # name too (`Kursk Region`, `Kazan Arena`; `Nikolai`, also a town).
        if any(
            _ordinary(w) or _nation_word(w) or (_notable_place(w) and not is_given_name(name_key(w))) for w in words[:-1]
        ):
            return False
    elif len(words) < 2 or len(words) == len(name_words(name)) or not all(_nation_word(w) for w in before):
        return False  # `European Central Bank President Christine Lagarde`: a body's name besides
    return any(
        0 < len(ours := _person_words(other.text)) < len(words)
        and all(same_word(_POSSESSIVE.sub("", a), b) for a, b in zip(ours, words[-len(ours) :], strict=True))
        for other in reading.mentions
    )  # `Rimsky-Korsakov` of `Nikolai Rimsky-Korsakov`: a surname of two words


@functools.lru_cache(maxsize=4096)
def _spelt_spans(acronym: str, text: str) -> tuple[tuple[int, int], ...]:
    """Where a text writes out an acronym of three letters or more: runs of words whose initials
    spell it, small words passed over (`UN Framework Convention on Climate Change` for `UNFCCC`)."""
    if len(acronym) < 3:
        return ()
    letters: list[tuple[str, int, int]] = []  # (initials, start, end) of each word that gives any
    for word in NAME_WORD.finditer(text):
        if word.group().lower() not in _UNSPELT:
            given = word.group().replace(".", "") if _is_acronym(word.group()) else word.group()[0]
            letters.append((given.lower(), word.start(), word.end()))
    target, spans = acronym.lower(), []
    for first in range(len(letters)):
        spelt, last = "", first
        while last < len(letters) and len(spelt) < len(target):
            spelt += letters[last][0]
            last += 1
        if spelt == target:
            spans.append((letters[first][1], letters[last - 1][2]))
    return tuple(spans)


# Up to three lower-case words after a name, in the possessive or not: a description it opens
# (`Egyptian capital`, `Egypt's capital`, `the UN's nuclear watchdog`).
_DESCRIPTION = re.compile(r"(?:['’]s)?((?:[ \t]+[a-z][\w’'-]*){1,3})")


def _description(text: str, mention: Mention) -> tuple[Mention, tuple[str, ...]] | None:
    """A name and the lower-case words after it that describe something (`the Egyptian capital`:
    `Cairo`; `the UN food agency`: `World Food Programme`): the description's span and what it
    names, the longest description first; None if none."""
    after = _DESCRIPTION.match(text, mention.end)
    if after is None:
        return None
    words = list(re.finditer(r"\S+", after[1]))
    for count in range(len(words), 0, -1):
        phrase = " ".join(w.group() for w in words[:count])
        found = described(f"{mention.text} {_POSSESSIVE.sub('', phrase)}")  # `the UN cultural agency's list`
        if found:
            end = after.start(1) + words[count - 1].end()
            return Mention(mention.start, end, text[mention.start : end]), found
    return None


def _description_names(text: str, mention: Mention) -> tuple[str, ...]:
    """What a name and the lower-case words after it describe (`_description`); empty if nothing."""
    found = _description(text, mention)
    return found[1] if found is not None else ()


def _described_in(name: str, reading: _Reading) -> bool:
    """Whether the reading has the name described, or the name describes what the reading names:
    `Cairo` / `the Egyptian capital`, `the UN food agency` / `the World Food Programme`."""
    forms = (name, *equivalents(name))
    return any(
        _one_name(form, named)
        for mention in reading.mentions
        for named in _description_names(reading.text, mention)
        for form in forms
    )


def _syllabic_in(name: str, reading: _Reading, own: _Reading) -> bool:
    """The reading has the name as its syllabic short form or long form (`Pemex` / `Petróleos
    Mexicanos`), one that the name's own text does not have besides (`South African National
    Parks (SANParks)`: its own `SANParks`)."""
    return any(
        (syllabic(name, other.text) or syllabic(other.text, name)) and f" {_surface(other.text)} " not in own.surface
        for other in reading.mentions
    )


def _country(name: str) -> str | None:
    """The country a name is (`Niger`, `Nigeria's`), by the gazetteer; none for any other name."""
    found = [p for p in gazetteer.lookup_exact(_POSSESSIVE.sub("", name)) if p.kind == "country"]
    return found[0].name if found else None


def _country_taken(mention: Mention, reading: _Reading, mt: _Reading) -> bool:
    """Whether the MT has a country only in a word that the reading's other country is too: `Niger
    state` / `Nigerian police ... Kwara State` against `Nigeria's police ... Niger state` (the
    MT's `Nigerian` is `Nigeria`'s, and no `Niger` is left)."""
    country = _country(mention.text)
    if country is None or f" {_surface(mention.text)} " in mt.surface:
        return False
    others = [o for o in reading.mentions if (c := _country(o.text)) is not None and c != country]
    return any(
        _one_name(ours.text, other.text) and _one_name(ours.text, mention.text)
        for ours in mt.mentions
        for other in others
    )


def _mt_view(mt: _Reading, mention: Mention, reading: _Reading) -> _Reading:
    """The MT as it stands for `mention`: without its names that another name of `reading` is,
    perhaps without the nationality before it (`Hungarian Foreign Minister Péter Szijjártó` /
    `Foreign Minister Peter Szijjarto` lends no `Hungary`)."""
    taken = tuple(
        ours
        for ours in mt.mentions
        if any(
            other != mention and any(_one_name(form, other.text) for form in _referent_names(ours.text))
            for other in reading.mentions
        )
    )
    if not taken:
        return mt
    return _blanked(mt.text, mt.mentions, taken)


@functools.lru_cache(maxsize=256)
def _blanked(text: str, found: tuple[Mention, ...], taken: tuple[Mention, ...]) -> _Reading:
    """A reading of `text` with the names `taken` blanked out (offsets kept)."""
    chars = list(text)
    for name in taken:
        chars[name.start : name.end] = " " * (name.end - name.start)
    return _reading("".join(chars), [m for m in found if m not in taken])


@functools.lru_cache(maxsize=65536)
def _one_name(a: str, b: str) -> bool:
    """Two mentions of one name: the same folded words, inflected (`Albanian`/`Albanians`), or one
    convention apart."""
    return _surface(a) == _surface(b) or _derived(_surface(a), _surface(b)) or equivalent_names(a, b)


def _opener(tokens: Sequence[Token], found: Sequence[Mention]) -> Mention | None:
    """The capitalised word that opens a sentence, when the name finder could not tell it from an
    ordinary word (`Parly said`, `Boston is`): a name only if the other text has a name there."""
    first = next((t for t in tokens if t.is_word), None)
    if first is None or not first.text[:1].isupper() or not first.is_content or first.text.lower() in NON_NAMES:
        return None
    if first.text.lower() in _OPENING_WORDS or _verb_form(first.text.lower()) or _number_word(first.text):
        return None  # `Looking ahead,`, `Given the`, `Eighteen schools`: a verb, a connective or a figure
    if any(m.start <= first.start < m.end for m in found):
        return None
    second = next((t for t in tokens if t.is_word and t.start > first.start), None)
    if second is not None and _fold_word(second.text) in TITLES and is_common_word(_fold_word(first.text)):
        return None  # `Finance Minister Anton Siluanov`: a title's first word
    if second is not None and _plain_word(first.text) and any(_full_name(m) for m in found if m.start == second.start):
        return None  # `Gymnast Angelina Melnikova`: an ordinary word before a full name describes it, as a title does
    return Mention(first.start, first.end, first.text)


def _full_name(mention: Mention) -> bool:
    """A name of two words or more, no initials among them (`Angelina Melnikova`; not `A.` of `Franco A.`)."""
    words = name_words(mention.text)
    return len(words) >= 2 and all(len(_fold_word(w.group())) >= 2 for w in words)


def _inner_openers(text: str, tokens: Sequence[Token], found: Sequence[Mention]) -> list[Mention]:
    """Capitalised words that open a bracket, a quotation or a clause after a dash inside a
    sentence (`- Chile's premier`, `(James et al.`), where the name finder, as at a sentence's
    start, could not tell them from ordinary words: like `_opener`, a name only in the other's
    very place."""
    words = [t for t in tokens if t.is_word]
    inner = []
    for token in words[1:]:
        word = _POSSESSIVE.sub("", token.text)
        if not word[:1].isupper() or not token.is_content or not is_sentence_initial(text, token.start):
            continue
        lower = word.lower()
        if lower in NON_NAMES or lower in _OPENING_WORDS or _verb_form(lower) or _number_word(word):
            continue
        if not any(m.start <= token.start < m.end for m in found):
            inner.append(Mention(token.start, token.start + len(word), word))
    return inner


@functools.lru_cache(maxsize=4096)
def _number_word(word: str) -> bool:
    """A number written as a word (`Eighteen`, `Twelve`), which the number rules weigh: no name."""
    return any(n.start == 0 and n.end == len(word) for n in find_numbers(word, english_words=True))


def _verb_form(word: str) -> bool:
    """A participle or an adverb (`Looking`, `Finally`), not a name that ends alike (`Parly`): an
    adverb's adjective is itself a word of some length."""
    if word.endswith("ly"):
        return len(word) >= 6 and is_common_word(word[:-2])
    return bool(_PARTICIPLE.search(word)) and is_common_word(word)


_TITLE_BEFORE = re.compile(r"(\w+)\.?\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_LOCATED = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def _referent_context(sentence: str, start: int) -> _Reading | None:
    """The sentence a name at `start` is in, as `_same_name` weighs other names of its referent
    against it; none after `in`, `at` (`in Ankara` is the place, not a government: no `Turkey`)."""
    if _LOCATED.search(sentence, max(0, start - 12), start):
        return None
    return _plain_reading(sentence)


@functools.lru_cache(maxsize=1024)
def _plain_reading(text: str) -> _Reading:
    """A text's reading without its names: what `_has_referent` needs of it."""
    return _reading(text, ())


def _title_before(text: str, start: int) -> str | None:
    """The title right before a name (`Dr.`, `President`), folded, if there is one."""
    found = _TITLE_BEFORE.search(text, max(0, start - 24), start)
    return found[1].lower() if found and found[1].lower() in TITLES else None


def _titled(text: str, tokens: Sequence[Token], found: Sequence[Mention]) -> list[Mention]:
    """Capitalised words right after a title that the name finder passed over (`Dr. Mall thinks`):
    a person's name, however common the word."""
    names = []
    for token in tokens:
        if not token.text[:1].isupper() or not token.is_word or any(m.start <= token.start < m.end for m in found):
            continue
        if _title_before(text, token.start) is not None:
            names.append(Mention(token.start, token.end, token.text))
    return names


def _opening_end(tokens: Sequence[Token]) -> int:
    """Where the opening of a sentence ends: past its function words and capitalised words
    (`The White Lion`, `Fu Kunbao`), at the first other word."""
    for token in tokens:
        if token.is_content and not token.text[:1].isupper():
            return token.start
    return tokens[-1].end if tokens else 0


@dataclass(frozen=True)
class _Candidate:
    """A name of the MT sentence that no re-translation has, or of a re-translation that the MT lacks."""

    mention: Mention
    # The run of its words the other side lacks, and whether the other side has its other words.
    start: int
    end: int
    partial: bool
    # Whether it opens its sentence, and whether the name finder did not find it (an opener only).
    opens: bool = False
    unfound: bool = False
    # The title before it, folded (`dr` of `Dr. Mall`): a name after the same title is in its place.
    title: str | None = None
    # An orphan's ordinary content words that the MT sentence has too (folded).
    echo: frozenset[str] = frozenset()
    # An MT name whose rare words a re-translation has, but not some of its other words (`_replaced_words`).
    weak: bool = False
    # An MT name the re-translations have, fewer times (`_repeated_beyond`); or a re-translation's
    # name the MT has, fewer times (`_repeated_short`).
    repeated: bool = False
    # A re-translation's name the MT sentence uses too, in fewer places (`_used_more`): a name,
    # however ordinary its words.
    counted: bool = False
    # The last word of a person's name that the re-translations have, when only words before it
    # are missing (`Donald` of `President Donald Trump` against `Trump`): what another name in
    # their place must share (`_kept_surname`).
    surname: str | None = None
    # A nationality before a title (`the Russian president`): a description, on either side.
    describes: bool = False


def _fits(name: _Candidate, orphan: _Candidate, placed: bool) -> bool:
    """Whether an orphan of a re-translation may stand in the place of an MT name.

    Given names a re-translation leaves out before the surname it has are replaced only by
    a name with that surname (`Zeman Whitmer`/`Gretchen Whitmer`; not `President Donald Trump`/
    `Trump ... the Group of 20`); a nationality before a title replaces only a place or a
    nationality (`a Gdańsk judge` / `a Georgia judge`; not `President Vladimir Putin`, `Donald
    Trump` / `the Russian president`, `the US president`).

    A name after the same title does. An opening word the finder passed over stands for a
    name only in the other's very place: where the word alignment puts it, or both opening
    their sentences; and never for another such word unless Webster's lists one of the two
    capitalised (`Paris`, `James`: `_listed_name`), nor, an ordinary word, for a country (`Federal
    budget` / `Russia's budget`) nor for an acronym (`Freight rates for supertankers` / `chartering a
    VLCC`). An orphan most of whose words (two or
    more ordinary words, not titles) the MT has outside the name translates them, not the name;
    one kept in its own language is the name itself (`_kept_in_its_language`).
    """
    if name.surname is not None:
        return any(same_word(name.surname, w.group()) for w in name_words(orphan.mention.text))
    if orphan.describes and not _nation_replaced(name):
        return False  # `the US president`, `the Russian president`: a description, no person's or body's name
    if name.describes and not (_nation_word(orphan.mention.text) or _notable_place(orphan.mention.text)):
        return False  # `the Russian president` / `President Vladimir Putin`: it describes whom that names
    if name.describes and any(_same_place(orphan.mention.text, c) for c in capitals_of(name.mention.text)):
        return False  # `the Russian government` / `Moscow`: the capital names that government
    if orphan.counted:  # not the MT name's own referent, which its sentence names otherwise (`Tirana` / `Albania`)
        return (
            placed
            and not _shares_word(name.mention.text, orphan.mention.text)
            and not _same_name(orphan.mention.text, _name_reading(name.mention.text), own=_NO_TEXT)
        )
    if orphan.repeated:
        return placed and _another_name(name.mention.text, orphan.mention.text)
    if name.title is not None and name.title == orphan.title:
        return True
    echo = orphan.echo - _content_words(name.mention.text) - TITLES
    if len(echo) >= 2 and 2 * len(echo) > len(_content_words(orphan.mention.text)) and not _place_rest(name, orphan, echo):
        return False  # the MT has its words elsewhere: the counterpart of that phrase, not of this name
    if name.unfound and orphan.unfound and not (_listed_name(name) or _listed_name(orphan)):
        return False
    if name.unfound and _plain_word(name.mention.text) and _nation_word(orphan.mention.text):
        return False  # `Federal budget revenues` / `Russia's budget revenue`: a country English adds
    if name.unfound and _plain_word(name.mention.text) and _is_acronym(orphan.mention.text):
        return False  # `Freight rates for supertankers` / `chartering a VLCC`: a term's acronym
    if _kept_in_its_language(name.mention.text, orphan.mention.text):
        return False
    if name.weak:
        return placed and _another_name(name.mention.text, orphan.mention.text)
    if name.unfound or orphan.unfound:
        return placed or (name.opens and orphan.opens)
    return True


def _shares_word(ours: str, theirs: str) -> bool:
    """Whether two names have a word in common (one convention apart counts)."""
    return any(same_word(a.group(), b.group()) for a in name_words(ours) for b in name_words(theirs))


def _nation_replaced(name: _Candidate) -> bool:
    """Whether an MT name a description may stand for is a place or a nationality, or its missing
    words open with one (`Egyptian` of `Egyptian President Erdogan` / `Turkey's president`)."""
    run = name.mention.text[name.start - name.mention.start : name.end - name.mention.start]
    if any(_nation_word(text) or _notable_place(text) for text in (name.mention.text, run)):
        return True
    words = name_words(run)
    return len(words) > 1 and bool(_nation_of(words[0].group()))  # a nationality, not `Vladimir`, a city


def _place_rest(name: _Candidate, orphan: _Candidate, echo: frozenset[str]) -> bool:
    """Whether an orphan, besides the ordinary words the MT has elsewhere, is one notable place,
    standing for the MT's place (`Kherson` of `Kherson Regional Military Administration` against
    `Mykolaiv regional military administration`); not a body's own words (`Mazowieckie
    Voivodship Inspectorate` against `Inspectorate ... in Warsaw`)."""
    rest = [w.group() for w in name_words(orphan.mention.text) if _fold_word(w.group()) not in echo]
    return len(rest) == 1 and _notable_place(rest[0]) and _notable_place(name.mention.text)


def _titled_person(name: _Candidate) -> bool:
    """An MT name with a title in it or before it (`President Vladimir Putin`): a person or an office."""
    return _has_title(name.mention.text, name.title)


def _has_title(text: str, title: str | None) -> bool:
    """A name with a title before it (`title`) or among its words."""
    return title is not None or any(_fold_word(w.group()) in TITLES for w in name_words(text))


_TITLE_AFTER = re.compile(r"(?:['’]s)?\s+(\w+)")
# Words that open a title after a nationality, as the title itself does (`the Saudi crown prince`,
# `Iran's supreme leader`), and words for a government, which its capital names too (`the
# Russian government` / `Moscow`).
_GOVERNMENT = frozenset({"government", "authorities", "cabinet", "administration", "leadership", "side"})
_TITLE_OPENERS = TITLES | _GOVERNMENT | frozenset({"crown", "supreme", "capital"})
# Up to three lower-case words after a country or nationality, one of which names a kind of body:
# a description of one (`Brazil's state oil company`, `India's space agency`).
_BODY_AFTER = re.compile(r"(?:['’]s)?((?:[ \t]+[a-z][\w-]*){1,3})")
_BODY_HEADS = frozenset(
    """company firm giant corporation group agency producer operator carrier concern conglomerate miner
    lender regulator watchdog broadcaster""".split()
)


def _describes(mention: Mention, text: str) -> bool:
    """A nationality or a country before a title (`the Russian president`, `Turkey's president`,
    `the Saudi crown prince`), or a
    country or nationality before words for a kind of body (`Brazil's state oil company`, `the
    Malaysian state energy company`): it describes a person or a body, it does not name one."""
    if len(name_words(mention.text)) > 2 or not _nation_word(mention.text):
        return False
    after = _TITLE_AFTER.match(text, mention.end)
    if after is not None and _fold_word(after[1]) in _TITLE_OPENERS:
        return True
    body = _BODY_AFTER.match(text, mention.end)
    return body is not None and any(word in _BODY_HEADS for word in body[1].split())


def _kept_surname(
    mention: Mention, start: int, end: int, readings: Sequence[_Reading], titled: bool
) -> str | None:
    """The last word of a person's name when the missing run [start, end) comes right before it
    and a re-translation has it: the name's given names left out, not another person (nor an
    acronym: `Minister of KNF Anna Nowak`). An ordinary word ends a person's name only after a
    title (`President Donald Trump`), else it is a body's (`Polish Football Association`); a rare
    word before the title names a body, which is not left out with the given names (`Tretyakov
    Gallery Director Mikhail Piotrovsky` / `the State Hermitage ... Piotrovsky`)."""
    words = name_words(mention.text)
    if len(words) < 2 or mention.start + words[-2].end() != end:
        return None
    missing = [w.group() for w in words if start <= mention.start + w.start() < end]
    last = words[-1].group()
    if not missing or any(_is_acronym(w) for w in (*missing, last)):
        return None  # nor is an acronym a surname (`Akkuyu NPP`)
    if (_ordinary(last) and not titled) or not any(_word_supported(last, r) for r in readings):
        return None
    titles = [i for i, w in enumerate(missing) if _fold_word(w) in TITLES]
    if titles and any(not _ordinary(w) and not _nation_word(w) for w in missing[: titles[-1]]):
        return None  # `Tretyakov Gallery Director Mikhail`: a body's name before the title, no given name
    return last


def _listed_name(candidate: _Candidate) -> bool:
    """A word the finder passed over that Webster's lists capitalised (`Paris`, `James`): a name."""
    return candidate.unfound and is_proper_noun(candidate.mention.text)


def _another_name(ours: str, theirs: str) -> bool:
    """Theirs is another name, not ours with some words translated otherwise (`Provincial
    Administrative Court`/`Voivodeship Administrative Court`): a rare word or an acronym, and
    no word in common with ours; or, sharing words with ours, only acronyms besides that ours
    do not spell (`Nepalese UN`/`Nepalese Bayer`) or another point of the compass (`North Kivu` /
    `South Kivu`)."""
    our_words = name_words(ours)
    their_words = name_words(theirs)
    shared = [b for b in their_words if any(same_word(a.group(), b.group()) for a in our_words)]
    if shared:
        points = {_fold_word(w.group()) for w in their_words if w not in shared} & MODIFIERS
        if points and {_fold_word(a.group()) for a in our_words} & (MODIFIERS - points):
            return True  # `North Kivu` / `South Kivu`: another point of the compass (`MODIFIERS`), another place
        # Only an acronym among the words theirs does not share (`Nepalese UN`/`Nepalese Bayer`) is
        # another name: other words may translate ours otherwise; ours do not spell it.
        rest = [w.group() for w in their_words if w not in shared]
        ours_rest = [a.group() for a in our_words if not any(same_word(a.group(), b.group()) for b in shared)]
        return bool(rest) and all(_is_acronym(w) for w in rest) and _initials(ours_rest) not in {
            w.lower().replace(".", "") for w in rest
        }
    return any(_is_acronym(w.group()) or not is_common_word(_fold_word(w.group())) for w in their_words)


def _kept_in_its_language(ours: str, theirs: str) -> bool:
    """Their name is ours left in its own language, ours translated (`Radio Free Europe`/`Rádio
    Svobodná Evropa`): an ordinary English word of ours is in theirs spelt with letters English
    does not use (`Radio`/`Rádio`). A name word they share as it is (`Jürgen`) says nothing."""
    if not _NON_ENGLISH.search(theirs):
        return False
    words = [w.group() for w in name_words(theirs) if _NON_ENGLISH.search(w.group())]
    return any(
        is_common_word(_fold_word(a.group())) and a.group() != b and same_word(a.group(), b)
        for a in name_words(ours)
        for b in words
    )


def _translates(name: _Candidate, orphan: _Candidate) -> bool:
    """The orphan is the MT's name under another name, no replacement: two names of one place
    (`Napoli`/`Naples`), as wholes or as the words in which they differ (`Mykolaiv Mayor
    Oleksandr Senkevych` / `Nikolaev Mayor Alexander Senkevich`); an opening word the finder passed
    over, as the first word of the name (`Kashi` / `Kashgar International Airport`)."""
    if name.unfound:
        return False
    if orphan.unfound:
        return _same_place(name_words(name.mention.text)[0].group(), orphan.mention.text)
    if _same_place(name.mention.text, orphan.mention.text):
        return True
    start, end, theirs = _narrowed(name.mention, orphan.mention, spellings=True)
    ours = name.mention.text[start - name.mention.start : end - name.mention.start]
    if ours != name.mention.text and _russian_place_word(ours, theirs):
        return True  # `Upper Lars` / `Verkhny Lars`: the word of the place's name translated
    return ours != name.mention.text and len(name_words(ours)) <= 2 and _same_place(ours, theirs)


# The words of Russian place names that English translates or keeps (`Verkhny Lars` / `Upper Lars`,
# `Novy Urengoy` / `New Urengoy`): the English word, the stem of the Russian adjective as romanised.
_RUSSIAN_PLACE_WORDS = {
    "upper": "verkhn", "lower": "nizhn", "new": "nov", "old": "star", "big": "bolsh", "great": "bolsh",
    "greater": "bolsh", "little": "mal", "lesser": "mal", "small": "mal", "north": "severn",
    "northern": "severn", "south": "yuzhn", "southern": "yuzhn", "west": "zapadn", "western": "zapadn",
    "east": "vostochn", "eastern": "vostochn", "middle": "sredn", "central": "sredn", "red": "krasn",
}
# The endings of a romanised Russian adjective (`Verkhny`, `Verkhniy`, `Novaya`, `Staroye`).
_RUSSIAN_ADJECTIVE_END = re.compile(r"(?:y|yy|iy|yi|ii|i|aya|yaya|oye|oe|eye|ee|iye|oy|aja)")


def _russian_place_word(ours: str, theirs: str) -> bool:
    """Whether one side is an English word of a place name and the other the Russian adjective it
    translates, romanised (`Upper`/`Verkhny`, `New`/`Novaya`)."""
    for english, russian in ((ours, theirs), (theirs, ours)):
        stem = _RUSSIAN_PLACE_WORDS.get(english.strip().lower())
        word = russian.strip().lower()
        if stem and word.startswith(stem) and _RUSSIAN_ADJECTIVE_END.fullmatch(word[len(stem) :]):
            return True
    return False


def _place(
    names: list[_Candidate], orphans: list[_Candidate], mt_tokens: list[Token], rt_tokens: list[Token]
) -> list[_Candidate | None]:
    """Which of a re-translation's orphan names stands in the place of each unsupported MT name.

    An orphan that one of the names translates (`_translates`) is that name, and stands for
    none. Each other orphan replaces one name at most: first those the word alignment puts
    in the name's place, then the rest in order, so a sentence that drops one name and
    changes another is one replaced name, not two.
    """
    taken: list[_Candidate | None] = [None] * len(names)
    free = [o for o in orphans if not any(_translates(name, o) for name in names)]
    for i, name in enumerate(names):
        low, high = _token_window(mt_tokens, rt_tokens, name.start, name.end)
        placed = next(
            (o for o in free if low <= o.mention.start and o.mention.end <= high and _fits(name, o, True)), None
        )
        if placed is not None:
            taken[i] = placed
            free.remove(placed)
    for i, name in enumerate(names):
        fallback = next((o for o in free if _fits(name, o, False)), None) if taken[i] is None else None
        if fallback is not None:
            taken[i] = fallback
            free.remove(fallback)
    return taken


# Where the name finder joins a name and the place it is in or of (`Edison Company of New York City`).
_JOINED = re.compile(r"\s+(?:of|in)\s+(?=[^\W\d_])")


def _head(mention: Mention, readings: Sequence[_Reading]) -> Mention:
    """The name weighed of a name joined to a notable place (`Pacific League of New York City`): its
    head (`Pacific League`), when a re-translation names the place apart (`the Edison Company in New
    York City`), so the place's words do not answer for the head's. A head no re-translation has
    is replaced (D306) or nothing: the place is there."""
    for joint in _JOINED.finditer(mention.text):
        place = mention.text[joint.end() :]
        if _notable_place(place) and any(_surface(place) in r.surfaces for r in readings):
            head = mention.text[: joint.start()]
            return Mention(mention.start, mention.start + len(head), head)
    return mention


_AMOUNT_AFTER = re.compile(r"\s?[\d.,]*\d")
_AMOUNT_BEFORE = re.compile(r"\d[\d.,]*\s?$")


def _currency_of_amount(text: str, mention: Mention) -> bool:
    """A currency code beside an amount (`CZK 34,125`, `500 EUR`): a unit, not a name."""
    if not is_currency(mention.text):
        return False
    before = text[max(0, mention.start - 24) : mention.start]
    return bool(_AMOUNT_AFTER.match(text, mention.end) or _AMOUNT_BEFORE.search(before))


def _lowered(name: _Candidate, mt_tokens: list[Token], rt_tokens: list[Token], text: str, mt: _Reading) -> str | None:
    """The re-translation's name written in lower case, where the MT's words of it that the
    re-translation has are followed there by other words (`German navy` for `German Brexit`):
    those words, when the MT lacks them; not after a title (`President Vladimir Putin` /
    `the Russian president met`)."""
    if name.weak or name.end != name.mention.end or name.start <= name.mention.start:
        return None
    before = [i for i, t in enumerate(mt_tokens) if name.mention.start <= t.start and t.end <= name.start and t.is_word]
    if not before or _fold_word(mt_tokens[before[-1]].text) in TITLES:
        return None  # after a title, the re-translation's next word is no name (`the president met`)
    links = _token_links(tuple(mt_tokens), tuple(rt_tokens))
    anchor = links.get(before[-1])
    if not anchor:
        return None
    run: list[Token] = []
    for token in rt_tokens[anchor[0] + 1 :]:
        if not (token.is_content and token.text.islower() and not _word_supported(token.text, mt)):
            break
        run.append(token)
    if not run or _verb_form(run[0].text) or run[0].text in _SAYING:
        return None  # `Xi Jinping` / `Xi called on`: the re-translation's verb, after the surname it keeps
    if any(token.text in _BODY_HEADS for token in run):
        return None  # `Malaysia's Petronas` / `the Malaysian state energy company`: a description
    return text[run[0].start : run[-1].end]


# Verbs that follow a name in news copy, which no participle pattern catches (`Xi said`).
_SAYING = frozenset({"said", "says", "told", "met", "urged", "added", "noted", "warned", "stressed", "spoke", "made"})


def _words_in_place(
    name: _Candidate, mt_tokens: list[Token], rt_tokens: list[Token], text: str, mt: _Reading
) -> str | None:
    """What a re-translation has in an unsupported acronym's very place, when the finder saw no
    name there: its longest run of capitalised words the MT lacks (`State` for `RF` in `Secretary
    of RF John Kerry`).

    An acronym is a name, never ordinary words translated (a re-translation that writes it out
    has its initials, `_acronym_supported`), so a capitalised word in its place replaces it;
    words in lower case there may paraphrase the sentence.
    """
    if not _is_acronym(mt.text[name.start : name.end]):
        return None
    low, high = _token_window(mt_tokens, rt_tokens, name.start, name.end)
    runs: list[list[Token]] = [[]]
    for token in rt_tokens:
        if not (low <= token.start and token.end <= high):
            continue
        if token.text[:1].isupper() and token.is_content and not _word_supported(token.text, mt):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    longest = max(runs, key=len)
    if not longest:
        return _written_out(mt.text[name.start : name.end], mt_tokens, rt_tokens, name.end, text)
    run = Mention(longest[0].start, longest[-1].end, text[longest[0].start : longest[-1].end])
    return None if _describes(run, text) else run.text  # `ISRO` / `India's space agency`: a description


def _written_out(acronym: str, mt_tokens: list[Token], rt_tokens: list[Token], end: int, text: str) -> str | None:
    """Another acronym's words, which a re-translation writes out in lower case where the MT has its
    acronym (`the vehicle identification number` for `the CPC number`): a noun phrase of as many
    words as the acronym has letters, small words passed over, ending at the counterpart of the
    noun after the acronym or just before the counterpart of the MT's next word. A term written
    out spells its initials (`_spelt_out`), and one written out loosely keeps some of them (`light
    rail system` for `LRT`), so words sharing no initial in place with it are another term."""
    letters = acronym.replace(".", "")
    if len(letters) < 3:
        return None
    after = next((i for i, t in enumerate(mt_tokens) if t.start >= end and t.is_word), None)
    if after is None:
        return None
    anchor = _token_links(tuple(mt_tokens), tuple(rt_tokens)).get(after)
    if not anchor:
        return None
    ends = [anchor[0] - 1]
    if mt_tokens[after].text.islower() and mt_tokens[after].is_content:
        ends.insert(0, anchor[0])  # `the CPC number`: the noun is the phrase's head
    for last in ends:
        words: list[Token] = []
        for token in reversed(rt_tokens[: last + 1]):
            if _WRITTEN_WORD.fullmatch(token.text) and token.is_content:
                words.append(token)
            elif not (words and token.text in _UNSPELT and token.text != "the"):
                break
        initials = [w.text[0] for w in reversed(words)]
        if len(words) == len(letters) and all(a != b for a, b in zip(initials, letters.lower(), strict=True)):
            return text[words[-1].start : words[0].end]
    return None


# A lower-case word of three letters or more: a word of a term written out (`vehicle identification number`).
_WRITTEN_WORD = re.compile(r"[a-z]{3,}")


def _repeated_beyond(
    mention: Mention, inside: Sequence[Mention], sentence: SegmentEvidence, readings: Sequence[_Reading]
) -> bool:
    """Whether the MT sentence names this name more often than any re-translation's aligned
    sentence does (`for the United States ... in the United States` where a re-translation has
    `for Mexico ... in the United States`): one of its uses may stand in another name's place,
    which the word alignment then tells (a weak candidate: replaced only by another name there).
    Only a name each re-translation writes as a name too, fewer times."""
    surface = _surface(mention.text)
    ours = sum(_surface(m.text) == surface for m in inside)
    if ours < 2:
        return False
    for (start, end), reading in zip(sentence.rt_spans, readings, strict=True):
        theirs = sum(start <= m.start and m.end <= end and _surface(m.text) == surface for m in reading.mentions)
        if not 0 < theirs < ours:
            return False  # as often, or only in another form (`TV`/`television`): nothing to weigh
    return True


def _repeated_short(reading: _Reading, start: int, end: int, sentence: str) -> list[Mention]:
    """The re-translation's uses of a name that its sentence names more often than the MT sentence
    has the name's rare words (`the Chinese Consulate General ... the first Chinese Consulate
    General` against `the House of God ... the first Chinese consulate`): one of them may stand
    in an MT name's place, which only the word alignment tells (`_fits`)."""
    inside = [m for m in reading.mentions if start <= m.start and m.end <= end]
    counts: dict[str, int] = {}
    for mention in inside:
        counts[_surface(mention.text)] = counts.get(_surface(mention.text), 0) + 1
    ours = [_fold_word(w) for w in NAME_WORD.findall(sentence)]
    repeated = []
    for mention in inside:
        theirs = counts[_surface(mention.text)]
        words, rare = _significant_words(mention)
        if theirs < 2 or not rare:
            continue
        first = _fold_word(mention.text[words[0][0] : words[0][1]])
        if 0 < ours.count(first) < theirs:
            repeated.append(mention)
    return repeated


@functools.lru_cache(maxsize=4096)
def _name_reading(name: str) -> _Reading:
    """One name as a reading of its own: what `_uses` weighs a name against."""
    return _reading(name, [Mention(0, len(name), name)])


# No text: a name weighed against another alone, whose referent no text of its own names.
_NO_TEXT = _reading("", [])


def _uses(mention: Mention, names: Sequence[Mention]) -> int:
    """How many of these names have this name's words, in any of its forms (`Sweden` in `Swedish
    Post Office`, `Greek` in `Greece`)."""
    return sum(_unsupported_run(mention, [_name_reading(other.text)], strict=False) is None for other in names)


def _used_more(
    reading: _Reading, start: int, end: int, inside: Sequence[Mention], sentence: str
) -> list[Mention]:
    """The re-translation's names that its sentence uses more often, in any of their forms, than
    the MT sentence does, which uses them too (`moved to Sweden ... the Swedish Post Office` /
    `went to Paro ... the Swedish Post office`): the MT's uses answer for as many of theirs, and
    one left over may stand in an MT name's place, which only the word alignment tells (`_fits`).
    A one-word name written in lower case is a use on either side (`Mosasaurus ... mosasaurs`)."""
    theirs = [m for m in reading.mentions if start <= m.start and m.end <= end]
    if not theirs:
        return []
    return [
        m
        for m in theirs
        if _uses(m, theirs) + _uses_lowered(m, reading.text[start:end])
        > _uses(m, inside) + _uses_lowered(m, sentence)
        > 0
    ]


def _uses_lowered(mention: Mention, text: str) -> int:
    """How many words of a text write a one-word name in lower case, in any of its forms (`other
    mosasaurs` for `Mosasaurus`): a use of the name, which one side capitalises and the other not."""
    if " " in mention.text.strip():
        return 0
    return sum(
        _uses(mention, [Mention(0, len(word), word.capitalize())]) for word in re.findall(r"\b[a-z]{4,}\b", text)
    )


def _unsupported_names(segment: Segment, ctx: CheckContext) -> list[_Unsupported]:
    """The sentence's names (or words of them) that no re-translation has, with what each has in their place.

    A name is supported when any re-translation has it, in any spelling D303 would not
    report as a near miss; the rare words of a name are weighed one by one, so `Zeman
    Whitmer` against `Gretchen Whitmer` is a replaced `Zeman`.
    """

    def compute() -> list[_Unsupported]:
        found = _differing(segment, ctx)
        if found is None:
            return []
        evidence, sentence = found
        readings = _readings(ctx, evidence)
        threshold = _near_miss_threshold(ctx)
        everywhere = [m for r in readings for m in r.mentions]
        mt_tokens = tokenize(segment.text, segment.start)
        first = _opening_end(mt_tokens)
        inside = _mentions_in(ctx, segment)
        mt = _mt_reading(ctx)
        names = []
        for whole in inside:
            if _currency_of_amount(segment.doc.text, whole):
                continue  # `CZK 34,125`: a unit, which the number rules weigh with its amount
            if _term_acronym(whole.text):
                continue  # `GDP`: a term (the abbreviation table's), which a translation may say otherwise
            mention = _head(whole, readings)
            own = _referent_context(segment.text, mention.start - segment.start)
            possessive = _POSSESSIVE_AFTER.match(segment.doc.text, mention.end) is not None
            if any(_same_name(mention.text, r, own=own, located=own is None, possessive=possessive) for r in readings):
                if _repeated_beyond(mention, inside, sentence, readings):
                    title = _title_before(segment.doc.text, mention.start)
                    names.append(
                        _Candidate(mention, mention.start, mention.end, True, title=title, weak=True, repeated=True)
                    )
                continue
            if any(_similarity(mention.text, other.text, threshold) is not None for other in everywhere):
                continue  # a near miss: D303's
            if any(_described_in(mention.text, r) for r in readings) or any(
                _same_name(form, r) for form in _description_names(segment.doc.text, mention) for r in readings
            ):
                continue  # `Cairo` / `the Egyptian capital`, `the UN food agency` / `WFP`
            if any(_syllabic_in(mention.text, r, mt) for r in readings):
                continue  # `Pemex` / `Petróleos Mexicanos`
            title = _title_before(segment.doc.text, mention.start)
            run = _unsupported_run(mention, readings, person=title is not None)
            if run is not None:
                start, end, partial = run
                partial = partial or mention != whole  # its place is there: replaced or nothing
                person = _has_title(mention.text, title)
                surname = _kept_surname(mention, start, end, readings, person) if partial else None
                describes = _describes(mention, segment.doc.text)
                names.append(
                    _Candidate(
                        mention, start, end, partial, mention.start <= first, title=title, surname=surname,
                        describes=describes,
                    )
                )
            elif (words := _replaced_words(mention, readings)) is not None:
                surname = _kept_surname(mention, *words, readings, _has_title(mention.text, title))
                names.append(
                    _Candidate(
                        mention, *words, True, opens=mention.start <= first, title=title, weak=True, surname=surname
                    )
                )
        opener = _opener(mt_tokens, inside)
        if opener is not None and not any(_word_supported(opener.text, r) for r in readings):
            names.insert(0, _Candidate(opener, opener.start, opener.end, False, opens=True, unfound=True))
        if not names:
            return []
        replacements: list[list[_Replacement]] = [[] for _ in names]
        spans = [[name.start, name.end] for name in names]
        for index, ((start, end), reading) in enumerate(zip(sentence.rt_spans, readings, strict=True)):
            if start == end:
                continue
            rt_tokens = tokenize(reading.text[start:end], start)
            rt_first = _opening_end(rt_tokens)
            found_there = _orphans(reading, start, end, mt, threshold)
            titled = [
                m for m in _titled(reading.text, rt_tokens, reading.mentions) if not _word_supported(m.text, mt)
            ]
            sentence_words = _content_words(segment.text)
            orphans = [
                _Candidate(
                    m,
                    m.start,
                    m.end,
                    False,
                    opens=m.start <= rt_first,
                    title=_title_before(reading.text, m.start),
                    echo=frozenset(w for w in _content_words(m.text) & sentence_words if is_common_word(w)),
                    describes=_describes(m, reading.text),
                )
                for m in sorted([*found_there, *titled], key=lambda m: m.start)
            ]
            orphans.extend(
                _Candidate(m, m.start, m.end, False, describes=True)
                for m in _capitals_described(reading.text, start, end, mt)
            )
            rt_opener = _opener(rt_tokens, reading.mentions)
            if rt_opener is not None and not _word_supported(rt_opener.text, mt):
                orphans.insert(0, _Candidate(rt_opener, rt_opener.start, rt_opener.end, False, True, True))
            orphans.extend(
                _Candidate(m, m.start, m.end, False, unfound=True)
                for m in _inner_openers(reading.text, rt_tokens, reading.mentions)
                if not _word_supported(m.text, mt)
            )
            orphans.extend(
                _Candidate(m, m.start, m.end, False, repeated=True)
                for m in _repeated_short(reading, start, end, segment.text)
                if not any(o.mention == m for o in orphans)
            )
            orphans.extend(
                _Candidate(m, m.start, m.end, False, repeated=True, counted=True, describes=_describes(m, reading.text))
                for m in _used_more(reading, start, end, inside, segment.text)
                if not any(o.mention == m for o in orphans)
            )
            placed = _place(names, orphans, mt_tokens, rt_tokens) if orphans else [None] * len(names)
            for i, orphan in enumerate(placed):
                name = names[i]
                if orphan is None:
                    if name.surname is not None:
                        continue  # given names left out
                    in_place = _words_in_place(name, mt_tokens, rt_tokens, reading.text, mt) or _lowered(
                        name, mt_tokens, rt_tokens, reading.text, mt
                    )
                    if in_place is not None:
                        replacements[i].append(_Replacement(index, in_place))
                    continue
                if name.partial and _named_apart(orphan.mention, name, inside, segment.doc.text):
                    continue  # `CSKA Moscow beat UNICS` / `CSKA defeated UNICS Kazan`: UNICS's home city
                narrowed_start, narrowed_end, text = _narrowed(name.mention, orphan.mention, spellings=True)
                if not name.partial:  # the whole name differs: report the words that differ from the other name
                    spans[i][0], spans[i][1] = min(spans[i][0], narrowed_start), max(spans[i][1], narrowed_end)
                replacements[i].append(_Replacement(index, text))
        return [
            _Unsupported(a, b, tuple(put), partial=name.partial or name.unfound, repeated=name.repeated)
            for (a, b), put, name in zip(spans, replacements, names, strict=True)
        ]

    return ctx.memo(("divergence", "unsupported-names", segment.start, segment.end), compute)


@register
class ReplacedName(Check):
    """Name that no re-translation has, where a re-translation has another name.

    When no re-translation has a name in any spelling, and the aligned sentence of a
    re-translation has a name the MT does not have (in the same place when the word
    alignment can tell), the MT most likely put one name for another: a wrong person,
    place or organisation. A warning, with the re-translation's name as the suggestion.
    Names are weighed word by word, so a replaced first name is found in a full name. With
    several re-translations one that has the MT's name clears it, and the evidence says
    which re-translation put which name there. A name the re-translations merely leave
    out is D304. The re-translation's names the MT lacks are those it has no words of but
    in names another re-translation name accounts for (`Sweden` lends nothing to `Swedish
    Post Office`); a capitalised word after a title counts (`Dr. Mall`), and a name after the
    same title is in the MT name's place; so does, in the MT name's very place, a capitalised
    word the finder passes over where a sentence, bracket or quotation opens (`(James et al.`).
    An ordinary word of a name whose rare words a re-translation has is replaced only by
    another name in its very place that shares no word with it (`Salmon PBS`/`Kowalczykowas'
    PBS`; not `Gdansk Provincial Court`/`Gdansk Voivodship Court`). An acronym with a
    capitalised word the MT lacks in its very place is replaced by it (`Secretary of RF`/
    `Secretary of State`); a name the re-translation writes in lower case after the words it
    shares with the MT's is another name (`German navy` for `German Brexit`); a name joined to
    a notable place (`Pacific League of New York City`) is weighed by its head when a
    re-translation names the place apart. A re-translation's country the MT has only before a
    title it leaves out is in another name's place (`Hungarian Foreign Minister X said Serbia` /
    `Hungary ..., Foreign Minister X said`), and so is a capital named by its country (`the
    Uzbek capital` for `Samarkand`). Not a replacement: another name of the same place
    (`Napoli`/`Naples`, from the gazetteer, a town's former name too, `Toretsk`/`Dzerzhinsk`;
    also in the words two names differ by, `Mykolaiv Mayor`/`Nikolaev Mayor`, a Russian place
    adjective and its English word, `Upper Lars`/`Verkhny Lars`, and without the
    word for its kind, `Issyk-Kul Region`/`Ysyk-Kol`),
    a capital named by its country where the name's own text does not (`Tashkent`/`the Uzbek
    capital`), a name run together (`TurkStream`/`Turkish Stream`, `Nornickel`/`Norilsk
    Nickel`), a number word opening a sentence (`Eighteen`), another name of the same referent (`Kremlin`/
    `Moscow`, `Budapest`/`Hungary`, `FSB`/`Federal Security Service`: `audit.names.referents`,
    read both ways, `European Commission`/`Brussels`, whose row names the Commission; a company's syllabic short form, `Pemex`/`Petróleos Mexicanos`; a description that names it:
    a capital by its country, a body the abbreviation table describes, `the Egyptian capital` /
    `Cairo`, `the UN food agency` / `World Food Programme`, `audit.names.referents.described`;
    not a capital after `in`, which is the city, nor where the sentence names that referent
    too: `Apia, the capital of Samoa`), a name most of whose ordinary words the MT has
    outside the name (it translates them), a name kept in its own language's letters that
    shares a word with the MT's (`Rádio Svobodná Evropa` for `Radio Free Europe`), a name one
    side abbreviates (`USA`/`United States`, `Sept.`/`September`: the English abbreviation
    table), a currency code beside an amount (`CZK 34,125`); a given name is not its surname
    (`John`/`Johnson`), and a name's initial beside its other word is that word (`Gukesh
    Dommaraju` / `D. Gukesh`), a word made of two words is their acronym (`Grandmaster` / `GM`), an
    acronym of words' beginnings is those words (`RusAF` / `All-Russian Athletics Federation`), a
    place without the word for its kind (`Gaza Strip` / `Gaza`), a re-translation's name that is
    another MT name with words added (`UNICS Kazan` for `UNICS`, in `CSKA Moscow`'s place: a club's
    home city), and the names inside the words that
    write out an acronym of the MT's are that acronym (`UN Framework Convention on Climate Change` /
    `UNFCCC`; not where the re-translation writes the acronym too: `(USGS)` answers its own). An
    opening word the finder passed over names the MT name's first word when the gazetteer reads
    both as one place (`Kashi` / `Kashgar International Airport`), and a titled person the MT
    names by the surname alone, the title after nothing but a nationality, is that person
    (`Argentine President Javier Milei` / `Milei`; not `European Central Bank President Christine
    Lagarde`), and so is an untitled person's name of capitalised words whose given names the MT
    leaves out (`Sergei Rachmaninoff` / `Rachmaninoff's`; not `Airbus A350` / `A350`); a nationality that describes a capital the MT has still names its country (`the
    Zimbabwean capital Harare` for `Zambia`). Given names a re-translation leaves out before the
    surname it keeps are replaced only by a name with that surname (`President Donald Trump` /
    `Trump`); a nationality before a title describes, it does not replace (`President Vladimir Putin` /
    `the Russian president`; on the MT's side only another nation or place replaces it: `the Russian
    prime minister` / `Prime Minister Mikhail Mishustin`), nor does a country or nationality before words for a kind of body
    (`Petronas` / `the Malaysian state energy company`, `ISRO` / `India's space agency`), but
    the same person under another country's or town's office is another name (`Algerian
    President Kais Saied` / `Tunisia's President Qais Saied`: `Algerian`);
    a capital stands for its nationality before a title (`Pretoria` / `South African President`)
    and before a word for a government (`Moscow` / `the Russian government`, `the Spanish
    authorities`; a nationality's capital is its country's, `the French capital` is `Paris`),
    a romanised Russian acronym for the body the Russian tables name (`FSIN` / `Federal
    Penitentiary Service`); a place before ordinary words the MT has too is replaced by another
    place before them (`Mykolaiv regional military administration` / `Kherson Regional Military
    Administration`), and a body of ordinary words after its country is weighed by those words
    (`Russia's Federal Air Transport Agency` stands in `Rostransnadzor`'s place); a title of
    several words (`Secretary General`) and an ordinary
    word opening one (`Finance Minister`) are no names. A name the MT sentence uses more often
    than a re-translation's sentence, which has it too, is replaced in the use where that
    sentence has another name
    (`for the United States ... in the United States` / `for Mexico ... in the United States`);
    the other way round, a name a re-translation's sentence uses more often than the MT has its
    rare words replaces an MT name in that very place (`the House of God ... the first Chinese
    consulate` / `the Chinese Consulate General ... the first Chinese Consulate General`), and so
    does a name its sentence uses more often in any form than the MT sentence does (`Dutch ...
    Dutch` / `Dutch ... Flemish`; not the MT name's own referent, `Tirana` / `Albania`). An ordinary
    word opening a sentence before a full name describes it (`Cyclist Anna Kowalska`). A word
    spelt with letters English does not use is never an ordinary word of a name (`Galápagos`).
    A one-word name written in lower case is a use of it on either side (`Mosasaurus ... other
    mosasaurs`); a body of ordinary words before a title inside a re-translation's person name
    is a name of its own (`Regional Strategy Office Manager Shimizu` for `Manager of ISIS`); and
    lower-case words in an acronym's very place that write out another acronym, as many words as
    it has letters and none of its initials in place, replace it (`the vehicle identification
    number` for `the CPC number`; not `light rail system` for `LRT`).

    A note, not a warning, where the evidence is weak: the MT's name is an acronym no table
    knows, which its sentence describes in words of the re-translation's name in its place, a
    name no table knows either (`the disaster management agency AFAD` / `the Turkish Disaster and
    Emergency Management Authority`, `MINUSCA, the UN peacekeeping mission`): the source
    language's acronym, which the re-translation wrote out. An acronym a table knows is weighed
    by what it stands for.

    Bad: Konashenkov met Lavrov in Sochi. (re-translation: Konashenkov met Shoigu in Sochi.)
    Good: Konashenkov met Lavrov in Sochi. (re-translation: Konashenkov had a meeting with Lavrov in Sochi.)
    """

    code = "D306"
    name = "divergence.replaced-name"
    severity = Severity.WARNING
    scope = "sentence"
    requires = frozenset({"retranslation"})
    subjects = frozenset({"name"})
    precedence = 50

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for name in _unsupported_names(segment, ctx):
            if not name.replacements:
                continue
            ours = segment.doc.text[name.start : name.end]
            message, suggestion, where = _replacement_message(
                ctx.evidence, f"“{ours}”", name.replacements, name.repeated
            )
            severity = None
            if all(_described_acronym(ours, r.text, segment.text) for r in name.replacements):
                severity = Severity.INFO  # weak evidence: the source language's acronym, written out
                message += "; the sentence describes it in that name's words: perhaps the source language's acronym"
            yield self.finding(
                segment, name.start, name.end, message, suggestion=suggestion, evidence=where, severity=severity
            )


# An acronym as copy writes it, perhaps inflected or numbered: `MINUSCA`, `PiS`, `PZPNs`, `COP32`.
_ACRONYM_LIKE = re.compile(r"(?=(?:\w*[A-Z]){2})[A-Z][A-Za-z]{0,2}[A-Z][A-Z]{0,6}(?:[0-9]{1,3}|['’]?s)?")


def _known_name(form: str) -> bool:
    """Whether a table says what a name is another name of (the abbreviation table, the referents,
    other languages' forms of an acronym, the gazetteer's places)."""
    return bool(
        expansions(form)
        or abbreviations_of(form)
        or other_names(form)
        or len(acronym_forms(form)) > 1
        or gazetteer.lookup_exact(_POSSESSIVE.sub("", form))
    )


def _described_acronym(ours: str, theirs: str, sentence: str) -> bool:
    """Whether the MT's name is an acronym no table knows, which its sentence describes in words
    of the re-translation's name in its place, a name no table knows either (`MINUSCA, the UN
    peacekeeping mission` / `the UN Multidimensional Integrated Stabilization Mission`, `the
    disaster management agency AFAD` / `the Disaster and Emergency Management Authority`): the
    acronym of the source language, which the re-translation wrote out. Weak evidence of a
    replacement; an acronym a table knows is weighed by what it stands for."""
    if not _ACRONYM_LIKE.fullmatch(ours) or _ACRONYM_LIKE.fullmatch(theirs):
        return False
    if _known_name(ours) or _known_name(theirs):
        return False
    described = _content_words(sentence.replace(ours, " ")) | {
        _fold_word(w) for w in NAME_WORD.findall(sentence) if _is_acronym(w) and w != ours
    }
    words = {_fold_word(w) for w in NAME_WORD.findall(theirs)}
    return bool(words & described)


def _replacement_message(
    evidence: DocEvidence, what: str, replacements: Sequence[_Replacement], repeated: bool = False
) -> tuple[str, str, str]:
    """(message, suggestion, evidence) for something no re-translation has (or has fewer times,
    `repeated`), given what they have instead."""
    texts = [r.text for r in replacements]
    suggestion = max(dict.fromkeys(texts), key=texts.count)
    where = "; ".join(f"{describe(evidence, r.index)}: “{r.text}”" for r in replacements)
    count = len(evidence.items)
    scope = "the re-translation" if count == 1 else f"any of the {count} re-translations"
    put = f"put{'s' if count == 1 else ''} “{suggestion}” in its place ({where})"
    if repeated:
        return f"{what} is named here more often than in {scope}, which {put}", suggestion, where
    return f"{what} is not in {scope}, which {put}", suggestion, where


@register
class UnsupportedName(Check):
    """Name that no re-translation mentions at all.

    A name with no trace in any re-translation, neither spelt alike nor as a near miss, and
    none of its distinctive words present, may have been invented or carried over from the
    wrong place by the MT. Lower severity than a replaced name (D306): here no
    re-translation has another name in its place, so it may simply have dropped or
    paraphrased it, and this asks for a look, not a fix. A name one side abbreviates is there
    (`USA`/`United States`, `EU`/`European Union`, `TV`/`television`: the English abbreviation
    table), and an acronym only capitalised (`US` is not the pronoun `us`).

    Bad: Konashenkov met Lavrov in Sochi. (re-translation: Konashenkov met him in Sochi.)
    Good: Konashenkov met Lavrov in Sochi. (re-translation: Konashenkov had a meeting with Lavrov in Sochi.)
    """

    code = "D304"
    name = "divergence.unsupported-name"
    severity = Severity.INFO
    subjects = frozenset({"name"})
    precedence = 5
    scope = "sentence"
    requires = frozenset({"retranslation"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for name in _unsupported_names(segment, ctx):
            if name.replacements or name.partial:
                continue
            count = len(ctx.evidence.items)
            yield self.finding(
                segment,
                name.start,
                name.end,
                f"“{segment.doc.text[name.start : name.end]}” appears in none of the {count} "
                f"re-translation{'s' if count != 1 else ''}",
            )


@register
class DocumentDivergence(Check):
    """Document far from its re-translations as a whole.

    The length-weighted mean of the sentences' consensus divergence: above `max-divergence`
    (or the sentences' threshold when that is unset) the translation as a whole reads unlike
    any re-translation, a document to send back rather than to patch sentence by sentence.

    Bad: a document whose sentences each say something other than every re-translation
    Good: a document that paraphrases its re-translations sentence by sentence
    """

    code = "D305"
    name = "divergence.document"
    severity = Severity.WARNING
    scope = "document"
    requires = frozenset({"retranslation"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        evidence: DocEvidence | None = ctx.evidence
        if evidence is None or not evidence.available or DIVERGENCE not in evidence.scores:
            return
        limit = ctx.config.max_divergence
        if limit is None:
            limit = threshold_for(ctx.config.divergence, evidence.scores)
        value = evidence.scores[DIVERGENCE]
        if value <= limit:
            return
        text = segment.doc.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield self.finding(
            segment,
            start,
            max(start, end),
            f"the document diverges from its re-translations (mean divergence {value:.2f} > {limit:.2f})",
        )


# ---------------------------------------------------------------- numbers against re-translations


@dataclass(frozen=True)
class _Figure:
    """A number of a text and the kind of figure it writes, which only pairs with its own kind first."""

    number: Number
    # "ordinal" (`third`, `20th`, `third-year`), "decade" (`1960s`), "code" (after letters:
    # `COVID-19`), "month" (`February`), or "plain".
    kind: str

    def matches(self, other: _Figure) -> bool:
        """Equal value, read as the same kind of figure: a decade pairs with a decade by its own
        value (`1960s` is not `1970s`, though both lie in the 20th century), a code with a code."""
        if (self.kind == "code") != (other.kind == "code"):
            return False
        if self.kind == "decade" and other.kind == "decade":  # `1960s`, `'60s`
            ours, theirs = max(self.number.values), max(other.number.values)
            return ours == theirs or (min(ours, theirs) < 100 and ours % 100 == theirs % 100)
        return self.number.matches(other.number)


# A capitalised noun or `No.` before a figure, which makes it a rank (`Unit 1`, `Block 3`, `No. 2`).
_LABEL_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+|No\.?)\s+$")
# A determiner or a possessive right before an ordinal word: a rank, not a fraction (`a third`).
_DETERMINED = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that)|['’]s?)\s+$", re.IGNORECASE)


# A noun of standing right after an ordinal word: a rank, never a fraction (`to third place`).
_RANK_AFTER = re.compile(r"[\s-]+(?:place|position|spot|seed|round|stage|leg|straight|consecutive)\b", re.IGNORECASE)
_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)\b", re.IGNORECASE)


def _figure(number: Number, text: str) -> _Figure:
    before, after = text[max(0, number.start - 2) : number.start], text[number.end : number.end + 3]
    written = number.text.split("-")
    if is_share(text, number.start, number.end) and not _DETERMINED.search(text, max(0, number.start - 24), number.start):
        kind = "plain"  # `a third of the grain`: a share, 33%
    elif (
        is_ordinal_word(written[0])
        or is_ordinal_word(written[-1])
        or _ORDINAL_DIGITS.match(text, number.start)
        or is_period_rank(text, number.start)
    ):
        kind = "ordinal"  # `third`, `thirty-first`, `20th`, `Q1` (the first quarter)
    elif is_month_name(number.text):
        kind = "month"
    elif number.text.isdigit() and re.match(r"'?s\b", after):
        kind = "decade"
    elif number.text[:1].isdigit() and (before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalpha())):
        kind = "code"
    else:
        kind = "plain"
    return _Figure(number, kind)


def _numbers_of(ctx: CheckContext, key: object, text: str, start: int, end: int) -> list[_Figure]:
    """The numbers of text[start:end] (one sentence, or a bead's sentences), offsets into `text`."""

    def read() -> list[_Figure]:
        found = find_numbers(text[start:end], english_words=True)
        return [_figure(dataclasses.replace(n, start=n.start + start, end=n.end + start), text) for n in found]

    return ctx.memo(("divergence", "numbers", key, start, end), read)


def _unpaired(
    ours: Sequence[_Figure], theirs: Sequence[_Figure], ours_at: tuple[int, int], theirs_at: tuple[int, int]
) -> tuple[list[_Figure], list[_Figure]]:
    """The numbers of each side with no counterpart of equal value on the other.

    Each pairs once: first with a counterpart of its own kind (an ordinal with an ordinal, so
    `two` does not take the `second` that `second-year` needs), strong numbers first, with
    the counterpart nearest in relative position (of two `two`s in the re-translation, the
    one in the MT's place is the MT's); then with any kind.
    """

    def at(number: Number, span: tuple[int, int]) -> float:
        return (number.start - span[0]) / max(1, span[1] - span[0])

    pool = list(theirs)
    left = sorted(ours, key=lambda f: f.number.weak)
    for same_kind in (True, False):
        missing = []
        for figure in left:
            candidates = [o for o in pool if figure.matches(o) and (not same_kind or o.kind == figure.kind)]
            if not candidates:
                missing.append(figure)
                continue
            pool.remove(
                min(
                    candidates,
                    key=lambda o: (o.number.weak, abs(at(o.number, theirs_at) - at(figure.number, ours_at))),
                )
            )
        left = missing
    return sorted(left, key=lambda f: f.number.start), pool


def _ranks_labelled(text: str, number: Number, others: Sequence[_Figure], their_text: str) -> list[_Figure]:
    """The re-translation's ordinals that rank what labels our figure (`Unit 1` / `the second power
    unit`, `Terminal 3` / `the airport's second terminal`): the label's noun within three words after."""
    label = _LABEL_BEFORE.search(text, max(0, number.start - 16), number.start)
    if label is None or not number.text.isdigit():
        return []
    noun = label.group().strip().lower().rstrip(".")
    return [
        o
        for o in others
        if o.kind == "ordinal"
        and re.match(rf"(?:[\s-]+[\w-]+){{0,2}}?[\s-]+{re.escape(noun)}s?\b", their_text[o.number.end :], re.IGNORECASE)
    ]


def _strong(number: Number) -> bool:
    """A number that is never another word: digits, or a number word with a scale (`four million`)."""
    return not number.weak or max(number.values) >= 1000


# Words English counts two of a thing with, which stand for many a construction, not a figure.
_PAIR_WORDS = frozenset({"both", "either", "pair", "couple", "twice", "twin", "twins", "double", "dozen"})


def _counting(figure: _Figure) -> bool:
    """A plain number word that counts (`four`, `twenty`, `five-year`), not `one`, `both`, `either`
    or an ordinal."""
    number = figure.number
    return (
        figure.kind == "plain"
        and number.weak
        and number.text.replace("-", "").isalpha()
        and number.text.lower() not in _PAIR_WORDS
        and not number.values <= {0.0, 1.0}
    )


def _as_written(number: Number, like: Number) -> str:
    """A re-translation's number as the MT would write it: its digits, or its value for a word."""
    if any(ch.isdigit() for ch in number.text) or not any(ch.isdigit() for ch in like.text):
        return number.text  # digits as written, or a word for a word (`three` for `two`)
    return format_english(min(number.values, key=lambda v: abs(v - like.magnitude)))


@register
class NumberNotRetranslated(Check):
    """Number that no re-translation has in the aligned sentence.

    Each number of an MT sentence is compared by value (`audit.numbers`: thousands
    separators, decimal commas, scale words, number words, dates and times) with the numbers
    of each re-translation's aligned sentence. One re-translation that has it clears it.
    When none has it and a re-translation has a number of its own in its place, the MT most
    likely changed the figure: the re-translation's value is the suggestion, and the
    evidence says which re-translation has which. A number pairs with one of its own kind
    first (an ordinal with an ordinal, so `two` does not take the `second` that `second-year`
    needs), a decade by its own value (`1960s` is not `1970s`), a number inside a name
    (`COVID-19`) only with another such. A number word (`two`) is reported only with another
    number (not `one`) in its very place, or when it is the one number word each side lacks
    (`five`/`four`); `one`, `both` and `either` never, an ordinal in words only after a
    determiner or a possessive or before a noun of standing (`third place`) with another ordinal,
    or a rank as a label (`Unit 1`), in its very place (`the country's second plant` / `the
    nation's first station`; `a third` may be a fraction); a rank as a label with an ordinal that
    ranks the label's noun (`Unit 1` / `the second power unit`); a number word in a compound
    adjective counts as the word (`five-year` / `four years`); nor a number that the
    re-translations only leave out. A month is reported for another month in its place, or
    the one month each side lacks (`in February` / `in January`); a share is its percentage, a
    third loosely 30-35% (`a third of the grain` / `25%` is reported, `thirty percent` is not),
    `half a million` is 500,000 and `the first half` six months.

    Bad: Almost exactly 35% of my money went on rent. (re-translation: Almost exactly 30% of my money went on rent.)
    Good: Almost exactly 30% of my money went on rent. (re-translation: Very nearly thirty percent of my money went on rent.)
    """

    code = "D307"
    name = "divergence.number"
    severity = Severity.WARNING
    scope = "sentence"
    requires = frozenset({"retranslation"})
    subjects = frozenset({"number"})
    precedence = 50

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        found = _differing(segment, ctx)
        if found is None:
            return
        evidence, sentence = found
        ours = _numbers_of(ctx, "mt", segment.doc.text, segment.start, segment.end)
        if not ours:
            return
        unsupported: list[_Figure] | None = None
        extras: list[tuple[int, list[_Figure]]] = []
        for index, ((start, end), item) in enumerate(zip(sentence.rt_spans, evidence.items, strict=True)):
            theirs = _numbers_of(ctx, index, item.text, start, end)
            missing, others = _unpaired(ours, theirs, (segment.start, segment.end), (start, end))
            unsupported = missing if unsupported is None else [n for n in unsupported if n in missing]
            extras.append((index, others))
        if not unsupported:
            return
        mt_tokens = tokenize(segment.text, segment.start)
        for figure in unsupported:
            number = figure.number
            ordinal = figure.kind == "ordinal" and is_ordinal_word(number.text)
            if (
                ordinal
                and not _DETERMINED.search(segment.doc.text, max(0, number.start - 24), number.start)
                and not _RANK_AFTER.match(segment.doc.text, number.end)
            ):
                continue  # `third` may as well be `a third`; `the third`, `its third`, `third place` may not
            replacements = []
            for index, others in extras:
                # A code (`COVID-19`) stands in the place of a code only.
                others = [o for o in others if (o.kind == "code") == (figure.kind == "code")]
                if not others:
                    continue
                start, end = sentence.rt_spans[index]
                text = evidence.items[index].text
                low, high = _token_window(mt_tokens, tokenize(text[start:end], start), number.start, number.end)
                placed = [o for o in others if low <= o.number.start and o.number.end <= high]
                if ordinal:
                    # An ordinal word only for another ordinal in its very place (`the country's
                    # second plant` / `the nation's first station`), or a rank as a label (`Unit 1`).
                    labels = [
                        o
                        for o in others
                        if (label := _LABEL_BEFORE.search(text, max(0, o.number.start - 16), o.number.start))
                        and low <= label.start() <= high
                    ]
                    placed = [o for o in placed if o.kind == "ordinal"] + labels
                    if not placed:
                        continue
                elif figure.kind == "month":
                    # A month for another month in its very place, or the one month each side lacks
                    # (`in February` / `in January`: January is no `one`).
                    months = [o for o in others if o.kind == "month"]
                    placed = [o for o in placed if o in months]
                    if not placed and len(months) == 1 and sum(f.kind == "month" for f in unsupported) == 1:
                        placed = months
                    if not placed:
                        continue
                elif not _strong(number) and (ranks := _ranks_labelled(segment.doc.text, number, others, text)):
                    placed = ranks  # `Unit 1` / `the second power unit`
                elif not _strong(number):
                    # `two`, `both`: only with another number (not `one`) in their very place, or, when
                    # it is the one number each side lacks, the other's one number word (`five`/`four`).
                    counted = [o for o in others if not o.number.values <= {0.0, 1.0}]
                    placed = [o for o in placed if o in counted]
                    if not placed and len(unsupported) == 1 and len(counted) == 1 and _counting(figure) and _counting(counted[0]):
                        placed = counted
                    if not placed:
                        continue
                pick = min(placed or others, key=lambda o: abs(o.number.magnitude - number.magnitude))
                replacements.append(_Replacement(index, _as_written(pick.number, number)))
            if not replacements:
                continue
            message, suggestion, where = _replacement_message(evidence, f"number “{number.text}”", replacements)
            yield self.finding(segment, number.start, number.end, message, suggestion=suggestion, evidence=where)
