"""What the server does for each request, on the same pipeline, config and fixes as the CLI.

One `AuditService` per server: the config loaded at start-up (file and flags, as for
`check`), the models loaded then too (`load_models`), and a `RetranslationQueue` that lets a
bounded number of requests use them at once. Each request is a run of its own: an `Auditor`
on the server's config with the request's settings applied, whose metadata says what that
request did. Model-free requests (and those with `retranslate: off`) never wait in the queue.
The re-translation cache is the CLI's (same directory, same keys), so either one's work
serves the other.

Glossaries arrive as content, never as a path: `KnowledgeFiles` validates each one and keeps
it as a file named by its digest in a private folder, because the name checks load
glossaries by path, once per path.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audit.config import Config, apply
from audit.errors import AuditError, ConfigError, InputError
from audit.fix import apply_fixes, fix_config, fix_document, fixable_codes, unified_diff
from audit.io import READERS
from audit.io.base import ReadFailure
from audit.io.text import read_text
from audit.names.glossary import load_glossary, parse_glossary, resolve_glossary_path
from audit.names.house import load_house_names
from audit.pipeline import Auditor, document_fails
from audit.report import FORMATS
from audit.serve.schemas import AuditRequest, DocumentIn, FixRequest, FixResponse, ReadRequest, Settings
from audit.translate.base import ModelUnavailable
from audit.translate.routes import roundtrip_routes
from audit.types import Document, DocumentResult, RunMeta, Summary

# Glossary files kept at once; the oldest unused one goes first.
MAX_KNOWLEDGE_FILES = 64
# Uploaded files are read with the CLI's readers, by extension; anything else is text.
UPLOAD_EXTENSIONS = (".txt", ".text", ".md", *READERS)


class Busy(AuditError):
    """Every re-translation slot is taken and the line is full: come back later (503)."""


class Conflict(AuditError):
    """The request refers to a finding the text no longer has (409)."""


class RetranslationQueue:
    """At most `workers` requests re-translate at once and `waiting` more wait in line, each
    for at most `timeout` seconds; the rest are turned away at once (`Busy`)."""

    def __init__(self, workers: int = 1, waiting: int = 8, timeout: float = 300.0) -> None:
        if workers < 1 or waiting < 0:
            raise ConfigError(
                f"re-translation queue: need at least one worker and no negative line ({workers}, {waiting})"
            )
        self.workers = workers
        self.timeout = timeout
        self._running = threading.BoundedSemaphore(workers)
        self._admitted = threading.BoundedSemaphore(workers + waiting)

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        if not self._admitted.acquire(blocking=False):
            raise Busy("every re-translation slot is taken and the queue is full; retry in a minute")
        try:
            if not self._running.acquire(timeout=self.timeout):
                raise Busy(f"waited {self.timeout:g} s for a re-translation slot; retry later")
            try:
                yield
            finally:
                self._running.release()
        finally:
            self._admitted.release()


class KnowledgeFiles:
    """Glossaries sent as content, validated and kept as files named by their digest."""

    def __init__(self, folder: Path, limit: int = MAX_KNOWLEDGE_FILES) -> None:
        self.folder = folder
        self.limit = limit
        self._kept: OrderedDict[str, Path] = OrderedDict()
        self._lock = threading.Lock()

    def glossary(self, content: str) -> str:
        """The path of a file holding `content`; raises ConfigError naming `glossary:LINE`."""
        digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        with self._lock:
            path = self._kept.get(digest)
            if path is not None:
                self._kept.move_to_end(digest)
                return str(path)
        parse_glossary(content, "glossary")
        path = self.folder / f"glossary-{digest}.tsv"
        path.write_text(content, encoding="utf-8")
        with self._lock:
            self._kept[digest] = path
            while len(self._kept) > self.limit:
                _, old = self._kept.popitem(last=False)
                old.unlink(missing_ok=True)
        return str(path)


@dataclass(frozen=True)
class Run:
    """One request's audit: its config, its metadata and its results, with the gate's verdict."""

    config: Config
    meta: RunMeta
    results: tuple[DocumentResult, ...]
    fixable: frozenset[str]
    failed: tuple[bool, ...]

    def write(self, format_name: str) -> str:
        """The report in `format_name`, by the CLI's own reporter for that format."""
        out = io.StringIO()
        reporter = FORMATS[format_name](out, self.config)
        summary = Summary()
        reporter.start(self.meta)
        for result, failed in zip(self.results, self.failed, strict=True):
            summary.add(result, failed)
            reporter.document(result, failed)
        reporter.close(summary, self.meta)
        return out.getvalue()


@dataclass(frozen=True)
class Startup:
    """What loading the models at start-up found, for the command to say."""

    loaded: tuple[str, ...]
    unavailable: tuple[str, ...]


