"""Baselines: accept today's findings, report only new ones (findings -> baseline -> report).

A baseline file records findings by `Finding.fingerprint` (code, document/unit id and the
normalised spanned text), with how many times each occurred, so edits elsewhere in a
document do not break it. A finding is suppressed while its fingerprint has occurrences
left; a third occurrence of a text recorded twice is new. Entries that matched nothing by the
end of a run are reported as unused (sqlfluff), so stale baselines shrink. A malformed file
is an `InputError`, never a blanket ignore (flake8's trap).

    {"tool": "mt-audit", "baseline": 1, "version": "0.1.0",
     "findings": [{"fingerprint": "...", "code": "Q101", "document": "a.txt",
                   "unit": null, "text": "...", "count": 2}, ...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from audit.errors import InputError
from audit.types import DocumentResult, Finding, normalize_span_text

FORMAT_VERSION = 1
_ENTRY_KEYS: dict[str, type | tuple[type, ...]] = {"fingerprint": str, "code": str, "document": str, "unit": (str, type(None)), "text": str, "count": int}


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    fingerprint: str
    code: str
    document: str
    unit: str | None
    text: str
    count: int


class Baseline:
    """The suppressions of one run: each fingerprint's remaining occurrences."""

    def __init__(self, entries: list[BaselineEntry], origin: str = "baseline") -> None:
        self.origin = origin
        self._entries = {entry.fingerprint: entry for entry in entries}
        self._left = {entry.fingerprint: entry.count for entry in entries}
        self.suppressed = 0

    @classmethod
    def load(cls, path: Path) -> Baseline:
        display = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{display}: baseline not found; create it with --write-baseline {display}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{display}: cannot read baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{display}:{exc.lineno}:{exc.colno}: malformed baseline JSON: {exc.msg}") from None
        except RecursionError:
            raise InputError(f"{display}: malformed baseline JSON: nested too deeply") from None
        return cls(_entries(data, display), display)

    def apply(self, result: DocumentResult) -> DocumentResult:
        """The result without the findings the baseline still has occurrences for."""
        if not result.findings or not self._left:
            return result
        kept: list[Finding] = []
        for finding in result.findings:
            fingerprint = finding.fingerprint
            if self._left.get(fingerprint, 0) > 0:
                self._left[fingerprint] -= 1
                self.suppressed += 1
            else:
                kept.append(finding)
        if len(kept) == len(result.findings):
            return result
        return replace(result, findings=tuple(kept))

    def unused(self) -> Iterator[tuple[BaselineEntry, int]]:
        """Entries with occurrences no finding matched, and how many."""
        for fingerprint, left in self._left.items():
            if left > 0:
                yield self._entries[fingerprint], left


def _entries(data: Any, display: str) -> list[BaselineEntry]:
    if not isinstance(data, dict) or data.get("tool") != "mt-audit" or data.get("baseline") != FORMAT_VERSION:
        raise InputError(
            f"{display}: not an mt-audit baseline (version {FORMAT_VERSION}); write one with --write-baseline"
        )
    raw = data.get("findings")
    if not isinstance(raw, list):
        raise InputError(f"{display}: baseline \"findings\" must be a list")
    entries = []
    for index, item in enumerate(raw):
        where = f"{display}: findings[{index}]"
        if not isinstance(item, dict):
            raise InputError(f"{where}: must be an object")
        for key, kind in _ENTRY_KEYS.items():
            if key not in item:
                raise InputError(f"{where}: missing {key!r}")
            if not isinstance(item[key], kind) or isinstance(item[key], bool):
                raise InputError(f"{where}: {key!r} has the wrong type")
        if item["count"] < 1:
            raise InputError(f"{where}: 'count' must be at least 1")
        entries.append(BaselineEntry(**{key: item[key] for key in _ENTRY_KEYS}))
    return entries


class BaselineWriter:
    """Collects the run's findings by fingerprint (memory grows with distinct findings only)."""

    def __init__(self) -> None:
        self._entries: dict[str, BaselineEntry] = {}

    def add(self, result: DocumentResult) -> None:
        for finding in result.findings:
            fingerprint = finding.fingerprint
            entry = self._entries.get(fingerprint)
            if entry is None:
                entry = BaselineEntry(
                    fingerprint=fingerprint,
                    code=finding.code,
                    document=finding.doc_id,
                    unit=finding.unit_id,
                    text=normalize_span_text(finding.text),
                    count=0,
                )
            self._entries[fingerprint] = replace(entry, count=entry.count + 1)

    @property
    def findings(self) -> int:
        return sum(entry.count for entry in self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def dump(self, out: TextIO, version: str) -> None:
        entries = sorted(self._entries.values(), key=lambda e: (e.document, e.unit or "", e.code, e.text, e.fingerprint))
        out.write(f'{{"tool": "mt-audit", "baseline": {FORMAT_VERSION}, "version": {json.dumps(version)}, "findings": [')
        for index, entry in enumerate(entries):
            record = {key: getattr(entry, key) for key in _ENTRY_KEYS}
            out.write(("\n  " if index == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        out.write("\n]}\n")
