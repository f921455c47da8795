"""Applying the suggestions that have one right answer (`mt-audit fix`).

Only findings of rules that declare `fixable = True` are applied: a quote mark, spacing, a
glossary spelling. Fixes are replacements of [start, end) in the text exactly as read, so
everything outside the fixed spans (CRLF, a BOM, other characters) is unchanged byte for
byte. Overlapping fixes are resolved deterministically: in (start, end, code) order, a fix
that overlaps one already taken is skipped, and the text is audited again, so a skipped fix
that still applies is made on the next pass. Passes repeat until nothing is left to fix
(at most `MAX_PASSES`), which is why fixing a fixed text changes nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from audit.config import Config
from audit.pipeline import Auditor, active_checks
from audit.types import Document, Finding

MAX_PASSES = 10
_LINES = re.compile(r"[^\n]*\n|[^\n]+$")


@dataclass(frozen=True, slots=True)
class FixOutcome:
    document: Document
    text: str
    applied: int
    # Fixable findings still present when the passes ran out (fixes that keep undoing each other).
    remaining: int

    @property
    def changed(self) -> bool:
        return self.text != self.document.text


def fix_config(config: Config) -> Config:
    """`config` narrowed to its selected rules that are fixable, so nothing else runs (or loads a model)."""
    codes = tuple(active.check.code for active in active_checks(config) if active.check.fixable)
    return replace(config, select=codes, extend_select=())


def fixable_codes(auditor: Auditor) -> frozenset[str]:
    return frozenset(active.check.code for active in auditor.checks if active.check.fixable)


def choose_fixes(findings: Iterable[Finding], fixable: frozenset[str]) -> list[Finding]:
    """The fixes to apply together: fixable, not a no-op, and not overlapping an earlier one."""
    candidates = sorted(
        (f for f in findings if f.code in fixable and f.suggestion is not None and f.suggestion != f.text),
        key=lambda f: (f.start, f.end, f.code, f.suggestion or ""),
    )
    chosen: list[Finding] = []
    for finding in candidates:
        if chosen and _overlaps(chosen[-1], finding):
            continue
        chosen.append(finding)
    return chosen


def _overlaps(kept: Finding, new: Finding) -> bool:
    """`new` sorts after `kept`; two insertions at one point also conflict (their order is arbitrary)."""
    if new.start < kept.end:
        return True
    return kept.start == kept.end == new.start == new.end


def apply_fixes(text: str, fixes: Sequence[Finding]) -> str:
    """Replace each fix's span with its suggestion; `fixes` are sorted and do not overlap."""
    parts: list[str] = []
    cursor = 0
    for finding in fixes:
        if finding.start < cursor or finding.suggestion is None:
            raise ValueError(f"fix {finding.code} at [{finding.start}, {finding.end}) overlaps or has no suggestion")
        if text[finding.start : finding.end] != finding.text:
            raise ValueError(f"fix {finding.code} at [{finding.start}, {finding.end}) does not match the text")
        parts.append(text[cursor : finding.start])
        parts.append(finding.suggestion)
        cursor = finding.end
    parts.append(text[cursor:])
    return "".join(parts)


def fix_document(document: Document, auditor: Auditor) -> FixOutcome:
    """Audit, apply the chosen fixes, and audit again until nothing fixable is left."""
    fixable = fixable_codes(auditor)
    text = document.text
    applied = 0
    remaining = 0
    for _ in range(MAX_PASSES):
        [result] = auditor.audit([replace(document, text=text)])
        fixes = choose_fixes(result.findings, fixable)
        remaining = len(fixes)
        if not fixes:
            break
        text = apply_fixes(text, fixes)
        applied += len(fixes)
    return FixOutcome(document=document, text=text, applied=applied, remaining=remaining)


def unified_diff(path: str, before: str, after: str) -> str:
    """A `git apply`-able unified diff; lines split at LF only, so CR and CRLF show as they are."""
    lines = difflib.unified_diff(_LINES.findall(before), _LINES.findall(after), f"a/{path}", f"b/{path}")
    out: list[str] = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
