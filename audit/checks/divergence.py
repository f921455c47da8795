"""D301-D305: where the MT departs from every re-translation of the same text.

They consult `ctx.evidence` (`audit.evidence.DocEvidence`): the re-translations, their
alignment with the MT sentences, each sentence's consensus divergence (its smallest over
the re-translations) and the spans no re-translation has a counterpart for. A finding
needs every re-translation to disagree; one re-translation that agrees clears the MT.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from anyascii import anyascii

from audit.align import tokenize
from audit.checks.base import Check, CheckContext, Option, register
from audit.checks.names import mentions
from audit.evidence import DocEvidence, SegmentEvidence, closest_text, describe
from audit.names.finder import ARTICLES, CONNECTORS, Mention, mention_finder
from audit.names.lexicon import is_common_word
from audit.names.variants import name_key, name_similarity, stem_match
from audit.score import CHRF_PLUS, COSINE, DIVERGENCE
from audit.types import Finding, Segment, Severity

_WORD = re.compile(r"\S+")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_APOSTROPHES = re.compile(r"['’`ʼʻ]")
_POSSESSIVE = re.compile(r"['’]s?$")
# An extension this long of another name is an inflection or derivation (`Russia`/`Russian`).
_DERIVATION_CHARS = 3


def _segment_evidence(segment: Segment, ctx: CheckContext) -> tuple[DocEvidence, SegmentEvidence] | None:
    evidence: DocEvidence | None = ctx.evidence
    if evidence is None or not evidence.available:
        return None
    found = evidence.segment(segment.start, segment.end)
    return None if found is None else (evidence, found)


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
    source. The threshold is `divergence.threshold` (0 = same, 1 = unrelated).

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
        threshold = ctx.config.divergence.threshold
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
        if sentence.divergence <= ctx.config.divergence.threshold:
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


def _surface(text: str) -> str:
    """A spelling with case, diacritics, apostrophes, hyphens and a possessive ending folded."""
    folded = anyascii(_POSSESSIVE.sub("", text.strip())).casefold()
    return " ".join(p for p in _SEPARATORS.split(_APOSTROPHES.sub("", folded)) if p)


@dataclass(frozen=True)
class _Reading:
    """One re-translation as the name checks see it: its mentions and its words."""

    text: str
    surface: str
    mentions: tuple[Mention, ...]
    word_keys: frozenset[str]


def _readings(ctx: CheckContext, evidence: DocEvidence) -> list[_Reading]:
    def compute() -> list[_Reading]:
        finder = mention_finder(ctx.config.ner)
        readings = []
        for item in evidence.items:
            words = frozenset(name_key(w) for w in _SEPARATORS.split(_APOSTROPHES.sub("", item.text)) if w)
            readings.append(_Reading(item.text, f" {_surface(item.text)} ", tuple(finder(item.text)), words))
        return readings

    return ctx.memo(("divergence", "readings"), compute)


def _same_name(mention: str, reading: _Reading) -> bool:
    """The re-translation writes this name as the MT does (up to case, diacritics, an inflection)."""
    surface = _surface(mention)
    if not surface:
        return True
    if re.search(rf"(?<![a-z0-9]){re.escape(surface)}(?![a-z0-9])", reading.surface):
        return True
    for other in reading.mentions:
        theirs = _surface(other.text)
        short, long = sorted((surface, theirs), key=len)
        if short and long.startswith(short) and len(long) - len(short) <= _DERIVATION_CHARS:
            return True
    return False


@dataclass(frozen=True)
class _NearMiss:
    similarity: float
    mention: Mention
    reading: _Reading


def _near_miss(mention: Mention, candidates: list[tuple[Mention, _Reading]], threshold: float) -> _NearMiss | None:
    best: _NearMiss | None = None
    surface = _surface(mention.text)
    for other, reading in candidates:
        if _surface(other.text) == surface:
            continue
        similarity = name_similarity(mention.text, other.text)
        if similarity >= threshold and (best is None or similarity > best.similarity):
            best = _NearMiss(similarity, other, reading)
    return best


def _aligned_candidates(sentence: SegmentEvidence, readings: list[_Reading]) -> list[tuple[Mention, _Reading]]:
    candidates: list[tuple[Mention, _Reading]] = []
    for (start, end), reading in zip(sentence.rt_spans, readings, strict=True):
        candidates.extend((m, reading) for m in reading.mentions if start <= m.start and m.end <= end)
    return candidates


def _narrowed(mention: Mention, other: Mention) -> tuple[int, int, str]:
    """The differing words only: `Russian Khmeimim`/`Russian Hmeimim` -> `Khmeimim` -> `Hmeimim`."""
    ours = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(mention.text)]
    theirs = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(other.text)]
    while len(ours) > 1 and len(theirs) > 1 and ours[0][2] == theirs[0][2]:
        ours, theirs = ours[1:], theirs[1:]
    while len(ours) > 1 and len(theirs) > 1 and ours[-1][2] == theirs[-1][2]:
        ours, theirs = ours[:-1], theirs[:-1]
    suggestion = other.text[theirs[0][0] : theirs[-1][1]]
    return mention.start + ours[0][0], mention.start + ours[-1][1], suggestion


def _mentions_in(ctx: CheckContext, segment: Segment) -> list[Mention]:
    return [m for m in mentions(ctx) if segment.start <= m.start and m.end <= segment.end]


@register
class MangledName(Check):
    """Name spelt as a near miss of the name in the re-translation.

    When no re-translation writes a name the way the MT does, but the aligned re-translation
    has a name that is a near-miss spelling of it (transliteration-folded similarity at
    least `threshold`), the MT most likely garbled the name, typically by transliterating
    it through Russian. The re-translation's spelling is the suggestion.

    Bad: the militants of Khoras ad-Din were pushed back (re-translation: the militants of Hurras al-Din were pushed back)
    Good: the militants of Hurras al-Din were pushed back (re-translation: the militants of Hurras al-Din were driven back)
    """

    code = "D303"
    name = "divergence.mangled-name"
    severity = Severity.WARNING
    subjects = frozenset({"name"})
    precedence = 50
    scope = "sentence"
    requires = frozenset({"retranslation"})
    options: ClassVar[Mapping[str, Option]] = {
        "threshold": Option(0.8, "name similarity (0-1) from which a different spelling is a near miss")
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        found = _segment_evidence(segment, ctx)
        if found is None:
            return
        evidence, sentence = found
        readings = _readings(ctx, evidence)
        aligned = _aligned_candidates(sentence, readings)
        everywhere = [(m, r) for r in readings for m in r.mentions]
        for mention in _mentions_in(ctx, segment):
            if any(_same_name(mention.text, r) for r in readings):
                continue
            miss = _near_miss(mention, aligned, ctx.options.threshold) or _near_miss(
                mention, everywhere, ctx.options.threshold
            )
            if miss is None:
                continue
            start, end, suggestion = _narrowed(mention, miss.mention)
            origin = describe(evidence, readings.index(miss.reading))
            yield self.finding(
                segment,
                start,
                end,
                f"“{segment.doc.text[start:end]}” is a near miss of “{suggestion}” in the re-translation ({origin}); "
                f"no re-translation spells it this way",
                suggestion=suggestion,
                evidence=miss.mention.text,
            )


def _significant_words(name: str) -> list[str]:
    """The words that make a name this name: not articles or connectors, and rare ones if any."""
    words = [w for w in _SEPARATORS.split(_APOSTROPHES.sub("", _POSSESSIVE.sub("", name))) if len(w) >= 3]
    words = [w for w in words if w.lower() not in ARTICLES and w.lower() not in CONNECTORS]
    distinctive = [w for w in words if not is_common_word(w)]
    return distinctive or words


def _word_supported(word: str, reading: _Reading) -> bool:
    key = name_key(word)
    return key in reading.word_keys or any(stem_match(key, other) for other in reading.word_keys)


@register
class UnsupportedName(Check):
    """Name that no re-translation mentions at all.

    A name with no trace in any re-translation, neither spelt alike nor as a near miss, and
    none of its distinctive words present, may have been invented or carried over from the
    wrong place by the MT. Lower severity than a mangled name: a re-translation may also
    have dropped or paraphrased it, so this asks for a look, not a fix.

    Bad: Konashenkov met Lavrov in Sochi. (re-translation: Konashenkov met Shoigu in Sochi.)
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
        found = _segment_evidence(segment, ctx)
        if found is None:
            return
        evidence, _ = found
        readings = _readings(ctx, evidence)
        threshold = MangledName.options["threshold"].default
        everywhere = [(m, r) for r in readings for m in r.mentions]
        for mention in _mentions_in(ctx, segment):
            if any(_same_name(mention.text, r) for r in readings):
                continue
            if _near_miss(mention, everywhere, threshold) is not None:
                continue
            words = _significant_words(mention.text)
            if any(_word_supported(word, reading) for word in words for reading in readings):
                continue
            count = len(readings)
            yield self.finding(
                segment,
                mention.start,
                mention.end,
                f"“{mention.text}” appears in none of the {count} re-translation{'s' if count != 1 else ''}",
            )


@register
class DocumentDivergence(Check):
    """Document far from its re-translations as a whole.

    The length-weighted mean of the sentences' consensus divergence: above `max-divergence`
    (or `divergence.threshold` when that is unset) the translation as a whole reads unlike
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
            limit = ctx.config.divergence.threshold
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
