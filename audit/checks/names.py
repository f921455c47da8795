"""N201-N205: names that are spelt two ways, off the glossary, transliterated through
Russian, dropped from the source or not in it.

Mentions come from the finder `--ner` names (rules by default) once per document
(`ctx.memo`); spellings are compared on transliteration-folded keys (`audit.names.variants`).
Source-name checks run per unit when units carry sources, else on the whole document.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz import fuzz

from audit.checks.base import Check, CheckContext, Option, register
from audit.names.exonyms import is_english_place
from audit.names.finder import Mention, mention_finder
from audit.names.glossary import Glossary, load_glossary, resolve_glossary_path
from audit.names.glossary import Match as GlossaryMatch
from audit.names.lexicon import is_proper_noun
from audit.names.source import (
    SourcePair,
    TokenIndex,
    is_translatable,
    is_translated_name,
    may_translate,
    missing_words,
    proportional_offset,
    source_names,
    source_pairs,
)
from audit.names.translit import romanise
from audit.names.variants import name_key, name_similarity
from audit.segment import split_paragraphs
from audit.types import Document, Finding, Segment, Severity


def mentions(ctx: CheckContext) -> list[Mention]:
    """The document's name mentions, found once by the configured finder."""
    spec = ctx.config.ner
    return ctx.memo(("names", "mentions", spec), lambda: mention_finder(spec)(ctx.document.text))


def glossary(ctx: CheckContext) -> Glossary | None:
    if not ctx.config.glossary:
        return None
    return load_glossary(resolve_glossary_path(ctx.config.glossary, ctx.config.origin))


def _line(ctx: CheckContext, offset: int) -> int:
    """The 1-based line of `offset` (LF, CRLF or CR ends a line), counted without a line index."""
    text = ctx.document.text
    return text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1


# ---------------------------------------------------------------- in-document variants

_WORDS = re.compile(r"\S+")


def _tokens(key: str) -> list[str]:
    return [w for w in key.split() if w != "al"]


