"""`--jobs N`: the model-free checks of a batch in a pool of processes, in order, streamed.

Documents go to the workers in chunks; at most `2 * jobs` chunks are in flight, and results
come back in input order, so memory stays flat and the report reads the same as with one
job. Only the model-free stage runs in the workers: re-translation, which batches across
documents and holds a model (and a GPU), stays in this process. Workers are forked where
the platform allows, so they start with the rules this process registered.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Self

from audit.config import Config
from audit.io.base import ReadFailure
from audit.pipeline import (
    ActiveCheck,
    Auditor,
    CheckCrash,
    finish_chunk,
    active_checks,
    failure_result,
    make_context,
    run_checks,
)
from audit.types import Document, DocumentResult, Finding

CHUNK_SIZE = 32

# Per worker process: the selected checks, built once by `_start_worker`.
_worker: dict[str, Any] = {}


def _start_worker(config: Config, strict: bool) -> None:
    _worker.update(config=config, strict=strict, checks=active_checks(config))


def _check_chunk(documents: list[Document]) -> list[tuple[list[Finding], str | None]]:
    """Model-free findings per document, or the crash report of the check that failed."""
    config: Config = _worker["config"]
    checks: list[ActiveCheck] = _worker["checks"]
    out: list[tuple[list[Finding], str | None]] = []
    for document in documents:
        try:
            findings = run_checks(make_context(document, config), checks, with_retranslation=False, strict=_worker["strict"])
        except CheckCrash as exc:
            out.append(([], str(exc)))
            continue
        out.append((findings, None))
    return out


def _ready() -> bool:
    return True


class ParallelAuditor:
    """Wraps an `Auditor`; use as a context manager so the pool starts and stops with the run."""

    def __init__(self, auditor: Auditor, jobs: int, *, chunk_size: int = CHUNK_SIZE) -> None:
        self.auditor = auditor
        self.jobs = jobs
        self.chunk_size = chunk_size
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self.auditor.config, self.auditor.strict),
        )
        # Start the workers now, before any thread of ours (the progress bar) exists.
        self._pool.submit(_ready).result()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def audit(self, items: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        pool = self._pool
        if pool is None:
            raise RuntimeError("use ParallelAuditor as a context manager")
        iterator = iter(items)
        in_flight: collections.deque[tuple[list[Document | ReadFailure], Future[Any]]] = collections.deque()
        while True:
            while len(in_flight) < 2 * self.jobs and (chunk := list(itertools.islice(iterator, self.chunk_size))):
                documents = [item for item in chunk if isinstance(item, Document)]
                in_flight.append((chunk, pool.submit(_check_chunk, documents)))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            yield from self._results(chunk, future.result())

    def _results(
        self, chunk: list[Document | ReadFailure], checked: list[tuple[list[Finding], str | None]]
    ) -> Iterator[DocumentResult]:
        """Put the chunk back in order; documents go through the re-translation stage when it runs."""
        outcomes = iter(checked)
        results: list[DocumentResult | None] = []
        pending = []
        for item in chunk:
            if isinstance(item, ReadFailure):
                results.append(failure_result(item))
                continue
            findings, error = next(outcomes)
            if error is not None:
                results.append(DocumentResult(document=item, error=error))
                continue
            if self.auditor.stage is None:
                results.append(DocumentResult(document=item, findings=tuple(sorted(findings, key=Finding.sort_key))))
                continue
            pending.append((len(results), make_context(item, self.auditor.config), findings))
            results.append(None)
        for index, result in finish_chunk(pending, self.auditor.stage, self.auditor.checks, self.auditor.strict):
            results[index] = result
        yield from (result for result in results if result is not None)
