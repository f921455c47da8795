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
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Self

from audit.config import Config
from audit.io.base import ReadFailure
from audit.pipeline import Auditor, ModelFree, active_checks, check_model_free
from audit.types import Document, DocumentResult

CHUNK_SIZE = 32

# Per worker process: the selected checks, built once by `_start_worker`.
_worker: dict[str, Any] = {}


def _start_worker(config: Config, strict: bool) -> None:
    # Ctrl-C, a closed terminal and `kill` of the group signal every process of it: the main
    # process alone handles them (and stops the pool), so no worker dies printing a traceback
    # of its own, or (SIGTERM, whose handler a forked worker inherits) raises while it holds
    # the pool's queue, which left the main process waiting on that queue for ever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker.update(config=config, strict=strict, checks=active_checks(config))


def _check_chunk(documents: list[Document]) -> list[ModelFree]:
    return check_model_free(documents, _worker["config"], _worker["checks"], _worker["strict"])


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
        return self.auditor.across_feed(self._chunks(pool, items))

    def _chunks(self, pool: ProcessPoolExecutor, items: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        iterator = iter(items)
        in_flight: collections.deque[tuple[list[Document | ReadFailure], Future[Any]]] = collections.deque()
        while True:
            while len(in_flight) < 2 * self.jobs and (chunk := list(itertools.islice(iterator, self.chunk_size))):
                documents = [item for item in chunk if isinstance(item, Document)]
                in_flight.append((chunk, pool.submit(_check_chunk, documents)))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            yield from self.auditor.assemble(chunk, future.result())
