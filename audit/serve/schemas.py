"""The JSON API's bodies: every request field named, typed and bounded; anything else is refused.

A document is exactly a JSONL record of the CLI (README: id, text, source, source_lang,
retranslations). Settings are the config keys a client may change for one request; none of
them is a path on the server: a glossary arrives as its content. The response models
describe the `--format json` report for the OpenAPI docs; the API writes that report with the
JSON reporter itself, so the two cannot drift apart (a test holds the models to it).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# A BCP 47-ish language tag: `ru`, `zh-Hans`, `pt_BR`.
LANGUAGE_TAG = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"
SeverityName = Literal["error", "warning", "info"]
Mode = Literal["auto", "roundtrip", "direct", "off"]


class Strict(BaseModel):
    """Unknown fields are an error (422), not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class DocumentIn(Strict):
    """One document: the MT English, and optionally its source and re-translations."""

    id: str = Field(default="story", min_length=1, max_length=1000, description="Document id, as in reports.")
    text: str = Field(min_length=1, description="The machine-translated English, exactly as it should be audited.")
    source: str | None = Field(default=None, description="The text it was translated from.")
    source_lang: str | None = Field(default=None, pattern=LANGUAGE_TAG, description="Language of `source`, e.g. ru.")
    retranslations: list[str] = Field(
        default_factory=list, max_length=16, description="English re-translations of the whole text, from any system."
    )


class Settings(Strict):
    """The config keys one request may change; the server's config supplies the rest."""

    select: list[str] | None = Field(default=None, description="Codes, prefixes or rule names to run.")
    ignore: list[str] | None = Field(default=None, description="Codes, prefixes or rule names to skip.")
    extend_select: list[str] | None = Field(default=None, description="Added to the selection.")
    severity: dict[str, SeverityName] | None = Field(default=None, description="Severity by code.")
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    max_divergence: float | None = Field(default=None, ge=0)
    max_findings: int | None = Field(default=None, ge=0)
    retranslate: Mode | None = Field(
        default=None,
        description="How re-translations are made; `off` uses the document's own only (no model). "
        "Default: the server's mode. Model re-translation queues behind a bound on concurrency.",
    )


class AuditRequest(Strict):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)
    glossary: str | None = Field(
        default=None,
        description="A glossary's content (TSV or CSV: canonical name, then variants). "
        "Default: the server's glossary; an empty string: none.",
    )
    config: Settings = Field(default_factory=lambda: Settings())


class FindingRef(Strict):
    """A finding of the latest audit, by code and span."""

    code: str = Field(max_length=16)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class FixRequest(Strict):
    document: DocumentIn
    glossary: str | None = None
    config: Settings = Field(default_factory=lambda: Settings())
    finding: FindingRef | None = Field(
        default=None, description="Apply this finding's suggestion; without it, every unambiguous fix (`mt-audit fix`)."
    )


class FixResponse(Strict):
    text: str = Field(description="The text with the fixes applied.")
    changed: bool
    applied: int = Field(description="Fixes applied.")
    remaining: int = Field(description="Fixable findings left that keep conflicting (make them by hand).")
    diff: str = Field(description="The change as a unified diff.")


class ReadRequest(Strict):
    name: str = Field(
        min_length=1,
        max_length=255,
        description="The file's name: its extension picks the reader (.txt, .jsonl, .xlf, .tmx, .po).",
    )
    content_base64: str = Field(description="The file's bytes, base64-encoded.")


class DocumentRead(DocumentIn):
    line: int = Field(default=1, description="Line in the file where the document begins.")


class ReadResponse(Strict):
    documents: list[DocumentRead]
    errors: list[str] = Field(description="Records that could not be read, one line each (file:line: reason).")


# --- the `--format json` report, described for the docs ---------------------------------------


class RelatedOut(Strict):
    """Another rule's finding on the same mark or name, merged into a finding."""

    code: str
    name: str
    severity: SeverityName
    start: int
    end: int
    line: int
    column: int | None
    text: str
    message: str
    suggestion: str | None
    evidence: str | None


class FindingOut(RelatedOut):
    """A finding: its place in the document text too, its fingerprint, and what was merged into it."""

    text_line: int
    text_column: int
    end_text_line: int
    end_text_column: int
    unit: str | None
    fingerprint: str
    # The finding's code, then the codes of the rules whose findings were merged into it.
    codes: list[str]
    related: list[RelatedOut]


class AlignmentOut(Strict):
    retranslation: int
    mt_start: int
    mt_end: int
    rt_text: str
    scores: dict[str, float]
    divergent_spans: list[list[int]]


class DocumentOut(Strict):
    id: str
    path: str | None
    line: int
    # A JSONL record's fields other than the known ones (url, published, …), when there are any.
    metadata: dict[str, Any] | None = None
    error: str | None
    failed: bool
    retranslation_status: Literal["ran", "precomputed", "not-requested", "unavailable"]
    scores: dict[str, float]
    retranslations: list[str]
    alignments: list[AlignmentOut]
    findings: list[FindingOut]


class SummaryOut(Strict):
    documents: int
    errors: int
    findings: int
    by_severity: dict[str, int]
    by_code: dict[str, int]
    failed_documents: int


class MetaOut(Strict):
    tool: Literal["mt-audit"]
    schema_: int = Field(alias="schema")
    version: str
    config_hash: str
    retranslation: str
    models: list[str]
    metric_signatures: dict[str, str]
    embedding_model: str | None
    notes: list[str]


class AuditReport(Strict):
    """The report of `mt-audit check --format json`."""

    documents: list[DocumentOut]
    summary: SummaryOut
    meta: MetaOut


class Panels(Strict):
    """The HTML report's parts for one document, rendered by its own templates."""

    text: str = Field(description="The text with every finding highlighted (`mark.finding`, ids f0-N).")
    findings: str = Field(description="The finding list.")
    variants: str = Field(description="The name-variant table, or empty.")
    retranslations: str = Field(description="Each re-translation beside the MT, divergent words marked.")


class WorkspaceResponse(Strict):
    report: AuditReport
    panels: Panels
    fixable: list[str] = Field(description="Codes whose suggestions `fix` applies without asking.")


class Problem(Strict):
    detail: Any = Field(description="One line saying what is wrong and what to do, or the validation errors.")
