"""JSON (one object) and JSONL (one line per document) reports, streamed.

Schema (documented in README.md): meta, then per document its id, path, metadata (when the
input carried any), status, scores, alignments and findings (code, name, severity, start, end,
line, column, text, message, suggestion, evidence, unit, fingerprint, codes, related), then a
summary. `related` lists the other rules' findings merged into a finding (same fields, less unit
and fingerprint), and `codes` the finding's code and theirs.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from audit.report.base import Reporter, register_format
from audit.report.location import position
from audit.types import AlignedPair, DocumentResult, Finding, Related, RunMeta, Summary

SCHEMA_VERSION = 1


def meta_record(meta: RunMeta) -> dict[str, Any]:
    return {
        "tool": "mt-audit",
        "schema": SCHEMA_VERSION,
        "version": meta.version,
        "config_hash": meta.config_hash,
        "retranslation": meta.retranslation,
        "models": list(meta.models),
        "metric_signatures": dict(meta.metric_signatures),
        "embedding_model": meta.embedding_model,
        "notes": list(meta.notes),
    }


def finding_record(result: DocumentResult, finding: Finding) -> dict[str, Any]:
    start = position(result.document, finding.start)
    end = position(result.document, finding.end)
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "start": finding.start,
        "end": finding.end,
        "line": start.line,
        "column": start.column,
        "text_line": start.text_line,
        "text_column": start.text_column,
        "end_text_line": end.text_line,
        "end_text_column": end.text_column,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "evidence": finding.evidence,
        "unit": finding.unit_id,
        "fingerprint": finding.fingerprint,
        "codes": list(finding.codes),
        "related": [related_record(result, related) for related in finding.related],
    }


def related_record(result: DocumentResult, related: Related) -> dict[str, Any]:
    """Another rule's finding merged into this one (or another place of a once-per-document rule)."""
    start = position(result.document, related.start)
    return {
        "code": related.code,
        "name": related.name,
        "severity": str(related.severity),
        "start": related.start,
        "end": related.end,
        "line": start.line,
        "column": start.column,
        "text": related.text,
        "message": related.message,
        "suggestion": related.suggestion,
        "evidence": related.evidence,
    }


def alignment_record(pair: AlignedPair) -> dict[str, Any]:
    return {
        "retranslation": pair.retranslation,
        "mt_start": pair.mt_start,
        "mt_end": pair.mt_end,
        "rt_text": pair.rt_text,
        "scores": dict(pair.scores),
        "divergent_spans": [list(span) for span in pair.divergent_spans],
    }


def document_record(result: DocumentResult, failed: bool) -> dict[str, Any]:
    document = result.document
    # The input's own fields (a JSONL record's url, lang...), only when it carried any.
    metadata = {"metadata": dict(document.metadata)} if document.metadata else {}
    return {
        "id": document.id,
        "path": document.path,
        "line": document.line,
        **metadata,
        "error": result.error,
        "failed": failed,
        "retranslation_status": result.retranslation_status.value,
        "scores": dict(result.scores),
        "retranslations": list(result.retranslations),
        "alignments": [alignment_record(pair) for pair in result.alignments],
        "findings": [finding_record(result, f) for f in result.findings],
    }


def summary_record(summary: Summary) -> dict[str, Any]:
    return asdict(summary)


@register_format
class JsonReporter(Reporter):
    """One JSON object, written as results arrive: the document list is streamed."""

    name = "json"

    def start(self, meta: RunMeta) -> None:
        super().start(meta)
        self.out.write('{"documents": [')
        self._first = True

    def document(self, result: DocumentResult, failed: bool) -> None:
        self.out.write(("\n" if self._first else ",\n") + json.dumps(document_record(result, failed), ensure_ascii=False))
        self._first = False

    def finish(self, summary: Summary) -> None:
        self.out.write('\n], "summary": ' + json.dumps(summary_record(summary), ensure_ascii=False))
        self.out.write(', "meta": ' + json.dumps(meta_record(self.meta), ensure_ascii=False) + "}\n")


@register_format
class JsonLinesReporter(Reporter):
    """One line per record: {"type": "meta"} (the plan), "document" lines, then "summary" with the final meta."""

    name = "jsonl"

    def start(self, meta: RunMeta) -> None:
        super().start(meta)
        self._line({"type": "meta", **meta_record(meta)})

    def document(self, result: DocumentResult, failed: bool) -> None:
        self._line({"type": "document", **document_record(result, failed)})

    def finish(self, summary: Summary) -> None:
        self._line({"type": "summary", **summary_record(summary), "meta": meta_record(self.meta)})

    def _line(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