def _common_prefix(a: str, b: str) -> str:
    end = 0
    while end < min(len(a), len(b)) and a[end] == b[end]:
        end += 1
    return a[:end]


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: word for word alike after folding, not merely related.

    `Russia`/`Russian` or `Iran`/`Iranian` are different words (one is a prefix of the
    other); `Iran`/`Iraq` differ in a short word, which must then be spelt the same.
    """
    if a.casefold() == b.casefold():
        return False
    words_a, words_b = _tokens(name_key(a)), _tokens(name_key(b))
    if not words_a or len(words_a) != len(words_b):
        return False
    if name_key(a) == name_key(b):
        return True
    differs = False
    for x, y in zip(words_a, words_b):
        if x == y:
            continue
        differs = True
        shared = len(_common_prefix(x, y))
        if min(len(x), len(y)) < 5 or shared >= min(len(x), len(y)) - 2:
            return False  # `Iran`/`Iraq` too short to tell; `Mosasaurus`/`Mosasaurs` an inflection
        if fuzz.ratio(x, y) < 80:
            return False
    return differs


@dataclass(frozen=True, slots=True)
class VariantGroup:
    """Spellings of one name; `preferred` is the majority's, `suggestion` the glossary's if known."""

    preferred: str
    suggestion: str
    spellings: dict[str, list[Mention]]


def variant_groups(ctx: CheckContext) -> list[VariantGroup]:
    """Groups of mentions that spell one name differently, with the spelling to prefer."""

    def compute() -> list[VariantGroup]:
        by_spelling: dict[str, list[Mention]] = {}
        for mention in mentions(ctx):
            by_spelling.setdefault(" ".join(mention.text.split()), []).append(mention)
        spellings = sorted(by_spelling, key=lambda s: by_spelling[s][0].start)
        by_initial: dict[str, list[int]] = {}
        parent = list(range(len(spellings)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, spelling in enumerate(spellings):
            words = _tokens(name_key(spelling))
            bucket = by_initial.setdefault(f"{len(words)}:{words[-1][:2] if words else ''}", [])
            for j in bucket:
                if same_name(spellings[j], spelling):
                    parent[root(i)] = root(j)
            bucket.append(i)
        groups: dict[int, list[str]] = {}
        for i, spelling in enumerate(spellings):
            groups.setdefault(root(i), []).append(spelling)
        terms = glossary(ctx)
        result = []
        for members in groups.values():
            if len(members) < 2:
                continue
            counts = Counter({m: len(by_spelling[m]) for m in members})
            canonical = next((c for c in (terms.canonical_of(m) for m in members) if c), None) if terms else None
            if canonical is not None and canonical in members:
                preferred = canonical
            else:
                top = max(counts.values())
                preferred = next(m for m in members if counts[m] == top)
            result.append(VariantGroup(preferred, canonical or preferred, {m: by_spelling[m] for m in members}))
        return result

    return ctx.memo(("names", "variants"), compute)


@register
class NameVariant(Check):
    """One name spelt two ways in the same document.

    A translation that spells a name one way and then another (`Al-Sham` ... `Ash-Sham`)
    makes readers wonder whether two groups are meant, and breaks search and indexing.
    Spellings are compared after folding the differences Russian-mediated transliteration
    introduces (kh/h, dzh/j, y/i, doubled letters, the assimilated Arabic article); the
    minority spelling is flagged and the majority's (or the glossary's) suggested.

    Bad: Khayyat Tahrir Al-Sham ... Khayyat Tahrir Al-Sham ... the Khayyat Tahrir Ash-Sham group
    Good: Hayat Tahrir al-Sham ... Hayat Tahrir al-Sham ... the Hayat Tahrir al-Sham group
    """

    code = "N201"
    name = "names.variant"
    severity = Severity.WARNING
    subjects = frozenset({"name"})
    precedence = 30
    scope = "document"

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for group in variant_groups(ctx):
            anchor = group.spellings[group.preferred][0]
            for spelling, occurrences in group.spellings.items():
                if spelling == group.preferred:
                    continue
                for mention in occurrences:
                    yield self.finding(
                        segment,
                        mention.start,
                        mention.end,
                        f"“{spelling}” is spelt “{group.preferred}” elsewhere in this document "
                        f"(line {_line(ctx, anchor.start)})"
                        + (f"; the glossary has “{group.suggestion}”" if group.suggestion != group.preferred else ""),
                        suggestion=group.suggestion,
                        evidence=group.preferred,
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


_MARKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bKh(?=[aeiouy])"), "Kh for h"),
    (re.compile(r"\bDzh|dzh"), "Dzh for j"),
    (re.compile(r"yy"), "doubled y"),
    (
        re.compile(r"(?<![\w])(?:[Aa]sh|[Aa]d|[Aa]n|[Aa]r|[Aa]s|[Aa]t|[Aa]z|[Aa]th|[Aa]dh)-(?=[A-Z])"),
        "assimilated article",
    ),
)


_SLAVIC = re.compile(r"(?:iv|ov|ova|ev|eva|sk|sky|ski|skiy|enko|in|ina|ich)$")


def transliteration_marks(spelling: str) -> list[str]:
    """The signs of Russian-mediated transliteration in a spelling (`Khayyat`: Kh, doubled y)."""
    return list(_transliteration_marks(spelling))


@functools.lru_cache(maxsize=65536)
def _transliteration_marks(spelling: str) -> tuple[str, ...]:
    """A name recurs within and across documents: each spelling is judged once."""
    if "-" not in spelling and "h" not in spelling and "yy" not in spelling:
        return ()  # every mark needs `Kh`, `Dzh`, `yy` or an article's hyphen
    marks = []
    for pattern, label in _MARKS:
        for match in pattern.finditer(spelling):
            word = spelling[match.start() :].split()[0].strip("-").split("-")[0]
            if label in ("Kh for h", "doubled y") and (is_proper_noun(word) or is_english_place(word)):
                continue  # `Khan`, `Khartoum`: the established English spelling
            if label == "Kh for h" and _SLAVIC.search(word):
                continue  # `Kharkiv`, `Khodorkovsky`: Kh is right in Slavic names
            marks.append(label)
            break
    if marks == ["doubled y"]:
        return ()  # `Tayyip`: a doubled y alone is ordinary Turkish spelling
    return tuple(marks)


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


@register
class TransliterationHint(Check):
    """Name spelt the way Russian transliterates an Arabic or Turkic name.

    Names that reached English through Russian keep Russian spelling habits: `Kh` for the
    Arabic `h` (`Khayyat`, `Khoras`), `Dzh` for `j`, a doubled `yy`, the assimilated article
    (`ash-Sham`, `ad-Din`). A hint (info) on its own, since `Kh` is often right; a warning
    when a variant in the document, the glossary or a re-translation spells it otherwise,
    and then the other spelling is suggested.

    Bad: the militants of Khoras ad-Din and Dzhabhat an-Nusra
    Good: the militants of Hurras al-Din and Jabhat al-Nusra
    """

    code = "N203"
    name = "names.transliteration"
    severity = Severity.INFO
    subjects = frozenset({"name"})
    precedence = 20
    scope = "document"

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
        for mention in mentions(ctx):
            marks = transliteration_marks(mention.text)
            if not marks:
                continue
            spelling = " ".join(mention.text.split())
            other = hits.get((mention.start, mention.end)) or variants.get(spelling)
            source = "the glossary" if (mention.start, mention.end) in hits else "this document"
            if other is None or transliteration_marks(other):
                retranslated = _retranslation_spelling(ctx, spelling, mention.start)
                if retranslated is not None:
                    other, source = retranslated, "a re-translation"
                elif other is not None and transliteration_marks(other):
                    other = None
            what = ", ".join(marks)
            if other is None:
                yield self.finding(
                    segment, mention.start, mention.end, f"“{spelling}” looks transliterated through Russian ({what})"
                )
                continue
            yield self.finding(
                segment,
                mention.start,
                mention.end,
                f"“{spelling}” looks transliterated through Russian ({what}); {source} spells it “{other}”",
                suggestion=other,
                evidence=other,
                severity=Severity.WARNING,
            )


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


def _spellings(name: str, lang: str | None) -> str:
    forms = [f for f in romanise(name, lang) if f != name]
    return name if not forms else f"{name} ({', '.join(forms)})"


_POSSESSIVE_HEAD = re.compile(r".*['’]s?\s+")


def _translated_names(ctx: CheckContext, pair: SourcePair, carried: list[str], lang: str | None) -> list[Mention]:
    """The translation's names of ordinary words that no carried-over source name accounts for.

    `Russian Defence Ministry` holds `России`'s counterpart, so it is not free to be the
    translation of another source name.
    """
    free = []
    for whole in mentions(ctx):
        if not pair.start <= whole.start < pair.end:
            continue
        tail = _POSSESSIVE_HEAD.match(whole.text)  # `Israel's Iron Dome`: the name is `Iron Dome`
        mention = Mention(whole.start + tail.end(), whole.end, whole.text[tail.end() :]) if tail else whole
        if not is_translated_name(mention.text, lang):
            continue
        index = TokenIndex(mention.text, "en")
        if not any(index.has_name(name, lang) for name in carried):
            free.append(mention)
    return free


@register
class DroppedName(Check):
    """Name in the source with no counterpart in the translation.

    A name that the source carries and the translation lacks was dropped or replaced, the
    most damaging error a wire translation can make. Source names are runs of capitalised
    words, acronyms and CLDR place names (German nouns are not names); Cyrillic is compared
    under BGN/PCGN, ISO 9 and common English spellings, other languages' inflections,
    spellings and exonyms (`Südafrika`, `ONZ`, `Majorki`, `Jan Paweł`) are allowed for. A name
    of ordinary words (`Dzień Niepodległości`, `MSWiA`) may pair with an English name of
    ordinary words that can translate it (`Independence Day`). Flagged on the sentence where
    the name belongs.

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
        for pair in source_pairs(document):
            index = TokenIndex(document.text[pair.start : pair.end], "en")
            names = source_names(pair.source, lang, single_words=ctx.options.single_words)
            carried = [name.text for name in names if index.has_name(name.text, lang)]
            unpaired = [name for name in names if name.text not in carried]
            translated = _translated_names(ctx, pair, carried, lang) if unpaired else []
            for name in unpaired:
                counterpart = next((m for m in translated if may_translate(name.text, m.text)), None)
                if counterpart is not None and is_translatable(name.text, lang):
                    translated.remove(counterpart)  # `Dzień Niepodległości` / `Independence Day`
                    continue
                start, end = _sentence_at(ctx, proportional_offset(pair, name.start), pair.start, pair.end)
                yield self.finding(
                    segment,
                    start,
                    end,
                    f"source name “{name.text}” has no counterpart in this sentence's translation: dropped or replaced?",
                    evidence=_spellings(name.text, lang),
                )


@register
class UnsourcedName(Check):
    """Name in the translation that the source does not contain.

    A name the translation has and the source lacks was put in by the translation: a
    replaced name, or a garbled one. Only names that keep their spelling across languages
    are compared (not `Ministry of Economy`, `Cold War` or nationality adjectives); each
    distinctive word must be found in the source, Cyrillic under several romanisations,
    inflected forms and CLDR exonyms allowed. Sources in other scripts (Chinese, Japanese,
    Hindi) are not compared, since their names cannot be romanised reliably.

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
        for pair in source_pairs(document):
            index = TokenIndex(pair.source, lang)
            if index.script == "other":
                continue
            for mention in found:
                if not pair.start <= mention.start < pair.end:
                    continue
                missing = missing_words(mention.text, index)
                if missing:
                    words = ", ".join(f"“{w}”" for w in missing)
                    what = "is" if len(missing) == 1 else "are"
                    yield self.finding(
                        segment,
                        mention.start,
                        mention.end,
                        f"{words} of “{mention.text}” {what} not in the source: replaced or garbled name?",
                    )
