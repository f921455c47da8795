"""SARIF 2.1.0, for code-scanning dashboards (GitHub's upload-sarif among them), streamed.

One run. `tool.driver.rules` holds every selected rule with its summary and rationale from
the registry, so a dashboard can explain a finding without mt-audit installed. Each finding
is a result with a region in the file: line and columns for text files (`columnKind` is
`unicodeCodePoints`, as our columns count code points), the record's or unit's line for JSONL
feeds and bilingual files (their text is not the file verbatim), with the document and unit
as logical locations. `partialFingerprints` carries `Finding.fingerprint`, the key baselines
use, with its occurrence in the document (`FINGERPRINT:N`), so each result's is unique and
dashboards track a finding across edits elsewhere in the file. Other rules' findings merged
into a result (`Finding.related`) are its `relatedLocations` and `properties.related`.

Findings suppressed by a baseline are dropped before any reporter sees them (in every format
alike); SARIF `suppressions` are not emitted. Inputs that could not be read are
`toolExecutionNotifications` of the run's invocation, which is then not successful; they are
held until the end because JSON puts them after the streamed results (one small record each).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from audit.checks.base import Check, all_checks
from audit.report.base import Reporter, register_format
from audit.report.location import position
from audit.types import Document, DocumentResult, Finding, Related, RunMeta, Severity, Summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# v2: the fingerprint and its occurrence in the document, unique per result.
FINGERPRINT_KEY = "mtAudit/v2"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str | None:
    """A relative path stays relative (GitHub resolves it against the repository root)."""
    if not path or path.startswith("<"):
        return None
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def rationale(cls: type[Check]) -> str:
    """The rule's description up to its Bad:/Good: examples."""
    paragraphs = []
    for line in cls.description().splitlines():
        if line.strip().startswith(("Bad:", "Good:")):
            break
        paragraphs.append(line)
    return "\n".join(paragraphs).strip() or cls.summary()


def rule_descriptor(cls: type[Check]) -> dict[str, Any]:
    bad, good = cls.examples()
    examples = "\n".join([*(f"Bad: {b}" for b in bad), *(f"Good: {g}" for g in good)])
    markdown_examples = "\n".join([*(f"- Bad: `{b}`" for b in bad), *(f"- Good: `{g}`" for g in good)])
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": rationale(cls)},
        "help": {
            "text": f"{cls.summary()}\n\n{rationale(cls)}\n\n{examples}".strip(),
            "markdown": f"**{cls.summary()}**\n\n{rationale(cls)}\n\n{markdown_examples}".strip(),
        },
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {
            "tags": ["translation", cls.name.split(".")[0]],
            "scope": cls.scope,
            "requires": sorted(cls.requires),
            "fixable": cls.fixable,
        },
    }


def _region(document: Document, finding: Finding | Related) -> tuple[dict[str, Any], bool]:
    """The region in the file, and whether it has exact columns (text files only)."""
    start = position(document, finding.start)
    end = position(document, finding.end)
    if start.column is None or end.column is None:
        return {"startLine": start.line}, False
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}, True


def _logical_locations(document: Document, finding: Finding | None) -> list[dict[str, Any]]:
    if document.verbatim and not document.units:
        return []
    locations: list[dict[str, Any]] = [{"name": document.id, "fullyQualifiedName": document.id, "kind": "object"}]
    if finding is not None and finding.unit_id is not None and finding.unit_id != document.id:
        locations.append(
            {"name": finding.unit_id, "fullyQualifiedName": f"{document.id}#{finding.unit_id}", "kind": "element"}
        )
    return locations


def related_location(document: Document, related: Related, number: int) -> dict[str, Any]:
    location: dict[str, Any] = {"id": number, "message": {"text": f"{related.code}: {related.message}"}}
    uri = artifact_uri(document.path or "")
    if uri is not None:
        region, exact = _region(document, related)
        if exact:
            region["snippet"] = {"text": related.text}
        location["physicalLocation"] = {"artifactLocation": {"uri": uri}, "region": region}
    return location


def related_properties(related: Related) -> dict[str, Any]:
    return {
        "code": related.code,
        "name": related.name,
        "level": LEVELS[related.severity],
        "start": related.start,
        "end": related.end,
        "text": related.text,
        "message": related.message,
        "suggestion": related.suggestion,
        "evidence": related.evidence,
    }


