"""`--engine ray`: the same pipeline on Ray Data, on this machine or across a cluster.

The dataset is a stream of chunks, each `Auditor.chunk_size` items of the feed (documents or
read failures) in input order, as the local engine takes them:
- one read task, kept on this machine's node, streams the feed through the readers
  (`audit.io.Feed`), so the files need to be here only; each chunk keeps its position;
- the model-free checks run as CPU `map_batches` tasks (`pipeline.check_model_free`);
- each chunk is then assembled (`Auditor.assemble`: re-translation, alignment, scoring, the
  checks that need them, and every per-document stage after those) by a pool of actors that
  each hold an `Auditor` with its models, one per GPU or N on CPUs; when no selected check
  needs re-translation, plain tasks assemble it;
- Ray Data keeps the chunks in input order; this process yields their results, chunk by
  chunk, to the caller (the CLI's reporters), and absorbs what the workers' re-translation
  stages learnt into its own `Auditor`, so the run metadata covers the whole run.
This module moves chunks between the pipeline's own stages and runs none of its own. Each
node's workers use that node's re-translation cache.

Importing it imports Ray; without Ray it raises a `ConfigError` naming the extra to install.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import logging
import os
import socket
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, TypeVar

from audit import __version__
from audit.config import Config
from audit.errors import AuditError, ConfigError
from audit.io import Feed
from audit.pipeline import ActiveCheck, Auditor, ModelFree, active_checks, check_model_free, load_knowledge
from audit.types import Document, DocumentResult

EXTRA = "pip install 'mt-audit[ray]'"

try:
    import ray
    import ray.data
    from ray import cloudpickle
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask
    from ray.exceptions import RayError
except ImportError as exc:
    raise ConfigError(f"--engine ray: Ray is not installed ({exc}); install the extra: {EXTRA}") from None

# Seconds to wait for a cluster's head to answer before saying it cannot be reached.
CONNECT_TIMEOUT_S = 5.0
# What a client sends first on an HTTP/2 connection (RFC 9113, 3.4) and an empty SETTINGS frame.
# Ray's head speaks gRPC, so it answers with a SETTINGS frame of its own.
HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])
SETTINGS_FRAME = 4

# The dataset's columns: one row per chunk.
POSITION = "position"  # index in the feed of the chunk's first item
ITEMS = "items"  # the chunk: Documents and ReadFailures
CHECKED = "checked"  # its documents' model-free outcomes
RESULTS = "results"  # its DocumentResults
NOTES = "notes"  # what the directory walk skipped while the chunk was read: (path, reason)
RECORD = "record"  # what the worker's re-translation stage learnt on it (an evidence.StageRecord), or b""


_T = TypeVar("_T")


@dataclass(frozen=True)
class WorkerPlan:
    """How a run uses the cluster."""

    # Actors holding the models; 0 when no selected check needs re-translation.
    model_workers: int
    # GPUs per model worker: 1, or 0 for CPU workers.
    gpus: int
    # Model-free tasks at most at once. With model workers, every CPU of the cluster: the CPUs
    # the workers leave, in practice, and never the workers' own number, which would let Ray
    # Data fuse the tasks into the workers (its rule for a task pool before an actor pool).
    model_free_tasks: int
    cpus: int

    def describe(self) -> str:
        if not self.model_workers:
            return f"ray: model-free checks in up to {self.model_free_tasks} tasks at once, {self.cpus} CPUs in the cluster"
        kind = "GPU" if self.gpus else "CPU"
        plural = "s" if self.model_workers != 1 else ""
        return (
            f"ray: {self.model_workers} {kind} model worker{plural}, model-free checks on the CPUs left, "
            f"{self.cpus} CPUs in the cluster"
        )


def plan_workers(resources: Mapping[str, float], workers: int | None, *, models: bool, device: str) -> WorkerPlan:
    """One model worker per GPU (or `workers` of them), else `workers` CPU workers; an error when they cannot fit."""
    cpus, gpus = int(resources.get("CPU", 0)), int(resources.get("GPU", 0))
    if not models:
        return WorkerPlan(0, 0, workers or max(1, cpus), cpus)
    on_gpus = gpus > 0 and device != "cpu"
    if on_gpus and workers is not None and workers > gpus:
        raise ConfigError(
            f"--workers {workers}: the cluster has {gpus} GPU{'s' if gpus != 1 else ''}, one model worker each; "
            f"give at most {gpus}, or --device cpu for CPU workers"
        )
    count = workers or (gpus if on_gpus else max(1, cpus - 1))
    if count + 1 > cpus:
        fix = f"give at most {cpus - 1}, or add nodes" if cpus > 1 else "add nodes"
        raise ConfigError(
            f"--workers {count}: each model worker takes a CPU and the model-free checks one more, "
            f"but the cluster has {cpus}; {fix}"
        )
    return WorkerPlan(count, 1 if on_gpus else 0, cpus, cpus)


class RayAuditor:
    """Wraps an `Auditor`; use as a context manager so Ray starts (or is joined) and stops with the run.

    Without `address` (nor RAY_ADDRESS) it starts Ray on this machine; with one, it joins that
    cluster. A Ray the caller has already initialised is used as it is, and left running.
    """

    def __init__(
        self, auditor: Auditor, *, address: str | None = None, workers: int | None = None, verbose: bool = False
    ) -> None:
        self.auditor = auditor
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.workers = workers
        self.verbose = verbose
        self.plan: WorkerPlan | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> Self:
        with contextlib.ExitStack() as entering:
            entering.callback(self._stack.close)
            if not self.verbose:
                self._stack.enter_context(_quiet_ray())
            self._connect()
            self.plan = plan_workers(
                ray.cluster_resources(),  # type: ignore[no-untyped-call]
                self.workers,
                models=self.auditor.stage is not None,
                device=self.auditor.config.translate.device,
            )
            entering.pop_all()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stack.close()

    def _connect(self) -> None:
        if self.address is not None:
            check_reachable(self.address)
        if ray.is_initialized():
            return
        os.environ.setdefault("RAY_AUTH_MODE", "disabled")
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        settings: dict[str, Any] = {
            "logging_level": logging.INFO if self.verbose else logging.ERROR,
            "log_to_driver": self.verbose,
        }
        with contextlib.ExitStack() as starting:
            if self.address is None:
                settings.update(num_cpus=self._local_cpus(), include_dashboard=False)
            else:
                settings.update(address=self.address)
            if not self.verbose:
                starting.enter_context(_stderr_silenced())
            try:
                ray.init(**settings)
            except ConnectionError as exc:
                raise ConfigError(
                    f"--ray-address {self.address}: no Ray cluster answers there ({exc}); "
                    "start one with `ray start --head`, or check the address"
                ) from None
        self._stack.callback(ray.shutdown)

    def _local_cpus(self) -> int:
        """This machine's CPUs, or as many as the workers asked for need (a model worker takes one)."""
        cpus = os.cpu_count() or 1
        workers = self.workers or 1
        return max(cpus, workers + 1 if self.auditor.stage is not None else workers)

    def audit(self, feed: Feed) -> Iterator[DocumentResult]:
        """The results of every document of `feed`, in input order, through the feed stage.

        An error a worker raised on a chunk is raised here, where that chunk's results would
        have come, as the local engine raises it.
        """
        return self.auditor.across_feed(self._chunk_results(feed))

    def _chunk_results(self, feed: Feed) -> Iterator[DocumentResult]:
        """Each chunk's results as the workers made them, in input order."""
        if self.plan is None:
            raise RuntimeError("use RayAuditor as a context manager")
        expected = 0
        with _ray_failures():
            for row in self._dataset(feed).iter_rows():
                if row[POSITION] != expected:
                    raise RuntimeError(f"ray returned the chunk at {row[POSITION]} where the one at {expected} was due")
                if feed.skipped is not None:
                    for path, reason in _loads(row[NOTES]):
                        feed.skipped(path, reason)
                if row[RECORD]:
                    self.auditor.absorb(_loads(row[RECORD]))
                results: list[DocumentResult] | Raised = _loads(row[RESULTS])
                if isinstance(results, Raised):
                    raise results.error
                expected += len(results)
                yield from results

    def _dataset(self, feed: Feed) -> Any:
        plan = self.plan
        if plan is None:
            raise RuntimeError("use RayAuditor as a context manager")
        settings = {"config": self.auditor.config, "strict": self.auditor.strict, "version": __version__}
        read = ray.data.read_datasource(
            # The walk's notes come back with the chunks, to be told here (`read_chunks`).
            FeedSource(dataclasses.replace(feed, skipped=None), self.auditor.chunk_size),
            override_num_blocks=1,
            # The reader takes no CPU: it never waits for a worker's, and is never fused with them.
            num_cpus=0,
        )
        # This run's own copy of Ray Data's settings, shared by the stages below: a block per chunk
        # (every chunk is over a byte), so each chunk is a call of its own; chunks back in input
        # order; the CLI's progress bar, not Ray's.
        context = read.context
        context.target_max_block_size = 1
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = self.verbose
        tasks = ray.data.TaskPoolStrategy(size=plan.model_free_tasks)
        checked = read.map_batches(
            check_chunks, batch_size=1, batch_format="numpy", compute=tasks, num_cpus=1, fn_kwargs=settings
        )
        if not plan.model_workers:
            return checked.map_batches(
                assemble_chunks, batch_size=1, batch_format="numpy", compute=tasks, num_cpus=1, fn_kwargs=settings
            )
        return checked.map_batches(
            ModelWorker,
            batch_size=1,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=plan.model_workers),
            num_cpus=1,
            num_gpus=plan.gpus or None,
            fn_constructor_kwargs=settings,
        )


