"""The core types every stage shares. Stdlib only; imports nothing from `audit`.

Offsets are half-open code-point offsets into `Document.text` exactly as read
(BOM, CRLF and all): nothing in mt-audit rewrites the text it audits.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            allowed = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {name!r} (allowed: {allowed})") from None


class SegmentKind(str, enum.Enum):
    DOCUMENT = "document"
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit of a bilingual file or feed, joined into `Document.text`.

    A finding maps back to "unit 17, chars 4-9" through its span.
    """

    id: str
    start: int
    end: int
    line: int | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    source: str | None = None
    source_lang: str | None = None
    retranslations: tuple[str, ...] = ()
    path: str | None = None
    # 1-based line in `path` where `text` begins (a JSONL record's line); reporters add it.
    line: int = 1
    # Whether `text` is the file's content verbatim, so lines/columns in it are file positions.
    verbatim: bool = True
    units: tuple[Unit, ...] = ()
    # What the input carried besides the text (a JSONL record's other fields: url, lang,
    # published...), passed through to the reports untouched; never audited.
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def unit_at(self, offset: int) -> Unit | None:
        for unit in self.units:
            if unit.start <= offset <= unit.end:
                return unit
        return None


@dataclass(frozen=True, slots=True)
class Segment:
    """A view into a document's text; never a copy of it."""

    doc: Document = field(repr=False, compare=False)
    kind: SegmentKind
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end <= len(self.doc.text):
            raise ValueError(f"segment [{self.start}, {self.end}) outside a text of {len(self.doc.text)}")

    @property
    def doc_id(self) -> str:
        return self.doc.id

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    def absolute(self, relative: int) -> int:
        """Convert a segment-relative offset to a document offset (the one place that does)."""
        if not 0 <= relative <= self.end - self.start:
            raise ValueError(f"offset {relative} outside segment of length {self.end - self.start}")
        return self.start + relative


def normalize_span_text(text: str) -> str:
    """The form of a span's text that baselines and variant grouping compare."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _check_span(start: int, end: int, text: str, what: str) -> None:
    if not 0 <= start <= end:
        raise ValueError(f"invalid {what} span [{start}, {end})")
    if len(text) != end - start:
        raise ValueError(f"{what} text does not match its span")


@dataclass(frozen=True, slots=True)
class Related:
    """Another rule's finding about the same defect, kept inside the finding that reports it.

    `audit.merge` folds findings that share a cause (one quotation mark, one name) into one;
    the others become `Related` records with their own span, so a reporter can show them and
    `mt-audit fix` can still apply their suggestions.
    """

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    message: str
    # The document text in [start, end).
    text: str
    suggestion: str | None = None
    evidence: str | None = None

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text, "related")


@dataclass(frozen=True, slots=True, order=False)
class Finding:
    code: str
    name: str
    severity: Severity
    doc_id: str
    start: int
    end: int
    message: str
    # The document text in [start, end): what the finding talks about.
    text: str
    # Replacement for [start, end) when the fix is unambiguous.
    suggestion: str | None = None
    # What the finding rests on: a re-translation's spelling, a chrF value, the other variant.
    evidence: str | None = None
    # Bilingual files: the unit the span falls in.
    unit_id: str | None = None
    # Other rules' findings about the same defect (and, for a rule reported once per
    # document, its other places), merged into this one by `audit.merge`.
    related: tuple[Related, ...] = ()

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text, "finding")

    @property
    def codes(self) -> tuple[str, ...]:
        """This finding's code, then its related findings' other codes, each once."""
        return tuple(dict.fromkeys((self.code, *(r.code for r in self.related))))

    def as_related(self) -> Related:
        return Related(
            code=self.code,
            name=self.name,
            severity=self.severity,
            start=self.start,
            end=self.end,
            message=self.message,
            text=self.text,
            suggestion=self.suggestion,
            evidence=self.evidence,
        )

    @property
    def fingerprint(self) -> str:
        """Stable across edits elsewhere in the document: code, document/unit and spanned text."""
        key = "\x1f".join((self.code, self.doc_id, self.unit_id or "", normalize_span_text(self.text)))
        return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.doc_id, self.start, self.end, self.code)


_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps offsets to 1-based (line, column); columns count code points.

    A line ends at LF, CRLF or a lone CR, so CRLF files report the lines an editor shows.
    """

    def __init__(self, text: str) -> None:
        starts = [0, *(match.end() for match in _LINE_END.finditer(text))]
        self._starts = starts
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line ending."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


class RetranslationStatus(str, enum.Enum):
    RAN = "ran"
    PRECOMPUTED = "precomputed"
    NOT_REQUESTED = "not-requested"
    UNAVAILABLE = "unavailable"


def frozen_mapping(values: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(values or {}))


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """MT sentences [mt_start, mt_end) aligned to sentences of one re-translation."""

    retranslation: int
    mt_start: int
    mt_end: int
    rt_text: str
    scores: Mapping[str, float] = field(default_factory=frozen_mapping)
    # Spans of the MT (document offsets) with no counterpart in the re-translation.
    divergent_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentResult:
    document: Document
    findings: tuple[Finding, ...] = ()
    # Document-level scores (corpus chrF++, BLEU, TER, consensus divergence) by name.
    scores: Mapping[str, float] = field(default_factory=frozen_mapping)
    alignments: tuple[AlignedPair, ...] = ()
    retranslations: tuple[str, ...] = ()
    retranslation_status: RetranslationStatus = RetranslationStatus.NOT_REQUESTED
    # A document that could not be read or audited: the reason, one line.
    error: str | None = None

    @property
    def doc_id(self) -> str:
        return self.document.id


@dataclass(frozen=True, slots=True)
class RunMeta:
    """What a report needs to say how it was made (sacrebleu-style signatures)."""

    version: str
    config_hash: str
    retranslation: str
    models: tuple[str, ...] = ()
    metric_signatures: Mapping[str, str] = field(default_factory=frozen_mapping)
    embedding_model: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Summary:
    """Running totals a reporter prints at the end; updated per document, so memory stays flat."""

    documents: int = 0
    errors: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    failed_documents: int = 0

    def add(self, result: DocumentResult, failed: bool = False) -> None:
        self.documents += 1
        if result.error is not None:
            self.errors += 1
        if failed:
            self.failed_documents += 1
        for finding in result.findings:
            self.findings += 1
            sev = str(finding.severity)
            self.by_severity[sev] = self.by_severity.get(sev, 0) + 1
            self.by_code[finding.code] = self.by_code.get(finding.code, 0) + 1
