"""Drives the stages per document and yields `DocumentResult`s as a stream.

read -> segment -> model-free checks -> re-translate -> align -> score -> divergence checks
-> merge (one finding per defect, `audit.merge`).
Documents are taken in chunks so re-translation can batch across documents while memory
stays flat in the size of the feed.
"""

from __future__ import annotations

import collections
import itertools
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from audit.checks.base import SCOPE_KINDS, Check, CheckContext, FeedReview, Options, all_checks
from audit.config import Config
from audit.io.base import ReadFailure
from audit.merge import merge_findings
from audit.segment import split_paragraphs
from audit.types import Document, DocumentResult, Finding, RunMeta, Segment, SegmentKind, frozen_mapping

log = logging.getLogger(__name__)


class CheckCrash(Exception):
    """A check raised: a bug in mt-audit, reported with the check's code and place."""


@dataclass(frozen=True)
class ActiveCheck:
    check: Check
    options: Mapping[str, Any]


def active_checks(config: Config) -> list[ActiveCheck]:
    """The selected checks with their options resolved (class defaults < config, which validated them)."""
    known = {cls.name: cls for cls in all_checks()}
    selected = []
    for cls in known.values():
        if config.is_selected(cls.code, cls.name):
            options = {key: option.default for key, option in cls.options.items()}
            options.update(config.checks.get(cls.name, {}))
            selected.append(ActiveCheck(cls(), options))
    return selected


def load_knowledge(config: Config) -> None:
    """Load what the settings name (the glossary, the name finder) once, before the first document.

    A missing or malformed glossary or an unknown `--ner` is then one ConfigError for the
    run, not a crash reported in every document; the loaders cache what they load.
    """
    from audit.names.finder import mention_finder
    from audit.names.glossary import load_glossary, resolve_glossary_path

    if config.glossary:
        load_glossary(resolve_glossary_path(config.glossary, config.origin))
    if config.ner:
        mention_finder(config.ner)


def needs_retranslation(checks: Sequence[ActiveCheck]) -> bool:
    return any("retranslation" in active.check.requires for active in checks)


def make_context(document: Document, config: Config) -> CheckContext:
    paragraphs = split_paragraphs(document, config.paragraphs)
    return CheckContext(
        document=document,
        config=config,
        paragraphs=paragraphs,
    )


def run_checks(
    ctx: CheckContext,
    checks: Sequence[ActiveCheck],
    *,
    with_retranslation: bool,
    strict: bool = False,
) -> list[Finding]:
    """Run the checks of one stage (model-free, or those needing re-translations)."""
    document = ctx.document
    findings: list[Finding] = []
    for active in checks:
        check = active.check
        if ("retranslation" in check.requires) != with_retranslation:
            continue
        if "source" in check.requires and not document.source:
            continue
        if check.scope == "feed":
            continue  # noted per document by `feed_notes`, judged by the feed stage
        check_ctx = ctx.for_check(check, active.options)
        tally = RuleTally()
        for segment in _segments(ctx, check.scope):
            try:
                for finding in check.run(segment, check_ctx):
                    tally.add(finding)
            except Exception as exc:
                if strict:
                    raise
                log.exception("check %s crashed", check.code)
                raise CheckCrash(
                    f"{document.path or document.id}: check {check.code} ({check.name}) crashed on "
                    f"[{segment.start}, {segment.end}): {type(exc).__name__}: {exc}; please report this"
                ) from exc
        findings.extend(tally.findings())
    config = ctx.config
    if config.severity:
        findings = [
            replace(f, severity=config.severity[f.code]) if f.code in config.severity else f for f in findings
        ]
    return findings


# A rule lists at most this many findings in one document; one more finding says how many it
# did not list. Hostile text (a megabyte of quote marks) would otherwise make a finding per
# character, and the report's memory grow with it.
FINDINGS_PER_RULE = 100


class RuleTally:
    """One rule's findings in one document: the first `limit` kept, the rest only counted."""

    def __init__(self, limit: int = FINDINGS_PER_RULE) -> None:
        self.limit = limit
        self.kept: list[Finding] = []
        self.unlisted = 0
        self._next: Finding | None = None

    def add(self, finding: Finding) -> None:
        if len(self.kept) < self.limit:
            self.kept.append(finding)
            return
        if self._next is None:
            self._next = finding
        self.unlisted += 1

    def findings(self) -> list[Finding]:
        """The kept findings, then (when any were not) one on the first unlisted span: "and K more like this"."""
        if self._next is None:
            return self.kept
        summary = replace(
            self._next,
            message=(
                f"and {self.unlisted:,} more like this, not listed (a rule lists at most {self.limit} findings "
                f"per document); the next: {self._next.message}"
            ),
            suggestion=None,
            evidence=None,
        )
        return [*self.kept, summary]