class FeedSource(Datasource):
    """The feed as one streaming read task on this machine's node, a row per chunk."""

    def __init__(self, feed: Feed, chunk_size: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.feed = feed
        self.chunk_size = chunk_size

    @property
    def supports_distributed_reads(self) -> bool:
        # The files are on this machine: Ray runs the read task on the driver's node.
        return False

    def estimate_inmemory_data_size(self) -> int | None:
        return None

    def get_read_tasks(
        self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
    ) -> list[Any]:
        metadata = BlockMetadata(num_rows=None, size_bytes=None, input_files=None, exec_stats=None)
        return [ReadTask(functools.partial(read_chunks, self.feed, self.chunk_size), metadata)]


def read_chunks(feed: Feed, chunk_size: int) -> Iterator[Any]:
    """The feed, read as a stream, a one-row block per chunk of `chunk_size` items with the walk's notes.

    A last row without items carries the notes of a walk that skipped something after the last item.
    """
    import pyarrow

    notes: list[tuple[str, str]] = []
    items = iter(dataclasses.replace(feed, skipped=lambda path, reason: notes.append((path, reason))))
    position = 0
    while (chunk := list(itertools.islice(items, chunk_size))) or notes:
        yield pyarrow.table({POSITION: [position], ITEMS: [_dumps(chunk)], NOTES: [_dumps(notes)]})
        notes.clear()
        position += len(chunk)
        if not chunk:
            return


# ------------------------------------------------------------------------ in the worker processes


@dataclass(frozen=True)
class Raised:
    """An error a stage raised on a chunk, carried to the command as the chunk's outcome."""

    error: Exception


def check_chunks(batch: dict[str, Any], *, config: Config, strict: bool, version: str) -> dict[str, Any]:
    """The model-free stage of each chunk (a Ray task)."""
    return {**batch, CHECKED: [_dumps(_attempt(_check, blob, config, strict, version)) for blob in batch[ITEMS]]}


def _check(items: bytes, config: Config, strict: bool, version: str) -> list[ModelFree]:
    documents = [item for item in _loads(items) if isinstance(item, Document)]
    return check_model_free(documents, config, _checks(config, version), strict)


def assemble_chunks(batch: dict[str, Any], *, config: Config, strict: bool, version: str) -> dict[str, Any]:
    """The results of each chunk when no model is needed (a Ray task)."""
    results = [
        _dumps(_assemble(_attempt(_auditor, config, strict, version), items, checked)) for items, checked in _rows(batch)
    ]
    return {POSITION: batch[POSITION], NOTES: batch[NOTES], RESULTS: results, RECORD: [b""] * len(results)}


class ModelWorker:
    """A Ray actor holding an `Auditor` with its models: each chunk's results, and what its stage learnt on it."""

    def __init__(self, *, config: Config, strict: bool, version: str) -> None:
        self.auditor = _attempt(_auditor, config, strict, version)
        self.record = None if isinstance(self.auditor, Raised) else self.auditor.record()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        results, records = [], []
        for items, checked in _rows(batch):
            results.append(_dumps(_assemble(self.auditor, items, checked)))
            records.append(self._learnt())
        return {POSITION: batch[POSITION], NOTES: batch[NOTES], RESULTS: results, RECORD: records}

    def _learnt(self) -> bytes:
        """What the stage learnt since the last chunk, for the command's run metadata."""
        if isinstance(self.auditor, Raised) or self.record is None:
            return b""
        record = self.auditor.record()
        learnt, self.record = record.since(self.record), record
        return _dumps(learnt)


def _assemble(auditor: Auditor | Raised, items: bytes, checked: bytes) -> list[DocumentResult] | Raised:
    outcomes: list[ModelFree] | Raised = _loads(checked)
    if isinstance(outcomes, Raised):
        return outcomes
    if isinstance(auditor, Raised):
        return auditor
    return _attempt(lambda: list(auditor.assemble(_loads(items), outcomes)))


def _attempt(work: Callable[..., _T], *args: Any) -> _T | Raised:
    """`work(*args)`, or what it raised (strict mode's crashes, a user's error, a bug), to raise in the command."""
    try:
        return work(*args)
    except Exception as exc:
        return Raised(exc)


def _rows(batch: dict[str, Any]) -> Iterator[tuple[bytes, bytes]]:
    return zip(batch[ITEMS], batch[CHECKED], strict=True)


# Per worker process, built once per run's config: tasks of one run share them.
_CHECKS: dict[str, list[ActiveCheck]] = {}
_AUDITORS: dict[tuple[str, bool], Auditor] = {}


def _checks(config: Config, version: str) -> list[ActiveCheck]:
    key = config.hash()
    if key not in _CHECKS:
        _same_version(version)
        load_knowledge(config)  # a glossary missing on this node: one error for the run, as locally
        _CHECKS[key] = active_checks(config)
    return _CHECKS[key]


def _auditor(config: Config, strict: bool, version: str) -> Auditor:
    key = (config.hash(), strict)
    if key not in _AUDITORS:
        _same_version(version)
        _AUDITORS[key] = Auditor(config, strict=strict)
    return _AUDITORS[key]


def _same_version(version: str) -> None:
    if version != __version__:
        node = ray.util.get_node_ip_address()  # type: ignore[no-untyped-call]
        raise ConfigError(
            f"node {node} runs mt-audit {__version__}, this command {version}; install the same version on every node"
        )


def _dumps(value: object) -> bytes:
    return bytes(cloudpickle.dumps(value))  # type: ignore[no-untyped-call]


def _loads(blob: bytes) -> Any:
    return cloudpickle.loads(blob)


# ---------------------------------------------------------------------- connecting, quietly


def check_reachable(address: str) -> None:
    """A one-line error, within seconds, when no Ray head answers at a cluster address (HOST:PORT or auto).

    Ray itself would retry for minutes. This opens a connection and reads the first frame of
    an HTTP/2 exchange: a closed port, an unreachable host or a server of another kind is told
    apart at once.
    """
    if address == "auto":
        return  # Ray finds a cluster started on this machine, or says at once there is none
    if address.startswith("ray://"):
        raise ConfigError(
            f"--ray-address {address}: Ray Client cannot read the feed's files from this machine; run mt-audit "
            "on a node of the cluster with the head's HOST:PORT (or auto), e.g. through `ray job submit`"
        )
    host, colon, port = address.rpartition(":")
    if not colon or not host or not port.isdigit():
        raise ConfigError(f"--ray-address {address}: give the head's HOST:PORT (6379 unless set otherwise), or auto")
    try:
        connection = socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S)
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else exc.strerror or str(exc)
        raise ConfigError(
            f"--ray-address {address}: cannot reach it ({reason}); start the cluster with `ray start --head`, "
            "or check the address"
        ) from None
    header = b""
    with connection, contextlib.suppress(OSError):  # a server that resets or stays silent is no Ray head
        connection.sendall(HTTP2_PREFACE)
        while len(header) < 9 and (received := connection.recv(9 - len(header))):
            header += received
    if len(header) < 9 or header[3] != SETTINGS_FRAME:
        raise ConfigError(
            f"--ray-address {address}: something answers there, but not a Ray cluster's head; give the head's "
            "GCS port (6379 unless set otherwise)"
        )


