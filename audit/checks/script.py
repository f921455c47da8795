"""N221-N222: letters of a script English copy does not use.

Machine translation leaves words it could not translate in the source's script (`the
Хмеймим air base`), and OCR or copy-paste leaves Cyrillic look-alikes inside Latin words
(`Kоnashenkov` with a Cyrillic `о`), which look right and break every search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from audit.checks.base import Check, CheckContext, Option, register
from audit.names.translit import transliterate
from audit.types import Finding, Segment, Severity

# Unicode blocks of the scripts a translation into English should not contain.
SCRIPTS: dict[str, str] = {
    "Cyrillic": "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",
    "Greek": "\u0370-\u03ff\u1f00-\u1fff",
    "Armenian": "\u0530-\u058f",
    "Hebrew": "\u0590-\u05ff",
    "Arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff",
    "Devanagari": "\u0900-\u097f",
    "Thai": "\u0e00-\u0e7f",
    "Georgian": "\u10a0-\u10ff",
    "Hangul": "\u1100-\u11ff\uac00-\ud7af",
    "Kana": "\u3040-\u30ff",
    "Han": "\u3400-\u4dbf\u4e00-\u9fff",
}
# Cyrillic letters that look like Latin ones, and the Latin letter they pass for.
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕІЈЅ", "ABEKMHOPCTXaeopcyxijsIJS")
_WORD = re.compile(r"[^\W\d_]+")


def _run_pattern(scripts: tuple[str, ...]) -> re.Pattern[str]:
    letters = "".join(SCRIPTS[name] for name in scripts)
    return re.compile(rf"[{letters}]+(?:[\s\-‐‑'’.]+[{letters}]+)*")


_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _pattern(scripts: tuple[str, ...]) -> re.Pattern[str]:
    if scripts not in _CACHE:
        _CACHE[scripts] = _run_pattern(scripts)
    return _CACHE[scripts]


_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(f"[{SCRIPTS['Cyrillic']}]")


def _mixed(word: str) -> bool:
    return bool(_LATIN.search(word)) and bool(_CYRILLIC.search(word))


@register
class LeftoverScript(Check):
    """Text in a script English copy does not use (Cyrillic by default).

    Words the translation left in the source's script cannot be read by the audience and
    usually mark a name or term the machine could not handle. A capitalised Cyrillic run is
    likely a name: its common English romanisation is suggested; anything else needs a
    translator. The scripts flagged are an option (Greek is off by default, for symbols).

    Bad: at the Хмеймим air base
    Good: at the Khmeimim air base
    """

    code = "N221"
    name = "script.leftover"
    severity = Severity.ERROR
    subjects = frozenset({"name"})
    precedence = 25
    scope = "paragraph"
    options: ClassVar[Mapping[str, Option]] = {
        "scripts": Option(
            ("Cyrillic", "Armenian", "Hebrew", "Arabic", "Devanagari", "Thai", "Georgian", "Hangul", "Kana", "Han"),
            f"scripts to flag, from: {', '.join(SCRIPTS)}",
            choices=tuple(SCRIPTS),
        )
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.document.text
        pattern = _pattern(tuple(ctx.options.scripts))
        for match in pattern.finditer(text, segment.start, segment.end):
            if _LATIN.search(text[max(match.start() - 1, 0) : match.start()] + text[match.end() : match.end() + 1]):
                continue  # part of a mixed word: N222's business
            run = match.group()
            suggestion = None
            evidence = None
            if _CYRILLIC.match(run):
                romanised = transliterate(run, "english")
                evidence = romanised
                if run[:1].isupper():
                    suggestion = romanised
            yield self.finding(
                segment,
                match.start(),
                match.end(),
                f"“{run}” is not in the Latin script",
                suggestion=suggestion,
                evidence=evidence,
            )


@register
class MixedScriptWord(Check):
    """Word mixing Latin and Cyrillic letters that look alike.

    A Cyrillic `о`, `а` or `е` inside a Latin word is invisible on screen but makes the word
    a different string: search, spell-checking and name matching all miss it. The Latin
    look-alikes are suggested.

    Bad: Major General Igor Kоnashenkov (with a Cyrillic о)
    Good: Major General Igor Konashenkov
    """

    code = "N222"
    name = "script.mixed-word"
    severity = Severity.ERROR
    fixable = True
    subjects = frozenset({"name"})
    precedence = 52
    scope = "paragraph"

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.document.text
        if not _CYRILLIC.search(text, segment.start, segment.end):
            return  # no Cyrillic letter, so no mixed word
        for match in _WORD.finditer(text, segment.start, segment.end):
            word = match.group()
            if not _mixed(word):
                continue
            fixed = word.translate(HOMOGLYPHS)
            yield self.finding(
                segment,
                match.start(),
                match.end(),
                f"“{word}” mixes Latin and Cyrillic letters",
                suggestion=fixed if not _CYRILLIC.search(fixed) else None,
            )