def _segments(ctx: CheckContext, scope: str) -> Sequence[Segment]:
    kind = SCOPE_KINDS[scope]  # type: ignore[index]
    if kind is SegmentKind.PARAGRAPH:
        return ctx.paragraphs
    if kind is SegmentKind.SENTENCE:
        return ctx.sentences
    return (Segment(ctx.document, SegmentKind.DOCUMENT, 0, len(ctx.document.text)),)


def document_fails(result: DocumentResult, config: Config) -> bool:
    """Whether a document fails the gate: findings at or above fail-on, or a threshold crossed."""
    threshold = config.fail_threshold()
    if threshold is not None and any(f.severity >= threshold for f in result.findings):
        return True
    if config.max_findings is not None and len(result.findings) > config.max_findings:
        return True
    divergence = result.scores.get("divergence")
    return config.max_divergence is not None and divergence is not None and divergence > config.max_divergence


def failure_result(item: ReadFailure) -> DocumentResult:
    document = Document(id=item.id, text="", path=item.path, line=item.line or 1)
    return DocumentResult(document=document, error=str(item))


class Auditor:
    """One audit run: the selected checks, the re-translation stage when needed, and its metadata.

    Building it loads the models (or records why they could not be loaded), so the run
    metadata is known before the first document is reported.
    """

    def __init__(self, config: Config, *, strict: bool = False, chunk_size: int = 64) -> None:
        self.config = config
        self.strict = strict
        self.chunk_size = chunk_size
        self.checks = active_checks(config)
        load_knowledge(config)
        for active in self.checks:
            active.check.prepare(config)
        self.stage = _retranslation_stage(config, self.checks)

    def meta(self) -> RunMeta:
        from audit import __version__

        stage = self.stage
        if stage is None:
            return RunMeta(version=__version__, config_hash=self.config.hash(), retranslation="not-requested")
        return RunMeta(
            version=__version__,
            config_hash=self.config.hash(),
            retranslation=stage.status_line(),
            models=tuple(stage.models),
            metric_signatures=frozen_mapping(stage.signatures),
            embedding_model=stage.embedding_model,
            notes=tuple(stage.notes),
        )

    def record(self) -> Any:
        """What the re-translation stage has learnt so far (an `evidence.StageRecord`), or None without one."""
        return None if self.stage is None else self.stage.record()

    def absorb(self, record: Any) -> None:
        """Take in what another auditor's stage learnt on part of this run (a Ray worker's), for `meta()`."""
        if self.stage is not None:
            self.stage.absorb(record)

    def audit(self, items: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        """Audit a stream of documents; failures come out as error results in their place."""
        return self.across_feed(self._chunks(items))

    def _chunks(self, items: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, self.chunk_size)):
            documents = [item for item in chunk if isinstance(item, Document)]
            yield from self.assemble(chunk, check_model_free(documents, self.config, self.checks, self.strict))

    def across_feed(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        """The feed stage: feed-scope checks judge the ordered stream of results (any engine's).

        Each result is held back until its check's `lookahead` later documents have been seen
        (or the feed ends), then given the feed-scope findings and released without its notes;
        memory is the look-ahead window plus what each check keeps (bounded by design).
        """
        feed = [active for active in self.checks if active.check.scope == "feed"]
        if not feed:
            yield from results
            return
        reviews = [(active.check, active.check.review(Options(active.options))) for active in feed]
        lookahead = max(review.lookahead for _, review in reviews)
        window: collections.deque[DocumentResult] = collections.deque()
        for result in results:
            if result.error is None:
                for check, review in reviews:
                    review.add(result.document, result.feed_notes.get(check.code))
            window.append(result)
            if len(window) > lookahead:
                yield self._judged(window.popleft(), reviews)
        while window:
            yield self._judged(window.popleft(), reviews)

    def _judged(self, result: DocumentResult, reviews: Sequence[tuple[Check, FeedReview]]) -> DocumentResult:
        if result.error is not None or not result.feed_notes:
            return replace(result, feed_notes=frozen_mapping()) if result.feed_notes else result
        found: list[Finding] = []
        for check, review in reviews:
            try:
                found.extend(review.judge(result.document, result.feed_notes.get(check.code)))
            except Exception as exc:
                if self.strict:
                    raise
                return replace(result, error=str(_crash(result.document, check, exc)), feed_notes=frozen_mapping())
        severity = self.config.severity
        found = [replace(f, severity=severity[f.code]) if f.code in severity else f for f in found]
        findings = merge_findings([*result.findings, *found]) if found else result.findings
        return replace(result, findings=findings, feed_notes=frozen_mapping())

    def assemble(self, chunk: Sequence[Document | ReadFailure], checked: Sequence[ModelFree]) -> Iterator[DocumentResult]:
        """Results of a chunk in input order, given its documents' model-free outcomes.

        The model-free stage may have run in another process (`--jobs`); re-translation,
        which batches across the chunk and holds the models, runs here.
        """
        outcomes = iter(checked)
        pending: list[tuple[int, CheckContext, list[Finding]]] = []
        results: list[DocumentResult | None] = []
        notes: dict[int, Mapping[str, Any]] = {}
        for item in chunk:
            if isinstance(item, ReadFailure):
                results.append(failure_result(item))
                continue
            findings, error, feed_notes = next(outcomes)
            if error is not None:
                results.append(DocumentResult(document=item, error=error))
            elif self.stage is None:
                findings_ = merge_findings(findings)
                results.append(DocumentResult(document=item, findings=findings_, feed_notes=frozen_mapping(feed_notes)))
            else:
                notes[len(results)] = feed_notes
                pending.append((len(results), make_context(item, self.config), findings))
                results.append(None)
        for index, result in finish_chunk(pending, self.stage, self.checks, self.strict):
            results[index] = replace(result, feed_notes=frozen_mapping(notes[index])) if notes[index] else result
        yield from (result for result in results if result is not None)


# A document's model-free findings, or the report of the check that crashed on it, and what
# feed-scope checks noted about it (by code).
ModelFree = tuple[list[Finding], str | None, Mapping[str, Any]]


def check_model_free(
    documents: Sequence[Document], config: Config, checks: Sequence[ActiveCheck], strict: bool
) -> list[ModelFree]:
    outcomes: list[ModelFree] = []
    for document in documents:
        ctx = make_context(document, config)
        try:
            findings = run_checks(ctx, checks, with_retranslation=False, strict=strict)
            outcomes.append((findings, None, feed_notes(ctx, checks, strict=strict)))
        except CheckCrash as exc:
            outcomes.append(([], str(exc), {}))
    return outcomes


def feed_notes(ctx: CheckContext, checks: Sequence[ActiveCheck], *, strict: bool = False) -> dict[str, Any]:
    """What each feed-scope check notes about the document (sharing the model-free checks' memo)."""
    notes: dict[str, Any] = {}
    for active in checks:
        check = active.check
        if check.scope != "feed":
            continue
        try:
            notes[check.code] = check.observe(ctx.for_check(check, active.options))
        except Exception as exc:
            if strict:
                raise
            raise _crash(ctx.document, check, exc) from exc
    return notes


def _crash(document: Document, check: Check, exc: Exception) -> CheckCrash:
    """A feed-scope check that raised, reported like a crashing document check."""
    log.exception("check %s crashed", check.code)
    where = document.path or document.id
    return CheckCrash(f"{where}: check {check.code} ({check.name}) crashed: {type(exc).__name__}: {exc}; please report this")


def audit_documents(
    items: Iterable[Document | ReadFailure], config: Config, *, strict: bool = False
) -> Iterator[DocumentResult]:
    """Audit a stream of documents with a one-off `Auditor`."""
    return Auditor(config, strict=strict).audit(items)


def finish_chunk(
    pending: list[tuple[int, CheckContext, list[Finding]]],
    stage: Any,
    checks: Sequence[ActiveCheck],
    strict: bool,
) -> Iterator[tuple[int, DocumentResult]]:
    """Re-translate the chunk (when asked for), then run the checks that need it."""
    if stage is None:
        for index, ctx, findings in pending:
            yield index, DocumentResult(document=ctx.document, findings=merge_findings(findings))
        return
    evidence = stage.evaluate([ctx.document for _, ctx, _ in pending])
    for (index, ctx, findings), doc_evidence in zip(pending, evidence, strict=True):
        extra: list[Finding] = []
        error = None
        if doc_evidence.available:
            try:
                extra = run_checks(replace(ctx, evidence=doc_evidence), checks, with_retranslation=True, strict=strict)
            except CheckCrash as exc:
                error = str(exc)
        yield index, DocumentResult(
            document=ctx.document,
            findings=merge_findings([*findings, *extra]),
            scores=doc_evidence.scores,
            alignments=doc_evidence.alignments,
            retranslations=doc_evidence.retranslations,
            retranslation_status=doc_evidence.status,
            error=error,
        )


def _retranslation_stage(config: Config, checks: Sequence[ActiveCheck]) -> Any:
    """The re-translate/align/score stage, or None when no selected check needs it."""
    if not needs_retranslation(checks):
        return None
    from audit.evidence import RetranslationStage

    return RetranslationStage(config)