@contextlib.contextmanager
def _quiet_ray() -> Iterator[None]:
    """Ray's logs, warnings and progress lines off the terminal (`--verbose` keeps them)."""
    data = logging.getLogger("ray.data")
    consoles = [handler for handler in data.handlers if isinstance(handler, logging.StreamHandler)]
    levels = [handler.level for handler in consoles]
    # The C++ core's log lines on stderr, in this process and the local cluster it starts.
    core = {} if "RAY_BACKEND_LOG_LEVEL" in os.environ else {"RAY_BACKEND_LOG_LEVEL": "fatal"}
    with warnings.catch_warnings(), _environ(**core):
        warnings.filterwarnings("ignore", module=r"ray(\.|$)")
        for handler in consoles:
            handler.setLevel(logging.CRITICAL)
        try:
            yield
        finally:
            for handler, level in zip(consoles, levels, strict=True):
                handler.setLevel(level)


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 to /dev/null: the line Ray's C++ core prints as it starts goes nowhere."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


@contextlib.contextmanager
def _environ(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def _ray_failures() -> Iterator[None]:
    """A failure of Ray itself (a worker or node lost, the object store full) as one line."""
    try:
        yield
    except RayError as exc:
        lines = str(exc).strip().splitlines()
        raise AuditError(f"ray: {lines[0] if lines else type(exc).__name__}") from None