def result_record(
    result: DocumentResult, finding: Finding, rule_index: dict[str, int], occurrence: int = 1
) -> dict[str, Any]:
    document = result.document
    where = position(document, finding.start)
    record: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    if finding.code in rule_index:
        record["ruleIndex"] = rule_index[finding.code]
    location: dict[str, Any] = {}
    region, exact = _region(document, finding)
    uri = artifact_uri(document.path or "")
    if uri is not None:
        if exact:
            region["snippet"] = {"text": finding.text}
        location["physicalLocation"] = {"artifactLocation": {"uri": uri}, "region": region}
    logical = _logical_locations(document, finding)
    if logical:
        location["logicalLocations"] = logical
    if location:
        record["locations"] = [location]
    if finding.related:
        record["relatedLocations"] = [
            related_location(document, related, number) for number, related in enumerate(finding.related, 1)
        ]
    record["partialFingerprints"] = {FINGERPRINT_KEY: f"{finding.fingerprint}:{occurrence}"}
    if finding.suggestion is not None and exact and uri is not None:
        deleted = {key: value for key, value in region.items() if key != "snippet"}
        record["fixes"] = [
            {
                "description": {"text": f"Replace with {finding.suggestion!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": finding.suggestion}}],
                    }
                ],
            }
        ]
    record["properties"] = {
        "name": finding.name,
        "documentId": document.id,
        "unit": finding.unit_id,
        "start": finding.start,
        "end": finding.end,
        "textLine": where.text_line,
        "textColumn": where.text_column,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "evidence": finding.evidence,
        "fingerprint": finding.fingerprint,
        "codes": list(finding.codes),
        "related": [related_properties(related) for related in finding.related],
    }
    return record


def error_notification(result: DocumentResult) -> dict[str, Any]:
    document = result.document
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": result.error or "could not be audited"},
        "descriptor": {"id": "input-error"},
    }
    uri = artifact_uri(document.path or "")
    if uri is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        if document.line:
            physical["region"] = {"startLine": document.line}
        notification["locations"] = [{"physicalLocation": physical}]
    return notification


@register_format
class SarifReporter(Reporter):
    """The log's head (tool, rules) first, results as documents arrive, the invocation last."""

    name = "sarif"

    def start(self, meta: RunMeta) -> None:
        super().start(meta)
        rules = [cls for cls in all_checks() if self.config.is_selected(cls.code, cls.name)]
        self._rule_index = {cls.code: index for index, cls in enumerate(rules)}
        self._errors: list[dict[str, Any]] = []
        self._first = True
        driver = {
            "name": "mt-audit",
            "version": meta.version,
            "semanticVersion": meta.version,
            "rules": [rule_descriptor(cls) for cls in rules],
        }
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        run_head = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"}
        self.out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "runs": [')
        self.out.write(json.dumps(run_head, ensure_ascii=False)[:-1] + ', "results": [')

    def document(self, result: DocumentResult, failed: bool) -> None:
        if result.error is not None:
            self._errors.append(error_notification(result))
        occurrences: dict[str, int] = {}
        for finding in result.findings:
            occurrence = occurrences[finding.fingerprint] = occurrences.get(finding.fingerprint, 0) + 1
            record = result_record(result, finding, self._rule_index, occurrence)
            self.out.write(("\n" if self._first else ",\n") + json.dumps(record, ensure_ascii=False))
            self._first = False

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": summary.errors == 0, "toolExecutionNotifications": self._errors}
        properties = {
            "configHash": self.meta.config_hash,
            "retranslation": self.meta.retranslation,
            "models": list(self.meta.models),
            "metricSignatures": dict(self.meta.metric_signatures),
            "embeddingModel": self.meta.embedding_model,
            "notes": list(self.meta.notes),
            "summary": {
                "documents": summary.documents,
                "errors": summary.errors,
                "findings": summary.findings,
                "failedDocuments": summary.failed_documents,
                "bySeverity": summary.by_severity,
                "byCode": summary.by_code,
            },
        }
        tail = ', "invocations": ' + json.dumps([invocation], ensure_ascii=False)
        tail += ', "properties": ' + json.dumps(properties, ensure_ascii=False)
        self.out.write("\n]" + tail + "}]}\n")