class AuditService:
    def __init__(self, config: Config, *, queue: RetranslationQueue | None = None) -> None:
        self.config = config
        self.queue = queue or RetranslationQueue()
        # Private to this process (mode 0700), removed by `close`.
        self._folder = tempfile.TemporaryDirectory(prefix="mt-audit-serve-")
        self.knowledge = KnowledgeFiles(Path(self._folder.name))
        # Fails now, at start-up, on a bad config (unknown rule, severity or option, or a glossary
        # that cannot be read), not on every request.
        Auditor(replace(config, translate=replace(config.translate, mode="off")))
        if config.glossary:
            load_glossary(resolve_glossary_path(config.glossary, config.origin))
        if config.house_names:  # the server's house list serves every request (a client cannot name a path)
            load_house_names(resolve_glossary_path(config.house_names, config.origin))

    def close(self) -> None:
        self._folder.cleanup()

    def load_models(self) -> Startup:
        """Load what re-translation will need (round-trip models, the embedding model) now,
        once, rather than on the first request; direct models load on first use, per language."""
        auditor = Auditor(self.config)
        stage = auditor.stage
        if stage is None or self.config.translate.mode == "off":
            return Startup((), ())
        if self.config.translate.mode in ("auto", "roundtrip"):
            for route in roundtrip_routes(self.config.translate):
                stage.retranslator.unavailable(route)  # loads the route's models; a failure is kept
        loaded = list(stage.models)
        unavailable = [str(failure) for failure in stage.retranslator.failures.values()]
        settings = self.config.divergence
        if settings.embeddings and settings.embedding_model:
            from audit.score import load_embedder

            try:
                loaded.append(load_embedder(settings.embedding_model, self.config.translate.device).name)
            except ModelUnavailable as exc:
                unavailable.append(str(exc))
        return Startup(tuple(loaded), tuple(unavailable))

    # -- one request -------------------------------------------------------------------------

    def configure(self, settings: Settings, glossary: str | None) -> Config:
        """The server's config with the request's settings; ConfigError on a bad one."""
        table = settings.model_dump(exclude_none=True)
        mode = table.pop("retranslate", None)
        config = apply(self.config, table, "request config") if table else self.config
        if mode is not None:
            config = replace(config, translate=replace(config.translate, mode=mode))
        if glossary is not None:
            config = replace(config, glossary=self.knowledge.glossary(glossary) if glossary.strip() else None)
        return config

    def audit(self, request: AuditRequest) -> Run:
        config = self.configure(request.config, request.glossary)
        return self._run(config, [document_from(d) for d in request.documents])

    def _run(self, config: Config, documents: Sequence[Document]) -> Run:
        with self._models(config):
            auditor = Auditor(config)
            results = tuple(auditor.audit(documents))
            meta = auditor.meta()
        return Run(
            config=config,
            meta=meta,
            results=results,
            fixable=fixable_codes(auditor),
            failed=tuple(document_fails(result, config) for result in results),
        )

    def _models(self, config: Config) -> contextlib.AbstractContextManager[None]:
        """The queue's slot when the run may call a model; nothing to wait for otherwise."""
        if config.translate.mode == "off":
            return contextlib.nullcontext()
        return self.queue.slot()

    def fix(self, request: FixRequest) -> FixResponse:
        """One finding's suggestion, or every unambiguous fix as `mt-audit fix` makes them."""
        config = self.configure(request.config, request.glossary)
        document = document_from(request.document)
        if request.finding is None:
            outcome = fix_document(document, Auditor(fix_config(config)))
            text, applied, remaining = outcome.text, outcome.applied, outcome.remaining
        else:
            target = request.finding
            [result] = self._run(config, [document]).results
            found = [f for f in result.findings if (f.code, f.start, f.end) == (target.code, target.start, target.end)]
            if not found:
                raise Conflict(
                    f"{target.code} at [{target.start}, {target.end}) is not among the text's findings; audit it again"
                )
            chosen = [f for f in found if f.suggestion is not None]
            if not chosen:
                raise InputError(f"{target.code} at [{target.start}, {target.end}) has no suggestion to apply")
            text, applied, remaining = apply_fixes(document.text, chosen[:1]), 1, 0
        return FixResponse(
            text=text,
            changed=text != document.text,
            applied=applied,
            remaining=remaining,
            diff=unified_diff(document.id, document.text, text),
        )


def document_from(given: DocumentIn) -> Document:
    """A request's document; `path` stays empty (the client's files are not the server's)."""
    return Document(
        id=given.id,
        text=given.text,
        source=given.source,
        source_lang=given.source_lang,
        retranslations=tuple(given.retranslations),
    )


def read_upload(request: ReadRequest) -> tuple[list[Document], list[str]]:
    """An uploaded file's documents through the CLI's reader for its extension.

    The reader gets a private temporary copy, never a path from the client: the name only
    picks the reader and names the file in messages.
    """
    name = Path(request.name).name or "upload"
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_EXTENSIONS:
        allowed = ", ".join(UPLOAD_EXTENSIONS)
        raise InputError(f"{name}: cannot read {suffix or 'files without an extension'} (allowed: {allowed})")
    try:
        data = base64.b64decode(request.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"{name}: content_base64 is not valid base64") from None
    with tempfile.TemporaryDirectory(prefix="mt-audit-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        reader = READERS.get(suffix)
        items: list[Any] = list(reader(path, name) if reader is not None else read_text(path, name))
    documents = [replace(item, path=None) for item in items if isinstance(item, Document)]
    errors = [str(item) for item in items if isinstance(item, ReadFailure)]
    if not documents and not errors:
        raise InputError(f"{name}: nothing to audit")
    return documents, errors
